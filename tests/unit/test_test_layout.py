"""The tests' own layout, which keeps them easy to extend: shared helpers live in
tests/support, fixtures in the conftest.py of each tier, and every app is built by the one
factory (``tests.support.app``). A test module imports no other test module."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support import ROOT

TESTS = ROOT / "tests"
SUPPORT = TESTS / "support"
# The one place allowed to build an app from the product's own factory.
FACTORY = SUPPORT / "app.py"


def python_files() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts)


def modules_of_tests() -> list[Path]:
    return [p for p in python_files() if p.name.startswith("test_")]


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def imported(source: str) -> set[str]:
    """Every module ``source`` imports, as dotted names; ``from a import b`` counts both
    ``a`` and ``a.b`` (b may be a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def imports_of_test_files(source: str) -> list[str]:
    """The test modules and conftest files ``source`` imports: anything under ``tests``
    outside ``tests.support``, and any relative import (which only reaches test files)."""
    def allowed(module: str) -> bool:
        return module in ("tests", "tests.support") or module.startswith("tests.support.")

    return sorted(m for m in imported(source)
                  if m.startswith(".") or (m.split(".")[0] == "tests" and not allowed(m)))


def fixture_names(source: str) -> list[str]:
    """Names of the functions ``source`` declares as pytest fixtures."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef):
            continue
        for deco in node.decorator_list:
            target = deco.func if isinstance(deco, ast.Call) else deco
            dotted = ast.unparse(target)
            if dotted in ("pytest.fixture", "fixture"):
                out.append(node.name)
    return out


def app_fixtures(source: str) -> list[str]:
    """Fixtures that build an app or a client: ``app``, ``client``, ``*_app``, ``*_client``."""
    return [n for n in fixture_names(source)
            if n in ("app", "client") or n.endswith(("_app", "_client"))]


def builds_app_itself(source: str) -> bool:
    """Whether ``source`` calls the product's ``create_app`` rather than the tests' factory."""
    return any("create_app" in m for m in imported(source)) or any(
        isinstance(node, ast.Name | ast.Attribute)
        and (getattr(node, "id", None) or getattr(node, "attr", None)) == "create_app"
        for node in ast.walk(ast.parse(source))
    )


# --- the rules, on the files as they are ---------------------------------------------------


def test_no_test_module_or_support_module_imports_a_test_module():
    offenders = {name(p): found for p in python_files()
                 if (found := imports_of_test_files(p.read_text(encoding="utf-8")))}
    assert offenders == {}, "import helpers from tests.support instead"


def test_app_and_client_fixtures_are_declared_only_in_conftest_files():
    offenders = {name(p): found for p in modules_of_tests()
                 if (found := app_fixtures(p.read_text(encoding="utf-8")))}
    assert offenders == {}, "declare app and client fixtures in the tier's conftest.py"


def test_only_the_support_factory_builds_an_app_from_create_app():
    offenders = [name(p) for p in python_files()
                 if p != FACTORY and builds_app_itself(p.read_text(encoding="utf-8"))]
    assert offenders == [], "build apps with tests.support.app.make_app"


def test_shared_helpers_live_in_the_support_package():
    loose = [name(p) for p in TESTS.glob("*.py") if p.name != "conftest.py"]
    assert loose == [], "move shared helpers into tests/support"
    for tier in ("unit", "integration", "browser"):
        helpers = [name(p) for p in (TESTS / tier).glob("*.py")
                   if p.name != "conftest.py" and not p.name.startswith("test_")]
        assert helpers == [], f"tests/{tier} holds only test modules and its conftest.py"


# --- the checks find what they look for ------------------------------------------------------


def test_the_checks_find_a_test_module_imported_by_another():
    assert imports_of_test_files("from tests.browser import test_browser_dashboard") == [
        "tests.browser", "tests.browser.test_browser_dashboard"]
    assert imports_of_test_files("import tests.integration.test_export as e") == [
        "tests.integration.test_export"]
    assert imports_of_test_files("from tests.conftest import GOOD_ROWS")[0] == "tests.conftest"
    assert imports_of_test_files("from tests import bigfile") == ["tests.bigfile"]
    assert imports_of_test_files("from .test_export import png_size") == [
        ".test_export", ".test_export.png_size"]
    assert imports_of_test_files(
        "from tests.support.browser import open_dashboard\nfrom tests.support import ROOT") == []


def test_the_checks_find_an_app_fixture_and_a_direct_create_app():
    source = '''
import pytest
from trade_dash.web.app import create_app

@pytest.fixture(scope="module")
def app():
    return create_app(Config())

@pytest.fixture
def no_browser_app(): ...

@pytest.fixture
def summary(bundled): ...
'''
    assert app_fixtures(source) == ["app", "no_browser_app"]
    assert builds_app_itself(source)
    assert not builds_app_itself("from tests.support.app import make_app\napp = make_app()")

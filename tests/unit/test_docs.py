"""The documentation states what users can set and type, its command-line reference
comes from the command itself, and the README stays a short front page."""

from __future__ import annotations

import argparse
import functools
import importlib.util
import re
from types import ModuleType

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from tests.support import ROOT
from trade_dash.cli import build_parser
from trade_dash.config import SETTINGS
from trade_dash.domain.schema import COLUMNS

DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
# An option as a whole word, so that ``--target-year`` does not count for ``--target``.
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*(?![\w-])")


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _hook() -> ModuleType:
    """The mkdocs hook that writes the command-line reference, as mkdocs loads it."""
    path = DOCS / "hooks" / "cli_reference.py"
    spec = importlib.util.spec_from_file_location("cli_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = _hook()


def _commands() -> dict[str, argparse.ArgumentParser]:
    return HOOK.subcommands(build_parser())


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {f for a in parser._actions for f in a.option_strings if f.startswith("--")}


# --- the README -------------------------------------------------------------------


def test_readme_is_a_short_front_page():
    assert len(README.splitlines()) <= 150


def test_readme_links_and_screenshot_lead_to_files_that_exist():
    targets = re.findall(r"\]\(([^)#\s]+)[^)]*\)", README)
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert "docs/img/dashboard.png" in local
    assert {t for t in local if t.startswith("docs/") and t.endswith(".md")} >= {
        f"docs/{name}" for name in ("getting-started.md", "data-file.md", "method.md",
                                    "exports.md", "cli.md", "deployment.md", "languages.md",
                                    "accessibility.md")
    }
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []


def _synopsis() -> list[str]:
    section = README[README.index("## Command line"):]
    block = section[section.index("```") + 3:]
    return [line for line in block[:block.index("```")].splitlines() if line.strip()]


def test_readme_synopsis_is_ten_lines_naming_every_command():
    lines = _synopsis()
    assert len(lines) == 10
    assert all(line.startswith("trade-dash ") for line in lines)
    assert {line.split()[1] for line in lines} == set(_commands())


def test_readme_synopsis_shows_only_options_its_command_has():
    commands = _commands()
    for line in _synopsis():
        name = line.split()[1]
        shown = set(OPTION.findall(line))
        assert shown <= _options(commands[name]), (name, shown - _options(commands[name]))


def test_ci_runs_the_documented_test_command():
    assert "`make test`" in README and "`make test`" in page("getting-started.md")
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_make_test_builds_the_docs_so_that_any_warning_fails():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = makefile[makefile.index("\ntest:"):].split("\n", 2)[1]
    assert " docs" in test_rule, test_rule  # make test builds the docs first
    rule = makefile[makefile.index("\ndocs:"):]
    rule = rule[:rule.index("\n\n")]
    build = next(line for line in rule.splitlines() if "mkdocs build" in line)
    # --quiet would hide the warnings that --strict counts.
    assert "--strict" in build and "--quiet" not in build and " -q" not in build


# --- pages that make the README's former promises ----------------------------------


def _settings_rows() -> dict[str, list[str]]:
    rows = {}
    for line in page("deployment.md").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `TRADE_DASH_"):
            rows[cells[0].strip("`")] = cells
    return rows


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_documented_on_the_deployment_page_with_its_default(name):
    variable, default, _meaning = SETTINGS[name]
    rows = _settings_rows()
    assert variable in rows, f"{variable} is not in the settings table of deployment.md"
    if default is not None:
        assert rows[variable][1] == f"`{default}`"


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_is_documented_on_the_data_file_page(column):
    assert f"| `{column}` |" in page("data-file.md")


# --- the command-line reference, generated at build time ---------------------------


def _reference_page() -> str:
    """docs/cli.md as the hook turns it into the page the site shows."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    file = File("cli.md", str(DOCS), config["site_dir"], config["use_directory_urls"])
    return HOOK.on_page_markdown(page("cli.md"), page=Page(None, file, config), config=config)


@functools.cache
def _reference_sections() -> dict[str, str]:
    """The generated page's section for each command, by its heading."""
    parts = re.split(r"^## `trade-dash ?([a-z]*)`$", _reference_page(), flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_reference_page_holds_no_hand_written_help():
    source = page("cli.md")
    assert source.count(HOOK.MARKER) == 1
    assert "usage:" not in source


def test_every_command_has_its_section_in_the_generated_reference():
    sections = _reference_sections()
    assert set(sections) == {"", *_commands()}
    for name in _commands():
        assert f"usage: trade-dash {name} " in sections[name]


@pytest.mark.parametrize(
    ("command", "flag"),
    sorted((c, f) for c, p in _commands().items() for f in _options(p)),
)
def test_every_option_is_in_its_command_s_generated_reference(command, flag):
    assert flag in set(OPTION.findall(_reference_sections()[command]))

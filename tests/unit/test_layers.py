"""The layer contracts in pyproject.toml hold, and they fail when a low layer reaches up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(src: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([str(LINT), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the package to break on purpose."""
    shutil.copytree(ROOT / "src" / "trade_dash", tmp_path / "trade_dash",
                    ignore=shutil.ignore_patterns("__pycache__", "vendor", "locale"))
    return tmp_path


def test_the_project_keeps_its_layers():
    done = lint(ROOT / "src")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_the_domain_importing_the_wording_layer_breaks_the_contract(copy):
    model = copy / "trade_dash" / "domain" / "model.py"
    model.write_text(model.read_text() + "\nfrom trade_dash.wording import english  # noqa\n")
    done = lint(copy)
    assert done.returncode != 0
    assert "trade_dash.domain.model -> trade_dash.wording" in done.stdout


def test_a_cycle_between_two_domain_modules_breaks_the_contract(copy):
    records = copy / "trade_dash" / "domain" / "records.py"
    records.write_text(records.read_text() + "\nfrom trade_dash.domain import summary  # noqa\n")
    done = lint(copy)
    assert done.returncode != 0
    assert "No import cycles" in done.stdout and "BROKEN" in done.stdout

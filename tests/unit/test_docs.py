"""The README documents what users can set and type."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from trade_dash.config import SETTINGS
from trade_dash.data import COLUMNS

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_every_setting_is_documented(name):
    assert f"`{SETTINGS[name][0]}`" in README


@pytest.mark.parametrize("column", COLUMNS)
def test_every_column_is_documented(column):
    assert f"| `{column}` |" in README


def test_ci_runs_the_readme_test_command():
    assert "`make test`" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

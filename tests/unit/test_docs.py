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


def _options():
    from trade_dash.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, cmd in sub.choices.items():
        for action in cmd._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    yield name, flag


@pytest.mark.parametrize(("command", "flag"), sorted(set(_options())))
def test_every_cli_option_is_documented(command, flag):
    assert f"trade-dash {command}" in README
    assert flag in README

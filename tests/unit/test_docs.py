"""The README documents what users can set and type."""

from __future__ import annotations

import functools
import re

import pytest

from tests.support import ROOT
from trade_dash.config import SETTINGS
from trade_dash.domain.schema import COLUMNS

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


def _options() -> dict[str, set[str]]:
    """Each command of the parser and its options."""
    from trade_dash.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return {
        name: {f for a in cmd._actions for f in a.option_strings if f not in ("-h", "--help")}
        for name, cmd in sub.choices.items()
    }


@functools.cache
def _synopsis() -> dict[str, set[str]]:
    """Options each command's synopsis in the README's Command line block shows, as whole
    words (so ``--target-year`` does not count for ``--target``)."""
    section = README[README.index("## Command line"):]
    block = section[section.index("```") + 3:]
    block = block[:block.index("```")]
    shown: dict[str, set[str]] = {}
    command = None
    for line in block.splitlines():
        if line.startswith("trade-dash "):
            command = line.split()[1]
        if command:
            shown.setdefault(command, set()).update(re.findall(r"(?<![\w-])--[a-z][a-z-]*", line))
    return shown


def test_each_command_synopsis_lists_exactly_its_options():
    assert _synopsis() == _options()


@pytest.mark.parametrize(
    ("command", "flag"), sorted((c, f) for c, flags in _options().items() for f in flags)
)
def test_every_cli_option_is_documented(command, flag):
    assert flag in _synopsis().get(command, set())

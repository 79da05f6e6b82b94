"""Each scenario control is declared once (domain/controls.py) and every surface reads it."""

from __future__ import annotations

import argparse
from dataclasses import replace

import pytest

from trade_dash.cli import build_parser
from trade_dash.domain.controls import CONTROLS, READ_ORDER, REPORTER
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.web import callbacks
from trade_dash.wording import page as page_words
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import LANGUAGES


def _options(parser: argparse.ArgumentParser, command: str) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {o for a in sub.choices[command]._actions for o in a.option_strings}


@pytest.mark.parametrize("command", ["summary", "export"])
def test_the_command_line_offers_every_control(command):
    options = _options(build_parser(), command)
    assert {c.option for c in CONTROLS} <= options


def test_the_address_round_trips_every_control(bundled):
    """Each control written into the address reads back as it was written."""
    base = default_scenario(bundled)
    changed = replace(base, growth_pct=12.5, target_year=2035, target_musd=750.0, base="full",
                      method="seasonal", band_pct=2.5, reporter="KZ")
    query = changed.query()
    assert [k.split("=")[0] for k in query.split("&")] == [c.key for c in CONTROLS]
    again, notices = scenario_from_query(bundled, query)
    assert notices == []
    for c in CONTROLS:
        assert getattr(again, c.attr) == getattr(changed, c.attr), c.key


def test_the_page_reads_and_writes_every_control():
    assert set(callbacks.CONTROLS) == {c.component for c in CONTROLS}
    assert set(callbacks.KEYS.values()) == {c.key for c in CONTROLS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_control_is_named_and_labelled_in_every_language(lang):
    w = Wording.for_lang(lang)
    for c in CONTROLS:
        assert w.label("control", c.key)
        assert page_words.control_label(w, c)
        if lang != "en":
            assert w.gettext(c.help) != c.help, (lang, c.key)


def test_the_reporter_is_read_first():
    """Its defaults decide the others', so the parsers read it before them."""
    assert READ_ORDER[0] is REPORTER and set(READ_ORDER) == set(CONTROLS)

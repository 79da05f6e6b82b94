"""Chart texts in the reader's language: title, unit and tick separators."""

from __future__ import annotations

import pytest

from trade_dash import figures
from trade_dash.scenario import analyse, default_scenario
from trade_dash.wording import Wording

# Worked out by hand from the catalogs' intent and CLDR: ru and kk write a decimal comma
# and a (no-break) space between groups; mn a point and a comma, like English.
CASES = [
    ("ru", "Торговля Казахстана и Монголии: путь к цели", "млн долл. США", ",\u00a0"),
    ("kk", "Қазақстан мен Моңғолия саудасы: мақсатқа жету жолы", "млн АҚШ доллары", ",\u00a0"),
    ("mn", "Казахстан, Монголын худалдаа: зорилтод хүрэх зам", "сая ам. доллар", ".,"),
    ("en", "Kazakhstan–Mongolia trade: path to the target", "US$ million", ".,"),
]


@pytest.mark.parametrize(("lang", "title", "unit", "separators"), CASES)
def test_scenario_chart_title_unit_and_separators_follow_the_language(
    bundled, lang, title, unit, separators
):
    ctx = figures.Context(produced="2026-01-02", words=Wording.for_lang(lang))
    fig = figures.scenario_figure(bundled, analyse(bundled, default_scenario(bundled)), ctx)
    assert title in fig.layout.title.text
    assert fig.layout.yaxis.title.text == unit
    assert fig.layout.separators == separators


def test_history_title_is_kazakh(bundled):
    ctx = figures.Context(produced="2026-01-02", words=Wording.for_lang("kk"))
    fig = figures.history_figure(bundled, analyse(bundled, default_scenario(bundled)), ctx)
    assert "тауар айналымы" in fig.layout.title.text and "Kazakhstan" not in fig.layout.title.text

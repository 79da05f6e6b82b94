"""The scenario chart's growth-dependent texts (wording/scenario.py) and what the browser
script is given to write them the same way."""

from __future__ import annotations

from dataclasses import replace

from trade_dash.charts.scenario import reached_text, scenario_traces
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.web import browser_scenario
from trade_dash.wording import scenario as words
from trade_dash.wording.core import Wording

EN, RU, KK = (Wording.for_lang(code) for code in ("en", "ru", "kk"))


def summary_of(ds, **changes):
    return analyse(ds, replace(default_scenario(ds), **changes))


def test_english_names_read_as_before_the_move_to_the_wording_layer(bundled):
    s = summary_of(bundled, growth_pct=25.0, band_pct=2.5)
    low, high, required, central = scenario_traces(s, EN)
    assert low["name"] == "Low (+22.5%/yr)"
    assert high["name"] == "Band +22.5% to +27.5%/yr"
    assert central["name"] == "Scenario +25.0%/yr (projection)"
    # 150 × 1.036 = 155.4 in 2025 to 500 in 2030: (500 / 155.4) ** (1 / 5) - 1 = 26.3 %
    assert required["name"] == "Rate needed for 2030: +26.3%/yr"
    # 155.4 × 1.25^5 = 474.2 < 500 <= × 1.25^6 = 592.8
    assert reached_text(s, EN) == "Target met in 2031 at +25.0%/yr"


def test_russian_and_kazakh_texts_use_their_own_words_and_number_marks(bundled):
    s = summary_of(bundled, growth_pct=-2.0)
    assert (words.reached(RU, None, 2050, -2.0)
            == "Цель не достигается до 2050 года при -2,0\u00a0% в год")
    assert words.projection_name(KK, 12.5) == "Сценарий: жылына +12,5% (есептік траектория)"
    sub = words.subtitle(RU, s)
    assert sub.startswith("Сценарий: база — оценка за 2025 год ")
    assert "рост -2,0\u00a0% в год" in sub


def test_the_browser_gets_the_templates_and_the_marks_babel_uses(bundled):
    ru = words.browser_words(RU)
    assert ru["templates"]["not_met"] == "Цель не достигается до %(year)s года при %(rate)s в год"
    # CLDR's Russian: decimal comma, no-break space between thousands, '#,##0 %' (with a
    # no-break space before the sign) for percentages.
    assert ru["number"] == {"decimal": ",", "group": "\u00a0", "plus": "+", "grouping": 3,
                            "prefix": ["", "-"], "suffix": ["\u00a0%", "\u00a0%"]}
    en = words.browser_words(EN)["number"]
    assert (en["decimal"], en["group"], en["suffix"]) == (".", ",", ["%", "%"])


def test_the_facts_hold_what_a_growth_move_needs_and_nothing_that_moves_with_growth(bundled):
    slow, fast = (browser_scenario.facts(bundled, summary_of(bundled, growth_pct=g), KK)
                  for g in (5.0, 40.0))
    assert slow == fast  # a growth move needs no new facts from the server
    assert (slow["base_year"], slow["target_year"], slow["horizon_year"]) == (2025, 2030, 2050)
    assert slow["first_year"] == 2017  # the bundled file's earliest cited year
    assert slow["traces"] == {"band_low": 2, "band_high": 3, "projection": 5}
    assert slow["subtitle"]["target"] == KK.money_short(500)

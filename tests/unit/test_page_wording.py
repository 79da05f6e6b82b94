"""The page's words in each language: headline cards, sources rows, presets, method help.

Expected texts are worked out by hand from the bundled data (2024 full year 150.0 from
KZ; January–July 2025 74.0, up 3.6 % on the same months of 2024, so by default
150 × 1.036 = 155.4 a year; target 500, gap 500 − 155.4 = 344.6, 68.92 % of the target)
and from CLDR's conventions: Russian and Kazakh write a decimal comma, Mongolian and
English a point.
"""

from __future__ import annotations

import pytest

from trade_dash.domain import model
from trade_dash.domain.presets import presets
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.summary import analyse
from trade_dash.wording import page as page_words
from trade_dash.wording import sources as sources_words
from trade_dash.wording.core import Wording

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def summary(bundled):
    return analyse(bundled, default_scenario(bundled))


@pytest.mark.parametrize(("lang", "latest", "estimate", "gap_share"), [
    ("en", "US$ 150 million", "US$ 155.4 million", "68.9% of the target"),
    ("ru", "150 млн долл. США", "155,4 млн долл. США", f"68,9{NBSP}% цели"),
    ("kk", "150 млн АҚШ доллары", "155,4 млн АҚШ доллары", "мақсаттың 68,9%"),
    ("mn", "150 сая ам. доллар", "155.4 сая ам. доллар", "зорилтын 68.9%"),
])
def test_cards_write_money_and_shares_by_the_locale(summary, lang, latest, estimate, gap_share):
    cards = page_words.cards(Wording.for_lang(lang), summary)
    assert cards["latest"][0] == latest
    assert estimate in cards["ytd"][1]
    assert gap_share in cards["gap"][1]


@pytest.mark.parametrize(("lang", "months"), [
    ("ru", ("янв.", "июль")),
    ("kk", ("қаң.", "шіл.")),
    ("mn", ("I", "VII сар")),
])
def test_the_year_to_date_card_names_the_months_in_the_language(summary, lang, months):
    text = page_words.cards(Wording.for_lang(lang), summary)["ytd"][1]
    assert "2025" in text and all(m in text for m in months), text
    assert "Jan" not in text and "Jul" not in text


def test_a_target_never_met_reads_not_by_the_horizon_in_each_language():
    assert page_words.not_by(Wording.for_lang("en"), None, 2050) == "not by 2050"
    assert page_words.not_by(Wording.for_lang("ru"), None, 2050) == "не к 2050 году"
    assert page_words.not_by(Wording.for_lang("kk"), 2031, 2050) == "2031"


def test_sources_rows_word_the_products_labels_and_keep_citation_text(bundled):
    rows = sources_rows(bundled)
    kk = sources_words.source_rows(Wording.for_lang("kk"), bundled, rows)
    assert len(kk) == len(rows)
    for facts, row in zip(rows, kk, strict=True):
        # Citation text as cited, in every language.
        for field in ("citation_id", "reporter", "note", "value_musd", "line"):
            assert row[field] == facts[field]
        if facts["outlet"]:
            assert row["outlet"] == facts["outlet"]
    turnover = [r for r in kk if r["flow"] == "Тауар айналымы"]
    assert turnover, "turnover rows are labelled with the glossary's Kazakh term"
    # (A use may carry a mark after it: see the stated-change test below.)
    assert {r["used"].split("; ")[0] for r in kk} <= {"негізгі", "балама", "мақсат",
                                                      "басқа ағын (қолданылмайды)"}
    assert "негізгі" in {r["used"] for r in kk}


def test_presets_name_their_years_and_rate_in_the_language(bundled):
    scenario = default_scenario(bundled)
    offered = presets(bundled, scenario)
    labels = [page_words.preset_label(Wording.for_lang("ru"), p) for p in offered]
    assert labels and all("Repeat" not in x and "Rate needed" not in x for x in labels)
    assert labels[-1].startswith("Темп, нужный для достижения цели")
    assert any(x.startswith("Повторить темп ") for x in labels)
    # The rate as Russian writes it: a decimal comma and a space before the percent sign.
    assert all("," in x and f"{NBSP}%" in x for x in labels)


def test_method_help_says_why_a_method_is_greyed_out_in_the_language():
    text = page_words.method_help(Wording.for_lang("mn"), (model.PRO_RATA,))
    assert "Улирлын хувьд" in text and "оны эхнээс" in text
    assert page_words.method_help(Wording.for_lang("mn"), tuple(model.METHODS)) == ""


def test_method_help_names_the_method_used_and_why_in_the_language(summary):
    ytd = summary.year_to_date
    en = page_words.method_help(Wording.for_lang("en"), ytd.methods_available, ytd)
    # Year-on-year, because January-July 2025 states +3.6 % on the same months of 2024 and
    # the Kazakh side cites 2024's total; seasonal share stays greyed out with its reason.
    assert en.startswith("The default for these figures is year-on-year change. The source "
                         "states the year-to-date change on the same months of last year, "
                         "and last year's total is cited by the same side. Seasonal share "
                         "needs")
    kk = page_words.method_help(Wording.for_lang("kk"), ytd.methods_available, ytd)
    assert kk.startswith("Бұл деректер үшін әдепкі әдіс: өткен жылмен салыстырғандағы "
                         "өзгеріс бойынша.")


def test_the_sources_table_marks_a_stated_change_the_figures_contradict(bundled):
    rows = {r["citation_id"]: r for r in sources_words.source_rows(
        Wording.for_lang("en"), bundled, sources_rows(bundled))}
    # 60.9 / 29.3 − 1 = +107.8 % (2020 on line 4), not the +48.1 % stated.
    assert rows["kz-mfa-2021"]["used"] == (
        "alternate; stated change +48.1% differs: the figures give +107.8% with line 4")
    # No January-July 2024 figure to check the +3.6 % against: not marked.
    assert rows["kz-dpm-2025-ytd"]["used"] == "headline"
    ru = {r["citation_id"]: r for r in sources_words.source_rows(
        Wording.for_lang("ru"), bundled, sources_rows(bundled))}
    # 150 / 133 − 1 = +12.8 % (2023 on line 21), not the +20 % stated.
    assert ru["kz-mfa-2024"]["used"] == (
        f"основная; заявленное изменение +20,0{NBSP}% расходится с цифрами: вместе со "
        f"строкой 21 они дают +12,8{NBSP}%")

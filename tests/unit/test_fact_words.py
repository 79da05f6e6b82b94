"""The logic modules' facts and codes, worded in each language by the wording layer: preset
rates, the annualisation method, the default rate's rule, the rule that chose a year's
figure, the sources table and the command line's JSON.

Expected numbers are worked out by hand from the bundled data (2024 full year 150.0
from KZ; January–July 2025 74.0, up 3.6 % on the same months of 2024; the default pace
2019–2024 is +20.2 %) and from CLDR's conventions: Russian and Kazakh write a decimal
comma, Mongolian and English a point.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from tests.support.data import GOOD_ROWS
from trade_dash.cli import main
from trade_dash.domain import model
from trade_dash.domain.datafile import bundled_data_path, load_citations
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.presets import PRESET_PACE, PRESET_REQUIRED, Preset
from trade_dash.domain.records import (
    FEWER_THAN_TWO_FULL_YEARS,
    NO_SAME_SIDE_YEAR,
    PACE,
    DefaultGrowth,
    YearToDate,
)
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.schema import COLUMNS
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.summary import analyse
from trade_dash.exports.csvfiles import SERIES_CSV_COLUMNS, citations_csv, series_csv
from trade_dash.wording import briefing as briefing_words
from trade_dash.wording import cli as cli_words
from trade_dash.wording import facts, vocabulary
from trade_dash.wording import page as page_words
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording import sources as sources_words
from trade_dash.wording.core import Wording

EN = Wording.for_lang("en")
OTHERS = [Wording.for_lang(code) for code in ("ru", "kk", "mn")]


def english_words(text: str) -> list[str]:
    """Latin words in ``text``; Mongolian numbers months in Roman numerals (I – VII сар)."""
    return re.findall(r"\b(?![IVX]+\b)[A-Za-z]{2,}", text)


def assert_translated(w: Wording, text: str, english: str) -> None:
    assert text != english, (w.lang, text)
    assert english_words(text) == [], (w.lang, text)


# --- presets ------------------------------------------------------------------------------

PACE_PRESET = Preset(PRESET_PACE, 20.2, 2019, 2024)
REQUIRED_PRESET = Preset(PRESET_REQUIRED, 31.6, 2025, 2030)


def test_presets_are_worded_from_their_kind_years_and_rate_in_english():
    assert page_words.preset_label(EN, PACE_PRESET) == "Repeat the 2019–2024 pace (+20.2%)"
    assert page_words.preset_label(EN, REQUIRED_PRESET) == "Rate needed for the target (+31.6%)"


@pytest.mark.parametrize("w", OTHERS, ids=lambda w: w.lang)
@pytest.mark.parametrize("preset", [PACE_PRESET, REQUIRED_PRESET], ids=["pace", "required"])
def test_each_preset_kind_is_worded_in_each_language(w, preset):
    label = page_words.preset_label(w, preset)
    assert_translated(w, label, page_words.preset_label(EN, preset))
    assert w.growth(preset.growth_pct) in label
    if preset.kind == PRESET_PACE:
        assert "2019" in label and "2024" in label


# --- the annualisation method -------------------------------------------------------------

YTD = YearToDate(year=2025, months=7, value_musd=74.0, annualised_musd=74.0 * 12 / 7,
                 method=model.PRO_RATA, method_reason="reader_choice",
                 default_method=model.YOY, default_reason="stated_change",
                 methods_available=(model.PRO_RATA, model.YOY),
                 citation_id="c", reporting_country="KZ", yoy_change_pct=3.6)
# Seasonal: 74.0 is taken as 40 % of the year; year-on-year: 150 × 1.036.
METHOD_CASES = {
    model.PRO_RATA: (YTD, "pro-rata: year to date × 12/7"),
    model.SEASONAL: (replace(YTD, method=model.SEASONAL, annualised_musd=185.0),
                     "seasonal share: year to date ÷ 40.0% (last year's share of its full "
                     "year reached by the same month)"),
    model.YOY: (replace(YTD, method=model.YOY, annualised_musd=155.4),
                "year-on-year: last full year × (1 +3.6%), the change on the same months of "
                "last year"),
}


@pytest.mark.parametrize("method", model.METHODS)
def test_each_method_is_described_from_its_facts(method):
    ytd, english = METHOD_CASES[method]
    assert facts.method_text(EN, ytd) == english
    for w in OTHERS:
        text = facts.method_text(w, ytd)
        assert_translated(w, text, english)
    # The numbers in the reader's marks: 12/7, 40,0 % or 40.0 %, +3,6 % or +3.6 %.
    ru, mn = facts.method_text(OTHERS[0], ytd), facts.method_text(OTHERS[2], ytd)
    number = {model.PRO_RATA: ("12/7", "12/7"), model.SEASONAL: ("40,0", "40.0"),
              model.YOY: ("3,6", "3.6")}[method]
    assert number[0] in ru and number[1] in mn


# --- the default growth rate's rule -------------------------------------------------------

RULE_CASES = {
    "pace": (DefaultGrowth(20.2, 2019, 2024, "KZ", PACE),
             "compound annual growth 2019–2024, rounded to 0.1 point"),
    "held": (DefaultGrowth(100.0, 2022, 2023, "KZ", PACE, unlimited_pct=300.0),
             "compound annual growth 2022–2023, rounded to 0.1 point (limited to the -50% to "
             "100% range)"),
    "one_year": (DefaultGrowth(0.0, None, None, "KZ", FEWER_THAN_TWO_FULL_YEARS),
                 "no two full years are cited, so the default is 0%"),
    "other_side": (DefaultGrowth(0.0, None, None, "KZ", NO_SAME_SIDE_YEAR),
                   "no two full years from the same reporting side are cited, so the default "
                   "is 0%"),
}


@pytest.mark.parametrize("case", RULE_CASES)
def test_the_default_rate_s_rule_is_worded_from_its_basis(case):
    default, english = RULE_CASES[case]
    assert facts.default_rule(EN, default) == english
    for w in OTHERS:
        assert_translated(w, facts.default_rule(w, default), english)


def test_a_rate_of_exactly_the_limit_is_not_called_limited():
    # +100.0 % measured, not held: the rule must not claim a limit was applied.
    exact = DefaultGrowth(100.0, 2022, 2023, "KZ", PACE)
    assert "limited" not in facts.default_rule(EN, exact)


# --- the rule that chose a year's figure --------------------------------------------------

CHOICE_CASES = {
    "missing": ((0, 0, True), "no citation for this year; left missing"),
    "only": ((0, 1), "only citation for this period"),
    "both": ((2, 3), "full-year figure supersedes the partial-year one; preferred of 3 "
                             "citations (reporting body, exactness, newest publication)"),
}


@pytest.mark.parametrize("case", CHOICE_CASES)
def test_the_rule_behind_a_year_is_worded_from_its_facts(case):
    args, english = CHOICE_CASES[case]
    assert facts.rule_text(EN, *args) == english
    for w in OTHERS:
        assert_translated(w, facts.rule_text(w, *args), english)


# --- the sources table --------------------------------------------------------------------

# What the product says about a citation; the other columns are citation text or numbers.
PRODUCT_WORDS = ("measure", "period", "flow", "precision", "used")


@pytest.mark.parametrize("w", [EN, *OTHERS], ids=lambda w: w.lang)
def test_sources_rows_give_the_page_the_same_columns_in_every_language(bundled, w):
    rows = sources_rows(bundled)
    worded = sources_words.source_rows(w, bundled, rows)
    # The page's columns, in the table's order, for every row.
    assert all(list(row) == list(page_words.SOURCE_HEADERS) for row in worded)
    for facts_row, row in zip(rows, worded, strict=True):
        for key in ("citation_id", "value_musd", "reporter", "note", "line"):
            assert row[key] == facts_row[key]
        for key, empty in (("side", "not recorded"), ("outlet", "not named")):
            if facts_row[key]:
                assert row[key] == facts_row[key]
            elif w.lang == "en":
                assert row[key] == empty


def test_the_english_sources_rows_read_as_the_page_shows_them(bundled):
    rows = {r["citation_id"]: r for r in sources_words.source_rows(EN, bundled,
                                                                 sources_rows(bundled))}
    # Line 22 of the bundled file: Kazakh exports to Mongolia in 2023, another flow than
    # the headline's turnover.
    assert {k: rows["kz-mic-2023-exp"][k] for k in PRODUCT_WORDS} == {
        "measure": "Cited figure", "period": "2023", "flow": "Kazakhstan's exports to Mongolia",
        "precision": "Exact", "used": "other flow (not used)"}
    # Line 26: January–July 2025, the year to date the headline series ends with.
    ytd = rows["kz-dpm-2025-ytd"]
    assert (ytd["period"], ytd["used"], ytd["side"]) == ("Jan\u2009–\u2009Jul 2025", "headline",
                                                         "KZ")
    # Line 2 gives no publication date; line 3 comes from the other side's chamber.
    assert rows["kz-stat-2017"]["published"] == "Not given"
    assert (rows["mccci-2019"]["used"], rows["mccci-2019"]["side"]) == ("alternate", "MN")


@pytest.mark.parametrize("w", OTHERS, ids=lambda w: w.lang)
def test_the_product_s_words_in_the_sources_table_are_translated(bundled, w):
    rows = sources_rows(bundled)
    english = sources_words.source_rows(EN, bundled, rows)
    worded = sources_words.source_rows(w, bundled, rows)
    for en_row, row in zip(english, worded, strict=True):
        for key in PRODUCT_WORDS:
            assert english_words(row[key]) == [], (key, row[key])
            if not row[key].isdigit():  # a full year's period is the year itself
                assert row[key] != en_row[key], (key, row[key])
    # Every use the rule makes of a citation appears, worded.
    assert {r["used"] for r in worded} >= {page_words.translated(w, "use", vocabulary.USES)[u]
                                          for u in ("headline", "alternate", "target")}


def test_an_undated_unnamed_citation_of_no_side_is_said_so_in_the_language(bundled):
    rows = sources_rows(bundled)
    bare = [{**rows[0], "side": "", "outlet": "", "published": ""}]
    en = sources_words.source_rows(EN, bundled, bare)[0]
    assert (en["side"], en["outlet"], en["published"]) == ("not recorded", "not named",
                                                           "Not given")
    for w in OTHERS:
        row = sources_words.source_rows(w, bundled, bare)[0]
        for key in ("side", "outlet", "published"):
            assert_translated(w, row[key], en[key])


# --- downloads ----------------------------------------------------------------------------


def test_the_citations_download_is_the_data_file_as_validated(bundled):
    """The sources CSV holds the file's own values, whatever language the page is in: no
    word of the product's is added to it."""
    with bundled_data_path().open(encoding="utf-8-sig", newline="") as fh:
        given = {r["citation_id"]: r for r in csv.DictReader(fh)}
    text = citations_csv(bundled)
    got = list(csv.DictReader(io.StringIO(text, newline="")))
    assert text.splitlines()[0] == ",".join([*COLUMNS, "line"])
    assert sorted(r["citation_id"] for r in got) == sorted(given)
    for row in got:
        source = given[row["citation_id"]]
        for key in COLUMNS:
            if key in ("value_musd", "yoy_change_pct") and source[key]:
                assert float(row[key]) == float(source[key])
            else:
                assert row[key] == source[key], key


def test_the_series_download_words_its_rule_column_in_the_language(bundled):
    english = list(csv.DictReader(io.StringIO(series_csv(bundled), newline="")))
    kazakh = list(csv.DictReader(io.StringIO(series_csv(bundled, "any", OTHERS[1]),
                                             newline="")))
    # By hand from the bundled file: 2017 has two full-year citations from the chosen side,
    # 2018 one, and 2024's full year superseded the January–August figure.
    rules = {r["year"]: r["rule"] for r in english}
    assert rules["2017"] == ("preferred of 2 citations (reporting body, exactness, newest "
                             "publication)")
    assert rules["2018"] == "only citation for this period"
    assert rules["2024"] == "full-year figure supersedes the partial-year one"
    assert list(english[0]) == list(kazakh[0]) == list(SERIES_CSV_COLUMNS)
    for en, kk in zip(english, kazakh, strict=True):
        # Only the rule is the product's sentence; every other cell is data.
        assert {k: v for k, v in en.items() if k != "rule"} == {
            k: v for k, v in kk.items() if k != "rule"}
        assert_translated(OTHERS[1], kk["rule"], en["rule"])


def test_a_missing_year_s_rule_says_it_was_left_missing(write_csv):
    # 2019 and 2021 are cited, 2020 is not.
    path = write_csv(GOOD_ROWS)
    ds = Dataset.from_citations(load_citations(path), str(path))
    for w, english in ((EN, True), (OTHERS[0], False)):
        rows = {r["year"]: r for r in csv.DictReader(io.StringIO(series_csv(ds, "any", w),
                                                                 newline=""))}
        assert rows["2020"]["value_musd"] == ""
        missing = facts.rule_text(w, 0, 0, missing=True)
        assert rows["2020"]["rule"] == missing
        assert (missing == "no citation for this year; left missing") is english


# --- summary --json -----------------------------------------------------------------------


def summary_json(capsys, *args: str) -> dict:
    assert main(["summary", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_json_states_the_facts_texts_in_the_chosen_language(capsys, bundled):
    s = analyse(bundled, replace(default_scenario(bundled), method=model.YOY))
    en = summary_json(capsys, "--method", "yoy")
    assert en["year_to_date"]["method_description"] == facts.method_text(EN, s.year_to_date)
    assert en["year_to_date"]["period"] == EN.period_label(2025, 7)
    assert en["default_growth"]["rule"] == ("compound annual growth 2019–2024, rounded to 0.1 "
                                            "point")
    assert en["default_growth"]["basis"] == PACE
    for w in OTHERS:
        j = summary_json(capsys, "--method", "yoy", "--lang", w.lang)
        # The same keys in the same order (scripts read them), the texts in the language.
        assert list(j) == list(en) and list(j["year_to_date"]) == list(en["year_to_date"])
        assert list(j["default_growth"]) == list(en["default_growth"])
        for record, key in (("year_to_date", "period"), ("year_to_date", "method_description"),
                            ("default_growth", "rule")):
            assert_translated(w, j[record][key], en[record][key])


def test_summary_json_keeps_the_fields_in_their_documented_order(bundled):
    s = analyse(bundled, default_scenario(bundled))
    j = cli_words.summary_json(EN, s)
    assert list(j["year_to_date"]) == [
        "year", "months", "period", "value_musd", "annualised_musd", "method",
        "method_description", "method_reason", "method_reason_description", "default_method",
        "default_reason", "methods_available", "citation_id", "reporting_country",
        "yoy_change_pct"]
    assert list(j["default_growth"]) == ["pct", "from_year", "to_year", "side", "rule",
                                         "basis", "unlimited_pct"]


# --- one scenario sentence for the chart and the briefing ---------------------------------


@pytest.mark.parametrize("w", [EN, *OTHERS], ids=lambda w: w.lang)
def test_the_briefing_s_scenario_line_is_the_chart_s_sentence_with_amounts_in_words(bundled, w):
    s = analyse(bundled, replace(default_scenario(bundled), method=model.YOY))
    line = briefing_words.scenario_line(w, s)
    chart = scenario_words.subtitle(w, s)
    # The same template: the chart's compact amounts are the briefing's amounts in words.
    assert line == chart.replace(w.money_short(s.base.value_musd), w.money(s.base.value_musd)
                                 ).replace(w.money_short(s.target_musd), w.money(s.target_musd))
    assert w.money(s.target_musd) in line
    # The method is named in the reader's language, never by its code.
    assert "yoy" not in line
    assert w.pgettext("scenario method", vocabulary.METHOD_PHRASES[model.YOY]) in line

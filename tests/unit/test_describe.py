"""The charts' descriptions: each expected sentence worked out by hand from the data."""

from __future__ import annotations

from dataclasses import replace

from tests.support.data import GOOD_ROWS, year_target_met
from trade_dash.charts.registry import CHARTS
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.schema import COLUMNS
from trade_dash.domain.summary import analyse
from trade_dash.wording import describe
from trade_dash.wording.core import Wording

EN = Wording.for_lang("en")
RU = Wording.for_lang("ru")
T = "\u2009–\u2009"  # CLDR's month range: thin spaces around an en dash


def summary_of(ds: Dataset, query: str = ""):
    return analyse(ds, scenario_from_query(ds, query)[0])


def dataset(write_csv, rows: list[dict]) -> Dataset:
    return Dataset.load(write_csv([{**dict.fromkeys(COLUMNS, ""), **r} for r in rows]))


# --- the bundled data: Kazakh figures 2017–2024, Jan–Apr 2022 and Jan–Jul 2025 partial ---


def test_history_on_the_bundled_data(bundled):
    s = summary_of(bundled)
    assert describe.history(EN, bundled, s) == (
        "Cited full-year turnover runs from US$ 74.8 million in 2017 to US$ 150 million in "
        "2024. The lowest full year is 2020, at US$ 29.3 million. "
        f"Only part of a year is cited for Jan{T}Apr 2022 (US$ 31 million). "
        # Up 3.6 % on the same months of 2024, whose total is 150: 150 × 1.036 = 155.4
        f"Jan{T}Jul 2025 is a partial year, US$ 74 million; the full-year estimate for 2025 "
        "is US$ 155.4 million (year-on-year: last full year × (1 +3.6%), the change on the "
        "same months of last year).")


def test_scenario_on_the_bundled_data(bundled):
    s = summary_of(bundled, "growth=25")
    # 155.4 × 1.25^5 = 474.2 < 500 <= × 1.25^6 = 592.8: 2025 + 6
    assert year_target_met(25.0) == 2031
    needed = ((500 / (150 * 1.036)) ** (1 / (2030 - 2025)) - 1) * 100  # 26.33
    assert describe.scenario(EN, bundled, s) == (
        "The scenario starts from the 2025 full-year estimate, US$ 155.4 million. "
        "At +25.0% a year (band +20.0% to +30.0%), turnover reaches the US$ 500 million "
        f"target in 2031. Reaching it by 2030 needs {needed:+.2f}% a year.")


def test_flows_on_the_bundled_data(bundled):
    s = summary_of(bundled)
    # 2023: 124.3 − 8.7 = 115.6; no direction cited in 2020 and 2021.
    assert describe.flows(EN, bundled, s) == (
        f"Export figures are cited for 2019, Jan{T}Apr 2022, 2023. In 2023 Kazakh exports "
        "to Mongolia were US$ 124.3 million and Mongolian exports to Kazakhstan US$ 8.7 "
        "million, a balance of US$ 115.6 million. No figure is cited for 2020, 2021.")


def test_the_mongolian_side_has_missing_years_and_no_partial_year(bundled):
    s = summary_of(bundled, "reporter=MN")
    assert describe.history(EN, bundled, s) == (
        "Cited full-year turnover runs from US$ 35.3 million in 2019 to US$ 76.7 million in "
        "2023. The lowest full year is 2019, at US$ 35.3 million. "
        "No figure is cited for 2020, 2021, 2022.")
    assert describe.scenario(EN, bundled, s).startswith(
        "The scenario starts from the cited 2023 figure, US$ 76.7 million. ")
    assert describe.flows(EN, bundled, s) == (
        "No export or import figures are cited for this reporting side.")


def test_a_declining_scenario_never_reaches_the_target(bundled):
    s = summary_of(bundled, "growth=-5")
    text = describe.scenario(EN, bundled, s)
    assert ("At -5.0% a year (band -10.0% to +0.0%), turnover does not reach the "
            "US$ 500 million target by 2050.") in text
    # The rate needed does not depend on the rate chosen.
    assert text.endswith(f"needs {((500 / (150 * 1.036)) ** 0.2 - 1) * 100:+.2f}% a year.")


def test_a_slow_rise_does_not_reach_the_target_by_the_horizon(bundled):
    # 155.4 × 1.04^25 = 414.3 < 500 in 2050
    assert year_target_met(4.0) is None
    text = describe.scenario(EN, bundled, summary_of(bundled, "growth=4"))
    assert "turnover does not reach the US$ 500 million target by 2050." in text


# --- small files: one year only, no partial year, one direction only --------------------


def test_one_year_only(write_csv):
    ds = dataset(write_csv, [GOOD_ROWS[1]])  # 2021: 60
    s = analyse(ds, default_scenario(ds))
    assert describe.history(EN, ds, s) == (
        "Turnover is cited for one full year only: US$ 60 million in 2021.")
    # No two full years: the default rate is 0 and 60 never grows to 500; 2030 needs
    # (500 / 60)^(1/9) − 1 = 26.56 %.
    assert describe.scenario(EN, ds, s) == (
        "The scenario starts from the cited 2021 figure, US$ 60 million. At +0.0% a year "
        "(band -5.0% to +5.0%), turnover does not reach the US$ 500 million target by 2050. "
        f"Reaching it by 2030 needs {((500 / 60) ** (1 / 9) - 1) * 100:+.2f}% a year.")
    assert describe.flows(EN, ds, s) == (
        "No export or import figures are cited for this reporting side.")


def test_full_years_with_a_gap_and_no_partial_year(write_csv):
    ds = dataset(write_csv, GOOD_ROWS[:2])  # 2019: 40, 2021: 60
    s = analyse(ds, default_scenario(ds))
    assert describe.history(EN, ds, s) == (
        "Cited full-year turnover runs from US$ 40 million in 2019 to US$ 60 million in "
        "2021. The lowest full year is 2019, at US$ 40 million. No figure is cited for 2020.")


def test_one_direction_only_gives_no_balance(write_csv):
    kz = {**GOOD_ROWS[1], "citation_id": "k", "flow": "kz_exports_to_mn", "value_musd": "50"}
    ds = dataset(write_csv, [GOOD_ROWS[1], kz])
    s = analyse(ds, default_scenario(ds))
    assert describe.flows(EN, ds, s) == (
        "Export figures are cited for 2021. In 2021 Kazakh exports to Mongolia were "
        "US$ 50 million. No balance is worked out for 2021: the two directions are not both "
        "cited for the same months.")


# --- languages, the registry, the pictures ----------------------------------------------


def test_descriptions_are_translated(bundled):
    s = summary_of(bundled, "growth=25")
    text = describe.scenario(RU, bundled, s)
    assert text.startswith("Сценарий начинается с оценки за весь 2025 год: 155,4 млн долл. США.")
    assert "достигает цели 500 млн долл. США в 2031 году" in text
    for lang in ("kk", "mn"):
        w = Wording.for_lang(lang)
        for chart in CHARTS:
            words = chart.describe(w, bundled, s)
            assert words and "turnover" not in words and "cited" not in words, (lang, words)


def test_every_registered_chart_is_described_on_the_page_and_in_pictures(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=25.0))
    for chart in CHARTS:
        words = chart.describe(EN, bundled, s)
        assert words, chart.name
        picture = describe.picture_text(EN, chart.title_in(EN), words, s)
        assert picture == f"{chart.title_in(EN)}, Kazakh figures (KZ). {words}"


def test_a_chart_without_a_describer_is_named_in_its_pictures(bundled):
    s = summary_of(bundled, "reporter=MN")
    assert describe.picture_text(EN, "Demo", "", s) == "Demo, Mongolian figures only (MN)."

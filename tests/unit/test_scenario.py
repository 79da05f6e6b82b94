"""Headline numbers for a scenario, and scenarios read from a URL."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import asdict, replace

import pytest

from tests.support.data import GOOD_ROWS, bundled_rows, write_rows
from tests.support.worded import raises_worded
from trade_dash.domain.datafile import load_citations
from trade_dash.domain.dataset import Dataset, available_methods, default_growth, freshness
from trade_dash.domain.model import ScenarioError
from trade_dash.domain.presets import PRESET_PACE, PRESET_REQUIRED, presets
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.records import (
    FEWER_THAN_TWO_FULL_YEARS,
    NO_SAME_SIDE_YEAR,
    PACE,
    Published,
    ReportingSide,
)
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.schema import COLUMNS
from trade_dash.domain.sources import USES, sources_rows
from trade_dash.domain.summary import analyse
from trade_dash.wording import english, facts

# January-July 2025 = 74.0 (Kazakh side), annualised pro-rata: 74.0 × 12 / 7 = 126.857...
PRO_RATA_2025 = 74.0 * 12 / 7
# The same months were up 3.6 % on January-July 2024, and 2024 (Kazakh side) was 150:
# year-on-year, the default the data points to, gives 150 × 1.036 = 155.4.
YOY_2025 = 150 * 1.036



def said(notices) -> list[str]:
    """The notices as an English reader reads them."""
    return [facts.notice_text(english(), n) for n in notices]

def test_bundled_headline_matches_the_hand_calculation(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=25.0, target_year=2030))
    j = s.as_json()
    assert j["latest_full_year"] == {"year": 2024, "value_musd": 150.0,
                                     "citation_id": "kz-mfa-2024", "reporting_country": "KZ"}
    ytd = j["year_to_date"]
    assert (ytd["year"], ytd["months"], ytd["value_musd"]) == (2025, 7, 74.0)
    # Facts and codes only: the period's label and the method's description are worded in
    # the reader's language by the wording layer.
    assert "period" not in ytd and "method_description" not in ytd
    # The source states the change of January-July on the same months of 2024, and 2024's
    # total is Kazakh like the year to date: the default is year-on-year, 150 × 1.036.
    assert ytd["annualised_musd"] == 155.4
    assert (ytd["method"], ytd["method_reason"]) == ("yoy", "stated_change")
    assert ytd["methods_available"] == ["pro_rata", "yoy"]
    assert j["base"] == {"year": 2025, "value_musd": 155.4, "kind": "ytd", "method": "yoy"}
    assert j["target_musd"] == 500.0
    # By hand: (500 / 155.4) ** (1/5) - 1 = 26.33 %; 155.4 * 1.25**5 = 474.2, **6 = 592.8.
    assert j["required_growth_pct"] == pytest.approx(26.3292, abs=1e-4)
    assert j["target_reached_year"] == 2031
    assert j["gap_musd"] == pytest.approx(500 - YOY_2025, abs=1e-4)
    assert j["gap_pct_of_target"] == pytest.approx(68.92, abs=1e-4)
    assert j["reporting_side"]["primary"] == "KZ" and not j["reporting_side"]["mixed"]
    assert j["data_freshness"] == {"latest_published": "2025-09-06",
                                   "citation_id": "kz-dpm-2025-ytd"}


def test_year_on_year_estimate_of_the_bundled_2025(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), method="yoy"))
    # 2024 = 150, and January-July 2025 was up 3.6 % on January-July 2024: 150 × 1.036.
    assert s.year_to_date.annualised_musd == pytest.approx(155.4)
    assert asdict(s.base) == {"year": 2025, "value_musd": pytest.approx(155.4), "kind": "ytd",
                      "method": "yoy"}
    assert s.year_to_date.yoy_change_pct == 3.6
    assert "(1 +3.6%)" in facts.method_text(english(), s.year_to_date)
    assert s.gap_musd == pytest.approx(500 - 155.4)
    assert s.notices == ()


def test_default_growth_is_derived_from_the_data(bundled):
    d = default_growth(bundled.series)
    # 2019 is the earliest full year in the five years before 2024, both Kazakh figures:
    # (150 / 59.9) ** (1/5) - 1 = 20.15 %.
    assert (d.from_year, d.to_year, d.side) == (2019, 2024, "KZ")
    assert d.pct == round(((150 / 59.9) ** 0.2 - 1) * 100, 1) == 20.2


def test_the_mongolian_sides_own_numbers(bundled):
    scenario = default_scenario(bundled, "MN")
    assert (scenario.reporter, scenario.base, scenario.growth_pct) == ("MN", "full", 21.4)
    s = analyse(bundled, scenario)
    assert s.latest_full_year.value_musd == 76.7 and s.year_to_date is None
    # The chamber's 2019 and 2023: (76.7 / 35.3) ** (1/4) - 1 = 21.4 %.
    assert s.default_growth.pct == round(((76.7 / 35.3) ** 0.25 - 1) * 100, 1)
    assert s.required_growth_pct == pytest.approx(((500 / 76.7) ** (1 / 7) - 1) * 100)
    assert s.reporting_side.years == {"MN": (2019, 2023)}


def test_full_year_base(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), base="full"))
    assert asdict(s.base) == {"year": 2024, "value_musd": 150.0, "kind": "full", "method": None}
    assert s.required_growth_pct == pytest.approx(((500 / 150) ** (1 / 6) - 1) * 100)


def test_not_within_horizon_for_decline(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=-3.0))
    assert s.target_reached_year is None
    assert s.horizon_year == 2050


def test_band_brackets_the_rate(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=25.0, band_pct=5.0))
    assert (s.band.low_pct, s.band.high_pct) == (20.0, 30.0)
    assert s.band.high_reached_year <= s.target_reached_year <= s.band.low_reached_year


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"target_year": 2025}, "after the base year 2025"),
        ({"reporter": "RU"}, "reporter must be one of any, KZ, MN"),
        ({"target_year": 2051}, "at most 2050"),
        ({"growth_pct": float("nan")}, "growth must be a number"),
        ({"growth_pct": 1e308}, "growth must be a number"),
        ({"target_musd": -5.0}, "target must be a number"),
        ({"base": "guess"}, "base must be one of"),
        ({"method": "magic"}, "method must be one of"),
    ],
)
def test_out_of_domain_scenarios_raise(bundled, change, message):
    with raises_worded(ScenarioError, message):
        analyse(bundled, replace(default_scenario(bundled), **change))


def with_seasonal_data(write_csv) -> Dataset:
    extra = [
        {
            **GOOD_ROWS[1],
            "citation_id": "b-ytd",
            "period": "year_to_date",
            "months": "6",
            "value_musd": "24",
            "published": "2021-08-01",
        },
    ]
    path = write_csv([*GOOD_ROWS, *extra])
    return Dataset.from_citations(load_citations(path), str(path))


def test_seasonal_method_when_last_year_has_full_and_same_period(write_csv, small):
    assert available_methods(small) == ("pro_rata",)
    ds = with_seasonal_data(write_csv)
    assert available_methods(ds) == ("pro_rata", "seasonal")
    s = analyse(ds, replace(default_scenario(ds), method="seasonal"))
    # 2021: 24 of 60 by June (40 %); 2022 Jan-Jun 36 -> 36 / 0.4 = 90.
    assert s.year_to_date.annualised_musd == pytest.approx(90.0)
    assert s.year_to_date.method == "seasonal"
    assert s.base.value_musd == pytest.approx(90.0)
    pro = analyse(ds, replace(default_scenario(ds), method="pro_rata"))
    assert pro.year_to_date.annualised_musd == pytest.approx(72.0)


def test_seasonal_request_without_the_data_falls_back_with_a_notice(small):
    s = analyse(small, replace(default_scenario(small), method="seasonal"))
    assert s.year_to_date.method == "pro_rata"
    assert any("pro-rata was used instead" in n for n in said(s.notices))


def paces(ds, scenario) -> list[tuple[int, int, float]]:
    """The past paces a scenario's preset menu offers: first and last year, rate."""
    return [(p.from_year, p.to_year, p.growth_pct) for p in presets(ds, scenario)
            if p.kind == PRESET_PACE]


def test_presets_include_past_paces_and_the_required_rate(bundled):
    offered = paces(bundled, default_scenario(bundled))
    assert (2020, 2024) in [(a, b) for a, b, _ in offered]
    assert (2019, 2024, 20.2) in offered
    assert paces(bundled, default_scenario(bundled, "MN")) == [(2019, 2023, 21.4)]
    needed = [p for p in presets(bundled, default_scenario(bundled))
              if p.kind == PRESET_REQUIRED]
    # From the base year (the 2025 estimate) to the target year.
    assert [(p.from_year, p.to_year) for p in needed] == [(2025, 2030)]
    s = analyse(bundled, replace(default_scenario(bundled), growth_pct=needed[0].growth_pct))
    assert s.target_reached_year == 2030


def test_query_round_trip(bundled):
    scenario = replace(
        default_scenario(bundled),
        growth_pct=12.5,
        target_year=2035,
        target_musd=400.0,
        base="full",
        band_pct=3.0,
    )
    again, notices = scenario_from_query(bundled, scenario.query())
    assert again == scenario
    assert notices == []
    mongolian = replace(default_scenario(bundled, "MN"), growth_pct=9.5)
    assert "reporter=MN" in mongolian.query()
    assert scenario_from_query(bundled, mongolian.query()) == (mongolian, [])


def test_the_reporter_in_the_address_sets_that_sides_defaults(bundled):
    scenario, notices = scenario_from_query(bundled, "reporter=MN")
    assert scenario == default_scenario(bundled, "MN") and notices == []
    assert scenario.growth_pct == 21.4 and scenario.base == "full"


@pytest.mark.parametrize(
    ("query", "field", "value", "notice"),
    [
        ("growth=nan", "growth_pct", 20.2, "not a number"),
        ("growth=inf", "growth_pct", 20.2, "not a number"),
        ("growth=1e308", "growth_pct", 100.0, "outside"),
        ("growth=abc", "growth_pct", 20.2, "not a number"),
        ("growth=", "growth_pct", 20.2, "not a number"),
        ("growth=5&growth=9", "growth_pct", 5.0, "given 2 times"),
        ("growth=" + "9" * 500, "growth_pct", 20.2, "too long"),
        ("target_year=1990", "target_year", 2026, "outside"),
        ("target_year=99999", "target_year", 2050, "outside"),
        ("target=-5", "target_musd", 1.0, "outside"),
        ("base=<script>", "base", "ytd", "not one of"),
        ("method=x", "method", "yoy", "not one of"),
        ("band=50", "band_pct", 20.0, "outside"),
        ("reporter=RU", "reporter", "any", "not one of any, KZ, MN"),
        ("reporter=<script>", "reporter", "any", "not one of"),
        ("reporter=kz", "reporter", "any", "not one of"),
        ("reporter=MN&reporter=KZ", "reporter", "MN", "given 2 times"),
    ],
)
def test_hostile_query_values_fall_back_or_clamp_with_a_notice(
    bundled, query, field, value, notice
):
    scenario, notices = scenario_from_query(bundled, query)
    assert getattr(scenario, field) == value
    assert any(notice in n for n in said(notices)), notices
    analyse(bundled, scenario)  # always a valid scenario


def test_unknown_keys_are_ignored(bundled):
    scenario, notices = scenario_from_query(bundled, "?foo=bar&growth=10")
    assert scenario.growth_pct == 10.0
    assert notices == []


def _dataset(write_csv, rows):
    path = write_csv(rows)
    return Dataset.from_citations(load_citations(path), str(path))


@pytest.mark.parametrize(
    ("first", "last", "held_at", "pace"),
    [
        # 10 -> 40 in one year is +300 %, above the slider's +100 %.
        ("10", "40", 100.0, 300.0),
        # 40 -> 10 in one year is -75 %, below the slider's -50 %.
        ("40", "10", -50.0, -75.0),
    ],
    ids=["above", "below"],
)
def test_a_default_rate_beyond_the_slider_is_held_at_the_limit_and_says_so(
    write_csv, first, last, held_at, pace
):
    rows = [{**GOOD_ROWS[0], "year": "2022", "value_musd": first, "published": "2023-02-01"},
            {**GOOD_ROWS[1], "year": "2023", "value_musd": last, "published": "2024-02-01"}]
    ds = _dataset(write_csv, rows)
    d = default_growth(ds.series)
    assert (d.pct, d.unlimited_pct, d.basis) == (held_at, pace, PACE)
    assert "(limited to the -50% to 100% range)" in facts.default_rule(english(), d)
    s = analyse(ds, default_scenario(ds))  # the default scenario is always a valid one
    assert s.scenario_growth_pct == held_at


def test_a_single_full_year_gives_a_default_of_zero(write_csv):
    # One full year (2021) and a partial year after it: no pace can be measured.
    ds = _dataset(write_csv, [r for r in GOOD_ROWS if r["citation_id"] != "a"])
    d = default_growth(ds.series)
    assert (d.pct, d.from_year, d.to_year, d.basis) == (0.0, None, None,
                                                        FEWER_THAN_TWO_FULL_YEARS)
    assert facts.default_rule(english(), d) == ("no two full years are cited, so the default "
                                                "is 0%")
    s = analyse(ds, default_scenario(ds))
    assert s.scenario_growth_pct == 0.0
    assert s.target_reached_year is None  # no growth never reaches a target above the base


def test_default_rate_falls_back_to_the_previous_full_year(write_csv):
    rows = [{**GOOD_ROWS[0], "year": "2010", "value_musd": "10", "published": "2011-02-01"},
            {**GOOD_ROWS[1], "year": "2023", "value_musd": "20", "published": "2024-02-01"}]
    d = default_growth(_dataset(write_csv, rows).series)
    assert (d.from_year, d.to_year) == (2010, 2023)


def test_precise_values_survive_the_address_bar(bundled):
    scenario, notices = scenario_from_query(bundled, "growth=25.04&target=500.04&band=2.25")
    assert (scenario.growth_pct, scenario.target_musd, scenario.band_pct) == (25.04, 500.04, 2.25)
    assert notices == []
    assert scenario_from_query(bundled, scenario.query()) == (scenario, [])


def test_a_fractional_target_year_is_reported(bundled):
    scenario, notices = scenario_from_query(bundled, "target_year=2030.4")
    assert scenario.target_year == 2030
    assert any("not a whole year" in n for n in said(notices))


def test_too_many_parameters_fall_back_with_a_notice(bundled):
    scenario, notices = scenario_from_query(bundled, "&".join(f"k{i}=1" for i in range(60)))
    assert scenario == default_scenario(bundled)
    assert any("more than 50 parameters" in n for n in said(notices))


def test_without_a_cited_target_the_assumed_goal_is_named(write_csv):
    ds = _dataset(write_csv, [r for r in GOOD_ROWS if r["measure"] != "target"])
    s = analyse(ds, default_scenario(ds))
    assert s.target_musd == 500.0
    assert any("cites no target" in n for n in said(s.notices))
    own = analyse(ds, replace(default_scenario(ds), target_musd=300.0))
    assert not any("cites no target" in n for n in said(own.notices))


def test_sources_rows_say_how_each_citation_was_used(write_csv):
    rows = [*GOOD_ROWS,
            {**GOOD_ROWS[1], "citation_id": "exp", "flow": "kz_exports_to_mn", "value_musd": "9"},
            {**GOOD_ROWS[1], "citation_id": "alt", "value_musd": "61",
             "reporter_kind": "other"}]
    used = {r["citation_id"]: (r["used"], r["flow"]) for r in sources_rows(_dataset(write_csv,
                                                                                     rows))}
    assert used["b"] == ("headline", "turnover")
    assert used["alt"] == ("alternate", "turnover")
    assert used["exp"] == ("other_flow", "kz_exports_to_mn")
    assert used["t"][0] == "target"


def test_sources_rows_are_facts_and_codes_with_citation_text_as_cited(bundled):
    """No English word of the product's in the rows: codes, numbers and the data's text."""
    cited = bundled.citations.set_index("citation_id")
    for row in sources_rows(bundled):
        c = cited.loc[row["citation_id"]]
        assert row["used"] in USES
        assert (row["measure"], row["flow"], row["precision"]) == (
            c["measure"], c["flow"], c["precision"])
        assert (row["year"], row["months"]) == (c["year"], c["months"])
        # Side, outlet and date exactly as the file gives them, empty where it gives none.
        assert (row["side"], row["outlet"], row["published"], row["reporter"], row["note"]) == (
            c["reporting_country"], c["outlet"], c["published"], c["reporter"], c["note"])
        assert "period" not in row
    words = {str(v) for row in sources_rows(bundled) for k, v in row.items()
             if k not in ("reporter", "outlet", "note")}
    for english_word in ("total turnover", "not recorded", "not named", "not given",
                         "other flow (not used)", "Jan"):
        assert not any(english_word in v for v in words), english_word


# --- reporting side ---------------------------------------------------------------


def side(row: dict, side_code: str, year: int, value: float, **kw) -> dict:
    return {**row, "citation_id": f"{side_code or 'u'}{year}{kw.pop('tag', '')}",
            "reporting_country": side_code, "year": str(year), "value_musd": str(value),
            "published": f"{year + 1}-03-01", **kw}


def test_a_side_the_data_lacks_falls_back_to_any_with_a_notice(write_csv):
    ds = _dataset(write_csv, [side(GOOD_ROWS[0], "KZ", 2019, 40),
                              side(GOOD_ROWS[1], "KZ", 2021, 60)])
    assert ds.reporters == ("any", "KZ")
    scenario, notices = scenario_from_query(ds, "reporter=MN")
    assert scenario.reporter == "any"
    assert said(notices) == ["'reporter=MN': the data has no full-year turnover figure from MN; "
                       "any was used."]
    with raises_worded(ScenarioError, "no full-year turnover figure reported by MN"):
        analyse(ds, replace(default_scenario(ds), reporter="MN"))


def test_growth_rates_never_span_a_change_of_side(write_csv):
    rows = [side(GOOD_ROWS[0], "MN", 2018, 20), side(GOOD_ROWS[0], "KZ", 2019, 40),
            side(GOOD_ROWS[1], "KZ", 2021, 60),
            side(GOOD_ROWS[2], "KZ", 2022, 36, period="year_to_date", months="6",
                 published="2022-08-01")]
    ds = _dataset(write_csv, rows)
    s = analyse(ds, default_scenario(ds))
    # 2018 is Mongolia's (Kazakhstan gives none): no pace starts there, though it is the
    # earliest full year of the five before 2021.
    assert paces(ds, default_scenario(ds)) == [(2019, 2021, 22.5)]
    # (60 / 40) ** (1/2) - 1 = 22.47 %
    assert (s.default_growth.from_year, s.default_growth.pct) == (2019, 22.5)
    assert s.reporting_side == ReportingSide(reporter="any", primary="KZ", mixed=True,
                                             years={"KZ": (2019, 2021, 2022), "MN": (2018,)},
                                             other_side_years=(2018,))


def test_no_default_pace_when_only_the_other_side_has_earlier_years(write_csv):
    ds = _dataset(write_csv, [side(GOOD_ROWS[0], "MN", 2019, 40),
                              side(GOOD_ROWS[1], "KZ", 2020, 50)])
    d = default_growth(ds.series)
    assert (d.pct, d.from_year, d.side) == (0.0, None, "KZ")
    assert d.basis == NO_SAME_SIDE_YEAR
    assert "from the same reporting side" in facts.default_rule(english(), d)
    assert paces(ds, default_scenario(ds)) == []


def test_year_on_year_needs_last_years_total_from_the_same_side(write_csv):
    ytd = side(GOOD_ROWS[2], "KZ", 2022, 36, period="year_to_date", months="6",
               published="2022-08-01", yoy_change_pct="20")
    same = _dataset(write_csv, [side(GOOD_ROWS[1], "KZ", 2021, 60), ytd])
    assert available_methods(same) == ("pro_rata", "yoy")
    # 60 × 1.2 = 72
    assert analyse(same, replace(default_scenario(same), method="yoy")).base.value_musd == (
        pytest.approx(72.0))
    other = _dataset(write_csv, [side(GOOD_ROWS[0], "KZ", 2019, 50),
                                 side(GOOD_ROWS[1], "MN", 2021, 60), ytd])
    assert available_methods(other) == ("pro_rata",)
    s = analyse(other, replace(default_scenario(other), method="yoy"))
    assert s.year_to_date.method == "pro_rata" and s.base.value_musd == 72.0  # 36 × 2
    assert any("Year-on-year annualisation needs" in n for n in said(s.notices))


@pytest.mark.parametrize(
    ("published", "today", "stale"),
    [
        ("2025-09-06", dt.date(2026, 9, 6), False),  # exactly a year: not yet
        ("2025-09-06", dt.date(2026, 9, 7), True),
        ("2025-09-06", dt.date(2025, 12, 1), False),
        ("2024-02-29", dt.date(2025, 2, 28), False),
        ("2024-02-29", dt.date(2025, 3, 1), True),
    ],
)
def test_data_is_stale_once_its_newest_figure_is_over_a_year_old(published, today, stale):
    fresh = freshness(Published(published, "x"), today)
    assert fresh.stale is stale
    assert fresh.age_days == (today - dt.date.fromisoformat(published)).days
    assert freshness(None, today) is None


def test_the_newest_dated_actual_figure_is_the_datas_freshness(write_csv):
    rows = [*GOOD_ROWS, {**GOOD_ROWS[3], "citation_id": "t2", "published": "2030-01-01"}]
    ds = _dataset(write_csv, rows)  # a target's date says nothing about the figures
    assert ds.latest_published == Published(latest_published="2022-08-01", citation_id="c")


# --- the default annualisation follows the evidence ----------------------------------------


def test_the_bundled_default_is_year_on_year_with_its_numbers_worked_by_hand(bundled):
    scenario = default_scenario(bundled)
    assert scenario.method == "yoy"
    s = analyse(bundled, scenario)
    ytd = s.year_to_date
    # January-July 2025 states +3.6 % on the same months of 2024; 2024 is 150, Kazakh like
    # the year to date: 150 × 1.036 = 155.4.
    assert ytd.annualised_musd == pytest.approx(155.4)
    assert (ytd.method, ytd.method_reason) == ("yoy", "stated_change")
    assert (ytd.default_method, ytd.default_reason) == ("yoy", "stated_change")
    # (500 / 155.4) ^ (1/5) − 1 = 26.33 % a year by 2030.
    assert round(s.required_growth_pct, 2) == 26.33
    # At the default 20.2 %: 155.4 × 1.202^6 = 469.6 < 500 <= × 1.202^7 = 564.4: 2032.
    assert s.scenario_growth_pct == 20.2 and s.target_reached_year == 2032
    # 500 − 155.4 = 344.6
    assert s.gap_musd == pytest.approx(344.6)
    assert s.notices == ()


def test_an_explicit_method_wins_over_the_default(bundled):
    scenario, notices = scenario_from_query(bundled, "method=pro_rata")
    assert notices == [] and scenario.method == "pro_rata"
    s = analyse(bundled, scenario)
    # 74.0 × 12 / 7 = 126.857; (500 / 126.857) ^ (1/5) − 1 = 31.56 %; at 20.2 %,
    # 126.857 × 1.202^7 = 460.8 < 500 <= × 1.202^8 = 553.9: 2033.
    assert s.year_to_date.annualised_musd == pytest.approx(PRO_RATA_2025)
    assert s.year_to_date.method_reason == "reader_choice"
    assert s.year_to_date.default_method == "yoy"
    assert round(s.required_growth_pct, 2) == 31.56 and s.target_reached_year == 2033


def test_a_pro_rata_estimate_against_the_stated_change_carries_a_coded_notice(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), method="pro_rata"))
    (notice,) = [n for n in s.notices if n.code == "estimate_contradicts_source"]
    assert notice.is_finding
    v = notice.values
    # 126.857 / 150 − 1 = −15.43 %, against the +3.6 % the source states; year-on-year
    # (150 × 1.036) rises as the source says.
    assert v["implied_pct"] == pytest.approx(-15.43, abs=0.01)
    assert (v["stated_pct"], v["previous_year"], v["previous_musd"]) == (3.6, 2024, 150.0)
    assert (v["method"], v["agrees"]) == ("pro_rata", "yoy")
    # Coded in the JSON, as every notice is: the code and its values, rounded.
    (coded,) = s.as_json()["notices"]
    assert (coded["code"], coded["implied_pct"], coded["agrees"]) == (
        "estimate_contradicts_source", -15.4286, "yoy")


def _rows(write_csv, *rows) -> Dataset:
    path = write_csv([*GOOD_ROWS, *rows])
    return Dataset.from_citations(load_citations(path), str(path))


@pytest.mark.parametrize(
    ("extra", "method", "reason", "estimate"),
    [
        # 2021 is 60 and Jan-Jun 2022 is 36, with no stated change and no Jan-Jun 2021:
        # pro-rata, 36 × 12 / 6 = 72.
        ((), "pro_rata", "no_change_or_same_months", 72.0),
        # Jan-Jun 2021 = 24 of 2021's 60, 40 %: seasonal 36 / 0.4 = 90.
        (({**GOOD_ROWS[1], "citation_id": "b-ytd", "period": "year_to_date", "months": "6",
           "value_musd": "24", "published": "2021-08-01"},),
         "seasonal", "same_months_last_year", 90.0),
    ],
)
def test_without_a_stated_change_the_default_falls_back(write_csv, extra, method, reason,
                                                       estimate):
    ds = _rows(write_csv, *extra)
    s = analyse(ds, default_scenario(ds))
    assert (s.year_to_date.method, s.year_to_date.method_reason) == (method, reason)
    assert s.year_to_date.annualised_musd == pytest.approx(estimate)


def test_a_stated_change_makes_year_on_year_the_default_over_seasonal(write_csv):
    stated = {**GOOD_ROWS[2], "yoy_change_pct": "50"}
    same_months = {**GOOD_ROWS[1], "citation_id": "b-ytd", "period": "year_to_date",
                   "months": "6", "value_musd": "24", "published": "2021-08-01"}
    path = write_csv([GOOD_ROWS[0], GOOD_ROWS[1], stated, GOOD_ROWS[3], same_months])
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = analyse(ds, default_scenario(ds))
    # 2021 = 60, up 50 %: 90 (seasonal would also give 36 / 0.4 = 90; the stated change wins).
    assert (s.year_to_date.method, s.year_to_date.method_reason) == ("yoy", "stated_change")
    assert s.year_to_date.annualised_musd == pytest.approx(90.0)


def test_no_full_year_last_year_means_pro_rata_for_that_reason(write_csv):
    # 2019 and Jan-Jun 2022: 2021 has no total to start from.
    path = write_csv([GOOD_ROWS[0], GOOD_ROWS[2], GOOD_ROWS[3]])
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = analyse(ds, default_scenario(ds))
    assert (s.year_to_date.method, s.year_to_date.method_reason) == (
        "pro_rata", "no_last_year_total")


def test_a_stated_fall_no_method_can_follow_is_said_so(write_csv):
    # Jan-Jun 2022 = 36, stated as 45 % down on Jan-Jun 2021: 60 × 0.55 = 33 would put the
    # year below its own first half, so year-on-year is not offered; pro-rata's 72 is
    # 72 / 60 − 1 = +20 % on 2021, the other sign, and no method agrees.
    path = write_csv([GOOD_ROWS[0], GOOD_ROWS[1], {**GOOD_ROWS[2], "yoy_change_pct": "-45"},
                      GOOD_ROWS[3]])
    ds = Dataset.from_citations(load_citations(path), str(path))
    s = analyse(ds, default_scenario(ds))
    assert s.year_to_date.method == "pro_rata"
    (notice,) = [n for n in s.notices if n.code == "estimate_contradicts_source"]
    assert notice.values["implied_pct"] == pytest.approx(20.0)
    assert notice.values["agrees"] is None
    assert said([notice])[0].endswith("No method these figures allow agrees with the source.")


def test_a_file_without_the_change_column_behaves_as_before(tmp_path):
    """An older file with neither the change nor the side column: pro-rata as before, and
    nothing to check."""
    columns = [c for c in COLUMNS if c not in ("yoy_change_pct", "reporting_country")]
    path = tmp_path / "older.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(bundled_rows())
    ds = Dataset.load(path)
    s = analyse(ds, default_scenario(ds))
    # 74.0 × 12 / 7 = 126.857; (500 / 126.857) ^ (1/5) − 1 = 31.56 %; 2033 at 20.2 %.
    assert (s.year_to_date.method, s.year_to_date.method_reason) == (
        "pro_rata", "no_change_or_same_months")
    assert s.year_to_date.annualised_musd == pytest.approx(PRO_RATA_2025)
    assert round(s.required_growth_pct, 2) == 31.56
    assert (s.scenario_growth_pct, s.target_reached_year) == (20.2, 2033)
    assert ds.stated_changes == () and s.notices == ()


def _bundled_without_the_change(tmp_path, *extra: dict) -> Dataset:
    rows = [{**r, "yoy_change_pct": ""} if r["citation_id"] == "kz-dpm-2025-ytd" else r
            for r in bundled_rows()]
    return Dataset.load(write_rows(tmp_path / "no-change.csv", [*rows, *extra]))


def test_the_bundled_file_without_the_3_6_change_falls_back(tmp_path):
    ds = _bundled_without_the_change(tmp_path)
    s = analyse(ds, default_scenario(ds))
    # 2024's Kazakh total is cited but no January-July 2024: pro-rata, 74.0 × 12 / 7.
    assert (s.year_to_date.method, s.year_to_date.method_reason) == (
        "pro_rata", "no_change_or_same_months")
    assert s.year_to_date.annualised_musd == pytest.approx(PRO_RATA_2025)
    # With a Kazakh January-July 2024 of 71.4 (71.4 / 150 = 47.6 % of the year), seasonal
    # share: 74.0 / 0.476 = 155.46.
    july = {**next(r for r in bundled_rows() if r["citation_id"] == "kz-dpm-2025-ytd"),
            "citation_id": "kz-2024-jul", "year": "2024", "value_musd": "71.4",
            "yoy_change_pct": "", "published": "2024-09-01"}
    ds = _bundled_without_the_change(tmp_path, july)
    s = analyse(ds, default_scenario(ds))
    assert (s.year_to_date.method, s.year_to_date.method_reason) == (
        "seasonal", "same_months_last_year")
    assert s.year_to_date.annualised_musd == pytest.approx(74.0 / (71.4 / 150))

"""The rule that picks one value per period."""

from __future__ import annotations

import math

import pytest

from tests.support.data import GOOD_ROWS
from trade_dash.domain.datafile import load_citations
from trade_dash.domain.normalise import (
    flow_series,
    headline_series,
    primary_side,
    target,
)


def series_of(write_csv, rows, reporter="any"):
    return headline_series(load_citations(write_csv(rows)), reporter).set_index("year")


def row(**kw):
    base = dict(GOOD_ROWS[0])
    base.update(kw)
    return base


def test_bundled_series_keeps_the_kazakh_side_and_is_up_to_date(bundled):
    s = bundled.series.set_index("year")
    assert list(s.index) == list(range(2017, 2026))
    assert set(s["reporting_country"]) == {"KZ"} and not s["from_other_side"].any()
    assert s.loc[2019, "value_musd"] == 59.9 and s.loc[2019, "disputed"]  # the chamber: 35.3
    assert s.loc[2023, "value_musd"] == 133.0 and s.loc[2023, "citation_id"] == "kz-pm-2023"
    assert s.loc[2024, "value_musd"] == 150.0 and s.loc[2024, "status"] == "full"
    assert (s.loc[2022, "status"], s.loc[2022, "months"], s.loc[2022, "value_musd"]) == (
        "partial", 4, 31.0)
    assert (s.loc[2025, "status"], s.loc[2025, "months"], s.loc[2025, "value_musd"]) == (
        "partial", 7, 74.0)
    assert s.loc[2025, "yoy_change_pct"] == 3.6


def test_bundled_mongolian_series_keeps_missing_years_missing(bundled):
    s = bundled.view("MN").series.set_index("year")
    assert list(s.index) == list(range(2019, 2024))
    assert s["value_musd"].dropna().to_dict() == {2019: 35.3, 2023: 76.7}
    for year in (2020, 2021, 2022):
        assert s.loc[year, "status"] == "missing" and math.isnan(s.loc[year, "value_musd"])


def test_full_year_supersedes_partial_and_partial_stays_as_alternate(write_csv):
    rows = [
        row(
            citation_id="p",
            year="2020",
            period="year_to_date",
            months="6",
            value_musd="20",
            published="2020-08-01",
        ),
        row(citation_id="f", year="2020", value_musd="45", published="2021-02-01"),
    ]
    s = series_of(write_csv, rows)
    assert s.loc[2020, "citation_id"] == "f"
    assert s.loc[2020, "status"] == "full"
    assert s.loc[2020, "alternates"] == "p"
    # The rule's facts (worded by the wording layer): one partial figure superseded, the
    # full-year figure the only one of its period.
    assert (s.loc[2020, "superseded"], s.loc[2020, "preferred_of"]) == (1, 1)


def test_longest_partial_period_wins(write_csv):
    rows = [
        row(
            citation_id="m4",
            year="2020",
            period="year_to_date",
            months="4",
            value_musd="10",
            published="2020-06-01",
        ),
        row(
            citation_id="m9",
            year="2020",
            period="year_to_date",
            months="9",
            value_musd="30",
            published="2020-11-01",
        ),
        row(),  # a full year elsewhere, which every usable file needs
    ]
    assert series_of(write_csv, rows).loc[2020, "citation_id"] == "m9"


def test_reporting_body_order_then_exactness_then_newest(write_csv):
    rows = [
        row(
            citation_id="chamber",
            reporter_kind="business_association",
            value_musd="41",
            published="2021-01-05",
        ),
        row(
            citation_id="stats-approx",
            precision="approximate",
            value_musd="40",
            published="2021-01-04",
        ),
        row(citation_id="stats-old", value_musd="40.5", published="2021-01-02"),
        row(citation_id="stats-new", value_musd="40.2", published="2021-01-03"),
        row(citation_id="stats-undated", value_musd="40.1", published=""),
    ]
    s = series_of(write_csv, rows)
    assert s.loc[2019, "citation_id"] == "stats-new"
    assert s.loc[2019, "alternates"] == "chamber,stats-approx,stats-old,stats-undated"
    assert not s.loc[2019, "disputed"]


def test_disagreement_beyond_tolerance_is_flagged(write_csv):
    rows = [
        row(citation_id="x", value_musd="40"),
        row(citation_id="y", value_musd="43", reporter_kind="other"),
    ]
    s = series_of(write_csv, rows)
    assert s.loc[2019, "value_musd"] == 40.0
    assert s.loc[2019, "disputed"]


@pytest.mark.parametrize(
    ("other", "disputed"),
    [
        ("41.9", False),  # 4.75 % above the chosen 40
        ("42", False),  # exactly 5 %: "more than 5 %" is not met
        ("42.1", True),  # 5.25 % above
        ("38.1", False),  # 4.75 % below
        ("37.9", True),  # 5.25 % below
    ],
)
def test_dispute_threshold_is_more_than_five_percent_of_the_chosen_value(
    write_csv, other, disputed
):
    rows = [
        row(citation_id="chosen", value_musd="40"),
        row(citation_id="other", value_musd=other, reporter_kind="other"),
    ]
    s = series_of(write_csv, rows)
    assert s.loc[2019, "citation_id"] == "chosen"
    assert bool(s.loc[2019, "disputed"]) is disputed


def test_a_tie_on_every_other_rule_goes_to_the_earlier_line(write_csv):
    # Same body, exactness and publication date: only the order in the file differs.
    first = row(citation_id="first", value_musd="40")
    second = row(citation_id="second", value_musd="40.5")
    assert series_of(write_csv, [first, second]).loc[2019, "citation_id"] == "first"
    assert series_of(write_csv, [second, first]).loc[2019, "citation_id"] == "second"


def test_rule_is_deterministic_under_row_order(write_csv, tmp_path):
    rows = [
        row(citation_id=f"r{i}", value_musd=str(40 + i), reporter_kind=k)
        for i, k in enumerate(["other", "government", "statistics_office", "customs"])
    ]
    a = series_of(write_csv, rows)
    b = series_of(write_csv, list(reversed(rows)))
    assert a.loc[2019, "citation_id"] == b.loc[2019, "citation_id"] == "r2"


def test_other_flows_and_targets_stay_out_of_the_headline(write_csv):
    rows = [
        *GOOD_ROWS,
        row(
            citation_id="exp",
            flow="kz_exports_to_mn",
            year="2020",
            value_musd="5",
            published="2021-05-01",
        ),
    ]
    s = series_of(write_csv, rows)
    assert s.loc[2020, "status"] == "missing"
    assert 200.0 not in s["value_musd"].tolist()


def test_target_is_picked_and_its_citations_listed(bundled):
    t = target(bundled.citations)
    assert t.value_musd == 500.0
    assert len(t.citation_ids) == 5 and not t.disputed


# --- reporting side ---------------------------------------------------------------------


def side_row(side, year, value, **kw):
    kw.setdefault("published", f"{int(year) + 1}-03-01")
    return row(citation_id=f"{side or 'u'}{year}{kw.pop('tag', '')}", reporting_country=side,
               year=str(year), value_musd=str(value), **kw)


@pytest.mark.parametrize(
    ("rows", "primary"),
    [
        # the side covering most years
        ([side_row("KZ", 2019, 50), side_row("KZ", 2020, 50), side_row("MN", 2019, 30),
          side_row("MN", 2020, 30), side_row("MN", 2021, 30)], "MN"),
        # equal coverage: the side with the later latest year
        ([side_row("KZ", 2019, 50), side_row("KZ", 2021, 50), side_row("MN", 2019, 30),
          side_row("MN", 2020, 30)], "KZ"),
        ([side_row("MN", 2019, 30), side_row("MN", 2022, 30), side_row("KZ", 2019, 50),
          side_row("KZ", 2020, 50)], "MN"),
        # still equal: KZ
        ([side_row("MN", 2019, 30), side_row("KZ", 2019, 50)], "KZ"),
        # unknown side never counts, however many years it covers
        ([side_row("", y, 40) for y in range(2015, 2022)] + [side_row("MN", 2019, 30)], "MN"),
        # no side named at all: no primary side
        ([side_row("", 2019, 40), side_row("", 2020, 40)], None),
    ],
)
def test_primary_side_is_the_side_covering_most_years(write_csv, rows, primary):
    assert primary_side(load_citations(write_csv(rows))) == primary


def test_any_keeps_the_primary_side_even_where_the_other_ranks_higher(write_csv):
    rows = [
        side_row("KZ", 2019, 60, reporter_kind="government"),
        side_row("MN", 2019, 35, reporter_kind="statistics_office"),
        side_row("KZ", 2020, 70, reporter_kind="government"),
    ]
    s = series_of(write_csv, rows)
    # Without sides the statistics office (35) would win 2019; KZ, the primary side, keeps it.
    assert s.loc[2019, "value_musd"] == 60.0 and s.loc[2019, "reporting_country"] == "KZ"
    assert s.loc[2019, "alternates"] == "MN2019"
    assert s.loc[2019, "disputed"]  # the other side's 35 differs by more than 5 %
    assert not s["from_other_side"].any()


def test_years_the_primary_side_lacks_come_from_the_other_and_are_flagged(write_csv):
    rows = [side_row("KZ", 2019, 60), side_row("MN", 2020, 30), side_row("KZ", 2021, 80),
            side_row("", 2022, 90)]
    s = series_of(write_csv, rows)
    assert s["value_musd"].to_dict() == {2019: 60.0, 2020: 30.0, 2021: 80.0, 2022: 90.0}
    assert s["reporting_country"].to_dict() == {2019: "KZ", 2020: "MN", 2021: "KZ", 2022: ""}
    assert s["from_other_side"].to_dict() == {2019: False, 2020: True, 2021: False, 2022: True}


def test_the_primary_side_comes_before_a_full_year_from_the_other_side(write_csv):
    rows = [side_row("KZ", 2019, 60), side_row("KZ", 2020, 70),
            side_row("KZ", 2021, 40, period="year_to_date", months="6", tag="h1",
                     published="2021-08-01"),
            side_row("MN", 2021, 50)]
    s = series_of(write_csv, rows)
    assert (s.loc[2021, "status"], s.loc[2021, "value_musd"]) == ("partial", 40.0)
    assert s.loc[2021, "alternates"] == "MN2021"


def test_a_side_reporter_uses_that_sides_citations_only(write_csv):
    rows = [side_row("KZ", 2018, 55), side_row("KZ", 2019, 60), side_row("MN", 2019, 35),
            side_row("MN", 2021, 45), side_row("", 2020, 99)]
    kz = series_of(write_csv, rows, "KZ")
    assert kz["value_musd"].to_dict() == {2018: 55.0, 2019: 60.0}
    assert kz.loc[2019, "alternates"] == "" and not kz.loc[2019, "disputed"]
    mn = series_of(write_csv, rows, "MN")
    assert list(mn.index) == [2019, 2020, 2021]
    assert mn.loc[2020, "status"] == "missing"  # the unknown-side 99 is not Mongolia's
    assert (mn.loc[2019, "value_musd"], mn.loc[2021, "value_musd"]) == (35.0, 45.0)
    with pytest.raises(ValueError, match="reporter must be one of any, KZ, MN"):
        headline_series(load_citations(write_csv(rows)), "RU")


def test_a_file_without_sides_follows_the_rule_as_before(write_csv):
    rows = [row(citation_id="chamber", reporter_kind="business_association", value_musd="41"),
            row(citation_id="stats", value_musd="40")]
    s = series_of(write_csv, rows)
    assert s.loc[2019, "citation_id"] == "stats" and not s.loc[2019, "from_other_side"]


# --- both directions of trade -------------------------------------------------------


def test_bundled_flows_and_balance_by_hand(bundled):
    f = bundled.view().flows.set_index("year")
    assert list(f.index) == [2019, 2020, 2021, 2022, 2023]
    assert f["status"].to_dict() == {2019: "full", 2020: "missing", 2021: "missing",
                                     2022: "partial", 2023: "full"}
    # 58.2 - 1.74 = 56.46; 30.4 - 0.466 = 29.934 (January-April); 124.3 - 8.7 = 115.6
    assert f.loc[2019, "balance_musd"] == pytest.approx(56.46)
    assert f.loc[2022, "balance_musd"] == pytest.approx(29.934) and f.loc[2022, "months"] == 4
    assert f.loc[2023, "balance_musd"] == pytest.approx(115.6)
    assert f.loc[2023, "kz_exports_citation_id"] == "kz-mic-2023-exp"
    assert f.loc[2019, "mn_exports_precision"] == "approximate"
    assert math.isnan(f.loc[2020, "balance_musd"]) and f.loc[2020, "balance_basis"] == "none"
    assert bundled.view("MN").flows.empty  # Mongolia's side gives no flows


def flow_row(side, flow, year, value, **kw):
    return side_row(side, year, value, flow=flow, tag=f"-{flow[:2]}", **kw)


def test_a_balance_needs_both_directions_for_the_same_period(write_csv):
    rows = [
        side_row("KZ", 2019, 60),
        flow_row("KZ", "kz_exports_to_mn", 2019, 50),  # imports not cited
        flow_row("KZ", "kz_exports_to_mn", 2020, 52),
        flow_row("KZ", "mn_exports_to_kz", 2020, 3, period="year_to_date", months="6",
                 published="2020-08-01"),
    ]
    f = flow_series(load_citations(write_csv(rows))).set_index("year")
    assert f.loc[2019, "balance_basis"] == "one_flow" and math.isnan(f.loc[2019, "balance_musd"])
    assert f.loc[2020, "balance_basis"] == "periods_differ"
    assert math.isnan(f.loc[2020, "balance_musd"])
    assert f.loc[2020, "status"] == "partial" and f.loc[2020, "mn_exports_months"] == 6


def test_flows_honour_the_reporting_side(write_csv):
    rows = [
        side_row("KZ", 2019, 60), side_row("KZ", 2020, 60),
        flow_row("KZ", "kz_exports_to_mn", 2020, 50, reporter_kind="government"),
        flow_row("MN", "kz_exports_to_mn", 2020, 40),  # Mongolia's imports from Kazakhstan
        flow_row("KZ", "mn_exports_to_kz", 2020, 5),
        flow_row("MN", "mn_exports_to_kz", 2020, 7),
        flow_row("MN", "mn_exports_to_kz", 2021, 8),
    ]
    citations = load_citations(write_csv(rows))
    any_side = flow_series(citations).set_index("year")
    assert any_side.loc[2020, "kz_exports_musd"] == 50.0  # KZ is primary in turnover
    assert any_side.loc[2020, "balance_musd"] == 45.0
    assert any_side.loc[2021, "mn_exports_from_other_side"]
    mn = flow_series(citations, "MN").set_index("year")
    assert (mn.loc[2020, "kz_exports_musd"], mn.loc[2020, "mn_exports_musd"]) == (40.0, 7.0)
    assert mn.loc[2020, "balance_musd"] == 33.0
    assert not mn["mn_exports_from_other_side"].any()

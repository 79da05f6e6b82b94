"""The rule that picks one value per period."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.conftest import GOOD_ROWS
from trade_dash.data import load_citations
from trade_dash.normalise import headline_series, period_label, target


def series_of(write_csv, rows):
    return headline_series(load_citations(write_csv(rows))).set_index("year")


def row(**kw):
    base = dict(GOOD_ROWS[0])
    base.update(kw)
    return base


def test_bundled_series_keeps_missing_years_missing(bundled):
    s = bundled.series.set_index("year")
    assert list(s.index) == list(range(2017, 2025))
    assert s.loc[2018, "status"] == "missing" and math.isnan(s.loc[2018, "value_musd"])
    assert s.loc[2022, "status"] == "missing"
    assert s.loc[2023, "value_musd"] == 76.7
    assert s.loc[2024, "status"] == "partial"
    assert s.loc[2024, "months"] == 8


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
    assert "supersedes" in s.loc[2020, "rule"]


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
    assert len(t.citation_ids) == 4 and not t.disputed


def test_period_labels():
    assert period_label(2023, 12) == "2023"
    assert period_label(2024, 8) == "Jan–Aug 2024"
    assert period_label(pd.Series([2024]).iloc[0], 1) == "Jan–Jan 2024"

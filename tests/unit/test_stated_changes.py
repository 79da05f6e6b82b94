"""Changes on the previous year that sources state, checked against the cited figures."""

from __future__ import annotations

import pytest

from tests.support.data import GOOD_ROWS, bundled_rows, write_rows
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.stated_changes import STATED_CHANGE_TOLERANCE_PTS
from trade_dash.wording import english, facts


def by_id(ds: Dataset) -> dict:
    return {c.citation_id: c for c in ds.stated_changes}


def test_the_bundled_2021_and_2024_stated_changes_are_flagged_with_both_figures(bundled):
    checks = by_id(bundled)
    # Only these two stated changes have a previous period of the same side and months:
    # January-April 2022 (+118 %) has no January-April 2021, 2023 (+27.7 %) no 2022, and
    # January-July 2025 (+3.6 %) no January-July 2024.
    assert sorted(checks) == ["kz-mfa-2021", "kz-mfa-2024"]
    y2021 = checks["kz-mfa-2021"]
    # 2021: 60.9 (line 17) stated as +48.1 % on 2020; the Kazakh 2020 figure is 29.3
    # (line 4): 60.9 / 29.3 − 1 = +107.85 %, and 29.3 × 1.481 = 43.39.
    assert (y2021.line, y2021.previous_citation_id, y2021.previous_line) == (
        17, "kz-stat-2020", 4)
    assert y2021.previous_value_musd == 29.3 and y2021.stated_pct == 48.1
    assert y2021.figures_pct == pytest.approx(107.85, abs=0.01)
    assert y2021.implied_musd == pytest.approx(43.4, abs=0.01)
    assert y2021.differs
    y2024 = checks["kz-mfa-2024"]
    # 2024: 150 (line 25) stated as +20 % on 2023. Of the two Kazakh 2023 figures the rule
    # prefers the exact 133 (line 21) to the approximate 150 (line 24): 150 / 133 − 1 =
    # +12.78 %, and 133 × 1.2 = 159.6; 7.2 points apart.
    assert (y2024.line, y2024.previous_citation_id, y2024.previous_line) == (
        25, "kz-pm-2023", 21)
    assert y2024.figures_pct == pytest.approx(12.78, abs=0.01)
    assert y2024.implied_musd == pytest.approx(159.6)
    assert y2024.difference_pts == pytest.approx(-7.22, abs=0.01)
    assert y2024.differs


def test_a_consistent_stated_change_raises_no_flag(tmp_path):
    rows = bundled_rows()
    # A January-July 2024 figure on the Kazakh side: 74.0 / 71.4 − 1 = +3.64 %, the +3.6 %
    # the source states for January-July 2025.
    rows.append({**next(r for r in rows if r["citation_id"] == "kz-dpm-2025-ytd"),
                 "citation_id": "kz-2024-jul", "year": "2024", "value_musd": "71.4",
                 "yoy_change_pct": "", "published": "2024-09-01"})
    ds = Dataset.load(write_rows(tmp_path / "consistent.csv", rows))
    check = by_id(ds)["kz-dpm-2025-ytd"]
    assert check.previous_citation_id == "kz-2024-jul"
    assert check.figures_pct == pytest.approx(3.64, abs=0.01)
    assert not check.differs
    flagged = [c.citation_id for c in ds.stated_changes if c.differs]
    assert flagged == ["kz-mfa-2021", "kz-mfa-2024"]


def test_the_previous_period_is_taken_from_the_same_side_only(write_csv):
    # 2021 is up 50 % on 2020 by the Kazakh side's account; the only 2020 figure is
    # Mongolian, so there is nothing of the same side to check against.
    rows = [
        {**GOOD_ROWS[0], "citation_id": "mn2020", "year": "2020", "value_musd": "10",
         "reporting_country": "MN", "published": "2021-03-01"},
        {**GOOD_ROWS[1], "citation_id": "kz2021", "yoy_change_pct": "50",
         "reporting_country": "KZ"},
    ]
    assert Dataset.load(write_csv(rows)).stated_changes == ()


def test_five_points_apart_is_within_the_tolerance(write_csv):
    assert STATED_CHANGE_TOLERANCE_PTS == 5.0
    # 2020: 40; 2021: 60 is +50 %. Stated +45 % is 5 points off: not flagged; +44 % is 6.
    rows = [{**GOOD_ROWS[0], "year": "2020", "published": "2021-03-01"},
            {**GOOD_ROWS[1], "yoy_change_pct": "45"}]
    assert not Dataset.load(write_csv(rows)).stated_changes[0].differs
    rows[1]["yoy_change_pct"] = "44"
    check = Dataset.load(write_csv(rows)).stated_changes[0]
    assert check.differs and check.implied_musd == pytest.approx(57.6)  # 40 × 1.44


def test_the_sources_rows_carry_the_check(bundled):
    rows = {r["citation_id"]: r for r in sources_rows(bundled)}
    assert (rows["kz-mfa-2024"]["yoy_change_pct"], rows["kz-mfa-2024"]["change_differs"],
            rows["kz-mfa-2024"]["previous_line"]) == (20.0, True, 21)
    assert rows["kz-dpm-2025-ytd"]["change_differs"] is False
    assert rows["kz-dpm-2025-ytd"]["figures_pct"] is None  # nothing to check it against
    assert rows["kz-stat-2020"]["yoy_change_pct"] is None


def test_the_warning_names_both_lines_and_both_values(bundled):
    text = facts.stated_change_text(english(), by_id(bundled)["kz-mfa-2024"])
    assert text == (
        "line 25 (kz-mfa-2024): US$ 150 million for 2024 is stated as +20.0% on 2023, but "
        "US$ 133 million for 2023 on line 21 (kz-pm-2023) gives +12.8%; the stated change "
        "would make 2024 US$ 159.6 million.")

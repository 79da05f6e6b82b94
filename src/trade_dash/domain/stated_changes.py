"""Changes on last year that the sources state, checked against the cited figures.

A citation may give its figure's change on the same months of the previous year
(``yoy_change_pct``: 2024 "up 20 %" on 2023). That change can be worked out from the
figures too, when the file cites the previous period: the same measure and flow, from
the same reporting side (unknown counts as a side of its own), for the same months of
the year before. Where several citations give that period, the previous figure is the
one the normalisation rule prefers among them (``normalise.pick``: reporting body, then
exactness, then the newest publication, then the earlier line), so for a full year it
is the figure that side's own series shows.

The change the two figures give, ``value / previous − 1``, is compared with the stated
one; they differ when they are more than ``STATED_CHANGE_TOLERANCE_PTS`` percentage
points apart. A stated change without a previous figure to compare with is not checked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from trade_dash.domain.normalise import pick

STATED_CHANGE_TOLERANCE_PTS = 5.0  # percentage points between stated and implied change


@dataclass(frozen=True)
class StatedChangeCheck:
    """One stated change compared with the figures: the citation, the previous period's
    citation it is measured from, and the changes and amounts either way."""

    citation_id: str
    line: int
    year: int
    months: int
    flow: str
    side: str  # "" when the data does not record it
    value_musd: float
    stated_pct: float  # the change the source states
    previous_citation_id: str
    previous_line: int
    previous_year: int
    previous_value_musd: float
    figures_pct: float  # the change the two cited figures give
    implied_musd: float  # the figure the stated change gives: previous × (1 + stated)
    difference_pts: float  # figures_pct − stated_pct
    differs: bool  # more than STATED_CHANGE_TOLERANCE_PTS apart


def previous_period(citations: pd.DataFrame, row: pd.Series) -> pd.Series | None:
    """The citation a stated change of ``row`` is measured from (see the module doc)."""
    rows = citations[
        (citations["measure"] == row["measure"])
        & (citations["flow"] == row["flow"])
        & (citations["reporting_country"] == row["reporting_country"])
        & (citations["year"] == row["year"] - 1)
        & (citations["months"] == row["months"])
    ]
    return None if rows.empty else pick(rows)


def stated_change_checks(citations: pd.DataFrame) -> tuple[StatedChangeCheck, ...]:
    """Every stated change that the file's figures can be checked against, in file order."""
    stated = citations[citations["yoy_change_pct"].notna()].sort_values("line")
    checks = []
    for _, row in stated.iterrows():
        prev = previous_period(citations, row)
        if prev is None:
            continue
        value, before = float(row["value_musd"]), float(prev["value_musd"])
        change = float(row["yoy_change_pct"])
        figures = (value / before - 1) * 100
        if not math.isfinite(figures):
            continue
        checks.append(StatedChangeCheck(
            citation_id=str(row["citation_id"]),
            line=int(row["line"]),
            year=int(row["year"]),
            months=int(row["months"]),
            flow=str(row["flow"]),
            side=str(row["reporting_country"]),
            value_musd=value,
            stated_pct=change,
            previous_citation_id=str(prev["citation_id"]),
            previous_line=int(prev["line"]),
            previous_year=int(prev["year"]),
            previous_value_musd=before,
            figures_pct=figures,
            implied_musd=before * (1 + change / 100),
            difference_pts=figures - change,
            differs=abs(figures - change) > STATED_CHANGE_TOLERANCE_PTS,
        ))
    return tuple(checks)

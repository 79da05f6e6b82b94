from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class LatestFull:
    """The latest full-year figure of the series."""

    year: int
    value_musd: float
    citation_id: str
    reporting_country: str  # "" when the data does not record the side


@dataclass(frozen=True)
class CitedPartial:
    """The January-to-month-N figure after the latest full year, as cited."""

    year: int
    months: int
    value_musd: float
    citation_id: str
    reporting_country: str
    yoy_change_pct: float | None  # the change on the same months of last year, if given


@dataclass(frozen=True)
class YearToDate:
    """The year to date with its full-year estimate by the scenario's method. The period's
    label and the method's description are the wording layer's (``wording.facts``)."""

    year: int
    months: int
    value_musd: float
    annualised_musd: float
    method: str  # the method used (pro-rata when the requested one is impossible)
    method_reason: str  # why ``method`` was used: one of METHOD_REASONS
    default_method: str  # the method the data points to (``Facts.default_method``)
    default_reason: str  # why the data points to it: one of DEFAULT_REASONS
    methods_available: tuple[str, ...]
    citation_id: str
    reporting_country: str
    yoy_change_pct: float | None


# Why the data points to an annualisation method (``Facts.default_method``): the method
# that uses the most of what the sources say about the year.
STATED_CHANGE = "stated_change"  # year-on-year: the year to date states its change on the
#   same months of last year, and last year's total comes from the same side
SAME_MONTHS_LAST_YEAR = "same_months_last_year"  # seasonal: last year's total and its
#   figure for the same months come from the same side
NO_LAST_YEAR_TOTAL = "no_last_year_total"  # pro-rata: no full-year figure for last year
#   from the same side
NO_CHANGE_OR_SAME_MONTHS = "no_change_or_same_months"  # pro-rata: last year's total is
#   cited, but neither a usable change nor last year's same months
DEFAULT_REASONS = (STATED_CHANGE, SAME_MONTHS_LAST_YEAR, NO_LAST_YEAR_TOTAL,
                   NO_CHANGE_OR_SAME_MONTHS)
# Why a scenario's estimate uses another method than the data's default.
READER_CHOICE = "reader_choice"  # asked for with method= or --method, and possible
REQUESTED_UNAVAILABLE = "requested_unavailable"  # asked for but impossible: pro-rata
METHOD_REASONS = (*DEFAULT_REASONS, READER_CHOICE, REQUESTED_UNAVAILABLE)


@dataclass(frozen=True)
class Base:
    """The value and year a scenario projects from."""

    year: int
    value_musd: float
    kind: Literal["ytd", "full"]
    method: str | None  # the annualisation method when ``kind`` is "ytd"


@dataclass(frozen=True)
class Band:
    """The low and high growth rates around the scenario's, and when each meets the target."""

    low_pct: float
    high_pct: float
    low_reached_year: int | None
    high_reached_year: int | None


# Why the default growth rate is what it is (``DefaultGrowth.basis``).
PACE = "pace"  # the compound annual growth between two full years of the same side


FEWER_THAN_TWO_FULL_YEARS = "fewer_than_two_full_years"  # the default is 0


NO_SAME_SIDE_YEAR = "no_same_side_year"  # no earlier full year from the latest's side: 0


@dataclass(frozen=True)
class DefaultGrowth:
    """The default growth rate, the years it is the pace between, and why (the wording
    layer states the rule from these facts)."""

    pct: float
    from_year: int | None  # None: no two full years from the same side, the default is 0
    to_year: int | None
    side: str
    basis: str  # PACE, FEWER_THAN_TWO_FULL_YEARS or NO_SAME_SIDE_YEAR
    unlimited_pct: float | None = None  # the pace before it was held within the slider's range


@dataclass(frozen=True)
class ReportingSide:
    """Codes and years: which side's books the series comes from."""

    reporter: str
    primary: str | None
    mixed: bool
    years: dict[str, tuple[int, ...]]  # side code ("unknown" when not recorded) -> years
    other_side_years: tuple[int, ...]


@dataclass(frozen=True)
class Published:
    """The newest dated figure in the data."""

    latest_published: str  # ISO date
    citation_id: str


@dataclass(frozen=True)
class Freshness:
    """How old the newest dated figure is on a given day."""

    latest_published: str
    citation_id: str
    age_days: int
    stale: bool

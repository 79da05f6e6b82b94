"""Scenario maths: pure functions of numbers, no I/O, no dash or plotly.

Rates are fractions here (0.25 is 25 % a year); the layers above speak in
percent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Literal

from trade_dash.domain.codes import CodedError

PRO_RATA = "pro_rata"
SEASONAL = "seasonal"
YOY = "yoy"  # the year-to-date change on last year, applied to last year's total
METHODS = (PRO_RATA, SEASONAL, YOY)

# Rates outside this range are not scenarios but typing errors.
MIN_RATE = -0.99
MAX_RATE = 10.0
MAX_HORIZON_YEARS = 200
YEAR_EPS = 1e-9  # absorbs floating-point noise when counting whole years


# Why a scenario cannot be computed; ``wording.errors`` says it in each language.
ScenarioCode = Literal[
    "not_positive",  # quantity (a Quantity), value
    "months_range",  # value
    "rate_not_finite",  # value
    "rate_range",  # low, high, value (fractions)
    "seasonal_share_over",  # part, full
    "change_not_finite",  # value
    "change_range",  # value
    "yoy_below_ytd",  # estimate, value
    "end_not_after_start",  # start_year, end_year
    "last_before_base",  # last_year, base_year
    "horizon_too_long",  # years
    "target_year_not_after_base",  # target_year, base_year
    # raised by the scenario layer and the command line
    "no_full_year_base",
    "reporter_unknown",  # value, choices
    "reporter_not_in_data",  # reporter, choices
    "reporter_option_not_in_data",  # reporter, choices (the command line's --reporter)
    "base_unknown",  # value, choices
    "method_unknown",  # value, choices
    "growth_range",  # low, high, value
    "target_range",  # low, high, value
    "band_range",  # low, high, value
    "target_year_range",  # base_year, horizon, value
]
# The amounts a "not_positive" error can be about.
Quantity = Literal["ytd_value", "prev_full_value", "prev_same_period_value", "start_value",
                   "end_value", "base_value", "target"]


class ScenarioError(CodedError, ValueError):
    """An input outside the domain of the scenario maths: a code and the values that
    explain it; ``wording.errors.scenario_error`` says it in a reader's language."""

    code: ScenarioCode

    def __init__(self, code: ScenarioCode, **params: Any):
        super().__init__(code, **params)


@dataclass(frozen=True)
class Annualised:
    """A January-to-month-N figure scaled to a full-year estimate."""

    value_musd: float
    method: str
    months: int
    share_of_year: float  # the fraction of the annual total the partial figure is taken to be
    # The figures a seasonal or year-on-year estimate rests on (None for pro-rata); the
    # wording layer describes the method from these facts.
    prev_full_musd: float | None = None
    change_pct: float | None = None  # year-on-year only: the change the source gives


def _positive(quantity: Quantity, value: float) -> float:
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ScenarioError("not_positive", quantity=quantity, value=value)
    return float(value)


def _months(months: int) -> int:
    if not isinstance(months, int) or not 1 <= months <= 11:
        raise ScenarioError("months_range", value=months)
    return months


def check_rate(rate: float) -> float:
    """Return ``rate`` if it is a usable annual growth rate, else raise."""
    if not isinstance(rate, int | float) or not math.isfinite(rate):
        raise ScenarioError("rate_not_finite", value=rate)
    if not MIN_RATE <= rate <= MAX_RATE:
        raise ScenarioError("rate_range", low=MIN_RATE, high=MAX_RATE, value=rate)
    return float(rate)


def annualise_pro_rata(value_musd: float, months: int) -> Annualised:
    """Scale a January-to-month-N figure by 12/N."""
    value = _positive("ytd_value", value_musd)
    months = _months(months)
    return Annualised(
        value_musd=value * 12 / months,
        method=PRO_RATA,
        months=months,
        share_of_year=months / 12,
    )


def annualise_seasonal(
    value_musd: float, months: int, prev_full_musd: float, prev_same_period_musd: float
) -> Annualised:
    """Scale by the share of the previous year's total reached by the same month."""
    value = _positive("ytd_value", value_musd)
    months = _months(months)
    prev_full = _positive("prev_full_value", prev_full_musd)
    prev_part = _positive("prev_same_period_value", prev_same_period_musd)
    if prev_part > prev_full:
        raise ScenarioError("seasonal_share_over", part=prev_part, full=prev_full)
    share = prev_part / prev_full
    return Annualised(
        value_musd=value / share,
        method=SEASONAL,
        months=months,
        share_of_year=share,
        prev_full_musd=prev_full,
    )


def annualise_yoy(
    value_musd: float, months: int, prev_full_musd: float, change_pct: float
) -> Annualised:
    """Last year's total moved by the change the source gives for January to month N on
    the same months of last year: the year is taken to change as its first N months did."""
    value = _positive("ytd_value", value_musd)
    months = _months(months)
    prev_full = _positive("prev_full_value", prev_full_musd)
    if not isinstance(change_pct, int | float) or not math.isfinite(change_pct):
        raise ScenarioError("change_not_finite", value=change_pct)
    if change_pct <= -100:
        raise ScenarioError("change_range", value=change_pct)
    estimate = prev_full * (1 + change_pct / 100)
    if estimate < value:
        raise ScenarioError("yoy_below_ytd", estimate=estimate, value=value)
    return Annualised(
        value_musd=estimate,
        method=YOY,
        months=months,
        share_of_year=value / estimate,
        prev_full_musd=prev_full,
        change_pct=float(change_pct),
    )


def cagr(start_value: float, start_year: int, end_value: float, end_year: int) -> float:
    """Compound annual growth rate between two full years."""
    v0 = _positive("start_value", start_value)
    v1 = _positive("end_value", end_value)
    if end_year <= start_year:
        raise ScenarioError("end_not_after_start", start_year=start_year, end_year=end_year)
    rate: float = (v1 / v0) ** (1 / (end_year - start_year)) - 1  # both positive: a real
    return rate


def project(
    base_value: float, base_year: int, rate: float, last_year: int
) -> list[tuple[int, float]]:
    """Values from ``base_year`` to ``last_year`` growing at ``rate`` a year."""
    base = _positive("base_value", base_value)
    rate = check_rate(rate)
    if last_year < base_year:
        raise ScenarioError("last_before_base", last_year=last_year, base_year=base_year)
    if last_year - base_year > MAX_HORIZON_YEARS:
        raise ScenarioError("horizon_too_long", years=MAX_HORIZON_YEARS)
    return [(y, base * (1 + rate) ** (y - base_year)) for y in range(base_year, last_year + 1)]


def path_to_target(
    base_value: float, base_year: int, target_musd: float, target_year: int
) -> list[tuple[int, float]]:
    """Values each year on the constant-rate path from the base to the target.

    Unlike ``project`` it takes no rate, so it draws even when the rate needed is
    extreme (a tiny base, a huge target, one year to go).
    """
    base = _positive("base_value", base_value)
    target = _positive("target", target_musd)
    if target_year <= base_year:
        raise ScenarioError("target_year_not_after_base", target_year=target_year,
                            base_year=base_year)
    n = target_year - base_year
    return [(base_year + i, base * (target / base) ** (i / n)) for i in range(n + 1)]


def year_target_reached(
    base_value: float, base_year: int, rate: float, target_musd: float, horizon_year: int
) -> int | None:
    """First year the projection meets the target, or None if not by ``horizon_year``."""
    base = _positive("base_value", base_value)
    target = _positive("target", target_musd)
    rate = check_rate(rate)
    if base >= target:
        return base_year
    if rate <= 0:
        return None
    years = math.log(target / base) / math.log1p(rate) - YEAR_EPS
    # Compared before rounding: a rate too small to count (1e-310) takes infinitely long.
    if years > horizon_year - base_year:
        return None
    return base_year + math.ceil(years)


def required_rate(base_value: float, base_year: int, target_musd: float, target_year: int) -> float:
    """Constant annual rate that takes the base to the target in the target year."""
    base = _positive("base_value", base_value)
    target = _positive("target", target_musd)
    if target_year <= base_year:
        raise ScenarioError("target_year_not_after_base", target_year=target_year,
                            base_year=base_year)
    rate: float = (target / base) ** (1 / (target_year - base_year)) - 1  # both positive: a real
    return rate


@dataclass(frozen=True)
class Gap:
    """Distance from the base to the target."""

    musd: float
    share_of_target: float


def gap(base_value: float, target_musd: float) -> Gap:
    """Target minus base, in US$ million and as a share of the target (negative once exceeded)."""
    base = _positive("base_value", base_value)
    target = _positive("target", target_musd)
    return Gap(musd=target - base, share_of_target=(target - base) / target)

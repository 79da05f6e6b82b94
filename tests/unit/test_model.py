"""The scenario maths, by hand-worked examples and by property."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support.worded import raises_worded
from trade_dash.domain import model
from trade_dash.domain.model import ScenarioError


@pytest.mark.parametrize(
    ("value", "months", "expected"),
    [(83.9, 8, 125.85), (10.0, 1, 120.0), (55.0, 11, 60.0), (6.0, 6, 12.0)],
)
def test_pro_rata(value, months, expected):
    a = model.annualise_pro_rata(value, months)
    assert a.value_musd == pytest.approx(expected)
    assert a.method == "pro_rata"
    assert (a.months, a.share_of_year) == (months, pytest.approx(months / 12))
    assert (a.prev_full_musd, a.change_pct) == (None, None)


def test_seasonal_uses_last_years_share():
    # Last year 40 of 100 came by the same month: this year's 50 is taken as 40 % of the year.
    a = model.annualise_seasonal(50.0, 6, prev_full_musd=100.0, prev_same_period_musd=40.0)
    assert a.value_musd == pytest.approx(125.0)
    assert a.method == "seasonal"
    assert a.share_of_year == pytest.approx(0.4)
    assert a.prev_full_musd == 100.0


def test_seasonal_rejects_a_share_over_one():
    with raises_worded(ScenarioError, "exceeds its full-year value"):
        model.annualise_seasonal(50.0, 6, 100.0, 120.0)


@pytest.mark.parametrize(
    ("ytd", "months", "prev_full", "change", "expected"),
    [
        # January-July 2025 = 74.0, up 3.6 % on January-July 2024; 2024 = 150.
        (74.0, 7, 150.0, 3.6, 155.4),
        (30.0, 4, 80.0, -12.5, 70.0),
        (5.0, 1, 60.0, 0.0, 60.0),
    ],
)
def test_year_on_year_moves_last_year_by_the_change(ytd, months, prev_full, change, expected):
    a = model.annualise_yoy(ytd, months, prev_full, change)
    assert a.value_musd == pytest.approx(expected)
    assert a.method == "yoy"
    assert a.share_of_year == pytest.approx(ytd / expected)
    # The facts the estimate rests on, which the wording layer states.
    assert (a.months, a.prev_full_musd, a.change_pct) == (months, prev_full, change)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((74.0, 7, 150.0, -100.0), "above -100 %"),
        ((74.0, 7, 150.0, math.nan), "finite number"),
        ((74.0, 7, 0.0, 3.6), "previous full-year value"),
        # 150 × 0.4 = 60 is less than the 74 already traded by July: not an estimate.
        ((74.0, 7, 150.0, -60.0), "below the year-to-date figure"),
    ],
)
def test_year_on_year_refuses_impossible_inputs(args, message):
    with raises_worded(ScenarioError, message):
        model.annualise_yoy(*args)


@pytest.mark.parametrize("months", [0, 12, -1, 13])
def test_annualise_rejects_impossible_months(months):
    with raises_worded(ScenarioError, "months"):
        model.annualise_pro_rata(10.0, months)


def test_cagr_by_hand():
    # 35.3 -> 76.7 over four years.
    assert model.cagr(35.3, 2019, 76.7, 2023) == pytest.approx((76.7 / 35.3) ** 0.25 - 1)
    assert model.cagr(100, 2000, 100, 2010) == pytest.approx(0.0)


def test_cagr_needs_increasing_years():
    with raises_worded(ScenarioError, "after start year"):
        model.cagr(1, 2020, 2, 2020)


def test_required_rate_and_year_reached_by_hand():
    base, target = 125.85, 500.0
    rate = model.required_rate(base, 2024, target, 2030)
    assert rate == pytest.approx((500 / 125.85) ** (1 / 6) - 1)
    assert rate == pytest.approx(0.258499, abs=1e-6)
    # 25 % a year: 125.85 * 1.25**6 = 480.1 < 500, 1.25**7 gives 600.1.
    assert model.year_target_reached(base, 2024, 0.25, target, 2050) == 2031


@pytest.mark.parametrize("rate", [0.0, -0.1, 0.01, 1e-310])
def test_zero_negative_or_slow_growth_is_not_within_horizon(rate):
    assert model.year_target_reached(125.85, 2024, rate, 500.0, 2050) is None


def test_base_already_at_target_is_reached_in_the_base_year():
    assert model.year_target_reached(600.0, 2024, -0.2, 500.0, 2050) == 2024


def test_gap():
    g = model.gap(125.0, 500.0)
    assert g.musd == pytest.approx(375.0)
    assert g.share_of_target == pytest.approx(0.75)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 1e308, -1.0, "0.1"])
def test_rate_domain(bad):
    with raises_worded(ScenarioError, "growth rate"):
        model.year_target_reached(100.0, 2024, bad, 500.0, 2050)


@pytest.mark.parametrize("bad", [0.0, -5.0, math.nan, math.inf])
def test_non_positive_or_non_finite_base_and_target(bad):
    with raises_worded(ScenarioError, "positive finite"):
        model.required_rate(bad, 2024, 500.0, 2030)
    with raises_worded(ScenarioError, "positive finite"):
        model.required_rate(100.0, 2024, bad, 2030)


@pytest.mark.parametrize("year", [2024, 2023])
def test_target_year_must_follow_base_year(year):
    with raises_worded(ScenarioError, "must be after the base year"):
        model.required_rate(100.0, 2024, 500.0, year)


def test_projection_compounds_from_the_base():
    points = model.project(100.0, 2024, 0.1, 2027)
    assert [y for y, _ in points] == [2024, 2025, 2026, 2027]
    assert [v for _, v in points] == pytest.approx([100.0, 110.0, 121.0, 133.1])


bases = st.floats(min_value=1.0, max_value=1_000.0)
years_ahead = st.integers(min_value=1, max_value=26)


@given(base=bases, ratio=st.floats(min_value=1.01, max_value=10.0), n=years_ahead)
def test_projecting_at_the_required_rate_lands_on_the_target(base, ratio, n):
    target = base * ratio
    rate = model.required_rate(base, 2024, target, 2024 + n)
    last = model.project(base, 2024, rate, 2024 + n)[-1]
    assert last[1] == pytest.approx(target, rel=1e-9)
    assert model.year_target_reached(base, 2024, rate, target, 2100) == 2024 + n


@given(
    base=bases,
    ratio=st.floats(min_value=1.01, max_value=10.0),
    rate=st.floats(min_value=0.05, max_value=2.0),
)
def test_year_reached_is_the_first_year_at_or_over_target(base, ratio, rate):
    target = base * ratio
    year = model.year_target_reached(base, 2024, rate, target, 3000)
    assert year is not None and year > 2024
    values = dict(model.project(base, 2024, rate, year))
    assert values[year] >= target * (1 - 1e-9)
    assert values[year - 1] < target * (1 + 1e-9)


@given(
    base=bases,
    ratio=st.floats(min_value=1.01, max_value=10.0),
    n=years_ahead,
    extra=st.floats(min_value=0.001, max_value=0.5),
)
def test_faster_growth_never_reaches_later(base, ratio, n, extra):
    target = base * ratio
    rate = model.required_rate(base, 2024, target, 2024 + n)
    slow = model.year_target_reached(base, 2024, rate, target, 2200)
    fast = model.year_target_reached(base, 2024, rate + extra, target, 2200)
    assert fast <= slow


@given(value=st.floats(min_value=0.01, max_value=10_000.0), months=st.integers(1, 11))
def test_pro_rata_inverts(value, months):
    a = model.annualise_pro_rata(value, months)
    assert a.value_musd * months / 12 == pytest.approx(value)
    assert a.value_musd > value


@given(base=bases, ratio=st.floats(min_value=1e-3, max_value=1e4), n=years_ahead)
def test_path_to_target_runs_from_base_to_target_even_for_extreme_rates(base, ratio, n):
    path = model.path_to_target(base, 2024, base * ratio, 2024 + n)
    assert [y for y, _ in path] == list(range(2024, 2025 + n))
    assert path[0][1] == pytest.approx(base)
    assert path[-1][1] == pytest.approx(base * ratio)

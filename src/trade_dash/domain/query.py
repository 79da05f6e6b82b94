"""A scenario from the page's address: bad values fall back or clamp, with a notice."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from trade_dash.domain.controls import CONTROLS, REPORTER
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.notices import Notice
from trade_dash.domain.scenario import Scenario, default_scenario, resolve_base

MAX_QUERY_VALUE = 64  # characters; longer values are ignored
MAX_QUERY_FIELDS = 50


def _parse_number(raw: str) -> float | None:
    try:
        x = float(raw)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def scenario_from_query(ds: Dataset, query: str) -> tuple[Scenario, list[Notice]]:
    """A scenario from a URL query string; bad values fall back or clamp, with a notice."""
    notices: list[Notice] = []
    try:
        params = parse_qs(
            query.lstrip("?"), keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS
        )
    except ValueError:
        params = {}
        notices.append(Notice.of("too_many_params", limit=MAX_QUERY_FIELDS))
    values: dict[str, Any] = {}

    def take(key: str) -> str | None:
        got = params.get(key)
        if not got:
            return None
        if len(got) > 1:
            notices.append(Notice.of("repeated", key=key, count=len(got)))
        raw = got[0].strip()
        if len(raw) > MAX_QUERY_VALUE:
            notices.append(Notice.of("too_long", key=key))
            return None
        return raw

    # The reporter first: the defaults of everything else depend on whose series it is.
    reporter = str(REPORTER.default)
    raw = take(REPORTER.key)
    if raw is not None and raw not in REPORTER.choices:
        notices.append(
            Notice.of("not_a_choice", key=REPORTER.key, value=_short(raw), choices=REPORTER.choices)
        )
    elif raw is not None and raw not in ds.reporters:
        notices.append(Notice.of("reporter_absent", value=raw, used=reporter))
    elif raw is not None:
        reporter = raw
    default = default_scenario(ds, reporter)
    for c in CONTROLS:
        if c.kind != "choice" or c is REPORTER:
            continue
        raw = take(c.key)
        if raw is None:
            continue
        if raw not in c.choices:
            notices.append(
                Notice.of("not_a_choice", key=c.key, value=_short(raw), choices=c.choices)
            )
            continue
        values[c.attr] = raw
    # Years last: the lowest target year is the year after the base the others give.
    for c in sorted((c for c in CONTROLS if c.kind != "choice"), key=lambda c: c.kind == "year"):
        raw = take(c.key)
        if raw is None:
            continue
        x = _parse_number(raw)
        if x is None:
            notices.append(Notice.of("not_a_number", key=c.key, value=_short(raw)))
            continue
        lo = (c.low if c.kind == "number"
              else resolve_base(ds, replace(default, **values))[0].year + 1)
        hi = c.high
        if c.kind == "year":
            if x != round(x):
                notices.append(
                    Notice.of("not_whole_year", key=c.key, value=_short(raw), used=round(x))
                )
            x = round(x)
        assert lo is not None and hi is not None  # every number and year control is bounded
        if not lo <= x <= hi:
            clamped = min(max(x, lo), hi)
            notices.append(Notice.of("out_of_range", key=c.key, value=_short(raw), lo=lo, hi=hi,
                                     used=clamped))
            x = clamped
        values[c.attr] = int(x) if c.kind == "year" else x
    scenario = replace(default, **values)
    # A base change can move the base year past a target year that was valid before.
    base_year = resolve_base(ds, scenario)[0].year
    if scenario.target_year <= base_year:
        notices.append(Notice.of("target_year_moved", year=scenario.target_year,
                                 base_year=base_year, used=base_year + 1))
        scenario = replace(scenario, target_year=base_year + 1)
    return scenario, notices


def _short(raw: str) -> str:
    return raw if len(raw) <= 20 else raw[:20] + "…"

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT
from trade_dash.domain.datafile import bundled_data_path, load_citations
from trade_dash.domain.normalise import (
    ANY,
    REPORTERS,
    Target,
    flow_series,
    headline_series,
    primary_side,
    same_period_citation,
    target,
)
from trade_dash.domain.records import (
    FEWER_THAN_TWO_FULL_YEARS,
    NO_CHANGE_OR_SAME_MONTHS,
    NO_LAST_YEAR_TOTAL,
    NO_SAME_SIDE_YEAR,
    PACE,
    SAME_MONTHS_LAST_YEAR,
    STATED_CHANGE,
    CitedPartial,
    DefaultGrowth,
    Freshness,
    LatestFull,
    Published,
)
from trade_dash.domain.schema import SIDES
from trade_dash.domain.stated_changes import StatedChangeCheck, stated_change_checks

DEFAULT_GROWTH_WINDOW = 5  # years looked back for the default growth rate


STALE_AFTER_YEARS = 1  # the newest figure older than this gets a notice


@dataclass(frozen=True)
class Facts:
    """What the data says regardless of scenario, worked out once per dataset and reporter."""

    latest_full: LatestFull | None
    ytd: CitedPartial | None
    estimates: Mapping[str, model.Annualised]  # by requested method; may fall back to pro-rata
    methods: tuple[str, ...]
    # The method the data points to, and why (``records.DEFAULT_REASONS``; None when there
    # is no year to date): the one that uses the most of what the sources say.
    default_method: str
    default_reason: str | None
    previous_full: LatestFull | None  # last year's full-year figure, from the ytd's side
    growth_refs: tuple[tuple[int, int, float], ...]
    default_growth: DefaultGrowth
    primary_side: str | None  # the side the series keeps where it can; None: no side known
    side_years: Mapping[str, tuple[int, ...]]  # side code ("" unknown) -> years it gives
    other_side_years: tuple[int, ...]  # years taken from another side than the primary


@dataclass(frozen=True)
class View:
    """The series built for one reporter (any, KZ or MN): the headline, its facts, and the
    two directions of trade (``normalise.flow_series``)."""

    reporter: str
    series: pd.DataFrame = field(repr=False)
    facts: Facts = field(repr=False)
    flows: pd.DataFrame = field(repr=False)


@dataclass(frozen=True)
class Dataset:
    """Validated citations and what the normalisation rule derives from them.

    ``series`` and ``facts`` are those of the ``any`` reporter; ``views`` holds the
    series for each reporter whose citations include a full-year figure.
    """

    source: str
    citations: pd.DataFrame = field(repr=False)
    series: pd.DataFrame = field(repr=False)
    target: Target | None
    facts: Facts = field(repr=False)
    views: Mapping[str, View] = field(repr=False)
    latest_published: Published | None
    # Every stated change on last year the figures can be checked against (``stated_changes``)
    stated_changes: tuple[StatedChangeCheck, ...] = ()

    @classmethod
    def load(cls, path: str | Path | None = None) -> Dataset:
        """Read and validate ``path`` (the bundled file by default); see ``data``."""
        path = Path(path) if path else bundled_data_path()
        return cls.from_citations(load_citations(path), str(path))

    @classmethod
    def from_citations(cls, citations: pd.DataFrame, source: str) -> Dataset:
        views = {}
        for reporter in REPORTERS:
            series = headline_series(citations, reporter)
            if reporter == ANY or (series["status"] == "full").any():
                views[reporter] = View(reporter, series, _facts(citations, series, reporter),
                                       flow_series(citations, reporter))
        main = views[ANY]
        return cls(source, citations, main.series, target(citations), main.facts,
                   MappingProxyType(views), _latest_published(citations),
                   stated_change_checks(citations))

    @property
    def reporters(self) -> tuple[str, ...]:
        """The reporters a scenario may ask for: any, and each side with a full-year figure."""
        return tuple(self.views)

    def view(self, reporter: str = ANY) -> View:
        return self.views[reporter]


def latest_full(series: pd.DataFrame) -> pd.Series | None:
    full = series[series["status"] == "full"]
    return None if full.empty else full.iloc[-1]


def current_partial(series: pd.DataFrame) -> pd.Series | None:
    """The year-to-date row, if it is later than the latest full year."""
    partial = series[series["status"] == "partial"]
    if partial.empty:
        return None
    row = partial.iloc[-1]
    full = latest_full(series)
    return row if full is None or row["year"] > full["year"] else None


def _previous_full(series: pd.DataFrame, ytd: pd.Series) -> pd.Series | None:
    """Last year's full-year row, if it comes from the same side as the year to date."""
    prev = series[(series["year"] == ytd["year"] - 1) & (series["status"] == "full")]
    if prev.empty or prev.iloc[0]["reporting_country"] != ytd["reporting_country"]:
        return None
    row: pd.Series = prev.iloc[0]
    return row


def _estimates(citations: pd.DataFrame, series: pd.DataFrame, ytd: pd.Series
               ) -> dict[str, model.Annualised]:
    """The estimates the data allows for the year to date, by method."""
    value, months = float(ytd["value_musd"]), int(ytd["months"])
    out = {model.PRO_RATA: model.annualise_pro_rata(value, months)}
    prev = _previous_full(series, ytd)
    if prev is None:
        return out
    prev_full = float(prev["value_musd"])
    same = same_period_citation(citations, int(ytd["year"]) - 1, months,
                                side=str(ytd["reporting_country"]))
    if same is not None and float(same["value_musd"]) <= prev_full:
        out[model.SEASONAL] = model.annualise_seasonal(
            value, months, prev_full, float(same["value_musd"])
        )
    # A change that would put the year below its own first months is not offered.
    with contextlib.suppress(model.ScenarioError):
        if not math.isnan(ytd["yoy_change_pct"]):
            out[model.YOY] = model.annualise_yoy(
                value, months, prev_full, float(ytd["yoy_change_pct"])
            )
    return out


def _default_method(methods: tuple[str, ...], prev: pd.Series | None) -> tuple[str, str]:
    """The method that uses the most of what the sources say about the year, and why:
    year-on-year when the year to date states its change and last year's total comes from
    the same side; else seasonal share when last year's total and same months do; else
    pro-rata."""
    if model.YOY in methods:
        return model.YOY, STATED_CHANGE
    if model.SEASONAL in methods:
        return model.SEASONAL, SAME_MONTHS_LAST_YEAR
    return model.PRO_RATA, NO_LAST_YEAR_TOTAL if prev is None else NO_CHANGE_OR_SAME_MONTHS


def _side_years(series: pd.DataFrame) -> dict[str, tuple[int, ...]]:
    cited = series[series["status"] != "missing"]
    return {
        side: tuple(int(y) for y in cited.loc[cited["reporting_country"] == side, "year"])
        for side in (*SIDES, "")
        if (cited["reporting_country"] == side).any()
    }


def _facts(citations: pd.DataFrame, series: pd.DataFrame, reporter: str) -> Facts:
    full = latest_full(series)
    ytd = current_partial(series)
    estimates: dict[str, model.Annualised] = {}
    methods: tuple[str, ...] = ()
    prev = None if ytd is None else _previous_full(series, ytd)
    default_method, default_reason = model.PRO_RATA, None
    if ytd is not None:
        found = _estimates(citations, series, ytd)
        methods = tuple(m for m in model.METHODS if m in found)
        estimates = {m: found.get(m, found[model.PRO_RATA]) for m in model.METHODS}
        default_method, default_reason = _default_method(methods, prev)
    return Facts(
        latest_full=None if full is None else _latest(full),
        ytd=None
        if ytd is None
        else CitedPartial(
            year=int(ytd["year"]),
            months=int(ytd["months"]),
            value_musd=float(ytd["value_musd"]),
            citation_id=str(ytd["citation_id"]),
            reporting_country=str(ytd["reporting_country"]),
            yoy_change_pct=None
            if math.isnan(ytd["yoy_change_pct"])
            else float(ytd["yoy_change_pct"]),
        ),
        estimates=MappingProxyType(estimates),
        methods=methods,
        default_method=default_method,
        default_reason=default_reason,
        previous_full=None if prev is None else _latest(prev),
        growth_refs=tuple(growth_references(series)),
        default_growth=default_growth(series),
        primary_side=primary_side(citations) if reporter == ANY else reporter,
        side_years=MappingProxyType(_side_years(series)),
        other_side_years=tuple(int(y) for y in series.loc[series["from_other_side"], "year"]),
    )


def _latest(row: pd.Series) -> LatestFull:
    return LatestFull(
        year=int(row["year"]),
        value_musd=float(row["value_musd"]),
        citation_id=str(row["citation_id"]),
        reporting_country=str(row["reporting_country"]),
    )


def _latest_published(citations: pd.DataFrame) -> Published | None:
    dated = citations[(citations["measure"] == "actual") & (citations["published"] != "")]
    if dated.empty:
        return None
    newest = dated.sort_values(["published", "line"], ascending=[False, True]).iloc[0]
    return Published(str(newest["published"]), str(newest["citation_id"]))


def freshness(latest: Published | None, today: dt.date) -> Freshness | None:
    """How old the newest dated figure is on ``today``; ``stale`` once it is more than
    ``STALE_AFTER_YEARS`` old. None when no figure carries a date."""
    if latest is None:
        return None
    published = dt.date.fromisoformat(latest.latest_published)
    try:
        limit = published.replace(year=published.year + STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        limit = published.replace(year=published.year + STALE_AFTER_YEARS, day=28)
    return Freshness(latest.latest_published, latest.citation_id, (today - published).days,
                     today > limit)


def available_methods(ds: Dataset, reporter: str = ANY) -> tuple[str, ...]:
    """Annualisation methods the data supports for the current year-to-date figure."""
    return ds.view(reporter).facts.methods


def annualised(ds: Dataset, method: str, reporter: str = ANY) -> model.Annualised | None:
    """The current-year estimate by ``method`` (pro-rata when ``method`` is impossible)."""
    return ds.view(reporter).facts.estimates.get(method)


def growth_references(series: pd.DataFrame) -> list[tuple[int, int, float]]:
    """(start, end, CAGR %) from each earlier full year to the latest full year, where both
    come from the same reporting side: a pace never compares one side's books with the
    other's. Two years of unknown side count as the same side (files without sides)."""
    full = series[series["status"] == "full"]
    if len(full) < 2:
        return []
    years = [int(y) for y in full["year"]]
    values = [float(v) for v in full["value_musd"]]
    sides = [str(c) for c in full["reporting_country"]]
    refs = []
    for year, value, side in zip(years[:-1], values[:-1], sides[:-1], strict=True):
        if side != sides[-1]:
            continue
        rate = model.cagr(value, year, values[-1], years[-1])
        refs.append((year, years[-1], rate * 100))
    return refs


def default_growth(series: pd.DataFrame) -> DefaultGrowth:
    """The documented default rate: the pace from the earliest full year in the five
    years before the latest full year (or, if none is cited there, the full year just
    before it) to the latest full year, rounded to 0.1 point and kept within the
    growth control's range."""
    refs = growth_references(series)
    full = series[series["status"] == "full"]
    side = str(full.iloc[-1]["reporting_country"]) if len(full) else ""
    if not refs:
        return DefaultGrowth(
            pct=0.0,
            from_year=None,
            to_year=None,
            side=side,
            basis=FEWER_THAN_TWO_FULL_YEARS if len(full) < 2 else NO_SAME_SIDE_YEAR,
        )
    end_year = refs[0][1]
    window = [r for r in refs if r[0] >= end_year - DEFAULT_GROWTH_WINDOW] or refs[-1:]
    start, end, pct = window[0]
    pct = round(pct, 1)
    held = min(max(pct, GROWTH_MIN_PCT), GROWTH_MAX_PCT)
    return DefaultGrowth(pct=held, from_year=start, to_year=end, side=side, basis=PACE,
                         unlimited_pct=None if held == pct else pct)

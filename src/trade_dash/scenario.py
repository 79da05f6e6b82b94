"""Scenario parameters and the headline numbers they produce.

Pure: a ``Dataset`` (validated citations and the normalised series) and a
``Scenario`` in, a ``Summary`` out. The CLI, the dashboard and the exports all
call ``analyse`` so their numbers cannot drift apart.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Literal
from urllib.parse import parse_qs, urlencode

import pandas as pd

from trade_dash import model
from trade_dash.config import bundled_data_path
from trade_dash.data import SIDES, load_citations
from trade_dash.normalise import (
    ANY,
    REPORTERS,
    Target,
    flow_series,
    headline_series,
    primary_side,
    same_period_citation,
    target,
)
from trade_dash.notices import Notice

HORIZON_YEAR = 2050
DEFAULT_TARGET_YEAR = 2030  # an assumption: no source states a deadline
DEFAULT_BAND_PCT = 5.0
ASSUMED_TARGET_MUSD = 500.0  # the October 2024 goal, used only when the data cites no target
DEFAULT_GROWTH_WINDOW = 5  # years looked back for the default growth rate
BASES = ("ytd", "full")

# Limits of the scenario controls, shared by the URL parser, the CLI and the sliders.
GROWTH_MIN_PCT, GROWTH_MAX_PCT, GROWTH_STEP_PCT = -50.0, 100.0, 0.1
TARGET_MIN_MUSD, TARGET_MAX_MUSD = 1.0, 100_000.0
BAND_MIN_PCT, BAND_MAX_PCT = 0.0, 20.0
MAX_QUERY_VALUE = 64  # characters; longer values are ignored
MAX_QUERY_FIELDS = 50


STALE_AFTER_YEARS = 1  # the newest figure older than this gets a notice


# --- the typed parts of a summary (``asdict`` gives the CLI's JSON, keys in field order) ---


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
    methods_available: tuple[str, ...]
    citation_id: str
    reporting_country: str
    yoy_change_pct: float | None


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


@dataclass(frozen=True)
class Facts:
    """What the data says regardless of scenario, worked out once per dataset and reporter."""

    latest_full: LatestFull | None
    ytd: CitedPartial | None
    estimates: Mapping[str, model.Annualised]  # by requested method; may fall back to pro-rata
    methods: tuple[str, ...]
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
                   MappingProxyType(views), _latest_published(citations))

    @property
    def reporters(self) -> tuple[str, ...]:
        """The reporters a scenario may ask for: any, and each side with a full-year figure."""
        return tuple(self.views)

    def view(self, reporter: str = ANY) -> View:
        return self.views[reporter]


@dataclass(frozen=True)
class Scenario:
    """Everything a user can set; the dashboard's URL carries exactly these."""

    growth_pct: float
    target_year: int
    target_musd: float
    base: str  # "ytd" or "full"
    method: str  # one of model.METHODS
    band_pct: float = DEFAULT_BAND_PCT
    reporter: str = ANY  # whose figures the series is built from: any, KZ or MN

    def query(self) -> str:
        """The URL query string that reproduces this scenario."""
        return urlencode(
            {
                "growth": _fmt(self.growth_pct),
                "target_year": self.target_year,
                "target": _fmt(self.target_musd),
                "base": self.base,
                "method": self.method,
                "band": _fmt(self.band_pct),
                "reporter": self.reporter,
            }
        )


def _fmt(x: float) -> str:
    """The shortest text that reads back as exactly ``x`` (25.0 -> "25", 25.04 -> "25.04")."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


# The kinds of preset growth rate (``Preset.kind``).
PRESET_PACE = "pace"  # a past pace between two full years of the same side
PRESET_REQUIRED = "required"  # the rate that takes the base to the target in the target year


@dataclass(frozen=True)
class Preset:
    """A growth rate the preset menu offers, with the years it comes from: a pace's first
    and last full year, or the base year and the target year of the rate needed."""

    kind: str  # PRESET_PACE or PRESET_REQUIRED
    growth_pct: float
    from_year: int
    to_year: int


@dataclass(frozen=True)
class Summary:
    """The headline numbers for one scenario; ``as_json`` is the CLI's --json."""

    scenario: Scenario
    latest_full_year: LatestFull | None
    year_to_date: YearToDate | None
    base: Base
    target_musd: float
    target_year: int
    target_year_is_assumption: bool
    gap_musd: float
    gap_pct_of_target: float
    required_growth_pct: float
    scenario_growth_pct: float
    target_reached_year: int | None
    horizon_year: int
    band: Band
    default_growth: DefaultGrowth
    reporting_side: ReportingSide
    data_freshness: Published | None
    notices: tuple[Notice, ...]

    def as_json(self) -> dict:
        """Plain data for JSON, facts and codes only (notices as codes with values); floats
        rounded to 4 decimals to drop binary noise. The CLI's ``--json`` adds the sentences
        in the reader's language (``wording.cli.summary_json``)."""
        out = asdict(self)
        out.pop("scenario")
        out["notices"] = [{"code": n.code, **n.args} for n in self.notices]
        return _rounded(out)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


# --- the data-derived pieces -------------------------------------------------


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
    return prev.iloc[0]


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
    if ytd is not None:
        found = _estimates(citations, series, ytd)
        methods = tuple(m for m in model.METHODS if m in found)
        estimates = {m: found.get(m, found[model.PRO_RATA]) for m in model.METHODS}
    return Facts(
        latest_full=None
        if full is None
        else LatestFull(
            year=int(full["year"]),
            value_musd=float(full["value_musd"]),
            citation_id=str(full["citation_id"]),
            reporting_country=str(full["reporting_country"]),
        ),
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
        growth_refs=tuple(growth_references(series)),
        default_growth=default_growth(series),
        primary_side=primary_side(citations) if reporter == ANY else reporter,
        side_years=MappingProxyType(_side_years(series)),
        other_side_years=tuple(int(y) for y in series.loc[series["from_other_side"], "year"]),
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


def presets(ds: Dataset, scenario: Scenario) -> list[Preset]:
    """Growth rates a user can pick: past paces and the rate the target needs."""
    out = [
        Preset(PRESET_PACE, round(pct, 1), a, b)
        for a, b, pct in reversed(ds.view(scenario.reporter).facts.growth_refs)
        if GROWTH_MIN_PCT <= pct <= GROWTH_MAX_PCT
    ]
    base, _ = resolve_base(ds, scenario)
    req = 100 * model.required_rate(
        base.value_musd, base.year, scenario.target_musd, scenario.target_year
    )
    if math.isfinite(req) and GROWTH_MIN_PCT <= req <= GROWTH_MAX_PCT:
        req_step = math.ceil(req * 10 - 1e-9) / 10  # rounded up so the target is still met
        out.append(Preset(PRESET_REQUIRED, req_step, base.year, scenario.target_year))
    return out


# What the normalisation rule made of a citation (``sources_rows``' "used").
USES = ("headline", "alternate", "target", "other_flow")


def sources_rows(ds: Dataset, reporter: str = ANY) -> list[dict]:
    """Every citation as a row of the sources table, with the use the rule made of it
    in the series of ``reporter`` (one of ``USES``). Facts and codes: the measure, flow
    and precision codes, the period as year and months, and side, outlet and published
    empty where the data gives none; the wording layer names them. Citation text
    (reporter, outlet, note) as cited."""
    chosen = set(ds.view(reporter).series["citation_id"])

    def use(c: pd.Series) -> str:
        if c["citation_id"] in chosen:
            return "headline"
        if c["measure"] == "target":
            return "target"
        return "alternate" if c["flow"] == "turnover" else "other_flow"

    return [
        {
            "citation_id": c["citation_id"],
            "measure": c["measure"],
            "year": int(c["year"]),
            "months": int(c["months"]),
            "flow": c["flow"],
            "value_musd": round(float(c["value_musd"]), 2),
            "precision": c["precision"],
            "reporter": c["reporter"],
            "side": c["reporting_country"],
            "outlet": c["outlet"],
            "published": c["published"],
            "used": use(c),
            "note": c["note"],
            "line": int(c["line"]),
        }
        for _, c in ds.citations.sort_values(["measure", "year", "line"]).iterrows()
    ]


# --- scenario defaults, validation and analysis --------------------------------


def default_scenario(ds: Dataset, reporter: str = ANY) -> Scenario:
    facts = ds.view(reporter).facts
    return Scenario(
        growth_pct=facts.default_growth.pct,
        target_year=DEFAULT_TARGET_YEAR,
        target_musd=ds.target.value_musd if ds.target else ASSUMED_TARGET_MUSD,
        base="ytd" if facts.ytd is not None else "full",
        method=model.PRO_RATA,
        reporter=reporter,
    )


def resolve_base(ds: Dataset, scenario: Scenario) -> tuple[Base, list[Notice]]:
    """The base the scenario projects from, with notices when the request fell back."""
    notices: list[Notice] = []
    if ds.target is None and scenario.target_musd == ASSUMED_TARGET_MUSD:
        notices.append(Notice.of("target_assumed", target=ASSUMED_TARGET_MUSD))
    facts = ds.view(scenario.reporter).facts
    full = facts.latest_full
    est = annualised(ds, scenario.method, scenario.reporter)
    if scenario.method == model.SEASONAL and est is not None and est.method != model.SEASONAL:
        notices.append(Notice.of("seasonal_fallback"))
    if scenario.method == model.YOY and est is not None and est.method != model.YOY:
        notices.append(Notice.of("yoy_fallback"))
    if scenario.base == "ytd" and est is not None and facts.ytd is not None:
        return Base(facts.ytd.year, est.value_musd, "ytd", est.method), notices
    if scenario.base == "ytd":
        notices.append(Notice.of("no_ytd_base"))
    if full is None:
        raise model.ScenarioError("no_full_year_base")
    return Base(full.year, full.value_musd, "full", None), notices


def validate(ds: Dataset, scenario: Scenario) -> None:
    """Raise ``ScenarioError`` when a scenario is outside the controls' domain."""
    if scenario.reporter not in REPORTERS:
        raise model.ScenarioError("reporter_unknown", value=scenario.reporter, choices=REPORTERS)
    if scenario.reporter not in ds.reporters:
        raise model.ScenarioError("reporter_not_in_data", reporter=scenario.reporter,
                                  choices=tuple(ds.reporters))
    if scenario.base not in BASES:
        raise model.ScenarioError("base_unknown", value=scenario.base, choices=BASES)
    if scenario.method not in model.METHODS:
        raise model.ScenarioError("method_unknown", value=scenario.method,
                                  choices=model.METHODS)
    ranges: tuple[tuple[model.ScenarioCode, float, float, float], ...] = (
        ("growth_range", scenario.growth_pct, GROWTH_MIN_PCT, GROWTH_MAX_PCT),
        ("target_range", scenario.target_musd, TARGET_MIN_MUSD, TARGET_MAX_MUSD),
        ("band_range", scenario.band_pct, BAND_MIN_PCT, BAND_MAX_PCT),
    )
    for code, value, lo, hi in ranges:
        if not math.isfinite(value) or not lo <= value <= hi:
            raise model.ScenarioError(code, low=lo, high=hi, value=value)
    base, _ = resolve_base(ds, scenario)
    if not base.year < scenario.target_year <= HORIZON_YEAR:
        raise model.ScenarioError("target_year_range", base_year=base.year,
                                  horizon=HORIZON_YEAR, value=scenario.target_year)


def analyse(ds: Dataset, scenario: Scenario) -> Summary:
    """All headline numbers for ``scenario``; raises ``ScenarioError`` when invalid."""
    validate(ds, scenario)
    base, notices = resolve_base(ds, scenario)
    facts = ds.view(scenario.reporter).facts
    full = facts.latest_full
    ytd = facts.ytd
    est = annualised(ds, scenario.method, scenario.reporter)
    target_musd = scenario.target_musd
    gap = model.gap(base.value_musd, target_musd)

    def reached(pct: float) -> int | None:
        return model.year_target_reached(
            base.value_musd, base.year, pct / 100, target_musd, HORIZON_YEAR
        )

    low = max(scenario.growth_pct - scenario.band_pct, GROWTH_MIN_PCT)
    high = min(scenario.growth_pct + scenario.band_pct, GROWTH_MAX_PCT)
    return Summary(
        scenario=scenario,
        latest_full_year=full,
        year_to_date=None
        if ytd is None or est is None
        else YearToDate(
            year=ytd.year,
            months=ytd.months,
            value_musd=ytd.value_musd,
            annualised_musd=est.value_musd,
            method=est.method,
            methods_available=facts.methods,
            citation_id=ytd.citation_id,
            reporting_country=ytd.reporting_country,
            yoy_change_pct=ytd.yoy_change_pct,
        ),
        base=base,
        target_musd=target_musd,
        target_year=scenario.target_year,
        target_year_is_assumption=True,
        gap_musd=gap.musd,
        gap_pct_of_target=gap.share_of_target * 100,
        required_growth_pct=model.required_rate(
            base.value_musd, base.year, target_musd, scenario.target_year
        )
        * 100,
        scenario_growth_pct=scenario.growth_pct,
        target_reached_year=reached(scenario.growth_pct),
        horizon_year=HORIZON_YEAR,
        band=Band(low, high, reached(low), reached(high)),
        default_growth=facts.default_growth,
        reporting_side=_reporting_side(scenario.reporter, facts),
        data_freshness=ds.latest_published,
        notices=tuple(notices),
    )


def _reporting_side(reporter: str, facts: Facts) -> ReportingSide:
    """Codes and years: which side's books the series on screen comes from."""
    return ReportingSide(
        reporter=reporter,
        primary=facts.primary_side,
        mixed=len(facts.side_years) > 1,
        years={side or "unknown": years for side, years in facts.side_years.items()},
        other_side_years=facts.other_side_years,
    )


# --- URL query strings -------------------------------------------------------


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
    values: dict = {}

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
    reporter = ANY
    raw = take("reporter")
    if raw is not None and raw not in REPORTERS:
        notices.append(
            Notice.of("not_a_choice", key="reporter", value=_short(raw), choices=REPORTERS)
        )
    elif raw is not None and raw not in ds.reporters:
        notices.append(Notice.of("reporter_absent", value=raw, used=ANY))
    elif raw is not None:
        reporter = raw
    default = default_scenario(ds, reporter)
    for key, attr, allowed in (("base", "base", BASES), ("method", "method", model.METHODS)):
        raw = take(key)
        if raw is None:
            continue
        if raw not in allowed:
            notices.append(
                Notice.of("not_a_choice", key=key, value=_short(raw), choices=tuple(allowed))
            )
            continue
        values[attr] = raw
    numeric: dict[str, tuple[str, float | None, float]] = {
        "growth": ("growth_pct", GROWTH_MIN_PCT, GROWTH_MAX_PCT),
        "target": ("target_musd", TARGET_MIN_MUSD, TARGET_MAX_MUSD),
        "band": ("band_pct", BAND_MIN_PCT, BAND_MAX_PCT),
        "target_year": ("target_year", None, HORIZON_YEAR),  # from the year after the base
    }
    for key, (attr, fixed_lo, hi) in numeric.items():
        raw = take(key)
        if raw is None:
            continue
        x = _parse_number(raw)
        if x is None:
            notices.append(Notice.of("not_a_number", key=key, value=_short(raw)))
            continue
        lo = (fixed_lo if fixed_lo is not None
              else resolve_base(ds, replace(default, **values))[0].year + 1)
        if key == "target_year":
            if x != round(x):
                notices.append(
                    Notice.of("not_whole_year", key=key, value=_short(raw), used=round(x))
                )
            x = round(x)
        if not lo <= x <= hi:
            clamped = min(max(x, lo), hi)
            notices.append(Notice.of("out_of_range", key=key, value=_short(raw), lo=lo, hi=hi,
                                     used=clamped))
            x = clamped
        values[attr] = int(x) if key == "target_year" else x
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

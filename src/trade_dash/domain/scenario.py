"""A scenario: what a reader set, its defaults from the data, its base, and its checks.

The controls themselves (keys, bounds, choices) are declared in ``controls``; this
module applies them to a dataset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from trade_dash.domain import model
from trade_dash.domain.controls import (
    ASSUMED_TARGET_MUSD,
    BASE,
    CONTROLS,
    DEFAULT_BAND_PCT,
    DEFAULT_TARGET_YEAR,
    HORIZON_YEAR,
    METHOD,
    REPORTER,
)
from trade_dash.domain.dataset import Dataset, annualised
from trade_dash.domain.normalise import ANY
from trade_dash.domain.notices import Notice
from trade_dash.domain.records import Base


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
        return urlencode({c.key: _written(getattr(self, c.attr)) for c in CONTROLS})


def _written(value: object) -> object:
    return _fmt(value) if isinstance(value, float) else value


def _fmt(x: float) -> str:
    """The shortest text that reads back as exactly ``x`` (25.0 -> "25", 25.04 -> "25.04")."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


# --- scenario defaults, validation and analysis --------------------------------


def default_scenario(ds: Dataset, reporter: str = ANY) -> Scenario:
    facts = ds.view(reporter).facts
    return Scenario(
        growth_pct=facts.default_growth.pct,
        target_year=DEFAULT_TARGET_YEAR,
        target_musd=ds.target.value_musd if ds.target else ASSUMED_TARGET_MUSD,
        base="ytd" if facts.ytd is not None else "full",
        method=facts.default_method,
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
    if scenario.reporter not in REPORTER.choices:
        raise model.ScenarioError("reporter_unknown", value=scenario.reporter,
                                  choices=REPORTER.choices)
    if scenario.reporter not in ds.reporters:
        raise model.ScenarioError("reporter_not_in_data", reporter=scenario.reporter,
                                  choices=tuple(ds.reporters))
    for c in (BASE, METHOD):
        if getattr(scenario, c.attr) not in c.choices:
            # "base_unknown" or "method_unknown", codes the wording layer words.
            raise model.ScenarioError(f"{c.key}_unknown",  # type: ignore[arg-type]
                                      value=getattr(scenario, c.attr), choices=c.choices)
    for c in CONTROLS:
        if c.kind != "number":
            continue
        value = getattr(scenario, c.attr)
        if not math.isfinite(value) or not c.low <= value <= c.high:
            # Each number control names its range error, one of the error codes.
            raise model.ScenarioError(c.range_error,  # type: ignore[arg-type]
                                      low=c.low, high=c.high, value=value)
    base, _ = resolve_base(ds, scenario)
    if not base.year < scenario.target_year <= HORIZON_YEAR:
        raise model.ScenarioError("target_year_range", base_year=base.year,
                                  horizon=HORIZON_YEAR, value=scenario.target_year)



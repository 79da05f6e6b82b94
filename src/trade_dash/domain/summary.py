from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT, HORIZON_YEAR
from trade_dash.domain.dataset import Dataset, Facts, annualised
from trade_dash.domain.notices import Notice
from trade_dash.domain.records import (
    READER_CHOICE,
    REQUESTED_UNAVAILABLE,
    Band,
    Base,
    DefaultGrowth,
    LatestFull,
    Published,
    ReportingSide,
    YearToDate,
)
from trade_dash.domain.scenario import Scenario, resolve_base, validate
from trade_dash.domain.stated_changes import StatedChangeCheck


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
    # Every stated change on last year checked against the figures, agreeing or not
    stated_change_checks: tuple[StatedChangeCheck, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """Plain data for JSON, facts and codes only (notices as codes with values); floats
        rounded to 4 decimals to drop binary noise. The CLI's ``--json`` adds the sentences
        in the reader's language (``wording.cli.summary_json``)."""
        out = asdict(self)
        out.pop("scenario")
        out["notices"] = [{"code": n.code, **n.args} for n in self.notices]
        rounded: dict[str, Any] = _rounded(out)
        return rounded


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


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

    if est is not None:
        contradiction = _contradiction(facts, est)
        if contradiction is not None:
            notices.append(contradiction)
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
            method_reason=_method_reason(facts, scenario.method, est.method),
            default_method=facts.default_method,
            default_reason=facts.default_reason or "",
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
        stated_change_checks=ds.stated_changes,
    )


def _method_reason(facts: Facts, requested: str, used: str) -> str:
    """Why the estimate uses ``used``: the data's reason when it is the data's default,
    else the reader's choice, or a fall-back from a method the data does not allow."""
    if used == facts.default_method:
        return facts.default_reason or ""
    return READER_CHOICE if used == requested else REQUESTED_UNAVAILABLE


def _implied_pct(estimate_musd: float, previous_musd: float) -> float:
    return (estimate_musd / previous_musd - 1) * 100


def _contradiction(facts: Facts, est: model.Annualised) -> Notice | None:
    """A notice when the estimate implies a change on last year of the other sign than the
    one the source states for the year to date (both against last year's total of the same
    side), naming a method the data allows whose estimate agrees in sign, if any."""
    ytd, prev = facts.ytd, facts.previous_full
    if ytd is None or prev is None or ytd.yoy_change_pct is None:
        return None
    stated = ytd.yoy_change_pct
    implied = _implied_pct(est.value_musd, prev.value_musd)
    if implied * stated >= 0:
        return None
    agrees = next(
        (m for m in dict.fromkeys((facts.default_method, *model.METHODS))
         if m in facts.methods and m != est.method
         and _implied_pct(facts.estimates[m].value_musd, prev.value_musd) * stated > 0),
        None)
    return Notice.of("estimate_contradicts_source", method=est.method,
                     estimate_musd=est.value_musd, year=ytd.year, months=ytd.months,
                     previous_year=prev.year, previous_musd=prev.value_musd,
                     implied_pct=implied, stated_pct=stated, agrees=agrees)


def _reporting_side(reporter: str, facts: Facts) -> ReportingSide:
    """Codes and years: which side's books the series on screen comes from."""
    return ReportingSide(
        reporter=reporter,
        primary=facts.primary_side,
        mixed=len(facts.side_years) > 1,
        years={side or "unknown": years for side, years in facts.side_years.items()},
        other_side_years=facts.other_side_years,
    )

from __future__ import annotations

import math
from dataclasses import dataclass

from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import Scenario, resolve_base

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

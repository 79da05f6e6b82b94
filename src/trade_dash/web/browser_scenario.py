"""What the browser needs to answer the growth slider itself (``assets/scenario.js``).

A growth move changes only the projection, its band, the year the target is met, the
texts that name them and the axis ranges that follow; the base, target, target year,
band width and the reader's words do not change. The server puts those in a
``dcc.Store`` (``facts``) whenever anything other than the growth rate changes, and the
script works the rest out on each move without a round trip. The rules it applies are
those of ``model`` and ``figures``, handed over as numbers here where they are numbers;
the browser tests check the script against the Python on many generated scenarios.
"""

from __future__ import annotations

from typing import Any

from trade_dash.charts.frame import HEADROOM, PAGE_YEAR_LABELS, PAGE_YEAR_STEPS, YEAR_PAD
from trade_dash.charts.page import PAGE_LEGEND_CHARS
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import REACHED_ABOVE, REACHED_COMMON, REACHED_STYLE, SCENARIO_TRACES
from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.web import ids
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.core import Wording

NAMESPACE = "tradeDash"  # window.dash_clientside.tradeDash, defined by the script
SETTLE = "settle"  # the clientside callback run after each answer of the server
CHART = "scenario"  # the registered chart the script updates


def facts(ds: Dataset, s: Summary, w: Wording) -> dict[str, Any]:
    """The growth-independent facts of scenario ``s`` and the reader's words, as plain data."""
    series = ds.view(s.scenario.reporter).series
    return {
        "base_year": s.base.year,
        "base_musd": s.base.value_musd,
        "target_musd": float(s.target_musd),
        "target_year": int(s.target_year),
        "horizon_year": int(s.horizon_year),
        "band_pct": float(s.scenario.band_pct),
        "growth_limits": [GROWTH_MIN_PCT, GROWTH_MAX_PCT],
        "first_year": int(series["year"].min()),
        "traces": {name: SCENARIO_TRACES.index(name)
                   for name in ("band_low", "band_high", "projection")},
        # The page's year axis (figures.page_layout), fewer labels than in exports.
        "year_axis": {"steps": list(PAGE_YEAR_STEPS), "labels": PAGE_YEAR_LABELS,
                      "pad": YEAR_PAD},
        "legend_chars": PAGE_LEGEND_CHARS,
        "reached_above": REACHED_ABOVE,
        "headroom": HEADROOM,
        "year_eps": model.YEAR_EPS,
        "reached": {"common": REACHED_COMMON, **REACHED_STYLE},
        "words": scenario_words.browser_words(w),
        "subtitle": scenario_words.subtitle_params(w, s),
        # Where the script finds the slider, the chart and the line above it on the page, and
        # the stores it reports a failure in.
        "ids": {"slider": ids.GROWTH, "graph": CHARTS[CHART].graph_id,
                "subtitle": CHARTS[CHART].subtitle_id, "ready": ids.BROWSER_READY,
                "failed": ids.BROWSER_FAILED},
    }

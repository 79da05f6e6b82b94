from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from trade_dash.charts.frame import HEADROOM, _anchor, _layout_dict, _year_axis, footer_lines
from trade_dash.charts.history import _with_mixed_sides
from trade_dash.charts.style import COLOURS, Context, esc
from trade_dash.charts.traces import _actual_trace, _estimate_trace, _missing_marks
from trade_dash.domain import model
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.wording import briefing as briefing_words
from trade_dash.wording import charts as words
from trade_dash.wording import english
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording

# The English message id of the scenario chart's projection note (its slide note too).
PROJECTION_NOTE = briefing_words.PROJECTION_NOTE


# Order of the traces of the scenario chart; callbacks patch these by index.
SCENARIO_TRACES = ("actual", "estimate", "band_low", "band_high", "required", "projection")


SCENARIO_TITLE = NP_("chart title", "Kazakhstan–Mongolia trade: path to the target")


def scenario_subtitle(s: Summary, w: Wording | None = None) -> str:
    """The scenario line (see ``wording.scenario``), in English unless ``w`` is given."""
    return scenario_words.subtitle(w or english(), s)


def scenario_note(ds: Dataset, s: Summary, w: Wording) -> str:
    return _with_mixed_sides(w, words.scenario_note(w), s)


def projection_end_year(s: Summary) -> int:
    """Draw to the target year, or on to the year the target is met (within the horizon)."""
    end = s.target_year
    if s.target_reached_year is not None:
        end = max(end, s.target_reached_year)
    return min(end, s.horizon_year)


def _path(s: Summary, rate_pct: float, end: int) -> tuple[list[int], list[float]]:
    points = model.project(s.base.value_musd, s.base.year, rate_pct / 100, end)
    return [y for y, _ in points], [round(v, 2) for _, v in points]


def scenario_traces(s: Summary, w: Wording | None = None) -> list[dict[str, Any]]:
    """The traces that depend on the scenario, in ``SCENARIO_TRACES`` order from 'band_low';
    named in ``w``'s language (English if not given)."""
    w = w or english()
    end = projection_end_year(s)
    lx, ly = _path(s, s.band.low_pct, end)
    hx, hy = _path(s, s.band.high_pct, end)
    required = model.path_to_target(s.base.value_musd, s.base.year, s.target_musd,
                                    s.target_year)
    req_x, req_y = [y for y, _ in required], [round(v, 2) for _, v in required]
    px, py = _path(s, s.scenario_growth_pct, end)
    line = {"type": "scatter", "mode": "lines", "hoverinfo": "x+y+name"}
    return [
        {
            **line,
            "x": lx,
            "y": ly,
            "line": {"width": 0},
            "showlegend": False,
            "name": scenario_words.low_name(w, s.band.low_pct),
        },
        {
            **line,
            "x": hx,
            "y": hy,
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": COLOURS["band"],
            "name": scenario_words.band_name(w, s.band.low_pct, s.band.high_pct),
        },
        {
            **line,
            "x": req_x,
            "y": req_y,
            "line": {"color": COLOURS["required"], "dash": "dot", "width": 2},
            "name": scenario_words.required_name(w, s.target_year, s.required_growth_pct),
        },
        {
            **line,
            "x": px,
            "y": py,
            "mode": "lines+markers",
            "line": {"color": COLOURS["projection"], "dash": "dash", "width": 2.5},
            "marker": {"symbol": "circle-open", "size": 6},
            "name": scenario_words.projection_name(w, s.scenario_growth_pct),
            # The rate drawn, for the browser script (assets/scenario.js) to compare.
            "meta": {"growth_pct": s.scenario_growth_pct},
        },
    ]


def reached_text(s: Summary, w: Wording | None = None) -> str:
    return scenario_words.reached(w or english(), s.target_reached_year, s.horizon_year,
                                  s.scenario_growth_pct)


# The note on when the projection meets the target: what it has whether or not the target
# is met, then what each case adds. The browser script (see ``browser_scenario``) builds it
# from these too; ``name`` lets it find the note among the chart's annotations.
REACHED_COMMON = {"name": "reached", "font": {"size": 12, "color": COLOURS["projection"]}}


REACHED_STYLE = {
    "met": {"showarrow": True, "arrowhead": 2, "ax": 0, "bgcolor": "rgba(255,255,255,0.8)"},
    "not_met": {"showarrow": False, "yanchor": "top", "xanchor": "right"},
}


REACHED_ABOVE = 0.75  # the note sits above the target line below this share of the axis


def reached_annotation(s: Summary, w: Wording, first: int, end: int, top: float
                       ) -> dict[str, Any]:
    """The note at the target line: where the projection meets it (above the line, or
    below it when the line is near the top; anchored so the text stays inside a narrow
    chart), or at the end of a projection that does not meet it."""
    met = s.target_reached_year is not None
    note = {**REACHED_COMMON, **REACHED_STYLE["met" if met else "not_met"],
            "text": esc(reached_text(s, w)), "y": s.target_musd}
    if s.target_reached_year is not None:
        return note | {"x": s.target_reached_year,
                       "xanchor": _anchor(s.target_reached_year, first, end),
                       "ay": -40 if s.target_musd < REACHED_ABOVE * top else 40}
    return note | {"x": end}


def scenario_layout(s: Summary, ds: Dataset, ctx: Context) -> dict[str, Any]:
    """Layout of the scenario chart: title, target line, markers, axis ranges."""
    w = ctx.words
    series = ds.view(s.scenario.reporter).series
    first = int(series["year"].min())
    end = projection_end_year(s)
    shapes, labels = _missing_marks(w, series, end)
    shapes += [
        {
            "type": "line",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": s.target_musd,
            "y1": s.target_musd,
            "line": {"color": COLOURS["target"], "dash": "dashdot", "width": 1.5},
        },
        {
            "type": "line",
            "xref": "x",
            "x0": s.target_year,
            "x1": s.target_year,
            "yref": "paper",
            "y0": 0,
            "y1": 1,
            "line": {"color": "#999", "dash": "dot", "width": 1},
        },
    ]
    top = max(s.target_musd, *scenario_traces(s, w)[-1]["y"]) * HEADROOM  # the y axis' top
    reached = reached_annotation(s, w, first, end, top)
    annotations = [
        {
            "x": first,
            "y": s.target_musd,
            "text": esc(words.target_label(w, s.target_musd)),
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "bottom",
            "font": {"size": 12, "color": COLOURS["target"]},
        },
        {
            "x": s.target_year,
            "y": 1,
            "yref": "paper",
            "yanchor": "bottom",
            "text": esc(words.assumed_year(w, s.target_year)),
            "xanchor": _anchor(s.target_year, first, end),
            "showarrow": False,
            "font": {"size": 10, "color": "#666"},
        },
        reached,
        *labels,
    ]
    layout = _layout_dict(
        w, SCENARIO_TITLE, scenario_subtitle(s, w),
        footer_lines(ds, ctx, scenario_note(ds, s, w), s.scenario.reporter), shapes, annotations,
    )
    _year_axis(layout, first, end)
    # Scale to the target and the central path; the band may run off the top.
    layout["yaxis"]["range"] = [0, top]
    return layout


def scenario_figure(ds: Dataset, s: Summary, ctx: Context) -> go.Figure:
    """History, projection at the scenario rate, band, required path and target line."""
    series = ds.view(s.scenario.reporter).series
    return go.Figure(
        data=[_actual_trace(ctx.words, ds, series), _estimate_trace(ctx.words, s),
              *scenario_traces(s, ctx.words)],
        layout=scenario_layout(s, ds, ctx),
    )


def scenario_parts(ds: Dataset, s: Summary, ctx: Context) -> dict[tuple[str | int, ...], object]:
    """What a scenario change alters in the scenario chart, by path: the
    scenario-dependent traces (``SCENARIO_TRACES`` from 'band_low') and the layout."""
    first = SCENARIO_TRACES.index("band_low")
    parts: dict[tuple[str | int, ...], object] = {
        ("data", first + offset): trace
        for offset, trace in enumerate(scenario_traces(s, ctx.words))
    }
    parts[("layout",)] = scenario_layout(s, ds, ctx)
    return parts

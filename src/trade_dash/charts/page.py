from __future__ import annotations

import html
from typing import Any

import plotly.graph_objects as go

from trade_dash.charts.frame import (
    PAGE_YEAR_LABELS,
    PAGE_YEAR_STEPS,
    YEAR_PAD,
    produced_line,
    source_line,
    year_ticks,
)
from trade_dash.charts.style import Context, _wrap
from trade_dash.domain.dataset import Dataset

# On the page the title, subtitle and footer are HTML around the chart (layout.py), where
# they wrap at any width; the figure keeps the plot, its in-plot labels and the legend.
PAGE_MARGIN = {"l": 60, "r": 16, "t": 28, "b": 30}


# Below the plot, left-aligned: a horizontal legend wraps onto more rows on a narrow screen
# and grows the bottom margin, instead of covering data.
PAGE_LEGEND = {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.1, "yanchor": "top"}


def page_layout(layout: dict[str, Any]) -> dict[str, Any]:
    """A builder's layout as the page draws it: no title, subtitle or footer (the footer
    is the first annotation, see ``_layout_dict``), tighter margins, legend below."""
    out = {k: v for k, v in layout.items() if k not in ("title", "height")}
    out["annotations"] = list(layout.get("annotations") or [])[1:]
    out["margin"] = dict(PAGE_MARGIN)
    out["legend"] = {**(layout.get("legend") or {}), **PAGE_LEGEND}
    out["xaxis"] = _page_year_axis(layout.get("xaxis") or {})
    return out


def _page_year_axis(axis: dict[str, Any]) -> dict[str, Any]:
    """The exported chart's year axis with the page's fewer labels (``year_ticks``)."""
    if "range" not in axis:
        return axis
    first, last = round(axis["range"][0] + YEAR_PAD), round(axis["range"][1] - YEAR_PAD)
    return {**axis, **year_ticks(first, last, PAGE_YEAR_STEPS, PAGE_YEAR_LABELS, minor=True)}


PAGE_LEGEND_CHARS = 30  # a legend entry's line on a phone-width chart


def page_trace(trace: dict[str, Any]) -> dict[str, Any]:
    """A trace as the page draws it: a long legend name on several lines, as a legend
    entry does not wrap by itself and would run past a phone-width chart."""
    name = trace.get("name")
    if not isinstance(name, str) or len(name) <= PAGE_LEGEND_CHARS or "<br>" in name:
        return trace
    return {**trace, "name": "<br>".join(_wrap(name, PAGE_LEGEND_CHARS))}


def page_figure(fig: go.Figure) -> dict[str, Any]:
    """``fig`` as the page draws it (see ``page_layout`` and ``page_trace``); the traces,
    in their order, are the same, so scenario updates patch them by index as before."""
    data = fig.to_plotly_json()
    return {"data": [page_trace(t) for t in data["data"]],
            "layout": page_layout(data["layout"])}


def page_footer(ds: Dataset, ctx: Context, note: str, reporter: str) -> str:
    """The chart's note, source line and date as plain text, for the page's HTML footer."""
    sources = html.unescape(source_line(ds, ctx.words, reporter))
    return " ".join(part for part in (note, sources, produced_line(ctx)) if part)

from __future__ import annotations

from collections.abc import Set
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trade_dash.charts.frame import _anchor, _layout_dict, _year_axis, footer_lines
from trade_dash.charts.style import COLOURS, Context, esc
from trade_dash.charts.traces import (
    _actual_trace,
    _citation_markers,
    _citations_by_id,
    _estimate_trace,
    _full_points,
    _missing_marks,
)
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import ANY, actual_turnover
from trade_dash.domain.schema import SIDES
from trade_dash.domain.summary import Summary
from trade_dash.wording import charts as words
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording
from trade_dash.wording.facts import mixed_sides_note, side_text

HISTORY_TITLE = NP_("chart title", "Kazakhstan–Mongolia trade turnover, cited figures")


def _stated_differs(ds: Dataset, s: Summary) -> set[int]:
    """Years with a citation of the scenario's side whose stated change on the previous
    year the figures contradict (``stated_changes``)."""
    reporter = s.scenario.reporter
    return {c.year for c in ds.stated_changes
            if c.differs and c.flow == "turnover" and reporter in (ANY, c.side)}


def _flags(w: Wording, series: pd.DataFrame, stated: Set[int] = frozenset()
           ) -> list[dict[str, Any]]:
    """Printed flags on approximate, disputed and other-side years, and on years whose
    stated change the figures contradict, which hover text alone would hide from anyone
    reading an exported image."""
    flags = []
    first, last = int(series["year"].min()), int(series["year"].max())
    for _, row in series[series["status"] != "missing"].iterrows():
        text = words.history_flags(
            w, row["precision"] == "approximate", bool(row["disputed"]),
            (row["reporting_country"] or "") if row["from_other_side"] else None,
            int(row["year"]) in stated)
        if text:
            flags.append({"x": int(row["year"]), "y": round(float(row["value_musd"]), 2),
                          "text": esc(text), "showarrow": False, "yanchor": "bottom",
                          "xanchor": _anchor(int(row["year"]), first, last),
                          "yshift": 8, "font": {"size": 10, "color": "#444"}})
    return flags


def _other_side(ds: Dataset, s: Summary) -> str | None:
    """The side to draw beside the series: the one it is not built from."""
    rs = s.reporting_side
    own = rs.reporter if rs.reporter != ANY else rs.primary
    others = [side for side in SIDES if side != own and side in ds.views]
    return others[0] if own is not None and others else None


def _other_side_trace(w: Wording, ds: Dataset, side: str | None) -> go.Scatter:
    """The other side's full-year figures as a lighter dashed line, so the disagreement
    between the two sides' books is in plain view, not only in the hover text."""
    if side is None:
        return go.Scatter(x=[], y=[], name=words.other_side_name(w, None), showlegend=False)
    xs, ys, hovers = _full_points(w, ds, ds.view(side).series)
    return go.Scatter(
        x=xs, y=ys, name=words.other_side_name(w, side),
        mode="lines+markers", connectgaps=False, opacity=0.8,
        line={"color": COLOURS["other_side"], "width": 1.5, "dash": "dash"},
        marker={"size": 7, "symbol": "square-open", "color": COLOURS["other_side"]},
        hovertext=hovers, hoverinfo="text",
    )


def _with_mixed_sides(w: Wording, note: str, s: Summary) -> str:
    mixed = mixed_sides_note(w, s)
    return f"{note} {mixed}" if mixed else note


# Each chart's footer note for a scenario, in ``w``'s language. A footer-only page update
# (see charts.py) writes the footer again, so these are the single source of what the
# builders print.
def history_note(ds: Dataset, s: Summary, w: Wording) -> str:
    series = ds.view(s.scenario.reporter).series
    drawn = set(series.loc[series["status"] != "missing", "year"])
    stated = bool(_stated_differs(ds, s) & drawn)
    return _with_mixed_sides(w, words.history_note(w, _other_side(ds, s), stated), s)


# Each chart's subtitle for a scenario, plain text: the builders print it in the figure,
# the page above the chart (charts.py).
def history_subtitle(w: Wording, ds: Dataset, s: Summary) -> str:
    return words.history_subtitle(w, side_text(w, s), s.year_to_date)


def history_figure(ds: Dataset, s: Summary, ctx: Context) -> go.Figure:
    """Cited turnover by year: full years solid, the partial year hollow with its estimate,
    and the other reporting side's figures as a lighter line."""
    w = ctx.words
    series = ds.view(s.scenario.reporter).series
    other = _other_side(ds, s)
    fig = go.Figure()
    fig.add_trace(_actual_trace(w, ds, series))
    other_trace = _other_side_trace(w, ds, other)
    fig.add_trace(other_trace)
    by_id = _citations_by_id(ds)
    partial = series[series["status"] == "partial"]
    fig.add_trace(_citation_markers(w, by_id, partial, words.partial_name(w), "circle-open",
                                    COLOURS["partial"]))
    fig.add_trace(_estimate_trace(w, s))
    actual = actual_turnover(ds.citations)
    drawn = set(series["citation_id"])
    if other is not None:
        drawn |= set(ds.view(other).series.query("status == 'full'")["citation_id"])
    alternates = actual[~actual["citation_id"].isin(drawn)]
    fig.add_trace(_citation_markers(w, by_id, alternates, words.alternate_name(w),
                                    "x-thin-open", COLOURS["alternate"], alternate=True))
    annotations = []
    if s.year_to_date:
        y = s.year_to_date
        annotations += [
            # An arrow from the partial figure up to its annualised estimate.
            {
                "x": y.year,
                "y": y.annualised_musd,
                "ax": y.year,
                "ay": y.value_musd,
                "xref": "x",
                "yref": "y",
                "axref": "x",
                "ayref": "y",
                "showarrow": True,
                "arrowhead": 2,
                "arrowcolor": COLOURS["partial"],
                "arrowwidth": 1.5,
                "standoff": 8,
                "startstandoff": 8,
                "text": "",
            },
            {
                "x": y.year,
                "y": y.value_musd,
                "text": esc(w.period_label(y.year, y.months)),
                "showarrow": False,
                "xanchor": "right",  # left of the marker: the last year sits at the edge
                "xshift": -10,
                "font": {"size": 11, "color": COLOURS["partial"]},
            },
        ]
    shapes, labels = _missing_marks(w, series)
    layout = _layout_dict(
        w,
        HISTORY_TITLE,
        esc(history_subtitle(w, ds, s)),
        footer_lines(ds, ctx, history_note(ds, s, w), s.scenario.reporter),
        shapes,
        [*annotations, *_flags(w, series, _stated_differs(ds, s)), *labels],
    )
    years = [*series["year"], *(x for x, y in zip(other_trace.x, other_trace.y, strict=True)
                                 if y is not None)]
    _year_axis(layout, int(min(years)), int(max(years)))
    fig.update_layout(layout)
    return fig

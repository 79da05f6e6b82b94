from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trade_dash.charts.frame import _layout_dict, _year_axis, footer_lines
from trade_dash.charts.style import COLOURS, Context, _wrap, esc
from trade_dash.charts.traces import Row, _hover, _lines_html, _missing_marks
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import DIRECTIONS
from trade_dash.domain.summary import Summary
from trade_dash.wording import charts as words
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording
from trade_dash.wording.facts import side_text

FLOWS_TITLE = NP_(
    "chart title", "Kazakhstan–Mongolia trade by direction: exports, imports and balance"
)


def flows_note(ds: Dataset, s: Summary, w: Wording) -> str:
    # Other-side figures are flagged on the bars themselves, year by year.
    return words.flows_note(w)


def flows_subtitle(w: Wording, ds: Dataset, s: Summary) -> str:
    return words.flows_subtitle(w, side_text(w, s))


# Whole-year fill of each direction's bars, so the two differ in more than colour;
# partial years are hatched in both.
FLOW_FILLS = {"kz_exports": "", "mn_exports": "."}


def _flow_bar(w: Wording, records: Mapping[str, Row], flows: pd.DataFrame, key: str) -> go.Bar:
    """One direction's figures, whole years filled as ``FLOW_FILLS`` says and partial years
    hatched, as they are not whole years. ``records``: every citation by id, for the
    hover labels."""
    cited = flows[flows[f"{key}_citation_id"] != ""]
    partial = [int(m) < 12 for m in cited[f"{key}_months"]]
    return go.Bar(
        x=cited["year"].astype(int).tolist(),
        y=cited[f"{key}_musd"].round(3).tolist(),
        name=words.flow_name(w, key),
        marker={
            "color": COLOURS[key],
            "pattern": {"shape": ["/" if p else FLOW_FILLS[key] for p in partial],
                        "solidity": 0.45},
            "line": {"color": COLOURS[key], "width": 1.5},
        },
        hovertext=[
            _hover(w, records[cid], records, words.flow_label(w, key, w.period_label(year, months)))
            for cid, year, months in zip(cited[f"{key}_citation_id"], cited["year"],
                                         cited[f"{key}_months"], strict=True)
        ],
        hoverinfo="text",
    )


def _balance_traces(w: Wording, flows: pd.DataFrame) -> list[go.Scatter]:
    """The balance where both directions are given for the same period: whole years on a
    line (broken where a year is missing or partial), partial years as hollow markers."""
    known = flows[flows["balance_basis"] == "both"]
    full = flows["status"] == "full"
    ys = [round(float(v), 3) if ok else None for v, ok in
          zip(flows["balance_musd"], full & (flows["balance_basis"] == "both"), strict=True)]
    partial = known[known["status"] == "partial"]

    def hover(year: int, months: int, value: float) -> str:
        return _lines_html(words.balance_hover(w, year, months, value))

    whole = go.Scatter(
        x=flows["year"].astype(int).tolist(), y=ys, name=words.balance_name(w),
        mode="lines+markers",
        connectgaps=False, line={"color": COLOURS["balance"], "width": 2},
        marker={"size": 9, "symbol": "diamond", "color": COLOURS["balance"]},
        hovertext=["" if y is None else hover(year, months, y)
                   for y, year, months in zip(ys, flows["year"], flows["months"], strict=True)],
        hoverinfo="text",
    )
    part = go.Scatter(
        x=partial["year"].astype(int).tolist(), y=partial["balance_musd"].round(3).tolist(),
        name=words.balance_name(w, partial=True), mode="markers",
        marker={"size": 10, "symbol": "diamond-open", "line": {"width": 2},
                "color": COLOURS["balance"]},
        hovertext=[hover(year, months, value) for year, months, value in zip(
            partial["year"], partial["months"], partial["balance_musd"], strict=True)],
        hoverinfo="text",
        visible=True if len(partial) else "legendonly",
    )
    return [whole, part]


def _flow_flags(w: Wording, flows: pd.DataFrame) -> list[dict[str, Any]]:
    """Printed above each year: its period when partial, and approximate or other-side
    figures, so an exported image carries what the hover text says. The first and last
    years' flags run inwards from their bars, so they never run off the chart."""
    out = []
    first, last = int(flows["year"].min()), int(flows["year"].max())
    for _, row in flows[flows["status"] != "missing"].iterrows():
        period = (w.period_label(row["year"], row["months"]) if row["status"] == "partial"
                  else None)
        text = words.flow_flags(
            w, period,
            [(key, row[f"{key}_precision"] == "approximate",
              (row[f"{key}_reporting_country"] or "") if row[f"{key}_from_other_side"] else None)
             for key in DIRECTIONS],
            row["balance_basis"] in ("one_flow", "periods_differ"))
        top = max(v for v in (row["kz_exports_musd"], row["mn_exports_musd"]) if v == v)
        if text:
            year = int(row["year"])
            side = "left" if year == first < last else "right" if year == last > first else "center"
            out.append({"x": year, "y": round(float(top), 3), "yanchor": "bottom",
                        "xanchor": side, "yshift": 4, "text": esc(text),
                        "showarrow": False, "font": {"size": 10, "color": "#444"}})
    return out


def flows_figure(ds: Dataset, s: Summary, ctx: Context) -> go.Figure:
    """Kazakh exports to Mongolia, Mongolian exports to Kazakhstan and the balance by year,
    from the scenario's reporting side; partial years hatched and labelled."""
    w = ctx.words
    view = ds.view(s.scenario.reporter)
    flows = view.flows
    fig = go.Figure()
    annotations: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    if flows.empty:
        annotations.append({
            # On lines short enough for a phone-width chart.
            "text": "<br>".join(_wrap(esc(words.no_flows(w)), 28)),
            "xref": "paper", "yref": "paper", "x": 0.5, "y": 0.5, "showarrow": False,
            "font": {"size": 14, "color": "#666"},
        })
        years = view.series["year"]
    else:
        records = {r["citation_id"]: r for r in ds.citations.to_dict("records")}
        for key in DIRECTIONS:
            fig.add_trace(_flow_bar(w, records, flows, key))
        fig.add_traces(_balance_traces(w, flows))
        shapes, labels = _missing_marks(w, flows)
        annotations = [*_flow_flags(w, flows), *labels]
        years = flows["year"]
    footer = footer_lines(ds, ctx, flows_note(ds, s, w), s.scenario.reporter)
    layout = _layout_dict(w, FLOWS_TITLE, esc(flows_subtitle(w, ds, s)), footer, shapes,
                          annotations)
    layout["barmode"] = "group"
    _year_axis(layout, int(years.min()), int(years.max()))
    fig.update_layout(layout)
    return fig

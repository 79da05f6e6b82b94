from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from trade_dash.charts.frame import _anchor
from trade_dash.charts.style import COLOURS, HOVER_ALTERNATES, HOVER_NAME_CHARS, esc, short
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.wording import charts as words
from trade_dash.wording.core import Wording

# A row as pandas gives it (``to_dict("records")``): columns by name, names typed as hashable.
Row = Mapping[Hashable, Any]


def _citations_by_id(ds: Dataset) -> dict[str, Row]:
    """What a hover label says of an alternate citation, by citation id."""
    c = ds.citations
    keys = ("year", "months", "value_musd", "reporter")
    columns = zip(c["citation_id"], *(c[k] for k in keys), strict=True)
    by_id: dict[str, Row] = {cid: dict(zip(keys, values, strict=True)) for cid, *values in columns}
    return by_id


def _hover(w: Wording, row: Row, by_id: Mapping[str, Row], label: str) -> str:
    """A point's provenance. Alternates beyond ``HOVER_ALTERNATES`` are counted, not listed,
    so a year with many citations keeps a readable label and a small page. Citation text
    is escaped before it is worded; the product's words are escaped with it."""
    heading = words.hover_heading(w, label, row["value_musd"],
                                  row.get("precision") == "approximate")
    lines = [
        f"<b>{esc(heading)}</b>",
        *words.provenance(
            w, esc(short(w.body(row["reporter"]), HOVER_NAME_CHARS)),
            esc(row.get("reporting_country") or ""), esc(short(row["outlet"], HOVER_NAME_CHARS)),
            esc(row["published"]), esc(row["citation_id"]), int(row["line"]),
        ),
    ]
    if "preferred_of" in row:  # a row of a series, chosen by the normalisation rule
        lines.append(esc(words.rule_line(w, int(row["superseded"]), int(row["preferred_of"]))))
    alternates = [a for a in str(row.get("alternates", "")).split(",") if a]
    if alternates:
        lines.append(esc(words.alternates_heading(w)))
        for a in alternates[:HOVER_ALTERNATES]:
            alt = by_id[a]
            lines.append("  " + words.alternate_line(
                w, esc(w.period_label(alt["year"], alt["months"])), alt["value_musd"],
                esc(short(w.body(alt["reporter"]), HOVER_NAME_CHARS))))
        if len(alternates) > HOVER_ALTERNATES:
            lines.append("  " + esc(words.more_alternates(w, len(alternates) - HOVER_ALTERNATES)))
    if row.get("disputed"):
        lines.append(f"<b>{esc(words.disagree_line(w))}</b>")
    if row.get("from_other_side"):
        lines.append(f"<b>{esc(words.other_side_line(w))}</b>")
    return "<br>".join(lines)


def _full_points(w: Wording, ds: Dataset, series: pd.DataFrame
                 ) -> tuple[list[int], list[float | None], list[str]]:
    """Full-year values with None in missing or partial years, so the line breaks there."""
    xs: list[int] = []
    ys: list[float | None] = []
    hovers: list[str] = []
    by_id = _citations_by_id(ds)
    for row in series.to_dict("records"):
        xs.append(int(row["year"]))
        if row["status"] == "full":
            ys.append(round(float(row["value_musd"]), 2))
            hovers.append(_hover(w, row, by_id, w.year(row["year"])))
        else:
            ys.append(None)
            hovers.append("")
    return xs, ys, hovers


def _actual_trace(w: Wording, ds: Dataset, series: pd.DataFrame) -> go.Scatter:
    xs, ys, hovers = _full_points(w, ds, series)
    return go.Scatter(
        x=xs,
        y=ys,
        name=words.actual_name(w),
        mode="lines+markers",
        connectgaps=False,
        line={"color": COLOURS["actual"], "width": 2.5},
        marker={"size": 9, "color": COLOURS["actual"]},
        hovertext=hovers,
        hoverinfo="text",
    )


def _estimate_trace(w: Wording, s: Summary) -> go.Scatter:
    y = s.year_to_date
    if y is None:
        return go.Scatter(x=[], y=[], name=words.estimate_name(w, None), showlegend=False)
    return go.Scatter(
        x=[y.year],
        y=[round(y.annualised_musd, 2)],
        mode="markers",
        name=words.estimate_name(w, y.year),
        marker={
            "symbol": "diamond-open",
            "size": 13,
            "line": {"width": 2.5},
            "color": COLOURS["partial"],
        },
        hovertext=[_lines_html(words.estimate_hover(w, y))],
        hoverinfo="text",
    )


def _lines_html(lines: list[str]) -> str:
    """Hover lines as one label, the first in bold."""
    first, *rest = (esc(line) for line in lines)
    return "<br>".join([f"<b>{first}</b>", *rest])


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle, for a label in a narrow column."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return esc(text)
    at = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{esc(text[:at])}<br>{esc(text[at + 1:])}"


def _missing_marks(w: Wording, frame: pd.DataFrame, last: int | None = None
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A grey band and a label for each year of ``frame`` with no citation; ``last``: the
    axis' last year when it runs past the frame's."""
    shapes: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []
    first = int(frame["year"].min()) if len(frame) else 0
    last = max(last or 0, int(frame["year"].max())) if len(frame) else 0
    for year in frame.loc[frame["status"] == "missing", "year"].astype(int):
        shapes.append(
            {
                "type": "rect",
                "xref": "x",
                "yref": "paper",
                "x0": year - 0.45,
                "x1": year + 0.45,
                "y0": 0,
                "y1": 1,
                "fillcolor": COLOURS["missing"],
                "line": {"width": 0},
                "layer": "below",
            }
        )
        labels.append(
            {
                "x": year,
                "y": 0,
                "xref": "x",
                "yref": "y",
                "yanchor": "bottom",
                "xanchor": _anchor(year, first, last),
                "text": _two_lines(words.missing_label(w)),
                "showarrow": False,
                "font": {"size": 10, "color": "#666"},
            }
        )
    return shapes, labels


def _citation_markers(w: Wording, by_id: Mapping[str, Row], rows: pd.DataFrame, name: str,
                      symbol: str, colour: str, alternate: bool = False) -> go.Scatter:
    """Hollow markers for citations drawn apart from the full-year line."""

    def label(r: Row) -> str:
        period = w.period_label(r["year"], r["months"])
        return words.alternate_label(w, period) if alternate else period

    return go.Scatter(
        x=rows["year"].tolist(), y=rows["value_musd"].round(2).tolist(), mode="markers",
        name=name, marker={"symbol": symbol, "size": 11, "line": {"width": 2.5}, "color": colour},
        hovertext=[_hover(w, r, by_id, label(r)) for r in rows.to_dict("records")],
        hoverinfo="text", visible=True if len(rows) else "legendonly",
    )

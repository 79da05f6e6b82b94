"""Figure builders: data in, ``go.Figure`` out. Pure: no I/O, no clock, no Dash.

Every chart carries its own title, scenario subtitle, source line, date and reopen
link, so a chart downloaded from the browser or exported on the server stands alone.
The charts draw the series of the scenario's reporting side (``Summary.reporting_side``).
The footer has a bounded size whatever the data (the full list of sources is in the
sources table and the briefing pack), and it is the layout's first annotation, so a
scenario change can replace it alone (``footer_parts``). The scenario chart keeps its
scenario-dependent traces at fixed positions (``SCENARIO_TRACES``) so a callback can
patch just those (``scenario_parts``). The words come from the reader's ``Wording``
(``Context.words``) through ``wording/charts.py``, citation text shown as cited; the
scenario chart's growth-dependent texts (``scenario_traces``, ``reached_text``,
``scenario_subtitle``) through ``wording/scenario.py``, whose templates the page's
growth script (``assets/scenario.js``) fills as well.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from trade_dash import model
from trade_dash.catalogs import NP_
from trade_dash.data import SIDES
from trade_dash.normalise import ANY, DIRECTIONS, actual_turnover
from trade_dash.scenario import Dataset, Summary
from trade_dash.wording import Wording, english
from trade_dash.wording import briefing as briefing_words
from trade_dash.wording import charts as words
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.facts import (
    mixed_sides_note,
    side_text,
)

# Chosen to stay apart under deuteranopia and protanopia, to reach 3:1 on white, and 4.5:1
# where they also colour text (tests/unit/test_palette.py): Okabe–Ito blue and green,
# Okabe–Ito orange darkened for contrast, Paul Tol's wine for projections, Okabe–Ito
# vermillion for Mongolian exports. Colour is never the only signal: each series also has
# its own marker or dash.
COLOURS = {
    "actual": "#0072B2",
    "partial": "#A15C00",
    "projection": "#882255",
    "band": "rgba(136, 34, 85, 0.15)",
    "required": "#009E73",
    "target": "#000000",
    "alternate": "#7F7F7F",
    "other_side": "#0070F0",  # a brighter blue, drawn thin: the other side's books
    "missing": "rgba(0, 0, 0, 0.06)",
    "kz_exports": "#0072B2",
    "mn_exports": "#D55E00",
    "balance": "#000000",
}
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
# The English message id of the scenario chart's projection note (its slide note too).
PROJECTION_NOTE = briefing_words.PROJECTION_NOTE

# Order of the traces of the scenario chart; callbacks patch these by index.
SCENARIO_TRACES = ("actual", "estimate", "band_low", "band_high", "required", "projection")

HISTORY_TITLE = NP_("chart title", "Kazakhstan–Mongolia trade turnover, cited figures")
SCENARIO_TITLE = NP_("chart title", "Kazakhstan–Mongolia trade: path to the target")
FLOWS_TITLE = NP_(
    "chart title", "Kazakhstan–Mongolia trade by direction: exports, imports and balance"
)

# Footer and subtitle lines are wrapped to this many characters, which fit the plot width
# of a laptop page and of every export size; a name in the source line is cut to NAME_CHARS.
LINE_CHARS = 125
SUBTITLE_CHARS = 110
NAME_CHARS = 60
FOOTER_GAP_PX = 38  # from the bottom of the plot area to the footer: room for tick labels
FOOTER_LINE_PX = 14  # one 10 px footer line, with plotly's line spacing and some slack
HOVER_ALTERNATES = 5  # other citations listed in a point's hover label; the rest are counted


@dataclass(frozen=True)
class Context:
    """What a figure needs besides the data: when it was produced, where it lives."""

    produced: str  # ISO date printed on the chart
    link: str | None = None  # address that reopens the same scenario
    words: Wording = field(default_factory=english)  # the reader's language


def esc(text: object) -> str:
    """Citation text as inert text in plotly's HTML-like labels."""
    return html.escape(str(text), quote=False)  # plotly does not decode &quot;


def short(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters (at a word break where there is one
    in its second half), an ellipsis marking the cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:(") + "…"


def source_line(ds: Dataset, w: Wording) -> str:
    """Where the figures come from, in a line whose length does not grow with the data:
    how many citations from how many bodies, the bodies behind most of the headline
    series, and where the full list is."""
    c = ds.citations
    headline = ds.series.loc[ds.series["status"] != "missing", "reporter"].value_counts()
    main = [(short(w.body(name), NAME_CHARS), int(n)) for name, n in headline.head(2).items()]
    return esc(words.source_line(w, len(c), c["reporter"].nunique(), main))


def scenario_subtitle(s: Summary, w: Wording | None = None) -> str:
    """The scenario line (see ``wording.scenario``), in English unless ``w`` is given."""
    return scenario_words.subtitle(w or english(), s)


def _wrap(text: str, width: int) -> list[str]:
    words, lines, current = text.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _link_lines(link: str, width: int) -> list[str]:
    """A link on lines of its own, broken before '?' or '&' only where it must be."""
    lines, current = [], ""
    for piece in re.split(r"(?=[?&])", link):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return [esc(line) for line in lines]


def footer_lines(ds: Dataset, ctx: Context, note: str) -> list[str]:
    """Source line, the chart's note, the date and the reopen link, as display lines.

    Bounded: nothing in it lists citations, so its height is the same for ten
    citations or ten thousand; ``_layout_dict`` sizes the bottom margin to it.
    """
    lines = _wrap(source_line(ds, ctx.words), LINE_CHARS)
    if note:
        lines += _wrap(esc(note), LINE_CHARS)
    lines += _wrap(esc(words.produced_line(ctx.words, ctx.produced, bool(ctx.link))), LINE_CHARS)
    if ctx.link:
        lines += _link_lines(ctx.link, LINE_CHARS)
    return lines


def produced_line(ctx: Context) -> str:
    return words.produced_line(ctx.words, ctx.produced, reopen=False)


def _footer_margin(lines: list[str]) -> int:
    return FOOTER_GAP_PX + FOOTER_LINE_PX * len(lines) + 12


def footer_parts(ds: Dataset, ctx: Context, note: str) -> dict[tuple, object]:
    """What changes in a chart's layout when only its date or link change, by path."""
    lines = footer_lines(ds, ctx, note)
    return {
        ("layout", "annotations", 0, "text"): "<br>".join(lines),
        ("layout", "margin", "b"): _footer_margin(lines),
    }


# The year axis: labelled every YEAR_STEPS years, the first step that keeps at most
# YEAR_LABELS labels (the last step whatever the span), with YEAR_PAD years either side.
# The browser script lays out the scenario chart's axis by the same numbers.
YEAR_STEPS = (1, 2, 5, 10)
YEAR_LABELS = 16
YEAR_PAD = 0.6
HEADROOM = 1.15  # the scenario chart's amount axis reaches this far above its highest line


def _year_axis(layout: dict, first: int, last: int) -> None:
    """Years from ``first`` to ``last``, labelled every 1, 2, 5 or 10 years so that at
    most about 16 horizontal labels share the axis."""
    span = last - first + 1
    step = next((s for s in YEAR_STEPS[:-1] if span <= YEAR_LABELS * s), YEAR_STEPS[-1])
    layout["xaxis"] |= {"range": [first - YEAR_PAD, last + YEAR_PAD], "dtick": step,
                        "tick0": first - first % step}


def _anchor(x: float, first: float, last: float) -> str:
    """How a label at ``x`` on an axis from ``first`` to ``last`` is anchored so it stays
    inside a narrow chart: in the left third it runs right from ``x``, in the right third
    left, in between it is centred."""
    share = (x - first) / (last - first) if last > first else 0.5
    return "left" if share < 1 / 3 else "right" if share > 2 / 3 else "center"


def _layout_dict(w: Wording, title: str, subtitle: str, footer: list[str], shapes=(),
                 annotations=()) -> dict:
    """The common layout as a plain dict: cheap to build, sent as-is in partial updates.
    ``title`` is the English message id; the title, unit and tick separators are ``w``'s."""
    return {
        "template": {"data": {}, "layout": {}},  # keeps plotly's large default theme out
        "title": {
            "text": f"<b>{esc(w.pgettext('chart title', title))}</b>",
            "subtitle": {"text": "<br>".join(_wrap(subtitle, SUBTITLE_CHARS)),
                         "font": {"size": 13}},
            "x": 0.01,
            "xanchor": "left",
            # Pinned to the top edge so a legend that wraps on a narrow screen grows
            # into the margin below the title rather than over it.
            "y": 0.97,
            "yref": "container",
            "yanchor": "top",
            "font": {"size": 18},
        },
        "font": {"family": FONT, "size": 13, "color": "#222"},
        # Tick labels follow the reader's locale in the page and in server-side exports.
        "separators": w.plotly_separators,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 70, "r": 30, "t": 140, "b": _footer_margin(footer)},
        "hovermode": "closest",
        "legend": {
            "orientation": "h",
            "y": 1.03,
            "x": 0,
            "yanchor": "bottom",
            "font": {"size": 12},
        },
        # Tick labels stay horizontal, so they keep to the room left above the footer.
        # They sit outside the plot, within the margins: plotly need not measure each one
        # on every redraw to hide those past the edge ("allow"), which made redraws slow.
        "xaxis": {"dtick": 1, "tickangle": 0, "showgrid": False, "linecolor": "#444",
                  "ticks": "outside", "ticklabeloverflow": "allow"},
        "yaxis": {
            "title": {"text": w.unit()},
            "ticklabeloverflow": "allow",
            "gridcolor": "#e5e5e5",
            "zeroline": True,
            "zerolinecolor": "#444",
            "rangemode": "tozero",
        },
        "height": 600,
        "shapes": list(shapes),
        "annotations": [
            # First, so ``footer_parts`` can find it. Pinned in pixels below the axis so it
            # never collides with the tick labels; the bottom margin is sized to hold it.
            {
                "text": "<br>".join(footer),
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -FOOTER_GAP_PX,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "align": "left",
                "font": {"size": 10, "color": "#555"},
            },
            *annotations,
        ],
    }


HOVER_NAME_CHARS = 80  # a hover label stays narrower than the chart


def _citations_by_id(ds: Dataset) -> dict[str, dict]:
    """What a hover label says of an alternate citation, by citation id."""
    c = ds.citations
    keys = ("year", "months", "value_musd", "reporter")
    columns = zip(c["citation_id"], *(c[k] for k in keys), strict=True)
    return {cid: dict(zip(keys, values, strict=True)) for cid, *values in columns}


def _hover(w: Wording, row: dict, by_id: dict[str, dict], label: str) -> str:
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
    xs, ys, hovers = [], [], []
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
                   ) -> tuple[list[dict], list[dict]]:
    """A grey band and a label for each year of ``frame`` with no citation; ``last``: the
    axis' last year when it runs past the frame's."""
    shapes, labels = [], []
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


def _citation_markers(w: Wording, by_id: dict[str, dict], rows: pd.DataFrame, name: str,
                      symbol: str, colour: str, alternate: bool = False) -> go.Scatter:
    """Hollow markers for citations drawn apart from the full-year line."""

    def label(r: dict) -> str:
        period = w.period_label(r["year"], r["months"])
        return words.alternate_label(w, period) if alternate else period

    return go.Scatter(
        x=rows["year"].tolist(), y=rows["value_musd"].round(2).tolist(), mode="markers",
        name=name, marker={"symbol": symbol, "size": 11, "line": {"width": 2.5}, "color": colour},
        hovertext=[_hover(w, r, by_id, label(r)) for r in rows.to_dict("records")],
        hoverinfo="text", visible=True if len(rows) else "legendonly",
    )


def _flags(w: Wording, series: pd.DataFrame) -> list[dict]:
    """Printed flags on approximate, disputed and other-side years, which hover text alone
    would hide from anyone reading an exported image."""
    flags = []
    first, last = int(series["year"].min()), int(series["year"].max())
    for _, row in series[series["status"] != "missing"].iterrows():
        text = words.history_flags(
            w, row["precision"] == "approximate", bool(row["disputed"]),
            (row["reporting_country"] or "") if row["from_other_side"] else None)
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
    return _with_mixed_sides(w, words.history_note(w, _other_side(ds, s)), s)


def scenario_note(ds: Dataset, s: Summary, w: Wording) -> str:
    return _with_mixed_sides(w, words.scenario_note(w), s)


def flows_note(ds: Dataset, s: Summary, w: Wording) -> str:
    # Other-side figures are flagged on the bars themselves, year by year.
    return words.flows_note(w)


# Each chart's subtitle for a scenario, plain text: the builders print it in the figure,
# the page above the chart (charts.py).
def history_subtitle(w: Wording, ds: Dataset, s: Summary) -> str:
    return words.history_subtitle(w, side_text(w, s), s.year_to_date)


def flows_subtitle(w: Wording, ds: Dataset, s: Summary) -> str:
    return words.flows_subtitle(w, side_text(w, s))


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
        footer_lines(ds, ctx, history_note(ds, s, w)),
        shapes,
        [*annotations, *_flags(w, series), *labels],
    )
    years = [*series["year"], *(x for x, y in zip(other_trace.x, other_trace.y, strict=True)
                                 if y is not None)]
    _year_axis(layout, int(min(years)), int(max(years)))
    fig.update_layout(layout)
    return fig


def projection_end_year(s: Summary) -> int:
    """Draw to the target year, or on to the year the target is met (within the horizon)."""
    end = s.target_year
    if s.target_reached_year is not None:
        end = max(end, s.target_reached_year)
    return min(end, s.horizon_year)


def _path(s: Summary, rate_pct: float, end: int) -> tuple[list[int], list[float]]:
    points = model.project(s.base.value_musd, s.base.year, rate_pct / 100, end)
    return [y for y, _ in points], [round(v, 2) for _, v in points]


def scenario_traces(s: Summary, w: Wording | None = None) -> list[dict]:
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


def reached_annotation(s: Summary, w: Wording, first: int, end: int, top: float) -> dict:
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


def scenario_layout(s: Summary, ds: Dataset, ctx: Context) -> dict:
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
        footer_lines(ds, ctx, scenario_note(ds, s, w)), shapes, annotations,
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


def scenario_parts(ds: Dataset, s: Summary, ctx: Context) -> dict[tuple, object]:
    """What a scenario change alters in the scenario chart, by path: the
    scenario-dependent traces (``SCENARIO_TRACES`` from 'band_low') and the layout."""
    first = SCENARIO_TRACES.index("band_low")
    parts: dict[tuple, object] = {
        ("data", first + offset): trace
        for offset, trace in enumerate(scenario_traces(s, ctx.words))
    }
    parts[("layout",)] = scenario_layout(s, ds, ctx)
    return parts


# --- the two directions of trade ------------------------------------------------

# Whole-year fill of each direction's bars, so the two differ in more than colour;
# partial years are hatched in both.
FLOW_FILLS = {"kz_exports": "", "mn_exports": "."}


def _flow_bar(w: Wording, records: dict[str, dict], flows: pd.DataFrame, key: str) -> go.Bar:
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
        hovertext=[hover(r.year, r.months, r.balance_musd) for r in partial.itertuples()],
        hoverinfo="text",
        visible=True if len(partial) else "legendonly",
    )
    return [whole, part]


def _flow_flags(w: Wording, flows: pd.DataFrame) -> list[dict]:
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
    annotations: list[dict] = []
    shapes: list[dict] = []
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
    layout = _layout_dict(w, FLOWS_TITLE, esc(flows_subtitle(w, ds, s)),
                          footer_lines(ds, ctx, flows_note(ds, s, w)), shapes, annotations)
    layout["barmode"] = "group"
    _year_axis(layout, int(years.min()), int(years.max()))
    fig.update_layout(layout)
    return fig


# --- the chart on the page ------------------------------------------------------

# On the page the title, subtitle and footer are HTML around the chart (layout.py), where
# they wrap at any width; the figure keeps the plot, its in-plot labels and the legend.
PAGE_MARGIN = {"l": 60, "r": 16, "t": 28, "b": 30}
# Below the plot, left-aligned: a horizontal legend wraps onto more rows on a narrow screen
# and grows the bottom margin, instead of covering data.
PAGE_LEGEND = {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.1, "yanchor": "top"}


def page_layout(layout: dict) -> dict:
    """A builder's layout as the page draws it: no title, subtitle or footer (the footer
    is the first annotation, see ``_layout_dict``), tighter margins, legend below."""
    out = {k: v for k, v in layout.items() if k not in ("title", "height")}
    out["annotations"] = list(layout.get("annotations") or [])[1:]
    out["margin"] = dict(PAGE_MARGIN)
    out["legend"] = {**(layout.get("legend") or {}), **PAGE_LEGEND}
    out["xaxis"] = _page_year_axis(layout.get("xaxis") or {})
    return out


PAGE_YEAR_LABELS = 6  # year labels that fit side by side on a phone-width chart


def _page_year_axis(axis: dict) -> dict:
    """Fewer year labels than in exports (every 1, 2, 5, 10 or 20 years), so they fit
    horizontally on a phone; a minor tick still marks every year."""
    if "range" not in axis:
        return axis
    first, last = round(axis["range"][0] + 0.6), round(axis["range"][1] - 0.6)
    span = last - first + 1
    step = next((s for s in (1, 2, 5, 10) if span <= PAGE_YEAR_LABELS * s), 20)
    out = {**axis, "dtick": step, "tick0": first - first % step}
    if step > 1:
        out["minor"] = {"dtick": 1, "tick0": first, "ticks": "outside", "ticklen": 3}
    return out


PAGE_LEGEND_CHARS = 30  # a legend entry's line on a phone-width chart


def page_trace(trace: dict) -> dict:
    """A trace as the page draws it: a long legend name on several lines, as a legend
    entry does not wrap by itself and would run past a phone-width chart."""
    name = trace.get("name")
    if not isinstance(name, str) or len(name) <= PAGE_LEGEND_CHARS or "<br>" in name:
        return trace
    return {**trace, "name": "<br>".join(_wrap(name, PAGE_LEGEND_CHARS))}


def page_figure(fig: go.Figure) -> dict:
    """``fig`` as the page draws it (see ``page_layout`` and ``page_trace``); the traces,
    in their order, are the same, so scenario updates patch them by index as before."""
    data = fig.to_plotly_json()
    return {"data": [page_trace(t) for t in data["data"]],
            "layout": page_layout(data["layout"])}


def page_footer(ds: Dataset, ctx: Context, note: str) -> str:
    """The chart's note, source line and date as plain text, for the page's HTML footer."""
    sources = html.unescape(source_line(ds, ctx.words))
    return " ".join(part for part in (note, sources, produced_line(ctx)) if part)


# --- static export sizes -------------------------------------------------------


@dataclass(frozen=True)
class ExportSize:
    """The canvas of a static export: layout size in CSS pixels and the factor it is drawn at.

    Lettering, markers and margins are sized for the layout, so a slide laid out at
    1024 × 576 and drawn at 3.125× is a sharp 3200 × 1800 PNG whose text still reads
    when projected, where laying it out at 3200 × 1800 would shrink the text to specks.
    """

    width: int
    height: int
    scale: float = 1.0

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height of the file in pixels (PNG) or CSS pixels (SVG, PDF)."""
        return round(self.width * self.scale), round(self.height * self.scale)


# 16:9 slide: 3200 × 1800 px, the same pixels as 1600 × 900 at scale 2.
SLIDE = ExportSize(1024, 576, 3.125)
# A4 landscape, 297 × 210 mm at 96 CSS pixels per inch; vector, so no scale is needed.
A4_LANDSCAPE = ExportSize(1123, 794)
# A chart placed 17 cm wide on an A4 briefing page: 2048 px is about 300 dpi.
PAGE_IMAGE = ExportSize(1024, 576, 2)
EXPORT_SIZES = {"png": SLIDE, "svg": A4_LANDSCAPE, "pdf": A4_LANDSCAPE}


# Where the legend of an exported chart starts, below the title (pinned 3 % below the top
# edge, see ``_layout_dict``) and the subtitle's lines: measured on the exported SVG.
TITLE_BLOCK_PX = 44  # from the top of the title to the top of the subtitle's first line
SUBTITLE_LINE_PX = 17  # one 13 px subtitle line


def export_figure(fig: go.Figure, size: ExportSize) -> go.Figure:
    """A copy of ``fig`` on a fixed canvas; the dashboard's copy keeps resizing with the page.

    The legend hangs from below the subtitle, and plotly reserves its height above the
    plot: legend names in some languages are long enough to take two or three rows, which
    would otherwise grow upwards over the subtitle."""
    out = go.Figure(fig)
    subtitle = out.layout.title.subtitle.text
    lines = subtitle.count("<br>") + 1 if subtitle else 0
    top = 0.03 * size.height + TITLE_BLOCK_PX + SUBTITLE_LINE_PX * lines
    out.update_layout(
        width=size.width, height=size.height, autosize=False,
        margin={"t": round(top)},
        legend={"yref": "container", "y": 1 - top / size.height, "yanchor": "top"},
    )
    return out

"""Figure builders: data in, ``go.Figure`` out. Pure: no I/O, no clock, no Dash.

Every chart carries its own title, scenario subtitle, source line, date and reopen
link, so a chart downloaded from the browser or exported on the server stands alone.
The footer has a bounded size whatever the data (the full list of sources is in the
sources table and the briefing pack), and it is the layout's first annotation, so a
scenario change can replace it alone (``footer_parts``). The scenario chart keeps its
scenario-dependent traces at fixed positions (``SCENARIO_TRACES``) so a callback can
patch just those (``scenario_parts``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from trade_dash import model
from trade_dash.normalise import actual_turnover, period_label
from trade_dash.scenario import Dataset, Summary

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
COLOURS = {
    "actual": "#0072B2",
    "partial": "#E69F00",
    "projection": "#D55E00",
    "band": "rgba(213, 94, 0, 0.15)",
    "required": "#009E73",
    "target": "#000000",
    "alternate": "#7F7F7F",
    "missing": "rgba(0, 0, 0, 0.06)",
}
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
PROJECTION_NOTE = "Projections are scenarios, not forecasts."
UNIT = "US$ million"

# Order of the traces of the scenario chart; callbacks patch these by index.
SCENARIO_TRACES = ("actual", "estimate", "band_low", "band_high", "required", "projection")

HISTORY_TITLE = "Kazakhstan–Mongolia trade turnover, cited figures"
SCENARIO_TITLE = "Kazakhstan–Mongolia trade: path to the target"
HISTORY_NOTE = (
    "Figures come from different reporting bodies and are not strictly comparable. "
    "Hollow markers: partial year and its annualised estimate. "
    "'approx.': the source gave a rounded figure; 'sources differ': citations for that "
    "period disagree by more than 5 %."
)
SCENARIO_NOTE = (
    f"{PROJECTION_NOTE} Dashed and shaded lines are projections from the base; "
    "no source sets a deadline for the target."
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


def esc(text: object) -> str:
    """Citation text as inert text in plotly's HTML-like labels."""
    return html.escape(str(text), quote=False)  # plotly does not decode &quot;


def money(x: float) -> str:
    return f"${x:,.1f}M"


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


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def source_line(ds: Dataset) -> str:
    """Where the figures come from, in a line whose length does not grow with the data:
    how many citations from how many bodies, the bodies behind most of the headline
    series, and where the full list is."""
    c = ds.citations
    bodies = c["reporter"].nunique()
    text = (f"Sources: {_count(len(c), 'citation')} from {bodies:,} reporting "
            f"{'body' if bodies == 1 else 'bodies'}")
    headline = ds.series.loc[ds.series["status"] != "missing", "reporter"].value_counts()
    if len(headline):
        main = [f"{short(name, NAME_CHARS)} ({_count(int(n), 'year')})"
                for name, n in headline.head(2).items()]
        text += "; headline series mainly from " + " and ".join(main)
    text += (". Full list: the dashboard's sources table and the briefing pack's "
             "sources pages.")
    return esc(text)


def scenario_subtitle(s: Summary) -> str:
    b = s.base
    base = (
        f"base {b['year']} estimate {money(b['value_musd'])} ({b['method'].replace('_', '-')})"
        if b["kind"] == "ytd"
        else f"base {b['year']} {money(b['value_musd'])}"
    )
    return (
        f"Scenario: {base}, growth {s.scenario_growth_pct:+.1f}%/yr "
        f"(band ±{s.scenario.band_pct:g} pts), target {money(s.target_musd)} by "
        f"{s.target_year} (assumed year)"
    )


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
    lines = _wrap(source_line(ds), LINE_CHARS)
    if note:
        lines += _wrap(esc(note), LINE_CHARS)
    tail = f"Produced {ctx.produced} with trade-dash."
    if ctx.link:
        lines.append(tail + " Reopen this scenario:")
        lines += _link_lines(ctx.link, LINE_CHARS)
    else:
        lines.append(tail)
    return lines


def _footer_margin(lines: list[str]) -> int:
    return FOOTER_GAP_PX + FOOTER_LINE_PX * len(lines) + 12


def footer_parts(ds: Dataset, ctx: Context, note: str) -> dict[tuple, object]:
    """What changes in a chart's layout when only its date or link change, by path."""
    lines = footer_lines(ds, ctx, note)
    return {
        ("layout", "annotations", 0, "text"): "<br>".join(lines),
        ("layout", "margin", "b"): _footer_margin(lines),
    }


def _year_axis(layout: dict, first: int, last: int) -> None:
    """Years from ``first`` to ``last``, labelled every 1, 2, 5 or 10 years so that at
    most about 16 horizontal labels share the axis."""
    span = last - first + 1
    step = next((s for s in (1, 2, 5) if span <= 16 * s), 10)
    layout["xaxis"] |= {"range": [first - 0.6, last + 0.6], "dtick": step,
                        "tick0": first - first % step}


def _layout_dict(title: str, subtitle: str, footer: list[str], shapes=(),
                 annotations=()) -> dict:
    """The common layout as a plain dict: cheap to build, sent as-is in partial updates."""
    return {
        "template": {"data": {}, "layout": {}},  # keeps plotly's large default theme out
        "title": {
            "text": f"<b>{esc(title)}</b>",
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
        "xaxis": {"dtick": 1, "tickangle": 0, "showgrid": False, "linecolor": "#444",
                  "ticks": "outside"},
        "yaxis": {
            "title": {"text": UNIT},
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


def _hover(row: dict, by_id: dict[str, dict], label: str) -> str:
    """A point's provenance. Alternates beyond ``HOVER_ALTERNATES`` are counted, not listed,
    so a year with many citations keeps a readable label and a small page."""
    lines = [
        f"<b>{esc(label)}: {money(row['value_musd'])}</b>"
        + (" (approximate)" if row.get("precision") == "approximate" else ""),
        f"Reported by: {esc(short(row['reporter'], HOVER_NAME_CHARS))}",
        f"Outlet: {esc(short(row['outlet'] or 'not named', HOVER_NAME_CHARS))}",
        f"Published: {esc(row['published'] or 'date not given')}",
        f"Citation: {esc(row['citation_id'])} (line {row['line']})",
    ]
    if row.get("rule"):
        lines.append(f"Rule: {esc(row['rule'])}")
    alternates = [a for a in str(row.get("alternates", "")).split(",") if a]
    if alternates:
        lines.append("Other citations for this year:")
        for a in alternates[:HOVER_ALTERNATES]:
            alt = by_id[a]
            lines.append(
                f"  {esc(period_label(alt['year'], alt['months']))}: "
                f"{money(alt['value_musd'])}, {esc(short(alt['reporter'], HOVER_NAME_CHARS))}"
            )
        if len(alternates) > HOVER_ALTERNATES:
            lines.append(f"  and {len(alternates) - HOVER_ALTERNATES} more: see the sources table")
    if row.get("disputed"):
        lines.append("<b>Citations for this period disagree by more than 5 %</b>")
    return "<br>".join(lines)


def _full_points(ds: Dataset) -> tuple[list[int], list[float | None], list[str]]:
    """Full-year values with None in missing or partial years, so the line breaks there."""
    xs, ys, hovers = [], [], []
    by_id = _citations_by_id(ds)
    for row in ds.series.to_dict("records"):
        xs.append(int(row["year"]))
        if row["status"] == "full":
            ys.append(round(float(row["value_musd"]), 2))
            hovers.append(_hover(row, by_id, str(row["year"])))
        else:
            ys.append(None)
            hovers.append("")
    return xs, ys, hovers


def _actual_trace(ds: Dataset) -> go.Scatter:
    xs, ys, hovers = _full_points(ds)
    return go.Scatter(
        x=xs,
        y=ys,
        name="Cited full year",
        mode="lines+markers",
        connectgaps=False,
        line={"color": COLOURS["actual"], "width": 2.5},
        marker={"size": 9, "color": COLOURS["actual"]},
        hovertext=hovers,
        hoverinfo="text",
    )


def _estimate_trace(s: Summary) -> go.Scatter:
    y = s.year_to_date
    if y is None:
        return go.Scatter(x=[], y=[], name="Current-year estimate", showlegend=False)
    return go.Scatter(
        x=[y["year"]],
        y=[round(y["annualised_musd"], 2)],
        mode="markers",
        name=f"{y['year']} estimate (annualised)",
        marker={
            "symbol": "diamond-open",
            "size": 13,
            "line": {"width": 2.5},
            "color": COLOURS["partial"],
        },
        hovertext=[
            f"<b>{y['year']} full-year estimate: {money(y['annualised_musd'])}</b><br>"
            f"Derived from {esc(y['period'])} = {money(y['value_musd'])}<br>"
            f"Method: {esc(y['method_description'])}<br>Not a reported figure."
        ],
        hoverinfo="text",
    )


def _missing_years(ds: Dataset) -> list[int]:
    return [int(y) for y in ds.series.loc[ds.series["status"] == "missing", "year"]]


def _missing_marks(ds: Dataset) -> tuple[list[dict], list[dict]]:
    """A grey band and a label for each year with no citation."""
    shapes, labels = [], []
    for year in _missing_years(ds):
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
                "text": "no figure<br>cited",
                "showarrow": False,
                "font": {"size": 10, "color": "#666"},
            }
        )
    return shapes, labels


def _citation_markers(by_id: dict[str, dict], rows: pd.DataFrame, name: str, symbol: str,
                      colour: str, suffix: str = "") -> go.Scatter:
    """Hollow markers for citations drawn apart from the full-year line."""
    return go.Scatter(
        x=rows["year"].tolist(), y=rows["value_musd"].round(2).tolist(), mode="markers",
        name=name, marker={"symbol": symbol, "size": 11, "line": {"width": 2.5}, "color": colour},
        hovertext=[_hover(r, by_id, period_label(r["year"], r["months"]) + suffix)
                   for r in rows.to_dict("records")],
        hoverinfo="text", visible=True if len(rows) else "legendonly",
    )


def _flags(ds: Dataset) -> list[dict]:
    """Printed flags on approximate and disputed years, which hover text alone would hide
    from anyone reading an exported image."""
    flags = []
    for _, row in ds.series[ds.series["status"] != "missing"].iterrows():
        words = [w for w, on in (("approx.", row["precision"] == "approximate"),
                                 ("sources differ", bool(row["disputed"]))) if on]
        if words:
            flags.append({"x": int(row["year"]), "y": round(float(row["value_musd"]), 2),
                          "text": "; ".join(words), "showarrow": False, "yanchor": "bottom",
                          "yshift": 8, "font": {"size": 10, "color": "#444"}})
    return flags


def history_figure(ds: Dataset, s: Summary, ctx: Context) -> go.Figure:
    """Cited turnover by year: full years solid, the partial year hollow with its estimate."""
    fig = go.Figure()
    fig.add_trace(_actual_trace(ds))
    by_id = _citations_by_id(ds)
    partial = ds.series[ds.series["status"] == "partial"]
    fig.add_trace(_citation_markers(by_id, partial, "Partial year (January to month N)",
                                    "circle-open", COLOURS["partial"]))
    fig.add_trace(_estimate_trace(s))
    actual = actual_turnover(ds.citations)
    alternates = actual[~actual["citation_id"].isin(set(ds.series["citation_id"]))]
    fig.add_trace(_citation_markers(by_id, alternates, "Other citation (not used)", "x-thin-open",
                                    COLOURS["alternate"], " (alternate)"))
    annotations = []
    if s.year_to_date:
        y = s.year_to_date
        annotations += [
            # An arrow from the partial figure up to its annualised estimate.
            {
                "x": y["year"],
                "y": y["annualised_musd"],
                "ax": y["year"],
                "ay": y["value_musd"],
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
                "x": y["year"],
                "y": y["value_musd"],
                "text": esc(y["period"]),
                "showarrow": False,
                "xanchor": "right",  # left of the marker: the last year sits at the edge
                "xshift": -10,
                "font": {"size": 11, "color": COLOURS["partial"]},
            },
        ]
    shapes, labels = _missing_marks(ds)
    subtitle = f"Total turnover by calendar year, {UNIT}"
    if s.year_to_date:
        subtitle += (f"; {s.year_to_date['year']} estimate annualised "
                     f"{s.year_to_date['method'].replace('_', '-')}")
    layout = _layout_dict(
        HISTORY_TITLE,
        esc(subtitle),
        footer_lines(ds, ctx, HISTORY_NOTE),
        shapes,
        [*annotations, *_flags(ds), *labels],
    )
    years = ds.series["year"]
    _year_axis(layout, int(years.min()), int(years.max()))
    fig.update_layout(layout)
    return fig


def projection_end_year(s: Summary) -> int:
    """Draw to the target year, or on to the year the target is met (within the horizon)."""
    end = s.target_year
    if s.target_reached_year is not None:
        end = max(end, s.target_reached_year)
    return min(end, s.horizon_year)


def _path(s: Summary, rate_pct: float, end: int) -> tuple[list[int], list[float]]:
    points = model.project(s.base["value_musd"], s.base["year"], rate_pct / 100, end)
    return [y for y, _ in points], [round(v, 2) for _, v in points]


def scenario_traces(s: Summary) -> list[dict]:
    """The traces that depend on the scenario, in ``SCENARIO_TRACES`` order from 'band_low'."""
    end = projection_end_year(s)
    lx, ly = _path(s, s.band["low_pct"], end)
    hx, hy = _path(s, s.band["high_pct"], end)
    required = model.path_to_target(s.base["value_musd"], s.base["year"], s.target_musd,
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
            "name": f"Low ({s.band['low_pct']:+.1f}%/yr)",
        },
        {
            **line,
            "x": hx,
            "y": hy,
            "line": {"width": 0},
            "fill": "tonexty",
            "fillcolor": COLOURS["band"],
            "name": f"Band {s.band['low_pct']:+.1f}% to {s.band['high_pct']:+.1f}%/yr",
        },
        {
            **line,
            "x": req_x,
            "y": req_y,
            "line": {"color": COLOURS["required"], "dash": "dot", "width": 2},
            "name": f"Rate needed for {s.target_year}: {s.required_growth_pct:+.1f}%/yr",
        },
        {
            **line,
            "x": px,
            "y": py,
            "mode": "lines+markers",
            "line": {"color": COLOURS["projection"], "dash": "dash", "width": 2.5},
            "marker": {"symbol": "circle-open", "size": 6},
            "name": f"Scenario {s.scenario_growth_pct:+.1f}%/yr (projection)",
        },
    ]


def reached_text(s: Summary) -> str:
    if s.target_reached_year is None:
        return f"Target not met by {s.horizon_year} at {s.scenario_growth_pct:+.1f}%/yr"
    return f"Target met in {s.target_reached_year} at {s.scenario_growth_pct:+.1f}%/yr"


def scenario_layout(s: Summary, ds: Dataset, ctx: Context) -> dict:
    """Layout of the scenario chart: title, target line, markers, axis ranges."""
    first = int(ds.series["year"].min())
    end = projection_end_year(s)
    shapes, labels = _missing_marks(ds)
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
    reached = {
        "text": esc(reached_text(s)),
        "y": s.target_musd,
        "xanchor": "right",
        "font": {"size": 12, "color": COLOURS["projection"]},
    }
    if s.target_reached_year is not None:
        reached |= {
            "x": s.target_reached_year,
            "showarrow": True,
            "arrowhead": 2,
            "ax": -20,
            "ay": -40,
            "bgcolor": "rgba(255,255,255,0.8)",
        }
    else:
        reached |= {"x": end, "showarrow": False, "yanchor": "top"}
    annotations = [
        {
            "x": first,
            "y": s.target_musd,
            "text": f"Target {money(s.target_musd)} a year",
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
            "text": f"{s.target_year} (assumed)",
            "showarrow": False,
            "font": {"size": 10, "color": "#666"},
        },
        reached,
        *labels,
    ]
    layout = _layout_dict(
        SCENARIO_TITLE, scenario_subtitle(s), footer_lines(ds, ctx, SCENARIO_NOTE), shapes,
        annotations,
    )
    _year_axis(layout, first, end)
    # Scale to the target and the central path; the band may run off the top.
    central = scenario_traces(s)[-1]["y"]
    layout["yaxis"]["range"] = [0, max(s.target_musd, *central) * 1.15]
    return layout


def scenario_figure(ds: Dataset, s: Summary, ctx: Context) -> go.Figure:
    """History, projection at the scenario rate, band, required path and target line."""
    return go.Figure(
        data=[_actual_trace(ds), _estimate_trace(s), *scenario_traces(s)],
        layout=scenario_layout(s, ds, ctx),
    )


def scenario_parts(ds: Dataset, s: Summary, ctx: Context) -> dict[tuple, object]:
    """What a scenario change alters in the scenario chart, by path: the
    scenario-dependent traces (``SCENARIO_TRACES`` from 'band_low') and the layout."""
    first = SCENARIO_TRACES.index("band_low")
    parts: dict[tuple, object] = {
        ("data", first + offset): trace for offset, trace in enumerate(scenario_traces(s))
    }
    parts[("layout",)] = scenario_layout(s, ds, ctx)
    return parts


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


def export_figure(fig: go.Figure, size: ExportSize) -> go.Figure:
    """A copy of ``fig`` on a fixed canvas; the dashboard's copy keeps resizing with the page."""
    out = go.Figure(fig)
    out.update_layout(width=size.width, height=size.height, autosize=False)
    return out

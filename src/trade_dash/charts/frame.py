from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trade_dash.charts.style import (
    FONT,
    FOOTER_GAP_PX,
    FOOTER_LINE_PX,
    LINE_CHARS,
    NAME_CHARS,
    SUBTITLE_CHARS,
    Context,
    _link_lines,
    _wrap,
    esc,
    short,
)
from trade_dash.domain.dataset import Dataset
from trade_dash.wording import charts as words
from trade_dash.wording.core import Wording


def source_line(ds: Dataset, w: Wording, reporter: str) -> str:
    """Where the figures come from, in a line whose length does not grow with the data:
    how many citations from how many bodies, the bodies behind most of the headline
    series drawn (that of ``reporter``: any side, KZ or MN), and where the full list is."""
    c = ds.citations
    series = ds.view(reporter).series
    headline = series.loc[series["status"] != "missing", "reporter"].value_counts()
    main = [(short(w.body(str(name)), NAME_CHARS), int(n)) for name, n in headline.head(2).items()]
    return esc(words.source_line(w, len(c), c["reporter"].nunique(), main))


def footer_lines(ds: Dataset, ctx: Context, note: str, reporter: str) -> list[str]:
    """Source line, the chart's note, the date and the reopen link, as display lines.

    Bounded: nothing in it lists citations, so its height is the same for ten
    citations or ten thousand; ``_layout_dict`` sizes the bottom margin to it.
    """
    lines = _wrap(source_line(ds, ctx.words, reporter), LINE_CHARS)
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


def footer_parts(ds: Dataset, ctx: Context, note: str, reporter: str
                 ) -> dict[tuple[str | int, ...], object]:
    """What changes in a chart's layout when only its date or link change, by path."""
    lines = footer_lines(ds, ctx, note, reporter)
    return {
        ("layout", "annotations", 0, "text"): "<br>".join(lines),
        ("layout", "margin", "b"): _footer_margin(lines),
    }


# The year axis, one rule for exports and the page: labelled every ``step`` years, the
# first of ``steps`` that keeps at most ``labels`` labels (the last step whatever the
# span), with YEAR_PAD years either side. Exports fit about 16 labels; the page, which
# may be phone-width, 6, with a minor tick on every year. The browser script lays out
# the scenario chart's axis by the same numbers (``web/browser_scenario.py``).
YEAR_STEPS = (1, 2, 5, 10)
YEAR_LABELS = 16
PAGE_YEAR_STEPS = (*YEAR_STEPS, 20)
PAGE_YEAR_LABELS = 6
YEAR_PAD = 0.6

HEADROOM = 1.15  # the scenario chart's amount axis reaches this far above its highest line


def year_ticks(first: int, last: int, steps: tuple[int, ...] = YEAR_STEPS,
               labels: int = YEAR_LABELS, minor: bool = False) -> dict[str, Any]:
    """Tick placement for years ``first`` to ``last``; ``minor``: mark every year too."""
    span = last - first + 1
    step = next((s for s in steps if span <= labels * s), steps[-1])
    out: dict[str, Any] = {"dtick": step, "tick0": first - first % step}
    if minor and step > 1:
        out["minor"] = {"dtick": 1, "tick0": first, "ticks": "outside", "ticklen": 3}
    return out


def _year_axis(layout: dict[str, Any], first: int, last: int) -> None:
    """An exported chart's year axis from ``first`` to ``last``."""
    layout["xaxis"] |= {"range": [first - YEAR_PAD, last + YEAR_PAD], **year_ticks(first, last)}


def _anchor(x: float, first: float, last: float) -> str:
    """How a label at ``x`` on an axis from ``first`` to ``last`` is anchored so it stays
    inside a narrow chart: in the left third it runs right from ``x``, in the right third
    left, in between it is centred."""
    share = (x - first) / (last - first) if last > first else 0.5
    return "left" if share < 1 / 3 else "right" if share > 2 / 3 else "center"


def _layout_dict(w: Wording, title: str, subtitle: str, footer: list[str],
                 shapes: Sequence[dict[str, Any]] = (),
                 annotations: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
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

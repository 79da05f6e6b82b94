"""The charts' colours: readable on the white chart background, still apart for readers with
red-green colour blindness, and never the only thing that tells two series apart.

Contrast follows WCAG 2.1 (relative luminance of sRGB); colour blindness is simulated with
the matrices of Machado, Oliveira and Fernandes (2009) at full severity, applied in linear
RGB, and colours are compared by their CIELAB (1976, D65) distance.
"""

from __future__ import annotations

import itertools
import math

import pytest

from tests.support.colour import contrast, linear_rgb
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.style import COLOURS, Context
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse

WHITE = "#ffffff"
GRAPHIC_MIN = 3.0  # WCAG 1.4.11, lines and markers
TEXT_MIN = 4.5  # WCAG 1.4.3, normal-size text
# CIELAB distance below which two series colours count as confusable. A just-noticeable
# difference is about 2.3; 20 keeps colours apart at a glance, in a legend swatch.
MIN_DELTA_E = 20.0

SIMULATIONS = {
    "normal vision": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}


def simulate(rgb, matrix) -> tuple[float, float, float]:
    return tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
                 for row in matrix)


def cielab(rgb) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str, matrix) -> float:
    return math.dist(cielab(simulate(linear_rgb(a), matrix)),
                     cielab(simulate(linear_rgb(b), matrix)))


def test_the_helpers_agree_with_published_values():
    # WCAG's own examples: black on white is 21:1; #767676 is the lightest grey at 4.5:1.
    assert contrast("#000", WHITE) == pytest.approx(21.0)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    # Pure red and green, which protanopes and deuteranopes confuse, come closer under
    # both simulations than in normal vision.
    normal = delta_e("#ff0000", "#00ff00", SIMULATIONS["normal vision"])
    for kind in ("protanopia", "deuteranopia"):
        assert delta_e("#ff0000", "#00ff00", SIMULATIONS[kind]) < normal / 2


@pytest.fixture(scope="module")
def charts(bundled) -> dict:
    s = analyse(bundled, default_scenario(bundled))
    ctx = Context(produced="2024-11-01")
    return {c.name: c.build(bundled, s, ctx) for c in CHARTS}


def solid_colours() -> dict[str, str]:
    """The palette's opaque colours; the translucent ones shade areas behind the data."""
    return {k: v for k, v in COLOURS.items() if v.startswith("#")}


def test_charts_are_drawn_on_white(charts):
    for fig in charts.values():
        assert (fig.layout.paper_bgcolor, fig.layout.plot_bgcolor) == ("white", "white")


def test_every_line_and_marker_colour_stands_out_from_the_background():
    assert set(solid_colours()) >= {"actual", "partial", "projection", "required", "target"}
    low = {k: round(contrast(v, WHITE), 2) for k, v in solid_colours().items()
           if contrast(v, WHITE) < GRAPHIC_MIN}
    assert low == {}, f"below {GRAPHIC_MIN}:1 against white"


def test_coloured_text_on_the_charts_is_readable(charts):
    seen = set()
    for name, fig in charts.items():
        for note in fig.layout.annotations:
            colour = note.font.color if note.font else None
            if colour and colour.startswith("#"):
                seen.add(colour)
                assert contrast(colour, WHITE) >= TEXT_MIN, f"{name}: {note.text!r} in {colour}"
    # The partial-year label and the 'target met' note are drawn in series colours.
    assert {COLOURS["partial"], COLOURS["projection"]} <= seen


def series_colours(fig) -> set[str]:
    """Opaque line, marker and bar colours of a chart's traces, and its target line."""
    found = set()
    for trace in fig.data:
        for part in (getattr(trace, "line", None), getattr(trace, "marker", None)):
            colour = getattr(part, "color", None) if part is not None else None
            if isinstance(colour, str) and colour.startswith("#"):
                found.add(colour)
    found |= {s.line.color for s in fig.layout.shapes
              if s.line and isinstance(s.line.color, str) and s.line.color == COLOURS["target"]}
    return found


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_series_colours_on_one_chart_stay_apart(charts, vision):
    matrix = SIMULATIONS[vision]
    close = []
    for name, fig in charts.items():
        colours = sorted(series_colours(fig))
        assert len(colours) >= 3, name
        for a, b in itertools.combinations(colours, 2):
            d = delta_e(a, b, matrix)
            if d < MIN_DELTA_E:
                close.append(f"{name}: {a} / {b} ΔE {d:.1f}")
    assert close == [], "\n".join(close)


def shape(trace) -> tuple:
    """How a trace looks with its colour taken away: for bars, the fill of each bar."""
    if trace.type == "bar":
        pattern = trace.marker.pattern.shape if trace.marker.pattern else None
        return ("bar", tuple(pattern) if isinstance(pattern, list | tuple) else pattern)
    mode = trace.mode or ""
    line = trace.line
    drawn_line = "lines" in mode and not (line and line.width == 0)
    marker = getattr(trace, "marker", None)
    return (
        (line.dash or "solid") if drawn_line else None,
        ((marker.symbol if marker else None) or "circle") if "markers" in mode else None,
        trace.fill or None,
    )


def test_series_differ_in_shape_or_dash_not_only_in_colour(charts):
    for name, fig in charts.items():
        shown = [t for t in fig.data if t.showlegend is not False and (t.x is None or len(t.x))]
        shapes = [shape(t) for t in shown]
        assert len(set(shapes)) == len(shapes), (name, list(zip((t.name for t in shown), shapes,
                                                                strict=True)))


def test_projection_partial_year_and_estimate_have_their_own_shapes(charts):
    by_name = {t.name: shape(t) for fig in charts.values() for t in fig.data}
    projection = next(v for k, v in by_name.items() if k.startswith("Scenario"))
    estimate = next(v for k, v in by_name.items() if k.endswith("estimate (annualised)"))
    assert projection[0] == "dash"  # the projection is dashed, cited years solid
    assert by_name["Cited full year"][0] == "solid"
    assert by_name["Partial year (January to month N)"][1].endswith("-open")  # hollow
    assert estimate[1].endswith("-open") and estimate[1] != by_name["Cited full year"][1]

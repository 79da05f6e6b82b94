"""Pure pieces of the static export: sizes, names, links, the browser lookup."""

from __future__ import annotations

import datetime as dt
import re

import kaleido
import pytest

from tests.support.worded import worded
from trade_dash import cli
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import PROJECTION_NOTE
from trade_dash.charts.sizes import A4_LANDSCAPE, EXPORT_SIZES, SLIDE, export_figure
from trade_dash.charts.style import Context
from trade_dash.config import Config
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.exports.formats import BRIEFING_FORMATS, CHART_FORMATS
from trade_dash.exports.images import ExportUnavailable, Renderer, find_browser
from trade_dash.exports.packs import cli_context, filename

CTX = Context(produced="2026-11-22", link="http://x.test/?growth=25")


def words(fig) -> str:
    """Title and annotation text of a figure: what a reader sees besides the data."""
    title = fig.layout.title
    return "\n".join([title.text, title.subtitle.text, *(a.text for a in fig.layout.annotations)])


def test_slide_png_is_3200_by_1800_and_print_is_a4_landscape():
    assert SLIDE.pixels == (3200, 1800)
    assert SLIDE.width / SLIDE.height == pytest.approx(16 / 9)
    width_mm, height_mm = (px / 96 * 25.4 for px in A4_LANDSCAPE.pixels)
    assert width_mm == pytest.approx(297, abs=0.5) and height_mm == pytest.approx(210, abs=0.5)
    assert EXPORT_SIZES == {
        "png": SLIDE,
        "svg": A4_LANDSCAPE,
        "pdf": A4_LANDSCAPE,
    }


@pytest.mark.parametrize("chart", CHARTS, ids=CHARTS.names)
def test_export_figure_fixes_the_canvas_on_a_copy(bundled, chart):
    s = analyse(bundled, default_scenario(bundled))
    fig = chart.build(bundled, s, CTX)
    out = export_figure(fig, SLIDE)
    assert (out.layout.width, out.layout.height, out.layout.autosize) == (1024, 576, False)
    assert fig.layout.width is None  # the dashboard's figure keeps resizing with the page
    assert words(out) == words(fig)
    assert chart.title in words(out)
    assert "Sources:" in words(out) and "Produced 2026-11-22" in words(out)


def test_scenario_chart_carries_scenario_and_projection_note(bundled):
    s = analyse(bundled, default_scenario(bundled))
    # The subtitle wraps where the line is full, wherever that falls.
    layout = words(CHARTS["scenario"].build(bundled, s, CTX)).replace("<br>", " ")
    assert f"growth {s.scenario_growth_pct:+.1f}%/yr" in layout
    assert f"by {s.target_year}" in layout
    assert PROJECTION_NOTE in layout


def test_download_names():
    assert filename("scenario", "png", "2026-11-22") == "trade-dash-scenario-2026-11-22.png"
    assert (
        filename("briefing", "pptx", "2026-11-22") == "trade-dash-briefing-2026-11-22.pptx"
    )


def test_cli_context_links_back_to_the_scenario():
    ctx = cli_context(Config(host="::1", port=9000), "growth=25", dt.date(2026, 11, 22))
    assert ctx == Context("2026-11-22", "http://[::1]:9000/?growth=25")
    public = Config(public_url="https://trade.example/dash/")
    assert cli_context(public, "a=1").link == "https://trade.example/dash/?a=1"


def test_a_missing_browser_is_reported_with_what_to_install(tmp_path):
    with pytest.raises(ExportUnavailable) as info:
        find_browser(str(tmp_path / "no-such-browser"))
    message = worded(info.value)
    assert message.startswith("Static export needs Chromium")
    assert "apt-get install chromium" in message and "TRADE_DASH_BROWSER" in message


def test_a_non_executable_file_is_not_a_browser(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("not a program")
    with pytest.raises(ExportUnavailable):
        find_browser(str(fake))


def test_renderer_is_created_stopped_and_refuses_unknown_formats():
    renderer = Renderer("/nonexistent", timeout=5)
    assert not renderer.running and renderer.browser_pid is None
    with pytest.raises(ValueError, match="format must be one of"):
        renderer.render({"data": []}, "gif", SLIDE)
    with pytest.raises(ExportUnavailable):
        renderer.render({"data": []}, "png", SLIDE)
    renderer.close()  # nothing started: closing is a no-op


def test_cli_offers_what_the_exporter_makes():
    chart = next(a for a in cli.build_parser()._subparsers._group_actions[0].choices["export"]
                 ._actions if a.dest == "chart")
    assert tuple(chart.choices) == CHARTS.names == ("scenario", "history", "flows")
    assert cli.EXPORT_FORMATS == {
        "chart": CHART_FORMATS,
        "briefing": BRIEFING_FORMATS,
    }


def test_the_render_page_loads_nothing_from_the_network():
    # What Renderer asks kaleido for: plotly.js from the installed package, no MathJax.
    page = kaleido.PageGenerator(plotly=None, mathjax=False).generate_index()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts and all(src.startswith("file://") for src in scripts), scripts
    assert any(src.endswith("plotly.min.js") for src in scripts)

"""A file of 2,000 citations (1992–2025, long names and notes): the page draws its charts,
the chart footers stay inside the charts, and the sources table pages and filters."""

from __future__ import annotations

import pytest

from tests.support import bigfile
from tests.support.browser import assert_clean, open_dashboard
from trade_dash.charts.registry import CHARTS
from trade_dash.domain.dataset import Dataset
from trade_dash.web import ids

pytestmark = pytest.mark.browser

# A failure bound, not a performance figure (that is benchmarks/ui_bench.py): before the
# sources table paged its rows, the page had drawn no chart after several minutes.
DRAWN_WITHIN_MS = 45_000


@pytest.fixture(scope="module")
def big_server(serve_data, tmp_path_factory):
    """The dashboard on a generated file of 2,000 citations (``Server.data``)."""
    return serve_data(bigfile.write(tmp_path_factory.mktemp("data") / "big.csv"))


@pytest.fixture
def loaded(page, big_server):
    big_server.mark()
    open_dashboard(page, big_server, timeout_ms=DRAWN_WITHIN_MS)
    return page


def test_the_charts_draw_with_every_cited_full_year(loaded, console, big_server):
    page = loaded
    series = Dataset.load(big_server.data).series
    full_years = int((series["status"] == "full").sum())  # 1992–2024; 2025 is partial
    assert full_years == 33
    line = page.locator(f"#{CHARTS['history'].graph_id} .scatterlayer .trace").first
    assert line.locator(".points path").count() == full_years
    assert_clean(console, big_server, big_server.new_log())


def test_chart_footers_stay_inside_the_charts(loaded):
    """Each chart's footer under it counts the sources rather than listing them: a few
    lines inside the chart's frame, whatever the size of the file."""
    for chart in CHARTS:
        frame = loaded.locator(f"#{chart.graph_id}").locator("xpath=ancestor::figure")
        outer = frame.bounding_box()
        footer = loaded.locator(f"#{chart.footer_id}")
        box = footer.bounding_box()
        assert "Sources: 2,000 citations from 30 reporting bodies" in footer.inner_text()
        assert outer["x"] <= box["x"] and box["x"] + box["width"] <= outer["x"] + outer["width"]
        assert outer["y"] <= box["y"] and box["y"] + box["height"] <= outer["y"] + outer["height"]
        assert box["height"] < 200


def test_the_sources_table_pages_and_filters(loaded, console, expect):
    page = loaded
    rows = page.locator(f"#{ids.SOURCES_BODY} tr")
    status = page.locator(f"#{ids.SOURCES_STATUS}")
    expect(status).to_have_text("Rows 1–20 of 2,000")
    assert rows.count() == 20
    page.get_by_role("button", name="Next page").click()
    expect(status).to_have_text("Rows 21–40 of 2,000")
    # One citation by its id, found among all the rows, not only the page shown.
    wanted = bigfile.rows()[1234]["citation_id"]
    page.fill(f"#{ids.SOURCES_FILTER}", wanted)
    expect(status).to_have_text("Rows 1–1 of 1")
    expect(rows).to_have_count(1)
    assert wanted in rows.first.inner_text()
    page.fill(f"#{ids.SOURCES_FILTER}", "")
    expect(status).to_have_text("Rows 1–20 of 2,000")
    page.select_option(f"#{ids.SOURCES_PAGE_SIZE}", "100")
    expect(status).to_have_text("Rows 1–100 of 2,000")
    expect(rows).to_have_count(100)
    assert_clean(console)

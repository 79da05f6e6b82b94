"""Citation text is shown as text: markup in a data file is never run in the browser."""

from __future__ import annotations

import pytest

from tests.support.browser import download_csv, open_dashboard, sources_pages
from tests.support.data import (
    FORMULA_COLUMNS,
    bundled_rows,
    formula_cells_checked,
    formula_rows,
    write_rows,
)
from trade_dash.charts.registry import CHARTS
from trade_dash.domain.datafile import load_citations
from trade_dash.web import ids

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
NOTE = f"Check {SCRIPT} then {IMAGE} end"

@pytest.fixture(scope="module")
def hostile_csv(tmp_path_factory):
    """The bundled citations with markup in every note and outlet."""
    rows = [{**row, "note": NOTE, "outlet": IMAGE} for row in bundled_rows()]
    return write_rows(tmp_path_factory.mktemp("data") / "hostile.csv", rows)


@pytest.fixture(scope="module")
def hostile_server(serve_data, hostile_csv):
    return serve_data(hostile_csv)


@pytest.fixture
def loaded(page, hostile_server):
    hostile_server.mark()
    open_dashboard(page, hostile_server)
    return page


def hover_first_point(page) -> str:
    """Hover the first cited year on the history chart and return the tooltip's text."""
    point = page.locator(f"#{CHARTS['history'].graph_id} .scatterlayer .trace .points path").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    # Plotly's drag layer sits above the points, so hover by position rather than by element.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    label = page.locator(f"#{CHARTS['history'].graph_id} .hoverlayer .hovertext")
    label.wait_for()
    return label.text_content() or ""


def not_run(page) -> None:
    # An <img src=x> that got into the page would have fired onerror by now.
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src=x]").count() == 0


def test_markup_in_notes_and_outlets_is_shown_as_text(loaded, console, hostile_server,
                                                       hostile_csv):
    page = loaded
    table = page.locator(f"#{ids.SOURCES_TABLE}")
    text = "\n".join(sources_pages(page))
    citations = len(load_citations(hostile_csv))
    assert text.count(NOTE) == citations  # every citation, word for word, on every page
    cells = [cell for line in text.splitlines() for cell in line.split("\t")]
    assert cells.count(IMAGE) == citations  # the outlet cells
    assert table.locator("script, img").count() == 0
    not_run(page)

    tooltip = hover_first_point(page)
    assert "2017" in tooltip
    assert "Outlet: <img src=x onerror=" in tooltip  # the markup is read, not rendered
    assert page.locator(f"#{CHARTS['history'].graph_id} .hoverlayer image").count() == 0
    not_run(page)

    assert console.errors() == [], "\n".join(console.errors())
    assert hostile_server.server_errors(hostile_server.new_log()) == []


def test_quotes_in_citation_text_read_as_typed_in_the_tooltip(loaded):
    assert IMAGE in hover_first_point(loaded)


def test_sorting_the_sources_table_keeps_the_text_inert(loaded, console, hostile_csv, expect):
    page = loaded
    header = page.locator(f"#{ids.SOURCES_TABLE}").get_by_role("button", name="Note", exact=True)
    header.click()
    expect(page.locator(f"#{ids.sources_header('note')}")).to_have_attribute(
        "aria-sort", "ascending")
    header.click()
    expect(page.locator(f"#{ids.sources_header('note')}")).to_have_attribute(
        "aria-sort", "descending")
    shown = "\n".join(sources_pages(page)).count(NOTE)
    assert shown == len(load_citations(hostile_csv))
    not_run(page)
    assert console.errors() == [], "\n".join(console.errors())


def test_formulas_in_citation_text_download_as_text(serve_data, tmp_path_factory, page,
                                                      console):
    server = serve_data(write_rows(tmp_path_factory.mktemp("data") / "f.csv", formula_rows()))
    open_dashboard(page, server)
    # Every cited year in the series (the Kazakh side cites each of 2017–2025, nine), every
    # citation (27) in the citations file.
    for button, cited in ((ids.DOWNLOAD_SERIES_BTN, 9), (ids.DOWNLOAD_CITATIONS_BTN, 27)):
        name, table = download_csv(page, button)
        assert name.endswith(".csv")
        assert formula_cells_checked(table) == len(FORMULA_COLUMNS) * cited
    assert console.errors() == [], "\n".join(console.errors())

"""Exports as a user gets them from the dashboard: chart files and the briefing pack."""

from __future__ import annotations

import io
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from tests.support.browser import assert_clean, open_dashboard
from tests.support.data import BUNDLED_BASE, year_target_met
from tests.support.officefiles import png_size, squash, word
from trade_dash.charts.registry import CHARTS
from trade_dash.web import ids

pytestmark = [pytest.mark.browser, pytest.mark.export]
EXPORT_TIMEOUT_MS = 90_000  # the first export starts the server's renderer


def download(page, click) -> tuple[str, bytes]:
    with page.expect_download(timeout=EXPORT_TIMEOUT_MS) as info:
        click()
    d = info.value
    assert d.failure() is None
    return d.suggested_filename, Path(d.path()).read_bytes()


def choose_format(page, chart: str, fmt: str) -> None:
    """Pick a format and wait until the chart's download link points at it."""
    page.select_option(f"#{CHARTS[chart].format_id}", fmt)
    page.wait_for_function(
        "([id, fmt]) => (document.getElementById(id).getAttribute('href') || '')"
        ".split('?')[0].endsWith('.' + fmt)",
        arg=[CHARTS[chart].link_id, fmt],
    )


def words(text: str) -> str:
    """PDF text with ligatures undone (Chromium writes "ﬁ") and spacing folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_chart_downloads_in_each_format_carry_the_scenario(page, console, server):
    open_dashboard(page, server, "growth=30&target_year=2032")
    choose_format(page, "scenario", "svg")
    name, svg = download(page, lambda: page.click(f"#{CHARTS['scenario'].link_id}"))
    assert name.endswith(".svg")
    text = " ".join(ET.fromstring(svg).itertext())
    assert "path to the target" in text
    assert "+30.0%/yr" in text and "by 2032" in text
    assert "Statistics Committee of Kazakhstan" in text

    choose_format(page, "history", "png")
    name, png = download(page, lambda: page.click(f"#{CHARTS['history'].link_id}"))
    assert name.endswith(".png")
    width, height = png_size(png)
    assert width >= 1600 and abs(width / height - 16 / 9) < 0.01

    choose_format(page, "history", "pdf")
    name, pdf = download(page, lambda: page.click(f"#{CHARTS['history'].link_id}"))
    assert name.endswith(".pdf")
    assert "cited figures" in words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert_clean(console)


def test_briefing_pack_downloads_match_the_headline(page, console, server):
    open_dashboard(page, server, "growth=30&target_year=2032")
    # Worked out by hand from the 2024 estimate: the rate that meets $500M in 2032, and the
    # year 30 % a year meets it.
    base_year, base = BUNDLED_BASE
    required = ((500 / base) ** (1 / (2032 - base_year)) - 1) * 100
    needed = f"Growth needed {required:.2f}% a year from {base_year} to 2032"
    scenario = f"Scenario growth +30.0% a year: Target reached in {year_target_met(30.0)}"
    card = page.locator(f"#{ids.CARD_REQUIRED} .fs-4").inner_text()
    assert card == f"{required:+.1f}% a year"  # what the pack must agree with

    name, pdf = download(page, lambda: page.click(f"#{ids.BRIEFING_PDF}"))
    assert name.endswith(".pdf")
    first_page = words(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert needed in first_page and scenario in first_page  # each number on its own line

    name, deck = download(page, lambda: page.click(f"#{ids.BRIEFING_PPTX}"))
    assert name.endswith(".pptx")
    rows = [" ".join(c.text for c in row.cells)
            for slide in Presentation(io.BytesIO(deck)).slides
            for shape in slide.shapes if shape.has_table for row in shape.table.rows]
    assert needed in rows and scenario in rows

    # The Word briefing opens with the key message the page shows for the same scenario.
    shown = page.locator(f"#{ids.KEY_MESSAGE}").inner_text()
    name, data = download(page, lambda: page.click(f"#{ids.BRIEFING_DOCX}"))
    assert name.endswith(".docx")
    doc = word(data)
    opening = [p.text for p in doc.paragraphs]
    start = opening.index("Key message") + 1
    assert squash(" ".join(opening[start : start + 3])) == squash(shown)
    assert f"reached in {year_target_met(30.0)}" in shown
    assert_clean(console)


def test_key_message_is_shown_and_copied(page, context, console, server, expect):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    open_dashboard(page, server, "growth=30&target_year=2032")
    message = page.locator(f"#{ids.KEY_MESSAGE}")
    # (150 × 1.036) × 1.3^5 = 577.0 is the first year on or above 500 (× 1.3^4 = 443.8):
    # 2025 + 5.
    expect(message).to_contain_text("+30.0% a year, the target is reached in 2030.")
    expect(message).to_contain_text("trade turnover was US$ 150 million in 2024")
    page.click(f"#{ids.KEY_MESSAGE_COPY}")
    page.wait_for_function(
        "t => navigator.clipboard.readText().then(c => c === t)", arg=message.inner_text()
    )
    assert_clean(console)


def test_the_modebar_has_no_camera_the_download_menu_gives_the_picture(page, console, server):
    """On the page the title, subtitle and sources are HTML around the plot, so a picture of
    the plot alone would not stand on its own: the camera is gone, and the chart's Download
    menu offers the whole chart (exported on the server, tested above)."""
    open_dashboard(page, server)
    chart = CHARTS["scenario"]
    graph = page.locator(f"#{chart.graph_id}")
    graph.hover()
    buttons = graph.locator(".modebar-btn")
    buttons.first.wait_for()
    titles = [buttons.nth(i).get_attribute("data-title") for i in range(buttons.count())]
    assert "Zoom in" in titles
    assert not any(t and t.startswith("Download plot") for t in titles)
    href = page.locator(f"#{chart.link_id}").get_attribute("href") or ""
    assert href.startswith("/export/chart/scenario.png?")
    assert_clean(console)

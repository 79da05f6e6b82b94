"""Exports as a user gets them from the dashboard: chart files and the briefing pack."""

from __future__ import annotations

import io
import struct
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.browser.test_browser_dashboard import assert_clean, open_dashboard
from trade_dash import ids
from trade_dash.charts import CHARTS

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


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


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
    required = page.locator(f"#{ids.CARD_REQUIRED} .fs-4").inner_text()  # e.g. "+18.8 % a year"
    name, pdf = download(page, lambda: page.click(f"#{ids.BRIEFING_PDF}"))
    assert name.endswith(".pdf")
    text = words(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert required.split(" %")[0].lstrip("+") in text
    assert "2030" in text and "30.0" in text  # 30 %/yr meets the target in 2030

    name, deck = download(page, lambda: page.click(f"#{ids.BRIEFING_PPTX}"))
    assert name.endswith(".pptx")
    assert "ppt/presentation.xml" in zipfile.ZipFile(io.BytesIO(deck)).namelist()
    assert_clean(console)


def test_in_browser_png_download_works_without_the_server(page, console, server):
    """The chart's own camera button draws the PNG in the browser (no server export)."""
    open_dashboard(page, server)
    graph = page.locator(f"#{CHARTS['scenario'].graph_id}")
    graph.hover()
    name, png = download(
        page, lambda: graph.locator(".modebar-btn[data-title^='Download plot']").click()
    )
    assert name.endswith(".png")
    assert png_size(png) == (1600, 900)
    assert_clean(console)

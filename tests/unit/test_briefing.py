"""The briefing pack builders, fed small stand-in chart images (no browser needed)."""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import replace

import pypdf
import pytest
from pptx import Presentation

from tests.conftest import GOOD_ROWS
from trade_dash import briefing, figures
from trade_dash.charts import CHARTS
from trade_dash.scenario import Dataset, analyse, default_scenario

CTX = figures.Context(produced="2026-11-22", link="http://x.test/?growth=25&target_year=2030")


def tiny_png(width: int = 32, height: int = 18) -> bytes:
    """A white RGB PNG, written by hand."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


IMAGES = [briefing.ChartImage(c.title, c.slide_note, tiny_png()) for c in CHARTS.in_briefing()]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def summary(bundled):
    return analyse(bundled, replace(default_scenario(bundled), growth_pct=25.0))


def test_headline_items_use_the_summary_numbers(summary):
    items = dict(briefing.headline_items(summary))
    assert "76.7" in items["Latest full year"]
    assert "83.9" in items["Year to date"] and "125.85" in items["Year to date"]
    assert "500.0" in items["Target"] and "assumption" in items["Target"]
    assert f"{summary.gap_musd:,.2f}" in items["Gap to target"]
    assert f"{summary.required_growth_pct:.2f}" in items["Growth needed"]
    assert "+25.0 %" in items["Scenario growth"] and "2031" in items["Scenario growth"]


def test_method_notes_name_the_annualisation_and_the_assumed_year(summary):
    notes = " ".join(briefing.method_notes(summary))
    assert "pro-rata" in notes and "125.85" in notes
    assert "target year 2030 is assumed" in notes
    assert figures.PROJECTION_NOTE in notes


def test_pdf_pages_text_and_embedded_fonts(bundled, summary):
    reader = pypdf.PdfReader(io.BytesIO(briefing.pdf_document(bundled, summary, CTX, IMAGES)))
    assert len(reader.pages) == 3
    first, charts_page, sources = (squash(p.extract_text()) for p in reader.pages)
    for number in ("76.7", "83.9", "125.85", "500.0", f"{summary.required_growth_pct:.2f}"):
        assert number in first
    assert squash(CTX.link) in first
    assert "Charts" in charts_page
    assert squash(briefing.plain_source_line(bundled)) in charts_page
    assert "Sources:everycitation" in sources and "Method" in sources
    for cid in bundled.citations["citation_id"]:
        assert cid in sources
    assert reader.metadata.title == briefing.title(summary)
    fonts = pdf_fonts(reader)
    assert fonts and all(embedded for _, embedded in fonts), fonts


def pdf_fonts(reader: pypdf.PdfReader) -> list[tuple[str, bool]]:
    """(font name, whether its program is embedded) for every font the pages use."""
    out = []
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"][0].get_object()
            desc = described.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
    return out


def test_pptx_slides_titles_and_source_lines(bundled, summary):
    deck = Presentation(io.BytesIO(briefing.pptx_document(bundled, summary, CTX, IMAGES)))
    slides = list(deck.slides)
    assert deck.slide_width * 9 == deck.slide_height * 16
    titles = [s.shapes.title.text for s in slides]
    assert titles == [
        briefing.title(summary),
        figures.SCENARIO_TITLE,
        figures.HISTORY_TITLE,
        "Sources: every citation",
    ]

    def text(slide) -> str:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [c.text for row in shape.table.rows for c in row.cells]
        return "\n".join(parts)

    first = text(slides[0])
    for number in ("76.7", "125.85", "500.0", f"{summary.required_growth_pct:.2f}", "+25.0"):
        assert number in first
    source = briefing.plain_source_line(bundled)
    for slide in slides[1:3]:
        assert sum(s.shape_type == 13 for s in slide.shapes) == 1  # one picture
        assert source in text(slide)
    assert all(cid in text(slides[3]) for cid in bundled.citations["citation_id"])
    assert deck.core_properties.author == "trade-dash"


def test_citation_text_is_inert_in_the_pdf(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["note"] = "<b>bold?</b> & =1+1"
    ds = Dataset.load(write_csv(rows))
    s = analyse(ds, default_scenario(ds))
    reader = pypdf.PdfReader(io.BytesIO(briefing.pdf_document(ds, s, CTX, IMAGES)))
    assert "<b>bold?</b>&=1+1" in squash(reader.pages[-1].extract_text())


def test_cyrillic_names_print_when_dejavu_is_installed(write_csv):
    if "DejaVu" not in briefing.pdf_font_files()[0].name:
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core); Vera is Latin only")
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["reporter"] = "Бюро национальной статистики"
    rows[1]["note"] = "Үндэсний статистикийн хороо"
    ds = Dataset.load(write_csv(rows))
    s = analyse(ds, default_scenario(ds))
    reader = pypdf.PdfReader(io.BytesIO(briefing.pdf_document(ds, s, CTX, IMAGES)))
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "Бюронациональнойстатистики" in text
    assert "Үндэсний" in text
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in f for f in fonts)

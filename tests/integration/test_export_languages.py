"""Chart exports in Kazakh and Mongolian, drawn for real by kaleido and Chromium through
the export routes: the words a reader of the file meets are in the language asked for,
and every letter is drawn in a font that has it.

The SVG's text is read per text element; the PDF's with pypdf, from the fonts Chromium
embedded. Citation text (reporters, outlets, citation ids) is shown as cited, and the
scenario chart's growth-dependent texts are worded with the page's growth script, so both
are set aside before looking for English (``tests/support/chart_text.py``).
"""

from __future__ import annotations

import io
import unicodedata
import xml.etree.ElementTree as ET
from urllib.parse import parse_qsl

import pypdf
import pytest
from PIL import Image
from reportlab.pdfbase.ttfonts import TTFontFile

from tests.support.chart_text import english_left, figure_texts, growth_texts, plain
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.sizes import SLIDE
from trade_dash.charts.style import Context
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.summary import analyse
from trade_dash.exports.briefing import pdf_font_files
from trade_dash.wording.core import Wording

pytestmark = pytest.mark.export

SVG = "{http://www.w3.org/2000/svg}"
# The letters of Kazakh's alphabet that Russian does not have, which the Kazakh chart
# texts use (Һ is rare and not among them): "Қазақстан", "Моңғолия", "әртүрлі", "ұйым",
# "көлеңке", "Іші".
KAZAKH_LETTERS = set("әғқңөұүі")
MONGOLIAN_LETTERS = set("өү")


def fetch(client, chart: str, fmt: str, query: str) -> bytes:
    resp = client.get(f"/export/chart/{chart}.{fmt}?{query}")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.data


def svg_texts(data: bytes) -> str:
    """The SVG's text elements, one a line; an element's lines (tspans) joined by spaces,
    as the figure's lines were joined by <br>."""
    root = ET.fromstring(data)
    texts = [" ".join(t.strip() for t in e.itertext() if t.strip())
             for e in root.iter(f"{SVG}text")]
    return "\n".join(t for t in texts if t)


def figure_for(ds, chart: str, query: str):
    """The figure the route draws for ``query``, to find the texts worded elsewhere."""
    scenario, _ = scenario_from_query(ds, query)
    lang = dict(parse_qsl(query))["lang"]
    ctx = Context(produced="2026-01-02", words=Wording.for_lang(lang))
    return CHARTS[chart].build(ds, analyse(ds, scenario), ctx)


def elsewhere(ds, chart: str, query: str) -> tuple[str, ...]:
    return growth_texts(figure_for(ds, chart, query)) if chart == "scenario" else ()


@pytest.mark.parametrize("chart", CHARTS.names)
def test_kazakh_svg_has_kazakh_letters_and_no_english_but_citation_text(
        export_client, bundled, chart):
    query = "lang=kk&target_year=2030"
    text = svg_texts(fetch(export_client, chart, "svg", query))
    assert set(text.lower()) >= KAZAKH_LETTERS, KAZAKH_LETTERS - set(text.lower())
    assert english_left(text, bundled, elsewhere(bundled, chart, query)) == []
    # Money, the unit and the periods as Kazakh writes them.
    assert "млн АҚШ доллары" in text
    assert "Дереккөздер: 14 ұйымнан 27 дереккөзге сілтеме" in text


def test_the_english_svg_fails_the_same_check(export_client, bundled):
    """The check can fail: the same export in English is full of English words."""
    text = svg_texts(fetch(export_client, "history", "svg", "lang=en"))
    assert {"Sources", "Produced", "Cited"} <= set(english_left(text, bundled))


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    # Chromium writes ligatures ("ﬁ") for English; NFKC undoes them.
    return unicodedata.normalize("NFKC", reader.pages[0].extract_text())


def pdf_fonts(data: bytes) -> set[str]:
    """The base names of the fonts embedded in the PDF's page, without subset tags."""
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[k].get_object()["/BaseFont"]).lstrip("/").split("+")[-1] for k in fonts}


@pytest.mark.parametrize("chart", ["history", "flows"])
def test_kazakh_chart_pdf_has_kazakh_letters_and_no_english_but_citation_text(
        export_client, bundled, chart):
    text = pdf_text(fetch(export_client, chart, "pdf", "lang=kk"))
    assert set(text.lower()) >= KAZAKH_LETTERS, KAZAKH_LETTERS - set(text.lower())
    assert english_left(text, bundled) == []
    assert "Қазақстан" in text and "Моңғолия" in text


def font_covers(text: str) -> set[str]:
    """The characters of ``text`` that the DejaVu Sans the exports ask for first (found as
    the briefing finds it) has no glyph for; spaces and line breaks aside."""
    cmap = TTFontFile(str(pdf_font_files()[0])).charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}


def test_the_glyph_check_finds_a_letter_the_font_lacks():
    # Traditional Mongolian script, which DejaVu Sans does not carry: the check can fail.
    assert font_covers("Монгол ᠮᠣᠩᠭᠣᠯ") == set("ᠮᠣᠩᠭᠯ")


@pytest.mark.parametrize("chart", CHARTS.names)
def test_mongolian_png_is_drawn_in_a_font_with_every_letter(export_client, bundled, chart,
                                                            tmp_path):
    """The PNG is drawn (kept in the test's folder to look at). Its letters are the
    figure's texts; every one of them has a glyph in DejaVu Sans, and the PDF the same
    browser draws from the same figure embeds DejaVu Sans alone, so no letter fell back
    to another font or to a box."""
    query = "lang=mn&target_year=2030"
    png = fetch(export_client, chart, "png", query)
    image = Image.open(io.BytesIO(png))
    assert image.size == SLIDE.pixels
    (tmp_path / f"{chart}-mn.png").write_bytes(png)
    texts = plain(figure_texts(figure_for(bundled, chart, query), hover=False))
    assert set(texts.lower()) >= MONGOLIAN_LETTERS
    assert font_covers(texts) == set()
    assert pdf_fonts(fetch(export_client, chart, "pdf", query)) <= {"DejaVuSans",
                                                                      "DejaVuSans-Bold"}

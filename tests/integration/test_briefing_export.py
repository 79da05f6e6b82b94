"""The briefing pack as a reader gets it: PDF, PowerPoint and Word from the routes and the CLI.

Each format is fetched once through its route (rendering is the slow part) and read
back as a file: the PDF with pypdf, the deck with python-pptx, the Word document with
python-docx. Expected values come from `trade-dash summary --json` and from the
request, never from the builders. Rendering needs Chromium (see conftest.py).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import replace
from urllib.parse import urlencode

import pypdf
import pytest
from docx.oxml.ns import qn
from pptx import Presentation

from tests.support.app import client_of
from tests.support.officefiles import docx_text, pdf_pages, png_size, slide_text, squash, word
from tests.support.procs import group_gone
from trade_dash.charts.flows import FLOWS_TITLE
from trade_dash.charts.history import HISTORY_TITLE
from trade_dash.charts.scenario import SCENARIO_TITLE
from trade_dash.cli import main
from trade_dash.config import Config
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.summary import analyse
from trade_dash.exports.formats import MIME_TYPES
from trade_dash.exports.packs import BRIEFINGS, cli_context
from trade_dash.wording.core import Wording

# The scenario asked for, in full, so the reopen link must carry exactly this query.
SCENARIO = {"growth": "25", "target_year": "2030", "target": "500", "base": "ytd",
            "method": "pro_rata", "band": "5"}
QUERY = urlencode(SCENARIO)
LINK = f"http://localhost/?{QUERY}"  # the test client's host
PICTURE = 13  # python-pptx's MSO_SHAPE_TYPE.PICTURE


@pytest.fixture(scope="module")
def packs(app, renderer) -> dict:
    """Each briefing format fetched once; the Word one on US Letter paper."""
    client = client_of(app, renderer)  # drawn with the session's browser
    out = {}
    for fmt, extra in (("pdf", ""), ("pptx", ""), ("docx", "&paper=letter")):
        resp = client.get(f"/export/briefing.{fmt}?{QUERY}{extra}")
        assert resp.status_code == 200, resp.get_data(as_text=True)
        out[fmt] = resp
    return out


@pytest.fixture(scope="module")
def expected() -> dict:
    """`trade-dash summary --json` for the same scenario, as a script would read it."""
    args = ["summary", "--growth", "25", "--target-year", "2030", "--target", "500",
            "--base", "ytd", "--method", "pro_rata", "--band", "5", "--json"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(args) == 0
    return json.loads(out.getvalue())


def produced(resp) -> str:
    """The date in the download's name: the date the pack says it was produced."""
    name = resp.headers["Content-Disposition"]
    return re.search(r'filename="trade-dash-briefing-(\d{4}-\d\d-\d\d)\.\w+"', name).group(1)


# --- reading each format ----------------------------------------------------------------


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start) + len(start) : text.index(end)]


def pdf_key_message(data: bytes) -> str:
    return squash(between(pdf_pages(data)[0], "Key message", "Headline figures"))


def deck(data: bytes):
    return Presentation(io.BytesIO(data))


def pptx_key_message(data: bytes) -> str:
    """The first slide's largest text box, which holds the key message."""
    first = deck(data).slides[0]
    boxes = [s for s in first.shapes if s.has_text_frame and s != first.shapes.title]
    return squash(max(boxes, key=lambda s: s.height).text_frame.text)


def docx_key_message(data: bytes) -> str:
    paragraphs = word(data).paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "Key message") + 1
    end = next(i for i, p in enumerate(paragraphs) if p.text == "Headline figures")
    return squash("".join(p.text for p in paragraphs[start:end]))


def all_text(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return "\n".join(pdf_pages(data))
    if fmt == "pptx":
        return "\n".join(slide_text(s) for s in deck(data).slides)
    return docx_text(word(data))


# --- each format ---------------------------------------------------------------------------


@pytest.mark.export
def test_pdf_page_1_has_the_key_message_numbers_and_the_chart_as_vectors(packs, expected):
    resp = packs["pdf"]
    assert resp.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(resp.data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    first = squash(reader.pages[0].extract_text())
    assert f"reachedin{expected['target_reached_year']}" in pdf_key_message(resp.data)
    for number in (
        f"{expected['latest_full_year']['value_musd']:g}",  # money: at most one decimal
        f"{expected['year_to_date']['annualised_musd']:.2f}",
        f"{expected['required_growth_pct']:.2f}",
    ):
        assert number in first, number
    # The scenario chart is on page 1, drawn as vectors: its lettering is text, and no
    # page carries a bitmap.
    assert squash(SCENARIO_TITLE) in first
    assert squash(f"Target met in {expected['target_reached_year']}") in first
    assert not any(page.images for page in reader.pages)
    # The other charts follow, also as vectors: the trade by direction after the history.
    later = squash(" ".join(p.extract_text() for p in reader.pages[1:]))
    assert squash(HISTORY_TITLE) in later and squash(FLOWS_TITLE) in later
    assert later.index(squash(HISTORY_TITLE)) < later.index(squash(FLOWS_TITLE))


@pytest.mark.export
def test_pdf_sources_once_in_the_appendix_with_every_date_whole(packs, bundled):
    pages = pdf_pages(packs["pdf"].data)
    appendix = next(i for i, p in enumerate(pages) if "Appendix" in p)
    assert appendix >= 1
    for cid in bundled.citations["citation_id"]:
        assert sum(squash(p).count(f"{cid}(line") for p in pages) == 1, cid
        assert all(cid not in p for p in pages[:appendix]), cid
    back = "\n".join(pages[appendix:])
    assert "\n".join(pages).count("Sources: every citation") == 1
    for date in {d for d in bundled.citations["published"] if d}:
        assert date in back, date  # never broken across lines


@pytest.mark.export
def test_pptx_key_message_first_and_alt_text_on_every_picture(packs, expected):
    slides = list(deck(packs["pptx"].data).slides)
    assert f"reachedin{expected['target_reached_year']}" in pptx_key_message(packs["pptx"].data)
    pictures = [sh for s in slides for sh in s.shapes if sh.shape_type == PICTURE]
    assert len(pictures) == 3  # scenario, history, trade by direction
    for picture in pictures:
        assert png_size(picture.image.blob) == (3200, 1800)
        descr = picture._element.nvPicPr.cNvPr.get("descr")
        assert descr and descr != "image.png"
    scenario = pictures[0]._element.nvPicPr.cNvPr.get("descr")
    assert f"{expected['scenario_growth_pct']:+.1f}% a year" in scenario
    flows = pictures[2]._element.nvPicPr.cNvPr.get("descr")
    assert flows.startswith(FLOWS_TITLE) and "a balance of US$ 115.6 million" in flows


@pytest.mark.export
def test_word_document_is_editable_on_letter_paper(packs, expected, bundled):
    resp = packs["docx"]
    assert resp.mimetype == MIME_TYPES["docx"]
    assert resp.headers["Content-Disposition"].endswith('.docx"')
    doc = word(resp.data)
    section = doc.sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == "Title" and styles.count("Heading 1") >= 3 and "Heading 2" in styles
    assert all(t.style is not None and t.style.name != "Normal Table" for t in doc.tables)
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert f"{expected['year_to_date']['annualised_musd']:.2f}" in cells
    assert all(cid in cells for cid in bundled.citations["citation_id"])
    pictures = doc.inline_shapes
    assert len(pictures) == 3  # scenario, history, trade by direction
    for picture in pictures:
        assert picture._inline.docPr.get("descr")
        blob = doc.part.related_parts[
            picture._inline.graphic.graphicData.pic.blipFill.blip.embed
        ].blob
        assert png_size(blob)[0] >= 2000  # about 300 dpi across the text width
    published = [row.cells[4] for row in doc.tables[-1].rows[1:]]
    assert all(c._tc.tcPr.find(qn("w:noWrap")) is not None for c in published)


# --- the same briefing in every format ----------------------------------------------------


@pytest.mark.export
def test_every_format_carries_the_same_message_numbers_scenario_date_and_link(packs, expected):
    messages = {
        "pdf": pdf_key_message(packs["pdf"].data),
        "pptx": pptx_key_message(packs["pptx"].data),
        "docx": docx_key_message(packs["docx"].data),
    }
    assert len(set(messages.values())) == 1, messages
    ytd = expected["year_to_date"]
    for fmt, resp in packs.items():
        message = messages[fmt]
        for part in (
            f"US${expected['latest_full_year']['value_musd']:g}million"
            f"in{expected['latest_full_year']['year']}",
            f"{ytd['period']}reachedUS${ytd['value_musd']:g}million",
            f"US${ytd['annualised_musd']:.2f}million",
            f"growthof{expected['required_growth_pct']:.2f}%ayear",
            f"by{expected['target_year']}",
            f"{expected['scenario_growth_pct']:+.1f}%ayear",
            f"reachedin{expected['target_reached_year']}",
        ):
            assert squash(part) in message, (fmt, part)
        text = squash(all_text(fmt, resp.data))
        assert squash(f"produced {produced(resp)}") in text.lower(), fmt
        assert produced(resp) == produced(packs["pdf"])
        assert squash(f"growth {expected['scenario_growth_pct']:+.1f}% a year") in text, fmt
        assert squash(f"by {expected['target_year']} (assumed year)") in text, fmt
        assert squash(f"base {expected['base']['year']} estimate") in text, fmt
        assert squash(LINK) in text, fmt
        assert f"{expected['gap_musd']:,.2f}" in text, fmt


# --- the command line and bad requests ---------------------------------------------------


@pytest.mark.export
def test_cli_writes_a_word_briefing_and_leaves_no_browser(capsys, tmp_path, browsers_started):
    out = tmp_path / "briefing.docx"
    code = main(["export", "--briefing", "--format", "docx", "--paper", "letter",
                 "--out", str(out), "--growth", "30"])
    stdout, err = capsys.readouterr()
    assert code == 0, err
    doc = word(out.read_bytes())
    assert doc.sections[0].page_width.inches == 8.5
    assert "At the scenario's +30.0% a year" in docx_text(doc)
    assert len(browsers_started) == 1 and group_gone(browsers_started[0])


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("paper=legal", "'paper=legal' is not one of a4, letter"),
        ("paper=", "'paper=' is not one of"),
        ("paper=a4&paper=letter", "'paper' was given 2 times"),
        ("paper=" + "x" * 500, "'paper=xxxxxxxxxxxxxxxxxxxx…' is not one of"),
        ("paper=%3Cscript%3E&growth=abc", "'growth=abc' is not a number"),
    ],
)
def test_bad_paper_is_400_in_plain_text(no_browser_app, query, message):
    resp = client_of(no_browser_app).get(f"/export/briefing.docx?{query}")
    assert resp.status_code == 400
    assert resp.mimetype == "text/plain"
    body = resp.get_data(as_text=True)
    assert message in body and "Traceback" not in body


# --- the same briefing in a second language ------------------------------------------------

KAZAKH_HEADINGS = ("Негізгі тұжырым", "Негізгі көрсеткіштер")  # key message, headline figures


def comma(x: float, digits: int) -> str:
    """A number as Kazakh writes it: a decimal comma (worked out apart from Babel)."""
    return f"{x:.{digits}f}".replace(".", ",")


@pytest.fixture(scope="module")
def kazakh_packs(renderer, bundled) -> dict[str, bytes]:
    """The pack in Kazakh in every format, as the export command builds it (``--lang kk``)."""
    scenario, _ = scenario_from_query(bundled, QUERY)
    s = analyse(bundled, scenario)
    ctx = replace(cli_context(Config(), QUERY), words=Wording.for_lang("kk"))
    return {fmt: make(renderer, bundled, s, ctx, "a4") for fmt, make in BRIEFINGS.items()}


def kazakh_key_message(fmt: str, data: bytes) -> str:
    if fmt == "pdf":
        return squash(between(pdf_pages(data)[0], *KAZAKH_HEADINGS))
    if fmt == "pptx":
        return pptx_key_message(data)
    paragraphs = [p.text for p in word(data).paragraphs]
    start, end = (paragraphs.index(h) for h in KAZAKH_HEADINGS)
    return squash("".join(paragraphs[start + 1 : end]))


@pytest.mark.export
def test_every_format_carries_the_same_kazakh_message_and_numbers(kazakh_packs, expected):
    messages = {fmt: kazakh_key_message(fmt, data) for fmt, data in kazakh_packs.items()}
    assert len(set(messages.values())) == 1, messages
    ytd = expected["year_to_date"]
    for fmt, data in kazakh_packs.items():
        message = messages[fmt]
        for part in (
            "тауар айналымы",
            f"{expected['latest_full_year']['year']} жылы",
            f"{comma(ytd['annualised_musd'], 2)} млн АҚШ доллары",
            f"жылына {comma(expected['required_growth_pct'], 2)}% өсім қажет",
            f"+{comma(expected['scenario_growth_pct'], 1)}%",
            f"мақсатқа {expected['target_reached_year']} жылы жетеді",
        ):
            assert squash(part) in message, (fmt, part)
        text = squash(all_text(fmt, data))
        assert f"{comma(expected['gap_musd'], 2)}" in text, fmt
        assert squash("Сценарий параметрлері") in text, fmt
        for english in ("Key message", "Headline figures", "Appendix", "Scenario parameters"):
            assert english not in text, (fmt, english)


@pytest.mark.export
def test_a_kazakh_briefing_names_the_kazakh_statistics_office_in_kazakh(kazakh_packs):
    """The charts' source lines name it in Kazakh; the sources table cites it as written."""
    text = squash(all_text("pdf", kazakh_packs["pdf"]))
    charts, sources = text.split(squash("Дереккөздер: барлық сілтемелер"), 1)
    assert squash("Қазақстанның Статистика комитеті") in charts
    assert squash("Statistics Committee of Kazakhstan") not in charts
    assert squash("Statistics Committee of Kazakhstan") in sources


@pytest.mark.export
def test_cli_writes_a_mongolian_word_briefing(capsys, tmp_path, expected):
    out = tmp_path / "briefing-mn.docx"
    code = main(["export", "--briefing", "--format", "docx", "--out", str(out), "--lang", "mn",
                 *(f"--{k.replace('_', '-')}={v}" for k, v in SCENARIO.items()
                   if k not in ("target_year",)), "--target-year", "2030"])
    stdout, err = capsys.readouterr()
    assert code == 0, err
    assert stdout.startswith("trade-dash: ") and "файлыг бичлээ" in stdout
    text = docx_text(word(out.read_bytes()))
    # Mongolian writes a decimal point, like English: 74 × 12 / 7 = 126.857 → 126.86.
    assert f"{expected['year_to_date']['annualised_musd']:.2f} сая ам. доллар" in text
    assert "Гол санаа" in text and "худалдааны эргэлт" in text
    assert "Key message" not in text


def test_a_supported_lang_is_accepted(no_browser_app):
    # Without a browser the render is unavailable (503), but the address was valid.
    resp = client_of(no_browser_app).get("/export/chart/scenario.svg?lang=kk")
    assert resp.status_code == 503

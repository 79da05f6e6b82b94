"""The briefing pack builders, fed small stand-in charts (no browser needed)."""

from __future__ import annotations

import io
import re
import struct
import zlib
from dataclasses import replace

import pypdf
import pytest
from docx.oxml.ns import qn
from pptx import Presentation

from tests.support.data import GOOD_ROWS
from tests.support.officefiles import pdf_pages, slide_text, squash, word
from trade_dash.charts.flows import FLOWS_TITLE
from trade_dash.charts.history import HISTORY_TITLE
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import PROJECTION_NOTE, SCENARIO_TITLE
from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.exports import briefing
from trade_dash.exports.briefing import (
    VERA_FILES,
    ChartImage,
    FontMissing,
    Path,
    alt_text,
    fit_widths,
    key_message,
    pdf_font_files,
    reportlab,
)
from trade_dash.exports.formats import PAPERS
from trade_dash.exports.pdf import pdf_document
from trade_dash.exports.slides import pptx_document
from trade_dash.exports.word import TABLE_STYLE, docx_document
from trade_dash.wording import briefing as text
from trade_dash.wording.core import Wording

CTX = Context(produced="2026-11-22", link="http://x.test/?growth=25&target_year=2030")
EN = Wording.for_lang("en")


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


def tiny_svg(name: str) -> bytes:
    """A 16:9 stand-in chart: a frame, a line and a label naming the chart, as plotly writes
    text (DejaVu Sans first)."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="576" '
        'viewBox="0 0 1024 576"><rect x="0" y="0" width="1024" height="576" '
        'style="fill: rgb(255, 255, 255);"/><path d="M70,500L900,100" '
        'style="stroke: rgb(0, 114, 178); stroke-width: 3px; fill: none;"/>'
        f'<text x="70" y="40" style="font-family: \'DejaVu Sans\', Verdana, sans-serif; '
        f'font-size: 18px; font-weight: bold;">Stand-in {name} chart</text></svg>'
    ).encode()


def stand_ins(image) -> list[ChartImage]:
    """The registry's briefing charts in the pack's order, each drawn as ``image(name)``."""
    return [ChartImage(c.name, c.title, c.slide_note, image(c.name), c.describe)
            for c in CHARTS.in_briefing()]


SVGS = stand_ins(tiny_svg)
PNGS = stand_ins(lambda _name: tiny_png())
PNG = {c.name: c for c in PNGS}


@pytest.fixture(scope="module")
def summary(bundled):
    return analyse(bundled, replace(default_scenario(bundled), growth_pct=25.0))


# --- the text ------------------------------------------------------------------------


def test_headline_items_use_the_summary_numbers(summary):
    items = dict(text.headline_items(EN, summary))
    assert items["Latest full year"] == "2024: US$ 150 million"
    # January-July 2025 = 74.0, up 3.6 % on the same months of 2024 (150): 150 × 1.036
    assert "Jan\u2009–\u2009Jul 2025: US$ 74 million" in items["Year to date"]
    assert "155.4" in items["Year to date"]
    assert items["Reporting side"] == "Kazakh figures (KZ)"
    assert "US$ 500 million" in items["Target"] and "assumption" in items["Target"]
    # 500 − 155.4 = 344.6, 68.9 % of the target
    assert items["Gap to target"] == "US$ 344.6 million (68.9% of the target)"
    assert f"{summary.required_growth_pct:.2f}" in items["Growth needed"]
    # 155.4 × 1.25^5 = 474.2 < 500 ≤ 155.4 × 1.25^6 = 592.8
    assert "+25.0%" in items["Scenario growth"] and "2031" in items["Scenario growth"]


def test_method_notes_name_the_annualisation_the_side_and_the_assumed_year(summary):
    notes = " ".join(text.method_notes(EN, summary))
    assert "by year-on-year: last full year × (1 +3.6%)" in notes and "155.4" in notes
    # The method and why the data points to it.
    assert ("It is an estimate, not a reported figure. The default for these figures is "
            "year-on-year change. The source states the year-to-date change on the same months "
            "of last year, and last year's total is cited by the same side.") in notes
    assert "This briefing uses Kazakh figures (KZ)" in notes
    assert "never compare years from different sides" in notes
    assert "target year 2030 is assumed" in notes
    assert PROJECTION_NOTE in notes


def test_key_message_says_where_trade_stands_what_the_target_needs_and_what_the_scenario_gives(
    bundled, summary
):
    stands, needs, gives = key_message(EN, bundled, summary)
    # Worked by hand: Jan–Jul was up 3.6 % on the same months of 2024, and 2024 was 150:
    # 150 × 1.036 = 155.4; (500 / 155.4) ^ (1/5) − 1 = 26.33 %;
    # 155.4 × 1.25^5 = 474.2 < 500 <= 155.4 × 1.25^6 = 592.8, so 2031.
    assert stands.startswith("On Kazakh figures (KZ), trade turnover was US$ 150 million in 2024")
    assert "latest full year" in stands
    assert "Jan\u2009–\u2009Jul 2025" in stands and "US$ 74 million" in stands
    assert "US$ 155.4 million" in stands and "year-on-year" in stands
    needed = ((500 / (150 * 1.036)) ** (1 / 5) - 1) * 100
    assert f"{needed:.2f}" == "26.33" and "needs growth of 26.33% a year" in needs
    assert "US$ 500 million target by 2030" in needs and "assumed year" in needs
    assert "from the 2025 estimate" in needs
    years = next(n for n in range(1, 30) if 150 * 1.036 * 1.25**n >= 500)
    assert 2025 + years == 2031
    assert gives == "At the scenario's +25.0% a year, the target is reached in 2031."


def test_a_pro_rata_estimate_that_contradicts_its_source_is_said_so(bundled):
    s = analyse(bundled, replace(default_scenario(bundled), method="pro_rata", growth_pct=25.0))
    stands, contradiction, needs, gives = key_message(EN, bundled, s)
    assert "US$ 126.86 million" in stands and "pro-rata" in stands
    # 74.0 × 12 / 7 = 126.857 is 126.857 / 150 − 1 = −15.4 % on 2024, where the source
    # states +3.6 % for January–July; year-on-year (150 × 1.036) agrees in sign.
    assert contradiction == (
        "The full-year estimate of US$ 126.86 million by pro-rata implies a change of -15.4% "
        "on 2024 (US$ 150 million), but the source states +3.6% for Jan\u2009–\u2009Jul 2025 "
        "on the same months of 2024. The method that agrees with the source: year-on-year "
        "change.")
    # (500 / 126.857) ^ (1/5) − 1 = 31.56 %
    assert "needs growth of 31.56% a year" in needs
    # Said once, in the key message: not again among the pack's notes of adjusted settings.
    assert not any("implies a change" in n for n in text.pack_notes(EN, s))
    assert not any("implies a change" in n for n in text.method_notes(EN, s))
    # The reason names the reader's choice and the default beside it.
    assert any("Chosen in the settings: pro-rata; the default for these figures is "
               "year-on-year change." in n for n in text.method_notes(EN, s))


def test_the_default_estimate_raises_no_contradiction(bundled, summary):
    assert all(n.code != "estimate_contradicts_source" for n in summary.notices)
    assert len(key_message(EN, bundled, summary)) == 3


def test_the_briefing_sources_table_marks_stated_changes_the_figures_contradict(bundled):
    header, *table = text.source_table(EN, bundled, "any")
    figure = {r[0].split(" ")[0]: r[header.index("Figure")] for r in table}
    # 2021: 60.9 / 29.3 − 1 = +107.8 % against a stated +48.1 % (2020 on line 4);
    # 2024: 150 / 133 − 1 = +12.8 % against a stated +20 % (2023 on line 21).
    assert figure["kz-mfa-2021"] == (
        "Cited figure, 2021: 60.9 (exact); stated change +48.1% differs: the figures give "
        "+107.8% with line 4")
    assert figure["kz-mfa-2024"] == (
        "Cited figure, 2024: 150 (exact); stated change +20.0% differs: the figures give "
        "+12.8% with line 21")
    # A stated change with nothing to check it against is not marked.
    assert "stated change" not in figure["kz-dpm-2025-ytd"]
    assert sum("stated change" in f for f in figure.values()) == 2


def test_key_message_for_a_slow_scenario_a_full_year_base_and_a_met_target(bundled):
    slow = analyse(bundled, replace(default_scenario(bundled), growth_pct=0.0, base="full"))
    _, needs, gives = key_message(EN, bundled, slow)
    assert "from the 2024 figure of US$ 150 million" in needs
    assert gives == "At the scenario's +0.0% a year, the target is not reached by 2050."
    met = analyse(bundled, replace(default_scenario(bundled), target_musd=100.0))
    _, needs, _ = key_message(EN, bundled, met)
    assert needs.startswith("The US$ 100 million target for 2030") and "already met" in needs


def test_key_message_names_an_assumed_target_and_a_missing_year_to_date(write_csv):
    rows = [dict(r) for r in GOOD_ROWS if r["citation_id"] not in ("c", "t")]
    ds = Dataset.load(write_csv(rows))
    s = analyse(ds, default_scenario(ds))
    sentences = key_message(EN, ds, s)
    assert len(sentences) == 3
    assert sentences[0] == "Trade turnover was US$ 60 million in 2021, the latest full year."
    assert "assumed US$ 500 million target" in sentences[1]


def test_alt_text_is_the_title_the_side_and_the_description(bundled, summary):
    """The descriptions themselves are checked in test_describe.py."""
    scenario = alt_text(EN, PNG["scenario"], bundled, summary)
    assert scenario.startswith(f"{SCENARIO_TITLE}, Kazakh figures (KZ). The scenario ")
    # 155.4 × 1.25^5 = 474.2 < 500 <= 155.4 × 1.25^6 = 592.8
    assert "+25.0% a year" in scenario and "target in 2031" in scenario
    history = alt_text(EN, PNG["history"], bundled, summary)
    # The Kazakh series cites every year 2017–2025 (2022 only for January–April).
    assert "from US$ 74.8 million in 2017 to US$ 150 million in 2024" in history
    assert "No figure is cited" not in history
    assert "Jan\u2009–\u2009Jul 2025 is a partial year" in history
    flows = alt_text(EN, PNG["flows"], bundled, summary)
    # Kazakh-side export figures: 2019, January–April 2022 and 2023; the 2023 balance is
    # 124.3 − 8.7 = 115.6.
    assert flows.startswith(f"{FLOWS_TITLE}, Kazakh figures (KZ). ")
    assert "a balance of US$ 115.6 million" in flows
    assert "No figure is cited for 2020, 2021" in flows


def test_alt_text_follows_the_reporting_side(bundled):
    mn = analyse(bundled, scenario_from_query(bundled, "reporter=MN")[0])
    # The Mongolian chamber cites 2019 and 2023 only, and no export figures.
    history = alt_text(EN, PNG["history"], bundled, mn)
    assert history.endswith("No figure is cited for 2020, 2021, 2022.")
    flows = alt_text(EN, PNG["flows"], bundled, mn)
    assert flows == (f"{FLOWS_TITLE}, Mongolian figures only (MN). No export or "
                     "import figures are cited for this reporting side.")


@pytest.mark.parametrize("total", [120.0, 300.0, 1000.0])
def test_column_widths_keep_unbreakable_cells_whole(total):
    rows = [["Published", "Note"], ["2024-10-31", "a few words of text here"],
            ["", "unbreakableword"]]
    widths = fit_widths(rows, total, len, nowrap=frozenset({0}))
    assert sum(widths) == pytest.approx(total)
    assert widths[0] >= len("2024-10-31")
    if total >= len("2024-10-31") + len("unbreakableword"):
        assert widths[1] >= len("unbreakableword")


def test_column_widths_squeeze_only_the_wrapping_columns():
    rows = [["2024-10-31", "x" * 50]]
    widths = fit_widths(rows, 30.0, len, nowrap=frozenset({0}))
    assert widths == [10.0, 20.0]


# --- PDF ----------------------------------------------------------------------------


def test_pdf_page_1_tells_the_story(bundled, summary):
    data = pdf_document(bundled, summary, CTX, SVGS)
    pages = pdf_pages(data)
    first = squash(pages[0])
    for sentence in key_message(EN, bundled, summary):
        assert squash(sentence) in first
    assert "reachedin2031" in first
    for number in ("150", "74", "155.4", "500", f"{summary.required_growth_pct:.2f}"):
        assert number in first
    assert squash(CTX.link) in first
    assert "latestfigurepublished2025-09-06" in first
    assert "morethanayearbeforethisbriefing" in first  # produced 2026-11-22
    # The scenario chart is drawn on page 1, as vectors with its text kept as text.
    assert "Stand-inscenariochart" in first
    for later in ("Stand-inhistorychart", "Stand-inflowschart"):
        assert later not in first
        assert any(later in squash(p) for p in pages[1:])
    assert not pypdf.PdfReader(io.BytesIO(data)).pages[0].images  # no bitmap


def test_the_pack_says_how_fresh_the_data_is(summary):
    # The newest bundled figure was published on 2025-09-06.
    assert text.freshness_sentence(EN, summary, "2026-01-15") == (
        "Data: latest figure published 2025-09-06.")
    late = text.freshness_sentence(EN, summary, "2026-11-22")
    assert late.startswith("Data: latest figure published 2025-09-06. The newest figure")
    assert "more than a year before this briefing" in late


def test_pdf_lists_the_sources_once_in_the_appendix_with_dates_whole(bundled, summary):
    pages = pdf_pages(pdf_document(bundled, summary, CTX, SVGS))
    appendix = next(i for i, p in enumerate(pages) if "Appendix" in p)
    assert appendix > 0
    text = "\n".join(pages)
    assert text.count("Sources: every citation") == 1
    assert text.count("One row per figure") == 1
    for cid in bundled.citations["citation_id"]:
        assert sum(squash(p).count(f"{cid}(line") for p in pages) == 1, cid
        assert not any(cid in p for p in pages[:appendix])
    later = "\n".join(pages[appendix:])
    dates = [d for d in bundled.citations["published"] if d]
    assert dates
    for date in dates:
        assert date in later  # never broken across lines
    assert "Method" in later and "Scenario parameters" in later


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_pdf_paper_sizes_keep_the_scenario_chart_on_page_1(bundled, summary, paper, size):
    reader = pypdf.PdfReader(io.BytesIO(pdf_document(bundled, summary, CTX, SVGS, paper)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    assert "Stand-inscenariochart" in squash(reader.pages[0].extract_text())


def test_pdf_metadata_and_embedded_fonts(bundled, summary):
    reader = pypdf.PdfReader(io.BytesIO(pdf_document(bundled, summary, CTX, SVGS)))
    assert reader.metadata.title == text.title(EN, summary)
    fonts = pdf_fonts(reader)
    assert fonts and all(embedded for _, embedded in fonts), fonts


def pdf_fonts(reader: pypdf.PdfReader) -> list[tuple[str, bool]]:
    """(font name, whether its program is embedded) for every font the pages use, charts'
    lettering included."""
    out = []

    def collect(resources) -> None:
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"][0].get_object()
            desc = described.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
        for xobject in resources.get("/XObject", {}).values():
            inner = xobject.get_object().get("/Resources")
            if inner is not None:
                collect(inner.get_object())

    for page in reader.pages:
        collect(page["/Resources"])
    return out


@pytest.fixture
def marked_up(write_csv):
    """A dataset whose first note looks like markup and a formula; its default summary."""
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["note"] = "<b>bold?</b> & =1+1"
    ds = Dataset.load(write_csv(rows))
    return ds, analyse(ds, default_scenario(ds))


def test_citation_text_is_inert_in_the_pdf(marked_up):
    ds, s = marked_up
    reader = pypdf.PdfReader(io.BytesIO(pdf_document(ds, s, CTX, SVGS)))
    assert "<b>bold?</b>&=1+1" in squash(reader.pages[-1].extract_text())


def test_cyrillic_names_print_when_dejavu_is_installed(write_csv):
    if "DejaVu" not in pdf_font_files()[0].name:
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core); Vera is Latin only")
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["reporter"] = "Бюро национальной статистики"
    rows[1]["note"] = "Үндэсний статистикийн хороо"
    ds = Dataset.load(write_csv(rows))
    s = analyse(ds, default_scenario(ds))
    reader = pypdf.PdfReader(io.BytesIO(pdf_document(ds, s, CTX, SVGS)))
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "Бюронациональнойстатистики" in text
    assert "Үндэсний" in text
    fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
             for f in page["/Resources"]["/Font"].values()}
    assert any("DejaVu" in f for f in fonts)


# --- PowerPoint -----------------------------------------------------------------------


def test_pptx_opens_with_the_key_message_and_describes_its_pictures(bundled, summary):
    deck = Presentation(io.BytesIO(pptx_document(bundled, summary, CTX, PNGS)))
    slides = list(deck.slides)
    assert deck.slide_width * 9 == deck.slide_height * 16
    assert [s.shapes.title.text for s in slides] == [
        text.title(EN, summary),
        "Headline figures",
        SCENARIO_TITLE,
        HISTORY_TITLE,
        FLOWS_TITLE,
        "Scenario parameters",
        # 27 citations at 12 a slide
        "Sources: every citation",
        "Sources: every citation (continued)",
        "Sources: every citation (continued)",
    ]
    first = slide_text(slides[0])
    for sentence in key_message(EN, bundled, summary):
        assert sentence in first
    assert CTX.link in first
    headline = slide_text(slides[1])
    # 2024 = 150.0; Jan–Jul 2025 up 3.6 % on the same months: 150 × 1.036 = 155.4
    for number in ("150", "155.4", "500", f"{summary.required_growth_pct:.2f}", "+25.0"):
        assert number in headline
    pictures = [sh for s in slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == len(CHARTS.in_briefing()) == 3
    for picture, chart in zip(pictures, PNGS, strict=True):
        descr = picture._element.nvPicPr.cNvPr.get("descr")
        assert descr == alt_text(EN, chart, bundled, summary)
    # 155.4 × 1.25^5 = 474.2 < 500 <= 155.4 × 1.25^6 = 592.8
    assert "target in 2031" in pictures[0]._element.nvPicPr.cNvPr.get("descr")
    sources = "\n".join(slide_text(s) for s in slides[-3:])
    assert all(cid in sources for cid in bundled.citations["citation_id"])
    assert deck.core_properties.author == "trade-dash"


# --- Word -------------------------------------------------------------------------------


def test_docx_has_real_headings_styled_tables_and_described_pictures(bundled, summary):
    doc = word(docx_document(bundled, summary, CTX, PNGS, "letter"))
    paragraphs = doc.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == text.title(EN, summary)
    by_style = {}
    for p in paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Heading 1"] == [
        "Key message", "Headline figures", "Charts", "Appendix: scenario, method and sources"
    ]
    assert by_style["Heading 2"] == ["Scenario parameters", "Method", "Sources: every citation"]
    assert by_style["List Bullet"] == text.method_notes(EN, summary)
    # The key message follows its heading, sentence by sentence.
    texts = [p.text for p in paragraphs]
    start = texts.index("Key message") + 1
    assert texts[start : start + 3] == key_message(EN, bundled, summary)

    headline, parameters, sources = doc.tables
    assert {t.style.name for t in doc.tables} == {TABLE_STYLE}
    cells = {row.cells[0].text: row.cells[1].text for row in headline.rows}
    assert "150" in cells["Latest full year"] and "155.4" in cells["Year to date"]
    assert f"{summary.required_growth_pct:.2f}" in cells["Growth needed"]
    assert "2031" in cells["Scenario growth"]
    assert [c.text for c in sources.rows[0].cells] == text.sources_header(EN)
    published = [row.cells[4] for row in sources.rows[1:]]
    assert {c.text for c in published} >= {d for d in bundled.citations["published"] if d}
    assert all(c._tc.tcPr.find(qn("w:noWrap")) is not None for c in published)
    ids = " ".join(row.cells[0].text for row in sources.rows)
    assert all(cid in ids for cid in bundled.citations["citation_id"])

    shapes = doc.inline_shapes
    assert len(shapes) == len(CHARTS.in_briefing()) == 3
    for shape, chart in zip(shapes, PNGS, strict=True):
        assert shape._inline.docPr.get("descr") == alt_text(EN, chart, bundled, summary)
    section = doc.sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
    links = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert links == [CTX.link]
    assert doc.core_properties.title == text.title(EN, summary)


def test_docx_a4_and_inert_citation_text(marked_up):
    ds, s = marked_up
    doc = word(docx_document(ds, s, CTX, PNGS))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    notes = [row.cells[6].text for row in doc.tables[-1].rows]
    assert "<b>bold?</b> & =1+1" in notes


def test_every_entry_point_offers_the_same_papers_and_formats():
    """One list (exports/formats.py) feeds the command line, the renderers and the page."""
    from trade_dash import cli
    from trade_dash.exports import briefing, formats, packs
    from trade_dash.web import callbacks

    assert PAPERS == tuple(briefing.PAPER_SIZES) == ("a4", "letter")
    assert cli.EXPORT_FORMATS["briefing"] == formats.BRIEFING_FORMATS == tuple(packs.BRIEFINGS)
    assert tuple(callbacks.BRIEFING_LINKS) == formats.BRIEFING_FORMATS
    assert set(formats.MIME_TYPES) == {*formats.CHART_FORMATS, *formats.BRIEFING_FORMATS}
    assert formats.MIME_TYPES["docx"].endswith("wordprocessingml.document")


# --- in the reader's language ------------------------------------------------------------

KK, RU, MN = (Wording.for_lang(code) for code in ("kk", "ru", "mn"))
# Letters Kazakh writes and Russian does not: a Kazakh pack must print them.
KAZAKH_LETTERS = "әғқңөұүі"


@pytest.mark.parametrize(("w", "mark"), [(RU, ","), (KK, ","), (MN, ".")])
def test_key_message_in_each_language_with_its_decimal_mark(bundled, summary, w, mark):
    stands, needs, gives = key_message(w, bundled, summary)
    # Worked by hand as in English: 150 × 1.036 = 155.4; (500 / 155.4) ^ (1/5) − 1 =
    # 26.33 %; 2031 at +25 %. Russian and Kazakh write a decimal comma.
    assert f"155{mark}4" in stands and f"26{mark}33" in needs
    assert f"+25{mark}0" in gives and "2031" in gives and "2030" in needs
    for sentence in (stands, needs, gives):
        # No English word; Mongolian numbers months in Roman numerals (I – VII сар).
        assert not re.search(r"\b(?![IVX]+\b)[A-Za-z]{3,}", sentence), sentence


def test_key_message_words_in_russian_kazakh_and_mongolian(bundled, summary):
    ru = " ".join(key_message(RU, bundled, summary))
    assert "товарооборот составил 150 млн долл. США в 2024 году" in ru
    assert "в пересчёте" not in ru and "цел" in ru
    assert "изменение к тем же месяцам прошлого года" in ru
    kk = " ".join(key_message(KK, bundled, summary))
    assert "тауар айналымы" in kk and "мақсат" in kk
    assert "өткен жылдың сол айларына қатысты өзгеріс" in kk
    mn = " ".join(key_message(MN, bundled, summary))
    assert "худалдааны эргэлт" in mn and "зорилт" in mn
    assert "өмнөх оны мөн саруудтай харьцуулсан өөрчлөлт" in mn
    # With the pro-rata estimate asked for, what the year to date was divided by.
    pro_rata = analyse(bundled, replace(default_scenario(bundled), method="pro_rata"))
    assert "с начала года × 12/7" in key_message(RU, bundled, pro_rata)[0]
    assert "жыл басынан бері × 12/7" in key_message(KK, bundled, pro_rata)[0]
    assert "оны эхнээс × 12/7" in key_message(MN, bundled, pro_rata)[0]


# "Already met by <base>": each language names the base in the case this slot needs (a
# subject, not the "from" of "growth from <base>"). Bases worked by hand: January-July 2025
# is up 3.6 % on the same months of 2024, whose total is 150: 150 × 1.036 = 155.4 (the
# default year-on-year estimate); the 2024 figure is 150. A US$ 100 million target is
# below both.
ALREADY_MET = {
    ("en", "ytd"): "The US$ 100 million target for 2030 (an assumed year: no source states a "
                   "deadline) is already met by the 2025 estimate of US$ 155.4 million.",
    ("en", "full"): "The US$ 100 million target for 2030 (an assumed year: no source states a "
                    "deadline) is already met by the 2024 figure of US$ 150 million.",
    ("ru", "ytd"): "Цель в 100 млн долл. США к 2030 году (год — допущение: ни один источник не "
                   "называет срок) уже достигнута: оценка за 2025 год составляет 155,4 млн "
                   "долл. США.",
    ("ru", "full"): "Цель в 100 млн долл. США к 2030 году (год — допущение: ни один источник не "
                    "называет срок) уже достигнута: значение за 2024 год составляет 150 млн "
                    "долл. США.",
    ("kk", "ytd"): "2030 жылға арналған 100 млн АҚШ доллары мақсаты (жыл — жорамал: ешбір "
                   "дереккөз мерзімді атамайды) қазірдің өзінде орындалды: 2025 жылғы бағалау — "
                   "155,4 млн АҚШ доллары.",
    ("kk", "full"): "2030 жылға арналған 100 млн АҚШ доллары мақсаты (жыл — жорамал: ешбір "
                    "дереккөз мерзімді атамайды) қазірдің өзінде орындалды: 2024 жылғы мән — "
                    "150 млн АҚШ доллары.",
    ("mn", "ytd"): "2030 оны 100 сая ам. доллар гэсэн зорилт (он нь таамаглал: ямар ч эх сурвалж "
                   "хугацаа заагаагүй) аль хэдийн биелсэн: 2025 оны үнэлгээ 155.4 сая ам. "
                   "доллар байна.",
    ("mn", "full"): "2030 оны 100 сая ам. доллар гэсэн зорилт (он нь таамаглал: ямар ч эх "
                    "сурвалж хугацаа заагаагүй) аль хэдийн биелсэн: 2024 оны тоо 150 сая ам. "
                    "доллар байна.",
}
# The same bases after "growth ... from": ablative (Kazakh, Mongolian) and genitive (Russian).
GROWTH_FROM = {
    "ru": ("от оценки за 2025 год (155,4 млн долл. США)",
           "от значения за 2024 год (150 млн долл. США)"),
    "kk": ("2025 жылғы бағалаудан (155,4 млн АҚШ доллары) бастап",
           "2024 жылғы мәннен (150 млн АҚШ доллары) бастап"),
    "mn": ("2025 оны үнэлгээнээс (155.4 сая ам. доллар) эхлэн",
           "2024 оны тооноос (150 сая ам. доллар) эхлэн"),
}


@pytest.mark.parametrize("lang", ["en", "ru", "kk", "mn"])
@pytest.mark.parametrize("base", ["ytd", "full"])
def test_the_already_met_key_message_names_its_base_as_that_sentence_needs(bundled, lang, base):
    met = analyse(bundled, replace(default_scenario(bundled), target_musd=100.0, base=base))
    _, needs, _ = briefing.key_message(Wording.for_lang(lang), bundled, met)
    assert needs == ALREADY_MET[lang, base]


@pytest.mark.parametrize("lang", ["ru", "kk", "mn"])
def test_the_growth_needed_key_message_names_its_base_in_its_own_case(bundled, lang):
    for base, phrase in zip(("ytd", "full"), GROWTH_FROM[lang], strict=True):
        s = analyse(bundled, replace(default_scenario(bundled), base=base))
        _, needs, _ = briefing.key_message(Wording.for_lang(lang), bundled, s)
        assert phrase in needs
        met = ALREADY_MET[lang, base]
        assert met[met.index(": ", met.index(")")) + 2:-1] not in needs  # not the other slot's


def test_the_sources_table_keeps_citation_text_and_translates_the_product_s_words(bundled):
    header, *rows = text.source_table(KK, bundled, "any")
    assert header == ["Сілтеме", "Мән", "Кім хабарлады", "Басылым", "Жарияланды",
                      "Қалай қолданылды", "Ескерту"]
    cited = bundled.citations.set_index("citation_id")
    for row in rows:
        cid = row[0].split(" ")[0]
        assert cited.loc[cid, "reporter"] in row[2]  # as cited, never translated
        assert row[6] == cited.loc[cid, "note"]
        assert "headline" not in row[5] and "alternate" not in row[5]


def kazakh_pdf(bundled, summary) -> bytes:
    ctx = replace(CTX, words=KK)
    return pdf_document(bundled, summary, ctx, SVGS)


def test_a_kazakh_pdf_prints_kazakh_letters_in_embedded_dejavu(bundled, summary):
    if "DejaVu" not in pdf_font_files()[0].name:
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core)")
    reader = pypdf.PdfReader(io.BytesIO(kazakh_pdf(bundled, summary)))
    whole = " ".join(p.extract_text() for p in reader.pages)
    assert set(KAZAKH_LETTERS) <= set(whole.lower()), set(KAZAKH_LETTERS) - set(whole.lower())
    assert "Қазақстан" in whole and "Негізгі тұжырым" in whole
    first = squash(reader.pages[0].extract_text())
    for sentence in key_message(KK, bundled, summary):
        assert squash(sentence) in first
    fonts = pdf_fonts(reader)
    assert fonts and all("DejaVu" in name and embedded for name, embedded in fonts), fonts
    assert reader.metadata.title == text.title(KK, summary)


def test_a_kazakh_pdf_refuses_a_latin_only_font(bundled, summary, monkeypatch):
    vera = Path(reportlab.__file__).parent / "fonts"
    monkeypatch.setattr(briefing, "pdf_font_files",
                        lambda: tuple(vera / f for f in VERA_FILES))
    with pytest.raises(FontMissing, match="DejaVu Sans"):
        kazakh_pdf(bundled, summary)


def test_a_mongolian_deck_and_word_file_are_in_mongolian(bundled, summary):
    ctx = replace(CTX, words=MN)
    deck = Presentation(io.BytesIO(pptx_document(bundled, summary, ctx, PNGS)))
    slides = list(deck.slides)
    titles = [s.shapes.title.text for s in slides]
    assert titles[1] == "Гол үзүүлэлтүүд"
    assert titles[-1] == "Эх сурвалж: бүх ишлэл (үргэлжлэл)"
    first = slide_text(slides[0])
    assert "155.4 сая ам. доллар" in first and "26.33%" in first
    runs = [r for s in slides for sh in s.shapes if sh.has_text_frame
            for p in sh.text_frame.paragraphs for r in p.runs]
    assert runs and {r.font.name for r in runs} == {"DejaVu Sans"}
    assert deck.core_properties.language == "mn"

    doc = word(docx_document(bundled, summary, ctx, PNGS))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Гол санаа", "Гол үзүүлэлтүүд", "Графикууд",
                        "Хавсралт: хувилбар, аргачлал, эх сурвалж"]
    body = " ".join(p.text for p in doc.paragraphs).replace(CTX.link, "")
    assert "худалдааны эргэлт" in body and "оны эхнээс" in body
    assert doc.styles["Normal"].font.name == "DejaVu Sans"
    for product_word in ("Key message", "Headline", "Scenario", "Method", "Sources", "target"):
        assert product_word not in body

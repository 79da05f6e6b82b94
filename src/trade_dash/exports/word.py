"""The briefing pack as an editable Word document (python-docx).

Same content and order as the PDF (``briefing.pdf_document``), from the same text
builders. Everything is styled through named styles, never direct formatting, so a
ministry's template can restyle it: the title is "Title", sections "Heading 1" and
"Heading 2", lists "List Bullet", tables a built-in table style, table text a
"Table Text" paragraph style. Numbers are text; charts are PNG pictures with alt text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.exports.briefing import (
    PAPER_SIZES,
    ChartImage,
    alt_text,
    fit_widths,
    set_properties,
)
from trade_dash.exports.formats import DEFAULT_PAPER
from trade_dash.exports.pdf import text_width as width_of
from trade_dash.exports.slides import OFFICE_FONT
from trade_dash.wording import briefing as text

MARGIN = Mm(18)
TABLE_STYLE = "Light List Accent 1"  # built into Word and python-docx's default template
TABLE_TEXT = "Table Text"
TABLE_TEXT_PT = 8
LINK_COLOUR = RGBColor(0x0B, 0x5E, 0xD7)


def _page(doc: docx.document.Document, paper: str) -> float:
    """Paper size and margins; returns the text width in points."""
    width, height = PAPER_SIZES[paper]
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    return (section.page_width - 2 * MARGIN) / Pt(1)


def _styles(doc: docx.document.Document) -> None:
    """The two styles python-docx's template lacks, under the names Word itself uses, and
    a face with every Kazakh and Mongolian letter for the text and the headings."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        font = doc.styles[name].font
        font.name = OFFICE_FONT
        fonts = doc.styles[name].element.rPr.get_or_add_rFonts()
        for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(script), OFFICE_FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)  # a theme font would win over the name
    table = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table.base_style = doc.styles["Normal"]
    table.font.size = Pt(TABLE_TEXT_PT)
    table.paragraph_format.space_after = Pt(0)
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = LINK_COLOUR
    link.font.underline = True


def _no_wrap(cell: _Cell) -> None:
    # Word otherwise breaks a date after its hyphens when the column is tight.
    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def _table(
    doc: docx.document.Document,
    rows: list[list[str]],
    text_width: float,
    nowrap: frozenset[int],
    header: bool,
) -> None:
    """A table in the built-in style, column widths from the content (see ``fit_widths``)."""

    def measure(text: str) -> float:  # DejaVu or Vera: wider than Word's usual faces
        return width_of(text, TABLE_TEXT_PT)

    widths = fit_widths(rows, text_width, measure, nowrap, pad=2 * 5.4 + 1)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles[TABLE_STYLE]
    table.autofit = False
    # Which parts the table style emphasises: the header row, or the labels of a two-column
    # table. w:val is the older bit-mask form of the same flags (0x20 first row, 0x80 first
    # column, 0x400 no vertical banding).
    look = table._tbl.tblPr.find(qn("w:tblLook"))  # python-docx's tables come with one
    look.set(qn("w:firstRow"), "1" if header else "0")
    look.set(qn("w:firstColumn"), "0" if header else "1")
    look.set(qn("w:noVBand"), "1")
    look.set(qn("w:val"), f"{(0x20 if header else 0x80) | 0x400:04X}")
    style_id = doc.styles[TABLE_TEXT].style_id  # looked up once: by name it is slow
    for row, values in zip(table.rows, rows, strict=True):
        for c, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Pt(widths[c])
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style_id
            paragraph.add_run(value)
            if c in nowrap:
                _no_wrap(cell)
    if header:  # repeated at the top of each page the table runs onto
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for c, w in enumerate(widths):
        table.columns[c].width = Pt(w)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """A clickable link (python-docx reads hyperlinks but has no call to add one)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def _picture(doc: docx.document.Document, png: bytes, width: float, alt: str, name: str) -> None:
    shape = doc.add_picture(io.BytesIO(png), width=Pt(width))
    props = shape._inline.docPr
    props.set("descr", alt)  # Word's "alt text"
    props.set("title", name)


def docx_document(
    ds: Dataset,
    s: Summary,
    ctx: Context,
    charts: Sequence[ChartImage],
    paper: str = DEFAULT_PAPER,
) -> bytes:
    """The Word briefing: key message, headline figures, charts, then the appendix."""
    w = ctx.words
    heads = text.headings(w)
    doc = docx.Document()
    width = _page(doc, paper)
    _styles(doc)
    set_properties(doc.core_properties, w, s, ctx)

    doc.add_heading(text.title(w, s), level=0)
    for line in text.cover_lines(w, s, ctx.produced):
        doc.add_paragraph(line)
    if ctx.link:
        _hyperlink(doc.add_paragraph(f"{text.reopen(w)} "), ctx.link)
    doc.add_heading(heads["key"], level=1)
    for sentence in text.key_message(w, ds, s):
        doc.add_paragraph(sentence)
    for n in text.pack_notes(w, s):
        doc.add_paragraph(n)
    doc.add_heading(heads["headline"], level=1)
    items = [list(i) for i in text.headline_items(w, s)]
    _table(doc, items, width, frozenset({0}), header=False)
    doc.add_heading(heads["charts"], level=1)
    for chart in charts:
        _picture(doc, chart.image, width, alt_text(w, chart, ds, s), chart.title)

    doc.add_page_break()
    doc.add_heading(heads["appendix"], level=1)
    doc.add_heading(heads["scenario"], level=2)
    _table(doc, [list(i) for i in text.scenario_items(w, ds, s)], width, frozenset({0}), False)
    doc.add_heading(heads["method"], level=2)
    for note in text.method_notes(w, s):
        doc.add_paragraph(note, style="List Bullet")
    doc.add_heading(heads["sources"], level=2)
    doc.add_paragraph(text.sources_intro(w))
    sources = text.source_table(w, ds, s.scenario.reporter)
    _table(doc, sources, width, frozenset({4, 5}), header=True)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

"""The briefing pack as PDF (reportlab) and PowerPoint (python-pptx); Word is in
``briefing_docx``, built from the same text.

Builders take the dataset, the scenario's ``Summary``, the figure context and the
charts already rendered (``ChartImage``, in the pack's order: SVG for the PDF, PNG
for the slides and the Word file), and return the file as bytes; they do no rendering
and read nothing but font files (see ``pdf_font_files``). Every number comes from the
``Summary`` that ``scenario.analyse`` returns, the same one behind the dashboard's
cards and ``trade-dash summary``, so the pack cannot disagree with them. Every sentence
of the pack is written in the text section below, shared by all three formats.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from svglib.fonts import FontMap
from svglib.svglib import svg2rlg

from trade_dash import figures
from trade_dash.scenario import Dataset, Summary
from trade_dash.wording import Wording, describe
from trade_dash.wording import briefing as text
from trade_dash.wording.briefing import AUTHOR, key_message

__all__ = ["AUTHOR", "key_message"]  # key_message is the page's too
SOURCES_PER_SLIDE = 12
PAPERS = {"a4": A4, "letter": LETTER}  # (width, height) in points
DEFAULT_PAPER = "a4"

# A TrueType font is embedded in the PDF (the standard 14 fonts are not). DejaVu Sans,
# the font the charts are drawn in, also covers Cyrillic, so Kazakh and Mongolian names
# in citations print; it is used where the system has it (Debian: fonts-dejavu-core).
# Otherwise Bitstream Vera, shipped inside reportlab, which DejaVu grew from: Latin only,
# so only an English pack may fall back to it (``check_fonts``).
PDF_FONT_FACES = ("TradeDashSans", "TradeDashSans-Bold", "TradeDashSans-Italic",
                  "TradeDashSans-BoldItalic")
DEJAVU_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))
DEJAVU_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                "DejaVuSans-BoldOblique.ttf")
VERA_FILES = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")


def pdf_font_files() -> tuple[Path, ...]:
    """The four faces embedded in the PDF: DejaVu Sans if installed, else reportlab's Vera."""
    for folder in DEJAVU_DIRS:
        faces = tuple(folder / f for f in DEJAVU_FILES)
        if all(f.is_file() for f in faces):
            return faces
    vera = Path(reportlab.__file__).resolve().parent / "fonts"
    return tuple(vera / f for f in VERA_FILES)


class FontMissing(RuntimeError):
    """The font a non-English pack needs is not installed."""


def check_fonts(w: Wording) -> None:
    """Refuse to print Cyrillic in Vera, which would show every letter as a box."""
    if w.lang != "en" and pdf_font_files()[0].name not in DEJAVU_FILES:
        raise FontMissing(w.gettext(
            "The PDF briefing in this language needs the DejaVu Sans font, which is not "
            "installed (Debian and Ubuntu: apt install fonts-dejavu-core)."))


def _no_description(w: Wording, ds: Dataset, s: Summary) -> str:
    return ""


@dataclass(frozen=True)
class ChartImage:
    """A chart drawn for the pack: its name in the chart registry, its title, a note for
    its slide, the image (SVG for the PDF, PNG for the slides and the Word file) and the
    registry's describer (``Chart.describe``)."""

    name: str
    title: str
    slide_note: str
    image: bytes
    describe: Callable[[Wording, Dataset, Summary], str] = _no_description


# --- the text of the pack: sentences in wording.briefing ---------------------

def fit_widths(
    rows: list[list[str]], total: float, measure, nowrap: frozenset[int] = frozenset(), pad=0.0
) -> list[float]:
    """Column widths from the content, adding up to ``total``.

    Each column is at least as wide as its longest word, or its longest whole cell for
    the columns in ``nowrap`` (dates, labels), so no date or number is broken or clipped;
    the width left over goes to the columns with the most text. Only if the unbreakable
    words alone are wider than ``total`` are the wrapping columns squeezed (their long
    words then break), never the ``nowrap`` ones.
    """
    cols = list(zip(*rows, strict=True))

    def widest(texts) -> float:
        return max((measure(t) for t in texts), default=0.0) + pad

    least = [
        widest(col if i in nowrap else [w for cell in col for w in cell.split()])
        for i, col in enumerate(cols)
    ]
    most = [max(lo, widest(col)) for lo, col in zip(least, cols, strict=True)]
    spare = total - sum(least)
    if spare < 0:
        fixed = sum(w for i, w in enumerate(least) if i in nowrap)
        squeeze = max(total - fixed, 0) / (sum(least) - fixed or 1)
        return [w if i in nowrap else w * squeeze for i, w in enumerate(least)]
    want = [m - lo for m, lo in zip(most, least, strict=True)]
    if sum(want) <= spare:  # everything fits on one line: share the rest by text length
        extra = spare - sum(want)
        return [m + extra * m / sum(most) for m in most]
    return [lo + spare * w / sum(want) for lo, w in zip(least, want, strict=True)]


def alt_text(w: Wording, chart: ChartImage, ds: Dataset, s: Summary) -> str:
    """What ``chart`` shows, in ``w``'s language: the alt text of its pictures."""
    return describe.picture_text(w, chart.title, chart.describe(w, ds, s), s)


# --- PDF -------------------------------------------------------------------

CELL_PAD = 3 + 6 + 1  # the table's left and right padding, and a point to spare
MIN_CHART_SHARE = 0.6  # a chart may shrink to this share of the text width to stay on a page


def _pdf_fonts() -> None:
    # reportlab keeps registered fonts for the process; register ours once.
    if "TradeDashSans" in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in zip(PDF_FONT_FACES, pdf_font_files(), strict=True):
        pdfmetrics.registerFont(TTFont(name, str(file)))
    pdfmetrics.registerFontFamily(
        "TradeDashSans",
        normal="TradeDashSans",
        bold="TradeDashSans-Bold",
        italic="TradeDashSans-Italic",
        boldItalic="TradeDashSans-BoldItalic",
    )


def text_width(text: str, size: float) -> float:
    """Width in points of ``text`` in the pack's bold face (the wider one) at ``size``."""
    _pdf_fonts()
    return pdfmetrics.stringWidth(text, "TradeDashSans-Bold", size)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName="TradeDashSans", bulletFontName="TradeDashSans", fontSize=9.5, leading=12.5
    )
    return {
        "body": base,
        "lead": ParagraphStyle("lead", base, fontSize=11, leading=14.5, spaceAfter=4),
        "label": ParagraphStyle("label", base, fontName="TradeDashSans-Bold"),
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor="#444444"),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9.2),
        "th": ParagraphStyle("th", base, fontName="TradeDashSans-Bold", fontSize=7.5, leading=9.2),
        "h1": ParagraphStyle(
            "h1", base, fontName="TradeDashSans-Bold", fontSize=17, leading=21, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName="TradeDashSans-Bold",
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
        ),
        "bullet": ParagraphStyle(
            "bullet", base, leftIndent=10, bulletIndent=0, spaceAfter=3, alignment=TA_LEFT
        ),
    }


def _p(text: object, style: ParagraphStyle) -> Paragraph:
    # Paragraph reads a small XML dialect: citation text must reach it as inert text.
    return Paragraph(html.escape(str(text), quote=False), style)


def _grid(
    rows: list[list[str]],
    total: float,
    styles: list[ParagraphStyle],
    nowrap: frozenset[int] = frozenset(),
    header: ParagraphStyle | None = None,
) -> Table:
    """A table whose column widths come from its content (``fit_widths``); ``styles`` by
    column (the last one for the rest), ``header`` for a first row of column names."""
    size = max(st.fontSize for st in [*styles, header or styles[0]])
    widths = fit_widths(rows, total, lambda text: text_width(text, size), nowrap, CELL_PAD)
    first = 0 if header is None else 1
    cells = [[_p(v, header) for v in rows[0]]] if first else []
    cells += [[_p(v, styles[min(c, len(styles) - 1)]) for c, v in enumerate(row)]
              for row in rows[first:]]
    table = Table(cells, colWidths=widths, repeatRows=first, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), "TradeDashSans"),  # the default would be Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if first:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f1f3")))
    table.setStyle(TableStyle(style))
    return table


class _ChartFonts(FontMap):
    """Chart lettering in the pack's embedded faces (the charts ask for DejaVu Sans first),
    so no chart text falls back to an unembedded standard font."""

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal"):
        weight, style = str(weight).lower(), str(style).lower()
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)
        italic = style in ("italic", "oblique")
        return PDF_FONT_FACES[bold + 2 * italic], True


def svg_drawing(svg: bytes) -> Drawing:
    """A chart's SVG as reportlab vector graphics, text kept as text."""
    drawing = svg2rlg(io.BytesIO(svg), font_map=_ChartFonts())
    if drawing is None:
        raise ValueError("the chart image is not a readable SVG")
    drawing.initialFontName = PDF_FONT_FACES[0]  # else the chart names Helvetica, not embedded
    return drawing


class _Chart(Flowable):
    """A chart at the text width with its caption under it, the chart shrunk (down to
    ``MIN_CHART_SHARE``) when that keeps both on the current page, as the scenario chart
    must be on page 1."""

    CAPTION_GAP = 3  # points between the chart and its caption

    def __init__(self, drawing: Drawing, width: float, caption: Paragraph):
        super().__init__()
        self.drawing, self.full, self.caption = drawing, width, caption
        self.scale, self.caption_height = 1.0, 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        d = self.drawing
        width = min(self.full, avail_width)
        self.caption_height = self.caption.wrap(width, avail_height)[1] + self.CAPTION_GAP
        room = avail_height - self.caption_height
        if width * d.height / d.width > room:
            width = max(room * d.width / d.height, MIN_CHART_SHARE * width)
        self.scale = width / d.width
        self.width = min(self.full, avail_width)
        self.height = d.height * self.scale + self.caption_height
        return self.width, self.height

    def draw(self) -> None:
        self.caption.drawOn(self.canv, 0, 0)
        self.canv.saveState()
        self.canv.translate(0, self.caption_height)
        self.canv.scale(self.scale, self.scale)
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        self.canv.restoreState()


def pdf_document(
    ds: Dataset,
    s: Summary,
    ctx: figures.Context,
    charts: Sequence[ChartImage],
    paper: str = DEFAULT_PAPER,
) -> bytes:
    """The briefing pack: page 1 tells the story (key message, headline figures, the
    scenario chart), the other charts follow, then one appendix with the scenario's
    settings, the method and every source. ``charts`` holds SVG, drawn as vectors."""
    w = ctx.words
    check_fonts(w)
    _pdf_fonts()
    st = _styles()
    page = PAPERS[paper]
    heads = text.headings(w)
    width = page[0] - 36 * mm

    def pairs(items: list[tuple[str, str]]) -> Table:
        return _grid([list(i) for i in items], width, [st["label"], st["body"]], frozenset({0}))

    story: list = [_p(text.title(w, s), st["h1"]),
                   *[_p(line, st["small"]) for line in text.cover_lines(w, s, ctx.produced)]]
    if ctx.link:
        story.append(
            Paragraph(
                f"{html.escape(text.reopen(w))} "
                f'<link href="{html.escape(ctx.link)}" color="#0b5ed7">'
                f"{html.escape(ctx.link)}</link>",
                st["small"],
            )
        )
    story += [_p(heads["key"], st["h2"]), *[_p(t, st["lead"]) for t in key_message(w, ds, s)]]
    story += [_p(n, st["small"]) for n in text.pack_notes(w, s)]
    story += [_p(heads["headline"], st["h2"]), pairs(text.headline_items(w, s))]
    story.append(_p(heads["charts"], st["h2"]))
    for chart in charts:
        # Each chart carries its own title, scenario, short source line and date; its
        # description is printed under it (reportlab writes no tagged PDF, so an image
        # there cannot carry alt text of its own).
        caption = _p(chart.describe(w, ds, s), st["small"])
        story += [_Chart(svg_drawing(chart.image), width, caption), Spacer(1, 10)]
    story += [
        PageBreak(),
        _p(heads["appendix"], st["h1"]),
        _p(heads["scenario"], st["h2"]),
        pairs(text.scenario_items(w, ds, s)),
        _p(heads["method"], st["h2"]),
        *[Paragraph(html.escape(n, quote=False), st["bullet"], bulletText="•")
          for n in text.method_notes(w, s)],
        _p(heads["sources"], st["h2"]),
        _p(text.sources_intro(w), st["small"]),
        Spacer(1, 4),
        # Published dates and the use made of a citation never wrap.
        _grid(text.source_table(w, ds, s.scenario.reporter), width, [st["cell"]], frozenset({4, 5}),
              header=st["th"]),
    ]

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("TradeDashSans", 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 10 * mm, text.footer(w, ctx.produced))
        canvas.drawRightString(page[0] - 18 * mm, 10 * mm, text.page_number(w, doc.page))
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        initialFontName="TradeDashSans",  # else every page names Helvetica, which is not embedded
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=text.title(w, s),
        author=AUTHOR,
        subject=text.scenario_line(w, s),
        lang=w.lang,
        creator=AUTHOR,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


# --- PowerPoint ----------------------------------------------------------------

SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.33 × 7.5 inches
MARGIN = Inches(0.5)
LAYOUT_TITLE_ONLY = 5  # in python-pptx's default template
# The deck and the Word file name a face that has every Kazakh and Mongolian letter (and
# ₸ ₮); the default template's Calibri lacks Ә Ғ Қ Ң Ө Ұ Ү Һ on many systems.
OFFICE_FONT = "DejaVu Sans"


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _text(slide, text: str, left, top, width, height, size: float, bold: bool = False):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = OFFICE_FONT
    return box


def _title(slide, text: str, size: float = 28) -> None:
    shape = slide.shapes.title
    _place(shape, MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, Inches(0.9))
    shape.text = text
    for para in shape.text_frame.paragraphs:
        para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.name = OFFICE_FONT


def _table(slide, rows: list[list[str]], widths: list[float], top, size: float, header: bool):
    shape = slide.shapes.add_table(
        len(rows), len(rows[0]), MARGIN, top, SLIDE_W - 2 * MARGIN, Inches(0.3) * len(rows)
    )
    table = shape.table
    table.first_row = header
    for i, w in enumerate(widths):
        table.columns[i].width = Inches(w)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
                    run.font.bold = (header and r == 0) or (not header and c == 0)
                    run.font.name = OFFICE_FONT
    return table


def pptx_document(
    ds: Dataset, s: Summary, ctx: figures.Context, charts: Sequence[ChartImage]
) -> bytes:
    """16:9 deck: the key message first, the headline figures, one chart a slide (PNG, with
    alt text), then the scenario's settings and the sources; method in the speaker notes."""
    w = ctx.words
    heads = text.headings(w)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    props = prs.core_properties
    props.title = text.title(w, s)
    props.author = props.last_modified_by = AUTHOR
    props.subject = text.scenario_line(w, s)
    props.comments = text.projection_note(w)
    props.language = w.lang
    props.created = props.modified = dt.datetime.fromisoformat(ctx.produced)
    props.revision = 1
    inner = SLIDE_W - 2 * MARGIN

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, text.title(w, s), size=30)
    _text(slide, "\n".join(key_message(w, ds, s)), MARGIN, Inches(1.4), inner, Inches(3.6), 20)
    cover = text.cover_lines(w, s, ctx.produced)
    cover += [f"{text.reopen(w)} {ctx.link}"] if ctx.link else []
    cover += text.pack_notes(w, s)
    _text(slide, "\n".join(cover), MARGIN, Inches(5.3), inner, Inches(1.9), 12)
    slide.notes_slide.notes_text_frame.text = "\n".join(text.method_notes(w, s))

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, heads["headline"])
    _table(slide, [list(i) for i in text.headline_items(w, s)], [2.6, 9.73], Inches(1.4), 14,
           False)

    for chart in charts:
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, chart.title)
        height = Inches(5.3)
        width = int(height * 16 / 9)
        picture = slide.shapes.add_picture(
            io.BytesIO(chart.image), (SLIDE_W - width) // 2, Inches(1.2), width, height
        )
        picture._element.nvPicPr.cNvPr.set("descr", alt_text(w, chart, ds, s))  # the alt text
        # A slide note is an English msgid, like a chart's title.
        note = f"{w.gettext(chart.slide_note)} " if chart.slide_note else ""
        _text(slide, note + text.produced_line(w, ctx.produced), MARGIN, Inches(6.6),
              inner, Inches(0.6), 10)

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, heads["scenario"])
    _table(slide, [list(i) for i in text.scenario_items(w, ds, s)], [2.6, 9.73], Inches(1.4), 14,
           False)

    header, *rows = text.source_table(w, ds, s.scenario.reporter)
    chunks = [rows[i : i + SOURCES_PER_SLIDE] for i in range(0, len(rows), SOURCES_PER_SLIDE)]
    for n, chunk in enumerate(chunks):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, text.continued(w, heads["sources"]) if n else heads["sources"])
        body = [row[:6] for row in [header, *chunk]]  # the notes are in the PDF and Word files
        _table(slide, body, [1.9, 2.6, 3.3, 2.3, 1.2, 1.03], Inches(1.3), 10, True)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()

from __future__ import annotations

import html
import io
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
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

from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.exports.briefing import (
    PAPER_SIZES,
    PDF_FONT_FACES,
    ChartImage,
    check_fonts,
    fit_widths,
    pdf_font_files,
)
from trade_dash.exports.formats import DEFAULT_PAPER
from trade_dash.wording import briefing as text
from trade_dash.wording.briefing import AUTHOR, key_message

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
    width: float = pdfmetrics.stringWidth(text, "TradeDashSans-Bold", size)
    return width


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

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal"
                  ) -> tuple[str, bool]:
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


class _Chart(Flowable):  # type: ignore[misc]  # reportlab ships no type information
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
    ctx: Context,
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
    page = PAPER_SIZES[paper]
    heads = text.headings(w)
    width = page[0] - 36 * mm

    def pairs(items: list[tuple[str, str]]) -> Table:
        return _grid([list(i) for i in items], width, [st["label"], st["body"]], frozenset({0}))

    story: list[Flowable] = [_p(text.title(w, s), st["h1"]),
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

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
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

"""The briefing pack as PDF (reportlab) and PowerPoint (python-pptx).

Builders take the dataset, the scenario's ``Summary``, the figure context and the
charts already rendered as PNG (``ChartImage``, in the pack's order), and return the
file as bytes; they do no rendering
and read nothing but font files (see ``pdf_font_files``). Every number comes from the
``Summary`` that ``scenario.analyse`` returns, the same one behind the dashboard's
cards and ``trade-dash summary``, so the pack cannot disagree with them.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import reportlab
from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from trade_dash import figures
from trade_dash.normalise import CONFLICT_TOLERANCE
from trade_dash.scenario import Dataset, Summary, sources_rows

PACK_TITLE = "Kazakhstan–Mongolia trade turnover and the {target} goal"
AUTHOR = "trade-dash"
SOURCES_PER_SLIDE = 12

# A TrueType font is embedded in the PDF (the standard 14 fonts are not). DejaVu Sans,
# the font the charts are drawn in, also covers Cyrillic, so Kazakh and Mongolian names
# in citations print; it is used where the system has it (Debian: fonts-dejavu-core).
# Otherwise Bitstream Vera, shipped inside reportlab, which DejaVu grew from (Latin only).
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


@dataclass(frozen=True)
class ChartImage:
    """A chart drawn for the pack: its title, a note for its slide, the PNG."""

    title: str
    slide_note: str
    png: bytes


# --- the text of the pack (pure) ---------------------------------------------


def musd(x: float, digits: int = 1) -> str:
    return f"US$ {x:,.{digits}f} million"


def title(s: Summary) -> str:
    return PACK_TITLE.format(target=f"US$ {s.target_musd:,.0f} million")


def reached(year: int | None, horizon: int) -> str:
    return f"target reached in {year}" if year else f"target not reached by {horizon}"


def headline_items(s: Summary) -> list[tuple[str, str]]:
    """(label, value) pairs with the precision ``trade-dash summary`` prints."""
    items = []
    if s.latest_full_year:
        f = s.latest_full_year
        items.append(("Latest full year", f"{f['year']}: {musd(f['value_musd'])}"))
    if s.year_to_date:
        y = s.year_to_date
        items.append(
            (
                "Year to date",
                f"{y['period']}: {musd(y['value_musd'])}; full-year estimate "
                f"{musd(y['annualised_musd'], 2)} ({y['method_description']})",
            )
        )
    b = s.base
    kind = "current-year estimate" if b["kind"] == "ytd" else "latest full year"
    items += [
        ("Scenario base", f"{b['year']} {kind}: {musd(b['value_musd'], 2)}"),
        (
            "Target",
            f"{musd(s.target_musd)} a year by {s.target_year} (the year is an assumption: "
            "no source states a deadline)",
        ),
        ("Gap to target", f"{musd(s.gap_musd, 2)} ({s.gap_pct_of_target:.1f} % of the target)"),
        (
            "Growth needed",
            f"{s.required_growth_pct:.2f} % a year from {b['year']} to {s.target_year}",
        ),
        (
            "Scenario growth",
            f"{s.scenario_growth_pct:+.1f} % a year: "
            f"{reached(s.target_reached_year, s.horizon_year)}",
        ),
        (
            "Low / high band",
            f"{s.band['low_pct']:+.1f} % a year: "
            f"{reached(s.band['low_reached_year'], s.horizon_year)}; "
            f"{s.band['high_pct']:+.1f} % a year: "
            f"{reached(s.band['high_reached_year'], s.horizon_year)}",
        ),
    ]
    return items


def scenario_items(ds: Dataset, s: Summary) -> list[tuple[str, str]]:
    """The scenario's settings, as a reader needs them to reproduce it."""
    sc, b = s.scenario, s.base
    default = s.default_growth
    growth = f"{sc.growth_pct:+.1f} % a year"
    if default["from_year"] is not None and abs(sc.growth_pct - default["pct"]) < 1e-9:
        growth += f" (the default: {default['rule']})"
    if b["kind"] == "ytd":
        base = f"{b['year']} current-year estimate (annualised year to date)"
        method = s.year_to_date["method_description"]
    else:
        base = f"{b['year']} latest full year"
        method = "not used: the base is a full year"
    return [
        ("Growth rate", growth),
        (
            "Band",
            f"± {sc.band_pct:g} points ({s.band['low_pct']:+.1f} % to {s.band['high_pct']:+.1f} %)",
        ),
        ("Target", f"{musd(sc.target_musd)} a year"),
        ("Target year", f"{sc.target_year} (an assumption)"),
        ("Base", base),
        ("Annualisation", method),
        ("Horizon", f"projections run to {s.horizon_year} at the latest"),
        ("Data", Path(ds.source).name),
    ]


def method_notes(s: Summary) -> list[str]:
    """How the numbers were made, including the annualisation this scenario used."""
    notes = [
        "One figure per year: a full-year figure supersedes a January-to-month-N figure; "
        "then statistics office, customs, government, business association, other; then an "
        "exact figure before an approximate one; then the most recent publication. Other "
        "citations are kept as alternates.",
        f"A year is flagged disputed when citations for the same period differ by more than "
        f"{CONFLICT_TOLERANCE:.0%}. Years with no citation are shown as missing, never filled in.",
    ]
    if s.year_to_date:
        y = s.year_to_date
        notes.append(
            f"Annualisation: {y['period']} = {musd(y['value_musd'])} becomes a full-year "
            f"estimate of {musd(y['annualised_musd'], 2)} by {y['method_description']}. "
            "It is an estimate, not a reported figure."
        )
    notes += [
        "Projection: base × (1 + rate) ^ years, one point a year. Required rate: "
        "(target ÷ base) ^ (1 ÷ (target year − base year)) − 1.",
        f"Assumptions: the target year {s.target_year} is assumed, as no source gives a "
        f"deadline; growth is constant; the default rate is the {s.default_growth['rule']}.",
        figures.PROJECTION_NOTE,
    ]
    notes += [f"Adjusted: {n}" for n in s.notices]
    return notes


def plain_source_line(ds: Dataset) -> str:
    """The charts' source line as plain text (the chart copy is escaped for plotly)."""
    return html.unescape(figures.source_line(ds))


def figure_text(r: Mapping) -> str:
    """A sources-table row's figure in a few words, naming the flow when it is not turnover."""
    flow = "" if r["flow"] == "total turnover" else f" ({r['flow']})"
    return f"{r['measure']}{flow}, {r['period']}: {r['value_musd']:g} ({r['precision']})"


# --- PDF -------------------------------------------------------------------


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


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName="TradeDashSans", bulletFontName="TradeDashSans", fontSize=9.5, leading=12.5
    )
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8, leading=10, textColor="#444444"),
        "cell": ParagraphStyle("cell", base, fontSize=7.5, leading=9.2),
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


def _grid(rows: list[list], widths: list[float], header: bool = False) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), "TradeDashSans"),  # the default would be Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f1f3")))
    table.setStyle(TableStyle(style))
    return table


def pdf_document(
    ds: Dataset, s: Summary, ctx: figures.Context, charts: Sequence[ChartImage]
) -> bytes:
    """The A4 briefing pack: headline figures and scenario, charts, sources, method."""
    _pdf_fonts()
    st = _styles()
    width = A4[0] - 36 * mm
    bold = ParagraphStyle("label", st["body"], fontName="TradeDashSans-Bold")

    def pairs(items: list[tuple[str, str]]) -> Table:
        return _grid(
            [[_p(k, bold), _p(v, st["body"])] for k, v in items], [38 * mm, width - 38 * mm]
        )

    story: list = [
        _p(title(s), st["h1"]),
        _p(f"Briefing pack produced {ctx.produced}. {figures.PROJECTION_NOTE}", st["small"]),
        _p("Headline figures", st["h2"]),
        pairs(headline_items(s)),
        _p("Scenario parameters", st["h2"]),
        pairs(scenario_items(ds, s)),
    ]
    story += [_p(f"Note: {n}", st["small"]) for n in s.notices]
    if ctx.link:
        story += [
            Spacer(1, 8),
            Paragraph(
                "Reopen this scenario in the dashboard: "
                f'<link href="{html.escape(ctx.link)}" color="#0b5ed7">'
                f"{html.escape(ctx.link)}</link>",
                st["body"],
            ),
        ]
    story.append(PageBreak())
    story.append(_p("Charts", st["h2"]))
    for chart in charts:
        # Each chart carries its own title, scenario, sources and date.
        story.append(Image(io.BytesIO(chart.png), width=width, height=width * 9 / 16))
        story.append(Spacer(1, 12))
    story.append(_p(plain_source_line(ds), st["small"]))
    story.append(PageBreak())
    story.append(_p("Sources: every citation", st["h2"]))
    story.append(
        _p(
            "One row per figure as a source gave it. 'headline' rows make up the series; "
            "'alternate' rows were set aside by the rule in the method note; 'target' rows "
            "cite the goal.",
            st["small"],
        )
    )
    story.append(Spacer(1, 4))
    header = ["Citation", "Figure", "Reported by", "Outlet", "Published", "Used as", "Note"]
    rows = [
        [_p(h, ParagraphStyle("th", st["cell"], fontName="TradeDashSans-Bold")) for h in header]
    ]
    for r in sources_rows(ds):
        figure = figure_text(r)
        rows.append(
            [
                _p(f"{r['citation_id']} (line {r['line']})", st["cell"]),
                _p(figure, st["cell"]),
                _p(r["reporter"], st["cell"]),
                _p(r["outlet"], st["cell"]),
                _p(r["published"], st["cell"]),
                _p(r["used"], st["cell"]),
                _p(r["note"], st["cell"]),
            ]
        )
    story.append(_grid(rows, [w * mm for w in (24, 27, 29, 24, 17, 15, 38)], header=True))
    story.append(_p("Method", st["h2"]))
    story += [
        Paragraph(html.escape(n, quote=False), st["bullet"], bulletText="•")
        for n in method_notes(s)
    ]

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("TradeDashSans", 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 10 * mm, f"trade-dash briefing, produced {ctx.produced}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"page {doc.page}")
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        initialFontName="TradeDashSans",  # else every page names Helvetica, which is not embedded
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title(s),
        author=AUTHOR,
        subject=f"Scenario: {html.unescape(figures.scenario_subtitle(s))}",
        creator=AUTHOR,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


# --- PowerPoint ----------------------------------------------------------------

SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.33 × 7.5 inches
MARGIN = Inches(0.5)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5  # in python-pptx's default template


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
    return table


def pptx_document(
    ds: Dataset, s: Summary, ctx: figures.Context, charts: Sequence[ChartImage]
) -> bytes:
    """16:9 deck: title slide with the headline numbers, one chart a slide, sources."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    props = prs.core_properties
    props.title = title(s)
    props.author = props.last_modified_by = AUTHOR
    props.subject = html.unescape(figures.scenario_subtitle(s))
    props.comments = figures.PROJECTION_NOTE
    props.created = props.modified = dt.datetime.fromisoformat(ctx.produced)
    props.revision = 1
    inner = SLIDE_W - 2 * MARGIN

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    _title(slide, title(s), size=30)
    subtitle = slide.placeholders[1]
    _place(subtitle, MARGIN, Inches(1.2), inner, Inches(0.9))
    subtitle.text = (
        f"Briefing produced {ctx.produced}. {html.unescape(figures.scenario_subtitle(s))}."
    )
    for para in subtitle.text_frame.paragraphs:
        para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.size = Pt(14)
    _table(slide, [list(i) for i in headline_items(s)], [2.6, 9.73], Inches(2.2), 14, False)
    foot = figures.PROJECTION_NOTE + (f" Reopen this scenario: {ctx.link}" if ctx.link else "")
    _text(slide, foot, MARGIN, Inches(6.6), inner, Inches(0.6), 11)
    slide.notes_slide.notes_text_frame.text = "\n".join(method_notes(s))

    source = plain_source_line(ds)
    for chart in charts:
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, chart.title)
        height = Inches(5.3)
        width = int(height * 16 / 9)
        slide.shapes.add_picture(
            io.BytesIO(chart.png), (SLIDE_W - width) // 2, Inches(1.2), width, height
        )
        note = f" {chart.slide_note}" if chart.slide_note else ""
        _text(
            slide,
            f"{source}{note} Produced {ctx.produced} with trade-dash.",
            MARGIN,
            Inches(6.6),
            inner,
            Inches(0.6),
            10,
        )

    rows = sources_rows(ds)
    chunks = [rows[i : i + SOURCES_PER_SLIDE] for i in range(0, len(rows), SOURCES_PER_SLIDE)]
    header = ["Citation", "Figure", "Reported by", "Outlet", "Published", "Used as"]
    for n, chunk in enumerate(chunks):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, "Sources: every citation" + (" (continued)" if n else ""))
        body = [
            [
                r["citation_id"],
                figure_text(r),
                r["reporter"],
                r["outlet"],
                r["published"],
                r["used"],
            ]
            for r in chunk
        ]
        _table(slide, [header, *body], [1.6, 2.6, 3.4, 2.4, 1.2, 1.13], Inches(1.3), 10, True)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()

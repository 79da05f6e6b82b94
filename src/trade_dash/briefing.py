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
from collections.abc import Mapping, Sequence
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
from trade_dash.normalise import CONFLICT_TOLERANCE, period_label
from trade_dash.scenario import Dataset, Summary, sources_rows
from trade_dash.wording import english, facts

PACK_TITLE = "Kazakhstan–Mongolia trade turnover and the {target} goal"
AUTHOR = "trade-dash"
SOURCES_PER_SLIDE = 12
PAPERS = {"a4": A4, "letter": LETTER}  # (width, height) in points
DEFAULT_PAPER = "a4"

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
    """A chart drawn for the pack: its name in the chart registry, its title, a note for
    its slide, and the image (SVG for the PDF, PNG for the slides and the Word file)."""

    name: str
    title: str
    slide_note: str
    image: bytes


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
        ("Reporting side", facts.side_text(english(), s)),
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
        ("Reporting side", f"{sc.reporter}: {facts.side_text(english(), s)}"),
        ("Data", Path(ds.source).name),
    ]


def freshness_sentence(s: Summary, produced: str) -> str:
    """How fresh the data is on the day the briefing is produced."""
    text = facts.freshness_text(english(), s.data_freshness)
    stale = facts.stale_text(english(), s.data_freshness, dt.date.fromisoformat(produced),
                             briefing=True)
    return f"Data: {text}." + (f" {stale}" if stale else "")


def method_notes(s: Summary) -> list[str]:
    """How the numbers were made, including the annualisation this scenario used."""
    notes = [
        "One figure per year: a full-year figure supersedes a January-to-month-N figure; "
        "then statistics office, customs, government, business association, other; then an "
        "exact figure before an approximate one; then the most recent publication. Other "
        "citations are kept as alternates.",
        "Reporting side: Kazakhstan and Mongolia each publish the trade from their own books, "
        "and the figures differ. This briefing uses "
        f"{facts.side_text(english(), s)}. With reporting side 'any', the side whose "
        "citations cover the "
        "most years is kept and the other side is used only for a year it does not cover; "
        "growth rates offered as presets or as the default never compare years from "
        "different sides.",
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
    mixed = facts.mixed_sides_note(english(), s)
    if mixed:
        notes.insert(2, mixed)
    notes += [f"Adjusted: {facts.notice_text(english(), n)}" for n in s.notices]
    return notes


def figure_text(r: Mapping) -> str:
    """A sources-table row's figure in a few words, naming the flow when it is not turnover."""
    flow = "" if r["flow"] == "total turnover" else f" ({r['flow']})"
    return f"{r['measure']}{flow}, {r['period']}: {r['value_musd']:g} ({r['precision']})"


# Section headings, in the order every format uses them.
HEADINGS = {
    "key": "Key message",
    "headline": "Headline figures",
    "charts": "Charts",
    "appendix": "Appendix: scenario, method and sources",
    "scenario": "Scenario parameters",
    "method": "Method",
    "sources": "Sources: every citation",
}
SOURCES_INTRO = (
    "One row per figure as a source gave it. 'headline' rows make up the series; "
    "'alternate' rows were set aside by the rule in the method note; 'target' rows "
    "cite the goal."
)
SOURCES_HEADER = ("Citation", "Figure", "Reported by", "Outlet", "Published", "Used as", "Note")
REOPEN = "Reopen this scenario in the dashboard:"


def key_message(ds: Dataset, s: Summary) -> list[str]:
    """Two or three plain sentences for a reader with one minute: where trade stands, what
    the target needs and what the chosen scenario gives, with the assumptions named."""
    full, ytd, b = s.latest_full_year, s.year_to_date, s.base
    stands = []
    if full:
        stands.append(
            f"Trade turnover was {musd(full['value_musd'])} in {full['year']}, "
            "the latest full year"
        )
    if ytd:
        stands.append(
            f"{ytd['period']} reached {musd(ytd['value_musd'])}, an estimated "
            f"{musd(ytd['annualised_musd'], 2)} for the whole of {ytd['year']} "
            f"({ytd['method_description']})"
        )
    target = f"{'assumed ' if ds.target is None else ''}US$ {s.target_musd:,g} million target"
    base = (
        f"the {b['year']} estimate of {musd(b['value_musd'], 2)}"
        if b["kind"] == "ytd"
        else f"the {b['year']} figure of {musd(b['value_musd'])}"
    )
    when = f"{s.target_year} (an assumed year: no source states a deadline)"
    if s.gap_musd <= 0:
        needs = f"The {target} for {when} is already met by {base}."
    else:
        needs = (
            f"Reaching the {target} by {when} needs growth of "
            f"{s.required_growth_pct:.2f} % a year from {base}."
        )
    rate = f"At the scenario's {s.scenario_growth_pct:+.1f} % a year"
    gives = (
        f"{rate}, the target is reached in {s.target_reached_year}."
        if s.target_reached_year
        else f"{rate}, the target is not reached by {s.horizon_year}."
    )
    opening = "; ".join(stands)
    rs = s.reporting_side
    if opening and (rs["reporter"] != "any" or rs["primary"] is not None):
        # Whose books the figures come from is an assumption the reader must see.
        opening = f"On {facts.side_text(english(), s)}, {opening[0].lower()}{opening[1:]}"
    return [*([opening + "."] if opening else []), needs, gives]


def cover_lines(s: Summary, ctx: figures.Context) -> list[str]:
    """Under the title: when the pack was made, and the scenario it shows."""
    return [
        f"Briefing produced {ctx.produced} with trade-dash. {figures.PROJECTION_NOTE}",
        f"{html.unescape(figures.scenario_subtitle(s))}.",
        freshness_sentence(s, ctx.produced),
    ]


def pack_notes(s: Summary) -> list[str]:
    """Notes under the cover: a series that mixes reporting sides, and adjusted settings."""
    mixed = facts.mixed_sides_note(english(), s)
    return [f"Note: {n}" for n in ([mixed] if mixed else [])
            + [facts.notice_text(english(), n) for n in s.notices]]


def alt_text(chart: ChartImage, ds: Dataset, s: Summary) -> str:
    """What a chart shows, for readers who cannot see it (the picture's description); a
    chart this function does not know by name is described by its title."""
    title = chart.title
    series = ds.view(s.scenario.reporter).series  # the side the charts draw
    years = series["year"]
    if chart.name == "history":
        missing = series.loc[series["status"] == "missing", "year"].tolist()
        gaps = f"; no figure is cited for {', '.join(map(str, missing))}" if missing else ""
        ytd = s.year_to_date
        part = (
            f"; {ytd['period']} is drawn as a partial year with its full-year estimate"
            if ytd
            else ""
        )
        return f"{title}: cited turnover by year, {years.min()}–{years.max()}{gaps}{part}."
    if chart.name == "scenario":
        return (
            f"{title}: cited turnover and a projection at {s.scenario_growth_pct:+.1f} % a year "
            f"(band {s.band['low_pct']:+.1f} to {s.band['high_pct']:+.1f} %) from the "
            f"{s.base['year']} base, against the US$ {s.target_musd:,g} million target line; "
            f"{reached(s.target_reached_year, s.horizon_year)}. The dotted path is the "
            f"{s.required_growth_pct:.2f} % a year needed by {s.target_year}."
        )
    if chart.name == "flows":
        return _flows_alt_text(title, ds, s)
    return f"{title}."


def _flows_alt_text(title: str, ds: Dataset, s: Summary) -> str:
    flows = ds.view(s.scenario.reporter).flows
    side = facts.side_text(english(), s)
    if flows.empty:
        return f"{title}, {side}: no export or import figures are cited for this side."
    years = flows["year"]
    text = (
        f"{title}, {side}: Kazakh exports to Mongolia and Mongolian exports to Kazakhstan "
        f"by year, {years.min()}–{years.max()}, and the balance where both are given for "
        "the same period"
    )
    whole = flows[(flows["status"] == "full") & (flows["balance_basis"] == "both")]
    if len(whole):
        last = whole.iloc[-1]
        text += (
            f"; the latest whole-year balance is {musd(last['balance_musd'])} in "
            f"{last['year']} ({musd(last['kz_exports_musd'])} of Kazakh exports less "
            f"{musd(last['mn_exports_musd'])} of Mongolian exports)"
        )
    missing = flows.loc[flows["status"] == "missing", "year"].tolist()
    if missing:
        text += f"; no figure is cited for {', '.join(map(str, missing))}"
    partial = flows[flows["status"] == "partial"]
    if len(partial):
        periods = [period_label(y, m) for y, m in zip(partial["year"], partial["months"],
                                                      strict=True)]
        verb = "is a partial year" if len(periods) == 1 else "are partial years"
        text += f"; {', '.join(periods)} {verb}"
    return text + "."


def source_table(ds: Dataset, reporter: str) -> list[list[str]]:
    """The sources table, header first: every citation with the use the rule made of it
    for the series of ``reporter``'s side."""
    return [
        list(SOURCES_HEADER),
        *(
            [
                f"{r['citation_id']} (line {r['line']})",
                figure_text(r),
                f"{r['reporter']} (side: {r['side']})",
                r["outlet"],
                r["published"],
                r["used"],
                r["note"],
            ]
            for r in sources_rows(ds, reporter)
        ),
    ]


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


# --- PDF -------------------------------------------------------------------

CELL_PAD = 3 + 6 + 1  # the table's left and right padding, and a point to spare
MIN_CHART_SHARE = 0.7  # a chart may shrink to this share of the text width to stay on a page


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
    """A chart at the text width, shrunk (down to ``MIN_CHART_SHARE``) when that keeps it
    on the current page, as the scenario chart must be on page 1."""

    def __init__(self, drawing: Drawing, width: float):
        super().__init__()
        self.drawing, self.full = drawing, width
        self.scale = 1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        d = self.drawing
        width = min(self.full, avail_width)
        if width * d.height / d.width > avail_height:
            width = max(avail_height * d.width / d.height, MIN_CHART_SHARE * width)
        self.scale = width / d.width
        self.width, self.height = width, d.height * self.scale
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
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
    _pdf_fonts()
    st = _styles()
    page = PAPERS[paper]
    width = page[0] - 36 * mm

    def pairs(items: list[tuple[str, str]]) -> Table:
        return _grid([list(i) for i in items], width, [st["label"], st["body"]], frozenset({0}))

    story: list = [_p(title(s), st["h1"]), *[_p(line, st["small"]) for line in cover_lines(s, ctx)]]
    if ctx.link:
        story.append(
            Paragraph(
                f'{REOPEN} <link href="{html.escape(ctx.link)}" color="#0b5ed7">'
                f"{html.escape(ctx.link)}</link>",
                st["small"],
            )
        )
    story += [_p(HEADINGS["key"], st["h2"]), *[_p(t, st["lead"]) for t in key_message(ds, s)]]
    story += [_p(n, st["small"]) for n in pack_notes(s)]
    story += [_p(HEADINGS["headline"], st["h2"]), pairs(headline_items(s))]
    story.append(_p(HEADINGS["charts"], st["h2"]))
    for chart in charts:
        # Each chart carries its own title, scenario, short source line and date.
        story += [_Chart(svg_drawing(chart.image), width), Spacer(1, 10)]
    story += [
        PageBreak(),
        _p(HEADINGS["appendix"], st["h1"]),
        _p(HEADINGS["scenario"], st["h2"]),
        pairs(scenario_items(ds, s)),
        _p(HEADINGS["method"], st["h2"]),
        *[Paragraph(html.escape(n, quote=False), st["bullet"], bulletText="•")
          for n in method_notes(s)],
        _p(HEADINGS["sources"], st["h2"]),
        _p(SOURCES_INTRO, st["small"]),
        Spacer(1, 4),
        # Published dates and the use made of a citation never wrap.
        _grid(source_table(ds, s.scenario.reporter), width, [st["cell"]], frozenset({4, 5}),
              header=st["th"]),
    ]

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("TradeDashSans", 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(18 * mm, 10 * mm, f"trade-dash briefing, produced {ctx.produced}")
        canvas.drawRightString(page[0] - 18 * mm, 10 * mm, f"page {doc.page}")
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
LAYOUT_TITLE_ONLY = 5  # in python-pptx's default template


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
    """16:9 deck: the key message first, the headline figures, one chart a slide (PNG, with
    alt text), then the scenario's settings and the sources; method in the speaker notes."""
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

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, title(s), size=30)
    _text(slide, "\n".join(key_message(ds, s)), MARGIN, Inches(1.4), inner, Inches(3.6), 20)
    cover = cover_lines(s, ctx) + ([f"{REOPEN} {ctx.link}"] if ctx.link else [])
    cover += pack_notes(s)
    _text(slide, "\n".join(cover), MARGIN, Inches(5.3), inner, Inches(1.9), 12)
    slide.notes_slide.notes_text_frame.text = "\n".join(method_notes(s))

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, HEADINGS["headline"])
    _table(slide, [list(i) for i in headline_items(s)], [2.6, 9.73], Inches(1.4), 14, False)

    for chart in charts:
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, chart.title)
        height = Inches(5.3)
        width = int(height * 16 / 9)
        picture = slide.shapes.add_picture(
            io.BytesIO(chart.image), (SLIDE_W - width) // 2, Inches(1.2), width, height
        )
        picture._element.nvPicPr.cNvPr.set("descr", alt_text(chart, ds, s))  # the alt text
        note = f"{chart.slide_note} " if chart.slide_note else ""
        _text(slide, f"{note}Produced {ctx.produced} with trade-dash.", MARGIN, Inches(6.6),
              inner, Inches(0.6), 10)

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _title(slide, HEADINGS["scenario"])
    _table(slide, [list(i) for i in scenario_items(ds, s)], [2.6, 9.73], Inches(1.4), 14, False)

    header, *rows = source_table(ds, s.scenario.reporter)
    chunks = [rows[i : i + SOURCES_PER_SLIDE] for i in range(0, len(rows), SOURCES_PER_SLIDE)]
    for n, chunk in enumerate(chunks):
        slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
        _title(slide, HEADINGS["sources"] + (" (continued)" if n else ""))
        body = [row[:6] for row in [header, *chunk]]  # the notes are in the PDF and Word files
        _table(slide, body, [1.9, 2.6, 3.3, 2.3, 1.2, 1.03], Inches(1.3), 10, True)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()

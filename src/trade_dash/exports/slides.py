from __future__ import annotations

import io
from collections.abc import Sequence

from pptx import Presentation
from pptx.enum.text import PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.table import Table
from pptx.util import Emu, Inches, Length, Pt

from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.exports.briefing import (
    SLIDE_H,
    SLIDE_W,
    SOURCES_PER_SLIDE,
    ChartImage,
    alt_text,
    set_properties,
)
from trade_dash.wording import briefing as text
from trade_dash.wording.briefing import key_message

MARGIN = Inches(0.5)


LAYOUT_TITLE_ONLY = 5  # in python-pptx's default template


# The deck and the Word file name a face that has every Kazakh and Mongolian letter (and
# ₸ ₮); the default template's Calibri lacks Ә Ғ Қ Ң Ө Ұ Ү Һ on many systems.
OFFICE_FONT = "DejaVu Sans"


def _place(shape: BaseShape, left: Length, top: Length, width: Length, height: Length) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _text(slide: Slide, text: str, left: Length, top: Length, width: Length, height: Length,
          size: float, bold: bool = False) -> Shape:
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


def _title(slide: Slide, text: str, size: float = 28) -> None:
    shape = slide.shapes.title
    assert shape is not None  # every slide is made with the title-only layout
    _place(shape, MARGIN, Inches(0.3), Emu(SLIDE_W - 2 * MARGIN), Inches(0.9))
    shape.text = text
    for para in shape.text_frame.paragraphs:
        para.alignment = PP_ALIGN.LEFT
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.name = OFFICE_FONT


def _table(slide: Slide, rows: list[list[str]], widths: list[float], top: Length, size: float,
           header: bool) -> Table:
    shape = slide.shapes.add_table(len(rows), len(rows[0]), MARGIN, top,
                                   Emu(SLIDE_W - 2 * MARGIN), Emu(Inches(0.3) * len(rows)))
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
    ds: Dataset, s: Summary, ctx: Context, charts: Sequence[ChartImage]
) -> bytes:
    """16:9 deck: the key message first, the headline figures, one chart a slide (PNG, with
    alt text), then the scenario's settings and the sources; method in the speaker notes."""
    w = ctx.words
    heads = text.headings(w)
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    set_properties(prs.core_properties, w, s, ctx)
    inner = Emu(SLIDE_W - 2 * MARGIN)

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

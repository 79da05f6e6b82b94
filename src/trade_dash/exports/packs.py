from __future__ import annotations

import datetime as dt

from trade_dash.charts.registry import CHARTS, Chart, Registry
from trade_dash.charts.sizes import EXPORT_SIZES, PAGE_IMAGE, SLIDE, ExportSize, export_figure
from trade_dash.charts.style import Context, reopen_link
from trade_dash.config import Config
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.exports.briefing import ChartImage
from trade_dash.exports.formats import DEFAULT_PAPER
from trade_dash.exports.images import PAGE_VECTOR, Renderer
from trade_dash.exports.pdf import pdf_document
from trade_dash.exports.slides import pptx_document
from trade_dash.exports.word import docx_document


def render_chart(
    renderer: Renderer,
    chart: Chart,
    fmt: str,
    ds: Dataset,
    s: Summary,
    ctx: Context,
    size: ExportSize | None = None,
) -> bytes:
    """One chart for a scenario, title, scenario, sources and date included."""
    if fmt not in chart.formats:
        raise ValueError(f"the {chart.name} chart comes as {', '.join(chart.formats)}, not {fmt}")
    return _draw(renderer, chart, fmt, ds, s, ctx, size or EXPORT_SIZES[fmt])


def _draw(renderer: Renderer, chart: Chart, fmt: str, ds: Dataset, s: Summary,
          ctx: Context, size: ExportSize) -> bytes:
    return renderer.render(export_figure(chart.build(ds, s, ctx), size), fmt, size)


def pack_charts(
    renderer: Renderer,
    fmt: str,
    size: ExportSize,
    ds: Dataset,
    s: Summary,
    ctx: Context,
    charts: Registry,
) -> list[ChartImage]:
    """The briefing charts of ``charts``, in the pack's order, as ``fmt`` at ``size``:
    whatever formats a chart offers for download, the pack embeds SVG or PNG."""
    return [
        ChartImage(c.name, c.title_in(ctx.words), c.slide_note,
                            _draw(renderer, c, fmt, ds, s, ctx, size), c.describe)
        for c in charts.in_briefing()
    ]


def briefing_pdf(
    renderer: Renderer, ds: Dataset, s: Summary, ctx: Context,
    paper: str = DEFAULT_PAPER, charts: Registry = CHARTS,
) -> bytes:
    images = pack_charts(renderer, "svg", PAGE_VECTOR, ds, s, ctx, charts)
    return pdf_document(ds, s, ctx, images, paper)


def briefing_pptx(
    renderer: Renderer, ds: Dataset, s: Summary, ctx: Context,
    paper: str = DEFAULT_PAPER, charts: Registry = CHARTS,
) -> bytes:
    """The deck; ``paper`` is accepted like the other formats' but slides have no paper size."""
    images = pack_charts(renderer, "png", SLIDE, ds, s, ctx, charts)
    return pptx_document(ds, s, ctx, images)


def briefing_docx(
    renderer: Renderer, ds: Dataset, s: Summary, ctx: Context,
    paper: str = DEFAULT_PAPER, charts: Registry = CHARTS,
) -> bytes:
    images = pack_charts(renderer, "png", PAGE_IMAGE, ds, s, ctx, charts)
    return docx_document(ds, s, ctx, images, paper)


BRIEFINGS = {"pdf": briefing_pdf, "pptx": briefing_pptx, "docx": briefing_docx}


def filename(kind: str, fmt: str, produced: str) -> str:
    """Download name, e.g. trade-dash-scenario-2026-11-22.png."""
    return f"trade-dash-{kind}-{produced}.{fmt}"


def cli_context(config: Config, query: str, today: dt.date | None = None) -> Context:
    """Date and reopen link for an export made outside a web request."""
    produced = (today or dt.date.today()).isoformat()
    return Context(produced=produced, link=reopen_link(config.root_url, query))

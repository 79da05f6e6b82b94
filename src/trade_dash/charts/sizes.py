from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go


@dataclass(frozen=True)
class ExportSize:
    """The canvas of a static export: layout size in CSS pixels and the factor it is drawn at.

    Lettering, markers and margins are sized for the layout, so a slide laid out at
    1024 × 576 and drawn at 3.125× is a sharp 3200 × 1800 PNG whose text still reads
    when projected, where laying it out at 3200 × 1800 would shrink the text to specks.
    """

    width: int
    height: int
    scale: float = 1.0

    @property
    def pixels(self) -> tuple[int, int]:
        """Width and height of the file in pixels (PNG) or CSS pixels (SVG, PDF)."""
        return round(self.width * self.scale), round(self.height * self.scale)


# 16:9 slide: 3200 × 1800 px, the same pixels as 1600 × 900 at scale 2.
SLIDE = ExportSize(1024, 576, 3.125)


# A4 landscape, 297 × 210 mm at 96 CSS pixels per inch; vector, so no scale is needed.
A4_LANDSCAPE = ExportSize(1123, 794)


# A chart placed 17 cm wide on an A4 briefing page: 2048 px is about 300 dpi.
PAGE_IMAGE = ExportSize(1024, 576, 2)


EXPORT_SIZES = {"png": SLIDE, "svg": A4_LANDSCAPE, "pdf": A4_LANDSCAPE}


# Where the legend of an exported chart starts, below the title (pinned 3 % below the top
# edge, see ``_layout_dict``) and the subtitle's lines: measured on the exported SVG.
TITLE_BLOCK_PX = 44  # from the top of the title to the top of the subtitle's first line


SUBTITLE_LINE_PX = 17  # one 13 px subtitle line


def export_figure(fig: go.Figure, size: ExportSize) -> go.Figure:
    """A copy of ``fig`` on a fixed canvas; the dashboard's copy keeps resizing with the page.

    The legend hangs from below the subtitle, and plotly reserves its height above the
    plot: legend names in some languages are long enough to take two or three rows, which
    would otherwise grow upwards over the subtitle."""
    out = go.Figure(fig)
    subtitle = out.layout.title.subtitle.text
    lines = subtitle.count("<br>") + 1 if subtitle else 0
    top = 0.03 * size.height + TITLE_BLOCK_PX + SUBTITLE_LINE_PX * lines
    out.update_layout(
        width=size.width, height=size.height, autosize=False,
        margin={"t": round(top)},
        legend={"yref": "container", "y": 1 - top / size.height, "yanchor": "top"},
    )
    return out

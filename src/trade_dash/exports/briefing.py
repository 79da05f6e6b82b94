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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reportlab
from pptx.util import Emu
from reportlab.lib.pagesizes import A4, LETTER

from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.exports.formats import PAPERS
from trade_dash.wording import briefing as text
from trade_dash.wording import describe
from trade_dash.wording.briefing import AUTHOR, key_message
from trade_dash.wording.core import Wording

__all__ = ["AUTHOR", "key_message"]  # key_message is the page's too
SOURCES_PER_SLIDE = 12
PAPER_SIZES = dict(zip(PAPERS, (A4, LETTER), strict=True))  # (width, height) in points

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
    rows: list[list[str]], total: float, measure: Callable[[str], float],
    nowrap: frozenset[int] = frozenset(), pad: float = 0.0,
) -> list[float]:
    """Column widths from the content, adding up to ``total``.

    Each column is at least as wide as its longest word, or its longest whole cell for
    the columns in ``nowrap`` (dates, labels), so no date or number is broken or clipped;
    the width left over goes to the columns with the most text. Only if the unbreakable
    words alone are wider than ``total`` are the wrapping columns squeezed (their long
    words then break), never the ``nowrap`` ones.
    """
    cols = list(zip(*rows, strict=True))

    def widest(texts: Iterable[str]) -> float:
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

# --- PowerPoint ----------------------------------------------------------------

SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # 16:9, 13.33 × 7.5 inches


def set_properties(props: Any, w: Wording, s: Summary, ctx: Context) -> None:
    """The document properties of an Office briefing (PowerPoint or Word alike): title,
    author, subject, comments, language and the production date."""
    props.title = text.title(w, s)
    props.author = props.last_modified_by = AUTHOR
    props.subject = text.scenario_line(w, s)
    props.comments = text.projection_note(w)
    props.language = w.lang
    props.created = props.modified = dt.datetime.fromisoformat(ctx.produced)
    props.revision = 1

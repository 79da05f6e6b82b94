from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from trade_dash.wording import english
from trade_dash.wording.core import Wording

# Chosen to stay apart under deuteranopia and protanopia, to reach 3:1 on white, and 4.5:1
# where they also colour text (tests/unit/test_palette.py): Okabe–Ito blue and green,
# Okabe–Ito orange darkened for contrast, Paul Tol's wine for projections, Okabe–Ito
# vermillion for Mongolian exports. Colour is never the only signal: each series also has
# its own marker or dash.
COLOURS = {
    "actual": "#0072B2",
    "partial": "#A15C00",
    "projection": "#882255",
    "band": "rgba(136, 34, 85, 0.15)",
    "required": "#009E73",
    "target": "#000000",
    "alternate": "#7F7F7F",
    "other_side": "#0070F0",  # a brighter blue, drawn thin: the other side's books
    "missing": "rgba(0, 0, 0, 0.06)",
    "kz_exports": "#0072B2",
    "mn_exports": "#D55E00",
    "balance": "#000000",
}


FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


# Footer and subtitle lines are wrapped to this many characters, which fit the plot width
# of a laptop page and of every export size; a name in the source line is cut to NAME_CHARS.
LINE_CHARS = 125


SUBTITLE_CHARS = 110


NAME_CHARS = 60


FOOTER_GAP_PX = 38  # from the bottom of the plot area to the footer: room for tick labels


FOOTER_LINE_PX = 14  # one 10 px footer line, with plotly's line spacing and some slack


HOVER_ALTERNATES = 5  # other citations listed in a point's hover label; the rest are counted


@dataclass(frozen=True)
class Context:
    """What a figure needs besides the data: when it was produced, where it lives."""

    produced: str  # ISO date printed on the chart
    link: str | None = None  # address that reopens the same scenario
    words: Wording = field(default_factory=english)  # the reader's language


def reopen_link(root: str, query: str, lang: str | None = None) -> str:
    """The address that reopens a scenario (in ``lang``, when given and not English):
    the one rule for the page, the export routes and the command line."""
    link = f"{root.rstrip('/')}/?{query}"
    return f"{link}&lang={lang}" if lang and lang != "en" else link


def esc(text: object) -> str:
    """Citation text as inert text in plotly's HTML-like labels."""
    return html.escape(str(text), quote=False)  # plotly does not decode &quot;


def short(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters (at a word break where there is one
    in its second half), an ellipsis marking the cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:(") + "…"


def _wrap(text: str, width: int) -> list[str]:
    words, lines, current = text.split(" "), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _link_lines(link: str, width: int) -> list[str]:
    """A link on lines of its own, broken before '?' or '&' only where it must be."""
    lines, current = [], ""
    for piece in re.split(r"(?=[?&])", link):
        if current and len(current) + len(piece) > width:
            lines.append(current)
            current = piece
        else:
            current += piece
    lines.append(current)
    return [esc(line) for line in lines]


HOVER_NAME_CHARS = 80  # a hover label stays narrower than the chart

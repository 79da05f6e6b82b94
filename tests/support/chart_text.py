"""The English left in a chart's text once citation text is set aside, for the tests of the
charts in each language (figures, exported SVG and PDF, the page's SVG).

Every Latin word counts except codes and names that stay as they are in every language:
the side codes, the product's name, the 'N' of "January to month N" and Roman numerals
(CLDR's Mongolian numbers months: "I – VIII сар"). Citation text
(reporters, outlets, notes, citation ids, publication dates) is shown as cited, so it is
removed first, as are web addresses (the reopen link).
"""

from __future__ import annotations

import html
import re

from trade_dash.charts.scenario import SCENARIO_TRACES
from trade_dash.charts.style import COLOURS, HOVER_NAME_CHARS, NAME_CHARS, short
from trade_dash.domain.dataset import Dataset

KEPT = {"KZ", "MN", "trade-dash", "N"}
CITED = ("reporter", "outlet", "note", "citation_id", "published")
# As figures cuts names: in the source line and in hover labels.
CUTS = (NAME_CHARS, HOVER_NAME_CHARS)
ROMAN = re.compile(r"[IVX]+")
ADDRESS = re.compile(r"https?://\S+|[?&][\w.=&%-]+")


def cited_texts(ds: Dataset) -> list[str]:
    """Citation text as a chart may show it, longest first (so a name inside a longer
    one is not removed first)."""
    out: set[str] = set()
    for column in CITED:
        for value in ds.citations[column].dropna().astype(str):
            value = " ".join(value.split())
            if value:
                out |= {value, *(short(value, n) for n in CUTS)}
    return sorted(out, key=len, reverse=True)


def plain(text: str) -> str:
    """Plotly's label markup as the text a reader sees, on one line."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def english_left(text: str, ds: Dataset, also: tuple[str, ...] = ()) -> list[str]:
    """The Latin words of ``text`` left once citation text, addresses and ``also`` (texts
    another part of the product words, passed in plain form) are removed."""
    text = ADDRESS.sub(" ", plain(text))
    for cited in [*also, *cited_texts(ds)]:
        # Whole words only: a citation id such as "a" is not removed from inside a word.
        text = re.sub(rf"(?<!\w){re.escape(cited)}(?!\w)", " ", text)
    return sorted({w for w in re.findall(r"[A-Za-z][A-Za-z']*(?:-[A-Za-z']+)*", text)
                   if w not in KEPT and not ROMAN.fullmatch(w)})


def figure_texts(fig, hover: bool = True) -> str:
    """Every text a reader meets in a figure: title, subtitle, axis titles, legend
    entries, annotations and (``hover``) hover labels."""
    layout = fig.layout
    parts = [layout.title.text or "", layout.title.subtitle.text or "",
             layout.yaxis.title.text or "", layout.xaxis.title.text or ""]
    parts += [a.text or "" for a in layout.annotations]
    for trace in fig.data:
        parts.append(trace.name or "")
        if hover and trace.hovertext is not None:
            texts = trace.hovertext
            parts += [texts] if isinstance(texts, str) else list(texts)
    return "\n".join(parts)


def growth_texts(fig) -> tuple[str, ...]:
    """The scenario chart's texts that change with the growth rate (its subtitle, the
    band, required and projection trace names and the 'target met' annotation), which are
    worded with the page's growth script, not with the other chart texts."""
    first = SCENARIO_TRACES.index("band_low")
    names = [t.name or "" for t in fig.data[first:]]
    reached = [a.text or "" for a in fig.layout.annotations
               if (a.font.color or "") == COLOURS["projection"]]
    subtitle = (fig.layout.title.subtitle.text or "").split("<br>")
    return tuple(plain(t) for t in [*names, *reached, *subtitle] if t)

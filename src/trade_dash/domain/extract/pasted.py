"""An article pasted into the page's "Check an article" panel: at most ``PASTE_LIMIT``
bytes of text, read as if published today, its candidates marked against the citations
the page shows. Nothing is written anywhere.

The text is read as text: markup in it is words like any other, never a page to parse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from trade_dash.domain.extract.article import ArticleError
from trade_dash.domain.extract.candidates import extract_text
from trade_dash.domain.extract.record import Candidate
from trade_dash.domain.extract.status import with_status

PASTE_LIMIT = 100 * 1024  # bytes of UTF-8; a news article is a few kilobytes
PASTED = ""  # the "file" of a pasted article: it has none


def pasted_size(text: str) -> int:
    """The text's size in bytes of UTF-8 (a lone surrogate, which a browser may send,
    counts as the three bytes it would take)."""
    return len(text.encode("utf-8", "surrogatepass"))


def check_pasted(text: str, citations: pd.DataFrame | None, today: dt.date
                 ) -> list[Candidate]:
    """The candidates of a pasted article, with their status against ``citations``.

    "Last year" and "this year" are counted from ``today``; the publication date is
    left empty, since the panel does not know it. Raises ``ArticleError`` with code
    ``too_large`` (more than ``PASTE_LIMIT`` bytes: nothing is read) or ``empty``.
    """
    if pasted_size(text) > PASTE_LIMIT:
        raise ArticleError(PASTED, "too_large", limit=PASTE_LIMIT)
    if not text.strip():
        raise ArticleError(PASTED, "empty")
    # Half of a pair of surrogates cannot be written out again: shown as U+FFFD instead.
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    found = extract_text(text, today, None, PASTED)
    return [replace(c, published="") for c in with_status(found, citations)]

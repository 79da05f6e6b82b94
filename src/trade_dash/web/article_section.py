"""The "Check an article" panel: a box to paste an article into, a Check button, the
candidates found (each with its sentence, the figure marked) and their CSV download.

Pasted text only ever becomes strings in the component tree, which the browser shows
as text: a sentence is cut into the words before the figure, the figure (in a
``<mark>``) and the words after it. Nothing pasted is read as markup.

The page's script (``assets/article.js``) measures the text before sending it and
shows the refusal itself when it is over the limit, so a text far larger than a request
may be never leaves the browser; the server checks the size again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from trade_dash.domain.extract.pasted import PASTE_LIMIT
from trade_dash.domain.extract.record import Candidate
from trade_dash.web import ids
from trade_dash.wording import extract as say
from trade_dash.wording.core import Wording
from trade_dash.wording.page import translated

NAMESPACE = "tradeDashArticle"  # window.dash_clientside.tradeDashArticle, in article.js
SEND = "send"  # its function run on Check
# The status line's look, and its look when nothing was checked (style.css).
STATUS_LOOK = "mt-2 mb-2"
PROBLEM_LOOK = f"{STATUS_LOOK} article-problem"
FILENAME = "article_candidates.csv"


def _attrs(**values: str) -> dict[str, Any]:
    """Attributes whose names Python cannot spell (``aria_live`` -> ``aria-live``), in
    the form Dash's components take them."""
    return {name.replace("_", "-"): value for name, value in values.items()}


def article_section(w: Wording, today: dt.date) -> dbc.Card:
    """The panel, empty, in ``w``'s language; ``today`` is the date relative years are
    counted from (said in the help text)."""
    t = translated(w, "article panel", say.PANEL_TEXT)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(t["heading"], className="h5"),
                dcc.Store(id=ids.ARTICLE_LIMIT,
                          data={"bytes": PASTE_LIMIT, "look": PROBLEM_LOOK,
                                "message": say.pasted_too_large(w, PASTE_LIMIT)}),
                dcc.Store(id=ids.ARTICLE_SENT),
                dbc.Label(t["label"], html_for=ids.ARTICLE_TEXT, className="fw-semibold mb-1"),
                # a11y.js points the box's aria-describedby at the help (dcc.Textarea
                # takes no aria attributes).
                html.Div(
                    dcc.Textarea(id=ids.ARTICLE_TEXT, value="", rows=8, spellCheck=False,
                                 className="form-control"),
                    **_attrs(data_describedby=ids.ARTICLE_HELP),
                ),
                dbc.FormText(_help(w, today), id=ids.ARTICLE_HELP),
                html.Div(
                    [
                        html.Button(t["check"], id=ids.ARTICLE_CHECK, type="button",
                                    className="btn btn-primary btn-sm"),
                        html.Button(t["download"], id=ids.ARTICLE_DOWNLOAD_BTN, type="button",
                                    disabled=True, className="btn btn-outline-primary btn-sm"),
                        dcc.Download(id=ids.ARTICLE_DOWNLOAD),
                    ],
                    className="d-flex flex-wrap gap-2 mt-2",
                ),
                html.P(id=ids.ARTICLE_STATUS, role="status", className=STATUS_LOOK,
                       **_attrs(aria_live="polite")),
                html.Div(id=ids.ARTICLE_RESULTS),
            ]
        ),
        className="shadow-sm mb-3",
    )


def _help(w: Wording, today: dt.date) -> list[Any]:
    before, command, after = say.panel_help(w, PASTE_LIMIT, today.isoformat())
    return [before, html.Code(command), after]


def sentence_pieces(c: Candidate) -> list[Any]:
    """The candidate's sentence as text, with its figure in a ``<mark>``."""
    start, end = c.figure
    text = c.sentence
    if not 0 <= start < end <= len(text):
        return [text]
    if end == len(text) and text.endswith(".") and end - 1 > start:
        end -= 1  # the amount's span takes in a "mln." dot; at the end it is a full stop
    pieces: list[Any] = [text[:start]] if start else []
    pieces.append(html.Mark(text[start:end]))
    if end < len(text):
        pieces.append(text[end:])
    return pieces


def _candidate(w: Wording, c: Candidate) -> html.Li:
    fields = [part for label, value in say.candidate_fields(w, c)
              for part in (html.Dt(label), html.Dd(value))]
    return html.Li(
        [
            html.H3(say.headline(w, c), className="h6 mb-2"),
            html.Blockquote(html.P(sentence_pieces(c), className="mb-0"),
                            className="article-sentence"),
            html.Dl(fields, className="article-fields small mb-0"),
        ],
        className="article-candidate",
    )


def article_results(w: Wording, found: Sequence[Candidate]) -> list[Any]:
    """The candidates as a list, each with its sentence and fields; nothing if none."""
    if not found:
        return []
    name = translated(w, "article panel", say.PANEL_TEXT)["results"]
    return [html.Ol([_candidate(w, c) for c in found], className="article-candidates",
                    **_attrs(aria_label=name))]

"""The "Check an article" panel's callbacks: the candidates of a pasted article against
the data shown, and their CSV. The panel never writes to the data file."""

from __future__ import annotations

import datetime as dt
from typing import Any

import dash
from dash import ClientsideFunction, Input, Output, State
from dash.exceptions import PreventUpdate

from trade_dash.domain.extract.article import ArticleError
from trade_dash.domain.extract.pasted import check_pasted
from trade_dash.domain.extract.record import Candidate
from trade_dash.exports.csvfiles import candidates_csv
from trade_dash.web import article_section, ids
from trade_dash.web.callbacks import Page, as_text, language
from trade_dash.web.components import csv_download
from trade_dash.wording import extract as extract_words
from trade_dash.wording.core import Wording


def _pasted(page: Page, sent: object) -> list[Candidate]:
    """The candidates of the text the panel sent (``{"text": ..., "check": n}``), against
    the data the page shows; raises ``ArticleError`` if it is too large or empty."""
    text = as_text(sent.get("text")) if isinstance(sent, dict) else ""
    return check_pasted(text, page.ds.citations, dt.date.today())


def check_article(page: Page, sent: object, search: str | None
                  ) -> tuple[list[Any], str, str, bool]:
    """The panel's answer to Check: the candidates, the status line (how many, or why
    nothing was checked), its look, and whether the download stays disabled."""
    w = Wording.for_lang(language(search).lang)
    try:
        found = _pasted(page, sent)
    except ArticleError as exc:
        return [], extract_words.pasted_error(w, exc), article_section.PROBLEM_LOOK, True
    return (article_section.article_results(w, found), extract_words.candidates_found(
        w, len(found)), article_section.STATUS_LOOK, not found)


def download_candidates(page: Page, sent: object) -> dict[str, Any]:
    """The CSV of the candidates shown, as ``trade-dash extract --csv`` writes them."""
    try:
        found = _pasted(page, sent)
    except ArticleError:
        raise PreventUpdate from None  # the button is disabled: a forged request
    return csv_download(candidates_csv(found), article_section.FILENAME)


def register(app: dash.Dash, page: Page) -> None:
    """The "Check an article" panel: the page's script lets a text within the limit
    through to the store (``assets/article.js``), the server reads what is in it."""
    app.clientside_callback(
        ClientsideFunction(article_section.NAMESPACE, article_section.SEND),
        Output(ids.ARTICLE_SENT, "data"),
        Output(ids.ARTICLE_STATUS, "children", allow_duplicate=True),
        Output(ids.ARTICLE_STATUS, "className", allow_duplicate=True),
        Output(ids.ARTICLE_RESULTS, "children", allow_duplicate=True),
        Output(ids.ARTICLE_DOWNLOAD_BTN, "disabled", allow_duplicate=True),
        Input(ids.ARTICLE_CHECK, "n_clicks"),
        State(ids.ARTICLE_TEXT, "value"),
        State(ids.ARTICLE_LIMIT, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.ARTICLE_RESULTS, "children"),
        Output(ids.ARTICLE_STATUS, "children"),
        Output(ids.ARTICLE_STATUS, "className"),
        Output(ids.ARTICLE_DOWNLOAD_BTN, "disabled"),
        Input(ids.ARTICLE_SENT, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_article_check(sent: object, search: str | None) -> tuple[list[Any], str, str, bool]:
        return check_article(page, sent, search)

    @app.callback(
        Output(ids.ARTICLE_DOWNLOAD, "data"),
        Input(ids.ARTICLE_DOWNLOAD_BTN, "n_clicks"),
        State(ids.ARTICLE_SENT, "data"),
        prevent_initial_call=True,
    )
    def on_article_download(_clicks: int | None, sent: object) -> dict[str, Any]:
        return download_candidates(page, sent)



from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from trade_dash.web import ids, sources_table
from trade_dash.web.components import aria, labelled
from trade_dash.wording import page as page_words
from trade_dash.wording.core import Wording

# Short codes, numbers and dates stay on one line; the other columns wrap, so the table fits
# a desktop screen and scrolls sideways only on a narrow one. Text columns keep a readable
# narrowest width in pixels (headers in wording/page.py).
ONE_LINE = {"citation_id", "value_musd", "side", "published", "line"}


WRAPPED = set(sources_table.COLUMNS) - ONE_LINE


SOURCE_WIDTHS = {"period": 90, "flow": 100, "reporter": 120, "outlet": 110, "note": 180}


NUMERIC = {"value_musd", "line"}  # right-aligned, so digits line up


AMOUNTS = {"value_musd"}  # written in the reader's number format (line numbers as in the file)


# Keyword arguments of each column's cells.
_CELL_LOOK: dict[str, dict[str, Any]] = {**{k: {"className": "wrapped"} for k in WRAPPED},
                                          **{k: {"className": "text-end"} for k in NUMERIC}}


# The table pages through the citations: drawing every row of a file of thousands at once
# kept the browser busy for minutes; a page of at most 100 rows draws at once, all of it in
# the document (so the browser's own find and screen readers reach every row of the page).
SOURCES_PAGE_SIZES = list(sources_table.PAGE_SIZES)


def cell_words(w: Wording) -> sources_table.Shown:
    """How the sources table writes a cell for the reader: amounts in their number format
    (76,7 in Russian and Kazakh), everything else as cited."""
    def shown(column: str, value: object) -> str:
        if column in AMOUNTS and isinstance(value, (int, float)) and not isinstance(value, bool):
            return w.decimal(value)
        return sources_table.cell_text(value)
    return shown


def sources_body(w: Wording, view: sources_table.View) -> list[html.Tr]:
    """The rows of one page of the sources table. Cells are text nodes: citation notes
    and outlets are shown as cited, never read as markup."""
    shown = cell_words(w)
    return [
        html.Tr([html.Td(shown(key, row.get(key)), **_CELL_LOOK.get(key, {}))
                 for key in sources_table.COLUMNS])
        for row in view.rows
    ]


def sources_status(w: Wording, view: sources_table.View) -> str:
    return page_words.sources_status(w, view.first, view.last, view.total, view.state.text)


def sources_section(w: Wording, rows: list[dict[str, Any]]) -> dbc.Card:
    """The sources table; ``rows`` already worded (``wording.page.source_rows``). The first
    page is drawn here; a callback draws the others (same ``sources_table.view``)."""
    t = page_words.translated(w, "page", page_words.TEXT)
    words = page_words.translated(w, "table", page_words.TABLE_TEXT)
    headers = page_words.translated(w, "column", page_words.SOURCE_HEADERS)
    first = sources_table.view(rows, sources_table.State(), cell_words(w))
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(t["sources"], className="h5"),
                html.P(page_words.sources_intro(w), className="small text-muted"),
                dbc.Row(
                    [
                        dbc.Col(labelled(
                            page_words.filter_label(w, len(rows)),
                            dbc.Input(
                                id=ids.SOURCES_FILTER, type="search", debounce=300,
                                maxlength=sources_table.MAX_FILTER,
                                placeholder=t["filter_placeholder"],
                            ),
                            ids.SOURCES_FILTER,
                        ), md=8),
                        dbc.Col(labelled(
                            words["rows_per_page"],
                            dbc.Select(
                                id=ids.SOURCES_PAGE_SIZE,
                                options=[{"label": w.integer(n), "value": str(n)}
                                         for n in SOURCES_PAGE_SIZES],
                                value=str(SOURCES_PAGE_SIZES[0]),
                            ),
                            ids.SOURCES_PAGE_SIZE,
                        ), md=4),
                    ],
                ),
                dcc.Store(id=ids.SOURCES_STATE, data=first.state.to_data()),
                # A focusable, named box: keyboard users scroll a table wider than the
                # screen with the arrow keys once it has focus.
                html.Div(
                    html.Table(
                        [
                            html.Thead(html.Tr([
                                html.Th(
                                    html.Button(
                                        headers[key],
                                        id=ids.sources_sort(key),
                                        type="button",
                                        className="sort-button",
                                    ),
                                    id=ids.sources_header(key),
                                    scope="col",
                                    style={"minWidth": f"{SOURCE_WIDTHS[key]}px"}
                                    if key in SOURCE_WIDTHS else None,
                                    className="text-end" if key in NUMERIC else None,
                                )
                                for key in sources_table.COLUMNS
                            ])),
                            html.Tbody(sources_body(w, first), id=ids.SOURCES_BODY),
                        ],
                        id=ids.SOURCES_TABLE,
                        className="table table-sm table-striped sources-table mb-0",
                    ),
                    id=ids.SOURCES_SCROLL,
                    role="region",
                    tabIndex="0",
                    className="sources-scroll",
                    **aria(label=words["scroll"]),
                ),
                html.Div(
                    [
                        html.Button(words["previous"], id=ids.SOURCES_PREVIOUS, type="button",
                                    disabled=not first.has_previous,
                                    className="btn btn-outline-primary btn-sm"),
                        html.Span(sources_status(w, first), id=ids.SOURCES_STATUS,
                                  role="status", className="small mx-2",
                                  **aria(live="polite")),
                        html.Button(words["next"], id=ids.SOURCES_NEXT, type="button",
                                    disabled=not first.has_next,
                                    className="btn btn-outline-primary btn-sm"),
                    ],
                    className="d-flex flex-wrap align-items-center gap-2 mt-2",
                ),
                html.Div(
                    [
                        dbc.Button(
                            t["series_csv"],
                            id=ids.DOWNLOAD_SERIES_BTN,
                            color="primary",
                            outline=True,
                            size="sm",
                            className="me-2",
                        ),
                        dbc.Button(
                            t["citations_csv"],
                            id=ids.DOWNLOAD_CITATIONS_BTN,
                            color="primary",
                            outline=True,
                            size="sm",
                        ),
                        dcc.Download(id=ids.DOWNLOAD),
                    ],
                    className="mt-3",
                ),
            ]
        ),
        className="shadow-sm mb-3",
    )

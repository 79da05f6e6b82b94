"""Page layout: components only, no maths and no callbacks."""

from __future__ import annotations

import datetime as dt

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from trade_dash import ids, model
from trade_dash.charts import FORMAT_LABELS, Chart, Registry
from trade_dash.normalise import ANY, CONFLICT_TOLERANCE, REPORTERS
from trade_dash.scenario import (
    BAND_MAX_PCT,
    BAND_MIN_PCT,
    GROWTH_MAX_PCT,
    GROWTH_MIN_PCT,
    GROWTH_STEP_PCT,
    HORIZON_YEAR,
    TARGET_MAX_MUSD,
    TARGET_MIN_MUSD,
    Dataset,
    Scenario,
)
from trade_dash.wording import english, facts

GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    # The modebar camera saves exactly what is on screen, title and sources included.
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 1},
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
}

CARD_TITLES = {
    ids.CARD_LATEST: "Latest full year",
    ids.CARD_YTD: "Year to date",
    ids.CARD_TARGET: "Target",
    ids.CARD_GAP: "Gap to target",
    ids.CARD_REQUIRED: "Growth needed",
    ids.CARD_REACHED: "Target reached",
}

METHOD_LABELS = {
    model.PRO_RATA: "Pro-rata (× 12 / months)",
    model.SEASONAL: "Seasonal share (last year's pattern)",
    model.YOY: "Year-on-year change (last full year × the change the source gives)",
}
METHOD_NEEDS = {
    model.SEASONAL: "Seasonal share needs last year's full-year and same-period figures",
    model.YOY: "Year-on-year change needs the year-to-date change on last year and last "
               "year's full-year figure",
}
BASE_LABELS = {"ytd": "Current-year estimate", "full": "Latest full year"}
# The briefing downloads in the header: (label, id, button style); links set by callbacks.
BRIEFING_BUTTONS = (
    ("Briefing pack (PDF)", ids.BRIEFING_PDF, "btn-primary"),
    ("Briefing deck (PowerPoint)", ids.BRIEFING_PPTX, "btn-outline-primary"),
    ("Briefing document (Word)", ids.BRIEFING_DOCX, "btn-outline-primary"),
)
REPORTER_LABELS = {
    ANY: "Any side (one side kept where it can be)",
    "KZ": "Kazakhstan's figures only (KZ)",
    "MN": "Mongolia's figures only (MN)",
}


def method_options(methods: tuple[str, ...]) -> list[dict]:
    """The annualisation choices, those the data does not allow greyed out."""
    return [{"label": METHOD_LABELS[m], "value": m, "disabled": m not in methods}
            for m in model.METHODS]


def method_help(methods: tuple[str, ...]) -> str:
    """Why a method is greyed out, or nothing when all are offered."""
    if not methods:
        return "No partial year follows the latest full year: there is nothing to annualise."
    return " ".join(f"{METHOD_NEEDS[m]} from the same reporting side; the data has none."
                    for m in model.METHODS if m not in methods and m in METHOD_NEEDS)


def _card(card_id: str) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H2(CARD_TITLES[card_id], className="h6 text-uppercase text-muted mb-1"),
                    html.Div(id=card_id, **{"aria-live": "polite"}),
                ]
            ),
            className="h-100 shadow-sm",
        ),
        xs=12,
        sm=6,
        lg=4,
        xl=2,
        className="mb-3",
    )


def _labelled(label: str, control, control_id: str, help_text=None) -> html.Div:
    """A control with its label; the group is named by the label for controls (radio
    buttons, the slider) whose own elements a ``for=`` attribute cannot reach. Help given
    as a component (one a callback updates) is placed as it is."""
    label_id = f"{control_id}-label"
    parts = [
        dbc.Label(label, html_for=control_id, id=label_id, className="fw-semibold mb-1"),
        html.Div(control, role="group", **{"aria-labelledby": label_id}),
    ]
    if isinstance(help_text, str):
        parts.append(dbc.FormText(help_text))
    elif help_text is not None:
        parts.append(help_text)
    return html.Div(parts, className="mb-3")


def _copy_button(target_id: str, button_id: str, title: str) -> dcc.Clipboard:
    """Copies the text of ``target_id`` as shown on the page."""
    # a11y.js makes it a focusable button that answers Enter and Space.
    return dcc.Clipboard(target_id=target_id, id=button_id, title=title,
                         className="d-inline-block keyboard-button")


def _number(label: str, control_id: str, value: float, limits: tuple[float, float, float],
            help_text: str | None = None) -> html.Div:
    """A labelled number box; it reports its value when it loses focus or on Enter."""
    lo, hi, step = limits
    box = dbc.Input(id=control_id, type="number", min=lo, max=hi, step=step, value=value,
                    debounce=True)
    return _labelled(label, box, control_id, help_text)


def controls(ds: Dataset, scenario: Scenario, methods: tuple[str, ...]) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Scenario", className="h5"),
                _labelled(
                    "Reporting side",
                    dbc.RadioItems(
                        id=ids.REPORTER,
                        name=ids.REPORTER,  # one Tab stop per group; arrow keys choose
                        value=scenario.reporter,
                        options=[
                            {"label": REPORTER_LABELS[r], "value": r,
                             "disabled": r not in ds.reporters}
                            for r in REPORTERS
                        ],
                    ),
                    ids.REPORTER,
                    "Each country records the trade in its own books, and the two disagree. "
                    "Changing side resets the growth rate, base and method to that side's "
                    "defaults.",
                ),
                _labelled(
                    "Growth rate, % a year",
                    dcc.Slider(
                        id=ids.GROWTH,
                        min=GROWTH_MIN_PCT,
                        max=GROWTH_MAX_PCT,
                        step=GROWTH_STEP_PCT,
                        value=scenario.growth_pct,
                        allow_direct_input=True,
                        updatemode="mouseup",
                        marks={v: f"{v:+d}" if v else "0" for v in (-50, -25, 0, 25, 50, 75, 100)},
                        tooltip={"placement": "bottom", "always_visible": False},
                    ),
                    ids.GROWTH,
                    "Drag, use the arrow keys, or type a value and press Tab. "
                    "Negative values model a decline.",
                ),
                _labelled(
                    "Preset rates",
                    dbc.Select(
                        id=ids.PRESET, options=[], value="", placeholder="Choose a reference pace…"
                    ),
                    ids.PRESET,
                ),
                dbc.Row(
                    [
                        dbc.Col(
                            _number(
                                "Target year (assumed)", ids.TARGET_YEAR, scenario.target_year,
                                (1992, HORIZON_YEAR, 1), "No source gives a deadline.",
                            ),
                            width=6,
                        ),
                        dbc.Col(
                            _number(
                                "Target, US$ million", ids.TARGET, scenario.target_musd,
                                (TARGET_MIN_MUSD, TARGET_MAX_MUSD, 1),
                            ),
                            width=6,
                        ),
                    ]
                ),
                _labelled(
                    "Base of the projection",
                    dbc.RadioItems(
                        id=ids.BASE,
                        name=ids.BASE,  # one Tab stop per group; arrow keys choose
                        value=scenario.base,
                        options=[{"label": BASE_LABELS[b], "value": b} for b in ("ytd", "full")],
                    ),
                    ids.BASE,
                ),
                _labelled(
                    "Annualising the partial year",
                    dbc.RadioItems(
                        id=ids.METHOD,
                        name=ids.METHOD,  # one Tab stop per group; arrow keys choose
                        value=scenario.method,
                        options=method_options(methods),
                    ),
                    ids.METHOD,
                    dbc.FormText(method_help(methods), id=ids.METHOD_HELP),
                ),
                _number(
                    "Low / high band, ± points", ids.BAND, scenario.band_pct,
                    (BAND_MIN_PCT, BAND_MAX_PCT, 0.5),
                ),
                html.Hr(),
                html.Div(
                    [
                        dbc.Label(
                            "Link to this scenario",
                            html_for=ids.SHARE_LINK,
                            className="fw-semibold mb-1",
                        ),
                        html.Div(
                            [
                                html.A(
                                    id=ids.SHARE_LINK, href="", className="text-break small me-2"
                                ),
                                _copy_button(ids.SHARE_LINK, ids.SHARE_COPY, "Copy the link"),
                            ]
                        ),
                    ]
                ),
            ]
        ),
        className="shadow-sm mb-3",
    )


def _export_bar(chart: Chart) -> html.Div:
    return html.Div(
        [
            dbc.Label("Download chart as", html_for=chart.format_id, className="me-2 mb-0 small"),
            dbc.Select(
                id=chart.format_id,
                value=chart.formats[0],
                size="sm",
                style={"width": "auto"},
                options=[{"label": FORMAT_LABELS[f], "value": f} for f in chart.formats],
            ),
            html.A(
                # Every chart's link reads "Download"; the hidden words tell them apart out
                # of context.
                ["Download", html.Span(f" the {chart.name} chart", className="visually-hidden")],
                id=chart.link_id,
                href="",
                download="",
                className="btn btn-outline-primary btn-sm ms-2",
            ),
        ],
        className="d-flex align-items-center justify-content-end mb-2",
    )


def _chart(chart: Chart, figure) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                _export_bar(chart),
                dcc.Graph(
                    id=chart.graph_id, figure=figure, config=GRAPH_CONFIG,
                    style={"height": "600px"},
                ),
            ]
        ),
        className="shadow-sm mb-3",
    )


# (field, header, relative width, narrowest width in pixels)
SOURCE_COLUMNS = [
    ("citation_id", "Citation", 1.3, 130),
    ("measure", "Measure", 0.8, 95),
    ("period", "Period", 1.0, 120),
    ("flow", "Flow", 1.0, 110),
    ("value_musd", "US$ million", 0.9, 100),
    ("precision", "Precision", 1.0, 115),
    ("reporter", "Reported by", 2.2, 150),
    ("side", "Side", 0.7, 90),
    ("outlet", "Outlet", 1.8, 130),
    ("published", "Published", 1.0, 110),
    ("used", "Used as", 0.9, 100),
    ("note", "Note", 3.0, 200),
    ("line", "CSV line", 0.7, 90),
]
WRAPPED = {"period", "flow", "reporter", "outlet", "note"}
# The table pages through the citations. Drawing every row of a file of thousands at once
# (as an unpaged autoHeight grid did) kept the browser busy for minutes; a page of at most
# 100 rows draws at once, all of it in the document (so the browser's own find and screen
# readers reach every row of the page). The grid grows to its page's rows rather than
# scrolling inside a fixed height: axe-core's colour-contrast check gives up on the whole
# page when rows are clipped inside a scrolling box, and the accessibility test relies on it.
SOURCES_PAGE_SIZES = [20, 50, 100]


def sources_section(rows: list[dict]) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Sources: every citation", className="h5"),
                html.P(
                    "Each row is one figure as a source gave it. 'headline' rows make up the "
                    "series with reporting side 'any'; 'alternate' rows were set aside by the "
                    "rule below. 'Side' is the country whose books the figure comes from. "
                    "Click a column header to sort, or press Enter on it; the arrow keys move "
                    "between headers and cells. Type in the box to show only the rows that "
                    "contain those words.",
                    className="small text-muted",
                ),
                _labelled(
                    f"Filter the {len(rows):,} citations",
                    dbc.Input(
                        id=ids.SOURCES_FILTER, type="search", debounce=300, maxlength=200,
                        placeholder="e.g. a year, a reporting body or an outlet",
                    ),
                    ids.SOURCES_FILTER,
                ),
                # AG Grid renders cell values as text; citation notes are never run as markup.
                dag.AgGrid(
                    id=ids.SOURCES_TABLE,
                    columnDefs=[
                        {
                            "headerName": name,
                            "field": key,
                            "flex": flex,
                            "minWidth": min_width,
                            "wrapText": key in WRAPPED,
                            "autoHeight": key in WRAPPED,
                            "cellStyle": {
                                "lineHeight": "1.35",
                                "paddingTop": "6px",
                                "paddingBottom": "6px",
                            },
                        }
                        for key, name, flex, min_width in SOURCE_COLUMNS
                    ],
                    rowData=rows,
                    defaultColDef={
                        "sortable": True,
                        "resizable": True,
                        "filter": False,
                        "wrapHeaderText": True,
                        "autoHeaderHeight": True,
                    },
                    dashGridOptions={
                        "domLayout": "autoHeight",
                        "pagination": True,
                        "paginationPageSize": SOURCES_PAGE_SIZES[0],
                        "paginationPageSizeSelector": SOURCES_PAGE_SIZES,
                        "suppressRowVirtualisation": True,
                        "enableCellTextSelection": True,
                        "ensureDomOrder": True,
                        # Tab leaves the grid instead of visiting every cell (a11y.js);
                        # arrow keys move inside it and Enter on a header sorts.
                        "tabToNextHeader": {"function": "leaveGridOnTab(params)"},
                        "tabToNextCell": {"function": "leaveGridOnTab(params)"},
                    },
                    style={"width": "100%"},
                ),
                html.Div(
                    [
                        dbc.Button(
                            "Download series (CSV)",
                            id=ids.DOWNLOAD_SERIES_BTN,
                            color="primary",
                            outline=True,
                            size="sm",
                            className="me-2",
                        ),
                        dbc.Button(
                            "Download all citations (CSV)",
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


def method_section() -> dbc.Card:
    pct = f"{CONFLICT_TOLERANCE:.0%}"
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("How the numbers are made", className="h5"),
                html.Ul(
                    [
                        html.Li(
                            "One figure per year: a full-year figure beats a partial one; then "
                            "statistics office, customs, government, business association, "
                            "other; then exact before approximate; then the newest publication."
                        ),
                        html.Li(
                            f"A year is marked disputed when its citations differ by more than "
                            f"{pct}. Years with no citation are shown as missing, never filled in."
                        ),
                        html.Li(
                            "Reporting side: Kazakhstan and Mongolia each publish the trade "
                            "from their own books, and the figures differ. 'Kazakhstan' or "
                            "'Mongolia' builds the series from that side's citations only. "
                            "'Any' keeps the side whose citations cover the most years (then "
                            "the side with the later latest year, then KZ) and takes the other "
                            "side's figure only for a year the first side does not cover; such "
                            "years are marked on the charts. Growth rates offered as presets or "
                            "as the default never compare years from different sides. The "
                            "history chart draws the other side's figures as a dashed light "
                            "line."
                        ),
                        html.Li(
                            "A January-to-month-N figure is annualised pro-rata (× 12 / N); "
                            "by last year's seasonal share, when last year has a full-year "
                            "and a same-period figure; or by year-on-year change (last full "
                            "year × (1 + the change the source gives on the same months of "
                            "last year)), when the source gives that change. Both need last "
                            "year's figures from the same side."
                        ),
                        html.Li(
                            "Projections grow the base at a constant rate. They are scenarios, "
                            "not forecasts. The target year is an assumption."
                        ),
                    ],
                    className="small mb-0",
                ),
            ]
        ),
        className="shadow-sm mb-3",
    )


def key_message_section() -> html.Section:
    """The briefing's opening sentences for the scenario on screen, with a copy button."""
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Key message", className="h6 text-uppercase text-muted mb-0 me-2"),
                    _copy_button(ids.KEY_MESSAGE, ids.KEY_MESSAGE_COPY, "Copy the key message"),
                ],
                className="d-flex align-items-center mb-1",
            ),
            html.P(id=ids.KEY_MESSAGE, className="mb-0", **{"aria-live": "polite"}),
        ],
        className="card shadow-sm p-3 mb-3",
    )
def stale_notice(ds: Dataset, today: dt.date) -> list:
    """The notice shown when the newest figure is more than a year old on ``today``."""
    text = facts.stale_text(english(), ds.latest_published, today)
    if text is None:
        return []
    return [dbc.Alert(
        f"{text} Add them to the data file (trade-dash add) and restart the dashboard.",
        id=ids.STALE_NOTICE, color="info", className="mb-3",
    )]


def page(
    ds: Dataset,
    scenario: Scenario,
    methods: tuple[str, ...],
    charts: Registry,
    chart_figures: dict,
    sources: list[dict],
    today: dt.date,
) -> dbc.Container:
    """The page; ``chart_figures`` holds each registered chart's figure by name,
    ``sources`` the sources table's rows (``scenario.sources_rows``), and ``today`` is the
    date the data's freshness is judged on."""
    return dbc.Container(
        [
            dcc.Location(id=ids.URL, refresh=False),
            html.Header(
                [
                    html.H1(
                        f"Kazakhstan–Mongolia trade: the road to ${scenario.target_musd:,.0f} "
                        "million",
                        className="h3 mt-3 mb-1",
                    ),
                    html.P(
                        [
                            "Cited turnover figures, the year to date and the gap to the "
                            "target, with scenarios. Data: ",
                            html.Code(ds.source.split("/")[-1]),
                            "; ",
                            html.Span(facts.freshness_text(english(), ds.latest_published),
                                      id=ids.FRESHNESS),
                            ".",
                        ],
                        className="text-muted mb-2",
                    ),
                    html.Div(
                        [
                            html.A(label, id=link_id, href="", download="",
                                   className=f"btn {look} btn-sm me-2")
                            for label, link_id, look in BRIEFING_BUTTONS
                        ],
                        className="mb-3",
                    ),
                ]
            ),
            # Everything between the header and the footer is the page's one main landmark,
            # so screen-reader users can jump to it and no content sits outside a landmark.
            html.Main(
                [
                    *stale_notice(ds, today),
                    key_message_section(),
                    html.Div(
                        dbc.Alert(
                            id=ids.NOTICES,
                            color="warning",
                            is_open=False,
                            children=[],
                            className="mb-3",
                        ),
                        role="status",
                    ),
                    dbc.Row([_card(card) for card in CARD_TITLES], className="g-3"),
                    dbc.Row(
                        [
                            dbc.Col(controls(ds, scenario, methods), lg=4),
                            dbc.Col([_chart(c, chart_figures[c.name]) for c in charts], lg=8),
                        ]
                    ),
                    sources_section(sources),
                    method_section(),
                ]
            ),
            html.Footer(
                html.P("trade-dash", className="small text-muted"),
                **{"aria-label": "About this page"},
            ),
        ],
        fluid="xl",
        className="pb-4",
    )

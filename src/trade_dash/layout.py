"""Page layout: components only, no maths and no callbacks."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from trade_dash import ids, model
from trade_dash.charts import FORMAT_LABELS, Chart, Registry
from trade_dash.normalise import CONFLICT_TOLERANCE
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
}
BASE_LABELS = {"ytd": "Current-year estimate", "full": "Latest full year"}


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


def _labelled(label: str, control, control_id: str, help_text: str | None = None) -> html.Div:
    """A control with its label; the group is named by the label for controls (radio
    buttons, the slider) whose own elements a ``for=`` attribute cannot reach."""
    label_id = f"{control_id}-label"
    parts = [
        dbc.Label(label, html_for=control_id, id=label_id, className="fw-semibold mb-1"),
        html.Div(control, role="group", **{"aria-labelledby": label_id}),
    ]
    if help_text:
        parts.append(dbc.FormText(help_text))
    return html.Div(parts, className="mb-3")


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
                        value=scenario.base,
                        options=[{"label": BASE_LABELS[b], "value": b} for b in ("ytd", "full")],
                    ),
                    ids.BASE,
                ),
                _labelled(
                    "Annualising the partial year",
                    dbc.RadioItems(
                        id=ids.METHOD,
                        value=scenario.method,
                        options=[
                            {"label": METHOD_LABELS[m], "value": m, "disabled": m not in methods}
                            for m in model.METHODS
                        ],
                    ),
                    ids.METHOD,
                    None
                    if model.SEASONAL in methods
                    else "Seasonal share needs last year's full-year and same-period figures; "
                    "the data has none.",
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
                                dcc.Clipboard(
                                    target_id=ids.SHARE_LINK,
                                    id=ids.SHARE_COPY,
                                    title="Copy the link",
                                    className="d-inline-block",
                                ),
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
                "Download",
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
    ("outlet", "Outlet", 1.8, 130),
    ("published", "Published", 1.0, 110),
    ("used", "Used as", 0.9, 100),
    ("note", "Note", 3.0, 200),
    ("line", "CSV line", 0.7, 90),
]
WRAPPED = {"period", "flow", "reporter", "outlet", "note"}
# The table pages through the citations inside a fixed height with its own scroll bar.
# Drawing every row of a file of thousands at once (as domLayout autoHeight did) kept the
# browser busy for minutes; a page of at most 100 rows draws at once, all of it in the
# document (so the browser's own find and screen readers reach every row of the page).
SOURCES_PAGE_SIZES = [20, 50, 100]
SOURCES_HEIGHT = "640px"


def sources_section(rows: list[dict]) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2("Sources: every citation", className="h5"),
                html.P(
                    "Each row is one figure as a source gave it. 'headline' rows make up the "
                    "series; 'alternate' rows were set aside by the rule below. Click a column "
                    "header to sort; type in the box to show only the rows that contain "
                    "those words.",
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
                        "pagination": True,
                        "paginationPageSize": SOURCES_PAGE_SIZES[0],
                        "paginationPageSizeSelector": SOURCES_PAGE_SIZES,
                        "suppressRowVirtualisation": True,
                        "enableCellTextSelection": True,
                        "ensureDomOrder": True,
                    },
                    style={"width": "100%", "height": SOURCES_HEIGHT},
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
                            "A January-to-month-N figure is annualised pro-rata (× 12 / N) or, "
                            "when last year's data allows, by last year's seasonal share."
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


def page(
    ds: Dataset,
    scenario: Scenario,
    methods: tuple[str, ...],
    charts: Registry,
    chart_figures: dict,
    sources: list[dict],
) -> dbc.Container:
    """The page; ``chart_figures`` holds each registered chart's figure by name and
    ``sources`` the sources table's rows (``scenario.sources_rows``)."""
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
                        ],
                        className="text-muted mb-2",
                    ),
                    html.Div(
                        [
                            html.A(
                                "Briefing pack (PDF)",
                                id=ids.BRIEFING_PDF,
                                href="",
                                download="",
                                className="btn btn-primary btn-sm me-2",
                            ),
                            html.A(
                                "Briefing deck (PowerPoint)",
                                id=ids.BRIEFING_PPTX,
                                href="",
                                download="",
                                className="btn btn-outline-primary btn-sm",
                            ),
                        ],
                        className="mb-3",
                    ),
                ]
            ),
            html.Div(
                dbc.Alert(
                    id=ids.NOTICES, color="warning", is_open=False, children=[], className="mb-3"
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
            html.Footer(html.P("trade-dash", className="small text-muted")),
        ],
        fluid="xl",
        className="pb-4",
    )

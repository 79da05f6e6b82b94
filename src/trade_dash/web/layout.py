"""Page layout: components only, no maths and no callbacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from trade_dash.charts.registry import Chart, Frame, Registry
from trade_dash.domain import model
from trade_dash.domain.controls import (
    BAND,
    BASE,
    GROWTH,
    METHOD,
    REPORTER,
    TARGET,
    TARGET_YEAR,
    Control,
)
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import Scenario
from trade_dash.exports.formats import BRIEFING_FORMATS
from trade_dash.web import ids
from trade_dash.web.article_section import article_section
from trade_dash.web.components import aria, labelled
from trade_dash.web.sources_section import sources_section
from trade_dash.wording import facts, vocabulary
from trade_dash.wording import page as page_words
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import LANGUAGES, native_name

GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "responsive": True,
    # No camera: on the page the title, subtitle and sources are HTML around the chart, so
    # its picture would lack them. Each chart's Download menu exports it whole.
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "toImage"],
}

CARDS = tuple(page_words.CARD_TITLES)  # the headline cards, in page order
# The briefing downloads in the header: (format, id, button style); links set by callbacks.
BRIEFING_BUTTONS = tuple(
    (fmt, ids.briefing(fmt), "btn-primary" if i == 0 else "btn-outline-primary")
    for i, fmt in enumerate(BRIEFING_FORMATS)
)


def graph_config(w: Wording) -> dcc.Graph.Config:
    """The charts' settings; plotly's locale words the modebar and formats the axes."""
    return {**GRAPH_CONFIG, "locale": w.plotly_locale}


def method_options(w: Wording, methods: tuple[str, ...]) -> list[dict[str, Any]]:
    """The annualisation choices, those the data does not allow greyed out."""
    names = page_words.translated(w, "method option", vocabulary.METHOD_OPTIONS)
    return [{"label": names[m], "value": m, "disabled": m not in methods}
            for m in model.METHODS]


def _card(card_id: str, title: str) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H2(title, className="h6 text-uppercase text-muted mb-1"),
                    html.Div(id=card_id, **aria(live="polite")),
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


def _copy_button(target_id: str, button_id: str, title: str) -> dcc.Clipboard:
    """Copies the text of ``target_id`` as shown on the page."""
    # a11y.js makes it a focusable button that answers Enter and Space.
    return dcc.Clipboard(target_id=target_id, id=button_id, title=title,
                         className="d-inline-block keyboard-button")


def _number(w: Wording, c: Control, value: float) -> html.Div:
    """A labelled number box; it reports its value when it loses focus or on Enter."""
    box = dbc.Input(id=c.component, type="number", min=c.low, max=c.high, step=c.step,
                    value=value, debounce=True)
    return labelled(page_words.control_label(w, c), box, c.component,
                    page_words.control_help(w, c))


def _choice(w: Wording, c: Control, value: str, options: list[dict[str, Any]],
            help_text: Any = None) -> html.Div:
    """Radio buttons for a choice: one Tab stop for the group, arrow keys choose."""
    return labelled(page_words.control_label(w, c),
                    dbc.RadioItems(id=c.component, name=c.component, value=value,
                                   options=options),
                    c.component, help_text or page_words.control_help(w, c))


def controls(w: Wording, ds: Dataset, scenario: Scenario, methods: tuple[str, ...]) -> dbc.Card:
    t = page_words.translated(w, "page", page_words.TEXT)
    sides = page_words.translated(w, "reporter option", vocabulary.REPORTER_OPTIONS)
    bases = page_words.translated(w, "base option", vocabulary.BASE_OPTIONS)
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(t["scenario"], className="h5"),
                _choice(w, REPORTER, scenario.reporter,
                        [{"label": sides[r], "value": r, "disabled": r not in ds.reporters}
                         for r in REPORTER.choices]),
                labelled(
                    page_words.control_label(w, GROWTH),
                    dcc.Slider(
                        id=GROWTH.component,
                        min=GROWTH.low,
                        max=GROWTH.high,
                        step=GROWTH.step,
                        value=scenario.growth_pct,
                        allow_direct_input=True,
                        updatemode="mouseup",
                        marks={v: f"{v:+d}" if v else "0" for v in (-50, -25, 0, 25, 50, 75, 100)},
                        tooltip={"placement": "bottom", "always_visible": False},
                    ),
                    GROWTH.component,
                    page_words.control_help(w, GROWTH),
                ),
                labelled(
                    t["presets"],
                    dbc.Select(
                        id=ids.PRESET, options=[], value="", placeholder=t["preset_placeholder"]
                    ),
                    ids.PRESET,
                ),
                dbc.Row(
                    [
                        dbc.Col(_number(w, TARGET_YEAR, scenario.target_year), width=6),
                        dbc.Col(_number(w, TARGET, scenario.target_musd), width=6),
                    ]
                ),
                _choice(w, BASE, scenario.base,
                        [{"label": bases[b], "value": b} for b in BASE.choices]),
                _choice(w, METHOD, scenario.method, method_options(w, methods),
                        dbc.FormText(page_words.method_help(w, methods), id=ids.METHOD_HELP)),
                _number(w, BAND, scenario.band_pct),
                html.Hr(),
                html.Div(
                    [
                        dbc.Label(
                            t["share"],
                            html_for=ids.SHARE_LINK,
                            className="fw-semibold mb-1",
                        ),
                        html.Div(
                            [
                                html.A(
                                    id=ids.SHARE_LINK, href="", className="text-break small me-2"
                                ),
                                _copy_button(ids.SHARE_LINK, ids.SHARE_COPY, t["share_copy"]),
                            ]
                        ),
                    ]
                ),
            ]
        ),
        className="shadow-sm mb-3",
    )


def _export_bar(w: Wording, chart: Chart) -> html.Div:
    t = page_words.translated(w, "page", page_words.TEXT)
    formats = page_words.translated(w, "format", page_words.FORMAT_OPTIONS)
    return html.Div(
        [
            dbc.Label(t["download_as"], html_for=chart.format_id, className="me-2 mb-0 small"),
            dbc.Select(
                id=chart.format_id,
                value=chart.formats[0],
                size="sm",
                style={"width": "auto"},
                options=[{"label": formats[f], "value": f} for f in chart.formats],
            ),
            html.A(
                # Every chart's link reads "Download"; the hidden words tell them apart out
                # of context.
                [t["download"], " ", html.Span(page_words.chart_download_name(w, chart.title_in(w)),
                                               className="visually-hidden")],
                id=chart.link_id,
                href="",
                download="",
                className="btn btn-outline-primary btn-sm ms-2",
            ),
        ],
        className="d-flex flex-wrap align-items-center justify-content-end gap-1 mb-2",
    )


NO_FRAME = Frame("", "", "")


def _chart(w: Wording, chart: Chart, figure: dict[str, Any], frame: Frame) -> dbc.Card:
    """The chart as a figure: title and subtitle, the plot (described by the caption for
    assistive technology), then the caption: its description and the footer. The caption
    is the figure's last child, as HTML wants."""
    return dbc.Card(
        dbc.CardBody(
            html.Figure(
                [
                    html.H2(chart.title_in(w), id=chart.heading_id, className="h5 mb-1"),
                    html.P(frame.subtitle, id=chart.subtitle_id, className="chart-subtitle mb-2"),
                    _export_bar(w, chart),
                    # dcc.Graph takes no aria attributes: a group around it carries them.
                    html.Div(
                        dcc.Graph(
                            id=chart.graph_id, figure=figure, config=graph_config(w),
                            style={"height": "520px"},
                        ),
                        role="group",
                        **aria(labelledby=chart.heading_id, describedby=chart.description_id),
                    ),
                    html.Figcaption(
                        [
                            html.P(frame.description, id=chart.description_id,
                                   className="mt-2 mb-1"),
                            html.P(frame.footer, id=chart.footer_id,
                                   className="chart-footer small text-muted mb-0"),
                        ]
                    ),
                ],
                className="mb-0",
                **aria(labelledby=chart.heading_id),
            )
        ),
        className="shadow-sm mb-3",
    )


def method_section(w: Wording) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(page_words.translated(w, "page", page_words.TEXT)["method_heading"],
                        className="h5"),
                html.Ul([html.Li(point) for point in page_words.method_points(w)],
                        className="small mb-0"),
            ]
        ),
        className="shadow-sm mb-3",
    )


def key_message_section(w: Wording) -> html.Section:
    """The briefing's opening sentences for the scenario on screen, with a copy button."""
    t = page_words.translated(w, "page", page_words.TEXT)
    return html.Section(
        [
            html.Div(
                [
                    html.H2(t["key_message"], className="h6 text-uppercase text-muted mb-0 me-2"),
                    _copy_button(ids.KEY_MESSAGE, ids.KEY_MESSAGE_COPY, t["key_message_copy"]),
                ],
                className="d-flex align-items-center mb-1",
            ),
            html.P(id=ids.KEY_MESSAGE, className="mb-0", **aria(live="polite")),
        ],
        className="card shadow-sm p-3 mb-3",
    )


def language_switch(w: Wording, hrefs: dict[str, str]) -> html.Nav:
    """Links to the page in each language (``hrefs`` by code; callbacks keep them on the
    scenario on screen). Each link names its language in that language."""
    return html.Nav(
        html.Ul(
            [
                html.Li(
                    html.A(
                        native_name(code), id=ids.lang_link(code), href=hrefs[code],
                        lang=code,
                        className="fw-bold text-body text-decoration-none" if code == w.lang
                        else None,
                        **(aria(current="true") if code == w.lang else {}),
                    ),
                    className="list-inline-item me-3",
                )
                for code in LANGUAGES
            ],
            className="list-inline mb-0 small",
        ),
        id=ids.LANGUAGE_SWITCH,
        className="mt-2",
        **aria(label=page_words.translated(w, "page", page_words.TEXT)["language"]),
    )


def stale_notice(w: Wording, ds: Dataset, today: dt.date) -> list[dbc.Alert]:
    """The notice shown when the newest figure is more than a year old on ``today``."""
    text = facts.stale_text(w, ds.latest_published, today)
    if text is None:
        return []
    return [dbc.Alert(
        f"{text} {page_words.stale_advice(w)}",
        id=ids.STALE_NOTICE, color="info", className="mb-3",
    )]


def page(
    w: Wording,
    ds: Dataset,
    scenario: Scenario,
    methods: tuple[str, ...],
    charts: Registry,
    chart_figures: dict[str, dict[str, Any]],
    sources: list[dict[str, Any]],
    today: dt.date,
    lang_hrefs: dict[str, str] | None = None,
    frames: dict[str, Frame] | None = None,
) -> dbc.Container:
    """The page in ``w``'s language; ``chart_figures`` holds each registered chart's page
    figure by name and ``frames`` the texts around it (``Chart.page_figure``,
    ``Chart.frame``), ``sources`` the sources table's rows worded by ``wording.page.source_rows``,
    ``today`` the date the data's freshness is judged on, and ``lang_hrefs`` the language
    switch's first links (callbacks then keep them on the scenario shown)."""
    hrefs = lang_hrefs or {code: f"?lang={code}" for code in LANGUAGES}
    briefings = page_words.translated(w, "briefing button", page_words.BRIEFING_BUTTONS)
    return dbc.Container(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.SCENARIO_FACTS),
            dcc.Store(id=ids.BROWSER_READY),
            dcc.Store(id=ids.BROWSER_FAILED),
            html.Header(
                [
                    language_switch(w, hrefs),
                    html.H1(page_words.heading(w, scenario.target_musd),
                            className="h3 mt-2 mb-1"),
                    html.P(
                        [
                            page_words.intro(w), " ", page_words.data_label(w), " ",
                            html.Code(ds.source.split("/")[-1]),
                            "; ",
                            html.Span(facts.freshness_text(w, ds.latest_published),
                                      id=ids.FRESHNESS),
                            ".",
                        ],
                        className="text-muted mb-2",
                    ),
                    html.Div(
                        [
                            html.A(briefings[fmt], id=link_id, href="", download="",
                                   className=f"btn {look} btn-sm me-2")
                            for fmt, link_id, look in BRIEFING_BUTTONS
                        ],
                        className="mb-3",
                    ),
                ]
            ),
            # Everything between the header and the footer is the page's one main landmark,
            # so screen-reader users can jump to it and no content sits outside a landmark.
            html.Main(
                [
                    *stale_notice(w, ds, today),
                    key_message_section(w),
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
                    dbc.Row(
                        [_card(ids.card(card), w.pgettext("card", title))
                         for card, title in page_words.CARD_TITLES.items()],
                        className="g-3",
                    ),
                    dbc.Row(
                        [
                            dbc.Col(controls(w, ds, scenario, methods), lg=4),
                            dbc.Col([_chart(w, c, chart_figures[c.name],
                                            (frames or {}).get(c.name, NO_FRAME))
                                     for c in charts], lg=8),
                        ]
                    ),
                    sources_section(w, sources),
                    article_section(w, today),
                    method_section(w),
                ]
            ),
            html.Footer(
                html.P("trade-dash", className="small text-muted"),
                **aria(label=page_words.translated(w, "page", page_words.TEXT)["footer"]),
            ),
        ],
        fluid="xl",
        className="pb-4",
    )

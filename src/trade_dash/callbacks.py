"""Callbacks: parse inputs, call the pure layers, return outputs. Nothing else.

Everything the page shows is a function of (dataset, URL query). The one
``sync`` callback keeps the controls and the URL in step (the pattern Dash
documents for circular callbacks) and, on a control change, sends only the
parts of the charts that changed, as ``Patch`` objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import dash
from dash import Input, Output, Patch, State, ctx, dcc, html

from trade_dash import figures, ids
from trade_dash.briefing import key_message
from trade_dash.charts import Registry
from trade_dash.csv_export import citations_csv, series_csv
from trade_dash.layout import CARD_TITLES, method_help, method_options
from trade_dash.notices import Notice
from trade_dash.scenario import (
    Dataset,
    Scenario,
    Summary,
    analyse,
    default_scenario,
    presets,
    scenario_from_query,
)
from trade_dash.wording import english, facts

CONTROLS = (ids.GROWTH, ids.TARGET_YEAR, ids.TARGET, ids.BASE, ids.METHOD, ids.BAND,
            ids.REPORTER)
# Derived from the data of one side: a change of side lets the new side's defaults apply.
SIDE_DEFAULTS = (ids.GROWTH, ids.BASE, ids.METHOD)
MAX_FILTER = 200  # characters of the sources table's filter text
# The briefing's download links, by format, in page order.
BRIEFING_LINKS = {"pdf": ids.BRIEFING_PDF, "pptx": ids.BRIEFING_PPTX, "docx": ids.BRIEFING_DOCX}


@dataclass(frozen=True)
class Page:
    """Everything the callbacks need besides their inputs."""

    ds: Dataset
    charts: Registry
    context: Callable[[str], figures.Context]  # query -> figure context (date, link)
    export_links: Callable[[str], dict]  # query -> {chart/briefing name: href}


def _query_from_controls(values: dict, side_changed: bool = False) -> str:
    """Controls as a query string; the URL parser then applies the same limits as a link."""
    names = {
        ids.GROWTH: "growth",
        ids.TARGET_YEAR: "target_year",
        ids.TARGET: "target",
        ids.BASE: "base",
        ids.METHOD: "method",
        ids.BAND: "band",
        ids.REPORTER: "reporter",
    }
    raw = {name: values[c] for c, name in names.items()
           if not (side_changed and c in SIDE_DEFAULTS)}
    return urlencode({k: "" if v is None else str(v) for k, v in raw.items()})


def _text(value) -> str:
    """A browser-supplied value that should be a string (forged requests may send anything)."""
    return value if isinstance(value, str) else ""


def _fmt_money(x: float) -> str:
    return f"${x:,.1f} million"


def cards(s: Summary) -> dict[str, list]:
    """Children of each headline card."""
    big = "fs-4 fw-bold"
    small = "small text-muted"
    latest = s.latest_full_year
    ytd = s.year_to_date
    reached = s.target_reached_year
    side = (f"{latest['year']}, {latest['reporting_country']} figure"
            if latest and latest["reporting_country"] else f"{latest['year']}" if latest else "")
    return {
        ids.CARD_LATEST: [
            html.Div(_fmt_money(latest["value_musd"]) if latest else "none cited", className=big),
            html.Div(side, className=small),
        ],
        ids.CARD_YTD: [
            html.Div(_fmt_money(ytd["value_musd"]), className=big),
            html.Div(
                f"{ytd['period']}; full-year estimate "
                f"{_fmt_money(ytd['annualised_musd'])} ({ytd['method_description']})",
                className=small,
            ),
        ]
        if ytd
        else [html.Div("none after the latest full year", className=small)],
        ids.CARD_TARGET: [
            html.Div(_fmt_money(s.target_musd), className=big),
            html.Div(f"a year, by {s.target_year} (assumed: no deadline given)", className=small),
        ],
        ids.CARD_GAP: [
            html.Div(_fmt_money(s.gap_musd), className=big),
            html.Div(
                f"{s.gap_pct_of_target:.1f} % of the target, from the "
                f"{s.base['year']} {'estimate' if s.base['kind'] == 'ytd' else 'figure'}",
                className=small,
            ),
        ],
        ids.CARD_REQUIRED: [
            html.Div(f"{s.required_growth_pct:+.1f} % a year", className=big),
            html.Div(
                f"from {s.base['year']} to reach the target in {s.target_year}", className=small
            ),
        ],
        ids.CARD_REACHED: [
            html.Div(str(reached) if reached else f"not by {s.horizon_year}", className=big),
            html.Div(
                f"at {s.scenario_growth_pct:+.1f} % a year "
                f"(band {s.band['low_pct']:+.1f} to {s.band['high_pct']:+.1f} %: "
                f"{s.band['high_reached_year'] or 'not by ' + str(s.horizon_year)}"
                f" – {s.band['low_reached_year'] or 'not by ' + str(s.horizon_year)})",
                className=small,
            ),
        ],
    }


def preset_options(ds: Dataset, scenario: Scenario) -> list[dict]:
    return [{"label": p.label, "value": f"{p.growth_pct:g}"} for p in presets(ds, scenario)]


def as_patch(parts: Mapping[tuple, object]) -> Patch:
    """A figure update that sends only the given parts, each named by its path."""
    patch = Patch()
    for path, value in parts.items():
        target = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch


def notices_children(notices: list[Notice]) -> list:
    if not notices:
        return []
    return [
        html.Strong("Some settings were adjusted: "),
        html.Ul([html.Li(facts.notice_text(english(), n)) for n in notices], className="mb-0"),
    ]


def sync(
    page: Page,
    triggered: str | None,
    search: str | None,
    href: str | None,
    values: dict,
    preset: str | None,
) -> dict:
    """The whole page update for one interaction; returns output values by name."""
    ds = page.ds
    no = dash.no_update
    from_url = triggered in (None, ids.URL)
    if from_url:
        query = _text(search)
    else:
        if triggered == ids.PRESET and preset:
            values = {**values, ids.GROWTH: preset}
        query = _query_from_controls(values, side_changed=triggered == ids.REPORTER)
    scenario, notices = scenario_from_query(ds, query)
    summary = analyse(ds, scenario)
    notices = [*notices, *summary.notices]
    canonical = scenario.query()
    context = page.context(canonical)
    base_href = _text(href).split("?")[0]
    out: dict = {
        "search": no if from_url and _text(search).lstrip("?") == canonical else f"?{canonical}",
        "share": f"{base_href}?{canonical}",
        "notices": notices_children(notices),
        "notices_open": bool(notices),
        "cards": cards(summary),
        "key_message": " ".join(key_message(context.words, ds, summary)),
        "presets": preset_options(ds, scenario),
        "preset": "",
        "query": canonical,
    }
    methods = tuple(summary.year_to_date["methods_available"]) if summary.year_to_date else ()
    out["method_options"] = method_options(methods)
    out["method_help"] = method_help(methods)
    current = {
        ids.GROWTH: scenario.growth_pct,
        ids.TARGET_YEAR: scenario.target_year,
        ids.TARGET: scenario.target_musd,
        ids.BASE: scenario.base,
        ids.METHOD: scenario.method,
        ids.BAND: scenario.band_pct,
        ids.REPORTER: scenario.reporter,
    }
    # Echo a control's own value back only when the parser changed it (clamped or defaulted).
    echo_all = from_url or triggered in (ids.PRESET, ids.REPORTER)
    out["controls"] = {
        k: (v if echo_all or _differs(values.get(k), v) else no) for k, v in current.items()
    }
    if from_url and scenario == default_scenario(ds) and not notices:
        # The charts were built with the default scenario; the cards start empty, so they are sent.
        out["charts"] = {c.name: no for c in page.charts}
    else:
        # A chart is redrawn when its data changed; otherwise only what the scenario
        # changes in it is sent: some traces, or just the footer's reopen link.
        out["charts"] = {
            c.name: c.build(ds, summary, context) if from_url or triggered in c.rebuild_on
            else as_patch(c.parts(ds, summary, context))
            for c in page.charts
        }
    return out


def _differs(given, used) -> bool:
    if isinstance(used, str):
        return given != used
    try:
        return given is None or not abs(float(given) - float(used)) <= 1e-9  # NaN differs
    except (TypeError, ValueError):
        return True


CARDS = tuple(CARD_TITLES)  # the cards, in page order


def export_hrefs(page: Page, query: str, formats: list) -> tuple[str, ...]:
    """Download links for a canonical scenario query: each chart's in its chosen format
    (``formats`` in registry order), then the briefing's (``BRIEFING_LINKS`` order)."""
    links = page.export_links(query)
    charts = [
        links.get(f"{c.name}.{_text(fmt)}", "")
        for c, fmt in zip(page.charts, formats, strict=True)
    ]
    return (*charts, *(links.get(f"briefing.{f}", "") for f in BRIEFING_LINKS))


def register(app: dash.Dash, page: Page) -> None:
    """Attach the callbacks to ``app`` (inside the factory, so apps never share them)."""
    charts = page.charts
    export_links = (*[c.link_id for c in charts], *BRIEFING_LINKS.values())
    n = len(CONTROLS)

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.SHARE_LINK, "href"),
        Output(ids.SHARE_LINK, "children"),
        Output(ids.NOTICES, "children"),
        Output(ids.NOTICES, "is_open"),
        *[Output(c, "children") for c in CARDS],
        Output(ids.KEY_MESSAGE, "children"),
        Output(ids.PRESET, "options"),
        Output(ids.PRESET, "value"),
        *[Output(c, "value") for c in CONTROLS],
        Output(ids.METHOD, "options"),
        Output(ids.METHOD_HELP, "children"),
        *[Output(c.graph_id, "figure") for c in charts],
        *[Output(e, "href") for e in export_links],
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        Input(ids.PRESET, "value"),
        State(ids.URL, "href"),
        *[State(c.format_id, "value") for c in charts],
    )
    def on_change(search, *args):
        values = dict(zip(CONTROLS, args[:n], strict=True))
        preset, href, *formats = args[n:]
        out = sync(page, ctx.triggered_id, search, href, values, preset)
        # Links go out with the same response, so a slider move costs one request.
        links = export_hrefs(page, out["query"], formats)
        return (
            out["search"],
            out["share"],
            out["share"],
            out["notices"],
            out["notices_open"],
            *[out["cards"][c] for c in CARDS],
            out["key_message"],
            out["presets"],
            out["preset"],
            *[out["controls"][c] for c in CONTROLS],
            out["method_options"],
            out["method_help"],
            *[out["charts"][c.name] for c in charts],
            *links,
        )

    @app.callback(
        *[Output(e, "href", allow_duplicate=True) for e in export_links],
        *[Input(c.format_id, "value") for c in charts],
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_export_format(*args):
        *formats, search = args
        query = scenario_from_query(page.ds, _text(search))[0].query()
        return export_hrefs(page, query, formats)

    @app.callback(
        Output(ids.SOURCES_TABLE, "dashGridOptions"),
        Input(ids.SOURCES_FILTER, "value"),
        prevent_initial_call=True,
    )
    def on_sources_filter(text):
        # The grid filters its own rows; only the text goes back to it.
        patch = Patch()
        patch["quickFilterText"] = _text(text)[:MAX_FILTER]
        return patch

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.DOWNLOAD_SERIES_BTN, "n_clicks"),
        Input(ids.DOWNLOAD_CITATIONS_BTN, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_download(_series_clicks, _citation_clicks, search):
        if ctx.triggered_id == ids.DOWNLOAD_SERIES_BTN:
            reporter = scenario_from_query(page.ds, _text(search))[0].reporter
            return dcc.send_string(series_csv(page.ds, reporter), "trade_series_normalised.csv")
        return dcc.send_string(citations_csv(page.ds), "trade_citations.csv")

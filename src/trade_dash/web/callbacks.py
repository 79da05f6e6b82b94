"""Callbacks: parse inputs, call the pure layers, return outputs. Nothing else.

Everything the page shows is a function of (dataset, URL query), and the "Check an
article" panel's result of the text pasted into it as well. The one
``sync`` callback keeps the controls and the URL in step (the pattern Dash
documents for circular callbacks) and, on a control change, sends only the
parts of the charts that changed, as ``Patch`` objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, urlencode

import dash
import flask
from dash import ClientsideFunction, Input, Output, Patch, State, ctx, html

from trade_dash.charts.registry import FRAME_PARTS, Chart, Registry
from trade_dash.charts.style import Context
from trade_dash.domain import controls
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.presets import presets
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import Scenario, default_scenario
from trade_dash.domain.summary import Summary, analyse
from trade_dash.exports.briefing import key_message
from trade_dash.exports.csvfiles import citations_csv, series_csv
from trade_dash.exports.formats import BRIEFING_FORMATS
from trade_dash.web import browser_scenario, ids, sources_table
from trade_dash.web.components import csv_download
from trade_dash.web.layout import CARDS, method_options
from trade_dash.web.sources_section import cell_words, sources_body, sources_status
from trade_dash.wording import facts, languages
from trade_dash.wording import page as page_words
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import DEFAULT, LANGUAGES, LanguageChoice

# The page's scenario controls, by component id, in the address's order.
CONTROLS = tuple(c.component for c in controls.CONTROLS)
KEYS = {c.component: c.key for c in controls.CONTROLS}
# Derived from the data of one side: a change of side lets the new side's defaults apply.
SIDE_DEFAULTS = (controls.GROWTH.component, controls.BASE.component, controls.METHOD.component)
# The cards a growth move can change; the others depend on the base, target and side only.
GROWTH_CARDS = (ids.card("reached"),)
# The briefing's download links, by format, in page order.
BRIEFING_LINKS = {f: ids.briefing(f) for f in BRIEFING_FORMATS}


class ContextFor(Protocol):
    """(canonical query, reader's wording, English if not given) -> figure context."""

    def __call__(self, query: str, words: Wording | None = None,
                 lang: str | None = None) -> Context: ...


@dataclass(frozen=True)
class Page:
    """Everything the callbacks need besides their inputs."""

    ds: Dataset
    charts: Registry
    context: ContextFor  # figure context: date, reopen link, language
    export_links: Callable[[str], dict[str, str]]  # query -> {chart/briefing name: href}
    sources: Callable[[Wording], list[dict[str, Any]]]  # the sources table's rows, worded


def _query_from_controls(values: dict[str, Any], side_changed: bool = False) -> str:
    """Controls as a query string; the URL parser then applies the same limits as a link."""
    raw = {key: values[c] for c, key in KEYS.items()
           if not (side_changed and c in SIDE_DEFAULTS)}
    return urlencode({k: "" if v is None else str(v) for k, v in raw.items()})


def as_text(value: object) -> str:
    """A browser-supplied value that should be a string (forged requests may send anything)."""
    return value if isinstance(value, str) else ""


def language(search: str | None, header: str | None = None) -> LanguageChoice:
    """The reader's language: the address's ``lang``, else the browser's Accept-Language
    (``header``, or this request's), else English."""
    try:
        given = parse_qs(as_text(search).lstrip("?"), keep_blank_values=True,
                         max_num_fields=100).get("lang")
    except ValueError:  # too many parameters: the scenario parser says so
        given = None
    if header is None and flask.has_request_context():
        header = flask.request.headers.get("Accept-Language")
    return languages.choose(given[0] if given else None, header)


def with_lang(query: str, choice: LanguageChoice) -> str:
    """A canonical scenario query carrying the language when the address chose it or the
    browser chose one other than English, so a shared link opens in the sender's language
    (English from the browser's preference is left out: it is the default anyway)."""
    chosen = choice.source == "url" or (choice.source == "header" and choice.lang != DEFAULT)
    return f"{query}&lang={choice.lang}" if chosen else query


def lang_hrefs(base_href: str, query: str) -> dict[str, str]:
    """The language switch's links: the same scenario in each language."""
    return {code: f"{base_href}?{query}&lang={code}" for code in LANGUAGES}


def cards(w: Wording, s: Summary) -> dict[str, list[html.Div]]:
    """Children of each headline card."""
    return {
        ids.card(card): [html.Div(big, className="fs-4 fw-bold"),
                         html.Div(small, className="small text-muted")]
        for card, (big, small) in page_words.cards(w, s).items()
    }


def preset_options(w: Wording, ds: Dataset, scenario: Scenario) -> list[dict[str, str]]:
    return [{"label": page_words.preset_label(w, p), "value": f"{p.growth_pct:g}"}
            for p in presets(ds, scenario)]


def as_patch(parts: Mapping[tuple[str | int, ...], object]) -> Patch:
    """A figure update that sends only the given parts, each named by its path."""
    patch = Patch()
    for path, value in parts.items():
        target = patch
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return patch


def notices_children(w: Wording, notices: list[str]) -> list[Any]:
    if not notices:
        return []
    return [
        html.Strong(page_words.notices_heading(w)), " ",
        html.Ul([html.Li(n) for n in notices], className="mb-0"),
    ]


def sync(
    page: Page,
    triggered: str | None,
    search: str | None,
    href: str | None,
    values: dict[str, Any],
    preset: str | None,
    browser_ready: object = None,
) -> dict[str, Any]:
    """The whole page update for one interaction; returns output values by name.

    ``browser_ready``: the page's script answers growth moves in the scenario chart
    itself (``assets/scenario.js``), so a growth move sends only what else changed.
    """
    ds = page.ds
    no = dash.no_update
    from_url = triggered in (None, ids.URL)
    growth_move = triggered == ids.GROWTH
    if from_url:
        query = as_text(search)
    else:
        if triggered == ids.PRESET and preset:
            values = {**values, ids.GROWTH: preset}
        query = _query_from_controls(values, side_changed=triggered == ids.REPORTER)
    choice = language(search)
    w = Wording.for_lang(choice.lang)
    scenario, notices = scenario_from_query(ds, query)
    summary = analyse(ds, scenario)
    # Findings about the data (an estimate its source contradicts) are in the key message.
    texts = [facts.notice_text(w, n) for n in [*notices, *summary.notices] if not n.is_finding]
    if choice.notice is not None:
        texts.insert(0, w.notice(choice.notice))
    plain = scenario.query()
    canonical = with_lang(plain, choice)
    context = page.context(canonical, w)
    base_href = as_text(href).split("?")[0]
    out: dict[str, Any] = {
        "search": no if from_url and as_text(search).lstrip("?") == canonical else f"?{canonical}",
        "share": f"{base_href}?{canonical}",
        "notices": notices_children(w, texts),
        "notices_open": bool(texts),
        "cards": cards(w, summary),
        "key_message": " ".join(key_message(w, ds, summary)),
        "query": canonical,
        "lang_hrefs": lang_hrefs(base_href, plain),
    }
    if growth_move:
        # The presets, methods and facts do not depend on the growth rate, nor do most cards.
        out["cards"] = {c: v if c in GROWTH_CARDS else no for c, v in out["cards"].items()}
        out |= {"presets": no, "preset": no, "method_options": no, "method_help": no,
                "facts": no}
    else:
        methods = (tuple(summary.year_to_date.methods_available) if summary.year_to_date
                   else ())
        out |= {
            "presets": preset_options(w, ds, scenario),
            "preset": "",
            "method_options": method_options(w, methods),
            "method_help": page_words.method_help(w, methods, summary.year_to_date),
            "facts": browser_scenario.facts(ds, summary, w),
        }
    current: dict[str, float | str] = {
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
    # The browser draws the growth rate it was given, with the scenario line above the
    # chart; one the parser changed (clamped, or defaulted for an empty box) is drawn here.
    browser_draws = (growth_move and browser_ready is True
                     and not _differs(values.get(ids.GROWTH), scenario.growth_pct))
    if from_url and scenario == default_scenario(ds) and not texts:
        # The charts were built with the default scenario; the cards start empty, so they are sent.
        out["charts"] = {c.name: no for c in page.charts}
    else:
        # A chart is redrawn when its data changed; otherwise only what the scenario
        # changes in it is sent (some traces and the layout), if anything.
        out["charts"] = {
            c.name: c.page_figure(ds, summary, context)
            if from_url or KEYS.get(triggered or "") in c.rebuild_on
            else no if browser_draws and c.name == browser_scenario.CHART
            else _patch_or_nothing(c.parts(ds, summary, context))
            for c in page.charts
        }
    # The texts around the charts, by (chart, part). A growth move changes none of a chart
    # the scenario leaves as drawn, nor any footer (note, sources, date), so those are not
    # worked out; nor is the scenario line the browser writes.
    parts = {(c.name, part) for c in page.charts for part in FRAME_PARTS}
    if growth_move:
        parts = {(name, part) for name, part in parts
                 if page.charts[name].update is not None and part != "footer"
                 and not (browser_draws and (name, part) == (browser_scenario.CHART, "subtitle"))}
    out["texts"] = {(name, part): page.charts[name].frame_text(part, ds, summary, context)
                    for name, part in parts}
    return out


def frame_text(out: dict[str, Any], chart: str, part: str) -> Any:
    """One text around a chart from ``sync``'s output, or no update if it cannot have
    changed."""
    return out["texts"].get((chart, part), dash.no_update)


def _patch_or_nothing(parts: Mapping[tuple[str | int, ...], object]) -> Any:
    return as_patch(parts) if parts else dash.no_update


def _differs(given: Any, used: float | str) -> bool:
    if isinstance(used, str):
        return bool(given != used)  # a browser value: any JSON
    try:
        return given is None or not abs(float(given) - float(used)) <= 1e-9  # NaN differs
    except (TypeError, ValueError):
        return True


def export_hrefs(page: Page, query: str, formats: list[str]) -> tuple[str, ...]:
    """Download links for a canonical scenario query: each chart's in its chosen format
    (``formats`` in registry order), then the briefing's (``BRIEFING_LINKS`` order)."""
    links = page.export_links(query)
    charts = [
        links.get(f"{c.name}.{as_text(fmt)}", "")
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
        *[Output(ids.card(c), "children") for c in CARDS],
        Output(ids.KEY_MESSAGE, "children"),
        Output(ids.PRESET, "options"),
        Output(ids.PRESET, "value"),
        *[Output(c, "value") for c in CONTROLS],
        Output(ids.METHOD, "options"),
        Output(ids.METHOD_HELP, "children"),
        *[Output(c.graph_id, "figure") for c in charts],
        *[Output(e, "href") for e in export_links],
        *[Output(ids.lang_link(code), "href") for code in LANGUAGES],
        Output(ids.SCENARIO_FACTS, "data"),
        *[Output(c.subtitle_id, "children") for c in charts],
        *[Output(c.description_id, "children") for c in charts],
        *[Output(c.footer_id, "children") for c in charts],
        Input(ids.URL, "search"),
        *[Input(c, "value") for c in CONTROLS],
        Input(ids.PRESET, "value"),
        State(ids.URL, "href"),
        State(ids.BROWSER_READY, "data"),
        *[State(c.format_id, "value") for c in charts],
    )
    def on_change(search: str | None, *args: Any) -> tuple[Any, ...]:
        values = dict(zip(CONTROLS, args[:n], strict=True))
        preset, href, ready, *formats = args[n:]
        out = sync(page, ctx.triggered_id, search, href, values, preset, ready)
        # Links go out with the same response, so a slider move costs one request.
        links = export_hrefs(page, out["query"], formats)
        return (
            out["search"],
            out["share"],
            out["share"],
            out["notices"],
            out["notices_open"],
            *[out["cards"][ids.card(c)] for c in CARDS],
            out["key_message"],
            out["presets"],
            out["preset"],
            *[out["controls"][c] for c in CONTROLS],
            out["method_options"],
            out["method_help"],
            *[out["charts"][c.name] for c in charts],
            *links,
            *[out["lang_hrefs"][code] for code in LANGUAGES],
            out["facts"],
            *[frame_text(out, c.name, "subtitle") for c in charts],
            *[frame_text(out, c.name, "description") for c in charts],
            *[frame_text(out, c.name, "footer") for c in charts],
        )

    if browser_scenario.CHART in charts:
        _register_browser_scenario(app, page, charts[browser_scenario.CHART])

    @app.callback(
        *[Output(e, "href", allow_duplicate=True) for e in export_links],
        *[Input(c.format_id, "value") for c in charts],
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_export_format(*args: Any) -> tuple[str, ...]:
        *formats, search = args
        scenario = scenario_from_query(page.ds, as_text(search))[0]
        query = with_lang(scenario.query(), language(search))
        return export_hrefs(page, query, formats)

    @app.callback(
        Output(ids.SOURCES_BODY, "children"),
        Output(ids.SOURCES_STATUS, "children"),
        Output(ids.SOURCES_PREVIOUS, "disabled"),
        Output(ids.SOURCES_NEXT, "disabled"),
        Output(ids.SOURCES_STATE, "data"),
        *[Output(ids.sources_header(c), "aria-sort") for c in sources_table.COLUMNS],
        Input(ids.SOURCES_FILTER, "value"),
        Input(ids.SOURCES_PAGE_SIZE, "value"),
        Input(ids.SOURCES_PREVIOUS, "n_clicks"),
        Input(ids.SOURCES_NEXT, "n_clicks"),
        *[Input(ids.sources_sort(c), "n_clicks") for c in sources_table.COLUMNS],
        State(ids.SOURCES_STATE, "data"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_sources_table(text: object, size: object, _previous: int | None, _next: int | None,
                         *rest: Any) -> tuple[Any, ...]:
        *_sorts, data, search = rest
        state = sources_table.State.from_data(data)
        trigger = ctx.triggered_id
        sorted_by = {ids.sources_sort(c): c for c in sources_table.COLUMNS}
        if trigger in sorted_by:
            state = state.sorted_by(sorted_by[trigger])
        elif trigger == ids.SOURCES_FILTER:
            state = state.filtered(text)
        elif trigger == ids.SOURCES_PAGE_SIZE:
            state = state.sized(size)
        elif trigger in (ids.SOURCES_PREVIOUS, ids.SOURCES_NEXT):
            state = state.turned(-1 if trigger == ids.SOURCES_PREVIOUS else 1)
        w = Wording.for_lang(language(as_text(search)).lang)
        view = sources_table.view(page.sources(w), state, cell_words(w))
        return (sources_body(w, view), sources_status(w, view), not view.has_previous,
                not view.has_next, view.state.to_data(),
                *[view.state.direction(c) for c in sources_table.COLUMNS])

    @app.callback(
        Output(ids.DOWNLOAD, "data"),
        Input(ids.DOWNLOAD_SERIES_BTN, "n_clicks"),
        Input(ids.DOWNLOAD_CITATIONS_BTN, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def on_download(_series_clicks: int | None, _citation_clicks: int | None,
                    search: str | None) -> dict[str, Any]:
        if ctx.triggered_id == ids.DOWNLOAD_SERIES_BTN:
            reporter = scenario_from_query(page.ds, as_text(search))[0].reporter
            words = Wording.for_lang(language(search).lang)
            return csv_download(series_csv(page.ds, reporter, words),
                                 "trade_series_normalised.csv")
        return csv_download(citations_csv(page.ds), "trade_citations.csv")



def _register_browser_scenario(app: dash.Dash, page: Page, chart: Chart) -> None:
    """The growth slider answered in the browser, and the server's stand-in when it fails."""
    # The script draws each move itself (assets/scenario.js). After each answer of the server
    # (a new address or new facts) it keeps the facts and checks the chart shows the
    # control's value, whatever happened in between.
    app.clientside_callback(
        ClientsideFunction(browser_scenario.NAMESPACE, browser_scenario.SETTLE),
        Output(chart.graph_id, "figure", allow_duplicate=True),
        Output(chart.subtitle_id, "children", allow_duplicate=True),
        Output(ids.BROWSER_READY, "data"),
        Output(ids.BROWSER_FAILED, "data"),
        Input(ids.URL, "search"),
        Input(ids.SCENARIO_FACTS, "data"),
        State(ids.GROWTH, "value"),
        State(chart.graph_id, "figure"),
        State(ids.BROWSER_READY, "data"),
        State(ids.BROWSER_FAILED, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(chart.graph_id, "figure", allow_duplicate=True),
        Output(chart.subtitle_id, "children", allow_duplicate=True),
        Input(ids.BROWSER_FAILED, "data"),
        State(ids.URL, "search"),
        *[State(c, "value") for c in CONTROLS],
        prevent_initial_call=True,
    )
    def on_browser_failure(_failures: int | None, search: str | None,
                           *controls: Any) -> tuple[Any, str]:
        # The script could not draw the move: draw the scenario on the controls here.
        query = _query_from_controls(dict(zip(CONTROLS, controls, strict=True)))
        scenario = scenario_from_query(page.ds, query)[0]
        choice = language(search)
        context = page.context(with_lang(scenario.query(), choice), Wording.for_lang(choice.lang))
        summary = analyse(page.ds, scenario)
        return (chart.page_figure(page.ds, summary, context),
                chart.frame(page.ds, summary, context).subtitle)

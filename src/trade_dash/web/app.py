"""The app factory: ``create_app(config)`` builds one independent Dash app."""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from importlib.metadata import version
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

import dash
import dash_bootstrap_components as dbc
import flask
from plotly.offline import get_plotlyjs_version

from trade_dash.charts.registry import CHARTS, Frame, Registry
from trade_dash.charts.style import Context, reopen_link
from trade_dash.config import Config
from trade_dash.domain.dataset import Dataset, available_methods
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.summary import analyse
from trade_dash.exports.formats import BRIEFING_FORMATS
from trade_dash.web import article_callbacks, callbacks, export_routes, layout, security
from trade_dash.wording import english
from trade_dash.wording import page as page_words
from trade_dash.wording import sources as sources_words
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import LANGUAGES

LOG = logging.getLogger("trade_dash")
VENDOR_CSS = "bootstrap5/css/bootstrap.min.css"
# Dash's own index page with two accessibility fixes: the page declares its language
# (screen readers pick their voice from it; filled in per request), and Dash's scripts sit
# directly in the body instead of in a <footer>, which would be a second, unlabelled
# contentinfo landmark. The scripts themselves are unchanged, so their CSP hashes still match.
INDEX_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""
# plotly.js for the page: the npm "basic" partial bundle (scatter, bar and pie traces; shapes,
# annotations, legends and the modebar are in every bundle), a quarter of the full one.
# Exports render through kaleido with the plotly package's full bundle, as before.
PLOTLY_JS = "web/vendor/plotly.js-basic-dist-min/plotly-basic.min.js"
# Dash puts Babel's polyfill for old browsers (core-js 2) first on every page. In today's
# browsers it replaces the native parseFloat and parseInt with slower ones that plotly.js
# calls thousands of times per redraw, and it weighs more than all of this app's own
# scripts. The one thing of it the page uses is regenerator-runtime (dcc's lazy loading),
# served on its own instead.
BABEL_POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\n?')
REGENERATOR_JS = "web/vendor/regenerator-runtime/runtime.js"


def _bootstrap_css() -> bytes:
    """Bootstrap 5's stylesheet as shipped in the Bootstrap-Flask package (no CDN)."""
    return (files("flask_bootstrap") / "static" / VENDOR_CSS).read_bytes()


def vendored_plotly_js_version() -> str | None:
    """The version in the vendored bundle's banner ("plotly.js (basic - minified) v4.1.1")."""
    with (files("trade_dash") / PLOTLY_JS).open("rb") as fh:
        found = re.search(rb"plotly\.js \([^)]*\) v(\d+\.\d+\.\d+)", fh.read(300))
    return found.group(1).decode() if found else None


def _use_vendored_plotly_js(app: dash.Dash) -> None:
    """Load the partial plotly.js as a page script, ahead of the Dash renderer.

    dcc.Graph draws with ``window.Plotly`` when it is already defined and only otherwise
    fetches the full bundle (so a blocked or missing partial bundle still leaves working
    charts). A vendored bundle of another version than the plotly package's is not used:
    charts in the page and in exports must come from the same plotly.js.
    """
    vendored, expected = vendored_plotly_js_version(), get_plotlyjs_version()
    if vendored != expected:
        LOG.warning(
            "%s is plotly.js %s but the plotly package is built for %s: serving the full "
            "bundle instead (see docs/development.md, 'Refreshing the vendored plotly.js')",
            PLOTLY_JS, vendored, expected,
        )
        return
    app.scripts.append_script({"relative_package_path": PLOTLY_JS, "namespace": "trade_dash"})


class App(dash.Dash):
    """Dash with an index page in the reader's language: ``<html lang>`` and the title."""

    def interpolate_index(self, metas: str = "", title: str = "", css: str = "",
                          config: str = "", scripts: str = "", app_entry: str = "",
                          favicon: str = "", renderer: str = "") -> str:
        choice = callbacks.language(flask.request.query_string.decode("utf-8", "replace"))
        w = Wording.for_lang(choice.lang)
        scripts = BABEL_POLYFILL.sub("", scripts)
        # Dash leaves this hook unannotated, and mypy's untyped_calls_exclude skips super().
        html: str = super().interpolate_index(  # type: ignore[no-untyped-call]
            metas, page_words.title(w), css, config, scripts, app_entry, favicon, renderer)
        return html.replace('<html lang="{lang}">', f'<html lang="{w.lang}">', 1)


def _page_query() -> str:
    """The query of the page a layout request comes from: the browser fetches the layout
    separately, naming the page (address and query) in its Referer header."""
    return urlsplit(flask.request.referrer or "").query


def create_app(config: Config, charts: Registry = CHARTS) -> dash.Dash:
    """Validate the data and build the app with ``charts`` on its page, in its export
    routes and in its briefing pack; raises ``DataFileError`` on a bad file."""
    ds = Dataset.load(config.data_path)
    css_url = f"/_trade_dash/bootstrap-{version('bootstrap-flask')}.min.css"
    app = App(
        __name__,
        title=page_words.title(english()),
        update_title=None,  # type: ignore[arg-type]  # documented: no title while updating
        index_string=INDEX_PAGE,
        external_stylesheets=[css_url],
        serve_locally=True,
        assets_folder=str(files("trade_dash") / "web" / "assets"),
    )
    app.scripts.append_script({"relative_package_path": REGENERATOR_JS, "namespace": "trade_dash"})
    _use_vendored_plotly_js(app)
    server: flask.Flask = app.server
    prefix = app.config.requests_pathname_prefix.rstrip("/")
    css = _bootstrap_css()

    @server.get(css_url)
    def bootstrap_css() -> flask.Response:
        resp = flask.Response(css, mimetype="text/css")
        resp.headers["Cache-Control"] = f"public, max-age={security.YEAR}, immutable"
        return resp

    def context(query: str, words: Wording | None = None, lang: str | None = None) -> Context:
        root = config.public_url or (
            flask.request.host_url if flask.has_request_context() else config.root_url)
        return Context(produced=dt.date.today().isoformat(),
                       link=reopen_link(root.rstrip("/") + prefix, query, lang),
                       words=words or english())

    def export_links(query: str) -> dict[str, str]:
        links = {
            f"{c.name}.{f}": f"{prefix}/export/chart/{c.name}.{f}?{query}"
            for c in charts
            for f in c.formats
        }
        links.update(
            {f"briefing.{f}": f"{prefix}/export/briefing.{f}?{query}" for f in BRIEFING_FORMATS}
        )
        return links

    scenario = default_scenario(ds)
    summary = analyse(ds, scenario)
    methods = available_methods(ds)
    rows = sources_rows(ds)

    @lru_cache(maxsize=len(LANGUAGES))
    def sources(w: Wording) -> list[dict[str, Any]]:
        # The same for every page load in a language; read-only.
        return sources_words.source_rows(w, ds, rows)

    page = callbacks.Page(ds=ds, charts=charts, context=context, export_links=export_links,
                          sources=sources)

    @lru_cache(maxsize=16)
    def default_figures(today: Context) -> tuple[dict[str, dict[str, Any]], dict[str, Frame]]:
        # Building the figures is most of a page load's server time, and they change only
        # with the date, the language and the host name: built once per set, every
        # registered chart, with the texts around them. Read-only: the layout passes them on.
        return ({c.name: c.page_figure(ds, summary, today) for c in charts},
                {c.name: c.frame(ds, summary, today) for c in charts})

    def serve_layout() -> dbc.Container:
        # Per page load, so the charts carry today's date and this host's reopen link, the
        # freshness notice is measured from today, and the page is in the reader's language.
        choice = callbacks.language(_page_query() if flask.has_request_context() else "")
        w = Wording.for_lang(choice.lang)
        built, frames = default_figures(context(callbacks.with_lang(scenario.query(), choice), w))
        return layout.page(w, ds, scenario, methods, charts, built, sources(w),
                           dt.date.today(), frames=frames)

    app.layout = serve_layout  # Dash checks it here and keeps it as the validation layout
    # Dash sends the validation layout inside every page, for the browser to check callback
    # ids against: the whole first layout, figures included, which the page then loads
    # again. The components without the figures (and the table without its rows) hold
    # every id.
    app.validation_layout = layout.page(english(), ds, scenario, methods, charts,
                                        {c.name: {} for c in charts}, [], dt.date.today())
    callbacks.register(app, page)
    article_callbacks.register(app, page)
    export_routes.register(app, page, config)  # the browser starts on the first export
    if config.dev:
        server.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    else:
        security.harden(app, config)
    app.server.config["TRADE_DASH"] = {"dataset": ds, "config": config, "page": page}
    return app

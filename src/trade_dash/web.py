"""The app factory: ``create_app(config)`` builds one independent Dash app."""

from __future__ import annotations

import datetime as dt
from importlib.metadata import version
from importlib.resources import files

import dash
import flask

from trade_dash import callbacks, export_routes, figures, layout, security
from trade_dash.charts import CHARTS, Registry
from trade_dash.config import Config
from trade_dash.export import BRIEFING_FORMATS
from trade_dash.scenario import (
    Dataset,
    analyse,
    available_methods,
    default_scenario,
    sources_rows,
)

VENDOR_CSS = "bootstrap5/css/bootstrap.min.css"


def _bootstrap_css() -> bytes:
    """Bootstrap 5's stylesheet as shipped in the Bootstrap-Flask package (no CDN)."""
    return (files("flask_bootstrap") / "static" / VENDOR_CSS).read_bytes()


def create_app(config: Config, charts: Registry = CHARTS) -> dash.Dash:
    """Validate the data and build the app with ``charts`` on its page, in its export
    routes and in its briefing pack; raises ``DataFileError`` on a bad file."""
    ds = Dataset.load(config.data_path)
    css_url = f"/_trade_dash/bootstrap-{version('bootstrap-flask')}.min.css"
    app = dash.Dash(
        __name__,
        title="trade-dash: Kazakhstan–Mongolia trade",
        update_title=None,
        external_stylesheets=[css_url],
        serve_locally=True,
        assets_folder=str(files("trade_dash") / "assets"),
    )
    server: flask.Flask = app.server
    prefix = app.config.requests_pathname_prefix.rstrip("/")
    css = _bootstrap_css()

    @server.get(css_url)
    def bootstrap_css():
        resp = flask.Response(css, mimetype="text/css")
        resp.headers["Cache-Control"] = f"public, max-age={security.YEAR}, immutable"
        return resp

    def context(query: str) -> figures.Context:
        root = config.public_url or (
            flask.request.host_url
            if flask.has_request_context()
            else f"http://{config.host}:{config.port}/"
        )
        return figures.Context(
            produced=dt.date.today().isoformat(), link=f"{root.rstrip('/')}{prefix}/?{query}"
        )

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

    page = callbacks.Page(ds=ds, charts=charts, context=context, export_links=export_links)
    scenario = default_scenario(ds)
    summary = analyse(ds, scenario)
    methods = available_methods(ds)
    sources = sources_rows(ds)  # the same for every page load; read-only

    def serve_layout():
        # Built per page load so the charts carry today's date and this host's reopen link.
        today = context(scenario.query())
        built = {c.name: c.build(ds, summary, today) for c in charts}
        return layout.page(ds, scenario, methods, charts, built, sources)

    app.layout = serve_layout
    callbacks.register(app, page)
    export_routes.register(app, page, config)  # the browser starts on the first export
    if config.dev:
        server.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    else:
        security.harden(app, config)
    app.server.config["TRADE_DASH"] = {"dataset": ds, "config": config, "page": page}
    return app

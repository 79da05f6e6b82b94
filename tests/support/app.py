"""The one way tests build the dashboard app and its test client."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import dash
from flask.testing import FlaskClient

from trade_dash.charts.registry import CHARTS, Registry
from trade_dash.config import Config
from trade_dash.exports.images import Renderer
from trade_dash.web import export_routes
from trade_dash.web.app import create_app
from trade_dash.web.callbacks import Page

# A browser that is not there: the app's exports answer that Chromium is needed.
MISSING_BROWSER = "/nonexistent/chromium"

# What turns on debug mode in Flask and Dash apps elsewhere; only --dev may do it here.
DEBUG_ENVIRONMENT = {"FLASK_DEBUG": "1", "DASH_DEBUG": "true", "DASH_DEV_TOOLS_UI": "true",
                     "DASH_HOT_RELOAD": "true"}


def make_app(config: Config | None = None, charts: Registry = CHARTS,
             **settings: Any) -> dash.Dash:
    """The app as the server builds it: ``config`` (the defaults if None) with ``settings``
    (fields of ``Config``) over it, offering ``charts``."""
    return create_app(replace(config or Config(), **settings), charts)


def client_of(app: dash.Dash, renderer: Renderer | None = None) -> FlaskClient:
    """A test client of ``app``; with ``renderer``, its export routes draw with that
    browser (the session's, kept warm) rather than starting their own."""
    if renderer is not None:
        app.server.extensions[export_routes.RENDERER] = renderer
    return app.server.test_client()


def page_of(app: dash.Dash) -> Page:
    """The data and settings the app's callbacks read."""
    page: Page = app.server.config["TRADE_DASH"]["page"]
    return page

"""Fixtures of the integration tier: the app and its test client, and one Chromium for
every export test of the session (the renderer keeps it warm).

A module that needs another app says so once, and ``app`` builds it::

    pytestmark = pytest.mark.app(max_body_bytes=20_000)  # fields of Config, or charts=...
"""

from __future__ import annotations

from collections.abc import Iterator

import dash
import pytest
from flask.testing import FlaskClient

from tests.support import chromium as browser
from tests.support.app import MISSING_BROWSER, client_of, make_app, page_of
from tests.support.data import formula_rows, write_rows
from trade_dash import cli
from trade_dash.exports.images import Renderer
from trade_dash.web.callbacks import Page


@pytest.fixture(scope="session")
def chromium() -> str:
    return browser.required()


@pytest.fixture(scope="session")
def renderer(chromium) -> Iterator[Renderer]:
    """One browser for every export test; closed at the end of the session."""
    r = Renderer(chromium, timeout=60)
    try:
        yield r
    finally:
        r.close()


@pytest.fixture(scope="module")
def app(request) -> dash.Dash:
    """The module's app: the defaults, or what its ``pytest.mark.app(...)`` sets."""
    marker = request.node.get_closest_marker("app")
    return make_app(**(marker.kwargs if marker else {}))


@pytest.fixture
def client(app) -> FlaskClient:
    return client_of(app)


@pytest.fixture
def export_client(app, renderer) -> FlaskClient:
    """A client of the module's app whose export routes draw with the session's browser."""
    return client_of(app, renderer)


@pytest.fixture(scope="module")
def page(app) -> Page:
    """The data and settings the module's app gives its callbacks."""
    return page_of(app)


@pytest.fixture(scope="module")
def no_browser_app() -> dash.Dash:
    """An app whose static exports find no Chromium."""
    return make_app(browser_path=MISSING_BROWSER)


@pytest.fixture(scope="module")
def formula_app(tmp_path_factory) -> dash.Dash:
    """An app on the bundled data with formula text in every note, outlet and reporter."""
    return make_app(data_path=write_rows(tmp_path_factory.mktemp("data") / "f.csv",
                                         formula_rows()))


@pytest.fixture
def browsers_started(monkeypatch, chromium) -> list[int]:
    """Process ids of each Chromium the command line starts, with TRADE_DASH_BROWSER
    naming this machine's; the browsers themselves are real."""
    started: list[int] = []

    class Recording(Renderer):
        def _start(self):
            browser = super()._start()
            started.append(browser.process.pid)
            return browser

    monkeypatch.setenv("TRADE_DASH_BROWSER", chromium)
    monkeypatch.setattr(cli, "Renderer", Recording)  # where the command line looks it up
    return started

"""One Chromium for every export test of the session (the renderer keeps it warm)."""

from __future__ import annotations

import pytest

from tests import chromium as browser
from trade_dash import cli
from trade_dash.config import Config
from trade_dash.exports import images
from trade_dash.exports.images import Renderer
from trade_dash.web import export_routes
from trade_dash.web.app import create_app


@pytest.fixture(scope="session")
def chromium() -> str:
    return browser.required()


@pytest.fixture(scope="session")
def renderer(chromium):
    """One browser for every export test; closed at the end of the session."""
    r = Renderer(chromium, timeout=60)
    try:
        yield r
    finally:
        r.close()


# The app whose export routes draw with the session's browser; a test module that needs
# another app defines its own ``app`` and ``client``.
@pytest.fixture(scope="module")
def app(chromium):
    return create_app(Config(browser_path=chromium))


@pytest.fixture
def client(app, renderer):
    app.server.extensions[export_routes.RENDERER] = renderer  # share the session's browser
    return app.server.test_client()


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
    monkeypatch.setattr(images, "Renderer", Recording)
    monkeypatch.setattr(cli, "Renderer", Recording)  # the command line's own name for it
    return started

"""The real server as a subprocess, and headless Chromium driven through Playwright.

Chromium missing means the browser tests are skipped with the reason shown,
unless TRADE_DASH_REQUIRE_BROWSER=1 (CI), where it is a failure.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import chromium
from tests.support.browser import CHROMIUM_ARGS, UI_TIMEOUT_MS, Console, watch
from tests.support.serverproc import Server, running_server


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """The dashboard on the bundled data, shared by the whole browser suite."""
    with running_server(tmp_path_factory.mktemp("server")) as srv:
        yield srv


@pytest.fixture(scope="module")
def serve_data(tmp_path_factory):
    """Start a server on a given data file; every server started is stopped after the module."""
    with contextlib.ExitStack() as stack:

        def start(data: Path) -> Server:
            return stack.enter_context(running_server(tmp_path_factory.mktemp("server"), data))

        yield start


@pytest.fixture(scope="session")
def browser():
    exe = chromium.required()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium.unavailable("the playwright Python package is not installed")
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        except Exception as exc:
            chromium.unavailable(f"Chromium at {exe} would not start: {exc}")
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    ctx.set_default_timeout(UI_TIMEOUT_MS)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context, console):
    return watch(context.new_page(), console)


@pytest.fixture
def new_page(context, console):
    """Another tab in the same browser context, watched like ``page``."""
    return lambda: watch(context.new_page(), console)


@pytest.fixture(scope="session")
def expect(browser):
    """Playwright's auto-retrying assertions (imported once the browser is known to work)."""
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=UI_TIMEOUT_MS)
    return playwright_expect

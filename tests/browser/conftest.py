"""The real server as a subprocess, and headless Chromium driven through Playwright.

Chromium missing means the browser tests are skipped with the reason shown,
unless TRADE_DASH_REQUIRE_BROWSER=1 (CI), where it is a failure.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import chromium
from tests.serverproc import Server, running_server

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Every wait in the browser is bounded so a broken page fails fast instead of hanging.
UI_TIMEOUT_MS = 15_000


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


@dataclass
class Console:
    """What the page reported: console errors and warnings, and uncaught exceptions."""

    messages: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        return [m for m in self.messages if m.startswith("error:")] + self.page_errors

    def warnings(self) -> list[str]:
        return [m for m in self.messages if m.startswith("warning:")]


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


def watch(page, console: Console):
    """Record a page's console errors/warnings and uncaught exceptions into ``console``."""

    def on_console(msg):
        if msg.type in ("error", "warning"):
            console.messages.append(f"{msg.type}: {msg.text} ({msg.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: console.page_errors.append(f"pageerror: {exc}"))
    return page


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

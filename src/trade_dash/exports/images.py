"""Static export: charts as PNG, SVG or PDF, and the briefing pack, drawn by headless Chromium.

Kaleido drives Chromium over a pipe. Starting the browser takes seconds and a render
in a running one a fraction of a second, so a ``Renderer`` keeps one browser for the
life of its process. It starts it on the first render, never at import or in the app
factory: gunicorn forks its workers after building the app, and a browser started
before the fork would be shared by every worker. Renders go through one at a time,
each with a time limit. Nothing is fetched from the network: plotly.js comes from the
installed plotly package and MathJax is off.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import functools
import logging
import os
import shutil
import signal
import subprocess
import threading
import weakref
from dataclasses import dataclass
from typing import Any, Literal

import kaleido
import plotly.graph_objects as go
from choreographer.errors import (
    BrowserClosedError,
    BrowserFailedError,
    ChannelClosedError,
    ChromeNotFoundError,
)

from trade_dash.charts.sizes import PAGE_IMAGE, ExportSize
from trade_dash.domain.codes import CodedError
from trade_dash.exports.formats import CHART_FORMATS

log = logging.getLogger(__name__)

# The briefing PDF draws its charts as vectors from SVG laid out like the page image.
PAGE_VECTOR = ExportSize(PAGE_IMAGE.width, PAGE_IMAGE.height)
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
STARTUP_SECONDS = 60.0  # a cold start takes a few seconds; a loaded machine may need more
CLOSE_SECONDS = 10.0
BROWSER_GONE = (BrowserClosedError, BrowserFailedError, ChannelClosedError)


# Why a static export could not be made; ``wording.errors`` says it in each language.
ExportCode = Literal[
    "no_browser_at",  # path (TRADE_DASH_BROWSER names no executable)
    "no_browser_found",  # none on PATH
    "browser_unusable",  # path
    "browser_slow_start",  # path, seconds
    "browser_failed",  # path, reason (the browser's own words)
    "busy",  # the renderer stayed busy with other exports
    "render_timeout",  # format, seconds
    "render_failed",  # format, reason (the renderer's own words)
]


class ExportError(CodedError, RuntimeError):
    """A static export could not be made: a code and its values, for the user;
    ``wording.errors.export_error`` says it in a reader's language."""

    code: ExportCode

    def __init__(self, code: ExportCode, **params: Any):
        super().__init__(code, **params)


class ExportUnavailable(ExportError):
    """No usable Chromium on this machine; the message says what to install."""


class ExportTimeout(ExportError):
    """A render, or the wait for the renderer, took longer than allowed."""


def find_browser(configured: str | None = None) -> str:
    """The Chromium to use: the configured one (a path or a name on PATH), else the first found."""
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise ExportUnavailable("no_browser_at", path=configured)
        return found
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    raise ExportUnavailable("no_browser_found")


class _Kaleido(kaleido.Kaleido):  # type: ignore[misc]  # kaleido ships no type information
    """Kaleido, with the tab reloaded after the caller has its image instead of before."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reloads: set[asyncio.Task[None]] = set()
        self.broken = False

    async def _return_kaleido_tab(self, tab: Any) -> None:
        # Kaleido reloads the tab (re-reading plotly.js, about 0.3 s) after every render
        # before handing the image back. The next render waits for the tab anyway, so
        # reloading in the background takes that time off each export.
        task = asyncio.get_running_loop().create_task(super()._return_kaleido_tab(tab))
        self.reloads.add(task)
        task.add_done_callback(self._reloaded)

    def _reloaded(self, task: asyncio.Task[None]) -> None:
        self.reloads.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self.broken = True  # the tab never came back: start a new browser next time


@dataclass
class _Browser:
    kaleido: _Kaleido
    loop: asyncio.AbstractEventLoop
    thread: threading.Thread

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        return getattr(self.kaleido, "subprocess", None)

    def alive(self) -> bool:
        proc = self.process
        return (
            self.thread.is_alive()
            and proc is not None
            and proc.poll() is None
            and not self.kaleido.broken
        )


def _run_loop(loop: asyncio.AbstractEventLoop) -> None:
    asyncio.set_event_loop(loop)
    try:
        loop.run_forever()
    finally:
        # Cancel what is left (a render given up on, a tab reload), as asyncio.run does.
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()


def _kill(proc: subprocess.Popen[bytes] | None) -> None:
    """Last resort when Chromium will not close: kill its whole process group."""
    if proc is None or proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)  # Chromium runs in its own session
        else:  # pragma: no cover - Windows
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(CLOSE_SECONDS)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def _page_not_ready(exc: BaseException | None) -> bool:
    """Kaleido's render script was not defined yet in the tab it drew in."""
    return exc is not None and "kaleido_scopes is not defined" in str(exc)


def _forget_in_child(ref: weakref.ref[Renderer]) -> None:
    renderer = ref()
    if renderer is not None:
        renderer._after_fork()


class Renderer:
    """One headless Chromium for this process, started on first use, one render at a time.

    Thread-safe: concurrent callers queue on a lock, so each gets the image of its own
    figure. A render that fails or times out raises an ``ExportError`` and leaves the
    renderer usable; a browser that died or hung is closed and replaced on the next call.
    ``close()`` (also run at exit) stops the browser; a later render starts a new one.
    """

    def __init__(
        self,
        browser_path: str | None = None,
        timeout: float = 30.0,
        *,
        start_timeout: float | None = None,
    ):
        self.browser_path = browser_path
        self.timeout = float(timeout)
        self.start_timeout = (
            max(self.timeout, STARTUP_SECONDS) if start_timeout is None else float(start_timeout)
        )
        self._lock = threading.Lock()
        self._browser: _Browser | None = None
        if hasattr(os, "register_at_fork"):
            # A forked child inherits this object but neither the thread that drives the
            # browser nor the right to close it (it is the parent's): it starts its own.
            os.register_at_fork(
                after_in_child=functools.partial(_forget_in_child, weakref.ref(self))
            )

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"Renderer(browser_path={self.browser_path!r}, timeout={self.timeout:g}, {state})"

    @property
    def running(self) -> bool:
        browser = self._browser
        return browser is not None and browser.alive()

    @property
    def browser_pid(self) -> int | None:
        """Process id of the running browser (its launcher), for diagnostics."""
        browser = self._browser
        proc = browser.process if browser else None
        return proc.pid if proc is not None and proc.poll() is None else None

    def render(self, fig: go.Figure | dict[str, Any], fmt: str, size: ExportSize) -> bytes:
        """The figure as ``fmt`` (png, svg or pdf) at ``size``."""
        if fmt not in CHART_FORMATS:
            raise ValueError(f"format must be one of {', '.join(CHART_FORMATS)}, got {fmt!r}")
        spec = fig.to_dict() if hasattr(fig, "to_dict") else fig
        opts = {"format": fmt, "width": size.width, "height": size.height, "scale": size.scale}
        if not self._lock.acquire(timeout=self.start_timeout + self.timeout):
            raise ExportTimeout("busy")
        try:
            try:
                return self._render(self._running_browser(), spec, opts)
            except ExportError as exc:
                if not _page_not_ready(exc.__cause__):
                    raise
                # Kaleido's tab was asked to draw before its own page script had run (seen
                # on a heavily loaded machine): once more, in a fresh browser.
                self._discard()
                return self._render(self._running_browser(), spec, opts)
        finally:
            self._lock.release()

    def close(self) -> None:
        """Stop the browser and its thread; safe to call more than once."""
        got = self._lock.acquire(timeout=self.timeout)  # let a render in progress finish
        try:
            self._discard()
        finally:
            if got:
                self._lock.release()
            atexit.unregister(self.close)

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals, called with the lock held ---------------------------------

    def _running_browser(self) -> _Browser:
        if self._browser is not None and not self._browser.alive():
            log.warning("the export browser stopped; starting a new one")
            self._discard()
        if self._browser is None:
            self._browser = self._start()
        return self._browser

    def _start(self) -> _Browser:
        path = find_browser(self.browser_path)
        try:
            k = _Kaleido(n=1, timeout=self.timeout, mathjax=False, path=path)
        except ChromeNotFoundError:
            raise ExportUnavailable("browser_unusable", path=path) from None
        loop = asyncio.new_event_loop()
        thread = threading.Thread(
            target=_run_loop, args=(loop,), name="trade-dash-export", daemon=True
        )
        thread.start()
        browser = _Browser(k, loop, thread)
        opening = asyncio.run_coroutine_threadsafe(k.open(), loop)
        try:
            opening.result(self.start_timeout)
        except BaseException as exc:
            opening.cancel()
            self._stop(browser)  # no half-started Chromium is left behind
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            if isinstance(exc, TimeoutError):
                raise ExportUnavailable("browser_slow_start", path=path,
                                        seconds=self.start_timeout) from None
            raise ExportUnavailable("browser_failed", path=path, reason=_describe(exc)) from None
        atexit.register(self.close)
        log.info("export browser started: %s (pid %s)", path, getattr(browser.process, "pid", None))
        return browser

    def _render(self, browser: _Browser, spec: dict[str, Any], opts: dict[str, Any]) -> bytes:
        what = opts["format"].upper()
        job = asyncio.run_coroutine_threadsafe(
            browser.kaleido.calc_fig(spec, opts=opts), browser.loop
        )
        try:
            image: bytes = job.result(self.timeout)
            return image
        except TimeoutError:
            job.cancel()
            self._discard()  # the tab may be stuck mid-render: start afresh next time
            raise ExportTimeout("render_timeout", format=what, seconds=self.timeout) from None
        except (Exception, concurrent.futures.CancelledError) as exc:
            log.warning("rendering the %s failed: %r", what, exc)
            if isinstance(exc, BROWSER_GONE) or not browser.alive():
                self._discard()
            raise ExportError("render_failed", format=what, reason=_describe(exc)) from exc

    def _discard(self) -> None:
        browser, self._browser = self._browser, None
        if browser is not None:
            self._stop(browser)

    @staticmethod
    def _stop(browser: _Browser) -> None:
        """Close the browser, stop its loop, and kill Chromium if it is still there."""
        if browser.thread.is_alive():
            closing = asyncio.run_coroutine_threadsafe(browser.kaleido.close(), browser.loop)
            try:
                closing.result(CLOSE_SECONDS)
            except Exception as exc:
                log.warning("the export browser did not close cleanly: %r", exc)
                closing.cancel()
            with contextlib.suppress(RuntimeError):  # the loop may have closed meanwhile
                browser.loop.call_soon_threadsafe(browser.loop.stop)
            browser.thread.join(CLOSE_SECONDS)
        _kill(browser.process)

    def _after_fork(self) -> None:
        self._lock = threading.Lock()
        self._browser = None
        atexit.unregister(self.close)


# --- what the routes and the command line call ------------------------------------



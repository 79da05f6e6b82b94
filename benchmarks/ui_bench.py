"""Browser benchmark: how quickly the dashboard appears and answers the growth slider.

Runs the real trade-dash server and, as a floor, a bare Dash app with one slider
and one graph under the same gunicorn settings, both on 127.0.0.1, and drives each
with headless Chromium. For each app it reports:

1. time to first chart: navigation start to the first plotly chart with data drawn
   (cold browser cache, median of --loads page loads);
2. slider-to-redrawn-chart latency: a key press on the growth slider to the frame
   after the chart shows the new rate (median and p95 of --moves moves);
3. callback payload: bytes of the /_dash-update-component response(s) for one move,
   as JSON and as sent over the wire.

Counts and waits are bounded; every server it starts is stopped before it exits.

    .venv/bin/python benchmarks/ui_bench.py [--loads 5] [--moves 10]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import procs

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CALLBACK_PATH = "/_dash-update-component"
WAIT_MS = 30_000
VIEWPORT = {"width": 1400, "height": 1000}


# Installed before any page script: timestamps (performance.now(), i.e. ms since navigation
# start) of the first drawn chart, of the last key press, and of the frame after the chart
# shows what __bench.want() looks for.
PROBE_JS = """
(() => {
  const b = window.__bench = {firstChart: null, t0: null, done: null, want: null};
  const check = () => {
    if (b.firstChart === null && document.querySelector('.js-plotly-plot .scatterlayer .trace')) {
      b.firstChart = -1;
      requestAnimationFrame(() => { b.firstChart = performance.now(); });
    }
    if (b.want && b.done === null && b.t0 !== null && b.want()) {
      b.done = -1;
      requestAnimationFrame(() => { b.done = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true,
                                                 characterData: true});
  document.addEventListener('keydown', () => { b.t0 = performance.now(); }, true);
})();
"""


# --- measurements ---------------------------------------------------------------------


@dataclass(frozen=True)
class App:
    name: str
    command: Callable[[int], list[str]]
    # Text the redrawn chart shows for a growth rate, and where it shows it.
    chart_text: Callable[[float], str]
    chart_selector: str


@dataclass
class Result:
    first_chart_ms: list[float] = field(default_factory=list)
    page_kib: list[float] = field(default_factory=list)
    move_ms: list[float] = field(default_factory=list)
    json_bytes: list[int] = field(default_factory=list)
    wire_bytes: list[int] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)


APPS = (
    App(
        "trade-dash",
        lambda port: procs.trade_dash_cmd(port, workers=1),
        lambda g: f"Scenario {g:+.1f}%/yr",
        "#scenario-graph .legendtext",
    ),
    App(
        "bare Dash",
        lambda port: procs.bare_cmd(port, workers=1),
        lambda g: f"growth {g:.1f}",
        "#graph .gtitle",
    ),
)


def chromium() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


def measure_loads(browser, url: str, loads: int, result: Result) -> None:
    """Cold-cache page loads: a new browser context each time.

    The first load is not counted: it only fills the server's compressed-asset cache.
    """
    for n in range(loads + 1):
        context = browser.new_context(viewport=VIEWPORT)
        try:
            page = context.new_page()
            page.add_init_script(PROBE_JS)
            page.goto(url + "/", wait_until="load", timeout=WAIT_MS)
            page.wait_for_function("() => window.__bench.firstChart > 0", timeout=WAIT_MS)
            if n == 0:
                continue
            result.first_chart_ms.append(page.evaluate("window.__bench.firstChart"))
            transferred = page.evaluate(
                """() => performance.getEntriesByType('navigation')
                     .concat(performance.getEntriesByType('resource'))
                     .reduce((n, e) => n + (e.transferSize || 0), 0)"""
            )
            result.page_kib.append(transferred / 1024)
        finally:
            context.close()


def measure_moves(browser, app: App, url: str, moves: int, result: Result) -> None:
    """Move the growth slider by keyboard, one point at a time, up and down."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.add_init_script(PROBE_JS)
        responses: list = []
        pending: set = set()

        def on_request(request):
            if CALLBACK_PATH in request.url:
                pending.add(request)

        def on_done(request):
            pending.discard(request)

        page.on("request", on_request)
        page.on("requestfinished", on_done)
        page.on("requestfailed", on_done)
        page.on("response", lambda r: CALLBACK_PATH in r.url and responses.append(r))

        def settle() -> None:
            """Wait until no callback request has been in flight for 300 ms."""
            deadline = time.monotonic() + WAIT_MS / 1000
            quiet_since = None
            while time.monotonic() < deadline:
                page.wait_for_timeout(50)
                if pending:
                    quiet_since = None
                elif quiet_since is None:
                    quiet_since = time.monotonic()
                elif time.monotonic() - quiet_since >= 0.3:
                    return
            raise TimeoutError("callbacks still running")

        page.goto(url + "/", wait_until="load", timeout=WAIT_MS)
        page.wait_for_function("() => window.__bench.firstChart > 0", timeout=WAIT_MS)
        settle()
        thumb = page.locator("#growth [role=slider]")
        thumb.focus()
        for i in range(moves):
            current = float(thumb.get_attribute("aria-valuenow"))
            key, step = ("PageUp", 1.0) if i % 2 == 0 else ("PageDown", -1.0)
            target = round(current + step, 1)
            page.evaluate(
                """([sel, text]) => {
                     const b = window.__bench;
                     b.done = null; b.t0 = null;
                     b.want = () => [...document.querySelectorAll(sel)]
                       .some(e => (e.textContent || '').includes(text));
                   }""",
                [app.chart_selector, app.chart_text(target)],
            )
            responses.clear()
            page.keyboard.press(key)
            page.wait_for_function("() => window.__bench.done > 0", timeout=WAIT_MS)
            result.move_ms.append(page.evaluate("window.__bench.done - window.__bench.t0"))
            settle()
            json_bytes = wire = 0
            for response in responses:
                json_bytes += len(response.body())
                wire += response.request.sizes()["responseBodySize"]
            result.json_bytes.append(json_bytes)
            result.wire_bytes.append(wire)
            result.requests.append(len(responses))
    finally:
        context.close()


# --- report ------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]  # nearest rank


def table(results: dict[str, Result]) -> str:
    td, bare = results["trade-dash"], results["bare Dash"]
    med = statistics.median
    rows = [
        ("time to first chart, median (ms)", med(td.first_chart_ms), med(bare.first_chart_ms)),
        ("time to first chart, worst (ms)", max(td.first_chart_ms), max(bare.first_chart_ms)),
        ("first page load transferred (KiB)", med(td.page_kib), med(bare.page_kib)),
        ("slider to redrawn chart, median (ms)", med(td.move_ms), med(bare.move_ms)),
        ("slider to redrawn chart, p95 (ms)", p95(td.move_ms), p95(bare.move_ms)),
        ("callback requests per move", med(td.requests), med(bare.requests)),
        ("callback response per move, JSON (bytes)", med(td.json_bytes), med(bare.json_bytes)),
        ("callback response per move, wire (bytes)", med(td.wire_bytes), med(bare.wire_bytes)),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':{width}}  {'trade-dash':>10}  {'bare Dash':>10}  {'ratio':>6}"]
    lines.append("-" * len(lines[0]))
    for label, a, b in rows:
        ratio = f"{a / b:6.2f}" if b else "     -"
        lines.append(f"{label:{width}}  {a:10.0f}  {b:10.0f}  {ratio}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="cold page loads per app (5)")
    parser.add_argument("--moves", type=int, default=10, help="slider moves per app (10)")
    args = parser.parse_args(argv)
    if not 1 <= args.loads <= 50 or not 1 <= args.moves <= 200:
        parser.error("--loads must be 1-50 and --moves 1-200")

    from playwright.sync_api import sync_playwright

    results: dict[str, Result] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            for app in APPS:
                port = procs.free_port()
                url = f"http://127.0.0.1:{port}"
                with procs.server(app.command(port), port):
                    result = results[app.name] = Result()
                    measure_loads(browser, url, args.loads, result)
                    measure_moves(browser, app, url, args.moves, result)
                print(f"{app.name}: done", file=sys.stderr, flush=True)
            version = browser.version
        finally:
            browser.close()

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Chromium {version} headless, {os.cpu_count()} CPU(s), load average {load:.1f}, "
        f"Python {platform.python_version()}; {args.loads} cold loads and "
        f"{args.moves} slider moves per app"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Browser benchmark: how quickly the dashboard appears and answers the growth slider.

Runs the real trade-dash server on the bundled data and on a generated file of 2,000
citations (tests/bigfile.py: 1992–2025, every flow, long names and notes), and, as a
floor, a bare Dash app with one slider and one graph under the same gunicorn settings,
all on 127.0.0.1, and drives each with headless Chromium. For each it reports:

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
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import procs

sys.path.insert(0, str(procs.ROOT))  # the large file comes from the tests' own generator
from tests import bigfile

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
    command: Callable[[int, Path], list[str]]  # (port, folder for generated data)
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


BIG = "2,000 citations"
APPS = (
    App(
        "trade-dash",
        lambda port, _: procs.trade_dash_cmd(port, workers=1),
        lambda g: f"Scenario {g:+.1f}%/yr",
        "#scenario-graph .legendtext",
    ),
    App(
        BIG,
        lambda port, folder: procs.trade_dash_cmd(
            port, workers=1, data=bigfile.write(folder / "big.csv")),
        lambda g: f"Scenario {g:+.1f}%/yr",
        "#scenario-graph .legendtext",
    ),
    App(
        "bare Dash",
        lambda port, _: procs.bare_cmd(port, workers=1),
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
    """One column per app; the ratio compares trade-dash on the bundled data with the floor."""
    med = statistics.median
    rows = [
        ("time to first chart, median (ms)", lambda r: med(r.first_chart_ms)),
        ("time to first chart, worst (ms)", lambda r: max(r.first_chart_ms)),
        ("first page load transferred (KiB)", lambda r: med(r.page_kib)),
        ("slider to redrawn chart, median (ms)", lambda r: med(r.move_ms)),
        ("slider to redrawn chart, p95 (ms)", lambda r: p95(r.move_ms)),
        ("callback requests per move", lambda r: med(r.requests)),
        ("callback response per move, JSON (bytes)", lambda r: med(r.json_bytes)),
        ("callback response per move, wire (bytes)", lambda r: med(r.wire_bytes)),
    ]
    names = [a.name for a in APPS]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':{width}}" + "".join(f"  {n:>15}" for n in names) + f"  {'ratio':>6}"]
    lines.append("-" * len(lines[0]))
    for label, value in rows:
        values = [value(results[n]) for n in names]
        td, bare = value(results["trade-dash"]), value(results["bare Dash"])
        ratio = f"{td / bare:6.2f}" if bare else "     -"
        lines.append(f"{label:{width}}" + "".join(f"  {v:15.0f}" for v in values) + f"  {ratio}")
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
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as folder:
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            for app in APPS:
                port = procs.free_port()
                url = f"http://127.0.0.1:{port}"
                with procs.server(app.command(port, Path(folder)), port):
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

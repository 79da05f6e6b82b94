"""Browser benchmark: how quickly the dashboard appears and answers the growth slider.

Runs the real trade-dash server on the bundled data and on a generated file of 2,000
citations (tests/support/bigfile.py: 1992–2025, every flow, long names and notes), and, as a
floor, a bare Dash app with one slider and one graph under the same gunicorn settings,
all on 127.0.0.1 at the same time, and drives each with headless Chromium, taking turns
(one load or one move of one app, then the next's) so all meet the same machine load.
For each it reports:

1. time to first chart: navigation start to the frame after the first plotly chart
   with data is drawn (cold browser cache, median of --loads page loads);
2. first page load, transferred: bytes over the wire for everything the page fetches
   until the network has been quiet for half a second after the first chart, so a
   resource loaded late still counts;
3. slider-to-redrawn-chart latency: a key press on the growth slider to the frame
   after the chart shows the new rate (median and p95 of --moves moves);
4. callback payload: bytes of the /_dash-update-component response(s) for one move,
   as JSON and as sent over the wire.

It then prints the goal table of issue 11: each metric's ratio to the bare app,
judged against the "must" and "aim" lines. Absolute times move with the machine's
load; the ratios compare two apps measured in the same run. --list adds every
response of one cold load of each app, with its transferred size.

Counts and waits are bounded; every server it starts is stopped before it exits.

    .venv/bin/python benchmarks/ui_bench.py [--loads 5] [--moves 10] [--list]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import procs

sys.path.insert(0, str(procs.ROOT))  # the large file comes from the tests' own generator
from tests.support import bigfile

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CALLBACK_PATH = "/_dash-update-component"
WAIT_MS = 30_000
QUIET_S = 0.5  # a page load is over when no request has been in flight for this long
VIEWPORT = {"width": 1400, "height": 1000}
MIB = 1024  # KiB

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
    page_requests: list[int] = field(default_factory=list)
    move_ms: list[float] = field(default_factory=list)
    json_bytes: list[int] = field(default_factory=list)
    wire_bytes: list[int] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)
    # (path, initiator, transferred bytes, decoded bytes, start ms, end ms) of the last load
    fetched: list[list] = field(default_factory=list)


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

RESOURCES_JS = """() => performance.getEntriesByType('navigation')
  .concat(performance.getEntriesByType('resource'))
  .map(e => [e.name, e.initiatorType, e.transferSize || 0, e.decodedBodySize || 0,
             e.startTime, e.responseEnd])"""


def chromium() -> str:
    return shutil.which("chromium") or "/usr/bin/chromium"


class Network:
    """Requests of one page still in flight, to wait until the page has gone quiet."""

    def __init__(self, page, only: str = ""):
        self.page = page
        self.pending: set = set()
        self.only = only
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)

    def _start(self, request) -> None:
        if self.only in request.url:
            self.pending.add(request)

    def _end(self, request) -> None:
        self.pending.discard(request)

    def settle(self, quiet_s: float) -> None:
        """Wait until no (matching) request has been in flight for ``quiet_s``."""
        deadline = time.monotonic() + WAIT_MS / 1000
        quiet_since = None
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            if self.pending:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet_s:
                return
        raise TimeoutError("requests still in flight")


def open_page(context):
    page = context.new_page()
    page.add_init_script(PROBE_JS)
    return page


def measure_load(browser, url: str, result: Result | None) -> None:
    """One cold-cache page load in a new browser context; ``None`` only warms the server."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = open_page(context)
        network = Network(page)
        page.goto(url + "/", wait_until="load", timeout=WAIT_MS)
        page.wait_for_function("() => window.__bench.firstChart > 0", timeout=WAIT_MS)
        network.settle(QUIET_S)
        if result is None:
            return
        result.first_chart_ms.append(page.evaluate("window.__bench.firstChart"))
        fetched = [[name.removeprefix(url), *rest] for name, *rest in page.evaluate(RESOURCES_JS)]
        result.page_kib.append(sum(f[2] for f in fetched) / 1024)
        result.page_requests.append(len(fetched))
        result.fetched = fetched
    finally:
        context.close()


class Mover:
    """One app's page, open for the whole run, whose growth slider is moved by keyboard."""

    def __init__(self, browser, app: App, url: str, result: Result):
        self.app, self.result = app, result
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = open_page(self.context)
        self.network = Network(self.page, only=CALLBACK_PATH)
        self.responses: list = []
        self.page.on("response", lambda r: CALLBACK_PATH in r.url and self.responses.append(r))
        self.page.goto(url + "/", wait_until="load", timeout=WAIT_MS)
        self.page.wait_for_function("() => window.__bench.firstChart > 0", timeout=WAIT_MS)
        self.network.settle(0.3)
        self.thumb = self.page.locator("#growth [role=slider]")

    def move(self, up: bool) -> None:
        """One point up or down, timed from the key press to the redrawn chart."""
        page, result = self.page, self.result
        page.bring_to_front()
        self.thumb.focus()
        current = float(self.thumb.get_attribute("aria-valuenow"))
        key, step = ("PageUp", 1.0) if up else ("PageDown", -1.0)
        page.evaluate(
            """([sel, text]) => {
                 const b = window.__bench;
                 b.done = null; b.t0 = null;
                 b.want = () => [...document.querySelectorAll(sel)]
                   .some(e => (e.textContent || '').includes(text));
               }""",
            [self.app.chart_selector, self.app.chart_text(round(current + step, 1))],
        )
        self.responses.clear()
        page.keyboard.press(key)
        page.wait_for_function("() => window.__bench.done > 0", timeout=WAIT_MS)
        result.move_ms.append(page.evaluate("window.__bench.done - window.__bench.t0"))
        self.network.settle(0.3)
        result.json_bytes.append(sum(len(r.body()) for r in self.responses))
        result.wire_bytes.append(
            sum(r.request.sizes()["responseBodySize"] for r in self.responses)
        )
        result.requests.append(len(self.responses))

    def close(self) -> None:
        self.context.close()


def run(browser, urls: dict[str, str], loads: int, moves: int) -> dict[str, Result]:
    """Loads, then moves, alternating between the apps (and which goes first) each round."""
    results = {app.name: Result() for app in APPS}
    for app in APPS:
        measure_load(browser, urls[app.name], None)  # fills the compressed-asset cache
    for n in range(loads):
        for app in APPS if n % 2 == 0 else APPS[::-1]:
            measure_load(browser, urls[app.name], results[app.name])
    movers = [Mover(browser, app, urls[app.name], results[app.name]) for app in APPS]
    try:
        for i in range(moves):
            for mover in movers if i % 2 == 0 else movers[::-1]:
                mover.move(up=i % 2 == 0)
    finally:
        for mover in movers:
            mover.close()
    return results


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
        ("first page load requests", lambda r: med(r.page_requests)),
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


@dataclass(frozen=True)
class Goal:
    """One line of the issue's goal table: ``value`` must be at most ``must``, ideally ``aim``."""

    label: str
    value: float  # a ratio to the bare app, or an absolute figure
    must: float
    aim: float
    unit: str = "x"

    def verdict(self) -> str:
        if self.value <= self.aim:
            return "meets aim"
        return "meets must" if self.value <= self.must else "falls short"


def goals(results: dict[str, Result]) -> list[Goal]:
    td, bare = results["trade-dash"], results["bare Dash"]
    med = statistics.median
    page_kib = med(td.page_kib)
    return [
        Goal("slider to redrawn chart, median", med(td.move_ms) / med(bare.move_ms), 1.0, 0.5),
        Goal("slider to redrawn chart, p95", p95(td.move_ms) / p95(bare.move_ms), 1.0, 0.5),
        Goal("time to first chart, cold (median)",
             med(td.first_chart_ms) / med(bare.first_chart_ms), 1.0, 0.8),
        # The page-weight line: no heavier than the bare app, and at most 1.6 MiB
        # (aim 1.2 MiB); the ratio has no separate aim.
        Goal("first page load, transferred", page_kib / med(bare.page_kib), 1.0, 1.0),
        Goal("first page load, transferred", page_kib, 1.6 * MIB, 1.2 * MIB, " KiB"),
    ]


def goal_table(lines: list[Goal]) -> str:
    width = max(len(g.label) for g in lines)

    def fmt(x: float, unit: str) -> str:
        return f"{x:.2f}{unit}" if unit == "x" else f"{x:.0f}{unit}"

    out = [f"{'goal (issue 11)':{width}}  {'value':>9}  {'must':>9}  {'aim':>9}  verdict"]
    out.append("-" * (len(out[0]) + 8))
    for g in lines:
        out.append(
            f"{g.label:{width}}  {fmt(g.value, g.unit):>9}  {'≤' + fmt(g.must, g.unit):>9}  "
            f"{'≤' + fmt(g.aim, g.unit):>9}  {g.verdict()}"
        )
    short = sum(g.verdict() == "falls short" for g in lines)
    out.append(
        "every must line met" if not short else f"{short} line(s) fall short of the must"
    )
    return "\n".join(out)


def listing(name: str, result: Result) -> str:
    """Every response of the last cold load: what was fetched, how big, when."""
    # Transferred twice over the network; 0 bytes transferred means the browser's cache.
    names = Counter(f[0] for f in result.fetched if CALLBACK_PATH not in f[0] and f[2])
    lines = [f"{name}: one cold load, {len(result.fetched)} responses",
             f"{'wire KiB':>9} {'body KiB':>9} {'start ms':>9} {'end ms':>7}  type    path"]
    for path, kind, wire, body, begin, end in result.fetched:
        twice = "  (fetched again)" if wire and names[path] > 1 else ""
        twice = twice or ("  (from the browser's cache)" if not wire else "")
        lines.append(f"{wire / 1024:9.1f} {body / 1024:9.1f} {begin:9.0f} {end:7.0f}  "
                     f"{kind:7.7} {path[:100]}{twice}")
    return "\n".join(lines)


def load_average() -> float:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="cold page loads per app (5)")
    parser.add_argument("--moves", type=int, default=10, help="slider moves per app (10)")
    parser.add_argument("--list", action="store_true",
                        help="also list every response of one cold load of each app")
    args = parser.parse_args(argv)
    if not 1 <= args.loads <= 50 or not 1 <= args.moves <= 200:
        parser.error("--loads must be 1-50 and --moves 1-200")

    from playwright.sync_api import sync_playwright

    load_before = load_average()
    with (sync_playwright() as pw, contextlib.ExitStack() as servers,
          tempfile.TemporaryDirectory() as folder):
        urls = {}
        for app in APPS:
            port = procs.free_port()
            servers.enter_context(procs.server(app.command(port, Path(folder)), port))
            urls[app.name] = f"http://127.0.0.1:{port}"
        browser = pw.chromium.launch(executable_path=chromium(), headless=True, args=CHROMIUM_ARGS)
        try:
            results = run(browser, urls, args.loads, args.moves)
            version = browser.version
        finally:
            browser.close()

    print(
        f"Chromium {version} headless, {os.cpu_count()} CPU(s), Python "
        f"{platform.python_version()}; {args.loads} cold loads and {args.moves} slider moves "
        f"per app, taking turns; load average {load_before:.1f} before, "
        f"{load_average():.1f} after"
    )
    print("Absolute times move with the machine's load: compare runs to each other, and the\n"
          "apps by their ratio within one run.\n")
    print(table(results))
    print()
    print(goal_table(goals(results)))
    if args.list:
        for name, result in results.items():
            print()
            print(listing(name, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

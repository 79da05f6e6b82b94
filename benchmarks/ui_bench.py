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
3. a key press on the growth slider, timed by plotly's own ``plotly_afterplot`` event on
   the chart the slider drives (median and p95 of --moves moves):
   - first redraw: to the frame after the first ``plotly_afterplot`` the key press causes;
   - last redraw: to the frame after the last one, once the chart has settled (no further
     ``plotly_afterplot`` and no callback request in flight for QUIET_MOVE_S), which is
     what the reader waits for;
   - redraws: how many ``plotly_afterplot`` events the key press caused;
4. callback payload: bytes of the /_dash-update-component response(s) for one move,
   as JSON and as sent over the wire.

It then prints the goal table of issue 22: each metric's ratio to the bare app, judged
against the "must" and "aim" lines, with the load average (/proc/loadavg) before and
after the run, and writes everything, every single move included, to
benchmarks/results/ui.json (--json to write elsewhere). Absolute times move with the
machine's load; the ratios compare apps measured in the same run. --list adds every
response of one cold load of each app, with its transferred size.

Counts and waits are bounded; every server it starts is stopped before it exits.

    .venv/bin/python benchmarks/ui_bench.py [--loads 5] [--moves 12] [--list]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import procs

sys.path.insert(0, str(procs.ROOT))  # the large file comes from the tests' own generator
from tests.support import bigfile

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CALLBACK_PATH = "/_dash-update-component"
WAIT_MS = 30_000
QUIET_S = 0.5  # a page load is over when no request has been in flight for this long
# A move is over when its chart has not been redrawn, and no callback request has been in
# flight, for this long: longer than a server answer takes on a loaded machine, so a
# redraw the answer causes is counted.
QUIET_MOVE_S = 0.6
VIEWPORT = {"width": 1400, "height": 1000}
MIB = 1024  # KiB
RESULTS = procs.ROOT / "benchmarks" / "results" / "ui.json"

# Installed before any page script: timestamps (performance.now(), i.e. ms since navigation
# start) of the first drawn chart and of the last key press; ``watch`` (called once the
# chart is drawn) records, for each plotly_afterplot of the chart the slider drives, when
# it fired and the frame after it.
PROBE_JS = """
(() => {
  const b = window.__bench = {firstChart: null, t0: null, plots: []};
  const check = () => {
    if (b.firstChart === null && document.querySelector('.js-plotly-plot .scatterlayer .trace')) {
      b.firstChart = -1;
      requestAnimationFrame(() => { b.firstChart = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true});
  document.addEventListener('keydown', () => { b.t0 = performance.now(); }, true);
  b.watch = (selector) => {
    const gd = document.querySelector(selector);
    gd.on('plotly_afterplot', () => {
      const fired = performance.now();
      requestAnimationFrame(() => b.plots.push([fired, performance.now()]));
    });
  };
})();
"""


# --- measurements ---------------------------------------------------------------------


@dataclass(frozen=True)
class App:
    name: str
    command: Callable[[int, Path], list[str]]  # (port, folder for generated data)
    graph: str  # the plotly chart the growth slider redraws


@dataclass
class Result:
    first_chart_ms: list[float] = field(default_factory=list)
    page_kib: list[float] = field(default_factory=list)
    page_requests: list[int] = field(default_factory=list)
    # Per key press: to the frame after the first and after the last plotly_afterplot,
    # and how many there were.
    first_redraw_ms: list[float] = field(default_factory=list)
    last_redraw_ms: list[float] = field(default_factory=list)
    redraws: list[int] = field(default_factory=list)
    json_bytes: list[int] = field(default_factory=list)
    wire_bytes: list[int] = field(default_factory=list)
    requests: list[int] = field(default_factory=list)
    # (path, initiator, transferred bytes, decoded bytes, start ms, end ms) of the last load
    fetched: list[list] = field(default_factory=list)


BIG = "2,000 citations"
APPS = (
    App("trade-dash", lambda port, _: procs.trade_dash_cmd(port, workers=1),
        "#scenario-graph .js-plotly-plot"),
    App(
        BIG,
        lambda port, folder: procs.trade_dash_cmd(
            port, workers=1, data=bigfile.write(folder / "big.csv")),
        "#scenario-graph .js-plotly-plot",
    ),
    App("bare Dash", lambda port, _: procs.bare_cmd(port, workers=1), "#graph .js-plotly-plot"),
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
        self.page.wait_for_selector(app.graph, timeout=WAIT_MS)
        self.page.evaluate("sel => window.__bench.watch(sel)", app.graph)
        self.network.settle(QUIET_S)
        self.thumb = self.page.locator("#growth [role=slider]")

    def settle(self) -> None:
        """Wait until the chart has not been redrawn, and no callback request has been in
        flight, for QUIET_MOVE_S."""
        deadline = time.monotonic() + WAIT_MS / 1000
        seen, quiet_since = -1, None
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)
            plots = self.page.evaluate("window.__bench.plots.length")
            if self.network.pending or plots != seen:
                seen, quiet_since = plots, None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= QUIET_MOVE_S:
                return
        raise TimeoutError(f"{self.app.name}: the chart kept redrawing after a key press")

    def move(self, up: bool) -> None:
        """One point up or down, timed from the key press to the redrawn chart."""
        page, result = self.page, self.result
        page.bring_to_front()
        self.thumb.focus()
        page.evaluate("() => { window.__bench.plots = []; window.__bench.t0 = null; }")
        self.responses.clear()
        page.keyboard.press("PageUp" if up else "PageDown")
        self.settle()
        t0, plots = page.evaluate("[window.__bench.t0, window.__bench.plots]")
        if t0 is None or not plots:
            raise RuntimeError(f"{self.app.name}: a key press did not redraw the chart")
        result.first_redraw_ms.append(plots[0][1] - t0)
        result.last_redraw_ms.append(plots[-1][1] - t0)
        result.redraws.append(len(plots))
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
        ("key press to first redraw, median (ms)", lambda r: med(r.first_redraw_ms)),
        ("key press to first redraw, p95 (ms)", lambda r: p95(r.first_redraw_ms)),
        ("key press to last redraw, median (ms)", lambda r: med(r.last_redraw_ms)),
        ("key press to last redraw, p95 (ms)", lambda r: p95(r.last_redraw_ms)),
        ("redraws per key press, median", lambda r: med(r.redraws)),
        ("redraws per key press, most", lambda r: max(r.redraws)),
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
        Goal("last redraw (settled), median", med(td.last_redraw_ms) / med(bare.last_redraw_ms),
             1.0, 0.6),
        Goal("first complete redraw, median",
             med(td.first_redraw_ms) / med(bare.first_redraw_ms), 1.0, 0.5),
        # Every key press, not a typical one: the most any move caused.
        Goal("redraws per key press, most", max(td.redraws), 1, 1, ""),
        Goal("time to first chart, cold (median)",
             med(td.first_chart_ms) / med(bare.first_chart_ms), 1.0, 0.8),
        # No heavier than the bare app, and at most 1.6 MiB (aim 1.2 MiB); the ratio has no
        # separate aim.
        Goal("first page load, transferred", page_kib / med(bare.page_kib), 1.0, 1.0),
        Goal("first page load, transferred", page_kib, 1.6 * MIB, 1.2 * MIB, " KiB"),
    ]


def goal_table(lines: list[Goal]) -> str:
    width = max(len(g.label) for g in lines)

    def fmt(x: float, unit: str) -> str:
        return f"{x:.2f}{unit}" if unit == "x" else f"{x:.0f}{unit}"

    out = [f"{'goal (issue 22)':{width}}  {'value':>9}  {'must':>9}  {'aim':>9}  verdict"]
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


def load_average() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes (/proc/loadavg)."""
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return list(os.getloadavg()) if hasattr(os, "getloadavg") else []


def report(results: dict[str, Result], run: dict) -> dict:
    """Everything measured, as written to the results file."""
    med = statistics.median
    summary = {
        name: {
            "first_chart_ms_median": med(r.first_chart_ms),
            "page_kib_median": med(r.page_kib),
            "first_redraw_ms_median": med(r.first_redraw_ms),
            "first_redraw_ms_p95": p95(r.first_redraw_ms),
            "last_redraw_ms_median": med(r.last_redraw_ms),
            "last_redraw_ms_p95": p95(r.last_redraw_ms),
            "redraws_per_move_median": med(r.redraws),
            "redraws_per_move_most": max(r.redraws),
        }
        for name, r in results.items()
    }
    return {
        "run": run,
        "summary": summary,
        "goals": [{**asdict(g), "verdict": g.verdict()} for g in goals(results)],
        "measurements": {name: {k: v for k, v in asdict(r).items() if k != "fetched"}
                         for name, r in results.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="cold page loads per app (5)")
    parser.add_argument("--moves", type=int, default=12, help="slider key presses per app (12)")
    parser.add_argument("--list", action="store_true",
                        help="also list every response of one cold load of each app")
    parser.add_argument("--json", type=Path, default=RESULTS,
                        help="where to write the results (benchmarks/results/ui.json)")
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
    load_after = load_average()

    def loads(values: list[float]) -> str:
        return " ".join(f"{v:.2f}" for v in values) or "unknown"

    print(
        f"Chromium {version} headless, {os.cpu_count()} CPU(s), Python "
        f"{platform.python_version()}; {args.loads} cold loads and {args.moves} slider key "
        f"presses per app, taking turns; load average (1, 5, 15 min) {loads(load_before)} "
        f"before, {loads(load_after)} after"
    )
    print("Absolute times move with the machine's load: compare runs to each other, and the\n"
          "apps by their ratio within one run.\n")
    print(table(results))
    print()
    print(goal_table(goals(results)))
    run_info = {
        "chromium": version, "cpus": os.cpu_count(), "python": platform.python_version(),
        "loads": args.loads, "moves": args.moves, "quiet_move_s": QUIET_MOVE_S,
        "load_average_before": load_before, "load_average_after": load_after,
        "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report(results, run_info), indent=1) + "\n")
    print(f"\nresults written to {args.json.name}")
    if args.list:
        for name, result in results.items():
            print()
            print(listing(name, result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

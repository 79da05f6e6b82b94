"""Static export benchmark: one long-lived browser against a fresh browser per export.

Times each export format the way the routes make it (figure built, then rendered):
the first export, which starts Chromium (cold); later exports on the running
browser (warm, with a short idle pause before each, as between two clicks); and
the same chart through kaleido's one-shot ``calc_fig_sync``, which starts and
stops a browser for every image. Prints medians and the speed-up. A few runs
per row keep it bounded (about a minute). Needs Chromium.

    .venv/bin/python benchmarks/export_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

import kaleido

from trade_dash.charts.registry import CHARTS
from trade_dash.charts.sizes import EXPORT_SIZES, export_figure
from trade_dash.charts.style import Context
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.exports.formats import CHART_FORMATS
from trade_dash.exports.images import ExportUnavailable, Renderer, find_browser
from trade_dash.exports.packs import BRIEFINGS, render_chart

IDLE_S = 0.5  # pause before each warm export, not timed


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "export.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (default 3)")
    parser.add_argument("--json", type=Path, default=RESULTS,
                        help=f"where to write the figures (default {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args()
    try:
        browser = find_browser()
    except ExportUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    ds = Dataset.load(None)
    s = analyse(ds, default_scenario(ds))
    ctx = Context(
        produced="2026-01-01", link="http://127.0.0.1:8050/?" + s.scenario.query()
    )
    print(
        f"{os.cpu_count()} CPU(s); {args.repeat} run(s) per row; times in seconds, median\n",
        flush=True,
    )

    rows: list[tuple[str, float, float | None]] = []
    chart = CHARTS["scenario"]
    with Renderer(browser, timeout=120) as renderer:
        cold = timed(lambda: render_chart(renderer, chart, "png", ds, s, ctx))

        def warm(make) -> float:
            runs = []
            for _ in range(args.repeat):
                time.sleep(IDLE_S)
                runs.append(timed(make))
            return statistics.median(runs)

        def one_shot(fmt: str) -> float:
            size = EXPORT_SIZES[fmt]
            opts = {"format": fmt, "width": size.width, "height": size.height, "scale": size.scale}
            kopts = {"path": browser, "mathjax": False}

            def make():
                fig = export_figure(chart.build(ds, s, ctx), size)
                kaleido.calc_fig_sync(fig, opts=opts, kopts=kopts)

            return statistics.median(timed(make) for _ in range(args.repeat))

        for fmt in CHART_FORMATS:
            w = warm(lambda fmt=fmt: render_chart(renderer, chart, fmt, ds, s, ctx))
            rows.append((f"chart {fmt}", w, one_shot(fmt)))
        for fmt, make in BRIEFINGS.items():  # pdf, pptx and docx
            w = warm(lambda make=make: make(renderer, ds, s, ctx))
            rows.append((f"briefing {fmt}", w, None))

    print(f"cold: first export (starts Chromium, chart png)   {cold:6.2f}")
    print()
    print(f"{'export':<14} {'warm':>7} {'fresh browser':>14} {'speed-up':>9}")
    for name, w, fresh in rows:
        fresh_text = f"{fresh:14.2f}" if fresh is not None else f"{'-':>14}"
        speed = f"{fresh / w:8.1f}x" if fresh is not None else f"{'-':>9}"
        print(f"{name:<14} {w:7.2f} {fresh_text} {speed}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "run": {"when": dt.datetime.now().isoformat(timespec="seconds"), "cpus": os.cpu_count(),
                "repeat": args.repeat, "load_average": os.getloadavg()},
        "cold_first_export_s": round(cold, 3),
        "exports": [{"export": name, "warm_s": round(w, 3),
                     "fresh_browser_s": None if fresh is None else round(fresh, 3)}
                    for name, w, fresh in rows],
    }, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load benchmark: trade-dash under gunicorn --workers 2 against a bare Dash app.

Everything runs on 127.0.0.1, with a fixed number of requests per client, and
stops by itself. Replays the page's own request for a growth-slider move (the page's
script has said it draws the scenario chart, so the server answers with the address,
cards, key message and links) and prints callback latency p50/p95/p99 and throughput
at 1, 10 and 50 concurrent clients, memory per worker and for the rendering process,
the time to answer a repeated export (with the ETag of the first: 304), and the
ratios to the bare app (bytes for a first page load are measured in a real browser
by ui_bench.py), with the load average (/proc/loadavg) before and after. Writes
everything to benchmarks/results/load.json (--json to write elsewhere). Exits 1 if
any request failed.

    .venv/bin/python benchmarks/load_bench.py
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import procs

CLIENTS = (1, 10, 50)
RESULTS = procs.ROOT / "benchmarks" / "results" / "load.json"
EXPORT = "/export/chart/scenario.png?growth=25"
REPEATS = 20  # repeated exports timed


def fetch(url: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return resp.status, resp.read(), dict(resp.headers)


def callback_body(port: int, input_id: str, value: float) -> dict:
    """The request the page sends for the callback fed by ``input_id`` (the first that
    takes it), as a page whose script has said it draws growth moves sends it."""
    _, raw, _ = fetch(f"http://127.0.0.1:{port}/_dash-dependencies")
    deps = json.loads(raw)
    spec = next(d for d in deps if any(i["id"] == input_id for i in d["inputs"]))
    defaults = {"url": "", "target-year": 2030, "target": 500, "base": "ytd",
                "method": "pro_rata", "band": 5, "preset": "", input_id: value,
                "browser-ready": True}

    def state(s: dict):
        if s["property"] == "href":
            return f"http://127.0.0.1:{port}/"
        return "png" if "format" in s["id"] else defaults.get(s["id"])

    outputs = [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
               for o in spec["output"].strip(".").split("...")]
    return {
        "output": spec["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": defaults.get(i["id"])} for i in spec["inputs"]],
        "changedPropIds": [f"{input_id}.value"],
        "state": [{**s, "value": state(s)} for s in spec.get("state", [])],
    }


def run_clients(port: int, body: dict, clients: int, per_client: int) -> dict:
    """``clients`` threads, each sending ``per_client`` callback requests on one connection."""
    latencies: list[float] = []
    errors: list[str] = []
    sizes: list[int] = []
    lock = threading.Lock()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for i in range(per_client):
            b = dict(body)
            b["inputs"] = [dict(x) for x in body["inputs"]]
            b["inputs"][[x["id"] for x in b["inputs"]].index("growth")]["value"] = (
                5 + (n * per_client + i) % 400 / 10)
            data = json.dumps(b).encode()
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/_dash-update-component", body=data,
                             headers={"Content-Type": "application/json",
                                      "Accept-Encoding": "gzip"})
                resp = conn.getresponse()
                payload = resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                with lock:
                    errors.append(repr(exc))
                continue
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                sizes.append(len(payload))
                if status != 200:
                    errors.append(f"HTTP {status}")
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"clients": clients, "requests": len(latencies), "errors": len(errors),
            "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "p99_ms": q[98] * 1000,
            "rps": len(latencies) / wall, "bytes": statistics.median(sizes) if sizes else 0}


def workers_memory(master: int) -> list[float]:
    return [procs.pss_mib(p) for p in procs.children(master)]


def renderer_memory(master: int) -> float:
    """Memory of the Chromium processes an export started under the workers."""
    return sum(procs.pss_mib(p) for p in procs.descendants(master)
               if "chrom" in procs.command_name(p))


def repeated_export(port: int) -> dict:
    """One export, then the same address again and again with its ETag (if it has one), as
    a browser or a cache in front asks: the answers' status and time."""
    url = f"http://127.0.0.1:{port}{EXPORT}"
    start = time.perf_counter()
    status, _, headers = fetch(url)
    first = time.perf_counter() - start
    statuses, times = [], []
    for _ in range(REPEATS):
        start = time.perf_counter()
        try:
            tag = headers.get("ETag")
            status, _, _ = fetch(url, {"If-None-Match": tag} if tag else {})
        except urllib.error.HTTPError as exc:  # urllib reports a 304 as an error
            status = exc.code
        times.append(time.perf_counter() - start)
        statuses.append(status)
    return {"first_ms": first * 1000, "etag": headers.get("ETag"),
            "cache_control": headers.get("Cache-Control"),
            "repeat_statuses": sorted(set(statuses)),
            "repeat_ms_median": statistics.median(times) * 1000,
            "repeat_ms_worst": max(times) * 1000}


def measure(name: str, cmd, port: int, per_client: int, export: bool) -> dict:
    with procs.server(cmd, port) as proc:
        body = callback_body(port, "growth", 25.0)
        run_clients(port, body, 2, 5)  # warm-up
        runs = [run_clients(port, body, c, per_client if c == 1 else max(per_client // c * 4, 10))
                for c in CLIENTS]
        result = {"name": name, "runs": runs, "worker_mib": workers_memory(proc.pid)}
        if export:
            try:
                result["export"] = repeated_export(port)
                result["renderer_memory_mib"] = renderer_memory(proc.pid)
            except OSError as exc:
                result["renderer_memory_mib"] = f"export unavailable ({exc})"
        return result


def load_average() -> list[float]:
    """The machine's load average over 1, 5 and 15 minutes (/proc/loadavg)."""
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200,
                        help="requests for the single client (more clients send fewer each)")
    parser.add_argument("--json", type=Path, default=RESULTS,
                        help="where to write the results (benchmarks/results/load.json)")
    args = parser.parse_args()
    before = load_average()
    app = measure("trade-dash", procs.trade_dash_cmd(port := procs.free_port()), port,
                  args.requests, export=True)
    bare = measure("bare Dash", procs.bare_cmd(port := procs.free_port()), port,
                   args.requests, export=False)
    after = load_average()
    print(f"load average (1, 5, 15 min): {' '.join(f'{v:.2f}' for v in before)} before, "
          f"{' '.join(f'{v:.2f}' for v in after)} after")
    print(f"{'server':<11} {'clients':>7} {'requests':>8} {'errors':>6} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7} {'req/s':>7} {'resp B':>7}")
    for r in (app, bare):
        for run in r["runs"]:
            print(f"{r['name']:<11} {run['clients']:>7} {run['requests']:>8} {run['errors']:>6} "
                  f"{run['p50_ms']:>7.1f} {run['p95_ms']:>7.1f} {run['p99_ms']:>7.1f} "
                  f"{run['rps']:>7.1f} {run['bytes']:>7.0f}")
    print()
    ratios = []
    for a, b in zip(app["runs"], bare["runs"], strict=True):
        ratios.append({"clients": a["clients"], "p50": a["p50_ms"] / b["p50_ms"],
                       "p95": a["p95_ms"] / b["p95_ms"], "throughput": a["rps"] / b["rps"]})
        print(f"ratio trade-dash / bare at {a['clients']:>2} clients: p50 "
              f"{ratios[-1]['p50']:.2f}x, p95 {ratios[-1]['p95']:.2f}x, "
              f"throughput {ratios[-1]['throughput']:.2f}x")
    print("memory per worker (PSS): trade-dash "
          + ", ".join(f"{m:.0f}" for m in app["worker_mib"]) + " MiB; bare "
          + ", ".join(f"{m:.0f}" for m in bare["worker_mib"]) + " MiB")
    rr = app.get("renderer_memory_mib")
    print(f"rendering process (all Chromium processes, PSS, after one export): "
          f"{rr:.0f} MiB" if isinstance(rr, float) else f"rendering process: {rr}")
    goals = []
    p95_at_10 = next(r["p95"] for r in ratios if r["clients"] == 10)
    goals.append({"label": "callback p95 at 10 clients, ratio to bare", "value": p95_at_10,
                  "must": 1.5, "met": p95_at_10 <= 1.5})
    exported = app.get("export")
    if exported:
        print(f"export {EXPORT}: first {exported['first_ms']:.0f} ms "
              f"({exported['cache_control']}); the same address again with its ETag: "
              f"HTTP {', '.join(map(str, exported['repeat_statuses']))}, median "
              f"{exported['repeat_ms_median']:.1f} ms, worst {exported['repeat_ms_worst']:.1f} "
              f"ms ({REPEATS} times)")
        repeat_ok = exported["repeat_statuses"] == [304] or exported["repeat_ms_worst"] < 20
        goals.append({"label": "repeat export: 304 or under 20 ms",
                      "value": exported["repeat_ms_median"], "must": 20, "met": repeat_ok})
    print()
    for g in goals:
        print(f"goal: {g['label']}: {g['value']:.2f} (must {g['must']}) "
              f"{'met' if g['met'] else 'NOT MET'}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "run": {"load_average_before": before, "load_average_after": after,
                "requests_single_client": args.requests,
                "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
        "servers": [app, bare], "ratios": ratios, "goals": goals}, indent=1) + "\n")
    print(f"results written to {args.json.name}")
    failed = sum(run["errors"] for r in (app, bare) for run in r["runs"])
    if failed:
        print(f"FAILED: {failed} request(s) did not succeed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Load benchmark: trade-dash under gunicorn --workers 2 against a bare Dash app.

Everything runs on 127.0.0.1, with a fixed number of requests per client, and
stops by itself. Prints callback latency p50/p95/p99 and throughput at 1, 10 and
50 concurrent clients, memory per worker and for the rendering process, and the
ratios to the bare app (bytes for a first page load are measured in a real browser
by ui_bench.py). Exits 1 if any request failed.

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
import urllib.request

import procs

CLIENTS = (1, 10, 50)


def fetch(url: str, headers: dict | None = None) -> tuple[int, bytes, dict]:
    req = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return resp.status, resp.read(), dict(resp.headers)


def callback_body(port: int, input_id: str, value: float) -> dict:
    """A well-formed callback request for the callback fed by ``input_id``."""
    _, raw, _ = fetch(f"http://127.0.0.1:{port}/_dash-dependencies")
    deps = json.loads(raw)
    spec = next(d for d in deps if any(i["id"] == input_id for i in d["inputs"]))
    defaults = {"url": "", "target-year": 2030, "target": 500, "base": "ytd",
                "method": "pro_rata", "band": 5, "preset": "", input_id: value}
    outputs = [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
               for o in spec["output"].strip(".").split("...")]
    return {
        "output": spec["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": [{**i, "value": defaults.get(i["id"])} for i in spec["inputs"]],
        "changedPropIds": [f"{input_id}.value"],
        "state": [{**s, "value": "png" if "format" in s["id"] else f"http://127.0.0.1:{port}/"}
                  for s in spec.get("state", [])],
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


def measure(name: str, cmd, port: int, per_client: int, export: bool) -> dict:
    with procs.server(cmd, port) as proc:
        body = callback_body(port, "growth", 25.0)
        run_clients(port, body, 2, 5)  # warm-up
        runs = [run_clients(port, body, c, per_client if c == 1 else max(per_client // c * 4, 10))
                for c in CLIENTS]
        result = {"name": name, "runs": runs, "worker_mib": workers_memory(proc.pid)}
        if export:
            try:
                fetch(f"http://127.0.0.1:{port}/export/chart/scenario.png?growth=25")
                result["renderer_memory_mib"] = renderer_memory(proc.pid)
            except OSError as exc:
                result["renderer_memory_mib"] = f"export unavailable ({exc})"
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200,
                        help="requests for the single client (more clients send fewer each)")
    args = parser.parse_args()
    app = measure("trade-dash", procs.trade_dash_cmd(port := procs.free_port()), port,
                  args.requests, export=True)
    bare = measure("bare Dash", procs.bare_cmd(port := procs.free_port()), port,
                   args.requests, export=False)
    print(f"{'server':<11} {'clients':>7} {'requests':>8} {'errors':>6} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7} {'req/s':>7} {'resp B':>7}")
    for r in (app, bare):
        for run in r["runs"]:
            print(f"{r['name']:<11} {run['clients']:>7} {run['requests']:>8} {run['errors']:>6} "
                  f"{run['p50_ms']:>7.1f} {run['p95_ms']:>7.1f} {run['p99_ms']:>7.1f} "
                  f"{run['rps']:>7.1f} {run['bytes']:>7.0f}")
    print()
    for a, b in zip(app["runs"], bare["runs"], strict=True):
        print(f"ratio trade-dash / bare at {a['clients']:>2} clients: p50 "
              f"{a['p50_ms'] / b['p50_ms']:.2f}x, p95 {a['p95_ms'] / b['p95_ms']:.2f}x, "
              f"throughput {a['rps'] / b['rps']:.2f}x")
    print("memory per worker (PSS): trade-dash "
          + ", ".join(f"{m:.0f}" for m in app["worker_mib"]) + " MiB; bare "
          + ", ".join(f"{m:.0f}" for m in bare["worker_mib"]) + " MiB")
    rr = app.get("renderer_memory_mib")
    print(f"rendering process (all Chromium processes, PSS, after one export): "
          f"{rr:.0f} MiB" if isinstance(rr, float) else f"rendering process: {rr}")
    failed = sum(run["errors"] for r in (app, bare) for run in r["runs"])
    if failed:
        print(f"FAILED: {failed} request(s) did not succeed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

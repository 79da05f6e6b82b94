"""The real server under gunicorn: stateless workers, a killed worker, files changing under it."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import signal
import threading
import time
import urllib.error
import urllib.request

import pytest

from tests.support import chromium
from tests.support.app import DEBUG_ENVIRONMENT
from tests.support.dashreq import MAIN_OUTPUT_START, main_callback_body, page_config, reached_shown
from tests.support.data import year_target_met
from tests.support.procs import children, group_gone, live_group_members
from tests.support.serverproc import running_server
from trade_dash.domain.datafile import bundled_data_path
from trade_dash.web import ids


def worker_pids(master: int) -> set[int]:
    return {p.pid for p in children(master)}


def settled_workers(master: int, count: int, gone: int | None = None) -> set[int] | None:
    """The worker pids once there are ``count`` of them and ``gone`` is not among them."""
    pids = worker_pids(master)
    return pids if len(pids) == count and gone not in pids else None


def wait_for(predicate, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def callback_body(url: str, growth: float) -> bytes:
    with urllib.request.urlopen(url + "/_dash-dependencies", timeout=10) as resp:
        deps = json.load(resp)
    spec = next(d for d in deps if d["output"].startswith(MAIN_OUTPUT_START))
    body = main_callback_body(spec["output"], spec["inputs"], spec["state"], href=url + "/",
                              values={ids.GROWTH: growth})
    return json.dumps(body).encode()


def reached(payload: bytes) -> str:
    return reached_shown(json.loads(payload)["response"])


@contextlib.contextmanager
def only(worker: int, workers: set[int]):
    """Let ``worker`` alone take new connections: the others are paused (SIGSTOP) meanwhile,
    so whatever answers a connection opened inside this block was answered by ``worker``."""
    paused = workers - {worker}
    for pid in paused:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in paused:
            os.kill(pid, signal.SIGCONT)


def post(url: str, body: bytes) -> tuple[int, bytes]:
    req = urllib.request.Request(url + "/_dash-update-component", data=body,
                                 headers={"Content-Type": "application/json",
                                          "Connection": "close"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return resp.status, resp.read()


def test_two_workers_give_the_same_answer_and_a_killed_worker_is_replaced(tmp_path):
    with running_server(tmp_path, workers=2) as server:
        master = server.process.pid
        first_workers = wait_for(lambda: settled_workers(master, 2))
        body = callback_body(server.url, 30.0)
        answers = set()
        for pid in first_workers:  # each worker answers while the other is paused
            with only(pid, first_workers):
                answers.add(post(server.url, body))
        assert len(answers) == 1
        status, payload = answers.pop()
        assert status == 200
        assert reached(payload) == str(year_target_met(30.0))

        # Kill a worker in the middle of a load from four clients: only requests that
        # worker had in flight (at most one per client) may fail; the rest carry on.
        victim = min(first_workers)
        results: list[str] = []
        lock = threading.Lock()

        def client() -> None:
            for _ in range(40):
                try:
                    ok = post(server.url, body) == (status, payload)
                    outcome = "ok" if ok else "wrong answer"
                except (OSError, http.client.HTTPException) as exc:  # cut off by the dying worker
                    outcome = f"failed: {exc!r}"
                with lock:
                    results.append(outcome)

        clients = [threading.Thread(target=client) for _ in range(4)]
        for c in clients:
            c.start()
        wait_for(lambda: len(results) >= 8)
        os.kill(victim, signal.SIGKILL)
        killed_at = len(results)
        for c in clients:
            c.join()
        assert len(results) - killed_at > len(clients)  # the load went on after the kill
        assert "wrong answer" not in results
        failed = [r for r in results if r != "ok"]
        assert len(failed) <= len(clients), failed
        assert results.count("ok") >= len(results) - len(clients)
        replaced = wait_for(lambda: settled_workers(master, 2, gone=victim))
        assert victim not in replaced
        assert post(server.url, body) == (status, payload)


def test_data_file_is_read_once_and_may_change_or_vanish_under_the_server(tmp_path):
    data = tmp_path / "series.csv"
    shutil.copy(bundled_data_path(), data)
    with running_server(tmp_path, data=data) as server:
        body = callback_body(server.url, 25.0)
        before = post(server.url, body)
        data.write_text("garbage;not;csv\n", encoding="utf-8")
        assert post(server.url, body) == before
        data.unlink()
        assert post(server.url, body) == before
        with urllib.request.urlopen(server.url + "/", timeout=10) as resp:
            assert resp.status == 200
        assert server.process.poll() is None


def test_invalid_data_file_stops_start_up_with_the_validate_message(tmp_path):
    bad = tmp_path / "bad.csv"
    text = bundled_data_path().read_text(encoding="utf-8").replace(",76.7,", ",$76.7,")
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(RuntimeError) as info, running_server(tmp_path, data=bad):
        pass
    message = str(info.value)
    assert "exited with 2" in message
    assert "bad.csv, line 6, column 'value_musd': got '$76.7'" in message
    assert "Traceback" not in message


def page_of(url: str) -> str:
    with urllib.request.urlopen(url + "/", timeout=10) as resp:
        return resp.read().decode()


def test_no_debugger_and_no_internals_in_error_responses(tmp_path):
    # Settings that turn debug mode on in other Flask and Dash apps change nothing here.
    with running_server(tmp_path, env=DEBUG_ENVIRONMENT) as server:
        assert page_config(page_of(server.url))["ui"] is False  # no dev tools
        assert "Starting gunicorn" in server.log() and "Debug mode" not in server.log()
        for path in ("/_dash-component-suites/nope/x.js", "/_dash-update-component"):
            req = urllib.request.Request(server.url + path,
                                         data=b"{" if "update" in path else None)
            with pytest.raises(urllib.error.HTTPError) as info:
                urllib.request.urlopen(req, timeout=10)
            text = info.value.read().decode()
            assert 400 <= info.value.code < 500
            assert "Traceback" not in text and "Werkzeug" not in text
            assert "site-packages" not in text
            assert info.value.headers["Content-Security-Policy"]


def test_dev_switches_to_the_debug_server(tmp_path):
    with running_server(tmp_path, options=("--dev",)) as server:
        assert page_config(page_of(server.url))["ui"] is True  # Dash's dev tools
        assert "Debug mode: on" in server.log() and "gunicorn" not in server.log()


@pytest.mark.export
def test_a_render_that_times_out_blocks_no_one_else(tmp_path):
    chromium.required()
    # A render budget no chart can meet: every export times out like a hung render.
    env = {"TRADE_DASH_RENDER_TIMEOUT": "0.1"}
    with running_server(tmp_path, env=env) as server:
        body = callback_body(server.url, 25.0)
        outcome: dict = {}

        def export():
            req = urllib.request.Request(server.url + "/export/chart/scenario.png?growth=25")
            try:
                urllib.request.urlopen(req, timeout=120)
            except urllib.error.HTTPError as err:
                outcome["status"], outcome["text"] = err.code, err.read().decode()

        worker = threading.Thread(target=export)
        worker.start()
        answered_meanwhile = 0
        while worker.is_alive():  # other users keep being served while the export is stuck
            assert post(server.url, body)[0] == 200
            answered_meanwhile += 1
            time.sleep(0.2)
        worker.join()
        assert outcome["status"] == 504
        assert "took longer than" in outcome["text"]
        assert answered_meanwhile >= 2
        assert post(server.url, body)[0] == 200  # and the server is still healthy


def export_svg(url: str, growth: float) -> bytes:
    req = urllib.request.Request(f"{url}/export/chart/scenario.svg?growth={growth:g}",
                                 headers={"Connection": "close"})
    with urllib.request.urlopen(req, timeout=120) as resp:  # a first export starts Chromium
        assert resp.status == 200
        return resp.read()


@pytest.mark.export
def test_each_worker_renders_with_its_own_browser_started_after_the_fork(tmp_path):
    chromium.required()
    with running_server(tmp_path, workers=2) as server:
        master = server.process.pid
        workers = wait_for(lambda: settled_workers(master, 2))
        assert all(children(w) == [] for w in workers)  # no browser before the first export
        for pid, growth in zip(sorted(workers), (12, 34), strict=True):
            with only(pid, workers):
                assert f"growth +{growth:.1f}%/yr".encode() in export_svg(server.url, growth)
        browsers = {w: children(w) for w in workers}
        # One browser per worker, each started by the worker itself (so after the fork),
        # and none by the master.
        assert all(len(b) == 1 for b in browsers.values()), browsers
        assert worker_pids(master) == workers
        # A worker's next export goes to the browser it already has.
        kept, stopped = sorted(workers)
        with only(kept, workers):
            export_svg(server.url, 56)
        assert children(kept) == browsers[kept]
        # A worker that stops takes its browser (a process group of its own) with it ...
        os.kill(stopped, signal.SIGTERM)
        assert group_gone(browsers[stopped][0].pid)
        assert live_group_members(browsers[kept][0].pid)  # ... and only its own
    # Stopping the server stops every browser it started.
    assert group_gone(browsers[kept][0].pid)


def test_python_app_py_serves_the_bundled_data_under_gunicorn_on_localhost(tmp_path):
    with running_server(tmp_path, app_py=True) as server:
        body = callback_body(server.url, 25.0)
        status, payload = post(server.url, body)
        assert status == 200 and reached(payload) == str(year_target_met(25.0))
        log = server.log()
        assert "Starting gunicorn" in log
        assert "Listening at: http://127.0.0.1:" in log
        assert "trade_series.csv" in log

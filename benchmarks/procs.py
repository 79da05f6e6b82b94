"""Starting and measuring local servers for the benchmark scripts (127.0.0.1 only)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def server(cmd: list[str], port: int, cwd: Path = ROOT) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` in its own process group until the block ends."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADE_DASH_")}
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", proc)
        yield proc
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def trade_dash_cmd(port: int, workers: int = 2, data: Path | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "trade_dash.cli", "serve", "--port", str(port),
           "--workers", str(workers)]
    return cmd + (["--data", str(data)] if data else [])


def bare_cmd(port: int, workers: int = 2) -> list[str]:
    """The floor: a bare Dash app with one slider and one graph, under the same gunicorn."""
    return [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class",
            "gthread", "--threads", "4", "--bind", f"127.0.0.1:{port}",
            "--chdir", str(ROOT / "benchmarks"), "bare_app:server"]


def children(pid: int) -> list[int]:
    """Direct children of ``pid``, read from /proc."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            out.append(int(entry.name))
    return out


def descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        kids = children(todo.pop())
        found += kids
        todo += kids
    return found


def pss_mib(pid: int) -> float:
    """Proportional set size: shared pages split between the processes that share them,
    so the figures of several processes add up honestly (RSS would count them twice)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def command_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""

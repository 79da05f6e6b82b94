"""The real server as a subprocess on a free port, for the tests that need one."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.support import ROOT

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 15.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """One ``trade-dash serve`` process and where its output goes."""

    url: str
    process: subprocess.Popen
    log_path: Path
    data: Path | None = None
    _log_offset: int = field(default=0, repr=False)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def mark(self) -> None:
        """Start of the log section ``new_log`` returns (one test's requests)."""
        self._log_offset = len(self.log())

    def new_log(self) -> str:
        return self.log()[self._log_offset :]

    def server_errors(self, text: str | None = None) -> list[str]:
        """Log lines that show a failed request or a crash."""
        text = self.log() if text is None else text
        return [
            line
            for line in text.splitlines()
            if "Traceback" in line or "[ERROR]" in line or '" 5' in line
        ]


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _server_env() -> dict[str, str]:
    # A developer's own TRADE_DASH_* settings, and the language of their terminal (which
    # `serve` speaks), must not change what the tests see.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("TRADE_DASH_") and k not in LOCALE_VARIABLES}
    env["LANG"] = "C.UTF-8"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _wait_until_answering(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"server exited with {server.process.returncode} before answering:\n{server.log()}"
            )
        try:
            with urllib.request.urlopen(server.url + "/", timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server did not answer within {START_TIMEOUT_S:.0f} s:\n{server.log()}")


def _stop(process: subprocess.Popen) -> None:
    """Stop gunicorn and its workers: the whole process group, forcefully if it lingers."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)
    # Workers can outlive the master by a moment; make sure none stays behind.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def running_server(
    log_dir: Path,
    data: Path | None = None,
    workers: int = 1,
    env: dict | None = None,
    app_py: bool = False,
    options: tuple[str, ...] = (),
) -> Iterator[Server]:
    """Start ``trade-dash serve`` (with extra ``options``) on a free port, wait until it
    answers, always stop it.

    With ``app_py`` it runs ``python app.py`` with no options instead, the port coming
    from the environment.
    """
    port = free_port()
    if app_py:
        cmd = [sys.executable, str(ROOT / "app.py")]
        env = {**(env or {}), "TRADE_DASH_PORT": str(port)}
    else:
        cmd = [sys.executable, "-m", "trade_dash.cli", "serve", "--host", "127.0.0.1"]
        cmd += ["--port", str(port), "--workers", str(workers)]
        if data is not None:
            cmd += ["--data", str(data)]
        cmd += options
    log_path = log_dir / f"server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**_server_env(), **(env or {})},
            start_new_session=True,  # its own process group, so teardown reaches the workers
        )
    server = Server(url=f"http://127.0.0.1:{port}", process=process, log_path=log_path, data=data)
    try:
        _wait_until_answering(server)
        yield server
    finally:
        _stop(process)

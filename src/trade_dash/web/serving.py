"""Running the dashboard: gunicorn in production, Dash's server only with --dev."""

from __future__ import annotations

import re
import select
import socket
import threading
import time
from typing import Any

import flask
from gunicorn.app.base import BaseApplication
from gunicorn.http.errors import LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

from trade_dash.config import Config
from trade_dash.web import security
from trade_dash.web.app import create_app
from trade_dash.wording import cli as text
from trade_dash.wording import english
from trade_dash.wording.core import Wording


class _Gunicorn(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type information
    """Gunicorn driven from Python, serving an app object built before the fork."""

    def __init__(self, wsgi: flask.Flask, options: dict[str, object]) -> None:
        self._wsgi = wsgi
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in self.cfg.settings:  # settings newer than the installed gunicorn are skipped
                self.cfg.set(key, value)

    def load(self) -> flask.Flask:
        return self._wsgi


# What is read of a request refused for its length, to find the reader's language in it.
PEEK_BYTES = 64 * 1024  # looked at (not taken) before gunicorn reads a request
PEEK_SECONDS = 0.25  # for the rest of a request's headers to arrive; a normal one is whole
DRAIN_BYTES = 2 * 1024 * 1024  # Chromium's longest address; then the headers
DRAIN_SECONDS = 2.0
_REQUEST = threading.local()  # the start of the request this worker thread is handling


class Worker(ThreadWorker):  # type: ignore[misc]  # gunicorn ships no type information
    """gunicorn's threaded worker, except that an address longer than gunicorn reads
    (``limit_request_line``) is answered with the app's 414 page in the reader's language,
    not gunicorn's English one; any other refusal is gunicorn's.

    gunicorn refuses such a request before the app sees it, having read (and dropped) the
    start of the address, so the start is looked at before gunicorn reads it, and the rest
    of the request is read off the socket when refusing it. Reading it also lets the answer
    arrive rather than a reset connection."""

    def handle(self, conn: Any) -> Any:
        _REQUEST.start = _peek(conn.sock)
        return super().handle(conn)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        if not isinstance(exc, LimitRequestLine):
            super().handle_error(req, client, addr, exc)
            return
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        start = getattr(_REQUEST, "start", b"")
        head = start if b"\r\n\r\n" in start else start + _rest(client)
        try:
            client.sendall(security.raw_answer(414, "URI Too Long", _language(head)))
        except OSError:
            self.log.debug("Failed to send the 414 answer.")


def _peek(sock: socket.socket) -> bytes:
    """The start of the request, left for gunicorn to read: up to the end of its headers
    or PEEK_BYTES, waiting at most PEEK_SECONDS for the rest of a request that arrives
    in several packets (a long address comes before the Accept-Language header)."""
    seen = b""
    deadline = time.monotonic() + PEEK_SECONDS
    try:
        while len(seen) < PEEK_BYTES and b"\r\n\r\n" not in seen:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([sock], [], [], left)[0]:
                break
            more = sock.recv(PEEK_BYTES, socket.MSG_PEEK | socket.MSG_DONTWAIT)
            if len(more) <= len(seen):  # nothing new yet (or the client closed)
                time.sleep(0.005)
                if len(more) == 0 or time.monotonic() >= deadline:
                    break
            seen = more
    except (OSError, ValueError):  # an SSL socket cannot peek; use what there is
        pass
    return seen


def _rest(client: socket.socket) -> bytes:
    """What is still unread of a refused request, up to the end of its headers, bounded
    in size and time (the client may be slow or hostile)."""
    data = bytearray()
    deadline = time.monotonic() + DRAIN_SECONDS
    try:
        while len(data) < DRAIN_BYTES:
            client.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = client.recv(PEEK_BYTES)
            if not chunk:
                break
            data += chunk
            if b"\r\n\r\n" in data[-len(chunk) - 3:]:
                break
    except OSError:  # timed out or gone: use what arrived
        pass
    return bytes(data)


def _language(head: bytes) -> Wording:
    """The reader's language from a request's start: a ``lang`` in its address, else the
    page it came from (Referer) or the browser's Accept-Language."""
    address, _, rest = head.decode("latin-1").partition("\r\n")
    found = re.search(r"[?&]lang=([^&\s#]*)", address)
    lines = rest.split("\r\n\r\n", 1)[0].split("\r\n")
    headers = dict(_header(line) for line in lines if ":" in line)
    return security.reader_language(found[1] if found else None, headers)


def _header(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name.strip().title(), value.strip()


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def gunicorn_options(config: Config) -> dict[str, object]:
    return {
        "bind": bind_address(config.host, config.port),
        "workers": config.workers,
        "worker_class": Worker,  # gthread, with the 414 page in the reader's language
        "threads": 4,
        "timeout": max(60, int(config.render_timeout * 2)),
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "limit_request_line": 8190,
        "limit_request_fields": 100,
        "limit_request_field_size": 8190,
        # One control socket per user would clash between several instances on one machine.
        "control_socket_disable": True,
    }


def serve(config: Config, words: Wording | None = None) -> int:
    """Validate the data, build the app, then serve until interrupted; the start-up line
    in the language of ``words`` (English by default)."""
    app = create_app(config)  # a bad data file stops here, before anything binds
    if config.dev:
        app.run(host=config.host, port=config.port, debug=True)
        return 0
    url = f"http://{bind_address(config.host, config.port)}/"
    print(text.serving(words or english(), str(config.data_path), url, config.workers),
          flush=True)
    _Gunicorn(app.server, gunicorn_options(config)).run()
    return 0

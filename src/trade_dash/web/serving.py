"""Running the dashboard: gunicorn in production, Dash's server only with --dev."""

from __future__ import annotations

import flask
from gunicorn.app.base import BaseApplication

from trade_dash.config import Config
from trade_dash.web.app import create_app


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


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def gunicorn_options(config: Config) -> dict[str, object]:
    return {
        "bind": bind_address(config.host, config.port),
        "workers": config.workers,
        "worker_class": "gthread",
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


def serve(config: Config) -> int:
    """Validate the data, build the app, then serve until interrupted."""
    app = create_app(config)  # a bad data file stops here, before anything binds
    if config.dev:
        app.run(host=config.host, port=config.port, debug=True)
        return 0
    print(
        f"trade-dash: serving {config.data_path} on "
        f"http://{bind_address(config.host, config.port)}/ with {config.workers} worker(s)",
        flush=True,
    )
    _Gunicorn(app.server, gunicorn_options(config)).run()
    return 0

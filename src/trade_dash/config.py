"""Run-time settings, read once from the environment into a frozen object."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from trade_dash.domain.datafile import bundled_data_path

# name -> (environment variable, default, meaning); docs/deployment.md documents each of these.
SETTINGS = {
    "data_path": ("TRADE_DASH_DATA", None, "citations CSV to serve (default: the bundled file)"),
    "host": ("TRADE_DASH_HOST", "127.0.0.1", "address to bind"),
    "port": ("TRADE_DASH_PORT", "8050", "port to listen on"),
    "workers": ("TRADE_DASH_WORKERS", "1", "gunicorn worker processes"),
    "dev": (
        "TRADE_DASH_DEV",
        "0",
        "1 turns on Dash debug mode and dev tools (never in production)",
    ),
    "render_timeout": ("TRADE_DASH_RENDER_TIMEOUT", "30", "seconds allowed for one static export"),
    "browser_path": (
        "TRADE_DASH_BROWSER",
        None,
        "Chromium executable for exports (default: found on PATH)",
    ),
    "max_body_bytes": ("TRADE_DASH_MAX_BODY", "262144", "largest request body accepted, in bytes"),
    "public_url": (
        "TRADE_DASH_PUBLIC_URL",
        None,
        "address users reach the dashboard at, printed in exports",
    ),
    "proxy_hops": (
        "TRADE_DASH_PROXY_HOPS",
        "0",
        "reverse proxies in front whose X-Forwarded-* headers are trusted",
    ),
}


class ConfigError(ValueError):
    """A setting in the environment cannot be used: a code with its values, worded for the
    reader by ``wording.errors.config_error``; ``str()`` is the English, for logs.

    ``where`` is how the setting is set (the variable, and the option if there is one),
    ``value`` what was given, and for ``out_of_range`` the bounds ``low`` and ``high``.
    """

    def __init__(self, code: Literal["not_a_number", "out_of_range"], where: str,
                 value: object, low: float = 0.0, high: float = 0.0):
        self.code, self.where, self.value, self.low, self.high = code, where, value, low, high
        if code == "not_a_number":
            text = f"{where} must be a number, got {value!r}"
        else:
            text = f"{where} must be from {low:g} to {high:g}, got {value!r}"
        super().__init__(text)


@dataclass(frozen=True)
class Config:
    data_path: Path = field(default_factory=bundled_data_path)
    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 1
    dev: bool = False
    render_timeout: float = 30.0
    browser_path: str | None = None
    max_body_bytes: int = 262144  # room for an article pasted into the page (100 KB)
    public_url: str | None = None
    proxy_hops: int = 0

    @property
    def root_url(self) -> str:
        """The address the dashboard is reached at: the public URL if set, else the
        bind address (an IPv6 host in brackets)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return self.public_url or f"http://{host}:{self.port}/"

    def __post_init__(self) -> None:
        for name, lo, hi in _RANGES:
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and lo <= value <= hi):
                raise ConfigError("out_of_range", _where(name), value, lo, hi)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Config:
        env = os.environ if environ is None else environ
        raw = {name: env.get(var, default) for name, (var, default, _) in SETTINGS.items()}

        def number(name: str, kind: type[int] | type[float]) -> float:
            text = raw[name]
            assert text is not None, name  # every numeric setting has a default
            try:
                return kind(text)
            except ValueError:
                raise ConfigError("not_a_number", _where(name), raw[name]) from None

        values: dict[str, Any] = {
            "data_path": Path(raw["data_path"]) if raw["data_path"] else bundled_data_path(),
            "host": raw["host"],
            "port": number("port", int),
            "workers": number("workers", int),
            "dev": raw["dev"] in {"1", "true", "yes"},
            "render_timeout": number("render_timeout", float),
            "browser_path": raw["browser_path"] or None,
            "max_body_bytes": number("max_body_bytes", int),
            "public_url": raw["public_url"] or None,
            "proxy_hops": number("proxy_hops", int),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


# Allowed ranges of the numeric settings.
_RANGES = (
    ("port", 1, 65535),
    ("workers", 1, 64),
    ("render_timeout", 0.1, 600),
    ("max_body_bytes", 1024, 100 * 1024 * 1024),
    ("proxy_hops", 0, 10),
)
_OPTIONS = {"port": "--port", "workers": "--workers"}


def _where(name: str) -> str:
    """How a user sets ``name``: the environment variable, and the option if there is one."""
    var = SETTINGS[name][0]
    return f"{var} ({_OPTIONS[name]})" if name in _OPTIONS else var

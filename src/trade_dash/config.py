"""Run-time settings, read once from the environment into a frozen object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def bundled_data_path() -> Path:
    """The citations file shipped with the project."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "data" / "trade_series.csv", here / "trade_series.csv"):
        if candidate.is_file():
            return candidate
    return here.parents[1] / "data" / "trade_series.csv"


# name -> (environment variable, default, meaning); the README documents each of these.
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
    "max_body_bytes": ("TRADE_DASH_MAX_BODY", "65536", "largest request body accepted, in bytes"),
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
    """A setting in the environment cannot be used."""


@dataclass(frozen=True)
class Config:
    data_path: Path = field(default_factory=bundled_data_path)
    host: str = "127.0.0.1"
    port: int = 8050
    workers: int = 1
    dev: bool = False
    render_timeout: float = 30.0
    browser_path: str | None = None
    max_body_bytes: int = 65536
    public_url: str | None = None
    proxy_hops: int = 0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> Config:
        env = os.environ if environ is None else environ
        raw = {name: env.get(var, default) for name, (var, default, _) in SETTINGS.items()}
        try:
            cfg = cls(
                data_path=Path(raw["data_path"]) if raw["data_path"] else bundled_data_path(),
                host=raw["host"],
                port=int(raw["port"]),
                workers=int(raw["workers"]),
                dev=raw["dev"] in {"1", "true", "yes"},
                render_timeout=float(raw["render_timeout"]),
                browser_path=raw["browser_path"] or None,
                max_body_bytes=int(raw["max_body_bytes"]),
                public_url=raw["public_url"] or None,
                proxy_hops=int(raw["proxy_hops"]),
            )
        except ValueError as exc:
            raise ConfigError(f"a setting in the environment is not valid: {exc}") from None
        return replace(cfg, **{k: v for k, v in overrides.items() if v is not None})

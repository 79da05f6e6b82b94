"""Settings and their safe defaults."""

from __future__ import annotations

import pytest

from trade_dash.cli import main
from trade_dash.config import Config, ConfigError
from trade_dash.web.serving import bind_address, gunicorn_options


def test_defaults_are_local_and_not_debug():
    cfg = Config.from_env({})
    assert cfg.host == "127.0.0.1" and cfg.port == 8050
    assert cfg.dev is False
    assert cfg.workers == 1
    options = gunicorn_options(cfg)
    assert options["bind"] == "127.0.0.1:8050"
    assert options["workers"] == 1


def test_environment_and_overrides():
    cfg = Config.from_env({"TRADE_DASH_PORT": "9000", "TRADE_DASH_DEV": "1"}, workers=3)
    assert (cfg.port, cfg.dev, cfg.workers) == (9000, True, 3)


def test_ipv6_bind_address():
    assert bind_address("::1", 8050) == "[::1]:8050"


@pytest.mark.parametrize(
    ("var", "value", "message"),
    [
        ("TRADE_DASH_PORT", "lots", "TRADE_DASH_PORT (--port) must be a number"),
        ("TRADE_DASH_PORT", "99999", "TRADE_DASH_PORT (--port) must be from 1 to 65535"),
        ("TRADE_DASH_WORKERS", "0", "TRADE_DASH_WORKERS (--workers) must be from 1 to 64"),
        ("TRADE_DASH_RENDER_TIMEOUT", "nan", "TRADE_DASH_RENDER_TIMEOUT must be from 0.1"),
        ("TRADE_DASH_RENDER_TIMEOUT", "-1", "TRADE_DASH_RENDER_TIMEOUT must be from 0.1"),
        ("TRADE_DASH_MAX_BODY", "10", "TRADE_DASH_MAX_BODY must be from 1024"),
    ],
)
def test_a_bad_setting_is_named_with_its_range(var, value, message):
    with pytest.raises(ConfigError) as info:
        Config.from_env({var: value})
    assert message in str(info.value)


@pytest.mark.parametrize(("args", "message"), [(["--workers", "0"], "--workers"),
                                                (["--port", "99999"], "--port")])
def test_bad_serve_options_exit_2_naming_the_option(capsys, args, message):
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_bad_setting_stops_serve_with_exit_2(monkeypatch, capsys):
    monkeypatch.setenv("TRADE_DASH_PORT", "eighty")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "TRADE_DASH_PORT (--port) must be a number" in err and "Traceback" not in err

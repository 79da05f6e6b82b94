"""Settings and their safe defaults."""

from __future__ import annotations

import pytest

from trade_dash.cli import main
from trade_dash.config import Config, ConfigError
from trade_dash.web.serving import bind_address, gunicorn_options
from trade_dash.wording.languages import LOCALE_VARIABLES, from_environment


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch):
    """`serve` speaks the language of the terminal's locale: these tests set it."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


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


def test_a_bad_setting_stops_serve_in_the_language_of_the_terminal(monkeypatch, capsys):
    monkeypatch.setenv("LANG", "kk_KZ.UTF-8")
    monkeypatch.setenv("TRADE_DASH_PORT", "eighty")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err.strip() == (
        "trade-dash: TRADE_DASH_PORT (--port) мәні сан болуы керек, берілгені — 'eighty'")


def test_a_bad_setting_stops_export_in_the_language_of_lang(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("TRADE_DASH_RENDER_TIMEOUT", "0")
    out = tmp_path / "chart.png"
    args = ["export", "--chart", "history", "--format", "png", "--out", str(out)]
    assert main([*args, "--lang", "ru"]) == 2
    assert capsys.readouterr().err.strip() == (
        "trade-dash: значение TRADE_DASH_RENDER_TIMEOUT должно быть от 0,1 до 600, получено 0,0")
    assert not out.exists()


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LANG": "ru_RU.UTF-8", "LC_MESSAGES": "mn_MN.UTF-8"}, "mn"),  # gettext's order
        ({"LANGUAGE": "de:ru", "LANG": "kk_KZ.UTF-8"}, "ru"),  # the first language offered
        ({"LANGUAGE": "de", "LANG": "kk_KZ.UTF-8"}, "kk"),
        ({"LC_ALL": "POSIX", "LANG": "kk_KZ.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_serve_takes_its_language_from_the_locale_as_gettext_does(environ, lang):
    assert from_environment(environ) == lang

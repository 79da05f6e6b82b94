"""Safe defaults: headers, limits, hostile callback bodies, plain errors, compressed assets."""

from __future__ import annotations

import gzip
import http.client
import json
import re
import xml.etree.ElementTree as ET

import brotli
import pytest

from tests.support.app import DEBUG_ENVIRONMENT, client_of, make_app
from tests.support.dashreq import MAIN_OUTPUT_START, main_callback_body, page_config
from tests.support.data import BUNDLED_DEFAULT_GROWTH
from tests.support.security import csp_directives, inline_script_hashes
from tests.support.serverproc import running_server
from trade_dash.config import Config
from trade_dash.web import ids

# The values docs/deployment.md promises; for the opener policy, same-origin (the strictest).
FIXED_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


pytestmark = pytest.mark.app(max_body_bytes=20_000)


def main_key(app) -> str:
    return next(k for k in app.callback_map if k.startswith(MAIN_OUTPUT_START))


def good_body(app) -> dict:
    key = main_key(app)
    spec = app.callback_map[key]
    return main_callback_body(key, spec["inputs"], spec["state"], href="http://x.test/")


def asset_url(client) -> str:
    page = client.get("/").get_data(as_text=True)
    start = page.index("/_dash-component-suites/")
    return page[start:page.index('"', start)]


def test_security_headers_carry_the_promised_values_everywhere(app, client):
    page = client.get("/")
    responses = [page, client.post("/_dash-update-component", json=good_body(app)),
                 client.get(asset_url(client)),
                 client.get("/_dash-component-suites/nope/x.js"),
                 client.get("/export/chart/scenario.png?growth=abc")]
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 400]
    csp = page.headers["Content-Security-Policy"]
    for resp in responses:
        for header, value in FIXED_HEADERS.items():
            assert resp.headers.get(header) == value, (header, resp.request.path)
        assert resp.headers.get("Content-Security-Policy") == csp, resp.request.path
        denied = {f.strip() for f in resp.headers.get("Permissions-Policy", "").split(",")}
        assert {"camera=()", "microphone=()", "geolocation=()"} <= denied

    policy = csp_directives(csp)
    scripts = policy["script-src"]
    hashes = {t for t in scripts if t.startswith("'sha256-")}
    # Scripts only from the app itself or by hash: no unsafe-eval, no unsafe-inline, no hosts.
    assert set(scripts) - hashes == {"'self'"}
    assert "'unsafe-eval'" not in csp
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # Every inline script Dash puts in the page is allowed by its hash, and nothing else is.
    inline = inline_script_hashes(page.get_data(as_text=True))
    assert inline and inline == hashes


def forged(app, **changes):
    body = good_body(app)
    body.update(changes)
    return body


@pytest.mark.parametrize(
    ("make_body", "status"),
    [
        (lambda app: b"{not json", 400),
        (lambda app: b"[]", 400),
        (lambda app: b'"text"', 400),
        (lambda app: {k: v for k, v in good_body(app).items() if k != "inputs"}, 400),
        (lambda app: forged(app, output="nope.children"), 400),
        (lambda app: forged(app, output=None), 400),
        (lambda app: forged(app, inputs=[{"id": "ghost", "property": "value", "value": 1}]), 400),
        (lambda app: forged(app, inputs="all"), 400),
        (lambda app: forged(app, state=[]), 400),
        (lambda app: forged(app, outputs={"id": "x", "property": "y"}), 400),
        (lambda app: forged(app, changedPropIds="growth.value"), 400),
        (lambda app: b'{"output": ' + b"[" * 5000 + b"]" * 5000 + b"}", 400),
        (lambda app: b"x" * 30_000, 413),
    ],
)
def test_hostile_callback_bodies_get_4xx_and_the_server_stays_healthy(app, client, make_body,
                                                                     status):
    body = make_body(app)
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    resp = client.post("/_dash-update-component", data=data, content_type="application/json")
    assert resp.status_code == status
    assert resp.mimetype == "text/plain"
    assert "Traceback" not in resp.get_data(as_text=True)
    ok = client.post("/_dash-update-component", json=good_body(app))
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("value", "growth", "target_year"),
    [
        (float("nan"), BUNDLED_DEFAULT_GROWTH, 2030),  # not a number: the defaults
        (1e308, 100.0, 2050),  # clamped: the top of the slider, the horizon
        (-1e308, -50.0, 2026),  # clamped: the bottom, the year after the 2025 base
        *[(v, BUNDLED_DEFAULT_GROWTH, 2030)
          for v in ("abc", None, [], {"a": 1}, True, "9" * 2_000, "1&base=full")],
    ],
)
def test_wrong_types_and_values_in_callback_inputs_are_absorbed(app, client, value, growth,
                                                                target_year):
    body = good_body(app)
    for item in body["inputs"]:
        if item["id"] in (ids.GROWTH, ids.TARGET_YEAR, ids.URL):
            item["value"] = value
    body["state"][0]["value"] = value
    data = json.dumps(body).encode()  # NaN is written as the bare token NaN, as a forger might
    resp = client.post("/_dash-update-component", data=data, content_type="application/json")
    assert resp.status_code == 200, resp.get_data(as_text=True)[:300]
    payload = resp.get_json()["response"]
    assert payload[ids.NOTICES]["is_open"] is True
    # Like a hostile URL: the controls are set back to the values used, and the address too.
    assert payload[ids.GROWTH]["value"] == growth
    assert payload[ids.TARGET_YEAR]["value"] == target_year
    assert payload[ids.URL]["search"].startswith(f"?growth={growth:g}&target_year={target_year}&")


def test_unexpected_error_is_a_plain_500_without_internals():
    app = make_app()
    server = app.server
    server.add_url_rule("/boom", "boom", lambda: 1 / 0)
    resp = client_of(app).get("/boom")
    assert resp.status_code == 500
    text = resp.get_data(as_text=True)
    assert resp.mimetype == "text/plain"
    assert "ZeroDivisionError" not in text and "Traceback" not in text
    assert "site-packages" not in text
    assert server.debug is False
    assert app.config.get("suppress_callback_exceptions") in (None, False)


def test_debug_settings_in_the_environment_do_not_turn_debug_mode_on(monkeypatch):
    for name, value in DEBUG_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TRADE_DASH_DEV", raising=False)
    app = make_app(Config.from_env())
    assert app.server.debug is False
    page = client_of(app).get("/").get_data(as_text=True)
    assert page_config(page)["ui"] is False


@pytest.mark.parametrize(
    "path",
    ["/_dash-component-suites/dash/../../../etc/passwd", "/_dash-component-suites/nope/x.js",
     "/assets/../pyproject.toml"],
)
def test_unknown_resources_are_plain_404s(client, path):
    resp = client.get(path)
    assert resp.status_code == 404
    text = resp.get_data(as_text=True)
    assert "Traceback" not in text and "[project]" not in text


@pytest.mark.parametrize(
    ("accept", "encoding", "decompress"),
    [
        ("gzip", "gzip", gzip.decompress),
        ("br", "br", brotli.decompress),
        ("gzip, deflate, br, zstd", "br", brotli.decompress),  # what Chromium sends
    ],
)
def test_assets_are_compressed_once_and_cached_long(app, client, accept, encoding, decompress):
    url = asset_url(client)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    client.get(url, headers={"Accept-Encoding": "gzip" if encoding == "br" else "br"})
    first = client.get(url, headers={"Accept-Encoding": accept})
    second = client.get(url, headers={"Accept-Encoding": accept})
    assert first.headers["Content-Encoding"] == encoding
    # The other encoding, fetched first, is cached apart: each decodes to the asset itself.
    assert decompress(first.get_data()) == plain.get_data()
    assert first.get_data() == second.get_data()
    assert "max-age=31536000" in first.headers["Cache-Control"]
    assert len(first.get_data()) < len(plain.get_data()) / 2
    cache = app.server.config["COMPRESS_CACHE_BACKEND"]()
    assert any(url in key for key in cache._entries)


def test_a_query_string_cannot_grow_the_asset_cache(app, client):
    url = asset_url(client)
    cache = app.server.config["COMPRESS_CACHE_BACKEND"]()
    client.get(url, headers={"Accept-Encoding": "gzip"})
    before = len(cache._entries)
    for i in range(5):
        resp = client.get(f"{url}?x={i}", headers={"Accept-Encoding": "gzip"})
        assert resp.status_code == 200
    assert len(cache._entries) == before


# TRADE_DASH_MAX_BODY's default as docs/deployment.md documents it: 256 KiB.
DOCUMENTED_MAX_BODY = 256 * 1024


@pytest.mark.parametrize("settings", [Config, lambda: Config.from_env({})],
                         ids=["defaults", "empty environment"])
def test_the_default_body_limit_is_the_documented_one(settings):
    app = make_app(settings())
    client = client_of(app)
    body = json.dumps(good_body(app)).encode()
    at_limit = body + b" " * (DOCUMENTED_MAX_BODY - len(body))  # JSON allows the spaces
    answered = client.post("/_dash-update-component", data=at_limit,
                           content_type="application/json")
    assert answered.status_code == 200
    too_big = client.post("/_dash-update-component", data=at_limit + b" ",
                          content_type="application/json")
    assert too_big.status_code == 413
    assert too_big.mimetype == "text/plain"


def test_the_page_and_its_data_are_kept_by_no_cache(app, client):
    """They are built from the request's headers too (language, host), unlike exports."""
    for resp in (client.get("/"), client.get("/_dash-layout"), client.get("/_dash-dependencies"),
                 client.post("/_dash-update-component", json=good_body(app))):
        assert resp.status_code == 200
        assert resp.headers["Cache-Control"] == "no-store", resp.request.path


def test_dynamic_responses_are_not_cached(app, client):
    cache = app.server.config["COMPRESS_CACHE_BACKEND"]()
    client.post("/_dash-update-component", json=good_body(app),
                headers={"Accept-Encoding": "gzip"})
    assert not any("_dash-update-component" in key for key in cache._entries)


def _exported_text(app, renderer, headers: dict) -> str:
    """The text of a chart exported as SVG: its footer carries the reopen link."""
    client = client_of(app, renderer)  # share the session's browser
    resp = client.get("/export/chart/history.svg?growth=25", headers=headers)
    assert resp.status_code == 200
    return " ".join(ET.fromstring(resp.data).itertext())


@pytest.mark.export
def test_links_in_charts_follow_the_proxy_when_told_to_trust_it(renderer):
    text = _exported_text(make_app(proxy_hops=1), renderer,
                          {"X-Forwarded-Host": "trade.example.gov", "X-Forwarded-Proto": "https"})
    assert "https://trade.example.gov/?growth=25" in text


@pytest.mark.export
def test_forwarded_headers_are_ignored_by_default(app, renderer):
    text = _exported_text(app, renderer, {"X-Forwarded-Host": "evil.example"})
    assert "Reopen this scenario" in text and "evil.example" not in text


@pytest.mark.parametrize(
    "query",
    ["growth=nan", "growth=inf", "growth=1e308", "growth=abc", "growth=", "growth=1&growth=2",
     "growth=" + "9" * 3000, "target_year=-1", "target=-5", "base=%3Cscript%3E",
     "%ff%fe=%00", "a" * 4000],
)
def test_hostile_page_urls_still_serve_the_page(client, query):
    resp = client.get(f"/?{query}")
    assert resp.status_code == 200
    assert resp.mimetype == "text/html"
    # The page never reflects its query string; the browser-side parser handles it.
    # (Dash puts a fresh random token in each page, so that is left out of the comparison.)
    def page(r):
        return re.sub(r'"end_id":"[^"]*"', "", r.get_data(as_text=True))

    assert page(resp) == page(client.get("/"))
    assert client.get("/_dash-layout").status_code == 200


# --- error answers in the reader's language -------------------------------------------------

# What each language says, from its catalog; the sentence a reader of that language reads.
NOT_FOUND = {"en": "Error 404. There is nothing at this address.",
             "ru": "Ошибка 404. По этому адресу ничего нет.",
             "kk": "Қате 404. Бұл мекенжайда ештеңе жоқ.",
             "mn": "Алдаа 404. Энэ хаягаар юу ч байхгүй."}
BAD_CALLBACK = {"mn": "Алдаа 400. Хуудас энэ серверийн боловсруулж чадахгүй хүсэлт илгээлээ. "
                      "Хуудсаа дахин ачаалаад дахин оролдоно уу."}
TOO_LARGE = {"ru": "Ошибка 413. Запрос больше, чем принимает этот сервер."}
TOO_LONG = {"kk": "Қате 414. Мекенжай бұл сервер үшін тым ұзын. Панельді бастапқы бетінен "
                  "ашып, сценарийді қайта таңдаңыз.",
            "ru": "Ошибка 414. Адрес слишком длинный для этого сервера. Откройте панель с её "
                  "начальной страницы и снова выберите сценарий."}
MISSING = "/_dash-component-suites/nope/x.js"


@pytest.mark.parametrize(
    ("query", "headers", "lang"),
    [
        ("", {}, "en"),
        ("", {"Accept-Language": "kk-KZ,kk;q=0.9,ru;q=0.8"}, "kk"),
        ("?lang=ru", {"Accept-Language": "kk"}, "ru"),  # the address's lang comes first
        ("", {"Referer": "http://localhost/?growth=20&lang=mn"}, "mn"),  # the page's lang
        ("?lang=xx", {"Accept-Language": "kk"}, "en"),  # a lang not offered: English
    ],
)
def test_a_404_is_a_sentence_in_the_reader_s_language(client, query, headers, lang):
    resp = client.get(MISSING + query, headers=headers)
    assert resp.status_code == 404 and resp.mimetype == "text/plain"
    assert resp.get_data(as_text=True).strip() == NOT_FOUND[lang]
    assert resp.headers["Content-Language"] == lang
    assert "Accept-Language" in resp.headers["Vary"]


def test_a_refused_callback_and_a_too_large_body_answer_in_the_reader_s_language(app, client):
    page = {"Referer": "http://localhost/?lang=mn"}  # the page's own requests name it
    resp = client.post("/_dash-update-component", data=b"{not json", headers=page,
                       content_type="application/json")
    assert resp.status_code == 400
    assert resp.get_data(as_text=True).strip() == BAD_CALLBACK["mn"]
    resp = client.post("/_dash-update-component", data=b"x" * 30_000,
                       content_type="application/json", headers={"Accept-Language": "ru"})
    assert resp.status_code == 413
    assert resp.get_data(as_text=True).strip() == TOO_LARGE["ru"]


def _get(url: str, path: str, headers: dict[str, str]) -> tuple[int, str, str]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Language") or "", resp.read().decode()
    finally:
        conn.close()


def test_the_real_server_answers_a_too_long_address_in_the_reader_s_language(tmp_path):
    """gunicorn refuses an address longer than it reads (8190 bytes) before the app sees
    it; the answer is still the app's sentence, in the browser's language or the one the
    address asks for, and the start-up line is in the language of the server's locale."""
    long = "a" * 9_000
    with running_server(tmp_path, env={"LANG": "kk_KZ.UTF-8"}) as server:
        start_up = server.log().splitlines()[0]
        assert "мекенжайында жұмыс істейді (жұмыс процестері: 1)" in start_up, start_up
        kazakh = {"Accept-Language": "kk-KZ,kk;q=0.9"}
        assert _get(server.url, f"/?x={long}", kazakh) == (414, "kk", TOO_LONG["kk"] + "\n")
        much_longer = f"/?x={long * 30}&lang=ru"  # the lang comes after what gunicorn reads
        assert _get(server.url, much_longer, {}) == (414, "ru", TOO_LONG["ru"] + "\n")
        assert _get(server.url, "/", kazakh)[0] == 200  # the worker carries on
        assert server.server_errors() == []

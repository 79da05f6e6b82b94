"""Safe defaults: headers, limits, hostile callback bodies, plain errors, compressed assets."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET

import brotli
import pytest

from tests.support.app import DEBUG_ENVIRONMENT, client_of, make_app
from tests.support.dashreq import MAIN_OUTPUT_START, main_callback_body, page_config
from tests.support.data import BUNDLED_DEFAULT_GROWTH
from tests.support.security import csp_directives, inline_script_hashes
from trade_dash.config import Config
from trade_dash.web import ids

# The values the README promises; for the opener policy, same-origin (the strictest).
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

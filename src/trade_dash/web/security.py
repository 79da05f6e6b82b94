"""Safe serving: security headers, request limits, strict callback bodies, plain errors
in the reader's language, and compressed, cached static assets.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Mapping
from threading import Lock
from urllib.parse import parse_qs, urlsplit

import dash
import flask
from dash.exceptions import DependencyException
from flask_compress import Compress
from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from trade_dash.config import Config
from trade_dash.wording import errors, languages
from trade_dash.wording.core import Wording

LOG = logging.getLogger("trade_dash")
YEAR = 365 * 24 * 3600
CALLBACK_PATH = "_dash-update-component"
# URL prefixes whose content never changes for a given URL (Dash fingerprints them).
VERSIONED_PREFIXES = ("/_dash-component-suites/", "/_trade_dash/")


class BadCallbackRequest(ValueError):
    """A callback request that does not match any callback of this app."""


def content_security_policy(app: dash.Dash) -> str:
    """A CSP the app's own pages satisfy: inline scripts allowed only by their hashes."""
    hashes = " ".join(app.csp_hashes())  # already quoted, e.g. 'sha256-...'
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' {hashes}",
        # Plotly and the components set element styles at run time.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def security_headers(csp: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def _pairs(items: object, what: str) -> list[tuple[str, str]]:
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise BadCallbackRequest(f"'{what}' must be a list")
    pairs = []
    for item in items:
        if not (isinstance(item, dict) and isinstance(item.get("id"), str)
                and isinstance(item.get("property"), str)):
            raise BadCallbackRequest(f"each entry of '{what}' needs a string id and property")
        pairs.append((item["id"], item["property"]))
    return pairs


def check_callback_body(app: dash.Dash, raw: bytes) -> None:
    """Raise ``BadCallbackRequest`` unless ``raw`` is a well-formed call of a known callback."""
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadCallbackRequest("the body is not valid JSON (or nested too deeply)") from None
    if not isinstance(body, dict):
        raise BadCallbackRequest("the body must be a JSON object")
    output = body.get("output")
    if not isinstance(output, str) or output not in app.callback_map:
        raise BadCallbackRequest("'output' does not name a callback of this app")
    spec = app.callback_map[output]
    expected_inputs = [(i["id"], i["property"]) for i in spec["inputs"]]
    expected_state = [(s["id"], s["property"]) for s in spec.get("state", [])]
    if _pairs(body.get("inputs"), "inputs") != expected_inputs:
        raise BadCallbackRequest("'inputs' do not match the callback")
    if _pairs(body.get("state", []), "state") != expected_state:
        raise BadCallbackRequest("'state' does not match the callback")
    outputs = body.get("outputs")
    expected_outputs = [tuple(o.rsplit(".", 1)) for o in output.strip(".").split("...")]
    if [tuple(p) for p in _pairs(outputs, "outputs")] != expected_outputs:
        raise BadCallbackRequest("'outputs' do not match the callback")
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(c, str) for c in changed)):
        raise BadCallbackRequest("'changedPropIds' must be a list of strings")


class AssetCache:
    """Compressed bodies of versioned assets, so each is compressed once per process.

    Flask-Compress asks this cache for every compressible response; only URLs
    under ``VERSIONED_PREFIXES`` (whose content is fixed per URL) are kept.
    """

    def __init__(self, max_entries: int = 256):
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = Lock()
        self._max = max_entries

    @staticmethod
    def key(request: flask.Request) -> str:
        # The path alone: the version is in it, and a query string must not let a client
        # mint new cache entries (and compression work) at will.
        return request.path if request.path.startswith(VERSIONED_PREFIXES) else ""

    def get(self, key: str) -> bytes | None:
        with self._lock:
            return self._entries.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return  # not a versioned asset (empty key): compressed per request, never cached
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)


def harden(app: dash.Dash, config: Config) -> None:
    """Apply limits, headers, error pages and compression to ``app``'s server."""
    server: flask.Flask = app.server
    server.debug = False  # Flask reads FLASK_DEBUG from the environment; only --dev may debug
    server.config["MAX_CONTENT_LENGTH"] = config.max_body_bytes
    server.config["PROPAGATE_EXCEPTIONS"] = False
    if config.proxy_hops:
        # Trust X-Forwarded-* only from the configured number of proxies in front.
        n = config.proxy_hops
        proxied = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_prefix=n)
        server.wsgi_app = proxied  # type: ignore[method-assign]  # Flask's documented way
    cache = AssetCache()
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_CACHE_BACKEND=lambda: cache,
        COMPRESS_CACHE_KEY=AssetCache.key,
        COMPRESS_STREAMS=False,
    )
    Compress(server)
    # Called after every callback is registered, so the script hashes are complete.
    headers = security_headers(content_security_policy(app))

    @server.before_request
    def check_request() -> flask.Response | None:
        if flask.request.method == "POST" and flask.request.path.endswith(CALLBACK_PATH):
            try:
                check_callback_body(app, flask.request.get_data(cache=True))
            except BadCallbackRequest as exc:
                LOG.info("bad callback request: %s", exc)  # the details are for operators
                return answer(400)
        return None

    @server.after_request
    def add_headers(response: flask.Response) -> flask.Response:
        response.headers.update(headers)
        path, args = flask.request.path, flask.request.args
        # Asset and icon URLs carry a version (?m=, ?v=). The icon is cached too, because
        # Chromium asks for it again when the page puts the scenario in its address.
        if (path.startswith("/assets/") and args.get("m")) or (
            path.endswith("/_favicon.ico") and args.get("v")
        ):
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
        elif "Cache-Control" not in response.headers:
            # The page, its layout and the callbacks' answers are built from the request's
            # headers as well as its address (the language from Accept-Language, links from
            # the host): a cache in front of the app, which exports invite, must not hand
            # one reader's page to another. Exports, made from their address alone, and
            # versioned files say otherwise above or on their own.
            response.headers["Cache-Control"] = "no-store"
        return response

    @server.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> flask.Response:
        return answer(exc.code or 500)

    @server.errorhandler(DependencyException)
    def unknown_component_file(_exc: DependencyException) -> flask.Response:
        # Dash raises this for a component-suite path it does not serve: a plain 404.
        return answer(404)

    @server.errorhandler(Exception)
    def unexpected_error(exc: Exception) -> flask.Response:
        # Logged in full for operators; users get a plain message with no internals.
        LOG.exception("unhandled error on %s %s", flask.request.method, flask.request.path)
        return answer(500)


def plain(status: int, text: str) -> flask.Response:
    """A plain-text answer: every error the app gives is one of these."""
    return flask.Response(text + "\n", status=status, mimetype="text/plain")


def reader_language(lang: str | None, headers: Headers | Mapping[str, str]) -> Wording:
    """The language to answer a request in: its ``lang`` value, else that of the page it
    was sent from (the Referer, which the page's own requests carry), else the browser's
    Accept-Language, else English."""
    if lang is None:
        try:
            found = parse_qs(urlsplit(headers.get("Referer", "")).query,
                             max_num_fields=100).get("lang")
        except ValueError:  # a hostile Referer: it names no language
            found = None
        lang = found[0] if found else None
    return Wording.for_lang(languages.choose(lang, headers.get("Accept-Language")).lang)


def answer(status: int, w: Wording | None = None) -> flask.Response:
    """The short page for an HTTP error, in the language of the request being answered
    (or ``w``'s): one sentence, plain text, never internals."""
    if w is None:
        w = reader_language(flask.request.args.get("lang"), flask.request.headers)
    resp = plain(status, errors.http_answer(w, status))
    resp.headers["Content-Language"] = w.lang
    resp.vary.add("Accept-Language")
    resp.vary.add("Referer")
    return resp


def raw_answer(status: int, reason: str, w: Wording) -> bytes:
    """The same page as a whole HTTP/1.1 response, for a server that refuses a request
    before the app sees it (``serving``: an address longer than gunicorn reads)."""
    body = (errors.http_answer(w, status) + "\n").encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Language: {w.lang}\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("ascii") + body

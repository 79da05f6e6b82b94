"""HTTP routes for the static exports: parse the scenario, call ``export``, answer.

GET {prefix}/export/chart/<chart>.<format>?<scenario query>   (charts: see charts.py)
GET {prefix}/export/briefing.<pdf|pptx|docx>?<scenario query>[&paper=a4|letter]

Both take ``lang=en|ru|kk|mn`` (default English: an export is a document, so its
language is what the address says, never a guess from the browser).

Failures are answered in plain text, never with a traceback, in the export's language
(English when ``lang`` itself is wrong): 400 for scenario or paper parameters that had
to be changed, 404 for an unknown chart or format, 503 when no Chromium can be used,
504 when a render timed out, 500 when it failed.

An export is made from its address, the data and the day it is produced on, so it is
answered with a strong ``ETag`` worked out from those before anything is drawn: a
request whose ``If-None-Match`` holds it gets 304 and no drawing, and the answer may be
kept by any cache (``Cache-Control: public``) until the end of the production day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from importlib.metadata import version
from typing import Literal

import dash
import flask
import pandas as pd

from trade_dash.charts.style import Context
from trade_dash.config import Config
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.model import ScenarioError
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.summary import Summary, analyse
from trade_dash.exports.formats import BRIEFING_FORMATS, DEFAULT_PAPER, MIME_TYPES, PAPERS
from trade_dash.exports.images import ExportError, ExportTimeout, ExportUnavailable, Renderer
from trade_dash.exports.packs import BRIEFINGS, filename, render_chart
from trade_dash.web.callbacks import Page
from trade_dash.web.security import plain
from trade_dash.wording import errors, facts, languages
from trade_dash.wording.core import Wording

log = logging.getLogger(__name__)

RENDERER = "trade_dash.renderer"  # key in the Flask app's ``extensions``


def renderer_of(server: flask.Flask) -> Renderer:
    renderer: Renderer = server.extensions[RENDERER]
    return renderer


def data_fingerprint(ds: Dataset) -> str:
    """A digest of the citations as read and validated, which changes with the data file's
    content (pandas' row hashes, the same in every worker and run)."""
    rows = pd.util.hash_pandas_object(ds.citations, index=False).to_numpy()
    return hashlib.sha256(",".join(ds.citations.columns).encode() + rows.tobytes()).hexdigest()


def export_tag(*inputs: str) -> str:
    """The entity tag of an export made from ``inputs`` (digits and letters only)."""
    return hashlib.sha256("\n".join(inputs).encode()).hexdigest()[:32]


def seconds_left_today(now: dt.datetime | None = None) -> int:
    """Seconds from ``now`` (local time, as the production date) to the next midnight."""
    now = now or dt.datetime.now()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    return max(0, int((midnight - now).total_seconds()))


def _asked_for(tag: str) -> str | None:
    """The validator of ``If-None-Match`` that names the export tagged ``tag``, if any.
    Flask-Compress tags a compressed answer ``tag:br`` (or ``:gzip``): the same export."""
    given = flask.request.if_none_match
    if given.star_tag:
        return tag
    return next((t for t in given.as_set(include_weak=True) if t.split(":")[0] == tag), None)


def register(app: dash.Dash, page: Page, config: Config) -> Renderer:
    """Add the export routes to ``app``'s server, with a renderer that starts on first use."""
    server: flask.Flask = app.server
    renderer = Renderer(config.browser_path, config.render_timeout)
    server.extensions[RENDERER] = renderer
    routes = app.config.routes_pathname_prefix.rstrip("/")
    # What every export is made from besides its address and the day: this program and
    # these citations.
    made_with = (version("trade-dash"), data_fingerprint(page.ds))

    def language() -> tuple[Wording, list[ParamProblem]]:
        lang, problems = lang_from_args(flask.request.args.getlist("lang"))
        # A lang that is wrong, or given twice, names no one language: answer in English.
        return Wording.for_lang(languages.DEFAULT if problems else lang), problems

    def answer(kind: str, fmt: str, make: Callable[[Renderer, Summary, Context], bytes],
               w: Wording, problems: list[ParamProblem], variant: str = "") -> flask.Response:
        query = flask.request.query_string.decode("utf-8", errors="replace")
        scenario, adjusted = scenario_from_query(page.ds, query)
        notices = [facts.notice_text(w, n) for n in adjusted]
        notices += [param_problem(w, p) for p in problems]
        if notices:
            # An export is a document someone will rely on: never quietly change what was asked.
            return plain(400, errors.address_not_valid(w, notices))
        try:
            summary = analyse(page.ds, scenario)
        except ScenarioError as exc:
            return plain(400, errors.scenario_not_valid(w, errors.scenario_error(w, exc)))
        # The reopen link opens the page in the export's language.
        ctx = page.context(scenario.query(), w, lang=w.lang)
        # Everything the export is made from: the same for every worker, and the same
        # until the data, the program or the day changes (the reopen link printed in it
        # carries the address it was asked at).
        tag = export_tag(*made_with, flask.request.path, scenario.query(), w.lang, variant,
                         ctx.produced, ctx.link or "")
        asked = _asked_for(tag)
        if asked is not None:
            return _cacheable(flask.Response(status=304), asked)
        try:
            body = make(renderer_of(flask.current_app), summary, ctx)
        except ExportUnavailable as exc:
            log.warning("export unavailable: %s", exc)
            return plain(503, errors.export_error(w, exc))
        except ExportTimeout as exc:
            return plain(504, errors.export_error(w, exc))
        except ExportError as exc:
            return plain(500, errors.export_error(w, exc))
        resp = flask.Response(body, mimetype=MIME_TYPES[fmt])
        resp.headers["Content-Disposition"] = (
            f'attachment; filename="{filename(kind, fmt, ctx.produced)}"'
        )
        return _cacheable(resp, tag)

    @server.get(f"{routes}/export/chart/<name>.<fmt>")
    def export_chart(name: str, fmt: str) -> flask.Response:
        w, problems = language()
        if name not in page.charts:
            return plain(404, errors.no_such_chart(w, page.charts.names))
        chart = page.charts[name]
        if fmt not in chart.formats:
            return plain(404, errors.no_such_chart_format(w, name, chart.formats))
        return answer(
            name,
            fmt,
            lambda r, s, ctx: render_chart(r, chart, fmt, page.ds, s, ctx),
            w,
            problems,
        )

    @server.get(f"{routes}/export/briefing.<fmt>")
    def export_briefing(fmt: str) -> flask.Response:
        w, problems = language()
        if fmt not in BRIEFINGS:
            return plain(404, errors.no_such_briefing_format(w, BRIEFING_FORMATS))
        paper, paper_problems = paper_from_args(flask.request.args.getlist("paper"))
        make = BRIEFINGS[fmt]
        return answer(
            "briefing", fmt, lambda r, s, ctx: make(r, page.ds, s, ctx, paper, page.charts),
            w, problems + paper_problems, variant=f"paper={paper}",
        )

    return renderer


def _cacheable(resp: flask.Response, tag: str) -> flask.Response:
    """``resp`` tagged, and kept by any cache until the end of the day it was produced on
    (the export is dated, so the next day's is another)."""
    resp.set_etag(tag)
    resp.headers["Cache-Control"] = f"public, max-age={seconds_left_today()}"
    return resp


@dataclass(frozen=True)
class ParamProblem:
    """A parameter of the address given more than once, or not one of its values."""

    code: Literal["repeated", "not_one_of"]
    name: str
    value: str = ""  # as given, cut to 20 characters
    count: int = 0
    choices: tuple[str, ...] = ()

    @property
    def values(self) -> dict[str, object]:
        return {"name": self.name, "value": self.value, "count": self.count,
                "choices": self.choices}


def param_problem(w: Wording, p: ParamProblem) -> str:
    if p.code == "repeated":
        return errors.param_repeated(w, p.name, p.count)
    return errors.param_not_one_of(w, p.name, p.value, p.choices)


def paper_from_args(given: list[str]) -> tuple[str, list[ParamProblem]]:
    """The ``paper`` parameter: a4 (the default) or letter; anything else is a problem."""
    return _one_of("paper", given, PAPERS, DEFAULT_PAPER)


def lang_from_args(given: list[str]) -> tuple[str, list[ParamProblem]]:
    """The ``lang`` parameter: a supported language code (default English); anything
    else is a problem, as an export never changes what was asked."""
    return _one_of("lang", given, languages.LANGUAGES, languages.DEFAULT)


def _one_of(name: str, given: list[str], allowed: Collection[str], default: str
            ) -> tuple[str, list[ParamProblem]]:
    """A parameter that must be one of ``allowed``, given at most once; with the problems."""
    if not given:
        return default, []
    problems = [ParamProblem("repeated", name, count=len(given))] if len(given) > 1 else []
    raw = given[0].strip()
    if raw not in allowed:
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        problems.append(ParamProblem("not_one_of", name, value=shown, choices=tuple(allowed)))
    return (raw if raw in allowed else default), problems

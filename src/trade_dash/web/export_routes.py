"""HTTP routes for the static exports: parse the scenario, call ``export``, answer.

GET {prefix}/export/chart/<chart>.<format>?<scenario query>   (charts: see charts.py)
GET {prefix}/export/briefing.<pdf|pptx|docx>?<scenario query>[&paper=a4|letter]

Both take ``lang=en|ru|kk|mn`` (default English: an export is a document, so its
language is what the address says, never a guess from the browser).

Failures are answered in plain text, never with a traceback, in the export's language
(English when ``lang`` itself is wrong): 400 for scenario or paper parameters that had
to be changed, 404 for an unknown chart or format, 503 when no Chromium can be used,
504 when a render timed out, 500 when it failed.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Literal

import dash
import flask

from trade_dash.charts.style import Context
from trade_dash.config import Config
from trade_dash.domain.model import ScenarioError
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.summary import Summary, analyse
from trade_dash.exports.briefing import DEFAULT_PAPER
from trade_dash.exports.images import (
    BRIEFING_FORMATS,
    MIME_TYPES,
    PAPERS,
    ExportError,
    ExportTimeout,
    ExportUnavailable,
    Renderer,
)
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


def register(app: dash.Dash, page: Page, config: Config) -> Renderer:
    """Add the export routes to ``app``'s server, with a renderer that starts on first use."""
    server: flask.Flask = app.server
    renderer = Renderer(config.browser_path, config.render_timeout)
    server.extensions[RENDERER] = renderer
    routes = app.config.routes_pathname_prefix.rstrip("/")

    def language() -> tuple[Wording, list[ParamProblem]]:
        lang, problems = lang_from_args(flask.request.args.getlist("lang"))
        # A lang that is wrong, or given twice, names no one language: answer in English.
        return Wording.for_lang(languages.DEFAULT if problems else lang), problems

    def answer(kind: str, fmt: str, make: Callable[[Renderer, Summary, Context], bytes],
               w: Wording,
               problems: list[ParamProblem]) -> flask.Response:
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
        ctx = page.context(scenario.query())
        if w.lang != languages.DEFAULT:  # the reopen link opens the page in the same language
            ctx = dataclasses.replace(ctx, link=f"{ctx.link}&lang={w.lang}")
        ctx = dataclasses.replace(ctx, words=w)
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
        resp.headers["Cache-Control"] = "no-store"  # dated, and made for one scenario
        return resp

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
            w, problems + paper_problems,
        )

    return renderer


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

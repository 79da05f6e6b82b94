"""HTTP routes for the static exports: parse the scenario, call ``export``, answer.

GET {prefix}/export/chart/<chart>.<format>?<scenario query>   (charts: see charts.py)
GET {prefix}/export/briefing.<pdf|pptx|docx>?<scenario query>[&paper=a4|letter]

Both take ``lang=en|ru|kk|mn`` (default English: an export is a document, so its
language is what the address says, never a guess from the browser).

Failures are answered in plain text, never with a traceback: 400 for scenario or
paper parameters that had to be changed, 404 for an unknown chart or format, 503 when
no Chromium can be used, 504 when a render timed out, 500 when it failed.
"""

from __future__ import annotations

import dataclasses
import logging

import dash
import flask

from trade_dash import briefing, export, languages
from trade_dash.callbacks import Page
from trade_dash.config import Config
from trade_dash.model import ScenarioError
from trade_dash.scenario import analyse, scenario_from_query
from trade_dash.security import plain
from trade_dash.wording import Wording, english, facts

log = logging.getLogger(__name__)

RENDERER = "trade_dash.renderer"  # key in the Flask app's ``extensions``


def renderer_of(server: flask.Flask) -> export.Renderer:
    return server.extensions[RENDERER]


def register(app: dash.Dash, page: Page, config: Config) -> export.Renderer:
    """Add the export routes to ``app``'s server, with a renderer that starts on first use."""
    server: flask.Flask = app.server
    renderer = export.Renderer(config.browser_path, config.render_timeout)
    server.extensions[RENDERER] = renderer
    routes = app.config.routes_pathname_prefix.rstrip("/")

    def answer(kind: str, fmt: str, make, problems: list[str] | None = None) -> flask.Response:
        query = flask.request.query_string.decode("utf-8", errors="replace")
        scenario, adjusted = scenario_from_query(page.ds, query)
        lang, lang_problems = lang_from_args(flask.request.args.getlist("lang"))
        notices = [facts.notice_text(english(), n) for n in adjusted]
        notices += lang_problems + (problems or [])
        if notices:
            # An export is a document someone will rely on: never quietly change what was asked.
            lines = "\n".join(f"- {n}" for n in notices)
            return plain(400, f"The address is not valid:\n{lines}")
        try:
            summary = analyse(page.ds, scenario)
        except ScenarioError as exc:
            return plain(400, f"The scenario in the address is not valid: {exc}")
        ctx = page.context(scenario.query())
        if lang != languages.DEFAULT:  # the reopen link opens the page in the same language
            ctx = dataclasses.replace(ctx, link=f"{ctx.link}&lang={lang}")
        ctx = dataclasses.replace(ctx, words=Wording.for_lang(lang))
        try:
            body = make(renderer_of(flask.current_app), summary, ctx)
        except export.ExportUnavailable as exc:
            log.warning("export unavailable: %s", exc)
            return plain(503, str(exc))
        except export.ExportTimeout as exc:
            return plain(504, str(exc))
        except export.ExportError as exc:
            return plain(500, str(exc))
        resp = flask.Response(body, mimetype=export.MIME_TYPES[fmt])
        resp.headers["Content-Disposition"] = (
            f'attachment; filename="{export.filename(kind, fmt, ctx.produced)}"'
        )
        resp.headers["Cache-Control"] = "no-store"  # dated, and made for one scenario
        return resp

    @server.get(f"{routes}/export/chart/<name>.<fmt>")
    def export_chart(name: str, fmt: str):
        if name not in page.charts:
            return plain(404, f"No such export: the charts are {', '.join(page.charts.names)}.")
        chart = page.charts[name]
        if fmt not in chart.formats:
            return plain(
                404, f"No such export: the {name} chart comes as {', '.join(chart.formats)}."
            )
        return answer(
            name,
            fmt,
            lambda r, s, ctx: export.render_chart(r, chart, fmt, page.ds, s, ctx),
        )

    @server.get(f"{routes}/export/briefing.<fmt>")
    def export_briefing(fmt: str):
        if fmt not in export.BRIEFINGS:
            return plain(
                404, f"No such export: the briefing comes as {', '.join(export.BRIEFING_FORMATS)}."
            )
        paper, problems = paper_from_args(flask.request.args.getlist("paper"))
        make = export.BRIEFINGS[fmt]
        return answer(
            "briefing", fmt, lambda r, s, ctx: make(r, page.ds, s, ctx, paper, page.charts),
            problems,
        )

    return renderer


def paper_from_args(given: list[str]) -> tuple[str, list[str]]:
    """The ``paper`` parameter: a4 (the default) or letter; anything else is a problem."""
    return _one_of("paper", given, export.PAPERS, briefing.DEFAULT_PAPER)


def lang_from_args(given: list[str]) -> tuple[str, list[str]]:
    """The ``lang`` parameter: a supported language code (default English); anything
    else is a problem, as an export never changes what was asked."""
    return _one_of("lang", given, languages.LANGUAGES, languages.DEFAULT)


def _one_of(name: str, given: list[str], allowed, default: str) -> tuple[str, list[str]]:
    """A parameter that must be one of ``allowed``, given at most once; with the problems."""
    if not given:
        return default, []
    problems = [f"'{name}' was given {len(given)} times."] if len(given) > 1 else []
    raw = given[0].strip()
    if raw not in allowed:
        shown = raw if len(raw) <= 20 else raw[:20] + "…"
        problems.append(f"'{name}={shown}' is not one of {', '.join(allowed)}.")
    return (raw if raw in allowed else default), problems

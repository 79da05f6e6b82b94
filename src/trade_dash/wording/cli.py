"""The sentences of the ``trade-dash`` command's own output: the text of ``summary``,
the report of ``validate`` and the messages of ``export`` and ``add`` (``extract``'s
are in ``wording.extract``). Each function
takes the reader's ``Wording`` first (``--lang``); the headline items are the
briefing's, so the two cannot disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from trade_dash.domain.controls import Control
from trade_dash.domain.stated_changes import STATED_CHANGE_TOLERANCE_PTS
from trade_dash.domain.summary import Summary
from trade_dash.wording import facts
from trade_dash.wording.briefing import headline_items
from trade_dash.wording.catalogs import N_
from trade_dash.wording.core import Wording

LABEL_WIDTH = 20  # the labels' column in ``summary``'s text block


def summary_text(w: Wording, s: Summary, source: str, today: dt.date) -> str:
    """The short text block printed by ``trade-dash summary``: the headline items, how
    fresh the data is and any notes, labels in a column."""
    lines = [w.gettext("Kazakhstan–Mongolia trade turnover (data: %(source)s)", source=source)]
    items = headline_items(w, s)
    if s.year_to_date:  # which annualisation, and why, under the year to date
        at = next(i for i, (label, _) in enumerate(items)
                  if label == w.label("period", "year_to_date")) + 1
        items.insert(at, (w.gettext("Method"), facts.method_reason_text(w, s.year_to_date)))
    items.append((w.gettext("Data"), facts.freshness_text(w, s.data_freshness)))
    lines += [f"  {label:<{LABEL_WIDTH - 1}} {value}" for label, value in items]
    # Findings (an estimate its source contradicts) are in the key message printed above.
    notes = [facts.mixed_sides_note(w, s), facts.stale_text(w, s.data_freshness, today),
             *(facts.notice_text(w, n) for n in s.notices if not n.is_finding)]
    lines += [f"  {w.gettext('Note: %(note)s', note=n)}" for n in notes if n]
    return "\n".join(lines)


def summary_json(w: Wording, s: Summary) -> dict[str, Any]:
    """``summary --json``: the summary's facts and codes (``Summary.as_json``; keys in
    English for scripts) with its texts in the reader's language: the year to date's
    ``period`` and ``method_description``, the default growth rate's ``rule`` and the
    notices as sentences."""
    out = s.as_json()

    def with_texts(record: dict[str, Any], texts: dict[str, tuple[str, str]]
                   ) -> dict[str, Any]:
        # Each text right after the field it explains, so the keys keep one order.
        placed: dict[str, Any] = {}
        for key, value in record.items():
            placed[key] = value
            placed |= {name: text for name, (after, text) in texts.items() if after == key}
        return placed

    ytd = s.year_to_date
    if ytd is not None:
        out["year_to_date"] = with_texts(out["year_to_date"], {
            "period": ("months", w.period_label(ytd.year, ytd.months)),
            "method_description": ("method", facts.method_text(w, ytd)),
            "method_reason_description": ("method_reason", facts.method_reason_text(w, ytd)),
        })
    out["default_growth"] = with_texts(out["default_growth"], {
        "rule": ("side", facts.default_rule(w, s.default_growth)),
    })
    out["notices"] = [facts.notice_text(w, n) for n in s.notices]
    return out


def _years(w: Wording, years: Sequence[int]) -> str:
    return ", ".join(w.year(y) for y in years)


def valid(w: Wording, source: str, count: int, first: int, last: int) -> str:
    """The first line of ``validate``'s report on a good file."""
    return w.gettext("%(source)s: OK, %(citations)s, years %(first)s–%(last)s", source=source,
                     citations=w.citations(count), first=w.year(first), last=w.year(last))


def missing_years(w: Wording, years: Sequence[int]) -> str:
    return w.gettext("years with no citation (shown as missing): %(years)s",
                     years=_years(w, years))


def disputed_years(w: Wording, years: Sequence[int]) -> str:
    return w.gettext("years whose citations disagree by more than 5 %%: %(years)s",
                     years=_years(w, years))


def stated_changes_heading(w: Wording, count: int) -> str:
    """Above ``validate``'s warnings about stated changes the figures contradict."""
    return w.ngettext(
        "warning: %(count)s stated change differs from the cited figures by more than "
        "%(points)s (the file is still valid):",
        "warning: %(count)s stated changes differ from the cited figures by more than "
        "%(points)s (the file is still valid):",
        count, count=w.integer(count), points=w.points(STATED_CHANGE_TOLERANCE_PTS))


def side_years(w: Wording, side: str, years: Sequence[int]) -> str:
    """The years the series takes from one side (``KZ``, ``MN``, or '' when not recorded)."""
    if not side:
        return w.gettext("years the series takes from an unrecorded side: %(years)s",
                         years=_years(w, years))
    return w.gettext("years the series takes from %(side)s: %(years)s", side=side,
                     years=_years(w, years))


def added(w: Wording, citation_id: str, line: int, path: str) -> str:
    return w.gettext("trade-dash: added citation %(id)s on line %(line)s of %(path)s",
                     id=citation_id, line=str(line), path=path)


def wrote(w: Wording, path: str, size: int) -> str:
    return w.ngettext("trade-dash: wrote %(path)s (%(size)s byte)",
                      "trade-dash: wrote %(path)s (%(size)s bytes)", size, path=path,
                      size=w.integer(size))


def serving(w: Wording, data: str, url: str, workers: int) -> str:
    """The line ``serve`` prints when the server starts."""
    return w.ngettext("trade-dash: serving %(data)s on %(url)s with %(count)s worker",
                      "trade-dash: serving %(data)s on %(url)s with %(count)s workers",
                      workers, data=data, url=url, count=w.integer(workers))


def not_written(w: Wording, path: str, exc: OSError) -> str:
    # The system's reason (exc.strerror) comes in the system's language.
    return w.gettext("trade-dash: could not write %(path)s: %(reason)s", path=path,
                     reason=exc.strerror or str(exc))


def format_unavailable(w: Wording, fmt: str, briefing: bool, formats: Sequence[str]) -> str:
    choices = ", ".join(formats)
    if briefing:
        return w.gettext("--format %(format)s is not available for a briefing; choose one of "
                         "%(choices)s", format=fmt, choices=choices)
    return w.gettext("--format %(format)s is not available for a chart; choose one of "
                     "%(choices)s", format=fmt, choices=choices)


def paper_for_chart(w: Wording) -> str:
    return w.gettext("--paper applies to a briefing; a chart PDF is always A4 landscape")


def no_folder(w: Wording, folder: str) -> str:
    return w.gettext("--out: the folder '%(folder)s' does not exist", folder=folder)


def options_needed(w: Wording, names: Sequence[str]) -> str:
    return w.gettext("export needs %(options)s (or --describe, with --chart)",
                     options=", ".join(names))


def describe_alone(w: Wording) -> str:
    return w.gettext("--describe prints a chart's description: give it with --chart, "
                     "without --format, --out or --paper")


# --- the command line's --help -------------------------------------------------------
# Option names, choices and metavars are typed by the user, so they stay as written in
# every language; the sentences around them are translated. None of these may contain
# '%': argparse fills help texts with % itself, and ``help_text`` doubles any a
# translation brings.

HELP = {
    "description": N_("Kazakhstan–Mongolia trade turnover against the $500 million goal."),
    "validate": N_("check a citations file and report every problem"),
    "validate.csv": N_("file to check (default: the bundled data)"),
    "summary": N_("print the headline numbers for a scenario"),
    "summary.json": N_("print JSON for scripts (keys in English, notices in --lang)"),
    "serve": N_("run the dashboard"),
    "serve.host": N_("address to bind (default 127.0.0.1)"),
    "serve.port": N_("port (default 8050)"),
    "serve.workers": N_("gunicorn worker processes (default 1)"),
    "serve.dev": N_("Dash development server with debug mode (never in production)"),
    "export": N_("write a chart or the briefing pack for a scenario to a file (needs Chromium)"),
    "export.chart": N_("the chart to export"),
    "export.briefing": N_("the briefing pack (PDF), deck (PowerPoint) or document (Word)"),
    "export.format": N_("png, svg or pdf for a chart (as the chart offers); pdf, pptx or docx "
                        "for the briefing"),
    "export.paper": N_("paper size of a PDF or Word briefing (default a4; slides have none)"),
    "export.out": N_("file to write"),
    "export.describe": N_("print what the chart shows, in words, instead of drawing it (with "
                          "--chart; no --format or --out)"),
    "data": N_("citations file (default: the bundled data)"),
    "add": N_("append one citation to a data file; the whole file is validated first and "
              "written atomically"),
    "add.data": N_("file to add to (default: the bundled data)"),
    "add.citation_id": N_("short unique name of the citation (letters, digits, - _ .)"),
    "add.measure": N_("actual (an observed figure, the default) or target"),
    "add.flow": N_("turnover (the default), kz_exports_to_mn or mn_exports_to_kz"),
    "add.year": N_("calendar year the figure covers"),
    "add.period": N_("full_year (the default) or year_to_date"),
    "add.months": N_("months covered: 12 for a full year (the default then), 1-11 for "
                     "January to month N"),
    "add.value_musd": N_("value in US$ million, such as 74.0"),
    "add.yoy_change_pct": N_("change on the same months of the previous year in percent, "
                             "such as 3.6 (optional)"),
    "add.precision": N_("exact (the default) or approximate"),
    "add.reporter": N_("body that reported the figure"),
    "add.reporter_kind": N_("statistics_office, customs, government, business_association "
                            "or other"),
    "add.reporting_country": N_("KZ or MN: the side whose figures these are (optional)"),
    "add.outlet": N_("outlet that published it (optional)"),
    "add.published": N_("publication date, YYYY-MM-DD (optional)"),
    "add.note": N_("short note in your own words (optional)"),
    "add.from": N_("append every row of a reviewed candidates file (made by extract --csv) "
                   "instead of one row from the options; its sentence, file, confidence and "
                   "status columns are ignored"),
    "extract": N_("list the Kazakhstan–Mongolia trade figures of news articles as candidate "
                  "rows for the data file"),
    "extract.files": N_("articles to read: text files, saved web pages (.html, .htm), or - "
                        "for standard input"),
    "extract.json": N_("print a JSON list: the data file's columns, then file, sentence, "
                       "confidence and status"),
    "extract.csv": N_("print CSV: the data file's columns, then sentence, file, confidence "
                      "and status, ready for add --from"),
    "extract.data": N_("citations file the figures are checked against (default: the "
                       "bundled data)"),
}


def help_text(w: Wording, key: str) -> str:
    """The ``--help`` text ``key`` of ``HELP``, ready for argparse (a '%' doubled)."""
    return w.gettext(HELP[key]).replace("%", "%%")


def control_help(w: Wording, control: Control) -> str:
    """A scenario option's ``--help`` text, from the control's declaration."""
    return w.gettext(control.help).replace("%", "%%")


def lang_help(w: Wording, languages: str) -> str:
    """``--lang``'s help; ``languages`` lists the codes with each language's own name."""
    return w.gettext("language of the text: %(languages)s; default en",
                     languages=languages).replace("%", "%%")


# argparse's own words: the usage line, the two sections and the -h option.
def usage_prefix(w: Wording) -> str:
    return w.gettext("usage:") + " "


def positionals_title(w: Wording) -> str:
    return w.gettext("positional arguments")


def options_title(w: Wording) -> str:
    return w.gettext("options")


def help_option(w: Wording) -> str:
    return w.gettext("show this help message and exit")

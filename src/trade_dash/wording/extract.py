"""The sentences of ``trade-dash extract`` and ``trade-dash add --from``: why an
article cannot be read (``extract.ArticleError`` codes), the readable table of
candidates in the reader's language, and what ``add --from`` reports; and the words of
the page's "Check an article" panel.

Citation text found in an article (the sentence, the outlet, the reporter's name) is
shown as written; what the product says about it is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from trade_dash.domain.extract.article import Article, ArticleError
from trade_dash.domain.extract.record import Candidate
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording

ARTICLE_ERRORS: dict[str, Callable[[Wording, Mapping[str, Any]], str]] = {
    "not_found": lambda w, v: w.gettext("there is no such file"),
    "is_folder": lambda w, v: w.gettext("this is a folder; give the article's file"),
    "unreadable": lambda w, v: w.gettext("the file cannot be read (%(reason)s)",
                                         reason=v["reason"]),
    "too_large": lambda w, v: w.gettext(
        "the file is larger than %(size)s MB; save only the article's page or text",
        size=w.integer(int(v["limit"]) // (1024 * 1024))),
    "binary": lambda w, v: w.gettext(
        "this is not text (a binary file); give a .txt file or a web page saved as .html"),
    "encoding": lambda w, v: w.gettext(
        "the text is not in UTF-8, nor in a character set the page declares; save it as "
        "UTF-8"),
    "empty": lambda w, v: w.gettext("the file is empty: there is no article to read"),
    "no_text": lambda w, v: w.gettext(
        "the page has no readable text, only markup or scripts (scripts are never run)"),
}


def article_error(w: Wording, err: ArticleError) -> str:
    """Why an article cannot be read, after its file name."""
    return w.gettext("%(file)s: %(reason)s", file=err.file,
                     reason=ARTICLE_ERRORS[err.code](w, err.params))


# --- the table ---------------------------------------------------------------------


def table(w: Wording, articles: Sequence[Article], found: Sequence[Candidate]) -> str:
    """Every article's candidates, each as a headline line (flow, period, amount, status)
    and labelled lines for its source, its publication, confidence and sentence."""
    blocks = []
    for article in articles:
        mine = [c for c in found if c.file == article.file]
        if not mine:
            blocks.append(w.gettext("%(file)s: no Kazakhstan–Mongolia trade figure found",
                                    file=article.file))
            continue
        lines = [w.ngettext("%(file)s: %(count)s candidate", "%(file)s: %(count)s candidates",
                            len(mine), file=article.file, count=w.integer(len(mine)))]
        for number, c in enumerate(mine, start=1):
            lines.append(f"  {number}. {headline(w, c)} — {status(w, c)}")
            items = [
                (w.gettext("Citation id"), c.citation_id),
                (w.gettext("Source"), source(w, c)),
                (w.gettext("Published"), published(w, c)),
                (w.gettext("Confidence"), w.number(c.confidence, 2)),
                (w.gettext("Sentence"), f"“{c.sentence}”"),
            ]
            width = max(len(label) for label, _ in items)
            lines += [f"     {label:<{width}}  {value}" for label, value in items]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def headline(w: Wording, c: Candidate) -> str:
    """'Turnover, Jan – Jul 2025: US$ 74 million, +3.6% on a year earlier'."""
    amount = w.money(c.value_musd, 3)
    if c.precision == "approximate":
        amount = w.gettext("about %(amount)s", amount=amount)
    flow = w.label("flow", c.flow)
    period = (w.gettext("year not given") if c.year is None
              else w.period_label(c.year, c.months))
    if c.measure == "target":
        text = w.gettext("Target for %(period)s (%(flow)s): %(amount)s", period=period,
                         flow=flow, amount=amount)
    else:
        text = w.gettext("%(flow)s, %(period)s: %(amount)s", flow=flow, period=period,
                         amount=amount)
    if c.yoy_change_pct is not None and c.months == 12:
        text = w.gettext("%(figure)s, %(change)s on the year before", figure=text,
                         change=w.growth(c.yoy_change_pct))
    elif c.yoy_change_pct is not None:
        text = w.gettext("%(figure)s, %(change)s on the same months a year earlier",
                         figure=text, change=w.growth(c.yoy_change_pct))
    return text


def status(w: Wording, c: Candidate) -> str:
    lines = ", ".join(str(n) for n in c.status_lines)
    if c.status == "known":
        return w.gettext("already in the data (line %(lines)s)", lines=lines)
    if c.status == "conflicts":
        return w.gettext("differs by more than 5 %% from the data (line %(lines)s)",
                         lines=lines)
    return w.gettext("new")


def source(w: Wording, c: Candidate) -> str:
    if not c.reporter:
        return w.gettext("not named in the text")
    kind = w.label("reporter_kind", c.reporter_kind)
    if c.reporting_country:
        return w.gettext("%(reporter)s (%(kind)s, %(side)s)", reporter=c.reporter, kind=kind,
                         side=c.reporting_country)
    return w.gettext("%(reporter)s (%(kind)s)", reporter=c.reporter, kind=kind)


def published(w: Wording, c: Candidate) -> str:
    outlet = c.outlet or w.gettext("outlet not given")
    if not c.published:
        return w.gettext("%(outlet)s, date not given", outlet=outlet)
    return w.gettext("%(outlet)s, %(date)s", outlet=outlet, date=w.date(c.published))


# --- add --from ----------------------------------------------------------------------


def added_rows(w: Wording, lines: Sequence[int], path: str) -> str:
    """What ``add --from`` appended, and where."""
    if len(lines) == 1:
        return w.gettext("trade-dash: added one citation to %(path)s (line %(line)s)",
                         path=path, line=str(lines[0]))
    return w.ngettext(
        "trade-dash: added %(count)s citation to %(path)s (lines %(first)s–%(last)s)",
        "trade-dash: added %(count)s citations to %(path)s (lines %(first)s–%(last)s)",
        len(lines), count=w.integer(len(lines)), path=path, first=str(lines[0]),
        last=str(lines[-1]))


def from_alone(w: Wording, options: Sequence[str]) -> str:
    return w.gettext("--from takes every column from the candidates file; leave out "
                     "%(options)s", options=", ".join(options))


# --- the page's "Check an article" panel ----------------------------------------------

# The panel's fixed words, by use.
PANEL_TEXT = {
    "heading": NP_("article panel", "Check an article"),
    "label": NP_("article panel", "Article text"),
    "check": NP_("article panel", "Check"),
    "download": NP_("article panel", "Download candidates (CSV)"),
    "results": NP_("article panel", "Candidates found in the article"),
}
# What the panel says of each candidate, in the order shown.
CANDIDATE_LABELS = {
    "measure": NP_("candidate", "Measure"),
    "flow": NP_("candidate", "Flow"),
    "period": NP_("candidate", "Period"),
    "value": NP_("candidate", "Value"),
    "change": NP_("candidate", "Change on a year earlier"),
    "precision": NP_("candidate", "Precision"),
    "reporter": NP_("candidate", "Reported by"),
    "status": NP_("candidate", "Status against the data shown"),
    "citation_id": NP_("candidate", "Suggested citation id"),
}


# The command that adds reviewed candidates, named in the panel's help (as code).
ADD_FROM = "trade-dash add --from"
_COMMAND = "\x00"  # where the command goes in the help's translated sentence


def panel_help(w: Wording, limit: int, today: str) -> tuple[str, str, str]:
    """What the panel does, under its text box: ``limit`` in bytes, ``today`` as
    ``YYYY-MM-DD``. In three parts, the command between the words before and after it,
    so that the page can show it as code."""
    text = w.gettext(
        "Paste the text of a news article, at most %(size)s KB, and press Check. Each "
        "Kazakhstan–Mongolia trade figure found is listed with the sentence it comes from "
        "and compared with the data on this page. “Last year” and “this year” are counted "
        "from today's date, %(today)s; the publication date is left empty for you to fill "
        "in. Nothing is added to the data: download the candidates, review them and add "
        "them with %(command)s.",
        size=w.integer(limit // 1024), today=w.date(today), command=_COMMAND)
    before, _, after = text.partition(_COMMAND)
    return before, ADD_FROM, after


def pasted_error(w: Wording, err: ArticleError) -> str:
    """Why a pasted article was not checked (``ArticleError`` codes ``too_large`` and
    ``empty``)."""
    if err.code == "too_large":
        return pasted_too_large(w, int(err.params["limit"]))
    return w.gettext("The box is empty: paste an article's text, then press Check.")


def pasted_too_large(w: Wording, limit: int) -> str:
    """A pasted text over ``limit`` bytes: said by the server, and by the page's script
    before it sends the text at all."""
    return w.gettext(
        "The text is larger than %(size)s KB, so nothing was checked. Paste the article "
        "alone, or save it to a file and run trade-dash extract on it.",
        size=w.integer(limit // 1024))


def candidates_found(w: Wording, count: int) -> str:
    """The panel's result, announced to screen readers."""
    if count == 0:
        return w.gettext("No Kazakhstan–Mongolia trade figure found in the text.")
    return w.ngettext("%(count)s candidate found.", "%(count)s candidates found.", count,
                      count=w.integer(count))


def candidate_fields(w: Wording, c: Candidate) -> list[tuple[str, str]]:
    """A candidate's fields as the panel lists them: (label, value), the change only
    when the article gives one."""
    labels = {key: w.pgettext("candidate", msg) for key, msg in CANDIDATE_LABELS.items()}
    period = (w.gettext("year not given") if c.year is None
              else w.period_label(c.year, c.months))
    fields = [
        ("measure", w.label("measure", c.measure)),
        ("flow", w.label("flow", c.flow)),
        ("period", period),
        ("value", w.money(c.value_musd, 3)),
        ("change", None if c.yoy_change_pct is None else w.growth(c.yoy_change_pct)),
        ("precision", w.label("precision", c.precision)),
        ("reporter", source(w, c)),
        ("status", status(w, c)),
        ("citation_id", c.citation_id),
    ]
    return [(labels[key], value) for key, value in fields if value is not None]

"""The sentences of ``trade-dash extract`` and ``trade-dash add --from``: why an
article cannot be read (``extract.ArticleError`` codes), the readable table of
candidates in the reader's language, and what ``add --from`` reports.

Citation text found in an article (the sentence, the outlet, the reporter's name) is
shown as written; what the product says about it is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from trade_dash.domain.extract.article import Article, ArticleError
from trade_dash.domain.extract.record import Candidate
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

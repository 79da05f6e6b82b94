"""The sentences of error messages meant for users: what is wrong with a data file
(``data.Problem``), why a scenario cannot be computed (``model.ScenarioError``) or an
export made (``export.ExportError``), and bad values on the command line or in an
export's address.

The logic modules raise codes with their values; each function here takes the
reader's ``Wording`` first and words them. Every code has a sentence: ``PROBLEMS``,
``SCENARIO_ERRORS`` and ``EXPORT_ERRORS`` map each code to its wording, and a test
checks them against the codes the logic modules declare.

Examples inside the sentences (``76.7``, ``YYYY-MM-DD``, ``full_year``) are what the
data file must contain, so they stay as written in every language: a translation
says "a point as decimal mark" and keeps ``76.7``, even where the language writes 76,7.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from babel import numbers

from trade_dash.config import ConfigError
from trade_dash.domain.codes import CodedError
from trade_dash.domain.model import ScenarioError
from trade_dash.domain.problems import DataFileError, Problem
from trade_dash.wording.catalogs import N_
from trade_dash.wording.core import Wording


def _list(items: Sequence[object]) -> str:
    # Codes (column names, allowed values) are what the user types: never translated.
    return ", ".join(str(i) for i in items)


def _g(w: Wording, x: float) -> str:
    """A limit as Python's ``:g`` writes it, with the reader's decimal mark."""
    return f"{x:g}".replace(".", numbers.get_decimal_symbol(w.locale))


def _given(w: Wording, value: object) -> str:
    """A value the user gave, shown as Python's ``repr`` (quotes around text, so an empty
    or blank value is visible), numbers with the reader's decimal mark."""
    if isinstance(value, float) and math.isfinite(value):
        return repr(value).replace(".", numbers.get_decimal_symbol(w.locale))
    return repr(value)


def _rate(w: Wording, rate: float) -> str:
    """A growth rate given as a fraction, in percent; one too large to write out (1e308)
    as given."""
    pct = rate * 100
    return w.percent(pct, 2) if math.isfinite(pct) and abs(pct) < 1e15 else _given(w, rate)


# --- the data file -------------------------------------------------------------------


# What was expected, by problem code; each takes the problem's values.
PROBLEMS: dict[str, Callable[[Wording, Mapping[str, Any]], str]] = {
    "not_found": lambda w, v: w.gettext("an existing CSV file (not found)"),
    "is_folder": lambda w, v: w.gettext("a CSV file, not a folder"),
    "unreadable": lambda w, v: w.gettext("a readable file (%(reason)s)", reason=v["reason"]),
    "not_utf8": lambda w, v: w.gettext("text encoded as UTF-8"),
    "no_header": lambda w, v: w.gettext("a header line naming the columns %(columns)s",
                                        columns=_list(v["columns"])),
    "bad_csv": lambda w, v: w.gettext("well-formed CSV (%(reason)s)", reason=v["reason"]),
    "wrong_separator": lambda w, v: (
        w.gettext("columns separated by commas, not by tab") if v["separator"] == "\t"
        else w.gettext("columns separated by commas, not by %(separator)s",
                       separator=repr(v["separator"]))),
    "duplicate_column": lambda w, v: w.gettext("each column named once"),
    "unknown_column": lambda w, v: (
        w.gettext("only the columns %(columns)s; did you mean '%(suggestion)s'?",
                  columns=_list(v["columns"]), suggestion=v["suggestion"]) if v["suggestion"]
        else w.gettext("only the columns %(columns)s", columns=_list(v["columns"]))),
    "missing_column": lambda w, v: w.gettext("a column named '%(name)s' (it is missing)",
                                             name=v["name"]),
    "no_rows": lambda w, v: w.gettext("at least one data row after the header"),
    "field_count": lambda w, v: w.ngettext(
        "%(expected)s comma-separated field (found %(found)s)",
        "%(expected)s comma-separated fields (found %(found)s)",
        int(v["expected"]), expected=v["expected"], found=v["found"]),
    "no_headline_row": lambda w, v: w.gettext(
        "at least one actual turnover row for a full_year (the headline series and the "
        "scenario base need one)"),
    "duplicate_row": lambda w, v: w.gettext(
        "no exact duplicate rows (this row repeats line %(line)s)", line=v["first_line"]),
    "duplicate_id": lambda w, v: w.gettext(
        "a citation_id used only once (already used on line %(line)s)", line=v["first_line"]),
    "duplicate_row_in_data": lambda w, v: w.gettext(
        "a row that %(path)s does not have yet (this row repeats its line %(line)s)",
        path=v["path"], line=v["first_line"]),
    "duplicate_id_in_data": lambda w, v: w.gettext(
        "a citation_id that %(path)s does not use yet (already used on its line %(line)s)",
        path=v["path"], line=v["first_line"]),
    "bad_id": lambda w, v: w.ngettext(
        "an identifier of letters, digits, '-', '_' or '.' (at most %(max)s character)",
        "an identifier of letters, digits, '-', '_' or '.' (at most %(max)s characters)",
        int(v["max_length"]), max=w.integer(v["max_length"])),
    "not_one_of": lambda w, v: w.gettext("one of %(choices)s", choices=_list(v["choices"])),
    "bad_year": lambda w, v: w.gettext("a whole year from %(low)s to %(high)s, such as 2023",
                                       low=w.year(v["low"]), high=w.year(v["high"])),
    "bad_months": lambda w, v: w.gettext("a whole number of months from 1 to 12"),
    "value_empty": lambda w, v: w.gettext(
        "a number of US$ million, such as 76.7 (the cell is empty)"),
    "value_with_unit": lambda w, v: w.gettext(
        "a plain number of US$ million such as 76.7, without currency sign or unit"),
    "value_grouped": lambda w, v: w.gettext(
        "a plain number such as 1234.5, without thousands separators"),
    "value_decimal_comma": lambda w, v: w.gettext(
        "a number with a point as decimal mark, such as 76.7"),
    "value_not_finite": lambda w, v: w.gettext("a finite number of US$ million, such as 76.7"),
    "value_negative": lambda w, v: w.gettext(
        "a positive number of US$ million (turnover cannot be negative)"),
    "value_out_of_range": lambda w, v: w.gettext(
        "a number greater than 0 and at most %(high)s", high=w.integer(int(v["high"]))),
    "value_not_number": lambda w, v: w.gettext("a number of US$ million, such as 76.7"),
    "bad_change": lambda w, v: w.gettext(
        "the change on the same months of the previous year in percent, a plain number "
        "above -100 such as 3.6 or -12.5, or empty"),
    "reporter_empty": lambda w, v: w.gettext("the body that reported the figure (not empty)"),
    "bad_text": lambda w, v: w.ngettext(
        "text of at most %(max)s character, without control characters",
        "text of at most %(max)s characters, without control characters",
        int(v["max_length"]), max=w.integer(v["max_length"])),
    "bad_side": lambda w, v: w.gettext(
        "KZ (Kazakhstan) or MN (Mongolia), the ISO 3166 code of the side whose figures "
        "these are, or empty when it is not known"),
    "bad_date": lambda w, v: w.gettext("a date as YYYY-MM-DD, or empty when unknown"),
    "months_period": lambda w, v: w.gettext(
        "12 for a full_year period, or 1 to 11 for a year_to_date period (January to "
        "month N)"),
    "published_too_early": lambda w, v: w.gettext(
        "for an actual figure, a publication date after the end of the period it covers"),
    "actual_in_future": lambda w, v: w.gettext(
        "a year not after the current one for an actual figure"),
    "target_not_annual": lambda w, v: w.gettext(
        "full_year for a target (targets are annual amounts)"),
    "change_on_target": lambda w, v: w.gettext(
        "empty for a target (a change on last year belongs to an actual figure)"),
}


def expected(w: Wording, p: Problem) -> str:
    """What the data file should have had where ``p`` is."""
    return PROBLEMS[p.code](w, p.args)


def problem(w: Wording, p: Problem, path: str) -> str:
    """One problem: "path, line N, column 'c': got 'v': expected …"."""
    where = path if p.line is None else w.gettext("%(path)s, line %(line)s", path=path,
                                                  line=str(p.line))
    if p.column:
        where = w.gettext("%(where)s, column '%(column)s'", where=where, column=p.column)
    if p.value is None:
        return w.gettext("%(where)s: expected %(expected)s", where=where,
                         expected=expected(w, p))
    return w.gettext("%(where)s: got %(value)s: expected %(expected)s", where=where,
                     value=repr(p.value), expected=expected(w, p))


def data_file_error(w: Wording, err: DataFileError) -> str:
    """The count of problems, then each on its own indented line."""
    count = len(err.problems)
    head = w.ngettext("%(path)s: %(count)s problem found", "%(path)s: %(count)s problems found",
                      count, path=err.path, count=str(count))
    return "\n".join([head, *(f"  {problem(w, p, err.path)}" for p in err.problems)])


def invalid_data(w: Wording, err: DataFileError) -> str:
    """The command line's report of a data file it cannot use."""
    return w.gettext("trade-dash: invalid data") + "\n" + data_file_error(w, err)


# --- scenarios -------------------------------------------------------------------------


def _range(what: str) -> Callable[[Wording, Mapping[str, Any]], str]:
    # One sentence per control, so a translation can inflect the control's name.
    return lambda w, v: w.gettext(what, low=_g(w, v["low"]), high=_g(w, v["high"]),
                                  value=_given(w, v["value"]))


SCENARIO_ERRORS: dict[str, Callable[[Wording, Mapping[str, Any]], str]] = {
    "not_positive": lambda w, v: w.gettext(
        "%(quantity)s must be a positive finite number, got %(value)s",
        quantity=w.label("quantity", v["quantity"]),
        value=_given(w, v["value"])),
    "months_range": lambda w, v: w.gettext(
        "months must be a whole number from 1 to 11, got %(value)s", value=_given(w, v["value"])),
    "rate_not_finite": lambda w, v: w.gettext(
        "growth rate must be a finite number, got %(value)s", value=_given(w, v["value"])),
    "rate_range": lambda w, v: w.gettext(
        "growth rate must be between %(low)s and %(high)s a year, got %(value)s",
        low=w.percent(v["low"] * 100, 0), high=w.percent(v["high"] * 100, 0),
        value=_rate(w, v["value"])),
    "seasonal_share_over": lambda w, v: w.gettext(
        "previous year's same-period value exceeds its full-year value (%(part)s > "
        "%(full)s); the seasonal share would exceed 100 %%",
        part=_given(w, v["part"]), full=_given(w, v["full"])),
    "change_not_finite": lambda w, v: w.gettext(
        "year-on-year change must be a finite number, got %(value)s",
        value=_given(w, v["value"])),
    "change_range": lambda w, v: w.gettext(
        "year-on-year change must be above -100 %%, got %(value)s %%", value=_g(w, v["value"])),
    "yoy_below_ytd": lambda w, v: w.gettext(
        "the year-on-year estimate %(estimate)s is below the year-to-date figure %(value)s",
        estimate=w.number(v["estimate"], 2), value=_g(w, v["value"])),
    "end_not_after_start": lambda w, v: w.gettext(
        "end year %(end)s must be after start year %(start)s", end=v["end_year"],
        start=v["start_year"]),
    "last_before_base": lambda w, v: w.gettext(
        "last year %(last)s is before base year %(base)s", last=v["last_year"],
        base=v["base_year"]),
    "horizon_too_long": lambda w, v: w.ngettext(
        "projection limited to %(years)s year", "projection limited to %(years)s years",
        int(v["years"]), years=w.integer(v["years"])),
    "target_year_not_after_base": lambda w, v: w.gettext(
        "target year %(year)s must be after the base year %(base)s", year=v["target_year"],
        base=v["base_year"]),
    "no_full_year_base": lambda w, v: w.gettext(
        "the data has no full-year figure to use as a base"),
    "reporter_unknown": lambda w, v: w.gettext(
        "reporter must be one of %(choices)s, got %(value)s", choices=_list(v["choices"]),
        value=_given(w, v["value"])),
    "reporter_not_in_data": lambda w, v: w.gettext(
        "the data has no full-year turnover figure reported by %(reporter)s; choose one of "
        "%(choices)s", reporter=v["reporter"], choices=_list(v["choices"])),
    "reporter_option_not_in_data": lambda w, v: w.gettext(
        "--reporter %(reporter)s: the data has no full-year turnover figure from "
        "%(reporter)s; choose one of %(choices)s", reporter=v["reporter"],
        choices=_list(v["choices"])),
    "base_unknown": lambda w, v: w.gettext(
        "base must be one of %(choices)s, got %(value)s", choices=_list(v["choices"]),
        value=_given(w, v["value"])),
    "method_unknown": lambda w, v: w.gettext(
        "method must be one of %(choices)s, got %(value)s", choices=_list(v["choices"]),
        value=_given(w, v["value"])),
    "growth_range": _range(N_("growth must be a number from %(low)s to %(high)s, got %(value)s")),
    "target_range": _range(N_("target must be a number from %(low)s to %(high)s, got %(value)s")),
    "band_range": _range(N_("band must be a number from %(low)s to %(high)s, got %(value)s")),
    "target_year_range": lambda w, v: w.gettext(
        "target year must be after the base year %(base)s and at most %(horizon)s, got "
        "%(value)s", base=v["base_year"], horizon=v["horizon"], value=v["value"]),
}


def scenario_error(w: Wording, err: ScenarioError) -> str:
    """Why the scenario cannot be computed."""
    return SCENARIO_ERRORS[err.code](w, err.params)


# --- values typed on the command line or in an address ---------------------------------


def not_percent(w: Wording, text: str) -> str:
    return w.gettext("expected a number of percent, got %(value)s", value=repr(text))


def not_number(w: Wording, text: str) -> str:
    return w.gettext("expected a number, got %(value)s", value=repr(text))


def command_error(w: Wording, reason: str) -> str:
    """A message the command prints before giving up: prefixed with the command's name."""
    return w.gettext("trade-dash: %(reason)s", reason=reason)


# argparse words its own errors in English; these are the ones a reader meets (an option
# left out or misspelt, a choice not offered, a value missing or not a whole number),
# recognised by argparse's English wording and said again in the reader's language.
# Anything else is shown as argparse gives it.
_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], Callable[[Wording, dict[str, str]], str]], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"),
     lambda w, v: w.gettext("the following arguments are required: %(names)s", **v)),
    (re.compile(r"one of the arguments (?P<names>.+) is required"),
     lambda w, v: w.gettext("one of the arguments %(names)s is required", **v)),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"),
     lambda w, v: w.gettext("unrecognized arguments: %(args)s", **v)),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
     lambda w, v: w.gettext("ambiguous option: %(option)s could match %(matches)s", **v)),
)
_ARGUMENT_ERRORS: tuple[tuple[re.Pattern[str], Callable[[Wording, dict[str, str]], str]], ...] = (
    (re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"),
     lambda w, v: w.gettext("invalid choice: %(value)s (choose from %(choices)s)", **v)),
    (re.compile(r"expected one argument"),
     lambda w, v: w.gettext("expected one argument")),
    (re.compile(r"invalid int value: (?P<value>.+)"),
     lambda w, v: w.gettext("expected a whole number, got %(value)s", **v)),
    (re.compile(r"not allowed with argument (?P<other>.+)"),
     lambda w, v: w.gettext("not allowed with argument %(other)s", **v)),
    (re.compile(r"ignored explicit argument (?P<value>.+)"),
     lambda w, v: w.gettext("ignored explicit argument %(value)s", **v)),
)
_ARGUMENT = re.compile(r"argument (?P<name>\S+): (?P<message>.+)", re.S)


def _reword(w: Wording, message: str,
            patterns: Sequence[tuple[re.Pattern[str], Callable[[Wording, dict[str, str]], str]]]
            ) -> str:
    for pattern, say in patterns:
        if found := pattern.fullmatch(message):
            return say(w, found.groupdict())
    return message


def usage_error(w: Wording, prog: str, message: str) -> str:
    """argparse's error line (``trade-dash summary: error: ...``) in the reader's language.
    ``message`` is argparse's; a message of our own (``not_number``) is already worded."""
    if argument := _ARGUMENT.fullmatch(message):
        message = w.gettext("argument %(name)s: %(reason)s", name=argument["name"],
                            reason=_reword(w, argument["message"], _ARGUMENT_ERRORS))
    else:
        message = _reword(w, message, _ARGPARSE_ERRORS)
    return w.gettext("%(prog)s: error: %(reason)s", prog=prog, reason=message)


def param_repeated(w: Wording, name: str, count: int) -> str:
    return w.ngettext("'%(name)s' was given %(count)s time.", "'%(name)s' was given "
                      "%(count)s times.", count, name=name, count=w.integer(count))


def param_not_one_of(w: Wording, name: str, value: str, choices: Sequence[str]) -> str:
    return w.gettext("'%(name)s=%(value)s' is not one of %(choices)s.", name=name, value=value,
                     choices=_list(choices))


def address_not_valid(w: Wording, problems: Sequence[str]) -> str:
    """An export refused: every problem of its address, one a line."""
    lines = "\n".join(f"- {p}" for p in problems)
    return w.gettext("The address is not valid:") + "\n" + lines


def scenario_not_valid(w: Wording, reason: str) -> str:
    return w.gettext("The scenario in the address is not valid: %(reason)s", reason=reason)


def no_such_chart(w: Wording, names: Sequence[str]) -> str:
    return w.gettext("No such export: the charts are %(names)s.", names=_list(names))


def no_such_chart_format(w: Wording, name: str, formats: Sequence[str]) -> str:
    return w.gettext("No such export: the %(name)s chart comes as %(formats)s.", name=name,
                     formats=_list(formats))


def no_such_briefing_format(w: Wording, formats: Sequence[str]) -> str:
    return w.gettext("No such export: the briefing comes as %(formats)s.",
                     formats=_list(formats))


# --- static exports --------------------------------------------------------------------


def _install(w: Wording) -> str:
    return w.gettext("install Debian's `chromium` package (apt-get install chromium) or set "
                     "TRADE_DASH_BROWSER to a Chromium or Chrome executable")


EXPORT_ERRORS: dict[str, Callable[[Wording, Mapping[str, Any]], str]] = {
    "no_browser_at": lambda w, v: w.gettext(
        "Static export needs Chromium: there is no browser executable at %(path)s "
        "(TRADE_DASH_BROWSER); %(hint)s.", path=repr(v["path"]), hint=_install(w)),
    "no_browser_found": lambda w, v: w.gettext(
        "Static export needs Chromium: none was found on PATH; %(hint)s.", hint=_install(w)),
    "browser_unusable": lambda w, v: w.gettext(
        "Static export needs Chromium: %(path)s cannot be used; %(hint)s.", path=v["path"],
        hint=_install(w)),
    "browser_slow_start": lambda w, v: w.gettext(
        "Static export needs a working Chromium: %(path)s: it did not start within "
        "%(seconds)s s; %(hint)s.", path=v["path"], seconds=_g(w, v["seconds"]),
        hint=_install(w)),
    "browser_failed": lambda w, v: w.gettext(
        "Static export needs a working Chromium: %(path)s: it could not be started "
        "(%(reason)s); %(hint)s.", path=v["path"], reason=v["reason"], hint=_install(w)),
    "busy": lambda w, v: w.gettext(
        "The exporter is busy with other exports; try again in a moment."),
    "render_timeout": lambda w, v: w.gettext(
        "Rendering the %(format)s took longer than %(seconds)s s and was stopped; try again.",
        format=v["format"], seconds=_g(w, v["seconds"])),
    "render_failed": lambda w, v: w.gettext(
        "Rendering the %(format)s failed (%(reason)s).", format=v["format"],
        reason=v["reason"]),
}


def export_error(w: Wording, err: CodedError) -> str:
    """Why an export could not be made (the browser's own words, if any, as it gave them)."""
    return EXPORT_ERRORS[err.code](w, err.params)


# --- settings and HTTP answers ------------------------------------------------------------


def config_error(w: Wording, err: ConfigError) -> str:
    """A setting from the environment that cannot be used; the variable (and option) is
    named as the operator types it."""
    if err.code == "not_a_number":
        return w.gettext("%(setting)s must be a number, got %(value)s", setting=err.where,
                         value=_given(w, err.value))
    return w.gettext("%(setting)s must be from %(low)s to %(high)s, got %(value)s",
                     setting=err.where, low=_g(w, err.low), high=_g(w, err.high),
                     value=_given(w, err.value))


def http_answer(w: Wording, status: int) -> str:
    """The short page the server answers a request it refuses or cannot complete with."""
    reasons = {
        400: w.gettext("The page sent a request this server cannot use. Reload the page and "
                       "try again."),
        404: w.gettext("There is nothing at this address."),
        413: w.gettext("The request is larger than this server accepts."),
        414: w.gettext("The address is too long for this server. Open the dashboard from its "
                       "start page and choose the scenario there again."),
        500: w.gettext("The request could not be completed because of an error on the "
                       "server. Try again later."),
    }
    reason = reasons.get(status) or w.gettext("This server cannot answer the request.")
    return w.gettext("Error %(code)s. %(reason)s", code=str(status), reason=reason)

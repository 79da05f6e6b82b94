"""Sentences about what the data and the scenario layer report: reporting sides, data
freshness and notices (fall-backs applied to a request). Each takes the reader's
``Wording``; every message is in the catalogs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from babel import numbers

from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT
from trade_dash.domain.dataset import freshness
from trade_dash.domain.normalise import ANY
from trade_dash.domain.notices import Notice
from trade_dash.domain.records import (
    FEWER_THAN_TWO_FULL_YEARS,
    NO_CHANGE_OR_SAME_MONTHS,
    NO_LAST_YEAR_TOTAL,
    READER_CHOICE,
    REQUESTED_UNAVAILABLE,
    SAME_MONTHS_LAST_YEAR,
    STATED_CHANGE,
    DefaultGrowth,
    Published,
    YearToDate,
)
from trade_dash.domain.stated_changes import StatedChangeCheck
from trade_dash.domain.summary import Summary
from trade_dash.wording import vocabulary
from trade_dash.wording.catalogs import N_
from trade_dash.wording.core import Wording

# Each annualisation method named inside a sentence (the scenario line, notices).
# What in the data made a method the default (``records.DEFAULT_REASONS``), as evidence.
DEFAULT_EVIDENCE = {
    STATED_CHANGE: N_("The source states the year-to-date change on the same months of last "
                      "year, and last year's total is cited by the same side."),
    SAME_MONTHS_LAST_YEAR: N_("Last year's total and its figure for the same months are cited "
                              "by the same side; no change on last year that could be used "
                              "is stated."),
    NO_LAST_YEAR_TOTAL: N_("Last year has no full-year figure from the same reporting side."),
    NO_CHANGE_OR_SAME_MONTHS: N_("Last year's total is cited, but neither a change on the same "
                                 "months of last year nor last year's figure for those months "
                                 "can be used."),
}


def method_text(w: Wording, ytd: YearToDate) -> str:
    """How the year-to-date figure became a full-year estimate, with its numbers (also the
    ``method_description`` of ``summary --json``)."""
    months, method = ytd.months, ytd.method
    if method == model.SEASONAL:
        share = 100 * ytd.value_musd / ytd.annualised_musd
        return w.gettext("seasonal share: year to date ÷ %(share)s (last year's share of its "
                         "full year reached by the same month)", share=w.percent(share))
    if method == model.YOY:
        return w.gettext("year-on-year: last full year × (1 %(change)s), the change on the "
                         "same months of last year",
                         change=w.growth(ytd.yoy_change_pct or 0.0, 1))
    return w.gettext("pro-rata: year to date × 12/%(months)s", months=w.integer(months))


def method_name(w: Wording, method: str) -> str:
    """A method's name inside a sentence: 'year-on-year change'."""
    return w.pgettext("scenario method", vocabulary.METHOD_PHRASES[method])


def method_reason_text(w: Wording, ytd: YearToDate) -> str:
    """Which method made the estimate and why: the data's default with the evidence for it,
    or the reader's choice (or a fall-back from it) with the default named beside it."""
    default = method_name(w, ytd.default_method)
    if ytd.method_reason == READER_CHOICE:
        lead = w.gettext("Chosen in the settings: %(method)s; the default for these figures "
                         "is %(default)s.", method=method_name(w, ytd.method), default=default)
    elif ytd.method_reason == REQUESTED_UNAVAILABLE:
        lead = w.gettext("The method asked for cannot be used with these figures, so "
                         "pro-rata was used; the default for these figures is %(default)s.",
                         default=default)
    else:
        lead = w.gettext("The default for these figures is %(method)s.", method=default)
    evidence = DEFAULT_EVIDENCE.get(ytd.default_reason)
    return f"{lead} {w.gettext(evidence)}" if evidence else lead


def stated_change_text(w: Wording, c: StatedChangeCheck) -> str:
    """A stated change the figures contradict: both lines, both values and both changes
    (``validate``'s warning, ``summary``'s note)."""
    period = w.period_label(c.year, c.months)
    previous = w.period_label(c.previous_year, c.months)
    return w.gettext(
        "line %(line)s (%(citation)s): %(value)s for %(period)s is stated as %(stated)s on "
        "%(previous_period)s, but %(previous)s for %(previous_period)s on line "
        "%(previous_line)s (%(previous_citation)s) gives %(figures)s; the stated change "
        "would make %(period)s %(implied)s.",
        line=w.integer(c.line), citation=c.citation_id, value=w.money(c.value_musd, 2),
        period=period, stated=w.growth(c.stated_pct), previous_period=previous,
        previous=w.money(c.previous_value_musd, 2), previous_line=w.integer(c.previous_line),
        previous_citation=c.previous_citation_id, figures=w.growth(c.figures_pct),
        implied=w.money(c.implied_musd))


def with_stated_change_mark(w: Wording, cell: str, row: Mapping[str, object]) -> str:
    """A sources-table cell (already worded), marked when the row's stated change on the
    previous year differs from the one the figures give (``sources_rows``' check): both
    changes and the line of the previous period's figure. The page marks its "Used as"
    cell, the briefing its "Figure" cell (its "Used as" column does not wrap)."""
    if not row.get("change_differs"):
        return cell
    mark = w.gettext("stated change %(stated)s differs: the figures give %(figures)s with "
                     "line %(line)s",
                     stated=w.growth(float(row["yoy_change_pct"])),  # type: ignore[arg-type]
                     figures=w.growth(float(row["figures_pct"])),  # type: ignore[arg-type]
                     line=w.integer(int(row["previous_line"])))  # type: ignore[call-overload]
    return w.gettext("%(cell)s; %(mark)s", cell=cell, mark=mark)


def rule_text(w: Wording, superseded: int, preferred_of: int, missing: bool = False) -> str:
    """How the normalisation rule chose a year's figure, from the series' facts
    (``normalise.RULE_FACTS``), or that a ``missing`` year has none."""
    if missing:
        return w.gettext("no citation for this year; left missing")
    parts = []
    if superseded:
        parts.append(w.gettext("full-year figure supersedes the partial-year one"))
    if preferred_of > 1:
        parts.append(w.ngettext("preferred of %(count)s citation (reporting body, exactness, "
                                "newest publication)", "preferred of %(count)s citations "
                                "(reporting body, exactness, newest publication)",
                                preferred_of, count=w.integer(preferred_of)))
    if not parts:
        parts.append(w.gettext("only citation for this period"))
    return "; ".join(parts)


def default_rule(w: Wording, default: DefaultGrowth) -> str:
    """The rule that gave the default growth rate (``DefaultGrowth.basis`` and its years)."""
    if default.from_year is None or default.to_year is None:
        if default.basis == FEWER_THAN_TWO_FULL_YEARS:
            return w.gettext("no two full years are cited, so the default is %(rate)s",
                             rate=w.percent(0, 0))
        return w.gettext("no two full years from the same reporting side are cited, so the "
                         "default is %(rate)s", rate=w.percent(0, 0))
    rule = w.gettext("compound annual growth %(start)s–%(end)s, rounded to 0.1 point",
                     start=w.year(default.from_year), end=w.year(default.to_year))
    if default.unlimited_pct is not None:
        rule += " " + w.gettext("(limited to the %(lo)s to %(hi)s range)",
                                lo=w.percent(GROWTH_MIN_PCT, 0), hi=w.percent(GROWTH_MAX_PCT, 0))
    return rule


def _side_name(w: Wording, side: str) -> str:
    """'Kazakh figures (KZ)', or the unrecorded side."""
    return w.gettext(vocabulary.SIDE_NAMES.get(side, vocabulary.SIDE_NAMES[""]))


def side_text(w: Wording, s: Summary) -> str:
    """Whose books the series comes from, in a few words."""
    rs = s.reporting_side
    reporter, primary = rs.reporter, rs.primary
    if reporter == "KZ":
        return w.gettext("Kazakh figures only (KZ)")
    if reporter == "MN":
        return w.gettext("Mongolian figures only (MN)")
    if primary is None:
        return w.gettext("reporting side not recorded")
    own = _side_name(w, primary)
    return w.gettext("%(side)s, other side where none", side=own) if rs.mixed else own


def side_code_text(w: Wording, s: Summary) -> str:
    """The same in as few words as a one-line chart subtitle allows."""
    rs = s.reporting_side
    if rs.reporter != ANY:
        return w.gettext("%(side)s figures only", side=rs.reporter)
    if rs.primary is None:
        return w.gettext("side not recorded")
    if rs.mixed:
        return w.gettext("%(side)s figures, mixed sides", side=rs.primary)
    return w.gettext("%(side)s figures", side=rs.primary)


def mixed_sides_note(w: Wording, s: Summary) -> str | None:
    """Where the series mixes reporting sides, which years come from which, and what that
    means for growth rates; None when it does not."""
    rs = s.reporting_side
    if not rs.mixed:
        return None
    parts = [_years_from(w, side, years) for side, years in rs.years.items()
             if side != rs.primary]
    listed = "; ".join(parts)
    if rs.primary:
        return w.gettext(
            "Mixed reporting sides: %(side)s figures except %(years)s. Growth rates offered as "
            "presets or as the default never compare years from different sides.",
            side=rs.primary, years=listed,
        )
    return w.gettext(
        "Mixed reporting sides: years %(years)s. Growth rates offered as presets or as the "
        "default never compare years from different sides.",
        years=listed,
    )


def _years_from(w: Wording, side: str, years: Sequence[int]) -> str:
    """The years taken from ``side``; an unrecorded side has its own sentence, as the
    languages inflect "an unrecorded side" for the slot it fills."""
    listed = ", ".join(w.year(y) for y in years)
    if side in ("KZ", "MN"):
        return w.gettext("%(years)s from %(side)s", years=listed, side=side)
    return w.gettext("%(years)s from an unrecorded side", years=listed)


def freshness_text(w: Wording, latest: Published | None) -> str:
    """'latest figure published 6 Sept 2025'."""
    if latest is None:
        return w.gettext("no figure in the data carries a publication date")
    # ISO dates read the same in every language and match the data file.
    return w.gettext("latest figure published %(date)s", date=latest.latest_published)


def stale_text(w: Wording, latest: Published | None, today: dt.date,
               briefing: bool = False) -> str | None:
    """The warning for data whose newest figure is more than a year old on ``today`` (the
    day a briefing is produced, with ``briefing``). None when it is fresh."""
    fresh = freshness(latest, today)
    if fresh is None or not fresh.stale:
        return None
    date = fresh.latest_published
    if briefing:
        return w.gettext(
            "The newest figure in the data was published on %(date)s, more than a year before "
            "this briefing: newer figures may have been published since.", date=date)
    return w.gettext(
        "The newest figure in the data was published on %(date)s, more than a year before "
        "today: newer figures may have been published since.", date=date)


def _number(w: Wording, x: object) -> str:
    """A limit or value as typed in an address: no grouping, the reader's decimal mark."""
    f = float(x)  # type: ignore[arg-type]  # notice values are numbers where used here
    if f == int(f):
        return str(int(f))
    return f"{f:g}".replace(".", numbers.get_decimal_symbol(w.locale))


def notice_text(w: Wording, n: Notice) -> str:
    """A notice as a sentence in the reader's language."""
    v = n.args
    match n.code:
        case "target_assumed":
            return w.gettext("The data cites no target; the %(target)s goal of October 2024 "
                             "is assumed.", target=w.money(float(v["target"])))  # type: ignore[arg-type]  # a number
        case "seasonal_fallback":
            return w.gettext("Seasonal annualisation needs last year's full-year and "
                             "same-period figures from the same reporting side; pro-rata was "
                             "used instead.")
        case "yoy_fallback":
            return w.gettext("Year-on-year annualisation needs the year-to-date change on last "
                             "year and last year's full-year figure from the same reporting "
                             "side; pro-rata was used instead.")
        case "no_ytd_base":
            return w.gettext("No year-to-date figure after the latest full year; the latest "
                             "full year is the base.")
        case "too_many_params":
            return w.ngettext("The address has more than %(limit)s parameter; the default "
                              "scenario was used.", "The address has more than %(limit)s "
                              "parameters; the default scenario was used.",
                              int(v["limit"]), limit=w.integer(int(v["limit"])))  # type: ignore[call-overload]
        case "repeated":
            return w.ngettext("'%(key)s' was given %(count)s time; the first value was used.",
                              "'%(key)s' was given %(count)s times; the first value was used.",
                              int(v["count"]), key=v["key"], count=w.integer(int(v["count"])))  # type: ignore[call-overload]
        case "too_long":
            return w.gettext("'%(key)s' was too long and was ignored.", key=v["key"])
        case "not_a_choice":
            return w.gettext("'%(key)s=%(value)s' is not one of %(choices)s; the default was "
                             "used.", key=v["key"], value=v["value"],
                             choices=", ".join(v["choices"]))  # type: ignore[arg-type]  # texts
        case "reporter_absent":
            return w.gettext("'reporter=%(value)s': the data has no full-year turnover figure "
                             "from %(value)s; %(used)s was used.", value=v["value"],
                             used=v["used"])
        case "not_a_number":
            return w.gettext("'%(key)s=%(value)s' is not a number; the default was used.",
                             key=v["key"], value=v["value"])
        case "not_whole_year":
            return w.gettext("'%(key)s=%(value)s' is not a whole year; %(used)s was used.",
                             key=v["key"], value=v["value"], used=v["used"])
        case "out_of_range":
            return w.gettext("'%(key)s=%(value)s' is outside %(lo)s–%(hi)s; %(used)s was used.",
                             key=v["key"], value=v["value"], lo=_number(w, v["lo"]),
                             hi=_number(w, v["hi"]), used=_number(w, v["used"]))
        case "estimate_contradicts_source":
            return _contradiction_text(w, v)
        case "target_year_moved":
            return w.gettext("target year %(year)s is not after the base year %(base_year)s; "
                             "%(used)s was used.", year=v["year"], base_year=v["base_year"],
                             used=v["used"])
    raise ValueError(f"no wording for notice {n.code!r}")  # a new code needs a sentence


def _contradiction_text(w: Wording, v: dict[str, object]) -> str:
    """The estimate shown and the source's own change point opposite ways: both numbers,
    and the method whose estimate agrees with the source."""
    year, months = int(v["year"]), int(v["months"])  # type: ignore[call-overload]
    previous_year = int(v["previous_year"])  # type: ignore[call-overload]
    text = w.gettext(
        "The full-year estimate of %(estimate)s by %(method)s implies a change of %(implied)s "
        "on %(previous_year)s (%(previous)s), but the source states %(stated)s for %(period)s "
        "on the same months of %(previous_year)s.",
        estimate=w.money(float(v["estimate_musd"]), 2),  # type: ignore[arg-type]
        method=method_name(w, str(v["method"])),
        implied=w.growth(float(v["implied_pct"])),  # type: ignore[arg-type]
        previous_year=w.year(previous_year),
        previous=w.money(float(v["previous_musd"])),  # type: ignore[arg-type]
        stated=w.growth(float(v["stated_pct"])),  # type: ignore[arg-type]
        period=w.period_label(year, months))
    agrees = v.get("agrees")
    if agrees:
        return text + " " + w.gettext("The method that agrees with the source: %(method)s.",
                                      method=method_name(w, str(agrees)))
    return text + " " + w.gettext("No method these figures allow agrees with the source.")

"""Sentences about what the data and the scenario layer report: reporting sides, data
freshness and notices (fall-backs applied to a request). Each takes the reader's
``Wording``; every message is in the catalogs."""

from __future__ import annotations

import datetime as dt

from babel import numbers

from trade_dash.domain import model
from trade_dash.domain.controls import GROWTH_MAX_PCT, GROWTH_MIN_PCT
from trade_dash.domain.dataset import freshness
from trade_dash.domain.normalise import ANY
from trade_dash.domain.notices import Notice
from trade_dash.domain.records import (
    FEWER_THAN_TWO_FULL_YEARS,
    DefaultGrowth,
    Published,
    YearToDate,
)
from trade_dash.domain.summary import Summary
from trade_dash.wording.core import Wording


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


def rule_text(w: Wording, superseded: int, preferred_of: int, missing: bool = False) -> str:
    """How the normalisation rule chose a year's figure, from the series' facts
    (``normalise.RULE_FACTS``), or that a ``missing`` year has none."""
    if missing:
        return w.gettext("no citation for this year; left missing")
    parts = []
    if superseded:
        parts.append(w.gettext("full-year figure supersedes the partial-year one"))
    if preferred_of > 1:
        parts.append(w.gettext("preferred of %(count)s citations (reporting body, exactness, "
                               "newest publication)", count=w.integer(preferred_of)))
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
    if side == "KZ":
        return w.gettext("Kazakh figures (KZ)")
    if side == "MN":
        return w.gettext("Mongolian figures (MN)")
    return w.gettext("figures whose reporting side is not recorded")


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
    parts = [
        w.gettext("%(years)s from %(side)s",
                  years=", ".join(w.year(y) for y in years),
                  side=side if side in ("KZ", "MN") else w.gettext("an unrecorded side"))
        for side, years in rs.years.items()
        if side != rs.primary
    ]
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
            return w.gettext("The address has more than %(limit)s parameters; the default "
                             "scenario was used.", limit=v["limit"])
        case "repeated":
            return w.gettext("'%(key)s' was given %(count)s times; the first value was used.",
                             key=v["key"], count=v["count"])
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
        case "target_year_moved":
            return w.gettext("target year %(year)s is not after the base year %(base_year)s; "
                             "%(used)s was used.", year=v["year"], base_year=v["base_year"],
                             used=v["used"])
    raise ValueError(f"no wording for notice {n.code!r}")  # a new code needs a sentence

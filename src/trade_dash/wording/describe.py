"""Each chart described in plain words, from the numbers it draws.

One function per chart, ``(w, ds, s) -> str``, registered on the chart's record
(``charts.Chart.describe``): the page prints the description under the chart (and ties
it to the plot with ``aria-describedby``), the briefing pack prints it under each chart
image and gives it as the image's alt text in the deck and the Word file, and
``trade-dash export --chart NAME --describe`` prints it. Like the charts, each reads the
series of the scenario's reporting side.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from trade_dash.domain.dataset import Dataset
from trade_dash.domain.summary import Summary
from trade_dash.wording import facts
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.core import Wording


def _years(w: Wording, years: Iterable[int]) -> str:
    return ", ".join(w.year(y) for y in years)


def _missing(w: Wording, frame: pd.DataFrame) -> list[str]:
    missing = frame.loc[frame["status"] == "missing", "year"].tolist()
    return [w.gettext("No figure is cited for %(years)s.", years=_years(w, missing))] \
        if missing else []


def history(w: Wording, ds: Dataset, s: Summary) -> str:
    """First and latest cited full years, the lowest, the missing years, the partial
    years and the year to date with its full-year estimate."""
    series = ds.view(s.scenario.reporter).series
    full = series[series["status"] == "full"]
    out = []
    if len(full) == 1:
        only = full.iloc[0]
        out.append(w.gettext("Turnover is cited for one full year only: %(value)s in %(year)s.",
                             value=w.money(only["value_musd"]), year=w.year(only["year"])))
    elif len(full) > 1:
        first, last = full.iloc[0], full.iloc[-1]
        low = full.iloc[int(full["value_musd"].to_numpy().argmin())]  # the earliest of equals
        out += [
            w.gettext("Cited full-year turnover runs from %(first_value)s in %(first)s to "
                      "%(last_value)s in %(last)s.",
                      first_value=w.money(first["value_musd"]), first=w.year(first["year"]),
                      last_value=w.money(last["value_musd"]), last=w.year(last["year"])),
            w.gettext("The lowest full year is %(year)s, at %(value)s.",
                      year=w.year(low["year"]), value=w.money(low["value_musd"])),
        ]
    out += _missing(w, series)
    ytd = s.year_to_date
    earlier = series[(series["status"] == "partial")
                     & (series["year"] != (ytd.year if ytd else None))]
    if len(earlier):
        periods = ", ".join(
            w.gettext("%(period)s (%(value)s)", period=w.period_label(y, m), value=w.money(v))
            for y, m, v in zip(earlier["year"], earlier["months"], earlier["value_musd"],
                               strict=True))
        out.append(w.gettext("Only part of a year is cited for %(periods)s.", periods=periods))
    if ytd:
        out.append(w.gettext(
            "%(period)s is a partial year, %(value)s; the full-year estimate for %(year)s is "
            "%(estimate)s (%(method)s).",
            year=w.year(ytd.year), period=w.period_label(ytd.year, ytd.months),
            value=w.money(ytd.value_musd), estimate=w.money(ytd.annualised_musd, 2),
            method=facts.method_text(w, ytd)))
    return " ".join(out)


def scenario(w: Wording, ds: Dataset, s: Summary) -> str:
    """The base, the rate and its band, when the target is reached (or that it is not
    by the horizon), and the rate the target year needs."""
    base = scenario_words.base_phrase(w, s, "starts")
    rates = dict(rate=w.growth(s.scenario_growth_pct), low=w.growth(s.band.low_pct),
                 high=w.growth(s.band.high_pct), target=w.money(s.target_musd))
    if s.target_reached_year is None:
        path = w.gettext("At %(rate)s a year (band %(low)s to %(high)s), turnover does not "
                         "reach the %(target)s target by %(year)s.",
                         year=w.year(s.horizon_year), **rates)
    else:
        path = w.gettext("At %(rate)s a year (band %(low)s to %(high)s), turnover reaches the "
                         "%(target)s target in %(year)s.",
                         year=w.year(s.target_reached_year), **rates)
    needed = w.gettext("Reaching it by %(year)s needs %(rate)s a year.",
                       year=w.year(s.target_year), rate=w.growth(s.required_growth_pct, 2))
    return " ".join((base, path, needed))


def flows(w: Wording, ds: Dataset, s: Summary) -> str:
    """The periods covered, the latest period's exports each way and balance, and the
    missing years."""
    table = ds.view(s.scenario.reporter).flows
    cited = table[table["status"] != "missing"]
    if cited.empty:
        return w.gettext("No export or import figures are cited for this reporting side.")
    out = [w.gettext("Export figures are cited for %(periods)s.", periods=", ".join(
        w.period_label(y, m) for y, m in zip(cited["year"], cited["months"], strict=True)))]
    last = cited.iloc[-1]
    period = w.period_label(last["year"], last["months"])
    kz, mn = last["kz_exports_musd"], last["mn_exports_musd"]
    if last["balance_basis"] == "both":
        out.append(w.gettext(
            "In %(period)s Kazakh exports to Mongolia were %(kz)s and Mongolian exports to "
            "Kazakhstan %(mn)s, a balance of %(balance)s.", period=period, kz=w.money(kz),
            mn=w.money(mn), balance=w.money(last["balance_musd"])))
    else:
        if pd.notna(kz):
            out.append(w.gettext("In %(period)s Kazakh exports to Mongolia were %(value)s.",
                                 period=period, value=w.money(kz)))
        if pd.notna(mn):
            out.append(w.gettext("In %(period)s Mongolian exports to Kazakhstan were "
                                 "%(value)s.", period=period, value=w.money(mn)))
        out.append(w.gettext("No balance is worked out for %(period)s: the two directions "
                             "are not both cited for the same months.", period=period))
    return " ".join(out + _missing(w, table))


def picture_text(w: Wording, title: str, description: str, s: Summary) -> str:
    """The alt text of a chart's picture, which has no page around it: the (translated)
    title, whose figures it draws, and the description."""
    if not description:
        return w.gettext("%(title)s, %(side)s.", title=title, side=facts.side_text(w, s))
    return w.gettext("%(title)s, %(side)s. %(description)s", title=title,
                     side=facts.side_text(w, s), description=description)

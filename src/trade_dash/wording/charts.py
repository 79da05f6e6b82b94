"""The charts' words: source line, notes, footer, trace names, hover labels, flags and
annotations, in the reader's language.

Each function takes the reader's ``Wording`` first and the facts it words; the figure
builders (``figures.py``) place the result. Citation text (reporters, outlets, citation
ids) passes through as cited; ``figures`` escapes it for plotly's HTML-like labels.
The texts that change with the growth rate in the scenario chart (band, projection and
required-rate trace names, the "target met" annotation, the scenario subtitle) are worded
with the scenario chart's script, not here.
"""

from __future__ import annotations

from collections.abc import Sequence

from trade_dash.domain.normalise import CONFLICT_TOLERANCE
from trade_dash.domain.records import YearToDate
from trade_dash.domain.stated_changes import STATED_CHANGE_TOLERANCE_PTS
from trade_dash.wording import briefing, facts, vocabulary
from trade_dash.wording.core import Wording

# Each direction of trade: its name in the legend and hover labels, and the short name
# its printed flags start with.


# --- footer -------------------------------------------------------------------------


def source_line(w: Wording, citations: int, bodies: int,
                headline: Sequence[tuple[str, int]]) -> str:
    """How many citations from how many bodies, the bodies behind most of the headline
    series (name as cited, number of years) and where the full list is."""
    text = w.ngettext("Sources: %(citations)s from %(count)s reporting body",
                      "Sources: %(citations)s from %(count)s reporting bodies", bodies,
                      citations=w.citations(citations), count=w.integer(bodies))
    if headline:
        main = [w.ngettext("%(name)s (%(count)s year)", "%(name)s (%(count)s years)", n,
                           name=name, count=w.integer(n)) for name, n in headline]
        bodies_text = (main[0] if len(main) == 1 else
                       w.gettext("%(first)s and %(second)s", first=main[0], second=main[1]))
        text = w.gettext("%(sources)s; headline series mainly from %(bodies)s",
                         sources=text, bodies=bodies_text)
    return w.gettext("%(sources)s. Full list: the dashboard's sources table and the "
                     "briefing pack's sources pages.", sources=text)


def produced_line(w: Wording, produced: str, reopen: bool) -> str:
    """The footer's date line; ``reopen``: the reopen link follows on the next lines."""
    line = briefing.produced_line(w, produced)
    if not reopen:
        return line
    return " ".join([line, w.gettext("Reopen this scenario:")])


def _flag_notes(w: Wording, differ: bool) -> str:
    """What the printed flags mean, quoting them as the chart prints them."""
    notes = [w.gettext("'%(flag)s': the source gave a rounded figure.", flag=approx_flag(w))]
    if differ:
        notes.append(w.gettext("'%(flag)s': citations for that period disagree by more "
                               "than %(tolerance)s.", flag=differ_flag(w),
                               tolerance=w.percent(CONFLICT_TOLERANCE * 100, 0)))
    return " ".join(notes)


def history_note(w: Wording, other_side: str | None, stated_differs: bool = False) -> str:
    """The history chart's note; ``other_side``: the side drawn as a dashed light line;
    ``stated_differs``: a year carries the flag of a stated change the figures contradict."""
    parts = [
        w.gettext("Figures come from different reporting bodies and are not strictly "
                  "comparable. Hollow markers: partial year and its annualised estimate."),
        _flag_notes(w, differ=True),
    ]
    if stated_differs:
        parts.append(w.gettext("'%(flag)s': a change on the previous year that a source "
                               "states differs by more than %(points)s from the change the "
                               "cited figures give (see the sources table).",
                               flag=stated_flag(w),
                               points=w.points(STATED_CHANGE_TOLERANCE_PTS)))
    if other_side == "KZ":
        parts.append(w.gettext("Dashed light line: the Kazakh side's own figures, which "
                               "the series does not use."))
    elif other_side == "MN":
        parts.append(w.gettext("Dashed light line: the Mongolian side's own figures, which "
                               "the series does not use."))
    return " ".join(parts)


def projection_note(w: Wording) -> str:
    return briefing.projection_note(w)


def scenario_note(w: Wording) -> str:
    return " ".join([projection_note(w), w.gettext(
        "Dashed and shaded lines are projections from the base; no source sets a deadline "
        "for the target.")])


def flows_note(w: Wording) -> str:
    return " ".join([
        w.gettext("Dotted bars: Mongolian exports. Hatched bars and hollow diamonds: a partial "
                  "year (January to month N), not comparable with whole years. The balance is "
                  "Kazakh exports minus Mongolian exports, drawn only where both are given for "
                  "the same period."),
        _flag_notes(w, differ=False),
    ])


# --- subtitles ----------------------------------------------------------------------


def history_subtitle(w: Wording, side: str, ytd: YearToDate | None) -> str:
    """``side``: whose figures (``facts.side_text``); ``ytd``: the year-to-date estimate."""
    text = w.gettext("Total turnover by calendar year, %(unit)s; %(side)s", unit=w.unit(),
                     side=side)
    if ytd:
        text += "; " + w.gettext("%(year)s estimate annualised %(method)s",
                                 year=w.year(ytd.year), method=method_short(w, ytd))
    return text


def flows_subtitle(w: Wording, side: str) -> str:
    return w.gettext("Exports each way and the balance by calendar year, %(unit)s; %(side)s",
                     unit=w.unit(), side=side)


def method_short(w: Wording, ytd: YearToDate) -> str:
    short = vocabulary.METHOD_SHORT[ytd.method]  # a message id
    return w.pgettext("method short", short, months=w.integer(ytd.months))


# --- trace names --------------------------------------------------------------------


def actual_name(w: Wording) -> str:
    return w.gettext("Cited full year")


def estimate_name(w: Wording, year: int | None) -> str:
    """The annualised estimate's legend entry; ``year`` None: there is no estimate."""
    if year is None:
        return w.gettext("Current-year estimate")
    return w.gettext("%(year)s estimate (annualised)", year=w.year(year))


def partial_name(w: Wording) -> str:
    return w.gettext("Partial year (January to month N)")


def alternate_name(w: Wording) -> str:
    return w.gettext("Other citation (not used)")


def other_side_name(w: Wording, side: str | None) -> str:
    if side == "KZ":
        return w.gettext("Kazakh side's figures (KZ), for comparison")
    if side == "MN":
        return w.gettext("Mongolian side's figures (MN), for comparison")
    return w.gettext("Other side's figures")


def flow_name(w: Wording, key: str) -> str:
    return w.gettext(vocabulary.FLOW_NAMES[key])


def balance_name(w: Wording, partial: bool = False) -> str:
    if partial:
        return w.gettext("Balance, partial year")
    return w.gettext("Balance (Kazakh exports − Mongolian exports)")


# --- hover labels -------------------------------------------------------------------


def cited_value(w: Wording, musd: float) -> str:
    """A cited amount as the source gave it (up to three decimals, as the data file)."""
    return w.money(musd, 3)


def estimate_hover(w: Wording, ytd: YearToDate) -> list[str]:
    """The annualised estimate's hover lines, unescaped (the method is the product's)."""
    return [
        w.gettext("%(year)s full-year estimate: %(value)s", year=w.year(ytd.year),
                  value=w.money(ytd.annualised_musd, 2)),
        w.gettext("Derived from %(period)s = %(value)s",
                  period=w.period_label(ytd.year, ytd.months),
                  value=cited_value(w, ytd.value_musd)),
        w.gettext("Method: %(method)s", method=facts.method_text(w, ytd)),
        w.gettext("Not a reported figure."),
    ]


def hover_heading(w: Wording, label: str, musd: float, approximate: bool) -> str:
    value = cited_value(w, musd)
    if approximate:
        value = w.gettext("%(value)s (approximate)", value=value)
    return w.gettext("%(label)s: %(value)s", label=label, value=value)


def alternate_label(w: Wording, period: str) -> str:
    """A citation the series does not use, named by its period."""
    return w.gettext("%(period)s (alternate)", period=period)


def flow_label(w: Wording, key: str, period: str) -> str:
    return w.gettext("%(flow)s, %(period)s", flow=flow_name(w, key), period=period)


def provenance(w: Wording, reporter: str, side: str, outlet: str, published: str,
               citation: str, line: object) -> list[str]:
    """Who gave a figure, where and when, with its place in the data file. Every argument
    is citation text, already escaped; an empty side, outlet or date is said so."""
    return [
        w.gettext("Reported by: %(reporter)s (side: %(side)s)", reporter=reporter,
                  side=side or w.gettext("not recorded")),
        w.gettext("Outlet: %(outlet)s", outlet=outlet or w.gettext("not named")),
        w.gettext("Published: %(date)s", date=published or w.gettext("date not given")),
        w.gettext("Citation: %(citation)s (line %(line)s)", citation=citation, line=line),
    ]


def rule_line(w: Wording, superseded: int, preferred_of: int) -> str:
    """How the normalisation rule chose a year's figure."""
    return w.gettext("Rule: %(rule)s", rule=facts.rule_text(w, superseded, preferred_of))


def alternates_heading(w: Wording) -> str:
    return w.gettext("Other citations for this year:")


def alternate_line(w: Wording, period: str, musd: float, reporter: str) -> str:
    return w.gettext("%(period)s: %(value)s, %(reporter)s", period=period,
                     value=cited_value(w, musd), reporter=reporter)


def more_alternates(w: Wording, count: int) -> str:
    return w.ngettext("and %(count)s more: see the sources table",
                      "and %(count)s more: see the sources table", count,
                      count=w.integer(count))


def disagree_line(w: Wording) -> str:
    return w.gettext("Citations for this period disagree by more than %(tolerance)s",
                     tolerance=w.percent(CONFLICT_TOLERANCE * 100, 0))


def other_side_line(w: Wording) -> str:
    return w.gettext("From another side than the rest of the series: its side gives no figure "
                     "for this year")


def balance_hover(w: Wording, year: int, months: int, musd: float) -> list[str]:
    return [
        w.gettext("Balance, %(period)s: %(value)s", period=w.period_label(year, months),
                  value=w.money(musd, 3)),
        w.gettext("Kazakh exports to Mongolia minus Mongolian exports to Kazakhstan"),
    ]


# --- printed flags and annotations --------------------------------------------------


def approx_flag(w: Wording) -> str:
    return w.pgettext("chart flag", "approx.")


def differ_flag(w: Wording) -> str:
    return w.pgettext("chart flag", "sources differ")


def from_side_flag(w: Wording, side: str) -> str:
    """A figure taken from another side than the series': ``side`` as recorded, or ''."""
    if not side:
        return w.pgettext("chart flag", "from an unrecorded side")
    return w.pgettext("chart flag", "from %(side)s", side=side)


def _flow_from_side_flag(w: Wording, flow: str, side: str) -> str:
    if not side:
        return w.pgettext("chart flag", "%(flow)s from an unrecorded side", flow=flow)
    return w.pgettext("chart flag", "%(flow)s from %(side)s", flow=flow, side=side)


def stated_flag(w: Wording) -> str:
    """A year with a stated change on the previous year that the figures contradict."""
    return w.pgettext("chart flag", "stated change differs")


def history_flags(w: Wording, approximate: bool, disputed: bool, other_side: str | None,
                  stated_differs: bool = False) -> str:
    """The flags printed above a year; ``other_side``: None, or the side it came from;
    ``stated_differs``: a citation of the year states a change the figures contradict."""
    words = [approx_flag(w)] if approximate else []
    if disputed:
        words.append(differ_flag(w))
    if stated_differs:
        words.append(stated_flag(w))
    if other_side is not None:
        words.append(from_side_flag(w, other_side))
    return "; ".join(words)


def flow_flags(w: Wording, period: str | None, flows: Sequence[tuple[str, bool, str | None]],
               no_balance: bool) -> str:
    """The flags printed above a year of the flows chart: its period when partial, then
    for each direction (key, approximate, the side it came from or None) its flags."""
    words = [period] if period else []
    for key, approximate, other in flows:
        who = w.gettext(vocabulary.FLOW_SHORT[key])
        if approximate:
            words.append(w.pgettext("chart flag", "%(flow)s approx.", flow=who))
        if other is not None:
            words.append(_flow_from_side_flag(w, who, other))
    if no_balance:
        words.append(w.pgettext("chart flag", "no balance"))
    return "; ".join(words)


def missing_label(w: Wording) -> str:
    """Printed in a year with no figure; two short lines."""
    return w.pgettext("chart flag", "no figure cited")


def no_flows(w: Wording) -> str:
    return w.gettext("No export or import figures are cited for this reporting side.")


def target_label(w: Wording, musd: float) -> str:
    return w.gettext("Target %(amount)s a year", amount=w.money(musd))


def assumed_year(w: Wording, year: int) -> str:
    return w.gettext("%(year)s (assumed)", year=w.year(year))


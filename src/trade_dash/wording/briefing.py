"""The sentences of the briefing pack (PDF, PowerPoint and Word) and of the key message
the page shows too. Each function takes the reader's ``Wording`` first; numbers go
through it, so a Kazakh pack writes ``126,86`` and a Mongolian one ``126.86``. Citation
text (reporters, outlets, notes) is passed through as cited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from babel import numbers

from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import CONFLICT_TOLERANCE
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.stated_changes import STATED_CHANGE_TOLERANCE_PTS
from trade_dash.domain.summary import Summary
from trade_dash.wording import facts, vocabulary
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.catalogs import N_
from trade_dash.wording.core import Wording
from trade_dash.wording.sources import source_rows as worded_rows

AUTHOR = "trade-dash"  # the product's name, not translated
# The production date is written in ISO form (2026-11-22) in every language, as the data's
# publication dates are and as the download's file name gives it.
# The English msgid of the note the charts carry; translated where the pack shows it.
PROJECTION_NOTE = N_("Projections are scenarios, not forecasts.")


def title(w: Wording, s: Summary) -> str:
    return w.gettext("Kazakhstan–Mongolia trade turnover and the %(amount)s goal",
                     amount=w.money(s.target_musd))


def headings(w: Wording) -> dict[str, str]:
    """Section headings, in the order every format uses them."""
    return {
        "key": w.gettext("Key message"),
        "headline": w.gettext("Headline figures"),
        "charts": w.gettext("Charts"),
        "appendix": w.gettext("Appendix: scenario, method and sources"),
        "scenario": w.gettext("Scenario parameters"),
        "method": w.gettext("Method"),
        "sources": w.gettext("Sources: every citation"),
    }


def reopen(w: Wording) -> str:
    return w.gettext("Reopen this scenario in the dashboard:")


def continued(w: Wording, heading: str) -> str:
    return w.gettext("%(heading)s (continued)", heading=heading)


def footer(w: Wording, produced: str) -> str:
    return w.gettext("trade-dash briefing, produced %(date)s", date=produced)


def page_number(w: Wording, n: int) -> str:
    return w.gettext("page %(number)s", number=w.integer(n))


def produced_line(w: Wording, produced: str) -> str:
    return w.gettext("Produced %(date)s with trade-dash.", date=produced)


def projection_note(w: Wording) -> str:
    return w.gettext(PROJECTION_NOTE)


def _per_year(w: Wording, pct: float) -> str:
    return w.growth_per_year(pct)


def _required(w: Wording, pct: float) -> str:
    # Two decimals: the required rate is the number readers compare scenarios against.
    return w.gettext("%(rate)s a year", rate=w.percent(pct, 2))


def headline_items(w: Wording, s: Summary) -> list[tuple[str, str]]:
    """(label, value) pairs with the precision ``trade-dash summary`` prints."""
    items = []
    if s.latest_full_year:
        f = s.latest_full_year
        items.append((w.gettext("Latest full year"),
                      f"{w.year(f.year)}: {w.money(f.value_musd)}"))
    if s.year_to_date:
        y = s.year_to_date
        items.append((w.label("period", "year_to_date"), w.gettext(
            "%(period)s: %(value)s; full-year estimate %(estimate)s (%(method)s)",
            period=w.period_label(y.year, y.months), value=w.money(y.value_musd),
            estimate=w.money(y.annualised_musd, 2), method=facts.method_text(w, y))))
    b = s.base
    items += [
        (w.label("control", "reporter"), facts.side_text(w, s)),
        (w.gettext("Scenario base"), scenario_words.base_phrase(w, s, "item")),
        (w.label("control", "target"), w.gettext(
            "%(amount)s a year by %(year)s (the year is an assumption: no source states a "
            "deadline)", amount=w.money(s.target_musd), year=w.year(s.target_year))),
        (w.gettext("Gap to target"), w.gettext(
            "%(gap)s (%(share)s of the target)", gap=w.money(s.gap_musd, 2),
            share=w.percent(s.gap_pct_of_target))),
        (w.gettext("Growth needed"), w.gettext(
            "%(rate)s from %(start)s to %(end)s", rate=_required(w, s.required_growth_pct),
            start=w.year(b.year), end=w.year(s.target_year))),
        (w.gettext("Scenario growth"), f"{_per_year(w, s.scenario_growth_pct)}: "
         f"{w.target_reached(s.target_reached_year, s.horizon_year)}"),
        (w.gettext("Low / high band"),
         f"{_per_year(w, s.band.low_pct)}: "
         f"{w.target_reached(s.band.low_reached_year, s.horizon_year)}; "
         f"{_per_year(w, s.band.high_pct)}: "
         f"{w.target_reached(s.band.high_reached_year, s.horizon_year)}"),
    ]
    return items


def scenario_items(w: Wording, ds: Dataset, s: Summary) -> list[tuple[str, str]]:
    """The scenario's settings, as a reader needs them to reproduce it."""
    sc, b, default = s.scenario, s.base, s.default_growth
    growth = _per_year(w, sc.growth_pct)
    if default.from_year is not None and abs(sc.growth_pct - default.pct) < 1e-9:
        growth = w.gettext("%(rate)s (the default: %(rule)s)", rate=growth,
                           rule=facts.default_rule(w, default))
    if b.kind == "ytd" and s.year_to_date:
        base = w.gettext("%(year)s current-year estimate (annualised year to date)",
                         year=w.year(b.year))
        method = facts.method_text(w, s.year_to_date)
    else:
        base = w.gettext("%(year)s latest full year", year=w.year(b.year))
        method = w.gettext("not used: the base is a full year")
    return [
        (w.label("control", "growth"), growth),
        (w.label("control", "band"), w.gettext(
            "± %(points)s (%(low)s to %(high)s)", points=w.points(sc.band_pct),
            low=w.growth(s.band.low_pct), high=w.growth(s.band.high_pct))),
        (w.label("control", "target"), w.gettext("%(amount)s a year",
                                                 amount=w.money(sc.target_musd))),
        (w.label("control", "target_year"), w.gettext("%(year)s (an assumption)",
                                                      year=w.year(sc.target_year))),
        (w.label("control", "base"), base),
        (w.label("control", "method"), method),
        (w.gettext("Horizon"), w.gettext("projections run to %(year)s at the latest",
                                         year=w.year(s.horizon_year))),
        (w.label("control", "reporter"), f"{sc.reporter}: {facts.side_text(w, s)}"),
        (w.gettext("Data"), Path(ds.source).name),
    ]


def freshness_sentence(w: Wording, s: Summary, produced: str) -> str:
    """How fresh the data is on the day the briefing is produced."""
    text = w.gettext("Data: %(freshness)s.",
                     freshness=facts.freshness_text(w, s.data_freshness))
    stale = facts.stale_text(w, s.data_freshness, dt.date.fromisoformat(produced), briefing=True)
    return text + (f" {stale}" if stale else "")


def method_notes(w: Wording, s: Summary) -> list[str]:
    """How the numbers were made, including the annualisation this scenario used."""
    notes = [
        w.gettext("One figure per year: a full-year figure supersedes a January-to-month-N "
                  "figure; then statistics office, customs, government, business association, "
                  "other; then an exact figure before an approximate one; then the most recent "
                  "publication. Other citations are kept as alternates."),
        w.gettext("Reporting side: Kazakhstan and Mongolia each publish the trade from their "
                  "own books, and the figures differ. This briefing uses %(side)s. With "
                  "reporting side 'any', the side whose citations cover the most years is kept "
                  "and the other side is used only for a year it does not cover; growth rates "
                  "offered as presets or as the default never compare years from different "
                  "sides.", side=facts.side_text(w, s)),
        w.gettext("A year is flagged disputed when citations for the same period differ by more "
                  "than %(tolerance)s. Years with no citation are shown as missing, never filled "
                  "in.", tolerance=w.percent(CONFLICT_TOLERANCE * 100, 0)),
    ]
    if s.year_to_date:
        y = s.year_to_date
        notes.append(w.gettext(
            "Annualisation: %(period)s = %(value)s becomes a full-year estimate of "
            "%(estimate)s by %(method)s. It is an estimate, not a reported figure.",
            period=w.period_label(y.year, y.months), value=w.money(y.value_musd),
            estimate=w.money(y.annualised_musd, 2), method=facts.method_text(w, y))
            + " " + facts.method_reason_text(w, y))
    notes += [
        w.gettext("Projection: base × (1 + rate) ^ years, one point a year. Required rate: "
                  "(target ÷ base) ^ (1 ÷ (target year − base year)) − 1."),
        w.gettext("Assumptions: the target year %(year)s is assumed, as no source gives a "
                  "deadline; growth is constant; the default rate is the %(rule)s.",
                  year=w.year(s.target_year), rule=facts.default_rule(w, s.default_growth)),
        projection_note(w),
    ]
    mixed = facts.mixed_sides_note(w, s)
    if mixed:
        notes.insert(2, mixed)
    notes.append(stated_changes_note(w))
    notes += [w.gettext("Adjusted: %(notice)s", notice=facts.notice_text(w, n))
              for n in s.notices if not n.is_finding]
    return notes


def stated_changes_note(w: Wording) -> str:
    """How a change a source states on the previous year is checked against the figures."""
    return w.gettext(
        "A change on the previous year that a source states is checked against the figures: "
        "the previous period is the figure the rule above prefers for the same months of the "
        "year before, from the same reporting side. Where the change the two figures give "
        "differs from the stated one by more than %(points)s, the sources table says so.",
        points=w.points(STATED_CHANGE_TOLERANCE_PTS))


# The base is named in two grammatical slots of the key message: after "already met by" and
# after "growth ... from". Russian, Kazakh and Mongolian inflect it differently in each, so
# each slot has its own messages (told apart by their context); one fragment is never
# inflected for one sentence and spliced into another.
def key_message(w: Wording, ds: Dataset, s: Summary) -> list[str]:
    """Two or three plain sentences for a reader with one minute: where trade stands, what
    the target needs and what the chosen scenario gives, with the assumptions named."""
    full, ytd = s.latest_full_year, s.year_to_date
    stands = []
    if full:
        stands.append(w.gettext("trade turnover was %(value)s in %(year)s, the latest full "
                                "year", value=w.money(full.value_musd),
                                year=w.year(full.year)))
    if ytd:
        stands.append(w.gettext(
            "%(period)s reached %(value)s, an estimated %(estimate)s for the whole of %(year)s "
            "(%(method)s)", period=w.period_label(ytd.year, ytd.months),
            value=w.money(ytd.value_musd), estimate=w.money(ytd.annualised_musd, 2),
            year=w.year(ytd.year), method=facts.method_text(w, ytd)))
    target = w.money(s.target_musd)
    year = w.year(s.target_year)
    assumed = ds.target is None
    if s.gap_musd <= 0:
        base = scenario_words.base_phrase(w, s, "met_by")
        needs = (w.gettext("The assumed %(target)s target for %(year)s (an assumed year: no "
                           "source states a deadline) is already met by %(base)s.",
                           target=target, year=year, base=base) if assumed else
                 w.gettext("The %(target)s target for %(year)s (an assumed year: no source "
                           "states a deadline) is already met by %(base)s.",
                           target=target, year=year, base=base))
    else:
        base = scenario_words.base_phrase(w, s, "growth_from")
        rate = w.percent(s.required_growth_pct, 2)
        needs = (w.gettext("Reaching the assumed %(target)s target by %(year)s (an assumed "
                           "year: no source states a deadline) needs growth of %(rate)s a year "
                           "from %(base)s.", target=target, year=year, rate=rate, base=base)
                 if assumed else
                 w.gettext("Reaching the %(target)s target by %(year)s (an assumed year: no "
                           "source states a deadline) needs growth of %(rate)s a year from "
                           "%(base)s.", target=target, year=year, rate=rate, base=base))
    rate = w.growth(s.scenario_growth_pct)
    gives = (
        w.gettext("At the scenario's %(rate)s a year, the target is reached in %(year)s.",
                  rate=rate, year=w.year(s.target_reached_year))
        if s.target_reached_year
        else w.gettext("At the scenario's %(rate)s a year, the target is not reached by "
                       "%(year)s.", rate=rate, year=w.year(s.horizon_year))
    )
    sentences = [needs, gives]
    # What the data says against the estimate comes straight after the estimate.
    sentences[:0] = [facts.notice_text(w, n) for n in s.notices if n.is_finding]
    if stands:
        opening = w.gettext("%(first)s; %(second)s", first=stands[0], second=stands[1]) \
            if len(stands) == 2 else stands[0]
        rs = s.reporting_side
        if rs.reporter != "any" or rs.primary is not None:
            # Whose books the figures come from is an assumption the reader must see.
            opening = w.gettext("On %(side)s, %(facts)s.", side=facts.side_text(w, s),
                                facts=opening)
        else:
            opening = w.gettext("%(facts)s.", facts=opening)
        sentences.insert(0, opening[0].upper() + opening[1:])
    return sentences


def scenario_line(w: Wording, s: Summary) -> str:
    """The scenario in one line, under the pack's title and as the files' subject: the
    scenario chart's subtitle, with the amounts in words."""
    return scenario_words.subtitle(w, s, money=w.money)


def cover_lines(w: Wording, s: Summary, produced: str) -> list[str]:
    """Under the title: when the pack was made, and the scenario it shows."""
    return [
        w.gettext("Briefing produced %(date)s with trade-dash. %(note)s",
                  date=produced, note=projection_note(w)),
        scenario_line(w, s) + ".",
        freshness_sentence(w, s, produced),
    ]


def pack_notes(w: Wording, s: Summary) -> list[str]:
    """Notes under the cover: a series that mixes reporting sides, and adjusted settings."""
    mixed = facts.mixed_sides_note(w, s)
    return [w.gettext("Note: %(note)s", note=n) for n in ([mixed] if mixed else [])
            + [facts.notice_text(w, n) for n in s.notices if not n.is_finding]]


# --- the sources table ------------------------------------------------------------------

# What the rule made of a citation (``sources_rows``' "used" codes), as the table says it.


def sources_intro(w: Wording) -> str:
    return w.gettext("One row per figure as a source gave it. '%(headline)s' rows make up the "
                     "series; '%(alternate)s' rows were set aside by the rule in the method "
                     "note; '%(target)s' rows cite the goal.",
                     **{use: w.pgettext("use", vocabulary.USES[use])
                        for use in ("headline", "alternate", "target")})


def sources_header(w: Wording) -> list[str]:
    return [w.gettext("Citation"), w.gettext("Figure"), w.gettext("Reported by"),
            w.gettext("Outlet"), w.gettext("Published"), w.gettext("Used as"), w.gettext("Note")]


def source_table(w: Wording, ds: Dataset, reporter: str) -> list[list[str]]:
    """The sources table, header first: every citation with the use the rule made of it
    for the series of ``reporter``'s side, in the page's words (``wording.sources``),
    several of the page's columns joined to fit a page."""
    rows = [sources_header(w)]
    facts_rows = sources_rows(ds, reporter)
    for r, c in zip(facts_rows, worded_rows(w, ds, facts_rows), strict=True):
        flow = "" if r["flow"] == "turnover" else f" ({c['flow']})"
        figure = w.gettext("%(measure)s%(flow)s, %(period)s: %(value)s (%(precision)s)",
                           measure=c["measure"], flow=flow, period=c["period"],
                           value=_plain(w, r["value_musd"]), precision=c["precision"].lower())
        use = vocabulary.USES[r["used"]]
        rows.append([
            w.gettext("%(citation)s (line %(line)s)", citation=r["citation_id"],
                      line=w.integer(r["line"])),
            facts.with_stated_change_mark(w, figure, r),
            w.gettext("%(reporter)s (side: %(side)s)", reporter=c["reporter"], side=c["side"]),
            c["outlet"],
            c["published"],
            # The use alone: a page's mark of a differing stated change is on the figure.
            w.pgettext("use", use),
            c["note"] if _given(c["note"]) else "",
        ])
    return rows


def _given(value: object) -> bool:
    return not (value is None or (isinstance(value, float) and pd.isna(value)) or value == "")


def _plain(w: Wording, x: float) -> str:
    """A cited value as the source gave it (up to two decimals), in the reader's marks."""
    return numbers.format_decimal(x, locale=w.locale)  # rounded to 2 places by sources_rows

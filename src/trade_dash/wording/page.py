"""The dashboard page's sentences: header, cards, controls, sources table, method section.

Each function takes the reader's ``Wording`` first. Citation text (reporters, outlets,
notes) passes through as cited; only what the product says about it is worded here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from trade_dash.domain import model
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import ANY, CONFLICT_TOLERANCE
from trade_dash.domain.presets import PRESET_PACE, Preset
from trade_dash.domain.summary import Summary
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording

CARD_TITLES = {
    "latest": NP_("card", "Latest full year"),
    "ytd": NP_("card", "Year to date"),
    "target": NP_("card", "Target"),
    "gap": NP_("card", "Gap to target"),
    "required": NP_("card", "Growth needed"),
    "reached": NP_("card", "Target reached"),
}
METHOD_OPTIONS = {
    model.PRO_RATA: NP_("method option", "Pro-rata (× 12 / months)"),
    model.SEASONAL: NP_("method option", "Seasonal share (last year's pattern)"),
    model.YOY: NP_("method option", "Year-on-year change (last full year × the change the "
                                    "source gives)"),
}
# The method as the year-to-date card names it after the estimate.
METHOD_SHORT = {
    model.PRO_RATA: NP_("method short", "pro-rata, × 12 / %(months)s"),
    model.SEASONAL: NP_("method short", "by last year's seasonal share"),
    model.YOY: NP_("method short", "by the year-on-year change the source gives"),
}
METHOD_NEEDS = {
    model.SEASONAL: NP_("method help", "Seasonal share needs last year's full-year and "
                                       "same-period figures from the same reporting side; "
                                       "the data has none."),
    model.YOY: NP_("method help", "Year-on-year change needs the year-to-date change on last "
                                  "year and last year's full-year figure from the same "
                                  "reporting side; the data has none."),
}
BASE_OPTIONS = {"ytd": NP_("base option", "Current-year estimate"),
                "full": NP_("base option", "Latest full year")}
REPORTER_OPTIONS = {
    ANY: NP_("reporter option", "Any side (one side kept where it can be)"),
    "KZ": NP_("reporter option", "Kazakhstan's figures only (KZ)"),
    "MN": NP_("reporter option", "Mongolia's figures only (MN)"),
}
BRIEFING_BUTTONS = {
    "pdf": NP_("briefing button", "Briefing pack (PDF)"),
    "pptx": NP_("briefing button", "Briefing deck (PowerPoint)"),
    "docx": NP_("briefing button", "Briefing document (Word)"),
}
FORMAT_OPTIONS = {
    "png": NP_("format", "PNG (slides)"),
    "svg": NP_("format", "SVG (designers)"),
    "pdf": NP_("format", "PDF (print)"),
}
SOURCE_HEADERS = {
    "citation_id": NP_("column", "Citation"),
    "measure": NP_("column", "Measure"),
    "period": NP_("column", "Period"),
    "flow": NP_("column", "Flow"),
    "value_musd": NP_("column", "US$ million"),
    "precision": NP_("column", "Precision"),
    "reporter": NP_("column", "Reported by"),
    "side": NP_("column", "Side"),
    "outlet": NP_("column", "Outlet"),
    "published": NP_("column", "Published"),
    "used": NP_("column", "Used as"),
    "note": NP_("column", "Note"),
    "line": NP_("column", "CSV line"),
}
# What the normalisation rule made of a citation, by the code sources_rows gives.
USES = {
    "headline": NP_("use", "headline"),
    "alternate": NP_("use", "alternate"),
    "target": NP_("use", "target"),
    "other_flow": NP_("use", "other flow (not used)"),
}
# The page's fixed words (labels, help texts, buttons, accessible names), by use.
TEXT = {
    "scenario": NP_("page", "Scenario"),
    "growth": NP_("page", "Growth rate, % a year"),
    "growth_help": NP_("page", "Drag, use the arrow keys, or type a value and press Tab. "
                               "Negative values model a decline."),
    "reporter_help": NP_("page", "Each country records the trade in its own books, and the "
                                 "two disagree. Changing side resets the growth rate, base and "
                                 "method to that side's defaults."),
    "presets": NP_("page", "Preset rates"),
    "preset_placeholder": NP_("page", "Choose a reference pace…"),
    "target_year": NP_("page", "Target year (assumed)"),
    "target_year_help": NP_("page", "No source gives a deadline."),
    "target": NP_("page", "Target, US$ million"),
    "base": NP_("page", "Base of the projection"),
    "method": NP_("page", "Annualising the partial year"),
    "band": NP_("page", "Low / high band, ± points"),
    "share": NP_("page", "Link to this scenario"),
    "share_copy": NP_("page", "Copy the link"),
    "download_as": NP_("page", "Download chart as"),
    "download": NP_("page", "Download"),
    "sources": NP_("page", "Sources: every citation"),
    "filter_placeholder": NP_("page", "e.g. a year, a reporting body or an outlet"),
    "series_csv": NP_("page", "Download series (CSV)"),
    "citations_csv": NP_("page", "Download all citations (CSV)"),
    "method_heading": NP_("page", "How the numbers are made"),
    "key_message": NP_("page", "Key message"),
    "key_message_copy": NP_("page", "Copy the key message"),
    "footer": NP_("page", "About this page"),
    "language": NP_("page", "Language"),
}
# The sources table's own controls.
TABLE_TEXT = {
    "rows_per_page": NP_("table", "Rows per page"),
    "previous": NP_("table", "Previous page"),
    "next": NP_("table", "Next page"),
    "scroll": NP_("table", "Table of citations; it scrolls sideways"),
}


def translated(w: Wording, context: str, table: Mapping[str, str]) -> dict[str, str]:
    """A table of marked messages in the reader's language, by the same keys."""
    return {key: w.pgettext(context, msg) for key, msg in table.items()}


def chart_download_name(w: Wording, chart_title: str) -> str:
    """The hidden words that tell the charts' "Download" links apart out of context."""
    return w.gettext("the %(chart)s chart", chart=chart_title)


def title(w: Wording) -> str:
    """The browser tab's title."""
    return w.gettext("trade-dash: Kazakhstan–Mongolia trade")


def heading(w: Wording, target_musd: float) -> str:
    return w.gettext("Kazakhstan–Mongolia trade: the road to %(target)s",
                     target=w.money(target_musd))


def intro(w: Wording) -> str:
    return w.gettext("Cited turnover figures, the year to date and the gap to the target, "
                     "with scenarios.")


def data_label(w: Wording) -> str:
    return w.gettext("Data:")


def stale_advice(w: Wording) -> str:
    return w.gettext("Add the newer figures to the data file (trade-dash add) and restart "
                     "the dashboard.")


def method_help(w: Wording, methods: tuple[str, ...]) -> str:
    """Why a method is greyed out, or nothing when all are offered."""
    if not methods:
        return w.gettext("No partial year follows the latest full year: there is nothing to "
                         "annualise.")
    return " ".join(w.pgettext("method help", METHOD_NEEDS[m])
                    for m in model.METHODS if m not in methods and m in METHOD_NEEDS)


def preset_label(w: Wording, p: Preset) -> str:
    """A preset rate as the menu offers it: a past pace, or the rate the target needs."""
    if p.kind == PRESET_PACE:
        return w.gettext("Repeat the %(start)s–%(end)s pace (%(rate)s)",
                         start=w.year(p.from_year), end=w.year(p.to_year),
                         rate=w.growth(p.growth_pct))
    return w.gettext("Rate needed for the target (%(rate)s)", rate=w.growth(p.growth_pct))


def not_by(w: Wording, year: int | None, horizon: int) -> str:
    """A year the target is met, or 'not by <horizon>'."""
    if year is None:
        return w.gettext("not by %(year)s", year=w.year(horizon))
    return w.year(year)


def cards(w: Wording, s: Summary) -> dict[str, tuple[str, str]]:
    """Each headline card's big figure and the line under it."""
    latest, ytd, base = s.latest_full_year, s.year_to_date, s.base
    out: dict[str, tuple[str, str]] = {}
    if latest:
        side = latest.reporting_country
        out["latest"] = (
            w.money(latest.value_musd),
            w.gettext("%(year)s, %(side)s figure", year=w.year(latest.year), side=side)
            if side else w.year(latest.year),
        )
    else:
        out["latest"] = (w.gettext("none cited"), "")
    if ytd:
        short = METHOD_SHORT[ytd.method]
        method = w.pgettext("method short", short, months=w.integer(ytd.months))
        out["ytd"] = (
            w.money(ytd.value_musd),
            w.gettext("%(period)s; full-year estimate %(estimate)s (%(method)s)",
                      period=w.period_label(ytd.year, ytd.months),
                      estimate=w.money(ytd.annualised_musd), method=method),
        )
    else:
        out["ytd"] = ("", w.gettext("none after the latest full year"))
    out["target"] = (
        w.money(s.target_musd),
        w.gettext("a year, by %(year)s (assumed: no deadline given)", year=w.year(s.target_year)),
    )
    base_year = w.year(base.year)
    out["gap"] = (
        w.money(s.gap_musd),
        w.gettext("%(share)s of the target, from the %(year)s estimate", share=w.percent(
            s.gap_pct_of_target), year=base_year) if base.kind == "ytd"
        else w.gettext("%(share)s of the target, from the %(year)s figure", share=w.percent(
            s.gap_pct_of_target), year=base_year),
    )
    out["required"] = (
        w.growth_per_year(s.required_growth_pct),
        w.gettext("from %(base)s to reach the target in %(year)s", base=base_year,
                  year=w.year(s.target_year)),
    )
    band, horizon = s.band, s.horizon_year
    out["reached"] = (
        not_by(w, s.target_reached_year, horizon),
        w.gettext("at %(rate)s (band %(low)s to %(high)s: %(early)s – %(late)s)",
                  rate=w.growth_per_year(s.scenario_growth_pct), low=w.growth(band.low_pct),
                  high=w.growth(band.high_pct),
                  early=not_by(w, band.high_reached_year, horizon),
                  late=not_by(w, band.low_reached_year, horizon)),
    )
    return out


def notices_heading(w: Wording) -> str:
    return w.gettext("Some settings were adjusted:")


def sources_intro(w: Wording) -> str:
    return w.gettext(
        "Each row is one figure as a source gave it. 'headline' rows make up the series with "
        "reporting side 'any'; 'alternate' rows were set aside by the rule below. 'Side' is "
        "the country whose books the figure comes from. Click a column header to sort by it "
        "(again for the reverse order, a third time for the file's order); on a narrow "
        "screen the table scrolls sideways. Type in the box to show only the rows that "
        "contain those words.")


def filter_label(w: Wording, count: int) -> str:
    return w.ngettext("Filter the %(count)s citation", "Filter the %(count)s citations", count,
                      count=w.integer(count))


def sources_status(w: Wording, first: int, last: int, total: int, text: str) -> str:
    """What the sources table shows: which rows of how many, or that none match."""
    if total == 0:
        return w.gettext("No citation contains all of: %(words)s", words=text.strip())
    return w.gettext("Rows %(first)s–%(last)s of %(total)s", first=w.integer(first),
                     last=w.integer(last), total=w.integer(total))


def source_rows(w: Wording, ds: Dataset, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources table's rows (``scenario.sources_rows``: codes and facts) with the
    product's words in the reader's language; reporter, outlet and note as cited. ``ds``
    is the dataset the rows come from."""
    uses = translated(w, "use", USES)
    return [
        {
            "citation_id": row["citation_id"],
            "measure": w.label("measure", row["measure"]),
            "period": w.period_label(row["year"], row["months"]),
            "flow": w.label("flow", row["flow"]),
            "value_musd": row["value_musd"],
            "precision": w.label("precision", row["precision"]),
            "reporter": row["reporter"],
            "side": row["side"] or w.gettext("not recorded"),
            "outlet": row["outlet"] or w.gettext("not named"),
            "published": row["published"] or w.label("role", "not_given"),
            "used": uses[row["used"]],
            "note": row["note"],
            "line": row["line"],
        }
        for row in rows
    ]


def method_points(w: Wording) -> list[str]:
    """The method section's points: how the series and the estimates are made."""
    return [
        w.gettext("One figure per year: a full-year figure beats a partial one; then statistics "
                  "office, customs, government, business association, other; then exact before "
                  "approximate; then the newest publication."),
        w.gettext("A year is marked disputed when its citations differ by more than %(pct)s. "
                  "Years with no citation are shown as missing, never filled in.",
                  pct=w.percent(CONFLICT_TOLERANCE * 100, 0)),
        w.gettext("Reporting side: Kazakhstan and Mongolia each publish the trade from their "
                  "own books, and the figures differ. 'Kazakhstan' or 'Mongolia' builds the "
                  "series from that side's citations only. 'Any' keeps the side whose citations "
                  "cover the most years (then the side with the later latest year, then KZ) and "
                  "takes the other side's figure only for a year the first side does not cover; "
                  "such years are marked on the charts. Growth rates offered as presets or as "
                  "the default never compare years from different sides. The history chart "
                  "draws the other side's figures as a dashed light line."),
        w.gettext("A January-to-month-N figure is annualised pro-rata (× 12 / N); by last "
                  "year's seasonal share, when last year has a full-year and a same-period "
                  "figure; or by year-on-year change (last full year × (1 + the change the "
                  "source gives on the same months of last year)), when the source gives that "
                  "change. Both need last year's figures from the same side."),
        w.gettext("Projections grow the base at a constant rate. They are scenarios, not "
                  "forecasts. The target year is an assumption."),
    ]

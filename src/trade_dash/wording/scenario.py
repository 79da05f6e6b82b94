"""The texts of the scenario chart that change with the growth rate: the band, projection
and required-path trace names, the "target met in …" note and the scenario line.

The growth slider is answered in the browser (``assets/scenario.js``), which must write
these texts exactly as Python does. So each is a translated ``%(name)s`` template that
both fill: Python here, the script from ``browser_words``, which hands it the templates
in the reader's language and the CLDR number symbols it needs to format a growth rate as
``Wording.growth`` does (rounded half to even at one decimal, the locale's decimal mark,
grouping, plus and minus signs and percent pattern). Everything in a text that does not
depend on the growth rate is filled in by Python before the script sees it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from trade_dash.domain.summary import Summary
from trade_dash.wording import vocabulary
from trade_dash.wording.catalogs import NP_
from trade_dash.wording.core import Wording
from trade_dash.wording.facts import side_code_text

CONTEXT = "scenario chart"
# The templates, by the name the script knows them by. ``rate``, ``low``, ``high``: growth
# rates as ``Wording.growth`` writes them; ``year``: a year.
TEMPLATES = {
    "low": NP_("scenario chart", "Low (%(rate)s/yr)"),
    "band": NP_("scenario chart", "Band %(low)s to %(high)s/yr"),
    "projection": NP_("scenario chart", "Scenario %(rate)s/yr (projection)"),
    "met": NP_("scenario chart", "Target met in %(year)s at %(rate)s/yr"),
    "not_met": NP_("scenario chart", "Target not met by %(year)s at %(rate)s/yr"),
    "subtitle": NP_("scenario chart", "Scenario: %(base)s, growth %(rate)s/yr (band ±%(band)s), "
                             "target %(target)s by %(year)s (assumed year); %(side)s"),
}
REQUIRED = NP_("scenario chart", "Rate needed for %(year)s: %(rate)s/yr")
BASE_ESTIMATE = NP_("scenario chart", "base %(year)s estimate %(value)s (%(method)s)")
BASE_FULL = NP_("scenario chart", "base %(year)s %(value)s")


def _template(w: Wording, name: str, **params: object) -> str:
    return w.pgettext(CONTEXT, TEMPLATES[name], **params)


def low_name(w: Wording, low_pct: float) -> str:
    return _template(w, "low", rate=w.growth(low_pct))


def band_name(w: Wording, low_pct: float, high_pct: float) -> str:
    return _template(w, "band", low=w.growth(low_pct), high=w.growth(high_pct))


def projection_name(w: Wording, growth_pct: float) -> str:
    return _template(w, "projection", rate=w.growth(growth_pct))


def required_name(w: Wording, target_year: int, required_pct: float) -> str:
    return w.pgettext(CONTEXT, REQUIRED, year=w.year(target_year), rate=w.growth(required_pct))


def reached(w: Wording, reached_year: int | None, horizon_year: int, growth_pct: float) -> str:
    """When the projection meets the target, or that it does not within the horizon."""
    if reached_year is None:
        return _template(w, "not_met", year=w.year(horizon_year), rate=w.growth(growth_pct))
    return _template(w, "met", year=w.year(reached_year), rate=w.growth(growth_pct))


# Where the base stands in a sentence. Each slot has its own messages, as the phrase's
# grammar depends on the words around it (a case ending in Kazakh and Mongolian).
BaseSlot = Literal["subtitle", "item", "starts", "met_by", "growth_from"]


def base_phrase(w: Wording, s: Summary, slot: BaseSlot,
                money: Callable[[float], str] | None = None) -> str:
    """The scenario's base (its year, value and, for an estimate, how it was made), worded
    for ``slot``: the chart subtitle's fragment, the briefing's item, the chart
    description's sentence, or the key message's phrase after "already met by" or
    "growth ... from". The one place the base is put into words."""
    b = s.base
    ytd = b.kind == "ytd"
    year = w.year(b.year)
    if slot == "subtitle":
        value = (money or w.money_short)(b.value_musd)
        if ytd:
            method = vocabulary.METHOD_PHRASES.get(b.method or "", "")
            return w.pgettext(CONTEXT, BASE_ESTIMATE, year=year, value=value,
                              method=w.pgettext("scenario method", method))
        return w.pgettext(CONTEXT, BASE_FULL, year=year, value=value)
    value = w.money(b.value_musd, 2) if ytd else w.money(b.value_musd)
    if slot == "item":
        return (w.gettext("%(year)s current-year estimate: %(value)s", year=year, value=value)
                if ytd else
                w.gettext("%(year)s latest full year: %(value)s", year=year, value=value))
    if slot == "starts":
        return (w.gettext("The scenario starts from the %(year)s full-year estimate, "
                          "%(value)s.", year=year, value=value) if ytd else
                w.gettext("The scenario starts from the cited %(year)s figure, %(value)s.",
                          year=year, value=value))
    if slot == "met_by":
        return (w.pgettext("base, after 'already met by'", "the %(year)s estimate of %(value)s",
                           year=year, value=value) if ytd else
                w.pgettext("base, after 'already met by'", "the %(year)s figure of %(value)s",
                           year=year, value=value))
    return (w.pgettext("base, after 'growth ... from'", "the %(year)s estimate of %(value)s",
                       year=year, value=value) if ytd else
            w.pgettext("base, after 'growth ... from'", "the %(year)s figure of %(value)s",
                       year=year, value=value))


def subtitle_params(w: Wording, s: Summary,
                    money: Callable[[float], str] | None = None) -> dict[str, str]:
    """The scenario line's values other than the growth rate, already worded; amounts by
    ``money`` (the compact ``Wording.money_short`` a chart has room for, by default)."""
    money = money or w.money_short
    return {"base": base_phrase(w, s, "subtitle", money), "band": w.points(s.scenario.band_pct),
            "target": money(s.target_musd), "year": w.year(s.target_year),
            "side": side_code_text(w, s)}


def subtitle(w: Wording, s: Summary, money: Callable[[float], str] | None = None) -> str:
    """The scenario line: base, growth, band, target and whose figures. The chart's
    subtitle, and with amounts in words (``money=w.money``) the briefing's scenario line."""
    return _template(w, "subtitle", rate=w.growth(s.scenario_growth_pct),
                     **subtitle_params(w, s, money))


def browser_words(w: Wording) -> dict[str, Any]:
    """What the browser script needs to write these texts as this module does: the
    templates in ``w``'s language, and how ``w.growth`` writes a number (Babel puts the
    pattern's positive or negative prefix and suffix around the grouped digits)."""
    symbols = w.locale.number_symbols["latn"]
    pattern = w.locale.percent_formats[None]
    return {
        "templates": {name: w.pgettext(CONTEXT, text) for name, text in TEMPLATES.items()},
        "number": {
            "decimal": symbols["decimal"],
            "group": symbols["group"],
            "plus": symbols["plusSign"],
            "grouping": pattern.grouping[0],
            "prefix": list(pattern.prefix),  # [positive, negative]
            "suffix": list(pattern.suffix),
        },
    }

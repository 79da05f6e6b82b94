"""The product's words for each concept it names: one vocabulary per concept.

Each table maps a code of the domain (an annualisation method, a reporting side, a
flow, a base, a year's status, the use a citation was put to) to message ids, one per
place the word appears, with the gettext context that tells translators where. Every
other module of the wording layer takes these words from here, so a concept is named
the same way on the page, in the charts, the briefing and the command line, and a new
value (a new method, say) is added here once.
"""

from __future__ import annotations

from trade_dash.domain import model
from trade_dash.domain.normalise import ANY
from trade_dash.wording.catalogs import N_, NP_

# --- annualisation method ----------------------------------------------------------
# In tables and the series CSV's rule column.
METHOD_LABELS = {
    "pro_rata": NP_("method", "Pro-rata"),
    "seasonal": NP_("method", "Seasonal share"),
}
# The page's radio buttons.
METHOD_OPTIONS = {
    model.PRO_RATA: NP_("method option", "Pro-rata (× 12 / months)"),
    model.SEASONAL: NP_("method option", "Seasonal share (last year's pattern)"),
    model.YOY: NP_("method option", "Year-on-year change (last full year × the change the "
                                    "source gives)"),
}
# After the estimate, on the year-to-date card and the chart's hover label.
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
# Inside the scenario's sentence (the chart subtitle, the briefing).
METHOD_PHRASES = {
    model.PRO_RATA: NP_("scenario method", "pro-rata"),
    model.SEASONAL: NP_("scenario method", "seasonal share"),
    model.YOY: NP_("scenario method", "year-on-year change"),
}

# --- base of the projection ---------------------------------------------------------
BASE_LABELS = {
    "ytd": NP_("base", "Annualised year to date"),
    "full": NP_("base", "Latest full year"),
}
BASE_OPTIONS = {"ytd": NP_("base option", "Current-year estimate"),
                "full": NP_("base option", "Latest full year")}

# --- reporting side -------------------------------------------------------------------
REPORTER_OPTIONS = {
    ANY: NP_("reporter option", "Any side (one side kept where it can be)"),
    "KZ": NP_("reporter option", "Kazakhstan's figures only (KZ)"),
    "MN": NP_("reporter option", "Mongolia's figures only (MN)"),
}
# The series' own side, in the sentence that says whose books it comes from.
SIDE_NAMES = {
    "KZ": N_("Kazakh figures (KZ)"),
    "MN": N_("Mongolian figures (MN)"),
    "": N_("figures whose reporting side is not recorded"),
}

# --- flows of trade ---------------------------------------------------------------------
FLOW_LABELS = {
    "turnover": NP_("flow", "Turnover"),
    "kz_exports_to_mn": NP_("flow", "Kazakhstan's exports to Mongolia"),
    "mn_exports_to_kz": NP_("flow", "Mongolia's exports to Kazakhstan"),
}
# The flows chart's two directions, in its legend and in its flags.
FLOW_NAMES = {
    "kz_exports": N_("Kazakh exports to Mongolia"),
    "mn_exports": N_("Mongolian exports to Kazakhstan"),
}
FLOW_SHORT = {"kz_exports": N_("Kazakh exports"), "mn_exports": N_("Mongolian exports")}

# --- a year's status in the series ------------------------------------------------------
STATUS_LABELS = {
    "full": NP_("status", "Full year"),
    "partial": NP_("status", "Partial year"),
    "missing": NP_("status", "No figure cited"),
    "disputed": NP_("status", "Disputed"),
}

# --- what the rule made of a citation ("used as") -------------------------------------
# The sources table, on the page and in the briefing.
USES = {
    "headline": NP_("use", "headline"),
    "alternate": NP_("use", "alternate"),
    "target": NP_("use", "target"),
    "other_flow": NP_("use", "other flow (not used)"),
}
# A role of a citation, and a value the source did not give.
ROLE_LABELS = {
    "headline": NP_("role", "Headline"),
    "alternate": NP_("role", "Alternate"),
    "not_given": NP_("role", "Not given"),
}

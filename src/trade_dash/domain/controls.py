"""The scenario controls, each declared once.

A control is everything a reader can set about a scenario: its attribute on
``Scenario``, its key in the page's address, its component id on the page, its
command-line option, its bounds and step, its default, and the message ids of its
names and help texts. The URL parser and writer, the validation, the command line,
the page's layout and callbacks, and the wording layer all read this table, so a new
control (or a new value of a choice) is one entry here plus its translations.

The names and help texts are gettext message ids (the English source strings) marked
for extraction; only the wording layer turns them into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from trade_dash.domain import model
from trade_dash.domain.normalise import REPORTERS


def N_(message: str) -> str:
    """Mark a message for extraction; the wording layer translates it."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a message with its translation context for extraction."""
    return message


Kind = Literal["number", "year", "choice"]

HORIZON_YEAR = 2050  # the last year a projection may reach
DEFAULT_TARGET_YEAR = 2030  # an assumption: no source states a deadline
ASSUMED_TARGET_MUSD = 500.0  # the October 2024 goal, used only when the data cites no target
DEFAULT_BAND_PCT = 5.0
BASES = ("ytd", "full")
GROWTH_MIN_PCT, GROWTH_MAX_PCT, GROWTH_STEP_PCT = -50.0, 100.0, 0.1
TARGET_MIN_MUSD, TARGET_MAX_MUSD = 1.0, 100_000.0
BAND_MIN_PCT, BAND_MAX_PCT = 0.0, 20.0
FIRST_YEAR = 1992  # the page's lowest target year; the scenario needs the year after its base


@dataclass(frozen=True)
class Control:
    """One scenario control. ``default`` None: the data decides (``default_scenario``)."""

    key: str  # in the address, and the key of its name in the wording layer
    attr: str  # the ``Scenario`` field it sets
    component: str  # the page component's id
    option: str  # the command-line option
    kind: Kind
    name: str  # message id, context "control": the control named in notices and errors
    label: str  # message id, context ``label_context``: its label on the page
    help: str  # message id: its --help text
    page_help: str | None = None  # message id, context "page": help under it on the page
    low: float | None = None  # a year's lowest is the year after the base
    high: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    default: float | str | None = None
    metavar: str | None = None
    range_error: str | None = None  # the ScenarioError code of a value out of range
    label_context: str = "page"


GROWTH = Control(
    "growth", "growth_pct", "growth", "--growth", "number",
    NP_("control", "Growth rate"), NP_("page", "Growth rate, % a year"),
    N_("scenario growth, percent a year (default: derived from the data)"),
    NP_("page", "Drag, use the arrow keys, or type a value and press Tab. "
                "Negative values model a decline."),
    low=GROWTH_MIN_PCT, high=GROWTH_MAX_PCT, step=GROWTH_STEP_PCT, metavar="PCT",
    range_error="growth_range")
TARGET_YEAR = Control(
    "target_year", "target_year", "target-year", "--target-year", "year",
    NP_("control", "Target year"), NP_("page", "Target year (assumed)"),
    N_("year the target should be met (default 2030, an assumption)"),
    NP_("page", "No source gives a deadline."),
    low=FIRST_YEAR, high=HORIZON_YEAR, step=1, default=DEFAULT_TARGET_YEAR, metavar="YEAR",
    range_error="target_year_range")
TARGET = Control(
    "target", "target_musd", "target", "--target", "number",
    NP_("control", "Target"), NP_("page", "Target, US$ million"),
    N_("annual target in US$ million (default: the cited target)"),
    low=TARGET_MIN_MUSD, high=TARGET_MAX_MUSD, step=1, metavar="MUSD",
    range_error="target_range")
BASE = Control(
    "base", "base", "base", "--base", "choice",
    NP_("control", "Base"), NP_("page", "Base of the projection"),
    N_("project from the current-year estimate (ytd) or the latest full year"),
    choices=BASES)
METHOD = Control(
    "method", "method", "method", "--method", "choice",
    NP_("control", "Annualisation method"), NP_("page", "Annualising the partial year"),
    N_("annualisation of the year-to-date figure (default: yoy when the source "
       "states the change on last year, else seasonal when last year's same months "
       "are cited, else pro_rata)"),
    choices=model.METHODS)
BAND = Control(
    "band", "band_pct", "band", "--band", "number",
    NP_("control", "Band"), NP_("page", "Low / high band, ± points"),
    N_("width of the low/high band around the growth rate, in points"),
    low=BAND_MIN_PCT, high=BAND_MAX_PCT, step=0.5, default=DEFAULT_BAND_PCT, metavar="PCT",
    range_error="band_range")
REPORTER = Control(
    "reporter", "reporter", "reporter", "--reporter", "choice",
    NP_("control", "Reporting side"), NP_("control", "Reporting side"),
    N_("whose figures make the series: any (one side kept where possible, the "
       "default), KZ or MN (that side's citations only)"),
    NP_("page", "Each country records the trade in its own books, and the two disagree. "
                "Changing side resets the growth rate, base and method to that side's "
                "defaults."),
    choices=REPORTERS, default=REPORTERS[0], label_context="control")

# In the order the address lists them.
CONTROLS: tuple[Control, ...] = (GROWTH, TARGET_YEAR, TARGET, BASE, METHOD, BAND, REPORTER)
# In the order they are read (the address, the command line): the reporter first, as
# the defaults of the others depend on whose series it is.
READ_ORDER: tuple[Control, ...] = (REPORTER, *(c for c in CONTROLS if c is not REPORTER))

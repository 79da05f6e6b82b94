"""Sentences about reporting sides, annualisation methods and data freshness.

The pure layers (data, normalise, model, scenario) return codes and facts: a side
code, a method code, years, dates, flags. This module turns them into the words the
page, the charts, the briefing pack and the command line show, so each is written
once (and can be translated in one place). Plain text, no plotly or Dash.
"""

from __future__ import annotations

import datetime as dt

from trade_dash import model
from trade_dash.data import SIDES
from trade_dash.normalise import ANY
from trade_dash.scenario import Summary, freshness

SIDE_ADJECTIVES = {"KZ": "Kazakh", "MN": "Mongolian"}
METHOD_NAMES = {
    model.PRO_RATA: "pro-rata",
    model.SEASONAL: "seasonal share",
    model.YOY: "year-on-year change",
}


def side_text(s: Summary) -> str:
    """Whose books the series comes from, in a few words."""
    rs = s.reporting_side
    reporter, primary = rs["reporter"], rs["primary"]
    if reporter != ANY:
        return f"{SIDE_ADJECTIVES[reporter]} figures only ({reporter})"
    if primary is None:
        return "reporting side not recorded"
    own = f"{SIDE_ADJECTIVES[primary]} figures ({primary})"
    return f"{own}, other side where none" if rs["mixed"] else own


def side_code_text(s: Summary) -> str:
    """The same in as few words as a one-line chart subtitle allows."""
    rs = s.reporting_side
    if rs["reporter"] != ANY:
        return f"{rs['reporter']} figures only"
    if rs["primary"] is None:
        return "side not recorded"
    return f"{rs['primary']} figures" + (", mixed sides" if rs["mixed"] else "")


def mixed_sides_note(s: Summary) -> str | None:
    """Where the series mixes reporting sides, which years come from which, and what that
    means for growth rates; None when it does not."""
    rs = s.reporting_side
    if not rs["mixed"]:
        return None
    parts = [
        f"{', '.join(map(str, years))} from "
        + (side if side in SIDES else "an unrecorded side")
        for side, years in rs["years"].items()
        if side != rs["primary"]
    ]
    main = f"{rs['primary']} figures except " if rs["primary"] else "Years "
    return (
        f"Mixed reporting sides: {main}{'; '.join(parts)}. Growth rates offered as presets or "
        "as the default never compare years from different sides."
    )


def freshness_text(latest: dict | None) -> str:
    """'latest figure published 2025-09-06'."""
    if latest is None:
        return "no figure in the data carries a publication date"
    return f"latest figure published {latest['latest_published']}"


def stale_text(latest: dict | None, today: dt.date, since: str) -> str | None:
    """The warning for data whose newest figure is more than a year old on ``today``;
    ``since`` names the moment ("today", "this briefing"). None when it is fresh."""
    fresh = freshness(latest, today)
    if fresh is None or not fresh["stale"]:
        return None
    return (
        f"The newest figure in the data was published on {fresh['latest_published']}, more "
        f"than a year before {since}: newer figures may have been published since."
    )

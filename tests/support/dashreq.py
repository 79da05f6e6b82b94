"""Well-formed requests to the page's callbacks, as the browser would send them, and the
values of the page's controls for a callback called as a function."""

from __future__ import annotations

import json
import re

from trade_dash.charts.registry import CHARTS
from trade_dash.web import ids

MAIN_OUTPUT_START = f"..{ids.URL}.search..."

# Input and state values of a page showing the default scenario, growth at 25 %.
DEFAULTS = {
    ids.URL: "", ids.GROWTH: 25, ids.TARGET_YEAR: 2030, ids.TARGET: 500, ids.BASE: "ytd",
    ids.METHOD: "yoy", ids.BAND: 5, ids.REPORTER: "any", ids.PRESET: "",
    ids.BROWSER_READY: None,  # the page's script has not (yet) answered a move itself
    **{c.format_id: c.formats[0] for c in CHARTS},
}


def controls(**kw: object) -> dict[str, object]:
    """The controls' values by id: the bundled data's default scenario (growth at 20.2 %),
    with ``kw`` (attribute names of ``ids``, lower case) changed."""
    base: dict[str, object] = {
        ids.GROWTH: 20.2,
        ids.TARGET_YEAR: 2030,
        ids.TARGET: 500,
        ids.BASE: "ytd",
        ids.METHOD: "yoy",  # the default the data points to (a stated change on 2024)
        ids.BAND: 5,
        ids.REPORTER: "any",
    }
    base.update({getattr(ids, k.upper()): v for k, v in kw.items()})
    return base


def main_callback_body(output: str, inputs: list[dict], state: list[dict], *, href: str,
                       values: dict | None = None,
                       changed: str = f"{ids.GROWTH}.value") -> dict:
    """The body for the callback ``output`` (a key of ``app.callback_map`` or an entry of
    ``/_dash-dependencies``) with ``inputs`` and ``state`` as that spec lists them."""
    given = {**DEFAULTS, **(values or {})}
    return {
        "output": output,
        "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
                    for o in output.strip(".").split("...")],
        "inputs": [{**i, "value": given[i["id"]]} for i in inputs],
        "changedPropIds": [changed],
        "state": [{**s, "value": href if s["property"] == "href" else given[s["id"]]}
                  for s in state],
    }


def reached_shown(response: dict) -> str:
    """The big figure of the "Target reached" card in a main-callback response (not the band
    line below it, which names other years)."""
    return response[ids.CARD_REACHED]["children"][0]["props"]["children"]


def page_config(page: str) -> dict:
    """The settings Dash writes into a page for its renderer; ``ui`` says whether the dev
    tools (debug mode's error pop-ups and callback graph) are on."""
    found = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page,
                      flags=re.S)
    assert found is not None, "no Dash config in the page"
    return json.loads(found.group(1))

"""The growth slider answered in the browser (assets/scenario.js), and the server standing in
when the script is missing or fails."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.test_browser_dashboard import (
    assert_clean,
    assert_projection_follows,
    card,
    growth_thumb,
    open_dashboard,
    reached_text,
)
from trade_dash import ids
from trade_dash.charts import CHARTS
from trade_dash.scenario import analyse, scenario_from_query

pytestmark = pytest.mark.browser

SCRIPT = "**/assets/scenario.js*"
GRAPH = CHARTS["scenario"].graph_id
CALLBACK = "/_dash-update-component"


def main_responses(page) -> list[dict]:
    """Bodies of the page's main-callback responses (the one that updates the URL), as
    they arrive."""
    bodies: list[dict] = []

    def on_response(response):
        if CALLBACK in response.url and f"{ids.URL}.search" in (response.request.post_data or ""):
            bodies.append(json.loads(response.body())["response"])

    page.on("response", on_response)
    return bodies


# A component's property as Dash's renderer holds it (its redux store is window.store).
PROP = """([id, prop]) => { const s = window.store.getState(); let node = s.layout;
  for (const key of s.paths.strs[id] || [null]) { node = node && node[key]; }
  return node && node.props ? node.props[prop] : undefined; }"""


def prop(page, component: str, name: str):
    return page.evaluate(PROP, [component, name])


def move_up(page, points: int) -> None:
    thumb = growth_thumb(page)
    thumb.focus()
    for _ in range(points):
        page.keyboard.press("PageUp")  # one point per press


def expect_scenario(page, expect, bundled, growth: str) -> None:
    """The page shows scenario ``growth=…``: the card, the address and the projection."""
    s = analyse(bundled, scenario_from_query(bundled, f"growth={growth}")[0])
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(
        reached_text(s.target_reached_year, s.horizon_year))
    expect(page).to_have_url(re.compile(rf"[?&]growth={re.escape(growth)}(&|$)"))
    name = f"Scenario {s.scenario_growth_pct:+.1f}%/yr"
    expect(page.locator(f"#{GRAPH} .legendtext").filter(has_text=name)).to_have_count(1)
    assert_projection_follows(page, s)


def test_a_growth_move_is_drawn_in_the_browser_and_the_server_sends_no_chart(
        page, console, server, bundled, expect):
    bodies = main_responses(page)
    open_dashboard(page, server)
    page.wait_for_function(f"a => ({PROP})(a) === true", arg=[ids.BROWSER_READY, "data"])
    bodies.clear()
    move_up(page, 3)
    expect_scenario(page, expect, bundled, "23.2")
    assert bodies, "the server was not asked for the cards and the address"
    for body in bodies:
        # The server keeps the cards, the address and the links in step, but the
        # scenario chart's traces and axes come from the browser.
        sent = json.dumps(body.get(GRAPH, {}))
        assert '"data"' not in sent and "xaxis" not in sent, sent[:300]
        assert ids.SCENARIO_FACTS not in body
    s = analyse(bundled, scenario_from_query(bundled, "growth=23.2")[0])
    assert card(page, ids.CARD_REACHED)[0] == reached_text(s.target_reached_year, s.horizon_year)
    assert_clean(console, server)


def test_a_page_whose_script_never_loaded_is_drawn_by_the_server(
        page, console, server, bundled, expect):
    page.route(SCRIPT, lambda route: route.fulfill(status=404, body="blocked"))
    open_dashboard(page, server)
    assert page.evaluate("() => !(window.dash_clientside || {}).tradeDash")
    assert prop(page, ids.BROWSER_READY, "data") is None
    move_up(page, 2)
    expect_scenario(page, expect, bundled, "22.2")
    assert server.server_errors() == []


def test_a_failing_script_hands_the_chart_to_the_server(page, console, server, bundled, expect):
    open_dashboard(page, server)
    page.wait_for_function(
        "() => window.dash_clientside && window.dash_clientside.tradeDash")
    # A failure inside the script: the Patch it builds its update with throws.
    page.evaluate("() => { window.dash_clientside.Patch = function () {"
                  " throw new Error('forced failure'); }; }")
    move_up(page, 4)
    expect_scenario(page, expect, bundled, "24.2")
    assert any("forced failure" in w for w in console.warnings())
    assert prop(page, ids.BROWSER_FAILED, "data") >= 1
    assert console.errors() == []
    assert server.server_errors() == []

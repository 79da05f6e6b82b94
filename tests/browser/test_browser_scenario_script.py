"""The growth slider answered in the browser (assets/scenario.js), and the server standing in
when the script is missing or fails."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.browser import (
    assert_clean,
    assert_projection_follows,
    card,
    growth_thumb,
    open_dashboard,
    reached_text,
)
from trade_dash.charts.page import page_layout, page_trace
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import scenario_layout, scenario_traces
from trade_dash.charts.style import Context, esc
from trade_dash.domain import model
from trade_dash.domain.controls import BASES
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.summary import analyse
from trade_dash.web import browser_scenario, ids
from trade_dash.wording import scenario as scenario_words
from trade_dash.wording.core import Wording
from trade_dash.wording.languages import LANGUAGES

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


def subtitle(page) -> str:
    """The scenario line above the chart."""
    return page.locator(f"#{CHARTS['scenario'].subtitle_id}").inner_text()


def expect_scenario(page, expect, bundled, growth: str) -> None:
    """The page shows scenario ``growth=…``: the card, the address and the projection."""
    s = analyse(bundled, scenario_from_query(bundled, f"growth={growth}")[0])
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(
        reached_text(s.target_reached_year, s.horizon_year))
    expect(page).to_have_url(re.compile(rf"[?&]growth={re.escape(growth)}(&|$)"))
    name = f"Scenario {s.scenario_growth_pct:+.1f}%/yr"
    expect(page.locator(f"#{GRAPH} .legendtext").filter(has_text=name)).to_have_count(1)
    assert_projection_follows(page, s)
    assert f"growth {s.scenario_growth_pct:+.1f}%/yr" in subtitle(page)


# Counts from now on each chart's redraws, by its graph's id: plotly's own event for a
# finished redraw (plotly_afterplot), which the reader sees in the next frame.
COUNT_REDRAWS = """() => {
  window.__redraws = {};
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const id = gd.parentElement.closest('[id]').id;
    window.__redraws[id] = 0;
    gd.on('plotly_afterplot', () => { window.__redraws[id] += 1; });
  }
}"""
# Longer than Dash takes to apply an answer of the server and run what follows it.
SETTLE_MS = 750


def count_redraws(page) -> None:
    """Count redraws from now on, once the page has done drawing (the charts are redrawn
    to their boxes' sizes after the first drawing)."""
    page.wait_for_function(f"a => ({PROP})(a) === true", arg=[ids.BROWSER_READY, "data"])
    page.evaluate(COUNT_REDRAWS)
    for _ in range(20):
        before = page.evaluate("window.__redraws")
        page.wait_for_timeout(SETTLE_MS)
        if page.evaluate("window.__redraws") == before:
            break
    page.evaluate("() => { for (const id in window.__redraws) window.__redraws[id] = 0; }")


def redraws_once_answered(page, expect, growth: str) -> dict[str, int]:
    """Each chart's redraws since ``count_redraws``, once the server has answered the move
    to ``growth`` (the address holds it) and what follows the answer has run."""
    expect(page).to_have_url(re.compile(rf"[?&]growth={re.escape(growth)}(&|$)"))
    page.wait_for_timeout(SETTLE_MS)
    return page.evaluate("window.__redraws")


def test_a_key_press_redraws_the_scenario_chart_once_and_no_other_chart(
        page, console, server, bundled, expect):
    open_dashboard(page, server)
    count_redraws(page)
    move_up(page, 1)
    redraws = redraws_once_answered(page, expect, "21.2")
    assert redraws == {c.graph_id: 1 if c.name == "scenario" else 0 for c in CHARTS}
    expect_scenario(page, expect, bundled, "21.2")
    assert_clean(console, server)


def test_a_typed_growth_rate_redraws_the_scenario_chart_once(
        page, console, server, bundled, expect):
    page.set_viewport_size({"width": 900, "height": 1000})  # where the number box shows
    open_dashboard(page, server)
    count_redraws(page)
    box = page.locator(f"#{ids.GROWTH} input[type=number]")
    box.fill("23.5")
    box.press("Tab")  # the value is taken when the box loses focus
    assert redraws_once_answered(page, expect, "23.5")[GRAPH] == 1
    expect_scenario(page, expect, bundled, "23.5")
    assert_clean(console, server)


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


# The facts of the page's scenario with a scenario text the script cannot fill (as a
# translation naming a value the script does not have would be).
BREAK_FACTS = """id => {
  const facts = window.dash_component_api.getLayout(id).props.data;
  const words = {...facts.words, templates: {...facts.words.templates,
                                             projection: '%(no_such_value)s'}};
  window.dash_clientside.set_props(id, {data: {...facts, words}});
}"""


def test_a_failing_script_hands_the_chart_to_the_server(page, console, server, bundled, expect):
    open_dashboard(page, server)
    page.wait_for_function(f"a => ({PROP})(a) === true", arg=[ids.BROWSER_READY, "data"])
    page.evaluate(BREAK_FACTS, ids.SCENARIO_FACTS)
    move_up(page, 4)
    expect_scenario(page, expect, bundled, "24.2")
    assert any("no_such_value" in w for w in console.warnings())
    assert prop(page, ids.BROWSER_FAILED, "data") >= 1
    assert prop(page, ids.BROWSER_READY, "data") is False
    assert console.errors() == []
    assert server.server_errors() == []


def figure_growth(page) -> float | None:
    """The growth rate in Dash's own copy of the scenario figure (its projection's meta)."""
    figure = prop(page, GRAPH, "figure")
    traces = figure["data"] if figure else []
    return next((t["meta"]["growth_pct"] for t in traces if t.get("meta")), None)


def test_a_move_is_drawn_and_held_by_dash_before_the_server_answers(
        page, console, server, bundled, expect):
    """The reader sees the move drawn, and Dash's copy of the figure and of the scenario
    line hold it, while the server's answer is still on its way."""
    open_dashboard(page, server)
    page.wait_for_function(f"a => ({PROP})(a) === true", arg=[ids.BROWSER_READY, "data"])
    held: list = []

    def callback(url: str) -> bool:
        return CALLBACK in url

    page.route(callback, lambda route: held.append(route))
    before = figure_growth(page)
    with page.expect_request(lambda r: callback(r.url)):
        move_up(page, 1)
    growth = round(before + 1, 1)
    s = analyse(bundled, scenario_from_query(bundled, f"growth={growth}")[0])
    name = f"Scenario {s.scenario_growth_pct:+.1f}%/yr"
    expect(page.locator(f"#{GRAPH} .legendtext").filter(has_text=name)).to_have_count(1)
    assert_projection_follows(page, s)
    assert f"growth {s.scenario_growth_pct:+.1f}%/yr" in subtitle(page)
    assert figure_growth(page) == growth
    assert scenario_words.subtitle(Wording.for_lang("en"), s) == prop(
        page, CHARTS["scenario"].subtitle_id, "children")
    assert held and f"growth={growth}" not in page.url  # the answer is held back
    for route in held:
        route.continue_()
    page.unroute(callback)
    expect_scenario(page, expect, bundled, str(growth))
    assert_clean(console, server)


def test_a_pointer_drag_is_drawn_once_a_step_and_dash_holds_where_it_ends(
        page, console, server, bundled, expect):
    open_dashboard(page, server)
    count_redraws(page)
    box = growth_thumb(page).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    seen = [float(growth_thumb(page).get_attribute("aria-valuenow"))]
    for dx in (6, 12, 18, 24, 30):
        page.mouse.move(x + dx, y)
        now = float(growth_thumb(page).get_attribute("aria-valuenow"))
        name = f"Scenario {now:+.1f}%/yr"
        # Drawn while the button is still down, move by move.
        expect(page.locator(f"#{GRAPH} .legendtext").filter(has_text=name)).to_have_count(1)
        seen.append(now)
    page.mouse.up()
    steps = sum(a != b for a, b in pairwise(seen))
    assert steps > 1, seen
    final = seen[-1]
    assert redraws_once_answered(page, expect, f"{final:g}")[GRAPH] == steps
    expect_scenario(page, expect, bundled, f"{final:g}")
    assert figure_growth(page) == final
    assert_clean(console, server)


def test_the_page_keeps_the_browsers_own_number_parsing(page, console, server):
    """Babel's polyfill is not loaded: plotly.js parses numbers with the browser's own
    functions, and Dash's lazy loading still finds regenerator-runtime."""
    open_dashboard(page, server)
    assert page.evaluate("""() => [parseFloat, parseInt, Number.parseFloat, String.prototype.trim]
        .every(f => Function.prototype.toString.call(f).includes('[native code]'))""")
    assert page.evaluate("() => typeof regeneratorRuntime.mark") == "function"
    assert_clean(console, server)


# --- the script's maths and words against the Python ------------------------------------

SCRIPT_API = "window.dash_clientside.tradeDash"


@pytest.fixture(scope="module")
def script_pages(browser, server):
    """One page per language, for calling the script's functions directly."""
    pages: dict = {}
    context = browser.new_context()
    try:
        def get(lang: str):
            if lang not in pages:
                page = context.new_page()
                page.goto(f"{server.url}/?lang={lang}")
                page.wait_for_function(f"() => {SCRIPT_API} && {SCRIPT_API}.scenario",
                                       timeout=15_000)
                pages[lang] = page
            return pages[lang]

        yield get
    finally:
        context.close()


# Growth rates: slider steps, two-decimal ties (20.25 rounds to 20.2, as Babel rounds half
# to even), and any float in the controls' range.
GROWTHS = st.one_of(
    st.integers(-500, 1000).map(lambda i: i / 10),
    st.decimals(min_value=-50, max_value=100, places=2).map(float),
    st.floats(min_value=-50, max_value=100, allow_nan=False),
)


@st.composite
def scenarios(draw, ds):
    """A scenario as a link could ask for it, through the same parser as a link."""
    query = urlencode({
        "reporter": draw(st.sampled_from(ds.reporters)),
        "base": draw(st.sampled_from(BASES)),
        "method": draw(st.sampled_from(model.METHODS)),
        "growth": repr(draw(GROWTHS)),
        "target": repr(draw(st.one_of(st.floats(1, 100_000), st.integers(1, 2_000)))),
        "band": repr(draw(st.one_of(st.floats(0, 20), st.integers(0, 40).map(lambda i: i / 2)))),
        "target_year": draw(st.integers(2020, 2050)),
    })
    return scenario_from_query(ds, query)[0]


# Bounded, and the same examples on every run, so the suite stays fast and repeatable.
CHECK = settings(max_examples=40, deadline=None, derandomize=True)


# English, and Kazakh for a language with other number marks, words and word order (each
# language's number marks are checked on their own below).
@pytest.mark.parametrize("lang", ["en", "kk"])
def test_the_script_computes_and_words_the_scenario_as_the_python_does(
        script_pages, bundled, lang):
    page, w = script_pages(lang), Wording.for_lang(lang)
    ctx = Context(produced="2026-01-02", words=w)

    @CHECK
    @given(scenarios(bundled))
    def check(scenario):
        s = analyse(bundled, scenario)
        got = page.evaluate(f"([f, g]) => {SCRIPT_API}.scenario(f, g)",
                            [browser_scenario.facts(bundled, s, w), s.scenario_growth_pct])
        low, high, _required, central = scenario_traces(s, w)
        for mine, python in ((got["low"], low), (got["high"], high), (got["central"], central)):
            assert mine["x"] == python["x"]
            assert mine["y"] == pytest.approx(python["y"], rel=1e-12, abs=0.0101)
        # As the page draws them: long legend names on several lines, fewer year labels.
        assert got["names"] == {name: page_trace(trace)["name"] for name, trace
                                in (("low", low), ("band", high), ("projection", central))}
        layout = page_layout(scenario_layout(s, bundled, ctx))
        note = next(a for a in layout["annotations"] if a.get("name") == "reached")
        assert got["reached"] == s.target_reached_year
        assert esc(got["reachedText"]) == note["text"]
        assert (got["reachedX"], got["reachedAnchor"]) == (note["x"], note["xanchor"])
        if s.target_reached_year is not None:
            assert got["reachedAy"] == note["ay"]
        assert got["subtitle"] == scenario_words.subtitle(w, s)
        assert got["xrange"] == pytest.approx(layout["xaxis"]["range"])
        assert (got["dtick"], got["tick0"]) == (layout["xaxis"]["dtick"],
                                                layout["xaxis"]["tick0"])
        assert got["yrange"] == pytest.approx(layout["yaxis"]["range"], rel=1e-12, abs=0.02)

    check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_script_writes_growth_rates_as_babel_does(script_pages, lang):
    page, w = script_pages(lang), Wording.for_lang(lang)
    number = scenario_words.browser_words(w)["number"]

    @CHECK
    @given(st.one_of(GROWTHS, st.decimals(min_value=-10**6, max_value=10**6, places=3)
                     .map(float), st.floats(min_value=-1e9, max_value=1e9)))
    def check(pct):
        assert page.evaluate(f"([x, n]) => {SCRIPT_API}.growth(x, n)", [pct, number]) \
            == w.growth(pct)

    check()

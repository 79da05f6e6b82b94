"""Accessibility as people meet it: the real server in headless Chromium, audited with
axe-core, walked with the Tab key, operated without a mouse, and seen at phone width."""

from __future__ import annotations

import csv
import itertools
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support import ROOT
from tests.support.browser import (
    CHARTS_DRAWN,
    assert_clean,
    growth_thumb,
    open_dashboard,
    url_query,
)
from tests.support.browser import checked as checked_article
from tests.support.colour import contrast
from trade_dash.charts.registry import CHARTS
from trade_dash.web import ids
from trade_dash.web.sources_section import SOURCES_PAGE_SIZES
from trade_dash.web.sources_table import COLUMNS
from trade_dash.wording.languages import LANGUAGES

pytestmark = pytest.mark.browser

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best-practice rules, which are the ones
# that check landmarks (one main, one labelled contentinfo, all content inside one).
# No rule is switched off.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
SCENARIO, HISTORY, FLOWS = CHARTS["scenario"], CHARTS["history"], CHARTS["flows"]
PAGE_BACKGROUND = "#f7f8fa"  # style.css; the cards are white
FOCUS_RING_MIN_PX = 2
FOCUS_RING_CONTRAST = 3.0  # WCAG 1.4.11


def audit(page) -> list[dict]:
    response = Axe().run(page, options=AXE_OPTIONS).response
    # A rule that fails to run is reported as incomplete, not as a violation, so the
    # audit would pass without it: axe's contrast rule gives up on the whole page when
    # rows are clipped inside a scrolling box, as the sources table's once were.
    crashed = [f"{r['id']}: {r['error']['message']}" for r in response["incomplete"]
               if r.get("error")]
    assert crashed == [], f"axe rules that could not run: {crashed}"
    return response["violations"]


def report(violations: list[dict]) -> str:
    """One line per violation and one per element, to read in a failing test's output."""
    lines = [f"{len(violations)} accessibility rule(s) violated:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            why = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {why}")
    return "\n".join(lines)


def sort_by_citation(page, expect) -> None:
    page.locator(f"#{ids.sources_sort('citation_id')}").click()
    expect(page.locator(f"#{ids.sources_header('citation_id')}")).to_have_attribute(
        "aria-sort", "ascending")


def test_no_accessibility_violations_by_default_nor_with_the_table_sorted(
    page, console, server, expect
):
    open_dashboard(page, server)
    violations = audit(page)
    assert violations == [], report(violations)
    sort_by_citation(page, expect)
    violations = audit(page)
    assert violations == [], "sorted: " + report(violations)
    assert_clean(console)


@pytest.mark.parametrize(
    "query", ["growth=30&target_year=2032", "growth=abc", "lang=kk", "lang=mn&growth=abc"],
    ids=["scenario", "notice", "kazakh", "mongolian-notice"],
)
def test_no_accessibility_violations_on_a_scenario_or_with_a_notice(
    page, console, server, expect, query
):
    open_dashboard(page, server, query)
    notice = page.locator(f"#{ids.NOTICES}")
    (expect(notice).to_be_visible if "growth=abc" in query else expect(notice).to_be_hidden)()
    violations = audit(page)
    assert violations == [], report(violations)
    assert_clean(console)


def test_no_accessibility_violations_with_an_article_checked(page, console, server, expect):
    """The panel showing candidates: marked figures in quoted sentences, the fields of
    each, the status line and the enabled download."""
    checked_article(page, server, expect)
    violations = audit(page)
    assert violations == [], report(violations)
    assert_clean(console)


def test_the_audit_reports_what_the_issue_found(page, server):
    """The audit can fail: put back the faults first reported and it names each of them."""
    open_dashboard(page, server)
    page.evaluate(
        """() => {
      document.documentElement.removeAttribute('lang');
      const main = document.querySelector('main'), div = document.createElement('div');
      div.append(...main.childNodes);
      main.replaceWith(div);
      document.querySelector('header code').style.color = '#d63384';  // Bootstrap's pink
    }"""
    )
    violations = audit(page)
    assert {v["id"] for v in violations} == {
        "html-has-lang", "landmark-one-main", "region", "color-contrast"
    }, report(violations)
    text = report(violations)
    assert "- html-has-lang (serious): <html> element must have a lang attribute" in text
    # The header's code element (the selector is longer now the panel's help has one too).
    assert re.search(r"^    [^:]*code: .*insufficient color contrast", text, re.MULTILINE), text


# --- keyboard ----------------------------------------------------------------

# A stable name for the focused element: its id, or what it is for those without one.
KEY = """e => {
  if (!e || e === document.body || e === document.documentElement) return 'body';
  const modebar = e.closest('.modebar');
  if (modebar) return 'modebar ' + e.closest('.dash-graph').id + ' ' + e.getAttribute('data-title');
  const header = e.closest('#sources-table th');
  if (header) return 'header ' + header.id.replace('sources-header-', '');
  if (e.type === 'radio') return 'radio ' + e.name;
  if (e.closest('#growth')) {
    return e.getAttribute('role') === 'slider' ? 'growth thumb' : 'growth box';
  }
  return e.id || e.tagName.toLowerCase();
}"""

# Everything a browser would stop on with Tab: the list the walk must cover.
TABBABLE = f"""() => {{
  const key = {KEY};
  return [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length
                 && getComputedStyle(e).visibility !== 'hidden'
                 && !(e.type === 'radio' && e.name && !e.checked))
    .map(key);
}}"""

# The focused element once the page has settled: plotly fades its toolbar in on focus,
# the slider's thumb eases into its focus style and Bootstrap scrolls smoothly to it.
# Waits at most about two seconds (120 frames).
FOCUSED = f"""async () => {{
  const key = {KEY};
  const e = document.activeElement;
  const opacity = () => {{
    let o = 1;
    for (let n = e; n instanceof Element; n = n.parentElement) o *= +getComputedStyle(n).opacity;
    return o;
  }};
  const inView = () => {{
    const r = e.getBoundingClientRect();
    // A pixel of slack: the page scrolls by whole pixels, boxes can end between them. A box
    // taller than the window (the sources table's) cannot be seen whole: it must fill it.
    const across = r.left >= -1 && r.right <= innerWidth + 1;
    if (r.height > innerHeight) return across && r.top <= 1 && r.bottom >= innerHeight - 1;
    return r.top >= -1 && r.bottom <= innerHeight + 1 && across;
  }};
  const still = () => e.getAnimations().every(a => a.playState !== 'running');
  for (let i = 0; i < 120 && !(opacity() > 0.99 && inView() && still()); i++) {{
    await new Promise(requestAnimationFrame);
  }}
  const cs = getComputedStyle(e), r = e.getBoundingClientRect();
  return {{key: key(e), outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
          colour: cs.outlineColor, opacity: opacity(), inView: inView(),
          box: [r.left, r.top + scrollY, r.right, r.bottom + scrollY]}};
}}"""

MODEBAR = re.compile(r"^(modebar \S+) .*$")

# The page's visual order: header, the key message, controls (top to bottom), each
# chart's download bar and toolbar, the sources table's filter, the table and its paging
# controls, its downloads.
EXPECTED_ORDER = [
    *[ids.lang_link(code) for code in LANGUAGES],  # the language switch, at the top
    ids.BRIEFING_PDF,
    ids.BRIEFING_PPTX,
    ids.BRIEFING_DOCX,
    ids.KEY_MESSAGE_COPY,
    f"radio {ids.REPORTER}",
    "growth box",
    "growth thumb",
    ids.PRESET,
    ids.TARGET_YEAR,
    ids.TARGET,
    f"radio {ids.BASE}",
    f"radio {ids.METHOD}",
    ids.BAND,
    ids.SHARE_LINK,
    ids.SHARE_COPY,
    SCENARIO.format_id,
    SCENARIO.link_id,
    f"modebar {SCENARIO.graph_id}",
    HISTORY.format_id,
    HISTORY.link_id,
    f"modebar {HISTORY.graph_id}",
    FLOWS.format_id,
    FLOWS.link_id,
    f"modebar {FLOWS.graph_id}",
    ids.SOURCES_FILTER,
    ids.SOURCES_PAGE_SIZE,
    ids.SOURCES_SCROLL,  # the table's box, to scroll it sideways
    *[f"header {column}" for column in COLUMNS],  # each column's sort button
    ids.SOURCES_NEXT,  # on the first page the previous page button is disabled
    ids.DOWNLOAD_SERIES_BTN,
    ids.DOWNLOAD_CITATIONS_BTN,
    ids.ARTICLE_TEXT,  # the "Check an article" panel; its download waits for a result
    ids.ARTICLE_CHECK,
]
MAX_TAB_STOPS = 80  # a bound on the walk: far more than the page has


def walk(page) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it; every stop on the way."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["key"] == "body":
            return stops
        stops.append(stop)
    raise AssertionError(f"Tab never left the page: {[s['key'] for s in stops[-10:]]}")


def collapsed(keys: list[str]) -> list[str]:
    """Keys with each chart's toolbar buttons folded into one entry."""
    out: list[str] = []
    for k in keys:
        k = MODEBAR.sub(r"\1", k)
        if not out or out[-1] != k:
            out.append(k)
    return out


def test_tab_walks_every_control_in_visual_order_with_a_visible_focus_ring(
    page, console, server
):
    open_dashboard(page, server)
    stops = walk(page)
    keys = [s["key"] for s in stops]

    assert collapsed(keys) == EXPECTED_ORDER
    assert len(keys) == len(set(keys)), "a control was visited twice"
    assert set(page.evaluate(TABBABLE)) <= set(keys)
    # Each chart's toolbar is passed through, not a trap: its buttons, then the next control.
    for graph in (c.graph_id for c in CHARTS):
        buttons = [k for k in keys if k.startswith(f"modebar {graph} ")]
        assert {f"modebar {graph} Zoom in", f"modebar {graph} Reset axes"} <= set(buttons)

    # Within the controls card each stop is below the one before, or beside it to the right.
    controls = stops[
        EXPECTED_ORDER.index(f"radio {ids.REPORTER}") : EXPECTED_ORDER.index(ids.SHARE_COPY) + 1
    ]
    for a, b in itertools.pairwise(controls):
        (a_left, a_top, a_right, a_bottom), (b_left, b_top, b_right, b_bottom) = a["box"], b["box"]
        beside = b_top < a_bottom and a_top < b_bottom
        after = (b_left + b_right > a_left + a_right) if beside else (b_top >= a_bottom)
        assert after, (a["key"], b["key"])

    for s in stops:
        assert s["inView"] and s["opacity"] > 0.99, f"{s['key']} is focused but not visible"
        assert s["outline"] != "none" and s["width"] >= FOCUS_RING_MIN_PX, s
        ring = min(contrast(s["colour"], PAGE_BACKGROUND), contrast(s["colour"], "#ffffff"))
        assert ring >= FOCUS_RING_CONTRAST, s
    assert_clean(console)


def focus_after(page, start: str, key: str, limit: int = 20) -> None:
    """From element ``#start``, press Tab until the element named ``key`` has focus."""
    page.focus(f"#{start}")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({KEY})(document.activeElement)") == key:
            return
    raise AssertionError(f"Tab from #{start} never reached {key}")


def bundled_citation_ids() -> list[str]:
    """The bundled citations in the table's first order: by measure (actual figures before
    the target), then year, then line of the file."""
    with (ROOT / "data" / "trade_series.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    listed = sorted(enumerate(rows), key=lambda r: (r[1]["measure"], int(r[1]["year"]), r[0]))
    return [row["citation_id"] for _, row in listed]


def focused(page) -> str:
    return page.evaluate(f"() => ({KEY})(document.activeElement)")


def test_the_sources_table_sorts_and_pages_from_the_keyboard(page, console, server, expect):
    open_dashboard(page, server)
    focus_after(page, ids.SOURCES_FILTER, "header citation_id")
    cells = page.locator(f"#{ids.SOURCES_BODY} td:first-child")
    header = page.locator(f"#{ids.sources_header('citation_id')}")
    as_in_file = bundled_citation_ids()
    rows = SOURCES_PAGE_SIZES[0]  # the first page
    assert len(as_in_file) > rows
    assert cells.all_inner_texts() == as_in_file[:rows] != sorted(as_in_file)[:rows]
    expect(header).not_to_have_attribute("aria-sort", re.compile(".*"))

    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(cells).to_have_text(sorted(as_in_file)[:rows])
    assert focused(page) == "header citation_id"  # the redrawn table keeps the focus
    page.keyboard.press("Space")
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(cells).to_have_text(sorted(as_in_file, reverse=True)[:rows])

    # Tab goes on to the next column's button; back out of the table's top to its box,
    # then to the rows per page and the filter.
    page.keyboard.press("Tab")
    assert focused(page) == "header measure"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == ids.SOURCES_SCROLL
    page.keyboard.press("Shift+Tab")
    assert focused(page) == ids.SOURCES_PAGE_SIZE
    page.keyboard.press("Shift+Tab")
    assert focused(page) == ids.SOURCES_FILTER

    # The next page, still in the chosen order, and then on to the downloads.
    focus_after(page, ids.SOURCES_FILTER, ids.SOURCES_NEXT)
    page.keyboard.press("Enter")
    expect(page.locator(f"#{ids.SOURCES_STATUS}")).to_have_text(
        f"Rows {rows + 1}–{len(as_in_file)} of {len(as_in_file)}")
    expect(cells).to_have_text(sorted(as_in_file, reverse=True)[rows:])
    expect(page.locator(f"#{ids.SOURCES_NEXT}")).to_be_disabled()  # the last page
    focus_after(page, ids.SOURCES_FILTER, ids.SOURCES_PREVIOUS)
    focus_after(page, ids.SOURCES_FILTER, ids.DOWNLOAD_SERIES_BTN)
    assert_clean(console)


def test_the_sources_table_status_is_announced_politely_in_a_named_scroll_box(
    page, console, server, expect
):
    open_dashboard(page, server, "lang=ru")
    status = page.locator(f"#{ids.SOURCES_STATUS}")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("Строки 1–20 из 27")
    box = page.get_by_role("region", name="Таблица ссылок; прокручивается по горизонтали")
    expect(box).to_have_attribute("tabindex", "0")
    assert box.locator(f"#{ids.SOURCES_TABLE}").count() == 1
    expect(page.get_by_role("columnheader", name="Примечание")).to_have_count(1)
    page.fill(f"#{ids.SOURCES_FILTER}", "нет-такой-ссылки")
    expect(status).to_have_text("Ни одна ссылка не содержит всех слов: нет-такой-ссылки")
    expect(page.locator(f"#{ids.SOURCES_BODY} tr")).to_have_count(0)
    assert_clean(console)


def test_every_control_works_from_the_keyboard(page, context, console, server, expect):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    open_dashboard(page, server)

    page.focus(f"#{ids.PRESET}")
    page.keyboard.press("ArrowDown")  # the first reference pace
    first = page.locator(f"#{ids.PRESET} option").nth(1).get_attribute("value")
    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", first)

    page.focus(f"#{ids.TARGET_YEAR}")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("2035")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]target_year=2035(&|$)"))

    page.focus(f"#{ids.BASE} input:checked")
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys choose
    expect(page.locator(f"#{ids.BASE} input[value=full]")).to_be_checked()
    expect(page).to_have_url(re.compile(r"[?&]base=full(&|$)"))

    page.focus(f"#{ids.BAND}")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    expect(page).to_have_url(re.compile(r"[?&]band=3(&|$)"))
    assert url_query(page.url)["growth"] == first

    link = page.locator(f"#{ids.SHARE_LINK}")
    expect(link).to_have_attribute("href", re.compile(r"band=3(&|$)"))
    page.focus(f"#{ids.SHARE_COPY}")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "t => navigator.clipboard.readText().then(c => c === t)", arg=link.get_attribute("href")
    )

    graph = page.locator(f"#{HISTORY.graph_id} .js-plotly-plot")
    before = graph.evaluate("g => g._fullLayout.xaxis.range.slice()")
    page.focus(f"#{HISTORY.graph_id} .modebar-btn[data-title='Zoom in']")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([g, w]) => { const r = document.querySelector(g)._fullLayout.xaxis.range;"
        " return r[1] - r[0] < w; }",
        arg=[f"#{HISTORY.graph_id} .js-plotly-plot", before[1] - before[0]],
    )

    page.focus(f"#{ids.DOWNLOAD_SERIES_BTN}")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.failure() is None
    assert info.value.suggested_filename.endswith(".csv")
    assert_clean(console)


@pytest.mark.export
def test_a_chart_downloads_from_the_keyboard(page, console, server):
    open_dashboard(page, server)
    page.focus(f"#{SCENARIO.format_id}")
    page.keyboard.press("ArrowDown")  # PNG -> SVG
    page.wait_for_function(
        "id => (document.getElementById(id).getAttribute('href') || '').includes('.svg?')",
        arg=SCENARIO.link_id,
    )
    page.focus(f"#{SCENARIO.link_id}")
    with page.expect_download(timeout=90_000) as info:  # the first export starts the renderer
        page.keyboard.press("Enter")
    assert info.value.failure() is None
    assert info.value.suggested_filename.endswith(".svg")
    assert_clean(console)


def test_each_chart_is_a_figure_described_by_its_caption(page, console, server, expect):
    """Assistive technology meets each chart as a group named by its heading and described
    by the caption under it; the scenario chart's description follows the growth slider."""
    open_dashboard(page, server)
    for chart in CHARTS:
        figure = page.locator("figure", has=page.locator(f"#{chart.graph_id}"))
        words = figure.locator(f"figcaption #{chart.description_id}").inner_text()
        assert len(words) > 40, chart.name
        group = figure.get_by_role("group", name=chart.title)
        expect(group).to_have_accessible_description(words)
        assert group.locator(f"#{chart.graph_id}").count() == 1
    thumb = growth_thumb(page)
    thumb.focus()
    for _ in range(10):
        page.keyboard.press("PageUp")  # one point per press: 20.2 → 30.2
    expect(page.locator(f"#{SCENARIO.description_id}")).to_contain_text(
        "At +30.2% a year (band +25.2% to +35.2%)")
    assert_clean(console)


# --- narrow and wide screens -----------------------------------------------------

# Elements of the page that reach past the viewport's sides. The sources table and the
# inside of the charts' drawings are left out: the table scrolls within itself (checked
# apart) and the charts' own lettering is the figures' business.
OVERFLOW = """() => {
  const vw = document.documentElement.clientWidth, out = [];
  for (const e of document.querySelectorAll('header *, main *, footer *')) {
    if (e.closest('#sources-table') || e.closest('svg.main-svg > *')) continue;
    const r = e.getBoundingClientRect();
    if (r.width && r.height && (r.left < -0.5 || r.right > vw + 0.5)) {
      out.push(`${e.tagName.toLowerCase()}#${e.id}.${e.getAttribute('class')} ` +
               `${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {viewport: vw, page: document.documentElement.scrollWidth, outside: out};
}"""

# Controls that spill out of the card they sit in.
SPILLED = """() => [...document.querySelectorAll(
    'main input, main select, main button, main a, main [role=slider]')]
  .filter(e => !e.closest('#sources-table') && e.getClientRects().length)
  .filter(e => {
    const c = e.closest('.card').getBoundingClientRect(), r = e.getBoundingClientRect();
    return r.left < c.left - 0.5 || r.right > c.right + 0.5;
  })
  .map(e => e.id || e.outerHTML.slice(0, 80))"""


# Each chart's lettering that reaches outside its drawing (tick labels, legend, in-plot
# labels), and whether its legend covers the plot area: the legend must sit below it.
CHART_FIT = """graph => {
  const svg = graph.querySelector('.main-svg').getBoundingClientRect(), out = [];
  for (const t of graph.querySelectorAll('svg text')) {
    const r = t.getBoundingClientRect();
    if (!r.width || !t.textContent.trim()) continue;
    if (r.left < svg.left - 0.5 || r.right > svg.right + 0.5 || r.top < svg.top - 0.5 ||
        r.bottom > svg.bottom + 0.5) {
      out.push(`${t.textContent} ${Math.round(r.left)}..${Math.round(r.right)} ` +
               `${Math.round(r.top)}..${Math.round(r.bottom)}`);
    }
  }
  const plot = graph.querySelector('.draglayer .nsewdrag').getBoundingClientRect();
  const legend = graph.querySelector('.legend');
  const below = legend ? legend.getBoundingClientRect().top >= plot.bottom - 0.5 : true;
  return {outside: out, legendBelow: below};
}"""


@pytest.mark.parametrize("query", ["", "lang=kk"])
@pytest.mark.parametrize(("width", "height"), [(390, 844), (1400, 1000)])
def test_the_page_fits_the_screen(page, console, server, width, height, query):
    page.set_viewport_size({"width": width, "height": height})
    open_dashboard(page, server, query)
    fit = page.evaluate(OVERFLOW)
    assert fit["page"] <= fit["viewport"] == width, "the page scrolls sideways"
    assert fit["outside"] == []
    assert page.evaluate(SPILLED) == []

    # The page's title and each chart's title, subtitle, description and footer wrap.
    wrapping = ["h1", *(f"#{i}" for c in CHARTS for i in (c.heading_id, c.subtitle_id,
                                                          c.description_id, c.footer_id))]
    for selector in wrapping:
        assert page.locator(selector).evaluate("h => h.scrollWidth <= h.clientWidth"), selector
    assert page.evaluate(CHARTS_DRAWN)
    for chart in CHARTS:
        graph = page.locator(f"#{chart.graph_id} .js-plotly-plot")
        box = graph.bounding_box()
        assert box is not None and box["width"] > 0.8 * min(width, 700) and box["height"] > 300
        drawn = graph.evaluate(CHART_FIT)
        assert drawn["outside"] == [], f"{chart.name}: lettering outside the chart"
        assert drawn["legendBelow"], f"{chart.name}: the legend covers the plot"

    # The sources table is wider than a phone: it scrolls sideways inside its own box.
    scroller = page.locator(f"#{ids.SOURCES_SCROLL}")
    box = scroller.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    # Long notes wrap within their column rather than stretching the table.
    note = page.locator(f"#{ids.SOURCES_BODY} td:nth-child({COLUMNS.index('note') + 1})")
    assert max(note.evaluate_all("cs => cs.map(c => c.getBoundingClientRect().width)")) < 600
    if width == 1400 and not query:  # a desktop screen shows every English column at once
        assert scroller.evaluate("s => s.scrollWidth <= s.clientWidth")
    if width == 390:
        assert scroller.evaluate("s => s.scrollWidth > s.clientWidth")
        scroller.focus()
        page.keyboard.press("ArrowRight")  # the focused box scrolls from the keyboard
        page.wait_for_function(f"() => document.getElementById('{ids.SOURCES_SCROLL}')"
                               ".scrollLeft > 0")
        scroller.evaluate("s => { s.scrollLeft = s.scrollWidth; }")
        last = page.locator(f"#{ids.sources_header('line')}").bounding_box()
        assert last is not None and last["x"] + last["width"] <= width  # scrolled into view
    assert_clean(console)

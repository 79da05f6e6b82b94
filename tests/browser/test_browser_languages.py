"""The page in Russian, Kazakh and Mongolian, as a reader of each sees it in Chromium."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import UI_TIMEOUT_MS, assert_clean, card, open_dashboard, watch
from tests.support.chart_text import english_left, growth_texts
from tests.support.data import year_target_met
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.scenario import scenario_figure
from trade_dash.charts.style import Context
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.web import ids
from trade_dash.web.sources_table import COLUMNS
from trade_dash.wording.core import Wording

pytestmark = pytest.mark.browser

# Words of the page's English that a translated page must not show. Proper names and
# codes (KZ, MN, US$, CSV, PNG, SVG, PDF, PowerPoint, Word, trade-dash, English) are not
# in it, nor the key names Tab and Enter that the help texts mention.
ENGLISH = {
    "the", "a", "of", "to", "by", "from", "with", "and", "or", "not", "none", "any", "year",
    "years", "target", "growth", "rate", "rates", "download", "sources", "source", "scenario",
    "figure", "figures", "share", "link", "copy", "key", "message", "page", "side", "estimate",
    "full", "latest", "gap", "needed", "reached", "chart", "briefing", "pack", "deck",
    "document", "citation", "citations", "filter", "series", "method", "base", "band",
    "language", "about", "data", "published", "turnover", "trade", "seasonal", "pro-rata",
    "headline", "alternate", "next", "last", "first", "previous", "size", "more", "flow",
    "measure", "period", "precision", "outlet", "note", "used", "line", "how",
    "numbers", "made", "settings", "adjusted", "choose", "preset", "low", "high", "points",
}
# Text a reader meets outside the charts (the charts' own texts, checked with the charts,
# include the subtitle and footer printed around each chart),
# the citation text from the data file (shown as cited), the data file's name, the key
# message (the briefing's sentences) and the share link (an address): visible text nodes,
# option texts, accessible names, placeholders and tooltips, and the tab's title.
PAGE_TEXT = """() => {
  const skip = '.dash-graph, .chart-subtitle, .chart-footer, code, #key-message, ' +
    '#share-link, CITED';
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const e = n.parentElement;
    if (!e || e.closest(skip) || e.closest('script, style')) continue;
    if (e.closest('option') || e.checkVisibility()) out.push(n.textContent);
  }
  for (const e of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (e.closest(skip)) continue;
    for (const a of ['aria-label', 'placeholder', 'title']) {
      if (e.hasAttribute(a)) out.push(e.getAttribute(a));
    }
  }
  return out.join('\\n');
}""".replace("CITED", ", ".join(
    f"#{ids.SOURCES_BODY} td:nth-child({COLUMNS.index(c) + 1})"
    for c in ("citation_id", "reporter", "outlet", "note")))

HEADINGS = {
    "ru": "Торговля Казахстана и Монголии: путь к цели в 500 млн долл. США",
    "kk": "Қазақстан–Моңғолия саудасы: 500 млн АҚШ доллары мақсатына жол",
    "mn": "Казахстан–Монголын худалдаа: 500 сая ам. доллар гэсэн зорилтод хүрэх зам",
}
# The bundled 2024 figure, 150.0, and the 2025 estimate: January-July up 3.6 % on the same
# months of 2024, so by default 150 × 1.036 = 155.4.
LATEST = {"ru": "150 млн долл. США", "kk": "150 млн АҚШ доллары", "mn": "150 сая ам. доллар"}
ESTIMATE = {"ru": "155,4 млн долл. США", "kk": "155,4 млн АҚШ доллары",
            "mn": "155.4 сая ам. доллар"}
TAB_TITLES = {"ru": "trade-dash: торговля Казахстана и Монголии",
              "kk": "trade-dash: Қазақстан–Моңғолия саудасы",
              "mn": "trade-dash: Казахстан–Монголын худалдаа"}


def english_words(text: str) -> list[str]:
    for chart in CHARTS:
        # Chart titles are the charts' own texts, translated and checked with the charts.
        text = text.replace(chart.title, "")
    return sorted({w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if w.lower() in ENGLISH})


@pytest.mark.parametrize("lang", ["ru", "kk", "mn"])
def test_the_page_in_each_language_has_no_english_left(page, console, server, expect, lang):
    open_dashboard(page, server, f"lang={lang}")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert page.title() == TAB_TITLES[lang]
    assert page.locator("h1").inner_text() == HEADINGS[lang]
    big, text = card(page, ids.CARD_LATEST)
    assert big == LATEST[lang]
    assert ESTIMATE[lang] in card(page, ids.CARD_YTD)[1]
    # The language the reader chose stays in the address and its links.
    assert parse_qs(urlsplit(page.url).query)["lang"] == [lang]
    share = page.locator(f"#{ids.SHARE_LINK}").get_attribute("href") or ""
    assert parse_qs(urlsplit(share).query)["lang"] == [lang]
    found = english_words(page.evaluate(PAGE_TEXT))
    assert found == [], f"English left on the {lang} page: {found}"
    assert_clean(console)


# Each chart's texts on the page, by chart name: its subtitle and footer around the plot,
# then one line per SVG text element of the plot, an element's lines (tspans) joined by
# spaces as the figure joined them by <br>.
CHART_TEXT = """(ids) => Object.fromEntries(Object.entries(ids).map(([name, [graph, ...frame]]) =>
  [name, [...frame.map(id => document.getElementById(id).textContent),
           ...[...document.getElementById(graph).querySelectorAll('svg text')].map(t => {
    const lines = t.querySelectorAll('tspan.line');
    return lines.length ? [...lines].map(l => l.textContent).join(' ') : t.textContent;
  })].join('\\n')]))"""


def chart_texts(page) -> dict[str, str]:
    return page.evaluate(CHART_TEXT, {c.name: [c.graph_id, c.subtitle_id, c.footer_id]
                                      for c in CHARTS})


@pytest.mark.parametrize("lang", ["kk", "mn"])
def test_the_charts_on_the_page_have_no_english_but_citation_text(page, console, server,
                                                                  bundled, lang):
    """What the charts show on the page (subtitle and footer around the plot; legend,
    annotations and axis titles in it) is in the page's language; citation text is shown
    as cited, and the scenario chart's texts that follow the growth slider are worded with
    its script, so both are set aside."""
    open_dashboard(page, server, f"lang={lang}")
    texts = chart_texts(page)
    ctx = Context(produced="2026-01-02", words=Wording.for_lang(lang))
    growth = growth_texts(scenario_figure(
        bundled, analyse(bundled, default_scenario(bundled)), ctx))
    for name, text in texts.items():
        assert text, name
        also = growth if name == "scenario" else ()
        assert english_left(text, bundled, also) == [], (lang, name)
    # The flows chart's legend names the directions in the language.
    assert {"kk": "Моңғолияның Қазақстанға экспорты",
            "mn": "Монголын Казахстан руу хийсэн экспорт"}[lang] in texts["flows"]
    assert_clean(console)


def test_the_chart_check_finds_english_in_the_english_charts(page, console, server, bundled):
    open_dashboard(page, server)
    for name, text in chart_texts(page).items():
        assert {"Sources", "Produced"} <= set(english_left(text, bundled)), name


def test_the_detector_finds_english_on_the_english_page(page, console, server):
    """The check above can fail: on the English page it finds the words it looks for."""
    open_dashboard(page, server)
    found = set(english_words(page.evaluate(PAGE_TEXT)))
    assert {"target", "download", "sources", "scenario", "growth"} <= {w.lower() for w in found}


def test_the_language_switch_works_from_the_keyboard_and_keeps_the_scenario(
        page, console, server, expect):
    open_dashboard(page, server, "growth=30")
    link = page.locator(f"#{ids.lang_link('kk')}")
    expect(link).to_have_text("Қазақ тілі")
    # The callback has put the scenario into the switch's links.
    expect(link).to_have_attribute("href", re.compile(r"growth=30"))
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"lang=kk"))
    open_dashboard_wait(page)
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    query = parse_qs(urlsplit(page.url).query)
    assert query["growth"] == ["30"] and query["lang"] == ["kk"]
    assert card(page, ids.CARD_REACHED)[0] == str(year_target_met(30.0))
    current = page.locator(f"#{ids.lang_link('kk')}")
    expect(current).to_have_attribute("aria-current", "true")
    assert_clean(console)


def open_dashboard_wait(page) -> None:
    page.locator(f"#{ids.CARD_REACHED} .fs-4").wait_for()
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .trace').length")


def test_the_browsers_language_picks_the_page_when_the_address_has_none(
        browser, console, server, expect):
    ctx = browser.new_context(locale="kk-KZ", viewport={"width": 1400, "height": 1000})
    ctx.set_default_timeout(UI_TIMEOUT_MS)
    try:
        page = watch(ctx.new_page(), console)
        open_dashboard(page, server)
        expect(page.locator("html")).to_have_attribute("lang", "kk")
        assert page.locator("h1").inner_text() == HEADINGS["kk"]
        assert card(page, ids.CARD_LATEST)[0] == LATEST["kk"]
        # Written into the address, so a shared link opens in Kazakh too.
        page.wait_for_url(re.compile(r"lang=kk"))
    finally:
        ctx.close()
    assert_clean(console)


def test_a_hostile_language_gives_english_with_a_notice(page, console, server, expect):
    open_dashboard(page, server, "lang=%3Cb%3Ekk")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    notice = page.locator(f"#{ids.NOTICES}")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("'lang=<b>kk' is not a language this site offers")
    assert page.locator(f"#{ids.NOTICES} b").count() == 0  # shown as text, never as markup
    assert card(page, ids.CARD_LATEST)[0] == "US$ 150 million"
    assert_clean(console)

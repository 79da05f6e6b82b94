"""The dashboard as a user sees it: the real server driven by headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict

import pytest

from tests.support.browser import (
    CHARTS_DRAWN,
    assert_clean,
    assert_projection_follows,
    card,
    download_csv,
    growth_thumb,
    open_dashboard,
    reached_text,
    url_query,
)
from trade_dash.charts.registry import CHARTS
from trade_dash.cli import main
from trade_dash.domain.dataset import freshness
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.schema import COLUMNS
from trade_dash.domain.summary import analyse
from trade_dash.exports.csvfiles import SERIES_CSV_COLUMNS
from trade_dash.web import ids

pytestmark = pytest.mark.browser


def money(x: float) -> str:
    """English money as CLDR writes it: at most one decimal, none for a whole amount."""
    return f"US$ {x:,.1f} million".replace(".0 million", " million")


def number(text: str) -> float:
    """The first number in a piece of page text: "US$ 1,234.5 million" -> 1234.5."""
    found = re.search(r"[-+]?\d[\d,]*\.?\d*", text)
    assert found is not None, text
    return float(found.group().replace(",", ""))


def assert_headline(page, s) -> None:
    """The six cards show the numbers of summary ``s``."""
    latest = s.latest_full_year
    big, text = card(page, ids.CARD_LATEST)
    assert big == money(latest.value_musd) and str(latest.year) in text
    big, text = card(page, ids.CARD_TARGET)
    assert big == money(s.target_musd) and f"by {s.target_year}" in text
    big, text = card(page, ids.CARD_GAP)
    assert big == money(s.gap_musd)
    assert f"{s.gap_pct_of_target:,.1f}% of the target" in text
    big, text = card(page, ids.CARD_REQUIRED)
    assert big == f"{s.required_growth_pct:+.1f}% a year"
    assert f"from {s.base.year} to reach the target in {s.target_year}" in text
    big, text = card(page, ids.CARD_REACHED)
    assert big == reached_text(s.target_reached_year, s.horizon_year)
    assert f"at {s.scenario_growth_pct:+.1f}% a year" in text


# 1 ---------------------------------------------------------------------------


def test_page_renders_every_chart_without_console_errors(page, console, server):
    server.mark()
    open_dashboard(page, server)
    graphs = page.locator(".js-plotly-plot")
    assert graphs.count() == len(CHARTS)
    # Each chart's title is a heading above it; the plot itself has none.
    titles = [page.locator(f"#{c.heading_id}").inner_text() for c in CHARTS]
    assert page.locator(".js-plotly-plot .gtitle").count() == 0
    assert any("cited figures" in t for t in titles)
    assert any("path to the target" in t for t in titles)
    assert any("by direction" in t for t in titles)
    # The cited history is drawn: one point per full year of the Kazakh series
    # (2017 to 2024 but 2022, of which only January-April is cited).
    history_points = page.locator(f"#{CHARTS['history'].graph_id} .scatterlayer .trace").first
    assert history_points.locator(".points path").count() == 7
    assert page.locator(f"#{ids.SOURCES_TABLE}").inner_text().count("mccci-2023") == 1
    assert_clean(console, server, server.new_log())


# 2 ---------------------------------------------------------------------------


def test_headline_shows_the_bundled_figures_and_matches_the_cli(page, console, server, capsys):
    assert main(["summary", "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    open_dashboard(page, server)

    def agrees(shown: str, value: float) -> bool:
        # The JSON is rounded to 4 decimals and the page to 1, so compare within half a unit.
        return number(shown) == pytest.approx(value, abs=0.05 + 1e-9)

    latest, ytd = j["latest_full_year"], j["year_to_date"]
    assert (latest["year"], latest["value_musd"]) == (2024, 150.0)
    big, text = card(page, ids.CARD_LATEST)
    assert big == "US$ 150 million" and agrees(big, latest["value_musd"])
    assert "2024, KZ figure" in text

    # January-July 2025, up 3.6 % on the same months of 2024 (150): by default year-on-year,
    # 150 × 1.036 = 155.4
    assert (ytd["value_musd"], ytd["annualised_musd"], ytd["method"]) == (74.0, 155.4, "yoy")
    big, text = card(page, ids.CARD_YTD)
    assert big == "US$ 74 million" and agrees(big, ytd["value_musd"])
    assert "Jan\u2009–\u2009Jul 2025" in text  # CLDR puts thin spaces round the dash
    estimate = re.search(r"full-year estimate (US\$ [\d,.]+ million)", text)
    assert estimate is not None, text
    assert estimate.group(1) == "US$ 155.4 million" and agrees(estimate.group(1), 150 * 1.036)
    assert "year-on-year change" in text

    big, text = card(page, ids.CARD_TARGET)
    assert big == "US$ 500 million" and agrees(big, j["target_musd"])
    assert f"by {j['target_year']}" in text and "assumed" in text

    big, text = card(page, ids.CARD_GAP)
    assert agrees(big, j["gap_musd"])
    assert agrees(text.split("\n")[-1], j["gap_pct_of_target"])
    big, _ = card(page, ids.CARD_REQUIRED)
    assert big.endswith("% a year") and agrees(big, j["required_growth_pct"])

    big, text = card(page, ids.CARD_REACHED)
    assert big == reached_text(j["target_reached_year"], j["horizon_year"])
    assert j["target_reached_year"] is not None  # the default scenario does reach the target
    assert f"at {j['scenario_growth_pct']:+.1f}% a year" in text
    band = j["band"]
    assert f"band {band['low_pct']:+.1f}% to {band['high_pct']:+.1f}%" in text
    assert_clean(console)


# 3 ---------------------------------------------------------------------------


def test_keyboard_on_the_growth_slider_moves_the_year_reached(
    page, console, server, bundled, expect
):
    open_dashboard(page, server)
    before = card(page, ids.CARD_REACHED)[0]
    thumb = growth_thumb(page)
    assert thumb.get_attribute("aria-valuenow") == "20.2"

    thumb.focus()
    for _ in range(10):
        page.keyboard.press("PageUp")  # one point per press
    expect(thumb).to_have_attribute("aria-valuenow", "30.2")
    s = analyse(bundled, scenario_from_query(bundled, "growth=30.2")[0])
    want = reached_text(s.target_reached_year, s.horizon_year)
    assert want != before  # the move must change what the card says
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(want)
    expect(page).to_have_url(re.compile(r"[?&]growth=30\.2(&|$)"))
    assert_headline(page, s)
    assert_projection_follows(page, s)

    page.keyboard.press("Home")  # the slowest rate on the slider: -50 % a year
    s = analyse(bundled, scenario_from_query(bundled, "growth=-50")[0])
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(f"not by {s.horizon_year}")
    expect(page).to_have_url(re.compile(r"[?&]growth=-50(&|$)"))
    assert_projection_follows(page, s)
    assert_clean(console)


def test_typing_a_growth_rate_updates_the_headline(page, console, server, bundled, expect):
    # The slider's number box is shown where the controls get the full width.
    page.set_viewport_size({"width": 900, "height": 1000})
    open_dashboard(page, server)
    box = page.locator(f"#{ids.GROWTH} input[type=number]")
    box.fill("35")
    box.press("Tab")  # the value is taken when the box loses focus
    s = analyse(bundled, scenario_from_query(bundled, "growth=35")[0])
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(
        reached_text(s.target_reached_year, s.horizon_year)
    )
    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", "35")
    expect(page).to_have_url(re.compile(r"[?&]growth=35(&|$)"))
    assert_headline(page, s)
    assert_clean(console)


# 4 ---------------------------------------------------------------------------


def test_a_scenario_url_is_reproduced(page, console, server, bundled, expect):
    query = "growth=30&target_year=2032&base=full&target=400"
    open_dashboard(page, server, query)
    scenario, notices = scenario_from_query(bundled, query)
    assert notices == []
    s = analyse(bundled, scenario)

    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", "30")
    expect(page.locator(f"#{ids.TARGET_YEAR}")).to_have_value("2032")
    expect(page.locator(f"#{ids.TARGET}")).to_have_value("400")
    expect(page.locator(f"#{ids.BASE} input[value=full]")).to_be_checked()
    expect(page.locator(f"#{ids.BASE} input[value=ytd]")).not_to_be_checked()
    assert_headline(page, s)
    # Projected from the latest full year, not from the current-year estimate.
    assert asdict(s.base) == {"year": 2024, "value_musd": 150.0, "kind": "full", "method": None}
    assert card(page, ids.CARD_GAP)[1].endswith("from the 2024 figure")
    assert_projection_follows(page, s)
    assert page.locator(f"#{ids.NOTICES}").count() == 0 or not page.is_visible(f"#{ids.NOTICES}")
    assert url_query(page.url) == url_query("?" + scenario.query())
    assert_clean(console)


# 5 ---------------------------------------------------------------------------


def test_hostile_url_shows_a_notice_and_falls_back(page, console, server, bundled, expect):
    server.mark()
    open_dashboard(page, server, "growth=nan&target_year=99999&target=-5&base=<script>")
    notice = page.locator(f"div[role=status] #{ids.NOTICES}")
    expect(notice).to_be_visible()
    assert "alert-warning" in (notice.get_attribute("class") or "")
    text = notice.inner_text()
    assert "Some settings were adjusted" in text
    for shown in ("growth=nan", "target_year=99999", "target=-5", "base=<script>"):
        assert shown in text  # the offending value is quoted as text
    assert notice.locator("script").count() == 0

    # Defaults and clamps, the same as the scenario parser applies.
    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", "20.2")
    expect(page.locator(f"#{ids.TARGET_YEAR}")).to_have_value("2050")
    expect(page.locator(f"#{ids.TARGET}")).to_have_value("1")
    expect(page.locator(f"#{ids.BASE} input[value=ytd]")).to_be_checked()
    fallback = "growth=20.2&target_year=2050&target=1&base=ytd"
    expect(page).to_have_url(re.compile(r"\?" + re.escape(fallback)))
    assert_headline(page, analyse(bundled, scenario_from_query(bundled, fallback)[0]))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert_clean(console, server, server.new_log())


# 7 ---------------------------------------------------------------------------


def test_csv_downloads_in_the_browser(page, console, server):
    open_dashboard(page, server)

    name, rows = download_csv(page, ids.DOWNLOAD_SERIES_BTN)
    assert name.endswith(".csv")
    header, body = rows[0], rows[1:]
    assert header == list(SERIES_CSV_COLUMNS)
    by_year = {r[header.index("year")]: dict(zip(header, r, strict=True)) for r in body}
    assert [int(y) for y in by_year] == list(range(2017, 2026))
    assert by_year["2023"]["status"] == "full" and float(by_year["2023"]["value_musd"]) == 133.0
    assert by_year["2023"]["reporting_country"] == "KZ"
    assert (by_year["2022"]["status"], by_year["2022"]["months"]) == ("partial", "4")
    assert {r["status"] for r in by_year.values()} == {"full", "partial"}  # none missing
    # The rule that chose a year's figure, in the page's language (English here).
    assert by_year["2018"]["rule"] == "only citation for this period"

    name, rows = download_csv(page, ids.DOWNLOAD_CITATIONS_BTN)
    assert name.endswith(".csv")
    header, body = rows[0], rows[1:]
    assert header == [*COLUMNS, "line"]
    citations = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    assert len(citations) == len(body) == 27
    assert float(citations["mccci-2023"]["value_musd"]) == 76.7
    assert citations["mccci-2023"]["year"] == "2023"
    assert citations["mccci-2023"]["reporting_country"] == "MN"
    assert citations["kz-dpm-2025-ytd"]["yoy_change_pct"] == "3.6"
    assert_clean(console)


# 8 ---------------------------------------------------------------------------


def test_share_link_reopens_the_scenario(page, new_page, context, console, server, bundled, expect):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    open_dashboard(page, server, "target_year=2035&band=2.5")
    thumb = growth_thumb(page)
    thumb.focus()
    for _ in range(3):
        page.keyboard.press("PageDown")
    expect(thumb).to_have_attribute("aria-valuenow", "17.2")
    scenario, _ = scenario_from_query(bundled, "growth=17.2&target_year=2035&band=2.5")
    s = analyse(bundled, scenario)
    expect(page.locator(f"#{ids.CARD_REACHED} .fs-4")).to_have_text(
        reached_text(s.target_reached_year, s.horizon_year)
    )

    link = page.locator(f"#{ids.SHARE_LINK}")
    expect(link).to_have_attribute("href", f"{server.url}/?{scenario.query()}")
    href = link.get_attribute("href")
    assert link.inner_text() == href  # the address is shown as well as linked
    assert url_query(href) == url_query(page.url)

    page.click(f"#{ids.SHARE_COPY}")
    page.wait_for_function("t => navigator.clipboard.readText().then(c => c === t)", arg=href)

    other = new_page()
    response = other.goto(href)
    assert response is not None and response.status == 200
    other.wait_for_function(CHARTS_DRAWN)
    other.locator(f"#{ids.CARD_REACHED} .fs-4").wait_for()
    expect(growth_thumb(other)).to_have_attribute("aria-valuenow", "17.2")
    expect(other.locator(f"#{ids.TARGET_YEAR}")).to_have_value("2035")
    expect(other.locator(f"#{ids.BAND}")).to_have_value("2.5")
    assert_headline(other, s)
    assert_projection_follows(other, s)
    assert card(other, ids.CARD_REACHED) == card(page, ids.CARD_REACHED)
    assert_clean(console)


# Every control must have a name a screen reader announces: a <label>, or aria-label.
UNNAMED_CONTROLS = """() => [...document.querySelectorAll(
    'input:not([type=hidden]), select, button, [role=slider]')]
  .filter(e => !(e.getAttribute('aria-label') || '').trim()
               && !(e.labels && [...e.labels].some(l => l.textContent.trim()))
               && !(e.textContent || '').trim()
               && !(e.getAttribute('title') || '').trim())
  .map(e => e.outerHTML.slice(0, 120))"""


def test_every_control_is_labelled_and_reachable_by_keyboard(page, console, server):
    open_dashboard(page, server)
    assert page.evaluate(UNNAMED_CONTROLS) == []
    # Tab reaches the growth slider's thumb from the page's first focusable element.
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("() => document.activeElement.getAttribute('aria-label')"))
    assert "Growth rate, % a year" in reached
    assert_clean(console)


# 9 ---------------------------------------------------------------------------


def history_series(page) -> tuple[dict, list[str]]:
    """The history chart's own series ({year: value}, gaps left out) and its trace names
    (on the page a long name is on several lines: read as one)."""
    return page.locator(f"#{CHARTS['history'].graph_id} .js-plotly-plot").evaluate(
        """g => [Object.fromEntries(g.data[0].x.map((x, i) => [x, g.data[0].y[i]])
                                      .filter(([, y]) => y !== null)),
                 g.data.map(d => (d.name || '').replaceAll('<br>', ' '))]"""
    )


def test_switching_the_reporting_side_to_mongolia_and_back(page, console, server, bundled,
                                                           expect):
    open_dashboard(page, server)
    fresh = freshness(bundled.latest_published, dt.date.today())
    assert page.locator(f"#{ids.FRESHNESS}").inner_text() == "latest figure published 2025-09-06"
    assert page.locator(f"#{ids.STALE_NOTICE}").count() == (1 if fresh.stale else 0)
    any_side = page.locator(f"#{ids.REPORTER} input[value=any]")
    expect(any_side).to_be_checked()
    series, names = history_series(page)
    assert series == {"2017": 74.8, "2018": 67.4, "2019": 59.9, "2020": 29.3, "2021": 61,
                      "2023": 133, "2024": 150}
    assert "Mongolian side's figures (MN), for comparison" in names

    page.get_by_label("Mongolia's figures only (MN)").check()
    expect(page).to_have_url(re.compile(r"[?&]reporter=MN(&|$)"))
    expect(page.locator(f"#{ids.CARD_LATEST} .fs-4")).to_have_text("US$ 76.7 million")
    mn = analyse(bundled, default_scenario(bundled, "MN"))
    assert_headline(page, mn)
    assert "2023, MN figure" in card(page, ids.CARD_LATEST)[1]
    assert page.locator(f"#{ids.CARD_YTD}").inner_text() == "none after the latest full year"
    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", "21.4")  # MN's own default
    expect(page.locator(f"#{ids.BASE} input[value=full]")).to_be_checked()
    expect(page.locator(f"#{ids.METHOD} input[value=yoy]")).to_be_disabled()
    page.wait_for_function(
        f"() => document.querySelector('#{CHARTS['history'].graph_id} .js-plotly-plot')"
        ".data[0].y.filter(v => v).length === 2")
    series, names = history_series(page)
    assert series == {"2019": 35.3, "2023": 76.7}
    assert "Kazakh side's figures (KZ), for comparison" in names
    assert_projection_follows(page, mn)
    options = page.locator(f"#{ids.PRESET} option").all_inner_texts()
    assert [o for o in options if o.startswith("Repeat")] == ["Repeat the 2019–2023 pace (+21.4%)"]

    page.get_by_label("Any side (one side kept where it can be)").check()
    expect(page).to_have_url(re.compile(r"[?&]reporter=any(&|$)"))
    expect(page.locator(f"#{ids.CARD_LATEST} .fs-4")).to_have_text("US$ 150 million")
    expect(growth_thumb(page)).to_have_attribute("aria-valuenow", "20.2")
    expect(page.locator(f"#{ids.METHOD} input[value=yoy]")).to_be_enabled()
    assert_headline(page, analyse(bundled, default_scenario(bundled)))
    assert_clean(console)


def flows_chart(page):
    return page.locator(f"#{CHARTS['flows'].graph_id} .js-plotly-plot")


def hover_text(page, chart, point) -> str:
    """Hover ``point`` (a marker of ``chart``) and return the label plotly shows."""
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    assert box is not None
    # Plotly's drag layer sits above the points, so hover by position rather than by element.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    label = chart.locator(".hoverlayer .hovertext")
    label.wait_for()
    return label.text_content() or ""


def test_the_trade_by_direction_chart_shows_the_balance_and_follows_the_side(
    page, console, server, expect
):
    open_dashboard(page, server)
    chart = flows_chart(page)
    heading = page.locator(f"#{CHARTS['flows'].heading_id}")
    assert "exports, imports and balance" in heading.inner_text()
    # Kazakh-side figures: each direction in 2019, January–April 2022 and 2023.
    bars = chart.locator(".barlayer .trace")
    assert bars.count() == 2
    assert [bars.nth(i).locator(".point").count() for i in range(2)] == [3, 3]
    # As CLDR's English writes a month range, thin spaces around the dash.
    assert "Jan\u2009–\u2009Apr 2022" in chart.locator(".annotation").all_text_contents()
    # The balance line's markers are its whole years, 2019 and 2023; 2023: 124.3 − 8.7.
    balance = chart.locator(".scatterlayer .trace").first.locator(".points path")
    assert balance.count() == 2
    label = hover_text(page, chart, balance.nth(1))
    assert "Balance, 2023: US$ 115.6 million" in label
    assert "Kazakh exports to Mongolia minus Mongolian exports to Kazakhstan" in label

    page.get_by_label("Mongolia's figures only (MN)").check()
    expect(page).to_have_url(re.compile(r"[?&]reporter=MN(&|$)"))
    # The Mongolian chamber's citations give no figure for either direction.
    expect(chart.locator(".annotation", has_text="No export or import figures")
           ).to_have_count(1)
    expect(chart.locator(".barlayer .point")).to_have_count(0)
    expect(page.locator(f"#{CHARTS['flows'].subtitle_id}")).to_contain_text(
        "Mongolian figures only (MN)")

    page.get_by_label("Any side (one side kept where it can be)").check()
    expect(page).to_have_url(re.compile(r"[?&]reporter=any(&|$)"))
    expect(chart.locator(".barlayer .point")).to_have_count(6)
    assert_clean(console)

"""The dashboard in Chromium as a user meets it: loading the page, reading its cards and
tables, and what its console reported. The fixtures that start the browser and the server
are in tests/browser/conftest.py."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest

from trade_dash.charts.registry import CHARTS
from trade_dash.web import ids

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Every wait in the browser is bounded so a broken page fails fast instead of hanging.
UI_TIMEOUT_MS = 15_000


@dataclass
class Console:
    """What the page reported: console errors and warnings, and uncaught exceptions."""

    messages: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def errors(self) -> list[str]:
        return [m for m in self.messages if m.startswith("error:")] + self.page_errors

    def warnings(self) -> list[str]:
        return [m for m in self.messages if m.startswith("warning:")]


def watch(page, console: Console):
    """Record a page's console errors/warnings and uncaught exceptions into ``console``."""

    def on_console(msg):
        if msg.type in ("error", "warning"):
            console.messages.append(f"{msg.type}: {msg.text} ({msg.location.get('url', '')})")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: console.page_errors.append(f"pageerror: {exc}"))
    return page


# Every registered chart on the page, each drawn with data (not just an empty plot frame).
CHARTS_DRAWN = f"""() => {{
  const graphs = [...document.querySelectorAll('.js-plotly-plot')];
  return graphs.length === {len(CHARTS)} && graphs.every(
    g => Array.isArray(g.data) && g.data.length > 0 && g.querySelector('.scatterlayer .trace'));
}}"""


def reached_text(year: int | None, horizon: int) -> str:
    return str(year) if year else f"not by {horizon}"


def open_dashboard(page, server, query: str = "", timeout_ms: float | None = None) -> None:
    """Load the page and wait until the charts are drawn and the headline is filled in."""
    response = page.goto(f"{server.url}/" + (f"?{query}" if query else ""))
    assert response is not None and response.status == 200
    page.wait_for_function(CHARTS_DRAWN, timeout=timeout_ms)
    page.locator(f"#{ids.CARD_REACHED} .fs-4").wait_for()


MAX_PAGES = 50  # a bound on paging through a sources table


def sources_pages(page) -> list[str]:
    """The sources table's rows as text, one entry per page, turning the pages with the
    table's own buttons from the first page to the last."""
    body = page.locator(f"#{ids.SOURCES_BODY}")
    status = f"#{ids.SOURCES_STATUS}"
    back, on = page.locator(f"#{ids.SOURCES_PREVIOUS}"), page.locator(f"#{ids.SOURCES_NEXT}")
    texts: list[str] = []
    for _ in range(MAX_PAGES):
        if not texts and back.is_enabled():
            turn = back  # back to the first page
        else:
            texts.append(body.inner_text())
            if on.is_disabled():
                return texts
            turn = on
        before = page.locator(status).inner_text()
        turn.click()
        page.wait_for_function("([s, t]) => document.querySelector(s).textContent !== t",
                               arg=[status, before])
    raise AssertionError(f"the sources table has more than {MAX_PAGES} pages")


def card(page, card_id: str) -> tuple[str, str]:
    """(big figure, small print) of a headline card."""
    box = page.locator(f"#{card_id}")
    return box.locator(".fs-4").inner_text().strip(), box.inner_text().strip()


def url_query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def growth_thumb(page):
    return page.locator(f"#{ids.GROWTH} [role=slider]")


def assert_clean(console, server=None, log: str | None = None) -> None:
    assert console.errors() == [], "\n".join(console.errors() + console.warnings())
    if server is not None:
        assert server.server_errors(log) == []


def projection(page) -> tuple[str, list[int], list[float]]:
    """Name, years and values of the scenario projection as drawn in the browser."""
    return page.locator(f"#{CHARTS['scenario'].graph_id} .js-plotly-plot").evaluate(
        """g => { const t = g.data.find(d => (d.name || '').startsWith('Scenario'));
                  return [t.name, Array.from(t.x), Array.from(t.y)]; }"""
    )


def assert_projection_follows(page, s) -> None:
    name, xs, ys = projection(page)
    assert name.startswith(f"Scenario {s.scenario_growth_pct:+.1f}%/yr")
    rate, base, year0 = s.scenario_growth_pct / 100, s.base.value_musd, s.base.year
    assert xs[0] == year0
    for x, y in zip(xs, ys, strict=True):
        assert y == pytest.approx(base * (1 + rate) ** (x - year0), abs=0.01)


def download_csv(page, button_id: str) -> tuple[str, list[list[str]]]:
    """Click a CSV download button; the file's name and its rows, as a spreadsheet reads them."""
    with page.expect_download() as info:
        page.click(f"#{button_id}")
    download = info.value
    assert download.failure() is None
    with open(download.path(), encoding="utf-8", newline="") as fh:
        return download.suggested_filename, list(csv.reader(fh))


# --- the Check an article panel ------------------------------------------------------

SCRIPT = "<script>window.__pwned=1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
# Written for these tests: a figure the bundled data has, one it contradicts, one it
# lacks, with markup in the sentences and around them.
ARTICLE = f"""<p>Kazakhstan and Mongolia: trade keeps growing {SCRIPT}</p>
Trade turnover between Kazakhstan and Mongolia reached $150 million in 2024, according to \
the Ministry of Foreign Affairs of Kazakhstan.
In 2023 the turnover between the two countries was US$ 101.5 million {SCRIPT}.
In 2016 the trade turnover between Kazakhstan and Mongolia amounted to 88.2 million \
dollars {IMAGE}.
"""
MARKED = ["$150 million", "US$ 101.5 million", "88.2 million dollars"]
CALLBACK = "/_dash-update-component"


def paste_and_check(page, text: str) -> None:
    """Put ``text`` in the panel's box as a paste does, then Tab to Check and press Enter."""
    box = page.locator(f"#{ids.ARTICLE_TEXT}")
    box.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(text)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == ids.ARTICLE_CHECK
    page.keyboard.press("Enter")


def checked(page, server, expect, text: str = ARTICLE) -> None:
    """The dashboard with ``text`` checked in the panel and its result shown."""
    open_dashboard(page, server)
    paste_and_check(page, text)
    expect(page.locator(f"#{ids.ARTICLE_STATUS}")).to_have_text("3 candidates found.")


def not_run(page) -> None:
    page.wait_for_timeout(300)  # an <img src=x> in the page would have fired by now
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src=x]").count() == 0
    assert page.locator(f"#{ids.ARTICLE_RESULTS} script").count() == 0

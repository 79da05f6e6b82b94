"""The first page load: the partial plotly.js only, nothing fetched twice, a light page."""

from __future__ import annotations

from collections import Counter

import pytest
from plotly.offline import get_plotlyjs_version

from tests.support.browser import assert_clean, open_dashboard

pytestmark = pytest.mark.browser

PARTIAL = "/_dash-component-suites/trade_dash/web/vendor/plotly.js-basic-dist-min/plotly-basic."
FULL = "/_dash-component-suites/plotly/package_data/plotly.min.js"
CALLBACK = "/_dash-update-component"
# The line for a first page load: no more than 1.6 MiB over the wire.
PAGE_BUDGET_BYTES = 1.6 * 1024 * 1024

RESOURCES = """() => performance.getEntriesByType('navigation')
  .concat(performance.getEntriesByType('resource'))
  .map(e => [e.name, e.transferSize])"""


def requests_of(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    return urls


def test_first_load_draws_with_the_partial_plotly_js_fetches_nothing_twice_and_is_light(
    page, console, server
):
    server.mark()
    urls = requests_of(page)
    open_dashboard(page, server)
    page.wait_for_url("**/?growth=**")  # the scenario in the address (the icon is asked again)
    page.wait_for_load_state("networkidle")

    assert sum(PARTIAL in u for u in urls) == 1
    assert not any(FULL in u for u in urls)
    assert page.evaluate("window.Plotly.version") == get_plotlyjs_version()

    fetched = page.evaluate(RESOURCES)
    over_the_wire = Counter(url for url, size in fetched if size > 0 and CALLBACK not in url)
    assert [url for url, n in over_the_wire.items() if n > 1] == []
    assert not any(url.split("?")[0].endswith(".map") for url, _ in fetched)
    total = sum(size for _, size in fetched)
    assert total < PAGE_BUDGET_BYTES, f"{total / 1024:.0f} KiB"
    assert_clean(console, server, server.new_log())  # the bundle ran under the app's CSP


def test_charts_still_draw_when_the_partial_bundle_is_blocked(page, console, server):
    """A proxy or extension that blocks the vendored file leaves Dash's own bundle in charge."""
    page.route(f"**{PARTIAL}*", lambda route: route.abort())
    urls = requests_of(page)
    open_dashboard(page, server)
    assert any(FULL in u for u in urls)
    assert page.evaluate("window.Plotly.version") == get_plotlyjs_version()
    # The only complaint is the blocked file itself.
    assert console.page_errors == []
    assert all("ERR_FAILED" in m and PARTIAL in m for m in console.errors()), console.errors()

"""The generated plotly.js locales work in a real browser, with the real plotly.js.

plotly.js ships no Kazakh or Mongolian locale; ``assets/plotly-locales.js`` (made at
install time from CLDR and the catalogs) registers one per language. Dash loads asset
scripts before it loads plotly.js, so the script queues its locales for plotly.js to
pick up; both orders are checked, and then the real dashboard page.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from trade_dash.wording.catalogs import PLOTLY_ASSET

pytestmark = pytest.mark.browser

PLOTLY_JS = str(files("plotly") / "package_data" / "plotly.min.js")
ASSET = str(files("trade_dash") / "web" / "assets" / PLOTLY_ASSET)

# A date axis over half a year, so plotly names months; values big enough to group.
DRAW = """async ([lang]) => {
    const div = document.createElement("div");
    div.style.width = "900px"; div.style.height = "400px";
    document.body.appendChild(div);
    await Plotly.newPlot(div,
        [{x: ["2024-01-15", "2024-03-15", "2024-06-15"], y: [1234.5, 2500.25, 3000],
          type: "scatter"}],
        {xaxis: {type: "date", dtick: "M1", tickformat: "%b", range: ["2023-12-20", "2024-06-20"]},
         yaxis: {tickformat: ",.1f"}},
        {locale: lang});
    const texts = (sel) => [...div.querySelectorAll(sel)].map(t => t.textContent);
    return {
        months: texts(".xtick text"),
        values: texts(".ytick text"),
        autoscale: div.querySelector('[data-attr="zoom"][data-val="auto"]')
            .getAttribute("data-title"),
    };
}"""

EXPECTED = {
    # lang: (January, June, 1500 with the locale's marks, the Autoscale button's title)
    "kk": ("қаң.", "мау.", "1\u00a0500,0", "Автомасштабтау"),
    "mn": ("1-р сар", "6-р сар", "1,500.0", "Автомат масштаб"),
    "ru": ("янв.", "июнь", "1\u00a0500,0", "Автомасштаб"),
    "en": ("Jan", "Jun", "1,500.0", "Autoscale"),  # plotly.js's own English, untouched
}


@pytest.mark.parametrize("order", ["asset_first", "plotly_first"])
def test_charts_speak_each_locale(page, console, order):
    page.set_content("<!doctype html><html><body></body></html>")
    scripts = [ASSET, PLOTLY_JS] if order == "asset_first" else [PLOTLY_JS, ASSET]
    for path in scripts:
        page.add_script_tag(path=path)
    for lang, (january, june, grouped, autoscale) in EXPECTED.items():
        drawn = page.evaluate(DRAW, [lang])
        assert drawn["months"][0] == january and june in drawn["months"], lang
        assert grouped in drawn["values"], lang
        assert drawn["autoscale"] == autoscale
    assert console.errors() == []


def test_the_dashboard_page_loads_the_locales_under_its_csp(page, console, server):
    page.goto(f"{server.url}/")
    page.wait_for_selector(".js-plotly-plot .main-svg")  # plotly.js has loaded
    drawn = page.evaluate(DRAW, ["mn"])
    assert drawn["months"][0] == "1-р сар"
    assert drawn["autoscale"] == "Автомат масштаб"
    assert console.errors() == []

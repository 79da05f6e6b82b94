"""The vendored partial plotly.js: the plotly package's version, and enough for every chart."""

from __future__ import annotations

import json
import re

from plotly.offline import get_plotlyjs_version

from tests.support import ROOT
from trade_dash.charts.registry import CHARTS
from trade_dash.charts.style import Context
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse

# The trace types the basic bundle registers (its npm README); others are silently not drawn.
BASIC_TRACES = {"scatter", "bar", "pie"}
VENDOR = ROOT / "src" / "trade_dash" / "web" / "vendor" / "plotly.js-basic-dist-min"
REFRESH = (
    "refresh it as docs/development.md's 'Refreshing the vendored plotly.js' says: "
    "npm pack plotly.js-basic-dist-min@{v} and copy plotly-basic.min.js, LICENSE and "
    "package.json into " + str(VENDOR.relative_to(ROOT))
)


def test_vendored_plotly_js_matches_the_plotly_package():
    expected = get_plotlyjs_version()
    banner = (VENDOR / "plotly-basic.min.js").read_bytes()[:300].decode("ascii", "replace")
    found = re.search(r"plotly\.js \(basic - minified\) v(\S+)", banner)
    assert found is not None, (
        f"no plotly.js version banner at the top of the vendored file; {REFRESH.format(v=expected)}"
    )
    package = json.loads((VENDOR / "package.json").read_text(encoding="utf-8"))
    assert (package["name"], package["version"], found.group(1)) == (
        "plotly.js-basic-dist-min",
        expected,
        expected,
    ), (
        f"the plotly package is built for plotly.js {expected} but the vendored bundle is "
        f"{found.group(1)} (package.json says {package['version']}); {REFRESH.format(v=expected)}"
    )


def test_vendored_bundle_carries_its_licence():
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Plotly" in licence


def test_the_docs_say_how_to_refresh_it():
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    assert "## Refreshing the vendored plotly.js" in text
    assert "npm pack --silent plotly.js-basic-dist-min@" in text


def test_every_chart_uses_only_trace_types_the_bundle_draws(bundled):
    summary = analyse(bundled, default_scenario(bundled))
    ctx = Context(produced="2026-11-23")
    for chart in CHARTS:
        types = {trace.type for trace in chart.build(bundled, summary, ctx).data}
        assert types <= BASIC_TRACES, (
            f"the {chart.name} chart uses {sorted(types - BASIC_TRACES)}, which the vendored "
            "plotly.js-basic-dist-min does not draw; vendor a bundle that does "
            "(docs/development.md, 'Refreshing the vendored plotly.js')"
        )


RUNTIME = ROOT / "src" / "trade_dash" / "web" / "vendor" / "regenerator-runtime"


def test_vendored_regenerator_runtime_carries_its_licence_and_version():
    package = json.loads((RUNTIME / "package.json").read_text(encoding="utf-8"))
    assert package["name"] == "regenerator-runtime" and package["license"] == "MIT"
    licence = (RUNTIME / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert (RUNTIME / "runtime.js").stat().st_size > 10_000

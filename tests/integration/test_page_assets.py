"""What the page asks the browser to load: the partial plotly.js, versioned and cached."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re

from tests.support import ROOT
from tests.support.app import client_of, make_app
from trade_dash.charts.registry import CHARTS
from trade_dash.web import app

VENDORED = ROOT / "src" / "trade_dash" / "web" / "vendor" / "plotly.js-basic-dist-min"
FULL_BUNDLE = "/_dash-component-suites/plotly/package_data/plotly.min.js"


def page_scripts(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").get_data(as_text=True))


def test_the_page_loads_the_vendored_partial_plotly_js_before_the_renderer(client):
    scripts = page_scripts(client)
    vendored = [s for s in scripts if "/trade_dash/web/vendor/plotly" in s]
    assert len(vendored) == 1 and "plotly-basic" in vendored[0]
    assert not any("package_data/plotly" in s for s in scripts)
    # dcc.Graph uses window.Plotly when it is defined before the renderer draws the page.
    renderer = next(i for i, s in enumerate(scripts) if "dash_renderer" in s)
    assert scripts.index(vendored[0]) < renderer

    resp = client.get(vendored[0])
    assert resp.status_code == 200
    assert resp.mimetype in ("text/javascript", "application/javascript")
    assert resp.get_data() == (VENDORED / "plotly-basic.min.js").read_bytes()
    assert "max-age=31536000" in resp.headers["Cache-Control"]
    packed = client.get(vendored[0], headers={"Accept-Encoding": "br"})
    assert packed.headers["Content-Encoding"] == "br"
    assert len(packed.get_data()) < len(resp.get_data()) / 2


def test_first_charts_carry_todays_date_and_no_host_name(client):
    """The first page's charts are built once per date (and cached): each chart's footer
    under it gives today's date. Nothing on the page names the host it was asked from
    (the share link is made in the browser from its own address)."""
    for host in ("a.example", "b.example", "a.example"):
        layout = json.dumps(client.get("/_dash-layout", headers={"Host": host}).get_json())
        assert layout.count(f"Produced {dt.date.today().isoformat()}") == len(CHARTS)
        assert "example" not in layout


def test_the_page_does_not_carry_the_charts_a_second_time(client):
    """The figures come with the layout request only; the copy of the layout that the page
    carries for Dash to check callbacks against still holds every id a callback uses."""
    html = client.get("/").get_data(as_text=True)
    config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>',
                       html, re.S)
    assert config is not None
    validation = json.dumps(json.loads(config.group(1))["validation_layout"])
    assert "Produced " not in validation
    assert json.dumps(client.get("/_dash-layout").get_json()).count("Produced ") == len(CHARTS)
    used = set()
    for dep in client.get("/_dash-dependencies").get_json():
        used |= {o.rsplit(".", 1)[0] for o in dep["output"].strip(".").split("...")}
        used |= {i["id"] for i in dep["inputs"] + dep["state"]}
    assert used and all(f'"id": "{i}"' in validation for i in used), sorted(used)


def test_a_vendored_bundle_of_another_version_is_not_used(monkeypatch, caplog):
    """After a plotly upgrade without a refresh, the page falls back to the full bundle."""
    monkeypatch.setattr(app, "get_plotlyjs_version", lambda: "99.0.0")
    with caplog.at_level(logging.WARNING, logger="trade_dash"):
        client = client_of(make_app())
    assert not any("/trade_dash/web/vendor/plotly" in s for s in page_scripts(client))
    assert "99.0.0" in caplog.text and "Refreshing the vendored plotly.js" in caplog.text
    # What dcc.Graph then fetches is served.
    full = client.get(FULL_BUNDLE)
    assert full.status_code == 200 and len(full.get_data()) > 3_000_000


def test_the_icon_is_cached_so_the_browser_asks_once(client):
    html = client.get("/").get_data(as_text=True)
    icon = re.search(r'<link rel="icon"[^>]* href="([^"]+)"', html)
    assert icon is not None and "?v=" in icon.group(1)
    resp = client.get(icon.group(1))
    assert resp.status_code == 200
    assert "max-age=31536000" in resp.headers["Cache-Control"]

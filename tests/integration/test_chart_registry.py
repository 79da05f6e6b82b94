"""A chart registered only in the registry reaches every place that offers charts: the
page (graph, format menu, download link), the main callback, the export routes, the
briefing pack and the command line. The registry is passed in, never changed in place:
the default app and CLI do not offer the extra chart.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from pptx import Presentation

from tests.support.app import client_of, make_app
from tests.support.dashreq import MAIN_OUTPUT_START, main_callback_body
from trade_dash.charts.flows import FLOWS_TITLE
from trade_dash.charts.history import HISTORY_TITLE, history_figure, history_note
from trade_dash.charts.registry import CHARTS, Chart
from trade_dash.charts.scenario import SCENARIO_TITLE
from trade_dash.cli import main
from trade_dash.web import ids

DEMO_TITLE = "Demonstration chart, registered by a test"


def demo_figure(ds, s, ctx):
    """A real chart under another title: the history chart, renamed."""
    fig = history_figure(ds, s, ctx)
    fig.update_layout(title_text=f"<b>{DEMO_TITLE}</b>")
    return fig


DEMO = Chart("demo", DEMO_TITLE, demo_figure, note=history_note, formats=("svg", "pdf"),
             briefing=4, slide_note="Shown only in this test.")
WITH_DEMO = CHARTS.adding(DEMO)

pytestmark = pytest.mark.app(charts=WITH_DEMO)


def components(node, found: dict | None = None) -> dict:
    """Every component of a layout by id, in page order."""
    found = {} if found is None else found
    if isinstance(node, list | tuple):
        for child in node:
            components(child, found)
    elif node is not None and not isinstance(node, str | int | float):
        if getattr(node, "id", None):
            found[node.id] = node
        components(getattr(node, "children", None), found)
    return found


def test_the_page_has_its_graph_format_menu_and_download_link(app):
    with app.server.test_request_context("/"):
        page = components(app.layout())
    graphs = [cid for cid, c in page.items() if c.__class__.__name__ == "Graph"]
    assert graphs == ["scenario-graph", "history-graph", "flows-graph", "demo-graph"]
    # Its title is a heading above the graph, the graph draws the demo figure's traces.
    assert page[DEMO.heading_id].children == DEMO_TITLE
    assert page[DEMO.graph_id].figure["data"]
    assert DEMO.description_id in page and DEMO.footer_id in page
    assert [o["value"] for o in page[DEMO.format_id].options] == ["svg", "pdf"]
    assert DEMO.link_id in page


def test_the_main_callback_draws_it_and_links_its_export(app):
    client = client_of(app)
    key = next(k for k in app.callback_map if k.startswith(MAIN_OUTPUT_START))
    spec = app.callback_map[key]
    body = main_callback_body(key, spec["inputs"], spec["state"], href="http://analyst.test/",
                              values={ids.URL: "?growth=30", DEMO.format_id: "pdf"},
                              changed=f"{ids.URL}.search")
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200
    out = resp.get_json()["response"]
    assert out[DEMO.graph_id]["figure"]["data"][0]["name"] == "Cited full year"
    assert "Produced" in out[DEMO.footer_id]["children"]
    assert out[DEMO.link_id]["href"].startswith("/export/chart/demo.pdf?growth=30&")


@pytest.mark.export
def test_the_export_route_draws_it_in_its_formats_only(export_client):
    resp = export_client.get("/export/chart/demo.svg?growth=30")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    text = " ".join(ET.fromstring(resp.data).itertext())
    assert DEMO_TITLE in text and "growth=30" in text
    refused = export_client.get("/export/chart/demo.png")
    assert refused.status_code == 404
    assert refused.get_data(as_text=True) == "No such export: the demo chart comes as svg, pdf.\n"


@pytest.mark.export
def test_the_briefing_deck_has_a_slide_for_it_in_its_place(export_client):
    resp = export_client.get("/export/briefing.pptx?growth=30")
    assert resp.status_code == 200, resp.get_data(as_text=True)
    slides = list(Presentation(io.BytesIO(resp.data)).slides)
    titles = [s.shapes.title.text for s in slides]
    at = titles.index(SCENARIO_TITLE)  # after the key message and headline slides
    assert titles[at : at + 4] == [SCENARIO_TITLE, HISTORY_TITLE,
                                   FLOWS_TITLE, DEMO_TITLE]
    demo = slides[at + 3]
    demo_text = " ".join(sh.text_frame.text for sh in demo.shapes if sh.has_text_frame)
    assert "Shown only in this test." in demo_text
    # A chart registered without a describer is described by its title and side.
    picture = next(sh for sh in demo.shapes if sh.shape_type == 13)
    assert picture._element.nvPicPr.cNvPr.get("descr") == f"{DEMO_TITLE}, Kazakh figures (KZ)."


def test_the_default_app_and_cli_do_not_offer_it(capsys, tmp_path):
    resp = client_of(make_app()).get("/export/chart/demo.svg")
    assert resp.status_code == 404
    assert main(["export", "--chart", "demo", "--format", "svg",
                 "--out", str(tmp_path / "x.svg")]) == 2
    assert "invalid choice: 'demo'" in capsys.readouterr().err


@pytest.mark.export
def test_the_cli_exports_it_when_given_the_registry(capsys, monkeypatch, tmp_path, chromium):
    monkeypatch.setenv("TRADE_DASH_BROWSER", chromium)
    out = tmp_path / "demo.svg"
    assert main(["export", "--chart", "demo", "--format", "png", "--out", str(out)],
                WITH_DEMO) == 2
    assert "choose one of svg, pdf" in capsys.readouterr().err
    code = main(["export", "--chart", "demo", "--format", "svg", "--out", str(out)], WITH_DEMO)
    assert code == 0, capsys.readouterr().err
    assert DEMO_TITLE in " ".join(ET.fromstring(out.read_bytes()).itertext())

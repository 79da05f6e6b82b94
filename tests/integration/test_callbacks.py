"""Callbacks, called as functions and through the server's test client."""

from __future__ import annotations

import json

import pytest
from flask import Flask

from tests.dashreq import MAIN_OUTPUT_START, main_callback_body
from trade_dash import ids
from trade_dash.callbacks import sync
from trade_dash.config import Config
from trade_dash.scenario import analyse, scenario_from_query
from trade_dash.web import create_app


@pytest.fixture(scope="module")
def app():
    return create_app(Config())


@pytest.fixture(scope="module")
def page(app):
    return app.server.config["TRADE_DASH"]["page"]


@pytest.fixture
def client(app):
    return app.server.test_client()


def controls(**kw):
    base = {
        ids.GROWTH: 21.4,
        ids.TARGET_YEAR: 2030,
        ids.TARGET: 500,
        ids.BASE: "ytd",
        ids.METHOD: "pro_rata",
        ids.BAND: 5,
    }
    base.update({getattr(ids, k.upper()): v for k, v in kw.items()})
    return base


def text_of(component) -> str:
    """All the text a user would read in a component tree."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def test_slider_move_updates_url_cards_and_patches_only_the_projection(page):
    out = _sync(page, ids.GROWTH, controls(growth=30))
    assert out["search"].startswith("?growth=30&")
    assert "2030" in text_of(out["cards"][ids.CARD_REACHED][0])
    patch = out["charts"]["scenario"].to_plotly_json()
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    locations = [op["location"] for op in patch["operations"]]
    # Traces 0 and 1 (the cited history) are not resent.
    assert ["data", 0] not in locations and ["data", 1] not in locations
    assert ["data", 5] in locations and ["layout"] in locations
    # The history chart draws no projection: only its footer's reopen link follows.
    history = out["charts"]["history"].to_plotly_json()["operations"]
    assert sorted(op["location"] for op in history) == [
        ["layout", "annotations", 0, "text"], ["layout", "margin", "b"]]
    footer = next(op["params"]["value"] for op in history if op["location"][-1] == "text")
    assert f"http://analyst.test/?{out['query'].replace('&', '&amp;')}" in footer.replace(
        "<br>", "")


def test_loading_a_url_reproduces_the_scenario(page):
    out = _sync(page, ids.URL, controls(), search="?growth=30&target_year=2032&base=full")
    assert out["controls"][ids.GROWTH] == 30.0
    assert out["controls"][ids.TARGET_YEAR] == 2032
    assert out["controls"][ids.BASE] == "full"
    s = analyse(page.ds, scenario_from_query(page.ds, "growth=30&target_year=2032&base=full")[0])
    assert f"{s.required_growth_pct:+.1f} % a year" in text_of(out["cards"][ids.CARD_REQUIRED])
    assert "$76.7 million" in text_of(out["cards"][ids.CARD_LATEST])
    assert out["notices_open"] is False


@pytest.mark.parametrize(
    "search",
    [
        "?growth=nan",
        "?growth=inf",
        "?growth=1e308",
        "?growth=abc",
        "?growth=",
        "?growth=1&growth=2",
        "?target_year=-1",
        "?target=-5",
        "?base=%3Cscript%3E",
        "?growth=" + "9" * 5000,
        "?target_year=1e999",
    ],
)
def test_hostile_url_values_show_a_notice_and_a_valid_page(page, search):
    out = _sync(page, ids.URL, controls(), search=search)
    assert out["notices_open"] is True
    assert "adjusted" in text_of(out["notices"])
    assert out["search"].startswith("?growth=")  # the address bar is corrected


def test_empty_url_on_the_default_scenario_redraws_nothing(page):
    out = _sync(page, ids.URL, controls(), search="")
    assert {n: c.__class__.__name__ for n, c in out["charts"].items()} == {
        "scenario": "NoUpdate", "history": "NoUpdate"}
    assert out["notices_open"] is False


def test_preset_sets_the_growth_rate(page):
    needed = next(
        p for p in _sync(page, ids.URL, controls(), search="")["presets"] if "needed" in p["label"]
    )
    out = _sync(page, ids.PRESET, controls(), preset=needed["value"])
    assert out["controls"][ids.GROWTH] == float(needed["value"])
    assert "2030" in text_of(out["cards"][ids.CARD_REACHED])
    assert out["preset"] == ""


def test_typed_out_of_range_value_is_clamped_and_echoed(page):
    out = _sync(page, ids.TARGET_YEAR, controls(target_year=2100))
    assert out["controls"][ids.TARGET_YEAR] == 2050
    assert out["notices_open"] is True


def test_method_change_redraws_the_history(page):
    out = _sync(page, ids.METHOD, controls(method="seasonal"))
    assert out["charts"]["history"].__class__.__name__ == "Figure"
    assert "pro-rata was used instead" in text_of(out["notices"])


def _sync(page, triggered, values, search=None, preset=None):
    """Call the callback's logic as a function, inside a request as Dash would."""
    with Flask(__name__).test_request_context("/", base_url="http://analyst.test/"):
        return sync(page, triggered, search, "http://analyst.test/", values, preset)


# --- through the server -------------------------------------------------------


def _main_callback_body(app, search: str) -> dict:
    key = next(k for k in app.callback_map if k.startswith(MAIN_OUTPUT_START))
    spec = app.callback_map[key]
    return main_callback_body(key, spec["inputs"], spec["state"], href="http://analyst.test/",
                              values={ids.URL: search}, changed=f"{ids.URL}.search")


def test_callback_through_the_server(app, client):
    body = _main_callback_body(app, search="?growth=30&target_year=2032")
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200
    payload = resp.get_json()["response"]
    assert payload["url"]["search"].startswith("?growth=30&target_year=2032")
    assert "2030" in json.dumps(payload["card-reached"])


def test_download_callbacks_give_csv(app, client):
    key = next(k for k in app.callback_map if k.startswith(f"{ids.DOWNLOAD}."))
    body = {
        "output": key,
        "outputs": {"id": ids.DOWNLOAD, "property": "data"},
        "inputs": [
            {"id": ids.DOWNLOAD_SERIES_BTN, "property": "n_clicks", "value": 1},
            {"id": ids.DOWNLOAD_CITATIONS_BTN, "property": "n_clicks", "value": None},
        ],
        "changedPropIds": [f"{ids.DOWNLOAD_SERIES_BTN}.n_clicks"],
        "state": [],
    }
    data = client.post("/_dash-update-component", json=body).get_json()["response"]
    content = data[ids.DOWNLOAD]["data"]["content"]
    lines = content.splitlines()
    assert lines[0].startswith("year,status,months,value_musd")
    assert any(line.startswith("2018,missing") for line in lines)
    assert any(line.startswith("2023,full,12,76.7") for line in lines)


@pytest.mark.parametrize(
    ("value", "sent"),
    [("kz-stat", "kz-stat"), ({"not": "text"}, ""), (None, ""), ("x" * 5000, "x" * 200)],
)
def test_sources_filter_passes_bounded_text_to_the_grid(app, client, value, sent):
    key = next(k for k in app.callback_map if k.startswith(f"{ids.SOURCES_TABLE}."))
    body = {
        "output": key,
        "outputs": {"id": ids.SOURCES_TABLE, "property": "dashGridOptions"},
        "inputs": [{"id": ids.SOURCES_FILTER, "property": "value", "value": value}],
        "changedPropIds": [f"{ids.SOURCES_FILTER}.value"],
        "state": [],
    }
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200
    patch = resp.get_json()["response"][ids.SOURCES_TABLE]["dashGridOptions"]
    assert patch["operations"] == [
        {"operation": "Assign", "location": ["quickFilterText"], "params": {"value": sent}}]

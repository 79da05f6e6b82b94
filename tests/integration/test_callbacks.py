"""Callbacks, called as functions and through the server's test client."""

from __future__ import annotations

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
        ids.GROWTH: 20.2,
        ids.TARGET_YEAR: 2030,
        ids.TARGET: 500,
        ids.BASE: "ytd",
        ids.METHOD: "pro_rata",
        ids.BAND: 5,
        ids.REPORTER: "any",
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
    # 30 %/yr from the 2025 estimate 126.86: × 1.3^5 = 471.0, × 1.3^6 = 612.3, so 2031.
    assert text_of(out["cards"][ids.CARD_REACHED][0]) == "2031"
    assert out["history"] is not None and out["history"].__class__.__name__ == "NoUpdate"
    patch = out["scenario"].to_plotly_json()
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    locations = [op["location"] for op in patch["operations"]]
    # Traces 0 and 1 (the cited history) are not resent.
    assert ["data", 0] not in locations and ["data", 1] not in locations
    assert ["data", 5] in locations and ["layout"] in locations


def test_key_message_follows_the_scenario(page):
    slow = _sync(page, ids.GROWTH, controls(growth=10))["key_message"]
    fast = _sync(page, ids.GROWTH, controls(growth=30))["key_message"]
    # 125.85 × 1.1^n first reaches 500 at n = 15 (2039); × 1.3^n at n = 6 (2030).
    assert "+10.0 % a year, the target is reached in 2039" in slow
    assert "+30.0 % a year, the target is reached in 2030" in fast
    assert slow.startswith("Trade turnover was US$ 76.7 million in 2023")


def test_loading_a_url_reproduces_the_scenario(page):
    out = _sync(page, ids.URL, controls(), search="?growth=30&target_year=2032&base=full")
    assert out["controls"][ids.GROWTH] == 30.0
    assert out["controls"][ids.TARGET_YEAR] == 2032
    assert out["controls"][ids.BASE] == "full"
    s = analyse(page.ds, scenario_from_query(page.ds, "growth=30&target_year=2032&base=full")[0])
    assert f"{s.required_growth_pct:+.1f} % a year" in text_of(out["cards"][ids.CARD_REQUIRED])
    assert "$150.0 million" in text_of(out["cards"][ids.CARD_LATEST])
    assert "2024, KZ figure" in text_of(out["cards"][ids.CARD_LATEST])
    assert out["notices_open"] is False


def test_switching_side_draws_that_sides_series_with_its_own_defaults(page):
    # The user had set growth 30 and target year 2035 on the default (any) side.
    out = _sync(page, ids.REPORTER, controls(growth=30, target_year=2035, reporter="MN"))
    mn = scenario_from_query(page.ds, "reporter=MN&target_year=2035")[0]
    assert out["search"] == f"?{mn.query()}"
    # Growth, base and method become the Mongolian side's defaults; the target year stays.
    assert (out["controls"][ids.GROWTH], out["controls"][ids.BASE]) == (21.4, "full")
    assert out["controls"][ids.TARGET_YEAR] == 2035
    assert "$76.7 million" in text_of(out["cards"][ids.CARD_LATEST])
    assert "none after the latest full year" in text_of(out["cards"][ids.CARD_YTD])
    assert out["history"].__class__.__name__ == "Figure"  # a whole new series
    actual = out["history"].data[0]
    assert {x: y for x, y in zip(actual.x, actual.y, strict=True) if y} == {2019: 35.3,
                                                                           2023: 76.7}
    assert [o["disabled"] for o in out["method_options"]] == [True, True, True]
    assert "nothing to annualise" in out["method_help"]
    assert out["notices_open"] is False
    back = _sync(page, ids.REPORTER, controls(growth=21.4, base="full", reporter="any"))
    assert (back["controls"][ids.GROWTH], back["controls"][ids.BASE]) == (20.2, "ytd")
    assert [o["value"] for o in back["method_options"] if not o["disabled"]] == [
        "pro_rata", "yoy"]


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
    assert out["history"].__class__.__name__ == "NoUpdate"
    assert out["scenario"].__class__.__name__ == "NoUpdate"
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
    assert out["history"].__class__.__name__ == "Figure"
    assert "pro-rata was used instead" in text_of(out["notices"])
    out = _sync(page, ids.METHOD, controls(method="yoy"))
    assert "$155.4 million (year-on-year" in text_of(out["cards"][ids.CARD_YTD])  # 150 × 1.036
    assert out["notices_open"] is False


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
    assert payload["card-reached"]["children"][0]["props"]["children"] == "2031"
    assert "the target is reached in 2031" in payload[ids.KEY_MESSAGE]["children"]
    assert payload[ids.BRIEFING_DOCX]["href"] == (
        f"/export/briefing.docx?{payload['url']['search'].lstrip('?')}"
    )


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
        "state": [{"id": ids.URL, "property": "search", "value": "?reporter=MN"}],
    }
    data = client.post("/_dash-update-component", json=body).get_json()["response"]
    content = data[ids.DOWNLOAD]["data"]["content"]
    lines = content.splitlines()
    # The series of the side on screen: the Mongolian one, 2020-2022 missing.
    assert lines[0].startswith("year,status,months,value_musd,yoy_change_pct")
    assert any(line.startswith("2020,missing") for line in lines)
    assert any(line.startswith("2023,full,12,76.7") for line in lines)
    body["state"][0]["value"] = ""
    data = client.post("/_dash-update-component", json=body).get_json()["response"]
    lines = data[ids.DOWNLOAD]["data"]["content"].splitlines()
    assert any(line.startswith("2023,full,12,133.0") for line in lines)
    assert not any(",missing," in line for line in lines)

"""Callbacks, called as functions and through the server's test client."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs

import dash
import pytest
from flask import Flask

from tests.support.app import client_of
from tests.support.dashreq import MAIN_OUTPUT_START, controls, main_callback_body, reached_shown
from tests.support.data import (
    BUNDLED_DEFAULT_GROWTH,
    FORMULA_COLUMNS,
    formula_cells_checked,
    year_target_met,
)
from trade_dash.domain.query import scenario_from_query
from trade_dash.domain.sources import sources_rows
from trade_dash.domain.summary import analyse
from trade_dash.web import ids
from trade_dash.web.callbacks import frame_text, sync


def text_of(component) -> str:
    """All the text a user would read in a component tree."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list):
        return " ".join(text_of(c) for c in component)
    return text_of(getattr(component, "children", None))


def reached_figure(out) -> str:
    """The big figure of the "Target reached" card (the band line below names other years)."""
    return text_of(out["cards"][ids.CARD_REACHED][0])


def test_slider_move_updates_url_cards_and_patches_only_the_projection(page):
    out = _sync(page, ids.GROWTH, controls(growth=30))
    assert out["search"].startswith("?growth=30&")
    assert reached_figure(out) == str(year_target_met(30.0))
    patch = out["charts"]["scenario"].to_plotly_json()
    assert patch["__dash_patch_update"] == "__dash_patch_update"
    locations = [op["location"] for op in patch["operations"]]
    # Traces 0 and 1 (the cited history) are not resent.
    assert ["data", 0] not in locations and ["data", 1] not in locations
    assert ["data", 5] in locations and ["layout"] in locations
    # The history and trade-by-direction charts draw no projection: they are not sent.
    assert out["charts"]["history"] is dash.no_update
    assert out["charts"]["flows"] is dash.no_update
    # The scenario line above the chart follows: 30 % a year from the 2025 estimate
    # 150 × 1.036 = 155.4 ("$155.4M").
    assert "growth +30.0%/yr" in frame_text(out, "scenario", "subtitle")
    assert "$155.4M" in frame_text(out, "scenario", "subtitle")
    # So does its description under it.
    assert (f"At +30.0% a year (band +25.0% to +35.0%), turnover reaches the US$ 500 million "
            f"target in {year_target_met(30.0)}.") in frame_text(out, "scenario", "description")


def test_once_the_browser_draws_growth_moves_the_server_sends_only_what_else_changed(page):
    out = _sync(page, ids.GROWTH, controls(growth=30), browser_ready=True)
    assert out["search"].startswith("?growth=30&")
    assert reached_figure(out) == str(year_target_met(30.0))
    # The browser draws the projection and the scenario line: no chart is sent.
    assert all(out["charts"][name] is dash.no_update for name in ("scenario", "history", "flows"))
    # Nothing else a growth rate cannot change is sent: not the footers, the other charts'
    # subtitles, the presets, the annualisation options or the facts.
    for name in ("scenario", "history", "flows"):
        assert frame_text(out, name, "footer") is dash.no_update
        assert frame_text(out, name, "subtitle") is dash.no_update
    # The charts a growth rate leaves as drawn keep their descriptions; the scenario
    # chart's follows the rate.
    for name in ("history", "flows"):
        assert frame_text(out, name, "description") is dash.no_update
    assert "At +30.0% a year" in frame_text(out, "scenario", "description")
    for name in ("presets", "preset", "method_options", "method_help", "facts"):
        assert out[name] is dash.no_update, name
    assert [c for c, v in out["cards"].items() if v is not dash.no_update] == [ids.CARD_REACHED]
    assert "+30.0% a year" in out["key_message"]


def test_a_clamped_growth_rate_is_drawn_by_the_server_even_when_the_browser_draws(page):
    out = _sync(page, ids.GROWTH, controls(growth=150), browser_ready=True)
    assert out["controls"][ids.GROWTH] == 100
    locations = [op["location"] for op in out["charts"]["scenario"].to_plotly_json()["operations"]]
    assert ["data", 5] in locations


def test_other_changes_send_the_facts_the_browser_draws_growth_moves_from(page):
    out = _sync(page, ids.TARGET, controls(target=800), browser_ready=True)
    facts = out["facts"]
    # From the 2025 estimate 150 × 1.036 (year-on-year, the default), to 800 by 2030.
    assert facts["base_year"] == 2025
    assert facts["base_musd"] == pytest.approx(150 * 1.036)
    assert (facts["target_musd"], facts["target_year"], facts["band_pct"]) == (800, 2030, 5)
    assert facts["words"]["templates"]["projection"] == "Scenario %(rate)s/yr (projection)"
    assert facts["subtitle"]["target"] == "$800M"
    locations = [op["location"] for op in out["charts"]["scenario"].to_plotly_json()["operations"]]
    assert ["data", 5] in locations  # the server draws every change but the growth rate's


def test_key_message_follows_the_scenario(page):
    slow = _sync(page, ids.GROWTH, controls(growth=10))["key_message"]
    fast = _sync(page, ids.GROWTH, controls(growth=30))["key_message"]
    # From the 2025 estimate 150 × 1.036 = 155.4: × 1.1^12 = 487.7 < 500 <= × 1.1^13
    # = 536.5 (2038); × 1.3^4 = 443.8 < 500 <= × 1.3^5 = 577.0 (2030).
    assert "+10.0% a year, the target is reached in 2038" in slow
    assert "+30.0% a year, the target is reached in 2030" in fast
    assert slow.startswith("On Kazakh figures (KZ), trade turnover was US$ 150 million in 2024")


def test_the_page_names_the_method_the_data_points_to_and_why(page):
    out = _sync(page, ids.URL, DEFAULT_CONTROLS, search="")
    assert out["controls"][ids.METHOD] == "yoy"
    assert out["method_help"].startswith(
        "The default for these figures is year-on-year change. The source states the "
        "year-to-date change on the same months of last year")
    # The year-to-date card gives the estimate, 150 × 1.036 = 155.4, and how it was made.
    assert text_of(out["cards"][ids.card("ytd")]).endswith(
        "full-year estimate US$ 155.4 million (by the year-on-year change the source gives)")


def test_a_pro_rata_estimate_is_said_to_contradict_its_source_in_the_key_message(page):
    out = _sync(page, ids.METHOD, controls(method="pro_rata"))
    # 74.0 × 12 / 7 = 126.857 is 15.4 % below 2024's 150, while January-July was up 3.6 %.
    assert ("The full-year estimate of US$ 126.86 million by pro-rata implies a change of "
            "-15.4% on 2024 (US$ 150 million), but the source states +3.6%") in out["key_message"]
    assert "The method that agrees with the source: year-on-year change." in out["key_message"]
    assert out["method_help"].startswith("Chosen in the settings: pro-rata; the default for "
                                         "these figures is year-on-year change.")
    # A finding about the data, not a setting that was adjusted: no "adjusted" alert.
    assert out["notices_open"] is False
    assert out["search"].startswith("?") and "method=pro_rata" in out["search"]


def test_loading_a_url_reproduces_the_scenario(page):
    out = _sync(page, ids.URL, controls(), search="?growth=30&target_year=2032&base=full")
    assert out["controls"][ids.GROWTH] == 30.0
    assert out["controls"][ids.TARGET_YEAR] == 2032
    assert out["controls"][ids.BASE] == "full"
    s = analyse(page.ds, scenario_from_query(page.ds, "growth=30&target_year=2032&base=full")[0])
    assert f"{s.required_growth_pct:+.1f}% a year" in text_of(out["cards"][ids.CARD_REQUIRED])
    assert "US$ 150 million" in text_of(out["cards"][ids.CARD_LATEST])
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
    assert "US$ 76.7 million" in text_of(out["cards"][ids.CARD_LATEST])
    assert "none after the latest full year" in text_of(out["cards"][ids.CARD_YTD])
    history = out["charts"]["history"]
    assert isinstance(history, dict)  # a whole new figure: a new series
    actual = history["data"][0]
    assert {x: y for x, y in zip(actual["x"], actual["y"], strict=True) if y} == {2019: 35.3,
                                                                                 2023: 76.7}
    # The Mongolian side's sources give no export figures: the third chart says so.
    flows = out["charts"]["flows"]
    assert isinstance(flows, dict) and len(flows["data"]) == 0
    assert "No export or import figures" in flows["layout"]["annotations"][0]["text"]
    # The subtitles above the charts name the side.
    assert "Mongolian figures only (MN)" in frame_text(out, "history", "subtitle")
    assert [o["disabled"] for o in out["method_options"]] == [True, True, True]
    assert "nothing to annualise" in out["method_help"]
    assert out["notices_open"] is False
    back = _sync(page, ids.REPORTER, controls(growth=21.4, base="full", reporter="any"))
    assert (back["controls"][ids.GROWTH], back["controls"][ids.BASE]) == (20.2, "ytd")
    assert [o["value"] for o in back["method_options"] if not o["disabled"]] == [
        "pro_rata", "yoy"]
# The default scenario, by the rules of docs/method.md: the data's default growth, the $500M target,
# 2030, the current-year estimate, year-on-year (the source states the change), ±5.
DEFAULT_CONTROLS = controls(growth=BUNDLED_DEFAULT_GROWTH)


@pytest.mark.parametrize(
    ("search", "changed"),
    [
        ("?growth=nan", {}),
        ("?growth=inf", {}),
        ("?growth=1e308", {"growth": 100.0}),  # clamped to the slider's top
        ("?growth=abc", {}),
        ("?growth=", {}),
        ("?growth=1&growth=2", {"growth": 1.0}),  # the first one, with a notice
        ("?target_year=-1", {"target_year": 2026}),  # the first year after the 2025 base
        ("?target=-5", {"target": 1.0}),  # the smallest target the control takes
        ("?base=%3Cscript%3E", {}),
        ("?growth=" + "9" * 5000, {}),
        ("?target_year=1e999", {}),
    ],
)
def test_hostile_url_values_show_a_notice_and_fall_back_to_the_defaults(page, search, changed):
    out = _sync(page, ids.URL, DEFAULT_CONTROLS, search=search)
    assert out["notices_open"] is True
    assert "adjusted" in text_of(out["notices"])
    expected = {**DEFAULT_CONTROLS, **{getattr(ids, k.upper()): v for k, v in changed.items()}}
    assert out["controls"] == expected
    # The address bar is corrected to the same values, and the cards are worked out from them.
    shown = {k: v[0] for k, v in parse_qs(out["search"].lstrip("?")).items()}
    assert shown == {
        "growth": f"{expected[ids.GROWTH]:g}", "target_year": str(expected[ids.TARGET_YEAR]),
        "target": f"{expected[ids.TARGET]:g}", "base": expected[ids.BASE],
        "method": expected[ids.METHOD], "band": f"{expected[ids.BAND]:g}",
        "reporter": expected[ids.REPORTER],
    }
    year = year_target_met(expected[ids.GROWTH], target=expected[ids.TARGET])
    assert reached_figure(out) == (str(year) if year else "not by 2050")


def test_empty_url_on_the_default_scenario_redraws_nothing(page):
    out = _sync(page, ids.URL, controls(), search="")
    assert {n: c.__class__.__name__ for n, c in out["charts"].items()} == {
        "scenario": "NoUpdate", "history": "NoUpdate", "flows": "NoUpdate"}
    assert out["notices_open"] is False


def test_preset_sets_the_growth_rate(page):
    needed = next(
        p for p in _sync(page, ids.URL, controls(), search="")["presets"] if "needed" in p["label"]
    )
    out = _sync(page, ids.PRESET, controls(), preset=needed["value"])
    assert out["controls"][ids.GROWTH] == float(needed["value"])
    assert reached_figure(out) == "2030"  # the default target year, met at the needed rate
    assert year_target_met(float(needed["value"])) == 2030
    assert out["preset"] == ""


def test_typed_out_of_range_value_is_clamped_and_echoed(page):
    out = _sync(page, ids.TARGET_YEAR, controls(target_year=2100))
    assert out["controls"][ids.TARGET_YEAR] == 2050
    assert out["notices_open"] is True


def test_method_change_redraws_the_history(page):
    out = _sync(page, ids.METHOD, controls(method="seasonal"))
    assert isinstance(out["charts"]["history"], dict)
    # Exports and imports have no annualised estimate: that chart is not sent.
    assert out["charts"]["flows"] is dash.no_update
    assert "pro-rata was used instead" in text_of(out["notices"])
    out = _sync(page, ids.METHOD, controls(method="yoy"))
    # 150 × 1.036
    assert "US$ 155.4 million (by the year-on-year" in text_of(out["cards"][ids.CARD_YTD])
    assert out["notices_open"] is False


def _sync(page, triggered, values, search=None, preset=None, browser_ready=None):
    """Call the callback's logic as a function, inside a request as Dash would."""
    with Flask(__name__).test_request_context("/", base_url="http://analyst.test/"):
        return sync(page, triggered, search, "http://analyst.test/", values, preset,
                    browser_ready)


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
    assert reached_shown(payload) == str(year_target_met(30.0))
    key_message = payload[ids.KEY_MESSAGE]["children"]
    assert f"the target is reached in {year_target_met(30.0)}" in key_message
    assert payload[ids.BRIEFING_DOCX]["href"] == (
        f"/export/briefing.docx?{payload['url']['search'].lstrip('?')}"
    )


def _download(app, button: str, search: str = "") -> dict:
    """What the download callback sends when ``button`` is clicked on a page whose address
    has the query ``search``: filename and content."""
    key = next(k for k in app.callback_map if k.startswith(f"{ids.DOWNLOAD}."))
    body = {
        "output": key,
        "outputs": {"id": ids.DOWNLOAD, "property": "data"},
        "inputs": [
            {"id": b, "property": "n_clicks", "value": 1 if b == button else None}
            for b in (ids.DOWNLOAD_SERIES_BTN, ids.DOWNLOAD_CITATIONS_BTN)
        ],
        "changedPropIds": [f"{button}.n_clicks"],
        "state": [{"id": ids.URL, "property": "search", "value": search}],
    }
    resp = client_of(app).post("/_dash-update-component", json=body)
    assert resp.status_code == 200
    return resp.get_json()["response"][ids.DOWNLOAD]["data"]


def test_download_callbacks_give_csv(app):
    content = _download(app, ids.DOWNLOAD_SERIES_BTN, "?reporter=MN")["content"]
    lines = content.splitlines()
    # The series of the side on screen: the Mongolian one, 2020-2022 missing.
    assert lines[0].startswith("year,status,months,value_musd,yoy_change_pct")
    assert any(line.startswith("2020,missing") for line in lines)
    assert any(line.startswith("2023,full,12,76.7") for line in lines)
    content = _download(app, ids.DOWNLOAD_SERIES_BTN)["content"]
    lines = content.splitlines()
    assert any(line.startswith("2023,full,12,133.0") for line in lines)
    assert not any(",missing," in line for line in lines)


@pytest.mark.parametrize(
    ("button", "cited"),
    # The series (Kazakh side) cites every year 2017–2025; the file has 27 citations.
    [(ids.DOWNLOAD_SERIES_BTN, 9), (ids.DOWNLOAD_CITATIONS_BTN, 27)],
)
def test_csv_downloads_neutralise_formulas_in_citation_text(formula_app, button, cited):
    data = _download(formula_app, button)
    assert data["filename"].endswith(".csv")
    table = list(csv.reader(io.StringIO(data["content"], newline="")))
    assert formula_cells_checked(table) == len(FORMULA_COLUMNS) * cited


def sources_call(app, client, changed: str, value=None, state=None, search: str = "") -> dict:
    """The sources table's callback through the server, as the page calls it when the
    control ``changed`` reports ``value``; its outputs by id."""
    key = next(k for k in app.callback_map if f"{ids.SOURCES_BODY}.children" in k)
    spec = app.callback_map[key]
    prop = "value" if changed in (ids.SOURCES_FILTER, ids.SOURCES_PAGE_SIZE) else "n_clicks"
    body = {
        "output": key,
        "outputs": [dict(zip(("id", "property"), o.rsplit(".", 1), strict=True))
                    for o in key.strip(".").split("...")],
        "inputs": [{**i, **({"value": value} if i["id"] == changed else {})}
                   for i in spec["inputs"]],
        "changedPropIds": [f"{changed}.{prop}"],
        "state": [{"id": ids.SOURCES_STATE, "property": "data", "value": state},
                  {"id": ids.URL, "property": "search", "value": search}],
    }
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return {k: next(iter(v.values())) for k, v in resp.get_json()["response"].items()}


def shown_rows(out: dict) -> list[list[str]]:
    return [[td["props"]["children"] for td in tr["props"]["children"]]
            for tr in out[ids.SOURCES_BODY]]


@pytest.mark.parametrize(
    ("value", "kept", "text"),
    [("kz-stat", "kz-stat", "kz-stat"), ({"not": "text"}, "", ""), (None, "", ""),
     ("x" * 5000, None, "x" * 200)],
)
def test_the_sources_filter_shows_the_matching_rows_from_bounded_text(app, client, value,
                                                                      kept, text):
    out = sources_call(app, client, ids.SOURCES_FILTER, value, state={"page": 1})
    rows = shown_rows(out)
    assert out[ids.SOURCES_STATE]["text"] == text and out[ids.SOURCES_STATE]["page"] == 0
    assert out[ids.SOURCES_PREVIOUS] is True  # the first page of what matches
    if kept is None:
        assert rows == [] and out[ids.SOURCES_STATUS] == f"No citation contains all of: {text}"
        assert out[ids.SOURCES_NEXT] is True
    elif kept:
        assert rows and all(any(kept in cell for cell in r) for r in rows)
        assert out[ids.SOURCES_STATUS] == f"Rows 1–{len(rows)} of {len(rows)}"
    else:
        assert len(rows) == 20 and out[ids.SOURCES_STATUS] == "Rows 1–20 of 27"


def test_a_header_click_sorts_the_table_and_says_so_in_the_readers_language(app, page, client):
    every = sorted(r["citation_id"] for r in sources_rows(page.ds))
    citation = ids.sources_sort("citation_id")
    out = sources_call(app, client, citation, 1, search="?lang=ru&growth=25")
    assert [r[0] for r in shown_rows(out)] == every[:20]
    assert out[ids.sources_header("citation_id")] == "ascending"
    assert out[ids.sources_header("note")] is None
    assert out[ids.SOURCES_STATUS] == "Строки 1–20 из 27"
    assert "Товарооборот" in {r[3] for r in shown_rows(out)}  # the product's words in Russian
    again = sources_call(app, client, citation, 2, state=out[ids.SOURCES_STATE])
    assert [r[0] for r in shown_rows(again)] == every[::-1][:20]
    assert again[ids.sources_header("citation_id")] == "descending"
    # The next page continues the same order; past the last it stays on the last.
    later = sources_call(app, client, ids.SOURCES_NEXT, 1, state=again[ids.SOURCES_STATE])
    assert later[ids.SOURCES_STATUS] == "Rows 21–27 of 27"
    assert later[ids.SOURCES_NEXT] is True and later[ids.SOURCES_PREVIOUS] is False
    last = sources_call(app, client, ids.SOURCES_NEXT, 2, state=later[ids.SOURCES_STATE])
    assert [r[0] for r in shown_rows(later)] == every[::-1][20:]
    assert shown_rows(last) == shown_rows(later) and last[ids.SOURCES_STATE]["page"] == 1


def test_rows_per_page_change_the_page_length(app, client):
    out = sources_call(app, client, ids.SOURCES_PAGE_SIZE, "50", state={"page": 1})
    assert len(shown_rows(out)) == 27 and out[ids.SOURCES_STATUS] == "Rows 1–27 of 27"
    forged = sources_call(app, client, ids.SOURCES_PAGE_SIZE, "100000")
    assert len(shown_rows(forged)) == 20

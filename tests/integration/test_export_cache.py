"""Exports a cache can keep: a strong entity tag made from what the export is made of,
304 for a validator that still holds, and public caching until the end of the day."""

from __future__ import annotations

import re

import pytest

from tests.support.app import client_of, make_app
from tests.support.data import bundled_rows, write_rows
from trade_dash.web import export_routes

pytestmark = pytest.mark.export

CHART = "/export/chart/scenario.png?growth=25"
BRIEFING = "/export/briefing.docx?growth=25"


def tag_of(export_client, url: str) -> str:
    resp = export_client.get(url)
    assert resp.status_code == 200, resp.get_data(as_text=True)
    etag = resp.headers["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag), etag  # strong: no W/ in front
    return etag


def test_an_export_is_tagged_and_kept_until_the_end_of_the_day(export_client):
    latest = export_routes.seconds_left_today()
    resp = export_client.get(CHART)
    earliest = export_routes.seconds_left_today()
    assert resp.status_code == 200 and resp.mimetype == "image/png"
    control = resp.headers["Cache-Control"]
    assert control.startswith("public, max-age=")
    assert earliest <= int(control.rsplit("=", 1)[1]) <= latest
    assert resp.headers["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("url", [CHART, BRIEFING])
def test_the_same_address_again_gets_304_and_the_same_tag(export_client, url):
    etag = tag_of(export_client, url)
    assert tag_of(export_client, url) == etag  # drawn again: the same tag
    again = export_client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    assert again.headers["Cache-Control"].startswith("public, max-age=")
    # One validator among others, or a weak one, names the export too.
    listed = export_client.get(url, headers={"If-None-Match": f'"other", W/{etag}'})
    assert listed.status_code == 304


def test_a_304_is_answered_without_drawing(export_client):
    """An app with no browser to draw with still answers a validator that holds."""
    etag = tag_of(export_client, CHART)
    no_browser = client_of(make_app(browser_path="/nonexistent/chromium"))
    assert no_browser.get(CHART).status_code == 503  # it cannot draw the export
    assert no_browser.get(CHART, headers={"If-None-Match": etag}).status_code == 304


def test_another_scenario_language_or_paper_is_another_tag(export_client):
    tags = {
        tag_of(export_client, CHART),
        tag_of(export_client, "/export/chart/scenario.png?growth=26"),
        tag_of(export_client, "/export/chart/scenario.png?growth=25&lang=kk"),
        tag_of(export_client, "/export/chart/scenario.svg?growth=25"),
        tag_of(export_client, "/export/chart/history.png?growth=25"),
        tag_of(export_client, BRIEFING),
        tag_of(export_client, BRIEFING + "&paper=letter"),
    }
    assert len(tags) == 7
    # A validator of another export is not answered with 304.
    resp = export_client.get("/export/chart/scenario.png?growth=26",
                      headers={"If-None-Match": tag_of(export_client, CHART)})
    assert resp.status_code == 200 and resp.data.startswith(b"\x89PNG")


def test_another_data_file_is_another_tag(export_client, chromium, renderer, tmp_path):
    rows = bundled_rows()
    rows[0] = {**rows[0], "note": rows[0]["note"] + " Checked again."}
    other = client_of(make_app(browser_path=chromium,
                               data_path=write_rows(tmp_path / "changed.csv", rows)), renderer)
    assert tag_of(other, CHART) != tag_of(export_client, CHART)
    # The same citations in another file: the same export, the same tag.
    same = client_of(make_app(browser_path=chromium,
                              data_path=write_rows(tmp_path / "copy.csv", bundled_rows())),
                     renderer)
    assert tag_of(same, CHART) == tag_of(export_client, CHART)

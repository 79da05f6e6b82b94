"""The scripts the page loads: Babel's polyfill for old browsers is left out, and the one
part of it Dash's components use, regenerator-runtime, is served on its own."""

from __future__ import annotations

import re

import pytest

from tests.support.app import client_of


@pytest.fixture(scope="module")
def page_html(app) -> tuple:
    client = client_of(app)
    return client, client.get("/").get_data(as_text=True)


def scripts(html: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', html)


def test_the_page_does_not_load_babels_polyfill(page_html):
    _, html = page_html
    loaded = scripts(html)
    assert loaded, "the page lists no scripts"
    assert not [s for s in loaded if "polyfill" in s], loaded


def test_regenerator_runtime_is_served_from_the_app_before_the_dash_renderer(page_html):
    client, html = page_html
    loaded = scripts(html)
    runtime = [s for s in loaded if "regenerator-runtime" in s]
    renderer = [i for i, s in enumerate(loaded) if "dash_renderer" in s]
    assert len(runtime) == 1 and renderer
    assert loaded.index(runtime[0]) < renderer[0]
    response = client.get(runtime[0])
    assert response.status_code == 200
    assert "regeneratorRuntime = runtime" in response.get_data(as_text=True)


def test_the_page_loads_no_data_grid_library(page_html):
    """The sources table is plain HTML: no grid component's scripts (AG Grid's were over a
    third of the first load) are part of the page."""
    _, html = page_html
    loaded = scripts(html)
    assert [s for s in loaded if "dash_html_components" in s or "dash_core" in s]
    assert not [s for s in loaded if "grid" in s.lower()], loaded

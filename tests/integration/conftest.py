"""Fixtures for the tests that render through kaleido and Chromium."""

from __future__ import annotations

import pytest

from tests import chromium as browser
from trade_dash import export


@pytest.fixture(scope="session")
def chromium() -> str:
    return browser.required()


@pytest.fixture(scope="session")
def renderer(chromium):
    """One browser for every export test; closed at the end of the session."""
    r = export.Renderer(chromium, timeout=60)
    try:
        yield r
    finally:
        r.close()

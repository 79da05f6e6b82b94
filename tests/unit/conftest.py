"""Fixtures of the unit tier: small data sets built in the test."""

from __future__ import annotations

import pytest

from trade_dash.domain.datafile import load_citations
from trade_dash.domain.dataset import Dataset


@pytest.fixture
def small(write_csv) -> Dataset:
    """The small valid file of ``tests.support.data.GOOD_ROWS``, loaded."""
    path = write_csv()
    return Dataset.from_citations(load_citations(path), str(path))

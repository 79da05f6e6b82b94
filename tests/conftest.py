"""Fixtures for every tier: CSV files written for a test, and the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.data import GOOD_ROWS, csv_text
from trade_dash.domain.datafile import bundled_data_path, load_citations
from trade_dash.domain.dataset import Dataset


@pytest.fixture
def write_csv(tmp_path: Path):
    """Write rows (dicts of column -> text) to a CSV file and return its path."""

    def write(
        rows: list[dict] | None = None,
        *,
        text: str | None = None,
        name: str = "t.csv",
        header: list[str] | None = None,
        sep: str = ",",
        encoding: str = "utf-8",
        newline: str = "\n",
    ) -> Path:
        body = (
            text if text is not None else csv_text(GOOD_ROWS if rows is None else rows, header, sep)
        )
        path = tmp_path / name
        path.write_bytes(body.replace("\n", newline).encode(encoding))
        return path

    return write


@pytest.fixture(scope="session")
def bundled() -> Dataset:
    path = bundled_data_path()
    return Dataset.from_citations(load_citations(path), str(path))


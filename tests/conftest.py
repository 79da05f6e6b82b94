"""Shared fixtures: CSV files written for a test, and the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

from trade_dash.config import bundled_data_path
from trade_dash.data import COLUMNS, load_citations
from trade_dash.scenario import Dataset

ROOT = Path(__file__).resolve().parents[1]

# A small valid file, written independently of the bundled data.
GOOD_ROWS = [
    {
        "citation_id": "a",
        "measure": "actual",
        "flow": "turnover",
        "year": "2019",
        "period": "full_year",
        "months": "12",
        "value_musd": "40",
        "precision": "exact",
        "reporter": "Statistics office",
        "reporter_kind": "statistics_office",
        "outlet": "Daily",
        "published": "2020-03-01",
        "note": "first",
    },
    {
        "citation_id": "b",
        "measure": "actual",
        "flow": "turnover",
        "year": "2021",
        "period": "full_year",
        "months": "12",
        "value_musd": "60",
        "precision": "exact",
        "reporter": "Statistics office",
        "reporter_kind": "statistics_office",
        "outlet": "Daily",
        "published": "2022-03-01",
        "note": "second",
    },
    {
        "citation_id": "c",
        "measure": "actual",
        "flow": "turnover",
        "year": "2022",
        "period": "year_to_date",
        "months": "6",
        "value_musd": "36",
        "precision": "exact",
        "reporter": "Ministry",
        "reporter_kind": "government",
        "outlet": "",
        "published": "2022-08-01",
        "note": "",
    },
    {
        "citation_id": "t",
        "measure": "target",
        "flow": "turnover",
        "year": "2022",
        "period": "full_year",
        "months": "12",
        "value_musd": "200",
        "precision": "exact",
        "reporter": "Presidents",
        "reporter_kind": "government",
        "outlet": "",
        "published": "",
        "note": "goal",
    },
]


# The bundled data's scenario base, by hand: January–August 2024 = 83.9, annualised pro rata.
BUNDLED_BASE = (2024, 83.9 * 12 / 8)


def year_target_met(growth_pct: float, target: float = 500.0,
                    base: tuple[int, float] = BUNDLED_BASE, horizon: int = 2050) -> int | None:
    """First year that base × (1 + growth)^years is at or above ``target``; None: not by
    ``horizon``. Worked out here, year by year, to check what the app shows."""
    year, value = base
    while year <= horizon:
        if value >= target:
            return year
        year, value = year + 1, value * (1 + growth_pct / 100)
    return None


def csv_text(rows: list[dict], header: list[str] | None = None, sep: str = ",") -> str:
    header = list(COLUMNS) if header is None else header
    lines = [sep.join(header)]
    for row in rows:
        lines.append(sep.join(_quote(row.get(col, "")) for col in header))
    return "\n".join(lines) + "\n"


def _quote(v: str) -> str:
    return f'"{v}"' if any(ch in v for ch in ',"\n') and not v.startswith('"') else v


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


@pytest.fixture
def small(write_csv) -> Dataset:
    path = write_csv()
    return Dataset.from_citations(load_citations(path), str(path))

"""Citation files for the tests: a small valid file written independently of the bundled
data, the bundled data as rows to change, its figures worked out by hand, and text a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from trade_dash.domain.datafile import bundled_data_path
from trade_dash.domain.schema import COLUMNS

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


# The bundled data's scenario base, by hand: January–July 2025 = 74.0 (Kazakh figures, the
# side the rule keeps), up 3.6 % on the same months of 2024, whose Kazakh total is 150; the
# default annualisation is then year-on-year: 150 × 1.036 = 155.4.
BUNDLED_BASE = (2025, 150 * 1.036)
# The same year to date annualised pro rata (``method=pro_rata``): 74.0 × 12 / 7.
BUNDLED_PRO_RATA_BASE = (2025, 74.0 * 12 / 7)
# Its default growth rate by the rule of docs/method.md, on that side's figures only: 2019 (59.9) is
# the earliest Kazakh full year in the five before 2024 (150).
BUNDLED_DEFAULT_GROWTH = round(((150 / 59.9) ** (1 / 5) - 1) * 100, 1)


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


def bundled_rows() -> list[dict[str, str]]:
    """The bundled citations as rows of text, for a test to change and write out."""
    with bundled_data_path().open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    """Write rows as a citations file, quoted by the csv module (line breaks included)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows({col: row[col] for col in COLUMNS} for row in rows)
    return path


# Text a spreadsheet would run as a formula. The reader trims a leading tab or line break,
# so "\t=3+4" and "\r\n=5+6" arrive as formulas starting with "=". The last one hides a
# formula after a bare carriage return, which a spreadsheet takes for the start of a row.
FORMULA_TEXT = ('=HYPERLINK("http://evil.test","open")', "+1+2", "-2+3", "@SUM(1,2)", "\t=3+4",
                "\r\n=5+6", "Plain words\r=7+8")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMULA_COLUMNS = ("note", "outlet", "reporter")


def formula_rows() -> list[dict[str, str]]:
    """The bundled citations with formula text in every note, outlet and reporter."""
    rows = bundled_rows()
    for i, row in enumerate(rows):
        for j, col in enumerate(FORMULA_COLUMNS):
            row[col] = FORMULA_TEXT[(i + j) % len(FORMULA_TEXT)]
    return rows


def _as_downloaded(text: str) -> str:
    """The rule of docs/data-file.md: text as read (ends trimmed), behind an apostrophe if it starts
    like a formula."""
    text = text.strip()
    return "'" + text if text.startswith(FORMULA_START) else text


def formula_cells_checked(table: list[list[str]]) -> int:
    """Check a downloaded CSV of ``formula_rows`` data, parsed into ``table``: no cell starts
    like a formula, each planted text reads as the rule says, and no other cell gained an
    apostrophe. Returns how many planted cells were checked."""
    planted = {r["citation_id"]: r for r in formula_rows()}
    header, body = table[0], table[1:]
    checked = 0
    for line in body:
        assert len(line) == len(header), f"a row broken apart: {line}"
        cells = dict(zip(header, line, strict=True))
        assert not [c for c in cells.values() if c.startswith(FORMULA_START)], cells
        source = planted.get(cells["citation_id"])  # a missing year cites nothing
        wanted = {col: _as_downloaded(source[col]) for col in FORMULA_COLUMNS} if source else {}
        assert {col: cells[col] for col in wanted} == wanted
        checked += len(wanted)
        marked = sum(c.startswith("'") for c in cells.values())
        assert marked == sum(v.startswith("'") for v in wanted.values()), cells
    return checked


def csv_text(rows: list[dict], header: list[str] | None = None, sep: str = ",") -> str:
    header = list(COLUMNS) if header is None else header
    lines = [sep.join(header)]
    for row in rows:
        lines.append(sep.join(_quote(row.get(col, "")) for col in header))
    return "\n".join(lines) + "\n"


def _quote(v: str) -> str:
    return f'"{v}"' if any(ch in v for ch in ',"\n') and not v.startswith('"') else v

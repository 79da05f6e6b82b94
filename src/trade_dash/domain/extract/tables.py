"""Tables of trade by partner, as statistics offices publish them: a header row that
names the columns (turnover, exports, imports, a change in percent), rows of partner
countries, and the unit in the header or in the line before it.

    Country      | Turnover     | Export       | Import       | Turnover, change, %
    Mongolia     | 50 214.3     | 47 608.9     | 2 605.4      | -18.0

The row of the other country of the pair gives the pair's figures, each direction seen
from the side that publishes the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from trade_dash.domain.extract import numbers, scope
from trade_dash.domain.extract.text import KZ, SP, country_mentions, other

_CELL_SEPARATOR = re.compile(r"\s*\|\s*|\t+")
_CHANGE_HEADER = re.compile(r"%|percent|процент|пайыз|хувь|change|измен|өзгер|өөрчлөлт", re.I)
# a number, signed or grouped by spaces: "-18.0", "50 214.3"
_SIGNED = re.compile(rf"^[+\-−–]?(?:\d{{1,3}}(?:{SP}\d{{3}})+|\d+)(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Column:
    """A column of a table: the flow its numbers are (``turnover``, ``export``,
    ``import``) and whether they are changes in percent rather than amounts."""

    kind: str
    change: bool


@dataclass(frozen=True)
class Cell:
    start: int  # where the cell's number is in its row
    end: int
    kind: str
    musd: Decimal
    change_pct: float | None


def cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a table row, with their spans; empty unless the line has three or
    more cells split by ``|`` or tabs."""
    out, begin = [], 0
    for m in _CELL_SEPARATOR.finditer(line):
        out.append((begin, m.start(), line[begin:m.start()]))
        begin = m.end()
    out.append((begin, len(line), line[begin:]))
    out = [c for c in out if c[2].strip()]
    return out if len(out) >= 3 else []


def header(line: str) -> list[Column | None] | None:
    """The columns a header row names, or ``None`` if the line names no flow."""
    found = cells(line)
    columns: list[Column | None] = []
    for _, _, text in found:
        flow = scope.FLOW_WORDS.search(text)
        kind = flow.lastgroup if flow else None
        if kind == "trade":
            kind = "turnover"
        change = bool(_CHANGE_HEADER.search(text))
        columns.append(Column(kind or "turnover", change) if kind or change else None)
    if not any(c is not None and not c.change for c in columns):
        return None
    return columns


def partner_row(line: str, columns: list[Column | None], unit: Decimal
                ) -> tuple[str, list[Cell]] | None:
    """The side a row is the partner of (the other side publishes the table) and its
    cells, or ``None`` unless the row is Kazakhstan's or Mongolia's."""
    found = cells(line)
    if len(found) != len(columns):
        return None
    sides = {m.side for m in country_mentions(found[0][2])}
    if len(sides) != 1:
        return None
    out = []
    for (start, _, text), column in zip(found, columns, strict=True):
        value = text.strip()
        if column is None or not _SIGNED.match(value):
            continue
        offset = start + text.index(value)
        if column.change:
            out.append(Cell(offset, offset + len(value), column.kind, Decimal(0),
                            _signed(value)))
            continue
        number = numbers.parse_number(value)
        if number is not None and number > 0:
            out.append(Cell(offset, offset + len(value), column.kind, number * unit, None))
    return (sides.pop(), out) if out else None


def flow_code(kind: str, partner: str) -> str:
    """The data file's flow for a column of the partner's row: the publisher's exports
    go to the partner."""
    if kind == "turnover":
        return "turnover"
    publisher = other(partner)
    exporter = publisher if kind == "export" else partner
    return "kz_exports_to_mn" if exporter == KZ else "mn_exports_to_kz"


def _signed(text: str) -> float:
    return float(text.replace("−", "-").replace("–", "-").replace(",", "."))


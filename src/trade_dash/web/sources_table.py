"""The sources table's filtering, sorting and paging: rows and a state in, one page out.

Pure (no dash, no wording): the layout draws the first page with it and a callback every
later one, so the page a reader sees after a click is the one the first response showed.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# Every column, in the table's order (headers in wording/page.py).
COLUMNS = (
    "citation_id", "measure", "period", "flow", "value_musd", "precision", "reporter",
    "side", "outlet", "published", "used", "note", "line",
)
PAGE_SIZES = (20, 50, 100)
MAX_FILTER = 200  # characters of filter text considered
MAX_PAGE = 10**6  # a bound on a page number sent back by the browser

ASCENDING = "ascending"
DESCENDING = "descending"


@dataclass(frozen=True)
class State:
    """What the reader chose: the sorted column (None: the file's order) and its direction,
    the page (from 0), the rows per page and the filter text."""

    sort: str | None = None
    descending: bool = False
    page: int = 0
    size: int = PAGE_SIZES[0]
    text: str = ""

    @classmethod
    def from_data(cls, data: object) -> State:
        """The state the page stored, checked field by field: the browser sends it back and a
        forged request may send anything; what does not fit falls back to the default."""
        if not isinstance(data, Mapping):
            return cls()
        sort = data.get("sort")
        page = data.get("page")
        size = data.get("size")
        text = data.get("text")
        return cls(
            sort=sort if sort in COLUMNS else None,
            descending=data.get("descending") is True and sort in COLUMNS,
            page=page if type(page) is int and 0 <= page <= MAX_PAGE else 0,
            size=size if type(size) is int and size in PAGE_SIZES else PAGE_SIZES[0],
            text=text[:MAX_FILTER] if isinstance(text, str) else "",
        )

    def to_data(self) -> dict[str, object]:
        return {"sort": self.sort, "descending": self.descending, "page": self.page,
                "size": self.size, "text": self.text}

    def sorted_by(self, column: object) -> State:
        """After a click on ``column``'s header: ascending, then descending, then the file's
        order again; another column starts ascending. The page stays."""
        if not isinstance(column, str) or column not in COLUMNS:
            return self
        if self.sort != column:
            return State(column, False, self.page, self.size, self.text)
        if not self.descending:
            return State(column, True, self.page, self.size, self.text)
        return State(None, False, self.page, self.size, self.text)

    def filtered(self, text: object) -> State:
        """New filter text shows the first page of what matches."""
        words = text[:MAX_FILTER] if isinstance(text, str) else ""
        return State(self.sort, self.descending, 0, self.size, words)

    def sized(self, size: object) -> State:
        """Rows per page as the select sends it (a string); the first page of the new size."""
        chosen = int(size) if isinstance(size, (str, int)) and str(size).isdigit() else 0
        return State(self.sort, self.descending, 0,
                     chosen if chosen in PAGE_SIZES else PAGE_SIZES[0], self.text)

    def turned(self, step: int) -> State:
        """One page on (``step`` 1) or back (-1); ``view`` keeps it within the pages."""
        return State(self.sort, self.descending, min(max(self.page + step, 0), MAX_PAGE),
                     self.size, self.text)

    def direction(self, column: str) -> str | None:
        """The column's ``aria-sort``: ascending, descending, or None when not sorted by it."""
        if column != self.sort:
            return None
        return DESCENDING if self.descending else ASCENDING


@dataclass(frozen=True)
class View:
    """One page of the table: its rows, the 1-based numbers of its first and last row
    among ``total`` matching rows (0 and 0 when none match), and the state shown, its
    page kept within the pages there are."""

    rows: list[dict[str, object]]
    first: int
    last: int
    total: int
    state: State

    @property
    def has_previous(self) -> bool:
        return self.state.page > 0

    @property
    def has_next(self) -> bool:
        return self.last < self.total


def cell_text(value: object) -> str:
    """A cell as the table shows it: text as cited, whole numbers without a decimal point,
    other numbers with the decimals they have (values are rounded to 2 places upstream)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


# (column, value) -> the cell's text as the reader sees it; the layout passes one that
# writes amounts in the reader's number format.
Shown = Callable[[str, object], str]


def plain(_column: str, value: object) -> str:
    return cell_text(value)


def matches(row: Mapping[str, object], text: str, shown: Shown = plain) -> bool:
    """Whether every word of ``text`` occurs, ignoring case, somewhere in the row's cells
    as ``shown`` writes them (as a quick filter does: "2023 customs" keeps rows with both
    words, in any cells)."""
    words = text.casefold().split()
    if not words:
        return True
    cells = "\n".join(shown(c, row.get(c)) for c in COLUMNS).casefold()
    return all(word in cells for word in words)


def _key(value: object) -> tuple[int, float, str]:
    # Empty cells first, then numbers by size, then text ignoring case.
    if value is None or value == "":
        return (0, 0.0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (1, float(value), "")
    return (2, 0.0, str(value).casefold())


def sort_rows(rows: Sequence[Mapping[str, object]], column: str | None,
              descending: bool = False) -> list[Mapping[str, object]]:
    """The rows ordered by ``column`` (stable: equal cells keep the file's order); in the
    given order when ``column`` is None or not a column."""
    if column not in COLUMNS:
        return list(rows)
    return sorted(rows, key=lambda r: _key(r.get(column)), reverse=descending)


def page_bounds(total: int, page: int, size: int) -> tuple[int, int, int]:
    """(page, first, last) for ``total`` rows: the page kept between the first and the last
    there is, and the 1-based numbers of the rows it holds (0, 0 when there are none)."""
    pages = max(1, math.ceil(total / size))
    page = min(max(page, 0), pages - 1)
    if total == 0:
        return page, 0, 0
    return page, page * size + 1, min(total, (page + 1) * size)


def view(rows: Sequence[Mapping[str, object]], state: State, shown: Shown = plain) -> View:
    """The page of ``rows`` that ``state`` asks for: filtered (on the cells as ``shown``
    writes them), then sorted, then paged."""
    kept = [r for r in rows if matches(r, state.text, shown)]
    ordered = sort_rows(kept, state.sort, state.descending)
    page, first, last = page_bounds(len(ordered), state.page, state.size)
    current = State(state.sort, state.descending, page, state.size, state.text)
    return View(rows=[dict(r) for r in ordered[max(first - 1, 0):last]], first=first,
                last=last, total=len(ordered), state=current)

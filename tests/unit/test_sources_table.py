"""The sources table's filtering, sorting and paging (sources_table.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trade_dash.domain.sources import sources_rows
from trade_dash.web.sources_section import cell_words
from trade_dash.web.sources_table import (
    COLUMNS,
    MAX_FILTER,
    PAGE_SIZES,
    State,
    cell_text,
    matches,
    page_bounds,
    sort_rows,
    view,
)
from trade_dash.wording import english
from trade_dash.wording import sources as sources_words
from trade_dash.wording.core import Wording


def row(i: int, **cells) -> dict:
    return {"citation_id": f"c-{i:03d}", "value_musd": float(i), "line": i + 2,
            "note": "", "outlet": "Montsame", **cells}


ROWS = [row(i) for i in range(57)]


def test_the_first_page_of_57_rows_shows_rows_1_to_20_and_offers_only_the_next_page():
    first = view(ROWS, State())
    assert (first.first, first.last, first.total) == (1, 20, 57)
    assert [r["citation_id"] for r in first.rows] == [f"c-{i:03d}" for i in range(20)]
    assert not first.has_previous and first.has_next


def test_the_last_page_holds_the_rest_and_a_page_past_it_shows_the_last():
    last = view(ROWS, State(page=2))
    assert (last.first, last.last, len(last.rows)) == (41, 57, 17)
    assert last.has_previous and not last.has_next
    beyond = view(ROWS, State(page=9))
    assert beyond.state.page == 2 and beyond.rows == last.rows


@pytest.mark.parametrize(
    ("total", "page", "size", "bounds"),
    [(0, 0, 20, (0, 0, 0)), (0, 5, 20, (0, 0, 0)), (1, 0, 20, (0, 1, 1)),
     (20, 1, 20, (0, 1, 20)), (21, 1, 20, (1, 21, 21)), (100, -3, 50, (0, 1, 50)),
     (2000, 99, 100, (19, 1901, 2000))],
)
def test_page_bounds_keep_the_page_among_those_there_are(total, page, size, bounds):
    assert page_bounds(total, page, size) == bounds


@given(total=st.integers(0, 5000), page=st.integers(-5, 200),
       size=st.sampled_from(PAGE_SIZES))
def test_pages_cover_every_row_once(total, page, size):
    kept, first, last = page_bounds(total, page, size)
    assert 0 <= kept * size <= max(total - 1, 0)
    assert (first, last) == ((0, 0) if total == 0 else (kept * size + 1,
                                                        min(total, kept * size + size)))
    assert last - first + 1 <= size if total else last == 0


def test_a_header_click_sorts_ascending_then_descending_then_back_to_the_file_order():
    state = State(page=1)
    once = state.sorted_by("note")
    assert (once.sort, once.descending, once.direction("note")) == ("note", False, "ascending")
    twice = once.sorted_by("note")
    assert (twice.sort, twice.descending, twice.direction("note")) == ("note", True,
                                                                        "descending")
    thrice = twice.sorted_by("note")
    assert (thrice.sort, thrice.direction("note")) == (None, None)
    assert twice.sorted_by("line") == State(sort="line", page=1)  # another column: ascending
    assert once.direction("line") is None  # one sorted column at a time
    assert state.sorted_by("<img>") == state  # not a column: nothing changes


def test_numbers_sort_by_size_and_text_ignoring_case_with_empty_cells_first():
    rows = [row(10, note="beta"), row(9, note=""), row(100, note="Alpha"), row(2, note="alpha")]
    by_value = [r["value_musd"] for r in sort_rows(rows, "value_musd")]
    assert by_value == [2.0, 9.0, 10.0, 100.0]  # not 10 < 100 < 2 < 9 as text would be
    assert [r["note"] for r in sort_rows(rows, "note")] == ["", "Alpha", "alpha", "beta"]
    assert [r["note"] for r in sort_rows(rows, "note", descending=True)] == [
        "beta", "Alpha", "alpha", ""]  # equal cells keep the file's order either way
    assert sort_rows(rows, None) == rows and sort_rows(rows, "nope") == rows


def test_the_filter_keeps_rows_with_every_word_in_any_cells_ignoring_case():
    rows = [row(1, note="Customs data for 2023"), row(2, outlet="KazInform", note="2023"),
            row(3, note="customs")]
    kept = [r["citation_id"] for r in rows if matches(r, "  CUSTOMS 2023 ")]
    assert kept == ["c-001"]
    assert [r["citation_id"] for r in rows if matches(r, "kazinform 2023")] == ["c-002"]
    assert all(matches(r, "") and matches(r, "   ") for r in rows)
    # Numbers match as the table shows them.
    assert matches(row(5), "5") and matches(row(5), "c-005 7") and not matches(row(5), "5.0")


def test_filtering_shows_the_first_page_of_what_matches_and_says_when_nothing_does():
    state = State(sort="line", descending=True, page=2).filtered("c-01")
    shown = view(ROWS, state)
    assert state.page == 0 and state.sort == "line" and state.descending
    assert [r["citation_id"] for r in shown.rows] == [f"c-{i:03d}" for i in range(19, 9, -1)]
    assert (shown.first, shown.last, shown.total) == (1, 10, 10)
    none = view(ROWS, State().filtered("no such words"))
    assert (none.rows, none.first, none.last, none.total) == ([], 0, 0, 0)
    assert not none.has_previous and not none.has_next


def test_rows_per_page_come_only_from_the_offered_sizes():
    assert State(page=3).sized("50") == State(size=50)
    assert State(page=3).sized("7").size == PAGE_SIZES[0]
    assert State().sized({"size": 100}).size == PAGE_SIZES[0]
    assert len(view(ROWS, State().sized("50")).rows) == 50


@pytest.mark.parametrize(
    "data",
    [None, "x", [], {"sort": "<script>", "page": -1, "size": 7, "text": 5},
     {"sort": None, "descending": "yes", "page": True, "size": "20"},
     {"page": 10**9}],
)
def test_a_forged_state_falls_back_to_the_first_page_in_the_file_order(data):
    assert State.from_data(data) == State()


def test_a_stored_state_comes_back_as_it_was_with_the_filter_text_bounded():
    state = State(sort="period", descending=True, page=4, size=100, text="kz-stat")
    assert State.from_data(state.to_data()) == state
    assert State.from_data({"text": "x" * 5000}).text == "x" * MAX_FILTER
    assert State().filtered({"not": "text"}).text == ""
    assert State().filtered("y" * 5000).text == "y" * MAX_FILTER


@pytest.mark.parametrize(
    ("value", "text"),
    [(76.7, "76.7"), (80.0, "80"), (0.25, "0.25"), (12, "12"), (None, ""),
     ("<img src=x>", "<img src=x>")],
)
def test_cells_show_numbers_as_written_and_text_as_cited(value, text):
    assert cell_text(value) == text


def test_the_bundled_citations_have_every_column_and_sort_by_id(bundled):
    # The rows the page gets: sources_rows' facts worded by the wording layer.
    rows = sources_words.source_rows(english(), bundled, sources_rows(bundled))
    assert all(set(COLUMNS) <= set(r) for r in rows)
    state = State().sorted_by("citation_id")
    ids = [r["citation_id"] for r in view(rows, state).rows]
    assert ids == sorted(r["citation_id"] for r in rows)[:20]


@pytest.mark.parametrize(
    ("lang", "value", "text"),
    [("en", 76.7, "76.7"), ("ru", 76.7, "76,7"), ("kk", 126.86, "126,86"),
     ("mn", 76.7, "76.7"), ("ru", 80.0, "80"), ("ru", 1234.5, "1\u00a0234,5")],
)
def test_amounts_are_written_in_the_readers_number_format(lang, value, text):
    shown = cell_words(Wording.for_lang(lang))
    assert shown("value_musd", value) == text
    assert shown("line", 1234) == "1234"  # a line number as the file counts it
    assert shown("note", "76.7 as cited") == "76.7 as cited"


def test_the_filter_finds_an_amount_as_the_reader_writes_it():
    ru = cell_words(Wording.for_lang("ru"))
    rows = [{"citation_id": "a", "value_musd": 76.7}, {"citation_id": "b", "value_musd": 80.0}]
    assert [r["citation_id"] for r in view(rows, State(text="76,7"), ru).rows] == ["a"]
    assert view(rows, State(text="76.7"), ru).rows == []
    assert [r["citation_id"] for r in view(rows, State(text="76.7")).rows] == ["a"]

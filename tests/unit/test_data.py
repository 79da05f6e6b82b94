"""Reading and validating the citations file."""

from __future__ import annotations

import pytest

from tests.conftest import GOOD_ROWS, csv_text
from trade_dash.data import COLUMNS, DataFileError, load_citations


def with_change(index: int, **changes: str) -> list[dict]:
    rows = [dict(r) for r in GOOD_ROWS]
    rows[index].update(changes)
    return rows


def problems_of(path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_citations(path)
    return info.value


def test_bundled_file_has_every_cited_figure(bundled):
    """The shipped file carries each turnover figure the coverage cites, and the target."""
    c = bundled.citations
    actual = c[c["measure"] == "actual"].set_index("citation_id")
    got = {(int(r.year), int(r.months)): r.value_musd for r in actual.itertuples()}
    assert got == {
        (2017, 12): 74.8,
        (2019, 12): 35.3,
        (2020, 12): 29.3,
        (2021, 12): 61.0,
        (2023, 12): 76.7,
        (2024, 8): 83.9,
    }
    assert actual.loc["kz-stat-2021", "precision"] == "approximate"
    targets = c[c["measure"] == "target"]
    assert len(targets) >= 1
    assert set(targets["value_musd"]) == {500.0}


def test_good_file_is_typed_and_keeps_line_numbers(write_csv):
    frame = load_citations(write_csv())
    assert list(frame.columns) == [*COLUMNS, "line"]
    assert frame["year"].dtype == "int64"
    assert frame["value_musd"].tolist() == [40.0, 60.0, 36.0, 200.0]
    assert frame["line"].tolist() == [2, 3, 4, 5]


@pytest.mark.parametrize(
    ("rows", "line", "column", "expected"),
    [
        (with_change(0, value_musd="abc"), 2, "value_musd", "a number of US$ million"),
        (with_change(1, value_musd="-5"), 3, "value_musd", "cannot be negative"),
        (with_change(1, value_musd="nan"), 3, "value_musd", "finite number"),
        (with_change(1, value_musd="inf"), 3, "value_musd", "finite number"),
        (with_change(0, value_musd="$40"), 2, "value_musd", "without currency sign"),
        (with_change(0, value_musd="1,234.5"), 2, "value_musd", "without thousands separators"),
        (with_change(0, value_musd="0"), 2, "value_musd", "greater than 0"),
        (with_change(0, value_musd=""), 2, "value_musd", "the cell is empty"),
        (with_change(0, year="1850"), 2, "year", "a whole year from 1991"),
        (with_change(0, year="20x9"), 2, "year", "a whole year"),
        (with_change(0, year="2999"), 2, "year", "a whole year from 1991 to 2100"),
        (with_change(2, months="13"), 4, "months", "from 1 to 12"),
        (with_change(2, months="0"), 4, "months", "from 1 to 12"),
        (with_change(2, months="12"), 4, "months", "1 to 11 for a year_to_date"),
        (with_change(0, months="6"), 2, "months", "12 for a full_year"),
        (with_change(0, period="H1"), 2, "period", "one of full_year, year_to_date"),
        (with_change(0, measure="guess"), 2, "measure", "one of actual, target"),
        (with_change(0, flow="exports"), 2, "flow", "one of turnover"),
        (with_change(0, precision="rough"), 2, "precision", "one of exact, approximate"),
        (with_change(0, reporter_kind="press"), 2, "reporter_kind", "statistics_office"),
        (with_change(0, reporter=""), 2, "reporter", "not empty"),
        (with_change(0, published="31/12/2020"), 2, "published", "YYYY-MM-DD"),
        (with_change(0, published="2020-02-30"), 2, "published", "YYYY-MM-DD"),
        (with_change(0, published="2019-06-01"), 2, "published", "after the end of the period"),
        (with_change(0, year="2099", published=""), 2, "year", "not after the current one"),
        (with_change(3, period="year_to_date", months="6"), 5, "period", "targets are annual"),
        (with_change(0, note="x" * 501), 2, "note", "at most 500 characters"),
        (with_change(1, citation_id="a"), 3, "citation_id", "already used on line 2"),
        (with_change(0, citation_id="has space"), 2, "citation_id", "an identifier"),
    ],
)
def test_bad_values_name_line_column_and_expectation(write_csv, rows, line, column, expected):
    """Each bad value is reported with its line, column, the value and what was expected."""
    err = problems_of(write_csv(rows))
    match = [p for p in err.problems if p.line == line and p.column == column]
    assert match, err.render()
    assert expected in match[0].expected
    text = err.render()
    assert f"line {line}, column '{column}'" in text
    assert "t.csv" in text


def test_every_problem_is_reported_at_once(write_csv):
    rows = with_change(0, value_musd="x", year="19")
    rows = [*rows[:1], {**rows[1], "precision": "?"}, *rows[2:]]
    err = problems_of(write_csv(rows))
    where = {(p.line, p.column) for p in err.problems}
    assert {(2, "value_musd"), (2, "year"), (3, "precision")} <= where
    assert "3 problems found" in err.render()


def test_exact_duplicate_row_names_the_first_line(write_csv):
    err = problems_of(write_csv([*GOOD_ROWS, GOOD_ROWS[1]]))
    assert any(p.line == 6 and "repeats line 3" in p.expected for p in err.problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "a header line naming the columns"),
        ("   \n\n", "a header line naming the columns"),
        (",".join(COLUMNS) + "\n", "at least one data row"),
    ],
)
def test_empty_or_header_only_files(write_csv, text, expected):
    err = problems_of(write_csv(text=text))
    assert expected in err.render()


def test_missing_file_is_named(tmp_path):
    err = problems_of(tmp_path / "nope.csv")
    assert "nope.csv" in err.render()
    assert "not found" in err.render()


def test_folder_instead_of_file(tmp_path):
    assert "not a folder" in problems_of(tmp_path).render()


@pytest.mark.parametrize(("sep", "shown"), [(";", "';'"), ("\t", "tab")])
def test_wrong_delimiter_is_named(write_csv, sep, shown):
    err = problems_of(write_csv(sep=sep))
    assert f"columns separated by commas, not by {shown}" in err.render()
    assert err.problems[0].line == 1


def test_misspelt_column_gets_a_suggestion(write_csv):
    header = [("valeu_musd" if c == "value_musd" else c) for c in COLUMNS]
    rows = [
        {("valeu_musd" if k == "value_musd" else k): v for k, v in r.items()} for r in GOOD_ROWS
    ]
    text = problems_of(write_csv(rows, header=header)).render()
    assert "line 1, column 'valeu_musd'" in text
    assert "did you mean 'value_musd'?" in text
    assert "column 'value_musd': expected a column named 'value_musd' (it is missing)" in text


def test_missing_column(write_csv):
    header = [c for c in COLUMNS if c != "note"]
    text = problems_of(write_csv(header=header)).render()
    assert "line 1, column 'note'" in text
    assert "missing" in text


def test_row_with_too_many_fields(write_csv):
    text = csv_text(GOOD_ROWS).replace("first\n", "first,extra\n")
    err = problems_of(write_csv(text=text))
    assert err.problems[0].line == 2
    assert "13 comma-separated fields (found 14)" in err.render()


def test_not_utf8(write_csv):
    text = csv_text(GOOD_ROWS).replace("first", "fïrst")
    err = problems_of(write_csv(text=text, encoding="latin-1"))
    assert "UTF-8" in err.render()
    assert err.problems[0].line == 2


def test_bom_and_windows_line_endings_are_accepted(write_csv):
    path = write_csv(text="\ufeff" + csv_text(GOOD_ROWS), newline="\r\n")
    frame = load_citations(path)
    assert frame["citation_id"].tolist() == ["a", "b", "c", "t"]
    assert frame["note"].tolist()[0] == "first"


def test_markup_in_text_is_kept_as_text(write_csv):
    note = "<script>alert(1)</script> =SUM(A1)"
    frame = load_citations(write_csv(with_change(0, note=note)))
    assert frame["note"].iloc[0] == note


def test_quoted_fields_and_line_numbers_after_a_multiline_note(write_csv):
    rows = with_change(0, note="two\nlines")
    rows[1]["value_musd"] = "bad"
    err = problems_of(write_csv(rows))
    assert [(p.line, p.column) for p in err.problems] == [(4, "value_musd")]


@pytest.mark.parametrize("keep", ["target", "kz_exports_to_mn"])
def test_a_file_without_any_full_year_turnover_is_refused(write_csv, keep):
    rows = [r for r in GOOD_ROWS if r["measure"] == "target"]
    if keep != "target":
        rows.append({**GOOD_ROWS[0], "flow": keep})
    text = problems_of(write_csv(rows)).render()
    assert "at least one actual turnover row for a full_year" in text


def test_unicode_line_separators_stay_inside_their_field(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["note"] = "pasted\u2028from a report\u2029and\x85more"
    rows[2]["value_musd"] = "bad"
    err = problems_of(write_csv(rows))
    assert [(p.line, p.column) for p in err.problems] == [(4, "value_musd")]
    rows[2]["value_musd"] = "36"
    assert load_citations(write_csv(rows))["note"].iloc[0] == rows[0]["note"]


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x0c"])
def test_control_characters_in_text_are_refused(write_csv, char):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["reporter"] = f"Statistics{char}office"
    err = problems_of(write_csv(rows))
    assert any(p.line == 3 and p.column == "reporter" and "control characters" in p.expected
               for p in err.problems)

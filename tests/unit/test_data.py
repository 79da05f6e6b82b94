"""Reading and validating the citations file, and appending to it."""

from __future__ import annotations

import math
import os

import pytest

from tests.support.data import GOOD_ROWS, csv_text
from tests.support.worded import expected as expected_text
from tests.support.worded import worded
from trade_dash.domain.datafile import append_citation, load_citations
from trade_dash.domain.problems import DataFileError
from trade_dash.domain.schema import COLUMNS, OPTIONAL_COLUMNS


def with_change(index: int, **changes: str) -> list[dict]:
    rows = [dict(r) for r in GOOD_ROWS]
    rows[index].update(changes)
    return rows


def problems_of(path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        load_citations(path)
    return info.value


# Every figure of the October-November 2024 articles and of the coverage published after
# them, as (flow, year, months, value, side, precision), written out from the sources.
T, KX, MX = "turnover", "kz_exports_to_mn", "mn_exports_to_kz"
CITED_FIGURES = sorted([
    # the articles of October-November 2024
    (T, 2017, 12, 74.8, "KZ", "exact"),
    (T, 2019, 12, 35.3, "MN", "exact"),
    (T, 2020, 12, 29.3, "KZ", "exact"),
    (T, 2021, 12, 61.0, "KZ", "approximate"),
    (T, 2023, 12, 76.7, "MN", "exact"),
    (T, 2024, 8, 83.9, "KZ", "exact"),
    # published later
    (T, 2017, 12, 74.8, "KZ", "exact"),
    (T, 2018, 12, 67.4, "KZ", "exact"),
    (T, 2019, 12, 59.9, "KZ", "exact"),
    (KX, 2019, 12, 58.2, "KZ", "exact"),
    (MX, 2019, 12, 1.74, "KZ", "approximate"),
    (T, 2021, 12, 60.9, "KZ", "exact"),
    (T, 2022, 4, 31.0, "KZ", "exact"),
    (KX, 2022, 4, 30.4, "KZ", "exact"),
    (MX, 2022, 4, 0.466, "KZ", "exact"),
    (T, 2023, 12, 133.0, "KZ", "exact"),
    (KX, 2023, 12, 124.3, "KZ", "exact"),
    (MX, 2023, 12, 8.7, "KZ", "exact"),
    (T, 2023, 12, 150.0, "KZ", "approximate"),
    (T, 2024, 12, 150.0, "KZ", "exact"),
    (T, 2025, 7, 74.0, "KZ", "exact"),
    (T, 2024, 8, 83.9, "KZ", "exact"),
])


def test_bundled_file_has_every_cited_figure(bundled):
    """The shipped file carries each figure the coverage cites, with its side, and the target."""
    c = bundled.citations
    actual = c[c["measure"] == "actual"]
    got = sorted(
        (r.flow, int(r.year), int(r.months), r.value_musd, r.reporting_country, r.precision)
        for r in actual.itertuples()
    )
    assert got == CITED_FIGURES
    changes = {(int(r.year), int(r.months)): r.yoy_change_pct
               for r in actual.itertuples() if not math.isnan(r.yoy_change_pct)}
    assert changes == {(2021, 12): 48.1, (2022, 4): 118.0, (2023, 12): 27.7, (2024, 12): 20.0,
                       (2025, 7): 3.6}
    targets = c[c["measure"] == "target"]
    assert len(targets) == 5
    assert set(targets["value_musd"]) == {500.0}
    assert set(c["reporting_country"]) == {"KZ", "MN"}  # filled for every row


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
        (with_change(0, reporting_country="kz"), 2, "reporting_country", "KZ (Kazakhstan) or MN"),
        (with_change(0, reporting_country="RU"), 2, "reporting_country", "ISO 3166 code"),
        (with_change(2, yoy_change_pct="3,6"), 4, "yoy_change_pct", "such as 3.6 or -12.5"),
        (with_change(2, yoy_change_pct="-100"), 4, "yoy_change_pct", "above -100"),
        (with_change(2, yoy_change_pct="up 4"), 4, "yoy_change_pct", "in percent"),
        (with_change(3, yoy_change_pct="5"), 5, "yoy_change_pct", "empty for a target"),
    ],
)
def test_bad_values_name_line_column_and_expectation(write_csv, rows, line, column, expected):
    """Each bad value is reported with its line, column, the value and what was expected."""
    err = problems_of(write_csv(rows))
    match = [p for p in err.problems if p.line == line and p.column == column]
    assert match, worded(err)
    assert expected in expected_text(match[0])
    text = worded(err)
    assert f"line {line}, column '{column}'" in text
    assert "t.csv" in text


def test_every_problem_is_reported_at_once(write_csv):
    rows = with_change(0, value_musd="x", year="19")
    rows = [*rows[:1], {**rows[1], "precision": "?"}, *rows[2:]]
    err = problems_of(write_csv(rows))
    where = {(p.line, p.column) for p in err.problems}
    assert {(2, "value_musd"), (2, "year"), (3, "precision")} <= where
    assert "3 problems found" in worded(err)


def test_exact_duplicate_row_names_the_first_line(write_csv):
    err = problems_of(write_csv([*GOOD_ROWS, GOOD_ROWS[1]]))
    assert any(p.line == 6 and "repeats line 3" in expected_text(p) for p in err.problems)


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
    assert expected in worded(err)


def test_missing_file_is_named(tmp_path):
    err = problems_of(tmp_path / "nope.csv")
    assert "nope.csv" in worded(err)
    assert "not found" in worded(err)


def test_folder_instead_of_file(tmp_path):
    assert "not a folder" in worded(problems_of(tmp_path))


@pytest.mark.parametrize(("sep", "shown"), [(";", "';'"), ("\t", "tab")])
def test_wrong_delimiter_is_named(write_csv, sep, shown):
    err = problems_of(write_csv(sep=sep))
    assert f"columns separated by commas, not by {shown}" in worded(err)
    assert err.problems[0].line == 1


def test_misspelt_column_gets_a_suggestion(write_csv):
    header = [("valeu_musd" if c == "value_musd" else c) for c in COLUMNS]
    rows = [
        {("valeu_musd" if k == "value_musd" else k): v for k, v in r.items()} for r in GOOD_ROWS
    ]
    text = worded(problems_of(write_csv(rows, header=header)))
    assert "line 1, column 'valeu_musd'" in text
    assert "did you mean 'value_musd'?" in text
    assert "column 'value_musd': expected a column named 'value_musd' (it is missing)" in text


def test_missing_column(write_csv):
    header = [c for c in COLUMNS if c != "note"]
    text = worded(problems_of(write_csv(header=header)))
    assert "line 1, column 'note'" in text
    assert "missing" in text


def test_row_with_too_many_fields(write_csv):
    text = csv_text(GOOD_ROWS).replace("first\n", "first,extra\n")
    err = problems_of(write_csv(text=text))
    assert err.problems[0].line == 2
    assert f"{len(COLUMNS)} comma-separated fields (found {len(COLUMNS) + 1})" in worded(err)


def test_not_utf8(write_csv):
    text = csv_text(GOOD_ROWS).replace("first", "fïrst")
    err = problems_of(write_csv(text=text, encoding="latin-1"))
    assert "UTF-8" in worded(err)
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
    text = worded(problems_of(write_csv(rows)))
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
    assert any(p.line == 3 and p.column == "reporter" and "control characters" in expected_text(p)
               for p in err.problems)


def test_signed_changes_are_read_as_numbers(write_csv):
    rows = with_change(2, yoy_change_pct="-12.5")
    rows[1]["yoy_change_pct"] = "+3.6"
    frame = load_citations(write_csv(rows))
    assert frame["yoy_change_pct"].tolist()[1:3] == [3.6, -12.5]
    assert math.isnan(frame["yoy_change_pct"].iloc[0])


@pytest.mark.parametrize("dropped", [OPTIONAL_COLUMNS, OPTIONAL_COLUMNS[:1], OPTIONAL_COLUMNS[1:]])
def test_a_file_written_before_the_optional_columns_still_loads(write_csv, dropped):
    header = [c for c in COLUMNS if c not in dropped]
    frame = load_citations(write_csv(header=header))
    assert list(frame.columns) == [*COLUMNS, "line"]
    if "reporting_country" in dropped:
        assert frame["reporting_country"].tolist() == ["", "", "", ""]  # unknown side
    if "yoy_change_pct" in dropped:
        assert frame["yoy_change_pct"].isna().all()


# --- appending a citation -------------------------------------------------------------

NEW_ROW = {
    "citation_id": "d", "measure": "actual", "flow": "turnover", "year": "2022",
    "period": "full_year", "months": "12", "value_musd": "75", "precision": "exact",
    "reporter": "Statistics office, press desk", "reporter_kind": "statistics_office",
    "outlet": "Daily", "published": "2023-03-01", "note": "third",
}


def test_append_adds_one_line_and_keeps_the_rest_byte_for_byte(write_csv):
    path = write_csv(newline="\r\n")
    before = path.read_bytes()
    line = append_citation(path, NEW_ROW)
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before):].decode("utf-8")
    # The comma in the reporter is quoted; the file's own line ending is kept.
    assert added == ("d,actual,turnover,2022,full_year,12,75,,exact,"
                     '"Statistics office, press desk",statistics_office,,Daily,2023-03-01,'
                     "third\r\n")
    assert line == 6
    frame = load_citations(path)
    assert frame["citation_id"].tolist() == ["a", "b", "c", "t", "d"]
    assert frame.set_index("citation_id").loc["d", "reporter"] == "Statistics office, press desk"


def test_a_bad_row_is_refused_with_the_validate_message_and_the_file_is_untouched(write_csv):
    path = write_csv()
    before = path.read_bytes()
    with pytest.raises(DataFileError) as info:
        append_citation(path, {**NEW_ROW, "value_musd": "75,5", "citation_id": "a"})
    text = worded(info.value)
    assert "t.csv, line 6, column 'value_musd': got '75,5'" in text
    assert "t.csv, line 6, column 'citation_id': got 'a'" in text and "line 2" in text
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["t.csv"]  # no temporary file left


def test_an_interrupted_write_leaves_the_old_file_whole(write_csv, monkeypatch):
    path = write_csv()
    before = path.read_bytes()

    def interrupted(*_args):
        raise KeyboardInterrupt  # the user presses Ctrl+C just before the rename

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        append_citation(path, NEW_ROW)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["t.csv"]


def test_append_to_an_old_file_adds_an_optional_column_only_when_it_is_given(write_csv):
    header = [c for c in COLUMNS if c not in OPTIONAL_COLUMNS]
    path = write_csv(header=header)
    append_citation(path, NEW_ROW)
    assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(header)
    append_citation(path, {**NEW_ROW, "citation_id": "e", "year": "2023",
                           "published": "2024-03-01", "reporting_country": "MN"})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join([*header, "reporting_country"])
    frame = load_citations(path)
    assert frame["reporting_country"].tolist() == ["", "", "", "", "", "MN"]
    assert frame["value_musd"].tolist() == [40.0, 60.0, 36.0, 200.0, 75.0, 75.0]


def test_append_keeps_a_byte_order_mark_and_ends_an_unterminated_last_line(write_csv):
    path = write_csv(text="\ufeff" + csv_text(GOOD_ROWS).rstrip("\n"))
    append_citation(path, NEW_ROW)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert load_citations(path)["citation_id"].tolist() == ["a", "b", "c", "t", "d"]

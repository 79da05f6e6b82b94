"""Appending a reviewed candidates file: every row in one atomic write or none, each
problem named on the candidates file's own line, the reviewer's columns ignored."""

from __future__ import annotations

import csv
import io

import pytest

from tests.support.data import GOOD_ROWS
from trade_dash.domain.datafile import (
    CANDIDATE_COLUMNS,
    COLUMNS,
    append_citation,
    append_citations,
    read_candidates,
)
from trade_dash.domain.problems import DataFileError
from trade_dash.wording import english, errors

NEW = [
    {"citation_id": "x-2023", "measure": "actual", "flow": "turnover", "year": "2023",
     "period": "full_year", "months": "12", "value_musd": "133", "precision": "exact",
     "reporter": "Bureau", "reporter_kind": "statistics_office", "reporting_country": "KZ",
     "published": "2024-03-01"},
    {"citation_id": "x-2024-exp", "measure": "actual", "flow": "kz_exports_to_mn",
     "year": "2024", "period": "full_year", "months": "12", "value_musd": "139.6",
     "precision": "exact", "reporter": "Bureau", "reporter_kind": "statistics_office",
     "reporting_country": "KZ", "published": "2025-03-01"},
]


def candidates_file(tmp_path, rows, extra=True):
    header = [*COLUMNS, *(CANDIDATE_COLUMNS if extra else ())]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in header} | (
            {"sentence": "'- In 2023 trade reached $133 million.", "file": "a.html",
             "confidence": "0.9", "status": "new"} if extra else {}))
    path = tmp_path / "new.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_row_is_appended_in_one_write(write_csv, tmp_path):
    data = write_csv()
    before = data.read_text(encoding="utf-8")
    rows = read_candidates(candidates_file(tmp_path, NEW))
    assert [line for line, _ in rows] == [2, 3]
    lines = append_citations(data, [r for _, r in rows])
    assert lines == [6, 7]
    after = data.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after.splitlines()[-1].startswith("x-2024-exp,actual,kz_exports_to_mn,2024,")
    assert "trade reached" not in after  # the reviewer's columns are not data


def test_one_wrong_row_writes_nothing_and_every_problem_names_the_candidates_file(
        write_csv, tmp_path):
    data = write_csv()
    before = data.read_bytes()
    bad = [NEW[0] | {"value_musd": "133 million", "year": ""}, NEW[1] | {"reporter": ""}]
    source = candidates_file(tmp_path, bad)
    rows = read_candidates(source)
    with pytest.raises(DataFileError) as err:
        append_citations(data, [r for _, r in rows], source=source,
                         source_lines=[line for line, _ in rows])
    assert data.read_bytes() == before
    assert err.value.path == str(source)
    found = {(p.line, p.column, p.code) for p in err.value.problems}
    assert found == {(2, "year", "bad_year"), (2, "value_musd", "value_with_unit"),
                     (3, "reporter", "reporter_empty")}


def test_a_row_the_data_file_already_has_names_the_data_file_s_line(write_csv, tmp_path):
    data = write_csv()
    copy = dict(GOOD_ROWS[0])
    source = candidates_file(tmp_path, [NEW[0], copy])
    rows = read_candidates(source)
    with pytest.raises(DataFileError) as err:
        append_citations(data, [r for _, r in rows], source=source,
                         source_lines=[line for line, _ in rows])
    (p,) = err.value.problems
    assert (p.line, p.code, p.args) == (3, "duplicate_row_in_data",
                                        {"first_line": 2, "path": str(data)})
    assert errors.problem(english(), p, str(source)) == (
        f"{source}, line 3: expected a row that {data} does not have yet (this row repeats "
        "its line 2)")


def test_two_candidate_rows_with_one_id_name_both_candidate_lines(write_csv, tmp_path):
    data = write_csv()
    source = candidates_file(tmp_path, [NEW[0], NEW[1] | {"citation_id": "x-2023"}])
    rows = read_candidates(source)
    with pytest.raises(DataFileError) as err:
        append_citations(data, [r for _, r in rows], source=source,
                         source_lines=[line for line, _ in rows])
    assert [(p.line, p.code, p.args) for p in err.value.problems] == [
        (3, "duplicate_id", {"first_line": 2})]


def test_the_apostrophe_that_keeps_a_formula_inert_is_taken_off(write_csv, tmp_path):
    source = candidates_file(tmp_path, [NEW[0] | {"outlet": "'=Daily"}])
    ((_, row),) = read_candidates(source)
    assert row["outlet"] == "=Daily" and "sentence" not in row


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("citation_id;measure\n", "wrong_separator"),
        (",".join([*COLUMNS, "comment"]) + "\n", "unknown_column"),
        (",".join(COLUMNS) + "\n", "no_rows"),
        (",".join(COLUMNS) + "\na,b\n", "field_count"),
    ],
)
def test_a_candidates_file_of_the_wrong_shape_is_refused(tmp_path, text, code):
    path = tmp_path / "new.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_candidates(path)
    assert err.value.problems[0].code == code and err.value.path == str(path)


def test_append_citation_still_appends_one_row_as_before(write_csv):
    data = write_csv()
    assert append_citation(data, NEW[0]) == 6
    assert data.read_text(encoding="utf-8").splitlines()[-1].startswith("x-2023,")


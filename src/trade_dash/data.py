"""Reading, validating and appending to the citations file.

This is the only module that touches the disk for data. It turns a CSV file
into a typed ``pandas.DataFrame`` of citations, or raises ``DataFileError``
listing every problem at once (file, line, column, bad value, what was
expected). ``append_citation`` adds one row (``append_citations`` several, such as a
reviewed candidates file read by ``read_candidates``), validating the whole file with
them first and replacing the file atomically, so a bad row or an interrupted write
never damages it.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import io
import math
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

import pandas as pd
import pandera.pandas as pa

COLUMNS: tuple[str, ...] = (
    "citation_id",
    "measure",
    "flow",
    "year",
    "period",
    "months",
    "value_musd",
    "yoy_change_pct",
    "precision",
    "reporter",
    "reporter_kind",
    "reporting_country",
    "outlet",
    "published",
    "note",
)

MEASURES = ("actual", "target")
FLOWS = ("turnover", "kz_exports_to_mn", "mn_exports_to_kz")
PERIODS = ("full_year", "year_to_date")
PRECISIONS = ("exact", "approximate")
# Listed in the order the normalisation rule prefers them.
REPORTER_KINDS = (
    "statistics_office",
    "customs",
    "government",
    "business_association",
    "other",
)

# ISO 3166 alpha-2 codes of the side whose books a figure comes from; empty: not known.
SIDES = ("KZ", "MN")
# Columns added after files were first written: a file without them still loads, every
# row taking the empty value (side unknown, no change given).
OPTIONAL_COLUMNS = ("yoy_change_pct", "reporting_country")

MIN_YEAR = 1991  # both countries' trade statistics as independent states start here
MAX_YEAR = 2100
MAX_VALUE_MUSD = 100_000.0
MAX_CHANGE_PCT = 10_000.0  # a hundredfold rise; more is a typing error
MAX_TEXT = {"citation_id": 40, "reporter": 200, "outlet": 200, "note": 500}

_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_SIGNED = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")
_INTEGER = re.compile(r"^[0-9]+$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Control characters other than tab and line breaks: invisible, and they break renderers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# What is wrong with the data file; ``wording.errors`` says it in each language.
ProblemCode = Literal[
    # the file as a whole
    "not_found",
    "is_folder",
    "unreadable",  # reason: the system's words
    "not_utf8",
    "no_header",  # columns
    "bad_csv",  # reason: the csv module's words
    "wrong_separator",  # separator
    "duplicate_column",
    "unknown_column",  # columns, suggestion ('' when none is close)
    "missing_column",  # name
    "no_rows",
    "field_count",  # expected, found
    "no_headline_row",
    "duplicate_row",  # first_line
    "duplicate_id",  # first_line
    # rows appended from another file (``add --from``) that the data file already has
    "duplicate_row_in_data",  # first_line, path
    "duplicate_id_in_data",  # first_line, path
    # one cell
    "bad_id",  # max_length
    "not_one_of",  # choices
    "bad_year",  # low, high
    "bad_months",
    "value_empty",
    "value_with_unit",
    "value_grouped",
    "value_decimal_comma",
    "value_not_finite",
    "value_negative",
    "value_out_of_range",  # high
    "value_not_number",
    "bad_change",
    "reporter_empty",
    "bad_text",  # max_length
    "bad_side",
    "bad_date",
    # across columns of a row
    "months_period",
    "published_too_early",
    "actual_in_future",
    "target_not_annual",
    "change_on_target",
]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data file: where, the value found, and a code with its
    values (the allowed values, a range, a line it clashes with) saying what was expected.
    """

    line: int | None
    column: str | None
    value: str | None
    code: ProblemCode
    params: tuple[tuple[str, Any], ...] = ()  # (name, value) pairs, like ``notices.Notice``

    @classmethod
    def of(cls, line: int | None, column: str | None, value: str | None, code: ProblemCode,
           **params: Any) -> Problem:
        return cls(line, column, value, code, tuple(sorted(params.items())))

    @property
    def args(self) -> dict[str, Any]:
        return dict(self.params)

    @property
    def expected(self) -> str:
        """What was expected, in English."""
        from trade_dash.wording import english, errors  # the wording layer imports this module

        return errors.expected(english(), self)

    def render(self, path: str) -> str:
        """The problem in English: "path, line N, column 'c': got 'v': expected …"."""
        from trade_dash.wording import english, errors

        return errors.problem(english(), self, path)


class DataFileError(Exception):
    """The data file cannot be used; carries every problem found."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.path)

    def __str__(self) -> str:
        return self.render()

    def render(self) -> str:
        """Every problem, in English; ``wording.errors.data_file_error`` in another language."""
        from trade_dash.wording import english, errors

        return errors.data_file_error(english(), self)


def _is_number(v: str) -> bool:
    return bool(_NUMBER.match(v))


def _value_ok(v: str) -> bool:
    if not _is_number(v):
        return False
    x = float(v)
    return math.isfinite(x) and 0 < x <= MAX_VALUE_MUSD


def _change_ok(v: str) -> bool:
    if v == "":
        return True
    if not _SIGNED.match(v):
        return False
    x = float(v)
    return math.isfinite(x) and -100 < x <= MAX_CHANGE_PCT


def _year_ok(v: str) -> bool:
    return bool(_INTEGER.match(v)) and MIN_YEAR <= int(v) <= MAX_YEAR


def _months_ok(v: str) -> bool:
    return bool(_INTEGER.match(v)) and 1 <= int(v) <= 12


def _date_ok(v: str) -> bool:
    if v == "":
        return True
    if not _DATE.match(v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _number_problem(value: str) -> ProblemCode:
    """Which mistake a bad amount shows, so the message says how to fix it."""
    v = value.strip()
    if v == "":
        return "value_empty"
    if re.search(r"[$€£₸₮]|usd|mln|million", v, re.IGNORECASE):
        return "value_with_unit"
    if re.match(r"^[0-9]{1,3}([, ][0-9]{3})+(\.[0-9]+)?$", v):
        return "value_grouped"
    if re.match(r"^[0-9]+,[0-9]+$", v):
        return "value_decimal_comma"
    if v.lower() in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity", "na", "n/a"}:
        return "value_not_finite"
    if v.startswith("-"):
        return "value_negative"
    if _is_number(v):
        return "value_out_of_range"
    return "value_not_number"


# The values allowed in the columns that take one of a list.
CHOICES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "measure": MEASURES,
    "flow": FLOWS,
    "period": PERIODS,
    "precision": PRECISIONS,
    "reporter_kind": REPORTER_KINDS,
})


def _params(code: ProblemCode, column: str) -> dict[str, Any]:
    """The values a cell's problem is worded with (the limits of its column's rule)."""
    if code == "not_one_of":
        return {"choices": CHOICES[column]}
    if code in ("bad_id", "bad_text"):
        return {"max_length": MAX_TEXT[column]}
    if code == "bad_year":
        return {"low": MIN_YEAR, "high": MAX_YEAR}
    if code == "value_out_of_range":
        return {"high": MAX_VALUE_MUSD}
    if code == "bad_side":
        return {"choices": SIDES}
    return {}


def _text_check(column: str) -> pa.Check:
    limit = MAX_TEXT[column]
    return pa.Check(
        lambda v: len(v) <= limit and not _CONTROL.search(v),
        element_wise=True,
        error="bad_text",
    )


def _element(fn: Callable[[str], bool], code: ProblemCode) -> pa.Check:
    # pandera reports a failed check by its error text: the code, worded later.
    return pa.Check(fn, element_wise=True, error=code)


def _one_of(column: str) -> pa.Check:
    return _element(lambda v: v in CHOICES[column], "not_one_of")


def _months_match_period(df: pd.DataFrame) -> pd.Series:
    months = pd.to_numeric(df["months"], errors="coerce")
    full = df["period"] == "full_year"
    ytd = df["period"] == "year_to_date"
    return ~((full & (months != 12)) | (ytd & ~months.between(1, 11)))


def _published_after_period(df: pd.DataFrame) -> pd.Series:
    ok = []
    rows = zip(df["measure"], df["year"], df["months"], df["published"], strict=True)
    for measure, year, months, published in rows:
        if measure != "actual" or not (
            _date_ok(published) and published and _year_ok(year) and _months_ok(months)
        ):
            ok.append(True)
            continue
        period_end = (pd.Timestamp(int(year), int(months), 1) + pd.offsets.MonthEnd(0)).date()
        ok.append(dt.date.fromisoformat(published) > period_end)
    return pd.Series(ok, index=df.index)


def _actual_not_in_future(df: pd.DataFrame) -> pd.Series:
    this_year = dt.date.today().year
    years = pd.to_numeric(df["year"], errors="coerce")
    return ~((df["measure"] == "actual") & (years > this_year))


def _target_is_annual_turnover(df: pd.DataFrame) -> pd.Series:
    target = df["measure"] == "target"
    return ~(target & (df["period"] != "full_year"))


def _change_only_for_actuals(df: pd.DataFrame) -> pd.Series:
    return ~((df["measure"] == "target") & (df["yoy_change_pct"] != ""))


# Checks across columns: (column reported against, code, rule).
_ROW_RULES: tuple[tuple[str, ProblemCode, Callable[[pd.DataFrame], pd.Series]], ...] = (
    ("months", "months_period", _months_match_period),
    ("published", "published_too_early", _published_after_period),
    ("year", "actual_in_future", _actual_not_in_future),
    ("period", "target_not_annual", _target_is_annual_turnover),
    ("yoy_change_pct", "change_on_target", _change_only_for_actuals),
)
_ROW_COLUMN: MappingProxyType[str, str] = MappingProxyType(
    {code: column for column, code, _ in _ROW_RULES}
)


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "citation_id": pa.Column(
                str,
                [
                    _element(
                        lambda v: bool(_ID.match(v)) and len(v) <= MAX_TEXT["citation_id"],
                        "bad_id",
                    )
                ],
            ),
            "measure": pa.Column(str, [_one_of("measure")]),
            "flow": pa.Column(str, [_one_of("flow")]),
            "year": pa.Column(str, [_element(_year_ok, "bad_year")]),
            "period": pa.Column(str, [_one_of("period")]),
            "months": pa.Column(str, [_element(_months_ok, "bad_months")]),
            # Which mistake a bad amount shows is told apart afterwards (_number_problem).
            "value_musd": pa.Column(str, [_element(_value_ok, "value_not_number")]),
            "yoy_change_pct": pa.Column(str, [_element(_change_ok, "bad_change")]),
            "precision": pa.Column(str, [_one_of("precision")]),
            "reporter": pa.Column(
                str,
                [
                    _element(lambda v: v.strip() != "", "reporter_empty"),
                    _text_check("reporter"),
                ],
            ),
            "reporter_kind": pa.Column(str, [_one_of("reporter_kind")]),
            "reporting_country": pa.Column(
                str, [_element(lambda v: v in ("", *SIDES), "bad_side")]
            ),
            "outlet": pa.Column(str, [_text_check("outlet")]),
            "published": pa.Column(str, [_element(_date_ok, "bad_date")]),
            "note": pa.Column(str, [_text_check("note")]),
        },
        checks=[pa.Check(fn, error=code) for _, code, fn in _ROW_RULES],
        strict=True,
        ordered=False,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(
            path, [Problem.of(None, None, None, "not_found")]
        ) from None
    except IsADirectoryError:
        raise DataFileError(path, [Problem.of(None, None, None, "is_folder")]) from None
    except OSError as exc:
        raise DataFileError(
            path, [Problem.of(None, None, None, "unreadable", reason=exc.strerror)]
        ) from None


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(path, [Problem.of(line, None, None, "not_utf8")]) from None


def _parse_rows(raw: bytes, path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The raw CSV records with the line each starts on."""
    text = _decode(raw, path)
    if text.strip() == "":
        raise DataFileError(
            path,
            [Problem.of(None, None, None, "no_header", columns=COLUMNS)],
        )
    records: list[tuple[int, list[str]]] = []
    # Only \n, \r and \r\n end a line; U+2028 and the like, pasted from word processors,
    # stay inside their field.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for fields in reader:
            if fields and any(f.strip() for f in fields):
                records.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataFileError(
            path, [Problem.of(reader.line_num, None, None, "bad_csv", reason=str(exc))]
        ) from None
    if not records:
        raise DataFileError(
            path,
            [Problem.of(None, None, None, "no_header", columns=COLUMNS)],
        )
    (_, header), rows = records[0], records[1:]
    return [h.strip() for h in header], rows


def _header_problems(header: list[str], extra: tuple[str, ...] = ()) -> list[Problem]:
    """Problems of a header line; ``extra`` names columns allowed besides ``COLUMNS``."""
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        sep = next(s for s in ";\t|" if s in header[0])
        return [Problem.of(1, None, None, "wrong_separator", separator=sep)]
    problems = []
    seen = set()
    allowed = (*COLUMNS, *extra)
    for name in header:
        if name in seen:
            problems.append(Problem.of(1, name, None, "duplicate_column"))
        seen.add(name)
        if name not in allowed:
            close = difflib.get_close_matches(name, allowed, n=1)
            problems.append(Problem.of(1, name, None, "unknown_column",
                                       columns=allowed, suggestion=close[0] if close else ""))
    for name in COLUMNS:
        if name not in header and name not in OPTIONAL_COLUMNS:
            problems.append(Problem.of(1, name, None, "missing_column", name=name))
    return problems


def load_citations(path: str | Path) -> pd.DataFrame:
    """Read and validate a citations file; return the typed frame.

    The frame has one row per citation, the columns in ``COLUMNS`` plus
    ``line`` (the line number in the file, for provenance). A column of
    ``OPTIONAL_COLUMNS`` the file lacks is empty in every row.
    """
    path = Path(path)
    return _citations(_read_bytes(path), path)


def _citations(raw: bytes, path: Path) -> pd.DataFrame:
    """Validate the bytes of a citations file; problems name ``path``."""
    header, rows = _parse_rows(raw, path)
    problems = _header_problems(header)
    if problems:
        raise DataFileError(path, problems)
    if not rows:
        raise DataFileError(
            path, [Problem.of(2, None, None, "no_rows")]
        )
    width_problems = [
        Problem.of(line, None, None, "field_count", expected=len(header),
                   found=len(fields))
        for line, fields in rows
        if len(fields) != len(header)
    ]
    if width_problems:
        raise DataFileError(path, width_problems)

    lines = [line for line, _ in rows]
    frame = pd.DataFrame(
        [[f.strip() for f in fields] for _, fields in rows], columns=header, dtype=str
    )
    for name in OPTIONAL_COLUMNS:
        if name not in frame.columns:
            frame[name] = ""
    problems = _schema_problems(frame, lines)
    problems += _duplicate_problems(frame, lines)
    if problems:
        problems.sort(
            key=lambda p: (p.line or 0, COLUMNS.index(p.column) if p.column in COLUMNS else 99)
        )
        raise DataFileError(path, problems)
    typed = _typed(frame[list(COLUMNS)], lines)
    headline = (typed["measure"] == "actual") & (typed["flow"] == "turnover")
    if not (headline & (typed["period"] == "full_year")).any():
        # Valid rows, but nothing to build the series and the scenario base on.
        raise DataFileError(path, [Problem.of(None, "period", None, "no_headline_row")])
    return typed


def _schema_problems(frame: pd.DataFrame, lines: list[int]) -> list[Problem]:
    try:
        _schema().validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []
    problems: dict[tuple[int, str, str], Problem] = {}
    for case in cases.itertuples(index=False):
        if pd.isna(case.index):
            continue
        row = int(case.index)
        check = str(case.check)
        column = _ROW_COLUMN.get(check, case.column)
        if check in _ROW_COLUMN and case.column != column:
            continue
        value = frame[column].iloc[row]
        code = (_number_problem(value) if check == "value_not_number"
                else cast(ProblemCode, check))
        key = (row, column, check)
        problems.setdefault(key, Problem.of(lines[row], column, value, code,
                                            **_params(code, column)))
    # A cell that breaks its own column's rule needs no second message from a cross-column rule.
    broken = {(row, col) for row, col, check in problems if check not in _ROW_COLUMN}
    return [
        p
        for (row, col, check), p in problems.items()
        if check not in _ROW_COLUMN or (row, col) not in broken
    ]


def _duplicate_problems(frame: pd.DataFrame, lines: list[int]) -> list[Problem]:
    problems = []
    first_line_of: dict[tuple[str, ...], int] = {}
    first_id: dict[str, int] = {}
    for row, values in enumerate(frame[list(COLUMNS)].itertuples(index=False, name=None)):
        if values in first_line_of:
            problems.append(Problem.of(lines[row], None, None, "duplicate_row",
                                       first_line=first_line_of[values]))
            continue
        first_line_of[values] = lines[row]
        cid = values[0]
        if cid in first_id:
            problems.append(Problem.of(lines[row], "citation_id", cid, "duplicate_id",
                                       first_line=first_id[cid]))
        first_id.setdefault(cid, lines[row])
    return problems


def _typed(frame: pd.DataFrame, lines: list[int]) -> pd.DataFrame:
    out = frame.copy()
    out["year"] = out["year"].astype("int64")
    out["months"] = out["months"].astype("int64")
    out["value_musd"] = out["value_musd"].astype("float64")
    out["yoy_change_pct"] = pd.to_numeric(out["yoy_change_pct"].replace("", None)).astype(
        "float64"
    )
    out["line"] = pd.Series(lines, index=out.index, dtype="int64")
    return out


# --- appending a citation --------------------------------------------------------


def append_citation(path: str | Path, values: Mapping[str, str]) -> int:
    """Append one citation (column -> text) to the file at ``path``; return its line.

    The whole file, new row included, is validated first and nothing is written if
    any problem is found (``DataFileError``, the same messages as ``load_citations``).
    The new file is written next to the old one and renamed over it, so a reader never
    sees half a file and an interrupted write leaves the old one as it was. Existing
    lines are kept byte for byte, unless the row fills an optional column the file
    lacks: then the column is added to the header and the file is written anew.
    """
    return append_citations(path, [values])[0]


def append_citations(path: str | Path, rows: Sequence[Mapping[str, str]],
                     source: str | Path | None = None,
                     source_lines: Sequence[int] | None = None) -> list[int]:
    """Append several citations at once, as ``append_citation`` appends one: all are
    written in one atomic replacement, or none. Returns their lines.

    When the rows come from another file (``source``, each row from the line of
    ``source_lines``), the problems of the new rows name that file and its lines, and a
    row the data file already has names the data file's line; problems of the data file
    itself are reported first, under its own name.
    """
    if not rows:
        return []
    path = Path(path)
    raw = _read_bytes(path)
    header, _ = _parse_rows(raw, path)
    text = _decode(raw, path)
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    added = [c for c in OPTIONAL_COLUMNS if c not in header and any(r.get(c, "") for r in rows)]
    if added:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        records = [r for r in records if any(f.strip() for f in r)]
        header = [*header, *added]
        records = [records[0] + added, *(r + [""] * len(added) for r in records[1:])]
        text = _csv_lines(records, newline)
    elif text and not text.endswith(("\n", "\r")):
        text += newline
    text += _csv_lines([[r.get(c, "") for c in header] for r in rows], newline)
    body = (("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "") + text).encode("utf-8")
    if source is not None:
        _citations(raw, path)  # the data file's own problems, under its own name
    try:
        frame = _citations(body, path)  # raises before anything is written
    except DataFileError as exc:
        if source is None:
            raise
        _, parsed = _parse_rows(body, path)
        new_lines = [line for line, _ in parsed[-len(rows):]]
        lines = list(source_lines) if source_lines else list(range(2, len(rows) + 2))
        raise _in_source(exc, dict(zip(new_lines, lines, strict=True)), source) from None
    _replace_atomically(path, body)
    return [int(n) for n in frame["line"].iloc[-len(rows):]]


def _in_source(exc: DataFileError, lines: Mapping[int, int], source: str | Path
               ) -> DataFileError:
    """The problems of rows appended from ``source``, on that file's lines."""
    problems = []
    for p in exc.problems:
        if p.line is None or p.line not in lines:
            return exc  # not about the new rows: report it as the data file's
        args = p.args
        if p.code in ("duplicate_row", "duplicate_id"):
            first = args["first_line"]
            if first in lines:
                args["first_line"] = lines[first]
            else:
                code = cast(ProblemCode, f"{p.code}_in_data")
                problems.append(Problem.of(lines[p.line], p.column, p.value, code,
                                           first_line=first, path=exc.path))
                continue
        problems.append(Problem.of(lines[p.line], p.column, p.value, p.code, **args))
    return DataFileError(source, problems)


# Columns ``trade-dash extract --csv`` adds for the reviewer; ``add --from`` ignores them.
CANDIDATE_COLUMNS = ("sentence", "file", "confidence", "status")


def read_candidates(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a reviewed candidates file (``trade-dash extract --csv``), each with
    its line, as column -> text for the data file's columns (the reviewer's columns of
    ``CANDIDATE_COLUMNS`` are dropped). A file that is not such a table raises
    ``DataFileError`` listing every problem of its header or its rows' shape; the values
    are checked by ``append_citations``."""
    path = Path(path)
    header, rows = _parse_rows(_read_bytes(path), path)
    problems = _header_problems(header, CANDIDATE_COLUMNS)
    if problems:
        raise DataFileError(path, problems)
    if not rows:
        raise DataFileError(path, [Problem.of(2, None, None, "no_rows")])
    width = [Problem.of(line, None, None, "field_count", expected=len(header),
                        found=len(fields)) for line, fields in rows if len(fields) != len(header)]
    if width:
        raise DataFileError(path, width)
    return [(line, {name: _as_typed(value.strip())
                    for name, value in zip(header, fields, strict=True) if name in COLUMNS})
            for line, fields in rows]


def _as_typed(value: str) -> str:
    """A cell without the apostrophe that ``extract --csv`` (like the page's downloads)
    puts before text a spreadsheet would run as a formula."""
    return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@") else value


def _csv_lines(records: list[list[str]], newline: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=newline).writerows(records)
    return out.getvalue()


def _replace_atomically(path: Path, data: bytes) -> None:
    target = path.resolve()  # through a symbolic link, replace the file it points to
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o7777)  # mkstemp makes it private
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise

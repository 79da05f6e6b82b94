"""Reading, validating and appending to the citations file.

This is the only module that touches the disk for data. It turns a CSV file
into a typed ``pandas.DataFrame`` of citations, or raises ``DataFileError``
listing every problem at once (file, line, column, bad value, what was
expected). ``append_citation`` adds one row, validating the whole file with it
first and replacing the file atomically, so a bad row or an interrupted write
never damages it.
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

import pandas as pd
import pandera.pandas as pa

from trade_dash.domain.problems import DataFileError, Problem, ProblemCode
from trade_dash.domain.schema import (
    _ROW_COLUMN,
    COLUMNS,
    OPTIONAL_COLUMNS,
    _number_problem,
    _params,
    _schema,
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


def bundled_data_path() -> Path:
    """The citations file shipped with the project."""
    here = Path(__file__).resolve().parents[1]  # the trade_dash package
    for candidate in (here.parents[1] / "data" / "trade_series.csv", here / "trade_series.csv"):
        if candidate.is_file():
            return candidate
    return here.parents[1] / "data" / "trade_series.csv"


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

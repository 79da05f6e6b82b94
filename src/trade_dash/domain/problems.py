"""What can be wrong with a data file, as codes with their values."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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
    def values(self) -> dict[str, Any]:
        return dict(self.params)


class DataFileError(Exception):
    """The data file cannot be used; carries every problem found."""

    def __init__(self, path: str | Path, problems: list[Problem]):
        self.path = str(path)
        self.problems = problems
        super().__init__(self.path)

    def __str__(self) -> str:
        """For logs: the file and each problem's line, column and code; readers get
        ``wording.errors.data_file_error``."""
        found = "; ".join(f"line {p.line} {p.column or ''} {p.code}".replace("  ", " ")
                          for p in self.problems)
        return f"{self.path}: {found}"

"""CSV downloads of the series, the citations and an article's candidates.

Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab
or carriage return) get a leading apostrophe, so citation text stays text when
an analyst opens the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

import pandas as pd

from trade_dash.domain.dataset import Dataset
from trade_dash.domain.extract.record import FIELDS, Candidate
from trade_dash.domain.normalise import ANY, SERIES_COLUMNS
from trade_dash.domain.schema import COLUMNS
from trade_dash.wording import english, facts
from trade_dash.wording.core import Wording

# The series download's columns: the series' own, then the rule that chose each year's
# figure, worded from the series' facts.
SERIES_CSV_COLUMNS = (*SERIES_COLUMNS, "rule")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# CSV's own line ending (RFC 4180). It also makes the writer quote every cell holding a
# carriage return: unquoted, a bare one in a note ends the row in a spreadsheet, and the rest
# of the note starts a new row, where a formula would escape the apostrophe rule.
_LINE_END = "\r\n"


def _inert(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            )
    return out


def series_csv(ds: Dataset, reporter: str = ANY, words: Wording | None = None) -> str:
    """The normalised headline series of ``reporter``, one row per year, missing years
    included, and last the rule that chose each year's figure in the reader's language
    (``words``, English by default). Column names stay English for scripts."""
    w = words or english()
    full = ds.view(reporter).series
    rule = [facts.rule_text(w, int(superseded), int(preferred_of), status == "missing")
            for status, superseded, preferred_of
            in zip(full["status"], full["superseded"], full["preferred_of"], strict=True)]
    series = full[list(SERIES_COLUMNS)].assign(rule=pd.Series(rule, index=full.index,
                                                               dtype=object))
    series = series[list(SERIES_CSV_COLUMNS)]
    return _inert(series).to_csv(index=False, lineterminator=_LINE_END)


def citations_csv(ds: Dataset) -> str:
    """Every citation as validated, with its line in the source file."""
    return _inert(ds.citations[[*COLUMNS, "line"]]).to_csv(index=False, lineterminator=_LINE_END)


def candidates_csv(candidates: Sequence[Candidate]) -> str:
    """An article's candidates with the columns of ``trade-dash extract --csv`` (the data
    file's, then sentence, file, confidence and status), each cell as ``Candidate.csv_row``
    writes it: formula-like text behind an apostrophe."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator=_LINE_END)
    writer.writeheader()
    writer.writerows(c.csv_row() for c in candidates)
    return out.getvalue()

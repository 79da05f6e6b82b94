"""Candidates against the data file: ``known`` when the file already has the figure
(same measure, flow, year, period and months, value within 0.05), ``conflicts`` when it
has the same period with a value more than 5 % away (the lines are given), else
``new``; and suggested citation ids that the file does not use yet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

import pandas as pd

from trade_dash.domain.extract.record import Candidate

SAME_VALUE = 0.05  # US$ million: a figure within this of the file's is the same figure
CONFLICT_SHARE = 0.05  # more than 5 % away from the file's figure for the same period


def with_status(candidates: Sequence[Candidate], citations: pd.DataFrame | None
                ) -> list[Candidate]:
    """The candidates with their status against ``citations`` (a frame as
    ``trade_dash.data.load_citations`` returns it; ``None``: all are new), and ids
    unique within the candidates and the file."""
    out = []
    taken = set() if citations is None else set(citations["citation_id"])
    for c in candidates:
        status, lines = _status(c, citations)
        c = replace(c, status=status, status_lines=lines,
                    citation_id=_unused(c.citation_id, taken))
        taken.add(c.citation_id)
        out.append(c)
    return out


def _status(c: Candidate, citations: pd.DataFrame | None) -> tuple[str, tuple[int, ...]]:
    if citations is None or c.year is None:
        return "new", ()
    same = citations[
        (citations["measure"] == c.measure) & (citations["flow"] == c.flow)
        & (citations["year"] == c.year) & (citations["period"] == c.period)
        & (citations["months"] == c.months)
    ]
    if same.empty:
        return "new", ()
    gap = (same["value_musd"] - c.value_musd).abs()
    known = same[gap <= SAME_VALUE + 1e-9]
    if not known.empty:
        return "known", _lines(known["line"])
    apart = same[gap > CONFLICT_SHARE * same["value_musd"]]
    if not apart.empty:
        return "conflicts", _lines(apart["line"])
    return "new", ()


def _lines(lines: Iterable[object]) -> tuple[int, ...]:
    return tuple(sorted(int(str(n)) for n in lines))


def _unused(name: str, taken: set[str]) -> str:
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}-{n}"
    return candidate

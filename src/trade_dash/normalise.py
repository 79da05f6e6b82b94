"""The rule that turns many citations into one headline series.

For each calendar year of total turnover:

1. A full-year figure supersedes any January-to-month-N figure; among
   partial figures the longest period wins.
2. Among the citations left for that period, the preferred one is chosen by
   reporting body (``REPORTER_KINDS`` order: statistics office, customs,
   government, business association, other), then exact before approximate,
   then the most recent publication date (undated last), then the earliest
   line of the file.
3. Every other citation of the year is kept as an alternate.
4. A period is flagged as disputed when another citation of the same period
   differs from the chosen value by more than ``CONFLICT_TOLERANCE``.
5. Years between the first and last cited year with no citation are kept as
   rows with status ``missing`` and no value; nothing is interpolated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from trade_dash.data import PRECISIONS, REPORTER_KINDS

CONFLICT_TOLERANCE = 0.05  # 5 % of the chosen value

# Text carried over from the chosen citation (empty in missing years).
_CITATION_TEXT = (
    "precision", "citation_id", "reporter", "reporter_kind", "outlet", "published", "note",
)
SERIES_COLUMNS = (
    "year", "status", "months", "value_musd", *_CITATION_TEXT, "line", "alternates", "disputed",
    "rule",
)


def _ranked(candidates: pd.DataFrame) -> pd.DataFrame:
    """Candidates best first, by the documented preference order."""
    ranked = candidates.assign(
        _kind=candidates["reporter_kind"].map(REPORTER_KINDS.index),
        _precision=candidates["precision"].map(PRECISIONS.index),
        # Undated citations sort after dated ones; newest first among the dated.
        _undated=candidates["published"].eq(""),
        _date=candidates["published"],
    )
    ranked = ranked.sort_values(
        ["_kind", "_precision", "_undated", "_date", "line"],
        ascending=[True, True, True, False, True],
        kind="stable",
    )
    return ranked.drop(columns=["_kind", "_precision", "_undated", "_date"])


def pick(candidates: pd.DataFrame) -> pd.Series:
    """The preferred citation among candidates for one period."""
    return _ranked(candidates).iloc[0]


def period_label(year: int, months: int) -> str:
    """Human label of a period: '2023' or 'Jan–Aug 2024'."""
    if int(months) == 12:
        return str(int(year))
    return f"Jan–{pd.Timestamp(int(year), int(months), 1):%b} {int(year)}"


def _rule_text(same_period: pd.DataFrame, superseded: int) -> str:
    parts = []
    if superseded:
        parts.append("full-year figure supersedes the partial-year one")
    if len(same_period) > 1:
        parts.append(
            f"preferred of {len(same_period)} citations (reporting body, exactness, "
            "newest publication)"
        )
    if not parts:
        parts.append("only citation for this period")
    return "; ".join(parts)


def actual_turnover(citations: pd.DataFrame) -> pd.DataFrame:
    """Citations of actual total turnover, the only flow the headline uses."""
    mask = (citations["measure"] == "actual") & (citations["flow"] == "turnover")
    return citations[mask]


def headline_series(citations: pd.DataFrame) -> pd.DataFrame:
    """One row per year from the first to the last cited year (see module doc)."""
    actual = actual_turnover(citations)
    if actual.empty:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    rows = []
    first, last = int(actual["year"].min()), int(actual["year"].max())
    for year in range(first, last + 1):
        cited = actual[actual["year"] == year]
        if cited.empty:
            rows.append(
                {
                    "year": year,
                    "status": "missing",
                    "months": 12,
                    "value_musd": np.nan,
                    "alternates": "",
                    "disputed": False,
                    "rule": "no citation for this year; left missing",
                }
            )
            continue
        months = int(cited["months"].max())
        same_period = cited[cited["months"] == months]
        chosen = pick(same_period)
        others = cited[cited["citation_id"] != chosen["citation_id"]]
        spread = (same_period["value_musd"] - chosen["value_musd"]).abs() / chosen["value_musd"]
        rows.append(
            {
                **{c: chosen[c] for c in SERIES_COLUMNS if c in chosen.index},
                "year": year,
                "status": "full" if months == 12 else "partial",
                "months": months,
                "alternates": ",".join(others.sort_values("line")["citation_id"]),
                "disputed": bool((spread > CONFLICT_TOLERANCE).any()),
                "rule": _rule_text(same_period, int((cited["months"] < months).sum())),
            }
        )
    frame = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    frame["months"] = frame["months"].astype("int64")
    frame["value_musd"] = frame["value_musd"].astype("float64")
    frame["disputed"] = frame["disputed"].astype(bool)
    for col in _CITATION_TEXT:
        frame[col] = frame[col].fillna("").astype(str)
    frame["line"] = frame["line"].astype("Int64")
    return frame


@dataclass(frozen=True)
class Target:
    """The trade target and the citations it rests on."""

    value_musd: float
    citation_id: str
    citation_ids: tuple[str, ...]
    disputed: bool


def target(citations: pd.DataFrame) -> Target | None:
    """The preferred target citation, by the same rule as actual figures."""
    rows = citations[(citations["measure"] == "target") & (citations["flow"] == "turnover")]
    if rows.empty:
        return None
    chosen = pick(rows)
    spread = (rows["value_musd"] - chosen["value_musd"]).abs() / chosen["value_musd"]
    return Target(
        value_musd=float(chosen["value_musd"]),
        citation_id=str(chosen["citation_id"]),
        citation_ids=tuple(rows.sort_values("line")["citation_id"]),
        disputed=bool((spread > CONFLICT_TOLERANCE).any()),
    )


def same_period_citation(citations: pd.DataFrame, year: int, months: int) -> pd.Series | None:
    """The preferred actual-turnover citation for January to ``months`` of ``year``."""
    actual = actual_turnover(citations)
    rows = actual[(actual["year"] == year) & (actual["months"] == months)]
    return None if rows.empty else pick(rows)

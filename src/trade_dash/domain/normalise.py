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

Reporting side. Kazakhstan's and Mongolia's statistics disagree (each side records
the trade in its own books), so a series that takes one side's figure one year and
the other side's the next produces growth rates that are artefacts. Each citation
may name its side (``reporting_country``: KZ, MN, or empty for unknown). The series
is built for a *reporter*:

- ``KZ`` or ``MN``: only that side's citations are used, as if the others were not
  in the file; the rule above then runs unchanged.
- ``any`` (the default) keeps one side wherever it can:

  a. The *primary side* is the side whose turnover citations cover the most
     calendar years; on a tie, the side with the later latest year; then KZ
     before MN. Citations of unknown side never make a side primary, and a file in
     which no citation names its side has no primary side.
  b. In each year for which the primary side has a citation, only the primary
     side's citations compete (steps 1 and 2 above); its other citations and those
     of the other side are kept as alternates.
  c. In a year for which it has none, all of that year's citations compete, and the
     row is flagged ``from_other_side``.
  d. With no primary side the rule is steps 1 to 5 alone, as before sides were
     recorded.

A disputed flag (step 4) compares the chosen value with every citation of the same
period that the view keeps, whichever side gave it.

``flow_series`` applies the same choice, flow by flow, to the two directions of
trade (Kazakh exports to Mongolia, Mongolian exports to Kazakhstan) and derives
the balance (Kazakh exports minus Mongolian exports) where both are given for the
same period.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from trade_dash.domain.schema import PRECISIONS, REPORTER_KINDS, SIDES

CONFLICT_TOLERANCE = 0.05  # 5 % of the chosen value
ANY = "any"
REPORTERS = (ANY, *SIDES)  # what a series can be built for (see the module doc)

# Text carried over from the chosen citation (empty in missing years).
_CITATION_TEXT = (
    "precision", "citation_id", "reporter", "reporter_kind", "reporting_country", "outlet",
    "published", "note",
)
SERIES_COLUMNS = (
    "year", "status", "months", "value_musd", "yoy_change_pct", *_CITATION_TEXT, "line",
    "alternates", "disputed", "from_other_side",
)
# The rule's facts for one year, which the charts and the series download word in the
# reader's language: how many partial-year citations a full-year one superseded, and how
# many citations of the chosen period the figure was preferred among (0 in a missing year).
RULE_FACTS = ("superseded", "preferred_of")
DIRECTIONS = {"kz_exports": "kz_exports_to_mn", "mn_exports": "mn_exports_to_kz"}
_FLOW_FIELDS = ("musd", "months", "citation_id", "precision", "reporting_country",
                "from_other_side")
FLOW_COLUMNS = (
    "year", "status", "months",
    *(f"{key}_{f}" for key in DIRECTIONS for f in _FLOW_FIELDS),
    "balance_musd", "balance_basis",
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


def actual_turnover(citations: pd.DataFrame) -> pd.DataFrame:
    """Citations of actual total turnover, the only flow the headline uses."""
    mask = (citations["measure"] == "actual") & (citations["flow"] == "turnover")
    return citations[mask]


def primary_side(citations: pd.DataFrame) -> str | None:
    """The side the ``any`` series keeps where it can (rule a of the module doc)."""
    actual = actual_turnover(citations)
    known = actual[actual["reporting_country"].isin(SIDES)]
    if known.empty:
        return None
    years = known.groupby("reporting_country")["year"]
    covered, latest = years.nunique(), years.max()
    side: str = min(covered.index,
                    key=lambda side: (-covered[side], -latest[side], SIDES.index(side)))
    return side


def _view(rows: pd.DataFrame, reporter: str) -> tuple[pd.DataFrame, str | None]:
    """The citations a view keeps, and the side it prefers (None: no side known)."""
    if reporter == ANY:
        return rows, primary_side(rows)
    if reporter not in SIDES:
        raise ValueError(f"reporter must be one of {', '.join(REPORTERS)}, got {reporter!r}")
    return rows[rows["reporting_country"] == reporter], reporter


def _choose(cited: pd.DataFrame, primary: str | None) -> tuple[pd.Series, pd.DataFrame]:
    """The chosen citation of one year (and flow), and the candidates it was chosen from."""
    own = cited[cited["reporting_country"] == primary] if primary else cited
    pool = cited if own.empty else own
    months = int(pool["months"].max())
    return pick(pool[pool["months"] == months]), pool


def headline_series(citations: pd.DataFrame, reporter: str = ANY) -> pd.DataFrame:
    """One row per year from the first to the last cited year (see module doc)."""
    actual, primary = _view(actual_turnover(citations), reporter)
    if actual.empty:
        return pd.DataFrame(columns=[*SERIES_COLUMNS, *RULE_FACTS])
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
                    "from_other_side": False,
                    "superseded": 0,
                    "preferred_of": 0,
                }
            )
            continue
        chosen, pool = _choose(cited, primary)
        months = int(chosen["months"])
        same_period = cited[cited["months"] == months]
        others = cited[cited["citation_id"] != chosen["citation_id"]]
        spread = (same_period["value_musd"] - chosen["value_musd"]).abs() / chosen["value_musd"]
        superseded = int((pool["months"] < months).sum())
        preferred_of = int((pool["months"] == months).sum())
        rows.append(
            {
                **{c: chosen[c] for c in SERIES_COLUMNS if c in chosen.index},
                "year": year,
                "status": "full" if months == 12 else "partial",
                "months": months,
                "alternates": ",".join(others.sort_values("line")["citation_id"]),
                "disputed": bool((spread > CONFLICT_TOLERANCE).any()),
                "from_other_side": primary is not None
                and chosen["reporting_country"] != primary,
                "superseded": superseded,
                "preferred_of": preferred_of,
            }
        )
    frame = pd.DataFrame(rows, columns=[*SERIES_COLUMNS, *RULE_FACTS])
    frame["year"] = frame["year"].astype("int64")
    frame["months"] = frame["months"].astype("int64")
    frame["value_musd"] = frame["value_musd"].astype("float64")
    frame["yoy_change_pct"] = frame["yoy_change_pct"].astype("float64")
    frame["disputed"] = frame["disputed"].astype(bool)
    frame["from_other_side"] = frame["from_other_side"].astype(bool)
    for col in _CITATION_TEXT:
        frame[col] = frame[col].fillna("").astype(str)
    frame["line"] = frame["line"].astype("Int64")
    return frame


def flow_series(citations: pd.DataFrame, reporter: str = ANY) -> pd.DataFrame:
    """Per year, Kazakh exports to Mongolia, Mongolian exports to Kazakhstan and the
    balance (``FLOW_COLUMNS``), chosen flow by flow by the same rule and side as the
    headline (the primary side is the headline's, so both charts keep the same books).

    ``status`` is ``missing`` when neither flow is cited, ``partial`` when a chosen
    figure covers fewer than 12 months, else ``full``. ``balance_basis`` says whether
    the balance could be worked out: ``both`` (same period), ``one_flow`` (only one
    direction cited), ``periods_differ`` or ``none``.
    """
    rows = citations[
        (citations["measure"] == "actual") & citations["flow"].isin(list(DIRECTIONS.values()))
    ]
    rows = _view(rows, reporter)[0]
    primary = primary_side(citations) if reporter == ANY else reporter
    if rows.empty:
        return pd.DataFrame(columns=list(FLOW_COLUMNS))
    out = []
    for year in range(int(rows["year"].min()), int(rows["year"].max()) + 1):
        record: dict[str, Any] = {"year": year}
        present = []
        for key, flow in DIRECTIONS.items():
            cited = rows[(rows["year"] == year) & (rows["flow"] == flow)]
            if cited.empty:
                record |= {f"{key}_musd": np.nan, f"{key}_months": 0, f"{key}_citation_id": "",
                           f"{key}_precision": "", f"{key}_reporting_country": "",
                           f"{key}_from_other_side": False}
                continue
            chosen = _choose(cited, primary)[0]
            present.append(int(chosen["months"]))
            record |= {
                f"{key}_musd": float(chosen["value_musd"]),
                f"{key}_months": int(chosen["months"]),
                f"{key}_citation_id": str(chosen["citation_id"]),
                f"{key}_precision": str(chosen["precision"]),
                f"{key}_reporting_country": str(chosen["reporting_country"]),
                f"{key}_from_other_side": primary is not None
                and chosen["reporting_country"] != primary,
            }
        if not present:
            basis = "none"
        elif len(present) == 1:
            basis = "one_flow"
        else:
            basis = "both" if present[0] == present[1] else "periods_differ"
        record |= {
            "status": "missing" if not present else "full" if min(present) == 12 else "partial",
            "months": max(present, default=12),
            "balance_musd": record["kz_exports_musd"] - record["mn_exports_musd"]
            if basis == "both" else np.nan,
            "balance_basis": basis,
        }
        out.append(record)
    return pd.DataFrame(out, columns=list(FLOW_COLUMNS))


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


def same_period_citation(
    citations: pd.DataFrame, year: int, months: int, side: str | None = None
) -> pd.Series | None:
    """The preferred actual-turnover citation for January to ``months`` of ``year``,
    from ``side`` only when one is given (a side code, or "" for unknown)."""
    actual = actual_turnover(citations)
    rows = actual[(actual["year"] == year) & (actual["months"] == months)]
    if side is not None:
        rows = rows[rows["reporting_country"] == side]
    return None if rows.empty else pick(rows)

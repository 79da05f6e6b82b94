from __future__ import annotations

from typing import Any

import pandas as pd

from trade_dash.domain.dataset import Dataset
from trade_dash.domain.normalise import ANY

# What the normalisation rule made of a citation (``sources_rows``' "used").
USES = ("headline", "alternate", "target", "other_flow")


def sources_rows(ds: Dataset, reporter: str = ANY) -> list[dict[str, Any]]:
    """Every citation as a row of the sources table, with the use the rule made of it
    in the series of ``reporter`` (one of ``USES``). Facts and codes: the measure, flow
    and precision codes, the period as year and months, and side, outlet and published
    empty where the data gives none; the wording layer names them. Citation text
    (reporter, outlet, note) as cited. A stated change on the previous year comes with its
    check against the figures (``stated_changes``) where the file allows one."""
    chosen = set(ds.view(reporter).series["citation_id"])
    checks = {c.citation_id: c for c in ds.stated_changes}

    def use(c: pd.Series) -> str:
        if c["citation_id"] in chosen:
            return "headline"
        if c["measure"] == "target":
            return "target"
        return "alternate" if c["flow"] == "turnover" else "other_flow"

    return [
        {
            "citation_id": c["citation_id"],
            "measure": c["measure"],
            "year": int(c["year"]),
            "months": int(c["months"]),
            "flow": c["flow"],
            "value_musd": round(float(c["value_musd"]), 2),
            "precision": c["precision"],
            "reporter": c["reporter"],
            "side": c["reporting_country"],
            "outlet": c["outlet"],
            "published": c["published"],
            "used": use(c),
            "note": c["note"],
            "line": int(c["line"]),
            "yoy_change_pct": None if pd.isna(c["yoy_change_pct"])
            else float(c["yoy_change_pct"]),
            "change_differs": bool(check and check.differs),
            "figures_pct": check.figures_pct if check else None,
            "previous_line": check.previous_line if check else None,
        }
        for _, c in ds.citations.sort_values(["measure", "year", "line"]).iterrows()
        for check in [checks.get(c["citation_id"])]
    ]

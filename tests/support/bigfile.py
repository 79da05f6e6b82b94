"""A large, valid citations file for the scale tests and the browser benchmark.

About 2,000 citations for 1992–2025: several a year for each of the three flows, full
years and January-to-month-N figures, from thirty reporting bodies with long names and
long notes (Cyrillic and markup-like characters included), so a chart footer, a hover
label or the sources table that grows with the data shows it. Deterministic: the same
arguments always give the same file. Columns come from ``data.COLUMNS``; a column this
module does not fill is left empty.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from trade_dash.domain.schema import COLUMNS, MAX_TEXT, REPORTER_KINDS

FIRST_YEAR, LAST_YEAR = 1992, 2025
CITATIONS = 2_000
BODIES = 30
FLOWS = ("turnover", "kz_exports_to_mn", "mn_exports_to_kz")


def _long(text: str, limit: int) -> str:
    """``text`` repeated up to exactly ``limit`` characters (the file format's maximum)."""
    out = (text + " ") * (limit // (len(text) + 1) + 1)
    return out[:limit].rstrip()


def _bodies(rng: random.Random) -> list[tuple[str, str]]:
    """(reporter, outlet) pairs; names at the file format's length limits."""
    out = []
    for n in range(BODIES):
        reporter = _long(
            f"Reporting body {n:02d} – Комитет по статистике & <Chamber of Commerce> "
            f"\"Trade and Industry\" department {n}",
            MAX_TEXT["reporter"] - rng.randrange(0, 40),
        )
        outlet = _long(f"Outlet {n:02d}: Өдрийн сонин / The Daily Trade Review of Central Asia",
                       MAX_TEXT["outlet"] - rng.randrange(0, 40))
        out.append((reporter, outlet))
    return out


def rows(citations: int = CITATIONS, seed: int = 8) -> list[dict[str, str]]:
    """The citations as rows of column -> text, targets first."""
    rng = random.Random(seed)
    bodies = _bodies(rng)
    out: list[dict[str, str]] = [
        {
            "citation_id": f"target-{n}",
            "measure": "target",
            "flow": "turnover",
            "year": "2024",
            "period": "full_year",
            "months": "12",
            "value_musd": "500",
            "precision": "exact",
            "reporter": bodies[n][0],
            "reporter_kind": "government",
            "outlet": bodies[n][1],
            "published": "2024-10-29",
            "note": "Annual goal; no deadline stated.",
        }
        for n in range(3)
    ]
    years = LAST_YEAR - FIRST_YEAR + 1
    n = 0
    while len(out) < citations:
        year = FIRST_YEAR + n % years
        flow = FLOWS[(n // years) % len(FLOWS)]
        # The last year has only January-to-month-N turnover, so the page shows a year to date.
        partial = (n // (years * len(FLOWS))) % 3 == 2 or (year == LAST_YEAR and flow == "turnover")
        months = rng.randrange(1, 12) if partial else 12
        level = 20 + 3 * (year - FIRST_YEAR) if flow == "turnover" else 8 + (year - FIRST_YEAR)
        value = round(level * months / 12 * rng.uniform(0.8, 1.25), 1)
        reporter, outlet = bodies[rng.randrange(BODIES)]
        end_month = months + 1 if months < 12 else 12
        published_year = year if months < 12 else year + 1
        published = f"{published_year}-{end_month:02d}-{rng.randrange(1, 29):02d}"
        out.append(
            {
                "citation_id": f"c{n:05d}-{year}-{flow}",
                "measure": "actual",
                "flow": flow,
                "year": str(year),
                "period": "year_to_date" if partial else "full_year",
                "months": str(months),
                "value_musd": f"{value:g}",
                "precision": rng.choice(("exact", "approximate")),
                "reporter": reporter,
                "reporter_kind": REPORTER_KINDS[rng.randrange(len(REPORTER_KINDS))],
                "outlet": outlet,
                "published": published,
                "note": _long(
                    f"Citation {n} of a synthetic file: a figure for {year}, "
                    "<b>not</b> real data; \"quoted\" & Cyrillic: Монгол Улс, Қазақстан.",
                    MAX_TEXT["note"] - rng.randrange(0, 200),
                ),
            }
        )
        n += 1
    return out


def csv_text(citations: int = CITATIONS, seed: int = 8) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS), restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(citations, seed))
    return buffer.getvalue()


def write(path: Path, citations: int = CITATIONS, seed: int = 8) -> Path:
    """Write the file to ``path`` and return ``path``."""
    path.write_text(csv_text(citations, seed), encoding="utf-8")
    return path

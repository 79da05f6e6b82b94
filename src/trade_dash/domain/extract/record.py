"""A candidate row: one trade figure found in an article, with the data file's
columns filled as far as the text allows, and the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass

from trade_dash.domain.schema import COLUMNS

# The fields each candidate has beyond the data file's columns, in output order.
EXTRA_FIELDS = ("sentence", "file", "confidence", "status")
FIELDS = (*COLUMNS, *EXTRA_FIELDS)

STATUSES = ("new", "known", "conflicts")

# A cell starting with one of these is run as a formula by a spreadsheet; the CSV gives
# it a leading apostrophe, as the page's CSV downloads do (an interview's "- In 2018 ...").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Candidate:
    """One figure as a row of the data file, plus where it came from.

    ``year`` is ``None`` when the text does not say it and no publication date lets it
    be worked out; ``figure`` is the span of the amount within ``sentence`` (for
    highlighting); ``status_lines`` are the data file's lines that the figure is
    already on (``known``) or disagrees with (``conflicts``).
    """

    citation_id: str
    measure: str
    flow: str
    year: int | None
    period: str
    months: int
    value_musd: float
    value_text: str
    yoy_change_pct: float | None
    precision: str
    reporter: str
    reporter_kind: str
    reporting_country: str
    outlet: str
    published: str
    file: str
    sentence: str
    figure: tuple[int, int]
    confidence: float
    status: str = "new"
    status_lines: tuple[int, ...] = ()
    note: str = ""

    @property
    def status_text(self) -> str:
        """The status as written in ``--json`` and ``--csv``: ``new``, ``known``, or
        ``conflicts:LINE`` (several lines joined by commas)."""
        if self.status == "conflicts":
            return "conflicts:" + ",".join(str(n) for n in self.status_lines)
        return self.status

    def row(self) -> dict[str, object]:
        """The candidate as JSON: the data file's columns, then ``EXTRA_FIELDS``."""
        values: dict[str, object] = {
            "citation_id": self.citation_id,
            "measure": self.measure,
            "flow": self.flow,
            "year": self.year,
            "period": self.period,
            "months": self.months,
            "value_musd": self.value_musd,
            "yoy_change_pct": self.yoy_change_pct,
            "precision": self.precision,
            "reporter": self.reporter,
            "reporter_kind": self.reporter_kind,
            "reporting_country": self.reporting_country,
            "outlet": self.outlet,
            "published": self.published,
            "note": self.note,
            "sentence": self.sentence,
            "file": self.file,
            "confidence": self.confidence,
            "status": self.status_text,
        }
        return {name: values[name] for name in FIELDS}

    def csv_row(self) -> dict[str, str]:
        """The candidate as text cells of a CSV row, numbers as the data file writes
        them (``74.0``, ``0.466``; empty when not known), text that a spreadsheet would
        run as a formula behind an apostrophe."""
        out = {k: "" if v is None else str(v) for k, v in self.row().items()}
        out["value_musd"] = self.value_text
        if self.yoy_change_pct is not None:
            out["yoy_change_pct"] = f"{self.yoy_change_pct:g}"
        return {k: "'" + v if v.startswith(FORMULA_START) else v for k, v in out.items()}

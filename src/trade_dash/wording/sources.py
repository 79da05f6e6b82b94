"""The sources table worded once: the page's table and the briefing's sources pages
both take their cells from ``source_rows``. Citation text (reporter, outlet, note) is
shown as cited."""

from __future__ import annotations

from typing import Any

from trade_dash.domain.dataset import Dataset
from trade_dash.wording import facts, vocabulary
from trade_dash.wording.core import Wording


def source_rows(w: Wording, ds: Dataset, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources table's rows (``scenario.sources_rows``: codes and facts) with the
    product's words in the reader's language; reporter, outlet and note as cited. ``ds``
    is the dataset the rows come from."""
    uses = {code: w.pgettext("use", text) for code, text in vocabulary.USES.items()}
    return [
        {
            "citation_id": row["citation_id"],
            "measure": w.label("measure", row["measure"]),
            "period": w.period_label(row["year"], row["months"]),
            "flow": w.label("flow", row["flow"]),
            "value_musd": row["value_musd"],
            "precision": w.label("precision", row["precision"]),
            "reporter": row["reporter"],
            "side": row["side"] or w.gettext("not recorded"),
            "outlet": row["outlet"] or w.gettext("not named"),
            "published": row["published"] or w.label("role", "not_given"),
            "used": facts.with_stated_change_mark(w, uses[row["used"]], row),
            "note": row["note"],
            "line": row["line"],
        }
        for row in rows
    ]

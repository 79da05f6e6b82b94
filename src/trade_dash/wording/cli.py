"""The sentences of the ``trade-dash`` command's own output: the text of ``summary``
and the messages of ``export``. Each function takes the reader's ``Wording`` first
(``--lang``); the headline items are the briefing's, so the two cannot disagree."""

from __future__ import annotations

import datetime as dt

from trade_dash.scenario import Summary
from trade_dash.wording import facts
from trade_dash.wording.briefing import headline_items
from trade_dash.wording.core import Wording

LABEL_WIDTH = 20  # the labels' column in ``summary``'s text block


def summary_text(w: Wording, s: Summary, source: str, today: dt.date) -> str:
    """The short text block printed by ``trade-dash summary``: the headline items, how
    fresh the data is and any notes, labels in a column."""
    lines = [w.gettext("Kazakhstan–Mongolia trade turnover (data: %(source)s)", source=source)]
    items = [*headline_items(w, s),
             (w.gettext("Data"), facts.freshness_text(w, s.data_freshness))]
    lines += [f"  {label:<{LABEL_WIDTH - 1}} {value}" for label, value in items]
    notes = [facts.mixed_sides_note(w, s), facts.stale_text(w, s.data_freshness, today),
             *(facts.notice_text(w, n) for n in s.notices)]
    lines += [f"  {w.gettext('Note: %(note)s', note=n)}" for n in notes if n]
    return "\n".join(lines)


def wrote(w: Wording, path: str, size: int) -> str:
    return w.gettext("trade-dash: wrote %(path)s (%(size)s bytes)", path=path,
                     size=w.integer(size))

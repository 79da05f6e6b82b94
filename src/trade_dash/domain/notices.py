"""Notices: what the scenario layer adjusted or assumed, as codes with their values.

The pure layers report a fall-back (a URL value clamped, a method unavailable, a target
assumed) as a ``Notice``; the wording layer turns it into a sentence in the reader's
language (``wording.facts.notice_text``), so no English is built below the wording layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NoticeCode = Literal[
    "target_assumed",  # target
    "seasonal_fallback",
    "yoy_fallback",
    "no_ytd_base",
    "too_many_params",  # limit
    "repeated",  # key, count
    "too_long",  # key
    "not_a_choice",  # key, value, choices
    "reporter_absent",  # value, used
    "not_a_number",  # key, value
    "not_whole_year",  # key, value, used
    "out_of_range",  # key, value, lo, hi, used
    "target_year_moved",  # year, base_year, used
    # the estimate shown implies a change on last year of the other sign than the one the
    # source states for the year to date
    "estimate_contradicts_source",  # method, estimate_musd, year, months, previous_year,
    #   previous_musd, implied_pct, stated_pct, agrees (a method whose sign agrees, or None)
]
# Notices about what the data says rather than about a setting that was adjusted: the
# key message carries them, so the lists of adjustments leave them out.
FINDINGS: frozenset[NoticeCode] = frozenset({"estimate_contradicts_source"})


@dataclass(frozen=True)
class Notice:
    """One adjustment, by code, with the values a sentence about it needs."""

    code: NoticeCode
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: NoticeCode, **params: object) -> Notice:
        return cls(code, tuple(sorted(params.items())))

    @property
    def args(self) -> dict[str, object]:
        return dict(self.params)

    @property
    def values(self) -> dict[str, object]:
        return dict(self.params)

    @property
    def is_finding(self) -> bool:
        return self.code in FINDINGS

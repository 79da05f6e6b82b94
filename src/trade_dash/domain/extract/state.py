"""What the reading of an article has gathered so far: the periods, flows and sources
of the figures before, the paragraph's, and the tables and lists whose rows follow.
Later sentences lean on it ("Exports amounted to ...", "this period", "- 2021: ...")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from trade_dash.domain.extract import periods, sources, tables

# Above this, an amount is a country's total or another scope: Kazakhstan–Mongolia
# trade has stayed far below it (US$ 150 million in 2024).
MAX_MUSD = Decimal(1000)
# Below this (ten thousand dollars) an amount is a price or a fee, never a year's trade.
MIN_MUSD = Decimal("0.01")


@dataclass
class Paragraph:
    """What earlier sentences of the same paragraph said: a later sentence's figure
    without a period or a source takes theirs."""

    number: int = -1
    period: periods.PeriodMention | None = None
    body: sources.Body | None = None


@dataclass
class Reading:
    """One article's reading so far: its publication facts and what the sentences read
    up to now have settled."""

    published: dt.date | None
    outlet: str
    file: str
    side: str | None  # the side the article speaks for, when known
    press_body: sources.Body | None  # the body that published the article itself
    both_named: bool  # the article is about the two countries: context enough for a figure
    paragraph: Paragraph = field(default_factory=Paragraph)
    # The figure found last: a later one that names no period, flow or source of its
    # own ("Exports amounted to ...", "бұл көрсеткіш ...") continues it.
    last_period: periods.PeriodMention | None = None
    # The period of the article's first figure: "in the reporting period" means it.
    main_period: periods.PeriodMention | None = None
    named_period: periods.PeriodMention | None = None  # the last one named anywhere
    # The unit a table header gave ("мянган ам.доллараар:"), while its rows follow.
    table_unit: Decimal | None = None
    # The columns of a table of partners and their unit, while its rows follow.
    grid: list[tables.Column | None] | None = None
    grid_unit: Decimal = Decimal(1)
    # The flow a list's header names ("Bilateral trade at a glance:"), while its items
    # ("- 2021: US$97.5 million") follow.
    list_code: str | None = None
    # For each figure of the sentence: whether it is given only to compare with.
    flags: list[bool] = field(default_factory=list)
    last_code: str | None = None
    last_body: sources.Body | None = None
    last_sentence: int = -2
    last_paragraph: int = -1
    last_count: int = 0  # how many figures the last sentence with figures gave
    levels_refused: bool = False  # the sentence read last refused an amount not a change
    sentence: int = -1
    # The side whose exports "exports" means in this sentence, once a flow named its
    # direction ("exports to Mongolia were ..., and imports ...").
    sentence_side: str | None = None
    turnover_found: bool = False

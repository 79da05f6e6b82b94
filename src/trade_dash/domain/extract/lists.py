"""Figures set out in rows: a statistics office's table of partners, read by its
header, and the items of a list that take the flow their header names."""

from __future__ import annotations

import re
from decimal import Decimal

from trade_dash.domain.extract import numbers, periods, scope, tables
from trade_dash.domain.extract.dating import possible
from trade_dash.domain.extract.record import Candidate
from trade_dash.domain.extract.state import MAX_MUSD, Reading
from trade_dash.domain.extract.text import Sentence


def grid_row(s: Sentence, art: Reading) -> list[Candidate]:
    """A row of a table of partners: a header sets the columns; the row of the other
    country of the pair gives its figures, for the period the text named last."""
    columns = tables.header(s.text)
    if columns is not None:
        unit = numbers.table_unit(s.text) or art.table_unit
        art.grid, art.grid_unit = (columns, unit) if unit is not None else (None, Decimal(1))
        return []
    row = tables.partner_row(s.text, art.grid, art.grid_unit) if art.grid else None
    mention = art.last_period or art.main_period or art.named_period
    if row is None or mention is None:
        return []
    year, months = periods.resolve(mention, art.published)
    if not possible(year, months, mention, art.published):
        return []
    partner, cells = row
    body = art.last_body or art.paragraph.body or art.press_body
    out = []
    for cell in cells:
        if cell.change_pct is not None or cell.musd > MAX_MUSD:
            continue
        change = next((c.change_pct for c in cells
                       if c.change_pct is not None and c.kind == cell.kind), None)
        out.append(Candidate(
            citation_id="", measure="actual", flow=tables.flow_code(cell.kind, partner),
            year=year, period="full_year" if months == 12 else "year_to_date", months=months,
            value_musd=float(cell.musd), value_text=numbers.plain(cell.musd),
            yoy_change_pct=change, precision="exact", reporter=body.name if body else "",
            reporter_kind=body.kind if body else "",
            reporting_country=(body.side or "") if body else "", outlet=art.outlet,
            published=art.published.isoformat() if art.published else "", file=art.file,
            sentence=s.text, figure=(cell.start, cell.end), confidence=0.85))
        art.flags.append(False)
    return out


LIST_ITEM = re.compile(r"^\s*[-–—•*·]\s*")


def list_header(text: str, art: Reading) -> str | None:
    """The flow a line ending in a colon names, if it holds no amount and names no
    goods: the flow of the list items below it."""
    if not text.rstrip().endswith(":") or numbers.amounts(text) or scope.names_goods(text):
        return None
    words = [m for m in scope.FLOW_WORDS.finditer(text) if m.lastgroup != "same"]
    if not words and art.last_sentence >= art.sentence - 3:
        # "Соңғы жылдардағы динамикаға көз жүгіртсек:" (no trade word): the items go on
        # with the flow of the figures just before
        return art.last_code
    if len(words) != 1 or scope.scope(text, scope.whole(text, len(text))) == "refused":
        return None
    flow = scope.Flow(words[0].lastgroup or "", words[0].start(), words[0].end())
    return scope.direction(text, flow, scope.whole(text, flow.end), art.side)


def listed(text: str, p: scope.Place, art: Reading) -> scope.Flow | None:
    """An item of a list under a header that named its flow ("- 2021: US$97.5 million")."""
    if art.list_code is None or not LIST_ITEM.match(text) or not p.amount.currency:
        return None
    return scope.Flow("listed", p.left, p.left)

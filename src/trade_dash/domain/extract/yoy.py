"""Which stated change belongs to which figure, and whether it is the change on the
same months of the year before (the data file's ``yoy_change_pct``): "$74 million, up
3.6 %" is; "surged by 117 % to 76.7 million in 2023" from 2019 is not."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from trade_dash.domain.extract import numbers, periods, scope
from trade_dash.domain.extract.record import Candidate
from trade_dash.domain.extract.text import SPACES

# A change, the year it is measured against when the text names one, and the figure it
# started from when the sentence gives one.
Stated = tuple[numbers.Change, int | None, scope.Place | None]

# The words between a change and the amount it leads to: "by 117 % to 76.7 million".
_LEADS_TO = re.compile(
    rf"^[{SPACES},\-–—]*(?:(?:and|и)\s+)?(?:to|reaching|to\s+reach|reached|hitting|"
    r"amounting\s+to|до|составив|составил\w*|достиг\w*|достигнув|өсіп|артып|ұлғайып|өсөж|"
    rf"нэмэгдэж)?[{SPACES},]*$",
    re.IGNORECASE,
)


# A sentence that goes on about the figure before it: "This is 20 % more than a year
# earlier.", "Это в 1,7 раза больше...", "Бұл ... 9,4%-ға артық.", "Энэ нь ... өссөн".
_THIS_FIGURE = re.compile(r"^(?:this|that|it|это|что|бұл|ол|энэ|энэ\s+нь)\b", re.IGNORECASE)


# A change over several years: "за десять лет", "over the past five years", "10 жылда"
_SPAN = re.compile(
    r"\b(?:за|over(?:\s+the\s+(?:past|last))?|in\s+the\s+(?:past|last))\s+(?:\d+|\w+)\s+"
    r"(?:лет|years|года)\b|\b\w+\s+жыл\s+(?:ішінде|бойы)|\b\d+\s+жылда\b|"
    r"\b\w+\s+жилийн\s+(?:хугацаанд|дотор)", re.IGNORECASE)
_BUT = re.compile(r",?\s+(?:but|yet|however|но|однако|бірақ|алайда|харин|гэвч)\b", re.IGNORECASE)


def each_flow(text: str) -> list[tuple[scope.Flow, numbers.Change]]:
    """In a sentence with no amounts that names two or more flows, each with its own
    change ("Тиісінше экспорт 6,5%-ға, импорт 12,7%-ға өсті"): each flow and its change."""
    flows = [scope.Flow(m.lastgroup or "", m.start(), m.end())
             for m in scope.FLOW_WORDS.finditer(text)
             if m.lastgroup in ("turnover", "export", "import")]
    if len(flows) < 2:
        return []
    changes = numbers.each_change(text)
    out = []
    for i, flow in enumerate(flows):
        end = flows[i + 1].start if i + 1 < len(flows) else len(text)
        own = [c for c in changes if flow.end <= c.start < end]
        if len(own) == 1:
            out.append((flow, own[0]))
    return out if len(out) >= 2 else []


def ahead(text: str) -> numbers.Change | None:
    """The change a sentence without amounts states for turnover before giving its figure
    ("Жыл басынан бері тауар айналымы 1,3 есеге өсті. Қаңтар-маусымда ... 41,2 млн"): its
    one change, when its one trade word is turnover and it names no other year."""
    if numbers.amounts(text):
        return None
    words = [m for m in scope.FLOW_WORDS.finditer(text) if m.lastgroup != "same"]
    found = [c for c in numbers.changes(text)
             if not scope.FORECAST.search(text[max(0, c.start - 40):c.end + 40])]
    if (len(words) != 1 or words[0].lastgroup not in ("turnover", "trade") or len(found) != 1
            or any(m.year for m in periods.mentions(text))
            or _SPAN.search(text)):
        return None
    return found[0]


def points_back(text: str) -> bool:
    """Whether a sentence opens by pointing back to the figure before it."""
    return bool(_THIS_FIGURE.match(text))


def followed_up(text: str, last: Candidate) -> Candidate:
    """A figure given before, with the change this sentence states for it ("This is
    20 % more than a year earlier.", "Рост к аналогичному периоду 2022 года – 21,3%.",
    "Өмнөх оны мөн үеэс худалдааны эргэлт 5.8 хувиар өссөн"): one change, measured
    against the year before the figure's (or no year named)."""
    if last.yoy_change_pct is not None or last.year is None or last.measure != "actual":
        return last
    stated = numbers.changes(text)
    if not stated and (opening := numbers.opening_change(text)) is not None:
        stated = [opening]  # "Рост, таким образом, составил 12%."
    found = [c for c in stated
             if not scope.FORECAST.search(text[max(0, c.start - 40):c.end + 40])]
    # "..., but still far from the 2014 level": a clause after "but" compares no more
    cut = _BUT.search(text, found[0].end) if len(found) == 1 else None
    mentions = [m for m in periods.mentions(text) if cut is None or m.start < cut.start()]
    years = [m.year for m in mentions if m.year]
    months = {m.months for m in mentions if m.months}
    if (len(found) != 1 or any(y != last.year - 1 for y in years)
            or any(n != last.months for n in months)):
        return last
    return replace(last, yoy_change_pct=found[0].pct)


def assign(text: str, places: list[scope.Place], mentions: list[periods.PeriodMention]
             ) -> dict[int, Stated]:
    """Each amount's stated change: the change right after it ("$74 million, up 3.6 %"),
    or one that leads to it ("by 117 % to 76.7 million"), with the year it is measured
    against when the text names one, and the amount it started from, if any."""
    out: dict[int, Stated] = {}
    compare = [m for m in mentions if m.role == "compare"]
    for c in numbers.changes(text):
        if scope.FORECAST.search(text[max(0, c.start - 40):c.start]):
            continue  # "expects it to grow by 20 %": a forecast, not a stated change
        if _SPAN.search(text[max(0, c.start - 90):c.start]):
            continue  # "over ten years it grew 2.7 times": not on the year before
        # (an amount a figure grew by is no figure to give a change to: "137.9 ..., 17.1
        # сая ам.доллар буюу 14.2 хувиар өссөн")
        levels = [i for i, p in enumerate(places) if not scope.increment(text, p.amount)]
        before = [i for i in levels if places[i].amount.end <= c.start]
        after = [i for i in levels if places[i].amount.start >= c.end]
        prev, nxt = (before[-1] if before else None), (after[0] if after else None)
        base_place = None
        if nxt is not None and _LEADS_TO.match(text[c.end:places[nxt].amount.start]):
            target = nxt
            if prev is not None:
                gap = text[places[prev].amount.end:c.start]
                if len(gap) <= 60 and not scope.FLOW_WORDS.search(gap):
                    base_place = places[prev]
        elif prev is not None and (nxt is None or len(text[places[prev].amount.end:c.start]) <= 60):
            target = prev  # the figure before it, however far, if no other figure follows
        elif (nxt is not None and len(text[c.end:places[nxt].amount.start]) <= 60
              and not scope.part_of(text, places[nxt])):
            target = nxt  # (not a part named after it: "өссөн бөгөөд үүнээс экспорт 2.1")
        else:
            continue
        near = [m for m in compare if c.start - 60 <= m.start <= c.end + 80]
        out.setdefault(target, (c, near[0].year if near else None, base_place))
    return out


def on_year_before(change: Stated | None,
                   year: int | None, months: int, plain: list[periods.PeriodMention],
                   published: dt.date | None) -> float | None:
    """The change on the same months of the year before, if that is what was stated;
    a change over several years ("117 % since 2019") is not recorded."""
    if change is None or year is None:
        return None
    c, base_year, base_place = change
    if base_year is not None and base_year != year - 1:
        return None
    if base_place is not None:
        mention = min(plain, key=lambda m: abs(m.start - base_place.amount.start), default=None)
        if mention is None:
            return None
        base = periods.resolve(mention, published)
        if base != (year - 1, months):
            return None
    return c.pct

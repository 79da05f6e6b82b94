"""Figures given only to be compared with ("up from $76.9 million", "2023 жылғы ...
-мен салыстырғанда", "(2022 жылы – 97,2 млн)", "с 96,4 млн до 118,5 млн"): how to tell
them from the figure the sentence is about."""

from __future__ import annotations

import re

from trade_dash.domain.extract import numbers, scope


def aside(text: str, p: scope.Place) -> re.Match[str] | None:
    """A bracket after another amount that opens with a period of its own: "113,0 млн
    (2022 жылы – 97,2 млн)", "$113.0 million (2022: $97.2 million)"."""
    if p.left == 0:
        return None
    return _ASIDE.search(text, p.left, p.amount.start)


_ASIDE = re.compile(r"\(\s*(?:in\s+|в\s+|за\s+)?(?:19|20)\d\d[^()\d]{0,25}$", re.IGNORECASE)


# "55.0 сая ам.доллараас 6.2 хувиар өслөө": grew 6.2 % from that amount
# ("65,1 млн доллардан 13,4 пайызға көп": Kazakh says it the same way)
_FROM_THEN_CHANGE = re.compile(r"(?:аас|ээс|оос|өөс|дан|ден|тан|тен|нан|нен)$")


# (an increment may stand first: "112.5 сая ам.доллараас 16.0 сая ам.доллар буюу 14.2 хувиар")
_CHANGE_NEXT = re.compile(
    r"\s*(?:\d+(?:[.,]\d+)?\s*(?:сая|млн)\.?\s*\S*\s*(?:буюу|или|яғни|немесе)\s*)?"
    r"\d+(?:[.,]\d+)?\s*(?:%|хувь|хуви|пайыз|дахин|есе|раза?|times)", re.IGNORECASE)


def from_then_change(text: str, a: numbers.Amount) -> bool:
    return bool(_FROM_THEN_CHANGE.search(text, a.start, a.end) and _CHANGE_NEXT.match(text, a.end))


def from_to(text: str, a: numbers.Amount) -> bool:
    """Whether the amount is the start of "grew by 22.9 % from 96.4 million to 118.5
    million" (no year of its own, a change stated): the year before's figure."""
    return bool(_FROM_BEFORE.search(text, max(0, a.start - 6), a.start)
                and _TO_AFTER.match(text, a.end) and numbers.changes(text))


_FROM_BEFORE = re.compile(r"\b(?:с|со|from)\s*\$?\s*$", re.IGNORECASE)


_TO_AFTER = re.compile(r"\s*(?:млн\.?|mln|million)?\s*(?:долл\w*\.?\s*)?(?:до|to)\s", re.IGNORECASE)


def base_figure(text: str, p: scope.Place) -> bool:
    """Whether the amount is given as what another figure is compared with."""
    a = p.amount
    return bool(BASE_OPENING.match(text) or aside(text, p) or from_to(text, a)
                or from_then_change(text, a)
                or (POINTS_BACK.match(text) and numbers.changes(text))
                or BASE_BEFORE.search(text[max(p.left, a.start - 45):a.start])
                or BASE_AFTER.match(text[a.end:p.clause_end + 20]))


def compared_with(text: str, p: scope.Place) -> scope.Flow | None:
    """A figure another is compared with and that names no trade word ("This is 24 %
    more than 2020's 71.3 million", "2020 жылғы 71,3 млн доллармен салыстырғанда") is
    of the flow of the figure before it."""
    before = text[max(p.left, p.amount.start - 45):p.amount.start]
    if not p.amount.currency or re.search(r"\b(?:more|less|fewer|over|under|no)\s+than\s*$",
                                          before, re.IGNORECASE):
        return None  # "more than 12 thousand citizens" is a count, "more than" a floor
    if (BASE_BEFORE.search(before) or BASE_AFTER.match(text[p.amount.end:p.clause_end + 20])
            or from_then_change(text, p.amount)):
        return scope.Flow("it", p.amount.start, p.amount.start)
    return None


BASE_AFTER = re.compile(r"^[\s)]*(?:\w+\s+)?(?:салыстырғанда|қарағанда|харьцуулахад|ескерсек|"
                         r"бодоход)", re.IGNORECASE)


# A figure given as what another is compared with: "up from $127.3 million in 2023".
# ("than in 2021 ($108.5 million)": the year, then the amount in brackets)
BASE_BEFORE = re.compile(r"(?:\bfrom|\bthan|\bagainst|\bvs\.?|\bversus|"
                          r"\bcompare[sd]?\s+(?:to|with)|"
                          r"\bпротив|\bпо\s+сравнению\s+с)"
                          r"(?:\s+(?:the\s+same\s+period\s+of\s+|in\s+|в\s+)?(?:19|20)\d\d"
                          r"(?:\s*г\.|\s+году?)?\s*[(:])?\s*$",
                          re.IGNORECASE)


# A sentence that opens by saying it gives the figures compared with: "A year earlier,
# ...", "Для сравнения: ...". Its periods are not the article's.
BASE_OPENING = re.compile(
    r"^\W*(?:a\s+year\s+(?:earlier|before|ago)|for\s+comparison|by\s+comparison|"
    r"in\s+the\s+same\s+period\s+(?:of\s+|a\s+year\s+)|годом\s+ранее|год\s+назад|"
    r"для\s+сравнения|за\s+аналогичный\s+период|в\s+аналогичном\s+периоде|"
    r"салыстыру\s+үшін|салыстырмалы\s+түрде|өткен\s+жылы?\s+осы\s+кезеңде|"
    r"харьцуулахад|харьцуулбал|өмнөх\s+оны\s+мөн\s+үед|өнгөрсөн\s+оны\s+мөн\s+үед)\b",
    re.IGNORECASE)


A_YEAR_EARLIER = re.compile(r"^\W*(?:a\s+year\s+(?:earlier|before|ago)|годом\s+ранее|год\s+назад|"
                             r"бір\s+жыл\s+бұрын|жилийн\s+өмнө)\b", re.IGNORECASE)


# A sentence about the figure before it: "This is 12.7 % more than in 2023, when ...",
# "Бұл 2020 жылғы ... (59,3 млн АҚШ доллары) 42,8%-ға артық"; with a change stated, its
# amounts are what that figure is compared with.
POINTS_BACK = re.compile(
    r"^\W*(?:(?:this|that|it)\s+(?:is|was|represents|marks|means)\s+(?:up\b|down\b|an?\s|"
    r"about|almost|nearly|over|more|less|higher|lower|in\s+\d|\d)|это\s+(?:на|в|почти)\b|"
    r"бұл\s+(?!жыл|көрсеткіш)|энэ\s+нь\b)", re.IGNORECASE)

"""The period an amount is for: the mention in its own stretch of the sentence, a
comparison's year, "a year earlier", "the reporting period", or the period of the
figures before it; and whether a figure of that period can exist yet."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from trade_dash.domain.extract import numbers, periods, scope
from trade_dash.domain.extract.bases import (
    A_YEAR_EARLIER,
    BASE_AFTER,
    BASE_BEFORE,
    BASE_OPENING,
    from_then_change,
    from_to,
)
from trade_dash.domain.extract.state import Reading


def period_of(text: str, p: scope.Place, before: scope.Place | None,
              plain: list[periods.PeriodMention], compared_all: list[periods.PeriodMention],
              amounts: list[numbers.Amount], art: Reading
              ) -> tuple[periods.PeriodMention, float] | None:
    """The period mention an amount goes with, and how sure that is: the nearest one in
    its own stretch of the sentence (from the previous amount's clause to the end of its
    own), else the nearest in the sentence, else the last one of the paragraph, else
    that of the figure before. ``amounts`` are the sentence's amounts."""
    a = p.amount

    def distance(m: periods.PeriodMention) -> int:
        return a.start - m.end if m.end <= a.start else m.start - a.end

    def theirs(m: periods.PeriodMention) -> bool:
        return before is not None and before.amount.end <= m.start < before.clause_end

    year_before = _year_before(text, a, compared_all, amounts, art)
    if year_before is not None:
        return year_before, 0.85
    if from_to(text, a):
        ref = min(plain, key=distance) if plain else art.last_period
        year, months = periods.resolve(ref, art.published) if ref else (None, 12)
        if ref is not None and year is not None:
            return replace(ref, year=year - 1, relative=None,
                           months=None if months == 12 else months), 0.85
    when = _when(text, p, compared_all, art)
    if when is not None:
        return when, 0.9
    if _AFTER_CHANGE.search(text[p.left:a.start]):
        # "up 9.6 % on January–June 2024 (77.3 million)": the figure it was measured from
        measured = [m for m in compared_all if m.end <= a.start and (m.year or m.same_period)]
        if measured and (base_period := _compared(measured[-1], art)) is not None:
            return base_period, 0.9
    # a period in a bracket after the amount that holds an amount of its own is that
    # amount's: "113,0 млн (2022 жылы – 97,2 млн)"
    plain = [m for m in plain if not _in_aside(text, m, a)]
    nxt = next((x for x in amounts if x.start >= a.end), None)
    if nxt is not None and (BASE_BEFORE.search(text[max(p.left, nxt.start - 32):nxt.start])
                            or from_then_change(text, nxt)
                            or BASE_AFTER.match(text[nxt.end:nxt.end + 40])):
        # "climbed to $84.7 million from $76.9 million in 2017", "... нь 2023 оны 5.9 сая
        # ам.доллараас 1.5 дахин өссөн": the year next to the figure compared with is its
        plain = [m for m in plain if m.start < a.end or (
            m.end <= nxt.start and not re.fullmatch(r"\W{0,3}", text[m.end:nxt.start]))]
    own = [m for m in plain if p.left <= m.start and m.end <= p.clause_end and not theirs(m)]
    # "..., ал былтырғы осы кезеңде бұл көрсеткіш 21,1 млн": the same months a year
    # back, named in the amount's own stretch, before a period named earlier
    same_own = [m for m in compared_all if m.same_period and m.year is None
                and p.left <= m.start and m.end <= a.start and not _tied(text, m)]
    if not own and same_own and (earlier := _one_year_back(same_own[-1], art)) is not None:
        return earlier, 0.85
    # The figure a change is measured against, right after its year: "20 % more than in
    # 2023 ($125 million)", "up from 2023: $125 million".
    base = [m for m in compared_all if m.year and not m.same_period and m.end <= a.start
            and re.fullmatch(r"(?:['’]s)?[\s(:–—-]{0,4}", text[m.end:a.start])]
    if base:
        return base[-1], 0.9
    pool = own or plain

    def reporting(low: int, high: int) -> bool:
        return bool(art.main_period is not None and _REPORTING.search(text, low, high)
                    and not BASE_OPENING.match(text)
                    and not any((m.same_period or m.back) and m.end <= a.start
                                and not _tied(text, m) for m in compared_all))

    # "есепті кезеңде ... экспорты 36,9 млн": the reporting period, whatever the next
    # clause names; or anywhere in a sentence that names no period of its own
    if art.main_period is not None and (
            (not own and reporting(p.left, a.start)) or (not pool and reporting(0, len(text)))):
        # "this period" is the one just named, when a figure of the sentence before gave
        # it ("... in the first nine months. In this period exports ..."); "the
        # reporting period" the article's
        just = (art.last_period if art.last_sentence == art.sentence - 1
                and not _REPORTING_MAIN.search(text) and art.last_period is not None
                and not is_earlier(art.last_period, art.main_period, art) else None)
        return just or art.main_period, 0.9
    if pool:
        chosen = min(pool, key=distance)
        if chosen.months and chosen.year is None and chosen.relative is None:
            chosen = _with_year(chosen, plain, a, amounts)
            year_named = art.paragraph.period
            if (chosen.year is None and chosen.relative is None and year_named is not None
                    and year_named.months is None and year_named.year is not None):
                # "The start of 2025 was softer. Turnover in the first quarter stood at ...":
                # the year the paragraph named
                chosen = replace(chosen, year=year_named.year)
        if (chosen.year is None and chosen.relative is None and A_YEAR_EARLIER.match(text)
                and (earlier := _one_year_back(chosen, art)) is not None):
            return earlier, 0.85  # "Годом ранее за январь–июнь ...": those months, a year back
        if chosen.relative == 0 and chosen.months is None:
            # "since the start of the year" names no months: the article's months of
            # this year, if its figures are for them
            so_far = _so_far(art)
            return (so_far, 0.85) if so_far is not None else (chosen, 1.0)
        return chosen, 1.0 if own else 0.9
    # "A year earlier, for the same period, the figure was ...": the same-period words
    # stand before the amount (after it, "up 3.8 % year-on-year" compares this figure).
    same = [m for m in compared_all if m.same_period and not _tied(text, m) and (
        m.end <= a.start or BASE_BEFORE.search(text[max(p.left, a.start - 45):a.start]))]
    if same and (earlier := _one_year_back(same[0], art)) is not None:
        # "A year earlier, for the same period, the figure was ...": the period of the
        # figure before it, one year back.
        return earlier, 0.85
    if art.paragraph.period is not None:
        return art.paragraph.period, 0.85
    if art.last_period is not None:
        # A new paragraph after a look back ("In 2022 it was 101.4 million.") returns
        # to the article's own period.
        if art.main_period is not None and is_earlier(art.last_period, art.main_period, art):
            return art.main_period, 0.8
        return art.last_period, 0.8
    if art.named_period is not None:
        # No figure yet: the period the title or the lead named ("Foreign trade,
        # January–June 2025"), for a figure in a paragraph of its own.
        return art.named_period, 0.7
    return None


def _so_far(art: Reading) -> periods.PeriodMention | None:
    """The article's first period, when it is January to month N of the year the
    article appeared in."""
    if art.main_period is None or art.published is None:
        return None
    year, months = periods.resolve(art.main_period, art.published)
    return art.main_period if year == art.published.year and months < 12 else None


def is_earlier(m: periods.PeriodMention, than: periods.PeriodMention, art: Reading) -> bool:
    year, _ = periods.resolve(m, art.published)
    main_year, _ = periods.resolve(than, art.published)
    return year is not None and main_year is not None and year < main_year


def _in_aside(text: str, m: periods.PeriodMention, a: numbers.Amount) -> bool:
    """Whether a period stands in a bracket that holds another amount than ``a``: it
    is that amount's ("113,0 (2022 жылы – 97,2)", for 113,0 and for what follows)."""
    opened = text.rfind("(", 0, m.start)
    if opened < 0 or ")" in text[opened:m.start]:
        return False
    closed = text.find(")", m.end)
    closed = closed if closed >= 0 else len(text)
    if opened <= a.start < closed:
        return False
    return bool(numbers.amounts(text[m.end:closed]))


def _year_before(text: str, a: numbers.Amount, compared: list[periods.PeriodMention],
                 amounts: list[numbers.Amount], art: Reading) -> periods.PeriodMention | None:
    """An amount with "a year before" right next to it ("from $104.2 million a year
    before"), or after "five years earlier" in its clause, is the figure before it, that
    many years back."""
    for m in compared:
        # words after the amount that open a bracket or lead to another amount are that
        # one's: "79.7 (2022 оны мөн үед 70.9)", "3.9, өмнөх оны мөн үеэс 0.6 ... буурсан"
        theirs = m.start >= a.end and ("(" in text[a.end:m.start] or any(
            0 <= x.start - m.end <= 3 for x in amounts))
        if theirs:
            continue
        # (words after the amount tied to a change say what the change is measured on)
        if m.same_period and ((0 <= m.start - a.end <= 4 and not _tied(text, m))
                              or 0 <= a.start - m.end <= 3):
            if m.year is None:
                return _one_year_back(m, art)
            # "$52.9 million in the same months of 2024": the article's months, that year
            if art.last_period is not None:
                _, months = periods.resolve(art.last_period, art.published)
                return replace(m, months=None if months == 12 else months, relative=None)
        if m.back and (0 <= m.start - a.end <= 3 or 0 <= a.start - m.end <= 40):
            return _one_year_back(m, art, m.back)
    return None


# "..., when it stood at", ", когда он составлял": the figure of the year just named.
_WHEN = re.compile(r"^[\s,]*(?:when|at\s+which\s+point|когда)\b[^.;]{0,60}$",
                   re.IGNORECASE)


# "In the reporting period", "за отчетный период", "есепті кезеңде", "тайлант хугацаанд".
_REPORTING_MAIN = re.compile(
    r"\b(?:reporting|review(?:ed)?)\s+period\b|\bотчетн\w+\s+период\w*|\bесепті\s+кезең\w*|"
    r"\bтайлант\s+(?:хугацаа|үе)\w*", re.IGNORECASE)


# ... and "this period", "за этот период", "осы кезеңде", "энэ хугацаанд" as well.
_REPORTING = re.compile(
    _REPORTING_MAIN.pattern + r"|\b(?:this|that|the\s+same)\s+period\b|"
    r"\b(?:за|в)\s+(?:этот|тот\s+же|данный)\s+период\b|\bосы\s+кезең\w*|"
    r"\b(?:энэ|мөн|тус)\s+хугацаа\w*|\bэнэ\s+үе\w*", re.IGNORECASE)


# An amount in brackets right after a change: the figure the change is measured from.
_AFTER_CHANGE = re.compile(r"(?:%|percent|per\s+cent|пайыз|процент|хувь|раза?|есе|дахин)"
                           r"[\w-]*(?:\s+\w+)?\s*\(\s*$", re.IGNORECASE)


def _when(text: str, p: scope.Place, compared: list[periods.PeriodMention],
          art: Reading) -> periods.PeriodMention | None:
    """An amount after "compared with 2023, when the figure totaled" is 2023's (with
    the article's months when the words are "the same period of 2023")."""
    for m in reversed(compared):
        if m.end <= p.amount.start and m.start >= p.left and _WHEN.match(
                text[m.end:p.amount.start]):
            return _compared(m, art)
    return None


def _tied(text: str, m: periods.PeriodMention) -> bool:
    """Whether same-period words say what a change is measured against ("decreased by
    8 percent, year-on-year, to $2.3 million"): they name no figure's period then."""
    return any(0 <= m.start - c.end <= 16 or 0 <= c.start - m.end <= 16
               for c in numbers.changes(text))


def _compared(m: periods.PeriodMention, art: Reading) -> periods.PeriodMention | None:
    """The period a comparison names: its own year and months, the article's months
    for "the same period of 2023", one year back for "the same period last year"."""
    if m.year is None:
        if m.relative is not None and not m.same_period:
            return m  # "чем в январе–июне прошлого года, когда он равнялся ..."
        return _one_year_back(m, art) if m.same_period else None
    if m.same_period and art.last_period is not None and m.months is None:
        _, months = periods.resolve(art.last_period, art.published)
        return replace(m, months=None if months == 12 else months)
    return m


def _one_year_back(m: periods.PeriodMention, art: Reading, years: int = 1
                   ) -> periods.PeriodMention | None:
    if art.last_period is None:
        return None
    year, months = periods.resolve(art.last_period, art.published)
    if year is None:
        return None
    # "the following year" names a figure of its own, not one to compare with
    return replace(m, year=year - years, relative=None, back=0,
                   role="plain" if years < 0 else m.role,
                   months=None if months == 12 else months)


def _with_year(partial: periods.PeriodMention, plain: list[periods.PeriodMention],
               a: numbers.Amount, amounts: list[numbers.Amount]) -> periods.PeriodMention:
    """A January-to-month-N mention without a year takes the year named in the same
    sentence, if no other amount stands between them ("In 2025, in seven months, ...")."""
    # (a year far after the amount is another thing's: "... as a record 2024 harvest")
    years = [m for m in plain if m.months is None and (m.year or m.relative is not None)
             and m.start <= a.end + 40]
    for y in sorted(years, key=lambda m: abs(m.start - partial.start)):
        low, high = sorted((y.start, partial.start))
        if not any(low < x.start < high for x in amounts) or (
                low <= a.start <= high):
            return replace(partial, year=y.year, relative=y.relative)
    return partial


def possible(year: int | None, months: int, mention: periods.PeriodMention,
              published: dt.date | None) -> bool:
    """Whether a period can have a cited figure: "this year" with no months is not a
    period, and a year not over when the article appeared has no full-year figure."""
    if mention.relative == 0 and mention.months is None:
        return False
    if published and year is not None:
        end = dt.date(year, months, 28)
        return end < published
    return True

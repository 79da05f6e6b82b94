"""Plain-text helpers of the extraction engine: sentences with their place in the
article, the article's language, and the names of the two countries (and of others)
as English, Russian, Kazakh and Mongolian news text writes them.

Patterns here are shared by the other modules; each is compiled once.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

# Spaces seen between digits and words in news text (no-break, narrow no-break, thin):
# the characters, for use inside a class, and the class.
SPACES = " \u00a0\u202f\u2009"
SP = f"[{SPACES}]"
# Hyphen, non-breaking hyphen, figure dash, en and em dashes.
DASH = r"[-‐‑‒–—―]"

# Letters only Kazakh writes (Mongolian shares ө and ү with Kazakh, but not these).
_KAZAKH = re.compile(r"[ӘәҒғҚқҢңҰұҺһІі]")
_MONGOLIAN = re.compile(r"[ӨөҮү]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def language(text: str) -> str:
    """The article's language: ``en``, ``ru``, ``kk`` or ``mn``, by its letters."""
    sample = text[:6000]
    latin, cyrillic = len(_LATIN.findall(sample)), len(_CYRILLIC.findall(sample))
    if latin >= cyrillic:
        return "en"
    kazakh, mongolian = len(_KAZAKH.findall(sample)), len(_MONGOLIAN.findall(sample))
    if kazakh >= max(3, cyrillic // 200):
        return "kk"
    if mongolian >= max(3, cyrillic // 200):
        return "mn"
    return "ru"


# --- sentences ---------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    """One sentence: its text exactly as in the article, where it starts, and the
    paragraph (0 is the first block of text, usually the title) it belongs to."""

    text: str
    start: int
    paragraph: int


# Words ending in a full stop that do not end a sentence (lower case, without the stop).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "gov", "approx",
    "est", "г", "гг", "т", "им", "ул", "ж", "жж", "долл", "ам", "др", "пр", "см", "проф",
    "акад", "тт",
})
# From the first mark of a run only: tried at every dot of "....." the search took time in
# the square of the run's length.
_STOP = re.compile(r"(?<![.!?…])[.!?…]+[\"'»”’)\]]*\s+")
_WORD_BEFORE = re.compile(r"(\w+)[.!?…]*[\"'»”’)\]]*\s*$")
_OPENERS = "\"'«“„([—–-"
_WORD_TAIL = 80  # characters before a stop that hold the word it follows
# A news sentence is far shorter than this. A longer run of text (a list or a table run
# together, or text without stops) is read in pieces of at most this length, cut after a
# semicolon, a comma or a space: reading is quick on sentences of news length and slows
# with the square of a sentence's length (an article pasted into the page reaches 100 KB).
MAX_SENTENCE = 1000
_CUTS = ("; ", ", ", " ")
# "97,6 млн долл. Это ...": a currency's abbreviation ends a sentence unless the
# country of the currency follows ("долл. США")
_UNIT_STOP = re.compile(r"(?<!\w)долл\.$", re.IGNORECASE)
_CURRENCY_NEXT = re.compile(r"[\"'«(]*(?:США|US\b|АҚШ|USD|долл|доллар|Доллар)")
_SCALE_STOP = re.compile(r"(?<!\w)(?:млн|млрд|тыс|mln|bln)\.$", re.IGNORECASE)


def sentences(text: str) -> list[Sentence]:
    """The article's sentences, each an exact slice of ``text``.

    A line break always ends a sentence (titles, datelines and paragraphs stand alone);
    inside a line, a stop ends one when a capital or a digit follows, unless the word
    before it is an abbreviation or an initial (``U. Khurelsukh``, ``долл. США``). A
    sentence longer than ``MAX_SENTENCE`` is cut into pieces no longer than that.
    """
    out: list[Sentence] = []
    paragraph, pos = -1, 0
    for line in text.split("\n"):
        start_of_line, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        begin = 0
        for stop in _STOP.finditer(line):
            after = line[stop.end():]
            nxt = after.lstrip(_OPENERS)[:1]
            if not nxt or not (nxt.isupper() or nxt.isdigit()):
                continue
            word = line[max(0, stop.start() - 6):stop.start() + 1]
            if stop.group().startswith(".") and _abbreviation(line[: stop.start()]) and not (
                    _UNIT_STOP.search(word) and not _CURRENCY_NEXT.match(after)):
                continue
            if _SCALE_STOP.search(word) and _CURRENCY_NEXT.match(after):
                continue  # "1,7 млн. АҚШ долларын"
            _add(out, line, begin, stop.end(), start_of_line, paragraph)
            begin = stop.end()
        _add(out, line, begin, len(line), start_of_line, paragraph)
    return out


def _abbreviation(before: str) -> bool:
    # Only the end of the line matters: searching all of it for each stop took time in the
    # square of a line's length (a minute for a 100 KB article pasted as one line).
    word = _WORD_BEFORE.search(before[-_WORD_TAIL:])
    if word is None:
        return False
    token = word.group(1).lstrip("0123456789")  # "2021г." is "г."
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(out: list[Sentence], line: str, begin: int, end: int, offset: int,
         paragraph: int) -> None:
    while end - begin > MAX_SENTENCE:
        cut = _cut(line, begin, begin + MAX_SENTENCE)
        _piece(out, line, begin, cut, offset, paragraph)
        begin = cut
    _piece(out, line, begin, end, offset, paragraph)


def _cut(line: str, begin: int, limit: int) -> int:
    """Where to end a piece of an over-long sentence: after the last semicolon, comma or
    space in its second half, else at the limit."""
    for mark in _CUTS:
        at = line.rfind(mark, begin + MAX_SENTENCE // 2, limit)
        if at >= 0:
            return at + len(mark)
    return limit


def _piece(out: list[Sentence], line: str, begin: int, end: int, offset: int,
           paragraph: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append(Sentence(stripped, offset + begin + lead, paragraph))


# --- countries -----------------------------------------------------------------------
# Each country is named in a role: as the owner of a flow ("Kazakhstan's exports",
# "экспорт Казахстана"), as where goods come from ("from Kazakhstan", "Қазақстаннан")
# or go to ("to Mongolia", "в Монголию"), or as the partner of trade ("with Mongolia").
# A bare name ("Kazakhstan and Mongolia") is a mention without a role.

KZ, MN = "KZ", "MN"

_ROLE_PATTERNS: dict[str, dict[str, str]] = {
    KZ: {
        "owner": (r"\bKazakhstan['’]s\b|\bKazakh(?:stani)?\b(?!\s*[-–]\s*Mongol)|"
                  r"\bказахстанск\w*|\bэкспорт\w*\s+Казахстана\b|\bимпорт\w*\s+Казахстана\b|"
                  r"\bҚазақстанның\b|\bқазақстандық\b|\bеліміздің\b|\bКазахстаны\b|"
                  r"\bКазахстан\s+улсын\b"),
        "source": (r"\bKazakh(?:stani)?\s+(?:goods|products)\b|"
                   r"\bказахстанск\w+\s+(?:продукци|товар)\w*|\bқазақстандық\s+(?:өнім|тауар)\w*|"
                   # Mongolian text's "that country" is Kazakhstan
                   r"\bтус\s+улсаас\b|"
                   r"\bfrom\s+Kazakhstan\b|\bиз\s+Казахстана\b|\bҚазақстаннан\b|"
                   r"\bКазахстан(?:\s+улс)?аас\b|\bКазахстанаас\b|\bКазахстан\s+улсаас\b|"
                   r"\b(?:закупил\w*|купил\w*|приобрел\w*)\s+в\s+Казахстане\b|\bу\s+Казахстана\b"),
        "dest": (r"\b(?:to|into|on)\s+the\s+Kazakh(?:stani)?\s+market\b|\bтус\s+улс\s+руу\b|"
                 r"\bна\s+казахстанский\s+рынок\b|\bҚазақстан\s+нарығына\b|"
                 r"\bКазахстаны\s+зах\s+зээлд\w*|"
                 r"\b(?:to|into)\s+Kazakhstan\b|\bв\s+Казахстан\b|\bҚазақстанға\b|"
                 r"\bКазахстан(?:\s+улс)?\s+руу\b|\bКазахстанд\b|\bКазахстан\s+улсад\b|"
                 r"\bКазахстану\b"),
        "partner": (r"\bwith\s+Kazakhstan\b|\bс\s+Казахстаном\b|\bҚазақстанмен\b|"
                    r"\bКазахстан(?:\s+улс)?тай\b|\bКазахстантай\b|\bКазахстан\s+улстай\b"),
        "name": r"\bKazakh|\bКазах|\bказах|\bҚазақ|\bқазақ",
    },
    MN: {
        "owner": (r"\bMongolia['’]s\b|\bMongolian\b|\bмонгольск\w*|\bэкспорт\w*\s+Монголии\b|"
                  r"\bимпорт\w*\s+Монголии\b|\bМоңғолияның\b|\bМонголияның\b|"
                  r"\bмоңғолиялық\b|\bМонгол(?:\s+улс)?ын\b|\bманай\s+улс(?:ын)?\b"),
        "source": (r"\bMongolian\s+(?:goods|products)\b|"
                   r"\bмонгольск\w+\s+(?:продукци|товар)\w*|\bмоңғол(?:иялық)?\s+(?:өнім|тауар)\w*|"
                   # Kazakh and Russian text's "the neighbouring country" is Mongolia
                   r"\bкөрші\s+елден\b|\bиз\s+соседней\s+страны\b|"
                   r"\bfrom\s+Mongolia\b|\bиз\s+Монголии\b|\bМоңғолиядан\b|"
                   r"\bМонголиядан\b|\bМонгол(?:\s+улс)?оос\b|\bМонгол\s+улсаас\b|"
                   r"\bманай\s+улсаас\b|\bманайхаас\b|"
                   r"\b(?:закупил\w*|купил\w*|приобрел\w*)\s+в\s+Монголии\b|\bу\s+Монголии\b"),
        "dest": (r"\b(?:to|into|on)\s+the\s+Mongolian\s+market\b|\bкөрші\s+елге\b|"
                 r"\bв\s+соседнюю\s+страну\b|\bмонгольским\s+(?:покупател|потребител|партнер|компани)\w*|"
                 r"\bна\s+монгольский\s+рынок\b|\bМоңғолия\s+нарығына\b|"
                 r"\bМонголын\s+зах\s+зээлд\w*|"
                 r"\b(?:to|into)\s+Mongolia\b|\bв\s+Монголию\b|\bМоңғолияға\b|"
                 r"\bМонголияға\b|\bМонгол(?:\s+улс)?\s+руу\b|\bМонголд\b|\bманай\s+улсад\b"),
        "partner": (r"\bwith\s+Mongolia\b|\bс\s+Монголией\b|\bМоңғолиямен\b|"
                    r"\bМонголиямен\b|\bМонгол(?:\s+улс)?тай\b"),
        "name": r"\bMongol|\bМонгол|\bмонгол|\bМоңғол|\bмоңғол",
    },
}
ROLES: dict[str, dict[str, re.Pattern[str]]] = {
    # Case-blind: Mongolian writes "Казахстан Улстай" as well as "Казахстан улстай".
    side: {role: re.compile(p, re.IGNORECASE) for role, p in roles.items()}
    for side, roles in _ROLE_PATTERNS.items()
}

# Both countries at once, or the two of them without names.
BILATERAL = re.compile(
    r"\bbilateral\b|\bmutual\s+trade\b|\b(?:between|of)\s+the\s+two\s+(?:countries|nations|states)\b|"
    r"\btwo\s+countries['’]?\b|"
    r"\bдвусторонн\w*|\bвзаимн\w*\s+товарооборот\w*|\bвзаимн\w*\s+торговл\w*|"
    r"\bмежду\s+(?:нашими\s+|двумя\s+)?странами\b|\bдвух\s+стран\b|"
    r"\bекіжақты\b|\bекі\s+жақты\b|\bекі\s+ел(?:дің|\s+арасындағы)\b|"
    r"\bхоёр\s+(?:орн|улс)\w*|\bхоёр\s+талын\b|\bхарилцан\s+худалдаа\w*",
    re.IGNORECASE,
)

# Trade of the country as a whole: refused unless the partner is named.
FOREIGN_TRADE = re.compile(
    r"\bforeign\s+trade\b|\bexternal\s+trade\b|\boverall\s+trade\b|\btotal\s+foreign\b|"
    r"\bwith\s+the\s+world\b|\bсо\s+(?:всем\s+)?миром\b|\bсо\s+странами\s+мира\b|"
    r"\bәлем\s+елдерімен\b|\bдэлхийн\s+\w+\s+орнуудтай\b|"
    r"\bвнешнеторгов\w*|\bвнешн\w+\s+торговл\w*|\bсыртқы\s+сауда\w*|"
    r"\bгадаад\s+худалдаа\w*",
    re.IGNORECASE,
)

# Other countries and blocs: a figure for trade with one of them is not ours. "АҚШ"
# (the USA) is also the "US" of "US dollars" in Kazakh, so it counts only when no
# dollar follows.
OTHER_COUNTRY = re.compile(
    r"\b(?:China|Chinese|Russia|Russian|Kyrgyz\w*|Uzbek\w*|Tajik\w*|Turkmen\w*|Turkey|"
    r"Türkiye|Turkish|German\w*|Japan\w*|Korea\w*|United\s+States|America\b|EU\b|"
    r"European\s+Union|India\b|Indian|Iran\w*|Azerbaijan\w*|Belarus\w*|EAEU|Italy|French|"
    r"France|Britain|British|Canada|Vietnam\w*|Singapore|Afghan\w*|Pakistan\w*|"
    r"Кита\w+|КНР|Росси\w+|Кыргыз\w*|Киргиз\w*|Узбек\w*|Таджик\w*|Туркмен\w*|Турци\w+|"
    r"Германи\w+|Япони\w+|Коре\w+|США|Евросоюз\w*|Европейск\w+|Инди\w+|Иран\w*|"
    r"Азербайджан\w*|Беларус\w*|ЕАЭС|РФ|ОХУ|БНХАУ|ҚХР|ЕАЭО|"
    r"Қытай\w*|Ресей\w*|Қырғыз\w*|Өзбек\w*|Тәжік\w*|Түрікмен\w*|Түркия\w*|Жапония\w*|"
    r"Корея\w*|АҚШ(?!\s+доллар)|Еуропа\w*|Еуроодақ\w*|Үндістан\w*|Әзірбайжан\w*|"
    r"Хятад\w*|Орос\w*|Солонгос\w*|Япон\w*|Энэтхэг\w*|Герман\w*|Америк\w*(?!\s+доллар))\b",
)


# A country goods pass through is not a partner: "через Россию", "via China", "Ресей
# аумағы арқылы", "ОХУ-ын нутгаар дамжин".
TRANSIT = re.compile(
    r"(?:\bчерез|\bvia|\bthrough|\bacross)\s+(?:the\s+)?(?:территори\w+\s+|territory\s+of\s+)?"
    r"(?:\w+\s+)?\w+(?:'s)?|\b\w+(?:-?\w+)?\s+(?:аумағы\s+)?арқылы|"
    r"\b\w+(?:-?\w+)?\s+(?:нутгаар\s+)?дамж\w*|"
    # a place, not a partner: "пункты перевалки в Китае"
    r"\bв\s+(?:Китае|России|Кыргызстане|Узбекистане|Турции|Германии|Европе)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """A country named in the text: which, in what role, and where."""

    side: str
    role: str
    start: int
    end: int


def country_mentions(text: str) -> list[Mention]:
    """Every naming of Kazakhstan or Mongolia in ``text``, with its role; a bare name is
    listed with the role ``name`` only where no role pattern covers it."""
    found: list[Mention] = []
    for side, roles in ROLES.items():
        for role, pattern in roles.items():
            covered = _Covered([(f.start, f.end) for f in found if f.side == side])
            for m in pattern.finditer(text):
                if role == "name" and covered.covers(m.start()):
                    continue
                found.append(Mention(side, role, m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


class _Covered:
    """Spans that may overlap, and whether one of them covers a position: a binary search
    on their starts and the furthest end so far, rather than a pass over them all for each
    name (a text naming the countries thousands of times took seconds)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max))

    def covers(self, at: int) -> bool:
        i = bisect.bisect_right(self.starts, at)
        return i > 0 and self.reach[i - 1] > at


def other(side: str) -> str:
    return MN if side == KZ else KZ


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked out (same length, so offsets still hold)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)

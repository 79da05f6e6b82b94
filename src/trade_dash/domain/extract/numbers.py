"""Amounts of money, changes in percent or times, and the words that make a figure
approximate, as the outlets write them in English, Russian, Kazakh and Mongolian.

``amounts`` finds every amount in US dollars with its value in US$ million; ``changes``
every stated rise or fall with its sign. Both return spans, so the caller can tell
which words stand around each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from trade_dash.domain.extract.text import DASH, SP

# A number as written: grouped thousands (1,234,567 / 1 234 567) or a plain number with
# an optional decimal part after a point or a comma (74.8 / 74,8).
_NUMBER = (rf"(?P<num>\d{{1,3}}(?:(?:,|{SP})\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
           r"(?![.,]?\d)")
_MIDDLE = r"(?:\s*(?P<mid>гаруй|орчим|шахам))?"  # Mongolian: "80 гаруй сая" (80-odd million)
_SCALE = (r"(?P<scale>million|mln|mn|m(?![\w])|млн|миллион\w*|сая|billion|bln|bn|млрд|"
          r"миллиард\w*|тэрбум|thousand|thou|k(?![\w])|тысяч\w*|тыс|мың|мянга\w*|мянган)")
_BEFORE = r"(?P<cur1>US\s?\$|U\.S\.\s?\$|USD|\$)"
_AFTER = (r"(?P<cur2>(?:US|U\.S\.|American)\s+dollars?|dollars?|USD|US\$|\$|"
          r"доллар\w*(?:\s+США)?|долл\.?(?:\s*США)?|АҚШ\s+доллар\w*|америк\w+\s+доллар\w*|"
          r"ам\.?\s?доллар\w*)")
_OTHER_MONEY = (r"(?P<other>tenge|тенге|теңге|₸|tugriks?|tögrög|төгрөг\w*|₮|рубл\w*|"
                r"roubles?|rubles?|yuan|юан\w*|euros?|евро|€|yen|иен\w*)")

AMOUNT = re.compile(
    rf"(?<![\w.,])(?:{_BEFORE}{SP}?|(?P<other1>[€£₽¥₸₮]){SP}?)?{_NUMBER}{_MIDDLE}"
    rf"(?:{SP}*-?{SP}*{_SCALE}\.?)?{_MIDDLE.replace('mid', 'mid2')}"
    rf"(?:{SP}*{_AFTER}|{SP}*{_OTHER_MONEY})?",
    re.IGNORECASE,
)

# Scale words that say "million" on their own, without a dollar sign near: the short
# forms (m, k, mn, bn) are only read next to a currency.
_LONG_SCALE = re.compile(r"^(?:million|mln|млн|миллион\w*|сая|billion|bln|млрд|миллиард\w*|"
                         r"тэрбум|thousand|тыс|тысяч\w*|мың|мянга\w*|мянган)$", re.IGNORECASE)
_THOUSAND = re.compile(r"^(?:thousand|thou|k|тыс|тысяч\w*|мың|мянга\w*|мянган)$", re.I)
_BILLION = re.compile(r"^(?:billion|bln|bn|млрд|миллиард\w*|тэрбум)$", re.I)

MIN_DOLLARS = 10_000  # a bare dollar amount below this is a price, not trade


@dataclass(frozen=True)
class Amount:
    """An amount of US dollars in the text: its span, its value in US$ million
    (as an exact decimal, so 466 thousand is 0.466), whether a currency was written
    next to it and whether a word inside it ("гаруй") made it approximate."""

    start: int
    end: int
    musd: Decimal
    currency: bool
    approximate: bool


# Round amounts written in words: "half a billion dollars", "полмиллиарда долларов",
# "жарты миллиард доллар", "хагас тэрбум ам.доллар".
_WORDS = re.compile(
    rf"(?<!\d{SP})(?<![\w.,])(?:(?P<half>half{SP}+a{SP}+billion|полмиллиарда|"
    rf"жарты{SP}+миллиард|хагас{SP}+тэрбум)|(?P<one>(?:a|one){SP}+billion|"
    rf"(?:один{SP}+|одного{SP}+)?миллиард(?:а|ов)?|бір{SP}+миллиард|нэг{SP}+тэрбум))"
    rf"{SP}+(?:US{SP}+)?(?:dollars|доллар\w*|долл\.?|ам\.?{SP}?доллар\w*|АҚШ{SP}+доллар\w*)",
    re.IGNORECASE,
)


# Millions and thousands written apart: "84 млн 200 мың доллар", "112 сая 800 мянган
# ам.доллар" (84.2 and 112.8 million).
_COMPOUND = re.compile(
    rf"(?<![\w.,])(?P<big>\d{{1,4}}){SP}*(?:млн|миллион\w*|million|сая){SP}+"
    rf"(?P<small>\d{{1,3}}(?:[.,]\d+)?){SP}*(?:мың|мянга\w*|мянган|тыс\.?|тысяч\w*|thousand)"
    rf"{SP}*{_AFTER}",
    re.IGNORECASE,
)


def amounts(text: str) -> list[Amount]:
    """Every amount of US dollars in ``text``; amounts in other currencies, and bare
    numbers (years, counts, distances), are left out."""
    found = [Amount(m.start(), m.end(), Decimal(500 if m.group("half") else 1000), True, False)
             for m in _WORDS.finditer(text)]
    for m in _COMPOUND.finditer(text):
        small = parse_number(m.group("small"))
        if small is not None:
            found.append(Amount(m.start(), m.end(), Decimal(m.group("big")) + small / 1000,
                                True, False))
    # A number inside an amount in words is not read again. Only those need checking: the
    # numbers' own matches never overlap (checking them all took seconds on long texts).
    in_words = list(found)
    for m in AMOUNT.finditer(text):
        if m.group("other") or m.group("other1"):
            continue
        currency = bool(m.group("cur1") or m.group("cur2"))
        scale = m.group("scale") or ""
        if not currency and not _LONG_SCALE.match(scale):
            continue
        number = parse_number(m.group("num"))
        if number is None:
            continue
        if not scale:
            if number < MIN_DOLLARS:
                continue
            musd = number / Decimal(1_000_000)
        elif _THOUSAND.match(scale):
            musd = number / Decimal(1000)
        elif _BILLION.match(scale):
            musd = number * 1000
        else:
            musd = number
        if musd <= 0:
            continue
        if any(f.start <= m.start() < f.end for f in in_words):
            continue
        found.append(Amount(m.start(), m.end(), musd, currency,
                            bool(m.group("mid") or m.group("mid2"))))
    return sorted(found, key=lambda a: a.start)


# A table's header that gives the unit of the bare numbers below it: "..., мянган
# ам.доллараар:", "(thousand US dollars)", "тыс. долларов США:".
_UNIT_HEADER = re.compile(
    rf"(?:^|[\s,(])(?:in{SP}+)?(?:(?P<thousand>thousands?|мянган|мың|тыс\.?|тысяч\w*)|"
    rf"(?P<million>millions?|сая|млн\.?)){SP}*(?:of{SP}+)?(?:US{SP}+dollars|U\.S\.{SP}+dollars|"
    rf"USD|US\$|ам\.?{SP}?доллар\w*|АҚШ{SP}+доллар\w*|долл\w*\.?(?:{SP}+США)?)\)?{SP}*[:.]?{SP}*$",
    re.IGNORECASE)
# A row of such a table: a label, then its number ("- Бараа эргэлт: 98 412.6").
_ROW = re.compile(rf"^[-–—•*{SP}]*[^:\d]{{2,80}}?[:–—]{SP}*{_NUMBER}"
                  rf"(?!{SP}*(?:%|per|хув|процент|пайыз))", re.IGNORECASE)


def table_unit(text: str) -> Decimal | None:
    """The scale, in US$ million, a table header gives its numbers in; ``None`` if the
    text is no such header."""
    m = _UNIT_HEADER.search(text.rstrip(" |\t"))  # a table's title row: "(сая ам.доллар) | |"
    if m is None:
        return None
    return Decimal("0.001") if m.group("thousand") else Decimal(1)


def row_amount(text: str, unit: Decimal) -> Amount | None:
    """The bare number of a table row, in the table's unit."""
    m = _ROW.match(text)
    number = parse_number(m.group("num")) if m else None
    if m is None or number is None or number <= 0:
        return None
    return Amount(m.start("num"), m.end("num"), number * unit, True, False)


def parse_number(text: str) -> Decimal | None:
    """A number as news text writes it: a comma followed by exactly three digits groups
    thousands (466,000), any other comma is a decimal mark (30,4); spaces group."""
    t = re.sub(SP, "", text)
    if "," in t and "." in t:  # the later mark is the decimal one: 1,234.5 / 1.234,5
        t = (t.replace(",", "") if t.rfind(",") < t.rfind(".")
             else t.replace(".", "").replace(",", "."))
    elif "," in t:
        groups = t.split(",")
        t = t.replace(",", "") if len(groups) > 2 or len(groups[1]) == 3 else t.replace(",", ".")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def plain(value: Decimal) -> str:
    """A value as the data file writes it: a point as decimal mark, no exponent, the
    decimals the source gave (74.0, 0.466, 1200)."""
    return format(value, "f")


# --- approximate figures -------------------------------------------------------------

_APPROX_BEFORE = re.compile(
    r"(?:\babout|\baround|\bapproximately|\bapprox\.|\broughly|\bnearly|\balmost|\bsome|"
    r"\bover|\bmore\s+than|\bjust\s+(?:over|under)|\bclose\s+to|\bin\s+excess\s+of|\babove|"
    r"\bоколо|\bболее(?:\s+чем)?(?:\s+на)?|\bсвыше\s+чем(?:\s+на)?|\bпорядка|\bпочти|\bсвыше|\bпримерно|\bприблизительно|"
    r"\bбез\s+малого|\b(?:примерно|приблизительно|около|почти)\s+(?:в|на|до)|\b(?:чуть\s+|немногим\s+)?больше|\bшамамен|\bшамасы|\bжуық|\bбараг|\bойролцоогоор|\bбараг\s+л|"
    # "exceeded $100 million" gives a floor, not the figure
    r"\bexceeded|\btopped|\bsurpassed|\bпревысил\w*|\bпревыша\w*|\bприблизил\w*\s+к|"
    r"\bapproached|\bneared)"
    r"\s*$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(
    r"^\s*(?:астам\w*|асты|асып|асады|асқан\w*|сәл\s+(?:ғана\s+)?ас\w*|орчм\w*|шамасында|жуық|"
    r"жуықта\w*|жуығ\w*|артық|орчим|гаруй|"
    r"шахам|илүү|or\s+so|"
    r"-?аас\s+илүү|давлаа|давсан|давжээ|давав|давж)\b",
    re.IGNORECASE,
)


def approximate(text: str, amount: Amount) -> bool:
    """Whether a word before or after ``amount`` says it is rounded."""
    return (amount.approximate or bool(_APPROX_BEFORE.search(text[max(0, amount.start - 30):
                                                                   amount.start]))
            or bool(_APPROX_AFTER.match(text[amount.end:amount.end + 20])))


# --- changes ---------------------------------------------------------------------------

# English writes small percentages in words: "nine percent more".
_PCT_WORDS = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"))} | {"thirty": 30, "forty": 40, "fifty": 50}
_PERCENT = re.compile(
    rf"(?P<pct>\d+(?:[.,]\d+)?|\b(?:{'|'.join(_PCT_WORDS)})(?={SP}+per{SP}?cent))"
    rf"(?:{SP}+(?:орчим|гаруй|шамасында))?"  # "6 орчим хувиар": about 6 percent
    rf"{SP}?(?:%|per{SP}?cent\b|percent\b|процент\w*|пайыз\w*|"
    r"хувь\w*|хуви\w*)(?:-?[а-яөүәғқңұһі]+)?",
    re.IGNORECASE,
)
_TIMES = re.compile(
    rf"(?:\bin{SP}+|\bв{SP}+)?(?:(?P<times>\d+(?:[.,]\d+)?)|(?P<word>полтора|два|три|"
    rf"бір{SP}жарым|екі|үш|хоёр|гурав)){SP}?{DASH}?{SP}?"
    r"(?P<unit>times\b|fold\b|раза?\b|есе\w*|дахин\w*)",
    re.IGNORECASE,
)
_DOUBLED = re.compile(r"\b(?:doubled|вдвое|екі\s+есе)\b", re.IGNORECASE)
_TIMES_WORDS = {"полтора": 1.5, "два": 2, "три": 3, "бір жарым": 1.5, "екі": 2, "үш": 3,
                "хоёр": 2, "гурав": 3}

UP = re.compile(
    # ("made up 63 percent of the total" is a share)
    r"\b(?:(?<!made\s)(?<!make\s)(?<!makes\s)up|ris\w*|rose|grew|grow\w*|increas\w*|higher|"
    r"more|gain\w*|jump\w*|surg\w*|"
    r"expand\w*|climb\w*|рост\w*|вырос\w*|увелич\w*|больше|выше|прирост\w*|повыс\w*|подня\w*|"
    r"прибав\w*|нараст\w*|нарасти\w*|превыша\w*|превыси\w*|exceed\w*|"
    r"өс\w*|арт\w*|ұлғай\w*|көбей\w*|жоғары|көп|нэмэгд\w*|их|илүү)\b",
    re.IGNORECASE,
)
DOWN = re.compile(
    r"\b(?:down|fell|fall\w*|decreas\w*|declin\w*|lower|less|drop\w*|shr[ai]nk\w*|"
    r"contract\w*|сниз\w*|сниж\w*|сократ\w*|сокращ\w*|уменьш\w*|меньше|ниже|упал\w*|падени\w*|"
    r"спад\w*|төменде\w*|төмен|азай\w*|қысқар\w*|кеми\w*|кемі\w*|кем|аз|буур\w*|багас\w*|унас\w*|бага)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Change:
    """A stated rise or fall: its span and the change in percent (+50 for "in 1.5
    times", -50 for "fell by half as much")."""

    start: int
    end: int
    pct: float


def changes(text: str) -> list[Change]:
    """Every change in ``text`` that a word of rising or falling goes with; a bare
    percentage ("60 % of trade") is a share, not a change, and is left out."""
    found = []
    # "131.4 болж 13.6 хувиар, ... 27.5 хувиар тус тус өсөв": one verb for them all
    only = _only_direction(text) if _RESPECTIVELY.search(text) else 0
    for m in _PERCENT.finditer(text):
        written = text[max(0, m.start() - 1):m.start()]
        if written in "–—" and written and not re.search(r"[(\s]$", text[:m.start() - 1]):
            written = ""  # "2019–20 %" is a range; "(–23,2%)" a fall
        sign = ({"+": 1, "-": -1, "−": -1, "–": -1, "—": -1}.get(written)
                or _direction(text, m.start(), m.end()) or only)
        if sign:
            found.append(Change(m.start(), m.end(), sign * _decimal(m.group("pct"))))
        elif (index := _index(text, m)) is not None:
            found.append(Change(m.start(), m.end(), index))
    for m in _TIMES.finditer(text):
        factor = (_decimal(m.group("times")) if m.group("times")
                  else _TIMES_WORDS[re.sub(SP, " ", m.group("word").lower())])
        if factor <= 1:
            continue
        # "in 1.5 times" / "в 1,5 раза" is a rise even without a verb near it.
        sign = _direction(text, m.start(), m.end()) or (1 if m.group(0)[:1] in "iIвВ" else 0)
        if not sign:
            continue
        pct = (factor - 1) * 100 if sign > 0 else -(1 - 1 / factor) * 100
        found.append(Change(m.start(), m.end(), round(pct, 1)))
    for m in _DOUBLED.finditer(text):
        if not any(c.start <= m.start() < c.end for c in found):
            found.append(Change(m.start(), m.end(), 100.0))
    return sorted(found, key=lambda c: c.start)


# A statistics office's index in brackets: "(2020 жылғы қаңтар–қыркүйекке 144,1%)",
# "(в % к январю–сентябрю 2020 года: 144,1)" is 44.1 % more than that period.
_INDEX_BEFORE = re.compile(r"\((?:[^()]{0,60}?(?:ке|ға|ге|қа|ка|на|қарағанда|салыстырғанда)"
                           r"|[^()]{0,40}\b(?:к|to|of)\s+"
                           r"[^()]{1,40}?)\s*$", re.IGNORECASE)


def _index(text: str, m: re.Match[str]) -> float | None:
    """The change an index gives (100 is no change), or ``None``: in brackets after
    what it is measured against ("(2020 жылғы қаңтар–қыркүйекке 144,1%)"), alone in
    brackets after an amount when above 100 (a share never is: "21 905,1 мың АҚШ
    долларын (108,7%)"), or said to be that share of the period compared with
    ("... салыстырғанда 110,4%-ды құрады", "составил 110,4% к уровню 2023 года")."""
    pct = _decimal(m.group("pct"))
    if not 20 <= pct <= 400:
        return None
    bracketed = text.startswith(")", m.end())
    if bracketed and _INDEX_BEFORE.search(text[max(0, m.start() - 80):m.start()]):
        return round(pct - 100, 1)
    opens = re.search(r"(?:\(|\b(?:или|or|яғни|буюу))\s*$", text[max(0, m.start() - 6):m.start()])
    if opens and _INDEX_TO.match(text, m.end()):
        return round(pct - 100, 1)  # "(128,5% к январю–июню 2020г.)"
    if bracketed and pct > 100 and _AMOUNT_BRACKET.search(text[max(0, m.start() - 40):m.start()]):
        return round(pct - 100, 1)
    compared = _INDEX_COMPARED.search(text[max(0, m.start() - 60):m.start()])
    if compared and (_INDEX_VERB.match(text, m.end()) or _VERB_BEFORE.search(
            text[max(0, m.start() - 20):m.start()])):
        return round(pct - 100, 1)  # "по сравнению с 2024 годом составил 112,2%"
    return None


_VERB_BEFORE = re.compile(r"(?:составил\w*|составляет|құрады|болды)\s*$", re.I)
_INDEX_TO = re.compile(r"\s+(?:к|ко|to|against|versus)\s+[^()]{1,40}(?:\)|$|[.;])", re.I)
_AMOUNT_BRACKET = re.compile(r"(?:доллар\w*|dollars|USD|\$|млн\.?|million)\s*\(\s*$", re.I)
_INDEX_VERB = re.compile(r"(?:-?(?:ды|ді|ты|ті))?\s*(?:құрады|составил\w*|болды|болсон)", re.I)
_INDEX_COMPARED = re.compile(
    r"салыстырғанда|по\s+сравнению\s+с|харьцуулахад|compared\s+(?:to|with)", re.I)


def _decimal(text: str) -> float:
    if text.lower() in _PCT_WORDS:
        return float(_PCT_WORDS[text.lower()])
    return float(text.replace(",", "."))


# "22,2 пайызға, яғни 7,5 млн долларға ұлғайған": the amount restated, then the verb
_RESTATED = re.compile(r",\s*(?:яғни|буюу|тодруулбал|т\.\s?е\.|i\.\s?e\.,?|that\s+is,?)\s+",
                       re.IGNORECASE)


# "Рост, таким образом, составил 12%.": a sentence that opens with the change's noun
_OPENING_UP = re.compile(r"^\W*(?:рост|прирост|увеличение|growth|the\s+increase|increase|өсім|"
                         r"өсу|өсөлт)\b", re.IGNORECASE)
_OPENING_DOWN = re.compile(r"^\W*(?:снижение|сокращение|падение|спад|the\s+decline|decline|"
                           r"decrease|қысқару|төмендеу|бууралт)\b", re.IGNORECASE)


_RESPECTIVELY = re.compile(r"\b(?:тус\s+тус|respectively|соответственно|тиісінше|сәйкесінше)\b",
                           re.IGNORECASE)


def _only_direction(text: str) -> int:
    """+1 or -1 when the text has words of rising or of falling but not both."""
    words = {1 if UP.search(text) else 0, -1 if DOWN.search(text) else 0} - {0}
    return next(iter(words)) if len(words) == 1 else 0


def each_change(text: str) -> list[Change]:
    """The percentages of a sentence that gives one change per flow with one verb at its
    end ("экспорт 6,5%-ға, импорт 12,7%-ға өсті", "exports rose 6.5 % and imports 12.7
    %"): each takes its own word of rising or falling, else the sentence's only one."""
    only = _only_direction(text)
    out = []
    for m in _PERCENT.finditer(text):
        sign = _direction(text, m.start(), m.end()) or only
        if sign:
            out.append(Change(m.start(), m.end(), sign * _decimal(m.group("pct"))))
    return out


def opening_change(text: str) -> Change | None:
    """The one percentage of a sentence that opens with a change's noun."""
    sign = 1 if _OPENING_UP.match(text) else -1 if _OPENING_DOWN.match(text) else 0
    found = list(_PERCENT.finditer(text))
    if not sign or len(found) != 1:
        return None
    m = found[0]
    return Change(m.start(), m.end(), sign * _decimal(m.group("pct")))


def _direction(text: str, start: int, end: int) -> int:
    """+1 or -1 by the nearest word of rising or falling around a number, 0 if none."""
    # "more than 60 %" before a number makes it approximate, not a change
    before = re.split(r"[;:]|,\s", text[max(0, start - 45):start])[-1]
    before = re.sub(r"\b(?:more|less)\s+than\s*$", " ", before, flags=re.IGNORECASE)
    # "22,2 пайызға, яғни 7,5 млн долларға ұлғайған": the verb is after the restatement
    after = text[end:end + 30]
    if said := _RESTATED.match(text, end):
        after = text[said.end():said.end() + 40]
    after = re.split(r"[;:,]", after)[0] if not said else re.split(r"[;:]|,\s", after)[0]
    best: tuple[int, int] | None = None
    for sign, pattern in ((1, UP), (-1, DOWN)):
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            if best is None or distance < best[0]:
                best = (distance, sign)
        for m in pattern.finditer(after):
            if best is None or m.start() < best[0]:
                best = (m.start(), sign)
    return 0 if best is None else best[1]

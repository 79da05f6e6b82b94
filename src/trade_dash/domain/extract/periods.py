"""The periods a trade figure can cover, as the outlets write them: a year ("in 2023",
"по итогам 2024 года", "2023 жылы", "2023 онд"), January to month N ("January–July
2025", "in the first seven months", "за 7 месяцев", "қаңтар–шілде", "эхний 7 сард",
"1-7 дугаар сард"), and "last year" / "this year", resolved against the publication
date.

Each mention has a role: ``plain`` (the period of a figure), ``compare`` (what a
change is measured against: "compared with 2023", "the same period last year",
"2024 жылмен салыстырғанда") or ``deadline`` ("by 2030", "2030 жылға дейін").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from trade_dash.domain.extract.text import DASH, SP, SPACES

_I = re.IGNORECASE

# Month names, by number, as a pattern each (English, Russian and Kazakh stems, and
# Mongolian ordinal months: "долдугаар сар" is July).
_MONTHS = (
    r"jan(?:uary)?|январ\w*|қаңтар\w*|нэгдүгээр\s+сар\w*",
    r"feb(?:ruary)?|феврал\w*|ақпан\w*|хоёрдугаар\s+сар\w*",
    r"mar(?:ch)?|март\w*|наурыз\w*|гуравдугаар\s+сар\w*",
    r"apr(?:il)?|апрел\w*|сәуір\w*|дөрөвдүгээр\s+сар\w*",
    r"may|ма[йяе]|мамыр\w*|тавдугаар\s+сар\w*",
    r"june?|июн\w*|маусым\w*|зургаадугаар\s+сар\w*",
    r"july?|июл\w*|шілде\w*|долдугаар\s+сар\w*",
    r"aug(?:ust)?|август\w*|тамыз\w*|наймдугаар\s+сар\w*",
    r"sep(?:t(?:ember)?)?|сентябр\w*|қыркүйе[кг]\w*|есдүгээр\s+сар\w*",
    r"oct(?:ober)?|октябр\w*|қазан\w*|аравдугаар\s+сар\w*",
    r"nov(?:ember)?|ноябр\w*|қараша\w*|арван\s+нэгдүгээр\s+сар\w*",
    r"dec(?:ember)?|декабр\w*|желтоқсан\w*|арван\s+хоёрдугаар\s+сар\w*",
)
_MONTH_RES = tuple(re.compile(rf"^(?:{p})\.?$", _I) for p in _MONTHS)
_ANY_MONTH = "|".join(f"(?:{p})" for p in reversed(_MONTHS))  # longer Mongolian first
_MONTH_RANGE = re.compile(
    rf"(?<!\w)(?:с{SP}+)?(?P<m1>{_ANY_MONTH})\.?(?:{SP}*{DASH}{SP}*|{SP}+(?:to|through|till|"
    rf"until|по){SP}+|{SP}+)(?P<m2>{_ANY_MONTH})\.?(?!\w)(?:{SP}+(?:дейін|хүртэл))?",
    _I,
)
# One month of a year ("in July 2025", "в июле 2025 года"): January is January to
# month 1; another month is a period the data file cannot hold. With a day it is a date
# ("on 28 October 2024", "October 28, 2024"), which is no period at all.
_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?P<day>\d{{1,2}}{SP}+)?(?P<m1>{_ANY_MONTH})\.?(?P<day2>{SP}+\d{{1,2}},?)?"
    rf"{SP}+(?:of{SP}+)?(?P<year>(?:19|20)\d{{2}})(?!\d)(?:{SP}*(?:года?|г\.))?",
    _I,
)
# One month without a year: "in July", "в июле", "шілдеде", "7 дугаар сард", "долдугаар
# сард" ("сарын 24" after it makes a date). January is January to month 1; any other
# month is a period the data file cannot hold.
_ONE_MONTH = re.compile(
    rf"(?<![\w\d{DASH}])(?:(?:in|during|в|во){SP}+(?P<m1>(?-i:[A-Z][a-z]+)|[а-яё]+)"
    rf"|(?P<m2>қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|"
    rf"желтоқсан){SP}*(?:айында|айының|да|де|та|те)"
    rf"|(?<!эхний{SP})(?P<n>\d{{1,2}}|[IVX]{{1,4}}){SP}*(?:-?р{SP}+|-?{SP}*(?:дугаар|дүгээр){SP}+|"
    rf"{SP}+)сар(?:д|ын)"
    rf"|(?P<m3>(?:арван{SP}+)?[а-яөү]+(?:дугаар|дүгээр){SP}+сар)(?:д|ын))(?!\w)(?!{SP}*\d)",
    re.IGNORECASE)
_BETWEEN = re.compile(
    rf"(?<!\w)between{SP}+(?P<m1>{_ANY_MONTH})\.?{SP}+and{SP}+(?P<m2>{_ANY_MONTH})\.?(?!\w)", _I)
_MN_RANGE = re.compile(
    rf"(?<![\w.,])(?:1|I){SP}*(?:-?р{SP}+сараас{SP}+|{DASH}{SP}*)(?P<n>\d{{1,2}}|[IVX]{{1,4}})"
    rf"{SP}*(?:-?р\b|-?{SP}*(?:дугаар|дүгээр|дахь|дэх))?{SP}*сар\w*(?:{SP}+хүртэл)?",
    _I,
)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11,
    "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3,
    "четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
    "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9, "девяти": 9, "десять": 10,
    "десяти": 10, "одиннадцать": 11, "одиннадцати": 11,
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8,
    "тоғыз": 9, "он": 10, "он бір": 11,
    "нэг": 1, "хоёр": 2, "гурав": 3, "гурван": 3, "дөрөв": 4, "дөрвөн": 4, "тав": 5,
    "таван": 5, "зургаа": 6, "зургаан": 6, "долоо": 7, "долоон": 7, "найм": 8, "найман": 8,
    "ес": 9, "есөн": 9, "арав": 10, "арван": 10, "арван нэг": 11,
}
_WORDS = "|".join(sorted((re.escape(w).replace(r"\ ", SP) for w in _NUMBER_WORDS),
                         key=len, reverse=True))
_N = rf"(?P<n>\d{{1,2}}|{_WORDS})"
_N_MONTHS = re.compile(
    rf"(?<!\w)(?:(?:the{SP}+)?first{SP}+|перв\w+{SP}+|алғашқы{SP}+|бірінші{SP}+)?{_N}"
    rf"(?:{SP}+|{SP}*-{SP}*)(?:months?\b|месяц\w*|ай(?:да|ында|ы|дың|ының|дағы|"
    rf"ындағы|лық)?\b)",
    _I,
)
# "9 дүгээр сарын эцсийн байдлаар" (as of the end of September): January to September.
_MN_AS_OF = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,2}}|[IVX]{{1,4}}){SP}*(?:-?р|-?{SP}*(?:дугаар|дүгээр)){SP}+сарын{SP}+"
    rf"(?:\d{{1,2}}(?:-?(?:ний|ны|нд|ээр))?{SP}+)?"  # "7 дугаар сарын 31-ний байдлаар"
    rf"(?:эцсийн{SP}+байдлаар|эцэст|эцэс{SP}+(?:гэхэд|хүртэл)|байдлаар)", _I)
# From the first of January to a day of month N: "1 дүгээр сарын 1-нээс 6 дугаар сарын
# 30-ны хооронд", "с 1 января по 30 июня", "from January 1 to June 30".
_MN_ORDINAL = rf"{SP}*(?:-?р|-?{SP}*(?:дүгээр|дугаар)){SP}+сарын{SP}+"
_FROM_JANUARY = re.compile(
    rf"(?<![\w.,])(?:1|I){_MN_ORDINAL}1-?(?:нээс|ээс){SP}+(?P<n>\d{{1,2}}){_MN_ORDINAL}"
    rf"\d{{1,2}}-?(?:ны|ний|нд|г){SP}+(?:хооронд|хүртэл)"
    rf"|\bс{SP}+1{SP}+января{SP}+по{SP}+\d{{1,2}}{SP}+(?P<m1>{_ANY_MONTH})"
    rf"|\b(?:from|between){SP}+(?:1{SP}+January|January{SP}+1(?:st)?){SP}+(?:to|and|through|till|"
    rf"until){SP}+(?:\d{{1,2}}{SP}+(?P<m2>{_ANY_MONTH})|(?P<m3>{_ANY_MONTH}){SP}+\d{{1,2}})", _I)
# "есөн сарын байдлаар" (as of nine months), "эхний сард" (in the first month).
_MN_MONTHS_AS_OF = re.compile(rf"(?<!\w)(?:{_WORDS}){SP}+сарын{SP}+(?:эцсийн{SP}+)?байдлаар", _I)
_MN_FIRST_MONTH = re.compile(rf"(?<!\w)эхний{SP}+сар(?:д|ын)\b", _I)
# In Mongolian "7 сар" is July: January to July needs "эхний" (the first).
_MN_FIRST = re.compile(rf"(?<!\w)эхний{SP}+{_N}{SP}+сар\w*", _I)
_HALF = re.compile(
    rf"(?<!\w)(?:(?:the{SP}+)?first{SP}+half(?:[{SPACES}-]year)?|H1\b|перв\w+{SP}+полугоди\w*|"
    rf"(?:I|1){SP}+полугоди\w*|(?:бірінші|алғашқы){SP}+жарты{SP}*жыл\w*|"
    rf"(?:жылдың{SP}+)?(?:бірінші|алғашқы){SP}+жартысында\b|жарты{SP}+жыл(?:да|ында)\b|"
    rf"(?:эхний{SP}+)?хагас{SP}+жил\w*)",
    _I,
)
_QUARTER = re.compile(
    rf"(?<!\w)(?:(?:the{SP}+)?first{SP}+quarter|Q1\b|перв\w+{SP}+квартал\w*|I{SP}+квартал\w*|"
    rf"бірінші{SP}+тоқсан\w*|эхний{SP}+улирал\w*|эхний{SP}+улирл\w*)",
    _I,
)
# A later quarter alone is no period of the data file: "in the second quarter",
# "екінші тоқсанда", "II квартал", "хоёрдугаар улиралд".
_LATER_QUARTER = re.compile(
    rf"(?<!\w)(?:(?:second|third|fourth){SP}+quarter|Q[234]\b|(?:втор|трет|четверт)\w+{SP}+"
    rf"квартал\w*|(?:II|III|IV){SP}+квартал\w*|(?:екінші|үшінші|төртінші){SP}+тоқсан\w*|"
    rf"(?:хоёр|гурав|дөрөв)\w*{SP}+улира?л\w*)", _I)

_YEAR = re.compile(
    rf"(?<![\w.,‐])(?<!\w-)(?P<year>(?:19|20)\d{{2}})(?!\d)(?!{SP}*{DASH}{SP}*(?:19|20)\d{{2}})"
    rf"(?:{SP}*(?:year\b|гг?\.|год\w*|жыл\w*|ж\.|он\w*)|-(?:м|го|й|е|ом|ым)\b)?",
    _I,
)
_AFTER_RANGE = re.compile(rf"(?:19|20)\d{{2}}{SP}*{DASH}{SP}*$")
_RANGE_REACH = 40  # characters before a year that _AFTER_RANGE looks at

_THIS = re.compile(
    rf"\bthis{SP}+year\b|\bthe{SP}+current{SP}+year\b|\byear[{SPACES}-]to[{SPACES}-]date\b|"
    rf"\bв{SP}+(?:этом|текущем|нынешнем){SP}+году\b|\b(?:этого|текущего|нынешнего){SP}+года\b|"
    rf"\bс{SP}+начала{SP}+(?:этого{SP}+|текущего{SP}+)?года\b|\bбиыл\w*|"
    rf"\bағымдағы{SP}+жыл\w*|\bосы{SP}+жыл\w*|\bэнэ{SP}+(?:онд|оны|жил\w*)|\bоны{SP}+эхнээс\b",
    _I,
)
_LAST = re.compile(
    rf"\blast{SP}+year\b|\bthe{SP}+(?:previous|past|preceding){SP}+year\b|"
    rf"\bв{SP}+(?:прошлом|минувшем|предыдущем){SP}+году\b|"
    rf"\b(?:прошлого|минувшего|предыдущего){SP}+года\b|\bза{SP}+(?:весь{SP}+)?прошлый{SP}+год\b|"
    rf"\bпрошлый{SP}+год\b|"
    rf"\bөткен{SP}+жыл\w*|\bбылтыр\w*|\bөнгөрсөн{SP}+(?:онд|оны|жил\w*)|\bөмнөх{SP}+оны?\b",
    _I,
)

# What a change is measured against: the same months of the previous year.
_SAME_PERIOD = re.compile(
    rf"(?:the{SP}+)?(?:same|corresponding){SP}+(?:period|months?)(?:{SP}+(?:of|in|a))?"
    rf"(?:{SP}+the)?{SP}+(?:(?:last|previous|prior){SP}+year|(?P<y1>(?:19|20)\d{{2}})|"
    rf"a{SP}+year{SP}+(?:earlier|ago|before))|\ba{SP}+year{SP}+(?:earlier|ago|before)\b|"
    rf"\byear[{SPACES}-]on[{SPACES}-]year\b|\by/y\b|\byoy\b|"
    rf"аналогичн\w+{SP}+период\w*(?:{SP}+(?:прошлого|предыдущего){SP}+"
    rf"года|{SP}+(?P<y2>(?:19|20)\d{{2}})(?:{SP}+года?|-го))?|"
    rf"т(?:от|ого|е|ех){SP}+же{SP}+(?:период\w*|месяц\w*){SP}+(?:(?:прошлого|предыдущего){SP}+"
    rf"года|годом{SP}+(?:ранее|раньше)|(?P<y5>(?:19|20)\d{{2}}){SP}+года?)|\bгод{SP}+назад\b|"
    rf"\bв{SP}+годовом{SP}+выражении\b|\bг/г\b|\bгодом{SP}+ранее\b|\bгодом{SP}+раньше\b|"
    # "осы кезең" (this period) and "мөн үе" (the same time) need the year before named
    rf"(?:(?:(?:өткен|былтырғы|(?P<y3>(?:19|20)\d{{2}})){SP}+жыл\w*|былтырғы){SP}+"
    rf"(?:сәйкес|осы|тиісті)|(?:сәйкес|тиісті)){SP}+кезең\w*|"
    rf"(?:өмнөх|өнгөрсөн|(?P<y4>(?:19|20)\d{{2}})){SP}+оны{SP}+мөн{SP}+үе\w*|"
    rf"\b(?:былтыр|өткен{SP}+жылы){SP}+осы{SP}+(?:уақытта|мезгілде)",
    _I,
)
_COMPARE_WORDS = (
    rf"(?:\bcompare[sd]?{SP}+(?:to|with)|\bin{SP}+comparison{SP}+(?:to|with)|\bagainst|\bversus|"
    rf"\bvs\.?|\bthan(?:{SP}+in)?|\brelative{SP}+to|"
    rf"\bпо{SP}+сравнению{SP}+с|\bв{SP}+сравнении{SP}+с|\bотносительно|\bпротив|"
    rf"\bчем{SP}+(?:в|за)"
)
_COMPARE_TAIL = (rf"{SP}+(?:the{SP}+)?(?:(?:year|level{SP}+of|figures?{SP}+(?:of|for)){SP}+)?"
                 rf"(?:in{SP}+)?$")
_COMPARE_BEFORE = re.compile(_COMPARE_WORDS + ")" + _COMPARE_TAIL, _I)
_BACK_WORDS = {"двумя": 2, "тремя": 3, "четырьмя": 4, "пятью": 5, "шестью": 6, "семью": 7,
               "десятью": 10}
_YEARS_BACK = re.compile(
    rf"(?<!\w)(?P<n>\d{{1,2}}|{_WORDS}|{'|'.join(_BACK_WORDS)}){SP}+(?:years?{SP}+(?:earlier|"
    rf"before|ago)|годами{SP}+(?:ранее|раньше)|(?:года?|лет){SP}+назад|жыл{SP}+бұрын|"
    rf"жилийн{SP}+өмнө)",
    _I,
)
# "Індетке дейінгі жылы" (the year before the pandemic): the year before the figure's.
_YEAR_BEFORE_IT = re.compile(rf"(?<!\w)\w+(?:ке|ға|ге|қа|ка|на){SP}+дейінгі{SP}+жыл(?:ы|да)\b", _I)
# "The following year it fell to ...": the year after the figure before it.
_YEAR_AFTER = re.compile(
    rf"\b(?:the{SP}+(?:following|next|subsequent){SP}+year|a{SP}+year{SP}+later)\b|"
    rf"\bв{SP}+следующем{SP}+году\b|\bгодом{SP}+позже\b|\bкелесі{SP}+жыл(?:ы|да)\b|"
    rf"\bбір{SP}+жылдан{SP}+кейін\b|\bдараа{SP}+(?:жил(?:д|ийн)?|он(?:д|ы)?)\b|"
    rf"\bдараагийн{SP}+(?:жил|он)\w*",
    _I,
)
# Short words that compare only before a bare year ("up 5 % on 2023", "с 2019 года"):
# before "the first seven months" they say when, not against what.
_COMPARE_BEFORE_YEAR = re.compile(
    _COMPARE_WORDS + rf"|\bover|\bfrom|\bsince|\bon|\bс|\bот|\bк{SP}+уровню)" + _COMPARE_TAIL, _I)
_COMPARE_SUFFIX = re.compile(r"(?:жылмен|жылғымен|жылдан|жылғыдан|оноос|оныхоос|онтой|"
                             r"годом)$", _I)
_COMPARE_AFTER = re.compile(
    rf"^{SP}*(?:жыл\w*{SP}+)?(?:салыстырғанда|қарағанда)|^{SP}*(?:оны{SP}+)?мөн{SP}+үе|"
    rf"^{SP}*(?:онтой|оныхтой)?{SP}*харьцуулахад|^{SP}*бастап",
    _I,
)
# "(2020 жылғы қаңтар–қыркүйекке 144,1%)": the period an index is measured against
_INDEX_AFTER = re.compile(rf"^{SP}*(?:\w+{SP}+)?\d{{2,3}}(?:[.,]\d+)?{SP}?%{SP}*\)")
_DEADLINE_BEFORE = re.compile(
    rf"(?:\bby|\buntil|\btill|\bbefore|\bк|\bдо){SP}+(?:the{SP}+end{SP}+of{SP}+)?$", _I)
_DEADLINE_AFTER = re.compile(rf"^{SP}*(?:дейін|қарай|гэхэд|хүртэл)", _I)


@dataclass(frozen=True)
class PeriodMention:
    """A period named in the text. ``year`` is the year written, ``relative`` the year
    meant relative to publication (0 this year, -1 last year), ``months`` January to
    month N (``None``: a year as a whole; 0: months that do not start in January, which
    the data file cannot hold)."""

    start: int
    end: int
    year: int | None = None
    relative: int | None = None
    months: int | None = None
    role: str = "plain"
    same_period: bool = False
    # "five years earlier": years before the figure it follows (-1: "the following year")
    back: int = 0


def mentions(text: str) -> list[PeriodMention]:
    """Every period named in ``text``, in order, with its role."""
    found = [PeriodMention(m.start(), m.end(), year=_first_year(m), role="compare",
                           same_period=True) for m in _SAME_PERIOD.finditer(text)]
    for m in _YEARS_BACK.finditer(text):
        word = re.sub(SP, " ", m.group("n").lower())
        back = int(word) if word.isdigit() else _BACK_WORDS.get(word) or _NUMBER_WORDS[word]
        found.append(PeriodMention(m.start(), m.end(), role="compare", back=back))
    found += [PeriodMention(m.start(), m.end(), role="compare", back=-1)
              for m in _YEAR_AFTER.finditer(text)]
    found += [PeriodMention(m.start(), m.end(), role="compare", back=1)
              for m in _YEAR_BEFORE_IT.finditer(text)]
    taken = _Taken([(p.start, p.end) for p in found])
    partial = []
    for pattern, months in ((_BETWEEN, None), (_MONTH_RANGE, None), (_MN_RANGE, None),
                            (_N_MONTHS, None),
                            (_MN_FIRST, None), (_HALF, 6), (_QUARTER, 3)):
        for m in pattern.finditer(text):
            n = months or _months(m)
            if n is not None and taken.free(m.start(), m.end()):
                partial.append(PeriodMention(m.start(), m.end(), months=n))
                taken.add(m.start(), m.end())
    for m in _FROM_JANUARY.finditer(text):
        word = m.group("m1") or m.group("m2") or m.group("m3")
        last = _month(word) if word else int(m.group("n"))
        if last is not None and 1 <= last <= 12 and taken.free(m.start(), m.end()):
            partial.append(PeriodMention(m.start(), m.end(), months=last))
            taken.add(m.start(), m.end())
    for m in _LATER_QUARTER.finditer(text):
        if taken.free(m.start(), m.end()):
            partial.append(PeriodMention(m.start(), m.end(), months=0))
            taken.add(m.start(), m.end())
    for m in _MN_MONTHS_AS_OF.finditer(text):
        word = re.sub(SP, " ", m.group().split("сарын")[0].strip().lower())
        last = _NUMBER_WORDS.get(word, 0)
        if 1 <= last <= 12 and taken.free(m.start(), m.end()):
            partial.append(PeriodMention(m.start(), m.end(), months=last))
            taken.add(m.start(), m.end())
    for m in _MN_FIRST_MONTH.finditer(text):
        if taken.free(m.start(), m.end()):
            partial.append(PeriodMention(m.start(), m.end(), months=1))
            taken.add(m.start(), m.end())
    for m in _MN_AS_OF.finditer(text):
        last = int(m.group("n")) if m.group("n").isdigit() else _roman(m.group("n"))
        if 1 <= last <= 12 and taken.free(m.start(), m.end()):
            partial.append(PeriodMention(m.start(), m.end(), months=last))
            taken.add(m.start(), m.end())
    for m in _MONTH_YEAR.finditer(text):
        if not taken.free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        if not (m.group("day") or m.group("day2")):
            month = _month(m.group("m1"))
            partial.append(PeriodMention(m.start(), m.end(), year=int(m.group("year")),
                                         months=1 if month == 1 else 0))
    for m in _ONE_MONTH.finditer(text):
        month = _one_month(m)
        if month is not None and taken.free(m.start(), m.end()):
            taken.add(m.start(), m.end())
            partial.append(PeriodMention(m.start(), m.end(), months=1 if month == 1 else 0))
    years = []
    for m in _YEAR.finditer(text):
        if (taken.free(m.start(), m.end())
                and not _AFTER_RANGE.search(text[max(0, m.start() - _RANGE_REACH):m.start()])):
            years.append(PeriodMention(m.start(), m.end(), year=int(m.group("year"))))
    for pattern, relative in ((_THIS, 0), (_LAST, -1)):
        for m in pattern.finditer(text):
            if taken.free(m.start(), m.end()):
                years.append(PeriodMention(m.start(), m.end(), relative=relative))
    merged = _merge(text, partial, years)
    found += [_with_role(text, p) for p in merged]
    return sorted(found, key=lambda p: p.start)


def _first_year(m: re.Match[str]) -> int | None:
    year = next((g for g in m.groups() if g), None)
    return int(year) if year else None


class _Taken:
    """The spans already read as a period: disjoint, kept in order, so that whether a new
    one is free costs a binary search, not a pass over all of them (a text of thousands
    of dates took a minute)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)

    def free(self, start: int, end: int) -> bool:
        # Disjoint and in order, the spans end in order too: only the last span starting
        # before ``end`` can reach past ``start``.
        i = bisect.bisect_left(self.spans, (end, -1))
        return i == 0 or self.spans[i - 1][1] <= start

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))


def _months(m: re.Match[str]) -> int | None:
    """January to which month a match covers (12: January to December, the whole year);
    0 when it does not start in January."""
    groups = m.groupdict()
    if groups.get("m1"):
        first, last = _month(groups["m1"]), _month(groups["m2"])
        return last if first == 1 and last and 1 < last <= 12 else 0
    n = groups["n"]
    if n.isdigit():
        value = int(n)
    elif re.fullmatch(r"[IVX]+", n):
        value = _roman(n)
    else:
        value = _NUMBER_WORDS.get(re.sub(SP, " ", n.lower()), 0)
    return value if 1 <= value <= 11 else None


def _one_month(m: re.Match[str]) -> int | None:
    word = m.group("m1") or m.group("m2") or m.group("m3")
    if word:
        return _month(word)
    n = m.group("n")
    value = int(n) if n.isdigit() else _roman(n)
    return value if 1 <= value <= 12 else None


def _month(word: str) -> int | None:
    word = re.sub(rf"{SP}+", " ", word.strip())
    for number, pattern in enumerate(_MONTH_RES, start=1):
        if pattern.match(word):
            return number
    return None


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(text, [*text[1:], ""], strict=True):
        total += -values[a] if b and values[b] > values[a] else values[a]
    return total


_GAP = re.compile(rf"^,?{SP}*(?:(?:of|in|for|the|за|в|жылдың|жылғы|оны|года){SP}+)*$", _I)


def _merge(text: str, partial: list[PeriodMention],
           years: list[PeriodMention]) -> list[PeriodMention]:
    """A January-to-month-N mention takes the year written right next to it
    ("January–July 2025", "2025 жылғы қаңтар–шілде", "the first seven months of this
    year"); that year is then part of it and no separate mention."""
    used: set[int] = set()
    out = []
    # The years by position, so each partial mention looks only at those within reach.
    order = sorted((y.start, i) for i, y in enumerate(years))
    reach = 12 + max((y.end - y.start for y in years), default=0)
    for p in partial:
        near = []
        lo = bisect.bisect_left(order, (p.start - reach, -1))
        hi = bisect.bisect_right(order, (p.end + 12, len(years)))
        for i in sorted(i for _, i in order[lo:hi]):
            y = years[i]
            gap = text[p.end:y.start] if y.start >= p.end else text[y.end:p.start]
            if i not in used and len(gap) <= 12 and _GAP.match(gap):
                near.append((len(gap), i))
        if near:
            _, i = min(near)
            used.add(i)
            y = years[i]
            p = replace(p, start=min(p.start, y.start), end=max(p.end, y.end), year=y.year,
                        relative=y.relative)
        out.append(p)
    return out + [y for i, y in enumerate(years) if i not in used]


def _with_role(text: str, p: PeriodMention) -> PeriodMention:
    before, after = text[max(0, p.start - 40):p.start], text[p.end:p.end + 30]
    written = text[p.start:p.end]
    if lead := re.match(rf"с{SP}+", written, _I):
        # "по сравнению с январем–сентябрем": the range took the "с" it compares with
        before += lead.group()
    compare_before = _COMPARE_BEFORE_YEAR if p.year and not p.months else _COMPARE_BEFORE
    if (compare_before.search(before) or _COMPARE_SUFFIX.search(written)
            or _COMPARE_AFTER.match(after) or _INDEX_AFTER.match(after)):
        return replace(p, role="compare")
    if p.year and (_DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.match(after)):
        return replace(p, role="deadline")
    return p


def resolve(p: PeriodMention, published: dt.date | None) -> tuple[int | None, int]:
    """The year and the months (12: the whole year) a mention stands for; the year is
    ``None`` when it depends on a publication date that is not known. A January-to-
    month-N mention without a year is the latest such period before publication."""
    months = p.months or 12
    if p.year is not None:
        return p.year, months
    if published is None:
        return None, months
    if p.relative is not None:
        return published.year + p.relative, months
    return (published.year if published.month > months else published.year - 1), months

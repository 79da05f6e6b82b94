"""Who reported a figure: the bodies the outlets name ("according to the Ministry of
Trade and Integration", "по данным Бюро национальной статистики"), each with the
data file's kind (``REPORTER_KINDS``) and side (``SIDES``), and which side an outlet
writes from.

A body is given its English name, as the data file writes reporters, whatever the
language of the article; a body that exists on both sides (a foreign ministry, a
prime minister) takes its side from the country named next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trade_dash.domain.extract.text import KZ, MN, SP

_I = re.IGNORECASE

# (pattern, English name, kind of ``trade_dash.data.REPORTER_KINDS``, side of ``SIDES`` or
# None when the text must say which).
_BODIES: tuple[tuple[str, str, str, str | None], ...] = (
    (r"Bureau\s+of\s+National\s+Statistics|National\s+Statistics\s+Bureau|"
     r"Бюро\s+национальной\s+статистики|Ұлттық\s+статистика\s+бюросы|\bБНС\b",
     "Bureau of National Statistics of Kazakhstan", "statistics_office", KZ),
    (r"Statistics\s+Committee|Committee\s+(?:on|of|for)\s+Statistics|"
     r"Комитет\w*\s+(?:по\s+)?статистик\w*|Статистика\s+комитет\w*",
     "Statistics Committee of Kazakhstan", "statistics_office", KZ),
    (r"National\s+Statistic(?:s|al)\s+Office|\bNSO\b|Үндэсний\s+статистикийн\s+хороо\w*|"
     r"\bҮСХ\b|Национальн\w+\s+статистическ\w+\s+(?:комитет|управлени)\w*|"
     r"Моңғолияның\s+ұлттық\s+статистика\s+комитет\w*",
     "National Statistics Office of Mongolia", "statistics_office", MN),
    (r"General\s+Customs\s+Administration|Customs\s+General\s+Administration|"
     r"Mongolian\s+Customs|Гаалийн\s+ерөнхий\s+газ(?:ар|р)\w*|Главн\w+\s+таможенн\w+\s+управлени\w*|"
     r"таможн\w+\s+Монголии|Монголын\s+гааль\w*",
     "General Customs Administration of Mongolia", "customs", MN),
    (r"State\s+Revenue\s+Committee|Комитет\w*\s+государственных\s+доходов|"
     r"Мемлекеттік\s+кірістер\s+комитет\w*",
     "State Revenue Committee of Kazakhstan", "customs", KZ),
    (r"Ministry\s+of\s+Trade\s+and\s+Integration|Trade\s+and\s+Integration\s+Ministry|"
     r"Министерств\w+\s+торговли\s+и\s+интеграции|\bМТИ\b|"
     r"Сауда\s+және\s+интеграция\s+министрлі\w*",
     "Ministry of Trade and Integration of Kazakhstan", "government", KZ),
    (r"Ministry\s+of\s+Industry\s+and\s+Construction|"
     r"Министерств\w+\s+промышленности\s+и\s+строительства|"
     r"Өнеркәсіп\s+және\s+құрылыс\s+министрлі\w*",
     "Ministry of Industry and Construction of Kazakhstan", "government", KZ),
    (r"Ministry\s+of\s+National\s+Economy|Министерств\w+\s+национальной\s+экономики|"
     r"Ұлттық\s+экономика\s+министрлі\w*",
     "Ministry of National Economy of Kazakhstan", "government", KZ),
    (r"Ministry\s+of\s+Economy\s+and\s+Development|Министерств\w+\s+экономики\s+и\s+развития|"
     r"Эдийн\s+засаг,?\s+хөгжлийн\s+яам\w*",
     "Ministry of Economy and Development of Mongolia", "government", MN),
    (r"Ministry\s+of\s+Agriculture|Министерств\w+\s+сельского\s+хозяйства|"
     r"Ауыл\s+шаруашылығы\s+министрлі\w*|Хүнс,?\s+хөдөө\s+аж\s+ахуй\w*\s+яам\w*",
     "Ministry of Agriculture", "government", None),
    (r"Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|\bMFA\b|"
     r"Министерств\w+\s+иностранных\s+дел|\bМИД\b|Сыртқы\s+істер\s+министрлі\w*|"
     r"Гадаад\s+харилцааны\s+яам\w*|\bГХЯ\b",
     "Ministry of Foreign Affairs", "government", None),
    (r"(?:First\s+)?Deputy\s+Prime\s+Minister|Вице-премьер\w*|"
     r"(?:Первый\s+)?[Зз]аместител\w+\s+Премьер-[Мм]инистра|"
     r"Премьер-[Мм]инистрінің\s+(?:бірінші\s+)?орынбасары\w*|Шадар\s+сайд\w*|"
     r"Ерөнхий\s+сайдын\s+орлогч\w*",
     "Deputy Prime Minister", "government", None),
    (r"Prime\s+Minister|Премьер-[Мм]инистр\w*|Ерөнхий\s+сайд\w*",
     "Prime Minister", "government", None),
    (r"Ambassador|[Пп]осол\w*|[Ее]лші\w*|Элчин\s+сайд\w*",
     "Ambassador", "government", None),
    (r"Intergovernmental\s+Commission|[Мм]ежправительственн\w+\s+комисси\w*|"
     r"Үкіметаралық\s+комиссия\w*|Засгийн\s+газар\s+хоорондын\s+комисс\w*",
     "Intergovernmental Commission", "government", None),
    (r"\bTokayev\b|Токаев\w*|Тоқаев\w*|Токаев",
     "President of Kazakhstan", "government", KZ),
    (r"\bKhurelsukh\b|Хурэлсух\w*|Хүрэлсүх\w*|Хурелсух\w*|Хурэлсүх\w*",
     "President of Mongolia", "government", MN),
    (r"Atameken|Атамекен|National\s+Chamber\s+of\s+Entrepreneurs|"
     r"Национальн\w+\s+палат\w+\s+предпринимателей|Ұлттық\s+кәсіпкерлер\s+палатасы\w*",
     "Atameken National Chamber of Entrepreneurs of Kazakhstan", "business_association", KZ),
    (r"Foreign\s+Trade\s+Chamber|Внешнеторгов\w+\s+палат\w*|Сыртқы\s+сауда\s+палатасы\w*",
     "Foreign Trade Chamber of Kazakhstan", "business_association", KZ),
    (r"Chamber\s+of\s+Commerce\s+and\s+Industry|Торгово-промышленн\w+\s+палат\w*|"
     r"Сауда-өнеркәсіп\s+палата\w*|Худалдаа,?\s+аж\s+үйлдвэрийн\s+(?:үндэсний\s+)?танхим\w*|"
     r"\bMNCCI\b|\bМҮХАҮТ\b",
     "Chamber of Commerce and Industry", "business_association", None),
)
BODY_KINDS = tuple((name, kind, side) for _, name, kind, side in _BODIES)  # for the tests
_COMPILED = tuple((re.compile(p, _I), name, kind, side) for p, name, kind, side in _BODIES)

# The country a body belongs to, written next to it.
_SIDE_AFTER = {
    KZ: re.compile(rf"^{SP}*(?:of{SP}+(?:the{SP}+Republic{SP}+of{SP}+)?Kazakhstan|"
                   rf"(?:Республики{SP}+)?Казахстана?|РК\b|Қазақстан|to{SP}+Mongolia|"
                   rf"в{SP}+Монголии|Моңғолиядағы)", _I),
    MN: re.compile(rf"^{SP}*(?:of{SP}+Mongolia|Монголии|Моңғолия|to{SP}+Kazakhstan|"
                   rf"в{SP}+Казахстане|Қазақстандағы|Казахстан{SP}+дахь)", _I),
}
_SIDE_BEFORE = {
    KZ: re.compile(r"(?:Kazakhstan['’]s|Kazakh(?:stani)?|казахстанск\w*|Қазақстан(?:ның)?|"
                   rf"Казахстан(?:ы|{SP}+улсын))\W{{0,3}}(?:{SP}*\w+){{0,1}}{SP}*$", _I),
    MN: re.compile(r"(?:Mongolia['’]s|Mongolian|монгольск\w*|Моңғолия(?:ның)?|"
                   rf"Монгол(?:ын|{SP}+улсын)?)\W{{0,3}}(?:{SP}*\w+){{0,1}}{SP}*$", _I),
}
_NAME_OF_SIDE = {KZ: "Kazakhstan", MN: "Mongolia"}


@dataclass(frozen=True)
class Body:
    """A reporting body named in the text, its span, and the data file's values for it."""

    start: int
    end: int
    name: str
    kind: str
    side: str | None


def bodies(text: str, default_side: str | None = None) -> list[Body]:
    """Every reporting body named in ``text``, in order; one that exists on both sides
    takes the side named next to it, else ``default_side`` (the article's)."""
    found: list[Body] = []
    for pattern, name, kind, side in _COMPILED:
        for m in pattern.finditer(text):
            if any(b.start <= m.start() < b.end or m.start() <= b.start < m.end()
                   for b in found):
                continue
            which = side or _side_near(text, m.start(), m.end()) or default_side
            named = name if side or which is None else f"{name} of {_NAME_OF_SIDE[which]}"
            found.append(Body(m.start(), m.end(), named, kind, which))
    return sorted(found, key=lambda b: b.start)


def _side_near(text: str, start: int, end: int) -> str | None:
    after, before = text[end:end + 40], text[max(0, start - 40):start]
    for side in (KZ, MN):
        if _SIDE_AFTER[side].match(after):
            return side
    for side in (KZ, MN):
        if _SIDE_BEFORE[side].search(before):
            return side
    return None


# --- outlets -----------------------------------------------------------------------

_OUTLET_SIDE = (
    (re.compile(r"montsame|монцамэ|ikon\.mn|news\.mn|gogo\.mn|unuudur|ub\s*post|"
                r"mongolia\s+weekly|mongolian|\.mn\b|монгол", _I), MN),
    (re.compile(r"kazinform|qazinform|казинформ|inform\.kz|astana\s*times|kapital|kursiv|"
                r"el\.kz|adyrna|tengri|egemen|primeminister\.kz|gov\.kz|\.kz\b|казахстан|"
                r"қазақстан|kazakh", _I), KZ),
)


def outlet_side(outlet: str) -> str | None:
    """The side an outlet writes from, when its name or address says it."""
    for pattern, side in _OUTLET_SIDE:
        if pattern.search(outlet):
            return side
    return None


def outlet_body(outlet: str) -> Body | None:
    """The body an outlet is, when a ministry or an office publishes its own release."""
    found = bodies(outlet)
    return found[0] if found else None

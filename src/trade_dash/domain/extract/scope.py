"""What an amount in a sentence is: which flow of trade it measures, whether it is
Kazakhstan–Mongolia trade at all, whether it is the target, and the decoys that look
like trade figures but are not (a price per unit, an export potential, a project's
cost, one sector's trade, another country's trade, an increase "by $10 million", a
forecast).

Every function takes the sentence (with the names of reporting bodies blanked out, so
"Ministry of Trade" is no trade word) and the place of one amount in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from trade_dash.domain.extract.numbers import DOWN, UP, Amount
from trade_dash.domain.extract.text import (
    BILATERAL,
    FOREIGN_TRADE,
    KZ,
    MN,
    OTHER_COUNTRY,
    SP,
    TRANSIT,
    country_mentions,
    other,
)

_I = re.IGNORECASE

FLOW_WORDS = re.compile(
    r"(?P<turnover>\btrade\s+turnover|\bturnover|\btrade\s+volume|"
    r"\bvolume\s+of\s+(?:bilateral\s+|mutual\s+)?trade|\bтоварооборот\w*|"
    r"\bвнешнеторгов\w+\s+оборот\w*|\bоборот\w*|"
    r"\bторгов\w+\s+оборот\w*|\bтауар\s*айналым\w*|\bсауда\s+айналым\w*|"
    r"\bхудалдааны\s+(?:нийт\s+)?эргэлт\w*|\bбараа\s+эргэлт\w*|"
    # a bare "эргэлт" is trade's, but not cargo's or passengers'
    # (its genitive, "эргэлтийн дийлэнх", is a part of it: the flow is the part's)
    r"(?<!ачаа\s)(?<!зорчигч\s)(?<!мөнгөний\s)\bэргэлт(?!ийн)\w*)"
    r"|(?P<export>\bexport(?!er)\w*|\bshipments?\b|\bshipped\b|\bdeliveries\b|\bsold\b|"
    r"\bsales\b|\b(?:Mongolian|Kazakh(?:stani)?)\s+(?:goods|products)\b|\bпродаж\w*|"
    # (not the exporters: "принесли казахстанским экспортерам")
    r"\bэкспорт(?!ер)\w*|\bпоставк\w*|"
    # (not a task set: "поставили амбициозную задачу")
    r"\bпоставил[иао]?\b(?!\s+(?:\w+\s+)?(?:задач|цел))|\bпоставлено\b|\bотгружен\w*|"
    r"\bотгрузи\w*|\bвывез\w*|\bвывоз\w*|\bшығарыл\w*|"
    r"\bжөнелт\w*|\bжеткізіл\w*\s+(?:тауар|өнім)\w*|\b(?:өнім|тауар)\w*\s+жеткізіл\w*|\bсатқан\b|"
    r"\bсатты\b|\bнийлүүл\w*|\bпрода(?:л|ла|ли|ло|ет|ют|ж|ва)\w*|"
    r"(?<=бараа\s)(?:гарсан|гарга\w*)|(?<=бүтээгдэхүүн\s)(?:гарсан|гарга\w*)|"
    r"\bгаргасан\b(?!\s+(?:мэдээ|тайлан|судалгаа|статистик)))"
    r"|(?P<import>\bimport(?!er)\w*|\bpurchases\b|\bbought\b|\bpurchased\b|\bимпорт(?!ер)\w*|"
    r"\bввоз\w*|\bввез\w*|\bкупил\w*|\bсатып\s+ал\w*|\bкел(?:ген|етін)\s+тауар\w*|"
    r"\bорж\s+ирсэн\b|(?<=бараа\s)оруул(?:ж|сан|жээ|ав)\b|\bзакуп\w*|\bәкелін\w*|"
    r"\bәкелінген\b|\bоруулж\s+ирсэн\b)"
    # words that point back to the figure before: "this figure", "бұл көрсеткіш"
    r"|(?P<same>\b(?:this|the)\s+(?:figure|indicator)\b|\btotal\b|\bпоказател\w*|\bкөрсеткіш\w*|"
    r"\bүзүүлэлт\w*|\bэнэ\s+дүн\w*)"
    r"|(?P<trade>\btrade\b|\btrading\b|\btraded\b|\b(?:на)?торговал\w*|\bобъ[её]м\w*\s+торговли|\bторговл\w*|\bсауда\w*|"
    r"\bхудалдаа\w*)",
    _I,
)
_OF_WHAT = re.compile(r"(?:доллар|\$)(?:ын|ийн|лық|лік)$", _I)
_GOODS = re.compile(r"\s*(?:(?:бараа|барааны|бүтээгдэхүүн|тауар|өнім|гадаад)\w*\s+){0,2}", _I)
_PART_OF = re.compile(r"\bof\s+which\b|\bincluding\b|\bиз\s+(?:них|которых)\b|"
                      r"\bв\s+том\s+числе\b|\bоның\s+ішінде\b|\bүүнээс\b|\bүүний\s+(?:дотор|\w+)",
                      _I)

_PER_UNIT = re.compile(
    rf"^{SP}*(?:per\b|each\b|apiece\b|a{SP}+(?:tonne|ton|head|unit|piece)\b|"
    r"за\s+(?:одн\w+|один|тонн\w*|штук\w*|единиц\w*|голов\w*|кажд\w+|кг|килограмм\w*)|"
    r"кажд\w+|тоннасы\w*|бірлігі\w*|данасы\w*|тонн\s+тутам|ширхэг\w*|нэгж\w*|тутам)",
    _I,
)
_DECOY_BETWEEN = re.compile(
    # a price or value of something else
    r"\bprices?\b|\bpriced\b|\bcosts?\b|\bcosting\b|\bцен[аыуе]\w*|"
    r"\bстоимост\w*|\bстоит\b|\bбағасы\w*|\bбағамен\b|\bқұны\b|\bүнэ\b|\bүнийн\b|\bөртөг\w*|"
    # a balance of trade, not a flow
    r"\bbalance\b|\bdeficit\b|\bsurplus\b|\bсальдо\w*|\bдефицит\w*|\bпрофицит\w*|"
    r"\bтэнцэл\w*|\bашигтай\b|\bбаланс\w*|\bайырма\w*|"
    # what trade lost or gained, not its level
    r"\bloss(?:es)?\b|\bshortfall\b|\bпотер[ьия]\w*|\bшығын\w*|\bалдагдсан\b|"
    # one item of the trade: "the largest export item", "статья экспорта"
    r"\bстать[яеюи]\w*|\bбаб[ыт]\w*|\bпозици[яиюей]\w*|"
    r"\bтапшылық\w*|\bпрофицит\w*|\bалдагдал\w*|\bашиг\b|"
    # a potential, an opportunity, a capacity
    r"\bpotential\b|\buntapped\b|\bopportunit\w*|\bcapacity\b|\bпотенциал\w*|\bвозможност\w*|"
    r"\bәлеует\w*|\bмүмкіндік\w*|\bболомж\w*|\bнөөц\w*|\bчадавх\w*|"
    # a project, an investment, a loan or a deal
    r"\bprojects?\b|\binvest\w*|\bloans?\b|\bcredit\w*|\bgrants?\b|\bfunds?\b|\bcontracts?\b|"
    r"\bdeals?\b|\bagreements?\b|\bbudget\w*|\bplant\b|\bfactory\b|\bconstruction\b|"
    r"\bпроект\w*|\bинвестиц\w*|\bкредит\w*|\bзайм\w*|\bза[её]м\w*|\bгрант\w*|\bфонд\w*|"
    r"\bконтракт\w*|\bсделк\w*|\bсоглашени\w*|\bбюджет\w*|\bзавод\w*|\bстроительств\w*|"
    r"\bжоба\w*|\bнесие\w*|\bкелісім\w*|\bзауыт\w*|\bқұрылыс\w*|\bтөсөл\w*|"
    r"\bхөрөнгө\s+оруулалт\w*|\bзээл\w*|\bгэрээ\w*|\bүйлдвэр\w*|\bбарилга\w*",
    _I,
)
_SECTOR = re.compile(
    r"\bagricultur\w*|\bagri-?food|\bfood\w*|\bwheat|\bgrain|\bflour|\bmeat|\bbeef|\bmutton|"
    r"\bcoal|\boil\b|\bfuel|\bpetroleum|\belectricity|\bmachinery|\blivestock|\bwool|"
    r"\bcashmere|\bleather|\bvegetables?|\bfruit|\bsunflower|\bconfectionery|\bservices|"
    r"\bsugar|\btobacco|\bcement|\bкондитер\w*|\bагроөнеркәсіп\w*|\bсанат\w*|"
    r"\bкатегори\w*|\bcategory\b|\bмасл[оа]\w*|\bсахар\w*|\bтабак\w*|\bтабачн\w*|\bцемент\w*|"
    r"\b(?:жылқы|қой|сиыр|түйе)\s+ет\w*|\bет\s+(?=импорт|экспорт)|\bмайы\b|\bқант\w*|\bтемекі\w*|\bтамхи\w*|\bтос\b|\bтосны\b|"
    # a list of goods: "негізгі экспорттық тауарлар: ...", "main export items: ..."
    r"(?:goods|items|products|товар(?!ооборот)\w*|тауарлар\w*|бараа\w*)\s*:(?=\s*[^\s\d$])|"
    r"\bуслуг\w*|\bқызмет\w*|\bүйлчилгээ\w*|"
    r"\bэнэ\s+төрлийн\b|\bганц\s+бүтээгдэхүүн\w*|\bsingle\s+product\b|"
    r"\bthis\s+(?:kind|type)\s+of\b|\bсельхоз\w*|\bсельскохозяйствен\w*|\bпродовольств\w*|"
    r"\bпродукт\w*\s+питания|"
    # a sentence on the make-up of trade: "в товарной структуре", "құрылымында", "бүтцэд"
    r"\b(?:растительного|животного)\s+происхождения|\bтоварн\w+\s+структур\w*|"
    r"\bтауар(?:лық)?\s+құрылым\w*|\bбарааны\s+бүтэц\w*|"
    r"\bпшениц\w*|\bзерн\w*|\bмук[аиу]\b|\bмяс\w*|\bугл[яеюь]\b|\bуголь|\bнефт\w*|\bтоплив\w*|"
    r"\bэлектроэнерг\w*|\bмашин\w*|\bскот\w*|\bшерст\w*|\bкашемир\w*|\bкож\w*|\bовощ\w*|"
    r"\bауыл\s+шаруашылығы\w*|\bазық-түлік\w*|\bбидай\w*|\bастық\w*|\bұн(?:ы|ын)?\b|"
    r"\bет\s+өнім\w*|\bкөмір\w*|\bмұнай\w*|\bжанармай\w*|\bмал\b|\bжүн\w*|"
    r"\bхөдөө\s+аж\s+ахуй\w*|\bхүнс\w*|\bулаан\s+буудай\w*|\bгурил\w*|\bмахн?\w*|\bнүүрс\w*|"
    r"\bбудаа\w*|\bшатахуун\w*|\bгазрын\s+тос\w*|\bцахилгаан\w*|\bноос\w*|\bноолуур\w*|\bарьс\w*|\bтариа\w*",
    _I,
)
# What a flow is made of, set off by commas: ", mostly meat and wool,", ", dominated by
# flour, fuel and sweets," (to the last comma of the list).
_MADE_OF = re.compile(
    r"(?:\bmostly|\bmainly|\bchiefly|\bprimarily|\blargely|\bsuch\s+as|\bdominated\s+by|"
    r"\bled\s+by|\bwhere\s+\w+\s+dominate|\bгде\s+(?:по-прежнему\s+)?(?:доминиру|преоблада)\w+|"
    r"\bв\s+основном|\bпреимущественно|\bглавным\s+образом|\bнегізінен|"
    r"\bголчлон|\bгол\s+төлөв)[^;:]*,",
    _I,
)
# "its supplies", "ее поставки": the flow of a product named before it in the sentence.
_ITS = re.compile(r"\b(?:its|their|ее|её|его|их|оның|олардың|түүний|тэдгээрийн)\s+$", _I)
_VALUE_OF_GOODS = re.compile(
    r"\b(?:өнім|тауар|бараа|бүтээгдэхүүн|goods|products|товар|продукци)\w*\s+(?:құны|"
    r"үнийн\s+дүн\w*)|\b(?:value|стоимост\w*)\s+(?:of\s+)?(?:the\s+)?\w*\s*"
    r"(?:goods|products|товар\w*|продукци\w*)", _I)
# A noun whose trade the flow word is: "losses of mutual trade", "потенциал торговли".
_HEAD_BEFORE = re.compile(
    r"(?:\bloss(?:es)?|\bpotential|\bbalance|\bsurplus|\bdeficit|\bпотер[ьия]\w*|\bпотенциал\w*|\bсальдо|"
    r"\bдефицит\w*|\bпрофицит\w*|\bтэнцэл\w*|\bшығын\w*|\bәлеует\w*|\bболомж\w*|\bчадавх\w*|"
    # contracts and deals for supplies: "контракты на поставку", "deals for the export"
    r"\bcontracts?|\bagreements?|\bdeals?|\bконтракт\w*|\bсоглашени\w*|\bдоговор(?:а|ы|ов|ам|у|ом)?\b|"
    r"\bсделк\w*|\bкелісімшарт\w*|\bгэрээ\w*)"
    r"(?:\s+\w+){0,4}\s*$", _I)
# "нефтепродукты, поставки которых ...": the flow of the product named before it.
_WHOSE = re.compile(r"^\s*(?:которых|которого|которой|of\s+which|of\s+(?:it|them))\b", _I)
_COUNTED = re.compile(
    rf"^{SP}*(?:heads?\b|голов\w*|бас\w*|толгой\w*|tonnes?\b|tons?\b|тонн\w*|people\b|"
    r"человек\w*|адам\w*|хүн\w*|km\b|км\b|kilomet\w*|километр\w*|metres?\b|метр\w*|vehicles?\b|"
    r"cars?\b|вагон\w*|passengers?\b|пассажир\w*|tourists?\b|турист\w*|sheep\b|овец\b|қой\w*|"
    r"хонь\w*|livestock\b|скот\w*|мал\b|малын\b|residents?\b|users?\b|items?\b)",
    _I,
)
FORECAST = re.compile(
    # "may" in lower case only: "January-May" is a month
    r"\bexpected\b|\bforecast\w*|\bprojected\b|\bcould\b|(?-i:\bmay\b)|\bmight\b|\bwill\b|"
    r"\bcan\s+(?:reach|grow|rise|increase|double|hit|exceed|top|be)\b|\b\w+[аеяй]\s+алады\b|"
    r"\bдеп\s+санайды\b|"
    r"\bis\s+set\s+to\b|\bexpects?\b|\bожида\w+|\bпрогноз\w*|\bможет\b|\bсможет\b|"
    r"\bмог(?:ли|ла|ло)?\s+бы\b|\bwould\b|\bспособ(?:ен|на|ны)\b|\bable\s+to\b|\bкүтіл\w*|\bықтимал\w*|\bкүте(?:міз|ді|мін|сіз)\b|\bболжа\w*|"
    r"\bмүмкін\b|\bхүлээгдэж\w*|\bтөсөөл\w*|\bмагадгүй\b|"
    # what is needed to reach a goal: "4.4 дахин өсгөх шаардлагатай", "потребуется рост"
    r"\bшаардлагатай\b|\bхэрэгтэй\b|\bнеобходим\w*|\bнужно\b|\bпотребу\w+|\bneeds?\b|"
    r"\brequired?\b|\bқажет\w*|\bтаамаг\w*|\bтөлөвтэй\b|\bмагадлал\w*",
    _I,
)
_INCREMENT_LEFT = re.compile(
    rf"(?:\bby(?:{SP}+an?)?(?:{SP}+(?:additional|another|extra|further))?|\bна"
    rf"(?:{SP}+(?:дополнительные|ещё|еще))?){SP}*$", _I)
# "an increase of $11.2 million", "прирост в 5 млн": the noun of a change before it
_CHANGE_OF = re.compile(
    rf"\b(?:an?{SP}+)?(?:increase|rise|growth|gain|jump|decrease|decline|drop|fall|loss)"
    rf"{SP}+of(?:{SP}+(?:about|around|roughly|nearly|almost|some|over|more{SP}+than))?{SP}*$|"
    # "товарооборот прибавил 17,6 миллиона", "trade gained $12 million"
    rf"\b(?:прибавил\w*|добавил\w*|gained|added)"
    rf"(?:{SP}+(?:еще|ещё|почти|около|лишь|только|всего|about|nearly|just|only))?{SP}*$|\b(?:прирост|рост|снижение|сокращение|падение)\w*{SP}+(?:на|в){SP}*$",
    _I)
# "33,9 млн долларов больше", "$10 million more than": a difference between two figures
_DIFFERENCE_AFTER = re.compile(
    rf"^{SP}*(?:(?:more|less|higher|lower){SP}+than\b|больше\b|меньше\b|выше\b|ниже\b)", _I)
# Kazakh and Mongolian say "by" with a case ending on the amount: "10 млн долларға
# өсті", "10 сая ам.доллараар өссөн" (but "долларға жетті" is "reached").
_BY_CASE = re.compile(r"(?:ға|ге|қа|ке|аар|ээр|оор|өөр)$", _I)
_CHANGE_VERB = re.compile(rf"^{SP}+(?:(?:л|ғана|гана|жуық|шамасында|орчим){SP}+)?"  # "л нэмэгджээ"
                          rf"(?:өс|арт|ұлғай|көбей|азай|төменде|қысқар|нэмэгд|буур|"
                          r"багас|илүү|бага\b|их\b|көп\b|кем\b|артық)\w*", _I)

_TARGET_VERB = re.compile(
    r"(?:\bto\s+(?:increase|bring|raise|boost|reach|lift|grow|expand|double|take|push)|"
    r"\bincreasing|\bbringing|\braising|\bboosting|\blifting|\bexpanding|\btaking|\bpushing|"
    r"\bдовести|\bдоведени\w*|\bувеличить|\bувеличени\w*|\bнарастить|\bнаращивани\w*|"
    r"\bподнять|\bвывести|\bдостичь|\bдостижени\w*)\b[^.;]{0,90}?"
    rf"(?:\bto|\bдо|\bup{SP}+to)(?:{SP}+the)?(?:{SP}+(?:level{SP}+of|уровня))?{SP}*$",
    _I,
)
_TARGET_NOUN = re.compile(
    r"(?:\btarget\w*|\bgoal\b|\bobjective\b|\bцел[ьиюе]\b|\bориентир\w*|\bмақсат\w*|"
    r"\bзорилт\w*|\bзорилго\w*|\bмеже\w*)[^.;]{0,60}$",
    _I,
)
# "their commitment to reaching $500 million" (a bare "reaching" follows actual figures)
_TARGET_REACHING = re.compile(
    rf"\b(?:commitment|committed|pledged?|goal|aim\w*|determined)\s+(?:of|to)\s+"
    rf"(?:reaching|achieving){SP}*$", _I)
# "the agreed $500 million target", "500 млн долларлық мақсат"
_TARGET_NAMED = re.compile(rf"^{SP}*(?:гэсэн{SP}+)?(?:target|goal|mark|objective|цел[ьи]|мақсат\w*|"
                           r"зорилт\w*|меже\w*)\b", _I)
_ACTUAL_VERB = re.compile(
    r"\breached\b|\bamounted\b|\bstood\b|\btotal(?:l)?ed\b|\bwas\b|\bwere\b|\bсоставил\w*|"
    r"\bдостиг\w*|\bжетті\b|\bқұрады\b|\bхүрсэн\b|\bхүрчээ\b|\bболсон\b|\bболжээ\b", _I)
_TARGET_AFTER = re.compile(
    rf"^\W{{0,3}}{SP}*(?:дейін{SP}+)?(?:жеткізу\w*|арттыру\w*|ұлғайту\w*|көбейту\w*|хүргэх\w*|"
    rf"хүртэл{SP}+нэмэгдүүлэх\w*|нэмэгдүүлэх\w*|хүргэнэ)",
    _I,
)


@dataclass(frozen=True)
class Place:
    """Where an amount stands in its sentence: its left region (from the previous
    amount, or the sentence's start), its right region (to the next amount, or the
    sentence's end) and its clause on the right (up to the first comma or semicolon)."""

    amount: Amount
    left: int
    right: int
    clause_end: int


def places(text: str, found: list[Amount]) -> list[Place]:
    out = []
    for i, a in enumerate(found):
        left = found[i - 1].end if i else 0
        right = found[i + 1].start if i + 1 < len(found) else len(text)
        stop = re.search(r"[,;:(]|\s[–—]\s|\s(?:бол|харин|whereas|while|тогда\s+как)\s",
                         text[a.end:right])
        end = a.end + stop.start() if stop else right
        verb = _CLAUSE_VERB.match(text, a.end, end)
        if verb:  # Kazakh and Mongolian end a clause with its verb: "83.5 сая байсныг"
            end = verb.end()
        if stop and stop.group().strip() in "–—":
            # "69,5 млн доллары – Қазақстан экспорты": a dash that says what the amount is
            rest = re.search(r"[,;:(]|\s[–—]\s", text[end + 1:right])
            said = end + 1 + rest.start() if rest else right
            if FLOW_WORDS.search(text, end, said):
                end = said
        out.append(Place(a, left, right, end))
    return out


@dataclass(frozen=True)
class Flow:
    """The trade word an amount goes with: its kind (``turnover``, ``export``,
    ``import`` or the weaker ``trade``) and where it is."""

    kind: str
    start: int
    end: int


_IS_AFTER = re.compile(r"\s*нь\s+", _I)


def flow_word(text: str, p: Place, before: Place | None = None) -> Flow | None:
    """The trade word that says what an amount measures: after "of which" the word
    that follows it, else the nearest strong word before the amount, else one in its
    clause after it, else a bare "trade". A word in the clause of the amount ``before``
    it is that amount's ("116 million of goods imported, and 8 million exported")."""
    start = p.left
    if before is not None and before.clause_end < p.amount.start:
        start = before.clause_end
    colon = text.rfind(":", start, p.amount.start)
    if colon >= 0 and FLOW_WORDS.search(text, colon, p.amount.start):
        start = colon  # "Imports grew: five months' trade reached $58.7 million"
    left = [Flow(m.lastgroup or "", m.start(), m.end())
            for m in FLOW_WORDS.finditer(text, start, p.amount.start)]
    right = [Flow(m.lastgroup or "", m.start(), m.end())
             for m in FLOW_WORDS.finditer(text, p.amount.end, p.clause_end)]
    strong_left = [f for f in left if f.kind != "trade"]
    strong_right = [f for f in right if f.kind != "trade"]
    part = [m.end() for m in _PART_OF.finditer(text, p.left, p.amount.start)]
    if part:
        after = [f for f in strong_left if f.start >= part[-1]]
        if after:
            return after[-1]
        if strong_right:
            return strong_right[0]
    # "73,806.1 мянган ам.доллар нь импорт": the amount is what the word after "нь" says
    said = _IS_AFTER.match(text, p.amount.end)
    if said and (named := FLOW_WORDS.match(text, said.end())) and named.lastgroup != "same":
        return Flow(named.lastgroup or "", named.start(), named.end())
    # "124.8 сая ам.долларын бараа импортолсон", "82 млн долларлық экспорт": an amount
    # in the genitive or as an adjective is of the trade word right after it.
    # ("41.3 сая ам.долларын худалдаа хийсэн": even a bare "trade" word).
    if _OF_WHAT.search(text, p.amount.start, p.amount.end) and right and _GOODS.fullmatch(
            text, p.amount.end, right[0].start):
        return right[0]
    if strong_left and strong_left[-1].kind == "same" and left[-1].kind == "trade":
        return left[-1]  # "In total, trade between two countries was ...": the trade word
    for group in (strong_left[-1:], strong_right[:1], left[-1:], right[:1]):
        if group:
            return group[0]
    return None


# "манай экспорт", "наш экспорт", "our exports": the side the article speaks for
_OURS = re.compile(r"\b(?:манай|біздің|наш\w*|our)\s+$", _I)
_THERE = re.compile(r"\b(?:тийш(?:ээ)?|туда|оттуда|thither)\b", _I)
_NEXT_CLAUSE = re.compile(r"\s*,?\s*(?:and|while|but|whereas|и|а|ал|бол)\s+(?:\w+\s+){0,2}", _I)


_SUBJECT_VERB = re.compile(r"sold|exported|imported|bought|supplied|shipped|продал\w*|"
                           r"экспортировал\w*|импортировал\w*|закупил\w*|купил\w*|"
                           r"поставил\w*", _I)


def _subject(text: str, flow: Flow, p: Place) -> str | None:
    """The country named right before a trade verb (English and Russian), as its subject."""
    if not _SUBJECT_VERB.fullmatch(text, flow.start, flow.end):
        return None
    low = max(p.left, flow.start - 45)
    # (a remark between them, set off by commas: "Mongolia, for its part, sold ...")
    names = [m for m in country_mentions(text[low:flow.start])
             if m.role == "name"
             and re.fullmatch(r"\w*(?:,[^,]{1,25},)?\s*\w*\s*", text[low + m.end:flow.start])]
    return names[-1].side if names else None


def direction(text: str, flow: Flow, p: Place, perspective: str | None,
              own: str | None = None) -> str | None:
    """The data file's flow code for an export or import word: whose exports the
    words near it name ("Kazakhstan's exports", "imports from Kazakhstan", "экспорт в
    Монголию"), else, after "our", those of the side the article is written from
    (``own``), else those of the side the sentence speaks for (``perspective``)."""
    if flow.kind in ("turnover", "trade"):
        return "turnover"
    if flow.kind not in ("export", "import"):
        return None
    low, high = max(p.left, flow.start - 60), min(p.clause_end, flow.end + 60)
    if perspective and _THERE.search(text, max(p.left, flow.start - 40), min(high, flow.end + 40)):
        # "тийшээ ... гаргажээ", "экспорт туда": to the partner, from the side speaking
        sender = perspective if flow.kind == "export" else other(perspective)
        return "kz_exports_to_mn" if sender == KZ else "mn_exports_to_kz"
    # "exported $86.1 mln to Mongolia and imported $6.5 mln from it": a direction
    # followed by "and" before the flow word closes the clause before it
    near = [m for m in country_mentions(text[low:high]) if m.role != "name"
            and not (m.role in ("source", "dest") and low + m.end <= flow.start
                     and _NEXT_CLAUSE.fullmatch(text, low + m.end, flow.start))]
    # "from X", "into X" say the direction outright; "Mongolian imports" can be read
    # both ways, so an owner counts only when nothing else is named.
    near = [m for m in near if m.role != "owner"] or near
    exporter = None
    if near:
        centre = (flow.start + flow.end) / 2 - low
        m = min(near, key=lambda m: abs((m.start + m.end) / 2 - centre))
        origin = (m.role in ("owner", "source") if flow.kind == "export"
                  else m.role in ("source", "partner"))  # imports "with" X come from X
        exporter = m.side if origin else other(m.side)
    elif subject := _subject(text, flow, p):
        # "Kazakhstan sold Mongolia ...", "Mongolia imported ...": the country doing it
        exporter = subject if flow.kind == "export" else other(subject)
    elif own and _OURS.search(text, max(p.left, flow.start - 16), flow.start):
        exporter = own if flow.kind == "export" else other(own)  # "манай экспорт 3.4 ..."
    elif perspective:
        exporter = perspective if flow.kind == "export" else other(perspective)
    return {KZ: "kz_exports_to_mn", MN: "mn_exports_to_kz"}.get(exporter or "")


_NO_TOTAL = 1000  # US$ million: either country's total trade is far above it


def whole(text: str, at: int) -> Place:
    """The whole of a text as the place of a word at ``at`` that has no amount: a list's
    header, a sentence that states changes ("Тиісінше экспорт 6,5%-ға ...")."""
    return Place(Amount(at, at, Decimal(0), False, False), 0, len(text), len(text))


def scope(text: str, p: Place) -> str:
    """``ok`` when the amount's clause (or failing that, its sentence) is about
    Kazakhstan–Mongolia trade, ``context`` when nothing in the sentence says whose
    trade it is, ``refused`` for another country's trade or a country's total."""
    # The amount itself is left out: "долларов США" names no other country.
    clause = text[p.left:p.amount.start] + text[p.amount.end:p.clause_end]
    if OTHER_COUNTRY.search(TRANSIT.sub(" ", clause)):
        return "refused"
    sides = {m.side for m in country_mentions(clause)}
    roles = {m.role for m in country_mentions(clause)}
    linked = (len(sides) == 2 or bool(BILATERAL.search(clause))
              or bool(roles & {"partner", "source", "dest"}))
    if FOREIGN_TRADE.search(clause) and not linked:
        # No country named and under a billion: no country's total, so a line of a list
        # about the two ("Гадаад худалдааны эргэлт: 79.7 сая ам.доллар")
        named = bool(sides) or FOREIGN_TRADE.search(text[:p.left]) is not None
        return "context" if not named and p.amount.musd < _NO_TOTAL else "refused"
    if linked:
        return "ok"
    sentence_sides = {m.side for m in country_mentions(text)}
    if len(sentence_sides) == 2 or BILATERAL.search(text):
        return "ok"
    return "context"


_MARK_AFTER = re.compile(rf"{SP}*(?:mark|threshold|milestone|barrier|рубеж\w*|отметк\w*|"
                         r"барьер\w*|межесі\w*|шегі\w*|босго\w*)", _I)
_PASSED = re.compile(r"\b(?:pass(?:ed|ing)?|cross(?:ed|ing)?|exceed(?:ed|ing)?|surpass(?:ed|ing)?|"
                     r"top(?:ped|ping)?|broke|break(?:ing)?|преодоле\w*|превы\w*|перешагну\w*|"
                     r"асып|асты|давсан|давж)\s+(?:the\s+)?$", _I)


_TONNES_WORTH = re.compile(r"(?:тонн\w*|tonnes?|tons?)\s*\(\s*$|"
                           r"(?:тонн\w*|tonnes?|tons?)\s+(?:\w+\s+)?(?:на\s+сумму|worth|буюу|or|"
                           r"или|яғни|"
                           r"valued\s+at|стоимостью|сомасы|үнийн\s+дүн\w*)\s*$", _I)


_NEW_CLAUSE = re.compile(r"\s(?:нь|бөгөөд|which|that|что|это|бұл)\b", _I)


def decoy(text: str, p: Place, flow: Flow) -> bool:
    """Whether the amount is a price, a potential, a project, one sector's trade, a
    count of things, or an increase "by" an amount rather than a level."""
    a = p.amount
    after = text[a.end:a.end + 30]
    if _PER_UNIT.match(after) or (not a.currency and _COUNTED.match(after)):
        return True
    if _MARK_AFTER.match(after) and _PASSED.search(text, p.left, a.start):
        return True  # "passed the $100 million mark": a threshold crossed, no figure
    if _TONNES_WORTH.search(text, max(p.left, a.start - 40), a.start):
        return True  # "61,4 тыс. тонн на сумму 14,9 млн": the value of a shipment of goods
    # ("agreements worth a total of $37 million": "total" is no trade word to start at)
    start = flow.start if flow.start < a.start and flow.kind != "same" else p.left
    # "әкелінген өнімнің құны", "стоимость ввезенных товаров": the value of the goods
    between = _VALUE_OF_GOODS.sub(" ", text[start:a.start])
    if _DECOY_BETWEEN.search(between) or _HEAD_BEFORE.search(
            text[max(p.left, flow.start - 50):flow.start]):
        return True
    # The words right after it, up to a mark: "– это мука, масло" says what a flow is
    # made of, "$20 million of wheat" that it is one product's.
    # (up to a new clause: "83 сая ам.доллараас давсан нь хүнсний ..." says something else)
    words_after = " ".join(re.findall(r"\w+(?:-\w+)?", _NEW_CLAUSE.split(
        re.split(r"[,;:–—()]", after)[0])[0])[:3])
    if _DECOY_BETWEEN.search(words_after):  # "a USD 200 million railway project"
        return True
    # "exports, mostly meat and wool, were worth ..." name what the trade is made of
    # Sector words that qualify the trade word: in its own clause, just before it
    # ("agricultural exports") or after it ("exports of wheat").
    low = max(p.left, flow.start - 60,
              *(m.end() for m in re.compile(r"[,;:]").finditer(text, p.left, flow.start)))
    while low > p.left and text[low - 1].isalnum():  # whole words only
        low -= 1
    if flow.start > a.start:
        # The trade word after the amount ("на нее пришлось около $19 млн экспорта"): the
        # words before the amount say whose trade it is.
        low = p.left
    near = _MADE_OF.sub(" ", text[low:a.start])
    if _SECTOR.search(near) or _SECTOR.search(words_after):
        return True
    its = (_ITS.search(text[max(0, flow.start - 12):flow.start])
           or _WHOSE.match(text[flow.end:flow.end + 12]))
    if its and _SECTOR.search(text[p.left:flow.start]):
        return True
    return increment(text, a)


def names_goods(text: str) -> bool:
    """Whether a text names goods or a sector ("негізгі тауарлар:", "main items:")."""
    return bool(_SECTOR.search(text) or _GOODS_HEADER.search(text))


_GOODS_HEADER = re.compile(r"\b(?:тауар(?!\s*айналым)|товар(?!ооборот)|goods|items|products|"
                           r"бараа(?!\s+эргэлт)|бүтээгдэхүүн)\w*", _I)


def part_of(text: str, p: Place) -> bool:
    """Whether the amount is given as part of the one before it ("of which")."""
    return bool(_PART_OF.search(text, p.left, p.amount.start))


def increment(text: str, a: Amount) -> bool:
    """An amount a figure grew or fell by ("up by $10 million", "10 млн долларға
    өсті"), not a level."""
    before = text[max(0, a.start - 40):a.start]
    if _INCREMENT_LEFT.search(before) and (UP.search(before) or DOWN.search(before)
                                           or _DIFFERENCE_AFTER.match(text[a.end:])):
        return True
    if _CHANGE_OF.search(before):
        return True
    if _DIFFERENCE_AFTER.match(text[a.end:]) and re.search(r"на\s*$", before, _I):
        return True
    if _PERCENT_OR.search(before):
        return True  # "11.2 percent (or $3.9 million) higher"
    if _OR_PERCENT.match(text, a.end):
        return True  # "8.8 сая ам.доллар буюу 12.4 хувиар", "by $8.8 million, or 12.4 %"
    if _FROM.search(text, a.start, a.end) and _MORE_THEN_CHANGE.match(text, a.end):
        return True  # "17 млн доллардан астам ұлғайған": grew by more than 17 million
    return bool(_BY_CASE.search(text[a.start:a.end]) and _CHANGE_VERB.match(text[a.end:]))


_OR_PERCENT = re.compile(rf"{SP}*,?{SP}*(?:буюу|или|яғни|немесе|or){SP}+(?:by{SP}+|на{SP}+)?"
                         rf"\d+(?:[.,]\d+)?{SP}*(?:%|хувиар|хувь|пайызға|пайыз|процент\w*|percent)"
                         # ("5,7 млн, или 146,2% к уровню 2024 года" is an index, not a change)
                         rf"(?!{SP}+(?:к|ко|to|against|of)\b)", _I)
_PERCENT_OR = re.compile(r"\d\s*(?:%|percent|per\s+cent|процент\w*|пайыз\w*|хувь\w*)\s*[(,]\s*"
                         r"(?:or|или|яғни|буюу|т\.\s?е\.)\s*$", _I)
# Kazakh ablative on an amount: "доллардан"
_FROM = re.compile(r"(?:дан|ден|тан|тен|нан|нен)$", _I)
_MORE_THEN_CHANGE = re.compile(rf"{SP}+(?:астам|артық|аса|астамға){SP}+(?:өс|арт|ұлғай|көбей|"
                               r"азай|төменде|қысқар)\w*", _I)


# "экспорт можно довести до 150 млн", "could be raised to": what is possible, no goal
_POSSIBLE = re.compile(r"\bможно\b|\bcould\b|\bcan\s+be\b|\bмүмкін\b|\bpotential\b|"
                       r"\bпотенциал\w*|\bәлеует\w*|\bболомж\w*|\bмог(?:ли|ла|ло)?\s+бы\b", _I)


def possible_only(text: str, p: Place, flow: Flow) -> bool:
    """Whether a goal-like amount is only said to be possible (before it, or after it in
    Kazakh and Mongolian: "200 млн долларға дейін арттыруға толық әлеует бар")."""
    a = p.amount
    verb_final = _TO_CASE.search(text, a.start, a.end) or _UP_TO.match(text, a.end)
    return bool(_POSSIBLE.search(text, p.left, a.start)
                or (verb_final and _POSSIBLE.search(text, a.end, p.clause_end)))


# An amount in the dative, or "up to", in Kazakh and Mongolian: its verb comes after it.
_TO_CASE = re.compile(r"(?:ға|ге|қа|ке|[тд])$", _I)
_UP_TO = re.compile(r"\s*(?:дейін|хүртэл)\b", _I)


def is_target(text: str, p: Place) -> bool:
    """Whether the amount is a goal to reach ("to bring trade to $500 million", "цель –
    500 млн", "500 млн долларға жеткізу", "500 сая ам.долларт хүргэх")."""
    left = text[p.left:p.amount.start]
    after = text[p.amount.end:p.clause_end + 30]
    if (_TARGET_VERB.search(left) or _TARGET_REACHING.search(left)
            or _TARGET_AFTER.match(after) or _TARGET_NAMED.match(after)):
        return True
    noun = _TARGET_NOUN.search(left)
    return noun is not None and not _ACTUAL_VERB.search(left[noun.start():])


def named_target(text: str, p: Place) -> Flow | None:
    """"the agreed $500 million target", "цели – 500 млн долларов" name the trade goal
    without a trade word."""
    left = text[p.left:p.amount.start]
    noun = _TARGET_NOUN.search(left)
    if _TARGET_NAMED.match(text[p.amount.end:p.clause_end + 30]) or (
            noun is not None and not _ACTUAL_VERB.search(left[noun.start():])):
        return Flow("trade", p.amount.start, p.amount.start)
    return None


_PRONOUN = re.compile(
    r"(?:\bit|\bон|\bона|\bоно)\s+(?:has\s+|had\s+)?(?:amounted|reached|stood|totall?ed|was|"
    r"came|rose|grew|fell|increased|decreased|climbed|jumped|dropped|declined|hit|exceeded|"
    r"topped|surpassed|"
    r"составил[аио]?|достиг(?:ла|ло)?|вырос(?:ла|ло)?|снизил(?:ся|ась|ось)|сократил(?:ся|ась|ось)|"
    r"увеличил(?:ся|ась|ось))"
    r"(?:\s+(?:to|at|by|up|down|about|around|nearly|almost|over|some|more\s+than|just\s+over|"
    r"до|около|почти|более|свыше|порядка))*\s*$", _I)


# Kazakh and Mongolian put the verb after the amount: "ол 63,5 млн долларға дейін
# құлдырады", "энэ нь 34.9 сая ам.доллар болсон".
_PRONOUN_BEFORE = re.compile(r"\b(?:ол|энэ\s+нь|тэр\s+нь)\s*$", _I)
_VERB_AFTER = re.compile(
    r"\W{0,3}\s*(?:(?:дейін|хүртэл)\s+)?(?:құлдыра|төменде|қысқар|азай|өс|арт|ұлғай|жет|құра|"
    r"бол|хүр|буур|нэмэгд|байсан|байв)\w*", _I)


def pronoun(text: str, p: Place) -> Flow | None:
    """"it amounted to $91.2 million", "ол ... құлдырады": the flow of the figure before."""
    m = _PRONOUN.search(text, p.left, p.amount.start) or (
        _PRONOUN_BEFORE.search(text, p.left, p.amount.start)
        if _VERB_AFTER.match(text, p.amount.end) else None)
    return Flow("it", m.start(), m.end()) if m else None


_CLAUSE_VERB = re.compile(
    r"\W{0,3}\s*(?:байсан|байсн\w*|байв|болсон|болжээ|хүрсэн|құрады|болды|болған|жетті)\w*", _I)
_STATED_AFTER = re.compile(
    r"\W{0,3}\s*(?:байсан|байсн\w*|байв|болсон|болжээ|хүрсэн|хүрч|құрады|құрап|болды|болған|"
    r"жетті|was\b|were\b|составил\w*|достиг\w*)", _I)


_MODAL = re.compile(r"\W{0,3}\s*(?:магадгүй|болзошгүй|бололтой|мүмкін|ықтимал)", _I)


def forecast(text: str, p: Place, flow: Flow) -> bool:
    """A figure someone expects or thinks possible, which is neither cited nor the goal."""
    # (from a little before the trade word: "может дополнительно экспортировать ... на")
    start = max(p.left, flow.start - 30) if flow.start < p.amount.start else p.left
    after = text[p.amount.end:p.clause_end]
    # "83.5 сая ам.доллар байсныг бодоход ... магадгүй": a level stated, then a guess
    stated = _STATED_AFTER.match(after)
    return bool(FORECAST.search(text[start:p.amount.start])
                or (FORECAST.search(after) and not stated)
                # "300 сая ам.долларт хүрч магадгүй": might reach
                or (stated and _MODAL.match(after, stated.end())))

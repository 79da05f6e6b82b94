"""From an article's text to candidate rows: each sentence's amounts, read with the
words around them (flow, scope, decoys, target), the period they cover, the change
stated for them, whether they are rounded, and who reported them.

``extract_text`` is the engine's entry point for text; it never touches the disk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from trade_dash.domain.extract import numbers, periods, scope, sources, tables, yoy
from trade_dash.domain.extract.naming import numbered
from trade_dash.domain.extract.record import Candidate
from trade_dash.domain.extract.text import (
    BILATERAL,
    KZ,
    MN,
    Sentence,
    country_mentions,
    language,
    mask,
    other,
    sentences,
)

# Above this, an amount is a country's total or another scope: Kazakhstan–Mongolia
# trade has stayed far below it (US$ 150 million in 2024).
MAX_MUSD = Decimal(1000)
# Below this (ten thousand dollars) an amount is a price or a fee, never a year's trade.
MIN_MUSD = Decimal("0.01")


@dataclass
class _Paragraph:
    """What earlier sentences of the same paragraph said: a later sentence's figure
    without a period or a source takes theirs."""

    number: int = -1
    period: periods.PeriodMention | None = None
    body: sources.Body | None = None


@dataclass
class _Article:
    published: dt.date | None
    outlet: str
    file: str
    side: str | None  # the side the article speaks for, when known
    press_body: sources.Body | None  # the body that published the article itself
    both_named: bool  # the article is about the two countries: context enough for a figure
    paragraph: _Paragraph = field(default_factory=_Paragraph)
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


def extract_text(text: str, published: dt.date | str | None = None, outlet: str | None = None,
                 file: str | None = None) -> list[Candidate]:
    """Every Kazakhstan–Mongolia trade figure in ``text``, as candidate rows.

    ``published`` (a date or ``YYYY-MM-DD``) resolves "last year", "this year" and a
    period given without its year; ``outlet`` and ``file`` are copied into each row.
    The same figure cited twice in one article gives one candidate.
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published) if published else None
    outlet = outlet or ""
    press = sources.outlet_body(outlet)
    # The side "exports" means when nothing else says: the outlet's, else the language's
    # (Kazakh and Russian text are read as written from Kazakhstan, Mongolian as from
    # Mongolia; English says nothing).
    side = ((press.side if press else None) or sources.outlet_side(outlet)
            or {"kk": KZ, "ru": KZ, "mn": MN}.get(language(text)))
    art = _Article(published, outlet, file or "", side, press, _about_both(text))
    found: list[Candidate] = []
    seen: dict[tuple[object, ...], int] = {}  # each figure's place in ``found``
    main = -1  # where in ``found`` the last figure that is not a base figure is
    based: list[bool] = []  # for each of ``found``: whether it is a base figure
    sentence_of: list[int] = []  # and the sentence it is in
    undated: int | None = None  # a goal of the sentence before, stated without its year
    undated_goals: list[int] = []  # every goal stated without its year
    # A change the sentence before gave first, in the same paragraph (a headline's
    # rounded change is no such sentence)
    stated_ahead: tuple[int, numbers.Change] | None = None
    for s in sentences(text):
        art.sentence += 1
        art.flags = []
        figure_before = art.last_sentence == art.sentence - 1
        new = _sentence(s, art)
        if (stated_ahead is not None and stated_ahead[0] == s.paragraph and new
                and new[0].flow == "turnover" and not art.flags[0]
                and new[0].yoy_change_pct is None):
            new[0] = replace(new[0], yoy_change_pct=stated_ahead[1].pct)
        stated_ahead = None
        consumed = False  # whether the sentence's change went to a figure before it
        # A sentence with no figure of its own, or only the one a change is measured
        # from ("This is 24 % more than 2020's 71.3 million"), may state the change of
        # the figure before it.
        # (not when its change goes with an amount refused: "meat supplies doubled to
        # 1.8 million" is no change of the exports before)
        pairs = yoy.each_flow(s.text) if not new and not art.levels_refused else []
        for flow, change in pairs:
            # "Тиісінше экспорт 6,5%-ға, импорт 12,7%-ға өсті": each flow's figure before
            i = _last_of(s.text, flow, found, based, sentence_of, art)
            if i is not None and found[i].yoy_change_pct is None:
                found[i] = replace(found[i], yoy_change_pct=change.pct)
                consumed = True
        if all(art.flags) and main >= 0 and not art.levels_refused and not pairs:
            # (a sentence of base figures only points back to the figure they are
            # compared with, however far: "Былтырғы осы кезеңде бұл көрсеткіш ...")
            i = _stated_for(s.text, found, based, sentence_of, main,
                            figure_before or bool(art.flags), art)
            if i is not None:
                followed = yoy.followed_up(s.text, found[i])
                consumed = followed is not found[i]
                found[i] = followed
        # "Жыл басынан бері тауар айналымы 1,3 есеге өсті. Қаңтар-маусымда ... 41,2 млн": a
        # change given first, for the figure of the next sentence
        ahead = yoy.ahead(s.text) if not new and not consumed else None
        stated_ahead = (s.paragraph, ahead) if ahead is not None else None
        # "... to bring trade to $500 million. The government plans to reach this goal
        # by 2030.": a goal stated without its year takes the deadline of the next
        # sentence, when that has no figure of its own.
        deadline = _deadline(s.text) if undated is not None and not new else None
        if undated is not None and deadline is not None:
            found[undated] = replace(found[undated], year=deadline)
        undated = None
        for i, c in enumerate(new):
            key = (c.measure, c.flow, c.year, c.period, c.months, c.value_text)
            if key in seen:
                # A headline's figure restated with its change or source in the text:
                # the fuller sentence is the better evidence.
                j = seen[key]
                if _fuller(c, found[j]) and not art.flags[i]:
                    found[j], sentence_of[j] = c, art.sentence
            else:
                seen[key] = len(found)
                found.append(c)
                based.append(art.flags[i])
                sentence_of.append(art.sentence)
                if not art.flags[i] and c.measure == "actual":
                    main = len(found) - 1
                if c.measure == "target" and _deadline(s.text) is None:
                    undated = len(found) - 1
                    undated_goals.append(undated)
    for i in undated_goals:
        # "... 500 сая ам.долларт хүргэх зорилт тавьсан." and later "2030 он гэхэд 500 саяд
        # хүрэхэд": the goal's number with a deadline anywhere in the article dates it
        year = _goal_deadline(text, found[i].value_text)
        if year is not None and found[i].year != year:
            found[i] = replace(found[i], year=year)
    return numbered(_one_target_each(found), art.outlet, art.file)


def _stated_for(text: str, found: list[Candidate], based: list[bool], sentence_of: list[int],
                main: int, figure_before: bool, art: _Article) -> int | None:
    """Which figure given before a sentence without figures of its own (or with only
    base figures) the change it states is for: the last figure, when the sentence
    points back to it or names no flow; else the last figure of the flow it names,
    from the three sentences before."""
    flows = [m for m in scope.FLOW_WORDS.finditer(text) if m.lastgroup != "same"]
    if yoy.points_back(text) or not flows:
        return main if figure_before and all(based[main + 1:]) else None
    flow = scope.Flow(flows[0].lastgroup or "", flows[0].start(), flows[0].end())
    return _last_of(text, flow, found, based, sentence_of, art)


def _last_of(text: str, flow: scope.Flow, found: list[Candidate], based: list[bool],
             sentence_of: list[int], art: _Article) -> int | None:
    """The last figure of the flow a word names, from the three sentences before."""
    anchor = numbers.Amount(flow.end, flow.end, Decimal(0), False, False)
    code = scope.direction(text, flow, scope.Place(anchor, 0, len(text), len(text)), art.side)
    for i in range(len(found) - 1, -1, -1):
        if sentence_of[i] < art.sentence - 3:
            break
        if found[i].flow == code and not based[i] and found[i].measure == "actual":
            return i
    return None


def _fuller(c: Candidate, than: Candidate) -> bool:
    return ((c.yoy_change_pct is not None and than.yoy_change_pct is None)
            or (bool(c.reporter) and not than.reporter and c.yoy_change_pct == than.yoy_change_pct))


def _goal_deadline(text: str, value: str) -> int | None:
    """The deadline named in a sentence that gives the goal's number again."""
    number = re.compile(rf"(?<![\d.,]){re.escape(value)}(?![\d]|[.,]\d)")
    years = {year for s in sentences(text) if number.search(s.text)
             and (year := _deadline(s.text)) is not None}
    return years.pop() if len(years) == 1 else None


def _deadline(text: str) -> int | None:
    return next((m.year for m in periods.mentions(text) if m.role == "deadline"), None)


def _about_both(text: str) -> bool:
    """Whether the article is about the two countries: it names both, speaks of "the
    two countries", or of trade with, from or to one of them."""
    named = country_mentions(text)
    return (len({m.side for m in named}) == 2 or bool(BILATERAL.search(text))
            or any(m.role in ("partner", "source", "dest") for m in named))


def _one_target_each(found: list[Candidate]) -> list[Candidate]:
    """A goal restated in one article is one candidate: the one that names the year
    it is for, if any does (a headline seldom does)."""
    best: dict[tuple[str, str], Candidate] = {}
    for c in found:
        if c.measure == "target":
            key = (c.flow, c.value_text)
            if key not in best or (c.year or 0) > (best[key].year or 0):
                best[key] = c
    return [c for c in found if c.measure != "target" or best[(c.flow, c.value_text)] is c]


def _sentence(s: Sentence, art: _Article) -> list[Candidate]:
    if s.paragraph != art.paragraph.number:
        art.paragraph = _Paragraph(s.paragraph)
    art.sentence_side = None
    art.levels_refused = False
    if tables.cells(s.text):
        return _grid_row(s, art)
    art.grid = None
    if not _LIST_ITEM.match(s.text):
        art.list_code = _list_header(s.text, art)
    bodies = sources.bodies(s.text, art.side)
    text = mask(s.text, [(b.start, b.end) for b in bodies])
    mentions = periods.mentions(text)
    plain = [m for m in mentions if m.role == "plain"]
    amounts = numbers.amounts(text)
    row = numbers.row_amount(text, art.table_unit) if art.table_unit else None
    if row is not None and not any(x.start <= row.start < x.end for x in amounts):
        amounts = sorted([*amounts, row], key=lambda x: x.start)
    elif row is None:
        art.table_unit = numbers.table_unit(text)
    out: list[Candidate] = []
    if amounts:
        places = scope.places(text, amounts)
        changes = yoy.assign(text, places, mentions)
        for i in sorted(changes):
            # "77.3 million, up 21.2 % on 2016's 63.8 million": the change is the
            # figure's before the base it is measured from
            if i + 1 < len(places) and i + 1 not in changes and _from_to(text, places[i].amount):
                changes[i + 1] = changes.pop(i)  # "вырос на 22,9% – с 96,4 млн до 118,5 млн"
            elif i and i - 1 not in changes and _base_figure(text, places[i]):
                changes[i - 1] = changes.pop(i)
        previous: scope.Flow | None = None
        for i, p in enumerate(places):
            before = places[i - 1] if i else None
            flow = (scope.flow_word(text, p, before) or _continued(text, p, previous)
                    or scope.named_target(text, p) or scope.pronoun(text, p)
                    or _compared_with(text, p) or _carried(text, p, art)
                    or _listed(text, p, art))
            c = _candidate(s, text, p, before, flow, plain, mentions, changes.get(i), bodies,
                           art)
            previous = flow
            if c is not None:
                out.append(c)
            elif not scope.increment(text, p.amount):
                art.levels_refused = True
    if out:
        art.last_count = len(out)
    if out and art.last_period is not None:
        art.paragraph.period = art.last_period
    elif plain:
        art.paragraph.period = plain[-1]
    if plain:
        art.named_period = plain[-1]
    if bodies and _ATTRIBUTION.search(s.text):
        art.paragraph.body = bodies[-1]
    return out


def _grid_row(s: Sentence, art: _Article) -> list[Candidate]:
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
    if not _possible(year, months, mention, art.published):
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


_LIST_ITEM = re.compile(r"^\s*[-–—•*·]\s*")


def _list_header(text: str, art: _Article) -> str | None:
    """The flow a line ending in a colon names, if it holds no amount and names no
    goods: the flow of the list items below it."""
    if not text.rstrip().endswith(":") or numbers.amounts(text) or scope.names_goods(text):
        return None
    words = [m for m in scope.FLOW_WORDS.finditer(text) if m.lastgroup != "same"]
    if not words and art.last_sentence >= art.sentence - 3:
        # "Соңғы жылдардағы динамикаға көз жүгіртсек:" (no trade word): the items go on
        # with the flow of the figures just before
        return art.last_code
    if len(words) != 1 or scope.scope(text, scope.Place(
            numbers.Amount(len(text), len(text), Decimal(0), True, False), 0, len(text),
            len(text))) == "refused":
        return None
    flow = scope.Flow(words[0].lastgroup or "", words[0].start(), words[0].end())
    anchor = numbers.Amount(flow.end, flow.end, Decimal(0), False, False)
    return scope.direction(text, flow, scope.Place(anchor, 0, len(text), len(text)), art.side)


def _listed(text: str, p: scope.Place, art: _Article) -> scope.Flow | None:
    """An item of a list under a header that named its flow ("- 2021: US$97.5 million")."""
    if art.list_code is None or not _LIST_ITEM.match(text) or not p.amount.currency:
        return None
    return scope.Flow("listed", p.left, p.left)


def _continued(text: str, p: scope.Place, previous: scope.Flow | None) -> scope.Flow | None:
    """An amount with no trade word of its own continues the flow of the amount before
    it ("from $74.8m in 2017 to $29.3m in 2020"), unless a new direction is named on the
    way ("..., ал Моңғолиядан әкелінген ..."): then it is not that flow's turnover."""
    if previous is None:
        return None
    directed = any(m.role in ("source", "dest")
                   for m in country_mentions(text[p.left:p.amount.start]))
    if directed and previous.kind in ("turnover", "trade"):
        return None
    return scope.Flow(previous.kind, p.left, p.left)


def _aside(text: str, p: scope.Place) -> re.Match[str] | None:
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


def _from_then_change(text: str, a: numbers.Amount) -> bool:
    return bool(_FROM_THEN_CHANGE.search(text, a.start, a.end) and _CHANGE_NEXT.match(text, a.end))



def _from_to(text: str, a: numbers.Amount) -> bool:
    """Whether the amount is the start of "grew by 22.9 % from 96.4 million to 118.5
    million" (no year of its own, a change stated): the year before's figure."""
    return bool(_FROM_BEFORE.search(text, max(0, a.start - 6), a.start)
                and _TO_AFTER.match(text, a.end) and numbers.changes(text))


_FROM_BEFORE = re.compile(r"\b(?:с|со|from)\s*\$?\s*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s*(?:млн\.?|mln|million)?\s*(?:долл\w*\.?\s*)?(?:до|to)\s", re.IGNORECASE)


def _base_figure(text: str, p: scope.Place) -> bool:
    """Whether the amount is given as what another figure is compared with."""
    a = p.amount
    return bool(_BASE_OPENING.match(text) or _aside(text, p) or _from_to(text, a)
                or _from_then_change(text, a)
                or (_POINTS_BACK.match(text) and numbers.changes(text))
                or _BASE_BEFORE.search(text[max(p.left, a.start - 45):a.start])
                or _BASE_AFTER.match(text[a.end:p.clause_end + 20]))


def _compared_with(text: str, p: scope.Place) -> scope.Flow | None:
    """A figure another is compared with and that names no trade word ("This is 24 %
    more than 2020's 71.3 million", "2020 жылғы 71,3 млн доллармен салыстырғанда") is
    of the flow of the figure before it."""
    before = text[max(p.left, p.amount.start - 45):p.amount.start]
    if not p.amount.currency or re.search(r"\b(?:more|less|fewer|over|under|no)\s+than\s*$",
                                          before, re.IGNORECASE):
        return None  # "more than 12 thousand citizens" is a count, "more than" a floor
    if (_BASE_BEFORE.search(before) or _BASE_AFTER.match(text[p.amount.end:p.clause_end + 20])
            or _from_then_change(text, p.amount)):
        return scope.Flow("it", p.amount.start, p.amount.start)
    return None


def _carried(text: str, p: scope.Place, art: _Article) -> scope.Flow | None:
    """A sentence with no trade word right after a figure goes on with that figure's
    flow when it says the amount was reached ("This year's first half: 47.8 million
    reached", "Энэ оны эхний 6 сард 47,8 сая ам.долларт хүрч")."""
    # the figure's sentence, or the one before it in the same paragraph ("... 118
    # million. A good result, but ... In the first quarter we reached 26.4 million")
    near = art.last_sentence == art.sentence - 1 or (
        art.last_sentence == art.sentence - 2 and art.last_paragraph == art.paragraph.number)
    if (art.last_code is None or not near
            or not p.amount.currency or scope.FLOW_WORDS.search(text)
            or _CHANGE_NOUN.search(text, p.left, p.amount.start)):
        return None
    if _LEVEL_AFTER.match(text, p.amount.end) or _LEVEL_BEFORE.search(
            text, p.left, p.amount.start):
        return scope.Flow("it", p.amount.start, p.amount.start)
    return None


# "The decline amounted to 11.9 million", "қысқару 11,9 млн долларды құрады": a change.
_CHANGE_NOUN = re.compile(
    r"\b(?:increase|growth|rise|gain|decline|decrease|drop|fall|рост|прирост|снижение|"
    r"сокращение|падение|увеличение|өсім|өсу|қысқару|азаю|төмендеу|ұлғаю|өсөлт|бууралт|"
    r"нэмэгдэл|хасагдал)\w*", re.IGNORECASE)

# The verbs that say an amount is the level reached.
_LEVEL_AFTER = re.compile(
    r"\W{0,3}\s*(?:(?:жуық|шамасында|астам|орчим|гаруй)\s+)?(?:хүрч|хүрсэн|хүрчээ|хүрлээ|болж|"
    r"болсон|болжээ|байсан|байв|жетті|жетіп|құрады|құрап|болды|болған|еді)\b", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(
    r"(?:\breached|\bamounted\s+to|\bstood\s+at|\btotall?ed|\bcame\s+to|\bhad|\bwas|\bwere|"
    r"\bсоставил\w*|\bвышл[иа]\s+на|\bвыш[её]л\s+на|"
    r"\bдостиг\w*|\bсоставлял\w*|\bравнял\w*)(?:\s+(?:about|around|nearly|almost|over|"
    r"some|около|почти|более|свыше|порядка))?\s*$", re.IGNORECASE)

_BASE_AFTER = re.compile(r"^[\s)]*(?:\w+\s+)?(?:салыстырғанда|қарағанда|харьцуулахад|ескерсек|"
                         r"бодоход)", re.IGNORECASE)

# A figure given as what another is compared with: "up from $127.3 million in 2023".
# ("than in 2021 ($108.5 million)": the year, then the amount in brackets)
_BASE_BEFORE = re.compile(r"(?:\bfrom|\bthan|\bagainst|\bvs\.?|\bversus|"
                          r"\bcompare[sd]?\s+(?:to|with)|"
                          r"\bпротив|\bпо\s+сравнению\s+с)"
                          r"(?:\s+(?:the\s+same\s+period\s+of\s+|in\s+|в\s+)?(?:19|20)\d\d"
                          r"(?:\s*г\.|\s+году?)?\s*[(:])?\s*$",
                          re.IGNORECASE)

# A sentence that opens by saying it gives the figures compared with: "A year earlier,
# ...", "Для сравнения: ...". Its periods are not the article's.
_BASE_OPENING = re.compile(
    r"^\W*(?:a\s+year\s+(?:earlier|before|ago)|for\s+comparison|by\s+comparison|"
    r"in\s+the\s+same\s+period\s+(?:of\s+|a\s+year\s+)|годом\s+ранее|год\s+назад|"
    r"для\s+сравнения|за\s+аналогичный\s+период|в\s+аналогичном\s+периоде|"
    r"салыстыру\s+үшін|салыстырмалы\s+түрде|өткен\s+жылы?\s+осы\s+кезеңде|"
    r"харьцуулахад|харьцуулбал|өмнөх\s+оны\s+мөн\s+үед|өнгөрсөн\s+оны\s+мөн\s+үед)\b",
    re.IGNORECASE)

_A_YEAR_EARLIER = re.compile(r"^\W*(?:a\s+year\s+(?:earlier|before|ago)|годом\s+ранее|год\s+назад|"
                             r"бір\s+жыл\s+бұрын|жилийн\s+өмнө)\b", re.IGNORECASE)

# A sentence about the figure before it: "This is 12.7 % more than in 2023, when ...",
# "Бұл 2020 жылғы ... (59,3 млн АҚШ доллары) 42,8%-ға артық"; with a change stated, its
# amounts are what that figure is compared with.
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:this|that|it)\s+(?:is|was|represents|marks|means)\s+(?:up\b|down\b|an?\s|"
    r"about|almost|nearly|over|more|less|higher|lower|in\s+\d|\d)|это\s+(?:на|в|почти)\b|"
    r"бұл\s+(?!жыл|көрсеткіш)|энэ\s+нь\b)", re.IGNORECASE)

# Words that say who gave a figure ("according to", "по данным", "мәліметінше").
_ATTRIBUTION = re.compile(
    r"according\s+to|\bsaid\b|\bsays\b|\btold\b|\bnoted\b|\breported\b|\bstated\b|"
    r"\bannounced\b|\bciting\b|по\s+данным|по\s+словам|сообщ\w+|отмет\w+|заяв\w+|"
    r"мәліметінше|мәлімет\w*|хабарла\w*|атап\s+өтт\w*|мэдээлснээр|мэдээгээр|мэдээлэл\w*|"
    r"хэлсэн|мэдэгдсэн",
    re.IGNORECASE,
)


def _candidate(s: Sentence, text: str, p: scope.Place, before: scope.Place | None,
               flow: scope.Flow | None,
               plain: list[periods.PeriodMention], mentions: list[periods.PeriodMention],
               change: yoy.Stated | None,
               bodies: list[sources.Body], art: _Article) -> Candidate | None:
    a = p.amount
    if flow is None or not MIN_MUSD <= a.musd <= MAX_MUSD:
        return None
    where = scope.scope(text, p)
    if where == "refused" or (where == "context" and not art.both_named):
        return None
    if before is not None and scope.part_of(text, p) and scope.scope(text, before) == "refused":
        return None  # "Mongolia's total trade was 3.9 billion, of which exports ..."
    if scope.decoy(text, p, flow):
        return None
    target = scope.is_target(text, p)
    if target and scope.possible_only(text, p, flow):
        return None
    if not target and scope.forecast(text, p, flow):
        return None
    body = _body(p, bodies, art)
    perspective = art.sentence_side or (body.side if body else None) or art.side
    # "this figure" points back to the article's headline figure: its turnover, if given
    # ("Last year's total"); but a figure in the same sentence, or the one figure of the
    # sentence before, is the one it means
    alone = art.last_sentence == art.sentence or (
        art.last_sentence == art.sentence - 1 and art.last_count == 1)
    total = re.match(r"total", text[flow.start:flow.end], re.IGNORECASE)
    same = ("turnover" if art.turnover_found and (total or not alone) else art.last_code)
    if flow.kind == "it":
        code = art.last_code
    elif flow.kind == "listed":
        code = art.list_code
    elif target and flow.start > a.start:
        code = "turnover"  # a goal's trade word comes before it; one after is another's
    else:
        code = (same if flow.kind == "same"
                else scope.direction(text, flow, p, perspective, art.side))
    if code is None:
        return None
    named = code != "turnover" and _named_direction(text, flow, p)
    if named:
        exporter = KZ if code == "kz_exports_to_mn" else MN
        art.sentence_side = exporter if flow.kind == "export" else other(exporter)
    confidence = 1.0 if a.currency else 0.75
    confidence *= 0.8 if where == "context" else 1.0
    confidence *= 0.9 if flow.kind == "trade" else 1.0
    if target:
        deadline = next((m.year for m in mentions if m.role == "deadline"), None)
        year = deadline or (art.published.year if art.published else None)
        months, change_pct, base = 12, None, False
    else:
        compared = [m for m in mentions if m.role == "compare"]
        chosen = _period(text, p, before, plain, compared, art)
        if chosen is None:
            return None
        mention, weight = chosen
        if mention.months == 0:
            return None  # "in June–August", "in July 2025": not a period of the data file
        # "бұл көрсеткіш 43,1 млн болған" for an earlier period: the figure before, then
        base = (mention.role == "compare" or _base_figure(text, p)
                or (flow.kind == "same" and art.last_period is not None
                    and _earlier(mention, art.last_period, art)))
        if not base:
            art.last_period = mention  # a base figure's period is not the article's
            art.main_period = art.main_period or mention
        year, months = periods.resolve(mention, art.published)
        if not _possible(year, months, mention, art.published):
            return None
        confidence *= weight * (0.5 if year is None else 1.0)
        # A figure another is measured from has no change of its own stated.
        change_pct = None if base else yoy.on_year_before(change, year, months, plain,
                                                          art.published)
    if code != "turnover" and not named:
        confidence *= 0.85
    confidence *= 1.0 if body else 0.95
    art.flags.append(base)
    art.last_code, art.last_body, art.last_sentence = code, body, art.sentence
    art.last_paragraph = art.paragraph.number
    art.turnover_found = art.turnover_found or (code == "turnover" and not target)
    return Candidate(
        citation_id="", measure="target" if target else "actual", flow=code, year=year,
        period="full_year" if months == 12 else "year_to_date", months=months,
        value_musd=float(a.musd), value_text=numbers.plain(a.musd), yoy_change_pct=change_pct,
        precision="approximate" if numbers.approximate(text, a) else "exact",
        reporter=body.name if body else "", reporter_kind=body.kind if body else "",
        reporting_country=(body.side or "") if body else "", outlet=art.outlet,
        published=art.published.isoformat() if art.published else "", file=art.file,
        sentence=s.text, figure=(a.start, a.end), confidence=round(confidence, 2),
    )


def _body(p: scope.Place, bodies: list[sources.Body], art: _Article) -> sources.Body | None:
    """Who reported the figure: the body named nearest to it in the sentence, else the
    source of a figure in the sentence just before, else the last one credited with
    words earlier in the paragraph, else the body that published the article."""
    if bodies:
        return min(bodies, key=lambda b: abs(b.start - p.amount.start))
    if art.last_sentence >= art.sentence - 1 and art.last_body is not None:
        return art.last_body
    return art.paragraph.body or art.press_body


def _period(text: str, p: scope.Place, before: scope.Place | None,
            plain: list[periods.PeriodMention], compared_all: list[periods.PeriodMention],
            art: _Article) -> tuple[periods.PeriodMention, float] | None:
    """The period mention an amount goes with, and how sure that is: the nearest one in
    its own stretch of the sentence (from the previous amount's clause to the end of its
    own), else the nearest in the sentence, else the last one of the paragraph, else
    that of the figure before."""
    a = p.amount

    def distance(m: periods.PeriodMention) -> int:
        return a.start - m.end if m.end <= a.start else m.start - a.end

    def theirs(m: periods.PeriodMention) -> bool:
        return before is not None and before.amount.end <= m.start < before.clause_end

    year_before = _year_before(text, a, compared_all, art)
    if year_before is not None:
        return year_before, 0.85
    if _from_to(text, a):
        ref = min(plain, key=distance) if plain else art.last_period
        if ref is not None and (year := periods.resolve(ref, art.published)[0]) is not None:
            _, months = periods.resolve(ref, art.published)
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
    nxt = next((x for x in numbers.amounts(text) if x.start >= a.end), None)
    if nxt is not None and (_BASE_BEFORE.search(text[max(p.left, nxt.start - 32):nxt.start])
                            or _from_then_change(text, nxt)
                            or _BASE_AFTER.match(text[nxt.end:nxt.end + 40])):
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
                    and not _BASE_OPENING.match(text)
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
                and not _earlier(art.last_period, art.main_period, art) else None)
        return just or art.main_period, 0.9
    if pool:
        chosen = min(pool, key=distance)
        if chosen.months and chosen.year is None and chosen.relative is None:
            chosen = _with_year(text, chosen, plain, a)
            year_named = art.paragraph.period
            if (chosen.year is None and chosen.relative is None and year_named is not None
                    and year_named.months is None and year_named.year is not None):
                # "The start of 2025 was softer. Turnover in the first quarter stood at ...":
                # the year the paragraph named
                chosen = replace(chosen, year=year_named.year)
        if (chosen.year is None and chosen.relative is None and _A_YEAR_EARLIER.match(text)
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
        m.end <= a.start or _BASE_BEFORE.search(text[max(p.left, a.start - 45):a.start]))]
    if same and (earlier := _one_year_back(same[0], art)) is not None:
        # "A year earlier, for the same period, the figure was ...": the period of the
        # figure before it, one year back.
        return earlier, 0.85
    if art.paragraph.period is not None:
        return art.paragraph.period, 0.85
    if art.last_period is not None:
        # A new paragraph after a look back ("In 2022 it was 101.4 million.") returns
        # to the article's own period.
        if art.main_period is not None and _earlier(art.last_period, art.main_period, art):
            return art.main_period, 0.8
        return art.last_period, 0.8
    if art.named_period is not None:
        # No figure yet: the period the title or the lead named ("Foreign trade,
        # January–June 2025"), for a figure in a paragraph of its own.
        return art.named_period, 0.7
    return None


def _so_far(art: _Article) -> periods.PeriodMention | None:
    """The article's first period, when it is January to month N of the year the
    article appeared in."""
    if art.main_period is None or art.published is None:
        return None
    year, months = periods.resolve(art.main_period, art.published)
    return art.main_period if year == art.published.year and months < 12 else None


def _earlier(m: periods.PeriodMention, than: periods.PeriodMention, art: _Article) -> bool:
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
                 art: _Article) -> periods.PeriodMention | None:
    """An amount with "a year before" right next to it ("from $104.2 million a year
    before"), or after "five years earlier" in its clause, is the figure before it, that
    many years back."""
    amounts = numbers.amounts(text) if compared else []
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
_REPORTING = re.compile(
    r"\b(?:reporting|review(?:ed)?)\s+period\b|\b(?:this|that|the\s+same)\s+period\b|"
    r"\bотчетн\w+\s+период\w*|\b(?:за|в)\s+(?:этот|тот\s+же|данный)\s+период\b|"
    r"\bесепті\s+кезең\w*|\bосы\s+кезең\w*|\bтайлант\s+(?:хугацаа|үе)\w*|"
    r"\b(?:энэ|мөн|тус)\s+хугацаа\w*|\bэнэ\s+үе\w*", re.IGNORECASE)

# An amount in brackets right after a change: the figure the change is measured from.
_AFTER_CHANGE = re.compile(r"(?:%|percent|per\s+cent|пайыз|процент|хувь|раза?|есе|дахин)"
                           r"[\w-]*(?:\s+\w+)?\s*\(\s*$", re.IGNORECASE)


def _when(text: str, p: scope.Place, compared: list[periods.PeriodMention],
          art: _Article) -> periods.PeriodMention | None:
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


def _compared(m: periods.PeriodMention, art: _Article) -> periods.PeriodMention | None:
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


def _one_year_back(m: periods.PeriodMention, art: _Article, years: int = 1
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


def _with_year(text: str, partial: periods.PeriodMention, plain: list[periods.PeriodMention],
               a: numbers.Amount) -> periods.PeriodMention:
    """A January-to-month-N mention without a year takes the year named in the same
    sentence, if no other amount stands between them ("In 2025, in seven months, ...")."""
    # (a year far after the amount is another thing's: "... as a record 2024 harvest")
    years = [m for m in plain if m.months is None and (m.year or m.relative is not None)
             and m.start <= a.end + 40]
    for y in sorted(years, key=lambda m: abs(m.start - partial.start)):
        low, high = sorted((y.start, partial.start))
        if not any(low < x.start < high for x in numbers.amounts(text)) or (
                low <= a.start <= high):
            return replace(partial, year=y.year, relative=y.relative)
    return partial


def _possible(year: int | None, months: int, mention: periods.PeriodMention,
              published: dt.date | None) -> bool:
    """Whether a period can have a cited figure: "this year" with no months is not a
    period, and a year not over when the article appeared has no full-year figure."""
    if mention.relative == 0 and mention.months is None:
        return False
    if published and year is not None:
        end = dt.date(year, months, 28)
        return end < published
    return True


def _named_direction(text: str, flow: scope.Flow, p: scope.Place) -> bool:
    low, high = max(p.left, flow.start - 60), min(p.clause_end, flow.end + 60)
    return any(m.role != "name" for m in country_mentions(text[low:high]))

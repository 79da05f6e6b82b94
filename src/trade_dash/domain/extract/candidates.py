"""From an article's text to candidate rows: each sentence's amounts, read with the
words around them (flow, scope, decoys, target), the period they cover, the change
stated for them, whether they are rounded, and who reported them.

``extract_text`` is the engine's entry point for text; it never touches the disk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from trade_dash.domain.extract import numbers, periods, scope, sources, tables, yoy
from trade_dash.domain.extract.bases import base_figure, compared_with, from_to
from trade_dash.domain.extract.dating import is_earlier, period_of, possible
from trade_dash.domain.extract.lists import LIST_ITEM, grid_row, list_header, listed
from trade_dash.domain.extract.naming import numbered
from trade_dash.domain.extract.record import Candidate
from trade_dash.domain.extract.state import MAX_MUSD, MIN_MUSD, Paragraph, Reading
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
    art = Reading(published, outlet, file or "", side, press, _about_both(text))
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
                main: int, figure_before: bool, art: Reading) -> int | None:
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
             sentence_of: list[int], art: Reading) -> int | None:
    """The last figure of the flow a word names, from the three sentences before."""
    code = scope.direction(text, flow, scope.whole(text, flow.end), art.side)
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


def _sentence(s: Sentence, art: Reading) -> list[Candidate]:
    if s.paragraph != art.paragraph.number:
        art.paragraph = Paragraph(s.paragraph)
    art.sentence_side = None
    art.levels_refused = False
    if tables.cells(s.text):
        return grid_row(s, art)
    art.grid = None
    if not LIST_ITEM.match(s.text):
        art.list_code = list_header(s.text, art)
    bodies = sources.bodies(s.text, art.side)
    text = mask(s.text, [(b.start, b.end) for b in bodies])
    mentions = periods.mentions(text)
    plain = [m for m in mentions if m.role == "plain"]
    written = amounts = numbers.amounts(text)  # (the amounts written in full, for dating)
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
            if i + 1 < len(places) and i + 1 not in changes and from_to(text, places[i].amount):
                changes[i + 1] = changes.pop(i)  # "вырос на 22,9% – с 96,4 млн до 118,5 млн"
            elif i and i - 1 not in changes and base_figure(text, places[i]):
                changes[i - 1] = changes.pop(i)
        previous: scope.Flow | None = None
        for i, p in enumerate(places):
            before = places[i - 1] if i else None
            flow = (scope.flow_word(text, p, before) or _continued(text, p, previous)
                    or scope.named_target(text, p) or scope.pronoun(text, p)
                    or compared_with(text, p) or _carried(text, p, art)
                    or listed(text, p, art))
            c = _candidate(s, text, p, before, flow, plain, mentions, written, changes.get(i),
                           bodies, art)
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


def _carried(text: str, p: scope.Place, art: Reading) -> scope.Flow | None:
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
               written: list[numbers.Amount], change: yoy.Stated | None,
               bodies: list[sources.Body], art: Reading) -> Candidate | None:
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
        chosen = period_of(text, p, before, plain, compared, written, art)
        if chosen is None:
            return None
        mention, weight = chosen
        if mention.months == 0:
            return None  # "in June–August", "in July 2025": not a period of the data file
        # "бұл көрсеткіш 43,1 млн болған" for an earlier period: the figure before, then
        base = (mention.role == "compare" or base_figure(text, p)
                or (flow.kind == "same" and art.last_period is not None
                    and is_earlier(mention, art.last_period, art)))
        if not base:
            art.last_period = mention  # a base figure's period is not the article's
            art.main_period = art.main_period or mention
        year, months = periods.resolve(mention, art.published)
        if not possible(year, months, mention, art.published):
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


def _body(p: scope.Place, bodies: list[sources.Body], art: Reading) -> sources.Body | None:
    """Who reported the figure: the body named nearest to it in the sentence, else the
    source of a figure in the sentence just before, else the last one credited with
    words earlier in the paragraph, else the body that published the article."""
    if bodies:
        return min(bodies, key=lambda b: abs(b.start - p.amount.start))
    if art.last_sentence >= art.sentence - 1 and art.last_body is not None:
        return art.last_body
    return art.paragraph.body or art.press_body


def _named_direction(text: str, flow: scope.Flow, p: scope.Place) -> bool:
    low, high = max(p.left, flow.start - 60), min(p.clause_end, flow.end + 60)
    return any(m.role != "name" for m in country_mentions(text[low:high]))

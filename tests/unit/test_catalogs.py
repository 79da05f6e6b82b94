"""The translation catalogs are complete, current, consistent with the glossary, and
what the install compiled from them (the .mo files and the plotly.js locales) is current.
"""

from __future__ import annotations

import gettext
import re
import shlex
import shutil
from collections import Counter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.support import ROOT
from trade_dash.wording import catalogs
from trade_dash.wording.catalogs import LOCALE_DIR, PLOTLY_MESSAGES, d3_time_format, plotly_locale
from trade_dash.wording.languages import LANGUAGES

POT = LOCALE_DIR / "messages.pot"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdifr]|\{(\w*)\}")


TRANSLATING = ROOT / "docs" / "languages.md"


def documented_command(name: str) -> list[str]:
    """The ``pybabel <name> ...`` line of the translators' page, as arguments."""
    text = TRANSLATING.read_text(encoding="utf-8")
    line = next(li.strip() for li in text.splitlines() if li.strip().startswith(f"pybabel {name} "))
    return shlex.split(line)


def read(path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def key(m: Message) -> tuple:
    return (m.context, tuple(m.id) if isinstance(m.id, (list, tuple)) else m.id)


def messages(catalog: Catalog) -> dict[tuple, Message]:
    return {key(m): m for m in catalog if m.id}


def po(lang: str) -> Catalog:
    return read(catalogs.po_path(lang))


def test_every_language_has_a_catalog_and_a_glossary_and_nothing_else_has():
    assert sorted(LANGUAGES) == catalogs.catalog_languages()
    for lang in LANGUAGES:
        assert (LOCALE_DIR / lang / "glossary.csv").is_file(), lang


def test_the_template_holds_every_message_in_the_code(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    fresh = tmp_path / "messages.pot"
    args = documented_command("extract")  # the documented command, writing elsewhere
    args[args.index("-o") + 1] = str(fresh)
    CommandLineInterface().run([args[0], "--quiet", *args[1:]])
    missing = set(messages(read(fresh))) - set(messages(read(POT)))
    stale = set(messages(read(POT))) - set(messages(read(fresh)))
    hint = "run the `pybabel extract` and `pybabel update` commands in docs/languages.md"
    assert missing == set(), f"messages not in messages.pot: {hint}"
    assert stale == set(), f"messages.pot lists messages the code no longer has: {hint}"


def test_the_documented_update_and_compile_commands_work(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    for name, option, value in (("update", "-d", copy), ("compile", "-d", copy)):
        args = documented_command(name)
        args[args.index(option) + 1] = str(value)
        CommandLineInterface().run([args[0], "--quiet", *args[1:]])
    for lang in LANGUAGES:  # updating an up-to-date catalog changes no message
        assert messages(read(catalogs.po_path(lang, copy))).keys() == messages(po(lang)).keys()
    kk = gettext.translation(catalogs.DOMAIN, copy, languages=["kk"])
    assert kk.pgettext("flow", "Turnover") == "Тауар айналымы"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_every_message_of_the_template_and_no_other(lang):
    template, catalog = set(messages(read(POT))), set(messages(po(lang)))
    assert template - catalog == set(), "missing: run `pybabel update` and translate them"
    assert catalog - template == set(), "not in the template: run `pybabel update`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_has_no_fuzzy_or_untranslated_message(lang):
    catalog = po(lang)
    assert not catalog.fuzzy, "the catalog's header is marked fuzzy"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    untranslated = [m.id for m in catalog if m.id and not all(_strings(m))]
    assert fuzzy == []
    assert untranslated == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_messages_have_every_form_the_language_needs(lang):
    catalog = po(lang)
    for m in catalog:
        if m.id and m.pluralizable:
            assert len(m.string) == catalog.num_plurals, m.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(lang):
    broken = []
    for m in po(lang):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        want = _placeholders(ids[-1])
        assert all(_placeholders(i) == want for i in ids), m.id  # singular and plural agree
        broken += [(m.id, s) for s in _strings(m) if _placeholders(s) != want]
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_babel_finds_no_error_in_the_catalog(lang):
    assert [(m.id, errors) for m, errors in po(lang).check()] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_installed_compiled_catalog_is_current(lang):
    mo_path = catalogs.po_path(lang).with_suffix(".mo")
    assert mo_path.is_file(), "not compiled: reinstall (`make` or `pip install -e .`)"
    with mo_path.open("rb") as f:
        compiled = {_mo_key(m): _strings(m) for m in read_mo(f) if m.id}
    source = {k: _strings(m) for k, m in messages(po(lang)).items()}
    assert compiled == source, "the .mo is older than the .po: reinstall to recompile"


def _mo_key(m: Message) -> tuple:
    # Babel's .mo reader gives the context as bytes.
    context = m.context.decode() if isinstance(m.context, bytes) else m.context
    return (context, key(m)[1])


def _glossary(lang: str) -> dict[str, dict[str, str]]:
    return {row["term"]: row for row in catalogs.read_glossary(lang)}


# One term per concept in each language: the product's caveat ("scenarios, not forecasts;
# the target year is an assumption") is lost if one word stands for two of them.
CONCEPTS = ["scenario", "projection", "forecast", "assumption", "estimate", "alternate",
            "briefing pack", "chart"]


def test_glossary_terms_are_the_issue_s_list_in_every_language():
    # The first issue's list, "citation", which the catalogs once wrote several ways, and
    # the concepts that must each keep one term.
    terms = ["turnover", "year to date", "annualised", "target", "growth rate",
             "reporting side", "disputed", "approximate", "citation", *CONCEPTS]
    for lang in LANGUAGES:
        rows = _glossary(lang)
        assert sorted(rows) == sorted(terms), lang
        for row in rows.values():
            assert row["translation"] and row["match"], (lang, row["term"])
            assert re.search(row["match"], row["translation"], re.I), (lang, row["term"])
            if row["avoid"]:  # the words it replaces are not the term itself
                assert not re.search(row["avoid"], row["translation"], re.I), (lang, row["term"])
    # No two concepts share a term: each concept's term is not another concept's.
    for lang in LANGUAGES:
        rows = _glossary(lang)
        for a in CONCEPTS:
            clash = [b for b in CONCEPTS
                     if b != a and re.search(rows[b]["match"], rows[a]["translation"], re.I)]
            assert clash == [], (lang, a)


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_catalogs_use_the_glossary_term_wherever_the_english_has_it(lang):
    english, local = _glossary("en"), _glossary(lang)
    checked, off = 0, []
    for m in po(lang):
        if not m.id:
            continue
        source = _words(" ".join(m.id) if isinstance(m.id, tuple) else m.id)
        for term, row in english.items():
            if re.search(row["match"], source, re.I):
                checked += 1
                off += [(term, m.id, s) for s in _strings(m)
                        if not re.search(local[term]["match"], _words(s), re.I)]
    assert checked >= 8  # the catalogs do exercise every term
    assert off == []


def other_concepts(lang: str, english: str, translation: str) -> list[str]:
    """The concepts whose term ``translation`` uses although ``english`` does not name them."""
    en, local = _glossary("en"), _glossary(lang)
    return [c for c in CONCEPTS if re.search(local[c]["match"], _words(translation), re.I)
            and not re.search(en[c]["match"], _words(english), re.I)]


@pytest.mark.parametrize(
    ("lang", "english", "translation", "found"),
    [
        ("kk", "%(year)s (an assumption)", "%(year)s (болжам)", ["forecast"]),
        ("kk", "%(year)s (an assumption)", "%(year)s (жорамал)", []),
        ("mn", "Alternate", "Өөр хувилбар", ["scenario"]),
        ("mn", "Alternate", "Орлох утга", []),
        ("ru", "Projections are scenarios, not forecasts.",
         "Прогнозные линии — сценарии, а не прогнозы.", []),  # caught by "avoid" instead
        ("ru", "Base of the projection", "База прогноза", ["forecast"]),
        ("mn", "'%(alternate)s' rows", "«%(alternate)s» мөрүүд", []),  # a placeholder's name
    ],
)
def test_a_term_used_for_another_concept_is_found(lang, english, translation, found):
    assert other_concepts(lang, english, translation) == found


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_message_uses_another_concept_s_term(lang):
    """Kazakh болжам (forecast) in an assumption, Mongolian хувилбар (scenario) for an
    alternate citation: each concept's term appears only where the English names it."""
    off = [(m.id, s, other_concepts(lang, " ".join(m.id) if isinstance(m.id, tuple) else m.id, s))
           for m in po(lang) if m.id for s in _strings(m)]
    assert [o for o in off if o[2]] == []


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_message_uses_a_word_the_glossary_replaced(lang):
    """The words the glossary names in its "avoid" column (Kazakh баға for an estimate, which
    reads as a price; Russian проекция; Mongolian сценари, тааварласан) are gone."""
    avoid = {row["term"]: row["avoid"] for row in _glossary(lang).values() if row["avoid"]}
    off = [(term, m.id, s) for m in po(lang) if m.id for s in _strings(m)
           for term, pattern in avoid.items() if re.search(pattern, _words(s), re.I)]
    assert off == []


# A case ending glued to a placeholder (%(year)s-дан, %(side)s-ийн) is right for some values
# and wrong for others (2023 and 2024 take -тен, not -дан), so no Kazakh or Mongolian message
# has one: the sentence is reworded, or a noun after the placeholder carries the ending
# (%(year)s жылдан). Ordinal hyphens are fine: the hyphen stands for the ordinal ending and
# the noun after it takes any case ending (%(number)s-бет, %(line)s-жолда, %(line)s-р мөр).
GLUED = re.compile(r"(?:%\(\w+\)[sdifr]|\{\w*\})[»”’'\")\]]*(-?)([^\W\d_]\w*)")
ORDINAL = {"kk": re.compile(r"(?:бет|жол)\w*"), "mn": re.compile(r"р")}
# Words written apart that still agree with the value before them: Kazakh "and" (мен, бен,
# пен) and postpositions that need a case ending on it (дейін, бері, кейін, бұрын);
# Mongolian "towards" (руу, рүү). A value in brackets is an aside: the word before it
# carries the ending ("бастапқы жылдан (%(start)s) кейін").
AGREEING = {
    "kk": re.compile(r"(?:%\(\w+\)[sdifr]|\{\w*\})[»”’'\"]* +(мен|бен|пен|дейін|шейін|бері|"
                     r"кейін|бұрын)\b"),
    "mn": re.compile(r"(?:%\(\w+\)[sdifr]|\{\w*\})[»”’'\"]* +(руу|рүү)\b"),
}


def glued_suffixes(lang: str, text: str) -> list[str]:
    """The endings in ``text`` whose form depends on the value a placeholder puts before them."""
    found = [m.group(0) for m in GLUED.finditer(text)
             if not (m.group(1) and ORDINAL[lang].fullmatch(m.group(2)))]
    return found + [m.group(0) for m in AGREEING[lang].finditer(text)]


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("kk", "%(tolerance)s-дан астам", ["%(tolerance)s-дан"]),
        ("kk", "%(year)s жылдан бастап", []),
        ("kk", "%(number)s-бет", []),
        ("kk", "(%(line)s-жолда бұрын)", []),
        ("kk", "%(low)s пен %(high)s аралығында", ["%(low)s пен"]),
        ("kk", "бастапқы жылдан (%(start)s) кейін", []),
        ("kk", "«%(value)s»-ге", ["%(value)s»-ге"]),
        ("mn", "%(side)s-ийн тоо", ["%(side)s-ийн"]),
        ("mn", "%(years)s-аас бусад", ["%(years)s-аас"]),
        ("mn", "%(line)s-р мөр", []),
        ("mn", "%(line)s-р мөрөнд", []),
        ("mn", "%(target)s зорилт руу", []),
        ("mn", "%(year)sонд", ["%(year)sонд"]),
    ],
)
def test_a_suffix_glued_to_a_placeholder_is_found(lang, text, found):
    assert glued_suffixes(lang, text) == found


@pytest.mark.parametrize("lang", ["kk", "mn"])
def test_no_kazakh_or_mongolian_message_glues_a_suffix_to_a_placeholder(lang):
    off = [(m.id, s, glued_suffixes(lang, s)) for m in po(lang) if m.id for s in _strings(m)]
    assert [o for o in off if o[2]] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_writes_a_plural_in_brackets(lang):
    """A count is worded through ngettext, so no message hedges with "раз(а)" or
    "worker(s)": each language's plural forms say it."""
    hedged = re.compile(r"[^\W\d_]\([^\W\d_]{1,3}\)")
    off = [(m.id, s) for m in po(lang) if m.id for s in (*_strings(m), *_ids(m))
           if hedged.search(s)]
    assert off == []


def test_every_reporting_body_of_the_bundled_data_is_named_in_every_language(bundled):
    bodies = catalogs.read_bodies()
    others = [lang for lang in LANGUAGES if lang != "en"]
    assert set(bundled.citations["reporter"]) <= set(bodies)
    for name, names in bodies.items():
        assert sorted(names) == sorted(others), name
        for lang in others:
            assert names[lang] and names[lang] != name, (lang, name)
            assert not re.search(r"[A-Za-z]{3,}", names[lang]), (lang, name)


def test_mongolian_spells_citation_one_way():
    """The glossary's ишлэл everywhere: эшлэл, a variant spelling, was once mixed in."""
    assert [m.id for m in po("mn") if any("эшлэл" in s.lower() for s in _strings(m))] == []


def _ids(m: Message) -> tuple[str, ...]:
    return tuple(m.id) if isinstance(m.id, (list, tuple)) else (m.id,)


def _words(text: str) -> str:
    """``text`` without its placeholders, whose names are not words a reader sees."""
    return PLACEHOLDER.sub(" ", text)


def _strings(m: Message) -> tuple[str, ...]:
    return tuple(m.string) if isinstance(m.string, (list, tuple)) else (m.string,)


def _placeholders(text: str) -> Counter:
    return Counter(a or b for a, b in PLACEHOLDER.findall(text))


# --- plotly.js locales -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cldr", "d3"),
    [
        ("dd.MM.y", "%d.%m.%Y"),
        ("d MMM y 'г'.", "%-d %b %Y г."),
        ("y 'оны' MMM'ын' d", "%Y оны %bын %-d"),
        ("LLL y", "%b %Y"),
        ("MMMM d, y", "%B %-d, %Y"),
        ("h:mm:ss a", "%-I:%M:%S %p"),
        ("HH:mm:ss", "%H:%M:%S"),
        ("EEEE, d MMMM", "%A, %-d %B"),
        ("d 'o''clock' '100%'", "%-d o'clock 100%%"),
    ],
)
def test_cldr_date_patterns_become_d3_formats(cldr, d3):
    assert d3_time_format(cldr) == d3


def test_a_cldr_field_with_no_d3_form_is_refused_not_dropped():
    with pytest.raises(ValueError, match="'QQQ'"):
        d3_time_format("QQQ y")


def test_kazakh_plotly_locale_comes_from_cldr_and_the_catalog():
    kk = plotly_locale("kk", lambda m: {"Autoscale": "Автомасштабтау"}.get(m, m))
    fmt = kk["format"]
    assert kk["name"] == "kk" and kk["moduleType"] == "locale"
    assert fmt["months"][7] == "Тамыз" and fmt["shortMonths"][0] == "қаң."
    assert fmt["days"][0] == "жексенбі"  # d3 weeks start on Sunday
    assert fmt["shortDays"][1] == "дс"
    assert (fmt["decimal"], fmt["thousands"]) == (",", "\u00a0")
    assert fmt["date"] == "%d.%m.%y" and fmt["month"] == "%Y\u202fж. %b"
    assert fmt["currency"] == ["", "\u00a0$"]  # "#,##0.00 ¤": the sign after the amount
    assert kk["dictionary"]["Autoscale"] == "Автомасштабтау"
    assert set(kk["dictionary"]) == set(PLOTLY_MESSAGES)


def test_mongolian_and_russian_plotly_locales():
    mn = plotly_locale("mn", str)["format"]
    assert (mn["decimal"], mn["thousands"]) == (".", ",")
    assert mn["shortMonths"][7] == "8-р сар" and mn["days"][1] == "даваа"
    assert mn["currency"] == ["$\u00a0", ""]  # "¤ #,##0.00"
    ru = plotly_locale("ru", str)["format"]
    assert ru["months"][7] == "август" and ru["dayMonthYear"] == "%-d %b %Y\u202fг."
    assert ru["periods"] == ["AM", "PM"]


def test_the_installed_plotly_locale_asset_is_current():
    asset = catalogs.PACKAGE_DIR / "web" / "assets" / catalogs.PLOTLY_ASSET
    assert asset.is_file(), "not generated: reinstall (`make` or `pip install -e .`)"
    assert asset.read_text(encoding="utf-8") == catalogs.plotly_locales_script(), (
        "older than the catalogs: reinstall to regenerate"
    )


def test_the_asset_carries_every_language_but_english_with_translated_words():
    text = catalogs.plotly_locales_script()
    for lang in LANGUAGES:
        assert (f'"name": "{lang}"' in text) == (lang != "en")
    assert '"Autoscale": "Автомасштаб"' in text  # Russian, from its catalog


def test_a_fifth_language_needs_only_its_catalog(tmp_path, monkeypatch):
    """The documented `pybabel init` gives a catalog that the build compiles and turns into
    a plotly.js locale from CLDR alone (here Uzbek, untranslated: plotly's words stay
    English until translated)."""
    monkeypatch.chdir(ROOT)
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    init = documented_command("init")
    init[init.index("-d") + 1] = str(copy)
    CommandLineInterface().run([init[0], "--quiet", *init[1:]])
    assert "uz" in catalogs.catalog_languages(copy)
    compiled = catalogs.compile_catalogs(copy)
    assert catalogs.po_path("uz", copy).with_suffix(".mo") in compiled
    script = catalogs.plotly_locales_script(copy)
    assert '"name": "uz"' in script and '"Yanvar"' in script  # CLDR's Uzbek January
    assert '"Autoscale": "Autoscale"' in script


@pytest.mark.parametrize("lang", ["uz", "tr", "de", "zh", "ar", "uk"])
def test_cldr_gives_every_plotly_format_for_other_languages(lang):
    fmt = plotly_locale(lang, str)["format"]
    assert len(fmt["months"]) == 12 and len(fmt["days"]) == 7
    assert all(fmt[k] for k in ("date", "time", "month", "dayMonth", "dayMonthYear"))

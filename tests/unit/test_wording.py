"""Numbers, money, percentages, months, dates and period labels in each language.

Expected strings are written by hand from CLDR's conventions: Russian and Kazakh
use a decimal comma and a no-break space (U+00A0) between thousands, Mongolian and
English a decimal point and a comma; Russian puts a no-break space before '%'.
CLDR's month-range patterns use a thin space (U+2009) around the dash in English
and a narrow no-break space (U+202F) before 'г.', 'ж.' and 'оны'.
"""

from __future__ import annotations

import pytest

from trade_dash.wording.core import LABELS, Wording
from trade_dash.wording.languages import LANGUAGES, LanguageNotice

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.fixture(scope="module", params=LANGUAGES)
def w(request) -> Wording:
    return Wording.for_lang(request.param)


def words(lang: str) -> Wording:
    return Wording.for_lang(lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1,234.5"), ("ru", f"1{NBSP}234,5"), ("kk", f"1{NBSP}234,5"), ("mn", "1,234.5")],
)
def test_decimal_and_group_separators(lang, expected):
    assert words(lang).number(1234.5) == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", "76.7"), ("ru", "76,7"), ("kk", "76,7"),
                                                ("mn", "76.7")])
def test_the_issue_s_example_value(lang, expected):
    assert words(lang).number(76.7) == expected


def test_number_keeps_the_asked_decimals_and_never_shows_minus_zero():
    en = words("en")
    assert en.number(500, digits=1) == "500.0"
    assert en.number(2.0, digits=0) == "2"
    assert en.number(-0.04) == "0.0"
    assert words("ru").number(-12.25, digits=2) == "-12,25"


def test_years_are_never_grouped(w):
    assert w.year(2024) == "2024"
    assert w.period_label(2023, 12) == "2023"


def test_counts_are_grouped():
    assert words("ru").integer(12345) == f"12{NBSP}345"
    assert words("mn").integer(12345) == "12,345"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "US$ 76.7 million"),
        ("ru", "76,7 млн долл. США"),
        ("kk", "76,7 млн АҚШ доллары"),
        ("mn", "76.7 сая ам. доллар"),
    ],
)
def test_money_in_words(lang, expected):
    assert words(lang).money(76.7) == expected


def test_whole_amounts_drop_the_decimal_and_big_ones_are_grouped():
    assert words("en").money(500) == "US$ 500 million"
    assert words("kk").money(1250.04) == f"1{NBSP}250 млн АҚШ доллары"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "$76.7M"), ("ru", f"76,7{NBSP}млн{NBSP}$"), ("kk", f"76,7{NBSP}млн{NBSP}$"),
     ("mn", f"$76.7{NBSP}сая")],
)
def test_money_short_form_for_charts(lang, expected):
    assert words(lang).money_short(76.7) == expected


@pytest.mark.parametrize(
    ("lang", "percent", "growth", "decline"),
    [
        ("en", "21.4%", "+21.4%", "-3.0%"),
        ("ru", f"21,4{NBSP}%", f"+21,4{NBSP}%", f"-3,0{NBSP}%"),
        ("kk", "21,4%", "+21,4%", "-3,0%"),
        ("mn", "21.4%", "+21.4%", "-3.0%"),
    ],
)
def test_percentages_and_signed_growth(lang, percent, growth, decline):
    w = words(lang)
    assert w.percent(21.4) == percent
    assert w.growth(21.4) == growth
    assert w.growth(-3) == decline


def test_growth_that_rounds_to_zero_has_no_minus():
    assert words("en").growth(-0.04) == "+0.0%"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "+21.4% a year"), ("ru", f"+21,4{NBSP}% в год"), ("kk", "жылына +21,4%"),
     ("mn", "жилд +21.4%")],
)
def test_growth_per_year(lang, expected):
    assert words(lang).growth_per_year(21.4) == expected


@pytest.mark.parametrize(
    ("lang", "short", "wide"),
    [
        ("en", f"Jan{THIN}–{THIN}Aug 2024", f"January{THIN}–{THIN}August 2024"),
        ("ru", f"янв. – авг. 2024{NNBSP}г.", f"январь – август 2024{NNBSP}г."),
        ("kk", f"2024{NNBSP}ж. қаң.–там.", f"2024{NNBSP}ж. қаңтар – тамыз"),
        # CLDR's Mongolian month range uses Roman numerals in both widths.
        ("mn", f"2024{NNBSP}оны I – VIII сар", f"2024{NNBSP}оны I – VIII сар"),
    ],
)
def test_partial_year_period_labels(lang, short, wide):
    w = words(lang)
    assert w.period_label(2024, 8) == short
    assert w.period_label(2024, 8, "wide") == wide


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Jan 2024"), ("ru", f"янв. 2024{NNBSP}г."), ("kk", f"2024{NNBSP}ж. қаң."),
     ("mn", f"2024{NNBSP}оны 1-р сар")],
)
def test_january_alone_is_one_month_not_a_range(lang, expected):
    assert words(lang).period_label(2024, 1) == expected


@pytest.mark.parametrize("months", [0, 13, -1])
def test_period_label_refuses_impossible_months(months):
    with pytest.raises(ValueError, match="months must be 1–12"):
        words("en").period_label(2024, months)


@pytest.mark.parametrize(
    ("lang", "wide", "short"),
    [
        ("en", "August", "Aug"),
        ("ru", "август", "авг."),  # nominative: the month on its own, not "августа"
        ("kk", "Тамыз", "там."),
        ("mn", "Наймдугаар сар", "8-р сар"),
    ],
)
def test_month_names(lang, wide, short):
    w = words(lang)
    assert w.month_name(8) == wide
    assert w.month_name(8, "abbreviated") == short


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "November 2, 2024"),
        ("ru", f"2 ноября 2024{NNBSP}г."),  # genitive inside a date
        ("kk", f"2024{NNBSP}ж. 2 қараша"),
        ("mn", f"2024{NNBSP}оны арван нэгдүгээр сарын 2"),
    ],
)
def test_dates(lang, expected):
    assert words(lang).date("2024-11-02") == expected


@pytest.mark.parametrize(("lang", "expected"), [("en", ".,"), ("ru", f",{NBSP}"),
                                                ("kk", f",{NBSP}"), ("mn", ".,")])
def test_plotly_separators_match_the_page(lang, expected):
    w = words(lang)
    assert w.plotly_separators == expected
    # plotly's d3 format would write 1234.5 with exactly these marks, as the page does.
    assert w.number(1234.5) == f"1{expected[1]}234{expected[0]}5"
    assert w.plotly_locale == lang


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 ссылка на источник"),
        (3, "3 ссылки на источники"),
        (5, "5 ссылок на источники"),
        (11, "11 ссылок на источники"),
        (21, "21 ссылка на источник"),
        (22, "22 ссылки на источники"),
    ],
)
def test_russian_plural_forms(n, expected):
    assert words("ru").citations(n) == expected


def test_english_plural_and_kazakh_noun_after_a_numeral():
    assert words("en").citations(1) == "1 citation"
    assert words("en").citations(2) == "2 citations"
    assert words("kk").citations(2) == "2 дереккөзге сілтеме"  # Kazakh keeps the singular


@pytest.mark.parametrize(
    ("lang", "reached", "not_reached"),
    [
        ("en", "Target reached in 2031", "Target not reached by 2050"),
        ("ru", "Цель достигается в 2031 г.", "Цель не достигается к 2050 г."),
        ("kk", "Мақсатқа 2031 жылы жетеді", "2050 жылға дейін мақсатқа жетпейді"),
        ("mn", "Зорилтод 2031 онд хүрнэ", "2050 он гэхэд зорилтод хүрэхгүй"),
    ],
)
def test_target_reached_sentences(lang, reached, not_reached):
    w = words(lang)
    assert w.target_reached(2031, 2050) == reached
    assert w.target_reached(None, 2050) == not_reached


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Turnover"), ("ru", "Товарооборот"), ("kk", "Тауар айналымы"),
     ("mn", "Худалдааны эргэлт")],
)
def test_code_labels(lang, expected):
    assert words(lang).label("flow", "turnover") == expected


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_label_is_left_in_english(lang):
    w, en = words(lang), words("en")
    same = [(kind, code) for kind, codes in LABELS.items() for code in codes
            if w.label(kind, code) == en.label(kind, code)]
    assert same == []


def test_one_english_word_can_have_two_translations_by_context():
    # "Target" the measure and "Target" the control read the same in English only.
    assert words("en").label("measure", "target") == words("en").label("control", "target")
    assert words("kk").label("control", "target_year") == "Мақсатты жыл"


def test_language_notices():
    en, ru = words("en"), words("ru")
    text = en.notice(LanguageNotice("lang_unknown", "xx<script>"))
    assert text.startswith("'lang=xx<script>' is not a language this site offers")
    assert "kk: Қазақ тілі" in text and "mn: Монгол" in text and text.endswith("in English.")
    assert "английском" in ru.notice(LanguageNotice("lang_too_long", "a" * 20 + "…"))


def test_an_unsupported_language_is_a_programming_error():
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        Wording.for_lang("de")


@pytest.fixture(scope="module")
def pdf_glyphs() -> dict:
    """The characters the briefing's PDF font can draw."""
    from reportlab.pdfbase.ttfonts import TTFont

    from trade_dash.exports.briefing import pdf_font_files

    regular = pdf_font_files()[0]
    if not regular.name.startswith("DejaVu"):
        pytest.skip("DejaVu Sans is not installed (Debian: fonts-dejavu-core); Vera is Latin only")
    return TTFont("coverage", str(regular)).face.charToGlyph


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_font_has_every_letter_the_wording_layer_writes(lang, pdf_glyphs):
    from babel.messages.pofile import read_po

    from trade_dash.wording.catalogs import po_path

    w = words(lang)
    with po_path(lang).open("rb") as f:
        texts = [s for m in read_po(f) if m.id
                 for s in (m.string if isinstance(m.string, (list, tuple)) else [m.string])]
    texts += [w.month_name(m, width) for m in range(1, 13) for width in ("wide", "abbreviated")]
    texts += [w.period_label(2024, m, width) for m in range(1, 12)
              for width in ("wide", "abbreviated")]
    texts += [w.date(f"2024-{m:02}-28") for m in range(1, 13)]
    texts += [w.money(1234.5), w.money_short(1234.5), w.growth(-3), w.points(5)]
    # The letters the issue names, in case no message uses one of them yet.
    texts.append("ӘҒҚҢӨҰҮҺІәғқңөұүһі₸₮")
    missing = sorted({ch for text in texts for ch in text if ord(ch) not in pdf_glyphs})
    assert missing == []

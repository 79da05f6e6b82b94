"""Chart texts in the reader's language: title, unit and tick separators."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.support.chart_text import english_left, figure_texts, growth_texts
from tests.support.data import GOOD_ROWS
from trade_dash.charts.flows import flows_figure
from trade_dash.charts.history import history_figure
from trade_dash.charts.scenario import scenario_figure
from trade_dash.charts.style import Context
from trade_dash.domain.datafile import load_citations
from trade_dash.domain.dataset import Dataset
from trade_dash.domain.scenario import default_scenario
from trade_dash.domain.summary import analyse
from trade_dash.wording.core import Wording

# Worked out by hand from the catalogs' intent and CLDR: ru and kk write a decimal comma
# and a (no-break) space between groups; mn a point and a comma, like English.
CASES = [
    ("ru", "Торговля Казахстана и Монголии: путь к цели", "млн долл. США", ",\u00a0"),
    ("kk", "Қазақстан мен Моңғолия саудасы: мақсатқа жету жолы", "млн АҚШ доллары", ",\u00a0"),
    ("mn", "Казахстан, Монголын худалдаа: зорилтод хүрэх зам", "сая ам. доллар", ".,"),
    ("en", "Kazakhstan–Mongolia trade: path to the target", "US$ million", ".,"),
]


@pytest.mark.parametrize(("lang", "title", "unit", "separators"), CASES)
def test_scenario_chart_title_unit_and_separators_follow_the_language(
    bundled, lang, title, unit, separators
):
    ctx = Context(produced="2026-01-02", words=Wording.for_lang(lang))
    fig = scenario_figure(bundled, analyse(bundled, default_scenario(bundled)), ctx)
    assert title in fig.layout.title.text
    assert fig.layout.yaxis.title.text == unit
    assert fig.layout.separators == separators


def test_history_title_is_kazakh(bundled):
    ctx = Context(produced="2026-01-02", words=Wording.for_lang("kk"))
    fig = history_figure(bundled, analyse(bundled, default_scenario(bundled)), ctx)
    assert "тауар айналымы" in fig.layout.title.text and "Kazakhstan" not in fig.layout.title.text


# --- every chart text in the reader's language -----------------------------------------

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"
OTHERS = ("ru", "kk", "mn")
BUILDERS = {"history": history_figure, "scenario": scenario_figure,
            "flows": flows_figure}
LINK = "http://example.test/?growth=1&lang=kk"


def chart(ds, name, lang, **scenario):
    ctx = Context(produced="2026-01-02", link=LINK, words=Wording.for_lang(lang))
    s = analyse(ds, replace(default_scenario(ds), **scenario))
    return BUILDERS[name](ds, s, ctx)


def named(fig, name):
    return next(t for t in fig.data if t.name == name)


@pytest.mark.parametrize("reporter", ["any", "KZ", "MN"])
@pytest.mark.parametrize("name", list(BUILDERS))
@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_is_left_in_a_chart_but_citation_text(bundled, lang, name, reporter):
    """Titles, subtitles, legend, annotations, footer and hover labels of every chart, for
    every side (each side draws other flags, notes and empty states)."""
    fig = chart(bundled, name, lang, reporter=reporter)
    also = growth_texts(fig) if name == "scenario" else ()
    assert english_left(figure_texts(fig), bundled, also) == []


def test_the_english_check_finds_english_in_the_english_charts(bundled):
    for name in BUILDERS:
        found = set(english_left(figure_texts(chart(bundled, name, "en")), bundled))
        assert {"Sources", "Produced", "reporting"} <= found, name


def test_a_chart_with_a_mixed_series_and_many_alternates_has_no_english_left(write_csv):
    """A year cited many times (the hover counts the alternates it does not list), a year
    from the other side, disputed and approximate figures, a side left unrecorded."""
    rows = [dict(r, reporting_country="KZ") for r in GOOD_ROWS]
    rows[0]["precision"] = "approximate"
    rows += [{**GOOD_ROWS[1], "citation_id": f"alt{i}", "value_musd": str(70 + i),
              "reporting_country": "KZ", "reporter": f"Body {i}"} for i in range(7)]
    rows.append({**GOOD_ROWS[0], "citation_id": "mn-only", "year": "2020",
                 "reporting_country": "MN", "published": "2021-03-01"})
    path = write_csv(rows)
    ds = Dataset.from_citations(load_citations(path), str(path))
    for lang in OTHERS:
        for name in BUILDERS:
            fig = chart(ds, name, lang)
            also = growth_texts(fig) if name == "scenario" else ()
            assert english_left(figure_texts(fig), ds, also) == [], (lang, name)
    hover = " ".join(chart(ds, "history", "ru").data[0].hovertext)
    # Eight citations of 2021: one drawn, seven alternates, five of them listed.
    assert "и ещё 2: см. таблицу источников" in hover


# Worked by hand from the catalogs and CLDR: the bundled 2021 figure is "about 61
# million" from the Statistics Committee; 2022 is January–April; the target 500.
@pytest.mark.parametrize(
    ("lang", "full_year", "heading_2021", "target", "assumed"),
    [
        ("ru", "Полный год (из источника)", "2021: 61 млн долл. США (приблизительно)",
         "Цель: 500 млн долл. США в год", "2030 (допущение)"),
        ("kk", "Толық жыл (дереккөзден)", "2021: 61 млн АҚШ доллары (шамамен)",
         "Мақсат: жылына 500 млн АҚШ доллары", "2030 (жорамал)"),
        ("mn", "Бүтэн жил (эх сурвалжаас)", "2021: 61 сая ам. доллар (ойролцоо)",
         "Зорилт: жилд 500 сая ам. доллар", "2030 (таамагласан)"),
    ],
)
def test_scenario_chart_words_in_each_language(bundled, lang, full_year, heading_2021, target,
                                                assumed):
    fig = chart(bundled, "scenario", lang, target_year=2030)
    actual = named(fig, full_year)
    assert f"<b>{heading_2021}</b>" in actual.hovertext[list(actual.x).index(2021)]
    texts = [a.text for a in fig.layout.annotations]
    assert target in texts and assumed in texts


def test_kazakh_history_flags_periods_and_footer(bundled):
    fig = chart(bundled, "history", "kk")
    texts = [a.text for a in fig.layout.annotations]
    # The 2025 year to date, January to July, as CLDR's Kazakh writes a month range.
    assert f"2025{NNBSP}ж. қаң.–шіл." in texts
    # 2021: approximate, and the ministry's +48.1 % on 2020 is not what 60.9 / 29.3 gives
    assert "шамамен; мәлімделген өзгеріс алшақ" in texts
    footer = texts[0].replace("<br>", " ")
    assert footer.startswith("Дереккөздер: 14 ұйымнан 27 дереккөзге сілтеме; негізгі қатар")
    assert "trade-dash арқылы дайындалған күні: 2026-01-02. Осы сценарийді қайта ашу:" in footer
    assert "Моңғолия тарапының деректері (MN), салыстыру үшін" in [t.name for t in fig.data]


def test_mongolian_missing_years_and_russian_flows(bundled):
    mn = chart(bundled, "history", "mn", reporter="MN")
    # 2020 to 2022 have no Mongolian figure: the label on two lines.
    assert [a.text for a in mn.layout.annotations].count("эх сурвалжид<br>тоо байхгүй") == 3
    ru = chart(bundled, "flows", "ru")
    flags = {a.x: a.text for a in ru.layout.annotations if a.x in (2019, 2022)}
    assert flags == {2019: "Экспорт Монголии приблизительно",
                     2022: f"янв. – апр. 2022{NNBSP}г."}
    balance = named(ru, "Сальдо (экспорт Казахстана − экспорт Монголии)")
    # 124.3 − 8.7 = 115.6, with the Russian decimal comma.
    assert balance.hovertext[-1] == ("<b>Сальдо, 2023: 115,6 млн долл. США</b><br>Экспорт "
                                     "Казахстана в Монголию минус экспорт Монголии в Казахстан")
    empty = chart(bundled, "flows", "ru", reporter="MN")
    assert ("Для этой отчитывающейся стороны нет данных об экспорте или импорте."
            in [a.text.replace("<br>", " ") for a in empty.layout.annotations])


# --- reporting bodies in the reader's language ------------------------------------------

KAZAKH_STATS = {"kk": "Қазақстанның Статистика комитеті", "ru": "Комитет по статистике Казахстана",
                "mn": "Казахстаны Статистикийн хороо"}  # "Statistics Committee of Kazakhstan"


def footer(fig) -> str:
    return fig.layout.annotations[0].text.replace("<br>", " ")


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_chart_names_the_kazakh_statistics_office_in_the_reader_s_language(bundled, lang,
                                                                             name):
    text = footer(chart(bundled, name, lang))
    assert KAZAKH_STATS[lang] in text and "Statistics Committee" not in text


def test_a_kazakh_hover_label_names_the_reporting_body_in_kazakh(bundled):
    full = named(chart(bundled, "history", "kk"), "Толық жыл (дереккөзден)")
    label = full.hovertext[list(full.x).index(2017)]  # the 2017 figure: the statistics office
    assert f"Кім хабарлады: {KAZAKH_STATS['kk']}" in label and "Statistics" not in label


def test_a_body_not_in_the_table_is_shown_as_given(write_csv):
    from tests.support.data import GOOD_ROWS
    from trade_dash.domain.dataset import Dataset

    ds = Dataset.load(write_csv([dict(r, reporter="Bureau of Trade Figures") for r in GOOD_ROWS]))
    assert "Bureau of Trade Figures" in footer(chart(ds, "history", "kk"))

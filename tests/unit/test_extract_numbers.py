"""How the engine reads amounts, changes, approximate markers and periods, form by form
and language by language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from trade_dash.domain.extract import numbers, periods

AUTUMN_2025 = dt.date(2025, 9, 6)


@pytest.mark.parametrize(
    ("text", "musd"),
    [
        ("$74.8 million", "74.8"),
        ("$74.8m", "74.8"),
        ("USD 59.9 million", "59.9"),
        ("US$ 155.4 mln", "155.4"),
        ("35.3 million USD", "35.3"),
        ("30,4 million US dollars", "30.4"),  # a comma decimal in English text
        ("466 thousand USD", "0.466"),
        ("$1.2 billion", "1200"),
        ("$466,000", "0.466"),
        ("$83,900,000", "83.9"),
        ("74,8 млн долларов", "74.8"),
        ("74,8 млн долл. США", "74.8"),
        ("74 миллиона долларов США", "74"),
        ("466 тыс. долларов", "0.466"),
        ("1,2 млрд долларов", "1200"),
        ("$74,8 млн", "74.8"),
        ("1 234,5 млн долларов", "1234.5"),
        ("74 млн АҚШ долларын", "74"),
        ("150 млн доллардан", "150"),
        ("74.0 сая ам.доллар", "74.0"),
        ("76.7 сая ам.долларт", "76.7"),
        ("466.0 мянган ам.доллар", "0.4660"),
        ("80 гаруй сая ам.доллар", "80"),
        ("1.2 тэрбум ам.доллар", "1200"),
    ],
)
def test_amounts_in_each_form_are_read_in_us_dollar_millions(text, musd):
    found = numbers.amounts(f"It reached {text} in the period.")
    assert [a.musd for a in found] == [Decimal(musd)]


@pytest.mark.parametrize(
    "text",
    [
        "in 2024", "1,200 km", "over 3,000 Mongolians", "150 тонн", "15 000 тенге",
        "5 млрд тенге", "2 млрд төгрөг", "€40 million", "1 200 km", "a 2025-2027 roadmap",
        "$210 per tonne",  # a bare dollar amount this small is a price, not trade
    ],
)
def test_numbers_that_are_not_us_dollar_amounts_are_left_out(text):
    assert numbers.amounts(text) == []


def test_bare_millions_without_currency_are_read_and_marked_as_such():
    """"exports amounted to 30,4 million" without a currency is an amount, flagged, so
    the engine can lower its confidence and look for a count after it ("head")."""
    (a,) = numbers.amounts("exports amounted to 30,4 million in April")
    assert a.musd == Decimal("30.4") and not a.currency


@pytest.mark.parametrize(
    ("text", "pct"),
    [
        ("up 3.6% on last year", 3.6),
        ("an increase of 20 % compared to 2023", 20.0),
        ("it grew by 117 percent", 117.0),
        ("down 4.2% year on year", -4.2),
        ("(+18.5%)", 18.5),
        ("27.7 percent more than a year earlier", 27.7),
        ("рост на 27,7 %", 27.7),
        ("что на 3,6% больше", 3.6),
        ("снизился на 10,5%", -10.5),
        ("3,6%-ға көп", 3.6),
        ("48,1%-ға өсіп", 48.1),
        ("3.6 хувиар өссөн", 3.6),
        ("12 хувиар буурсан", -12.0),
        ("grew 1.5 times", 50.0),
        ("in 1.5 times", 50.0),
        ("вырос в 1,5 раза", 50.0),
        ("в полтора раза больше", 50.0),
        ("1.8 дахин их", 80.0),
        ("2 есе өсті", 100.0),
        ("trade doubled", 100.0),
        ("fell 2 times", -50.0),
    ],
)
def test_changes_in_each_form(text, pct):
    assert [c.pct for c in numbers.changes(text)] == [pct]


@pytest.mark.parametrize("text", ["accounted for 92% of trade", "more than 60% of exports",
                                  "a 20 percent share", "составляет 40% экспорта"])
def test_a_share_is_not_a_change(text):
    assert numbers.changes(text) == []


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("about $61 million", True), ("nearly $61m", True), ("over $70 million", True),
        ("more than $70 million", True), ("approximately $61 million", True),
        ("около 61 млн долларов", True), ("более 150 млн долларов", True),
        ("порядка 150 млн долларов", True), ("шамамен 150 млн доллар", True),
        ("150 млн доллардан асты", True), ("150 млн доллардан астам", True),
        ("150 гаруй сая ам.доллар", True), ("150 сая ам.доллар орчим", True),
        ("$74.8 million", False), ("74 млн долларов", False), ("74.0 сая ам.доллар", False),
    ],
)
def test_approximate_markers_before_and_after_the_figure(text, approximate):
    (a,) = numbers.amounts(text)
    assert numbers.approximate(text, a) is approximate


@pytest.mark.parametrize(
    ("text", "year", "months"),
    [
        ("in 2023", 2023, 12),
        ("по итогам 2024 года", 2024, 12),
        ("2023 жылы", 2023, 12),
        ("2023 онд", 2023, 12),
        ("January-July 2025", 2025, 7),
        ("January to July 2025", 2025, 7),
        ("Jan–Aug 2024", 2024, 8),
        ("in the first seven months of 2025", 2025, 7),
        ("in 7 months of 2025", 2025, 7),
        ("in the first half of 2024", 2024, 6),
        ("in the first quarter of 2024", 2024, 3),
        ("in January-September this year", 2025, 9),
        ("за январь–июль 2025 года", 2025, 7),
        ("в январе–июле 2025 года", 2025, 7),
        ("с января по май текущего года", 2025, 5),
        ("за 7 месяцев 2025 года", 2025, 7),
        ("за семь месяцев 2025 года", 2025, 7),
        ("в первом полугодии 2024 года", 2024, 6),
        ("2025 жылғы қаңтар-шілдеде", 2025, 7),
        ("биылғы жылдың жеті айында", 2025, 7),
        ("алғашқы жарты жылда", 2025, 6),
        ("2025 оны эхний 7 сард", 2025, 7),
        ("оны эхний долоон сарын байдлаар", 2025, 7),
        ("2024 оны 1-8 дугаар сард", 2024, 8),
        ("нэгдүгээр сараас тавдугаар сар хүртэл", 2025, 5),
        ("энэ оны эхний улиралд", 2025, 3),
        ("last year", 2024, 12),
        ("в прошлом году", 2024, 12),
        ("өткен жылы", 2024, 12),
        ("былтыр", 2024, 12),
        ("өнгөрсөн онд", 2024, 12),
        ("in the first seven months", 2025, 7),  # the latest such period before publication
        ("in the first ten months", 2024, 10),  # not over in September 2025: the year before
    ],
)
def test_periods_in_each_language_resolve_against_the_publication_date(text, year, months):
    plain = [m for m in periods.mentions(text) if m.role == "plain"]
    assert len(plain) == 1, plain
    assert periods.resolve(plain[0], AUTUMN_2025) == (year, months)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("compared to 2023", "compare"), ("up 5% on 2023", "compare"),
        ("the same period of 2024", "compare"), ("the same period last year", "compare"),
        ("по сравнению с 2023 годом", "compare"), ("аналогичный период прошлого года", "compare"),
        ("2024 жылмен салыстырғанда", "compare"), ("өткен жылдың сәйкес кезеңімен", "compare"),
        ("2019 оныхоос", "compare"), ("өмнөх оны мөн үеэс", "compare"),
        ("by 2030", "deadline"), ("к 2030 году", "deadline"), ("2030 жылға дейін", "deadline"),
        ("2030 он гэхэд", "deadline"),
    ],
)
def test_years_that_a_change_is_measured_against_or_a_goal_is_set_for(text, role):
    assert [m.role for m in periods.mentions(text)] == [role]


@pytest.mark.parametrize("text", ["the 2025-2027 roadmap", "Vision-2050", "on 28 October 2024",
                                  "on October 28, 2024", "28 октября 2024 года"])
def test_year_ranges_names_and_dates_are_no_period(text):
    assert periods.mentions(text) == []


@pytest.mark.parametrize("text", ["in June–August 2024", "in July 2025", "в июле 2025 года",
                                  "за апрель–июнь 2024 года"])
def test_months_not_from_january_are_a_period_the_data_file_cannot_hold(text):
    (m,) = periods.mentions(text)
    assert m.months == 0


def test_january_alone_is_january_to_month_one():
    (m,) = periods.mentions("in January 2025")
    assert periods.resolve(m, AUTUMN_2025) == (2025, 1)


def test_a_period_needing_the_publication_date_has_no_year_without_it():
    (m,) = periods.mentions("last year")
    assert periods.resolve(m, None) == (None, 12)


@pytest.mark.parametrize("text", ["exceeded $100 million", "превысил 100 млн долларов",
                                  "100 сая доллар давлаа"])
def test_a_figure_exceeded_is_approximate(text):
    (a,) = numbers.amounts(text)
    assert numbers.approximate(text, a)

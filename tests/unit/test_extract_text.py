"""``extract_text``: what a sentence becomes, the decoys it refuses, flows, targets,
sources, sentences and suggested ids, in English, Russian, Kazakh and Mongolian."""

from __future__ import annotations

import pytest

from trade_dash.domain.extract.candidates import extract_text
from trade_dash.domain.extract.naming import slug
from trade_dash.domain.extract.record import FIELDS

# An opening line naming both countries, as a real article has, for sentences that rely
# on it ("Exports amounted to ...").
LEAD = "Kazakhstan and Mongolia discussed trade.\n"


def figures(text: str, published: str | None = "2025-09-06", **kw) -> list[tuple]:
    return [(c.measure, c.flow, c.year, c.months, c.value_musd)
            for c in extract_text(text, published, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trade turnover between Kazakhstan and Mongolia reached $74.0 million in "
         "January-July 2025.", ("actual", "turnover", 2025, 7, 74.0)),
        ("Товарооборот между Казахстаном и Монголией за январь–июль 2025 года составил "
         "74,0 млн долларов США.", ("actual", "turnover", 2025, 7, 74.0)),
        ("2025 жылғы қаңтар-шілдеде Қазақстан мен Моңғолия арасындағы тауар айналымы 74 млн "
         "АҚШ долларын құрады.", ("actual", "turnover", 2025, 7, 74.0)),
        ("2025 оны эхний 7 сард Монгол, Казахстаны худалдааны эргэлт 74.0 сая ам.доллар "
         "болжээ.", ("actual", "turnover", 2025, 7, 74.0)),
    ],
)
def test_the_same_figure_is_read_in_each_language(text, expected):
    assert figures(text) == [expected]


@pytest.mark.parametrize(
    ("text", "flow"),
    [
        ("Exports from Kazakhstan to Mongolia reached $69.5 million in 2024.", "kz_exports_to_mn"),
        ("Mongolia's imports from Kazakhstan reached $69.5 million in 2024.", "kz_exports_to_mn"),
        ("Kazakh exports to Mongolia reached $69.5 million in 2024.", "kz_exports_to_mn"),
        ("Mongolia's exports to Kazakhstan reached $69.5 million in 2024.", "mn_exports_to_kz"),
        ("Imports from Mongolia reached $69.5 million in 2024.", "mn_exports_to_kz"),
        ("Экспорт из Казахстана в Монголию в 2024 году составил 69,5 млн долларов.",
         "kz_exports_to_mn"),
        ("Импорт из Монголии в 2024 году составил 69,5 млн долларов.", "mn_exports_to_kz"),
        ("2024 жылы Қазақстанның Моңғолияға экспорты 69,5 млн доллар болды.", "kz_exports_to_mn"),
        ("2024 жылы Моңғолиядан импорт 69,5 млн доллар болды.", "mn_exports_to_kz"),
        ("2024 онд Казахстан руу экспортолсон бүтээгдэхүүн 69.5 сая ам.доллар байв.",
         "mn_exports_to_kz"),
        ("2024 онд Казахстанаас импортолсон бараа 69.5 сая ам.доллар байв.", "kz_exports_to_mn"),
    ],
)
def test_the_direction_of_trade_comes_from_the_countries_named(text, flow):
    assert [f[1] for f in figures(LEAD + text)] == [flow]


def test_of_which_exports_takes_the_flow_named_after_the_figure():
    text = ("In 2024 trade between Kazakhstan and Mongolia reached $150 million, of which "
            "$140 million was exports from Kazakhstan.")
    assert figures(text) == [("actual", "turnover", 2024, 12, 150.0),
                             ("actual", "kz_exports_to_mn", 2024, 12, 140.0)]


@pytest.mark.parametrize(
    ("outlet", "exports_of"),
    [("Montsame (montsame.mn)", "mn_exports_to_kz"), ("Qazinform", "kz_exports_to_mn")],
)
def test_bare_exports_are_those_of_the_side_the_outlet_writes_from(outlet, exports_of):
    text = LEAD + "In 2024 exports amounted to $9.1 million."
    assert [f[1] for f in figures(text, outlet=outlet)] == [exports_of]


@pytest.mark.parametrize(
    "text",
    [
        "Locomotives cost $4 million per locomotive, and trade with Mongolia grew in 2024.",
        "Kazakhstan's export potential in Mongolia is estimated at $300 million for 2024.",
        "The cost of the logistics project is $25 million, trade officials said in 2024.",
        "In 2024 trade in agricultural products with Mongolia reached $30 million.",
        "In 2024 agricultural exports to Mongolia reached $30 million.",
        "Kazakhstan's foreign trade turnover reached $141.4 billion in 2024.",
        "Kazakhstan's foreign trade turnover reached $14.1 million in 2024.",
        "In 2024 Kazakhstan's trade with China reached $43.8 million.",
        "Trade with Mongolia grew in 2024; the two capitals are 2,300 km apart.",
        "Mongolia has 71 million head of livestock and trade with Kazakhstan grew in 2024.",
        "Diplomatic relations were established in 1992 and trade with Mongolia grew.",
        "Agreements worth $150 million on trade with Mongolia were signed in 2024.",
        "Trade with Mongolia could reach $300 million in 2026.",
        "Стоимость проекта составит 40 млн долларов, товарооборот с Монголией в 2024 году рос.",
        "Экспортный потенциал в Монголию оценивается в 300 млн долларов в 2024 году.",
        "Внешнеторговый оборот Казахстана в 2024 году составил 141,4 млн долларов.",
        "Товарооборот с Китаем в 2024 году составил 43,8 млн долларов.",
        "В 2024 году экспорт муки в Монголию составил 41,3 млн долларов.",
        "Моңғолияға экспорттық әлеует 2024 жылы 300 млн долларға бағаланады.",
        "2024 жылы Қытаймен тауар айналымы 10,2 млн долларға жетті.",
        "Хятадтай хийсэн худалдаа 2024 онд 10.8 сая ам.доллар байна.",
        "2024 онд Монгол Улсын гадаад худалдааны нийт эргэлт 15.9 сая ам.доллар болжээ.",
        "Хилийн боомтын төслийн өртөг 2024 онд 30 сая ам.доллар гэж Казахстантай тохирсон.",
        "Trade with Mongolia reached $30 million in June–August 2024.",
        "Trade with Mongolia grew by $12 million in 2024.",
    ],
)
def test_decoys_are_refused(text):
    assert figures(LEAD + text) == []


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        ("The sides agreed to bring trade between Kazakhstan and Mongolia to $500 million.",
         "2024-10-29", 2024),
        ("Kazakhstan and Mongolia plan to lift their mutual trade to USD 500 million by 2030.",
         "2024-10-29", 2030),
        ("Стороны договорились довести товарооборот между Казахстаном и Монголией до 500 млн "
         "долларов.", "2024-10-29", 2024),
        ("Тараптар Қазақстан мен Моңғолия арасындағы тауар айналымын 500 млн долларға "
         "жеткізуге уағдаласты.", "2024-10-29", 2024),
        ("Хоёр орны худалдааны эргэлтийг 500 сая ам.долларт хүргэх зорилт тавьсан.",
         "2024-10-29", 2024),
        ("Kazakhstan and Mongolia plan to lift their mutual trade to USD 500 million.", None,
         None),
    ],
)
def test_the_target_is_a_target_for_the_year_it_names_or_was_set(text, published, year):
    assert figures(text, published) == [("target", "turnover", year, 12, 500.0)]


def test_a_target_restated_gives_one_candidate_the_one_with_its_year():
    text = ("Kazakhstan and Mongolia target $500 million in trade\n"
            "The leaders want to bring bilateral trade to $500 million by 2030.")
    assert figures(text) == [("target", "turnover", 2030, 12, 500.0)]


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("Trade between Kazakhstan and Mongolia reached $150 million last year.", "2025-02-01",
         (2024, 12)),
        ("Over January-August this year Kazakh-Mongolian turnover came to $83.9 million.",
         "2024-10-29", (2024, 8)),
        ("В прошлом году товарооборот с Монголией составил 150 млн долларов.", "2025-02-01",
         (2024, 12)),
        ("Өнгөрсөн онд хоёр орны худалдааны эргэлт 150 сая ам.доллар болсон.", "2025-04-02",
         (2024, 12)),
    ],
)
def test_last_year_and_this_year_are_resolved_against_the_publication_date(text, published,
                                                                           period):
    assert [(f[2], f[3]) for f in figures(text, published)] == [period]


def test_this_year_as_a_whole_or_a_year_not_over_is_no_full_year_figure():
    assert figures("Trade with Mongolia will total $160 million this year.") == []
    assert figures("Trade with Mongolia reached $80 million in 2025.", "2025-09-06") == []


def test_without_a_publication_date_last_year_has_no_year_and_low_confidence():
    (c,) = extract_text("Trade between Kazakhstan and Mongolia reached $150 million last year.")
    assert c.year is None and c.confidence <= 0.5


@pytest.mark.parametrize(
    ("text", "yoy"),
    [
        ("In 2024 trade between Kazakhstan and Mongolia reached $150 million, up 20% on 2023.",
         20.0),
        ("In 2024 trade between Kazakhstan and Mongolia rose 1.5 times to $150 million.", 50.0),
        ("In 2024 trade between Kazakhstan and Mongolia reached $150 million, up 117% on 2019.",
         None),  # a change over five years is not the change on the year before
        ("In 2019 trade between Kazakhstan and Mongolia stood at $35.3 million and surged by 117 "
         "percent to $76.7 million in 2023.", None),
    ],
)
def test_only_the_change_on_the_same_period_a_year_earlier_is_recorded(text, yoy):
    assert extract_text(text, "2025-02-01")[-1].yoy_change_pct == yoy


@pytest.mark.parametrize(
    ("text", "reporter", "kind", "side"),
    [
        ("According to the Bureau of National Statistics, trade with Mongolia reached $150 "
         "million in 2024.", "Bureau of National Statistics of Kazakhstan", "statistics_office",
         "KZ"),
        ("По данным Бюро национальной статистики, товарооборот с Монголией в 2024 году составил "
         "150 млн долларов.", "Bureau of National Statistics of Kazakhstan", "statistics_office",
         "KZ"),
        ("Гаалийн ерөнхий газрын мэдээгээр 2024 онд Казахстантай хийсэн худалдааны эргэлт 150 "
         "сая ам.доллар болжээ.", "General Customs Administration of Mongolia", "customs", "MN"),
        ("According to Mongolia's Ministry of Foreign Affairs, trade with Kazakhstan reached $150 "
         "million in 2024.", "Ministry of Foreign Affairs of Mongolia", "government", "MN"),
        ("Trade with Mongolia reached $150 million in 2024, the Ministry of Trade and Integration "
         "said.", "Ministry of Trade and Integration of Kazakhstan", "government", "KZ"),
        ("The Mongolian National Chamber of Commerce and Industry said trade with Kazakhstan "
         "reached $150 million in 2024.", "Chamber of Commerce and Industry of Mongolia",
         "business_association", "MN"),
    ],
)
def test_the_reporting_body_is_named_with_its_kind_and_side(text, reporter, kind, side):
    (c,) = extract_text(text, "2025-03-01")
    assert (c.reporter, c.reporter_kind, c.reporting_country) == (reporter, kind, side)


def test_a_figure_whose_source_is_not_named_leaves_the_source_empty():
    (c,) = extract_text("Trade between Kazakhstan and Mongolia reached $150 million in 2024.",
                        "2025-03-01")
    assert (c.reporter, c.reporter_kind, c.reporting_country) == ("", "", "")


def test_a_ministry_release_is_its_own_source():
    (c,) = extract_text("In 2024 trade with Mongolia reached $150.2 million.", "2025-02-20",
                        outlet="Ministry of Trade and Integration of the Republic of Kazakhstan")
    assert (c.reporter_kind, c.reporting_country) == ("government", "KZ")


def test_each_candidate_has_every_field_and_the_source_and_file_given():
    (c,) = extract_text("Trade between Kazakhstan and Mongolia reached $150 million in 2024.",
                        "2025-03-01", outlet="Qazinform", file="a.txt")
    row = c.row()
    assert tuple(row) == FIELDS
    assert (row["outlet"], row["published"], row["file"], row["note"]) == (
        "Qazinform", "2025-03-01", "a.txt", "")
    assert row["sentence"] == "Trade between Kazakhstan and Mongolia reached $150 million in 2024."
    assert row["citation_id"] == "qazinform-2024"


def test_suggested_ids_are_unique_and_say_the_period_and_flow():
    text = ("In January-July 2025 trade between Kazakhstan and Mongolia reached $74 million; "
            "exports from Kazakhstan were $69.5 million, imports from Mongolia $4.5 million.")
    ids = [c.citation_id for c in extract_text(text, "2025-09-06", outlet="Qazinform")]
    assert ids == ["qazinform-2025-ytd7", "qazinform-2025-ytd7-exp", "qazinform-2025-ytd7-imp"]


@pytest.mark.parametrize(("outlet", "name"), [
    ("Qazinform (qazinform.com)", "qazinform"), ("МОНЦАМЭ", "montsame"),
    ("The Astana Times", "astana-times"), ("", "article")])
def test_slugs_are_ascii(outlet, name):
    assert slug(outlet) == name


def test_a_figure_cited_twice_in_an_article_is_one_candidate():
    text = ("Trade between Kazakhstan and Mongolia reached $150 million in 2024.\n"
            "In 2024 bilateral trade amounted to $150 million, the ministry repeated.")
    assert len(extract_text(text, "2025-03-01")) == 1


def test_an_article_without_figures_gives_none():
    assert extract_text("The presidents of Kazakhstan and Mongolia met in 2024.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two governments hope to lift bilateral trade to half a billion dollars.", 500.0),
        ("Стороны намерены довести товарооборот до полмиллиарда долларов.", 500.0),
        ("Тараптар тауар айналымын жарты миллиард долларға жеткізуді көздейді.", 500.0),
        ("Хоёр орны худалдааны эргэлтийг хагас тэрбум ам.долларт хүргэх зорилт тавьсан.", 500.0),
    ],
)
def test_a_target_written_in_words_is_read(text, value):
    assert figures(LEAD + text, "2025-03-01") == [("target", "turnover", 2025, 12, value)]


def test_a_change_stated_in_the_next_sentence_for_the_figure_before_is_recorded():
    text = ("In 2022 trade between Kazakhstan and Mongolia reached $104 million.\n"
            "This is 1.7 times more than a year earlier.")
    (c,) = extract_text(text, "2023-02-16")
    assert c.yoy_change_pct == 70.0


def test_a_forecast_change_is_not_a_stated_change():
    text = ("Trade between Kazakhstan and Mongolia reached $150 million in 2024, and the "
            "ministry expects it to grow by 20% in 2025.")
    (c,) = extract_text(text, "2025-03-01")
    assert c.yoy_change_pct is None


def test_exports_and_imports_in_one_sentence_are_read_as_opposite_directions():
    text = LEAD + "In 2024, exports to Mongolia were $139.6 million and imports $10.6 million."
    assert [f[1] for f in figures(text, "2025-03-01")] == ["kz_exports_to_mn",
                                                           "mn_exports_to_kz"]


def test_a_base_figure_does_not_set_the_period_of_the_figures_after_it():
    text = ("Mongolia's trade with Kazakhstan totaled USD 152.8 million last year, up from USD "
            "127.3 million in 2023.\nImports from Kazakhstan came to USD 143.5 million.")
    assert figures(text, "2025-01-22", outlet="The UB Post") == [
        ("actual", "turnover", 2024, 12, 152.8), ("actual", "turnover", 2023, 12, 127.3),
        ("actual", "kz_exports_to_mn", 2024, 12, 143.5)]


@pytest.mark.parametrize(
    ("second", "published"),
    [
        ("A year earlier, the figure for the same months was $98.2 million.", "2024-11-05"),
        ("Годом ранее за тот же период показатель был равен 98,2 млн долларов.", "2024-11-05"),
        ("Өнгөрсөн оны мөн үед энэ үзүүлэлт 98.2 сая ам.доллар байжээ.", "2024-11-05"),
    ],
)
def test_the_same_months_a_year_earlier_are_dated_from_the_figure_before(second, published):
    first = "In January-September 2024 trade between Kazakhstan and Mongolia was $105.8 million."
    assert figures(first + "\n" + second, published) == [
        ("actual", "turnover", 2024, 9, 105.8), ("actual", "turnover", 2023, 9, 98.2)]


def test_in_this_period_is_the_period_of_the_figure_before_not_a_year_earlier():
    text = ("2025 жылғы қаңтар-сәуірде Қазақстаннан Моңғолияға экспорт 41,6 млн АҚШ долларына "
            "жетті.\nОсы кезеңде екі ел арасындағы тауар айналымы 44,9 млн доллар болды.")
    assert figures(text, "2025-06-11") == [("actual", "kz_exports_to_mn", 2025, 4, 41.6),
                                           ("actual", "turnover", 2025, 4, 44.9)]


def test_months_between_january_and_june_are_a_half_year():
    text = LEAD + "Kazakhstan sold goods worth $66.8 million to Mongolia between January and June."
    assert figures(text, "2025-07-30") == [("actual", "kz_exports_to_mn", 2025, 6, 66.8)]


def test_a_target_named_after_its_amount_is_the_target():
    text = LEAD + "A rail link would help both sides reach the agreed $500 million target."
    assert figures(text, "2025-07-30") == [("target", "turnover", 2025, 12, 500.0)]


def test_a_figure_a_year_before_is_dated_one_year_back():
    text = ("Turnover between Kazakhstan and Mongolia rose to $133 million in 2023 from $104.2 "
            "million a year before.")
    assert figures(text, "2024-09-03") == [("actual", "turnover", 2023, 12, 133.0),
                                           ("actual", "turnover", 2022, 12, 104.2)]


def test_bare_exports_in_russian_from_an_unknown_outlet_are_kazakhstan_s():
    text = ("Товарооборот Казахстана и Монголии за январь–август 2025 года достиг 86,2 млн "
            "долларов.\nДоля экспорта пришлась на 80,9 млн долларов, импорта – на 5,3 млн.")
    assert [f[1] for f in figures(text, "2025-10-20", outlet="Агентство")] == [
        "turnover", "kz_exports_to_mn", "mn_exports_to_kz"]


def test_a_dash_that_says_what_the_amount_is_gives_each_amount_its_flow():
    text = ("2025 жылдың алғашқы жеті айында Қазақстан мен Моңғолияның саудасы 74 млн АҚШ "
            "долларына жетті.\nОның 69,5 млн доллары – Қазақстан экспорты, 4,5 млн доллары – "
            "Моңғолиядан импорт.")
    assert [f[1] for f in figures(text, "2025-08-25")] == [
        "turnover", "kz_exports_to_mn", "mn_exports_to_kz"]


def test_a_figure_some_years_earlier_is_dated_that_many_years_back():
    text = ("Итого двусторонняя торговля Казахстана и Монголии в 2023 году достигла 133 млн "
            "долларов, тогда как пятью годами ранее она едва превышала 60 млн.")
    assert figures(text, "2024-03-21") == [("actual", "turnover", 2023, 12, 133.0),
                                           ("actual", "turnover", 2018, 12, 60.0)]


def test_a_project_named_after_its_amount_is_a_decoy():
    text = LEAD + "In 2024 the sides agreed to study a USD 200 million railway project for trade."
    assert figures(text, "2025-03-01") == []


def test_last_year_s_total_is_the_turnover():
    text = ("Kazakhstan's trade with Mongolia reached $86.2 million in the eight months to "
            "August.\nLast year's total stood at $150.2 million.")
    assert figures(text, "2025-10-09") == [("actual", "turnover", 2025, 8, 86.2),
                                           ("actual", "turnover", 2024, 12, 150.2)]


def test_a_month_named_may_is_no_forecast():
    text = ("Mongolia's trade turnover with Kazakhstan in January-May 2022 was 41.2 million USD.")
    assert figures(text, "2022-06-14") == [("actual", "turnover", 2022, 5, 41.2)]


def test_foreign_trade_with_the_partner_named_is_their_trade():
    text = ("В январе–марте 2025 года внешнеторговый оборот Казахстана с Монголией составил "
            "28,4 млн долларов.")
    assert figures(text, "2025-05-15") == [("actual", "turnover", 2025, 3, 28.4)]


def test_a_commitment_to_reaching_an_amount_is_the_target():
    text = LEAD + "Both governments reiterated their commitment to reaching $500 million in trade."
    assert figures(text, "2025-12-02") == [("target", "turnover", 2025, 12, 500.0)]


# --- figures given to compare with, and what points back -------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "when it stood at": the year just named
        ("Trade between Kazakhstan and Mongolia rose 8 % in 2024 to $150.0 million, compared "
         "with 2023, when it stood at $138.9 million.",
         [("actual", "turnover", 2024, 12, 150.0), ("actual", "turnover", 2023, 12, 138.9)]),
        # a figure in brackets after a change is the one it is measured from
        ("2025 жылғы қаңтар–наурызда Қазақстан мен Моңғолия арасындағы тауар айналымы 30,5 млн "
         "АҚШ долларын құрады және 2024 жылғы қаңтар–наурызбен салыстырғанда 5,0%-ға ұлғайды "
         "(29,0 млн АҚШ доллары).",
         [("actual", "turnover", 2025, 3, 30.5), ("actual", "turnover", 2024, 3, 29.0)]),
        # "in the same months of 2024" right after the amount
        ("Bilateral trade in January–May 2025 came to $58.0 million, up from $52.0 million in "
         "the same months of 2024.",
         [("actual", "turnover", 2025, 5, 58.0), ("actual", "turnover", 2024, 5, 52.0)]),
    ],
)
def test_a_base_figure_takes_the_period_it_is_compared_for(text, expected):
    assert figures(text) == expected


def test_a_sentence_that_opens_with_the_year_before_does_not_set_the_article_period():
    text = ("Товарооборот Казахстана и Монголии за январь–июнь 2025 года составил 44,0 млн "
            "долларов.\nГодом ранее, в первом полугодии 2024 года, он составлял 40,0 млн "
            "долларов.\nНа казахстанский экспорт пришлось 41,0 млн долларов.")
    assert figures(text) == [("actual", "turnover", 2025, 6, 44.0),
                             ("actual", "turnover", 2024, 6, 40.0),
                             ("actual", "kz_exports_to_mn", 2025, 6, 41.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Trade between Kazakhstan and Mongolia reached $60.0 million in 2024.\n"
        "This is 12.0 percent more than in 2023, when the figure totaled $53.6 million.",
        "2024 жылы Қазақстан мен Моңғолия арасындағы тауар айналымы 60 млн АҚШ долларын "
        "құрады.\nБұл 2023 жылғы 53,6 млн доллармен салыстырғанда 12 пайызға жоғары.",
    ],
)
def test_a_change_stated_in_the_next_sentence_is_the_figure_s_not_its_base_s(text):
    found = {c.value_musd: c for c in extract_text(text, "2025-03-01")}
    assert found[60.0].yoy_change_pct == 12.0
    assert found[53.6].year == 2023 and found[53.6].yoy_change_pct is None


def test_the_reporting_period_is_the_article_s_first_period_not_the_last_named():
    text = ("Биылғы қаңтар–қыркүйек айларында Қазақстан мен Моңғолия арасындағы тауар "
            "айналымы 52,6 млн АҚШ долларын құрады.\n2024 жылдың тоғыз айында екі ел "
            "арасындағы сауда көлемі 64,5 млн доллар болған.\nЕсепті кезеңде Қазақстанның "
            "Моңғолияға экспорты 49,8 млн долларға жетті.")
    assert figures(text, "2025-11-16")[-1] == ("actual", "kz_exports_to_mn", 2025, 9, 49.8)


# --- wording the outlets use -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" continues the flow of the figure before
        ("Trade between Kazakhstan and Mongolia reached $127.0 million last year.\n"
         "In January-August this year, it amounted to $91.0 million.",
         ("actual", "turnover", 2025, 8, 91.0)),
        # a Mongolian amount in the genitive goes with the trade word after it
        ("Өнгөрсөн онд манай улс Казахстанаас 124.0 сая ам.долларын бараа импортолсон бол "
         "тус улс руу 7.0 сая ам.долларын экспорт хийсэн байна.",
         ("actual", "mn_exports_to_kz", 2024, 12, 7.0)),
        # "to the Kazakh market" is where goods go
        ("Of the total, Mongolia exported goods worth USD 3.0 million to the Kazakh market in "
         "2024.", ("actual", "mn_exports_to_kz", 2024, 12, 3.0)),
    ],
)
def test_the_last_figure_of_a_passage_is_read(text, expected):
    assert figures(LEAD + text)[-1] == expected


def test_a_table_with_its_unit_in_the_header_is_read():
    text = ("Монгол Улс 2025 оны эхний 6 сард Казахстан Улстай хийсэн гадаад худалдааны бараа "
            "эргэлт, мянган ам.доллараар:\n- Бараа эргэлт: 84 600.5\n"
            "- Монгол Улсын экспорт (Казахстан руу): 5 400.0\n"
            "Тайлбар: 2 000 тонн гурил.")
    assert figures(text, "2025-07-15") == [("actual", "turnover", 2025, 6, 84.6005),
                                          ("actual", "mn_exports_to_kz", 2025, 6, 5.4)]


@pytest.mark.parametrize(
    "text",
    [
        "Зөвхөн 7 дугаар сард хоёр орны худалдаа 9.1 сая ам.доллар болсон.",  # July only
        "Только в июле товарооборот Казахстана и Монголии составил 9,1 млн долларов.",
        "В денежном выражении потери взаимной торговли составили около 12,8 млн долларов.",
        "Товарооборот в 2024 году составил 146,8 млн долларов, что на 33,9 млн долларов "
        "больше, чем годом ранее.",
        "In 2019 the pair traded $79.6mn worth of goods, an increase of $11.2mn on 2018.",
        "Казахстанские и монгольские компании подписали контракты на поставку продукции на "
        "общую сумму 27 млн долларов.",
        "Нефтепродукты, поставки которых оцениваются в 31,5 млн долларов, лидируют в 2024 году.",
        "Потенциал наращивания казахстанского экспорта в Монголию оценивается в 300 млн "
        "долларов.",
    ],
)
def test_months_alone_losses_differences_contracts_and_products_are_refused(text):
    values = [f[4] for f in figures(LEAD + text)]
    assert not ({9.1, 12.8, 33.9, 11.2, 27.0, 31.5, 300.0} & set(values)), values


def test_an_index_in_brackets_is_the_change_on_the_period_it_names():
    text = ("2021 жылғы қаңтар–қыркүйекте Қазақстанның Моңғолияға экспорты 78,9 млн АҚШ "
            "долларын (2020 жылғы қаңтар–қыркүйекке 144,1%) құрады.")
    (c,) = extract_text(LEAD + text, "2021-11-15")
    assert (c.year, c.months, c.yoy_change_pct) == (2021, 9, 44.1)


def rows(text: str, published: str = "2025-09-06") -> list[tuple]:
    return [(c.measure, c.flow, c.year, c.months, c.value_musd, c.yoy_change_pct)
            for c in extract_text(text, published)]


@pytest.mark.parametrize("text", [
    "Товарооборот Казахстана с Монголией за январь–декабрь 2024 года составил 160,1 млн "
    "долларов США.",
    "Trade between Kazakhstan and Mongolia in January–December 2024 was $160.1 million.",
])
def test_january_to_december_is_the_whole_year(text):
    assert figures(text) == [("actual", "turnover", 2024, 12, 160.1)]


def test_the_period_a_figure_is_compared_with_does_not_date_it():
    text = ("Товарооборот Казахстана и Монголии за девять месяцев 2025 года составил 120,5 "
            "млн долларов. Экспорт в Монголию за этот период превысил 110 млн долларов, при этом "
            "по сравнению с январем–сентябрем 2024 года он вырос на 7 млн долларов.")
    assert figures(text, "2025-11-01") == [("actual", "turnover", 2025, 9, 120.5),
                                           ("actual", "kz_exports_to_mn", 2025, 9, 110.0)]


def test_since_the_start_of_the_year_is_the_article_s_months_and_brought_in_is_imports():
    text = ("Товарооборот Казахстана и Монголии за январь-июнь 2023 года составил 50,2 млн "
            "долларов. С начала года Казахстан экспортировал в Монголию товаров на 47,1 млн "
            "долларов, а ввез оттуда продукции на 3,1 млн.")
    assert figures(text, "2023-07-20") == [("actual", "turnover", 2023, 6, 50.2),
                                           ("actual", "kz_exports_to_mn", 2023, 6, 47.1),
                                           ("actual", "mn_exports_to_kz", 2023, 6, 3.1)]


def test_a_figure_reached_two_sentences_after_the_last_goes_on_with_its_flow():
    text = ("По итогам прошлого года товарооборот Казахстана и Монголии составил 120 млн "
            "долларов. Результат неплохой. За первый квартал этого года мы вышли на 27,3 млн "
            "долларов.")
    assert figures(text, "2024-05-01") == [("actual", "turnover", 2023, 12, 120.0),
                                           ("actual", "turnover", 2024, 3, 27.3)]


@pytest.mark.parametrize("text", [
    "Экспорт Казахстана в Монголию можно довести до 200 млн долларов.",
    "Kazakhstan's exports to Mongolia could be raised to $200 million.",
])
def test_what_is_only_possible_is_no_goal(text):
    assert figures(text) == []


def test_last_year_s_corresponding_period_in_kazakh_is_the_same_months_a_year_back():
    text = ("2021 жылдың қаңтар-маусым айларында Қазақстан мен Моңғолия арасындағы тауар "
            "айналымы 45,0 млн АҚШ долларын құрады. Былтырғы сәйкес кезеңде бұл көрсеткіш "
            "40,0 млн доллар болған.")
    assert figures(text, "2021-08-01") == [("actual", "turnover", 2021, 6, 45.0),
                                           ("actual", "turnover", 2020, 6, 40.0)]


@pytest.mark.parametrize("text", [
    "Kazakhstan–Mongolia trade reached $103 million in 2015. The following year it fell to "
    "$63.5 million.",
    "2015 жылы Қазақстан мен Моңғолия арасындағы тауар айналымы 103 млн долларға жетті. "
    "Келесі жылы ол 63,5 млн долларға дейін құлдырады.",
])
def test_the_following_year_is_the_year_after_the_figure_before(text):
    assert figures(text, "2018-05-01") == [("actual", "turnover", 2015, 12, 103.0),
                                           ("actual", "turnover", 2016, 12, 63.5)]


def test_an_earlier_year_in_brackets_and_a_look_back_do_not_date_the_list_after_them():
    text = ("In 2023 trade between Kazakhstan and Mongolia reached $120.1 million. In 2022 it "
            "was $100.2 million.\n\nMain figures:\n"
            "- exports to Mongolia: $115.0 million (2022: $96.0 million);\n"
            "- imports from Mongolia: $5.1 million.")
    assert figures(text, "2024-03-01") == [
        ("actual", "turnover", 2023, 12, 120.1), ("actual", "turnover", 2022, 12, 100.2),
        ("actual", "kz_exports_to_mn", 2023, 12, 115.0),
        ("actual", "kz_exports_to_mn", 2022, 12, 96.0),
        ("actual", "mn_exports_to_kz", 2023, 12, 5.1)]


def test_a_mongolian_trade_balance_and_a_report_issued_are_not_flows():
    text = ("Үндэсний статистикийн хорооноос гаргасан мэдээгээр 2022 онд Монгол Улс "
            "Казахстантай 90.5 сая ам.долларын худалдаа хийсэн. Худалдааны тэнцэл Казахстаны "
            "талд 80 сая ам.доллараар ашигтай гарсан.")
    assert figures(text) == [("actual", "turnover", 2022, 12, 90.5)]


def test_a_goal_takes_the_deadline_the_next_sentence_gives_it():
    text = ("Президенты поставили задачу довести товарооборот Казахстана и Монголии до 500 млн "
            "долларов. Этого планируется достичь к 2030 году.")
    assert figures(text) == [("target", "turnover", 2030, 12, 500.0)]


def test_a_headline_figure_restated_with_its_change_keeps_the_change():
    text = ("Kazakhstan-Mongolia trade hits $160.2mn in 2025\n"
            "Trade between Kazakhstan and Mongolia rose to $160.2mn in 2025, up 12.1% y/y.")
    found = extract_text(text, "2026-02-01")
    assert [(c.value_musd, c.yoy_change_pct) for c in found] == [(160.2, 12.1)]
    assert "12.1%" in found[0].sentence


@pytest.mark.parametrize("text", [
    # the change's verb after the amount restated ("яғни ...")
    "2021 жылдың қаңтар-маусымында Қазақстан мен Моңғолия арасындағы тауар айналымы 45,0 млн "
    "АҚШ долларын құрады. Осылайша, тауар айналымы 12,5 пайызға, яғни 5,0 млн долларға "
    "ұлғайған.",
    # the base figure in brackets before "салыстырғанда"
    "2021 жылдың қаңтар-маусымында Қазақстан мен Моңғолия арасындағы тауар айналымы 45,0 млн "
    "долларға жетіп, өткен жылдың сәйкес кезеңімен (40,0 млн доллар) салыстырғанда 12,5%-ға "
    "өсті.",
])
def test_a_kazakh_change_is_the_figure_s(text):
    assert rows(text, "2021-08-01")[0] == ("actual", "turnover", 2021, 6, 45.0, 12.5)


def test_a_direction_closed_by_and_belongs_to_the_figure_before():
    text = ("Kazakhstan exported goods worth $80.5 mln to Mongolia and imported $5.5 mln worth "
            "of goods from the country in 2019.")
    assert figures(text, "2020-02-01") == [("actual", "kz_exports_to_mn", 2019, 12, 80.5),
                                           ("actual", "mn_exports_to_kz", 2019, 12, 5.5)]


@pytest.mark.parametrize("text", [
    # one product: "the export of which"
    "Kazakhstan and Mongolia discussed flour, the export of which to Mongolia reached $8.0 "
    "million in 2020.",
    # agreements worth "a total of"
    "Kazakh and Mongolian firms signed agreements worth a total of $40 million in 2024.",
    # a change as an amount, with a rounding word between
    "Trade between Kazakhstan and Mongolia grew in 2024, an increase of roughly $20 million.",
    # what could be reached, in Russian
    "Экспорт из Казахстана в Монголию мог бы вырасти до $90 млн в год.",
    # a Mongolian change as an amount, with a particle
    "2021 онд Казахстан руу хийсэн экспорт 0.5 сая ам.доллараар л нэмэгджээ.",
])
def test_more_decoys_are_refused(text):
    assert figures(text, "2025-03-01") == []


def test_a_base_figure_in_brackets_after_than_in_a_year_is_that_year_s():
    text = ("Trade turnover between Kazakhstan and Mongolia amounted to $140.0 million in "
            "2022. This is 25.0 percent more than in 2021 ($112.0 million).")
    assert rows(text, "2023-02-15") == [("actual", "turnover", 2022, 12, 140.0, 25.0),
                                        ("actual", "turnover", 2021, 12, 112.0, None)]


def test_kazakh_shipped_is_exports():
    text = "2018 жылы Қазақстан Моңғолияға 90,0 млн долларлық өнім жөнелтті."
    assert figures(text, "2019-02-01") == [("actual", "kz_exports_to_mn", 2018, 12, 90.0)]


def test_this_figure_after_a_figure_in_its_sentence_is_that_figure_s_flow_and_a_look_back():
    text = ("2020 жылғы қаңтар-маусымда Қазақстан мен Моңғолия арасындағы тауар айналымы 40,0 "
            "млн АҚШ долларын құрады.\nЕсепті кезеңде Қазақстанның Моңғолияға экспорты 38,0 млн "
            "долларды құрады, ал 2019 жылдың алғашқы алты айында бұл көрсеткіш 44,0 млн доллар "
            "болған. Моңғолиядан импорт 2,0 млн доллар деңгейінде тіркелді.")
    assert figures(text, "2020-08-21") == [
        ("actual", "turnover", 2020, 6, 40.0), ("actual", "kz_exports_to_mn", 2020, 6, 38.0),
        ("actual", "kz_exports_to_mn", 2019, 6, 44.0), ("actual", "mn_exports_to_kz", 2020, 6, 2.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Товарооборот Казахстана и Монголии за январь–июнь 2019 года составил $38,0 млн против "
     "$34,0 млн за январь–июнь 2018 года. Рост, таким образом, составил 11,8%.",
     ("actual", "turnover", 2019, 6, 38.0, 11.8)),
    ("Бүгд Найрамдах Казахстан Улстай хийсэн худалдааны эргэлт 2024 онд 60.0 сая ам.доллар "
     "болж, өмнөх оны 50.0 сая ам.доллараас 20.0 хувиар өслөө.",
     ("actual", "turnover", 2024, 12, 60.0, 20.0)),
])
def test_a_change_after_the_base_figure_or_in_a_sentence_of_its_own_is_the_figure_s(
        text, expected):
    assert rows(text, "2025-02-01")[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Для сравнения: за весь прошлый год торговля Казахстана и Монголии составила $71,0 млн.",
     ("actual", "turnover", 2018, 12, 71.0)),
    ("В январе–феврале торговля Казахстана и Монголии достигла $18,0 млн против $15,0 млн за "
     "те же месяцы прошлого года.", ("actual", "turnover", 2018, 2, 15.0)),
])
def test_russian_last_year_and_the_same_months_of_last_year(text, expected):
    assert expected in figures(text, "2019-03-20")


def test_more_than_by_an_amount_in_russian_is_approximate():
    found = extract_text("В 2019 году Казахстан экспортировал в Монголию товаров более чем на "
                         "74 миллиона долларов.", "2020-02-01")
    assert [(c.value_musd, c.precision) for c in found] == [(74.0, "approximate")]


def test_a_table_of_partners_gives_the_pair_s_row_in_the_table_s_unit():
    text = ("Kazakhstan's foreign trade with partners in Asia, January-December 2019\n"
            "Thousand US dollars:\n"
            "Country   | Turnover   | Export     | Import    | Turnover, change, %\n"
            "China     | 14 400 000.0 | 8 000 000.0 | 6 400 000.0 | 5.1\n"
            "Mongolia  | 92 600.5   | 86 100.2   | 6 500.3   | +16.8\n")
    found = extract_text(text, "2020-02-20")
    assert [(c.flow, c.year, c.months, c.value_musd, c.yoy_change_pct) for c in found] == [
        ("turnover", 2019, 12, 92.6005, 16.8), ("kz_exports_to_mn", 2019, 12, 86.1002, None),
        ("mn_exports_to_kz", 2019, 12, 6.5003, None)]
    assert found[0].sentence[slice(*found[0].figure)] == "92 600.5"


@pytest.mark.parametrize(("text", "value"), [
    ("2018 жылы Қазақстанның Моңғолияға экспорты 84 млн 200 мың долларды құрады.", 84.2),
    ("Монгол Улс, Казахстан Улсын худалдааны эргэлт 2018 онд 112 сая 800 мянган ам.доллар "
     "болов.", 112.8),
])
def test_millions_and_thousands_written_apart_are_one_amount(text, value):
    assert [c.value_musd for c in extract_text(text, "2019-03-01")] == [value]


@pytest.mark.parametrize(("text", "expected"), [
    # an index "(108,7%)" after an amount, and one "салыстырғанда 110,4%-ды құрады"
    ("2024 жылғы қаңтар–желтоқсанда Қазақстанның Моңғолияға экспорты 121 905,1 мың АҚШ "
     "долларын (108,7%) құрады.", 8.7),
    ("2024 жылы Қазақстан мен Моңғолия арасындағы сауда айналымы 131 618,4 мың АҚШ долларын "
     "құрады және 2023 жылмен салыстырғанда 110,4%-ды құрады.", 10.4),
    # a fall written with a dash in brackets
    ("Товарооборот Казахстана и Монголии в 2024 году – 83,2 млн долл. (–23,2%).", -23.2),
])
def test_indices_and_dashed_falls_are_changes(text, expected):
    assert [c.yoy_change_pct for c in extract_text(text, "2025-02-14")] == [expected]


def test_a_table_index_below_100_in_brackets_is_no_change():
    found = extract_text("В 2024 году экспорт Казахстана в Монголию составил 120,0 млн долларов "
                         "(92,6%).", "2025-02-14")
    assert [c.yoy_change_pct for c in found] == [None]


@pytest.mark.parametrize("text", [
    "В 2017 году товарооборот Казахстана и Монголии прибавил 17,6 миллиона долларов.",
    "2023 онд Монгол, Казахстаны худалдааны эргэлт 8.8 сая ам.доллар буюу 12.4 хувиар өсчээ.",
    "2025 жылы Қазақстан мен Моңғолия арасындағы сауда көлемі 17 млн доллардан астам ұлғайған.",
    "Overall, Mongolia's foreign trade was USD 3.9 billion in 2016, of which exports made "
    "USD 0.9 billion.",
    "2024 онд Казахстан руу гаргасан бүтээгдэхүүний зөвхөн энэ төрлийн экспорт 4.1 сая "
    "ам.долларт хүрчээ.",
])
def test_changes_as_amounts_parts_of_totals_and_one_kind_of_goods_are_refused(text):
    assert figures(text, "2025-03-01") == []


def test_a_mongolian_list_as_of_the_end_of_a_month_with_a_comparison_in_brackets():
    text = ("2023 оны 9 дүгээр сарын эцсийн байдлаар Монгол Улс Казахстан Улстай нийт 80.0 сая "
            "ам.долларын гадаад худалдаа хийсэн.\n"
            "- Гадаад худалдааны эргэлт: 80.0 сая ам.доллар "
            "(2022 оны мөн үед 70.0 сая ам.доллар);\n"
            "- Экспорт: 4.0 сая ам.доллар, өмнөх оны мөн үеэс 0.5 сая ам.доллараар буурсан;")
    assert figures(text, "2023-10-16") == [
        ("actual", "turnover", 2023, 9, 80.0), ("actual", "turnover", 2022, 9, 70.0),
        ("actual", "mn_exports_to_kz", 2023, 9, 4.0)]


def test_a_change_tied_to_a_refused_amount_is_not_the_figure_s_before():
    text = ("Импорт Монголии из Казахстана за пять месяцев 2024 года составил 70,0 млн долларов. "
            "Поставки мяса на казахстанский рынок выросли в 2 раза и достигли 1,8 млн долларов.")
    assert rows(text, "2024-06-20") == [("actual", "kz_exports_to_mn", 2024, 5, 70.0, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Товарооборот Казахстана и Монголии в 2025 году составил 197 млн долларов, что на 3,3% "
     "больше, чем в 2024-м, когда он равнялся 190,5 млн долларов.",
     ("actual", "turnover", 2024, 12, 190.5, None)),
    ("Внешнеторговый оборот Казахстана с Монголией в 2022г. составил 146,3 млн. долларов США и "
     "по сравнению с 2021г. (112,7 млн. долларов США) увеличился на 29,8%.",
     ("actual", "turnover", 2022, 12, 146.3, 29.8)),
    ("Казахстанский экспорт в Монголию в 2025 году, где по-прежнему доминируют мука, масло и "
     "нефтепродукты, составил 183,4 млн долларов.",
     ("actual", "kz_exports_to_mn", 2025, 12, 183.4, None)),
])
def test_russian_years_with_endings_bracketed_bases_and_what_exports_are_made_of(text, expected):
    assert expected in rows(text, "2026-02-11")


def test_a_kazakh_goal_named_as_a_mark_is_the_target():
    text = ("Екі ел басшылары белгілеген 500 млн долларлық межеге жету үшін Қазақстан мен "
            "Моңғолия сауданы жыл сайын 25 пайызға өсіруі керек.")
    assert figures(text, "2026-01-20") == [("target", "turnover", 2026, 12, 500.0)]


def test_a_sentence_ends_after_dollars_abbreviated_unless_the_country_follows():
    text = ("По итогам 2018 года торговля Казахстана и Монголии составила 97,6 млн долл. Это "
            "меньше, чем оборот с Кыргызстаном. Экспорт в Монголию составил 90 млн долл. США.")
    assert figures(text, "2019-10-08") == [("actual", "turnover", 2018, 12, 97.6),
                                           ("actual", "kz_exports_to_mn", 2018, 12, 90.0)]


def test_flows_in_a_list_are_read_when_the_sector_words_of_the_sentence_are_elsewhere():
    text = ("Kazakh exports to Mongolia came to around $120 million in 2025, led by wheat flour, "
            "vegetable oil and steel pipes, while Mongolian shipments to Kazakhstan totaled just "
            "over $4 million, mostly cashmere and hides.")
    assert figures(text, "2026-02-01") == [("actual", "kz_exports_to_mn", 2025, 12, 120.0),
                                           ("actual", "mn_exports_to_kz", 2025, 12, 4.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade between Kazakhstan and Mongolia reached $38 million in January-April 2023. That "
     "compares with $29.5 million in the first four months of 2022.",
     [("actual", "turnover", 2023, 4, 38.0), ("actual", "turnover", 2022, 4, 29.5)]),
    ("Kazakhstan–Mongolia trade was $73.8 million in 2020. A year before, in 2019, the "
     "indicator was at $83.1 million.",
     [("actual", "turnover", 2020, 12, 73.8), ("actual", "turnover", 2019, 12, 83.1)]),
])
def test_compares_with_and_the_indicator_point_back(text, expected):
    assert figures(text, "2023-06-07") == expected


@pytest.mark.parametrize("text", [
    "In 2022 trade between Kazakhstan and Mongolia passed the $100 million mark.",
    "In 2025 Kazakhstan's surplus in its trade with Mongolia was well above $120 million.",
    "Қызығы, 2019 жылы моңғол жылқы етінің импорты 1,9 млн долларға жеткен.",
    "В 2024 году Казахстан способен нарастить поставки в Монголию на 120 млн долларов.",
    "Крупнейшая товарная позиция – табачные изделия, экспорт которых в Монголию в 2024 году "
    "достиг 23,6 млн долларов.",
    "Монгол, Казахстаны худалдаа 2030 он гэхэд 300 сая ам.долларт хүрч магадгүй.",
])
def test_thresholds_surpluses_one_good_capacity_and_guesses_are_refused(text):
    assert figures(text, "2026-02-01") == []


def test_a_country_goods_pass_through_is_no_trading_partner():
    text = ("По итогам 2019 года Казахстан и Монголия наторговали на 88,1 млн долларов, а в "
            "2020-м, когда транзит через Россию был закрыт, объем упал до 62,5 млн.")
    assert figures(text, "2021-08-26") == [("actual", "turnover", 2019, 12, 88.1),
                                           ("actual", "turnover", 2020, 12, 62.5)]


def test_a_change_over_ten_years_is_no_change_on_the_year_before():
    text = ("За десять лет объем торговли Казахстана и Монголии вырос в 2,7 раза: в 2015 году он "
            "составлял лишь 59,1 млн долларов.")
    assert rows(text, "2025-03-11") == [("actual", "turnover", 2015, 12, 59.1, None)]


def test_a_list_line_named_turnover_is_no_list_of_goods():
    text = ("Показатели торговли Казахстана и Монголии в 2024 году:\n"
            "— товарооборот: 158,3 млн долл. США (в 1,2 раза больше, чем в 2023 году);")
    assert rows(text, "2025-03-11") == [("actual", "turnover", 2024, 12, 158.3, 20.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2018 оны эхний есөн сард Монгол Улс Казахстанаас 60.4 сая ам.долларын бараа оруулж, "
     "тийшээ ердөө 2.3 сая ам.долларын бүтээгдэхүүн гаргажээ.",
     [("actual", "kz_exports_to_mn", 2018, 9, 60.4), ("actual", "mn_exports_to_kz", 2018, 9, 2.3)]),
    ("Монгол, Казахстаны худалдаа. Энэ оны эхний арван сарын байдлаар эргэлт 79.4 сая "
     "ам.долларт хүрээд байна.", [("actual", "turnover", 2018, 10, 79.4)]),
    ("2018 оны 7 дугаар сарын 31-ний байдлаар Казахстан Улстай хийсэн худалдааны нийт эргэлт "
     "54.8 сая ам.доллар байна.", [("actual", "turnover", 2018, 7, 54.8)]),
])
def test_mongolian_goods_brought_in_and_sent_there_and_dates_as_of(text, expected):
    assert figures(text, "2018-11-20") == expected


def test_exceeds_the_same_period_is_a_rise():
    text = ("Товарооборот Казахстана и Монголии за январь – август 2024 года достиг 94,3 млн "
            "долларов, что на 9,7% превышает показатель аналогичного периода прошлого года.")
    assert rows(text, "2024-09-20") == [("actual", "turnover", 2024, 8, 94.3, 9.7)]


def test_a_year_after_the_figure_compared_with_is_that_figure_s():
    text = ("Kazakhstan's trade with Mongolia rose last year to $88.1 million.\n"
            "Kazakh exports to Mongolia climbed to $84.7 million from $76.9 million in 2017.")
    assert figures(text, "2019-02-14") == [
        ("actual", "turnover", 2018, 12, 88.1), ("actual", "kz_exports_to_mn", 2018, 12, 84.7),
        ("actual", "kz_exports_to_mn", 2017, 12, 76.9)]


def test_list_items_take_the_flow_their_header_names_but_not_a_list_of_goods():
    text = ("Bilateral trade between Kazakhstan and Mongolia at a glance:\n"
            "- 2021: US$97.5 million\n- 2022: US$112.7 million, up 15.6 percent\n"
            "Kazakhstan's main exports to Mongolia, goods:\n- chocolate: US$9.1 million\n")
    assert rows(text, "2023-11-01") == [("actual", "turnover", 2021, 12, 97.5, None),
                                        ("actual", "turnover", 2022, 12, 112.7, 15.6)]


def test_exports_valued_at_are_a_flow_not_a_price():
    text = "In 2022, Kazakhstan's exports to Mongolia were valued at US$106.9 million."
    assert figures(text, "2023-11-01") == [("actual", "kz_exports_to_mn", 2022, 12, 106.9)]


def test_each_flow_takes_its_own_change_from_a_sentence_that_says_respectively():
    text = ("2024 жылы Қазақстанның Моңғолияға экспорты 156,8 млн АҚШ долларын, импорты 14,5 "
            "млн АҚШ долларын құрады. Тиісінше экспорт 6,5%-ға, импорт 12,7%-ға өсті.")
    assert [(c.flow, c.yoy_change_pct) for c in extract_text(text, "2025-02-17")] == [
        ("kz_exports_to_mn", 6.5), ("mn_exports_to_kz", 12.7)]


def test_a_change_two_sentences_after_its_figure_with_a_base_figure_between():
    text = ("Биылғы қаңтар-маусымда Қазақстан мен Моңғолия арасындағы тауар айналымы 43,3 млн "
            "АҚШ долларын құрады. Бұл туралы министрлік хабарлайды.\n\n"
            "Былтырғы осы кезеңде бұл көрсеткіш 38,6 млн доллар болған, яғни өсім 12,2 пайызды "
            "құрады.")
    assert rows(text, "2019-08-01") == [("actual", "turnover", 2019, 6, 43.3, 12.2),
                                        ("actual", "turnover", 2018, 6, 38.6, None)]


@pytest.mark.parametrize(("text", "flow"), [
    # "our" is the side the article is written from, when nothing else is named
    ("Өнгөрсөн онд Казахстанаас Монгол руу 111.9 сая ам.долларын бараа нийлүүлэгдсэн бол "
     "манай экспорт 3.4 сая ам.доллараар хязгаарлагджээ.", "mn_exports_to_kz"),
    # but a direction named wins over "our" (a Mongolian envoy quoted in Russian)
    ("«Наш экспорт в Казахстан в прошлом году составил 5 млн долларов», – сказал посол "
     "Монголии.", "mn_exports_to_kz"),
    ("В прошлом году Монголия продала Казахстану товаров на 3,1 млн долларов.",
     "mn_exports_to_kz"),
])
def test_our_exports_sold_to_and_supplied(text, flow):
    assert extract_text(text, "2023-02-01")[-1].flow == flow


@pytest.mark.parametrize("text", [
    "В 2025 году перевозка контейнера из Казахстана в Монголию обходится в 3,2 тысячи долларов.",
    "2020 жылы Қазақстан мен Моңғолия арасындағы сауда көлемі 21 млн долларға жуық азайған.",
    "2019 оны эхний 7 сард Казахстанаас зөвхөн гурил, будааны импорт 21.4 сая ам.долларт "
    "хүрчээ.",
])
def test_fees_changes_with_a_rounding_word_and_grain_are_refused(text):
    assert figures(text, "2026-01-01") == []


def test_a_place_in_china_is_no_trade_with_china():
    text = ("В 2020 году, когда пункты перевалки в Китае работали с перебоями, товарооборот "
            "Казахстана и Монголии опускался до $86,8 млн.")
    assert figures(text, "2022-01-01") == [("actual", "turnover", 2020, 12, 86.8)]


def test_kazakh_goods_that_came_from_kazakhstan_and_last_year_s_same_period():
    text = ("2022 жылы тауар айналымы 142,6 млн долларға жетті. Оның 130 млн доллардан астамы – "
            "Қазақстаннан келген тауар.\nАғымдағы жылдың қаңтар-сәуірінде тауар айналымы 41,8 млн "
            "доллар болды. Өткен жылдың осы кезеңінде 44 млн долларға жуық еді.")
    assert figures(text, "2023-06-14") == [
        ("actual", "turnover", 2022, 12, 142.6), ("actual", "kz_exports_to_mn", 2022, 12, 130.0),
        ("actual", "turnover", 2023, 4, 41.8), ("actual", "turnover", 2022, 4, 44.0)]


@pytest.mark.parametrize("text", [
    "Mongolia traded more than $2 billion worth of goods with its northern neighbor in 2021.",
    "«Биыл Қазақстан мен Моңғолия арасындағы тауар айналымы 100 млн доллардан асады деп "
    "күтеміз», – деді бас консул.",
    "В 2021 году в структуре экспорта в Монголию отгружено 61,4 тыс. тонн муки на сумму 14,9 млн "
    "долларов США.",
])
def test_a_billion_a_hope_and_a_shipment_s_value_are_refused(text):
    assert figures(text, "2022-01-01") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan's sales to Mongolia came to $98 million in 2021.",
     ("actual", "kz_exports_to_mn", 2021, 12, 98.0)),
    ("In 2021 imports from Mongolia (US$ 13.2 million) included meat, wool and leather.",
     ("actual", "mn_exports_to_kz", 2021, 12, 13.2)),
    ("В целом за 2021 год оборот Казахстана и Монголии составил $148,3 млн.",
     ("actual", "turnover", 2021, 12, 148.3)),
    ("В 2021 году Монголия закупила в Казахстане товаров примерно на 66 млн долларов.",
     ("actual", "kz_exports_to_mn", 2021, 12, 66.0)),
])
def test_sales_a_bracketed_amount_before_its_goods_turnover_and_buying_in(text, expected):
    assert figures(text, "2022-03-01") == [expected]


def test_millions_abbreviated_before_the_currency_do_not_end_the_sentence():
    text = ("2026 жылғы қаңтар-ақпанда Моңғолиядан импорт 1,7 млн. АҚШ долларын құрады (2025 "
            "жылғы қаңтар-ақпанда – 1,3 млн. АҚШ доллары).")
    assert figures(text, "2026-03-20") == [("actual", "mn_exports_to_kz", 2026, 2, 1.7),
                                           ("actual", "mn_exports_to_kz", 2025, 2, 1.3)]


@pytest.mark.parametrize(("text", "months"), [
    ("2018 оны 1 дүгээр сарын 1-нээс 6 дугаар сарын 30-ны хооронд Монгол Улс Казахстан Улстай "
     "41.7 сая ам.долларын худалдаа хийжээ.", 6),
    ("С 1 января по 30 сентября 2018 года товарооборот Казахстана и Монголии составил 70,1 млн "
     "долларов.", 9),
    ("From January 1 to June 30, 2018, trade between Kazakhstan and Mongolia was $41.7 million.",
     6),
])
def test_from_the_first_of_january_to_a_day_is_january_to_that_month(text, months):
    assert [(c.year, c.months) for c in extract_text(text, "2018-11-01")] == [(2018, months)]


@pytest.mark.parametrize(("text", "changes"), [
    # a change after an amount the figure grew by is the figure's
    ("2025 онд Казахстан Улстай хийсэн худалдааны бараа эргэлт 137.9 сая ам.доллар болж, өмнөх "
     "оноос 17.1 сая ам.доллар буюу 14.2 хувиар өссөн байна.", [14.2]),
    # "тус тус" (respectively) gives the verb to each percentage
    ("2025 онд Казахстан Улсаас импортолсон бараа 131.4 сая ам.доллар болж 13.6 хувиар, тус улсад "
     "экспортолсон бараа 6.5 сая ам.доллар болж 27.5 хувиар тус тус өсөв.", [13.6, 27.5]),
    # an index in brackets to the period it is measured against
    ("Экспорт из Казахстана в Монголию в 2021 году составил 47,8 млн. долларов США (128,5% к "
     "2020г.).", [28.5]),
])
def test_changes_after_an_increment_respectively_and_indices_to_a_period(text, changes):
    assert [c.yoy_change_pct for c in extract_text(text, "2026-01-20")] == changes


def test_a_list_line_with_a_change_on_the_same_period_is_the_article_s_period():
    text = ("2018 оны эхний хагас жилд Монгол Улс Казахстан Улстай 41.7 сая ам.долларын худалдаа "
            "хийжээ.\nГол үзүүлэлтүүд:\n- Импорт: 39.5 сая ам.доллар, өмнөх оны мөн үеэс 19.0 "
            "хувиар өссөн;")
    assert rows(text, "2018-07-12") == [("actual", "turnover", 2018, 6, 41.7, None),
                                        ("actual", "kz_exports_to_mn", 2018, 6, 39.5, 19.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2024 Kazakhstan sold Mongolia some $139 million worth of goods, while Mongolian goods "
     "heading the other way were worth only $12.3 million.",
     [("actual", "kz_exports_to_mn", 2024, 12, 139.0),
      ("actual", "mn_exports_to_kz", 2024, 12, 12.3)]),
    ("Моңғолиядан Қазақстанға жеткізілетін тауарлардың көлемі 2018 жылы 4 млн долларға жуық "
     "болған.", [("actual", "mn_exports_to_kz", 2018, 12, 4.0)]),
    ("2022 жылдың алғашқы алты айында моңғол тарапы Қазақстаннан 33,6 млн долларлық тауар сатып "
     "алған.", [("actual", "kz_exports_to_mn", 2022, 6, 33.6)]),
])
def test_the_country_that_sells_goods_sent_and_goods_bought(text, expected):
    assert figures(text, "2025-01-20") == expected


@pytest.mark.parametrize("text", [
    "I am confident that trade between Kazakhstan and Mongolia can reach 200 million dollars.",
    "В 2015 году муки в Монголию из Казахстана было отгружено свыше 60 тысяч тонн.",
])
def test_what_can_be_reached_and_thousands_of_tonnes_are_refused(text):
    assert figures(text, "2018-04-01") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Моңғолиядан импорт 2024 жылы 7,4 млн АҚШ долларын құрады (2023 жылғы деңгейге 140,1%).",
     ("actual", "mn_exports_to_kz", 2024, 12, 7.4, 40.1)),
    ("Импорт из Монголии в 2024 году составил 5,7 млн долларов США, или 146,2% к уровню "
     "2023 года.",
     ("actual", "mn_exports_to_kz", 2024, 12, 5.7, 46.2)),
    ("Товарооборот Казахстана с Монголией за 2024 год составил 108,6 млн долларов США и по "
     "сравнению с 2023 годом составил 112,2%.", ("actual", "turnover", 2024, 12, 108.6, 12.2)),
    ("Kazakhstan-Mongolia trade in the first quarter of 2024 reached $17.6 million, nine percent "
     "more than in the same period last year.", ("actual", "turnover", 2024, 3, 17.6, 9.0)),
])
def test_indices_of_the_year_before_and_a_percentage_in_words(text, expected):
    assert rows(text, "2025-02-14")[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Энэ оны есөн сарын байдлаар Монгол Улс, Казахстан Улсын худалдааны эргэлт 78.3 сая "
     "ам.долларт хүрэв.", ("actual", "turnover", 2021, 9, 78.3)),
    ("Энэ оны эхний сард Монгол, Казахстаны худалдааны эргэлт 11.2 сая ам.доллар байв.",
     ("actual", "turnover", 2021, 1, 11.2)),
])
def test_mongolian_nine_months_as_of_and_the_first_month(text, expected):
    assert figures(text, "2021-11-10") == [expected]


def test_the_same_period_a_year_earlier_after_an_amount_is_a_year_back():
    text = ("За январь – апрель 2023 года Казахстан экспортировал в Монголию товаров на 27,6 млн "
            "долларов против 22,8 млн долларов за тот же период годом ранее.")
    assert figures(text, "2023-06-01") == [("actual", "kz_exports_to_mn", 2023, 4, 27.6),
                                           ("actual", "kz_exports_to_mn", 2022, 4, 22.8)]


def test_kazakh_came_close_to_is_approximate():
    found = extract_text("2024 жылы Моңғолиядан әкелінген тауарлар көлемі 9 млн долларға "
                         "жуықтады.", "2025-03-01")
    assert [(c.value_musd, c.precision) for c in found] == [(9.0, "approximate")]


@pytest.mark.parametrize("text", [
    "Kazakhstan-Mongolia trade in 2025 was 11.2 percent (or $3.9 million) higher than in 2024.",
    "The main export item of Kazakhstan to Mongolia in 2022 was wheat flour: shipments of it "
    "amounted to $38.2 million.",
    "Казахстанаас импортолсон гурил 2022 онд энэ ганц бүтээгдэхүүний импорт 61.4 сая "
    "ам.долларт хүрсэн.",
])
def test_a_change_in_brackets_and_one_product_s_shipments_are_refused(text):
    assert figures(text, "2026-01-01") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Моңғолия Қазақстаннан импортты арттырды: бес айдағы сауда $58,7 млн-ға жетті",
     ("actual", "turnover", 2025, 5, 58.7)),
    ("В 2019 году Казахстан поставил соседям товаров на $42 млн, а купил у Монголии продукции "
     "примерно на $3 млн.", ("actual", "mn_exports_to_kz", 2019, 12, 3.0)),
    ("За январь–июнь 2019 года казахстанские компании отгрузили монгольским покупателям "
     "продукции на $27,8 млн.", ("actual", "kz_exports_to_mn", 2019, 6, 27.8)),
])
def test_a_title_s_last_clause_bought_from_and_shipped_to_buyers(text, expected):
    assert expected in figures(text, "2025-07-01")


@pytest.mark.parametrize(("text", "expected"), [
    ("По итогам первого полугодия 2019 года товарооборот Казахстана с Монголией составил $29,4 "
     "млн — на 8,1% больше, чем в январе–июне прошлого года, когда он равнялся $27,2 млн.",
     [("actual", "turnover", 2019, 6, 29.4), ("actual", "turnover", 2018, 6, 27.2)]),
    ("2020 жылы Қазақстан мен Моңғолия арасындағы тауар айналымы 71,5 млн долларға дейін "
     "төмендеді. Індетке дейінгі жылы бұл көрсеткіш 86,2 млн долларды құраған еді.",
     [("actual", "turnover", 2020, 12, 71.5), ("actual", "turnover", 2019, 12, 86.2)]),
    ("Гэхдээ 2020 онд Казахстанаас Монгол руу гаргасан экспорт 83 сая ам.доллараас давсан нь "
     "хүнсний нийлүүлэлт тасралтгүй явсныг харуулж байна.",
     [("actual", "kz_exports_to_mn", 2020, 12, 83.0)]),
])
def test_last_year_s_months_when_the_year_before_a_named_event_and_a_new_clause(text, expected):
    published = "2019-08-01" if "2019" in text else "2021-08-01"
    assert figures(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Экспорт из Казахстана в Монголию за восемь месяцев 2024 года составил $70,3 млн, импорт из "
     "Монголии вырос в 1,5 раза - до $4,6 млн.", [None, 50.0]),
    ("– Моңғолияға экспорт 2024 жылы – 148,6 млн АҚШ доллары (2023 жылға қарағанда 108,7%);",
     [8.7]),
    ("2024 жылғы қаңтар-маусымда Қазақстан мен Моңғолия арасындағы тауар айналымы 19,4 млн АҚШ "
     "долларын құрады. Бұл өткен жылдың сәйкес кезеңімен салыстырғанда 13,1 пайызға төмен.",
     [-13.1]),
])
def test_a_change_to_an_amount_after_a_dash_an_index_after_compared_and_lower(text, expected):
    assert [c.yoy_change_pct for c in extract_text(text, "2025-02-01")] == expected


def test_kazakh_nearly_in_the_accusative_is_approximate():
    found = extract_text("2024 жылы Қазақстан мен Моңғолия арасындағы тауар айналымы 60 млн "
                         "долларды құрады. Оның 53 млн долларға жуығын Қазақстаннан әкелінген "
                         "тауарлар құрайды.", "2025-02-01")
    assert [(c.flow, c.value_musd, c.precision) for c in found] == [
        ("turnover", 60.0, "exact"), ("kz_exports_to_mn", 53.0, "approximate")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan-Mongolia trade reached $97.4 million in January-September 2021. Compared to the "
     "same period of 2020 ($71.5 million), the trade turnover increased by 36.2 percent.",
     [("actual", "turnover", 2021, 9, 97.4, 36.2), ("actual", "turnover", 2020, 9, 71.5, None)]),
    ("Mongolia exported products worth 1.4 million USD to Kazakhstan in 2016, while imports from "
     "Kazakhstan reached 54.2 million USD. In total, trade between two countries was 55.6 million "
     "USD in 2016.", [("actual", "mn_exports_to_kz", 2016, 12, 1.4, None),
                      ("actual", "kz_exports_to_mn", 2016, 12, 54.2, None),
                      ("actual", "turnover", 2016, 12, 55.6, None)]),
])
def test_a_base_figure_after_the_same_period_of_a_year_and_in_total_trade(text, expected):
    assert rows(text, "2022-02-01") == expected


def test_this_indicator_is_the_one_figure_of_the_sentence_before_or_else_the_turnover():
    one = ("2024 онд Монгол, Казахстаны худалдааны эргэлт 170.0 сая ам.доллар болов.\n"
           "• Казахстан Улсаас импортолсон бараа 152.7 сая ам.доллар болов. 2023 онд энэ "
           "үзүүлэлт 141.3 сая ам.доллар байв.")
    parts = ("2022 онд хоёр орны худалдааны эргэлт 104.2 сая ам.долларт хүрчээ. Үүнээс Монгол "
             "Улсын экспорт 5.6 сая, импорт 98.6 сая ам.доллар байв. 2021 онд энэ үзүүлэлт 60.9 "
             "сая ам.доллар байсан.")
    assert extract_text(one, "2025-02-01")[-1].flow == "kz_exports_to_mn"
    assert extract_text(parts, "2023-02-01")[-1].flow == "turnover"


@pytest.mark.parametrize(("text", "expected"), [
    ("Үүнд, Гаалийн ерөнхий газрын мэдээгээр 2020 оны эхний хагас жилд Казахстан Улстай хийсэн "
     "худалдааны эргэлтийн 73,806.1 мянган ам.доллар нь импорт, 4,606.5 мянган ам.доллар нь "
     "экспорт бүртгэгдсэн.",
     [("actual", "kz_exports_to_mn", 2020, 6, 73.8061),
      ("actual", "mn_exports_to_kz", 2020, 6, 4.6065)]),
    ("Ал 2019 жылдың қаңтар-маусымында Моңғолиядан Қазақстанға 2,6 млн долларлық өнім "
     "жеткізілген.", [("actual", "mn_exports_to_kz", 2019, 6, 2.6)]),
    ("Прошлый год был тяжелым для Казахстана и Монголии. Товарооборот упал примерно до 70 млн "
     "долларов.", [("actual", "turnover", 2020, 12, 70.0)]),
])
def test_amounts_that_are_a_flow_goods_delivered_and_last_year_named_alone(text, expected):
    assert figures(text, "2021-03-01") == expected


@pytest.mark.parametrize("text", [
    "В 2022 году сауда балансы Қазақстанның пайдасына шешіліп отыр, айырма 89 млн доллар "
    "шамасында.",
    "2025 жылдың бірінші тоқсанында сауда көлемі 4,4 млн долларға немесе 16,1 пайызға артқан.",
    "Сарапшылардың болжамынша, 2026 жылы Қазақстан мен Моңғолия арасындағы сауда 160 млн "
    "долларға жетуі ықтимал.",
])
def test_a_balance_a_change_or_its_percentage_and_a_likely_level_are_refused(text):
    assert figures(text, "2025-06-01") == []


def test_a_mongolian_goal_to_be_brought_and_the_goal_said_after_its_amount():
    title = "Монгол-Казахстаны бизнес форум: 2030 он гэхэд худалдааг 500 сая ам.долларт хүргэнэ"
    quote = ("Хоёр Ерөнхийлөгчийн тавьсан 2030 он гэхэд 500 сая ам.доллар гэсэн зорилт Монгол, "
             "Казахстаны худалдаанд чухал.")
    for text in (title, quote):
        assert figures(text, "2026-05-01") == [("target", "turnover", 2030, 12, 500.0)]


def test_whereas_is_no_when_and_a_change_stated_before_its_figure():
    text = ("В 2019 году товарооборот Казахстана и Монголии достиг 87,4 млн долларов. Из них на "
            "казахстанский экспорт пришлось 78,9 млн долларов – в 1,3 раза больше, чем годом "
            "ранее, тогда как импорт из Монголии составил лишь 8,5 млн.")
    assert figures(text, "2020-03-01")[-1] == ("actual", "mn_exports_to_kz", 2019, 12, 8.5)
    ahead = ("Жыл басынан бері Қазақстан мен Моңғолия арасындағы тауар айналымы 1,3 есеге өсті. "
             "Қаңтар-маусым айларында екі ел арасындағы сауда көлемі 41,2 млн долларды құрады.")
    assert rows(ahead, "2019-08-01") == [("actual", "turnover", 2019, 6, 41.2, 30.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 2020 trade between Kazakhstan and Mongolia was $95.3 million. Mongolia, for its part, "
     "sold Kazakhstan a paltry $3 million or so worth of goods.",
     ("actual", "mn_exports_to_kz", 2020, 12, 3.0)),
    ("Гол үзүүлэлтүүд 2024 онд:\n• Казахстан Улсаас импортолсон бараа: 113.9 сая ам.доллар;",
     ("actual", "kz_exports_to_mn", 2024, 12, 113.9)),
    ("Монгол, Казахстаны худалдаа.\n-2018 онд худалдааны эргэлт 89.6 сая ам.доллар болсон.",
     ("actual", "turnover", 2018, 12, 89.6)),
    ("Энэ оны эхний улирлын дүнг харвал Монгол, Казахстаны худалдаа 31,2 сая ам.доллар болов.",
     ("actual", "turnover", 2025, 3, 31.2)),
])
def test_a_subject_after_a_remark_goods_with_their_value_a_dashed_year_and_a_quarter(
        text, expected):
    assert expected in figures(text, "2025-05-01")


@pytest.mark.parametrize("text", [
    "2018 жылы тек кондитерлік өнімдердің Моңғолияға экспорты 6 млн долларға жуықтады.",
    "2021 жылы Қазақстан мен Моңғолия арасында тек екінші тоқсанда 27,1 млн долларлық тауар "
    "айналымы тіркелген.",
    "2025 жылы тек желтоқсан айының өзінде Қазақстан мен Моңғолия арасындағы сауда көлемі 19,3 "
    "млн долларды құрады.",
    "Сарапшылар екі ел сауданы 300 млн долларға дейін жеткізе алады деп санайды.",
    "Экспорттың негізгі бөлігі агроөнеркәсіп өнімдеріне тиесілі: 2024 жылы бұл санаттағы "
    "жеткізілімдер 58,4 млн долларды құрады.",
    "We believe the turnover of Kazakhstan and Mongolia can be increased up to USD 300 mln.",
    "При нормальной логистике казахстанские компании могли бы нарастить поставки в Монголию до "
    "150 млн долларов.",
    "В 2023 году Казахстан может дополнительно экспортировать в Монголию продукции на 96 млн "
    "долларов.",
])
def test_one_good_a_later_quarter_one_month_and_what_can_or_could_be_are_refused(text):
    assert figures(text, "2026-01-20") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Imports from Kazakhstan in January-September 2023 reached USD 94.1 million, increased by "
     "15.9 percent against USD 81.2 million in January-September of 2022.",
     [("actual", "kz_exports_to_mn", 2023, 9, 94.1),
      ("actual", "kz_exports_to_mn", 2022, 9, 81.2)]),
    ("Казахстанский экспорт в Монголию по итогам первого полугодия 2023 года составил 71 млн "
     "долларов, прибавив 18,3% к аналогичному периоду 2022-го, когда поставки оценивались в 60,2 "
     "млн долларов.",
     [("actual", "kz_exports_to_mn", 2023, 6, 71.0),
      ("actual", "kz_exports_to_mn", 2022, 6, 60.2)]),
])
def test_a_base_figure_against_a_year_and_the_same_period_of_a_year_with_an_ending(
        text, expected):
    assert figures(text, "2023-10-12") == expected


def test_a_page_s_lead_and_list_left_out_of_the_main_text_are_read():
    from trade_dash.domain.extract.article import read_article

    html = ("<html><head><meta property='og:site_name' content='Kursiv'>"
            "<meta property='article:published_time' content='2019-03-14T10:45:00+06:00'>"
            "<title>Trade</title></head><body><nav><a href='/'>Home</a></nav><main><article>"
            "<h1>Мука и масло: что Казахстан продает Монголии</h1>"
            "<div class='article__lead'><p>Товарооборот Казахстана и Монголии по итогам 2018 "
            "года вырос на 29,5% и достиг 68,4 млн долларов.</p></div>"
            "<div class='article__body'>" + "<p>Торговля остается односторонней, и эксперты "
            "объясняют это логистикой и отсутствием общей границы между странами.</p>" * 4
            + "<ul><li>Экспорт в Монголию в 2018 году составил 65,1 млн долларов;</li></ul>"
            "</div></article></main><footer>© Kursiv</footer><script>var x = 1;</script>"
            "</body></html>").encode()
    found = [(c.flow, c.year, c.value_musd) for c in extract_text_of(read_article(html, "p.html"))]
    assert ("turnover", 2018, 68.4) in found and ("kz_exports_to_mn", 2018, 65.1) in found


def extract_text_of(article):
    from trade_dash.domain.extract import extract_article

    return extract_article(article)


def test_it_exceeded_meat_imports_and_from_us_in_mongolian():
    text = ("Trade between Kazakhstan and Mongolia stood at 142.6 million dollars in 2024. In the "
            "first nine months of 2025, it exceeded 110 million dollars.")
    assert figures(text, "2025-11-01")[-1] == ("actual", "turnover", 2025, 9, 110.0)
    assert figures("2020 жылы Моңғолиядан Қазақстанға экспорт 3 млн доллар болды. Оның ішінде ет "
                   "импорты 1,4 млн долларды құрады.", "2021-03-01") == [
        ("actual", "mn_exports_to_kz", 2020, 12, 3.0)]
    assert figures("Өнгөрсөн онд Казахстан манайхаас дөнгөж 1.1 сая ам.долларын бараа "
                   "импортолсон.", "2021-03-01") == [("actual", "mn_exports_to_kz", 2020, 12, 1.1)]


def test_a_list_under_a_header_without_a_trade_word_goes_on_with_the_figures_before():
    text = ("2021 жылдың қаңтар-маусымында екі ел арасындағы тауар айналымы 52,6 млн долларды "
            "құрады.\nСоңғы жылдардағы динамикаға көз жүгіртсек:\n• 2019 жыл – 107,8 млн доллар;\n"
            "• 2020 жыл – 81,3 млн доллар (алдыңғы жылмен салыстырғанда 24,6%-ға кем);")
    assert rows(text, "2021-08-01") == [("actual", "turnover", 2021, 6, 52.6, None),
                                        ("actual", "turnover", 2019, 12, 107.8, None),
                                        ("actual", "turnover", 2020, 12, 81.3, -24.6)]


def test_a_list_of_partners_by_goods_turnover_keeps_the_pair_s_line():
    text = ("Монгол Улс 2018 оны эхний 9 сард Казахстантай худалдаа хийв.\nГол түнш орнуудаар "
            "бараа эргэлтийг авч үзвэл:\n- ОХУ: 1.3 тэрбум ам.доллар\n- Бүгд Найрамдах Казахстан "
            "Улс: 52.4 сая ам.доллар")
    assert figures(text, "2018-10-20") == [("actual", "turnover", 2018, 9, 52.4)]


@pytest.mark.parametrize(("text", "expected"), [
    ("В 2022 году товарооборот Казахстана и Монголии вырос на 22,9% – с 96,4 млн до 118,5 млн "
     "долларов США.", [("actual", "turnover", 2021, 12, 96.4, None),
                      ("actual", "turnover", 2022, 12, 118.5, 22.9)]),
    ("2024 онд Казахстан Улс руу 8.8 сая ам.долларын бараа экспортолсон нь 2023 оны 5.9 сая "
     "ам.доллараас 1.5 дахин өссөн байна.", [("actual", "mn_exports_to_kz", 2024, 12, 8.8, 50.0),
                                             ("actual", "mn_exports_to_kz", 2023, 12, 5.9, None)]),
    ("2025 онд Монгол, Казахстаны худалдааны эргэлт 142,7 сая ам.долларт хүрсэн нь 2024 "
     "оныхоос 11 хувиар, тодруулбал 14,1 сая ам.доллараар нэмэгдсэн.",
     [("actual", "turnover", 2025, 12, 142.7, 11.0)]),
])
def test_from_one_amount_to_another_a_base_with_its_year_and_a_change_restated(text, expected):
    assert rows(text, "2026-02-01") == expected


def test_goods_coming_from_mongolia_and_september_with_its_ending():
    assert figures("2018 жылы Моңғолиядан келетін тауардың құны небәрі 4,7 млн доллар.",
                   "2019-02-01") == [("actual", "mn_exports_to_kz", 2018, 12, 4.7)]
    assert figures("2022 жылдың қаңтар-қыркүйегінде Қазақстан мен Моңғолия арасындағы тауар "
                   "айналымы 104,9 млн доллар болды.", "2022-11-01") == [
        ("actual", "turnover", 2022, 9, 104.9)]


@pytest.mark.parametrize("text", [
    "Thus in 2016 the positive balance of Kazakhstan in trade with Mongolia made USD 28.4 mln.",
    "The two countries have potential to raise mutual trade to USD 100 million within years.",
    "Шинжээчдийн тооцоолсноор 2026 онд Казахстантай хийх худалдаа 90 сая ам.доллараас давж "
    "магадгүй.",
    "2023 онд Казахстанаас импортолсон барааны дотор улаан буудайн гурил 61.3 мянган тонн буюу "
    "22.7 сая ам.доллар байна.",
    "Крупнейшей товарной позицией в 2020 году осталась пшеничная мука: ее поставки в Монголию "
    "принесли казахстанским экспортерам $21,7 млн.",
])
def test_a_balance_a_potential_a_guess_a_quantity_s_value_and_a_product_are_refused(text):
    assert figures(text, "2026-06-01") == []


def test_a_goal_set_as_a_task_is_the_turnover_s():
    text = ("«Главы наших государств поставили амбициозную задачу — довести объем взаимной "
            "торговли Казахстана и Монголии до 500 млн долл. США к 2030 году».")
    assert figures(text, "2024-11-01") == [("target", "turnover", 2030, 12, 500.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Өнгөрсөн онд Монгол, Казахстаны худалдааны эргэлт 88.6 сая ам.долларт хүрсэн. Энэ оны эхний "
     "есөн сард эргэлт 70.1 сая ам.доллар болов. Энэ хугацаанд Казахстанаас Монгол руу "
     "экспортолсон бараа 65 сая ам.доллар давсан.", ("actual", "kz_exports_to_mn", 2019, 9, 65.0)),
    ("За первое полугодие 2023 года объем торговли Казахстана и Монголии вырос до $48,9 млн. "
     "Годом ранее за январь–июнь стороны наторговали на $32,6 млн.",
     ("actual", "turnover", 2022, 6, 32.6)),
])
def test_this_period_is_the_one_just_named_and_a_year_earlier_shifts_the_months(text, expected):
    assert figures(text, "2019-10-20" if "Өнгөрсөн" in text else "2023-08-01")[-1] == expected


def test_a_change_used_by_the_figure_before_is_not_given_to_the_next():
    text = ("2017 жылдың қаңтар-қараша айларында Қазақстан мен Моңғолия арасындағы тауар айналымы "
            "52,6 млн доллар болды. 2016 жылдың осы кезеңінде бұл көрсеткіш 38,1 млн долларды "
            "құраған. Яғни сауда 1,4 есе өскен. Ал 2016 жылы толық жылдың қорытындысы бойынша екі "
            "ел арасындағы сауда 41,9 млн доллар болған еді.")
    assert [c.yoy_change_pct for c in extract_text(text, "2017-12-20")] == [40.0, None, None]


def test_a_partner_table_under_a_title_row_with_its_unit_and_a_base_after_an_increment():
    text = ("Монгол Улс 2025 онд Казахстан Улстай хийсэн гадаад худалдааны барааны эргэлт 128.5 "
            "сая ам.доллар болж, 2024 оны 112.5 сая ам.доллараас 16.0 сая ам.доллар буюу 14.2 "
            "хувиар нэмэгдсэн.\n"
            "| Хүснэгт 3. Гадаад худалдааны барааны эргэлт, улсаар, 2025 он (сая ам.доллар) "
            "|  |  | \n"
            "|---|---|---|---|\n| Улс | Нийт эргэлт | Экспорт | Импорт | \n|---|---|---|---|\n"
            "| ОХУ | 2,612.4 | 98.7 | 2,513.7 | \n| Казахстан | 128.5 | 6.6 | 121.9 | \n")
    assert rows(text, "2026-02-10") == [
        ("actual", "turnover", 2025, 12, 128.5, 14.2),
        ("actual", "turnover", 2024, 12, 112.5, None),
        ("actual", "mn_exports_to_kz", 2025, 12, 6.6, None),
        ("actual", "kz_exports_to_mn", 2025, 12, 121.9, None)]


def test_a_goal_takes_a_deadline_given_with_its_number_anywhere_in_the_article():
    text = ("Хоёр улсын Ерөнхийлөгч худалдааны эргэлтийг 500 сая ам.долларт хүргэх зорилт "
            "тавьсан.\n"
            "Шинжээчдийн тооцоогоор 2030 он гэхэд 500 саяд хүрэхэд хангалтгүй юм.")
    assert figures(text, "2025-08-20") == [("target", "turnover", 2030, 12, 500.0)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakhstan-Mongolia trade was USD 72 million in 2018. China's trade with Mongolia made up "
     "63.2 percent of the total.", [None]),
    ("2024 онд Монгол, Казахстаны худалдааны эргэлт 112.5 сая ам.доллар байлаа. Зорилтод "
     "хүрэхийн тулд худалдааг 4.4 дахин өсгөх шаардлагатай.", [None]),
    ("Энэ оны эхний дөрвөн сарын байдлаар Монгол, Казахстаны хооронд 38.7 сая ам.долларын "
     "худалдаа хийгдсэн бөгөөд өнгөрсөн оны мөн үеэс 6 орчим хувиар өссөн.", [6.0]),
])
def test_a_share_a_needed_growth_and_about_a_percentage(text, expected):
    assert [c.yoy_change_pct for c in extract_text(text, "2025-06-01")] == expected


def test_approached_is_approximate():
    found = extract_text("Казахстанский экспорт в Монголию в первом полугодии 2019 года "
                         "приблизился к $42 млн.", "2019-08-01")
    assert [(c.value_musd, c.precision) for c in found] == [(42.0, "approximate")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Kazakhstan-Mongolia trade reached $137.2mn in 2024, up 12.8% on 2023's $121.6mn.",
     "2025-04-22",
     [("actual", "turnover", 2024, 12, 137.2), ("actual", "turnover", 2023, 12, 121.6)]),
    ("Kazakhstan-Mongolia trade.\nThe start of 2025 was softer. Turnover in the first quarter "
     "stood at $29.4mn, as grain shipments slowed after a record 2024 harvest.", "2025-04-22",
     [("actual", "turnover", 2025, 3, 29.4)]),
    ("За девять месяцев 2020 года объем торговли Казахстана и Монголии составил 61,3 миллиона "
     "долларов против 75,2 миллиона долларов за тот же период 2019 года.", "2020-11-01",
     [("actual", "turnover", 2020, 9, 61.3), ("actual", "turnover", 2019, 9, 75.2)]),
    ("2024 онд Казахстан Улс руу экспортолсон бараа 6,9 сая ам.доллар болж, 2023 оны 5,2 сая "
     "ам.доллартай харьцуулахад 1,7 сая ам.доллараар нэмэгдсэн.", "2025-02-01",
     [("actual", "mn_exports_to_kz", 2024, 12, 6.9),
      ("actual", "mn_exports_to_kz", 2023, 12, 5.2)]),
    ("2016 жылы Моңғолиядан Қазақстанға жеткізілген өнім шамамен 4,3 миллион доллар ғана.",
     "2017-03-01", [("actual", "mn_exports_to_kz", 2016, 12, 4.3)]),
])
def test_a_year_s_possessive_the_paragraph_s_year_and_bases_with_their_year(
        text, published, expected):
    assert figures(text, published) == expected


@pytest.mark.parametrize("text", [
    "Сарапшылардың есебінше, тауар айналымын 200 млн долларға дейін арттыруға толық әлеует бар.",
    "2024 жылы Моңғолияға экспортталған негізгі тауарлар: бидай ұны – 95,2 мың тонна (21,7 млн "
    "АҚШ доллары).",
    "В товарной структуре экспорта в Монголию в 2023 году наибольший удельный вес приходился на "
    "продукты растительного происхождения – 22 485,7 тыс. долларов США.",
])
def test_a_potential_after_its_amount_a_shipment_s_value_and_a_structure_are_refused(text):
    assert figures(text, "2025-01-01") == []


def test_a_potential_after_a_goal_in_another_clause_leaves_the_goal():
    text = ("Для достижения поставленной главами государств цели – 500 млн долларов к 2030 году – "
            "Казахстан предложил Монголии перечень товаров с экспортным потенциалом.")
    assert figures(text, "2025-03-01") == [("target", "turnover", 2030, 12, 500.0)]


def test_a_script_inside_an_article_paragraph_is_not_read_as_its_text():
    from trade_dash.domain.extract.article import read_article

    html = ("<html><head><title>T</title></head><body><main><article>"
            "<h1>Торговля Казахстана и Монголии</h1>"
            "<div class='lead'><p>Товарооборот Казахстана и Монголии в 2018 году составил 68,4 "
            "млн долларов.<script>document.write('99,9 млн долларов экспорт')</script></p></div>"
            "<div class='body'>" + "<p>Эксперты объясняют динамику логистикой и спросом на "
            "продовольствие в соседней стране.</p>" * 4 + "</div></article></main></body></html>")
    article = read_article(html.encode(), "p.html")
    assert "document.write" not in article.text and "99,9" not in article.text
    assert "68,4" in article.text

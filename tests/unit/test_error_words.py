"""Error messages in the reader's language: every code the logic modules raise is worded
in every language, and the English stays as it was."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from tests.support.data import GOOD_ROWS
from tests.support.worded import worded
from trade_dash.cli import main
from trade_dash.domain.datafile import load_citations
from trade_dash.domain.model import Quantity, ScenarioCode, ScenarioError
from trade_dash.domain.problems import DataFileError, Problem, ProblemCode
from trade_dash.domain.schema import COLUMNS, MAX_TEXT, MAX_VALUE_MUSD
from trade_dash.exports.images import ExportCode, ExportError
from trade_dash.wording import errors
from trade_dash.wording.core import LABELS, Wording
from trade_dash.wording.languages import LANGUAGES

TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")

# Values for each code, as the logic modules give them. A new code needs an entry here
# (and a sentence in wording/errors.py), or the tests below fail.
PROBLEM_VALUES: dict[str, dict] = {
    "not_found": {},
    "is_folder": {},
    "unreadable": {"reason": "Permission denied"},
    "not_utf8": {},
    "no_header": {"columns": COLUMNS},
    "bad_csv": {"reason": "unexpected end of data"},
    "wrong_separator": {"separator": ";"},
    "duplicate_column": {},
    "unknown_column": {"columns": COLUMNS, "suggestion": "value_musd"},
    "missing_column": {"name": "year"},
    "no_rows": {},
    "field_count": {"expected": 15, "found": 14},
    "no_headline_row": {},
    "duplicate_row": {"first_line": 3},
    "duplicate_id": {"first_line": 2},
    "duplicate_row_in_data": {"first_line": 7, "path": "data.csv"},
    "duplicate_id_in_data": {"first_line": 4, "path": "data.csv"},
    "bad_id": {"max_length": MAX_TEXT["citation_id"]},
    "not_one_of": {"choices": ("actual", "target")},
    "bad_year": {"low": 1991, "high": 2100},
    "bad_months": {},
    "value_empty": {},
    "value_with_unit": {},
    "value_grouped": {},
    "value_decimal_comma": {},
    "value_not_finite": {},
    "value_negative": {},
    "value_out_of_range": {"high": MAX_VALUE_MUSD},
    "value_not_number": {},
    "bad_change": {},
    "reporter_empty": {},
    "bad_text": {"max_length": 500},
    "bad_side": {"choices": ("KZ", "MN")},
    "bad_date": {},
    "months_period": {},
    "published_too_early": {},
    "actual_in_future": {},
    "target_not_annual": {},
    "change_on_target": {},
}
SCENARIO_VALUES: dict[str, dict] = {
    "not_positive": {"quantity": "base_value", "value": -1.5},
    "months_range": {"value": 12},
    "rate_not_finite": {"value": float("nan")},
    "rate_range": {"low": -0.99, "high": 10.0, "value": 12.5},
    "seasonal_share_over": {"part": 60.5, "full": 50.0},
    "change_not_finite": {"value": float("inf")},
    "change_range": {"value": -120.0},
    "yoy_below_ytd": {"estimate": 40.123, "value": 50.0},
    "end_not_after_start": {"start_year": 2024, "end_year": 2020},
    "last_before_base": {"last_year": 2020, "base_year": 2024},
    "horizon_too_long": {"years": 200},
    "target_year_not_after_base": {"target_year": 2024, "base_year": 2025},
    "no_full_year_base": {},
    "reporter_unknown": {"value": "RU", "choices": ("any", "KZ", "MN")},
    "reporter_not_in_data": {"reporter": "MN", "choices": ("any", "KZ")},
    "reporter_option_not_in_data": {"reporter": "MN", "choices": ("any", "KZ")},
    "base_unknown": {"value": "weekly", "choices": ("ytd", "full")},
    "method_unknown": {"value": "magic", "choices": ("pro_rata", "seasonal", "yoy")},
    "growth_range": {"low": -50.0, "high": 100.0, "value": 250.0},
    "target_range": {"low": 1.0, "high": 100000.0, "value": -5.0},
    "band_range": {"low": 0.0, "high": 20.0, "value": 30.5},
    "target_year_range": {"base_year": 2025, "horizon": 2060, "value": 2070},
}

EXPORT_VALUES: dict[str, dict] = {
    "no_browser_at": {"path": "/opt/chrome"},
    "no_browser_found": {},
    "browser_unusable": {"path": "/usr/bin/chromium"},
    "browser_slow_start": {"path": "/usr/bin/chromium", "seconds": 60.0},
    "browser_failed": {"path": "/usr/bin/chromium", "reason": "BrowserFailedError: x"},
    "busy": {},
    "render_timeout": {"format": "PNG", "seconds": 30.0},
    "render_failed": {"format": "PDF", "reason": "JavascriptError: x"},
}


def test_every_problem_code_has_values_here_and_a_sentence():
    """A code added to data.ProblemCode without a sentence (or one left over) is caught."""
    codes = set(get_args(ProblemCode))
    assert set(errors.PROBLEMS) == codes
    assert set(PROBLEM_VALUES) == codes


def test_every_scenario_code_and_quantity_has_a_sentence():
    codes = set(get_args(ScenarioCode))
    assert set(errors.SCENARIO_ERRORS) == codes
    assert set(SCENARIO_VALUES) == codes
    assert set(LABELS["quantity"]) == set(get_args(Quantity))


def test_every_export_code_has_a_sentence():
    assert set(errors.EXPORT_ERRORS) == set(get_args(ExportCode)) == set(EXPORT_VALUES)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("code", sorted(EXPORT_VALUES))
def test_each_export_error_is_worded_in_each_language(code, lang):
    """The reason reads in the language; the paths and the browser's own words stay."""
    err = ExportError(code, **EXPORT_VALUES[code])  # type: ignore[arg-type]
    text = errors.export_error(Wording.for_lang(lang), err)
    assert text != worded(err) and CYRILLIC.search(text), text
    for value in EXPORT_VALUES[code].values():
        if isinstance(value, str):
            assert value in text


def test_export_errors_read_in_english_as_before():
    assert worded(ExportError("render_timeout", format="PNG", seconds=30.0)) == (
        "Rendering the PNG took longer than 30 s and was stopped; try again.")
    assert worded(ExportError("no_browser_found")) == (
        "Static export needs Chromium: none was found on PATH; install Debian's `chromium` "
        "package (apt-get install chromium) or set TRADE_DASH_BROWSER to a Chromium or "
        "Chrome executable.")


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("code", sorted(PROBLEM_VALUES))
def test_each_data_problem_is_worded_in_each_language(code, lang):
    """The problem reads in the language (Cyrillic words, not the English sentence), and
    still names the line, the column and the value found."""
    p = Problem.of(7, "value_musd", "x1", code, **PROBLEM_VALUES[code])
    english = errors.problem(Wording.for_lang("en"), p, "f.csv")
    text = errors.problem(Wording.for_lang(lang), p, "f.csv")
    expected = errors.expected(Wording.for_lang(lang), p)
    assert text != english and CYRILLIC.search(expected), text
    assert text.startswith("f.csv") and "7" in text and "value_musd" in text and "'x1'" in text


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("code", sorted(SCENARIO_VALUES))
def test_each_scenario_error_is_worded_in_each_language(code, lang):
    err = ScenarioError(code, **SCENARIO_VALUES[code])  # type: ignore[arg-type]
    english = worded(err)
    text = errors.scenario_error(Wording.for_lang(lang), err)
    assert text != english and CYRILLIC.search(text), text


@pytest.mark.parametrize(
    ("code", "english"),
    [
        ("growth_range", "growth must be a number from -50 to 100, got 250.0"),
        ("reporter_unknown", "reporter must be one of any, KZ, MN, got 'RU'"),
        ("not_positive", "base value must be a positive finite number, got -1.5"),
        ("target_year_range",
         "target year must be after the base year 2025 and at most 2060, got 2070"),
        ("seasonal_share_over", "previous year's same-period value exceeds its full-year value "
         "(60.5 > 50.0); the seasonal share would exceed 100 %"),
        ("change_range", "year-on-year change must be above -100 %, got -120 %"),
    ],
)
def test_scenario_errors_read_in_english_as_before(code, english):
    assert worded(ScenarioError(code, **SCENARIO_VALUES[code])) == english  # type: ignore[arg-type]


def test_errors_below_the_wording_layer_carry_codes_not_sentences():
    """The domain holds no English: ``str()`` of an error is its code and values."""
    err = ScenarioError("growth_range", low=-50.0, high=100.0, value=250.0)
    assert str(err) == "growth_range (high=100.0, low=-50.0, value=250.0)"
    assert err.values == {"low": -50.0, "high": 100.0, "value": 250.0}


def test_russian_numbers_in_errors_take_the_russian_decimal_mark():
    ru = Wording.for_lang("ru")
    text = errors.scenario_error(ru, ScenarioError("growth_range", low=-50.0, high=100.0,
                                                   value=250.5))
    assert text.endswith("получено 250,5")
    limit = errors.expected(ru, Problem.of(2, "value_musd", "1e9", "value_out_of_range",
                                           high=MAX_VALUE_MUSD))
    assert limit == "число больше 0 и не больше 100\u00a0000"


def test_the_data_file_example_keeps_its_point_in_every_language():
    """The file must be written with a decimal point whatever the reader's language, so
    the example says 76.7, not 76,7."""
    p = Problem.of(2, "value_musd", "76,7", "value_decimal_comma")
    for lang in LANGUAGES:
        assert "76.7" in errors.expected(Wording.for_lang(lang), p)


def test_a_bad_file_in_kazakh_names_file_line_column_and_what_was_expected(write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["value_musd"] = "$40"
    rows[2]["months"] = "13"
    path = write_csv(rows)
    with pytest.raises(DataFileError) as info:
        load_citations(path)
    text = errors.data_file_error(Wording.for_lang("kk"), info.value)
    lines = text.splitlines()
    assert lines[0] == f"{path}: 2 қате табылды"
    assert lines[1] == (f"  {path}, 2-жол, «value_musd» бағаны: берілгені — '$40': "
                        "күтілгені — млн АҚШ долларымен берілген жай сан, мысалы 76.7, "
                        "валюта белгісі мен өлшем бірлігінсіз")
    assert lines[2] == (f"  {path}, 4-жол, «months» бағаны: берілгені — '13': "
                        "күтілгені — 1-ден 12-ге дейінгі бүтін ай саны")
    # The same problems in English, as before.
    assert worded(info.value).splitlines()[1:] == [
        f"  {path}, line 2, column 'value_musd': got '$40': expected a plain number of US$ "
        "million such as 76.7, without currency sign or unit",
        f"  {path}, line 4, column 'months': got '13': expected a whole number of months "
        "from 1 to 12",
    ]


def test_validate_and_add_report_in_the_language_asked_for(capsys, write_csv):
    path = write_csv()
    assert main(["validate", str(path), "--lang", "mn"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{path}: зөв, 4 эх сурвалжийн ишлэл, он 2019–2022"
    assert main(["add", "--data", str(path), "--citation-id", "kz-2023", "--year", "2023",
                 "--value-musd", "70.5", "--reporter", "Bureau", "--reporter-kind", "customs",
                 "--published", "2024-02-01", "--lang", "ru"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"trade-dash: ссылка на источник kz-2023 добавлена в строку 6 файла {path}")
    # A row the file refuses: nothing written, the problem in Russian.
    before = path.read_bytes()
    assert main(["add", "--data", str(path), "--citation-id", "kz-2023", "--year", "2023",
                 "--value-musd", "70,5", "--reporter", "Bureau", "--reporter-kind", "customs",
                 "--lang", "ru"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("trade-dash: недопустимые данные\n")
    assert "строка 7, столбец «value_musd»: получено '70,5': ожидается число с точкой" in err
    assert "строка 7, столбец «citation_id»: получено 'kz-2023'" in err
    assert path.read_bytes() == before


def test_scenario_and_number_errors_of_summary_in_kazakh(capsys):
    assert main(["summary", "--growth", "250", "--lang", "kk"]) == 2
    err = capsys.readouterr().err
    # The bounds stand alone: "-50 пен" was a case ending that depends on the number.
    assert err.strip() == ("trade-dash: өсім (growth) ең азы -50, ең көбі 100 болатын сан "
                           "болуы керек, берілгені — 250,0")
    # argparse's frame around our own reason is in Kazakh too.
    assert main(["summary", "--lang", "kk", "--target", "lots"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == ("trade-dash summary: қате: --target аргументі: сан күтілген, "
                                    "берілгені — 'lots'")


@pytest.mark.parametrize(("message", "russian"), [
    ("the following arguments are required: command",
     "не указаны обязательные аргументы: command"),
    ("one of the arguments --chart --briefing is required",
     "нужен один из аргументов --chart --briefing"),
    ("argument --lang: invalid choice: 'fr' (choose from 'en', 'ru', 'kk', 'mn')",
     "аргумент --lang: недопустимое значение: 'fr' (выберите из 'en', 'ru', 'kk', 'mn')"),
    ("argument --briefing: not allowed with argument --chart",
     "аргумент --briefing: нельзя указывать вместе с аргументом --chart"),
    ("ambiguous option: --ta could match --target-year, --target",
     "неоднозначный параметр: --ta может означать --target-year, --target"),
])
def test_argparse_messages_are_said_again_in_the_reader_s_language(message, russian):
    assert errors.usage_error(Wording.for_lang("ru"), "trade-dash", message) == (
        f"trade-dash: ошибка: {russian}")
    # English reads as argparse writes it.
    assert errors.usage_error(Wording.for_lang("en"), "trade-dash", message) == (
        f"trade-dash: error: {message}")


def test_an_argparse_message_not_recognised_is_shown_as_argparse_gives_it():
    message = "argument --x: expected at most one argument"
    assert errors.usage_error(Wording.for_lang("mn"), "trade-dash", message) == (
        "trade-dash: алдаа: --x аргумент: expected at most one argument")

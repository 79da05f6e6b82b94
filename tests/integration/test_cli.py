"""The trade-dash command as a user runs it."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.data import GOOD_ROWS, bundled_rows, csv_text
from trade_dash.cli import main
from trade_dash.domain.datafile import bundled_data_path
from trade_dash.domain.schema import COLUMNS

EXE = str(Path(sys.executable).with_name("trade-dash"))  # this environment's own script
PRO_RATA_2025 = 74.0 * 12 / 7  # January-July 2025 = 74.0, annualised pro-rata
# The default: January-July 2025 was up 3.6 % on the same months of 2024, whose Kazakh
# total is 150, so year-on-year gives 150 × 1.036.
YOY_2025 = 150 * 1.036


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_json_on_the_bundled_data(capsys):
    code, out, err = run(capsys, "summary", "--growth", "25", "--target-year", "2030", "--json")
    assert code == 0, err
    j = json.loads(out)
    assert j["latest_full_year"]["year"] == 2024 and j["latest_full_year"]["value_musd"] == 150.0
    ytd = j["year_to_date"]
    assert {k: ytd[k] for k in ("year", "months", "value_musd", "annualised_musd", "method")} == {
        "year": 2025,
        "months": 7,
        "value_musd": 74.0,
        "annualised_musd": 155.4,
        "method": "yoy",
    }
    assert ytd["method_reason"] == "stated_change"
    assert ytd["method_reason_description"].startswith(
        "The default for these figures is year-on-year change.")
    assert j["base"]["kind"] == "ytd"
    assert j["target_musd"] == 500.0 and j["target_year"] == 2030
    assert j["required_growth_pct"] == pytest.approx(
        ((500 / YOY_2025) ** (1 / 5) - 1) * 100, abs=1e-4
    )
    assert j["scenario_growth_pct"] == 25.0
    assert j["target_reached_year"] == 2031  # 155.4 × 1.25^6 = 592.8; ^5 = 474.2
    assert j["gap_musd"] == pytest.approx(500 - YOY_2025, abs=1e-4)
    assert j["reporting_side"]["reporter"] == "any" and j["reporting_side"]["primary"] == "KZ"
    assert j["data_freshness"]["latest_published"] == "2025-09-06"


def test_summary_json_lists_the_stated_change_checks(capsys):
    code, out, err = run(capsys, "summary", "--json")
    assert code == 0, err
    checks = {c["citation_id"]: c for c in json.loads(out)["stated_change_checks"]}
    assert sorted(checks) == ["kz-mfa-2021", "kz-mfa-2024"]
    # 29.3 × 1.481 = 43.39 against the cited 60.9; 133 × 1.2 = 159.6 against 150.
    assert checks["kz-mfa-2021"]["implied_musd"] == pytest.approx(43.39, abs=0.01)
    assert checks["kz-mfa-2024"]["implied_musd"] == pytest.approx(159.6)
    assert checks["kz-mfa-2024"]["previous_line"] == 21
    assert all(c["differs"] for c in checks.values())


def test_summary_method_option_wins_and_the_contradiction_is_in_the_key_message(capsys):
    code, out, err = run(capsys, "summary", "--method", "pro_rata", "--json")
    assert code == 0, err
    ytd = json.loads(out)["year_to_date"]
    assert (ytd["annualised_musd"], ytd["method"], ytd["method_reason"]) == (
        round(PRO_RATA_2025, 4), "pro_rata", "reader_choice")
    code, out, err = run(capsys, "summary", "--method", "pro_rata")
    lines = out.splitlines()
    # 74.0 × 12 / 7 = 126.857 is 126.857 / 150 − 1 = −15.4 % on 2024; stated: +3.6 %.
    assert lines[1] == (
        "The full-year estimate of US$ 126.86 million by pro-rata implies a change of -15.4% "
        "on 2024 (US$ 150 million), but the source states +3.6% for Jan\u2009–\u2009Jul 2025 "
        "on the same months of 2024. The method that agrees with the source: year-on-year "
        "change.")
    assert sum("implies a change" in x for x in lines) == 1  # not repeated among the notes


def test_a_file_without_the_change_column_summarises_as_before(capsys, tmp_path):
    """The seeds-only layout: no yoy_change_pct (nor reporting_country) column at all."""
    columns = [c for c in COLUMNS if c not in ("yoy_change_pct", "reporting_country")]
    path = tmp_path / "seeds.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(bundled_rows())
    code, out, err = run(capsys, "summary", "--data", str(path), "--json")
    assert code == 0, err
    j = json.loads(out)
    # 74.0 × 12 / 7 = 126.857; (500 / 126.857) ^ (1/5) − 1 = 31.56 %; at the default
    # 20.2 %, 126.857 × 1.202^7 = 460.8 < 500 <= × 1.202^8 = 553.9: 2033.
    assert (j["year_to_date"]["method"], j["year_to_date"]["annualised_musd"]) == (
        "pro_rata", round(PRO_RATA_2025, 4))
    assert j["year_to_date"]["method_reason"] == "no_change_or_same_months"
    assert round(j["required_growth_pct"], 2) == 31.56 and j["target_reached_year"] == 2033
    assert j["stated_change_checks"] == [] and j["notices"] == []
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0 and "stated change" not in out


def test_summary_for_each_reporting_side_and_the_year_on_year_method(capsys):
    code, out, err = run(capsys, "summary", "--reporter", "MN", "--json")
    assert code == 0, err
    j = json.loads(out)
    assert j["latest_full_year"]["value_musd"] == 76.7 and j["year_to_date"] is None
    assert j["scenario_growth_pct"] == 21.4  # the Mongolian side's own default
    code, out, err = run(capsys, "summary", "--reporter", "KZ", "--method", "yoy", "--json")
    assert code == 0, err
    j = json.loads(out)
    assert j["base"]["value_musd"] == pytest.approx(150 * 1.036)
    assert j["year_to_date"]["method"] == "yoy"


def test_a_side_the_file_lacks_is_refused(capsys, write_csv):
    code, out, err = run(capsys, "summary", "--data", str(write_csv()), "--reporter", "KZ")
    assert code == 2
    assert "--reporter KZ: the data has no full-year turnover figure from KZ" in err
    assert "Traceback" not in err


def test_summary_text_is_a_short_readable_block(capsys):
    code, out, _ = run(capsys, "summary", "--growth", "25", "--target-year", "2030")
    assert code == 0
    lines = out.splitlines()
    # The key message leads: where trade stands, what the target needs, what the scenario gives.
    assert lines[0].startswith(
        "On Kazakh figures (KZ), trade turnover was US$ 150 million in 2024"
    )
    assert "needs growth of 26.33% a year" in lines[1]  # (500 / (150 × 1.036)) ^ (1/5) − 1
    assert lines[2] == "At the scenario's +25.0% a year, the target is reached in 2031."
    assert lines[3] == ""
    assert "Reporting side      Kazakh figures (KZ)" in out
    assert "Latest full year    2024: US$ 150 million" in out
    # CLDR's month range, thin spaces around the dash; 150 × 1.036 = 155.4
    assert "Jan\u2009–\u2009Jul 2025: US$ 74 million; full-year estimate US$ 155.4 million" in out
    # Which method, and why the data points to it.
    assert ("Method              The default for these figures is year-on-year change. The "
            "source states the year-to-date change") in out
    assert "Target reached in 2031" in out
    assert "assumption" in out
    assert "latest figure published 2025-09-06" in out
    assert len(out.splitlines()) < 19


def test_summary_in_kazakh_with_its_decimal_comma(capsys):
    code, out, _ = run(capsys, "summary", "--growth", "25", "--target-year", "2030", "--lang",
                       "kk")
    assert code == 0
    lines = out.splitlines()
    # The same numbers as in English, with Kazakh words and a decimal comma:
    # 150 × 1,036 = 155,4; (500 / 155,4) ^ (1/5) − 1 = 26,33 %; 2031 at +25 %.
    assert lines[0].startswith("Қазақстан деректері (KZ): тауар айналымы")
    assert "155,4 млн АҚШ доллары" in lines[0] and "(1 +3,6%)" in lines[0]
    assert "жылына 26,33% өсім қажет" in lines[1]
    assert lines[2] == "Сценарийдегі жылына +25,0% өсіммен мақсатқа 2031 жылы жетеді."
    assert "Соңғы толық жыл     2024: 150 млн АҚШ доллары" in out
    assert "Есеп беруші тарап" in out
    for english in ("Latest full year", "Target", "Reporting side", "a year", "million"):
        assert english not in out


def test_summary_json_keeps_english_keys_and_words_notices_in_the_language(capsys):
    code, out, _ = run(capsys, "summary", "--method", "seasonal", "--json", "--lang", "ru")
    assert code == 0
    j = json.loads(out)
    assert j["target_musd"] == 500.0 and "year_to_date" in j and "notices" in j
    # The bundled KZ series has no January–July 2024 figure, so seasonal falls back.
    assert any("пропорциональн" in n for n in j["notices"]), j["notices"]


def test_an_unknown_language_is_refused(capsys):
    code, _, err = run(capsys, "summary", "--lang", "fr")
    assert code == 2
    assert "--lang" in err and "kk" in err and "Traceback" not in err


def test_summary_reports_not_within_horizon(capsys):
    code, out, _ = run(capsys, "summary", "--growth", "0", "--json")
    assert code == 0
    assert json.loads(out)["target_reached_year"] is None


def test_a_growth_rate_too_small_to_count_is_not_within_horizon(capsys):
    """The smallest positive rates take forever: said so, with no traceback."""
    code, out, err = run(capsys, "summary", "--growth", "1e-308")
    assert code == 0, err
    assert "Target not reached by 2050" in out and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target-year", "2025"], "target year must be after the base year 2025"),
        (["--reporter", "RU"], "invalid choice"),
        (["--growth", "abc"], "expected a number of percent"),
        (["--growth", "nan"], "growth must be a number"),
        (["--target", "-1"], "target must be a number"),
        (["--base", "weekly"], "invalid choice"),
    ],
)
def test_summary_bad_scenario_exits_2_with_a_message(capsys, args, message):
    code, out, err = run(capsys, "summary", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_validate_reports_citations_disputes_sides_and_freshness(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert "OK, 27 citations, years 2017–2025" in out
    assert "disagree by more than 5 %: 2019, 2023" in out
    assert "years the series takes from KZ: 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, " \
           "2025" in out
    assert "latest figure published 2025-09-06" in out


def test_validate_warns_of_stated_changes_the_figures_contradict(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0  # a warning: the file is still valid
    lines = [x.strip() for x in out.splitlines()]
    at = lines.index("warning: 2 stated changes differ from the cited figures by more than "
                     "5 pts (the file is still valid):")
    # 2021: 60.9 / 29.3 − 1 = +107.8 %, and 29.3 × 1.481 = 43.4; 2024: 150 / 133 − 1 =
    # +12.8 %, and 133 × 1.2 = 159.6.
    assert lines[at + 1:at + 3] == [
        "line 17 (kz-mfa-2021): US$ 60.9 million for 2021 is stated as +48.1% on 2020, but "
        "US$ 29.3 million for 2020 on line 4 (kz-stat-2020) gives +107.8%; the stated change "
        "would make 2021 US$ 43.4 million.",
        "line 25 (kz-mfa-2024): US$ 150 million for 2024 is stated as +20.0% on 2023, but "
        "US$ 133 million for 2023 on line 21 (kz-pm-2023) gives +12.8%; the stated change "
        "would make 2024 US$ 159.6 million.",
    ]
    code, out, _ = run(capsys, "validate", "--lang", "kk")
    assert code == 0 and "жол 17 (kz-mfa-2021)" in out and "43,4 млн АҚШ доллары" in out


def test_validate_reports_missing_years(capsys, write_csv):
    code, out, _ = run(capsys, "validate", str(write_csv()))  # 2019, 2021, 2022: 2020 missing
    assert code == 0
    assert "years with no citation (shown as missing): 2020" in out
    assert "years the series takes from an unrecorded side: 2019, 2021, 2022" in out


def test_validate_names_the_years_whose_citations_disagree(capsys, write_csv):
    # 2019: 40 and 44 differ by 10 %; 2021: 60 and 61 by under 2 %, not a dispute.
    def alt(i, value):
        return {**GOOD_ROWS[i], "citation_id": f"alt{i}", "value_musd": value,
                "reporter_kind": "other"}

    code, out, err = run(capsys, "validate", str(write_csv([*GOOD_ROWS, alt(0, "44"),
                                                             alt(1, "61")])))
    assert code == 0, err
    line = next(x for x in out.splitlines() if "disagree" in x)
    assert line.strip() == "years whose citations disagree by more than 5 %: 2019"
    assert "years with no citation (shown as missing): 2020" in out


def test_validate_mentions_no_disagreement_when_there_is_none(capsys, write_csv):
    code, out, _ = run(capsys, "validate", str(write_csv()))  # each year cited once
    assert code == 0 and "disagree" not in out


def test_summary_json_floats_have_at_most_4_decimals(capsys):
    code, out, err = run(capsys, "summary", "--growth", "23.45678", "--target-year", "2033",
                         "--band", "3.33333", "--json")
    assert code == 0, err
    j = json.loads(out)
    floats = list(_floats(j))
    assert len(floats) > 10
    assert all(x == round(x, 4) for x in floats), floats
    # Worked out here at full precision, then rounded as docs/cli.md says.
    # From the 2025 estimate (January–July up 3.6 % on 2024's 150) to 2033: 8 years.
    assert j["required_growth_pct"] == round(((500 / YOY_2025) ** (1 / 8) - 1) * 100, 4)
    assert j["scenario_growth_pct"] == 23.4568
    assert j["band"]["high_pct"] == round(23.45678 + 3.33333, 4)


def _floats(value):
    if isinstance(value, float):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _floats(v)
    elif isinstance(value, list):
        for v in value:
            yield from _floats(v)


def test_validate_bad_file_exits_2_naming_line_and_column(capsys, write_csv):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["value_musd"] = "$60"
    code, out, err = run(capsys, "validate", str(write_csv(rows)))
    assert code == 2
    assert "t.csv, line 3, column 'value_musd': got '$60'" in err


def test_summary_with_another_data_file(capsys, write_csv):
    code, out, _ = run(capsys, "summary", "--data", str(write_csv()), "--json")
    assert code == 0
    j = json.loads(out)
    assert j["latest_full_year"]["value_musd"] == 60.0
    assert j["year_to_date"]["annualised_musd"] == 72.0
    assert j["target_musd"] == 200.0


def test_console_script_runs_without_traceback(tmp_path):
    """The installed entry point itself, as a user types it."""
    exe = EXE
    ok = subprocess.run([exe, "summary", "--json"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["target_musd"] == 500.0
    bad = subprocess.run(
        [exe, "validate", str(tmp_path / "missing.csv")], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2
    assert "missing.csv" in bad.stderr and "not found" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_reader_that_stops_early_ends_the_command_quietly():
    # The pipe's reader is gone before anything is written: every write fails.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        closed = subprocess.run([EXE, "summary", "--json"], stdout=write_end,
                                stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write_end)
    assert closed.stderr == b""
    assert closed.returncode == 0
    # As a user types it.
    shell = subprocess.run(["bash", "-c", f"set -o pipefail; '{EXE}' summary --json | head -1"],
                           capture_output=True, text=True, timeout=60)
    assert (shell.returncode, shell.stdout, shell.stderr) == (0, "{\n", "")


# --- trade-dash add -------------------------------------------------------------------

ADD_ARGS = ["--citation-id", "d-2022", "--year", "2022", "--value-musd", "75",
            "--reporter", "Statistics office", "--reporter-kind", "statistics_office",
            "--reporting-country", "KZ", "--published", "2023-03-01",
            "--note", "added, with a comma"]


def test_add_appends_a_citation_the_dashboard_then_uses(capsys, write_csv):
    path = write_csv()
    before = path.read_text(encoding="utf-8")
    code, out, err = run(capsys, "add", "--data", str(path), *ADD_ARGS)
    assert code == 0, err
    assert out.strip() == f"trade-dash: added citation d-2022 on line 6 of {path}"
    after = path.read_text(encoding="utf-8")
    assert after == before + ("d-2022,actual,turnover,2022,full_year,12,75,,exact,"
                              "Statistics office,statistics_office,KZ,,2023-03-01,"
                              '"added, with a comma"\n')
    code, out, _ = run(capsys, "summary", "--data", str(path), "--json")
    j = json.loads(out)
    # 2022 is now a full year (75) and no partial year follows it.
    assert j["latest_full_year"]["value_musd"] == 75.0 and j["year_to_date"] is None


def test_add_a_bad_row_gives_the_validate_message_and_changes_nothing(capsys, write_csv):
    path = write_csv()
    before = path.read_bytes()
    args = [a if a != "75" else "75 million" for a in ADD_ARGS]
    code, out, add_err = run(capsys, "add", "--data", str(path), *args, "--months", "6")
    assert code == 2 and out == ""
    assert path.read_bytes() == before
    # The same lines validate prints for the same file with the row in it.
    bad = write_csv(text=csv_text([*GOOD_ROWS, {
        "citation_id": "d-2022", "measure": "actual", "flow": "turnover", "year": "2022",
        "period": "full_year", "months": "6", "value_musd": "75 million", "precision": "exact",
        "reporter": "Statistics office", "reporter_kind": "statistics_office",
        "reporting_country": "KZ", "published": "2023-03-01", "note": "added, with a comma"}]),
        name=path.name)
    code, _, validate_err = run(capsys, "validate", str(bad))
    assert code == 2
    assert add_err == validate_err
    assert "line 6, column 'value_musd': got '75 million'" in add_err
    assert "line 6, column 'months': got '6'" in add_err


def test_add_to_the_bundled_file_by_default(capsys, monkeypatch, tmp_path):
    copy = tmp_path / "trade_series.csv"
    copy.write_bytes(bundled_data_path().read_bytes())
    monkeypatch.setattr("trade_dash.cli.bundled_data_path", lambda: copy)
    code, out, err = run(capsys, "add", "--citation-id", "kz-2025-ytd8", "--year", "2025",
                         "--period", "year_to_date", "--months", "8", "--value-musd", "85",
                         "--reporter", "Bureau", "--reporter-kind", "statistics_office",
                         "--reporting-country", "KZ", "--published", "2025-10-01")
    assert code == 0, err
    assert str(copy) in out
    assert copy.read_text(encoding="utf-8").splitlines()[-1].startswith("kz-2025-ytd8,")


def test_export_usage_errors_are_in_the_chosen_language(capsys, tmp_path):
    code, _, err = run(capsys, "export", "--briefing", "--format", "png", "--lang", "ru",
                       "--out", str(tmp_path / "x.png"))
    assert code == 2
    assert err.strip() == "trade-dash: --format png недоступен для справки; выберите один из: " \
        "pdf, pptx, docx"
    code, _, err = run(capsys, "export", "--briefing", "--format", "pdf", "--lang", "mn",
                       "--out", str(tmp_path / "missing" / "x.pdf"))
    assert code == 2 and "хавтас байхгүй" in err and "Traceback" not in err


def test_export_describe_prints_the_chart_in_words_and_writes_nothing(capsys, tmp_path,
                                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "--chart", "scenario", "--describe",
                         "--growth", "-5", "--target-year", "2032")
    assert code == 0, err
    # From the 2025 estimate 150 × 1.036 = 155.4, falling: never 500; 2032 needs
    # (500 / 155.4)^(1/7) − 1.
    needed = ((500 / YOY_2025) ** (1 / 7) - 1) * 100
    assert out == (
        "The scenario starts from the 2025 full-year estimate, US$ 155.4 million. At -5.0% a "
        "year (band -10.0% to +0.0%), turnover does not reach the US$ 500 million target by "
        f"2050. Reaching it by 2032 needs {needed:+.2f}% a year.\n")
    assert list(tmp_path.iterdir()) == []
    code, out, err = run(capsys, "export", "--chart", "flows", "--describe", "--reporter", "MN",
                         "--lang", "ru")
    assert code == 0, err
    assert out.strip() == "Для этой отчитывающейся стороны нет данных об экспорте или импорте."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--briefing", "--describe"], "--describe prints a chart's description"),
        (["--chart", "history", "--describe", "--out", "x.png"],
         "--describe prints a chart's description"),
        (["--chart", "history"], "export needs --format, --out"),
        (["--chart", "history", "--format", "png"], "export needs --out"),
    ],
)
def test_export_describe_and_file_options_do_not_mix(capsys, args, message):
    code, _, err = run(capsys, "export", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_validate_in_kazakh_names_file_line_column_and_expectation(tmp_path):
    """The installed command, run as a user runs it, reports a broken file in Kazakh."""
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["year"] = "20x1"
    path = tmp_path / "сауда.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    bad = subprocess.run([EXE, "validate", str(path), "--lang", "kk"], capture_output=True,
                         text=True, timeout=60)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.splitlines() == [
        "trade-dash: деректер жарамсыз",
        f"{path}: 1 қате табылды",
        f"  {path}, 3-жол, «year» бағаны: берілгені — '20x1': күтілгені — бүтін жыл: ең ерте "
        "1991, ең кеш 2100, мысалы 2023",
    ]
    missing = subprocess.run([EXE, "validate", "--lang", "kk", str(tmp_path / "жоқ.csv")],
                             capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2
    assert "жоқ.csv: күтілгені — бар CSV файлы (файл табылмады)" in missing.stderr
    assert "Traceback" not in bad.stderr + missing.stderr


def _flat(text: str) -> str:
    """Help text with argparse's line wrapping undone, so a phrase can be searched for."""
    return " ".join(text.split())


ENGLISH_HELP = ("usage:", "options:", "show this help message and exit",
                "citations file (default: the bundled data)",
                "annual target in US$ million", "language of the text")


@pytest.mark.parametrize(("lang", "words"), [
    ("kk", ("қолданылуы: trade-dash summary", "опциялар:", "осы көмек мәтінін көрсетіп, шығу",
            "сілтемелер файлы (әдепкі: бірге жеткізілетін деректер)",
            "жылдық мақсат, млн АҚШ доллары", "мәтін тілі: en (English)")),
    ("mn", ("хэрэглээ: trade-dash summary", "сонголтууд:", "энэ тусламжийг харуулаад гарах",
            "ишлэлийн файл (анхдагч: багцтай ирсэн өгөгдөл)",
            "жилийн зорилт, сая ам. доллараар", "текстийн хэл: en (English)")),
])
def test_help_is_in_the_language_of_lang(capsys, lang, words):
    code, out, _ = run(capsys, "summary", "--lang", lang, "--help")
    assert code == 0
    text = _flat(out)
    assert [w for w in words if w not in text] == []
    assert [e for e in ENGLISH_HELP if e in text] == []
    # What the user types stays as typed.
    assert "--target-year YEAR" in text and "{pro_rata,seasonal,yoy}" in text


def test_help_of_the_command_list_and_of_add_in_russian(capsys):
    code, out, _ = run(capsys, "--help", "--lang", "ru")
    text = _flat(out)
    assert code == 0
    assert "позиционные аргументы:" in text and "positional arguments" not in text
    assert "добавить одну ссылку в файл данных" in text and "append one citation" not in text
    code, out, _ = run(capsys, "add", "--lang", "ru", "--help")
    text = _flat(out)
    assert "exact (точное, по умолчанию) или approximate (приблизительное)" in text
    assert "exact (the default)" not in text


def test_help_in_english_by_default(capsys):
    code, out, _ = run(capsys, "summary", "--help")
    text = _flat(out)
    assert code == 0
    assert text.startswith("usage: trade-dash summary [-h]")
    assert [e for e in ENGLISH_HELP if e not in text] == []


@pytest.mark.parametrize(("args", "message"), [
    (("export", "--lang", "ru"),
     "trade-dash export: ошибка: нужен один из аргументов --chart --briefing"),
    (("summary", "--base", "q", "--lang", "ru"),
     "trade-dash summary: ошибка: аргумент --base: недопустимое значение: 'q' "
     "(выберите из 'ytd', 'full')"),
    (("summary", "--target-year", "x", "--lang", "ru"),
     "trade-dash summary: ошибка: аргумент --target-year: ожидалось целое число, получено 'x'"),
    (("summary", "--lang", "ru", "--growth"),
     "trade-dash summary: ошибка: аргумент --growth: ожидалось одно значение"),
    (("summary", "--lang", "ru", "--colour", "red"),
     "trade-dash: ошибка: нераспознанные аргументы: --colour red"),
    (("summary", "--json=1", "--lang", "ru"),
     "trade-dash summary: ошибка: аргумент --json: лишнее значение '1': этот параметр не "
     "принимает значения"),
])
def test_argparse_errors_are_in_the_language_of_lang(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines[0].startswith("использование: trade-dash")
    assert lines[-1] == message
    assert "usage:" not in err and "error:" not in err

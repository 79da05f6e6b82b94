"""The trade-dash command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOOD_ROWS
from trade_dash.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_summary_json_on_the_bundled_data(capsys):
    code, out, err = run(capsys, "summary", "--growth", "25", "--target-year", "2030", "--json")
    assert code == 0, err
    j = json.loads(out)
    assert j["latest_full_year"]["year"] == 2023 and j["latest_full_year"]["value_musd"] == 76.7
    ytd = j["year_to_date"]
    assert {k: ytd[k] for k in ("year", "months", "value_musd", "annualised_musd", "method")} == {
        "year": 2024,
        "months": 8,
        "value_musd": 83.9,
        "annualised_musd": 125.85,
        "method": "pro_rata",
    }
    assert j["base"]["kind"] == "ytd"
    assert j["target_musd"] == 500.0 and j["target_year"] == 2030
    assert j["required_growth_pct"] == pytest.approx(
        ((500 / 125.85) ** (1 / 6) - 1) * 100, abs=1e-4
    )
    assert j["scenario_growth_pct"] == 25.0
    assert j["target_reached_year"] == 2031
    assert j["gap_musd"] == pytest.approx(500 - 125.85)


def test_summary_text_is_a_short_readable_block(capsys):
    code, out, _ = run(capsys, "summary", "--growth", "25", "--target-year", "2030")
    assert code == 0
    assert "Latest full year    2023: 76.7" in out
    assert "Jan–Aug 2024: 83.9, annualised 125.85" in out
    assert "target reached in 2031" in out
    assert "assumption" in out
    assert len(out.splitlines()) < 15


def test_summary_reports_not_within_horizon(capsys):
    code, out, _ = run(capsys, "summary", "--growth", "0", "--json")
    assert code == 0
    assert json.loads(out)["target_reached_year"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target-year", "2024"], "target year must be after the base year 2024"),
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


def test_validate_ok_reports_missing_years(capsys):
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert "OK, 10 citations" in out
    assert "2018, 2022" in out


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


def test_validate_mentions_no_disagreement_when_there_is_none(capsys):
    code, out, _ = run(capsys, "validate")  # the bundled data cites each year once
    assert code == 0 and "disagree" not in out


def test_summary_json_floats_have_at_most_4_decimals(capsys):
    code, out, err = run(capsys, "summary", "--growth", "23.45678", "--target-year", "2033",
                         "--band", "3.33333", "--json")
    assert code == 0, err
    j = json.loads(out)
    floats = list(_floats(j))
    assert len(floats) > 10
    assert all(x == round(x, 4) for x in floats), floats
    # Worked out here at full precision, then rounded as the README says.
    assert j["required_growth_pct"] == round(((500 / (83.9 * 12 / 8)) ** (1 / 9) - 1) * 100, 4)
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
    exe = str(Path(sys.executable).with_name("trade-dash"))  # this environment's own script
    ok = subprocess.run([exe, "summary", "--json"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["target_musd"] == 500.0
    bad = subprocess.run(
        [exe, "validate", str(tmp_path / "missing.csv")], capture_output=True, text=True, timeout=60
    )
    assert bad.returncode == 2
    assert "missing.csv" in bad.stderr and "not found" in bad.stderr
    assert "Traceback" not in bad.stderr

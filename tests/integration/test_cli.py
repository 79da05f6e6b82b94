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
    lines = out.splitlines()
    # The key message leads: where trade stands, what the target needs, what the scenario gives.
    assert lines[0].startswith("Trade turnover was US$ 76.7 million in 2023")
    assert "needs growth of 25.85 % a year" in lines[1]  # (500 / 125.85) ^ (1/6) − 1
    assert lines[2] == "At the scenario's +25.0 % a year, the target is reached in 2031."
    assert lines[3] == ""
    assert "Latest full year    2023: 76.7" in out
    assert "Jan–Aug 2024: 83.9, annualised 125.85" in out
    assert "target reached in 2031" in out
    assert "assumption" in out
    assert len(out.splitlines()) < 16


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

"""`trade-dash extract` and `trade-dash add --from` as an analyst runs them: a saved
page to candidates, candidates to the data file, and every refusal worded, exit 2."""

from __future__ import annotations

import csv
import io
import json

import pytest

from trade_dash.cli import main
from trade_dash.domain.datafile import bundled_data_path
from trade_dash.domain.extract.record import FIELDS

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kazakhstan–Mongolia trade keeps growing | Steppe Herald</title>
<meta property="og:site_name" content="Steppe Herald">
<meta property="article:published_time" content="2025-10-02T09:00:00+05:00">
<script>window.banner = "Trade reached $999 million";</script></head>
<body><nav>Home | Business</nav><article><h1>Kazakhstan–Mongolia trade keeps growing</h1>
<p>Turnover between Kazakhstan and Mongolia rose to $86.2 million in January-August
2025, up 4.1% on the same period of 2024, according to the Bureau of National Statistics.</p>
<p>In 2024 bilateral trade amounted to $150 million. Kazakhstan's trade with China reached
$43.8 billion over the same period.</p>
<p>A new logistics centre near the border will cost $25 million.</p>
</article></body></html>"""


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "trade_series.csv"
    path.write_bytes(bundled_data_path().read_bytes())
    return path


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "article.html"
    path.write_text(PAGE.replace("\n2025", " 2025").replace("reached\n$", "reached $"),
                    encoding="utf-8")
    return path


def test_an_analyst_adds_a_saved_page_s_new_figure_and_the_dashboard_uses_it(
        capsys, tmp_path, data, page):
    code, out, err = run(capsys, "extract", str(page), "--csv", "--data", str(data))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(FIELDS)
    assert [(r["year"], r["months"], r["value_musd"], r["status"]) for r in rows] == [
        ("2025", "8", "86.2", "new"), ("2024", "12", "150", "known")]
    new = rows[0]
    assert (new["yoy_change_pct"], new["reporter_kind"], new["reporting_country"],
            new["outlet"], new["published"]) == ("4.1", "statistics_office", "KZ",
                                                 "Steppe Herald", "2025-10-02")
    assert "$86.2 million in January-August 2025" in new["sentence"]
    # The analyst keeps the new figure only, and adds it.
    reviewed = tmp_path / "new.csv"
    reviewed.write_text("\n".join(out.splitlines()[:2]) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "add", "--from", str(reviewed), "--data", str(data))
    assert code == 0, err
    assert out.strip() == f"trade-dash: added one citation to {data} (line 29)"
    code, out, err = run(capsys, "validate", str(data))
    assert code == 0, err
    code, out, err = run(capsys, "summary", "--data", str(data), "--json")
    ytd = json.loads(out)["year_to_date"]
    assert (ytd["year"], ytd["months"], ytd["value_musd"], ytd["yoy_change_pct"]) == (
        2025, 8, 86.2, 4.1)
    assert ytd["citation_id"] == "steppe-herald-2025-ytd8"
    # Extracting again, the figure is now known, on the line it was added to.
    code, out, err = run(capsys, "extract", str(page), "--json", "--data", str(data))
    assert [c["status"] for c in json.loads(out)] == ["known", "known"]


def test_json_has_exactly_the_data_file_s_columns_and_the_four_extra_fields(
        capsys, tmp_path, data):
    article = tmp_path / "a.txt"
    article.write_text("# source: Qazinform, 2025-03-01\nTrade between Kazakhstan and Mongolia "
                       "reached $160 million in 2024.\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(article), "--json", "--data", str(data))
    assert code == 0, err
    (c,) = json.loads(out)
    assert list(c) == list(FIELDS)
    assert c["status"] == "conflicts:25"  # the bundled 2024 figure, 150, is on line 25
    assert (c["year"], c["months"], c["value_musd"], c["yoy_change_pct"], c["note"]) == (
        2024, 12, 160.0, None, "")
    assert c["file"] == str(article) and c["confidence"] <= 1


@pytest.mark.parametrize(
    ("lang", "header", "words"),
    [
        # CLDR's English month range has thin spaces around the dash.
        ("en", "2 candidates", ["Turnover, Jan\u2009–\u2009Aug 2025: US$ 86.2 million, +4.1% on "
                                "the same months a year earlier — new", "Source", "Sentence"]),
        ("ru", "2 кандидата", ["Товарооборот", "новая", "Источник", "Предложение"]),
        ("kk", "кандидаттар саны 2", ["Тауар айналымы", "жаңа", "Дереккөз", "Сөйлем"]),
        ("mn", "санал болгох мөрийн тоо 2", ["Худалдааны эргэлт", "шинэ", "Эх сурвалж"]),
    ],
)
def test_the_table_is_worded_in_the_reader_s_language(capsys, data, page, lang, header, words):
    code, out, err = run(capsys, "extract", str(page), "--lang", lang, "--data", str(data))
    assert code == 0, err
    assert out.splitlines()[0] == f"{page}: {header}"
    for word in words:
        assert word in out
    assert "Kazakhstan and Mongolia rose to $86.2 million" in out  # the sentence as written


def test_an_article_without_figures_says_so(capsys, tmp_path, data):
    article = tmp_path / "visit.txt"
    article.write_text("The presidents of Kazakhstan and Mongolia met in 2024.\n",
                       encoding="utf-8")
    code, out, err = run(capsys, "extract", str(article), "--data", str(data))
    assert (code, out.strip()) == (0, f"{article}: no Kazakhstan–Mongolia trade figure found")


def test_standard_input_is_read_with_a_dash(capsys, monkeypatch, data):
    text = "# source: Qazinform, 2025-03-01\nTrade with Mongolia reached $150 million in 2024."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, err = run(capsys, "extract", "-", "--json", "--data", str(data))
    assert code == 0, err
    (c,) = json.loads(out)
    assert (c["file"], c["outlet"], c["value_musd"], c["status"]) == ("-", "Qazinform", 150.0,
                                                                      "known")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"%PDF-1.7\n", "this is not text (a binary file)"),
        ("a.txt", "Товарооборот".encode("cp1251"), "the text is not in UTF-8"),
        ("a.txt", b"", "the file is empty"),
        ("page.html", b"<html><script>alert('x')</script></html>",
         "the page has no readable text, only markup or scripts (scripts are never run)"),
    ],
)
def test_bad_input_is_refused_with_exit_2_and_no_traceback(capsys, tmp_path, data, name,
                                                           content, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path), "--data", str(data))
    assert (code, out) == (2, "")
    assert err.strip() == f"trade-dash: {path}: {message}" or err.startswith(
        f"trade-dash: {path}: {message}")
    assert "Traceback" not in err


def test_every_unreadable_article_is_named_before_anything_is_printed(capsys, tmp_path, data,
                                                                     page):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(5 * 1024 * 1024 + 1)
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "extract", str(page), str(big), str(missing), str(tmp_path),
                         "--data", str(data), "--lang", "ru")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"trade-dash: {big}: файл больше 5 МБ; сохраните только страницу или текст статьи",
        f"trade-dash: {missing}: такого файла нет",
        f"trade-dash: {tmp_path}: это папка; укажите файл статьи",
    ]


def test_add_from_a_file_with_wrong_rows_writes_nothing_and_lists_every_problem(
        capsys, tmp_path, data, page):
    code, out, _ = run(capsys, "extract", str(page), "--csv", "--data", str(data))
    rows = list(csv.DictReader(io.StringIO(out)))
    rows[0]["value_musd"] = "86,2"
    rows[0]["reporter"] = ""
    rows[1]["citation_id"] = "kz-mfa-2024"  # an id the data file uses on its line 25
    reviewed = tmp_path / "new.csv"
    with reviewed.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FIELDS))
        writer.writeheader()
        writer.writerows(rows)
    before = data.read_bytes()
    code, out, err = run(capsys, "add", "--from", str(reviewed), "--data", str(data))
    assert (code, out) == (2, "")
    assert data.read_bytes() == before
    assert err.splitlines() == [
        "trade-dash: invalid data",
        f"{reviewed}: 3 problems found",
        f"  {reviewed}, line 2, column 'value_musd': got '86,2': expected a number with a "
        "point as decimal mark, such as 76.7",
        f"  {reviewed}, line 2, column 'reporter': got '': expected the body that reported the "
        "figure (not empty)",
        f"  {reviewed}, line 3, column 'citation_id': got 'kz-mfa-2024': expected a citation_id "
        f"that {data} does not use yet (already used on its line 25)",
    ]


def test_add_from_refuses_column_options_beside_it(capsys, tmp_path, data):
    reviewed = tmp_path / "new.csv"
    reviewed.write_text(",".join(FIELDS) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "add", "--from", str(reviewed), "--year", "2024",
                         "--data", str(data))
    assert (code, out) == (2, "")
    assert err.strip() == ("trade-dash: --from takes every column from the candidates file; "
                           "leave out --year")


def test_json_and_csv_together_are_refused(capsys, page):
    code, out, err = run(capsys, "extract", str(page), "--json", "--csv")
    assert code == 2 and "not allowed with argument" in err

"""Candidates against the data file: new, known (same figure within 0.05) or conflicts
(same period, more than 5 % apart, with the data file's line), and ids the file does not
use yet."""

from __future__ import annotations

import pytest

from trade_dash.domain.datafile import load_citations
from trade_dash.domain.extract.candidates import extract_text
from trade_dash.domain.extract.status import with_status

TEXT = "Trade between Kazakhstan and Mongolia reached ${value} million in {year}."


@pytest.fixture
def bundled():
    from trade_dash.config import bundled_data_path

    return load_citations(bundled_data_path())


@pytest.mark.parametrize(
    ("value", "year", "status", "lines"),
    [
        ("150", 2024, "known", (25,)),  # the bundled file's 2024 full year is on line 25
        ("150.04", 2024, "known", (25,)),
        ("160", 2024, "conflicts", (25,)),
        ("151", 2024, "new", ()),  # a different rounding of the same figure, not 5 % off
        ("40", 2016, "new", ()),
    ],
)
def test_status_against_the_bundled_data(bundled, value, year, status, lines):
    (c,) = with_status(extract_text(TEXT.format(value=value, year=year), "2025-03-01"),
                       bundled)
    assert (c.status, c.status_lines) == (status, lines)
    assert c.row()["status"] == (f"conflicts:{lines[0]}" if status == "conflicts" else status)
    assert int(bundled.loc[bundled["line"] == 25, "year"].iloc[0]) == 2024


def test_without_a_data_file_every_candidate_is_new():
    (c,) = with_status(extract_text(TEXT.format(value="150", year=2024), "2025-03-01"), None)
    assert c.status == "new"


def test_a_suggested_id_the_data_file_uses_gets_a_number(bundled):
    (c,) = extract_text(TEXT.format(value="40", year=2016), "2025-03-01", outlet="Daily News")
    assert c.citation_id == "daily-news-2016"
    taken = bundled.assign(citation_id=bundled["citation_id"].replace("kz-mfa-2021",
                                                                      "daily-news-2016"))
    (c,) = with_status([c], taken)
    assert c.citation_id == "daily-news-2016-2"

"""Long texts, as a reader may paste into the page: a line without stops is read in
pieces of sentence length, and many mentions of dates, countries and amounts are each
read as in a short text."""

from __future__ import annotations

from trade_dash.domain.extract import periods
from trade_dash.domain.extract.candidates import extract_text
from trade_dash.domain.extract.text import MAX_SENTENCE, country_mentions, sentences

LEAD = "Kazakhstan and Mongolia discussed trade.\n"
FIGURE = ("Trade turnover between Kazakhstan and Mongolia reached $74.0 million in "
          "January-July 2025")
FILLER = "the ministry listed the goods carried by rail and by road, "


def test_a_line_without_stops_is_read_in_pieces_cut_after_a_comma():
    line = FILLER * 60  # 3,540 characters, no full stop
    found = sentences(line)
    assert len(found) > 1
    for s in found:
        assert len(s.text) <= MAX_SENTENCE
        assert line[s.start:s.start + len(s.text)] == s.text
        assert s.paragraph == 0
    assert all(s.text.endswith(",") for s in found[:-1])
    assert "".join(s.text for s in found).replace(" ", "") == line.replace(" ", "")


def test_a_piece_with_no_comma_or_space_is_cut_at_the_limit():
    found = sentences("x" * (MAX_SENTENCE * 2 + 5))
    assert [len(s.text) for s in found] == [MAX_SENTENCE, MAX_SENTENCE, 5]


def test_figures_in_a_long_run_on_line_are_still_found():
    line = f"{FIGURE}, {FILLER * 40}and {FIGURE.replace('74.0', '81.5')}."
    assert len(line) > 2 * MAX_SENTENCE
    found = [(c.flow, c.year, c.months, c.value_musd) for c in extract_text(LEAD + line)]
    assert found == [("turnover", 2025, 7, 74.0), ("turnover", 2025, 7, 81.5)]


def test_a_run_of_stops_ends_a_sentence_once():
    assert [s.text for s in sentences("Exports grew!!! Imports fell..... Trade grew.")] == [
        "Exports grew!!!", "Imports fell.....", "Trade grew."]
    found = sentences("Wait" + "." * 3000 + " Next one.")
    assert [len(s.text) for s in found] == [1000, 1000, 1000, 4, 9]
    assert found[-1].text == "Next one."


def test_each_of_many_periods_takes_its_own_year():
    text = "; ".join(f"January–July {year}" for year in range(2000, 2030)) * 20
    found = periods.mentions(text)
    assert len(found) == 30 * 20
    assert [(p.year, p.months) for p in found[:30]] == [(y, 7) for y in range(2000, 2030)]


def test_every_naming_of_the_countries_keeps_its_role_in_a_long_text():
    text = "Kazakhstan's exports to Mongolia and trade with Kazakhstan. " * 300
    roles = [(m.side, m.role) for m in country_mentions(text)]
    assert roles == [("KZ", "owner"), ("MN", "dest"), ("KZ", "partner")] * 300

"""An article pasted into the page: read as if published today, measured in bytes,
refused whole when over the limit."""

from __future__ import annotations

import datetime as dt

import pytest

from trade_dash.domain.extract.article import ArticleError
from trade_dash.domain.extract.pasted import PASTE_LIMIT, check_pasted, pasted_size

TODAY = dt.date(2026, 3, 10)
LAST_YEAR = ("Last year trade turnover between Kazakhstan and Mongolia reached about "
             "$160 million, and in January-February this year it was $21.3 million.")


def test_last_year_and_this_year_count_from_today_and_the_date_is_left_to_the_analyst():
    found = check_pasted(LAST_YEAR, None, TODAY)
    assert [(c.year, c.months, c.value_musd, c.precision) for c in found] == [
        (2025, 12, 160.0, "approximate"), (2026, 2, 21.3, "exact")]
    assert [(c.published, c.file, c.status) for c in found] == [("", "", "new")] * 2
    # Read a year later, the same words mean the year after.
    assert check_pasted(LAST_YEAR, None, dt.date(2027, 3, 10))[0].year == 2026


def test_the_limit_is_in_bytes_of_utf_8():
    text = LAST_YEAR + "\n" + "ж" * ((PASTE_LIMIT - len(LAST_YEAR) - 1) // 2)
    assert pasted_size(text) <= PASTE_LIMIT < len(text) * 2
    assert len(check_pasted(text, None, TODAY)) == 2
    with pytest.raises(ArticleError) as refused:
        check_pasted(text + "жж", None, TODAY)
    assert (refused.value.code, refused.value.params) == ("too_large", {"limit": PASTE_LIMIT})


@pytest.mark.parametrize("text", ["", " \n\t "])
def test_an_empty_paste_is_refused(text):
    with pytest.raises(ArticleError) as refused:
        check_pasted(text, None, TODAY)
    assert refused.value.code == "empty"


def test_half_of_a_surrogate_pair_from_the_browser_is_read_not_failed():
    text = LAST_YEAR.replace("Last year", "\ud83dLast year")
    assert pasted_size(text) == len(LAST_YEAR.encode("utf-8")) + 3
    found = check_pasted(text, None, TODAY)
    assert found[0].sentence.startswith("\ufffd")
    assert found[0].sentence.encode("utf-8")  # writable as it is shown

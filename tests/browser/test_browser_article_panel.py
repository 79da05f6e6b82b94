"""The "Check an article" panel in a real browser: an article with markup in it is
pasted and checked from the keyboard, its candidates shown with their figures marked,
nothing in it run; a text over the limit is refused before it is sent."""

from __future__ import annotations

import csv
import re

import pytest

from tests.support.browser import (
    ARTICLE,
    CALLBACK,
    IMAGE,
    MARKED,
    SCRIPT,
    assert_clean,
    checked,
    not_run,
    open_dashboard,
    paste_and_check,
)
from trade_dash.domain.extract.pasted import PASTE_LIMIT
from trade_dash.domain.extract.record import FIELDS
from trade_dash.web import ids

pytestmark = pytest.mark.browser

def test_a_pasted_article_is_checked_from_the_keyboard_and_its_markup_never_runs(
        page, console, server, expect):
    checked(page, server, expect)
    results = page.locator(f"#{ids.ARTICLE_RESULTS}")
    items = results.locator("li")
    expect(items).to_have_count(3)
    expect(results.locator("mark")).to_have_text(MARKED)
    # Each figure is marked inside its sentence, and the markup reads as typed.
    expect(items.nth(1).locator("blockquote")).to_have_text(
        f"In 2023 the turnover between the two countries was US$ 101.5 million {SCRIPT}.")
    expect(items.nth(2).locator("blockquote")).to_contain_text(IMAGE)
    expect(items.nth(0)).to_contain_text("already in the data (line ")
    expect(items.nth(1)).to_contain_text("differs by more than 5 % from the data (line ")
    expect(items.nth(2)).to_contain_text("new")
    not_run(page)

    # The download is the next stop, and Enter saves the candidates.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == ids.ARTICLE_DOWNLOAD_BTN
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.failure() is None
    assert info.value.suggested_filename == "article_candidates.csv"
    with open(info.value.path(), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(FIELDS)
    assert [row[FIELDS.index("value_musd")] for row in rows[1:]] == ["150", "101.5", "88.2"]
    not_run(page)
    assert_clean(console)


def test_the_box_is_named_and_described_and_the_count_announced_politely(
        page, console, server, expect):
    open_dashboard(page, server)
    box = page.get_by_role("textbox", name="Article text")
    expect(box).to_have_accessible_description(
        re.compile(r"^Paste the text of a news article, at most 100 KB"))
    status = page.locator(f"#{ids.ARTICLE_STATUS}")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    expect(page.locator(f"#{ids.ARTICLE_DOWNLOAD_BTN}")).to_be_disabled()
    assert_clean(console)


def test_a_text_over_100_kb_is_refused_before_it_is_sent(page, console, server, expect):
    open_dashboard(page, server)
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.post_data or "")
            if r.url.endswith(CALLBACK) else None)
    paste_and_check(page, ARTICLE + "ж" * (PASTE_LIMIT // 2))
    status = page.locator(f"#{ids.ARTICLE_STATUS}")
    expect(status).to_have_text(
        "The text is larger than 100 KB, so nothing was checked. Paste the article alone, "
        "or save it to a file and run trade-dash extract on it.")
    expect(status).to_have_class("mt-2 mb-2 article-problem")
    page.wait_for_timeout(300)
    assert not [body for body in sent if ids.ARTICLE_SENT in body]
    expect(page.locator(f"#{ids.ARTICLE_RESULTS} li")).to_have_count(0)

    # Cut down to the article, it is checked, and the refusal goes.
    paste_and_check(page, ARTICLE)
    expect(status).to_have_text("3 candidates found.")
    expect(status).to_have_class("mt-2 mb-2")
    not_run(page)
    assert_clean(console)

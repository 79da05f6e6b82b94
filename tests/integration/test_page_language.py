"""The page's language through the server: the address's lang, then Accept-Language, then
English; <html lang>, the tab title, the layout and the callback's links follow it."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask

from tests.support.dashreq import controls
from tests.support.security import csp_directives, inline_script_hashes
from trade_dash.web import ids
from trade_dash.web.callbacks import sync


def html_lang(body: str) -> str:
    found = re.search(r'<html lang="([^"]*)">', body)
    assert found is not None, body[:200]
    return found.group(1)


def title(body: str) -> str:
    found = re.search(r"<title>(.*?)</title>", body)
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize(("query", "header", "lang", "title_start"), [
    ("?lang=kk", None, "kk", "trade-dash: Қазақстан"),
    ("?lang=ru", "mn", "ru", "trade-dash: торговля"),  # the address wins over the browser
    ("?growth=30&lang=MN", None, "mn", "trade-dash: Казахстан–Монголын"),
    ("", "kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.5", "kk", "trade-dash: Қазақстан"),
    ("", "de-DE,de;q=0.9", "en", "trade-dash: Kazakhstan"),  # nothing offered: English
    ("?lang=%3Cscript%3E", "ru", "en", "trade-dash: Kazakhstan"),  # hostile: English
])
def test_the_index_page_declares_the_language_and_titles_the_tab_in_it(
        client, query, header, lang, title_start):
    headers = {"Accept-Language": header} if header else {}
    resp = client.get(f"/{query}", headers=headers)
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert html_lang(body) == lang
    assert title(body).startswith(title_start)
    # Dash's inline scripts are unchanged in every language, so the CSP hashes still match.
    hashes = {t for t in csp_directives(resp.headers["Content-Security-Policy"])["script-src"]
              if t.startswith("'sha256-")}
    assert inline_script_hashes(body) == hashes


def layout_text(client, referer: str | None = None, header: str | None = None) -> str:
    headers = {}
    if referer is not None:
        headers["Referer"] = referer
    if header is not None:
        headers["Accept-Language"] = header
    resp = client.get("/_dash-layout", headers=headers)
    assert resp.status_code == 200
    return json.dumps(resp.get_json(), ensure_ascii=False)


def test_the_layout_is_in_the_language_of_the_page_that_asks_for_it(client):
    mongolian = layout_text(client, referer="http://analyst.test/?growth=30&lang=mn")
    assert "Казахстан–Монголын худалдаа" in mongolian and "Эх сурвалж: бүх ишлэл" in mongolian
    assert "Sources: every citation" not in mongolian
    # AG Grid's paging words come with it.
    assert "Дараах хуудас" in mongolian
    russian = layout_text(client, header="ru-RU,ru;q=0.9")  # no Referer: the browser's choice
    assert "Торговля Казахстана и Монголии" in russian
    english = layout_text(client, referer="http://analyst.test/?lang=xx", header="ru")
    assert "Sources: every citation" in english


def _sync(page, search, href="http://analyst.test/"):
    with Flask(__name__).test_request_context("/", base_url="http://analyst.test/"):
        return sync(page, None, search, href, controls(), None)


def test_the_language_stays_in_the_canonical_address_and_every_link(page):
    out = _sync(page, "?growth=30&lang=kk")
    assert parse_qs(out["search"].lstrip("?"))["lang"] == ["kk"]
    assert parse_qs(urlsplit(out["share"]).query)["lang"] == ["kk"]
    assert out["notices_open"] is False
    links = page.export_links(out["query"])
    assert links and all(parse_qs(urlsplit(h).query)["lang"] == ["kk"] for h in links.values())
    # The switch keeps the scenario and changes only the language.
    for code, href in out["lang_hrefs"].items():
        q = parse_qs(urlsplit(href).query)
        assert q["lang"] == [code] and q["growth"] == ["30"]
    # The cards are in Kazakh, with a decimal comma.
    big = out["cards"][ids.CARD_LATEST][0].children
    assert big == "150 млн АҚШ доллары"


def test_a_hostile_language_gives_english_and_says_so(page):
    out = _sync(page, "?lang=klingon")
    notices = str(out["notices"])
    assert out["notices_open"] is True
    assert "'lang=klingon' is not a language this site offers" in notices
    assert "Қазақ тілі" in notices  # the choices, each in its own language
    assert "lang" not in parse_qs(out["search"].lstrip("?"))
    assert "US$ 150 million" in str(out["cards"][ids.CARD_LATEST])

"""Choosing the language: the URL's ``lang`` first, then Accept-Language, then English."""

from __future__ import annotations

import pytest

from trade_dash.wording.languages import (
    LANGUAGES,
    LanguageChoice,
    LanguageNotice,
    choose,
    from_url,
    native_name,
    negotiate,
)


@pytest.mark.parametrize("code", ["en", "ru", "kk", "mn", " KK ", "Mn"])
def test_a_supported_code_in_the_url_is_used(code):
    assert from_url(code) == LanguageChoice(code.strip().lower(), "url")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("de", "de"),
        ("", ""),
        ("kk-KZ", "kk-KZ"),  # the URL carries our own codes only; headers carry regions
        ("<script>alert(1)</script>", "<script>alert(1)</sc…"),
        ("../../etc/passwd", "../../etc/passwd"),
        ("kk\x00", "kk\x00"),
    ],
)
def test_a_hostile_url_value_falls_back_to_english_with_a_notice(raw, shown):
    choice = from_url(raw)
    assert choice.lang == "en" and choice.source == "default"
    assert choice.notice == LanguageNotice("lang_unknown", shown)


def test_an_overlong_url_value_is_ignored_with_its_own_notice():
    choice = from_url("k" * 65)
    assert choice.lang == "en"
    assert choice.notice is not None and choice.notice.code == "lang_too_long"
    assert choice.notice.value == "k" * 20 + "…"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("kk-KZ,kk;q=0.9,ru;q=0.8,en;q=0.5", "kk"),  # a Kazakh browser
        ("kk-KZ,ru;q=0.8", "kk"),  # a region tag counts for its language at its own q
        ("ru;q=0.5,mn-MN;q=0.9", "mn"),
        ("mn-Cyrl-MN", "mn"),  # script and region subtags
        ("ru-RU", "ru"),
        ("de-DE,ru;q=0.7,en;q=0.3", "ru"),  # the first language we have
        ("en-GB;q=0.2, mn;q=0.3", "mn"),  # q-values, not order, decide
        ("ru;q=0, kk;q=0.1", "kk"),  # q=0 refuses a language
        ("KK", "kk"),
        ("kk_KZ", "kk"),  # underscore instead of hyphen, as some clients send
        ("garbage;;;q=abc, mn", "mn"),
        ("*", "en"),
    ],
)
def test_accept_language_negotiation(header, expected):
    assert negotiate(header) == expected


@pytest.mark.parametrize("header", [None, "", "de-DE,fr;q=0.9", "ru;q=0", ";;;", "x" * 5000])
def test_no_acceptable_language_negotiates_nothing(header):
    assert negotiate(header) is None


def test_the_url_wins_over_the_header():
    assert choose("ru", "kk-KZ,kk;q=0.9") == LanguageChoice("ru", "url")


def test_without_lang_the_header_decides():
    assert choose(None, "mn-MN,mn;q=0.9,en;q=0.5") == LanguageChoice("mn", "header")


def test_without_either_english():
    assert choose(None, None) == LanguageChoice("en", "default")
    assert choose(None, "de-DE") == LanguageChoice("en", "default")


def test_a_hostile_lang_is_english_even_when_the_header_asks_for_another():
    choice = choose("zz", "kk")
    assert choice.lang == "en" and choice.notice is not None


@pytest.mark.parametrize(
    ("code", "name"),
    [("en", "English"), ("ru", "Русский"), ("kk", "Қазақ тілі"), ("mn", "Монгол")],
)
def test_each_language_is_named_in_itself(code, name):
    assert native_name(code) == name


def test_english_is_listed_first_as_the_fallback():
    assert LANGUAGES[0] == "en"

"""Which languages trade-dash speaks, and which one a request gets. Pure functions.

``LANGUAGES`` is the one list of supported languages: adding a fifth is a new
catalog and glossary under ``locale/`` and one entry here. A page takes its
language from the URL's ``lang`` value when there is one (so a shared link opens
in the sender's language), otherwise from the browser's ``Accept-Language``
header, otherwise English. A ``lang`` value that is not a supported code falls
back to English with a notice, like any other hostile URL value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from babel import Locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

# Codes as in the URL, the catalogs' folder names and plotly's locale names.
LANGUAGES: tuple[str, ...] = ("en", "ru", "kk", "mn")
DEFAULT = "en"
MAX_LANG_VALUE = 64  # characters; as for the scenario's URL values
MAX_HEADER = 1000  # characters of Accept-Language read; browsers send far fewer


@dataclass(frozen=True)
class LanguageNotice:
    """Why a ``lang`` value was not used; the wording layer turns it into a sentence."""

    code: Literal["lang_unknown", "lang_too_long"]
    value: str  # the value as given, cut to 20 characters for display


@dataclass(frozen=True)
class LanguageChoice:
    lang: str
    source: Literal["url", "header", "default"]
    notice: LanguageNotice | None = None


def native_name(code: str) -> str:
    """The language's name in itself, from CLDR, as a language switch shows it."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def from_url(raw: str) -> LanguageChoice:
    """The language a ``lang=`` value names; anything else is English with a notice."""
    value = raw.strip()
    if len(value) > MAX_LANG_VALUE:
        return LanguageChoice(DEFAULT, "default", LanguageNotice("lang_too_long", _short(value)))
    code = value.lower()
    if code in LANGUAGES:
        return LanguageChoice(code, "url")
    return LanguageChoice(DEFAULT, "default", LanguageNotice("lang_unknown", _short(value)))


def negotiate(accept_language: str | None) -> str | None:
    """The supported language the browser prefers most, or None if it accepts none of them.

    Follows the header's q-values (``q=0`` refuses a language) and matches a
    region or script subtag to its language (``kk-KZ``, ``mn-Cyrl-MN``).
    """
    if not accept_language:
        return None
    accepted = parse_accept_header(accept_language[:MAX_HEADER], LanguageAccept)
    # Each tag counts for its language (kk-KZ is Kazakh), at the highest q it is given; an
    # exact-match rule would let "kk-KZ, ru;q=0.8" fall to Russian. Ties: the header's order.
    best: dict[str, float] = {}
    for value, quality in accepted:
        code = value.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES and quality > best.get(code, 0):
            best[code] = quality
    if best:
        return max(best, key=lambda code: best[code])
    # "*" alone means "anything": English, which is also the fallback.
    return accepted.best_match(LANGUAGES)


def choose(lang: str | None, accept_language: str | None) -> LanguageChoice:
    """The URL's ``lang`` if given, else the browser's preference, else English."""
    if lang is not None:
        return from_url(lang)
    negotiated = negotiate(accept_language)
    if negotiated is not None:
        return LanguageChoice(negotiated, "header")
    return LanguageChoice(DEFAULT, "default")


# Where gettext looks for a program's language, in its order: LANGUAGE may list several
# ("kk:ru"); LC_ALL, LC_MESSAGES and LANG name one locale ("kk_KZ.UTF-8").
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def from_environment(environ: Mapping[str, str]) -> str:
    """The supported language the process's locale names (for ``serve``, which has no page
    and no ``--lang``), else English. ``C`` and ``POSIX`` are English."""
    for name in LOCALE_VARIABLES:
        value = environ.get(name, "")
        if not value:
            continue
        for entry in value.split(":") if name == "LANGUAGE" else [value]:
            code = re.split(r"[_.@-]", entry.strip(), maxsplit=1)[0].lower()
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":
            return DEFAULT  # the first locale set decides, as for gettext
    return DEFAULT


def _short(raw: str) -> str:
    return raw if len(raw) <= 20 else raw[:20] + "…"

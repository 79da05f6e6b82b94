"""The translation catalogs and what the build makes from them.

Source files, kept in git, under ``locale/``: ``messages.pot`` (extracted from
the code by ``pybabel extract``), one ``<lang>/LC_MESSAGES/messages.po`` per
language and one ``<lang>/glossary.csv`` of the specialist terms. The build
(``hatch_build.py``, run by every ``pip install`` including ``-e``) makes the
rest, which git ignores: the compiled ``messages.mo`` files and
``assets/plotly-locales.js``, which registers a plotly.js locale per language
(plotly.js ships none for Kazakh or Mongolian) built from CLDR data and the
catalogs' translations of plotly's own words.

Imports only the standard library and Babel: the build hook loads this module
before the package's other dependencies are installed.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the trade_dash package
LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "messages"
SOURCE_LANGUAGE = "en"  # the msgids are English; plotly.js has its own English
PLOTLY_ASSET = "plotly-locales.js"
PLOTLY_CONTEXT = "plotly"
BODIES = "bodies.csv"  # the reporting bodies of the bundled data, named in each language


def N_(message: str) -> str:  # gettext's conventional name
    """Marks a message for extraction where it is defined; translated where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """As ``N_``, with a context telling translators (and gettext) where it is used."""
    return message


# plotly.js's own words that the dashboard shows: modebar buttons (select, lasso and
# the camera are removed), the notes it flashes, and the name of an unnamed trace.
PLOTLY_MESSAGES = (
    NP_("plotly", "Autoscale"),
    NP_("plotly", "Compare data on hover"),
    NP_("plotly", "Double-click on legend to isolate one trace"),
    NP_("plotly", "Double-click to zoom back out"),
    NP_("plotly", "Pan"),
    NP_("plotly", "Reset axes"),
    NP_("plotly", "Show closest data on hover"),
    NP_("plotly", "Toggle Spike Lines"),
    NP_("plotly", "Zoom"),
    NP_("plotly", "Zoom in"),
    NP_("plotly", "Zoom out"),
    NP_("plotly", "trace"),
)


def po_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """Languages that have a catalog, in folder-name order."""
    return sorted(p.parent.parent.name for p in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write ``messages.mo`` next to each ``messages.po`` (as ``pybabel compile`` does)."""
    written = []
    for lang in catalog_languages(locale_dir):
        po = po_path(lang, locale_dir)
        with po.open("rb") as f:
            catalog = read_po(f, locale=lang)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog)  # fuzzy entries left out, as pybabel compile does
        written.append(mo)
    return written


# CLDR date-pattern letters and the d3-time-format directive plotly.js uses for each.
_D3_DIRECTIVES = {
    "y": "%Y", "yyyy": "%Y", "yy": "%y",
    "MMMM": "%B", "LLLL": "%B", "MMM": "%b", "LLL": "%b", "MM": "%m", "LL": "%m",
    "M": "%-m", "L": "%-m",
    "dd": "%d", "d": "%-d",
    "EEEE": "%A", "cccc": "%A", "E": "%a", "EEE": "%a", "ccc": "%a",
    "HH": "%H", "H": "%-H", "hh": "%I", "h": "%-I", "mm": "%M", "ss": "%S", "a": "%p",
}
_CLDR_TOKEN = re.compile(r"'((?:[^']|'')*)'|([A-Za-z])\2*|([^A-Za-z']+)")


def d3_time_format(pattern: str) -> str:
    """A CLDR date pattern (``d MMM y 'г'.``) as a d3 time format (``%-d %b %Y г.``)."""
    out = []
    for m in _CLDR_TOKEN.finditer(pattern):
        quoted, field, literal = m.group(1), m.group(0) if m.group(2) else None, m.group(3)
        if field is not None:
            if field not in _D3_DIRECTIVES:
                raise ValueError(f"CLDR pattern field {field!r} in {pattern!r} has no d3 form")
            out.append(_D3_DIRECTIVES[field])
        else:
            text = literal if literal is not None else (quoted.replace("''", "'") or "'")
            out.append(text.replace("%", "%%"))
    return "".join(out)


def plotly_locale(lang: str, translate: Callable[[str], str]) -> dict[str, Any]:
    """plotly.js's locale record for ``lang``: CLDR formats and translated UI words."""
    loc = Locale.parse(lang)
    symbols = loc.number_symbols["latn"]
    months = loc.months["stand-alone"]
    days = loc.days["format"]
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # CLDR counts from Monday, d3 from Sunday
    date = d3_time_format(loc.date_formats["short"].pattern)
    time = d3_time_format(loc.time_formats["medium"].pattern)
    # Where the currency sign goes ("¤#,##0.00", "#,##0.00 ¤"): plotly wants [prefix, suffix].
    currency = re.fullmatch(r"([^#0]*)[#,0.]+([^#0]*)", loc.currency_formats["standard"].pattern)
    symbol = loc.currency_symbols.get("USD", "$")
    return {
        "moduleType": "locale",
        "name": lang,
        "dictionary": {m: translate(m) for m in PLOTLY_MESSAGES},
        "format": {
            "days": [days["wide"][i] for i in sunday_first],
            "shortDays": [days["abbreviated"][i] for i in sunday_first],
            "months": [months["wide"][i] for i in range(1, 13)],
            "shortMonths": [months["abbreviated"][i] for i in range(1, 13)],
            "periods": [loc.day_periods["format"]["abbreviated"][p] for p in ("am", "pm")],
            "dateTime": f"{date} {time}",
            "date": date,
            "time": time,
            "decimal": symbols["decimal"],
            "thousands": symbols["group"],
            "grouping": [3],
            "currency": [currency.group(i).replace("¤", symbol) if currency else ""
                         for i in (1, 2)],
            "year": "%Y",
            "month": d3_time_format(loc.datetime_skeletons["yMMM"].pattern),
            "dayMonth": d3_time_format(loc.datetime_skeletons["MMMd"].pattern),
            "dayMonthYear": d3_time_format(loc.datetime_skeletons["yMMMd"].pattern),
        },
    }


def _po_translator(lang: str, locale_dir: Path) -> Callable[[str], str]:
    with po_path(lang, locale_dir).open("rb") as f:
        catalog = read_po(f, locale=lang)

    def translate(message: str) -> str:
        entry = catalog.get(message, context=PLOTLY_CONTEXT)
        if entry is None or entry.fuzzy or not isinstance(entry.string, str) or not entry.string:
            return message
        return entry.string

    return translate


def plotly_locales_script(locale_dir: Path = LOCALE_DIR) -> str:
    """The asset script registering a plotly.js locale for every language but English.

    Dash loads plotly.js lazily, after the page's asset scripts, so the locales
    are queued on ``window.PlotlyLocales``, which plotly.js registers when it
    loads (its own locale files do the same); if plotly.js is already there they
    are registered at once.
    """
    records = [
        plotly_locale(lang, _po_translator(lang, locale_dir))
        for lang in catalog_languages(locale_dir)
        if lang != SOURCE_LANGUAGE
    ]
    data = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True)
    return (
        "// Generated by trade_dash.catalogs at install time from CLDR data (Babel) and\n"
        "// the gettext catalogs; edit those, not this file.\n"
        "(function () {\n"
        '  "use strict";\n'
        f"  var locales = {data};\n"
        '  if (window.Plotly && typeof window.Plotly.register === "function") {\n'
        "    window.Plotly.register(locales);\n"
        "  } else {\n"
        "    window.PlotlyLocales = (window.PlotlyLocales || []).concat(locales);\n"
        "  }\n"
        "})();\n"
    )


def build(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Everything the install makes from the catalogs; returns the files written."""
    locale_dir = package_dir / "locale"
    written = compile_catalogs(locale_dir)
    asset = package_dir / "web" / "assets" / PLOTLY_ASSET
    asset.write_text(plotly_locales_script(locale_dir), encoding="utf-8")
    return [*written, asset]


def read_glossary(lang: str, locale_dir: Path = LOCALE_DIR) -> Iterator[dict[str, str]]:
    """The rows of ``<lang>/glossary.csv``: term (English key), translation, match, note."""
    with (locale_dir / lang / "glossary.csv").open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def read_bodies(locale_dir: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """``bodies.csv``: each reporting body of the bundled data, by its name as cited (the
    ``name`` column), with its name in each language that has a column."""
    with (locale_dir / BODIES).open(encoding="utf-8", newline="") as f:
        return {row.pop("name"): row for row in csv.DictReader(f)}


if __name__ == "__main__":  # python -m trade_dash.catalogs: rebuild in a source checkout
    for path in build():
        print(path)

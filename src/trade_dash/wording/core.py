"""The wording layer: every word, number and date a user reads, in one language.

Design, for the modules that will move their sentences here:

- One ``Wording`` per request (page load or callback: from ``languages.choose``
  on the URL's ``lang`` and the ``Accept-Language`` header), per CLI run
  (``--lang``) or per export, built with ``Wording.for_lang(code)``. It is passed
  down like ``figures.Context``: to the figure builders, the cards, the CLI's
  text output and the briefing. Nothing keeps a "current language" in a global,
  so gunicorn workers and threads serving different languages cannot mix them.
- The logic modules (data, normalise, model, scenario) return facts and codes
  (a flow code, a method code, a status flag, a notice code with its values),
  never English sentences. ``label(kind, code)`` names a code; ``money``,
  ``percent``, ``growth``, ``period_label``, ``date`` format a fact; sentences
  are ``gettext``/``pgettext``/``ngettext`` calls with named placeholders, so
  a translator can move the placeholders within the sentence.
- Numbers, money, percentages, month names and dates follow CLDR through Babel:
  Russian and Kazakh write ``76,7`` with a no-break space between thousands,
  Mongolian and English ``76.7``. The charts use the same conventions through
  ``plotly_separators`` (a layout attribute, so server-side exports have it too)
  and ``plotly_locale`` (``dcc.Graph(config={"locale": ...})``, registered by the
  generated asset ``assets/plotly-locales.js``).
- Citation text from the data file (reporters, outlets, notes) is shown as
  written and never passed through gettext; what the product says about it
  ("not given", "headline", "alternate", flow names) is a ``label``. Outside the
  sources table, which cites them as written, the reporting bodies of the bundled
  data are named in the reader's language (``body``, from ``locale/bodies.csv``).
- A new message: write it in English inside ``gettext``/``pgettext`` (or ``N_``/
  ``NP_`` where it is defined away from where it is shown), then run the
  ``pybabel extract`` and ``update`` commands of docs/languages.md and translate it in every
  catalog; the catalog tests fail until every language has it.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Literal

from babel import Locale, dates, numbers

from trade_dash.domain.controls import CONTROLS
from trade_dash.wording import vocabulary
from trade_dash.wording.catalogs import DOMAIN, LOCALE_DIR, NP_, po_path, read_bodies
from trade_dash.wording.languages import LANGUAGES, LanguageNotice, native_name

Width = Literal["abbreviated", "wide"]

# What the product calls each code the logic modules use, by kind of code. The
# context (the kind) tells translators where a word is used, and lets one English
# word have two translations.
LABELS: dict[str, dict[str, str]] = {
    "flow": vocabulary.FLOW_LABELS,
    "measure": {
        "actual": NP_("measure", "Cited figure"),
        "target": NP_("measure", "Target"),
    },
    "period": {
        "full_year": NP_("period", "Full year"),
        "year_to_date": NP_("period", "Year to date"),
    },
    "precision": {
        "exact": NP_("precision", "Exact"),
        "approximate": NP_("precision", "Approximate"),
    },
    "status": vocabulary.STATUS_LABELS,
    "method": vocabulary.METHOD_LABELS,
    "base": vocabulary.BASE_LABELS,
    "reporter_kind": {
        "statistics_office": NP_("reporter_kind", "Statistics office"),
        "customs": NP_("reporter_kind", "Customs"),
        "government": NP_("reporter_kind", "Government"),
        "business_association": NP_("reporter_kind", "Business association"),
        "other": NP_("reporter_kind", "Other"),
    },
    "role": vocabulary.ROLE_LABELS,
    # The scenario controls, by their URL parameter (declared in domain/controls.py),
    # and the page's language parameter.
    "control": {
        **{c.key: c.name for c in CONTROLS},
        "lang": NP_("control", "Language"),
    },
    # The amounts a scenario error can be about (``model.Quantity``).
    "quantity": {
        "ytd_value": NP_("quantity", "year-to-date value"),
        "prev_full_value": NP_("quantity", "previous full-year value"),
        "prev_same_period_value": NP_("quantity", "previous same-period value"),
        "start_value": NP_("quantity", "start value"),
        "end_value": NP_("quantity", "end value"),
        "base_value": NP_("quantity", "base value"),
        "target": NP_("quantity", "target"),
    },
}


class CatalogMissing(RuntimeError):
    """The compiled catalog of a supported language is not installed."""


@dataclass(frozen=True, eq=False)
class Wording:
    """Words, numbers and dates for one language. Build one with ``for_lang``."""

    lang: str
    locale: Locale
    translations: gettext.NullTranslations

    @classmethod
    def for_lang(cls, lang: str) -> Wording:
        """The wording of ``lang``; one shared, immutable instance per language."""
        return _for_lang(lang)

    @classmethod
    def _load(cls, lang: str) -> Wording:
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language {lang!r}; choose one of {LANGUAGES}")
        try:
            # gettext caches each parsed catalog, so this is cheap after the first call.
            translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
        except FileNotFoundError:
            mo = po_path(lang).with_suffix(".mo")
            raise CatalogMissing(
                f"The compiled translations for '{lang}' ({mo.name} next to {mo.parent}) "
                "are missing: reinstall trade-dash (`make` or `pip install -e .`) to build them."
            ) from None
        return cls(lang, Locale.parse(lang), translations)

    # --- sentences -----------------------------------------------------------------

    def gettext(self, message: str, **params: object) -> str:
        return _fill(self.translations.gettext(message), params)

    def pgettext(self, context: str, message: str, **params: object) -> str:
        return _fill(self.translations.pgettext(context, message), params)

    def ngettext(self, singular: str, plural: str, n: int, **params: object) -> str:
        return _fill(self.translations.ngettext(singular, plural, n), params)

    def label(self, kind: str, code: str) -> str:
        """The product's name for a code (``label("flow", "turnover")``)."""
        return self.pgettext(kind, LABELS[kind][code])

    def body(self, name: str) -> str:
        """A reporting body in this language, from the table of the bundled data's bodies
        (``locale/bodies.csv``); a body not in it is shown as given."""
        return _bodies().get(name, {}).get(self.lang) or name

    def citations(self, count: int) -> str:
        return self.ngettext("%(count)s citation", "%(count)s citations", count,
                             count=self.integer(count))

    def target_reached(self, year: int | None, horizon: int) -> str:
        """When a path meets the target, or that it does not within the horizon."""
        if year is None:
            return self.gettext("Target not reached by %(year)s", year=self.year(horizon))
        return self.gettext("Target reached in %(year)s", year=self.year(year))

    def notice(self, notice: LanguageNotice) -> str:
        if notice.code == "lang_too_long":
            return self.gettext("The language in the address was too long and was ignored; "
                                "the page is in English.")
        return self.gettext(
            "'lang=%(value)s' is not a language this site offers (%(choices)s); "
            "the page is in English.",
            value=notice.value,
            choices=", ".join(f"{code}: {native_name(code)}" for code in LANGUAGES),
        )

    # --- numbers -------------------------------------------------------------------

    def integer(self, n: int) -> str:
        return self._format(n, 0, 0)

    def number(self, x: float, digits: int = 1) -> str:
        """``x`` with exactly ``digits`` decimals and the locale's marks: 1,234.5 / 1 234,5."""
        return self._format(x, digits, digits)

    def decimal(self, x: float, most: int = 2) -> str:
        """``x`` with the decimals it has, up to ``most``, in the locale's marks: a cited
        amount as the data file gives it (76.7, 80, 126.86 / 76,7, 80, 126,86)."""
        return self._format(x, 0, most)

    def money(self, musd: float, digits: int = 1) -> str:
        """An amount in US$ million, in words: 'US$ 76.7 million', '76,7 млн долл. США';
        up to ``digits`` decimals (2 for estimates, whose second decimal readers compare)."""
        amount = self._format(musd, 0, digits)
        return self.gettext("US$ %(amount)s million", amount=amount)

    def money_short(self, musd: float) -> str:
        """The same amount in CLDR's compact form for charts: '$76.7M', '76,7 млн $'."""
        return numbers.format_compact_currency(
            _decimal(musd) * 1_000_000, "USD", locale=self.locale, fraction_digits=1
        )

    def unit(self) -> str:
        """The unit of every amount, for axis and column titles."""
        return self.gettext("US$ million")

    def percent(self, pct: float, digits: int = 1) -> str:
        """A share given in percent: 21.4 → '21.4%', '21,4 %' (Russian puts a space)."""
        return self._format(pct, digits, digits, self.locale.percent_formats[None].pattern, 100)

    def growth(self, pct: float, digits: int = 1) -> str:
        """A growth rate with its sign: '+21.4%', '-3.0%'."""
        text = self.percent(pct, digits)
        plus = self.locale.number_symbols["latn"]["plusSign"]
        return text if _rounded(_decimal(pct), digits) < 0 else plus + text

    def growth_per_year(self, pct: float) -> str:
        return self.gettext("%(rate)s a year", rate=self.growth(pct))

    def points(self, pts: float) -> str:
        """A difference of percentages, as the band's width: '5 pts'."""
        return self.gettext("%(num)s pts", num=self._format(pts, 0, 1))

    # --- dates ---------------------------------------------------------------------

    def year(self, year: int) -> str:
        return str(int(year))  # never grouped: 2024, not 2,024 or 2 024

    def month_name(self, month: int, width: Width = "wide") -> str:
        """A month named on its own (stand-alone form): 'August', 'август', 'тамыз'."""
        name: str = self.locale.months["stand-alone"][width][month]  # Babel's tables are untyped
        return name

    def period_label(self, year: int, months: int, width: Width = "abbreviated") -> str:
        """'2023' for a full year; January to month N as CLDR writes a month range:
        'Jan – Aug 2024', 'янв. – авг. 2024 г.', '2024 ж. қаң.–там.', '2024 оны I – VIII сар'.
        """
        if not 1 <= int(months) <= 12:
            raise ValueError(f"months must be 1–12, not {months!r}")
        if int(months) == 12:
            return self.year(year)
        skeleton = "yMMM" if width == "abbreviated" else "yMMMM"
        start, end = dt.date(int(year), 1, 1), dt.date(int(year), int(months), 1)
        return dates.format_interval(start, end, skeleton, locale=self.locale)

    def date(self, day: dt.date | str) -> str:
        """A calendar date in the locale's long form; accepts an ISO string."""
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        return dates.format_date(day, "long", locale=self.locale)

    # --- plotly --------------------------------------------------------------------

    @property
    def plotly_separators(self) -> str:
        """plotly's ``layout.separators``: decimal mark then thousands separator."""
        symbols: dict[str, str] = self.locale.number_symbols["latn"]  # Babel's tables are untyped
        return symbols["decimal"] + symbols["group"]

    @property
    def plotly_locale(self) -> str:
        """The name for ``dcc.Graph(config={"locale": ...})``."""
        return self.lang

    # --- helpers -------------------------------------------------------------------

    def _format(self, x: float | Decimal, least: int, most: int, pattern: str | None = None,
                scale: int = 1) -> str:
        """``x`` rounded to ``most`` decimals, shown with at least ``least``, in the locale's
        decimal pattern (or ``pattern``, e.g. its percent pattern with ``scale`` 100)."""
        base = pattern or self.locale.decimal_formats[None].pattern
        value = _rounded(_decimal(x), most) / scale
        return numbers.format_decimal(value, format=_fraction(base, least, most),
                                      locale=self.locale)


def _decimal(x: float | Decimal) -> Decimal:
    # Through the shortest repr, so 125.85 rounds as the 125.85 a reader sees.
    return x if isinstance(x, Decimal) else Decimal(repr(float(x)))


def _rounded(x: Decimal, places: int) -> Decimal:
    """Rounded as Babel rounds (half to even), with -0 made 0 so no '-0.0' is shown."""
    q = x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return q if q != 0 else abs(q)


def _fraction(pattern: str, least: int, most: int) -> str:
    """A CLDR number pattern with ``least`` to ``most`` decimals (``#,##0.0#``)."""
    frac = ("." + "0" * least + "#" * (most - least)) if most else ""
    return re.sub(r"[#,0]+(?:\.[#0]+)?", lambda m: m.group(0).split(".")[0] + frac, pattern,
                  count=1)


@functools.cache
def _bodies() -> dict[str, dict[str, str]]:
    return read_bodies()  # read once; never changed


@functools.cache
def _for_lang(lang: str) -> Wording:
    # Immutable and read-only, so sharing one per language across threads is safe; it also
    # makes a Wording usable in a cache key (figure caches are keyed on the context).
    return Wording._load(lang)


def _fill(template: str, params: dict[str, object]) -> str:
    return template % params if params else template

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import pandas as pd
import pandera.pandas as pa

from trade_dash.domain.problems import ProblemCode

COLUMNS: tuple[str, ...] = (
    "citation_id",
    "measure",
    "flow",
    "year",
    "period",
    "months",
    "value_musd",
    "yoy_change_pct",
    "precision",
    "reporter",
    "reporter_kind",
    "reporting_country",
    "outlet",
    "published",
    "note",
)


MEASURES = ("actual", "target")


FLOWS = ("turnover", "kz_exports_to_mn", "mn_exports_to_kz")


PERIODS = ("full_year", "year_to_date")


PRECISIONS = ("exact", "approximate")


# Listed in the order the normalisation rule prefers them.
REPORTER_KINDS = (
    "statistics_office",
    "customs",
    "government",
    "business_association",
    "other",
)


# ISO 3166 alpha-2 codes of the side whose books a figure comes from; empty: not known.
SIDES = ("KZ", "MN")


# Columns added after files were first written: a file without them still loads, every
# row taking the empty value (side unknown, no change given).
OPTIONAL_COLUMNS = ("yoy_change_pct", "reporting_country")


MIN_YEAR = 1991  # both countries' trade statistics as independent states start here


MAX_YEAR = 2100


MAX_VALUE_MUSD = 100_000.0


MAX_CHANGE_PCT = 10_000.0  # a hundredfold rise; more is a typing error


MAX_TEXT = {"citation_id": 40, "reporter": 200, "outlet": 200, "note": 500}


_NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?$")


_SIGNED = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")


_INTEGER = re.compile(r"^[0-9]+$")


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


# Control characters other than tab and line breaks: invisible, and they break renderers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _is_number(v: str) -> bool:
    return bool(_NUMBER.match(v))


def _value_ok(v: str) -> bool:
    if not _is_number(v):
        return False
    x = float(v)
    return math.isfinite(x) and 0 < x <= MAX_VALUE_MUSD


def _change_ok(v: str) -> bool:
    if v == "":
        return True
    if not _SIGNED.match(v):
        return False
    x = float(v)
    return math.isfinite(x) and -100 < x <= MAX_CHANGE_PCT


def _year_ok(v: str) -> bool:
    return bool(_INTEGER.match(v)) and MIN_YEAR <= int(v) <= MAX_YEAR


def _months_ok(v: str) -> bool:
    return bool(_INTEGER.match(v)) and 1 <= int(v) <= 12


def _date_ok(v: str) -> bool:
    if v == "":
        return True
    if not _DATE.match(v):
        return False
    try:
        dt.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _number_problem(value: str) -> ProblemCode:
    """Which mistake a bad amount shows, so the message says how to fix it."""
    v = value.strip()
    if v == "":
        return "value_empty"
    if re.search(r"[$€£₸₮]|usd|mln|million", v, re.IGNORECASE):
        return "value_with_unit"
    if re.match(r"^[0-9]{1,3}([, ][0-9]{3})+(\.[0-9]+)?$", v):
        return "value_grouped"
    if re.match(r"^[0-9]+,[0-9]+$", v):
        return "value_decimal_comma"
    if v.lower() in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity", "na", "n/a"}:
        return "value_not_finite"
    if v.startswith("-"):
        return "value_negative"
    if _is_number(v):
        return "value_out_of_range"
    return "value_not_number"


# The values allowed in the columns that take one of a list.
CHOICES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "measure": MEASURES,
    "flow": FLOWS,
    "period": PERIODS,
    "precision": PRECISIONS,
    "reporter_kind": REPORTER_KINDS,
})


def _params(code: ProblemCode, column: str) -> dict[str, Any]:
    """The values a cell's problem is worded with (the limits of its column's rule)."""
    if code == "not_one_of":
        return {"choices": CHOICES[column]}
    if code in ("bad_id", "bad_text"):
        return {"max_length": MAX_TEXT[column]}
    if code == "bad_year":
        return {"low": MIN_YEAR, "high": MAX_YEAR}
    if code == "value_out_of_range":
        return {"high": MAX_VALUE_MUSD}
    if code == "bad_side":
        return {"choices": SIDES}
    return {}


def _text_check(column: str) -> pa.Check:
    limit = MAX_TEXT[column]
    return pa.Check(
        lambda v: len(v) <= limit and not _CONTROL.search(v),
        element_wise=True,
        error="bad_text",
    )


def _element(fn: Callable[[str], bool], code: ProblemCode) -> pa.Check:
    # pandera reports a failed check by its error text: the code, worded later.
    return pa.Check(fn, element_wise=True, error=code)


def _one_of(column: str) -> pa.Check:
    return _element(lambda v: v in CHOICES[column], "not_one_of")


def _months_match_period(df: pd.DataFrame) -> pd.Series:
    months = pd.to_numeric(df["months"], errors="coerce")
    full = df["period"] == "full_year"
    ytd = df["period"] == "year_to_date"
    return ~((full & (months != 12)) | (ytd & ~months.between(1, 11)))


def _published_after_period(df: pd.DataFrame) -> pd.Series:
    ok = []
    rows = zip(df["measure"], df["year"], df["months"], df["published"], strict=True)
    for measure, year, months, published in rows:
        if measure != "actual" or not (
            _date_ok(published) and published and _year_ok(year) and _months_ok(months)
        ):
            ok.append(True)
            continue
        period_end = (pd.Timestamp(int(year), int(months), 1) + pd.offsets.MonthEnd(0)).date()
        ok.append(dt.date.fromisoformat(published) > period_end)
    return pd.Series(ok, index=df.index)


def _actual_not_in_future(df: pd.DataFrame) -> pd.Series:
    this_year = dt.date.today().year
    years = pd.to_numeric(df["year"], errors="coerce")
    return ~((df["measure"] == "actual") & (years > this_year))


def _target_is_annual_turnover(df: pd.DataFrame) -> pd.Series:
    target = df["measure"] == "target"
    return ~(target & (df["period"] != "full_year"))


def _change_only_for_actuals(df: pd.DataFrame) -> pd.Series:
    return ~((df["measure"] == "target") & (df["yoy_change_pct"] != ""))


# Checks across columns: (column reported against, code, rule).
_ROW_RULES: tuple[tuple[str, ProblemCode, Callable[[pd.DataFrame], pd.Series]], ...] = (
    ("months", "months_period", _months_match_period),
    ("published", "published_too_early", _published_after_period),
    ("year", "actual_in_future", _actual_not_in_future),
    ("period", "target_not_annual", _target_is_annual_turnover),
    ("yoy_change_pct", "change_on_target", _change_only_for_actuals),
)


_ROW_COLUMN: MappingProxyType[str, str] = MappingProxyType(
    {code: column for column, code, _ in _ROW_RULES}
)


def _schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "citation_id": pa.Column(
                str,
                [
                    _element(
                        lambda v: bool(_ID.match(v)) and len(v) <= MAX_TEXT["citation_id"],
                        "bad_id",
                    )
                ],
            ),
            "measure": pa.Column(str, [_one_of("measure")]),
            "flow": pa.Column(str, [_one_of("flow")]),
            "year": pa.Column(str, [_element(_year_ok, "bad_year")]),
            "period": pa.Column(str, [_one_of("period")]),
            "months": pa.Column(str, [_element(_months_ok, "bad_months")]),
            # Which mistake a bad amount shows is told apart afterwards (_number_problem).
            "value_musd": pa.Column(str, [_element(_value_ok, "value_not_number")]),
            "yoy_change_pct": pa.Column(str, [_element(_change_ok, "bad_change")]),
            "precision": pa.Column(str, [_one_of("precision")]),
            "reporter": pa.Column(
                str,
                [
                    _element(lambda v: v.strip() != "", "reporter_empty"),
                    _text_check("reporter"),
                ],
            ),
            "reporter_kind": pa.Column(str, [_one_of("reporter_kind")]),
            "reporting_country": pa.Column(
                str, [_element(lambda v: v in ("", *SIDES), "bad_side")]
            ),
            "outlet": pa.Column(str, [_text_check("outlet")]),
            "published": pa.Column(str, [_element(_date_ok, "bad_date")]),
            "note": pa.Column(str, [_text_check("note")]),
        },
        checks=[pa.Check(fn, error=code) for _, code, fn in _ROW_RULES],
        strict=True,
        ordered=False,
    )

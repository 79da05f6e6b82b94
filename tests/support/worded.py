"""What a reader is told of a coded error or problem, in English: the domain raises codes
and values, and the wording layer alone makes the sentences the tests read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from trade_dash.domain.model import ScenarioError
from trade_dash.domain.problems import DataFileError, Problem
from trade_dash.exports.images import ExportError
from trade_dash.wording import english, errors


def worded(err: BaseException) -> str:
    """The English sentence(s) for ``err``, as the command line and the page give them."""
    w = english()
    if isinstance(err, ScenarioError):
        return errors.scenario_error(w, err)
    if isinstance(err, ExportError):
        return errors.export_error(w, err)
    if isinstance(err, DataFileError):
        return errors.data_file_error(w, err)
    return str(err)


def expected(p: Problem) -> str:
    """What the data file's reader is told was expected of the cell or line."""
    return errors.expected(english(), p)


def rendered(p: Problem, path: str) -> str:
    return errors.problem(english(), p, path)


@contextmanager
def raises_worded(kind: type[BaseException], pattern: str) -> Iterator[pytest.ExceptionInfo]:
    """Like ``pytest.raises(kind, match=pattern)``, matched against the English wording."""
    with pytest.raises(kind) as info:
        yield info
    text = worded(info.value)
    assert re.search(pattern, text), f"{pattern!r} not in {text!r}"

"""One shape for everything the program tells a reader went wrong or was adjusted: a
code and the values that explain it.

The domain and the exports raise or return these; only the wording layer turns them
into sentences, in the reader's language. ``str()`` of an error is for logs and
developers: the code and its values, no prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class Coded(Protocol):
    """A notice or a problem: ``Notice``, ``Problem``, ``ParamProblem``."""

    @property
    def code(self) -> str: ...

    @property
    def values(self) -> Mapping[str, Any]: ...


class CodedError(Exception):
    """A failure a reader is told about: ``ScenarioError``, ``ExportError``."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params: dict[str, Any] = params

    @property
    def values(self) -> Mapping[str, Any]:
        return self.params

    def __str__(self) -> str:
        given = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({given})" if given else self.code

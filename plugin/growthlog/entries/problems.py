"""Problems found in entries: what every bad input turns into, instead of a traceback."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


class Severity(str, Enum):
    """An error stops a publish build; a warning is something to fix (it fails `--strict`)."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one entry, located to the line of the file."""

    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class GrowthlogError(Exception):
    """The only exception growthlog's core raises about a journal: it carries the problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def did_you_mean(found: str, allowed: Iterable[str]) -> str:
    """A ' (did you mean 'x'?)' suffix when `found` is a near miss of an allowed value."""
    match = difflib.get_close_matches(found.strip().lower(), list(allowed), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


def describe(value: object, limit: int = 60) -> str:
    """Quote what was found, shortened so that a 10 MB value does not flood the terminal."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def summarise(problems: Iterable[Problem]) -> str:
    """One line counting errors and warnings, and the entries they are in: '2 errors and 1 warning in 3 entries'."""
    found = tuple(problems)
    errors = sum(1 for p in found if p.is_error)
    warnings = len(found) - errors
    files = len({p.path for p in found})
    counts = [
        f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((errors, "error"), (warnings, "warning")) if n
    ]
    return f"{' and '.join(counts) or 'no problem'} in {files} entr{'y' if files == 1 else 'ies'}"

"""The practice log: one line per rehearsal of a question, in a plain text file the user owns.

It lives beside mkdocs.yml (`practice.log`), never in the docs folder, so no build
copies it: only the dates and ratings it holds feed the pages. `growthlog practice`
appends to it and never rewrites it; the user may edit it by hand. One line is

    2026-11-26  4  How would you design a rate limiter?

the date, the rating (1 = it went badly, 5 = it went well) and the question as the
question bank words it (matched ignoring case, punctuation and spacing). Blank
lines and lines starting with `#` are skipped. A line that is not of this shape
is reported with its file and line and otherwise ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.problems import Problem, Severity, describe

if TYPE_CHECKING:
    from pathlib import Path

#: The log's file name, beside the journal's mkdocs.yml.
PRACTICE_LOG = "practice.log"
#: The ratings a rehearsal takes: how it went, 1 (badly) to 5 (well).
RATINGS = range(1, 6)
#: What a new log starts with, so that whoever opens it knows what it is.
HEADER = (
    "# growthlog practice log: one rehearsal per line, written by `growthlog practice`.\n"
    "# DATE (YYYY-MM-DD)  RATING (1 = badly ... 5 = well)  QUESTION\n"
    "# You may edit or delete lines; growthlog only ever adds lines at the end.\n"
)

_LINE = re.compile(r"(?P<date>\S+)\s+(?P<rating>\S+)\s+(?P<card>\S.*?)\s*")


@dataclass(frozen=True, slots=True)
class Rehearsal:
    """One rehearsal of one question."""

    date: dt.date
    card: str
    """The question as written in the log."""
    rating: int
    line: int = 0


def log_beside(config_file: Path) -> Path:
    """Where the practice log of the journal configured by `config_file` is: in the same folder."""
    return config_file.resolve().parent / PRACTICE_LOG


def format_rehearsal(rehearsal: Rehearsal) -> str:
    """The log line of a rehearsal (no newline); a question's line breaks become spaces."""
    card = " ".join(rehearsal.card.split())
    return f"{rehearsal.date.isoformat()}  {rehearsal.rating}  {card}"


def parse_practice_log(
    text: str, name: str = PRACTICE_LOG, today: dt.date | None = None
) -> tuple[tuple[Rehearsal, ...], tuple[Problem, ...]]:
    """The rehearsals of a log's text, and one warning per line that could not be read.

    A rehearsal dated after `today` is a typo (it would keep its question off To revise for
    months): it is reported and skipped too.
    """
    found: list[Rehearsal] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        match = _LINE.fullmatch(line)
        problem = None
        if match is None or not match["date"][:1].isdigit():
            problem = f"expected 'YYYY-MM-DD RATING QUESTION'; found {describe(line)}"
        else:
            try:
                when = dt.date.fromisoformat(match["date"])
            except ValueError:
                problem = f"the date must be YYYY-MM-DD; found {describe(match['date'])}"
            else:
                rating = match["rating"]
                if not (rating.isdigit() and int(rating) in RATINGS):
                    problem = f"the rating must be a whole number from 1 to 5; found {describe(rating)}"
                elif today is not None and when > today:
                    problem = f"the date {when.isoformat()} is after today ({today.isoformat()})"
                else:
                    found.append(Rehearsal(when, match["card"], int(rating), number))
        if problem is not None:
            problems.append(
                Problem(name, number, "", f"{problem}; the line is skipped", Severity.WARNING)
            )
    return tuple(found), tuple(problems)


def read_practice_log(
    path: Path, name: str | None = None, today: dt.date | None = None
) -> tuple[tuple[Rehearsal, ...], tuple[Problem, ...]]:
    """The rehearsals kept in the log at `path` (none when there is no log yet); see `parse_practice_log`."""
    label = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return (), ()
    except OSError as err:
        return (), (Problem(label, 1, "", f"cannot be read: {err.strerror or err}", Severity.WARNING),)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return (), (Problem(label, line, "", "is not UTF-8 text; no rehearsal was read", Severity.WARNING),)
    return parse_practice_log(text, label, today)


def append_rehearsal(path: Path, rehearsal: Rehearsal) -> None:
    """Add one line at the end of the log (created with its header if missing); nothing else is touched."""
    with path.open("ab") as handle:
        if handle.tell() == 0:
            handle.write(HEADER.encode())
        else:
            with path.open("rb") as current:
                current.seek(-1, 2)
                if current.read(1) != b"\n":
                    handle.write(b"\n")  # a hand-edited last line without its newline stays whole
        handle.write((format_rehearsal(rehearsal) + "\n").encode())
        handle.flush()

"""The export formats `growthlog export --format` knows, and what each is handed.

A format is a function from an `ExportRequest` to the files it writes (names
relative to the output folder, and their text). The command reads the journal,
checks, scans and writes; a format only says what goes in its files. A new
format is one more entry in `FORMATS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.export import calendar, journal_json, markdown, tables
from growthlog.export.writer import ExportRefused

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What a format exports from."""

    journal: Journal
    """The journal: with drafts only when `private` (its settings' mode says the same)."""
    private: bool
    """Private fields, interviewers, private blocks and drafts go out too."""
    entries_dir: Path
    """The entries folder the journal was read from."""


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """One file of an export: `name` relative to the output folder (with `/`), and its text."""

    name: str
    text: str


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """A format: its name on the command line, one line of help, and what it writes."""

    name: str
    help: str
    files: Callable[[ExportRequest], Iterable[ExportedFile]]


def _json(request: ExportRequest) -> Iterable[ExportedFile]:
    yield ExportedFile(journal_json.FILE_NAME, journal_json.export_json(request.journal, request.private))


def _csv(request: ExportRequest) -> Iterable[ExportedFile]:
    yield ExportedFile(tables.ROUNDS_FILE, tables.rounds_csv(request.journal, request.private))
    yield ExportedFile(tables.QUESTIONS_FILE, tables.questions_csv(request.journal))


def _ics(request: ExportRequest) -> Iterable[ExportedFile]:
    yield ExportedFile(calendar.FILE_NAME, calendar.follow_ups_ics(request.journal, request.private))


def _markdown(request: ExportRequest) -> Iterable[ExportedFile]:
    if request.private:
        raise ExportRefused(
            "the Markdown export is the journal as another engine publishes it: it never holds private "
            "parts or drafts; export it without --private"
        )
    for name, text in markdown.markdown_pages(request.journal):
        yield ExportedFile(name, text)


#: Every format, by its name on the command line.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("json", "every entry's fields and the applications, in one file", _json),
        ExportFormat("csv", "one row per round, and one per question", _csv),
        ExportFormat(
            "markdown",
            "the published journal as plain Markdown pages, for another engine (Zensical...) to build",
            _markdown,
        ),
        ExportFormat(
            "ics", "a calendar of follow-ups: rounds to come, feedback to chase, plan items due", _ics
        ),
    )
}

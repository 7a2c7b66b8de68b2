"""The journal as CSV for spreadsheets: one row per round, one row per question.

Lists inside a cell (tags, what went well...) are joined with " | ". A cell that
starts like a formula (=, +, -, @) gets a leading apostrophe, so a spreadsheet
shows the text instead of running it (the JSON export keeps every value as written).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

ROUNDS_FILE = "rounds.csv"
QUESTIONS_FILE = "questions.csv"
#: Joins the items of a list in one cell.
JOIN = " | "

ROUND_COLUMNS = (
    "date",
    "company",
    "role",
    "stage",
    "outcome",
    "reason",
    "format",
    "seniority",
    "posting",
    "application_key",
    "confidence",
    "tags",
    "draft",
    "went_well",
    "fell_short",
    "feedback_requested",
    "feedback_received",
    "feedback",
    "plan_items",
    "questions",
    "lessons",
    "role_fit",
    "company_fit",
    "search_note",
    "path",
)
#: Only with --private.
PRIVATE_ROUND_COLUMNS = ("interviewers", "private")
QUESTION_COLUMNS = (
    "date",
    "kind",
    "company",
    "role",
    "stage",
    "title",
    "question",
    "topic",
    "category",
    "tough",
    "prepared",
    "answer",
    "better_answer",
    "path",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A value as a cell's text (see the module's note on formulas)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180's line ends, as spreadsheets expect
    writer.writerow(columns)
    writer.writerows([cell(v) for v in row] for row in rows)
    return out.getvalue()


def _round_row(entry: Entry, application_key: str, private: bool) -> list[object]:
    feedback, search = entry.feedback, entry.search
    row: list[object] = [
        entry.date.isoformat(),
        entry.company,
        entry.role,
        entry.stage.value,
        entry.outcome.value,
        entry.reason.value if entry.reason else "",
        entry.format.value if entry.format else "",
        entry.seniority,
        entry.posting,
        application_key,
        entry.confidence,
        JOIN.join(entry.tags),
        entry.draft,
        JOIN.join(entry.went_well),
        JOIN.join(entry.fell_short),
        feedback.requested.isoformat() if feedback and feedback.requested else "",
        feedback.received.isoformat() if feedback and feedback.received else "",
        feedback.text if feedback else "",
        JOIN.join(f"{i.skill}: {i.action} ({i.status.value})" for i in entry.development),
        len(entry.questions),
        JOIN.join(lesson.text for lesson in entry.lessons),
        search.role_fit if search else None,
        search.company_fit if search else None,
        search.note if search else "",
        entry.path,
    ]
    if private:
        row += [JOIN.join(entry.interviewers), JOIN.join(f"{v.key}: {v.value}" for v in entry.private)]
    return row


def rounds_csv(journal: Journal, private: bool) -> str:
    """One row per round (journal notes are not rounds), by date then path."""
    columns = ROUND_COLUMNS + (PRIVATE_ROUND_COLUMNS if private else ())
    application_of = journal.application_of
    return _table(columns, (_round_row(e, application_of[e.path].key, private) for e in journal.rounds))


def questions_csv(journal: Journal) -> str:
    """One row per question, from rounds and journal notes (a mock interview), by the entry's date
    then path, then the question's place in it. A note's row has its title, no company, role or stage."""
    return _table(
        QUESTION_COLUMNS,
        (
            (
                e.date.isoformat(),
                e.kind.value,
                "" if e.is_note else e.company,
                "" if e.is_note else e.role,
                "" if e.is_note else e.stage.value,
                e.title,
                q.q,
                q.topic,
                q.category.value,
                q.tough,
                q.prepared,
                q.answer,
                q.better_answer,
                e.path,
            )
            for e in journal.entries
            for q in e.questions
        ),
    )

"""Which of an entry's fields a published page may show: one list for every rule that needs it.

The leak scan's idea of "public text", the interviewer-name check and the pages all
read it from here, so they cannot disagree about what a page shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growthlog.entries import schema

if TYPE_CHECKING:
    from growthlog.entries.model import Entry

#: Front matter fields no page shows; every other field of the format is public.
UNSHOWN_FIELDS = frozenset({"interviewers", "private", "extra"})
#: The fields of the mappings a field may hold (feedback, plan items, questions...), as read by the schema.
SHOWN_KEYS = frozenset(
    schema.FEEDBACK_KEYS + schema.PLAN_KEYS + schema.QUESTION_KEYS + schema.SEARCH_KEYS + schema.LESSON_KEYS
)


def shown_fields(entry: Entry) -> list[str]:
    """Every string of an entry's front matter a page may show."""
    parts: list[str] = [entry.company, entry.role, entry.seniority, entry.application_id, *entry.tags]
    parts += [entry.note_title, entry.posting]
    parts += [*entry.went_well, *entry.fell_short]
    if entry.feedback:
        parts.append(entry.feedback.text)
    parts += [text for item in entry.development for text in (item.skill, item.action, item.because)]
    parts += [text for q in entry.questions for text in (q.q, q.answer, q.better_answer, q.topic)]
    if entry.search:
        parts.append(entry.search.note)
    parts += [text for lesson in entry.lessons for text in (lesson.text, lesson.theme)]
    return parts


def public_text(entry: Entry) -> str:
    """Every string of an entry a page may show: its fields and its notes."""
    return "\n".join([*shown_fields(entry), entry.body])

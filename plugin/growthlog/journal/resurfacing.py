"""What comes back from the past: the user's own reflections from earlier months, on the home page.

"On this day" brings back what was written on today's date in earlier years, "a
month ago" what was written in the week around the same day last month. What comes
back is the user's own words: what went well, the lessons, and the first paragraph
of the notes; never a private part (the notes' private blocks and HTML comments are
left out in every mode), and drafts only where the journal shows drafts (not in a
publish build, whose journal has none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.private_parts import public_markdown
from growthlog.journal.questions import build_question_bank

if TYPE_CHECKING:
    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

#: "A month ago" is the same day last month, give or take this many days.
MONTH_AGO_SLACK_DAYS = 3
#: How many entries each list brings back, and how much of a paragraph.
SHOWN = 3
PARAGRAPH_CHARS = 280
#: What a notes paragraph is not: a heading, a box, a fence, a table, raw HTML, a rule.
_NOT_PROSE = re.compile(r"^\s*(?:#|!!!|\?\?\?|```|~~~|\||<|---|\*\*\*)")
#: An italic-only paragraph: the prompts of a new entry ("_Keep the pipeline going..._").
_PROMPT = re.compile(r"^\s*_[^_]+_\s*$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Reflection:
    """One past entry's words: what went well, its lessons, its notes' first paragraph."""

    entry: Entry
    went_well: tuple[str, ...]
    lessons: tuple[str, ...]
    paragraph: str

    @property
    def is_empty(self) -> bool:
        return not (self.went_well or self.lessons or self.paragraph)


@dataclass(frozen=True, slots=True)
class ThenAndNow:
    """A question that was a weakness (asked with no better answer) and is prepared now."""

    question: str
    then: Entry
    """The first round it was asked in, unprepared."""
    now: Entry
    """The first entry where it has a better answer or is marked prepared, later than `then`."""


@dataclass(frozen=True, slots=True)
class Resurfacing:
    """The home page's "from your journal" section; empty lists when nothing comes back."""

    on_this_day: tuple[Reflection, ...]
    month_ago: tuple[Reflection, ...]
    then_and_now: tuple[ThenAndNow, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.on_this_day or self.month_ago or self.then_and_now)


def then_and_now(journal: Journal) -> tuple[ThenAndNow, ...]:
    """Questions first met unprepared and prepared since, the latest prepared first: one question bank
    card (the same wording, or wordings the author gave one `topic:`). Never guessed: wordings that only
    look alike are other questions."""
    found = []
    for question in journal.view(build_question_bank).questions:
        asked = question.asked
        first = asked[0]
        if first.item.better_answer.strip() or first.item.prepared:
            continue
        ready = next(
            (
                m
                for m in asked
                if m.entry.date > first.entry.date and (m.item.better_answer.strip() or m.item.prepared)
            ),
            None,
        )
        if ready is not None:
            found.append(ThenAndNow(question.text, first.entry, ready.entry))
    found.sort(key=lambda t: (t.now.date, t.now.path, t.question), reverse=True)
    return tuple(found[:SHOWN])


def first_paragraph(body: str) -> str:
    """The first prose paragraph of an entry's public notes, as plain Markdown text, shortened."""
    public = public_markdown(body)
    for block in re.split(r"\n\s*\n", public):
        text = block.strip()
        if not text or _NOT_PROSE.match(text) or _PROMPT.match(text):
            continue
        text = " ".join(text.split())
        if len(text) > PARAGRAPH_CHARS:
            text = text[: PARAGRAPH_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return text
    return ""


def reflection(entry: Entry) -> Reflection:
    return Reflection(
        entry,
        entry.went_well,
        tuple(lesson.text for lesson in entry.lessons),
        first_paragraph(entry.body),
    )


def _month_ago(today: dt.date) -> dt.date:
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    for day in range(today.day, 0, -1):  # 31 March -> 28 or 29 February
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 1st")


def _pick(entries: list[Entry]) -> tuple[Reflection, ...]:
    found = [r for r in map(reflection, entries) if not r.is_empty]
    return tuple(found[:SHOWN])


def build_resurfacing(journal: Journal) -> Resurfacing:
    """The reflections to bring back today (only from entries of earlier months)."""
    today = journal.today
    this_month = (today.year, today.month)
    earlier = [e for e in reversed(journal.entries) if (e.date.year, e.date.month) < this_month]
    on_this_day = [e for e in earlier if (e.date.month, e.date.day) == (today.month, today.day)]
    taken = {e.path for e in on_this_day}
    centre = _month_ago(today)
    slack = dt.timedelta(days=MONTH_AGO_SLACK_DAYS)
    month_ago = [e for e in earlier if abs(e.date - centre) <= slack and e.path not in taken]
    month_ago.sort(key=lambda e: (abs((e.date - centre).days), e.date, e.path))
    return Resurfacing(_pick(on_this_day), _pick(month_ago), then_and_now(journal))

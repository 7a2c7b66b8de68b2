"""The development plan: every plan item of every entry, by status, with what motivated it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import PlanStatus

if TYPE_CHECKING:
    from growthlog.entries.model import Entry, PlanItem
    from growthlog.journal.journal import Journal

#: Plan items due within this many days count as "due soon" on the home page.
DUE_SOON_DAYS = 14
#: How many items "This month" lists on the plan page; the status sections below have them all.
THIS_MONTH_SHOWN = 10

#: Words too common to tie a plan item to a shortfall.
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "before",
        "being",
        "could",
        "didn",
        "does",
        "from",
        "have",
        "into",
        "just",
        "like",
        "more",
        "most",
        "much",
        "only",
        "other",
        "over",
        "same",
        "some",
        "than",
        "that",
        "their",
        "them",
        "then",
        "they",
        "this",
        "very",
        "want",
        "were",
        "what",
        "when",
        "which",
        "while",
        "with",
        "would",
        "your",
        "next",
        "time",
        "work",
    ]
)


def _stem_pattern(letter: str) -> re.Pattern[str]:
    """The first four letters of each run of four or more letters that is not a common word.

    A run starts where no letter precedes it and takes every letter that follows (as
    `letter{4,}` would find it); a run that is exactly a common word does not match at
    all. The regex does the work a loop over every word did (a third of the plan's cost).
    """
    common = "|".join(sorted(_COMMON))
    return re.compile(rf"(?<!{letter})(?!(?:{common})(?!{letter}))({letter}{{4}}){letter}*")


#: For casefolded text: a letter is any Unicode letter.
_STEM = _stem_pattern(r"[^\W\d_]")
#: For lowercased ASCII text, where a letter is a-z (a plain set of characters is quicker to match).
_ASCII_STEM = _stem_pattern("[a-z]")


@functools.lru_cache(maxsize=1 << 15)  # an entry's notes are compared with each of its plan items
def _stems(text: str) -> frozenset[str]:
    # A four-letter prefix is a crude stem, enough to tie "leadership" to "leading".
    if text.isascii():
        return frozenset(_ASCII_STEM.findall(text.lower()))
    return frozenset(_STEM.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class Motivation:
    """Something written in the source entry that may have motivated a plan item."""

    kind: str
    """"Fell short", "Feedback" or "Lesson"."""
    text: str
    related: bool
    """Shares a word with the item's skill or action, so it most likely motivated it."""


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """A plan item, the entry it came from and where it stands today."""

    item: PlanItem
    entry: Entry
    today: dt.date
    motivations: tuple[Motivation, ...] = ()
    """The entry's shortfalls, feedback and lessons; those sharing a word with the item first."""

    @property
    def is_open(self) -> bool:
        return self.item.status is not PlanStatus.DONE

    @property
    def overdue(self) -> bool:
        """Not done and its due date has passed."""
        return self.is_open and self.item.due is not None and self.item.due < self.today

    @property
    def due_soon(self) -> bool:
        """Not done and due today or within DUE_SOON_DAYS days."""
        if not self.is_open or self.item.due is None:
            return False
        return 0 <= (self.item.due - self.today).days <= DUE_SOON_DAYS

    @property
    def due_this_month(self) -> bool:
        due = self.item.due
        return due is not None and (due.year, due.month) == (self.today.year, self.today.month)

    @property
    def days_overdue(self) -> int:
        return (self.today - self.item.due).days if self.overdue and self.item.due else 0

    @property
    def fell_short(self) -> tuple[str, ...]:
        """What fell short in the source entry: the gap the item answers."""
        return self.entry.fell_short

    @property
    def feedback(self) -> str:
        return self.entry.feedback.text if self.entry.feedback else ""

    @property
    def lessons(self) -> tuple[str, ...]:
        return tuple(lesson.text for lesson in self.entry.lessons)

    @property
    def related_motivations(self) -> tuple[Motivation, ...]:
        """What most likely motivated the item; everything the entry noted when nothing matches."""
        related = tuple(m for m in self.motivations if m.related)
        return related or self.motivations

    @property
    def other_motivations(self) -> tuple[Motivation, ...]:
        """The rest of what the entry noted (empty when nothing matched, as all is shown then)."""
        if not any(m.related for m in self.motivations):
            return ()
        return tuple(m for m in self.motivations if not m.related)


@dataclass(frozen=True, slots=True)
class StatusGroup:
    """The plan items of one status."""

    status: PlanStatus
    items: tuple[PlannedItem, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan page's content."""

    items: tuple[PlannedItem, ...]
    today: dt.date

    @property
    def by_status(self) -> tuple[StatusGroup, ...]:
        """To do, doing, done: open items by due date (undated last), done items latest due first."""
        groups = []
        for status in PlanStatus:
            items = [i for i in self.items if i.item.status is status]
            if status is PlanStatus.DONE:
                items.sort(key=lambda i: i.item.due or i.entry.date, reverse=True)
            else:
                items.sort(key=_by_due)
            groups.append(StatusGroup(status, tuple(items)))
        return tuple(groups)

    @property
    def overdue(self) -> tuple[PlannedItem, ...]:
        return tuple(sorted((i for i in self.items if i.overdue), key=_by_due))

    @property
    def due_soon(self) -> tuple[PlannedItem, ...]:
        return tuple(sorted((i for i in self.items if i.due_soon), key=_by_due))

    @property
    def this_month(self) -> tuple[PlannedItem, ...]:
        """What is on the plan this month: open items overdue or due this month, and doing items."""
        chosen = [
            i
            for i in self.items
            if i.is_open and (i.overdue or i.due_this_month or i.item.status is PlanStatus.DOING)
        ]
        return tuple(sorted(chosen, key=_by_due))

    @property
    def open_count(self) -> int:
        return sum(1 for i in self.items if i.is_open)


def _by_due(item: PlannedItem) -> tuple[bool, dt.date, str]:
    return (item.item.due is None, item.item.due or dt.date.max, item.item.skill.casefold())


def motivations_for(item: PlanItem, entry: Entry) -> tuple[Motivation, ...]:
    """What the entry noted (shortfalls, feedback, lessons), those sharing a word with the item first."""
    return _motivations(item, _notes(entry))


#: What an entry noted, each as an unrelated motivation with its stems: (stems, motivation).
_Notes = tuple[tuple[frozenset[str], "Motivation"], ...]


def _notes(entry: Entry) -> _Notes:
    """The entry's shortfalls, feedback and lessons in that order, each with its stems (once per entry)."""
    found = [("Fell short", t) for t in entry.fell_short]
    found += [("Feedback", entry.feedback.text)] if entry.feedback and entry.feedback.text.strip() else []
    found += [("Lesson", lesson.text) for lesson in entry.lessons]
    return tuple((_stems(text), Motivation(kind, text, False)) for kind, text in found)


def _motivations(item: PlanItem, notes: _Notes) -> tuple[Motivation, ...]:
    """The notes as motivations of `item`: those sharing a stem with it first, each part in the notes' order.

    The entry's plan items share its unrelated motivations: at 5,000 entries they were 60,000 objects.
    """
    item_stems = _stems(f"{item.skill} {item.action}")
    related = [Motivation(m.kind, m.text, True) for stems, m in notes if not item_stems.isdisjoint(stems)]
    others = [m for stems, m in notes if item_stems.isdisjoint(stems)]
    return (*related, *others)


def build_plan(journal: Journal) -> Plan:
    """Collect the plan items of every entry."""
    items: list[PlannedItem] = []
    for entry in journal.entries:
        if entry.development:
            notes = _notes(entry)  # shared by the entry's plan items
            items.extend(
                PlannedItem(i, entry, journal.today, _motivations(i, notes)) for i in entry.development
            )
    return Plan(tuple(items), journal.today)

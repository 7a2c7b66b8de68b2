"""Follow-ups: the dated things the journal asks of the user, for a calendar.

Upcoming rounds, feedback to chase, plan items due and questions due for
rehearsal again, each on the day it is due. Every source is a function of the
journal in `SOURCES`: another kind of follow-up is one more function there, and
every calendar export picks it up.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome, normalise_key
from growthlog.journal.feedback import CHASE_AFTER_DAYS, build_feedback_log
from growthlog.journal.plan import build_plan
from growthlog.journal.practice import build_practice

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class FollowUp:
    """One dated follow-up. `title` and `detail` are plain text made of public fields only."""

    kind: str
    """What it is: "round", "feedback", "plan" or "rehearsal" (a calendar's category)."""
    day: dt.date
    title: str
    detail: str
    entry: Entry
    """The entry it comes from (its date stamps the event, so an export is the same every day)."""
    key: str
    """The same from one export to the next (a calendar's UID): what it is about. `build_follow_ups`
    makes it unique, in the sources' order (a second plan item of one skill in one entry gets `/2`)."""


def upcoming_rounds(journal: Journal) -> Iterator[FollowUp]:
    """Rounds dated today or later and still pending: interviews to come."""
    for entry in journal.rounds:
        if entry.date >= journal.today and entry.outcome is Outcome.PENDING:
            yield FollowUp(
                "round",
                entry.date,
                f"Interview: {entry.title}",
                f"{entry.stage.label} round for {entry.role} at {entry.company}.",
                entry,
                f"round/{entry.path}",
            )


def feedback_to_chase(journal: Journal) -> Iterator[FollowUp]:
    """Feedback asked for and not come back: a reminder on the day it is worth chasing."""
    for record in journal.view(build_feedback_log).requests:
        if record.answered or record.requested is None:
            continue
        entry = record.entry
        yield FollowUp(
            "feedback",
            record.requested + dt.timedelta(days=CHASE_AFTER_DAYS),
            f"Chase feedback: {entry.company} · {entry.role}",
            f"Feedback asked for on {record.requested.isoformat()} after the {entry.stage.label.lower()} "
            f"round of {entry.date.isoformat()}; no answer written down yet.",
            entry,
            f"feedback/{entry.path}",
        )


def plan_items_due(journal: Journal) -> Iterator[FollowUp]:
    """Plan items not done that have a due date, on that date."""
    for planned in journal.view(build_plan).items:
        item = planned.item
        if not planned.is_open or item.due is None:
            continue
        yield FollowUp(
            "plan",
            item.due,
            f"Plan: {item.skill}",
            f"{item.action} ({item.status.label.lower()}; planned on {planned.entry.date.isoformat()}).",
            planned.entry,
            f"plan/{planned.entry.path}/{item.skill}",
        )


def rehearsals_due(journal: Journal) -> Iterator[FollowUp]:
    """Questions rehearsed before (see journal/rehearsal.py), on the day each is due again.

    A question never rehearsed has no day: it is due now, on the practice page. How a
    rehearsal went is left out (a published site leaves it out too); when is enough.
    """
    deck = journal.view(build_practice)
    for question in (*deck.due, *deck.later):
        schedule = question.schedule
        if schedule is None or schedule.due is None or schedule.last is None:
            continue
        yield FollowUp(
            "rehearsal",
            schedule.due,
            f"Rehearse: {question.text}",
            f"Last rehearsed on {schedule.last.date.isoformat()}; due again today. "
            "Run growthlog practice, or open the journal's practice page.",
            question.wording.last,
            f"rehearsal/{normalise_key(question.text)}",
        )


#: Every kind of follow-up, in the order a calendar lists same-day ones.
SOURCES: tuple[Callable[[Journal], Iterable[FollowUp]], ...] = (
    upcoming_rounds,
    feedback_to_chase,
    plan_items_due,
    rehearsals_due,
)


def build_follow_ups(journal: Journal) -> tuple[FollowUp, ...]:
    """Every follow-up of the journal, by day, then kind and key: the same journal gives the same list."""
    found: list[tuple[int, FollowUp]] = []
    seen: dict[str, int] = {}
    for i, source in enumerate(SOURCES):
        for follow_up in source(journal):
            seen[follow_up.key] = times = seen.get(follow_up.key, 0) + 1
            if times > 1:
                follow_up = dataclasses.replace(follow_up, key=f"{follow_up.key}/{times}")
            found.append((i, follow_up))
    found.sort(key=lambda pair: (pair[1].day, pair[0], pair[1].key))
    return tuple(f for _, f in found)

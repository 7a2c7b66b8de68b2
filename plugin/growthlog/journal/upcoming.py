"""Upcoming interviews: rounds written ahead, with a date after today and no outcome yet.

One rule, used by every view: a round is *upcoming* when its `date` is after the
journal's today and its outcome is `pending`. It is scheduled, not stale: its
application is active, it is not "the last round", and the timeline and home
show it apart from the rounds already held.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome

if TYPE_CHECKING:
    import datetime as dt

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal


def is_upcoming(entry: Entry, today: dt.date) -> bool:
    """True for a round that is still to come: dated after `today`, outcome pending."""
    return entry.date > today and entry.outcome is Outcome.PENDING


@dataclass(frozen=True, slots=True)
class UpcomingRound:
    """A round still to come, and how far off it is."""

    entry: Entry
    days_to_go: int
    """1 for tomorrow."""
    earlier_rounds: tuple[Entry, ...]
    """The rounds of its application held before it, oldest first."""


def build_upcoming(journal: Journal) -> tuple[UpcomingRound, ...]:
    """Every upcoming round, soonest first."""
    today = journal.today
    found = []
    for entry in journal.upcoming:
        app = journal.application_of.get(entry.path)
        earlier = tuple(r for r in app.rounds if r.date < entry.date) if app is not None else ()
        found.append(UpcomingRound(entry, (entry.date - today).days, earlier))
    return tuple(found)

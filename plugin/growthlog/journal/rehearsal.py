"""Rehearsal: when each question to revise is due again, from the practice log's ratings.

A simple spaced-repetition schedule, the same every time for the same log: after a
rehearsal rated R, the question is due again INTERVAL_DAYS[R] days later; each
earlier rating of WELL or better just before it doubles that wait (up to
MAX_INTERVAL_DAYS). So a question said well twice in a row rests two weeks, and
one that went badly is back the next day. A question whose last rating was WELL
or better and that is not due yet leaves the *To revise* list until it is due.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import normalise_key

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from growthlog.entries.practice_log import Rehearsal

#: Days until a question is due again after a rehearsal rated 1..5.
INTERVAL_DAYS = {1: 1, 2: 2, 3: 4, 4: 7, 5: 14}
#: A rating of at least this means "it went well": the question may leave To revise.
WELL = 4
MAX_INTERVAL_DAYS = 90


def next_due(rehearsals: Iterable[Rehearsal]) -> dt.date | None:
    """When a question rehearsed these times (in any order) is due again; None if never rehearsed."""
    history = sorted(rehearsals, key=lambda r: (r.date, r.line))
    if not history:
        return None
    last = history[-1]
    days = INTERVAL_DAYS[last.rating]
    if last.rating >= WELL:
        for earlier in reversed(history[:-1]):
            if earlier.rating < WELL:
                break
            days *= 2
    return last.date + dt.timedelta(days=min(days, MAX_INTERVAL_DAYS))


def by_question(rehearsals: Iterable[Rehearsal]) -> Mapping[str, tuple[Rehearsal, ...]]:
    """The rehearsals grouped by their question's normalised wording (as the question bank folds it)."""
    grouped: dict[str, list[Rehearsal]] = defaultdict(list)
    for rehearsal in rehearsals:
        grouped[normalise_key(rehearsal.card)].append(rehearsal)
    return {key: tuple(sorted(found, key=lambda r: (r.date, r.line))) for key, found in grouped.items()}


@dataclass(frozen=True, slots=True)
class Schedule:
    """Where one question stands in rehearsal."""

    rehearsals: tuple[Rehearsal, ...]
    """Oldest first."""
    due: dt.date | None
    """None: never rehearsed (due now)."""

    @property
    def last(self) -> Rehearsal | None:
        return self.rehearsals[-1] if self.rehearsals else None

    def is_due(self, today: dt.date) -> bool:
        return self.due is None or self.due <= today

    def rested(self, today: dt.date) -> bool:
        """Rehearsed well last time and not due yet: off the To revise list for now."""
        return self.last is not None and self.last.rating >= WELL and not self.is_due(today)


def schedule_of(wordings: Iterable[str], rehearsals: Mapping[str, tuple[Rehearsal, ...]]) -> Schedule:
    """The schedule of a question asked in these wordings (every wording's rehearsals count)."""
    keys = dict.fromkeys(normalise_key(text) for text in wordings)
    found = sorted((r for key in keys for r in rehearsals.get(key, ())), key=lambda r: (r.date, r.line))
    return Schedule(tuple(found), next_due(found))

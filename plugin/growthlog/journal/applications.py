"""Applications: the rounds of one hiring process, tied together.

Rounds share an application when they share an explicit `application` id, or
else the same company and role (compared without case, punctuation or spacing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome, Stage
from growthlog.journal.upcoming import is_upcoming

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from growthlog.entries.model import Entry


@dataclass(frozen=True, slots=True)
class Application:
    """One hiring process: its rounds in date order."""

    key: str
    rounds: tuple[Entry, ...]
    # Asked for by every page about every application: worked out once.
    _furthest: Stage | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def latest(self) -> Entry:
        return self.rounds[-1]

    @property
    def first(self) -> Entry:
        return self.rounds[0]

    @property
    def company(self) -> str:
        return self.latest.company

    @property
    def role(self) -> str:
        return self.latest.role

    @property
    def furthest_stage(self) -> Stage:
        if self._furthest is None:
            furthest = max((r.stage for r in self.rounds), key=lambda s: s.rank)
            object.__setattr__(self, "_furthest", furthest)  # frozen: set once, the same every time
            return furthest
        return self._furthest

    @property
    def outcome(self) -> Outcome:
        """The outcome of the latest round is where the process stands."""
        return self.latest.outcome

    def is_active(self, today: dt.date, ghost_after_days: int) -> bool:
        """Still going: a round is coming up, or not closed by its outcome and not silent for too long."""
        if is_upcoming(self.latest, today):
            return True  # scheduled, not stale
        if self.outcome.is_closed:
            return False
        if self.outcome is Outcome.OFFER:
            # An offer on the table stays live until it is accepted or declined.
            return True
        return (today - self.latest.date).days <= ghost_after_days

    def next_round(self, today: dt.date) -> Entry | None:
        """The soonest upcoming round of this process, if one is written ahead."""
        return next((r for r in self.rounds if is_upcoming(r, today)), None)

    def last_held(self, today: dt.date) -> Entry | None:
        """The latest round already held (on or before `today`), if any."""
        return next((r for r in reversed(self.rounds) if r.date <= today), None)

    def effective_outcome(self, today: dt.date, ghost_after_days: int) -> Outcome:
        """The outcome, with silence past the ghosting threshold counted as ghosted."""
        if is_upcoming(self.latest, today):
            return Outcome.PENDING
        if (
            self.outcome in (Outcome.PENDING, Outcome.ADVANCED)
            and (today - self.latest.date).days > ghost_after_days
        ):
            return Outcome.GHOSTED
        return self.outcome


def group_applications(entries: Iterable[Entry]) -> tuple[Application, ...]:
    """Group rounds into applications, ordered by their first round."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(entry.application_key, []).append(entry)
    apps = [
        Application(key, tuple(sorted(rounds, key=lambda e: (e.date, e.stage.rank, e.path))))
        for key, rounds in groups.items()
    ]
    apps.sort(key=lambda a: (a.first.date, a.key))
    return tuple(apps)

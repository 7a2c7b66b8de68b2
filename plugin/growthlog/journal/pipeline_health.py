"""Pipeline health: is the search still going? Shown on the home and progress pages.

"Keep the pipeline going": a search that waits on one promising process stalls
when that process ends. The panel counts the applications still active, how
long ago the last round was, and warns when fewer than `pipeline_floor`
applications are active.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome

if TYPE_CHECKING:
    import datetime as dt

    from growthlog.entries.model import Entry
    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class ActiveApplication:
    """An application still going, and how long it has been silent."""

    application: Application
    days_silent: int | None
    """Days since its last round held; None when every round of it is still to come."""
    next_round: Entry | None = None
    """Its soonest upcoming round (see upcoming.py)."""


@dataclass(frozen=True, slots=True)
class PipelineHealth:
    """The figures of the pipeline panel."""

    today: dt.date
    active: tuple[ActiveApplication, ...]
    ghosted: int
    """Applications ghosted: written as ghosted, or silent past `ghost_after_days` while pending or advanced."""
    last_round: dt.date | None
    """The latest round on or before today."""
    next_round: dt.date | None
    """The soonest upcoming round (after today, pending), if any."""
    floor: int
    ghost_after_days: int

    @property
    def active_count(self) -> int:
        return len(self.active)

    @property
    def below_floor(self) -> bool:
        return self.active_count < self.floor

    @property
    def days_since_last_round(self) -> int | None:
        return None if self.last_round is None else (self.today - self.last_round).days

    @property
    def days_to_next_round(self) -> int | None:
        return None if self.next_round is None else (self.next_round - self.today).days


def pipeline_health(journal: Journal) -> PipelineHealth:
    """Where the pipeline stands on the journal's 'today'."""
    settings = journal.settings
    today = settings.today
    active = []
    for app in journal.applications:
        if not app.is_active(today, settings.ghost_after_days):
            continue
        held = app.last_held(today)
        silent = None if held is None else (today - held.date).days
        active.append(ActiveApplication(app, silent, app.next_round(today)))
    ghosted = sum(
        1
        for app in journal.applications
        if app.effective_outcome(today, settings.ghost_after_days) is Outcome.GHOSTED
    )
    past = [entry.date for entry in journal.rounds if entry.date <= today]
    # Soonest interview first, then the least silent (an application written ahead only: last).
    active.sort(
        key=lambda a: (
            a.next_round is None,
            a.next_round.date if a.next_round else today,
            a.days_silent if a.days_silent is not None else 0,
        )
    )
    return PipelineHealth(
        today=today,
        active=tuple(active),
        ghosted=ghosted,
        last_round=max(past, default=None),
        next_round=journal.upcoming[0].date if journal.upcoming else None,
        floor=settings.pipeline_floor,
        ghost_after_days=settings.ghost_after_days,
    )


def context(journal: Journal) -> dict[str, PipelineHealth]:
    """What `_pipeline.html` needs, for any page that includes the panel."""
    return {"pipeline": pipeline_health(journal)}

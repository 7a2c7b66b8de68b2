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

    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class ActiveApplication:
    """An application still going, and how long it has been silent."""

    application: Application
    days_silent: int


@dataclass(frozen=True, slots=True)
class PipelineHealth:
    """The figures of the pipeline panel."""

    today: dt.date
    active: tuple[ActiveApplication, ...]
    ghosted: int
    """Applications ghosted: written as ghosted, or silent past `ghost_after_days` while pending or advanced."""
    last_round: dt.date | None
    """The latest round on or before today."""
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


def pipeline_health(journal: Journal) -> PipelineHealth:
    """Where the pipeline stands on the journal's 'today'."""
    settings = journal.settings
    today = settings.today
    active = tuple(
        ActiveApplication(app, max(0, (today - app.latest.date).days))
        for app in journal.applications
        if app.is_active(today, settings.ghost_after_days)
    )
    ghosted = sum(
        1
        for app in journal.applications
        if app.effective_outcome(today, settings.ghost_after_days) is Outcome.GHOSTED
    )
    past = [entry.date for entry in journal.rounds if entry.date <= today]
    return PipelineHealth(
        today=today,
        active=tuple(sorted(active, key=lambda a: a.days_silent)),
        ghosted=ghosted,
        last_round=max(past, default=None),
        floor=settings.pipeline_floor,
        ghost_after_days=settings.ghost_after_days,
    )


def context(journal: Journal) -> dict[str, PipelineHealth]:
    """What `_pipeline.html` needs, for any page that includes the panel."""
    return {"pipeline": pipeline_health(journal)}

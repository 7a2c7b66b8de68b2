"""The timeline: every round newest first, grouped by year and month, tied to its application."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome
from growthlog.entries.urls import Anchors

if TYPE_CHECKING:
    import datetime as dt

    from growthlog.entries.model import Entry, Stage
    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """How one application went: its rounds, furthest stage and final outcome."""

    application: Application
    anchor: str
    """The id of its row on the timeline page."""
    outcome: Outcome
    """The final outcome, with silence past the ghosting threshold counted as ghosted."""
    active: bool

    @property
    def rounds(self) -> tuple[Entry, ...]:
        return self.application.rounds

    @property
    def furthest_stage(self) -> Stage:
        return self.application.furthest_stage

    @property
    def company(self) -> str:
        return self.application.company

    @property
    def role(self) -> str:
        return self.application.role

    @property
    def started(self) -> dt.date:
        return self.application.first.date

    @property
    def last_round(self) -> dt.date:
        return self.application.latest.date


@dataclass(frozen=True, slots=True)
class TimelineRound:
    """One round on the timeline, with its place in its application."""

    entry: Entry
    application: ApplicationSummary
    number: int
    """1 for the first round of its application."""


@dataclass(frozen=True, slots=True)
class Month:
    """The rounds of one calendar month, newest first."""

    first_day: dt.date
    anchor: str
    rounds: tuple[TimelineRound, ...]
    notes: tuple[Entry, ...] = ()
    """The journal notes written this month, newest first: shown among the rounds, never counted as one."""

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        """Every outcome found in this month, in `Outcome` order (the filter hides months without one)."""
        return _in_order({r.entry.outcome for r in self.rounds})


@dataclass(frozen=True, slots=True)
class Year:
    """The months of one year that have rounds, newest first."""

    year: int
    anchor: str
    months: tuple[Month, ...]

    @property
    def round_count(self) -> int:
        return sum(len(m.rounds) for m in self.months)

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return _in_order({o for m in self.months for o in m.outcomes})


@dataclass(frozen=True, slots=True)
class Timeline:
    """The timeline page's content."""

    years: tuple[Year, ...]
    """The years with rounds held or journal notes, newest first; upcoming rounds are listed apart."""
    applications: tuple[ApplicationSummary, ...]
    """Most recently active first."""
    outcome_counts: tuple[tuple[Outcome, int], ...]
    """Rounds per outcome, in the order of `Outcome`, only outcomes that occur."""
    upcoming: tuple[TimelineRound, ...] = ()
    """Rounds still to come (see upcoming.py), soonest first."""

    @property
    def filter_outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes worth a filter link: those of some round or some application."""
        present = {o for o, _ in self.outcome_counts} | {a.outcome for a in self.applications}
        return tuple(o for o in Outcome if o in present)

    @property
    def round_count(self) -> int:
        """The rounds that took place (the upcoming ones are counted apart, as home counts them)."""
        return sum(y.round_count for y in self.years)


def _in_order(outcomes: set[Outcome]) -> tuple[Outcome, ...]:
    # A stable order keeps the generated HTML identical from one build to the next.
    return tuple(o for o in Outcome if o in outcomes)


def summarise_applications(journal: Journal) -> tuple[ApplicationSummary, ...]:
    """Every application with its final outcome, the most recently active first."""
    anchors = Anchors()
    settings = journal.settings
    summaries = [
        ApplicationSummary(
            application=app,
            anchor=anchors.make("application", f"{app.company} {app.role}"),
            outcome=app.effective_outcome(journal.today, settings.ghost_after_days),
            active=app.is_active(journal.today, settings.ghost_after_days),
        )
        for app in journal.applications
    ]
    summaries.sort(key=lambda s: (s.last_round, s.started), reverse=True)
    return tuple(summaries)


def build_timeline(journal: Journal) -> Timeline:
    """Group the journal's rounds by year and month, newest first."""
    summaries = summarise_applications(journal)
    by_key = {s.application.key: s for s in summaries}
    rounds: list[TimelineRound] = []
    upcoming: list[TimelineRound] = []
    coming = {e.path for e in journal.upcoming}
    for entry in journal.newest_first:
        summary = by_key[entry.application_key]
        number = next(i for i, r in enumerate(summary.rounds, 1) if r.path == entry.path)
        (upcoming if entry.path in coming else rounds).append(TimelineRound(entry, summary, number))
    upcoming.reverse()  # soonest first

    months: dict[dt.date, list[TimelineRound]] = {}
    for item in rounds:
        months.setdefault(item.entry.date.replace(day=1), []).append(item)
    notes: dict[dt.date, list[Entry]] = {}
    for note in reversed(journal.notes):
        notes.setdefault(note.date.replace(day=1), []).append(note)
        months.setdefault(note.date.replace(day=1), [])
    years: dict[int, list[Month]] = {}
    for first_day in sorted(months, reverse=True):
        anchor = f"month-{first_day:%Y-%m}"
        month = Month(first_day, anchor, tuple(months[first_day]), tuple(notes.get(first_day, ())))
        years.setdefault(first_day.year, []).append(month)

    counts = Counter(e.outcome for e in journal.rounds)
    return Timeline(
        years=tuple(Year(year, f"year-{year}", tuple(ms)) for year, ms in years.items()),
        applications=summaries,
        outcome_counts=tuple((o, counts[o]) for o in Outcome if counts[o]),
        upcoming=tuple(upcoming),
    )

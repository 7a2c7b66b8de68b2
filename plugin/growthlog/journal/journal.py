"""The journal: every visible entry and the settings its views are built with.

Built once per build ("collect first, render later"); every view (timeline,
lessons, questions, plan, progress, insights) reads from it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from growthlog.entries.urls import entry_url
from growthlog.journal.applications import Application, group_applications
from growthlog.journal.upcoming import is_upcoming

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from growthlog.entries.model import Entry
    from growthlog.entries.practice_log import Rehearsal
    from growthlog.journal.settings import Settings

V = TypeVar("V")


class Journal:
    """The entries a build shows (drafts left out when publishing), with their applications.

    `entries` holds every shown entry, journal notes included; `rounds` only the interview
    rounds, which is what every count of rounds, applications, stages and outcomes reads.
    """

    def __init__(
        self, entries: Iterable[Entry], settings: Settings, rehearsals: Iterable[Rehearsal] = ()
    ) -> None:
        self.settings = settings
        #: The practice log's rehearsals (see entries/practice_log.py); its dates feed the pages.
        self.rehearsals: tuple[Rehearsal, ...] = tuple(rehearsals)
        self.entries: tuple[Entry, ...] = tuple(
            sorted(
                (e for e in entries if settings.shows_private or not e.draft),
                key=lambda e: (e.date, e.path),
            )
        )
        #: The interview rounds, oldest first: no journal note is a round.
        self.rounds: tuple[Entry, ...] = tuple(e for e in self.entries if not e.is_note)
        #: The journal notes (`kind: note`), oldest first.
        self.notes: tuple[Entry, ...] = tuple(e for e in self.entries if e.is_note)
        self._views: dict[Callable[[Journal], Any], Any] = {}

    def view(self, build: Callable[[Journal], V]) -> V:
        """`build(self)`, worked out once: the home page shows parts of the question bank,
        the plan and the feedback log, which have pages of their own too."""
        if build not in self._views:
            self._views[build] = build(self)
        result: V = self._views[build]
        return result

    @property
    def today(self) -> dt.date:
        return self.settings.today

    @cached_property
    def applications(self) -> tuple[Application, ...]:
        return group_applications(self.rounds)

    @cached_property
    def application_of(self) -> dict[str, Application]:
        """The application each entry (by path) belongs to."""
        return {entry.path: app for app in self.applications for entry in app.rounds}

    @cached_property
    def newest_first(self) -> tuple[Entry, ...]:
        """The rounds, newest first."""
        return tuple(reversed(self.rounds))

    @cached_property
    def upcoming(self) -> tuple[Entry, ...]:
        """Rounds still to come (see `is_upcoming`), soonest first."""
        return tuple(e for e in self.rounds if is_upcoming(e, self.today))

    @cached_property
    def held(self) -> tuple[Entry, ...]:
        """Every round but the upcoming ones, in date order (no journal note)."""
        if not self.upcoming:
            return self.rounds
        return tuple(e for e in self.rounds if not is_upcoming(e, self.today))

    def url(self, entry: Entry) -> str:
        """The entry page's URL relative to the site root."""
        return entry_url(entry.path, self.settings.directory_urls)

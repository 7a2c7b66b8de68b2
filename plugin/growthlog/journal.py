"""The journal: every visible entry and the settings its views are built with.

Built once per build ("collect first, render later"); every view (timeline,
lessons, questions, plan, progress, insights) reads from it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from growthlog.applications import Application, group_applications
from growthlog.reader import page_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from growthlog.model import Entry

V = TypeVar("V")

TODAY_ENV = "GROWTHLOG_TODAY"


class Mode(str, Enum):
    """Local shows everything, drafts and private parts marked; publish leaves them out."""

    LOCAL = "local"
    PUBLISH = "publish"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the views depend on besides the entries."""

    today: dt.date = field(default_factory=dt.date.today)
    mode: Mode = Mode.PUBLISH
    pipeline_floor: int = 3
    ghost_after_days: int = 21
    directory_urls: bool = True

    @property
    def shows_private(self) -> bool:
        return self.mode is Mode.LOCAL


def resolve_today(configured: str | dt.date | None) -> dt.date:
    """'Today' for reproducible builds: the GROWTHLOG_TODAY variable, then the config, then the clock."""
    raw = os.environ.get(TODAY_ENV) or configured
    if raw is None or raw == "":
        return dt.date.today()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValueError(f"'today' must be a date YYYY-MM-DD; found {str(raw)!r}") from None


class Journal:
    """The entries a build shows (drafts left out when publishing), with their applications."""

    def __init__(self, entries: Iterable[Entry], settings: Settings) -> None:
        self.settings = settings
        self.entries: tuple[Entry, ...] = tuple(
            sorted(
                (e for e in entries if settings.shows_private or not e.draft),
                key=lambda e: (e.date, e.path),
            )
        )
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
        return group_applications(self.entries)

    @cached_property
    def application_of(self) -> dict[str, Application]:
        """The application each entry (by path) belongs to."""
        return {entry.path: app for app in self.applications for entry in app.rounds}

    @cached_property
    def newest_first(self) -> tuple[Entry, ...]:
        return tuple(reversed(self.entries))

    def url(self, entry: Entry) -> str:
        """The entry page's URL relative to the site root."""
        return entry_url(entry.path, self.settings.directory_urls)


def entry_url(rel: str, directory_urls: bool = True) -> str:
    """Where MkDocs publishes the page for a Markdown file (relative to the site root)."""
    if directory_urls:
        return page_url(rel)
    return rel[: -len(".md")] + ".html"


def relative_prefix(page_url_: str) -> str:
    """The `../` prefix that leads from a page at `page_url_` back to the site root."""
    return "../" * page_url_.count("/")

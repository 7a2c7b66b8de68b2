"""What a rebuild of the live preview (`mkdocs serve`) may reuse from the one before.

A save in the editor changes one entry, most often only its notes. The journal
pages (home, timeline, lessons, questions, plan, progress, insights) and the
headers of the other rounds of its application show its front matter but not
its notes, so after such a save they are the same HTML as before: `ShownEntries`
says when, cheaply enough to ask on every rebuild. A `BuildRecord` keeps what one
build made its pages from, for the next rebuild to compare with.
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from growthlog.entries.model import Entry
    from growthlog.pages.toc import Heading


def template_stamps(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Path, modification time and size of every template file in `folders`.

    An edited template (ours or a user's override) changes the pages it renders;
    a few dozen stat calls say so without reading anything.
    """
    stamps: list[tuple[str, int, int]] = []
    for folder in folders:
        for dirpath, _dirnames, filenames in os.walk(folder):
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    stat = os.stat(path)
                except OSError:  # removed while we looked: the next rebuild sees it gone
                    continue
                stamps.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(stamps))


@dataclasses.dataclass(frozen=True, slots=True)
class EntryPageInputs:
    """What an entry page was built from: its entry and the rounds of its application.

    The header shows the other rounds' dates, stages and outcomes only, so when only
    another round changed (its company, a question...) the page may well come out the
    same: the header's hash (`BuildRecord.headers`) tells, without keeping every
    header's text for the whole serve.
    """

    entry: Entry
    rounds: ShownEntries
    plan: tuple[object, ...] = ()
    """What its header shows of its plan items' lives in other entries (`Plan.shown_with`)."""

    def same_entry(self, other: EntryPageInputs) -> bool:
        """The same entry, notes included (the cache hands back the same object when unchanged)."""
        return self.entry is other.entry or self.entry == other.entry


@dataclasses.dataclass(frozen=True, slots=True)
class SharedInputs:
    """What every page shows or depends on besides the entries: a change rebuilds every page.

    Settings and the problems notice show on every page; another site or docs folder
    is another site (MkDocs keeps its plugin for the whole process); the templates
    (growthlog's and the user's overrides) can be edited while serving.
    """

    settings: object
    problems: tuple[object, ...]
    site_name: str
    site_dir: str
    docs_dir: str
    templates: tuple[tuple[str, int, int], ...]
    #: The practice log's rehearsals: they decide To revise, the practice page and prep sheets.
    rehearsals: tuple[object, ...] = ()


@dataclasses.dataclass(slots=True)
class BuildRecord:
    """What one build made its pages from; the next `--dirty` rebuild compares with the last finished one."""

    shared: SharedInputs
    #: The entries as the journal pages show them (notes aside).
    journal_entries: ShownEntries
    #: Each entry page's inputs, by source path.
    entry_pages: dict[str, EntryPageInputs] = dataclasses.field(default_factory=dict)
    #: The hash of each entry page's header as built, by source path.
    headers: dict[str, int] = dataclasses.field(default_factory=dict)
    #: The HTML each journal page was built with, by source path.
    journal_html: dict[str, str] = dataclasses.field(default_factory=dict)
    #: The source path of every page the build made (a `--dirty` serve removes those gone since).
    pages: frozenset[str] = frozenset()
    #: The Markdown each journal page was built with (a prep sheet's round's notes), by source path.
    journal_markdown: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, slots=True)
class KeptJournalPage:
    """A journal page a serve keeps: what it was rendered from, its HTML and its headings."""

    inputs: tuple[SharedInputs, ShownEntries]
    html: str
    headings: list[Heading]


def _without_notes(entry: Entry) -> Entry:
    return dataclasses.replace(entry, body="", body_line=0)


class ShownEntries:
    """Entries as the journal pages and the headers of other rounds show them: notes aside.

    Two are equal when they hold the same entries in the same order, ignoring each
    entry's notes (its Markdown body), which only its own page shows. The entry
    cache hands back the same `Entry` object for a file that did not change, so
    nearly every pair is told apart by identity, and only a saved entry is
    compared field by field.
    """

    __slots__ = ("entries", "fields")

    def __init__(self, entries: Iterable[Entry], fields: tuple[str, ...] | None = None) -> None:
        self.entries = tuple(entries)
        #: Compare only these fields (one page's `SHOWN_FIELDS`); None: every field but the notes.
        self.fields = fields

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ShownEntries):
            return NotImplemented
        return (
            self.fields == other.fields
            and len(self.entries) == len(other.entries)
            and all(
                mine is theirs or self._shown(mine) == self._shown(theirs)
                for mine, theirs in zip(self.entries, other.entries, strict=True)
            )
        )

    def _shown(self, entry: Entry) -> object:
        if self.fields is None:
            return _without_notes(entry)
        return tuple(getattr(entry, name) for name in self.fields)

    __hash__ = None  # type: ignore[assignment]  # compared, never used as a key

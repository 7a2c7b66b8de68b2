"""What a rebuild of the live preview (`mkdocs serve`) may reuse from the one before.

A save in the editor changes one entry, most often only its notes. The journal
pages (home, timeline, lessons, questions, plan, progress, insights) and the
headers of the other rounds of its application show its front matter but not
its notes, so after such a save they are the same HTML as before: `ShownEntries`
says when, cheaply enough to ask on every rebuild. `TemplateCodeCache` keeps the theme's compiled templates from one
rebuild to the next (MkDocs makes a new theme environment each time).
"""

from __future__ import annotations

import dataclasses
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from growthlog.entries.model import Entry


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


class EntryPageInputs:
    """What an entry page was built from: its entry, the rounds of its application, its header.

    The header shows the other rounds' dates, stages and outcomes only, so when only
    another round changed (its company, a question...) the page may well come out the
    same: `header` (a hash of the header's HTML) tells, without keeping every
    header's text for the whole serve.
    """

    __slots__ = ("entry", "header", "rounds")

    def __init__(self, entry: Entry, rounds: Iterable[Entry], header: int | None = None) -> None:
        self.entry = entry
        self.rounds = ShownEntries(rounds)
        self.header = header

    def same_entry(self, other: EntryPageInputs) -> bool:
        """The same entry, notes included (the cache hands back the same object when unchanged)."""
        return self.entry is other.entry or self.entry == other.entry


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

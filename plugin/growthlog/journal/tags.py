"""Tags: every tag with the rounds and journal notes that carry it, for the tags page.

Tags are folded as the insights page folds them (`normalise_key`: case, punctuation
and spacing ignored), so "Python" and "python" are one tag, labelled with the first
spelling written. Drafts are in only where the journal shows them (never in a publish build).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.urls import tag_anchor
from growthlog.journal.wording import by_spelling

if TYPE_CHECKING:
    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class TagGroup:
    """One tag (folded) and its entries, newest first."""

    label: str
    anchor: str
    entries: tuple[Entry, ...]

    @property
    def rounds(self) -> int:
        return sum(1 for e in self.entries if not e.is_note)

    @property
    def notes(self) -> int:
        return len(self.entries) - self.rounds


def build_tags(journal: Journal) -> tuple[TagGroup, ...]:
    """Every tag of the journal's entries, alphabetically (ignoring case)."""
    groups = [
        TagGroup(label, tag_anchor(label), tuple(reversed(entries)))
        for label, entries in by_spelling(journal.entries, lambda entry: entry.tags)
    ]
    groups.sort(key=lambda g: (g.label.casefold(), g.anchor))
    return tuple(groups)

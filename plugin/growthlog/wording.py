"""Group free text written in several entries: the same words, whatever their case, punctuation or spacing.

Lessons, "went well" / "fell short" items and questions are typed anew in every
entry; `group_wordings` folds them with `model.normalise_key` so that one idea
shows once, with its count and every entry it came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from growthlog.model import normalise_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from growthlog.model import Entry

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Mention(Generic[T]):
    """One occurrence of a text in one entry, with the item it belongs to (a lesson, a question...)."""

    entry: Entry
    text: str
    item: T


@dataclass(frozen=True, slots=True)
class Wording(Generic[T]):
    """Every mention of one normalised text, in date order."""

    key: str
    mentions: tuple[Mention[T], ...]
    text: str
    """The most common original wording (the earliest one on a tie)."""

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries it was written in, each once, in date order."""
        seen: dict[str, Entry] = {}
        for mention in self.mentions:
            seen.setdefault(mention.entry.path, mention.entry)
        return tuple(seen.values())

    @property
    def first(self) -> Entry:
        return self.mentions[0].entry

    @property
    def last(self) -> Entry:
        return self.mentions[-1].entry


def most_common(texts: Iterable[str]) -> str:
    """The text written most often; on a tie, the one written first. Empty texts are ignored."""
    counts = Counter(t for t in texts if t.strip())
    if not counts:
        return ""
    # Counter keeps first-insertion order, and most_common is stable on ties.
    return counts.most_common(1)[0][0]


def group_wordings(mentions: Iterable[Mention[T]]) -> tuple[Wording[T], ...]:
    """Group mentions by normalised text; most mentioned first, then the most recently mentioned."""
    groups: dict[str, list[Mention[T]]] = {}
    for mention in sorted(mentions, key=lambda m: (m.entry.date, m.entry.path)):
        key = normalise_key(mention.text)
        if key:
            groups.setdefault(key, []).append(mention)
    # Most texts are written once: their wording needs no count.
    wordings = [
        Wording(key, tuple(items), items[0].text if len(items) == 1 else most_common(m.text for m in items))
        for key, items in groups.items()
    ]
    wordings.sort(key=lambda w: w.key)
    wordings.sort(key=lambda w: (w.count, w.last.date, w.last.path), reverse=True)
    return tuple(wordings)

"""Group free text written in several entries: the same words, whatever their case, punctuation or spacing.

Lessons, "went well" / "fell short" items and questions are typed anew in every
entry; `group_wordings` folds them with `model.normalise_key` so that one idea
shows once, with its count and every entry it came from.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from growthlog.entries.model import normalise_key
from growthlog.journal.similarity import clusters

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from growthlog.entries.model import Entry

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Mention(Generic[T]):
    """One occurrence of a text in one entry, with the item it belongs to (a lesson, a question...)."""

    entry: Entry
    text: str
    item: T
    group: str = ""
    """What groups it, when not its own text: a question's topic (see `questions.group_keys`)."""


@dataclass(frozen=True, slots=True)
class Wording(Generic[T]):
    """Every mention of one normalised text, in date order."""

    key: str
    mentions: tuple[Mention[T], ...]
    text: str
    """The most common original wording (the earliest one on a tie)."""
    variants: tuple[str, ...] = ()
    """Other wordings of the same thing grouped under it (`merge_alike`), most written first."""

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries it was written in, each once, in date order."""
        if len(self.mentions) == 1:  # most texts are written once
            return (self.mentions[0].entry,)
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


def by_spelling(items: Iterable[T], values: Callable[[T], Iterable[str]]) -> list[tuple[str, list[T]]]:
    """Each value the items hold (folded by `normalise_key`: case, punctuation and spacing ignored),
    labelled with the first spelling met, with the items holding it in their order, each once."""
    labels: dict[str, str] = {}
    members: dict[str, list[T]] = {}
    for item in items:
        seen: set[str] = set()
        for value in values(item):
            key = normalise_key(value)
            if key in seen:
                continue
            seen.add(key)
            labels.setdefault(key, value)
            members.setdefault(key, []).append(item)
    return [(labels[key], held) for key, held in members.items()]


def group_wordings(mentions: Iterable[Mention[T]]) -> tuple[Wording[T], ...]:
    """Group mentions by normalised text; most mentioned first, then the most recently mentioned.

    Ties (as often and last in the same entry) are in the order of their normalised text.
    """
    ordered = _in_entry_order(list(mentions))
    # At 5,000 entries most of some 30,000 lessons and reflections are written once: each
    # is kept as its mention alone, and only texts written again get a list.
    first: dict[str, Mention[T]] = {}
    again: dict[str, list[Mention[T]]] = {}
    # Each mention's entry by its place in the journal (mentions come in entry order):
    # "the most recently mentioned" is then a number, not a (date, path) pair per text.
    place: dict[str, int] = {}
    entry_place = -1
    previous: Entry | None = None
    for mention in ordered:
        entry = mention.entry
        if previous is None or entry.date != previous.date or entry.path != previous.path:
            entry_place += 1
        previous = entry
        key = mention.group or normalise_key(mention.text)
        if not key:
            continue
        place[key] = entry_place
        if key not in first:
            first[key] = mention
        elif key in again:
            again[key].append(mention)
        else:
            again[key] = [first[key], mention]
    keys = sorted(first)  # ties keep this order: the sort below is stable
    wordings = [_wording(key, first[key], again.get(key)) for key in keys]
    # How often (the count, then the place of its latest entry) as one number per text.
    places = entry_place + 1
    rank = [places * w.count + place[w.key] for w in wordings]
    order = sorted(range(len(wordings)), key=rank.__getitem__, reverse=True)
    return tuple(wordings[i] for i in order)


def merge_alike(wordings: Sequence[Wording[T]]) -> tuple[Wording[T], ...]:
    """Near-duplicates (see similarity.py) grouped under their most written wording, the others as variants.

    `wordings` come most written first (as `group_wordings` gives them), so each group's
    first is its most written wording; the groups are ranked again by their new counts
    (the most recently written first among equals), a stable sort keeping the order otherwise.
    """
    groups = clusters([w.text for w in wordings])
    if not groups:
        return tuple(wordings)
    merged: dict[int, Wording[T]] = {}
    absorbed: set[int] = set()
    for members in groups:
        head = wordings[members[0]]
        mentions = sorted(
            (m for i in members for m in wordings[i].mentions), key=lambda m: (m.entry.date, m.entry.path)
        )
        variants = tuple(wordings[i].text for i in members[1:])
        merged[members[0]] = Wording(head.key, tuple(mentions), head.text, variants)
        absorbed.update(members[1:])
    out = [merged.get(i, w) for i, w in enumerate(wordings) if i not in absorbed]
    out.sort(key=lambda w: (w.count, w.last.date, w.last.path), reverse=True)
    return tuple(out)


def _in_entry_order(mentions: list[Mention[T]]) -> list[Mention[T]]:
    """The mentions in the order of their entries (date, then path), those of one entry as given.

    The pages pass them in the journal's order already: checked, not sorted again.
    """
    for before, after in itertools.pairwise(mentions):
        a, b = before.entry, after.entry
        if a is not b and (b.date < a.date or (b.date == a.date and b.path < a.path)):
            return sorted(mentions, key=lambda m: (m.entry.date, m.entry.path))
    return mentions


def _wording(key: str, first: Mention[T], others: list[Mention[T]] | None) -> Wording[T]:
    """The wording of one text: written once (`first` alone) or again (`others`, all its mentions)."""
    if others is None:  # written once: its wording needs no count
        return Wording(key, (first,), first.text)
    return Wording(key, tuple(others), most_common(m.text for m in others))

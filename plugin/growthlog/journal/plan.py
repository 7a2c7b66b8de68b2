"""The development plan: one item per skill across every entry, where it stands, why, and whether it worked.

- **Identity.** Plan items with the same skill (ignoring case and punctuation), in any
  round or journal note, are one item. The latest entry's status, due date and action
  win; the item keeps the history of what each entry said.
- **Why, only when known.** An item's motivation is what its `because:` names (the
  fell-short, feedback or lesson text it repeats or starts). Without `because:`, a
  text of the entry that added it may be offered, marked as a suggestion, when it
  names the skill or says much the same; nothing is guessed from a shared word.
- **The loop.** For an item marked done, a later fell-short, feedback or lesson that
  matches it (its `because:`, or its skill) means the weakness came back; done and not
  seen again in the later rounds, it is closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from growthlog.entries.model import PlanItem, PlanStatus, normalise_key
from growthlog.journal.similarity import alike, signature

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

#: Plan items due within this many days count as "due soon" on the home page.
DUE_SOON_DAYS = 14
#: How many items "This month" lists on the plan page; the status sections below have them all.
THIS_MONTH_SHOWN = 10

FELL_SHORT = "Fell short"
FEEDBACK = "Feedback"
LESSON = "Lesson"


@dataclass(frozen=True, slots=True)
class Said:
    """A fell-short item, a feedback text or a lesson, and the entry it was written in."""

    kind: str
    """FELL_SHORT, FEEDBACK or LESSON."""
    text: str
    entry: Entry


@dataclass(frozen=True, slots=True)
class Motivation:
    """Why an item is on the plan: what its `because:` names, or a suggestion marked as such."""

    because: str
    """The item's `because:` as written, or empty for a suggestion."""
    said: Said | None
    """The text it names (None when `because:` matches nothing written)."""

    @property
    def suggested(self) -> bool:
        """Offered by the journal, not named by the author."""
        return not self.because


@dataclass(frozen=True, slots=True)
class PlanStep:
    """What one entry said about an item."""

    entry: Entry
    item: PlanItem


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One plan item across entries: where it stands today (the latest entry wins) and its history."""

    item: PlanItem
    """Its latest state: the latest entry's status, and its latest action and due date."""
    entry: Entry
    """The entry that first wrote it."""
    today: dt.date
    history: tuple[PlanStep, ...] = ()
    """Every entry that wrote it, oldest first (only `entry`'s step when built by hand)."""
    motivation: Motivation | None = None
    came_back: Said | None = None
    """For a done item: the first later text that says the weakness is back."""
    later_rounds: int = 0
    """For a done item: the rounds after it was marked done."""

    @property
    def key(self) -> str:
        return item_key(self.item)

    @property
    def latest(self) -> Entry:
        return self.history[-1].entry if self.history else self.entry

    @property
    def changes(self) -> tuple[PlanStep, ...]:
        """The steps where its status changed (the first step is when it was added)."""
        steps = self.history or (PlanStep(self.entry, self.item),)
        out = [steps[0]]
        for step in steps[1:]:
            if step.item.status is not out[-1].item.status:
                out.append(step)
        return tuple(out)

    @property
    def done_on(self) -> dt.date | None:
        """The date of the entry that marked it done (the last time), or None while it is open."""
        if self.is_open:
            return None
        return self.changes[-1].entry.date

    @property
    def is_open(self) -> bool:
        return self.item.status is not PlanStatus.DONE

    @property
    def closed(self) -> bool:
        """Done, and its weakness not seen again in the rounds since."""
        return not self.is_open and self.came_back is None and self.later_rounds > 0

    @property
    def untested(self) -> bool:
        """Done, with no round since to tell whether it worked."""
        return not self.is_open and self.came_back is None and self.later_rounds == 0

    @property
    def overdue(self) -> bool:
        """Not done and its due date has passed."""
        return self.is_open and self.item.due is not None and self.item.due < self.today

    @property
    def due_soon(self) -> bool:
        """Not done and due today or within DUE_SOON_DAYS days."""
        if not self.is_open or self.item.due is None:
            return False
        return 0 <= (self.item.due - self.today).days <= DUE_SOON_DAYS

    @property
    def due_this_month(self) -> bool:
        due = self.item.due
        return due is not None and (due.year, due.month) == (self.today.year, self.today.month)

    @property
    def days_overdue(self) -> int:
        return (self.today - self.item.due).days if self.overdue and self.item.due else 0


@dataclass(frozen=True, slots=True)
class StatusGroup:
    """The plan items of one status."""

    status: PlanStatus
    items: tuple[PlannedItem, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """The plan page's content."""

    items: tuple[PlannedItem, ...]
    today: dt.date
    by_key: dict[str, PlannedItem] = field(default_factory=dict)
    """The items by `item_key`, for `item_of` (filled by `build_plan`)."""

    @property
    def by_status(self) -> tuple[StatusGroup, ...]:
        """To do, doing, done: open items by due date (undated last), done items latest done first."""
        groups = []
        for status in PlanStatus:
            items = [i for i in self.items if i.item.status is status]
            if status is PlanStatus.DONE:
                items.sort(key=lambda i: i.done_on or i.entry.date, reverse=True)
            else:
                items.sort(key=_by_due)
            groups.append(StatusGroup(status, tuple(items)))
        return tuple(groups)

    @property
    def overdue(self) -> tuple[PlannedItem, ...]:
        return tuple(sorted((i for i in self.items if i.overdue), key=_by_due))

    @property
    def due_soon(self) -> tuple[PlannedItem, ...]:
        return tuple(sorted((i for i in self.items if i.due_soon), key=_by_due))

    @property
    def this_month(self) -> tuple[PlannedItem, ...]:
        """What is on the plan this month: open items overdue or due this month, and doing items."""
        chosen = [
            i
            for i in self.items
            if i.is_open and (i.overdue or i.due_this_month or i.item.status is PlanStatus.DOING)
        ]
        return tuple(sorted(chosen, key=_by_due))

    @property
    def open_count(self) -> int:
        return sum(1 for i in self.items if i.is_open)

    @property
    def done(self) -> tuple[PlannedItem, ...]:
        """The done items, latest done first."""
        return next(g.items for g in self.by_status if g.status is PlanStatus.DONE)

    @property
    def closed(self) -> tuple[PlannedItem, ...]:
        return tuple(i for i in self.done if i.closed)

    @property
    def came_back(self) -> tuple[PlannedItem, ...]:
        return tuple(i for i in self.done if i.came_back is not None)

    @property
    def untested(self) -> tuple[PlannedItem, ...]:
        return tuple(i for i in self.done if i.untested)

    def item_of(self, item: PlanItem) -> PlannedItem | None:
        """The plan item an entry's item is part of."""
        return self.by_key.get(item_key(item))

    def shown_with(self, entry: Entry) -> tuple[object, ...]:
        """What an entry's page shows of its items' lives in other entries (where each stands now,
        whether it came back): a rebuild compares it to tell whether the page changed."""
        out: list[object] = []
        for item in entry.development:
            planned = self.item_of(item)
            if planned is not None:
                back = planned.came_back
                out.append(
                    (
                        planned.latest.path,
                        planned.item.status,
                        (back.entry.path, back.text) if back else None,
                        planned.later_rounds,
                    )
                )
        return tuple(out)


def _by_due(item: PlannedItem) -> tuple[bool, dt.date, str]:
    return (item.item.due is None, item.item.due or dt.date.max, item.item.skill.casefold())


def item_key(item: PlanItem) -> str:
    """What makes two entries' items one: the skill (normalised), or the action for an item without a skill."""
    if item.skill:
        return "skill " + normalise_key(item.skill)
    return "action " + normalise_key(item.action)


def said_in(entry: Entry) -> list[Said]:
    """What an entry says could motivate a plan item: its shortfalls, feedback and lessons, in that order."""
    found = [Said(FELL_SHORT, t, entry) for t in entry.fell_short]
    if entry.feedback and entry.feedback.text.strip():
        found.append(Said(FEEDBACK, entry.feedback.text, entry))
    found += [Said(LESSON, lesson.text, entry) for lesson in entry.lessons]
    return found


def names(because: str, text: str) -> bool:
    """Whether a `because:` names a text: the same words, or the first words of it (case and punctuation aside)."""
    wanted, written = normalise_key(because), normalise_key(text)
    return bool(wanted) and (written == wanted or written.startswith(wanted + " "))


class Written:
    """Every shortfall, feedback and lesson of a journal, in entry order, found by the stems they hold.

    At 1,000 entries some 5,000 texts: a plan item is compared only with those sharing a stem with it.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.said: list[Said] = [s for entry in entries for s in said_in(entry)]
        self._having: dict[str, list[int]] = {}
        for i, said in enumerate(self.said):
            for stem in signature(said.text):
                self._having.setdefault(stem, []).append(i)

    def sharing(self, *texts: str) -> list[Said]:
        """The texts that share a stem with any of `texts`, in entry order (all of them when `texts` have none)."""
        stems = set().union(*(signature(t) for t in texts))
        if not stems:
            return self.said
        found = sorted({i for stem in stems for i in self._having.get(stem, ())})
        return [self.said[i] for i in found]


def find_because(because: str, written: Written, before: dt.date) -> Said | None:
    """The text a `because:` names, in the latest entry up to `before` (else in any entry); None when none."""
    found = [s for s in written.sharing(because) if names(because, s.text)]
    if not found:
        return None
    earlier = [s for s in found if s.entry.date <= before]
    return earlier[-1] if earlier else found[0]


def _suggested(item: PlanItem, entry: Entry) -> Motivation | None:
    """A text of the entry that names the item's skill in full, or says much what the item says."""
    skill = signature(item.skill)
    for said in said_in(entry):
        if (skill and skill <= signature(said.text)) or alike(f"{item.skill} {item.action}", said.text):
            return Motivation("", said)
    return None


def _is_back(item: PlanItem, because: str, text: str) -> bool:
    """Whether a later text says the weakness behind an item is back."""
    if because:
        wanted = signature(because)
        if names(because, text) or alike(because, text) or (len(wanted) >= 2 and wanted <= signature(text)):
            return True
    skill = signature(item.skill)
    return bool(skill) and skill <= signature(text)


def _merge(steps: Sequence[PlanStep]) -> PlanItem:
    """The latest state: the latest status; the latest action, due date, skill spelling and `because:` written."""
    latest = steps[-1].item

    def last(value: str) -> str:
        return next((v for v in (getattr(s.item, value) for s in reversed(steps)) if v), "")

    due = next((s.item.due for s in reversed(steps) if s.item.due is not None), None)
    return PlanItem(
        skill=latest.skill or last("skill"),
        action=latest.action or last("action"),
        status=latest.status,
        due=latest.due if latest.due is not None else due,
        because=latest.because or last("because"),
        line=latest.line,
    )


def build_items(entries: Iterable[Entry], today: dt.date) -> tuple[PlannedItem, ...]:
    """Every plan item of the entries (oldest first), one per skill, in the order each was first written."""
    ordered = list(entries)
    steps: dict[str, list[PlanStep]] = {}
    for entry in ordered:
        for item in entry.development:
            steps.setdefault(item_key(item), []).append(PlanStep(entry, item))
    written = Written(ordered)
    items = []
    for history in steps.values():
        item = _merge(history)
        first = history[0].entry
        motivation: Motivation | None = None
        if item.because:
            motivation = Motivation(item.because, find_because(item.because, written, history[-1].entry.date))
        else:
            motivation = _suggested(item, first)
        came_back: Said | None = None
        later_rounds = 0
        if item.status is PlanStatus.DONE:
            done = PlannedItem(item, first, today, tuple(history)).done_on
            assert done is not None
            later_rounds = sum(1 for e in ordered if e.date > done and not e.is_note)
            if signature(item.because) or signature(item.skill):  # else nothing can match it
                came_back = next(
                    (
                        s
                        for s in written.sharing(item.because, item.skill)
                        if s.entry.date > done and _is_back(item, item.because, s.text)
                    ),
                    None,
                )
        items.append(PlannedItem(item, first, today, tuple(history), motivation, came_back, later_rounds))
    return tuple(items)


def build_plan(journal: Journal) -> Plan:
    """Collect the plan items of every entry, rounds and journal notes, one per skill."""
    items = build_items(journal.entries, journal.today)
    return Plan(items, journal.today, {i.key: i for i in items})

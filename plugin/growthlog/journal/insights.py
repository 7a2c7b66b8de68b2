"""The insights page ("refine your search"): how applications went, by role, seniority, company, format and tag.

Applications, not rounds, are counted: a process with five rounds is one try at
one kind of job. Small groups are labelled as small instead of given a rate,
so that one lucky offer does not read as "100 %".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from growthlog.entries.model import Outcome, Stage
from growthlog.journal.wording import by_spelling

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from growthlog.entries.model import Entry
    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal

#: Groups with fewer applications than this show counts, not rates.
SMALL_SAMPLE = 3
#: A dimension with more groups than this folds away those of a single application.
LONG_LIST = 10
#: The label of the group of applications that do not say (no seniority, no format).
NOT_SET = "Not set"

_OFFER_OUTCOMES = frozenset({Outcome.OFFER, Outcome.ACCEPTED, Outcome.DECLINED})


def reached_offer(app: Application) -> bool:
    """An offer was made (whatever was then decided)."""
    return app.furthest_stage is Stage.OFFER or any(r.outcome in _OFFER_OUTCOMES for r in app.rounds)


def latest_fit(app: Application, field: str) -> int | None:
    """The fit (`role_fit` or `company_fit`) from the latest round that rates it: the best-informed view."""
    for entry in reversed(app.rounds):
        value = getattr(entry.search, field) if entry.search is not None else None
        if value is not None:
            return int(value)
    return None


def _mean(values: Iterable[int | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


@dataclass(frozen=True, slots=True)
class Group:
    """The applications that share one value of a dimension (one role, one tag...)."""

    label: str
    applications: tuple[Application, ...]

    @property
    def count(self) -> int:
        return len(self.applications)

    @property
    def small_sample(self) -> bool:
        return self.count < SMALL_SAMPLE

    @property
    def stages(self) -> tuple[tuple[Stage, int], ...]:
        """How many applications stopped at each stage (their furthest), in process order; zeros left out."""
        counts = Counter(a.furthest_stage for a in self.applications)  # one pass, not one per stage
        return tuple((s, counts[s]) for s in Stage if counts[s])

    @property
    def offers(self) -> int:
        return sum(1 for a in self.applications if reached_offer(a))

    @property
    def offer_rate(self) -> float | None:
        """Offers per application, or None for a small sample."""
        return None if self.small_sample else self.offers / self.count

    @property
    def role_fit(self) -> float | None:
        return _mean(latest_fit(a, "role_fit") for a in self.applications)

    @property
    def company_fit(self) -> float | None:
        return _mean(latest_fit(a, "company_fit") for a in self.applications)


@dataclass(frozen=True, slots=True)
class Dimension:
    """One way of slicing the applications, with a group per value."""

    key: str
    title: str
    groups: tuple[Group, ...]
    multi: bool
    """An application can be in several groups (its rounds had several formats or tags)."""

    @property
    def main(self) -> tuple[Group, ...]:
        """The groups shown first: all of them, or for a long list those with more than one application."""
        if len(self.groups) <= LONG_LIST:
            return self.groups
        return tuple(g for g in self.groups if g.count > 1)

    @property
    def rest(self) -> tuple[Group, ...]:
        """The single-application groups of a long list, shown folded."""
        shown = set(map(id, self.main))
        return tuple(g for g in self.groups if id(g) not in shown)


def _single(value: Callable[[Application], str]) -> Callable[[Application], list[str]]:
    return lambda app: [value(app) or NOT_SET]


def _latest_seniority(app: Application) -> str:
    return next((r.seniority for r in reversed(app.rounds) if r.seniority), "")


def _formats(app: Application) -> list[str]:
    return [r.format.label if r.format else NOT_SET for r in app.rounds]


def _tags(app: Application) -> list[str]:
    return [tag for r in app.rounds for tag in r.tags]


#: (key, title, the values an application has, several values possible)
_DIMENSIONS: tuple[tuple[str, str, Callable[[Application], list[str]], bool], ...] = (
    ("role", "Role", _single(lambda a: a.role), False),
    ("seniority", "Seniority", _single(_latest_seniority), False),
    ("company", "Company", _single(lambda a: a.company), False),
    ("format", "Format", _formats, True),
    ("tags", "Tags", _tags, True),
)


def group_by(
    applications: Iterable[Application], values: Callable[[Application], list[str]]
) -> tuple[Group, ...]:
    """Group applications by the values `values` gives each (compared without case or punctuation).

    A group is labelled with the first spelling met; groups are ordered by size,
    then alphabetically, with "Not set" last.
    """
    groups = [Group(label, tuple(apps)) for label, apps in by_spelling(applications, values)]
    groups.sort(key=lambda g: (g.label == NOT_SET, -g.count, g.label.casefold()))
    return tuple(groups)


def dimensions(journal: Journal) -> tuple[Dimension, ...]:
    """Every dimension of the insights page."""
    return tuple(
        Dimension(key, title, group_by(journal.applications, values), multi)
        for key, title, values, multi in _DIMENSIONS
    )


@dataclass(frozen=True, slots=True)
class SearchNote:
    """A `search.note` with the entry it was written in."""

    entry: Entry
    note: str
    role_fit: int | None
    company_fit: int | None


def search_notes(journal: Journal) -> tuple[SearchNote, ...]:
    """Every search note, newest first."""
    return tuple(
        SearchNote(e, e.search.note, e.search.role_fit, e.search.company_fit)
        for e in journal.newest_first
        if e.search is not None and e.search.note
    )


def context(journal: Journal) -> Mapping[str, Any]:
    """The insights page's template context, but its chart (see pages/page_charts.py)."""
    return {
        "dimensions": dimensions(journal),
        "notes": search_notes(journal),
        "small_sample": SMALL_SAMPLE,
    }

"""The progress page ("love your journey"): what the search has been, in numbers.

The figures are plain functions of the journal, tested on their own; the charts
drawn from them are in pages/page_charts.py.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from growthlog.entries.model import Outcome, PlanStatus, Stage
from growthlog.journal import pipeline_health
from growthlog.journal.plan import build_plan

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal
    from growthlog.journal.plan import PlannedItem

#: The monthly charts show at most this many months, the most recent ones.
MAX_MONTHS = 24
#: Past this many rated rounds, the confidence chart shows a monthly average rather than every round.
CONFIDENCE_ROUNDS = 60
#: Outcomes that mean an offer was made (whatever was then decided).
OFFER_OUTCOMES = frozenset({Outcome.OFFER, Outcome.ACCEPTED, Outcome.DECLINED})


def month_of(day: dt.date) -> dt.date:
    """The first day of `day`'s month: the key every monthly figure is grouped by."""
    return day.replace(day=1)


def months(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from `first`'s to `last`'s, as first days, capped to the latest MAX_MONTHS."""
    out: list[dt.date] = []
    day = month_of(first)
    while day <= last:
        out.append(day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out[-MAX_MONTHS:]


def journal_months(journal: Journal) -> list[dt.date]:
    """The months the monthly charts cover: from the first round to today (or the last round, if later)."""
    if not journal.entries:
        return []
    last = max(journal.today, journal.entries[-1].date)
    return months(journal.entries[0].date, last)


def rounds_per_month(
    entries: Iterable[Entry], month_list: Sequence[dt.date]
) -> dict[dt.date, Counter[Outcome]]:
    """Rounds held each month, counted by the outcome written on each round."""
    out: dict[dt.date, Counter[Outcome]] = {m: Counter() for m in month_list}
    for entry in entries:
        month = month_of(entry.date)
        if month in out:
            out[month][entry.outcome] += 1
    return out


def stage_funnel(applications: Iterable[Application]) -> list[tuple[Stage, int]]:
    """How many applications reached each stage (reaching a later stage counts for every earlier one)."""
    apps = list(applications)
    return [(stage, sum(1 for a in apps if a.furthest_stage.rank >= stage.rank)) for stage in Stage]


def activity(entries: Iterable[Entry], today: dt.date) -> tuple[dt.date, dict[dt.date, int]]:
    """Rounds per day over the last 12 months (365 days up to today): the first day and the counts."""
    first = today - dt.timedelta(days=364)
    counts: Counter[dt.date] = Counter(e.date for e in entries if first <= e.date <= today)
    return first, dict(counts)


@dataclass(frozen=True, slots=True)
class BounceBack:
    """A rejection and the next round after it (on a later day, in any application)."""

    rejection: Entry
    next_round: Entry | None
    days: int
    """Days to the next round; while there is none yet, days since the rejection."""


def bounce_backs(entries: Sequence[Entry], today: dt.date) -> list[BounceBack]:
    """For each rejected round, in date order, the days until the next interview round."""
    ordered = sorted(entries, key=lambda e: (e.date, e.path))
    dates = [e.date for e in ordered]
    out = []
    for entry in ordered:
        if entry.outcome is not Outcome.REJECTED:
            continue
        # The first round on a later day, found by bisection: a scan from the start for every
        # rejection grew with the square of the journal.
        index = bisect.bisect_right(dates, entry.date)
        later = ordered[index] if index < len(ordered) else None
        days = ((later.date if later else today) - entry.date).days
        out.append(BounceBack(entry, later, max(days, 0)))
    return out


@dataclass(frozen=True, slots=True)
class WeekRun:
    """Consecutive weeks (Monday to Sunday) with at least one round each."""

    weeks: int
    first_monday: dt.date | None
    last_monday: dt.date | None


def longest_week_run(dates: Iterable[dt.date]) -> WeekRun:
    """The longest run of consecutive weeks with at least one round (the earliest if tied)."""
    mondays = sorted({d - dt.timedelta(days=d.weekday()) for d in dates})
    best = WeekRun(0, None, None)
    run_start = None
    previous = None
    for monday in mondays:
        if previous is None or (monday - previous).days != 7:
            run_start = monday
        previous = monday
        assert run_start is not None
        length = (monday - run_start).days // 7 + 1
        if length > best.weeks:
            best = WeekRun(length, run_start, monday)
    return best


@dataclass(frozen=True, slots=True)
class Milestones:
    """The firsts and bests of the search."""

    first_technical: Entry | None
    """The first round at the technical stage or later (a take-home or onsite also shows technical depth)."""
    first_onsite: Entry | None
    """The first round at the onsite stage or later."""
    first_offer: Entry | None
    """The first round at the offer stage or with an offer outcome."""
    longest_run: WeekRun
    rejections: int
    bounced_back: int
    """Rejections followed by another round on a later day."""


def milestones(entries: Sequence[Entry], today: dt.date) -> Milestones:
    """The milestones of the search so far."""
    ordered = sorted(entries, key=lambda e: (e.date, e.path))

    def first(predicate: Any) -> Entry | None:
        return next((e for e in ordered if predicate(e)), None)

    backs = bounce_backs(ordered, today)
    return Milestones(
        first_technical=first(lambda e: e.stage.rank >= Stage.TECHNICAL.rank),
        first_onsite=first(lambda e: e.stage.rank >= Stage.ONSITE.rank),
        first_offer=first(lambda e: e.stage is Stage.OFFER or e.outcome in OFFER_OUTCOMES),
        longest_run=longest_week_run(e.date for e in ordered),
        rejections=len(backs),
        bounced_back=sum(1 for b in backs if b.next_round is not None),
    )


def plan_growth(
    items: Iterable[PlannedItem], month_list: Sequence[dt.date]
) -> dict[dt.date, Counter[PlanStatus]]:
    """The development plan as it grew: for each month, every item added up to its end, by current status.

    An item written again in later entries is one item (see plan.py): it counts from the
    month of the entry that added it, in the status its latest entry gives it.
    """
    added: Counter[tuple[dt.date, PlanStatus]] = Counter()
    for planned in items:
        added[month_of(planned.entry.date), planned.item.status] += 1
    out: dict[dt.date, Counter[PlanStatus]] = {}
    running: Counter[PlanStatus] = Counter()
    for (month, status), count in sorted(added.items()):
        if month_list and month < month_list[0]:
            running[status] += count  # items older than the charted months still count
    for month in month_list:
        for status in PlanStatus:
            running[status] += added[month, status]
        out[month] = Counter(running)
    return out


def context(journal: Journal) -> Mapping[str, Any]:
    """The progress page's template context, but its charts (see pages/page_charts.py)."""
    return {
        **pipeline_health.context(journal),
        "milestones": milestones(journal.rounds, journal.today),
        "has_plan": any(e.development for e in journal.entries),
        "plan": journal.view(build_plan),
    }

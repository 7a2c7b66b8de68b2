"""The progress page ("love your journey"): what the search has been, in numbers and charts.

The figures are plain functions of the journal, tested on their own; `context`
turns them into charts for `progress.html`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from growthlog.entries.model import Outcome, PlanStatus, Stage
from growthlog.journal import pipeline_health
from growthlog.pages import charts
from growthlog.pages.fragments import plural

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.applications import Application
    from growthlog.journal.journal import Journal

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
    entries: Iterable[Entry], month_list: Sequence[dt.date]
) -> dict[dt.date, Counter[PlanStatus]]:
    """The development plan as it grew: for each month, every item written up to its end, by current status.

    Entries only record where an item stands now, not when it moved, so
    "over time" here means the month of the entry that added the item: the bar
    for a month holds every item added by then, split by today's status.
    """
    added: Counter[tuple[dt.date, PlanStatus]] = Counter()
    for entry in entries:
        for item in entry.development:
            added[month_of(entry.date), item.status] += 1
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


# --- charts -------------------------------------------------------------------

_OUTCOME_ORDER = (
    Outcome.ACCEPTED,
    Outcome.OFFER,
    Outcome.DECLINED,
    Outcome.ADVANCED,
    Outcome.PENDING,
    Outcome.WITHDREW,
    Outcome.GHOSTED,
    Outcome.REJECTED,
)
_PLAN_ORDER = (PlanStatus.DONE, PlanStatus.DOING, PlanStatus.TODO)


def _month_labels(month_list: Sequence[dt.date]) -> tuple[list[str], list[str]]:
    labels = [m.strftime("%b") for m in month_list]
    years = [str(m.year) if i == 0 or m.month == 1 else "" for i, m in enumerate(month_list)]
    return labels, years


def rounds_chart(journal: Journal, month_list: Sequence[dt.date]) -> charts.Chart:
    """Rounds per month, stacked by outcome."""
    per_month = rounds_per_month(journal.rounds, month_list)
    labels, years = _month_labels(month_list)
    series = [
        charts.Series(o.label, f"gl-fill--{o.value}", tuple(per_month[m][o] for m in month_list))
        for o in _OUTCOME_ORDER
    ]
    total = len([e for e in journal.rounds if month_of(e.date) in per_month])
    busiest = max(month_list, key=lambda m: sum(per_month[m].values()), default=None)
    desc = f"{plural(total, 'round')} over {plural(len(month_list), 'month')}"
    if busiest is not None and total:
        desc += f"; the busiest month was {busiest:%B %Y} with {plural(sum(per_month[busiest].values()), 'round')}"
    return charts.stacked_bars(
        "rounds-per-month",
        "Rounds per month, by outcome",
        desc + ".",
        [f"{label}" for label in labels],
        series,
        category_header="Month",
        sublabels=years,
    )


def funnel_chart(journal: Journal) -> charts.Chart:
    """The stage funnel: applications reaching each stage."""
    funnel = stage_funnel(journal.applications)
    bars = [charts.Bar(stage.label, count) for stage, count in funnel]
    parts = ", ".join(f"{count} reached {stage.label.lower()}" for stage, count in funnel[1:])
    return charts.horizontal_bars(
        "stage-funnel",
        "Stage funnel: applications reaching each stage",
        f"{plural(len(journal.applications), 'application')}; {parts}.",
        bars,
        label_header="Stage",
        value_header="Applications",
    )


def confidence_chart(journal: Journal) -> charts.Chart:
    """Confidence right after each round, over time; averaged per month past CONFIDENCE_ROUNDS rounds."""
    rated = [e for e in journal.rounds if e.confidence is not None]
    if len(rated) > CONFIDENCE_ROUNDS:
        return _monthly_confidence_chart(rated)
    points = [charts.Point(e.date, e.confidence or 0, f"{e.company} · {e.stage.label}") for e in rated]
    if points:
        avg_first = sum(p.value for p in points[:3]) / len(points[:3])
        avg_last = sum(p.value for p in points[-3:]) / len(points[-3:])
        desc = (
            f"{plural(len(points), 'round')} rated from 1 to 5; the first three average "
            f"{avg_first:.1f}, the latest three {avg_last:.1f}."
        )
    else:
        desc = "No round has a confidence rating yet."
    return charts.line_chart(
        "confidence",
        "Confidence after each round",
        desc,
        points,
        y_min=1,
        y_max=5,
        headers=("Date", "Round", "Confidence (1-5)"),
    )


def _monthly_confidence_chart(rated: Sequence[Entry]) -> charts.Chart:
    # Hundreds of dots on a 640-wide chart (and as many table rows) read as noise: a point per month
    # shows the trend, and each round's confidence stays on its entry page and on the timeline.
    by_month: dict[dt.date, list[int]] = {}
    for entry in rated:
        by_month.setdefault(month_of(entry.date), []).append(entry.confidence or 0)
    points = [
        charts.Point(month, sum(values) / len(values), plural(len(values), "round"))
        for month, values in by_month.items()
    ]
    first = [v for values in list(by_month.values())[:3] for v in values]
    last = [v for values in list(by_month.values())[-3:] for v in values]
    desc = (
        f"{plural(len(rated), 'round')} rated from 1 to 5, averaged per month over "
        f"{plural(len(points), 'month')}; the rounds of the first three months average "
        f"{sum(first) / len(first):.1f}, those of the latest three {sum(last) / len(last):.1f}."
    )
    return charts.line_chart(
        "confidence",
        "Average confidence after each round, per month",
        desc,
        points,
        y_min=1,
        y_max=5,
        headers=("Month", "Rounds rated", "Average confidence (1-5)"),
        per_month=True,
    )


def calendar_chart(journal: Journal) -> charts.Chart:
    """Rounds per day over the last 12 months."""
    first, counts = activity(journal.rounds, journal.today)
    days = len(counts)
    total = sum(counts.values())
    return charts.calendar(
        "activity",
        "Activity: rounds per day, last 12 months",
        f"{plural(total, 'round')} on {plural(days, 'day')} between {first:%d %B %Y} and {journal.today:%d %B %Y}.",
        counts,
        first=first,
        last=journal.today,
    )


def bounce_chart(backs: Sequence[BounceBack]) -> charts.Chart:
    """Days from each rejection to the next round."""
    bars = [
        charts.Bar(
            f"{b.rejection.date.day} {b.rejection.date:%b} {b.rejection.company}",
            b.days,
            "gl-fill--rejected",
            "" if b.next_round else "so far",
        )
        for b in backs
    ]
    back = [b.days for b in backs if b.next_round is not None]
    if back:
        desc = f"{plural(len(backs), 'rejection')}; the next round came after {min(back)} to {max(back)} days"
        if len(back) < len(backs):
            desc += f"; {len(backs) - len(back)} not followed by a round yet"
        desc += "."
    elif backs:
        desc = f"{plural(len(backs), 'rejection')}, none followed by a round yet."
    else:
        desc = "No rejections."
    return charts.horizontal_bars(
        "bounce-back",
        "Bounce-back: days from each rejection to the next round",
        desc,
        bars,
        label_header="Rejection",
        value_header="Days to the next round",
        unit=" d",
    )


def plan_chart(journal: Journal, month_list: Sequence[dt.date]) -> charts.Chart:
    """Plan items added up to each month, by current status."""
    growth = plan_growth(journal.entries, month_list)
    labels, years = _month_labels(month_list)
    series = [
        charts.Series(s.label, f"gl-fill--plan-{s.value}", tuple(growth[m][s] for m in month_list))
        for s in _PLAN_ORDER
    ]
    now = growth[month_list[-1]] if month_list else Counter()
    desc = (
        f"{plural(sum(now.values()), 'plan item')} written so far: "
        f"{now[PlanStatus.DONE]} done, {now[PlanStatus.DOING]} doing, {now[PlanStatus.TODO]} to do."
    )
    return charts.stacked_bars(
        "plan-progress",
        "Development plan: items written up to each month, by status today",
        desc,
        labels,
        series,
        category_header="Month",
        sublabels=years,
    )


def context(journal: Journal) -> Mapping[str, Any]:
    """The progress page's template context."""
    month_list = journal_months(journal)
    backs = bounce_backs(journal.rounds, journal.today)
    return {
        **pipeline_health.context(journal),
        "milestones": milestones(journal.rounds, journal.today),
        "rounds_chart": rounds_chart(journal, month_list),
        "funnel_chart": funnel_chart(journal),
        "confidence_chart": confidence_chart(journal),
        "calendar_chart": calendar_chart(journal),
        "bounce_chart": bounce_chart(backs),
        "plan_chart": plan_chart(journal, month_list),
        "has_plan": any(e.development for e in journal.entries),
    }

"""The charts of the progress and insights pages, drawn from the journal's numbers.

journal/progress.py and journal/insights.py count; this module chooses what each
chart shows and words its description, and pages/charts.py draws the SVG.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from growthlog.entries.model import Outcome, PlanStatus, Stage
from growthlog.journal.insights import latest_fit
from growthlog.journal.plan import build_plan
from growthlog.journal.progress import (
    CONFIDENCE_ROUNDS,
    activity,
    bounce_backs,
    journal_months,
    month_of,
    plan_growth,
    rounds_per_month,
    stage_funnel,
)
from growthlog.pages import charts
from growthlog.pages.fragments import plural

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal
    from growthlog.journal.progress import BounceBack


def progress_charts(journal: Journal) -> Mapping[str, Any]:
    """The progress page's charts, by the names its template uses."""
    month_list = journal_months(journal)
    return {
        "rounds_chart": rounds_chart(journal, month_list),
        "funnel_chart": funnel_chart(journal),
        "confidence_chart": confidence_chart(journal),
        "calendar_chart": calendar_chart(journal),
        "bounce_chart": bounce_chart(bounce_backs(journal.rounds, journal.today)),
        "plan_chart": plan_chart(journal, month_list),
    }


def insights_charts(journal: Journal) -> Mapping[str, Any]:
    """The insights page's charts, by the names its template uses."""
    return {"fit_chart": fit_chart(journal)}


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
    growth = plan_growth(journal.view(build_plan).items, month_list)
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


def fit_chart(journal: Journal) -> charts.Chart:
    """Each application by its fit (the mean of its latest role and company fit) and how far it got."""
    today, ghost = journal.today, journal.settings.ghost_after_days
    dots, rows = [], []
    unrated = 0
    outcomes: set[Outcome] = set()
    for app in journal.applications:
        fits = [f for f in (latest_fit(app, "role_fit"), latest_fit(app, "company_fit")) if f is not None]
        if not fits:
            unrated += 1
            continue
        value = sum(fits) / len(fits)
        outcome = app.effective_outcome(today, ghost)
        outcomes.add(outcome)
        dots.append(charts.Dot(value, app.furthest_stage.rank, app.company, f"gl-fill--{outcome.value}"))
        rows.append((f"{app.company} · {app.role}", f"{value:.1f}", app.furthest_stage.label, outcome.label))
    far = [d for d in dots if d.y >= Stage.ONSITE.rank]
    desc = f"{len(dots)} application{'' if len(dots) == 1 else 's'} rated for fit"
    if dots:
        desc += f"; {len(far)} reached an onsite or further"
        if far:
            desc += f", with an average fit of {sum(d.x for d in far) / len(far):.1f}"
        near = [d for d in dots if d.y < Stage.ONSITE.rank]
        if near:
            desc += f"; the others average {sum(d.x for d in near) / len(near):.1f}"
    if unrated:
        desc += f"; {unrated} without a fit rating {'is' if unrated == 1 else 'are'} left out"
    return charts.scatter(
        "fit-and-stage",
        "Fit and how far each application got",
        desc + ".",
        dots,
        x_min=1,
        x_max=5,
        x_title="Fit (mean of role fit and company fit, 1 to 5)",
        rows=[s.label for s in Stage],
        table=charts.Table(("Application", "Fit", "Furthest stage", "Outcome"), tuple(rows)),
        legend=tuple((o.label, f"gl-fill--{o.value}") for o in Outcome if o in outcomes),
    )

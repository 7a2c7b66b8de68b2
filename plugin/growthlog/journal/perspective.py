"""Perspective: a rejection in context, with the user's own numbers and words.

The method this journal follows ends with "don't take it personally: it's simply
not the right time or opportunity for you, and everyone goes through this". This
view puts each number beside what it means: the rejections per stage beside the
one base rate the method's article gives, what the rejections were (and were not)
about as the user wrote it, what kept going well, the weeks in a row the user kept
at it, and the milestones behind them. Nothing is guessed: a rejection without a
`reason` is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome, PlanStatus, Reason, Stage
from growthlog.journal.insights import SMALL_SAMPLE
from growthlog.journal.lessons import build_lessons
from growthlog.journal.plan import build_plan
from growthlog.journal.questions import build_question_bank

if TYPE_CHECKING:
    from collections.abc import Iterable

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

#: The base rate the method's article gives (the only one: no other is invented here).
BASE_RATE_TEXT = "more than half of candidates are rejected at the first stage"
#: Reasons that say the rejection was not about the candidate's skills.
NOT_ABOUT_SKILLS = (Reason.TIMING, Reason.FIT, Reason.POSITION_CLOSED, Reason.OTHER_CANDIDATE)
#: Reasons that say it was about skills or experience.
ABOUT_SKILLS = (Reason.SKILLS, Reason.EXPERIENCE)
#: How many wins of each kind the page lists.
WINS_SHOWN = 5
#: Milestone counts: the 1st, 10th, 25th... question prepared, plan item done, round.
COUNT_MILESTONES = (1, 10, 25, 50, 100, 250)
#: How many milestones the page lists, newest first.
MILESTONES_SHOWN = 8
#: How long after a rejection the home page shows its perspective line.
HOME_LINE_DAYS = 30


@dataclass(frozen=True, slots=True)
class StageRate:
    """Of the applications whose process reached `stage`, how many were rejected at it."""

    stage: Stage
    reached: int
    rejected: int

    @property
    def small_sample(self) -> bool:
        return self.reached < SMALL_SAMPLE

    @property
    def percent(self) -> int:
        return round(100 * self.rejected / self.reached) if self.reached else 0


@dataclass(frozen=True, slots=True)
class FirstStage:
    """Applications rejected at their first round: the figure the article's base rate is about."""

    applications: int
    rejected: int

    @property
    def small_sample(self) -> bool:
        return self.applications < SMALL_SAMPLE

    @property
    def percent(self) -> int:
        return round(100 * self.rejected / self.applications) if self.applications else 0

    @property
    def below_base_rate(self) -> bool:
        """At most half: the article says more than half are rejected at the first stage."""
        return 2 * self.rejected <= self.applications


@dataclass(frozen=True, slots=True)
class Reasons:
    """What the rejections were about, as written in `reason:` (unknown when not written)."""

    rejections: int
    counts: tuple[tuple[Reason, int], ...]
    """Each reason given at least once, in the order of the format; `unknown` last."""

    def _count(self, reasons: Iterable[Reason]) -> int:
        found = dict(self.counts)
        return sum(found.get(r, 0) for r in reasons)

    @property
    def not_about_skills(self) -> int:
        return self._count(NOT_ABOUT_SKILLS)

    @property
    def about_skills(self) -> int:
        return self._count(ABOUT_SKILLS)

    @property
    def unknown(self) -> int:
        return self.rejections - self.not_about_skills - self.about_skills


@dataclass(frozen=True, slots=True)
class Win:
    """Something that kept going well, in the user's words, with where it was written."""

    text: str
    entry: Entry
    count: int = 1


@dataclass(frozen=True, slots=True)
class Streak:
    """Weeks (Monday to Sunday) in a row with a round or a journal note."""

    current: int
    """Ending this week, or last week while this week has nothing yet (it is not over)."""
    this_week: bool
    """The current run includes this week."""
    longest: int
    longest_from: dt.date | None
    longest_to: dt.date | None


@dataclass(frozen=True, slots=True)
class Milestone:
    """A step of the journey, on the day it happened."""

    day: dt.date
    text: str
    entry: Entry


@dataclass(frozen=True, slots=True)
class Perspective:
    """The perspective section of the progress page, and the home page's line."""

    rounds: int
    first_stage: FirstStage
    stages: tuple[StageRate, ...]
    reasons: Reasons
    went_well: tuple[Win, ...]
    plan_done: tuple[Win, ...]
    prepared: tuple[Win, ...]
    prepared_count: int
    plan_done_count: int
    streak: Streak
    milestones: tuple[Milestone, ...]
    latest_rejection: Entry | None
    """The latest rejected round, for the home page (None when there is none)."""
    today: dt.date

    @property
    def has_wins(self) -> bool:
        return bool(self.went_well or self.plan_done or self.prepared)

    @property
    def recent_rejection(self) -> Entry | None:
        """The latest rejection, when it was in the last HOME_LINE_DAYS days (the home page's line)."""
        latest = self.latest_rejection
        if latest is None or not 0 <= (self.today - latest.date).days <= HOME_LINE_DAYS:
            return None
        return latest


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_streak(dates: Iterable[dt.date], today: dt.date) -> Streak:
    """The current and the longest run of consecutive weeks with something written (dates after today ignored)."""
    mondays = sorted({_monday(d) for d in dates if d <= today})
    week = dt.timedelta(days=7)
    longest, longest_from, longest_to = 0, None, None
    run_start: dt.date | None = None
    previous: dt.date | None = None
    for monday in mondays:
        if previous is None or monday - previous != week:
            run_start = monday
        previous = monday
        assert run_start is not None
        length = (monday - run_start).days // 7 + 1
        if length > longest:
            longest, longest_from, longest_to = length, run_start, monday
    current = 0
    this_monday = _monday(today)
    if previous is not None and run_start is not None and previous in (this_monday, this_monday - week):
        current = (previous - run_start).days // 7 + 1
    return Streak(current, previous == this_monday, longest, longest_from, longest_to)


def stage_rates(journal: Journal) -> tuple[FirstStage, tuple[StageRate, ...]]:
    """Rejections per stage: of the applications with a round at a stage, those rejected there."""
    reached: Counter[Stage] = Counter()
    rejected: Counter[Stage] = Counter()
    first_rejected = 0
    for app in journal.applications:
        for stage in {r.stage for r in app.rounds}:
            reached[stage] += 1
        ends = [r for r in app.rounds if r.outcome is Outcome.REJECTED]
        if ends:
            rejected[ends[-1].stage] += 1
            if ends[-1] is app.first:
                first_rejected += 1
    rates = tuple(StageRate(s, reached[s], rejected[s]) for s in Stage if reached[s] and s is not Stage.OFFER)
    return FirstStage(len(journal.applications), first_rejected), rates


def rejection_reasons(journal: Journal) -> Reasons:
    """The reasons written on rejected rounds; a rejection without one counts as unknown."""
    rejections = [r for r in journal.rounds if r.outcome is Outcome.REJECTED]
    counts = Counter(r.reason or Reason.UNKNOWN for r in rejections)
    order = [r for r in Reason if r is not Reason.UNKNOWN] + [Reason.UNKNOWN]
    return Reasons(len(rejections), tuple((r, counts[r]) for r in order if counts[r]))


def _prepared_on(journal: Journal) -> list[tuple[dt.date, Entry, str]]:
    """Each question of the bank that is prepared (a better answer, or `prepared: true`), on the day it first was."""
    found = []
    for question in journal.view(build_question_bank).questions:
        ready = [m for m in question.asked if m.item.better_answer.strip() or m.item.prepared]
        if ready:
            found.append((ready[0].entry.date, ready[0].entry, question.text))
    found.sort(key=lambda t: (t[0], t[1].path, t[2]))
    return found


def _count_milestones(dated: list[tuple[dt.date, Entry]], what: str) -> list[Milestone]:
    out = []
    for n in COUNT_MILESTONES:
        if len(dated) >= n:
            day, entry = dated[n - 1]
            out.append(
                Milestone(day, f"Your first {what}" if n == 1 else f"Your {_ordinal(n)} {what}", entry)
            )
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def journey_milestones(journal: Journal, prepared: list[tuple[dt.date, Entry, str]]) -> tuple[Milestone, ...]:
    """The steps of the journey so far, newest first: rounds after rejections, counts reached."""
    found: list[Milestone] = []
    rounds = [r for r in journal.rounds if r.date <= journal.today]
    for i, entry in enumerate(rounds):
        if entry.outcome is not Outcome.REJECTED:
            continue
        later = next((r for r in rounds[i + 1 :] if r.date > entry.date), None)
        if later is not None:
            found.append(
                Milestone(
                    later.date,
                    f"Back at it: your first round after the rejection from {entry.company}",
                    later,
                )
            )
    found += _count_milestones([(r.date, r) for r in rounds], "round")
    found += _count_milestones([(d, e) for d, e, _ in prepared], "question prepared")
    done = [
        (p.entry.date, p.entry)
        for p in sorted(journal.view(build_plan).items, key=lambda p: (p.entry.date, p.entry.path))
        if p.item.status is PlanStatus.DONE
    ]
    found += _count_milestones(done, "plan item done")
    notes = [n for n in journal.notes if n.date <= journal.today]
    if notes:
        found.append(Milestone(notes[0].date, "Your first journal note", notes[0]))
    found.sort(key=lambda m: (m.day, m.text), reverse=True)
    return tuple(found)


def build_perspective(journal: Journal) -> Perspective:
    """Everything the perspective section and the home page's line show."""
    first_stage, stages = stage_rates(journal)
    lessons = journal.view(build_lessons)
    went_well = tuple(Win(w.text, w.mentions[-1].entry, w.count) for w in lessons.went_well if w.count > 1)
    done = [p for p in journal.view(build_plan).items if p.item.status is PlanStatus.DONE]
    done.sort(key=lambda p: (p.entry.date, p.entry.path), reverse=True)
    prepared = _prepared_on(journal)
    rejected = [r for r in journal.rounds if r.outcome is Outcome.REJECTED and r.date <= journal.today]
    return Perspective(
        rounds=len(journal.held),  # a round still to come has not happened: it is in Upcoming
        first_stage=first_stage,
        stages=stages,
        reasons=rejection_reasons(journal),
        went_well=went_well[:WINS_SHOWN],
        plan_done=tuple(Win(f"{p.item.skill}: {p.item.action}", p.entry) for p in done[:WINS_SHOWN]),
        prepared=tuple(Win(text, entry) for _, entry, text in reversed(prepared[-WINS_SHOWN:])),
        prepared_count=len(prepared),
        plan_done_count=len(done),
        streak=week_streak((e.date for e in journal.entries), journal.today),
        milestones=journey_milestones(journal, prepared)[:MILESTONES_SHOWN],
        latest_rejection=rejected[-1] if rejected else None,
        today=journal.today,
    )

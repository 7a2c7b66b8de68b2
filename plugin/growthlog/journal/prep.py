"""The prep sheet of an upcoming round: what to prepare, from everything the journal already knows.

Built for one upcoming round (see upcoming.py): the company's earlier rounds with
their feedback and shortfalls, the questions to revise that fit the stage, the
lessons written most often, and the plan items in progress. Every choice is a
count or an exact match on the journal's own words: nothing is guessed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import PlanStatus, QuestionCategory, normalise_key
from growthlog.journal.lessons import build_lessons
from growthlog.journal.plan import build_plan
from growthlog.journal.questions import build_question_bank

if TYPE_CHECKING:
    from growthlog.entries.model import Entry, Lesson
    from growthlog.journal.journal import Journal
    from growthlog.journal.plan import PlannedItem
    from growthlog.journal.questions import BankedQuestion
    from growthlog.journal.wording import Wording

#: How many questions, lessons and plan items a prep sheet lists: a sheet to read in ten minutes.
QUESTIONS_SHOWN = 8
LESSONS_SHOWN = 5
PLAN_SHOWN = 6


@dataclass(frozen=True, slots=True)
class CategoryShare:
    """How often a category of question came up at a stage, as a share of the questions asked there."""

    category: QuestionCategory
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class RevisionQuestion:
    """A question to revise before the round, and why it is on the sheet."""

    question: BankedQuestion
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrepSheet:
    """Everything the prep sheet of one upcoming round shows."""

    entry: Entry
    days_to_go: int
    company_rounds: tuple[Entry, ...]
    """The company's rounds held before this one (any role), oldest first."""
    stage_mix: tuple[CategoryShare, ...]
    """The categories of the questions asked at this stage in the whole journal, most first."""
    mix_is_overall: bool
    """True when no question was ever written at this stage: `stage_mix` is then every stage's."""
    questions: tuple[RevisionQuestion, ...]
    lessons: tuple[Wording[Lesson], ...]
    plan: tuple[PlannedItem, ...]

    @property
    def feedback(self) -> tuple[Entry, ...]:
        """The company's earlier rounds that brought feedback."""
        return tuple(e for e in self.company_rounds if e.feedback is not None and e.feedback.text.strip())

    @property
    def fell_short(self) -> tuple[Entry, ...]:
        """The company's earlier rounds with shortfalls written down."""
        return tuple(e for e in self.company_rounds if e.fell_short)


def _stage_mix(journal: Journal, entry: Entry) -> tuple[tuple[CategoryShare, ...], bool]:
    held = [e for e in journal.held if e.path != entry.path]
    counts = Counter(q.category for e in held if e.stage is entry.stage for q in e.questions)
    overall = not counts
    if overall:
        counts = Counter(q.category for e in held for q in e.questions)
    total = sum(counts.values())
    order = list(QuestionCategory)
    shares = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    return tuple(CategoryShare(c, n, round(100 * n / total)) for c, n in shares), overall


def build_prep_sheet(journal: Journal, path: str) -> PrepSheet:
    """The prep sheet of the upcoming round at `path` (a path of `journal.upcoming`)."""
    entry = next(e for e in journal.upcoming if e.path == path)
    company = normalise_key(entry.company)
    company_rounds = tuple(e for e in journal.held if normalise_key(e.company) == company)
    mix, overall = _stage_mix(journal, entry)
    share = {s.category: s.percent for s in mix}
    bank = journal.view(build_question_bank)
    asked_here = {e.path for e in company_rounds}

    def reasons(q: BankedQuestion) -> tuple[str, ...]:
        found = []
        if any(m.entry.path in asked_here for m in q.asked):
            found.append(f"asked at {entry.company} before")
        if q.category in share and share[q.category] >= 20:
            where = "all" if overall else entry.stage.label.lower()
            found.append(f"{q.category.label.lower()}: {share[q.category]}% of {where} questions")
        if q.times_asked > 1:
            found.append(f"asked {q.times_asked} times")
        if q.tough:
            found.append("tough")
        if not q.is_prepared:
            found.append("no better answer yet")
        return tuple(found)

    def rank(q: BankedQuestion) -> tuple[bool, int, int, bool]:
        at_company = any(m.entry.path in asked_here for m in q.asked)
        return (not at_company, -share.get(q.category, 0), -q.times_asked, not q.tough)

    # The to-revise list (rehearsed cards not yet due are off it), the best fit for this round first.
    picked = sorted(bank.to_revise, key=rank)[:QUESTIONS_SHOWN]
    lessons = journal.view(build_lessons)
    repeated = sorted(
        (w for theme in lessons.themes for w in theme.lessons),
        key=lambda w: (-w.count, -w.last.date.toordinal()),
    )
    plan = journal.view(build_plan)
    doing = [p for p in plan.items if p.item.status is PlanStatus.DOING]
    doing.sort(key=lambda p: (p.item.due is None, p.item.due or entry.date, p.item.skill.casefold()))
    return PrepSheet(
        entry=entry,
        days_to_go=(entry.date - journal.today).days,
        company_rounds=company_rounds,
        stage_mix=mix,
        mix_is_overall=overall,
        questions=tuple(RevisionQuestion(q, reasons(q)) for q in picked),
        lessons=tuple(repeated[:LESSONS_SHOWN]),
        plan=tuple(doing[:PLAN_SHOWN]),
    )

"""The home page: the journal at a glance and what to do next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome, Stage
from growthlog.journal.feedback import FeedbackLog, build_feedback_log
from growthlog.journal.plan import Plan, build_plan
from growthlog.journal.questions import QuestionBank, build_question_bank
from growthlog.journal.upcoming import UpcomingRound, build_upcoming

if TYPE_CHECKING:
    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

#: How many of the latest rounds the home page lists.
LATEST_COUNT = 8
#: How many items each "next actions" list shows before linking to its page.
ACTIONS_SHOWN = 5

_OFFER_OUTCOMES = frozenset({Outcome.OFFER, Outcome.ACCEPTED, Outcome.DECLINED})


@dataclass(frozen=True, slots=True)
class Figures:
    """The numbers at the top of the home page."""

    rounds: int
    applications: int
    active: int
    """Applications still going (see `Application.is_active`)."""
    offers: int
    """Applications that reached an offer (whether accepted, declined or open)."""
    rejections: int
    """Applications that ended in a rejection."""


@dataclass(frozen=True, slots=True)
class Home:
    """The home page's content."""

    figures: Figures
    latest: tuple[Entry, ...]
    """The latest rounds held (upcoming ones are listed apart)."""
    upcoming: tuple[UpcomingRound, ...]
    questions: QuestionBank
    feedback: FeedbackLog
    plan: Plan

    @property
    def has_actions(self) -> bool:
        return bool(
            self.questions.to_revise or self.feedback.to_chase or self.plan.overdue or self.plan.due_soon
        )


def count_figures(journal: Journal) -> Figures:
    """Count rounds and applications the way the home page shows them."""
    settings = journal.settings
    apps = journal.applications
    return Figures(
        rounds=len(journal.held),  # a round still to come has not happened: it is in Upcoming
        applications=len(apps),
        active=sum(1 for a in apps if a.is_active(journal.today, settings.ghost_after_days)),
        offers=sum(
            1
            for a in apps
            if a.furthest_stage is Stage.OFFER or any(r.outcome in _OFFER_OUTCOMES for r in a.rounds)
        ),
        rejections=sum(1 for a in apps if any(r.outcome is Outcome.REJECTED for r in a.rounds)),
    )


def build_home(journal: Journal) -> Home:
    """Everything the home page shows."""
    return Home(
        figures=count_figures(journal),
        latest=tuple(reversed(journal.held[-LATEST_COUNT:])),
        upcoming=journal.view(build_upcoming),
        questions=journal.view(build_question_bank),
        feedback=journal.view(build_feedback_log),
        plan=journal.view(build_plan),
    )

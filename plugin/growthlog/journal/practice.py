"""The practice page and `growthlog practice`: the questions due for rehearsal, in schedule order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.journal.questions import build_question_bank

if TYPE_CHECKING:
    from growthlog.journal.journal import Journal
    from growthlog.journal.questions import BankedQuestion


@dataclass(frozen=True, slots=True)
class Practice:
    """The rehearsal deck on the journal's today."""

    today: dt.date
    due: tuple[BankedQuestion, ...]
    """Questions to rehearse now: overdue ones first (the longest overdue first), then the never rehearsed
    in the To revise order (tough and unanswered first)."""
    later: tuple[BankedQuestion, ...]
    """Questions rehearsed and not due yet, the soonest due first (those rated well are off To revise)."""

    @property
    def rehearsed_count(self) -> int:
        return sum(len(q.schedule.rehearsals) for q in (*self.due, *self.later) if q.schedule is not None)


def _due_date(question: BankedQuestion) -> dt.date:
    schedule = question.schedule
    return dt.date.max if schedule is None or schedule.due is None else schedule.due


def build_practice(journal: Journal) -> Practice:
    """The deck: every question of the To revise list before rehearsal, split into due now and later."""
    bank = journal.view(build_question_bank)
    today = journal.today
    revisable = bank.to_prepare + bank.to_rehearse + bank.rehearsed_well
    due = [q for q in revisable if q.schedule is None or q.schedule.is_due(today)]
    later = [q for q in revisable if q.schedule is not None and not q.schedule.is_due(today)]
    # Stable sorts: overdue first by date, the never rehearsed keep the To revise order after them.
    due.sort(key=_due_date)
    later.sort(key=_due_date)
    return Practice(today, tuple(due), tuple(later))

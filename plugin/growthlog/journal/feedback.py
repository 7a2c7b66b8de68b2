"""The feedback log: every feedback request, what came back, and what to chase."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from growthlog.entries.model import Entry
    from growthlog.journal.journal import Journal

#: A request unanswered for this many days is worth a polite follow-up.
CHASE_AFTER_DAYS = 7
#: How many requests to chase the feedback log lists by name; the rest are marked in its table.
CHASE_SHOWN = 10


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    """The feedback part of one entry."""

    entry: Entry
    requested: dt.date | None
    received: dt.date | None
    text: str

    @property
    def answered(self) -> bool:
        """Feedback came back: a received date or a text."""
        return self.received is not None or bool(self.text.strip())

    @property
    def days_to_answer(self) -> int | None:
        if self.requested is None or self.received is None:
            return None
        return (self.received - self.requested).days

    def days_waiting(self, today: dt.date) -> int | None:
        """Days since the request, while no answer has come."""
        if self.requested is None or self.answered:
            return None
        return (today - self.requested).days

    def needs_chasing(self, today: dt.date) -> bool:
        """Asked CHASE_AFTER_DAYS or more days ago and still unanswered."""
        waiting = self.days_waiting(today)
        return waiting is not None and waiting >= CHASE_AFTER_DAYS


@dataclass(frozen=True, slots=True)
class FeedbackLog:
    """Every entry with feedback asked for or received, oldest first."""

    records: tuple[FeedbackRecord, ...]
    today: dt.date

    @property
    def requests(self) -> tuple[FeedbackRecord, ...]:
        """The records where a request date was written down."""
        return tuple(r for r in self.records if r.requested is not None)

    @property
    def unrequested(self) -> tuple[FeedbackRecord, ...]:
        """Feedback noted without a request date (it came unasked, or the date was not written down)."""
        return tuple(r for r in self.records if r.requested is None)

    @property
    def answered_requests(self) -> tuple[FeedbackRecord, ...]:
        return tuple(r for r in self.requests if r.answered)

    @property
    def response_rate(self) -> float | None:
        """Answered requests / requests, or None when nothing was requested."""
        if not self.requests:
            return None
        return len(self.answered_requests) / len(self.requests)

    @property
    def received(self) -> tuple[FeedbackRecord, ...]:
        """Every feedback text received, newest first (asked for or not)."""
        return tuple(r for r in reversed(self.records) if r.text.strip())

    @property
    def waiting(self) -> tuple[FeedbackRecord, ...]:
        """Requests with no answer yet, asked less than CHASE_AFTER_DAYS ago."""
        return tuple(r for r in self.requests if not r.answered and not r.needs_chasing(self.today))

    @property
    def to_chase(self) -> tuple[FeedbackRecord, ...]:
        """Requests still unanswered CHASE_AFTER_DAYS or more days after they were made, longest wait first."""
        late = [r for r in self.requests if r.needs_chasing(self.today)]
        return tuple(sorted(late, key=lambda r: (r.requested or self.today, r.entry.path)))


def build_feedback_log(journal: Journal) -> FeedbackLog:
    """Collect the feedback of every entry that has any."""
    records = tuple(
        FeedbackRecord(e, e.feedback.requested, e.feedback.received, e.feedback.text)
        for e in journal.rounds
        if e.feedback is not None and (e.feedback.requested or e.feedback.received or e.feedback.text.strip())
    )
    return FeedbackLog(records, journal.today)

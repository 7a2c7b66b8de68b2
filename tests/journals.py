"""Small hand-made journals for the aggregation tests: Entry objects built directly, no files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from growthlog.journal import Journal, Mode, Settings
from growthlog.model import Entry, Outcome, Stage

TODAY = dt.date(2026, 11, 26)


def round_(
    when: str, company: str, stage: str, outcome: str, role: str = "Backend Engineer", **fields: Any
) -> Entry:
    """One round; `when` is an ISO date and names the file too."""
    return Entry(
        path=f"{when}-{company.lower().replace(' ', '-')}-{stage}.md",
        date=dt.date.fromisoformat(when),
        company=company,
        role=role,
        stage=Stage(stage),
        outcome=Outcome(outcome),
        **fields,
    )


def journal_of(*entries: Entry, today: dt.date = TODAY, mode: Mode = Mode.PUBLISH) -> Journal:
    return Journal(entries, Settings(today=today, mode=mode))

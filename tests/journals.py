"""Small hand-made journals for the aggregation tests: Entry objects built directly, no files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from growthlog.entries.model import Entry, Outcome, PlanItem, PlanStatus, SearchFit, Stage
from growthlog.journal.journal import Journal
from growthlog.journal.settings import Mode, Settings

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


def journal_of(
    *entries: Entry,
    today: dt.date = TODAY,
    mode: Mode = Mode.PUBLISH,
    pipeline_floor: int = 3,
    ghost_after_days: int = 21,
) -> Journal:
    return Journal(
        entries,
        Settings(today=today, mode=mode, pipeline_floor=pipeline_floor, ghost_after_days=ghost_after_days),
    )


def plan(*statuses: str) -> tuple[PlanItem, ...]:
    """Plan items with these statuses ('todo', 'doing', 'done')."""
    return tuple(PlanItem(f"skill {i}", "act", PlanStatus(s)) for i, s in enumerate(statuses))


def fit(role: int | None, company: int | None, note: str = "") -> SearchFit:
    return SearchFit(role_fit=role, company_fit=company, note=note)


def five_applications(**settings: Any) -> Journal:
    """Five applications in January and February 2026, 'today' 1 March 2026.

    Acme: screen, technical, onsite (rejected 20 Jan). Beta: a screen on 27 Jan,
    pending and silent since (33 days on 1 March). Gamma: screen rejected 3 Feb.
    Echo: screen, withdrew 20 Feb. Delta: screen 24 Feb, offer 26 Feb.
    """
    return journal_of(
        round_("2026-01-05", "Acme", "screen", "advanced", confidence=2),
        round_("2026-01-12", "Acme", "technical", "advanced", confidence=3),
        round_("2026-01-20", "Acme", "onsite", "rejected", confidence=2, development=plan("done", "doing")),
        round_("2026-01-27", "Beta", "screen", "pending", confidence=4),
        round_("2026-02-03", "Gamma", "screen", "rejected", development=plan("todo", "done")),
        round_("2026-02-20", "Echo", "screen", "withdrew", confidence=3),
        round_("2026-02-24", "Delta", "screen", "advanced", confidence=4),
        round_("2026-02-26", "Delta", "offer", "offer", confidence=5),
        today=dt.date(2026, 3, 1),
        **settings,
    )

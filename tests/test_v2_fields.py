"""The v2 fields of the entry format (topic, prepared, because, kind: note, reason, posting):
read, validated with file:line:field messages, and journal notes kept out of every count of rounds."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from conftest import entry
from growthlog.entries.model import EntryKind, Outcome, PlanItem, Question, Reason
from growthlog.entries.problems import Severity
from growthlog.entries.reader import read_entry
from growthlog.journal.feedback import build_feedback_log
from growthlog.journal.home import count_figures
from growthlog.journal.pipeline_health import pipeline_health
from growthlog.journal.progress import milestones, rounds_per_month
from growthlog.journal.timeline import build_timeline
from journals import journal_of, round_

if TYPE_CHECKING:
    from conftest import Journal
    from growthlog.entries.model import Entry
    from growthlog.entries.problems import Problem

HEAD = "date: 2026-03-14\ncompany: Acme Corp\nrole: Backend Engineer\nstage: screen\noutcome: rejected\n"


def read(front: str) -> tuple[Entry | None, list[Problem]]:
    return read_entry("e.md", f"---\n{front}---\nNotes.\n".encode())


def valid(front: str) -> Entry:
    found, problems = read(front)
    assert problems == [], [str(p) for p in problems]
    assert found is not None
    return found


def note(when: str, path: str = "", **fields: object) -> Entry:
    from growthlog.entries.model import Entry, Outcome, Stage

    return Entry(
        path=path or f"{when}-note.md",
        date=dt.date.fromisoformat(when),
        company="",
        role="",
        stage=Stage.APPLIED,
        outcome=Outcome.PENDING,
        kind=EntryKind.NOTE,
        **fields,  # type: ignore[arg-type]
    )


# -- questions, plan items -------------------------------------------------------


def test_a_question_has_a_topic_and_can_be_prepared() -> None:
    found = valid(
        HEAD
        + "questions:\n  - q: Describe a conflict.\n    topic: conflict with a teammate\n    prepared: yes\n"
    )
    assert found.questions == (
        Question(q="Describe a conflict.", topic="conflict with a teammate", prepared=True),
    )


def test_a_topic_that_is_not_text_and_prepared_that_is_not_a_boolean_are_errors_at_their_lines() -> None:
    found, problems = read(HEAD + "questions:\n  - q: Why us?\n    topic: [a, b]\n    prepared: maybe\n")
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(9, "questions[1].topic"), (10, "questions[1].prepared")]
    assert "expected text; found a list" in problems[0].message
    assert "expected true or false; found 'maybe'" in problems[1].message


def test_a_plan_item_says_because() -> None:
    found = valid(HEAD + "development:\n  - skill: Kafka\n    because: Kafka exactly-once semantics\n")
    assert found.development == (PlanItem(skill="Kafka", action="", because="Kafka exactly-once semantics"),)


def test_a_misspelt_field_of_a_question_or_plan_item_gets_a_did_you_mean() -> None:
    found, problems = read(
        HEAD
        + "questions:\n  - q: Why us?\n    topc: motivation\ndevelopment:\n  - skill: SQL\n    becuase: slow queries\n"
    )
    assert found is not None
    assert [(p.line, p.field, p.severity) for p in problems] == [
        (9, "questions[1].topc", Severity.WARNING),
        (12, "development[1].becuase", Severity.WARNING),
    ]
    assert "did you mean 'topic'?" in problems[0].message
    assert "did you mean 'because'?" in problems[1].message


# -- reason and posting ------------------------------------------------------------


def test_reason_and_posting_on_a_rejected_round() -> None:
    found = valid(HEAD + "reason: other candidate\nposting: https://jobs.example.com/123?ref=x\n")
    assert found.reason is Reason.OTHER_CANDIDATE
    assert found.posting == "https://jobs.example.com/123?ref=x"


def test_a_reason_outside_the_list_is_an_error_with_a_did_you_mean() -> None:
    found, problems = read(HEAD + "reason: timng\n")
    assert found is None
    [problem] = problems
    assert (problem.line, problem.field) == (7, "reason")
    assert "'timng' is not allowed; allowed: skills, experience, fit, timing" in problem.message
    assert "did you mean 'timing'?" in problem.message


def test_a_reason_on_a_round_that_was_not_rejected_or_ghosted_is_ignored_with_a_warning() -> None:
    found, problems = read(HEAD.replace("rejected", "offer") + "reason: fit\n")
    assert found is not None and found.reason is None
    [problem] = problems
    assert (problem.line, problem.field, problem.severity) == (7, "reason", Severity.WARNING)
    assert "outcome is 'offer'" in problem.message


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("jobs.example.com/123", "add 'https://' in front"),
        ("javascript:alert(1)", "expected a web address starting https://"),
        ("https://", "expected a web address"),
        ("ftp://example.com/x", "expected a web address"),
        ("https://exa mple.com", "expected a web address"),
    ],
)
def test_a_posting_must_be_a_web_address(url: str, hint: str) -> None:
    found, problems = read(HEAD + f"posting: '{url}'\n")
    assert found is None
    [problem] = problems
    assert (problem.line, problem.field) == (7, "posting")
    assert hint in problem.message


# -- journal notes -------------------------------------------------------------------


def test_a_journal_note_needs_only_a_date() -> None:
    found = valid("kind: note\ndate: 2026-09-20\ntitle: Mock interview\nwent_well: Short answers\n")
    assert found.is_note and found.kind is EntryKind.NOTE
    assert (found.company, found.role, found.title) == ("", "", "Mock interview")
    assert found.went_well == ("Short answers",)
    assert valid("kind: note\ndate: 2026-09-20\n").title == "Journal note"


def test_a_journal_note_without_a_date_is_an_error() -> None:
    found, problems = read("kind: note\ntitle: Course\n")
    assert found is None
    [problem] = problems
    assert problem.field == "date" and "required field 'date' is missing" in problem.message


def test_a_rounds_fields_on_a_note_are_ignored_with_a_warning_each() -> None:
    found, problems = read("kind: note\ndate: 2026-09-20\ncompany: Acme\noutcome: nonsense\nfeedback: Good\n")
    assert found is not None and found.company == "" and found.feedback is None
    assert [(p.line, p.field, p.severity) for p in problems] == [
        (4, "company", Severity.WARNING),
        (5, "outcome", Severity.WARNING),
        (6, "feedback", Severity.WARNING),
    ]
    assert "ignored on a journal note (kind: note)" in problems[0].message


def test_a_title_on_a_round_is_ignored_with_a_warning() -> None:
    found, problems = read(HEAD + "title: My onsite\n")
    assert found is not None and found.title == "Acme Corp · Backend Engineer · Screen"
    [problem] = problems
    assert (problem.line, problem.field, problem.severity) == (7, "title", Severity.WARNING)


@pytest.mark.parametrize(("value", "found"), [("nte", "'nte'"), ("round", "'round'"), ("[note]", "a list")])
def test_a_kind_that_is_not_note_is_an_error(value: str, found: str) -> None:
    entry_, problems = read(f"kind: {value}\n" + HEAD)
    assert entry_ is None
    [problem] = problems
    assert (problem.line, problem.field) == (2, "kind")
    assert problem.message.startswith(f"{found} is not allowed; allowed: note")
    if value == "nte":
        assert "did you mean 'note'?" in problem.message


def test_notes_never_count_as_rounds_or_applications() -> None:
    journal = journal_of(
        round_("2026-10-01", "Acme", "screen", "pending"),
        note("2026-10-05", went_well=("Slept well",)),
        note("2026-11-20", note_title="Course"),
        today=dt.date(2026, 11, 26),
    )
    assert [e.path for e in journal.rounds] == ["2026-10-01-acme-screen.md"]
    assert len(journal.entries) == 3 and len(journal.notes) == 2
    assert len(journal.applications) == 1
    assert count_figures(journal).rounds == 1
    timeline = build_timeline(journal)
    assert timeline.round_count == 1
    assert [
        (m.anchor, len(m.rounds), [n.path for n in m.notes]) for y in timeline.years for m in y.months
    ] == [
        ("month-2026-11", 0, ["2026-11-20-note.md"]),
        ("month-2026-10", 1, ["2026-10-05-note.md"]),
    ]
    assert dict(timeline.outcome_counts) == {Outcome.PENDING: 1}
    assert (
        sum(sum(c.values()) for c in rounds_per_month(journal.rounds, [dt.date(2026, 10, 1)]).values()) == 1
    )
    assert pipeline_health(journal).days_since_last_round == 56
    assert milestones(journal.rounds, journal.today).first_technical is None
    assert build_feedback_log(journal).records == ()


def test_a_note_shows_on_the_timeline_and_has_its_own_page(journal: Journal) -> None:
    journal.write("r.md", entry(date="2026-10-01", company="Acme", stage="screen", outcome="pending"))
    journal.write(
        "n.md",
        "---\nkind: note\ndate: 2026-10-05\ntitle: Mock <interview>\nquestions:\n"
        "  - q: Why us?\n    topic: motivation\n    prepared: true\n"
        "fell_short: Slow queries in the take-home\n"
        "development:\n  - skill: SQL\n    because: slow queries\n---\nPracticed.\n",
    )
    site = journal.build()
    timeline = (site / "timeline/index.html").read_text()
    assert "1 round in 1 application" in timeline
    assert "1 round, 1 journal note" in timeline
    assert re.search(
        r'<li class="gl-round gl-round--note">.*Mock &lt;interview&gt;</a> <span class="gl-badge gl-note">',
        timeline,
    )
    page = (site / "n/index.html").read_text()
    assert '<h1 id="entry">Mock &lt;interview&gt;</h1>' in page
    assert "Journal note</span>" in page and "gl-stage" not in page.split('id="entry"')[1].split("</p>")[0]
    assert "Topic: motivation" in page and "gl-prepared" in page
    assert "Because:</span> slow queries" in page
    latest = (site / "index.html").read_text().split('<ul class="gl-latest">', 1)[1].split("</ul>", 1)[0]
    assert latest.count("<li>") == 1 and "Mock" not in latest


def test_a_round_page_shows_its_reason_and_posting(journal: Journal) -> None:
    journal.write(
        "r.md",
        entry(outcome="rejected", reason="timing", posting="https://jobs.example.com/1?a=1&b=<2>"),
    )
    page = (journal.build() / "r/index.html").read_text()
    assert "Reason: timing" in page
    assert (
        '<a href="https://jobs.example.com/1?a=1&amp;b=&lt;2&gt;" rel="noopener noreferrer">The job posting</a>'
        in page
    )

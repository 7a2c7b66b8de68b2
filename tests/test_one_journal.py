"""One journal across entries: question topics, plan items with identity, `because:`, the plan loop,
the checks across entries (a round written twice, one application under two names, near misses) and
the suggestions, which never link anything by themselves."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from typing import TYPE_CHECKING

from click.testing import CliRunner
from conftest import entry
from growthlog.cli import main
from growthlog.entries.model import Feedback, Lesson, PlanItem, PlanStatus, Question
from growthlog.entries.problems import Severity
from growthlog.journal import similarity
from growthlog.journal.checks import journal_problems, loose_company, loose_role, suggestions
from growthlog.journal.home import build_home
from growthlog.journal.plan import build_plan
from growthlog.journal.progress import plan_growth
from growthlog.journal.questions import build_question_bank
from journals import journal_of, round_

if TYPE_CHECKING:
    from conftest import Journal

D = dt.date.fromisoformat
CONFLICT = (
    "Tell me about a time you disagreed with a teammate",
    "Describe a conflict with a colleague and how you handled it.",
    "Tell me about a disagreement with a coworker",
)


# -- similarity -------------------------------------------------------------------------


def test_paraphrases_of_one_question_are_alike_and_other_questions_are_not() -> None:
    assert all(similarity.alike(a, b) for a in CONFLICT for b in CONFLICT)
    assert similarity.alike("What is your greatest weakness?", "What's your biggest weakness")
    assert not similarity.alike(CONFLICT[0], "Tell me about a time you failed")
    assert not similarity.alike(CONFLICT[0], "Tell me about a time you led a team")
    assert not similarity.alike("Why us?", "Why us?")  # nothing but filler words: no meaning to compare
    assert similarity.clusters([CONFLICT[0], "How would you design a rate limiter?", *CONFLICT[1:]]) == [
        [0, 2, 3]
    ]


def test_similarity_is_the_same_in_a_new_process() -> None:
    """Deterministic: no hash order, no model, no network (a new interpreter has another hash seed)."""
    code = (
        "from growthlog.journal import similarity as s;"
        f"print(s.clusters({[*CONFLICT, 'Tell me about a time you failed', 'Why do you fail?']!r}),"
        f"sorted(s.signature({CONFLICT[1]!r})))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    }
    assert runs == {"[[0, 1, 2], [3, 4]] ['colleagu', 'conflict']\n"}


# -- question topics -------------------------------------------------------------------------


def test_a_topic_makes_one_card_of_every_wording_with_every_answer_and_better_answer() -> None:
    journal = journal_of(
        round_(
            "2026-01-05",
            "Acme",
            "screen",
            "advanced",
            questions=(Question(CONFLICT[0], answer="A1", better_answer="B1"),),
        ),
        round_(
            "2026-02-05",
            "Beta",
            "screen",
            "advanced",
            questions=(Question(CONFLICT[1], topic="Conflict", answer="A2"),),
        ),
        round_(
            "2026-03-05",
            "Gamma",
            "screen",
            "advanced",
            questions=(Question(CONFLICT[2], topic="conflict!", answer="A3", better_answer="B3"),),
        ),
        # The first wording again, without a topic: it joins the card its wording was given a topic in.
        round_(
            "2026-04-05",
            "Delta",
            "screen",
            "advanced",
            questions=(Question(CONFLICT[1].upper(), answer="A4"),),
        ),
    )
    bank = build_question_bank(journal)
    # The first question has no topic and a wording of its own: it stays a card of its own.
    assert [q.times_asked for q in bank.questions] == [3, 1]
    card = bank.questions[0]
    assert card.topic == "Conflict"
    assert [(text, [m.entry.date.isoformat() for m in times]) for text, times in card.wordings] == [
        (CONFLICT[1], ["2026-02-05", "2026-04-05"]),
        (CONFLICT[2], ["2026-03-05"]),
    ]
    assert [m.item.answer for m in card.asked] == ["A2", "A3", "A4"]
    assert [m.item.better_answer for m in card.better_answers] == ["B3"]
    assert card.is_prepared and card.better_answer == "B3"
    # The card without a topic looks like the topic's card: suggested, never merged.
    assert [[q.text for q in group] for group in bank.look_alike] == [[card.text, CONFLICT[0]]]


def test_a_card_is_prepared_by_prepared_true_and_leaves_the_to_prepare_list() -> None:
    journal = journal_of(
        round_(
            "2026-01-05",
            "Acme",
            "screen",
            "advanced",
            questions=(Question("Why us?", prepared=True), Question("Why now?")),
        ),
    )
    bank = build_question_bank(journal)
    assert [q.text for q in bank.to_prepare] == ["Why now?"]
    assert {q.text: q.is_prepared for q in bank.questions} == {"Why us?": True, "Why now?": False}


def test_questions_with_different_topics_are_not_suggested_again() -> None:
    journal = journal_of(
        round_("2026-01-05", "Acme", "screen", "advanced", questions=(Question(CONFLICT[0], topic="peers"),)),
        round_(
            "2026-02-05", "Beta", "screen", "advanced", questions=(Question(CONFLICT[2], topic="coworkers"),)
        ),
    )
    bank = build_question_bank(journal)
    assert len(bank.questions) == 2 and bank.look_alike == ()


def test_the_question_bank_page_shows_the_topic_card_and_the_look_alike_suggestion(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-01-05",
            company="Acme",
            questions=[
                {
                    "q": CONFLICT[0],
                    "topic": "conflict",
                    "answer": "Said <this>",
                    "better_answer": "Next <time>",
                }
            ],
        ),
    )
    journal.write(
        "b.md",
        entry(
            date="2026-02-05",
            company="Beta",
            questions=[{"q": CONFLICT[1], "topic": "Conflict", "answer": "Said that"}],
        ),
    )
    journal.write("c.md", entry(date="2026-03-05", company="Gamma", questions=[{"q": CONFLICT[2]}]))
    main = (journal.build() / "questions/index.html").read_text()
    assert "Topic: conflict" in main and "Asked in 2 wordings" in main
    assert "Next &lt;time&gt;" in main and "Said &lt;this&gt;" in main
    alike = main.split('id="look-alike"', 1)[1].split("</ul>", 1)[0]
    assert "These 2 questions look alike" in alike and CONFLICT[2] in alike


# -- plan items with identity, because, the loop ---------------------------------------------------


def _kafka_journal() -> list[object]:
    return [
        round_(
            "2026-01-05",
            "Acme",
            "onsite",
            "rejected",
            fell_short=("Kafka exactly-once semantics, mixed up idempotence", "Behavioral answers too long"),
            development=(
                PlanItem(
                    "Kafka",
                    "Read the docs",
                    PlanStatus.TODO,
                    D("2026-02-01"),
                    because="kafka exactly-once semantics",
                ),
                PlanItem(
                    "Behavioral stories", "Write six", PlanStatus.DONE, because="Behavioral answers too long"
                ),
            ),
        ),
        round_(
            "2026-02-05",
            "Beta",
            "screen",
            "advanced",
            development=(PlanItem("KAFKA!", "", PlanStatus.DOING, D("2026-03-01")),),
        ),
        round_(
            "2026-03-05",
            "Gamma",
            "screen",
            "advanced",
            fell_short=("Behavioral answers too long again",),
            development=(PlanItem("kafka", "Build a consumer", PlanStatus.DONE),),
        ),
        round_("2026-04-05", "Delta", "screen", "advanced", lessons=(Lesson("Sleep well"),)),
    ]


def test_the_same_skill_in_later_entries_is_one_item_whose_latest_entry_wins() -> None:
    journal = journal_of(*_kafka_journal(), today=D("2026-04-10"))  # type: ignore[arg-type]
    plan = build_plan(journal)
    assert [i.item.skill for i in plan.items] == ["kafka", "Behavioral stories"]
    kafka = plan.items[0]
    assert kafka.item.status is PlanStatus.DONE and kafka.item.action == "Build a consumer"
    assert kafka.entry.company == "Acme" and kafka.latest.company == "Gamma"
    assert [(s.entry.company, s.item.status) for s in kafka.changes] == [
        ("Acme", PlanStatus.TODO),
        ("Beta", PlanStatus.DOING),
        ("Gamma", PlanStatus.DONE),
    ]
    # Its earlier due dates passed, but it is done now: not overdue, not due (home page too).
    assert plan.overdue == () and build_home(journal).plan.due_soon == ()
    # One item, counted once, by its latest status.
    assert sum(sum(c.values()) for c in plan_growth(plan.items, [D("2026-04-01")]).values()) == 2
    assert plan_growth(plan.items, [D("2026-04-01")])[D("2026-04-01")][PlanStatus.DONE] == 2


def test_because_names_the_text_that_motivated_an_item_and_the_loop_says_whether_it_came_back() -> None:
    plan = build_plan(journal_of(*_kafka_journal(), today=D("2026-04-10")))  # type: ignore[arg-type]
    kafka, stories = plan.items
    assert kafka.motivation is not None and not kafka.motivation.suggested
    assert kafka.motivation.said is not None
    assert kafka.motivation.said.text == "Kafka exactly-once semantics, mixed up idempotence"
    # Kafka was done at Gamma; one round since (Delta) without it: closed.
    assert kafka.done_on == D("2026-03-05") and kafka.later_rounds == 1 and kafka.closed
    # Behavioral stories was done at Acme; Gamma's shortfall repeats its `because:`: it came back.
    assert stories.came_back is not None
    assert (stories.came_back.entry.company, stories.came_back.text) == (
        "Gamma",
        "Behavioral answers too long again",
    )
    assert not stories.closed
    assert (len(plan.done), len(plan.closed), len(plan.came_back)) == (2, 1, 1)


def test_a_done_item_with_no_round_since_is_neither_closed_nor_back() -> None:
    plan = build_plan(
        journal_of(
            round_(
                "2026-01-05",
                "Acme",
                "screen",
                "advanced",
                development=(PlanItem("SQL", "x", PlanStatus.DONE),),
            )
        )
    )
    [item] = plan.items
    assert item.untested and not item.closed and item.came_back is None


def test_no_reason_is_guessed_from_a_shared_word() -> None:
    """The issue's case: "Distributed systems: Read DDIA" is not motivated by "could not read the plan"."""
    journal = journal_of(
        round_(
            "2026-01-05",
            "Acme",
            "onsite",
            "rejected",
            fell_short=("Could not read the query plan",),
            feedback=Feedback(text="Go deeper on data"),
            development=(PlanItem("Distributed systems", "Read DDIA", PlanStatus.TODO),),
        )
    )
    [item] = build_plan(journal).items
    assert item.motivation is None


def test_a_text_naming_the_skill_is_only_a_suggestion() -> None:
    journal = journal_of(
        round_(
            "2026-01-05",
            "Acme",
            "onsite",
            "rejected",
            feedback=Feedback(text="More depth on distributed systems, please"),
            development=(PlanItem("Distributed systems", "Read DDIA", PlanStatus.TODO),),
        )
    )
    [item] = build_plan(journal).items
    assert item.motivation is not None and item.motivation.suggested


def test_the_plan_progress_and_entry_pages_show_history_reason_and_loop(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-01-05",
            company="Acme",
            stage="onsite",
            outcome="rejected",
            fell_short=["Behavioral answers too long <really>"],
            development=[
                {
                    "skill": "Stories",
                    "action": "Write six",
                    "status": "done",
                    "because": "behavioral answers too long",
                }
            ],
        ),
    )
    journal.write(
        "n.md",
        "---\nkind: note\ndate: 2026-02-01\ntitle: Week 5\ndevelopment:\n  - skill: SQL\n    action: Read\n    status: doing\n---\n",
    )
    journal.write(
        "b.md",
        entry(
            date="2026-03-05",
            company="Beta",
            stage="screen",
            outcome="advanced",
            fell_short=["Behavioral answers too long again"],
            development=[{"skill": "sql", "action": "Practise EXPLAIN", "status": "done"}],
        ),
    )
    journal.write("c.md", entry(date="2026-04-05", company="Gamma", stage="screen", outcome="advanced"))
    journal.plugin_config()["today"] = "2026-04-10"
    site = journal.build()
    plan = (site / "plan/index.html").read_text()
    done = plan.split('id="status-done"', 1)[1]
    assert "<strong>Because</strong> fell short “Behavioral answers too long &lt;really&gt;”" in done
    assert re.search(r"<strong>Came back</strong> on 5 Mar 2026 at <a href=\"../b/\">Beta, screen</a>", done)
    assert "Added (doing): <a" in done and "Done: <a" in done
    assert "<strong>Closed</strong>: not seen again in the 1 round since" in done
    progress = (site / "progress/index.html").read_text()
    assert "2 items done: 1 closed, 1 came back." in progress
    page_a = (site / "a/index.html").read_text()
    assert "<strong>Came back</strong> on 5 Mar 2026 at" in page_a
    page_n = (site / "n/index.html").read_text()
    assert '<span class="gl-label">Now:</span> done' in page_n


# -- checks across entries ---------------------------------------------------------------------


def test_loose_names_drop_case_punctuation_legal_suffixes_and_levels() -> None:
    assert loose_company("ACME Inc.") == loose_company("Acme") == loose_company("acme, ltd") == "acme"
    assert loose_company("Müller GmbH") == "müller"
    assert loose_role("Backend Engineer (Mid)") == loose_role("backend engineer") == "backend engineer"
    assert loose_company("Incline") == "incline"  # a suffix only as a whole word


def test_a_round_written_twice_is_an_error_naming_both_files_and_near_twin_applications_a_warning() -> None:
    a = round_("2026-01-05", "Acme", "screen", "advanced", role="Backend Engineer (Mid)")
    b = round_("2026-02-05", "ACME Inc.", "technical", "rejected")
    copy = round_("2026-02-05", "ACME Inc.", "technical", "rejected")
    copy = type(copy)(**{**{f: getattr(copy, f) for f in copy.__slots__}, "path": "copy.md"})  # type: ignore[attr-defined]
    problems = journal_problems([a, b, copy])
    assert [(p.path, p.field, p.severity) for p in problems] == [
        ("2026-02-05-acme-inc.-technical.md", "company", Severity.WARNING),
        ("copy.md", "date", Severity.ERROR),
    ]
    assert "'2026-02-05-acme-inc.-technical.md' and 'copy.md'" in problems[1].message
    assert "application: acme-backend-engineer" in problems[0].message


def test_applications_named_apart_on_purpose_are_not_warned_about() -> None:
    a = round_("2026-01-05", "Acme", "screen", "advanced", application_id="acme-1")
    b = round_("2026-02-05", "ACME Inc.", "screen", "advanced", application_id="acme-2")
    assert journal_problems([a, b]) == []


def test_near_misses_of_a_theme_or_topic_and_an_unmatched_because_are_warnings_at_their_lines() -> None:
    a = round_(
        "2026-01-05",
        "Acme",
        "screen",
        "advanced",
        fell_short=("Vague on consistency models",),
        lessons=(
            Lesson("x", "preparation", line=20),
            Lesson("y", "preparation", line=21),
            Lesson("z", "preperation", line=22),
        ),
        development=(PlanItem("DB", "Read", because="vague on consistancy models", line=30),),
    )
    problems = journal_problems([a])
    assert [(p.line, p.field) for p in problems] == [(22, "lessons.theme"), (30, "development[1].because")]
    assert "did you mean 'preparation'" in problems[0].message
    assert "did you mean 'Vague on consistency models'?" in problems[1].message


def test_check_prints_suggestions_without_failing(journal: Journal) -> None:
    journal.write("a.md", entry(date="2026-01-05", questions=[CONFLICT[0]]))
    journal.write("b.md", entry(date="2026-02-05", company="Beta", questions=[CONFLICT[2]]))
    done = CliRunner().invoke(main, ["check", str(journal.entries)])
    assert done.exit_code == 0, done.output
    assert "suggestion: these 2 questions look alike" in done.output
    assert re.search(r"a\.md:\d+: " + CONFLICT[0], done.output)
    assert suggestions([]) == []


# -- near-duplicates on the lessons page ------------------------------------------------------


def test_near_duplicate_reflections_group_under_their_most_written_wording_with_the_variants() -> None:
    from growthlog.journal.lessons import build_lessons

    journal = journal_of(
        round_("2026-01-05", "Acme", "screen", "advanced", fell_short=("Behavioral answers too long",)),
        round_(
            "2026-02-05", "Beta", "screen", "advanced", fell_short=("Behavioral answers too long", "Nervous")
        ),
        round_(
            "2026-03-05", "Gamma", "screen", "advanced", fell_short=("My behavioural answers ran too long",)
        ),
    )
    index = build_lessons(journal)
    top = index.fell_short[0]
    assert (top.text, top.count, top.variants) == (
        "Behavioral answers too long",
        3,
        ("My behavioural answers ran too long",),
    )
    assert [e.company for e in top.entries] == ["Acme", "Beta", "Gamma"]
    assert [w.text for w in index.recurring_fell_short] == ["Behavioral answers too long"]
    assert [w.text for w in index.fell_short] == ["Behavioral answers too long", "Nervous"]


# -- counts that add up ----------------------------------------------------------------------


def test_every_pages_headline_numbers_agree_with_its_lists(journal: Journal) -> None:
    """The sample journal (a note, a topic card, a plan item across entries, feedback with and
    without a request date): each figure a page states is the number of rows it lists."""
    journal.copy_sample()
    journal.plugin_config()["today"] = "2026-11-26"
    site = journal.build()

    def main(page: str) -> str:
        html = (site / page / "index.html").read_text()
        return html.split('<article class="md-content__inner', 1)[1].rsplit("</article>", 1)[0]

    lessons = main("lessons")
    m = re.search(r"(\d+) requests?, (\d+) answered", lessons)
    assert m is not None
    requests, answered = int(m[1]), int(m[2])
    table = lessons.split('id="every-request"', 1)[1]
    rows = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr")
    heading = re.search(r'all feedback <span class="gl-count">(\d+)</span>', table)
    assert heading is not None and int(heading[1]) == rows
    unasked = re.search(r"and (\d+) rounds? with feedback noted but no request date", table)
    assert requests + (int(unasked[1]) if unasked else 0) == rows
    assert re.search(rf"{requests} requests? with the date you asked", table)
    assert answered <= requests

    timeline = main("timeline")
    lead = re.search(r"(\d+) rounds in (\d+) applications", timeline)
    assert lead is not None
    assert timeline.count('<li class="gl-round gl-round--') - timeline.count("gl-round--note") == int(lead[1])
    assert len(re.findall(r'<tr id="application-', timeline)) == int(lead[2])
    assert timeline.count("gl-round--note") == 1

    plan = main("plan")
    lead = re.search(r"(\d+) items: (\d+) to do, (\d+) doing, (\d+) done", plan)
    assert lead is not None
    total, *by_status = (int(g) for g in lead.groups())
    assert sum(by_status) == total
    for status, count in zip(("todo", "doing", "done"), by_status, strict=True):
        section = plan.split(f'id="status-{status}"', 1)[1].split("<h2", 1)[0]
        assert f'<span class="gl-count">{count}</span>' in section.split("</h2>", 1)[0]
        assert len(re.findall(r"<li(?: class=\"gl-plan--late\")?><strong>", section)) == count

    progress = main("progress")
    summary = re.search(
        r"(\d+) items done: (\d+) closed, (\d+) came back(?:, (\d+) with no round since)?", progress
    )
    assert summary is not None
    assert int(summary[1]) == by_status[2] == int(summary[2]) + int(summary[3]) + int(summary[4] or 0)
    assert f"{total} plan items written so far" in progress

    questions = main("questions")
    lead = re.search(r"(\d+) questions, asked (\d+) times in all", questions)
    assert lead is not None
    assert questions.count('<article class="gl-qcard') == int(lead[1])
    asked = sum(int(n) for n in re.findall(r"<strong>Asked (\d+) times?</strong>", questions))
    assert asked == int(lead[2])


def test_a_skill_written_once_that_is_a_near_miss_of_one_written_more_often_is_a_warning() -> None:
    rounds = [
        round_(
            "2026-01-05", "Acme", "screen", "advanced", development=(PlanItem("Kafka streams", "x", line=9),)
        ),
        round_(
            "2026-02-05", "Beta", "screen", "advanced", development=(PlanItem("kafka streams", "y", line=9),)
        ),
        round_(
            "2026-03-05",
            "Gamma",
            "screen",
            "advanced",
            development=(PlanItem("Kafka streems", "z", line=12),),
        ),
        round_("2026-04-05", "Delta", "screen", "advanced", development=(PlanItem("SQL", "z", line=12),)),
    ]
    [problem] = journal_problems(rounds)
    assert (problem.path, problem.line, problem.field) == (
        "2026-03-05-gamma-screen.md",
        12,
        "development.skill",
    )
    assert "did you mean 'Kafka streams'" in problem.message and problem.severity is Severity.WARNING

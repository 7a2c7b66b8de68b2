"""Lessons, feedback log, question bank and plan: counts and groupings written by hand."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import TYPE_CHECKING

from conftest import entry
from growthlog.entries.model import (
    Feedback,
    Lesson,
    PlanItem,
    PlanStatus,
    Question,
    QuestionCategory,
    normalise_key,
)
from growthlog.journal.feedback import build_feedback_log
from growthlog.journal.lessons import NO_THEME, build_lessons
from growthlog.journal.plan import build_plan
from growthlog.journal.questions import build_question_bank
from growthlog.pages.journal_pages import GENERATED_PAGES
from growthlog.pages.renderer import Renderer
from journals import journal_of, round_

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Journal
    from growthlog.journal.journal import Journal as JournalOfEntries

D = dt.date


def test_the_same_lesson_in_three_wordings_shows_once_with_every_source() -> None:
    journal = journal_of(
        round_(
            "2026-09-01", "Acme", "screen", "advanced", lessons=(Lesson("Ask about on-call load.", "search"),)
        ),
        round_(
            "2026-09-10", "Beta", "screen", "advanced", lessons=(Lesson("ask about  ON-CALL load", "Search"),)
        ),
        round_(
            "2026-09-20",
            "Gamma",
            "screen",
            "advanced",
            lessons=(Lesson("Ask about on-call load.", ""), Lesson("Draw the data flow first", "technical")),
        ),
        round_("2026-09-25", "Delta", "screen", "advanced", lessons=(Lesson("Sleep before onsites"),)),
    )
    index = build_lessons(journal)
    assert [(t.theme, t.count) for t in index.themes] == [("search", 3), ("technical", 1), (NO_THEME, 1)]
    [on_call] = index.themes[0].lessons
    assert on_call.text == "Ask about on-call load."  # the most common wording
    assert on_call.count == 3
    assert [e.company for e in on_call.entries] == ["Acme", "Beta", "Gamma"]
    assert index.lesson_count == 3


def test_went_well_and_fell_short_are_counted_after_normalising() -> None:
    journal = journal_of(
        round_("2026-09-01", "Acme", "screen", "advanced", fell_short=("Rambled", "No capacity estimate")),
        round_(
            "2026-09-10", "Beta", "screen", "advanced", fell_short=("rambled!",), went_well=("Clear intro",)
        ),
        round_(
            "2026-09-20", "Gamma", "screen", "advanced", fell_short=("Rambled.",), went_well=("clear intro",)
        ),
    )
    index = build_lessons(journal)
    assert [(w.text, w.count) for w in index.fell_short] == [("Rambled", 3), ("No capacity estimate", 1)]
    assert [(w.text, w.count) for w in index.recurring_fell_short] == [("Rambled", 3)]
    assert [(w.key, w.count) for w in index.went_well] == [("clear intro", 2)]


def test_feedback_log_rate_texts_and_requests_to_chase() -> None:
    # today is 2026-11-26
    journal = journal_of(
        # asked and answered 5 days later
        round_(
            "2026-10-01",
            "Acme",
            "screen",
            "rejected",
            feedback=Feedback(D(2026, 10, 2), D(2026, 10, 7), "More depth"),
        ),
        # asked, text arrived but its date was not noted: answered
        round_(
            "2026-10-10", "Beta", "screen", "rejected", feedback=Feedback(D(2026, 10, 11), None, "Good fit")
        ),
        # asked 30 days ago, no answer: chase
        round_("2026-10-26", "Gamma", "screen", "rejected", feedback=Feedback(D(2026, 10, 27))),
        # asked exactly 7 days ago: chase
        round_("2026-11-18", "Delta", "screen", "rejected", feedback=Feedback(D(2026, 11, 19))),
        # asked 6 days ago: still waiting, not yet to chase
        round_("2026-11-19", "Epsilon", "screen", "rejected", feedback=Feedback(D(2026, 11, 20))),
        # recruiter feedback never asked for: a text, not a request
        round_("2026-11-21", "Zeta", "screen", "advanced", feedback=Feedback(text="Strong SQL")),
        round_("2026-11-22", "Eta", "screen", "advanced"),
    )
    log = build_feedback_log(journal)
    assert len(log.records) == 6
    assert len(log.requests) == 5
    assert len(log.answered_requests) == 2
    assert log.response_rate == 2 / 5
    assert [r.text for r in log.received] == ["Strong SQL", "Good fit", "More depth"]  # newest first
    assert [r.entry.company for r in log.to_chase] == ["Gamma", "Delta"]
    assert [r.days_waiting(journal.today) for r in log.to_chase] == [30, 7]
    assert [r.entry.company for r in log.waiting] == ["Epsilon"]
    assert log.records[0].days_to_answer == 5


def test_feedback_log_without_requests_has_no_rate() -> None:
    log = build_feedback_log(journal_of(round_("2026-10-01", "Acme", "screen", "advanced")))
    assert log.records == () and log.response_rate is None and log.to_chase == ()


def test_question_bank_groups_wordings_and_keeps_the_answer_history() -> None:
    journal = journal_of(
        round_(
            "2026-06-01",
            "Acme",
            "screen",
            "advanced",
            questions=(
                Question(
                    "How would you design a rate limiter?", QuestionCategory.SYSTEM_DESIGN, True, "Froze"
                ),
                Question("Why us?", QuestionCategory.CULTURE, False, "Product", "Your data problems"),
            ),
        ),
        round_(
            "2026-07-01",
            "Beta",
            "technical",
            "advanced",
            questions=(
                Question(
                    "how would you design a rate limiter",
                    QuestionCategory.SYSTEM_DESIGN,
                    False,
                    "Token bucket",
                    "Token bucket, plus an estimate",
                ),
            ),
        ),
        round_(
            "2026-08-01",
            "Acme",
            "onsite",
            "advanced",
            questions=(
                Question("How would you design a rate limiter ?", QuestionCategory.TECHNICAL, False, "Redis"),
                Question("Tell me about a failure", QuestionCategory.BEHAVIORAL),
            ),
        ),
    )
    bank = build_question_bank(journal)
    assert len(bank.questions) == 3
    assert bank.times_asked == 5
    limiter = bank.questions[0]
    assert limiter.times_asked == 3
    assert limiter.companies == ("Acme", "Beta")
    assert limiter.category is QuestionCategory.SYSTEM_DESIGN  # filed so twice, technical once
    assert [m.item.answer for m in limiter.asked] == ["Froze", "Token bucket", "Redis"]
    assert limiter.better_answer == "Token bucket, plus an estimate"
    assert limiter.tough
    # To revise: first what has no better answer yet, then tough questions to rehearse.
    assert [q.text for q in bank.to_prepare] == ["Tell me about a failure"]
    assert [q.text for q in bank.to_rehearse] == [limiter.text]
    assert [q.text for q in bank.to_revise] == ["Tell me about a failure", limiter.text]
    assert bank.to_revise[0].revise_reasons == ("no better answer yet",)
    assert limiter.revise_reasons == ("tough",)
    assert [(c.category, len(c.questions)) for c in bank.categories] == [
        (QuestionCategory.BEHAVIORAL, 1),
        (QuestionCategory.SYSTEM_DESIGN, 1),
        (QuestionCategory.CULTURE, 1),
    ]


def test_plan_by_status_overdue_due_soon_and_this_month() -> None:
    # today is 2026-11-26
    journal = journal_of(
        round_(
            "2026-10-01",
            "Acme",
            "onsite",
            "rejected",
            fell_short=("Thin on Kafka",),
            feedback=Feedback(text="Go deeper on streaming"),
            development=(
                PlanItem("Kafka", "Build a consumer", PlanStatus.DOING, D(2026, 11, 10)),  # overdue 16 days
                PlanItem("SQL", "Read plans", PlanStatus.DONE, D(2026, 10, 20)),  # done: never overdue
                PlanItem("Stories", "Write three", PlanStatus.TODO, D(2026, 11, 30)),  # due soon, this month
                PlanItem("Spark", "Basics", PlanStatus.TODO, D(2027, 1, 15)),  # later
                PlanItem("Reading", "DDIA", PlanStatus.TODO),  # no due date
            ),
        ),
        round_(
            "2026-11-20",
            "Beta",
            "screen",
            "advanced",
            development=(PlanItem("Pitch", "Rehearse", PlanStatus.TODO, D(2026, 12, 10)),),  # due in 14 days
        ),
    )
    plan = build_plan(journal)
    groups = {g.status: [i.item.skill for i in g.items] for g in plan.by_status}
    assert groups == {
        PlanStatus.TODO: ["Stories", "Pitch", "Spark", "Reading"],
        PlanStatus.DOING: ["Kafka"],
        PlanStatus.DONE: ["SQL"],
    }
    assert [i.item.skill for i in plan.overdue] == ["Kafka"]
    assert plan.overdue[0].days_overdue == 16
    assert [i.item.skill for i in plan.due_soon] == ["Stories", "Pitch"]
    assert [i.item.skill for i in plan.this_month] == ["Kafka", "Stories"]
    assert plan.open_count == 5
    kafka = plan.overdue[0]
    # No `because:`: "Thin on Kafka" names the skill in full, so it is offered as a suggestion.
    assert kafka.motivation is not None and kafka.motivation.suggested
    assert kafka.motivation.said is not None and kafka.motivation.said.text == "Thin on Kafka"
    # Nothing names "Stories: Write three": no reason is shown (never guessed).
    stories = next(i for i in plan.items if i.item.skill == "Stories")
    assert stories.motivation is None


def _main(page_html: str) -> str:
    return page_html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def _two_rounds(journal: Journal) -> Path:
    journal.write(
        "a.md",
        entry(
            date="2026-10-01",
            company="Acme",
            stage="screen",
            outcome="rejected",
            fell_short=["Rambled"],
            feedback={"requested": "2026-10-02", "received": "2026-10-06", "text": "Be concise."},
            questions=[{"q": "Why us?", "category": "culture", "answer": "Product", "tough": True}],
            lessons=[{"text": "Keep answers short.", "theme": "delivery"}],
            development=[
                {
                    "skill": "Stories",
                    "action": "Write three",
                    "status": "doing",
                    "due": "2026-11-10",
                    "because": "rambled",
                }
            ],
        ),
    )
    journal.write(
        "b.md",
        entry(
            date="2026-11-01",
            company="Beta",
            stage="screen",
            outcome="advanced",
            fell_short=["rambled!"],
            feedback={"requested": "2026-11-02"},
            questions=[
                {"q": "why US", "category": "culture", "answer": "Team", "better_answer": "Your data"}
            ],
            lessons=["keep answers short"],
        ),
    )
    return journal.build()


def test_lessons_page_shows_grouped_lessons_and_the_feedback_log(journal: Journal) -> None:
    main = _main((_two_rounds(journal) / "lessons/index.html").read_text())
    assert main.count("Keep answers short.") == 1
    assert 'title="Written in 2 entries">\u00d7 2<' in main
    assert 'href="../a/"' in main and 'href="../b/"' in main
    assert '<h3 id="theme-delivery">Delivery' in main
    assert "response rate 50%" in main
    assert "Be concise." in main
    chase = main.split('id="to-chase"', 1)[1].split("</ul>", 1)[0]
    assert "Beta, screen" in chase and "waiting 24 days" in chase and "Acme" not in chase


def test_questions_page_shows_to_revise_counts_and_history(journal: Journal) -> None:
    main = _main((_two_rounds(journal) / "questions/index.html").read_text())
    to_revise = main.split('id="to-revise"', 1)[1].split("</ol>", 1)[0]
    assert "Why us?" in to_revise and "Tough" in to_revise
    assert "Asked 2 times" in main
    assert "Acme, Beta" in main
    history = main.split("Answer history", 1)[1]
    assert history.index("Product") < history.index("Team")
    assert "Your data" in main
    assert "why US" not in main  # one question, shown in its first wording (a tie)


def test_plan_page_flags_overdue_and_shows_the_motivation(journal: Journal) -> None:
    main = _main((_two_rounds(journal) / "plan/index.html").read_text())
    assert "Overdue 16 days" in main
    doing = main.split('id="status-doing"', 1)[1]
    assert "Write three" in doing and 'href="../a/"' in doing
    # The reason is what `because:` names, in the entry that wrote it; nothing else is guessed.
    assert "<strong>Because</strong> fell short “Rambled” (" in doing
    assert "Be concise." not in doing and "Keep answers short." not in doing
    assert '<h2 id="this-month">This month' in main


def _rendered(journal: JournalOfEntries, name: str) -> str:
    """One generated page rendered straight from Entry objects (no MkDocs build needed)."""
    [page] = [p for p in GENERATED_PAGES if p.src_uri == f"{name}.md"]
    return Renderer(journal).page(page)


def test_lessons_page_lists_the_ten_most_written_reflections_and_says_where_the_rest_are() -> None:
    # 12 rounds, each with its own "went well"; the first and last also share "Clear intro".
    rounds = [
        round_(f"2026-09-{day:02d}", f"Co{day}", "screen", "advanced", went_well=(f"Item {day}",))
        for day in range(1, 13)
    ]
    rounds[0] = round_("2026-09-01", "Co1", "screen", "advanced", went_well=("Item 1", "Clear intro"))
    rounds[-1] = round_("2026-09-12", "Co12", "screen", "advanced", went_well=("Item 12", "clear intro!"))
    page = _rendered(journal_of(*rounds), "lessons")
    went_well = page.split('id="went-well"', 1)[1].split("</section>", 1)[0]
    assert "13 items" in went_well  # 12 items + "Clear intro"
    assert went_well.count("<li>") == 10
    assert went_well.index("Clear intro") < went_well.index("Item 12")  # written twice: first
    assert 'title="Written in 2 entries">\u00d7 2<' in went_well
    # The most recent first among equals: Item 12 to Item 4 are shown, Item 1 to 3 are not.
    assert "Item 4" in went_well and "Item 3" not in went_well
    assert "The 10 written most often of 13" in went_well and 'href="../timeline/"' in went_well
    # Nothing falls short: says so rather than showing an empty list.
    assert "Nothing written under <code>fell_short:</code> yet." in page


def test_feedback_log_lists_each_request_once_with_its_text_and_status() -> None:
    # today is 2026-11-26
    rounds = [
        round_(
            "2026-10-01",
            "Acme",
            "screen",
            "rejected",
            feedback=Feedback(D(2026, 10, 2), D(2026, 10, 7), "More depth"),
        ),
        round_("2026-10-20", "Beta", "screen", "rejected", feedback=Feedback(D(2026, 10, 21))),
        round_("2026-11-22", "Gamma", "screen", "rejected", feedback=Feedback(D(2026, 11, 23))),
    ]
    page = _rendered(journal_of(*rounds), "lessons")
    table = page.split('id="every-request"', 1)[1]
    rows = table.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
    assert ["Gamma" in rows[0], "Beta" in rows[1], "Acme" in rows[2]] == [True, True, True]  # newest first
    assert "7 Oct 2026" in rows[2] and "(5 days)" in rows[2] and "\u201cMore depth\u201d" in rows[2]
    assert "Chase" in rows[1] and "Waiting" in rows[0]
    assert page.count("More depth") == 1  # the text is shown once, in its row


def test_question_card_names_five_companies_with_counts_and_the_history_has_every_round() -> None:
    why = Question("Why us?", QuestionCategory.CULTURE, False, "Because")
    companies = ["Acme", "Beta", "Acme", "Gamma", "Delta", "Acme", "Eps", "Zeta", "Beta"]
    rounds = [
        round_(f"2026-09-{day:02d}", name, "screen", "advanced", questions=(why,))
        for day, name in enumerate(companies, 1)
    ]
    page = _rendered(journal_of(*rounds), "questions")
    card = page.split('<h3 id="q-why-us">', 1)[1].split("</article>", 1)[0]
    # Acme 3 times, Beta twice, then Gamma, Delta, Eps in the order they asked; Zeta folded.
    assert (
        "<strong>Asked 9 times</strong> \u00b7 Acme \u00d7 3, Beta \u00d7 2, Gamma, Delta, Eps and 1 more company"
        in card
    )
    history = card.split('<ol class="gl-history">', 1)[1]
    assert history.count("<li>") == 9 and history.count("Because") == 9
    assert "Zeta, screen, 8 Sep 2026" in history
    # The to-revise list points to the card rather than naming the companies again.
    to_revise = page.split('id="to-revise"', 1)[1].split("</ol>", 1)[0]
    assert "asked 9 times</span>" in to_revise and "Acme" not in to_revise


def test_a_question_asked_over_ten_times_shows_ten_answers_and_links_the_earlier_rounds() -> None:
    rounds = [
        round_(
            f"2026-09-{day:02d}",
            f"Co{day}",
            "screen",
            "advanced",
            questions=(Question("Why us?", QuestionCategory.CULTURE, False, f"Answer number {day}."),),
        )
        for day in range(1, 13)
    ]
    page = _rendered(journal_of(*rounds), "questions")
    card = page.split('<h3 id="q-why-us">', 1)[1].split("</article>", 1)[0]
    assert "<strong>Asked 12 times</strong>" in card
    folded = card.split('<details class="gl-chart__numbers gl-history__earlier">', 1)[1]
    earlier = folded.split("</details>", 1)[0]
    assert "<summary>2 earlier answers, each on the page of its round</summary>" in earlier
    assert earlier.count("<a ") == 2
    assert '<a href="../2026-09-01-co1-screen/">Co1, screen, 1 Sep 2026</a>' in earlier
    assert '<a href="../2026-09-02-co2-screen/">Co2, screen, 2 Sep 2026</a>' in earlier
    # The two earliest answers are left to their entry pages; the ten latest are shown, numbered 3 to 12.
    assert "Answer number 1." not in card and "Answer number 2." not in card
    history = card.split('<ol class="gl-history" start="3">', 1)[1].split("</ol>", 1)[0]
    assert history.count("<li>") == 10
    assert history.index("Answer number 3.") < history.index("Answer number 12.")
    assert "The 10 latest answers:" in card


def test_a_question_asked_ten_times_shows_every_answer_with_nothing_folded() -> None:
    rounds = [
        round_(
            f"2026-09-{day:02d}",
            f"Co{day}",
            "screen",
            "advanced",
            questions=(Question("Why us?", QuestionCategory.CULTURE, False, f"Answer number {day}."),),
        )
        for day in range(1, 11)
    ]
    card = _rendered(journal_of(*rounds), "questions").split('<h3 id="q-why-us">', 1)[1]
    history = card.split('<ol class="gl-history">', 1)[1].split("</ol>", 1)[0]
    assert history.count("<li>") == 10 and "Answer number 1." in history
    assert "<details" not in card.split("</article>", 1)[0]


def test_plan_this_month_lists_the_ten_due_first_and_the_status_sections_list_all() -> None:
    # today is 2026-11-26; 12 items in progress, due 1 to 12 December.
    items = tuple(
        PlanItem(f"Skill {day}", f"Action {day}", PlanStatus.DOING, D(2026, 12, day)) for day in range(1, 13)
    )
    page = _rendered(
        journal_of(round_("2026-11-01", "Acme", "screen", "advanced", development=items)), "plan"
    )
    month = page.split('id="this-month"', 1)[1].split("</ul>", 1)[0]
    assert "12 items, the 10 due first below" in month
    assert month.count("<li>") == 10 and "Skill 10<" in month and "Skill 11<" not in month
    doing = page.split('id="status-doing"', 1)[1].split('id="status-done"', 1)[0]
    assert doing.count("<strong>Skill ") == 12
    assert 'Due 1 Dec 2026 <span class="gl-badge gl-due-soon">Due soon</span>' in doing
    assert 'from <a href="../2026-11-01-acme-screen/">Acme, screen, 1 Nov 2026</a>' in doing


def _regex_key(text: str) -> str:
    """normalise_key as first written: punctuation to spaces, runs of spaces to one, ends stripped."""
    folded = re.sub(r"[^\w\s]", " ", text.casefold())
    return re.sub(r"\s+", " ", folded).strip()


def test_normalise_key_folds_case_punctuation_and_spacing_like_the_regexes_it_replaced() -> None:
    assert normalise_key("  Tell me about   yourself.") == "tell me about yourself"
    assert normalise_key("Tell me ABOUT yourself!") == normalise_key("tell me about yourself")
    assert normalise_key("Straße\u00a0— über_all") == "strasse über_all"
    assert normalise_key("on-call, 24/7?") == "on call 24 7"
    # Every character below U+3100, alone and between words; then random mixes, ASCII and not.
    for code in range(0x3100):
        for text in (chr(code), f"Ab{chr(code)}c d{chr(code)}"):
            assert normalise_key(text) == _regex_key(text), hex(code)
    rng = random.Random(3)
    alphabet = "aB zZ_9\t\n\r\x0b\x0c\x1c\x1f\x7f\x00.,!?-'\"\u00e9\u00c9\u00df\u1e9e\u0130\u0301\u200b\u2028\u00a0\ufb01\u0663"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert normalise_key(text) == _regex_key(text), repr(text)

"""Upcoming rounds (dated after today, outcome pending) and their prep sheets."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from conftest import entry
from growthlog.entries.model import Feedback, Question, QuestionCategory
from growthlog.journal.home import build_home
from growthlog.journal.pipeline_health import pipeline_health
from growthlog.journal.prep import build_prep_sheet
from growthlog.journal.timeline import build_timeline
from growthlog.journal.upcoming import is_upcoming
from journals import TODAY, journal_of, plan, round_

if TYPE_CHECKING:
    from conftest import Journal


def _main(html: str) -> str:
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def test_a_round_is_upcoming_only_after_today_and_while_pending() -> None:
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert is_upcoming(round_(tomorrow, "Acme", "onsite", "pending"), TODAY)
    assert not is_upcoming(round_(TODAY.isoformat(), "Acme", "onsite", "pending"), TODAY)
    assert not is_upcoming(round_(tomorrow, "Acme", "onsite", "advanced"), TODAY)


def test_only_an_upcoming_round_makes_an_active_application_that_is_not_stale() -> None:
    journal = journal_of(round_("2026-12-03", "Acme", "screen", "pending"), pipeline_floor=1)
    health = pipeline_health(journal)
    assert health.active_count == 1 and not health.below_floor
    assert health.ghosted == 0
    [active] = health.active
    assert active.days_silent is None  # no round held: not "last round today"
    assert active.next_round is not None and active.next_round.date == dt.date(2026, 12, 3)
    assert health.last_round is None and health.days_to_next_round == 7


def test_an_upcoming_round_keeps_a_long_silent_application_active() -> None:
    # The screen was 60 days ago (ghosted if nothing followed); the onsite is booked for next week.
    journal = journal_of(
        round_("2026-09-27", "Acme", "screen", "advanced"),
        round_("2026-12-01", "Acme", "onsite", "pending"),
    )
    [app] = journal.applications
    assert app.is_active(TODAY, 21)
    health = pipeline_health(journal)
    assert health.ghosted == 0
    assert health.active[0].days_silent == 60
    assert health.days_since_last_round == 60


def test_home_and_timeline_list_upcoming_rounds_apart() -> None:
    journal = journal_of(
        round_("2026-11-20", "Acme", "screen", "advanced"),
        round_("2026-12-10", "Acme", "onsite", "pending"),
        round_("2026-12-01", "Beta", "screen", "pending"),
    )
    home = build_home(journal)
    assert [u.entry.company for u in home.upcoming] == ["Beta", "Acme"]  # soonest first
    assert [u.days_to_go for u in home.upcoming] == [5, 14]
    assert [len(u.earlier_rounds) for u in home.upcoming] == [0, 1]
    assert [e.company for e in home.latest] == ["Acme"]  # held rounds only
    timeline = build_timeline(journal)
    assert [r.entry.company for r in timeline.upcoming] == ["Beta", "Acme"]
    held = [r.entry.path for y in timeline.years for m in y.months for r in m.rounds]
    assert held == ["2026-11-20-acme-screen.md"]
    assert timeline.round_count == 1  # the rounds that took place, as home counts them
    assert build_home(journal).figures.rounds == 1


def test_the_prep_sheet_gathers_the_company_the_stage_and_the_journal() -> None:
    asked_at_acme = Question("Why Acme?", QuestionCategory.CULTURE)
    design = Question(
        "Design a rate limiter", QuestionCategory.SYSTEM_DESIGN, tough=True, better_answer="Token bucket."
    )
    coding = Question("Reverse a list", QuestionCategory.TECHNICAL, better_answer="Slicing.")
    journal = journal_of(
        round_(
            "2026-10-01",
            "Acme",
            "screen",
            "advanced",
            questions=(asked_at_acme,),
            fell_short=("Vague on consistency",),
            feedback=Feedback(text="Go deeper on storage."),
        ),
        round_(
            "2026-10-20",
            "Beta",
            "onsite",
            "rejected",
            questions=(design, coding),
            development=plan("doing", "todo"),
        ),
        round_("2026-11-01", "Gamma", "onsite", "rejected", questions=(design,)),
        round_("2026-12-02", "ACME", "onsite", "pending", role="Other role"),
    )
    [upcoming] = journal.upcoming
    sheet = build_prep_sheet(journal, upcoming.path)
    assert sheet.days_to_go == 6
    # The company's rounds match whatever the case or role.
    assert [e.path for e in sheet.company_rounds] == ["2026-10-01-acme-screen.md"]
    assert [e.path for e in sheet.feedback] == ["2026-10-01-acme-screen.md"]
    assert [e.path for e in sheet.fell_short] == ["2026-10-01-acme-screen.md"]
    # Onsite rounds asked system design 2 of 3 times, technical 1 of 3.
    assert [(s.category.value, s.percent) for s in sheet.stage_mix] == [
        ("system-design", 67),
        ("technical", 33),
    ]
    assert not sheet.mix_is_overall
    # To revise: Acme's own question first, then the tough system-design question; the
    # reversed list has a better answer and is not tough, so it is not to revise.
    assert [r.question.text for r in sheet.questions] == ["Why Acme?", "Design a rate limiter"]
    assert sheet.questions[0].reasons[0] == "asked at ACME before"
    assert "system design: 67% of onsite questions" in sheet.questions[1].reasons
    assert [p.item.skill for p in sheet.plan] == ["skill 0"]  # doing only


def test_the_stage_mix_falls_back_to_every_stage_when_none_was_written_for_it() -> None:
    journal = journal_of(
        round_(
            "2026-10-01",
            "Acme",
            "screen",
            "advanced",
            questions=(Question("Why us?", QuestionCategory.CULTURE),),
        ),
        round_("2026-12-02", "Beta", "final", "pending"),
    )
    sheet = build_prep_sheet(journal, journal.upcoming[0].path)
    assert sheet.mix_is_overall
    assert [(s.category.value, s.percent) for s in sheet.stage_mix] == [("culture", 100)]


def test_home_timeline_and_prep_sheet_pages_in_a_publish_build(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-11-10",
            company="Acme",
            stage="screen",
            outcome="advanced",
            fell_short=["Vague on caching"],
            feedback="Strong on APIs; go deeper on caching.",
            questions=[{"q": "How does a CDN cache?", "category": "technical", "tough": True}],
            interviewers=["Dana Whitcombe"],
        ),
    )
    journal.write(
        "b.md",
        entry(
            body=(
                "## Things to ask\n\nAsk about the on-call rota.\n\n"
                '!!! private "Private"\n    Recruiter said the budget tops out at 173500.\n'
            ),
            date="2026-12-01",
            company="Acme",
            stage="onsite",
            outcome="pending",
            interviewers=["Quentin Marlowe-Sage"],
            private={"salary": "173500"},
        ),
    )
    journal.write("c.md", entry(date="2026-12-02", company="Draftco", stage="screen", draft=True))
    site = journal.build()
    home = _main((site / "index.html").read_text())
    assert '<h2 id="upcoming">Upcoming' in home
    assert "in 5 days" in home
    assert 'href="prep/b/"' in home
    assert "last round today" not in home
    timeline = _main((site / "timeline/index.html").read_text())
    assert "1 round and 1 upcoming in 1 application" in timeline  # the draft is not published
    upcoming, held = timeline.split('<h2 id="year-2026">', 1)
    assert 'href="../b/"' in upcoming and 'href="../../prep/b/"' not in upcoming
    assert 'href="../prep/b/"' in upcoming
    assert 'href="../b/"' not in held.split('id="applications"', 1)[0]
    page = (site / "prep/b/index.html").read_text()
    main = _main(page)
    assert "<title>Prep sheet: Acme · Onsite" in page
    assert "Vague on caching" in main and "go deeper on caching" in main
    assert "How does a CDN cache?" in main
    assert "Ask about the on-call rota." in main  # the round's own notes
    assert 'id="things-to-ask"' in main
    # Nothing private: the notes' private box, the private fields and the interviewers stay out.
    for secret in ("173500", "Quentin Marlowe-Sage", "Dana Whitcombe", "Recruiter said"):
        assert not [p for p in site.rglob("*") if p.is_file() and secret in p.read_text(errors="replace")]
    # The sheet's sections and the notes' headings are in the table of contents.
    toc = page.split('<nav class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]
    assert 'href="#prep-questions"' in toc and 'href="#things-to-ask"' in toc
    # The round's own page links its prep sheet; a round held links none.
    assert '<a href="../prep/b/">Prep sheet: what to revise for this round</a>' in _main(
        (site / "b/index.html").read_text()
    )
    assert "Prep sheet" not in _main((site / "a/index.html").read_text())
    # A draft's prep sheet is left out of a publish build, as the draft is.
    assert not (site / "prep/c").exists()
    assert not (site / "prep/a").exists()  # a round held has no prep sheet


def test_a_journal_without_upcoming_rounds_has_no_prep_sheets(journal: Journal) -> None:
    journal.write("a.md", entry(date="2026-11-10"))
    site = journal.build()
    assert not (site / "prep").exists()
    assert '<h2 id="upcoming">' not in (site / "index.html").read_text()
    assert re.search(r"last round 16 days ago", (site / "index.html").read_text())


def test_a_hostile_upcoming_round_is_escaped_on_its_prep_sheet(journal: Journal) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    journal.write("a.md", entry(date="2026-11-10", company=hostile, fell_short=[hostile], feedback=hostile))
    journal.write(
        "b.md",
        # The notes are the user's own Markdown (raw HTML is theirs, as on the entry page): plain here.
        entry(body="## Plan\n\nPlan.", date="2026-12-01", company=hostile, role=hostile, stage="final"),
    )
    site = journal.build()
    page = (site / "prep/b/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<script>" not in title and title.startswith("Prep sheet: &lt;script&gt;")

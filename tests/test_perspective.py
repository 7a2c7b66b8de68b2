"""Perspective (a rejection in context) and resurfacing (what comes back from the past), on known journals."""

from __future__ import annotations

import datetime as dt
import re

from conftest import Journal, entry
from growthlog.entries.model import Entry, EntryKind, Lesson, Outcome, Question, Reason, Stage
from growthlog.journal.perspective import Milestone, build_perspective, week_streak
from growthlog.journal.resurfacing import build_resurfacing, first_paragraph
from growthlog.journal.settings import Mode
from growthlog.pages.journal_pages import GENERATED_PAGES
from growthlog.pages.renderer import Renderer
from journals import journal_of, plan, round_

TODAY = dt.date(2026, 2, 26)  # a Thursday; its week starts on Monday 23 February


def note(when: str, title: str = "A note", **fields: object) -> Entry:
    return Entry(
        path=f"{when}-note.md",
        date=dt.date.fromisoformat(when),
        company="",
        role="",
        stage=Stage.APPLIED,
        outcome=Outcome.PENDING,
        kind=EntryKind.NOTE,
        note_title=title,
        **fields,  # type: ignore[arg-type]
    )


def known_entries() -> list[Entry]:
    """Five applications, four rejections (timing, skills, none, another candidate), a note.

    A: screen (5 Jan, advanced), technical (12 Jan, rejected: timing). B: screen 14 Jan,
    rejected (skills). C: screen 20 Jan, rejected (no reason). D: screen 27 Jan, rejected
    (another candidate). E: screen 10 Feb, advanced: a plan item done, two questions
    prepared ("Why us?" was asked at A first, unprepared). A journal note on 16 Feb.
    """
    return [
        round_(
            "2026-01-05",
            "A",
            "screen",
            "advanced",
            went_well=("Clear intro",),
            questions=(Question("Why us?"),),
        ),
        round_("2026-01-12", "A", "technical", "rejected", reason=Reason.TIMING, went_well=("clear intro!",)),
        round_("2026-01-14", "B", "screen", "rejected", reason=Reason.SKILLS),
        round_("2026-01-20", "C", "screen", "rejected"),
        round_("2026-01-27", "D", "screen", "rejected", reason=Reason.OTHER_CANDIDATE),
        round_(
            "2026-02-10",
            "E",
            "screen",
            "advanced",
            development=plan("done", "todo"),
            questions=(
                Question("Why us?", better_answer="Their product"),
                Question("About you", prepared=True),
            ),
        ),
        note("2026-02-16"),
    ]


def test_rejections_per_stage_beside_the_first_stage() -> None:
    view = build_perspective(journal_of(*known_entries(), today=TODAY))
    assert (view.first_stage.applications, view.first_stage.rejected) == (5, 3)
    assert view.first_stage.percent == 60 and not view.first_stage.small_sample
    assert not view.first_stage.below_base_rate  # 3 of 5 is more than half
    assert [(s.stage, s.reached, s.rejected, s.small_sample) for s in view.stages] == [
        (Stage.SCREEN, 5, 3, False),
        (Stage.TECHNICAL, 1, 1, True),
    ]


def test_reasons_count_what_was_written_and_the_rest_as_unknown() -> None:
    reasons = build_perspective(journal_of(*known_entries(), today=TODAY)).reasons
    assert reasons.rejections == 4
    assert (reasons.not_about_skills, reasons.about_skills, reasons.unknown) == (2, 1, 1)
    assert reasons.counts == (
        (Reason.SKILLS, 1),
        (Reason.TIMING, 1),
        (Reason.OTHER_CANDIDATE, 1),
        (Reason.UNKNOWN, 1),
    )


def test_wins_are_in_the_users_own_words() -> None:
    view = build_perspective(journal_of(*known_entries(), today=TODAY))
    assert [(w.text, w.count) for w in view.went_well] == [("Clear intro", 2)]
    assert [w.text for w in view.plan_done] == ["skill 0: act"] and view.plan_done_count == 1
    assert [w.text for w in view.prepared] == ["Why us?", "About you"]  # latest first, then by text
    assert view.prepared_count == 2
    assert all(w.entry.date == dt.date(2026, 2, 10) for w in view.prepared)


def test_streak_counts_weeks_with_a_round_or_a_note() -> None:
    streak = build_perspective(journal_of(*known_entries(), today=TODAY)).streak
    # Weeks of 5, 12, 19 and 26 January in a row; then 9 and 16 February (the note), up to last week.
    assert (streak.longest, streak.longest_from, streak.longest_to) == (
        4,
        dt.date(2026, 1, 5),
        dt.date(2026, 1, 26),
    )
    assert (streak.current, streak.this_week) == (2, False)


def test_streak_edges() -> None:
    assert week_streak([], TODAY).current == 0 and week_streak([], TODAY).longest == 0
    this_week = week_streak([dt.date(2026, 2, 23), dt.date(2026, 2, 20)], TODAY)
    assert (this_week.current, this_week.this_week, this_week.longest) == (2, True, 2)
    lapsed = week_streak([dt.date(2026, 2, 9)], TODAY)  # two weeks ago: the run is over
    assert (lapsed.current, lapsed.longest) == (0, 1)
    assert week_streak([dt.date(2026, 3, 2)], TODAY).longest == 0  # a round to come is not kept at yet


def test_milestones_follow_the_journal() -> None:
    view = build_perspective(journal_of(*known_entries(), today=TODAY))
    found = {(m.day, m.text) for m in view.milestones}
    assert found == {
        (dt.date(2026, 1, 5), "Your first round"),
        (dt.date(2026, 1, 14), "Back at it: your first round after the rejection from A"),
        (dt.date(2026, 1, 20), "Back at it: your first round after the rejection from B"),
        (dt.date(2026, 1, 27), "Back at it: your first round after the rejection from C"),
        (dt.date(2026, 2, 10), "Back at it: your first round after the rejection from D"),
        (dt.date(2026, 2, 10), "Your first question prepared"),
        (dt.date(2026, 2, 10), "Your first plan item done"),
        (dt.date(2026, 2, 16), "Your first journal note"),
    }
    assert view.milestones[0] == Milestone(
        dt.date(2026, 2, 16), "Your first journal note", known_entries()[-1]
    )
    days = [m.day for m in view.milestones]
    assert days == sorted(days, reverse=True)


def test_tenth_round_milestone() -> None:
    rounds = [round_(f"2026-01-{d:02d}", f"C{d}", "screen", "advanced") for d in range(1, 12)]
    view = build_perspective(journal_of(*rounds, today=TODAY))
    assert (dt.date(2026, 1, 10), "Your 10th round") in {(m.day, m.text) for m in view.milestones}


def test_the_latest_rejection_shows_on_home_for_30_days() -> None:
    entries = known_entries()
    assert build_perspective(journal_of(*entries, today=TODAY)).recent_rejection == entries[4]  # 30 days on
    later = build_perspective(journal_of(*entries, today=TODAY + dt.timedelta(days=1)))
    assert later.recent_rejection is None and later.latest_rejection == entries[4]


# -- the pages ---------------------------------------------------------------------------

PAGE = {page.src_uri: page for page in GENERATED_PAGES}


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def render(src: str, *entries: Entry, today: dt.date = TODAY, mode: Mode = Mode.PUBLISH) -> str:
    return text_of(Renderer(journal_of(*entries, today=today, mode=mode)).page(PAGE[src]))


def test_progress_page_puts_the_rejections_in_context() -> None:
    page = render("progress.md", *known_entries())
    assert "more than half of candidates are rejected at the first stage" in page
    assert "Of your 5 applications, 3 (60%) ended at the first round" in page
    assert "2 of 4 rejections were not about your skills" in page
    assert "1 was about skills or experience" in page
    assert "1 has no reason written down (unknown, not guessed)" in page
    assert "1 of 1 small sample" in page  # the technical stage
    assert "“Clear intro” 2 times" in page
    assert "2 weeks in a row with a round or a journal note, up to last week" in page
    assert "your longest run is 4 weeks" in page


def test_a_small_journal_says_its_sample_is_small() -> None:
    page = render("progress.md", round_("2026-02-02", "A", "screen", "rejected"))
    assert "Of your 1 application, 1 ended at the first round: too few to compare yet small sample" in page
    assert "None of your 1 rejection has a reason written down yet" in page


def test_a_journal_with_no_rejections_says_so_kindly() -> None:
    page = render("progress.md", round_("2026-02-02", "A", "screen", "advanced"))
    assert "No rejections so far: every process you wrote down is still going or ended another way" in page
    assert "0 of 0" not in page and "0%" not in page
    home = render("index.md", round_("2026-02-02", "A", "screen", "advanced"))
    assert "After the rejection" not in home


def test_an_empty_journal_has_no_perspective_numbers() -> None:
    view = build_perspective(journal_of(today=TODAY))
    assert (view.reasons.rejections, view.first_stage.applications, view.stages) == (0, 0, ())
    assert (view.streak.current, view.streak.longest, view.milestones, view.has_wins) == (0, 0, (), False)
    page = render("progress.md")
    assert "0 of 0" not in page and "Perspective" not in page
    assert "0 of 0" not in render("index.md")


def test_home_line_after_a_recent_rejection() -> None:
    home = render("index.md", *known_entries())
    assert "After the rejection from D: 2 of your 4 rejections were not about your skills" in home
    assert "and you have kept at it 2 weeks in a row" in home
    no_reasons = render("index.md", round_("2026-02-20", "A", "screen", "rejected"))
    assert (
        "After the rejection from A: 1 rejection so far, and the article this journal follows reminds you "
        "that more than half of candidates are rejected at the first stage" in no_reasons
    )


def test_the_pages_escape_what_they_bring_back() -> None:
    hostile = round_(
        "2026-01-26",
        "<b>X</b>",
        "screen",
        "rejected",
        went_well=("<script>a</script>", "<script>a</script>"),
        body="<img src=x onerror=alert(1)> first words",
    )
    for src in ("progress.md", "index.md"):
        html = Renderer(journal_of(hostile, today=TODAY)).page(PAGE[src])
        assert "<script>a" not in html and "<b>X</b>" not in html and "<img src=x" not in html


# -- resurfacing -------------------------------------------------------------------------


def test_first_paragraph_skips_headings_prompts_and_private_parts() -> None:
    body = (
        "\n## Notes\n\n_Keep the pipeline going: what is next?_\n\n"
        '!!! private "Private"\n    A secret paragraph here.\n\n'
        "<!-- a comment -->\n\nThe real first\nparagraph.\n\nThe second."
    )
    assert first_paragraph(body) == "The real first paragraph."
    assert first_paragraph("") == ""
    long = first_paragraph("word " * 200)
    assert len(long) <= 280 and long.endswith("…")


def test_on_this_day_and_a_month_ago_bring_back_earlier_months_only() -> None:
    today = dt.date(2026, 11, 26)
    year_ago = round_("2025-11-26", "Old", "screen", "rejected", lessons=(Lesson("Breathe"),))
    month_ago = round_("2026-10-24", "Mid", "screen", "advanced", went_well=("Calm",))
    too_far = round_("2026-10-20", "Far", "screen", "advanced", went_well=("Nope",))
    this_month = round_("2026-11-02", "Now", "screen", "advanced", went_well=("Recent",))
    silent = round_("2026-10-26", "Quiet", "screen", "advanced")  # nothing written: nothing comes back
    found = build_resurfacing(journal_of(year_ago, month_ago, too_far, this_month, silent, today=today))
    assert [r.entry.company for r in found.on_this_day] == ["Old"]
    assert found.on_this_day[0].lessons == ("Breathe",)
    assert [r.entry.company for r in found.month_ago] == ["Mid"]
    nothing = build_resurfacing(journal_of(this_month, today=today))
    assert not nothing
    assert "From your journal" not in text_of(
        Renderer(journal_of(this_month, today=today)).page(PAGE["index.md"])
    )


def test_resurfacing_on_home_never_shows_private_parts_or_drafts() -> None:
    today = dt.date(2026, 11, 26)
    shown = round_(
        "2026-10-26",
        "Mid",
        "screen",
        "advanced",
        went_well=("Calm answers",),
        body='!!! private "P"\n    Hidden words about the offer.\n\nVisible first words.',
    )
    draft = round_("2026-10-25", "Draftco", "screen", "advanced", went_well=("Draft words",), draft=True)
    home = render("index.md", shown, draft, today=today)
    assert "Visible first words." in home and "Calm answers" in home
    assert "Hidden words" not in home and "Draft words" not in home
    local = render("index.md", shown, draft, today=today, mode=Mode.LOCAL)
    assert "Hidden words" not in local  # private parts never come back, even locally
    assert "Draft words" in local


def test_a_month_ago_from_the_31st() -> None:
    today = dt.date(2026, 3, 31)
    feb = round_("2026-02-28", "Feb", "screen", "advanced", went_well=("End of February",))
    assert [r.entry.company for r in build_resurfacing(journal_of(feb, today=today)).month_ago] == ["Feb"]


def test_a_built_site_shows_the_perspective_and_leaks_nothing(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            "Visible words about the screen.\n\n!!! private\n    Whispered words about the recruiter here.\n",
            date="2026-10-26",
            stage="screen",
            outcome="rejected",
            reason="timing",
            went_well=["Stayed calm"],
            interviewers=["Zelda Quarternight"],
        ),
    )
    journal.write(
        "d.md",
        entry(date="2026-10-27", company="Draftworks Unlimited", went_well=["Draft only words"], draft=True),
    )
    site = journal.build()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Visible words about the screen." in home and "Stayed calm" in home
    progress = (site / "progress/index.html").read_text(encoding="utf-8")
    assert "1 of 1 rejection</strong> was not about your skills" in progress
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for secret in ("Whispered words", "Zelda", "Draftworks", "Draft only words"):
                assert secret not in text, (path, secret)


def test_then_and_now_names_questions_once_unprepared_and_prepared_since() -> None:
    entries = [
        round_(
            "2026-01-05",
            "A",
            "screen",
            "rejected",
            questions=(Question("Why us?"), Question("Tell me a story")),
        ),
        round_(
            "2026-01-20",
            "B",
            "screen",
            "advanced",
            questions=(Question("why us", better_answer="The product"),),
        ),
        round_(
            "2026-02-02", "C", "screen", "advanced", questions=(Question("Tell me a story!", prepared=True),)
        ),
        # Prepared from the start: never a weakness, so no "then and now".
        round_(
            "2026-02-03", "D", "screen", "advanced", questions=(Question("Salary?", better_answer="A range"),)
        ),
        # Another wording is another question: never linked by guess.
        round_("2026-02-04", "E", "screen", "advanced", questions=(Question("What do you know about us?"),)),
    ]
    found = build_resurfacing(journal_of(*entries, today=TODAY)).then_and_now
    assert [(t.question, t.then.company, t.now.company) for t in found] == [
        ("Tell me a story", "A", "C"),
        ("Why us?", "A", "B"),
    ]
    home = render("index.md", *entries)
    assert "Then and now" in home
    assert "“Why us?”: unprepared at A, screen, 5 Jan 2026 ; prepared since B, screen, 20 Jan 2026" in home
    assert not build_resurfacing(journal_of(entries[0], today=TODAY)).then_and_now


def test_then_and_now_follows_a_question_across_wordings_given_one_topic() -> None:
    """Another wording counts when the author gave both the same topic: the question bank's card."""
    first = Question("Describe a conflict with a colleague", topic="conflict")
    later = Question("Tell me about a disagreement", topic="Conflict", better_answer="The API story")
    entries = [
        round_("2026-01-05", "A", "screen", "rejected", questions=(first,)),
        round_("2026-02-02", "B", "screen", "advanced", questions=(later,)),
    ]
    [found] = build_resurfacing(journal_of(*entries, today=TODAY)).then_and_now
    assert (found.then.company, found.now.company) == ("A", "B")

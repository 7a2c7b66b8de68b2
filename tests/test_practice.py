"""Rehearsal: the practice log, the schedule, To revise, the practice page and `growthlog practice`."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from conftest import entry
from growthlog.entries.model import Question, QuestionCategory
from growthlog.entries.practice_log import (
    HEADER,
    Rehearsal,
    append_rehearsal,
    parse_practice_log,
    read_practice_log,
)
from growthlog.journal.practice import build_practice
from growthlog.journal.questions import build_question_bank
from growthlog.journal.rehearsal import next_due
from journals import TODAY, journal_of, round_

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Journal


def _r(day: str, rating: int, card: str = "Q") -> Rehearsal:
    return Rehearsal(dt.date.fromisoformat(day), card, rating)


def test_the_log_reads_lines_and_reports_bad_ones_by_line() -> None:
    text = (
        "# a comment\n\n"
        "2026-11-20  4  How would you design a rate limiter?\n"
        "2026-11-2x 3 Bad date\n"
        "2026-11-21 9 Bad rating\n"
        "2026-11-21 four Bad rating\n"
        "just some words\n"
        "2026-11-22\t5\tTabs: fine too  \n"
    )
    rehearsals, problems = parse_practice_log(text, "practice.log")
    assert [(r.date.isoformat(), r.rating, r.card, r.line) for r in rehearsals] == [
        ("2026-11-20", 4, "How would you design a rate limiter?", 3),
        ("2026-11-22", 5, "Tabs: fine too", 8),
    ]
    assert [str(p) for p in problems] == [
        "practice.log:4: the date must be YYYY-MM-DD; found '2026-11-2x'; the line is skipped",
        "practice.log:5: the rating must be a whole number from 1 to 5; found '9'; the line is skipped",
        "practice.log:6: the rating must be a whole number from 1 to 5; found 'four'; the line is skipped",
        "practice.log:7: expected 'YYYY-MM-DD RATING QUESTION'; found 'just some words'; the line is skipped",
    ]
    assert all(not p.is_error for p in problems)


def test_a_rehearsal_dated_after_today_is_reported_and_skipped() -> None:
    text = "2026-11-20  4  Why us?\n2062-11-20  5  Why us?\n"
    rehearsals, problems = parse_practice_log(text, "practice.log", dt.date(2026, 11, 26))
    assert [r.line for r in rehearsals] == [1]
    assert [str(p) for p in problems] == [
        "practice.log:2: the date 2062-11-20 is after today (2026-11-26); the line is skipped"
    ]
    assert parse_practice_log(text, "practice.log")[1] == ()  # no today given: nothing to compare


def test_a_log_that_is_not_utf8_or_missing_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    assert read_practice_log(tmp_path / "practice.log") == ((), ())
    (tmp_path / "practice.log").write_bytes(b"2026-11-20 4 ok\n2026-11-21 4 caf\xe9\n")
    rehearsals, [problem] = read_practice_log(tmp_path / "practice.log", "practice.log")
    assert rehearsals == ()
    assert str(problem) == "practice.log:2: is not UTF-8 text; no rehearsal was read"


def test_appending_adds_one_line_and_never_touches_what_is_there(tmp_path: Path) -> None:
    log = tmp_path / "practice.log"
    append_rehearsal(log, _r("2026-11-20", 4, "Why us?\nReally?"))
    assert log.read_text() == HEADER + "2026-11-20  4  Why us? Really?\n"
    log.write_text(log.read_text() + "# my own note without a newline")
    append_rehearsal(log, _r("2026-11-21", 2, "Why us?"))
    assert log.read_text().endswith("# my own note without a newline\n2026-11-21  2  Why us?\n")


def test_the_schedule_rests_good_answers_longer_and_brings_bad_ones_back_sooner() -> None:
    assert next_due([]) is None
    assert next_due([_r("2026-11-20", 1)]) == dt.date(2026, 11, 21)
    assert next_due([_r("2026-11-20", 3)]) == dt.date(2026, 11, 24)
    assert next_due([_r("2026-11-20", 5)]) == dt.date(2026, 12, 4)
    # Two good rehearsals in a row: the wait doubles; a bad one in between starts again.
    assert next_due([_r("2026-11-01", 4), _r("2026-11-10", 4)]) == dt.date(2026, 11, 24)
    assert next_due([_r("2026-11-01", 4), _r("2026-11-05", 2), _r("2026-11-10", 4)]) == dt.date(2026, 11, 17)
    # The order of the lines does not matter, only their dates.
    assert next_due([_r("2026-11-10", 1), _r("2026-11-01", 5)]) == dt.date(2026, 11, 11)
    # Capped at 90 days.
    assert next_due([_r(f"2026-0{m}-01", 5) for m in range(1, 9)]) == dt.date(2026, 10, 30)


def _journal(*rehearsals: Rehearsal) -> object:
    tough = Question(
        "Design a rate limiter", QuestionCategory.SYSTEM_DESIGN, tough=True, better_answer="Token bucket."
    )
    plain = Question("Why us?", QuestionCategory.CULTURE)
    done = Question("Reverse a list", QuestionCategory.TECHNICAL, better_answer="Slicing.")
    journal = journal_of(round_("2026-11-01", "Acme", "screen", "advanced", questions=(tough, plain, done)))
    journal.rehearsals = tuple(rehearsals)
    return journal


def test_a_question_rehearsed_well_leaves_to_revise_until_it_is_due_again() -> None:
    bank = build_question_bank(_journal())
    assert [q.text for q in bank.to_revise] == ["Why us?", "Design a rate limiter"]
    # Rated 5 today (any wording: case and punctuation do not matter): it rests 14 days.
    bank = build_question_bank(_journal(_r(TODAY.isoformat(), 5, "design a RATE limiter!")))
    assert [q.text for q in bank.to_revise] == ["Why us?"]
    assert [q.text for q in bank.rehearsed_well] == ["Design a rate limiter"]
    # Rated 2: still to revise (and due again tomorrow, so not in today's deck).
    journal = _journal(_r(TODAY.isoformat(), 2, "Why us?"))
    assert [q.text for q in build_question_bank(journal).to_revise] == ["Why us?", "Design a rate limiter"]
    practice = build_practice(journal)
    assert [q.text for q in practice.due] == ["Design a rate limiter"]
    assert [q.text for q in practice.later] == ["Why us?"]
    # Rated 5 fifteen days ago: due again, back on To revise and first in the deck (overdue).
    old = (TODAY - dt.timedelta(days=15)).isoformat()
    journal = _journal(_r(old, 5, "Design a rate limiter"))
    assert [q.text for q in build_question_bank(journal).to_revise] == ["Why us?", "Design a rate limiter"]
    assert [q.text for q in build_practice(journal).due] == ["Design a rate limiter", "Why us?"]


def test_the_practice_page_hides_each_answer_in_a_details_element(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-11-10",
            questions=[
                {
                    "q": "Design a rate limiter",
                    "category": "system-design",
                    "tough": True,
                    "better_answer": "Token bucket per client, 429 with Retry-After.",
                },
                {"q": "Why Acme?", "category": "culture", "answer": "Their product."},
                {"q": "Rested question", "tough": True, "better_answer": "Said well."},
            ],
        ),
    )
    (journal.root / "practice.log").write_text("2026-11-25 5 Rested question\n2026-11-26 bad line\n")
    with pytest.raises(SystemExit):  # a bad line is a warning: `--strict` refuses it
        journal.build(strict=True)
    (journal.root / "practice.log").write_text("2026-11-25 5 Rested question\n")
    site = journal.build(strict=True)
    # The log itself is never copied into the site (it lives beside mkdocs.yml, out of docs_dir).
    assert not [p for p in site.rglob("*") if p.is_file() and "2026-11-25 5" in p.read_text(errors="replace")]
    html = (site / "practice/index.html").read_text()
    main = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    due = main.split('id="later"', 1)[0]
    assert due.index("Why Acme?") > 0 and due.index("Design a rate limiter") > 0
    assert '<details class="gl-practice__reveal">' in due
    answer = due.split("Design a rate limiter", 1)[1]
    assert answer.index("<summary>Show the better answer</summary>") < answer.index("Token bucket per client")
    assert "<summary>No better answer yet: show what you said</summary>" in due and "Their product." in due
    later = main.split('id="later"', 1)[1]
    assert "Rested question" in later and "due 9 Dec" in later
    # A published site says when a question was rehearsed, not how it went; the preview says both.
    assert "last rehearsed 25 Nov" in later and "rated" not in main
    home = (site / "index.html").read_text()
    assert 'id="revise">Questions to revise <span class="gl-count">2</span>' in home


def test_the_preview_shows_how_each_rehearsal_went(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.write("a.md", entry(date="2026-11-10", questions=[{"q": "Why Acme?", "category": "culture"}]))
    (journal.root / "practice.log").write_text("2026-11-25 2 Why Acme?\n")
    monkeypatch.setenv("GROWTHLOG_SHOW_PRIVATE", "1")
    html = (journal.build() / "practice/index.html").read_text()
    assert "last rehearsed 25 Nov, rated 2/5" in html


def _run(
    root: Path, *args: str, text: str = "", today: str = "2026-11-26"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from growthlog.cli import main; main()", "practice", *args],
        cwd=root,
        input=text,
        capture_output=True,
        text=True,
        env={**os.environ, "GROWTHLOG_TODAY": today},
        timeout=120,
        check=False,
    )


def _deck(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-11-10",
            questions=[
                {"q": "Design a rate limiter", "tough": True, "better_answer": "Token bucket."},
                {"q": "Why Acme?", "answer": "Their product."},
            ],
        ),
    )
    journal.write_config()


def test_practice_with_an_empty_deck_says_so_and_writes_nothing(journal: Journal) -> None:
    journal.write("a.md", entry(date="2026-11-10"))
    journal.write_config()
    done = _run(journal.root)
    assert done.returncode == 0, done.stderr
    assert "Nothing is due for rehearsal today." in done.stdout
    assert not (journal.root / "practice.log").exists()


def test_practice_asks_each_due_question_and_asks_again_on_a_bad_rating(journal: Journal) -> None:
    _deck(journal)
    done = _run(journal.root, text="\n7\nwell\n4\n\n2\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert (
        out.index("[1/2] Why Acme?") < out.index("Their product.") < out.index("[2/2] Design a rate limiter")
    )
    assert out.index("Better answer:\n  Token bucket.") > out.index("[2/2]")
    assert "Type a whole number from 1 to 5 (found '7')." in out and "(found 'well')" in out
    log = (journal.root / "practice.log").read_text()
    assert log.endswith("2026-11-26  4  Why Acme?\n2026-11-26  2  Design a rate limiter\n")
    # Rated 4: Why Acme? rests; rated 2: the rate limiter is due again in two days, not today.
    again = _run(journal.root)
    assert "Nothing is due for rehearsal today." in again.stdout
    assert "Next: 'Design a rate limiter' on 28 Nov 2026." in again.stdout
    tomorrow = _run(journal.root, text="\n5\n", today="2026-11-28")
    assert "[1/1] Design a rate limiter" in tomorrow.stdout


def test_practice_keeps_what_was_answered_when_input_ends(journal: Journal) -> None:
    _deck(journal)
    done = _run(journal.root, text="\n3\n\n")
    assert done.returncode == 0, done.stderr
    assert "Input ended. 1 rehearsal recorded" in done.stdout
    assert (journal.root / "practice.log").read_text().endswith("2026-11-26  3  Why Acme?\n")


def test_a_practice_log_that_cannot_be_written_is_a_message_not_a_traceback(journal: Journal) -> None:
    _deck(journal)
    (journal.root / "practice.log").mkdir()  # not a file: unreadable and unwritable, even for root
    done = _run(journal.root, text="\n4\n")
    assert done.returncode == 1
    assert "practice.log:1: cannot be read" in done.stderr
    assert "practice.log cannot be written (" in done.stderr and "this rating was not kept" in done.stderr
    assert "Traceback" not in done.stderr


def test_practice_stopped_with_ctrl_c_keeps_every_rating_given(journal: Journal) -> None:
    _deck(journal)
    log = journal.root / "practice.log"
    process = subprocess.Popen(
        [sys.executable, "-c", "from growthlog.cli import main; main()", "practice"],
        cwd=journal.root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "GROWTHLOG_TODAY": "2026-11-26"},
        # Ctrl-C as in a terminal: a shell without job control starts a background job with
        # SIGINT ignored (CI may run the suite so), and Python then leaves it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdin is not None
    process.stdin.write("\n5\n\n")  # the first question rated, the second one's answer revealed
    process.stdin.flush()
    deadline = time.monotonic() + 60
    while not (log.exists() and "Why Acme?" in log.read_text()):
        assert time.monotonic() < deadline, "the first rating was never written"
        time.sleep(0.05)
    time.sleep(0.3)  # now waiting for the second rating
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Stopped. 1 rehearsal recorded" in out
    assert "Traceback" not in err
    assert log.read_text().endswith("2026-11-26  5  Why Acme?\n")


def test_a_question_marked_prepared_is_rehearsed_not_prepared() -> None:
    prepared = Question("Why us?", QuestionCategory.CULTURE, prepared=True)
    tough = Question("Biggest failure?", QuestionCategory.BEHAVIORAL, tough=True, prepared=True)
    journal = journal_of(round_("2026-11-01", "Acme", "screen", "advanced", questions=(prepared, tough)))
    bank = build_question_bank(journal)
    assert bank.to_prepare == ()
    assert [q.text for q in bank.to_rehearse] == ["Biggest failure?"]
    assert bank.to_rehearse[0].revise_reasons == ("tough",)


def test_a_card_asked_in_other_words_under_one_topic_is_rehearsed_by_any_of_its_names() -> None:
    first = Question(
        "How would you build a rate limiter?", QuestionCategory.SYSTEM_DESIGN, topic="rate limiting"
    )
    second = Question("Design throttling for an API", QuestionCategory.SYSTEM_DESIGN, topic="Rate limiting")
    journal = journal_of(
        round_("2026-10-01", "Acme", "screen", "advanced", questions=(first,)),
        round_("2026-11-01", "Globex", "screen", "advanced", questions=(second,)),
    )
    [card] = build_question_bank(journal).to_revise
    assert not card.is_prepared and card.revise_reasons == ("no better answer yet",)
    for name in ("Design throttling for an API", "how would you build a rate limiter", "RATE LIMITING"):
        journal.rehearsals = (_r(TODAY.isoformat(), 4, name),)
        bank = build_question_bank(journal)
        assert bank.to_revise == () and [q.text for q in bank.rehearsed_well] == [card.text], name
        assert bank.questions[0].is_prepared and bank.questions[0].schedule is not None
    # Another question's name does not count for it.
    journal.rehearsals = (_r(TODAY.isoformat(), 5, "Why us?"),)
    assert [q.text for q in build_question_bank(journal).to_revise] == [card.text]

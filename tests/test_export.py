"""`growthlog export`: JSON (checked against its schema), CSV and iCalendar, read back with their parsers."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from typing import TYPE_CHECKING

import icalendar
import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SAMPLE_ENTRIES, entry
from growthlog.cli import main
from growthlog.entries.model import Entry
from growthlog.export.formats import FORMATS
from growthlog.export.journal_json import SCHEMA_FILE
from growthlog.export.tables import QUESTION_COLUMNS, ROUND_COLUMNS

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import Result

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def export(*args: str) -> Result:
    return CliRunner().invoke(main, ["export", *args])


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty journal folder as the current folder, 'today' fixed at 26 November 2026."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    (tmp_path / "entries").mkdir()
    return tmp_path


def write(root: Path, rel: str, text: str) -> None:
    path = root / "entries" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def known_journal(root: Path) -> None:
    """Three rounds, one draft, known follow-ups (today is 26 November 2026).

    Acme screen (1 Nov, rejected): feedback asked 3 Nov, never answered -> chase on 10 Nov;
    a plan item due 1 Dec (doing) and one done (not a follow-up); two questions; an interviewer,
    a private salary, a private block and an HTML comment in its notes.
    Acme technical (2 Dec, pending): an upcoming round.
    Beta screen (10 Nov, advanced): feedback asked and answered (not a follow-up); a question
    whose text starts like a spreadsheet formula.
    A draft (Gamma, 20 Nov) with a plan item due 5 Dec and its own phrase.
    A journal note (15 Nov, "Mock interview") with a question and a plan item due 3 Dec.
    """
    write(
        root,
        "2026/11/mock.md",
        "---\ndate: 2026-11-15\nkind: note\ntitle: Mock interview\n"
        "questions:\n  - q: Tell me about yourself\n    topic: intro\n    prepared: true\n"
        "development:\n  - skill: Storytelling\n    action: Record my intro\n    due: 2026-12-03\n"
        "---\nA friend played the interviewer.\n",
    )
    write(
        root,
        "2026/11/acme-screen.md",
        entry(
            "Public notes about the screen.\n\n<!-- a hidden comment nobody should read -->\n\n"
            '!!! private "Private"\n    The recruiter whispered something confidential here.\n',
            date="2026-11-01",
            company="Acme",
            role="Backend Engineer",
            stage="screen",
            outcome="rejected",
            reason="timing",
            tags=["Python", "system-design"],
            feedback={"requested": "2026-11-03"},
            development=[
                {"skill": "Kafka", "action": "Build a consumer", "status": "doing", "due": "2026-12-01"},
                {"skill": "SQL", "action": "Window functions", "status": "done", "due": "2026-11-20"},
            ],
            questions=[
                {"q": "Design a rate limiter", "category": "system-design", "tough": True},
                {"q": "Why Acme?", "category": "culture", "better_answer": "Their product"},
            ],
            interviewers=["Zelda Quarternight"],
            private={"salary": 151515},
        ),
    )
    write(
        root,
        "2026/12/acme-technical.md",
        entry(
            date="2026-12-02", company="Acme", role="Backend Engineer", stage="technical", outcome="pending"
        ),
    )
    write(
        root,
        "2026/11/beta-screen.md",
        entry(
            date="2026-11-10",
            company="Beta",
            role="Data Engineer",
            stage="screen",
            outcome="advanced",
            feedback={"requested": "2026-11-11", "received": "2026-11-12", "text": "Good"},
            questions=[{"q": "=SUM(A1:A2) in a sheet?", "category": "technical"}],
        ),
    )
    write(
        root,
        "2026/11/gamma-draft.md",
        entry(
            "Thoughts about the gamma opportunity nobody may read.",
            date="2026-11-20",
            company="Gamma Draftworks",
            role="Platform Engineer",
            draft=True,
            development=[{"skill": "Go", "action": "Tour of Go", "due": "2026-12-05"}],
        ),
    )


def read_json(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / "growthlog.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    return data


# -- JSON --------------------------------------------------------------------------------


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_json_export_of_the_sample_journal_matches_its_schema_public_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    sources = list(SAMPLE_ENTRIES.rglob("*.md"))
    public = export("--dir", str(SAMPLE_ENTRIES), str(tmp_path / "public"))
    assert public.exit_code == 0, public.output
    private = export("--private", "--dir", str(SAMPLE_ENTRIES), str(tmp_path / "private"))
    assert private.exit_code == 0, private.output
    public_data, private_data = read_json(tmp_path / "public"), read_json(tmp_path / "private")
    assert public_data["private"] is False and private_data["private"] is True
    assert isinstance(private_data["entries"], list) and isinstance(public_data["entries"], list)
    assert len(private_data["entries"]) == len(sources)  # every entry, the draft too
    assert len(public_data["entries"]) == len(sources) - 1  # the sample's one draft left out
    assert all("interviewers" not in e and "private" not in e for e in public_data["entries"])


def test_json_holds_every_field_and_the_application_of_each_round(here: Path) -> None:
    known_journal(here)
    result = export("--private", "out")
    assert result.exit_code == 0, result.output
    data = read_json(here / "out")
    entries = data["entries"]
    assert isinstance(entries, list)
    assert [e["path"] for e in entries] == [
        "2026/11/acme-screen.md",
        "2026/11/beta-screen.md",
        "2026/11/mock.md",
        "2026/11/gamma-draft.md",
        "2026/12/acme-technical.md",
    ]
    acme = entries[0]
    assert acme["reason"] == "timing" and acme["kind"] == "round" and acme["title"] == ""
    assert acme["interviewers"] == ["Zelda Quarternight"]
    assert acme["private"] == {"salary": "151515"}
    assert "confidential" in acme["notes"] and "hidden comment" in acme["notes"]
    assert acme["development"][1] == {
        "skill": "SQL",
        "action": "Window functions",
        "status": "done",
        "due": "2026-11-20",
        "because": "",
    }
    # Every field of the model goes out (a new field fails here until the schema lists it).
    model_fields = {f.name for f in dataclasses.fields(Entry)} - {
        "body",
        "body_line",
        "lines",  # where the fields are in the file: for messages, not content
        "application_id",
        "note_title",
    }
    assert model_fields | {"application", "title", "application_key", "notes"} == set(acme)
    apps = data["applications"]
    assert isinstance(apps, list)
    acme_app = next(a for a in apps if a["company"] == "Acme")
    assert acme_app["rounds"] == ["2026/11/acme-screen.md", "2026/12/acme-technical.md"]
    assert acme_app["furthest_stage"] == "technical" and acme_app["outcome"] == "pending"
    assert acme["application_key"] == acme_app["key"] == entries[4]["application_key"]
    assert len(apps) == 3
    # A journal note: its own title, no round fields, no application.
    note = entries[2]
    assert note["kind"] == "note" and note["title"] == "Mock interview"
    assert note["company"] is None and note["stage"] is None and note["outcome"] is None
    assert note["application_key"] is None and note["application"] is None
    assert note["questions"][0]["topic"] == "intro" and note["questions"][0]["prepared"] is True


def test_public_json_leaves_out_private_fields_private_notes_comments_and_drafts(here: Path) -> None:
    known_journal(here)
    result = export("out")
    assert result.exit_code == 0, result.output
    assert "private fields, interviewers, private notes and drafts (1 draft) left out" in result.output
    text = (here / "out" / "growthlog.json").read_text(encoding="utf-8")
    for secret in ("Zelda", "151515", "confidential", "hidden comment", "Gamma", "gamma opportunity"):
        assert secret not in text
    data = read_json(here / "out")
    entries = data["entries"]
    assert isinstance(entries, list)
    assert entries[0]["notes"] == "Public notes about the screen."
    assert [e["company"] for e in entries] == ["Acme", "Beta", None, "Acme"]


def test_private_export_says_so(here: Path) -> None:
    known_journal(here)
    result = export("--private", "--format", "csv", "out")
    assert result.exit_code == 0
    assert "5 entries, WITH private fields, interviewers, private notes and drafts" in result.output


def exported(folder: Path) -> list[tuple[str, bytes]]:
    return sorted(
        (p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*") if p.is_file()
    )


def test_the_same_journal_exports_the_same_bytes(here: Path) -> None:
    known_journal(here)
    for name in FORMATS:
        # The Markdown export is for publishing: it has no --private.
        private = [] if name == "markdown" else ["--private"]
        assert export("--format", name, *private, f"a-{name}").exit_code == 0
        assert export("--format", name, *private, f"b-{name}").exit_code == 0
        first, second = exported(here / f"a-{name}"), exported(here / f"b-{name}")
        assert first == second and first


def test_an_empty_journal_exports_empty_files(here: Path) -> None:
    assert export("out").exit_code == 0
    assert export("--format", "csv", "out").exit_code == 0
    result = export("--format", "ics", "out")
    assert result.exit_code == 0
    assert "0 entries" in result.output
    data = read_json(here / "out")
    assert data["entries"] == [] and data["applications"] == []
    rounds = list(csv.reader(io.StringIO((here / "out/rounds.csv").read_text(encoding="utf-8"))))
    assert rounds == [list(ROUND_COLUMNS)]
    cal = icalendar.Calendar.from_ical((here / "out/follow-ups.ics").read_bytes())
    assert list(cal.walk("VEVENT")) == []


# -- CSV ---------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_has_one_row_per_round_and_one_per_question(here: Path) -> None:
    known_journal(here)
    result = export("--format", "csv", "out")
    assert result.exit_code == 0, result.output
    rounds = read_csv(here / "out/rounds.csv")
    assert [(r["date"], r["company"], r["stage"], r["outcome"]) for r in rounds] == [
        ("2026-11-01", "Acme", "screen", "rejected"),
        ("2026-11-10", "Beta", "screen", "advanced"),
        ("2026-12-02", "Acme", "technical", "pending"),
    ]
    assert rounds[0]["tags"] == "Python | system-design"
    assert rounds[0]["questions"] == "2"
    assert rounds[0]["plan_items"] == "Kafka: Build a consumer (doing) | SQL: Window functions (done)"
    assert "interviewers" not in rounds[0] and "private" not in rounds[0]
    questions = read_csv(here / "out/questions.csv")
    assert list(questions[0]) == list(QUESTION_COLUMNS)
    assert [(q["kind"], q["company"], q["title"], q["question"], q["tough"]) for q in questions] == [
        ("round", "Acme", "Acme · Backend Engineer · Screen", "Design a rate limiter", "yes"),
        ("round", "Acme", "Acme · Backend Engineer · Screen", "Why Acme?", "no"),
        (
            "round",
            "Beta",
            "Beta · Data Engineer · Screen",
            "'=SUM(A1:A2) in a sheet?",
            "no",
        ),  # shown, never run
        ("note", "", "Mock interview", "Tell me about yourself", "no"),
    ]
    assert (questions[3]["topic"], questions[3]["prepared"], questions[3]["stage"]) == ("intro", "yes", "")
    assert rounds[0]["reason"] == "timing" and rounds[1]["reason"] == ""
    assert questions[1]["better_answer"] == "Their product"


def test_private_csv_has_the_private_columns_and_the_draft(here: Path) -> None:
    known_journal(here)
    assert export("--format", "csv", "--private", "out").exit_code == 0
    rounds = read_csv(here / "out/rounds.csv")
    assert len(rounds) == 4
    acme = rounds[0]
    assert acme["interviewers"] == "Zelda Quarternight"
    assert acme["private"] == "private.salary: 151515"
    assert rounds[2]["company"] == "Gamma Draftworks" and rounds[2]["draft"] == "yes"


# -- iCalendar ---------------------------------------------------------------------------


def events(path: Path) -> list[tuple[dt.date, str, str]]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return [
        (event.decoded("dtstart"), str(event["categories"].cats[0]), str(event["summary"]))
        for event in cal.walk("VEVENT")
    ]


def test_calendar_holds_every_follow_up_on_its_day(here: Path) -> None:
    known_journal(here)
    result = export("--format", "ics", "out")
    assert result.exit_code == 0, result.output
    assert events(here / "out/follow-ups.ics") == [
        (dt.date(2026, 11, 10), "feedback", "Chase feedback: Acme · Backend Engineer"),
        (dt.date(2026, 12, 1), "plan", "Plan: Kafka"),
        (dt.date(2026, 12, 2), "round", "Interview: Acme · Backend Engineer · Technical"),
        (dt.date(2026, 12, 3), "plan", "Plan: Storytelling"),  # from the journal note
    ]
    cal = icalendar.Calendar.from_ical((here / "out/follow-ups.ics").read_bytes())
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 4
    for event in cal.walk("VEVENT"):
        assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(days=1)
    assert "Zelda" not in (here / "out/follow-ups.ics").read_text(encoding="utf-8")


def test_private_calendar_adds_the_draft_and_names_the_interviewers(here: Path) -> None:
    known_journal(here)
    write(
        here,
        "2026/12/acme-technical.md",
        entry(
            date="2026-12-02",
            company="Acme",
            role="Backend Engineer",
            stage="technical",
            interviewers=["Yorick Underhill"],
        ),
    )
    assert export("--format", "ics", "--private", "out").exit_code == 0
    found = events(here / "out/follow-ups.ics")
    assert (dt.date(2026, 12, 5), "plan", "Plan: Go") in found
    assert len(found) == 5
    cal = icalendar.Calendar.from_ical((here / "out/follow-ups.ics").read_bytes())
    round_event = next(e for e in cal.walk("VEVENT") if str(e["categories"].cats[0]) == "round")
    assert str(round_event["description"]).endswith("With Yorick Underhill.")


def test_the_calendar_is_the_same_on_another_day_for_the_same_follow_ups(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known_journal(here)
    assert export("--format", "ics", "a").exit_code == 0
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-27")
    assert export("--format", "ics", "b").exit_code == 0
    assert (here / "a/follow-ups.ics").read_bytes() == (here / "b/follow-ups.ics").read_bytes()


def test_calendar_holds_each_question_rehearsed_on_the_day_it_is_due_again(here: Path) -> None:
    """The practice log beside the config feeds the calendar: rated 4 on 24 Nov, due 7 days later."""
    known_journal(here)
    (here / "mkdocs.yml").write_text("site_name: J\ndocs_dir: entries\n", encoding="utf-8")
    (here / "practice.log").write_text(
        "2026-11-24  4  design a RATE limiter\n2026-11-25  1  Never asked in this journal\n2029-01-01  5  Why Acme?\n",
        encoding="utf-8",
    )
    result = export("--format", "ics", "out")
    assert result.exit_code == 0, result.output
    assert "practice.log:3: the date 2029-01-01 is after today" in result.output
    found = events(here / "out/follow-ups.ics")
    assert (dt.date(2026, 12, 1), "rehearsal", "Rehearse: Design a rate limiter") in found
    assert [f for f in found if f[1] == "rehearsal"] == [
        (dt.date(2026, 12, 1), "rehearsal", "Rehearse: Design a rate limiter")
    ]  # a question never rehearsed is due now, on the practice page: no day of its own
    cal = icalendar.Calendar.from_ical((here / "out/follow-ups.ics").read_bytes())
    [event] = [e for e in cal.walk("VEVENT") if str(e["categories"].cats[0]) == "rehearsal"]
    assert str(event["description"]).startswith("Last rehearsed on 2026-11-24; due again today.")
    assert "rated" not in str(event["description"])  # how it went stays out, as on a published site


# -- what the command refuses ------------------------------------------------------------


def test_never_overwrites_without_force(here: Path) -> None:
    known_journal(here)
    (here / "out").mkdir()
    (here / "out/questions.csv").write_text("mine", encoding="utf-8")
    result = export("--format", "csv", "out")
    assert result.exit_code == 1
    assert "out/questions.csv already exists; nothing was written" in result.output
    assert not (here / "out/rounds.csv").exists()
    assert (here / "out/questions.csv").read_text(encoding="utf-8") == "mine"
    forced = export("--format", "csv", "--force", "out")
    assert forced.exit_code == 0, forced.output
    assert "replaced out/questions.csv" in forced.output and "wrote out/rounds.csv" in forced.output
    assert (here / "out/questions.csv").read_text(encoding="utf-8").startswith("date,kind,company")


def test_never_writes_inside_the_entries_folder(here: Path) -> None:
    known_journal(here)
    result = export("entries/export")
    assert result.exit_code == 1
    assert "inside the entries folder" in result.output
    assert not (here / "entries/export").exists()
    (here / "out").mkdir()
    (here / "out/growthlog.json").symlink_to(here / "entries/2026/11/acme-screen.md")
    result = export("--force", "out")
    assert result.exit_code == 1
    assert "leads into the entries folder" in result.output
    assert (here / "entries/2026/11/acme-screen.md").read_text(encoding="utf-8").startswith("---")


def test_a_private_value_in_public_text_stops_a_public_export(here: Path) -> None:
    write(
        here,
        "leak.md",
        entry(
            "The offer was 151515 in the end.",
            private={"salary": 151515},
            interviewers=["Zelda Quarternight"],
        ),
    )
    result = export("out")
    assert result.exit_code == 1
    assert "growthlog.json contains private.salary of entry leak.md" in result.output
    assert "151515" not in result.output
    assert not (here / "out").exists()
    assert export("--private", "out").exit_code == 0  # for yourself, it is all there


def test_an_entry_with_an_error_stops_the_export(here: Path) -> None:
    write(here, "bad.md", entry(outcome="rejcted"))
    result = export("out")
    assert result.exit_code == 1
    assert "bad.md" in result.output and "nothing was exported" in result.output
    assert not (here / "out").exists()


def test_a_missing_entries_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = export("out")
    assert result.exit_code == 1
    assert "no entries folder at entries" in result.output


def test_every_follow_up_has_its_own_key_whatever_its_source_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys make the calendar's UIDs: a second follow-up about the same thing gets `/2`, in order."""
    from growthlog.journal import follow_ups
    from journals import journal_of, round_

    journal = journal_of(round_("2026-11-20", "Acme", "screen", "advanced"))

    def twice(journal: object) -> list[follow_ups.FollowUp]:
        first = follow_ups.FollowUp("plan", dt.date(2026, 12, 2), "A", "", journal.entries[0], "plan/x")  # type: ignore[attr-defined]
        return [first, dataclasses.replace(first, day=dt.date(2026, 12, 1), title="B")]

    monkeypatch.setattr(follow_ups, "SOURCES", (twice,))
    found = follow_ups.build_follow_ups(journal)
    assert [(f.title, f.key) for f in found] == [("B", "plan/x/2"), ("A", "plan/x")]

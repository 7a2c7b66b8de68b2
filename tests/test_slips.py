"""The commonest slips in an entry get a message that says what to write (or are simply understood)."""

from __future__ import annotations

from conftest import entry
from growthlog.entries.model import PlanStatus, QuestionCategory
from growthlog.entries.reader import read_entry


def _read(**fields: object) -> tuple[object, list[str]]:
    found, problems = read_entry("e.md", entry(**fields).encode())
    return found, [f"{p.severity.value}: {p}" for p in problems]


def test_british_spellings_of_a_category_are_read_as_the_category() -> None:
    for spelling in ("behavioural", "Behavioural", "behaviour"):
        found, problems = _read(questions=[{"q": "Tell me about a conflict", "category": spelling}])
        assert problems == []
        assert found is not None and found.questions[0].category is QuestionCategory.BEHAVIORAL  # type: ignore[attr-defined]


def test_words_for_work_in_progress_suggest_doing_and_are_never_guessed() -> None:
    for written in ("in progress", "in-progress", "In Progress", "wip", "in_progress", "started"):
        found, problems = _read(development=[{"skill": "SQL", "status": written}])
        assert found is None
        assert problems[0].endswith("did you mean 'doing'?"), problems
    found, problems = _read(development=[{"skill": "SQL", "status": "completed"}])
    assert problems[0].endswith("did you mean 'done'?")
    found, _ = _read(development=[{"skill": "SQL", "status": "doing"}])
    assert found is not None and found.development[0].status is PlanStatus.DOING  # type: ignore[attr-defined]


def test_a_quoted_item_with_a_colon_and_a_sentence_with_commas_are_fine() -> None:
    found, problems = _read(
        went_well=["System design went well: clear requirements first"],  # yaml.safe_dump quotes it
        fell_short=["Vague on caching, queues and retries"],
        tags=["python", "go"],
    )
    assert problems == []
    assert found is not None and found.went_well == ("System design went well: clear requirements first",)  # type: ignore[attr-defined]


def test_a_colon_slip_in_a_question_item_gets_the_quoting_hint() -> None:
    text = (
        "---\ndate: 2026-03-14\ncompany: Acme\nrole: Dev\nstage: screen\noutcome: pending\n"
        "questions:\n  - Why Acme: the product or the team?\n---\n"
    )
    found, problems = read_entry("e.md", text.encode())
    assert found is None
    assert [str(p) for p in problems] == [
        "e.md:8: questions[1]: a ': ' inside the text makes YAML read 'key: value'; "
        'put the whole text in quotes: - "Why Acme: the product or the team?"'
    ]


def test_a_one_word_tag_with_no_comma_and_a_real_list_get_no_warning() -> None:
    text = "---\ndate: 2026-03-14\ncompany: Acme\nrole: Dev\nstage: screen\noutcome: pending\ntags: python\n---\n"
    assert read_entry("e.md", text.encode())[1] == []
    text = text.replace("tags: python", "tags: [python, go]")
    assert read_entry("e.md", text.encode())[1] == []
    text = text.replace("tags: [python, go]", 'tags: "python, go"')  # quoted: written as one on purpose
    assert read_entry("e.md", text.encode())[1] == []


def test_a_colon_slip_in_a_plain_field_on_its_own_lines_gets_the_field_form() -> None:
    text = "---\ndate: 2026-03-14\ncompany: Acme\nrole:\n  Staff engineer: platform\nstage: screen\noutcome: pending\n---\n"
    found, problems = read_entry("e.md", text.encode())
    assert found is None
    assert [str(p) for p in problems] == [
        "e.md:5: role: a ': ' inside the text makes YAML read 'key: value'; "
        'put the whole text in quotes: role: "Staff engineer: platform"'
    ]

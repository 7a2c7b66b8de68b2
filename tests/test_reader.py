"""The entry reader on good and bad input: plain functions, no MkDocs.

Every bad input must come back as problems naming the file, the line of the
file to fix, the field, what was found and what is allowed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest
from conftest import entry
from growthlog.entries.frontmatter import split
from growthlog.entries.model import Feedback, Lesson, Outcome, PlanItem, PlanStatus, Question, Stage
from growthlog.entries.problems import Problem, Severity
from growthlog.entries.reader import read_entry, read_journal

if TYPE_CHECKING:
    from pathlib import Path

    from growthlog.entries.model import Entry

#: The required fields, one per line: lines 2 to 6 of a file that starts with '---'.
HEAD = "date: 2026-03-14\ncompany: Acme Corp\nrole: Backend Engineer\nstage: screen\noutcome: pending\n"


def read(text: str | bytes, path: str = "e.md") -> tuple[Entry | None, list[Problem]]:
    return read_entry(path, text.encode("utf-8") if isinstance(text, str) else text)


def valid(text: str | bytes) -> Entry:
    """The entry, asserting it has no problem at all."""
    found, problems = read(text)
    assert problems == []
    assert found is not None
    return found


def only_problem(text: str | bytes, path: str = "e.md") -> Problem:
    """The single problem of an invalid entry."""
    found, problems = read(text, path)
    assert found is None
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].path == path
    return problems[0]


def with_extra(lines: str) -> str:
    """An entry with the required fields (lines 2-6) and `lines` from line 7 on."""
    return f"---\n{HEAD}{lines}---\nNotes.\n"


# -- good input ----------------------------------------------------------------


def test_a_full_entry_becomes_typed_values() -> None:
    text = with_extra(
        "format: video\nconfidence: 4\ntags: [python, design]\ndraft: true\n"
        "went_well: [Clear structure]\nfell_short: [Consistency]\n"
        "feedback:\n  requested: 2026-03-15\n  received: 2026-03-20\n  text: Go deeper.\n"
        "development:\n  - skill: Distributed systems\n    action: Read DDIA\n    status: doing\n"
        "    due: 2026-04-30\n"
        "questions:\n  - q: Design a rate limiter\n    category: system-design\n    tough: yes\n"
        "lessons:\n  - Review consistency\n  - text: Ask about on-call\n    theme: preparation\n"
        "interviewers: [Jane Doe]\nprivate:\n  salary: 150000\n"
    )
    found = valid(text)
    assert (found.date, found.company, found.role) == (dt.date(2026, 3, 14), "Acme Corp", "Backend Engineer")
    assert (found.stage, found.outcome, found.confidence, found.draft) == (
        Stage.SCREEN,
        Outcome.PENDING,
        4,
        True,
    )
    assert found.tags == ("python", "design")
    assert found.feedback == Feedback(dt.date(2026, 3, 15), dt.date(2026, 3, 20), "Go deeper.")
    assert found.development == (
        PlanItem("Distributed systems", "Read DDIA", PlanStatus.DOING, dt.date(2026, 4, 30)),
    )
    assert found.questions[0].tough is True
    assert found.lessons == (Lesson("Review consistency"), Lesson("Ask about on-call", "preparation"))
    assert found.interviewers == ("Jane Doe",)
    assert [(p.key, p.value) for p in found.private] == [("private.salary", "150000")]
    assert found.body == "Notes.\n"
    assert found.body_line == 34  # the line after the closing '---'


def test_a_plain_string_stands_for_a_list_of_one() -> None:
    found = valid(
        with_extra("tags: python\nwent_well: Clear structure\nfell_short: Vague\ninterviewers: Jane\n")
    )
    assert found.tags == ("python",)
    assert found.went_well == ("Clear structure",)
    assert found.fell_short == ("Vague",)
    assert found.interviewers == ("Jane",)


def test_lessons_as_strings_and_questions_as_strings() -> None:
    found = valid(with_extra("lessons:\n  - Sleep well\n  - Ask early\nquestions: Why us?\n"))
    assert found.lessons == (Lesson("Sleep well"), Lesson("Ask early"))
    assert found.questions == (Question("Why us?"),)


def test_a_single_lesson_string_is_one_lesson() -> None:
    assert valid(with_extra("lessons: Sleep well\n")).lessons == (Lesson("Sleep well"),)


def test_feedback_as_a_string_is_its_text() -> None:
    assert valid(with_extra("feedback: Strong coding.\n")).feedback == Feedback(text="Strong coding.")


def test_text_that_yaml_would_read_as_a_boolean_or_number_stays_text() -> None:
    found = valid("---\ndate: 2026-03-14\ncompany: NO\nrole: 1234\nstage: Screen\noutcome: pending\n---\n")
    assert (found.company, found.role, found.stage) == ("NO", "1234", Stage.SCREEN)


def test_a_byte_order_mark_is_accepted_and_lines_still_count_from_the_top() -> None:
    assert valid("\ufeff" + with_extra("")).company == "Acme Corp"
    problem = only_problem("\ufeff" + with_extra("outcome: rejcted\n"))
    assert (problem.line, problem.field) == (7, "outcome")


def test_windows_line_endings_are_accepted_and_lines_still_count_right() -> None:
    found = valid(with_extra("tags: [a]\n").replace("\n", "\r\n"))
    assert found.tags == ("a",)
    assert found.body == "Notes.\n"
    problem = only_problem(with_extra("stage: onsit\n").replace("\n", "\r\n"))
    assert (problem.line, problem.field) == (7, "stage")


def test_old_mac_line_endings_count_as_lines() -> None:
    problem = only_problem(with_extra("confidence: 9\n").replace("\n", "\r"))
    assert (problem.line, problem.field) == (7, "confidence")


def test_blank_lines_before_the_front_matter_shift_every_line() -> None:
    problem = only_problem("\n\n" + with_extra("outcome: x\n"))
    assert problem.line == 9


def test_a_date_with_a_time_is_a_date() -> None:
    text = "---\ndate: 2026-03-14 10:30\ncompany: A\nrole: B\nstage: screen\noutcome: pending\n---\n"
    assert valid(text).date == dt.date(2026, 3, 14)


def test_the_conftest_entry_helper_writes_a_valid_entry() -> None:
    assert valid(entry(tags=["x"])).tags == ("x",)


# -- the file itself -----------------------------------------------------------


def test_an_empty_file() -> None:
    problem = only_problem("")
    assert (problem.line, problem.field) == (1, "")
    assert "the file is empty" in problem.message
    assert "'---'" in problem.message  # says what an entry looks like


def test_a_file_of_blank_lines_is_empty() -> None:
    assert "the file is empty" in only_problem("\n  \n\t\n").message


def test_a_file_with_no_front_matter() -> None:
    problem = only_problem("\n# My interview\n\nIt went well.\n")
    assert problem.line == 2
    assert "no front matter" in problem.message
    assert "found a heading" in problem.message
    assert "My interview" not in problem.message  # build logs may be public: the line is not quoted


def test_front_matter_that_is_never_closed() -> None:
    problem = only_problem("\n---\n" + HEAD + "\nNotes without a closing line.\n")
    assert problem.line == 2
    assert "never closed" in problem.message and "add a line '---'" in problem.message


def test_bytes_that_are_not_utf8() -> None:
    problem = only_problem(b"---\ndate: 2026-03-14\ncompany: Caf\xe9 Noir\n---\n")
    assert problem.line == 3
    assert "not saved as UTF-8" in problem.message
    assert "0xe9" in problem.message
    assert "save it again with the encoding 'UTF-8'" in problem.message


def test_latin1_in_the_body_is_also_reported_at_its_line() -> None:
    problem = only_problem(with_extra("").encode() + b"\nNa\xefve notes\n")
    assert problem.line == 10


def test_empty_front_matter() -> None:
    problem = only_problem("---\n# nothing yet\n---\nbody\n")
    assert problem.line == 1
    assert "the front matter is empty" in problem.message
    assert "date, company, role, stage, outcome" in problem.message


@pytest.mark.parametrize(
    ("yaml_text", "found"),
    [("- a\n- b\n", "a list"), ("just some text\n", "text"), ("42\n", "a number")],
)
def test_front_matter_that_is_not_a_mapping(yaml_text: str, found: str) -> None:
    problem = only_problem(f"---\n{yaml_text}---\n")
    assert problem.line == 2
    assert f"must be fields (key: value lines); found {found}" in problem.message


# -- YAML syntax -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "line", "words"),
    [
        ("tags: [python, design\n", 7, "a list opened with '[' is never closed with ']'"),
        ("search: {note: x\n", 7, "a mapping opened with '{' is never closed with '}'"),
        ('seniority: "senior\nformat: video\n', 7, "a quote opened here is never closed"),
        ("company: Acme: Cloud\n", 7, 'put a value holding ": " in quotes'),
        ("feedback:\n  text: a\n   requested: 2026-03-15\n", 9, "check the indentation"),
        ("feedback:\n\ttext: Go deeper\n", 8, "YAML does not allow tabs for indentation, use spaces"),
        ("tags: *nope\n", 7, "refers to an anchor ('&name') that is not defined"),
        ('seniority: "senior" staff\n', 7, "text after a closing quote? quote the whole value"),
    ],
    ids=["unclosed-list", "unclosed-mapping", "unclosed-quote", "colon", "indent", "tab", "alias", "quote"],
)
def test_yaml_syntax_errors_point_at_the_line_to_fix(lines: str, line: int, words: str) -> None:
    problem = only_problem(with_extra(lines))
    assert problem.line == line, str(problem)
    assert problem.message.startswith("the front matter is not valid YAML: ")
    assert words in problem.message
    assert "YAML says:" in problem.message  # the parser's own words, for searching the web


def test_an_invisible_control_character_is_named_at_its_line() -> None:
    problem = only_problem(with_extra("seniority: sen\x07ior\n"))
    assert problem.line == 7
    assert "invisible control character (#x0007" in problem.message


def test_a_control_character_after_accented_text_is_still_at_its_line() -> None:
    # libyaml counts bytes, not characters: 'é' before the character must not shift the line.
    problem = only_problem(
        with_extra("went_well: Société Générale ééééééééééééééééééééééé\nseniority: \x00\n")
    )
    assert problem.line == 8


def test_a_non_utf8_byte_after_old_mac_line_endings_is_at_its_line() -> None:
    problem = only_problem(b"---\rdate: 2026-03-14\rcompany: Caf\xe9\r---\r")
    assert problem.line == 3


def test_deep_nesting_is_refused_without_a_crash() -> None:
    problem = only_problem(with_extra("tags: " + "[" * 50_000 + "]" * 50_000 + "\n"))
    assert problem.line == 7
    assert "nested too deeply" in problem.message


def test_an_alias_bomb_stops_early() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    found, problems = read(with_extra(bomb + "private: [*h, *h, *h]\n"))
    assert found is None
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1
    assert "expands to more than 20,000 values" in errors[0].message
    assert 7 <= errors[0].line <= 15


def test_yaml_merge_keys_are_refused() -> None:
    found, problems = read(
        "---\nbase: &b {company: A}\n<<: *b\ndate: 2026-03-14\nrole: B\nstage: screen\noutcome: pending\n---\n"
    )
    assert found is None
    merge = next(p for p in problems if "merge" in p.message)
    assert merge.line == 3
    assert "write the fields out" in merge.message


# -- required fields -------------------------------------------------------------


def test_every_missing_required_field_is_reported_at_the_opening_line() -> None:
    found, problems = read("---\ndate: 2026-03-14\ncompany: Acme\n---\n")
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(1, "role"), (1, "stage"), (1, "outcome")]
    assert problems[0].message == "required field 'role' is missing; add a line like 'role: Backend Engineer'"
    assert "allowed: applied, screen, technical, take-home, onsite, final, offer" in problems[1].message
    assert "allowed: pending, advanced, rejected, offer" in problems[2].message


@pytest.mark.parametrize("empty", ["", "''", '""', "~", "null", "'   '"])
def test_a_required_field_with_no_value(empty: str) -> None:
    problem = only_problem(
        f"---\ndate: 2026-03-14\ncompany: {empty}\nrole: B\nstage: screen\noutcome: pending\n---\n"
    )
    assert (problem.line, problem.field) == (3, "company")
    assert "required field 'company' has no value" in problem.message
    assert "like 'company: Acme Corp'" in problem.message


def test_empty_date_stage_and_outcome() -> None:
    found, problems = read("---\ndate:\ncompany: A\nrole: B\nstage:\noutcome: ''\n---\n")
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(2, "date"), (5, "stage"), (6, "outcome")]
    assert all("has no value" in p.message for p in problems)


def test_a_question_without_its_text_is_reported_at_the_question() -> None:
    problem = only_problem(with_extra("questions:\n  - q: Why us?\n  - category: other\n    tough: true\n"))
    assert (problem.line, problem.field) == (9, "questions[2].q")
    assert "required field 'q' is missing" in problem.message


def test_a_lesson_mapping_without_text_is_reported_at_the_lesson() -> None:
    problem = only_problem(with_extra("lessons:\n  - theme: preparation\n"))
    assert (problem.line, problem.field) == (8, "lessons[1].text")


def test_a_plan_item_needs_a_skill_or_an_action() -> None:
    problem = only_problem(with_extra("development:\n  - status: todo\n"))
    assert (problem.line, problem.field) == (8, "development[1]")
    assert "needs a 'skill' or an 'action'" in problem.message


# -- wrong types and values ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "line", "field", "words"),
    [
        ("company: [a, b]\n", 7, "company", "expected text; found a list"),
        ("company: {a: b}\n", 7, "company", "expected text; found a mapping"),
        ("stage: [screen]\n", 7, "stage", "expected one value of applied, screen"),
        ("confidence: high\n", 7, "confidence", "expected a whole number from 1 to 5; found 'high'"),
        ("confidence: 6\n", 7, "confidence", "expected a whole number from 1 to 5; found 6"),
        ("confidence: 0\n", 7, "confidence", "expected a whole number from 1 to 5; found 0"),
        ("confidence: 3.5\n", 7, "confidence", "found '3.5'"),
        ("confidence: [3]\n", 7, "confidence", "found a list"),
        ("draft: maybe\n", 7, "draft", "expected true or false; found 'maybe'"),
        ("tags: {python: 3}\n", 7, "tags", "expected text; found a mapping"),
        ("tags: [python, [x]]\n", 7, "tags[2]", "expected text; found a list"),
        ("feedback: [a, b]\n", 7, "feedback", "(requested, received, text), or just the feedback text"),
        ("search: [a]\n", 7, "search", "(role_fit, company_fit, note), or just a note"),
        ("search:\n  role_fit: 7\n", 8, "search.role_fit", "from 1 to 5; found 7"),
        ("development: [[a]]\n", 7, "development[1]", "or just the action as text; found a list"),
        ("questions:\n  - [a]\n", 8, "questions[1]", "or just the question as text"),
        ("questions:\n  - q: Why?\n    tough: sometimes\n", 9, "questions[1].tough", "found 'sometimes'"),
        ("lessons:\n  - [a]\n", 8, "lessons[1]", "or just the lesson as text"),
        ("[a, b]: x\n", 7, "", "a key must be a name; found a list"),
    ],
)
def test_wrong_types_name_what_was_found_and_what_is_allowed(
    lines: str, line: int, field: str, words: str
) -> None:
    text = with_extra(lines)
    key = lines.split(":")[0]
    if key in ("company", "stage"):  # replace the required field rather than repeat it
        text = text.replace(next(x for x in HEAD.split("\n") if x.startswith(key)) + "\n", "", 1)
        line -= 1
    problem = only_problem(text)
    assert (problem.line, problem.field) == (line, field)
    assert words in problem.message


@pytest.mark.parametrize(
    ("lines", "line", "field", "words"),
    [
        ("stage: onsit\n", 7, "stage", "did you mean 'onsite'?"),
        ("outcome: rejcted\n", 7, "outcome", "did you mean 'rejected'?"),
        ("format: onsight\n", 7, "format", "did you mean 'onsite'?"),
        ("outcome: gosted\n", 7, "outcome", "did you mean 'ghosted'?"),
        ("development:\n  - action: Read\n    status: doign\n", 9, "development[1].status", "'doing'?"),
        (
            "questions:\n  - q: Why?\n    category: sytem-design\n",
            9,
            "questions[1].category",
            "'system-design'?",
        ),
    ],
)
def test_near_miss_values_get_a_did_you_mean(lines: str, line: int, field: str, words: str) -> None:
    text = with_extra(lines)
    if lines.startswith(("stage:", "outcome:")):  # replace the required field rather than repeat it
        key = lines.split(":")[0]
        text = text.replace(f"{key}: {'screen' if key == 'stage' else 'pending'}\n", "", 1)
        line -= 1
    problem = only_problem(text)
    assert (problem.line, problem.field) == (line, field)
    assert "is not allowed; allowed: " in problem.message
    assert problem.message.endswith(words)


def test_an_enum_value_is_quoted_and_listed_in_full() -> None:
    problem = only_problem(with_extra("format: carrier pigeon\n"))
    assert problem.message == "'carrier pigeon' is not allowed; allowed: phone, video, onsite, take-home"


def test_enum_values_forgive_case_spaces_and_underscores() -> None:
    found = valid(with_extra("format: Take Home\n").replace("stage: screen", "stage: TAKE_HOME"))
    assert found.stage is Stage.TAKE_HOME


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-02-30", "'2026-02-30' is not a real date (February 2026 has 28 days)"),
        ("2026-04-31", "(April 2026 has 30 days)"),
        ("2026-13-01", "(the month must be from 01 to 12)"),
        ("14/03/2026", "expected a date written YYYY-MM-DD (like 2026-03-14); found '14/03/2026'"),
        ("March 14", "found 'March 14'"),
        ("20260314", "found '20260314'"),
        ("2026-03-14 next week", "found '2026-03-14 next week'"),
        ("[2026-03-14]", "found a list"),
    ],
)
def test_impossible_and_malformed_dates(value: str, words: str) -> None:
    problem = only_problem(f"---\ndate: {value}\ncompany: A\nrole: B\nstage: screen\noutcome: pending\n---\n")
    assert (problem.line, problem.field) == (2, "date")
    assert words in problem.message


def test_a_leap_day_is_a_real_date() -> None:
    assert valid(HEAD.join(["---\n", "---\n"]).replace("2026-03-14", "2028-02-29")).date == dt.date(
        2028, 2, 29
    )


def test_nested_dates_are_checked_too() -> None:
    problem = only_problem(with_extra("feedback:\n  requested: 2026-02-29\n"))
    assert (problem.line, problem.field) == (8, "feedback.requested")
    assert "February 2026 has 28 days" in problem.message


def test_feedback_received_before_it_was_requested() -> None:
    problem = only_problem(with_extra("feedback:\n  requested: 2026-03-20\n  received: 2026-03-15\n"))
    assert (problem.line, problem.field) == (9, "feedback.received")
    assert "before the request" in problem.message


# -- duplicate and unknown keys ------------------------------------------------------


def test_a_duplicate_key_is_an_error_naming_both_lines() -> None:
    problem = only_problem(with_extra("company: Other Corp\n"))
    assert (problem.line, problem.field) == (7, "company")
    assert "duplicate key 'company' (first at line 3)" in problem.message
    assert "YAML would silently keep only the last one" in problem.message


def test_duplicate_keys_inside_nested_and_private_mappings() -> None:
    found, problems = read(
        with_extra("feedback:\n  text: a\n  text: b\nprivate:\n  salary: 1\n  salary: 2\n")
    )
    assert found is None
    assert [(p.line, p.field) for p in problems] == [(9, "feedback.text"), (12, "private.salary")]
    assert "(first at line 8)" in problems[0].message
    assert "(first at line 11)" in problems[1].message


def test_an_unknown_field_is_a_warning_with_a_suggestion() -> None:
    found, problems = read(with_extra("lesons: [Sleep well]\n"))
    assert found is not None  # a warning does not stop the entry
    assert len(problems) == 1
    warning = problems[0]
    assert warning.severity is Severity.WARNING
    assert (warning.line, warning.field) == (7, "lesons")
    assert warning.message == "unknown field 'lesons' is ignored; did you mean 'lessons'?"


def test_an_unknown_field_with_no_near_miss_points_to_extra() -> None:
    found, problems = read(with_extra("recruiter_mood: sunny\n"))
    assert found is not None
    assert "put fields of your own under 'extra:'" in problems[0].message
    assert "known fields here: date, company, role" in problems[0].message


def test_unknown_nested_fields_are_warnings_too() -> None:
    found, problems = read(with_extra("feedback:\n  txt: hi\n"))
    assert found is not None
    assert [(p.line, p.field, p.severity) for p in problems] == [(8, "feedback.txt", Severity.WARNING)]
    assert "did you mean 'text'?" in problems[0].message


def test_extra_holds_fields_of_your_own_without_warnings() -> None:
    found = valid(with_extra("extra:\n  referral: Sam\n  salary_band: [1, 2]\n"))
    assert found.extra == (("referral", "Sam"), ("salary_band[1]", "1"), ("salary_band[2]", "2"))


def test_nesting_private_values_too_deeply_is_refused() -> None:
    problem = only_problem(with_extra("private: " + "{a: " * 20 + "1" + "}" * 20 + "\n"))
    assert problem.line == 7
    assert "nested more than 12 levels deep" in problem.message


# -- collecting everything ------------------------------------------------------------


def test_every_problem_of_one_file_is_reported_in_line_order() -> None:
    found, problems = read(
        "---\ndate: 2026-02-30\ncompany:\nrole: B\nstage: onsit\noutcome: rejcted\n"
        "confidence: 9\ndraft: maybe\nlesons: [x]\n---\n"
    )
    assert found is None
    assert [(p.line, p.field) for p in problems] == [
        (2, "date"),
        (3, "company"),
        (5, "stage"),
        (6, "outcome"),
        (7, "confidence"),
        (8, "draft"),
        (9, "lesons"),
    ]
    assert [p.severity for p in problems].count(Severity.WARNING) == 1


def test_the_journal_collects_every_problem_in_every_file(tmp_path: Path) -> None:
    root = tmp_path / "entries"
    (root / "2026").mkdir(parents=True)
    (root / "good.md").write_text(with_extra(""), encoding="utf-8")
    (root / "2026/a.md").write_text(with_extra("stage: x\nconfidence: 0\n"), encoding="utf-8")
    (root / "2026/b.md").write_text("---\ncompany: B\n---\n", encoding="utf-8")
    (root / "c.md").write_bytes(b"\xff\xfe")
    (root / "d.md").write_text(with_extra("lesons: [x]\n"), encoding="utf-8")
    result = read_journal(root)

    assert sorted(e.path for e in result.entries) == ["d.md", "good.md"]
    assert sorted(result.invalid) == ["2026/a.md", "2026/b.md", "c.md"]
    located = [(p.path.rsplit("entries/", 1)[1], p.line, p.field) for p in result.problems]
    assert located == [
        ("2026/a.md", 7, "stage"),
        ("2026/a.md", 8, "confidence"),
        ("2026/b.md", 1, "date"),
        ("2026/b.md", 1, "role"),
        ("2026/b.md", 1, "stage"),
        ("2026/b.md", 1, "outcome"),
        ("c.md", 1, ""),
        ("d.md", 7, "lesons"),
    ]
    assert len(result.errors) == 7 and len(result.warnings) == 1


def test_a_problem_reads_as_path_line_field_message() -> None:
    problem = only_problem(with_extra("confidence: 9\n"), path="2026/03/acme.md")
    assert str(problem) == "2026/03/acme.md:7: confidence: expected a whole number from 1 to 5; found 9"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '---' on the first line: the quick path.
        ("---\na: 1\n---\nNotes\n", ("a: 1\n", 2, "Notes\n", 4)),
        ("--- \t\na: 1\nb: 2\n... \nNotes", ("a: 1\nb: 2\n", 2, "Notes", 5)),
        ("---\n---\n", ("\n", 2, "", 3)),
        ("---\na: 1\n---", ("a: 1\n", 2, "", 4)),
        ("---\na: |\n  ----\n  --- x\n---\n\n---\n", ("a: |\n  ----\n  --- x\n", 2, "\n---\n", 6)),
        # Blank lines before the opening '---': the line by line path, the same answers.
        ("\n  \n---\na: 1\n---\nNotes\n", ("a: 1\n", 4, "Notes\n", 6)),
    ],
)
def test_the_front_matter_block_and_the_notes_are_found_with_their_lines(
    text: str, expected: tuple[str, int, str, int]
) -> None:
    found = split("a.md", text)
    assert (found.yaml, found.yaml_line, found.body, found.body_line) == expected

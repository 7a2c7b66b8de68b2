"""Interviewers named in public text: a warning at the line, before a publish build shows the name."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_ENTRIES, Journal, entry
from growthlog.cli import main
from growthlog.entries.mentions import name_words
from growthlog.entries.private_parts import public_lines
from growthlog.entries.problems import Severity
from growthlog.entries.reader import read_entry, read_journal
from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from pathlib import Path

HEAD = (
    "---\n"  # 1
    "date: 2026-03-14\n"  # 2
    "company: Acme Corp\n"  # 3
    "role: Backend Engineer\n"  # 4
    "stage: screen\n"  # 5
    "outcome: pending\n"  # 6
    "interviewers: [Chloe Dubois, Li de Vries]\n"  # 7
)
ADVICE_BODY = "Refer to them by role, or move the sentence into a `!!! private` block"


def mentions(text: str) -> list[str]:
    entry, problems = read_entry("a.md", text.encode())
    assert entry is not None
    assert all(p.severity is Severity.WARNING and p.field == "interviewers" for p in problems)
    return [str(p) for p in problems]


def test_a_first_name_in_a_public_body_line_is_reported_at_that_line() -> None:
    text = HEAD + "---\n\n# Screen\n\nThe call went well. Chloe called on Friday.\n"
    assert mentions(text) == [
        "a.md:12: interviewers: a word of the name interviewers[0] appears in public text; "
        f"a published site would show it. {ADVICE_BODY}"
    ]


def test_a_name_inside_a_private_block_is_not_reported_and_lines_after_it_keep_their_number() -> None:
    body = (
        "---\n"  # 8
        "Public notes.\n"  # 9
        '!!! private "Private"\n'  # 10
        "    Chloe said I was their second choice.\n"  # 11
        "\n"  # 12
        "    Dubois agreed.\n"  # 13
        "\n"  # 14
        "- a list item\n"  # 15
        "\n"  # 16
        "    ??? private\n"  # 17
        "        Vries, nested.\n"  # 18
        "\n"  # 19
        "Then Dubois wrote back.\n"  # 20
    )
    found = mentions(HEAD + body)
    assert len(found) == 1 and found[0].startswith(
        "a.md:20: interviewers: a word of the name interviewers[0] "
    )


def test_what_markdown_shows_decides_not_how_a_line_looks() -> None:
    """A box opener Markdown reads as text is text: its words are published, and reported."""
    body = (
        "---\n"  # 8
        "- a list item\n"  # 9
        "    ??? private\n"  # 10: no blank line above, so it runs on in the item's paragraph
        "        Vries, nested.\n"  # 11
        "\n"  # 12
        "```text\n"  # 13
        "!!! private\n"  # 14: code, shown as typed
        "    Chloe in a code block.\n"  # 15
        "```\n"  # 16
        "\n"  # 17
        "> !!! private\n"  # 18: a box inside a blockquote is a box
        ">     Dubois, quoted privately.\n"  # 19
        "\n"  # 20
        "<!-- Chloe, in a comment no page shows -->\n"  # 21
    )
    found = mentions(HEAD + body)
    assert [f.split(":")[1] for f in found] == ["11", "15"]
    assert "interviewers[1]" in found[0] and "interviewers[0]" in found[1]


def test_public_front_matter_strings_are_reported_with_their_field_and_line() -> None:
    text = HEAD + (
        "went_well: [Asked early, Asked Chloe for the band]\n"  # 8
        "feedback:\n"  # 9
        '  text: "Long text\n'  # 10
        '    that Dubois wrote"\n'  # 11
        "questions:\n"  # 12
        "  - q: Why us?\n"  # 13
        "    answer: |\n"  # 14
        "      first line\n"  # 15
        "      then Vries said\n"  # 16
        "private:\n"  # 17
        "  notes: Chloe, privately\n"  # 18
        "extra:\n"  # 19
        "  mine: Chloe again\n"  # 20
        "---\n"
        "Notes without names.\n"
    )
    advice = "a published site would show it. Refer to them by role, or move it under `private:`"
    assert mentions(text) == [
        f"a.md:8: interviewers: a word of the name interviewers[0] appears in public text (went_well[2]); {advice}",
        f"a.md:11: interviewers: a word of the name interviewers[0] appears in public text (feedback.text); {advice}",
        "a.md:16: interviewers: a word of the name interviewers[1] appears in public text "
        f"(questions[1].answer); {advice}",
    ]


def test_only_whole_capitalised_words_of_three_letters_or_more_count() -> None:
    assert name_words(["Chloe Dubois", "Li de Vries", "Anne-Marie O'Neill"]) == (
        "Chloe",
        "Dubois",
        "Vries",
        "Anne",
        "Marie",
        "Neill",
    )
    text = HEAD + "---\nchloe, Chloes, ChloeDubois, Li and de: none of these is the name.\n"
    assert mentions(text) == []


def test_a_draft_is_not_checked_since_it_is_not_published() -> None:
    text = HEAD + "draft: true\n---\nChloe called.\n"
    assert mentions(text) == []


def test_public_lines_skip_private_blocks_and_keep_line_numbers() -> None:
    body = 'one\n!!! private\n    secret\n\ntwo\n??? private "T"\n    more\nthree'
    assert list(public_lines(body)) == [(0, "one"), (4, "two"), (7, "three")]


# -- in builds and in `growthlog check` ------------------------------------------------


def test_a_publish_build_warns_so_strict_fails_naming_file_and_line(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("2026/a.md", HEAD + "---\n\n# Screen\n\nThe call went well. Chloe called on Friday.\n")
    with pytest.raises(Abort):
        journal.build(strict=True)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        "entries/2026/a.md:12: interviewers: a word of the name interviewers[0] appears in public text" in m
        for m in warnings
    ), warnings


def test_a_name_only_in_a_private_block_builds_strict(journal: Journal) -> None:
    journal.write("a.md", HEAD + '---\nPublic notes.\n\n!!! private "Private"\n    Chloe called.\n')
    site = journal.build(strict=True)
    assert "Chloe" not in (site / "a/index.html").read_text(encoding="utf-8")


def test_serve_warns_too_without_stopping(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    # Decided: a serve shows every name anyway, but the warning is what tells the user
    # before they publish, so serve reports it like any other entry warning.
    journal.write("a.md", HEAD + "---\nChloe called.\n")
    site = journal.build(command="serve", strict=False)
    page = (site / "a/index.html").read_text(encoding="utf-8")
    assert "Chloe called." in page  # the page is built, names and all
    assert "appears in public text" in page  # in the problems notice serve shows on every page
    assert "a.md:9: interviewers: a word of the name interviewers[0] appears in public text" in caplog.text


def test_check_reports_the_mention_as_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries/a.md").write_text(HEAD + "---\nChloe called.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "entries"])
    assert result.exit_code == 1
    assert result.output.strip().split("\n") == [
        "warning: entries/a.md:9: interviewers: a word of the name interviewers[0] appears in public text; "
        f"a published site would show it. {ADVICE_BODY}",
        "1 warning in 1 entry under entries (1 entry checked)",
    ]


def test_the_sample_journal_names_no_interviewer_in_public_text() -> None:
    result = read_journal(SAMPLE_ENTRIES)
    assert sum(len(e.interviewers) for e in result.entries) > 20  # the check had names to look for
    assert [str(p) for p in result.problems if p.field == "interviewers"] == []


def test_no_warning_quotes_an_interviewers_name(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    """Build logs may be public: the warning names the field, the entry and the line, never the name."""
    journal.write(
        "a.md", entry(interviewers=["Chloe Dubois"], went_well=["Dubois was kind"], body="Chloe called.")
    )
    journal.build(strict=False)
    assert "a.md:12: interviewers: a word of the name interviewers[0] appears in public text" in caplog.text
    assert "Chloe" not in caplog.text and "Dubois" not in caplog.text

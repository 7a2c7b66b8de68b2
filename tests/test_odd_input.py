"""Odd input gets a message naming the file and line, never a traceback (issue #14 item 7)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from conftest import Journal, entry
from growthlog.cli import main
from growthlog.entries.reader import read_entry, read_journal
from growthlog.entries.urls import entry_url
from growthlog.pages.journal_pages import reserved_urls, written_files
from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from pathlib import Path

HEAD = "date: 2026-03-14\ncompany: Acme\nrole: Engineer\nstage: screen\noutcome: pending\n"


def problems_of(text: str) -> list[str]:
    _, problems = read_entry("2026/a.md", text.encode("utf-8"))
    return [str(p) for p in problems]


@pytest.mark.parametrize("number", ['!!int "²"', '!!int "٣"', "!!int 3_0", "1" * 5000, '!!int "0x3"'])
def test_an_odd_integer_is_an_error_at_its_line(number: str) -> None:
    found = problems_of(f"---\n{HEAD}confidence: {number}\n---\n")
    assert len(found) == 1 and found[0].startswith(
        "2026/a.md:7: confidence: expected a whole number from 1 to 5"
    )


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ("date: 9999-12-31", 2),
        ("feedback:\n  requested: 9999-12-31", 8),
        ("development:\n  - skill: x\n    action: y\n    due: 9999-12-31", 10),
        ("date: 0001-01-01", 2),
    ],
)
def test_a_date_far_from_today_is_an_error_at_its_line(field: str, line: int) -> None:
    head = HEAD.replace("date: 2026-03-14\n", "") if field.startswith("date") else HEAD
    text = f"---\n{field}\n{head}---\n" if field.startswith("date") else f"---\n{head}{field}\n---\n"
    found = [p for p in problems_of(text) if "too far from today" in p]
    assert len(found) == 1, problems_of(text)
    assert found[0].startswith(f"2026/a.md:{line}:")
    assert "the year must be from 1900 to 2199" in found[0]


def test_a_far_date_stops_the_build_with_a_message(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("a.md", entry(date="9999-12-31"))
    with pytest.raises(Abort):
        journal.build()
    assert "a.md:2: date: '9999-12-31' is too far from today" in caplog.text


@pytest.mark.parametrize("name", [*written_files(), "robots.txt/inside"])
def test_an_entry_where_the_site_has_a_file_of_its_own_is_refused(tmp_path: Path, name: str) -> None:
    root = tmp_path / "entries"
    path = root / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{HEAD}---\n", encoding="utf-8")
    result = read_journal(root, reserved=reserved_urls(), written=written_files())
    assert result.entries == ()
    (problem,) = result.problems
    assert problem.line == 1 and problem.path.endswith(f"{name}.md")
    assert "is a file every site of the journal holds; rename the file" in problem.message


def test_the_build_refuses_robots_txt_md_instead_of_crashing(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("robots.txt.md", entry())
    journal.write("search/search_index.json.md", entry(date="2026-03-15"))
    with pytest.raises(Abort):
        journal.build()
    assert "robots.txt.md:1: would be published at /robots.txt/" in caplog.text
    assert "search/search_index.json.md:1:" in caplog.text


def test_a_folder_linking_to_its_parent_is_named_once_and_the_build_goes_on(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("2026/a.md", entry())
    (journal.entries / "2026" / "loop").symlink_to("..")
    site = journal.build(strict=False)
    assert (site / "2026/a/index.html").is_file()
    assert "2026/loop (a link back to a folder above it (a loop)" in caplog.text
    assert not (site / "2026/loop").exists()
    result = CliRunner().invoke(main, ["check", str(journal.entries)])
    assert "2026/loop (a link back to a folder above it (a loop)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_to_entries_with_odd_names_are_encoded_as_mkdocs_encodes_them(
    journal: Journal, directory_urls: bool
) -> None:
    names = ["50% off #2?.md", "with space.md", "hash#tag.md", "q?mark.md", "per%25cent.md"]
    for day, name in enumerate(names, start=1):
        journal.write(f"2026/{name}", entry(date=f"2026-03-{day:02d}", company=f"Odd{day} Co"))
    journal.config["use_directory_urls"] = directory_urls
    site = journal.build()
    timeline = (site / "timeline" / "index.html") if directory_urls else (site / "timeline.html")
    # The timeline links from its own folder (timeline/) with directory URLs, else from the site root.
    prefix = r"\.\./" if directory_urls else ""
    hrefs = set(re.findall(rf'href="{prefix}(2026/[^"]+)"', timeline.read_text(encoding="utf-8")))
    assert hrefs == {entry_url(f"2026/{name}", directory_urls) for name in names}
    for href in hrefs:
        assert "#" not in href and "?" not in href and " " not in href
        target = site / unquote(href)
        assert (target / "index.html").is_file() if directory_urls else target.is_file(), href


@pytest.mark.parametrize(
    ("company", "said"),
    [
        ("Ac\udcffme", "company is not valid UTF-8 text"),
        ("Ac\x07me", "company holds a control character (U+0007)"),
        ("Acme\nrole: x", "company holds a control character (U+000A)"),
    ],
)
def test_new_refuses_text_an_entry_cannot_hold_and_leaves_no_file(
    tmp_path: Path, company: str, said: str
) -> None:
    result = CliRunner().invoke(
        main,
        [
            "new",
            "--company",
            company,
            "--role",
            "Engineer",
            "--stage",
            "screen",
            "--date",
            "2026-03-14",
            "--dir",
            str(tmp_path / "e"),
        ],
    )
    assert result.exit_code == 2
    assert said in result.output and "nothing was written" in result.output
    assert not (tmp_path / "e").exists()
    assert "Traceback" not in result.output

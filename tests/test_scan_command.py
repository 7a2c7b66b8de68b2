"""`growthlog scan SITE_DIR`: the leak scan on a folder, whatever built it."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from click.testing import CliRunner
from conftest import entry
from growthlog.cli import main

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from click.testing import Result
    from conftest import Journal

SALARY = "EUR 91,500 base plus equity"


def scan(*args: str) -> Result:
    return CliRunner().invoke(main, ["scan", *args])


def plain_mkdocs_build(journal: Journal) -> Path:
    """The journal's entries built by MkDocs alone: no growthlog plugin, the engine's own theme."""
    config = journal.root / "plain.yml"
    config.write_text("site_name: Plain\ndocs_dir: entries\nsite_dir: plain-site\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        cwd=journal.root,
        check=True,
        capture_output=True,
    )
    return journal.root / "plain-site"


def test_scan_finds_a_planted_value_in_a_site_another_engine_built(journal: Journal) -> None:
    journal.write(
        "2026/03/acme.md",
        entry(f"We talked money: {SALARY}.", private={"salary": SALARY}),
    )
    journal.write("2026/03/other.md", entry(company="Other Co"))
    site = plain_mkdocs_build(journal)
    result = scan(str(site), "--entries", str(journal.entries))
    assert result.exit_code == 1
    assert "private data found in" in result.output
    assert "2026/03/acme/index.html contains private.salary of entry" in result.output
    assert SALARY not in result.output and "91,500" not in result.output  # never the value itself


def test_scan_finds_a_private_block_and_a_draft_that_another_engine_rendered(journal: Journal) -> None:
    private_block = (
        '!!! private "Private"\n    The recruiter admitted the team is being reorganised next spring.\n'
    )
    journal.write("2026/03/acme.md", entry("Public notes.\n\n" + private_block))
    journal.write("2026/04/draft.md", entry("A round I am not ready to share with anyone yet.", draft=True))
    site = plain_mkdocs_build(journal)
    result = scan(str(site), "--entries", str(journal.entries))
    assert result.exit_code == 1
    assert "the private block at line" in result.output
    assert "the draft's text of entry" in result.output


def test_scan_passes_a_growthlog_publish_build(sample_journal: Journal) -> None:
    site = sample_journal.build()
    result = scan(str(site), "--entries", str(sample_journal.entries))
    assert result.exit_code == 0, result.output
    assert "no private data in" in result.output


def test_scan_reads_the_entries_folder_from_the_config(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.write("a.md", entry(f"Notes: {SALARY}.", private={"salary": SALARY}))
    site = plain_mkdocs_build(journal)
    journal.write_config()  # docs_dir: entries
    monkeypatch.chdir(journal.root)
    result = scan(str(site))
    assert result.exit_code == 1
    assert "contains private.salary" in result.output


def test_scan_refuses_when_an_entry_cannot_be_read(journal: Journal, tmp_path: Path) -> None:
    journal.write("bad.md", entry(outcome="rejcted"))
    (tmp_path / "site").mkdir()
    result = scan(str(tmp_path / "site"), "--entries", str(journal.entries))
    assert result.exit_code == 1
    assert "bad.md:6: outcome" in result.output
    assert "nothing was scanned" in result.output

"""The journal as plain Markdown (export/markdown.py): built by an engine without the plugin,
it holds no private value and no draft, and keeps the journal's pages and entries."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from conftest import entry
from growthlog.cli import main
from growthlog.entries.reader import read_journal
from growthlog.export.markdown import markdown_pages
from growthlog.journal.journal import Journal as JournalView
from growthlog.journal.settings import Mode, Settings
from test_publish_mode import SAMPLE_DRAFT, SAMPLE_PRIVATE, found_anywhere

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Journal


def export(entries: Path, out: Path) -> list[str]:
    result = read_journal(entries)
    assert not result.errors
    journal = JournalView(result.entries, Settings(today=dt.date(2026, 11, 26), mode=Mode.PUBLISH))
    names = []
    for name, text in markdown_pages(journal):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        names.append(name)
    return names


def plain_build(docs: Path, root: Path) -> Path:
    """`mkdocs build` of `docs` with MkDocs' own theme and no growthlog plugin."""
    config = root / "plain.yml"
    config.write_text(
        f"site_name: Exported\ndocs_dir: {docs}\nsite_dir: {root / 'site'}\nextra_css:\n  - growthlog.css\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, capture_output=True
    )
    return root / "site"


def test_the_sample_journal_exported_as_markdown_and_built_without_the_plugin_has_no_private_value_or_draft(
    sample_journal: Journal, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = CliRunner().invoke(
        main, ["export", "--format", "markdown", str(out), "--dir", str(sample_journal.entries)]
    )
    assert done.exit_code == 0, done.output
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"index.md", "timeline.md", "lessons.md", "questions.md", "plan.md", "progress.md"} <= names
    assert "2026/11/2026-11-20-tidewater-energy-offer.md" in names
    assert not any("saltmarsh" in name for name in names)  # the draft
    stylesheet = (out / "growthlog.css").read_text(encoding="utf-8")  # every stylesheet, in one file
    assert all(f"/* {name} */" in stylesheet for name in ("charts.css", "growthlog.css", "pages.css"))
    site = plain_build(out, tmp_path)
    offer = (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").read_text(encoding="utf-8")
    assert "Tidewater Energy" in offer
    assert found_anywhere(site, SAMPLE_PRIVATE + SAMPLE_DRAFT) == []
    # growthlog's own leak scan agrees, over every file the other build wrote.
    scan = CliRunner().invoke(main, ["scan", str(site), "--entries", str(sample_journal.entries)])
    assert scan.exit_code == 0, scan.output
    # The timeline links to the entry pages as the other engine laid them out.
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert 'href="../2026/11/2026-11-20-tidewater-energy-offer/"' in timeline


def test_a_markdown_export_with_private_data_is_refused(sample_journal: Journal, tmp_path: Path) -> None:
    done = CliRunner().invoke(
        main,
        [
            "export",
            "--format",
            "markdown",
            "--private",
            str(tmp_path / "out"),
            "--dir",
            str(sample_journal.entries),
        ],
    )
    assert done.exit_code == 1
    assert "never holds private parts or drafts" in done.output
    assert not (tmp_path / "out").exists()


def test_private_blocks_comments_and_front_matter_stay_out(journal: Journal, tmp_path: Path) -> None:
    journal.write(
        "a.md",
        entry(
            "Public words.\n\n<!-- a comment I thought was hidden -->\n\n"
            '!!! private "Private"\n    The hiring manager told me the budget is frozen.\n\n'
            "- a list\n    !!! private\n        Nested private words about the recruiter.\n",
            interviewers=["Rosalind Quayle"],
            private={"salary": "EUR 91,500"},
        ),
    )
    names = export(journal.entries, tmp_path / "out")
    text = (tmp_path / "out" / "a.md").read_text(encoding="utf-8")
    assert "a.md" in names and "Public words." in text
    for secret in ("thought was hidden", "budget is frozen", "Nested private words", "Rosalind", "91,500"):
        assert secret not in text, secret
    assert text.startswith('---\ntitle: "Acme Corp')  # a front matter of its own, the title only
    header = text.split("---\n\n", 1)[1].split("## Notes")[0].strip()
    assert header.startswith("<") and "\n\n" not in header  # no blank line to end the HTML block


def test_an_export_of_a_journal_in_local_mode_is_refused() -> None:
    journal = JournalView((), Settings(today=dt.date(2026, 1, 1), mode=Mode.LOCAL))
    with pytest.raises(ValueError, match="publish mode"):
        list(markdown_pages(journal))


def test_an_upcoming_round_s_prep_sheet_is_exported_with_its_public_notes(
    journal: Journal, tmp_path: Path
) -> None:
    journal.write(
        "soon.md",
        entry(
            "Ask about the on-call rota.\n\n<!-- my reminder -->\n\n"
            '!!! private "Private"\n    The recruiter hinted at 168k.\n',
            date="2026-12-01",
            stage="onsite",
        ),
    )
    names = export(journal.entries, tmp_path / "out")
    assert "prep/soon.md" in names  # home and the timeline link it
    text = (tmp_path / "out" / "prep" / "soon.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Prep sheet: Acme Corp')
    assert "Ask about the on-call rota." in text
    assert "168k" not in text and "my reminder" not in text

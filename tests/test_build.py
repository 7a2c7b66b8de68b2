"""Real in-process builds of whole journals."""

from __future__ import annotations

import pytest
from conftest import Journal, entry
from mkdocs.exceptions import Abort, PluginError


def test_sample_journal_builds_strict_with_a_page_per_entry(sample_journal: Journal) -> None:
    site = sample_journal.build(strict=True)
    pages = sorted(p.relative_to(site).as_posix() for p in site.glob("2026/*/*/index.html"))
    sources = [p for p in sample_journal.entries.rglob("*.md") if "draft: true" not in p.read_text()]
    assert len(pages) == len(sources) > 15
    html = (site / "2026/07/2026-07-16-quayside-logistics-onsite/index.html").read_text()
    assert "Quayside Logistics · Senior Python Engineer" in html
    assert "What fell short" in html


def test_entry_strings_are_escaped_in_page_title_and_body(journal: Journal) -> None:
    payload = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    journal.write("a.md", entry(company=payload, went_well=[payload], lessons=[payload]))
    site = journal.build()
    html = (site / "a/index.html").read_text()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title and "&lt;script&gt;" in title


def test_broken_entry_fails_the_build_and_leaks_nothing(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("good.md", entry())
    journal.write(
        "broken.md",
        "---\ndate: 2026-03-14\ncompany: Acme\nrole: Dev\nstage: screen\noutcome: rejcted\n"
        "private:\n  salary: 987654\n  notes: SECRET-RECRUITER-NOTE\n---\nbody\n",
    )
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "broken.md:6: outcome: 'rejcted' is not allowed" in caplog.text
    assert "did you mean 'rejected'?" in caplog.text
    site = journal.root / "site"
    leaked = [p for p in site.rglob("*") if p.is_file() and b"SECRET-RECRUITER-NOTE" in p.read_bytes()]
    assert leaked == []

"""The tags page: every tag (folded as insights folds them) with its rounds and journal notes."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from conftest import entry
from growthlog.entries.model import Entry, EntryKind, Outcome, Stage
from growthlog.entries.urls import tag_anchor, tag_url
from growthlog.journal.settings import Mode
from growthlog.journal.tags import build_tags
from journals import journal_of, round_

if TYPE_CHECKING:
    from conftest import Journal


def note(when: str, **fields: object) -> Entry:
    return Entry(
        path=f"{when}-note.md",
        date=dt.date.fromisoformat(when),
        company="",
        role="",
        stage=Stage.APPLIED,
        outcome=Outcome.PENDING,
        kind=EntryKind.NOTE,
        note_title="Mock interview",
        **fields,  # type: ignore[arg-type]
    )


def test_tags_fold_case_and_punctuation_and_keep_the_first_spelling() -> None:
    tags = build_tags(
        journal_of(
            round_("2026-01-05", "A", "screen", "advanced", tags=("Python", "python")),
            round_("2026-01-12", "B", "screen", "rejected", tags=("PYTHON!", "sql")),
            note("2026-01-20", tags=("python",)),
            round_("2026-01-27", "C", "screen", "pending", tags=("SQL",), draft=True),
        )
    )
    assert [(t.label, t.rounds, t.notes) for t in tags] == [("Python", 2, 1), ("sql", 1, 0)]
    assert [e.company or e.title for e in tags[0].entries] == ["Mock interview", "B", "A"]  # newest first
    assert tags[0].anchor == "tag-python"


def test_drafts_are_tagged_only_where_the_journal_shows_them() -> None:
    entries = (
        round_("2026-01-05", "A", "screen", "advanced", tags=("sql",)),
        round_("2026-01-27", "C", "screen", "pending", tags=("SQL", "secret-project"), draft=True),
    )
    assert [(t.label, len(t.entries)) for t in build_tags(journal_of(*entries))] == [("sql", 1)]
    local = build_tags(journal_of(*entries, mode=Mode.LOCAL))
    assert [(t.label, len(t.entries)) for t in local] == [("secret-project", 1), ("sql", 2)]


def test_tag_anchors_are_the_same_for_one_tag_and_differ_between_tags() -> None:
    assert tag_anchor("Python") == tag_anchor("python ") == tag_anchor("PYTHON!") == "tag-python"
    assert tag_anchor("system design") == tag_anchor("System-Design") == "tag-system-design"
    others = ["日本", "中国", "c++", "c#", "x" * 80, "x" * 81, "", "é"]
    anchors = [tag_anchor(t) for t in others]
    assert tag_anchor("c++") == tag_anchor("c")  # folded as insights folds them: one tag
    assert len(set(anchors)) == len(others) - 1
    assert all(re.fullmatch(r"tag-[a-z0-9-]+", a) for a in anchors)
    assert tag_url("Python") == "tags/#tag-python"
    assert tag_url("Python", directory_urls=False) == "tags.html#tag-python"


def test_every_tag_on_an_entry_page_links_to_its_section(journal: Journal) -> None:
    journal.write("a.md", entry(date="2026-11-02", tags=["Python", "<b>bold</b>"], outcome="rejected"))
    journal.write("b.md", entry(date="2026-11-03", company="Beta", tags=["python"]))
    journal.write(
        "n.md", "---\ndate: 2026-11-04\nkind: note\ntitle: Weekly review\ntags: [python]\n---\nA note.\n"
    )
    journal.write("d.md", entry(date="2026-11-05", company="Draftco Hidden", tags=["hush-hush"], draft=True))
    site = journal.build()
    page = (site / "tags/index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'<h2 id="([^"]+)"', page))
    assert ids == {tag_anchor("Python"), tag_anchor("<b>bold</b>")}
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "2 rounds, 1 journal note" in page and "Weekly review" in page
    assert "Rejected" in page and "Pending" in page  # each round with its outcome
    for rel in ("a/index.html", "b/index.html", "n/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        links = re.findall(r'<a href="\.\./tags/#([^"]+)"', html)
        assert links and set(links) <= ids, rel
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "hush-hush" not in text and "Draftco Hidden" not in text, path


def test_an_empty_journal_has_a_tags_page_that_says_what_to_do(journal: Journal) -> None:
    site = journal.build()
    page = (site / "tags/index.html").read_text(encoding="utf-8")
    assert "No tags yet" in page


def test_local_preview_marks_drafts_on_the_tags_page(journal: Journal) -> None:
    journal.plugin_config()["show_private"] = True
    journal.write("d.md", entry(date="2026-11-05", company="Draftco", tags=["hush-hush"], draft=True))
    page = (journal.build() / "tags/index.html").read_text(encoding="utf-8")
    assert "hush-hush" in page and "gl-badge gl-draft" in page

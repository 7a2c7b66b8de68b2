"""An entry page's own sections and its notes' headings: unique ids, and one table of contents."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from conftest import entry
from growthlog.pages.toc import rename_heading_ids, unique_ids

if TYPE_CHECKING:
    from conftest import Journal


def test_unique_ids_renames_only_what_the_page_already_uses() -> None:
    assert unique_ids(["notes", "questions", "mine", "questions_1"], {"notes", "questions", "entry"}) == {
        "notes": "notes_1",
        "questions": "questions_2",  # questions_1 is a notes heading of its own
    }
    html = '<h2 id="notes">Notes<a class="headerlink" href="#notes" title="Permanent link">¶</a></h2><p id="notes">x</p>'
    assert rename_heading_ids(html, {"notes": "notes_1"}) == (
        '<h2 id="notes_1">Notes<a class="headerlink" href="#notes_1" title="Permanent link">¶</a></h2><p id="notes">x</p>'
    )


def test_notes_headings_never_take_the_ids_of_the_page_sections(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            body="## Notes\n\nMine.\n\n## Questions\n\nWhat I asked them.\n\n## Reflect\n\nLater.\n\n## After the call\n\nFine.",
            went_well=["Clear"],
            questions=[{"q": "Why us?"}],
        ),
    )
    page = (journal.build() / "a/index.html").read_text(encoding="utf-8")
    main = page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    ids = re.findall(r'\sid="([^"]+)"', main)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert '<h2 id="questions">Questions</h2>' in main  # the page's own section keeps its id
    assert '<h2 id="questions_1">Questions<a class="headerlink" href="#questions_1"' in main
    assert '<h2 id="notes_1">Notes<a class="headerlink" href="#notes_1"' in main
    # The table of contents: the header's sections, then Notes with the notes' headings.
    toc = page.split('<nav class="md-nav md-nav--secondary"', 1)[1].split('<div class="md-content"', 1)[0]
    hrefs = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc)
    assert hrefs == [
        "reflect",
        "went-well",
        "fell-short",
        "questions",
        "notes",
        "notes_1",
        "questions_1",
        "reflect_1",
        "after-the-call",
    ]

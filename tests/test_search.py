"""The search index gets growthlog's text without its layout tags; the pages keep their markup."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from growthlog.search import search_html

if TYPE_CHECKING:
    from conftest import Journal

ENTRY = "2026/08/2026-08-06-lumen-labs-technical/"


def test_search_html_keeps_headings_and_words_and_drops_layout_tags() -> None:
    html = (
        '<div class="gl-entry"><h1 id="entry">Acme · Dev</h1>\n'
        '<p><span class="gl-badge">Onsite</span><span class="gl-badge">Rejected</span></p>'
        "<table><tr><td>Skill</td><td>Action</td></tr></table>"
        '<h2 id="questions">Questions</h2><ul><li>Why &lt;b&gt;?</li></ul></div>'
    )
    assert search_html(html) == (
        ' <h1 id="entry">Acme · Dev</h1> Onsite Rejected Skill Action '
        '<h2 id="questions">Questions</h2> Why &lt;b&gt;? '
    )


def test_the_search_index_has_the_header_sections_and_the_page_its_markup(sample_journal: Journal) -> None:
    site = sample_journal.build()
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc for doc in index["docs"]}
    questions = sections[ENTRY + "#questions"]
    assert questions["title"] == "Questions"
    assert "Explain how the Python GIL affects your concurrency choices" in questions["text"]
    assert "<span" not in questions["text"]
    assert "Forgot to handle cancellation" in sections[ENTRY + "#fell-short"]["text"]
    # The notes are Markdown output, indexed exactly as MkDocs hands them over.
    assert "<p>A 75-minute pair programming session" in sections[ENTRY + "#notes"]["text"]
    # The search plugin read the text version: from the table's markup it would have
    # run the cells together ("SkillActionStatusDue").
    plan = sections["2026/07/2026-07-16-quayside-logistics-onsite/#development-plan"]["text"]
    assert plan.startswith("Skill Action Status Due Behavioral stories Write six STAR stories")
    # Generated pages are indexed by their sections too.
    assert any(location.startswith("questions/#") for location in sections)

    page = (site / ENTRY / "index.html").read_text(encoding="utf-8")
    assert '<span class="gl-badge gl-outcome gl-outcome--advanced">Advanced</span>' in page
    assert '<h2 id="questions">Questions</h2>' in page

"""A page's title and its HTML: growthlog's own part, then the notes the engine rendered, made safe.

Engines print titles unescaped, so every title is escaped here, and a protected
site's entry titles are neutral (the title is not encrypted). A page's HTML is
growthlog's part (an entry's header, a journal page, a problems page) followed by
the notes the engine made of its Markdown: in a publish build without unsafe raw
HTML and comments, every heading id unique on the page, and a table of contents
that lists both parts (the engine saw only the notes).
"""

from __future__ import annotations

import copy
import dataclasses
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from growthlog.build.changes import KeptJournalPage, ShownEntries
from growthlog.entries.private_parts import strip_comments
from growthlog.entries.problems import Problem, Severity
from growthlog.pages.journal_pages import PREP_NOTES_ID, shown_fields
from growthlog.pages.toc import (
    heading_ids,
    headings,
    merged_headings,
    rename_heading_ids,
    taken_ids,
    unique_ids,
)
from growthlog.privacy import raw_html
from growthlog.privacy.site_guard import protected_title

if TYPE_CHECKING:
    from growthlog.build.errors import BuildLog
    from growthlog.build.site_plan import PlannedBuild
    from growthlog.entries.model import Entry
    from growthlog.pages.journal_pages import GeneratedPage
    from growthlog.pages.toc import Heading


@dataclasses.dataclass(frozen=True, slots=True)
class PageHtml:
    """A page's content: what growthlog rendered (`own`), then the notes' HTML; journal pages
    bring the headings of their HTML (their Markdown is empty, so the engine found none)."""

    own: str
    notes: str
    toc: list[Heading] | None = None


def page_title(this: PlannedBuild, src_uri: str, *, protected: bool) -> Markup | None:
    """The title of a page growthlog titles (entries and problem pages), escaped; else None.

    Engines print page titles unescaped (and Material unescapes them again through
    `striptags`); an escaped title is used as is.
    """
    entry = this.entry_pages.get(src_uri)
    if entry is not None:
        return escape(protected_title(entry) if protected else entry.title)
    if src_uri in this.problem_pages:
        return Markup("Entry with problems")
    page = this.journal_pages.get(src_uri)
    if page is not None and not page.in_nav:  # a prep sheet: titled by the page, not the nav
        return escape(page.neutral_title if protected and page.neutral_title else page.title)
    return None


def page_html(
    this: PlannedBuild,
    src_uri: str,
    notes: str,
    url: str,
    *,
    serving: bool,
    shows_private: bool,
    raw_html_policy: str,
    kept_pages: dict[str, KeptJournalPage],
    log: BuildLog,
) -> PageHtml:
    """A page's content, given the HTML the engine made of its Markdown and its address.

    `raw_html_policy` is the `raw_html` option: `clean` removes unsafe raw HTML from a
    publish build's notes. `kept_pages` are the journal pages a serve keeps.
    """
    entry = this.entry_pages.get(src_uri)
    own, toc = "", None
    if entry is not None:
        header = this.headers_ahead.pop(src_uri, None)
        own = this.renderer.entry_header(entry) if header is None else header
        this.record.headers[src_uri] = hash(own)
        if not shows_private and raw_html_policy == "clean":
            notes = _safe_notes(entry, notes, log)
        heading = '<h2 id="notes">Notes</h2>\n' if notes.strip() else ""
        notes = _own_ids_first(own + heading, notes) if heading else ""
        # The engine found the notes' headings only: the table of contents lists the header's
        # sections (Reflect, Feedback, Plan, Questions...), then Notes with the notes' headings.
        toc = merged_headings(headings(own + heading), headings(notes))
        notes = heading + notes
    elif src_uri in this.journal_pages:
        page = this.journal_pages[src_uri]
        kept = journal_page_html(this, page, kept_pages, serving=serving)
        own, toc = kept.html, kept.headings
        notes = _own_ids_first(own, notes) if page.markdown.strip() else ""
        if notes:
            # A copy: a serve keeps the page's own headings for its next rebuild.
            toc = merged_headings(copy.deepcopy(toc), headings(notes), under=PREP_NOTES_ID)
    elif src_uri in this.problem_pages:
        own, notes = this.renderer.problems_page(src_uri, this.problem_pages[src_uri]), ""
    if serving and this.result.problems:
        own = this.renderer.problems_notice(this.result.problems, url) + own
    if not shows_private:
        own, notes = strip_comments(own), strip_comments(notes)
    return PageHtml(own, notes, toc)


def journal_page_html(
    this: PlannedBuild, page: GeneratedPage, kept_pages: dict[str, KeptJournalPage], *, serving: bool
) -> KeptJournalPage:
    """A journal page and its headings; a serve rebuild reuses them (`kept_pages`) when its inputs did not change."""
    # Only what this page shows: a reworded question leaves the timeline as it was.
    inputs = (this.record.shared, ShownEntries(this.journal.entries, shown_fields(page.src_uri)))
    kept = kept_pages.get(page.src_uri)
    if kept is None or kept.inputs != inputs:
        html = this.renderer.page(page)
        kept = KeptJournalPage(inputs, html, headings(html))
        if serving:
            kept_pages[page.src_uri] = kept
    this.record.journal_html[page.src_uri] = kept.html
    return kept


def _safe_notes(entry: Entry, notes: str, log: BuildLog) -> str:
    """An entry's notes without unsafe raw HTML (a publish build); a warning names what went, and where."""
    cleaned = raw_html.clean(notes)
    removed = raw_html.removed(notes, cleaned)
    if removed:
        line = raw_html.line_of(entry.body, removed.names())
        problem = Problem(
            entry.path,
            entry.body_line + (line or 0),
            "notes",
            f"raw HTML removed from the published page: {removed.describe()}. A published journal "
            "keeps only what Markdown writes; to publish raw HTML as written, scripts included, set "
            "`raw_html: keep` in the growthlog plugin's options",
            Severity.WARNING,
        )
        log.warning(str(problem))
    return cleaned


def _own_ids_first(own: str, notes: str) -> str:
    """The notes' HTML with every heading id the page's own HTML already uses renamed (a
    `## Questions` in the notes of an entry whose header has its own Questions section gets
    `questions_1`, its permalink too): every id on the page is unique."""
    return rename_heading_ids(notes, unique_ids(heading_ids(notes), taken_ids(own)))

"""Which pages a build makes, from which sources and with what Markdown, and which a `--dirty` rebuild redoes.

Every source page the engine found is replaced (`source_pages`): an entry by its
body (its private parts are removed when the engine renders it, in the Markdown
tree), a draft in a publish build by nothing, a file that is not an entry by
nothing (the engine would print its front matter raw, private fields included), an
entry that could not be read by its problems in a serve and by nothing otherwise.
The journal's own pages follow, then our files (`static_files`).

A `--dirty` rebuild compares what each page is made from with the last finished
build (`compare_with_last`, and the typed records of build/changes.py), so a save in
the editor rebuilds the pages that show the change and no other.
"""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import TYPE_CHECKING

from growthlog.build.changes import BuildRecord, EntryPageInputs, ShownEntries
from growthlog.build.page_html import journal_page_html
from growthlog.journal.plan import build_plan
from growthlog.pages.journal_pages import journal_pages
from growthlog.pages.renderer import ASSETS
from growthlog.privacy.site_guard import ROBOTS_TXT

if TYPE_CHECKING:
    from collections.abc import Iterable

    from growthlog.build.changes import KeptJournalPage, SharedInputs
    from growthlog.entries.model import Entry
    from growthlog.entries.problems import Problem
    from growthlog.entries.reader import ReadResult
    from growthlog.journal.journal import Journal
    from growthlog.pages.journal_pages import GeneratedPage
    from growthlog.pages.renderer import Renderer

ASSETS_URI = "assets/growthlog"
#: Our stylesheets, one per area of the journal, served from assets/growthlog/.
_STYLESHEETS = sorted(ASSETS.glob("*.css"))
#: Their addresses in the site, for the theme's list of extra stylesheets.
STYLESHEETS = tuple(f"{ASSETS_URI}/{sheet.name}" for sheet in _STYLESHEETS)


class PageKind(Enum):
    """What a page of the site is made from."""

    ENTRY = "entry"
    """An entry: its header, then its notes (the Markdown the engine renders)."""
    PROBLEMS = "problems"
    """An entry that could not be read, in a serve: its problems, in place of its page."""
    JOURNAL = "journal"
    """A journal page (home, timeline...), made from the whole journal."""


@dataclasses.dataclass(frozen=True, slots=True)
class SourcePage:
    """A page the engine renders: its source path, the Markdown it renders, and whether a `--dirty`
    rebuild must build it again."""

    src_uri: str
    markdown: str
    kind: PageKind
    rebuild: bool = True
    listed: bool = True
    """False for a journal page reached through links only (a prep sheet)."""

    @property
    def in_nav(self) -> bool:
        """Only journal pages (not prep sheets): entries are reached through the timeline."""
        return self.kind is PageKind.JOURNAL and self.listed

    @property
    def has_notes(self) -> bool:
        """Its Markdown is notes the engine renders below growthlog's HTML (entries, prep sheets)."""
        return self.kind is PageKind.ENTRY or bool(self.markdown.strip())


@dataclasses.dataclass(frozen=True, slots=True)
class StaticFile:
    """A file copied into the site as is."""

    src_uri: str
    content: str | bytes
    replaces: bool
    """True: it replaces a file of the same path in the docs folder; False: such a file wins."""


@dataclasses.dataclass(frozen=True, slots=True)
class SitePlan:
    """What the engine builds: these pages, in this order, and these files; no other source page."""

    pages: tuple[SourcePage, ...]
    files: tuple[StaticFile, ...]


@dataclasses.dataclass(slots=True)
class PlannedBuild:
    """The pages of the build under way, and what it made of the journal."""

    result: ReadResult
    journal: Journal
    renderer: Renderer
    record: BuildRecord
    entry_pages: dict[str, Entry] = dataclasses.field(default_factory=dict)
    problem_pages: dict[str, tuple[Problem, ...]] = dataclasses.field(default_factory=dict)
    journal_pages: dict[str, GeneratedPage] = dataclasses.field(default_factory=dict)
    #: Entry headers rendered while planning to tell whether their page changed, by source path.
    headers_ahead: dict[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True, slots=True)
class Rebuild:
    """What this build must build again, against the last finished one."""

    last: BuildRecord | None
    """The last finished build (None: there was none in this process)."""
    every_page: bool
    """Not a `--dirty` rebuild, a first build, or a change every page shows (settings, templates...)."""
    journal_entries: bool
    """What the journal pages show of the entries changed (or every page is built again)."""


def held_back_as_drafts(
    entries: tuple[Entry, ...], held_back: Iterable[str], *, serving: bool
) -> tuple[Entry, ...]:
    """The entries with those the engine's own settings leave out (`held_back`) made drafts.

    They are in no page and no journal page of a publish build; a serve, which shows
    drafts, leaves them out altogether.
    """
    held = set(held_back)
    if held:
        entries = tuple(dataclasses.replace(e, draft=True) if e.path in held else e for e in entries)
        if serving:
            entries = tuple(e for e in entries if e.path not in held)
    return entries


def compare_with_last(
    shared: SharedInputs, shown: ShownEntries, last: BuildRecord | None, *, dirty: bool
) -> tuple[BuildRecord, Rebuild]:
    """This build's record (what its pages are made from), and what it must build again."""
    if last is not None and last.shared == shared:
        shared = last.shared  # the same object: the kept journal pages compare it by identity
    every_page = not dirty or last is None or last.shared != shared
    journal_entries = every_page or last is None or last.journal_entries != shown
    return BuildRecord(shared, shown), Rebuild(last, every_page, journal_entries)


def source_pages(
    sources: Iterable[str],
    entries: tuple[Entry, ...],
    this: PlannedBuild,
    rebuild: Rebuild,
    kept_pages: dict[str, KeptJournalPage],
    *,
    serving: bool,
) -> list[SourcePage]:
    """The pages the engine renders in place of `sources`, then the journal's pages; noted in `this`.

    `entries` are this build's (drafts held back included): a source that is none of
    the journal's visible entries becomes no page.
    """
    result, journal = this.result, this.journal
    pages: list[SourcePage] = []
    visible = {entry.path for entry in journal.entries}
    by_path = {entry.path: entry for entry in entries}
    for rel in sources:
        if rel in result.invalid:
            if serving:
                pages.append(SourcePage(rel, "\n", PageKind.PROBLEMS))
                this.problem_pages[rel] = result.invalid[rel]
            continue
        entry = by_path.get(rel)
        if entry is None or rel not in visible:
            continue  # not an entry (excluded by a pattern of ours), or a draft in a publish build
        # Private parts leave a publish build's page in the Markdown tree (see JournalSite.markdown_extensions).
        body = entry.body
        # The leading newline stops the engine from reading a body that starts with
        # '---' or 'key: value' lines as metadata.
        changed = _entry_page_changed(rel, entry, this, rebuild)
        pages.append(SourcePage(rel, "\n" + body, PageKind.ENTRY, changed))
        this.entry_pages[rel] = entry

    for page in journal_pages(journal):
        this.journal_pages[page.src_uri] = page
        changed = _journal_page_changed(page, this, rebuild, kept_pages, serving=serving)
        # The leading newline, as for entries: notes starting with '---' are not metadata.
        markdown = "\n" + page.markdown
        pages.append(SourcePage(page.src_uri, markdown, PageKind.JOURNAL, changed, page.in_nav))
    return pages


def static_files() -> list[StaticFile]:
    """Our files every site gets: the stylesheets, and a robots.txt."""
    files = [
        StaticFile(uri, sheet.read_bytes(), False)
        for uri, sheet in zip(STYLESHEETS, _STYLESHEETS, strict=True)
    ]
    # Ours wins over a robots.txt in the docs folder: a journal is never meant to be crawled.
    files.append(StaticFile("robots.txt", ROBOTS_TXT, True))
    return files


def _entry_page_changed(rel: str, entry: Entry, this: PlannedBuild, rebuild: Rebuild) -> bool:
    """Whether an entry page must be built again; notes what it is built from.

    It shows its entry and, in its header, the other rounds of its application.
    When only another round changed (its company, a question...), the header is
    rendered now (a fraction of a millisecond) and the page rebuilt only if the
    header came out different: its own layout, search sections and write are skipped.
    """
    application = this.journal.application_of.get(entry.path)
    inputs = EntryPageInputs(
        entry,
        ShownEntries(application.rounds if application else ()),
        this.journal.view(build_plan).shown_with(entry) if entry.development else (),
    )
    this.record.entry_pages[rel] = inputs
    last = rebuild.last
    before = last.entry_pages.get(rel) if last is not None else None
    if rebuild.every_page or last is None or before is None or not inputs.same_entry(before):
        return True
    if inputs.rounds == before.rounds and inputs.plan == before.plan:
        if rel in last.headers:
            this.record.headers[rel] = last.headers[rel]
        return False
    header = this.renderer.entry_header(entry)
    this.headers_ahead[rel] = header  # used when the engine asks for the page's content
    this.record.headers[rel] = hash(header)
    return this.record.headers[rel] != last.headers.get(rel)


def _journal_page_changed(
    page: GeneratedPage,
    this: PlannedBuild,
    rebuild: Rebuild,
    kept_pages: dict[str, KeptJournalPage],
    *,
    serving: bool,
) -> bool:
    """Whether a journal page must be built again; notes what it is built from.

    It shows the whole journal (as `ShownEntries` compares it), and a prep sheet also
    its round's notes, which the journal's inputs leave aside.
    """
    last = rebuild.last
    this.record.journal_markdown[page.src_uri] = page.markdown
    notes_changed = last is not None and last.journal_markdown.get(page.src_uri) != page.markdown
    changed = rebuild.journal_entries or notes_changed
    if last is not None and rebuild.journal_entries and not rebuild.every_page and not notes_changed:
        # Rendered now, not when the engine asks: a page whose HTML came out the same
        # is not laid out in the theme, indexed for search and written again.
        html = journal_page_html(this, page, kept_pages, serving=serving).html
        changed = last.journal_html.get(page.src_uri) != html
    elif last is not None and not changed and page.src_uri in last.journal_html:
        this.record.journal_html[page.src_uri] = last.journal_html[page.src_uri]
    return changed

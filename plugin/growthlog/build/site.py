"""The journal's build, engine-neutral: which pages exist and with what, their HTML, what a rebuild redoes, the scan.

Collect first, render later: `JournalSite.plan` reads and validates every entry once,
builds the journal and says which pages the engine must render (and which of them a
`--dirty` rebuild must build again); the engine then asks for each page's title and
HTML, and `JournalSite.finish` scans the built folder before a build counts as done.

An engine adapter (see engines/mkdocs/) hands over what only the engine knows (the
source files it found, its folders, a page's address) and does what the answers say.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from growthlog.build.changes import (
    BuildRecord,
    EntryPageInputs,
    KeptJournalPage,
    SharedInputs,
    ShownEntries,
    template_stamps,
)
from growthlog.build.publishable import PublishedEntry, Selection, select
from growthlog.build.served_pages import remove_pages
from growthlog.entries import cache as kept_entries
from growthlog.entries.practice_log import PRACTICE_LOG, read_practice_log
from growthlog.entries.private_folders import UnsafeCache
from growthlog.entries.private_parts import EXTENSION as PRIVATE_PARTS
from growthlog.entries.private_parts import PrivateParts, strip_comments
from growthlog.entries.problems import Problem, Severity, summarise
from growthlog.entries.reader import EntryCache, ReadResult, read_journal
from growthlog.journal.checks import with_journal_problems
from growthlog.journal.journal import Journal
from growthlog.journal.plan import build_plan
from growthlog.journal.settings import Mode, Settings, resolve_today
from growthlog.pages.journal_pages import (
    GENERATED_PAGES,
    JOURNAL_FIELDS,
    PREP_NOTES_ID,
    journal_pages,
    reserved_urls,
    shown_fields,
    written_files,
)
from growthlog.pages.renderer import ASSETS, OVERRIDE_FOLDER, TEMPLATES, Renderer, template_cache_problem
from growthlog.pages.toc import (
    heading_ids,
    headings,
    merged_headings,
    rename_heading_ids,
    taken_ids,
    unique_ids,
)
from growthlog.privacy import raw_html
from growthlog.privacy.gates import password_refusal, password_variable, show_private_refusal
from growthlog.privacy.leakscan import Leak, LeakScanner, describe
from growthlog.privacy.secrets import secrets
from growthlog.privacy.site_guard import (
    ROBOTS_TXT,
    SHOW_PRIVATE_ENV,
    add_noindex,
    offsite_requests,
    protected_title,
    show_private,
)

if TYPE_CHECKING:
    import datetime as dt
    import logging
    from collections.abc import Iterable, Mapping

    from growthlog.entries.model import Entry
    from growthlog.entries.practice_log import Rehearsal
    from growthlog.pages.journal_pages import GeneratedPage
    from growthlog.pages.toc import Heading

ASSETS_URI = "assets/growthlog"
#: Our stylesheets, one per area of the journal, served from assets/growthlog/.
_STYLESHEETS = sorted(ASSETS.glob("*.css"))
#: Their addresses in the site, for the theme's list of extra stylesheets.
STYLESHEETS = tuple(f"{ASSETS_URI}/{sheet.name}" for sheet in _STYLESHEETS)
#: Markdown extensions every journal needs: `!!! private` is an admonition.
MARKDOWN_EXTENSIONS = ("admonition",)


class SiteError(Exception):
    """A build that must stop; the message is for the user (the adapter reports it its engine's way)."""


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


@dataclasses.dataclass(frozen=True, slots=True)
class PageHtml:
    """A page's content: what growthlog rendered (`own`), then the notes' HTML; journal pages
    bring the headings of their HTML (their Markdown is empty, so the engine found none)."""

    own: str
    notes: str
    toc: list[Heading] | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class SiteOptions:
    """What the engine's configuration says about this build."""

    today: str | dt.date | None = None
    """The configured 'today' (the GROWTHLOG_TODAY variable wins)."""
    show_private: bool = False
    """The configured show_private (the GROWTHLOG_SHOW_PRIVATE variable wins)."""
    pipeline_floor: int = 3
    ghost_after_days: int = 21
    keep_entries: bool = True
    """Keep parsed entries on disk beside the config file between builds."""
    directory_urls: bool = True
    site_name: str = "Growth journal"
    docs_dir: str = "entries"
    site_dir: str = "site"
    config_file: str | None = None
    custom_dir: str | None = None
    """The theme's folder of the user's overrides; its growthlog/ folder overrides our templates."""
    protected: bool = False
    """A plugin encrypts each page's content (not its title): entry titles go neutral."""
    password: str | None = None
    """The password that plugin was given (a build refuses to run without one)."""
    raw_html: str = "clean"
    """`clean`: a publish build removes unsafe raw HTML from notes (privacy/raw_html.py); `keep`: it does not."""
    markdown_extensions: tuple[Any, ...] = ()
    """The Markdown extensions the engine renders notes with (names, as Python-Markdown loads them)..."""
    markdown_configs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """...and their options, by name: the private parts are read with the same configuration."""


@dataclasses.dataclass(slots=True)
class _ThisBuild:
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


def _shown_path(path: Path) -> str:
    """A path as messages name it: relative to the current folder when it is below it."""
    try:
        return str(path.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _own_ids_first(own: str, notes: str) -> str:
    """The notes' HTML with every heading id the page's own HTML already uses renamed (a
    `## Questions` in the notes of an entry whose header has its own Questions section gets
    `questions_1`, its permalink too): every id on the page is unique."""
    return rename_heading_ids(notes, unique_ids(heading_ids(notes), taken_ids(own)))


class JournalSite:
    """The journal as a site, for one engine process: its builds, and what a serve keeps between them."""

    def __init__(self, log: logging.Logger | logging.LoggerAdapter[Any]) -> None:
        self.log = log
        self.serving = False
        self.dirty = False
        self.command = "build"
        self.options = SiteOptions()
        self.settings = Settings()
        self.cache = EntryCache()
        self.scanner = LeakScanner(())
        #: What the scan found in this build before an engine plugin encrypted it (a protected build).
        self.leaks_before_encryption: list[Leak] = []
        #: Static files copied from the installed theme: the leak scan skips them.
        self.theme_copies: Mapping[str, Path] = {}
        #: The last finished build's record, for a `--dirty` rebuild to compare with.
        self.last: BuildRecord | None = None
        self.this: _ThisBuild | None = None
        #: Journal pages a serve keeps, by source path, reused while their inputs hold.
        self.kept_journal_pages: dict[str, KeptJournalPage] = {}
        #: The entry cache's file on disk (see entries/cache.py), None when not kept; and the last one loaded.
        self.cache_file: Path | None = None
        self.loaded_cache_file: Path | None = None

    def start(self, *, serving: bool, dirty: bool, command: str | None = None) -> None:
        """A build command starts: `serving` for a live preview, `dirty` when it rebuilds only what changed.

        `command` is the engine's name for it (`build`, `gh-deploy`...): a command that
        publishes refuses to show private data (see privacy/gates.py).
        """
        self.serving = serving
        self.dirty = dirty
        self.command = command or ("serve" if serving else "build")

    def configure(self, options: SiteOptions) -> Settings:
        """The settings of the next build, from the engine's configuration and the GROWTHLOG_* variables."""
        try:
            today = resolve_today(options.today)
            local = self.serving or show_private(options.show_private, os.environ)
        except ValueError as err:
            raise SiteError(f"growthlog: {err}") from None
        if local and not self.serving:
            refusal = show_private_refusal(self.command, SHOW_PRIVATE_ENV in os.environ)
            if refusal is not None:
                raise SiteError(f"growthlog: {refusal}")
            self.log.info("show_private is on: this site shows private data and drafts; do not publish it")
        if options.protected and not self.serving:
            config_file = Path(options.config_file) if options.config_file else None
            refusal = password_refusal(
                options.password,
                password_variable(config_file),
                config_file.name if config_file else "the password configuration",
                os.environ,
            )
            if refusal is not None:
                raise SiteError(f"growthlog: {refusal}")
        self.options = options
        self.settings = Settings(
            today=today,
            mode=Mode.LOCAL if local else Mode.PUBLISH,
            pipeline_floor=options.pipeline_floor,
            ghost_after_days=options.ghost_after_days,
            directory_urls=options.directory_urls,
        )
        return self.settings

    def markdown_extensions(self) -> tuple[str, ...]:
        """The Markdown extensions the engine must add for this build (by the names Python-Markdown loads).

        `admonition` draws the `!!! private` syntax; in a publish build, growthlog's own
        removes private parts and comments in the Markdown tree (entries/private_parts.py).
        """
        return MARKDOWN_EXTENSIONS if self.settings.shows_private else (*MARKDOWN_EXTENSIONS, PRIVATE_PARTS)

    @property
    def override_dirs(self) -> list[Path]:
        custom_dir = self.options.custom_dir
        return [Path(custom_dir, OVERRIDE_FOLDER)] if custom_dir else []

    @staticmethod
    def nav() -> list[dict[str, str]]:
        """The nav when the config sets none: journal pages only.

        Entries are reached through the timeline: a nav with every entry makes each
        page render the whole list (5x slower at 1,000 entries).
        """
        return [{page.title: page.src_uri} for page in GENERATED_PAGES]

    # -- which pages exist -------------------------------------------------------------------

    def plan(self, sources: Iterable[str], held_back: Iterable[str] = ()) -> SitePlan:
        """Read the journal and say what the engine builds instead of `sources` (the docs folder's pages).

        Every source page is replaced: an entry by its body (its private parts are removed
        when the engine renders it, see `markdown_extensions`), a draft in a publish build by nothing, a file that is not an entry
        by nothing (the engine would print its front matter raw, private fields included),
        an entry that could not be read by its problems in a serve and by nothing otherwise.
        `held_back` are the sources the engine's own settings leave out of this build
        (`exclude_docs`, and `draft_docs` unless serving): they are treated as drafts,
        in no page and no journal page of a publish build.
        """
        self._load_kept_entries()
        hits, misses = self.cache.hits, self.cache.misses
        docs = Path(self.options.docs_dir)
        result = with_journal_problems(read_journal(docs, self.cache, reserved_urls(), written_files()), docs)
        read = self.cache.misses - misses
        self.log.debug(
            f"read {read} of {read + self.cache.hits - hits} entries from their files, "
            f"the others from the entry cache"
        )
        if not self.serving:
            self._save_kept_entries()  # a serve saves when it stops: a save must not wait for it
        self._report(result)
        held = set(held_back)
        entries = result.entries
        if held:
            entries = tuple(dataclasses.replace(e, draft=True) if e.path in held else e for e in entries)
            if self.serving:
                entries = tuple(e for e in entries if e.path not in held)
        if not self.settings.shows_private:
            # The pages' own Markdown configuration: the secrets are exactly what the pages lose.
            extensions = dict.fromkeys([*self.options.markdown_extensions, *self.markdown_extensions()])
            parts = PrivateParts(list(extensions), self.options.markdown_configs)
            self.scanner = LeakScanner(secrets(entries, parts))
        rehearsals = self._read_practice_log()
        journal = Journal(entries, self.settings, rehearsals)
        renderer = Renderer(journal, self.override_dirs, site_name=self.options.site_name)
        template_problem = template_cache_problem()
        if template_problem is not None:
            self.log.warning(
                f"compiled templates are not kept: {template_problem}; they are compiled on every "
                "build. Delete the folder (growthlog makes it again, private)"
            )

        shared = SharedInputs(
            self.settings,
            result.problems if self.serving else (),
            self.options.site_name,
            self.options.site_dir,
            self.options.docs_dir,
            template_stamps([TEMPLATES, *self.override_dirs]),
            rehearsals,
        )
        last = self.last
        if last is not None and last.shared == shared:
            shared = last.shared  # the same object: the kept journal pages compare it by identity
        rebuild_all = not self.dirty or last is None or last.shared != shared
        # Only what some journal page shows (home shows notes' first paragraphs, so notes count too).
        shown = ShownEntries(journal.entries, JOURNAL_FIELDS)
        journal_changed = rebuild_all or last is None or last.journal_entries != shown
        this = self.this = _ThisBuild(result, journal, renderer, BuildRecord(shared, shown))

        pages: list[SourcePage] = []
        visible = {entry.path for entry in journal.entries}
        by_path = {entry.path: entry for entry in entries}
        for rel in sources:
            if rel in result.invalid:
                if self.serving:
                    pages.append(SourcePage(rel, "\n", PageKind.PROBLEMS))
                    this.problem_pages[rel] = result.invalid[rel]
                continue
            entry = by_path.get(rel)
            if entry is None or rel not in visible:
                continue  # not an entry (excluded by a pattern of ours), or a draft in a publish build
            # Private parts leave a publish build's page in the Markdown tree (see markdown_extensions).
            body = entry.body
            # The leading newline stops the engine from reading a body that starts with
            # '---' or 'key: value' lines as metadata.
            rebuild = self._entry_page_changed(rel, entry, rebuild_all)
            pages.append(SourcePage(rel, "\n" + body, PageKind.ENTRY, rebuild))
            this.entry_pages[rel] = entry
        rebuilt = sum(page.rebuild for page in pages if page.kind is PageKind.ENTRY)

        for page in journal_pages(journal):
            this.journal_pages[page.src_uri] = page
            # A prep sheet also shows its round's notes, which the journal's inputs leave aside.
            this.record.journal_markdown[page.src_uri] = page.markdown
            notes_changed = last is not None and last.journal_markdown.get(page.src_uri) != page.markdown
            rebuild = journal_changed or notes_changed
            if last is not None and journal_changed and not rebuild_all and not notes_changed:
                # Rendered now, not when the engine asks: a page whose HTML came out the same
                # is not laid out in the theme, indexed for search and written again.
                rebuild = last.journal_html.get(page.src_uri) != self._journal_page(page).html
            elif last is not None and not rebuild and page.src_uri in last.journal_html:
                this.record.journal_html[page.src_uri] = last.journal_html[page.src_uri]
            # The leading newline, as for entries: notes starting with '---' are not metadata.
            markdown = "\n" + page.markdown
            pages.append(SourcePage(page.src_uri, markdown, PageKind.JOURNAL, rebuild, page.in_nav))

        if self.serving:
            self.log.info(
                f"re-read {read} of {read + self.cache.hits - hits} entries; "
                f"rebuilding {rebuilt} entry page(s) and "
                f"{sum(p.rebuild for p in pages if p.kind is PageKind.JOURNAL)} journal page(s)"
            )
        files = [
            StaticFile(uri, sheet.read_bytes(), False)
            for uri, sheet in zip(STYLESHEETS, _STYLESHEETS, strict=True)
        ]
        # Ours wins over a robots.txt in the docs folder: a journal is never meant to be crawled.
        files.append(StaticFile("robots.txt", ROBOTS_TXT, True))
        this.record.pages = frozenset(page.src_uri for page in pages)
        return SitePlan(tuple(pages), tuple(files))

    def publishable(
        self, paths: Iterable[str], user_excluded: Iterable[str] = (), site_files: Iterable[str] = ()
    ) -> Selection:
        """Which of the docs folder's other files (`paths`, not pages) this build copies; the rest
        is left out and named in one warning (see build/publishable.py)."""
        this = self._this
        shows = self.settings.shows_private
        published = [PublishedEntry.of(entry, shows) for entry in this.entry_pages.values()]
        hidden = [
            *this.result.invalid,
            *(e.path for e in this.result.entries if e.path not in this.entry_pages),
        ]
        selection = select(Path(self.options.docs_dir), paths, published, hidden, user_excluded, site_files)
        warning = selection.warning(f"{Path(self.options.docs_dir).name}/")
        if warning is not None:
            self.log.warning(warning)
        return selection

    @property
    def practice_log(self) -> Path | None:
        """The practice log, beside the config file: never in docs_dir (the engines refuse a docs_dir
        that holds the config file), so no build copies it; only its dates and ratings feed the pages."""
        if not self.options.config_file:
            return None
        return Path(self.options.config_file).resolve().parent / PRACTICE_LOG

    def _read_practice_log(self) -> tuple[Rehearsal, ...]:
        path = self.practice_log
        if path is None:
            return ()
        rehearsals, problems = read_practice_log(path, _shown_path(path), self.settings.today)
        for problem in problems:
            self.log.warning(str(problem))
        return rehearsals

    def _entry_page_changed(self, rel: str, entry: Entry, rebuild_all: bool) -> bool:
        """Whether an entry page must be built again; notes what it is built from.

        It shows its entry and, in its header, the other rounds of its application.
        When only another round changed (its company, a question...), the header is
        rendered now (a fraction of a millisecond) and the page rebuilt only if the
        header came out different: its own layout, search sections and write are skipped.
        """
        this = self._this
        application = this.journal.application_of.get(entry.path)
        inputs = EntryPageInputs(
            entry,
            ShownEntries(application.rounds if application else ()),
            this.journal.view(build_plan).shown_with(entry) if entry.development else (),
        )
        this.record.entry_pages[rel] = inputs
        last = self.last
        before = last.entry_pages.get(rel) if last is not None else None
        if rebuild_all or last is None or before is None or not inputs.same_entry(before):
            return True
        if inputs.rounds == before.rounds and inputs.plan == before.plan:
            if rel in last.headers:
                this.record.headers[rel] = last.headers[rel]
            return False
        header = this.renderer.entry_header(entry)
        this.headers_ahead[rel] = header  # used when the engine asks for the page's content
        this.record.headers[rel] = hash(header)
        return this.record.headers[rel] != last.headers.get(rel)

    def _report(self, result: ReadResult) -> None:
        """One terminal line per problem, then one summary line; a publish build stops on errors."""
        for problem in result.problems:
            if problem.is_error and not self.serving:
                self.log.error(str(problem))
            else:
                self.log.warning(str(problem))
        if not result.problems:
            return
        summary = summarise(result.problems)
        if result.errors and not self.serving:
            raise SiteError(
                f"growthlog: {summary} (listed above); nothing was built. "
                "Fix them and build again; `growthlog check` lists them too."
            )
        if self.serving:
            self.log.warning(f"{summary} (listed above); each page shows them until they are fixed")

    # -- each page ---------------------------------------------------------------------------

    @property
    def _this(self) -> _ThisBuild:
        if self.this is None:
            raise RuntimeError("no build under way: plan() comes first")
        return self.this

    @property
    def entry_pages(self) -> Mapping[str, Entry]:
        """The entry pages of this build, by source path."""
        return self._this.entry_pages

    def is_journal_page(self, src_uri: str) -> bool:
        return src_uri in self._this.journal_pages

    def page_title(self, src_uri: str) -> Markup | None:
        """The title of a page growthlog titles (entries and problem pages), escaped; else None.

        Engines print page titles unescaped (and Material unescapes them again through
        `striptags`); an escaped title is used as is.
        """
        this = self._this
        entry = this.entry_pages.get(src_uri)
        if entry is not None:
            return escape(protected_title(entry) if self.options.protected else entry.title)
        if src_uri in this.problem_pages:
            return Markup("Entry with problems")
        page = this.journal_pages.get(src_uri)
        if page is not None and not page.in_nav:  # a prep sheet: titled by the page, not the nav
            return escape(page.neutral_title if self.options.protected and page.neutral_title else page.title)
        return None

    def page_html(self, src_uri: str, notes: str, url: str) -> PageHtml:
        """A page's content, given the HTML the engine made of its Markdown and its address."""
        this = self._this
        entry = this.entry_pages.get(src_uri)
        own, toc = "", None
        if entry is not None:
            header = this.headers_ahead.pop(src_uri, None)
            own = this.renderer.entry_header(entry) if header is None else header
            this.record.headers[src_uri] = hash(own)
            if not self.settings.shows_private and self.options.raw_html == "clean":
                notes = self._safe_notes(entry, notes)
            heading = '<h2 id="notes">Notes</h2>\n' if notes.strip() else ""
            notes = _own_ids_first(own + heading, notes) if heading else ""
            # The engine found the notes' headings only: the table of contents lists the header's
            # sections (Reflect, Feedback, Plan, Questions...), then Notes with the notes' headings.
            toc = merged_headings(headings(own + heading), headings(notes))
            notes = heading + notes
        elif src_uri in this.journal_pages:
            page = this.journal_pages[src_uri]
            kept = self._journal_page(page)
            own, toc = kept.html, kept.headings
            notes = _own_ids_first(own, notes) if page.markdown.strip() else ""
            if notes:
                # A copy: a serve keeps the page's own headings for its next rebuild.
                toc = merged_headings(copy.deepcopy(toc), headings(notes), under=PREP_NOTES_ID)
        elif src_uri in this.problem_pages:
            own, notes = this.renderer.problems_page(src_uri, this.problem_pages[src_uri]), ""
        if self.serving and this.result.problems:
            own = this.renderer.problems_notice(this.result.problems, url) + own
        if not self.settings.shows_private:
            own, notes = strip_comments(own), strip_comments(notes)
        return PageHtml(own, notes, toc)

    def _safe_notes(self, entry: Entry, notes: str) -> str:
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
            self.log.warning(str(problem))
        return cleaned

    def _journal_page(self, page: GeneratedPage) -> KeptJournalPage:
        """A journal page and its headings; a serve rebuild reuses them when its inputs did not change."""
        this = self._this
        # Only what this page shows: a reworded question leaves the timeline as it was.
        inputs = (this.record.shared, ShownEntries(this.journal.entries, shown_fields(page.src_uri)))
        kept = self.kept_journal_pages.get(page.src_uri)
        if kept is None or kept.inputs != inputs:
            html = this.renderer.page(page)
            kept = KeptJournalPage(inputs, html, headings(html))
            if self.serving:
                self.kept_journal_pages[page.src_uri] = kept
        this.record.journal_html[page.src_uri] = kept.html
        return kept

    def finish_page(self, html: str, dest: str) -> str:
        """A whole page as written (or a theme's HTML template): asks not to be indexed; offsite requests warned."""
        self._warn_offsite(html, dest)
        return add_noindex(html)

    @staticmethod
    def writes_template(name: str) -> bool:
        """Whether a theme's extra template is written: no sitemap, which invites crawlers to a journal."""
        return name != "sitemap.xml"

    def _warn_offsite(self, html: str, dest: str) -> None:
        if self.settings.shows_private:
            return
        for url in dict.fromkeys(offsite_requests(html)):
            self.log.warning(
                f"{dest} loads {url} from another host; a published journal should "
                "request nothing from third parties (copy the file into entries/ and link to it there)"
            )

    # -- the end of a build ------------------------------------------------------------------

    @property
    def scans(self) -> bool:
        """Whether this build's folder is scanned for private values (a publish build); not a serve."""
        return not self.settings.shows_private

    def scan_before_encryption(self, text: str, dest: str) -> None:
        """Scan what a plugin is about to encrypt (a page's content, the search index) in a protected build.

        Once encrypted it reads as noise to the scan of the finished folder; a reader with
        the password sees it in clear. What is found fails the build in `finish`.
        """
        if self.scans and self.options.protected:
            found = self.scanner.scan_text(text)
            self.leaks_before_encryption += [Leak(secret, dest, encrypted=True) for secret in found]

    def finish(self) -> None:
        """The site is written: scan it (a publish build), then it counts as the last build.

        Only a finished build counts: after a failed one, a rebuild compares with the last good one.
        """
        if self.scans:
            site = Path(self.options.site_dir)
            leaks = [*self.leaks_before_encryption, *self.scanner.scan_site(site, self.theme_copies)]
            self.leaks_before_encryption = []
            if leaks:
                for rel in {leak.file for leak in leaks}:
                    (site / rel).unlink(missing_ok=True)  # so that nobody uploads them by mistake
                raise SiteError(
                    f"growthlog: private data found in the built site ({len(leaks)} place(s)); "
                    f"the files were deleted, do not publish {self.options.site_dir}:\n{describe(leaks)}\n"
                    "A template override or another plugin printed it, or the value is also written in "
                    "public notes. A common word that is also used elsewhere can be a false alarm: "
                    "write the private value more specifically."
                )
        if self.this is not None:
            if self.serving and self.dirty and self.last is not None:
                gone = self.last.pages - self.this.record.pages
                for src_uri in remove_pages(self.options.site_dir, gone, self.options.directory_urls):
                    self.log.debug(f"removed the page of {src_uri}: it is gone since the last build")
            self.last = self.this.record

    def stop(self) -> None:
        """The engine process ends its builds (a serve stops): keep the entry cache on disk."""
        self._save_kept_entries()

    # -- the entry cache on disk -------------------------------------------------------------

    def _load_kept_entries(self) -> None:
        """Before reading a journal: take the entries the last build kept on disk (see entries/cache.py)."""
        self.cache_file = self._kept_entries_file() if self.options.keep_entries else None
        # A serve loads once; later rebuilds have them in memory, fresher than the disk copy.
        if self.cache_file is not None and self.cache_file != self.loaded_cache_file:
            try:
                kept_entries.load(self.cache, self.cache_file)
            except UnsafeCache as err:
                self._refuse_cache(err)
                return
            self.loaded_cache_file = self.cache_file

    def _save_kept_entries(self) -> None:
        if self.cache_file is None or not self.cache.changed:
            return
        try:
            kept_entries.save(self.cache, self.cache_file)
        except UnsafeCache as err:
            self._refuse_cache(err)
        except OSError as err:
            # Only time is lost: the next build reads every entry from its file.
            self.log.info(f"cannot keep the entry cache in {self.cache_file}: {err}")
            self.cache_file = None

    def _refuse_cache(self, err: UnsafeCache) -> None:
        """Build without a cache someone else could have written (loading it could run their code)."""
        self.log.warning(
            f"the entry cache is not used: {err}; the journal is built without it. "
            "Delete the folder (growthlog makes it again, private), or make it yours alone (chmod 700)"
        )
        self.cache_file = None

    def _kept_entries_file(self) -> Path | None:
        """Where this journal's entry cache is kept: beside the config file, never where pages are read or written."""
        if not self.options.config_file:
            return None
        path = kept_entries.cache_file(Path(self.options.config_file).resolve().parent)
        for folder in (self.options.docs_dir, self.options.site_dir):
            if path.is_relative_to(Path(folder).resolve()):
                return None  # it would be published with the site, or read as a page
        return path

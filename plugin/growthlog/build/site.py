"""The journal's build, engine-neutral: `JournalSite`, the one object an engine adapter talks to.

Collect first, render later: `JournalSite.plan` reads and validates every entry once,
builds the journal and says which pages the engine must render (and which of them a
`--dirty` rebuild must build again); the engine then asks for each page's title and
HTML, and `JournalSite.finish` scans the built folder before a build counts as done.

An engine adapter (see engines/mkdocs/) hands over what only the engine knows (the
source files it found, its folders, a page's address) and does what the answers say.
This class holds what lives from one build to the next and delegates each decision
to the module named after it:

- options.py: the engine's configuration (`SiteOptions`), the settings made of it, its refusals;
- kept.py: the entries kept between builds (the entry cache on disk);
- errors.py: what stops a build (`SiteError`) and how problems are reported;
- practice.py: the practice log beside the config file;
- site_plan.py: which sources become which pages, and what a `--dirty` rebuild redoes;
- publishable.py: which other files of the docs folder a site may hold;
- page_html.py: each page's title and HTML;
- scan.py: offsite requests and the leak scan, before encryption and of the finished folder;
- served_pages.py: the pages a `--dirty` serve removes when their entry is gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.build.changes import SharedInputs, ShownEntries, template_stamps
from growthlog.build.errors import report_problems
from growthlog.build.kept import KeptEntries
from growthlog.build.options import SiteOptions, settings_for
from growthlog.build.page_html import page_html, page_title
from growthlog.build.practice import practice_log_file, read_rehearsals
from growthlog.build.publishable import PublishedEntry, Selection, select
from growthlog.build.scan import encrypted_leaks, leak_scanner, refuse_leaks, warn_offsite
from growthlog.build.served_pages import remove_pages
from growthlog.build.site_plan import (
    PageKind,
    PlannedBuild,
    SitePlan,
    compare_with_last,
    held_back_as_drafts,
    source_pages,
    static_files,
)
from growthlog.entries.private_parts import EXTENSION as PRIVATE_PARTS
from growthlog.entries.reader import ReadResult, read_journal
from growthlog.journal.checks import with_journal_problems
from growthlog.journal.journal import Journal
from growthlog.journal.settings import Settings
from growthlog.pages.journal_pages import GENERATED_PAGES, JOURNAL_FIELDS, reserved_urls, written_files
from growthlog.pages.renderer import TEMPLATES, Renderer, template_cache_problem
from growthlog.privacy.leakscan import Leak, LeakScanner
from growthlog.privacy.site_guard import add_noindex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from markupsafe import Markup

    from growthlog.build.changes import BuildRecord, KeptJournalPage
    from growthlog.build.errors import BuildLog
    from growthlog.build.page_html import PageHtml
    from growthlog.entries.model import Entry

#: Markdown extensions every journal needs: `!!! private` is an admonition.
MARKDOWN_EXTENSIONS = ("admonition",)


class JournalSite:
    """The journal as a site, for one engine process: its builds, and what a serve keeps between them."""

    def __init__(self, log: BuildLog) -> None:
        self.log = log
        self.serving = False
        self.dirty = False
        self.command = "build"
        self.options = SiteOptions()
        self.settings = Settings()
        self.kept = KeptEntries(log)
        self.scanner = LeakScanner(())
        #: What the scan found in this build before an engine plugin encrypted it (a protected build).
        self.leaks_before_encryption: list[Leak] = []
        #: Static files copied from the installed theme: the leak scan skips them.
        self.theme_copies: Mapping[str, Path] = {}
        #: The last finished build's record, for a `--dirty` rebuild to compare with.
        self.last: BuildRecord | None = None
        self.this: PlannedBuild | None = None
        #: Journal pages a serve keeps, by source path, reused while their inputs hold.
        self.kept_journal_pages: dict[str, KeptJournalPage] = {}

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
        self.settings = settings_for(options, serving=self.serving, command=self.command, log=self.log)
        self.options = options
        return self.settings

    def markdown_extensions(self) -> tuple[str, ...]:
        """The Markdown extensions the engine must add for this build (by the names Python-Markdown loads).

        `admonition` draws the `!!! private` syntax; in a publish build, growthlog's own
        removes private parts and comments in the Markdown tree (entries/private_parts.py).
        """
        return MARKDOWN_EXTENSIONS if self.settings.shows_private else (*MARKDOWN_EXTENSIONS, PRIVATE_PARTS)

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

        Every source page is replaced (see build/site_plan.py): an entry by its body, a
        draft in a publish build or a file that is not an entry by nothing, an entry that
        could not be read by its problems in a serve. `held_back` are the sources the
        engine's own settings leave out of this build (`exclude_docs`, and `draft_docs`
        unless serving): they are treated as drafts.
        """
        result, read, total = self._read_journal()
        entries = held_back_as_drafts(result.entries, held_back, serving=self.serving)
        if not self.settings.shows_private:
            extensions = [*self.options.markdown_extensions, *self.markdown_extensions()]
            self.scanner = leak_scanner(entries, extensions, self.options.markdown_configs)
        rehearsals = read_rehearsals(self.practice_log, self.settings.today, self.log)
        journal = Journal(entries, self.settings, rehearsals)
        renderer = Renderer(journal, self.options.override_dirs, site_name=self.options.site_name)
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
            template_stamps([TEMPLATES, *self.options.override_dirs]),
            rehearsals,
        )
        # Only what some journal page shows (home shows notes' first paragraphs, so notes count too).
        shown = ShownEntries(journal.entries, JOURNAL_FIELDS)
        record, rebuild = compare_with_last(shared, shown, self.last, dirty=self.dirty)
        this = self.this = PlannedBuild(result, journal, renderer, record)
        pages = source_pages(sources, entries, this, rebuild, self.kept_journal_pages, serving=self.serving)
        if self.serving:
            self.log.info(
                f"re-read {read} of {total} entries; "
                f"rebuilding {sum(p.rebuild for p in pages if p.kind is PageKind.ENTRY)} entry page(s) and "
                f"{sum(p.rebuild for p in pages if p.kind is PageKind.JOURNAL)} journal page(s)"
            )
        files = static_files()
        this.record.pages = frozenset(page.src_uri for page in pages)
        return SitePlan(tuple(pages), tuple(files))

    def _read_journal(self) -> tuple[ReadResult, int, int]:
        """Every entry, read from its file or taken from the entry cache, and its problems reported.

        Also how many were read from their files, of how many.
        """
        self.kept.load(self.options)
        cache = self.kept.cache
        hits, misses = cache.hits, cache.misses
        docs = Path(self.options.docs_dir)
        result = with_journal_problems(read_journal(docs, cache, reserved_urls(), written_files()), docs)
        read = cache.misses - misses
        total = read + cache.hits - hits
        self.log.debug(f"read {read} of {total} entries from their files, the others from the entry cache")
        if not self.serving:
            self.kept.save()  # a serve saves when it stops: a save must not wait for it
        report_problems(result, serving=self.serving, log=self.log)
        return result, read, total

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
        """The practice log, beside the config file (see build/practice.py); a serve watches it."""
        return practice_log_file(self.options.config_file)

    # -- each page ---------------------------------------------------------------------------

    @property
    def _this(self) -> PlannedBuild:
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
        """The title of a page growthlog titles (entries and problem pages), escaped; else None."""
        return page_title(self._this, src_uri, protected=self.options.protected)

    def page_html(self, src_uri: str, notes: str, url: str) -> PageHtml:
        """A page's content, given the HTML the engine made of its Markdown and its address."""
        return page_html(
            self._this,
            src_uri,
            notes,
            url,
            serving=self.serving,
            shows_private=self.settings.shows_private,
            raw_html_policy=self.options.raw_html,
            kept_pages=self.kept_journal_pages,
            log=self.log,
        )

    def finish_page(self, html: str, dest: str) -> str:
        """A whole page as written (or a theme's HTML template): asks not to be indexed; offsite requests warned."""
        if not self.settings.shows_private:
            warn_offsite(html, dest, self.log)
        return add_noindex(html)

    @staticmethod
    def writes_template(name: str) -> bool:
        """Whether a theme's extra template is written: no sitemap, which invites crawlers to a journal."""
        return name != "sitemap.xml"

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
            self.leaks_before_encryption += encrypted_leaks(self.scanner, text, dest)

    def finish(self) -> None:
        """The site is written: scan it (a publish build), then it counts as the last build.

        Only a finished build counts: after a failed one, a rebuild compares with the last good one.
        """
        if self.scans:
            site = Path(self.options.site_dir)
            leaks = [*self.leaks_before_encryption, *self.scanner.scan_site(site, self.theme_copies)]
            self.leaks_before_encryption = []
            refuse_leaks(leaks, self.options.site_dir)
        if self.this is not None:
            if self.serving and self.dirty and self.last is not None:
                gone = self.last.pages - self.this.record.pages
                for src_uri in remove_pages(self.options.site_dir, gone, self.options.directory_urls):
                    self.log.debug(f"removed the page of {src_uri}: it is gone since the last build")
            self.last = self.this.record

    def stop(self) -> None:
        """The engine process ends its builds (a serve stops): keep the entry cache on disk."""
        self.kept.save()

"""The MkDocs adapter: wires growthlog's core into MkDocs build events, nothing more.

Collect first, render later: `on_files` reads and validates every entry once and
builds the journal; the page events only fill in HTML rendered by the core.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from growthlog.build.changes import EntryPageInputs, ShownEntries, template_stamps
from growthlog.engines.mkdocs.speedups.notes_converter import NotesConverter, NotesPage
from growthlog.engines.mkdocs.speedups.shared_nav import share_nav
from growthlog.engines.mkdocs.speedups.template_cache import TemplateCodeCache
from growthlog.entries import cache as kept_entries
from growthlog.entries.private_parts import split_private, strip_comments
from growthlog.entries.problems import summarise
from growthlog.entries.reader import EntryCache, ReadResult, read_journal
from growthlog.journal.journal import Journal
from growthlog.journal.settings import Mode, Settings, resolve_today
from growthlog.pages.journal_pages import GENERATED_PAGES, SHOWN_FIELDS, reserved_urls
from growthlog.pages.renderer import ASSETS, OVERRIDE_FOLDER, TEMPLATES, Renderer
from growthlog.pages.search_text import (
    SearchSection,
    journal_search_html,
    notes_sections,
    search_html,
    search_sections,
)
from growthlog.pages.toc import Heading, headings
from growthlog.privacy.leakscan import LeakScanner, describe
from growthlog.privacy.secrets import secrets
from growthlog.privacy.site_guard import (
    ENCRYPT_PLUGIN,
    ROBOTS_TXT,
    add_noindex,
    offsite_requests,
    protected_title,
    show_private,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from growthlog.entries.model import Entry
    from growthlog.entries.problems import Problem
    from growthlog.pages.journal_pages import GeneratedPage

try:  # Material's search parser's shapes, to hand its index sections it did not parse (see search.py)
    from material.plugins.search.plugin import Element as _MaterialElement
    from material.plugins.search.plugin import Section as _MaterialSection
except ImportError:  # pragma: no cover - another theme: the search plugin parses every page
    _MaterialElement = _MaterialSection = None

log = get_plugin_logger(__name__)

ASSETS_URI = "assets/growthlog"
#: The key of the journal pages' inputs in `GrowthlogPlugin.built` (the others are entry paths).
JOURNAL_PAGES = "journal pages"
#: Our stylesheets, one per area of the journal, served from assets/growthlog/.
_STYLESHEETS = sorted(ASSETS.glob("*.css"))


class GrowthlogConfig(base.Config):
    """`plugins: - growthlog:` options in mkdocs.yml."""

    today = c.Optional(c.Type((str, dt.date)))
    """Fix 'today' for reproducible builds (the GROWTHLOG_TODAY variable wins)."""
    pipeline_floor = c.Type(int, default=3)
    """Warn when fewer applications than this are active."""
    ghost_after_days = c.Type(int, default=21)
    """An application silent this many days counts as ghosted."""
    show_private = c.Type(bool, default=False)
    """Show private data and drafts in a `mkdocs build` (GROWTHLOG_SHOW_PRIVATE=0/1 wins)."""
    cache = c.Type(bool, default=True)
    """Keep parsed entries in .cache/growthlog/ so that the next build reads only changed ones."""


class EntryFile(File):
    """A page's source, with its own answer to MkDocs' "was this modified?".

    `mkdocs serve --dirty` rebuilds only the pages whose file `is_modified()`. A file
    generated from content always says yes, which would rebuild every page on every
    save; the plugin knows better: an entry page changes when its entry changed or
    when what its header shows from the rest of the journal changed, and a journal
    page when any entry's front matter changed (see `ShownEntries`).
    """

    rebuild: bool = True

    def is_modified(self) -> bool:
        return self.rebuild


class GrowthlogPlugin(BasePlugin[GrowthlogConfig]):
    """Turns the entries folder into a growth journal."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.cache = EntryCache()
        self.result: ReadResult | None = None
        self.journal: Journal | None = None
        self.renderer: Renderer | None = None
        self.entry_pages: dict[str, Entry] = {}
        self.problem_pages: dict[str, tuple[Problem, ...]] = {}
        self.generated: dict[str, GeneratedPage] = {}
        self.scanner = LeakScanner(())
        self.protected = False
        self.theme_copies: dict[str, Path] = {}
        #: What each entry page was last built from (see `_entry_page_changed`), for `--dirty` serves.
        self.built: dict[str, object] = {}
        self.building: dict[str, object] = {}
        #: Per page, the length and hash of the leading HTML growthlog rendered (see search.py).
        self.own_html: dict[str, tuple[int, int]] = {}
        #: Entry headers rendered in `on_files` to tell whether their page changed, by source path.
        self.headers: dict[str, str] = {}
        #: The page the search plugin is reading, its full content and the text handed to search.
        self._full_content: tuple[Page, str, str] | None = None
        self.lean_search = False
        #: Material's search index of this build, when our sections can go into it directly.
        self.search_index: Any = None
        #: The entry page being indexed, its header's sections and where its entries start.
        self._own_sections: tuple[Page, list[SearchSection], int] | None = None
        # What a serve reuses from one rebuild to the next when its inputs did not change:
        # each journal page (HTML and headings), by source path.
        self.journal_pages: dict[str, tuple[object, str, list[Heading]]] = {}
        self.theme_code = TemplateCodeCache()
        #: What every page shows besides the entries (settings, problems, templates...), this build.
        self.shared_inputs: object = ()
        #: True while a serve keeps what it froze for the garbage collector (see `on_serve`).
        self.kept_frozen = False
        #: The entry cache's file on disk (see kept_entries.py), None when not kept; and the last one loaded.
        self.cache_file: Path | None = None
        self.loaded_cache_file: Path | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes `mkdocs serve` keep this instance (and its cache) across rebuilds.
        self.command = command
        self.dirty = dirty
        _leave_the_last_build_to_the_system_at_exit()

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            today = resolve_today(self.config.today)  # type: ignore[arg-type]  # c.Optional is untyped
        except ValueError as err:
            raise PluginError(f"growthlog: {err}") from None
        try:
            local = self.serving or show_private(self.config.show_private, os.environ)
        except ValueError as err:
            raise PluginError(f"growthlog: {err}") from None
        if local and not self.serving:
            log.info("show_private is on: this site shows private data and drafts; do not publish it")
        self.settings = Settings(
            today=today,
            mode=Mode.LOCAL if local else Mode.PUBLISH,
            pipeline_floor=self.config.pipeline_floor,
            ghost_after_days=self.config.ghost_after_days,
            directory_urls=config.use_directory_urls,
        )
        if config.nav is None:
            # Entries are reached through the timeline: a nav with every entry makes
            # each page render the whole list (5x slower at 1,000 entries).
            config.nav = [{page.title: page.src_uri} for page in GENERATED_PAGES]
        if "admonition" not in config.markdown_extensions:
            config.markdown_extensions.append("admonition")  # the `!!! private` syntax
        config.extra_css.extend(f"{ASSETS_URI}/{sheet.name}" for sheet in _STYLESHEETS)
        self.lean_search = _only_search_between(self, config)
        _add_theme_fixes(config)
        custom_dir = config.theme.custom_dir
        self.override_dirs = [Path(custom_dir, OVERRIDE_FOLDER)] if custom_dir else []
        # encryptcontent encrypts a page's content, not its <title>: entry titles go neutral.
        self.protected = ENCRYPT_PLUGIN in config.plugins
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._load_kept_entries(config)
        hits, misses = self.cache.hits, self.cache.misses
        result = read_journal(Path(config.docs_dir), self.cache, reserved_urls())
        self.result = result
        log.debug(
            f"read {self.cache.misses - misses} of "
            f"{self.cache.misses - misses + self.cache.hits - hits} entries from their files, "
            f"the others from the entry cache"
        )
        if not self.serving:
            self._save_kept_entries()  # a serve saves when it stops: a save must not wait for it
        self._report(result)
        if not self.settings.shows_private:
            self.scanner = LeakScanner(secrets(result.entries))
        journal = Journal(result.entries, self.settings)
        self.journal = journal
        self.renderer = Renderer(journal, self.override_dirs, site_name=config.site_name)
        visible = {entry.path for entry in journal.entries}
        by_path = {entry.path: entry for entry in result.entries}
        # Anything that shows on every page (settings, the problems notice) rebuilds every page;
        # so does another site folder (MkDocs keeps this plugin for the whole process).
        # So do growthlog's templates and the user's overrides of them, edited while serving.
        shared_inputs: object = (
            self.settings,
            result.problems if self.serving else (),
            config.site_name,
            config.site_dir,
            config.docs_dir,
            template_stamps([TEMPLATES, *self.override_dirs]),
        )
        if self.built.get("") == shared_inputs:
            shared_inputs = self.built[""]  # the same object: the journal page cache compares it by identity
        rebuild_all = not self.dirty or self.built.get("") != shared_inputs
        self.building = {"": shared_inputs}
        self.shared_inputs = shared_inputs
        pages_inputs = (shared_inputs, ShownEntries(journal.entries))
        pages_changed = rebuild_all or self.built.get(JOURNAL_PAGES) != pages_inputs
        self.building[JOURNAL_PAGES] = pages_inputs

        self.entry_pages = {}
        self.problem_pages = {}
        self.own_html = {}
        self.headers = {}
        converter = NotesConverter.for_build(config)
        rebuilt = 0
        for file in list(files.documentation_pages(inclusion=InclusionLevel.all)):
            rel = file.src_uri
            entry = by_path.get(rel)
            if rel in result.invalid:
                # Never let MkDocs render a file we could not read: it would print the raw
                # front matter, private fields included. In a serve, show the problems instead.
                files.remove(file)
                if self.serving:
                    files.append(
                        File.generated(config, rel, content="\n", inclusion=InclusionLevel.NOT_IN_NAV)
                    )
                    self.problem_pages[rel] = result.invalid[rel]
                continue
            if entry is None:
                # A page the reader never saw (excluded by a pattern of ours): MkDocs would
                # render its front matter raw, so it is left out.
                files.remove(file)
                continue
            files.remove(file)
            if rel not in visible:  # a draft in a publish build: left out entirely
                continue
            body = entry.body if self.settings.shows_private else split_private(entry.body)[0]
            # The leading newline stops MkDocs from reading a body that starts with
            # '---' or 'key: value' lines as metadata.
            page_file = EntryFile.generated(
                config, rel, content="\n" + body, inclusion=InclusionLevel.NOT_IN_NAV
            )
            assert isinstance(page_file, EntryFile)
            page_file.rebuild = self._entry_page_changed(rel, entry, rebuild_all)
            rebuilt += page_file.rebuild
            files.append(page_file)
            NotesPage(None, page_file, config).converter = converter  # MkDocs uses the file's page
            self.entry_pages[rel] = entry

        self.generated = {}
        journal_rebuilt = 0
        for page in GENERATED_PAGES:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            page_file = EntryFile.generated(config, page.src_uri, content="\n")
            assert isinstance(page_file, EntryFile)
            self.generated[page.src_uri] = page
            page_file.rebuild = pages_changed
            key = _built_html_key(page)
            if pages_changed and not rebuild_all:
                # Rendered now, not when MkDocs asks: a page whose HTML came out the same
                # is not laid out in the theme, indexed for search and written again.
                page_file.rebuild = self.built.get(key) != self._journal_page(page)[0]
            elif not pages_changed and key in self.built:
                self.building[key] = self.built[key]
            journal_rebuilt += page_file.rebuild
            files.append(page_file)
        for sheet in _STYLESHEETS:
            uri = f"{ASSETS_URI}/{sheet.name}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=sheet.read_bytes()))
        robots = files.get_file_from_path("robots.txt")
        if robots is not None:
            files.remove(robots)  # ours wins: a journal is never meant to be crawled
        files.append(File.generated(config, "robots.txt", content=ROBOTS_TXT))
        # The leak scan skips files identical to the installed theme's; nothing is scanned in a serve.
        self.theme_copies = {} if self.settings.shows_private else _theme_copies(files, config)
        if self.serving:
            log.info(
                f"re-read {self.cache.misses - misses} of "
                f"{self.cache.misses - misses + self.cache.hits - hits} entries; "
                f"rebuilding {rebuilt} entry page(s) and {journal_rebuilt} journal page(s)"
            )
        # The journal, its pages and MkDocs' own setup live until the build ends: frozen, the
        # garbage collector stops walking them again and again while pages are rendered
        # (GC 2.3 -> 1.9 CPU s at 5,000 entries). Unfrozen when the build ends or fails.
        # A serve that froze what it keeps (see `on_serve`) leaves its rebuilds to the collector.
        if not self.kept_frozen:
            gc.freeze()
        return files

    def _entry_page_changed(self, rel: str, entry: Entry, rebuild_all: bool) -> bool:
        """Whether an entry page must be built again; notes what it is built from.

        It shows its entry and, in its header, the other rounds of its application.
        When only another round changed (its company, a question...), the header is
        rendered now (a fraction of a millisecond) and the page rebuilt only if the
        header came out different: its own layout, search sections and write are skipped.
        """
        assert self.journal is not None and self.renderer is not None
        application = self.journal.application_of.get(entry.path)
        inputs = EntryPageInputs(entry, application.rounds if application else ())
        self.building[rel] = inputs
        last = self.built.get(rel)
        if rebuild_all or not isinstance(last, EntryPageInputs) or not inputs.same_entry(last):
            return True
        if inputs.rounds == last.rounds:
            inputs.header = last.header
            return False
        header = self.renderer.entry_header(entry)
        self.headers[rel] = header  # used when MkDocs asks for the page's content
        inputs.header = hash(header)
        return inputs.header != last.header

    def _report(self, result: ReadResult) -> None:
        """One terminal line per problem, then one summary line; a publish build stops on errors."""
        for problem in result.problems:
            if problem.is_error and not self.serving:
                log.error(str(problem))
            else:
                log.warning(str(problem))
        if not result.problems:
            return
        summary = summarise(result.problems)
        if result.errors and not self.serving:
            # PluginError, not an exception of ours: MkDocs prints it as one line, no traceback.
            raise PluginError(
                f"growthlog: {summary} (listed above); nothing was built. "
                "Fix them and build again; `growthlog check` lists them too."
            )
        if self.serving:
            log.warning(f"{summary} (listed above); each page shows them until they are fixed")

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        rel = page.file.src_uri
        entry = self.entry_pages.get(rel)
        if entry is not None:
            # MkDocs prints page titles unescaped (and Material unescapes them again
            # through `striptags`); an escaped title in meta is used as is.
            page.meta["title"] = escape(protected_title(entry) if self.protected else entry.title)
        elif rel in self.problem_pages:
            page.meta["title"] = Markup("Entry with problems")
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.renderer is not None
        rel = page.file.src_uri
        entry = self.entry_pages.get(rel)
        own, notes = "", html
        if entry is not None:
            header = self.headers.pop(rel, None)
            own = self.renderer.entry_header(entry) if header is None else header
            inputs = self.building.get(rel)
            if isinstance(inputs, EntryPageInputs):
                inputs.header = hash(own)
            notes = f'<h2 id="notes">Notes</h2>\n{html}' if html.strip() else ""
        elif rel in self.generated:
            own, toc = self._journal_page(self.generated[rel])
            notes = ""
            # The page's Markdown is empty, so MkDocs found no headings: give Material
            # the table of contents of the HTML we rendered.
            page.toc = get_toc([_toc_token(h) for h in toc])
        elif rel in self.problem_pages:
            own, notes = self.renderer.problems_page(rel, self.problem_pages[rel]), ""
        if self.serving and self.result is not None and self.result.problems:
            own = self.renderer.problems_notice(self.result.problems, page.file.url) + own
        if not self.settings.shows_private:
            own, notes = strip_comments(own), strip_comments(notes)
        if own:
            self.own_html[rel] = (len(own), hash(own))
        return own + notes

    def _journal_page(self, page: GeneratedPage) -> tuple[str, list[Heading]]:
        """A journal page and its headings; a serve rebuild reuses them when its inputs did not change."""
        assert self.renderer is not None
        # Only what this page shows: a reworded question leaves the timeline as it was.
        assert self.journal is not None
        inputs = (self.shared_inputs, ShownEntries(self.journal.entries, SHOWN_FIELDS.get(page.src_uri)))
        cached = self.journal_pages.get(page.src_uri)
        if cached is None or cached[0] != inputs:
            html = self.renderer.page(page)
            cached = (inputs, html, headings(html))
            if self.serving:
                self.journal_pages[page.src_uri] = cached
        self.building[_built_html_key(page)] = cached[1]
        return cached[1], cached[2]

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.serving and env.bytecode_cache is None:
            # MkDocs makes a new theme environment for every rebuild, which compiled Material's
            # templates again on every save (a tenth of a second); keep their compiled code.
            env.bytecode_cache = self.theme_code
        if self.dirty:
            _search_index_keeps_unchanged_pages(config, files)
        self.search_index = None if self.protected or not self.lean_search else _material_search_index(config)
        share_nav(env, self.entry_pages)
        return env

    @event_priority(100)  # before the search plugin (priority 0), which indexes page.content
    def _search_sees_text(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        rel = page.file.src_uri
        own = self.own_html.get(rel)
        content = page.content or ""
        if self.lean_search and own is not None and hash(content[: own[0]]) == own[1]:
            sections = None
            if rel not in self.generated and self.search_index is not None:
                sections = search_sections(content[: own[0]])
            if sections is not None:
                # The header's sections go into the index as they are (see `_index_own_sections`),
                # and the notes' when `notes_sections` reads them: else the search plugin parses
                # the notes only, as for any Markdown page.
                notes = content[own[0] :]
                found = notes_sections(notes)
                if found is not None:
                    # What the search plugin makes of the notes alone starts with an empty page section.
                    if found and found[0].id is None and not found[0].text:
                        del found[0]
                    sections += found
                    notes = ""
                page.content = notes
                self._own_sections = (page, sections, len(self.search_index.entries))
            else:
                # A journal page only repeats what entry pages say: search gets its headings and leads.
                text = journal_search_html if rel in self.generated else search_html
                page.content = text(content[: own[0]]) + content[own[0] :]
            self._full_content = (page, content, page.content)
        return context

    @event_priority(-100)  # after the search plugin: the theme renders the full markup
    def _theme_sees_markup(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        if self._own_sections is not None and self._own_sections[0] is page:
            self._index_own_sections(page, *self._own_sections[1:])
        self._own_sections = None
        # Unless a plugin in between (encryptcontent) replaced the content with its own.
        if (
            self._full_content is not None
            and self._full_content[0] is page
            and page.content is self._full_content[2]
        ):
            page.content = self._full_content[1]
        self._full_content = None
        return context

    on_page_context = CombinedEvent(_search_sees_text, _theme_sees_markup)

    def _index_own_sections(self, page: Page, sections: list[SearchSection], start: int) -> None:
        """Put an entry header's sections into the index where the search plugin's parser would have.

        The search plugin has just indexed the notes alone: a page section with no text
        (the notes start with their heading), then the notes' sections; or nothing, when
        `sections` holds the notes' sections too. The header's
        sections, page section first, take their place ahead of the notes' sections, made
        by the search plugin's own `create_entry_for_section` (links, titles, tags, boost):
        the index comes out as when it parsed the whole page (tested equal).
        """
        index = self.search_index
        made = index.entries[start:]
        del index.entries[start:]
        if made and made[0].get("location") == page.url and not made[0].get("text"):
            made = made[1:]
        if not (page.meta.get("search") or {}).get("exclude"):
            # The search plugin reads a section's id, title and text (and sets an empty title to the
            # page's) into a new index entry and keeps nothing of it: one Section serves them all
            # (a new one per section, with its element, cost as much as the entry made from it).
            material = _material_section()
            for section in sections:
                material.id = section.id
                material.title = [] if section.title is None else [section.title]
                material.text = [section.text]
                index.create_entry_for_section(material, page.toc, page.url, page)
        index.entries.extend(made)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._warn_offsite(output, page.file.dest_uri)
        return add_noindex(output)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "sitemap.xml":
            return ""  # a sitemap invites crawlers to a journal that asks not to be indexed
        if not template_name.endswith(".html"):
            return output_content
        self._warn_offsite(output_content, template_name)
        return add_noindex(output_content)

    def _warn_offsite(self, html: str, dest: str) -> None:
        if self.settings.shows_private:
            return
        for url in dict.fromkeys(offsite_requests(html)):
            log.warning(
                f"growthlog: {dest} loads {url} from another host; a published journal should "
                "request nothing from third parties (copy the file into entries/ and link to it there)"
            )

    # Last of all post-build work (encryptcontent rewrites the search index at -200): scan the final files.
    @event_priority(-1000)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.kept_frozen:
            gc.unfreeze()  # `mkdocs serve` keeps the process: this build's objects may go now
        if self.settings.shows_private:
            # Only a finished build counts as "built": after a failed one, compare with the last good one.
            self.built = self.building
            return
        site = Path(config.site_dir)
        leaks = self.scanner.scan_site(site, self.theme_copies)
        if leaks:
            for rel in {leak.file for leak in leaks}:
                (site / rel).unlink(missing_ok=True)  # so that nobody uploads them by mistake
            raise PluginError(
                f"growthlog: private data found in the built site ({len(leaks)} place(s)); "
                f"the files were deleted, do not publish {config.site_dir}:\n{describe(leaks)}\n"
                "A template override or another plugin printed it, or the value is also written in "
                "public notes. A common word that is also used elsewhere can be a false alarm: "
                "write the private value more specifically."
            )
        self.built = self.building

    def on_build_error(self, *, error: Exception) -> None:
        if not self.kept_frozen:
            gc.unfreeze()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """After the first build of `mkdocs serve`: freeze what the serve keeps for the collector.

        A serve keeps everything it imported and cached (modules, templates, the entry
        cache, the search index: some 80,000 objects at 1,000 entries) for its whole
        life. Each rebuild made the collector walk all of it once again (0.1 CPU s of
        a 0.8 s rebuild at 1,000 entries); frozen once here, after collecting the first
        build's leftovers, a rebuild's collections walk only what that rebuild made.
        """
        if self.serving and not self.kept_frozen:
            gc.collect()
            gc.freeze()
            self.kept_frozen = True
        return server

    def _load_kept_entries(self, config: MkDocsConfig) -> None:
        """Before reading a journal: take the entries the last build kept on disk (see kept_entries.py)."""
        self.cache_file = _cache_file(config) if self.config.cache else None
        # A serve loads once; later rebuilds have them in memory, fresher than the disk copy.
        if self.cache_file is not None and self.cache_file != self.loaded_cache_file:
            kept_entries.load(self.cache, self.cache_file)
            self.loaded_cache_file = self.cache_file

    def _save_kept_entries(self) -> None:
        if self.cache_file is None or not self.cache.changed:
            return
        try:
            kept_entries.save(self.cache, self.cache_file)
        except OSError as err:
            # Only time is lost: the next build reads every entry from its file.
            log.info(f"cannot keep the entry cache in {self.cache_file}: {err}")
            self.cache_file = None

    def on_shutdown(self) -> None:
        self._save_kept_entries()
        if self.kept_frozen:
            gc.unfreeze()
            self.kept_frozen = False


@functools.cache  # once per process
def _leave_the_last_build_to_the_system_at_exit() -> None:
    """Spare the collector a walk over everything the last build made when the process ends.

    When `mkdocs build` returns, its pages, files, nav and journal are garbage held in
    reference cycles; the interpreter's last collection at exit walked and freed them all,
    which the system does anyway when the process ends: 0.9 CPU s at 5,000 entries, a
    twentieth of the build. Frozen at exit (as `gc.freeze` is meant to be used before a
    process ends), they are left to the system. Python does not promise to finalise
    objects still alive at exit in any case; files are closed and `atexit` and
    `weakref.finalize` callbacks run as before.
    """
    atexit.register(gc.freeze)


def _cache_file(config: MkDocsConfig) -> Path | None:
    """Where the entry cache of this journal is kept: beside mkdocs.yml, never where MkDocs reads or writes pages."""
    if not config.config_file_path:
        return None
    path = kept_entries.cache_file(Path(config.config_file_path).resolve().parent)
    for folder in (config.docs_dir, config.site_dir):
        if path.is_relative_to(Path(folder).resolve()):
            return None  # it would be published with the site, or read as a page
    return path


def _only_search_between(plugin: GrowthlogPlugin, config: MkDocsConfig) -> bool:
    """True when only search (and encryptcontent) run between our two `on_page_context` handlers.

    encryptcontent replaces `page.content` there with the encrypted HTML it kept in
    `on_page_content` (the full page), so it never reads the search text, and the
    restore leaves its content alone. Another plugin there could read the search text:
    then the search plugin reads the full page, slower, and journal pages are indexed whole.
    """
    handlers = config.plugins.events.get("page_context", [])
    ours = [i for i, handler in enumerate(handlers) if getattr(handler, "__self__", None) is plugin]
    if len(ours) != 2:
        return False
    between = handlers[ours[0] + 1 : ours[1]]
    return all(type(getattr(h, "__self__", None)).__name__ in _CONTENT_SAFE for h in between)


#: Plugins that may run between our `on_page_context` handlers (see `_only_search_between`).
_CONTENT_SAFE = frozenset({"SearchPlugin", "encryptContentPlugin"})


def _built_html_key(page: GeneratedPage) -> str:
    """Where `GrowthlogPlugin.built` keeps the HTML a journal page was last built with."""
    return f"{JOURNAL_PAGES}: {page.src_uri}"


def _search_index_keeps_unchanged_pages(config: MkDocsConfig, files: Files) -> None:
    """Start a `--dirty` rebuild's search index with the last sections of the pages it does not rebuild.

    Material's search merges the last index into a dirty rebuild's as if one page
    were rebuilt: it drops the old sections of the first rebuilt page only (of every
    page when that is the home page, whose address starts every other). A save
    rebuilds an entry, the other rounds of its application and the journal pages,
    so old sections stayed, found by search, and piled up (at 1,000 entries, 215
    more on each save). Here the index starts with the sections of exactly the pages
    left as they were, and Material's merge is skipped. Left alone (Material's
    merge as is) if its search plugin no longer looks as this expects.
    """
    search = next(
        (plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index_prev")), None
    )
    last = getattr(search, "search_index_prev", None)
    index = getattr(search, "search_index", None)
    last_sections = getattr(last, "entries", None)
    sections = getattr(index, "entries", None)
    if not isinstance(last_sections, list) or not isinstance(sections, list) or sections:
        return
    unchanged = {
        # Material's sections are located by the page's URL: "" for the home page (its file's is "./").
        file.page.url if file.page is not None else file.url
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if not file.is_modified()
    }
    sections.extend(
        section
        for section in last_sections
        if isinstance(section, dict) and str(section.get("location", "")).split("#", 1)[0] in unchanged
    )
    search.search_index_prev = None  # type: ignore[union-attr]  # found above


def _material_search_index(config: MkDocsConfig) -> Any:
    """Material's search index for this build, if it looks as `_index_own_sections` expects; else None."""
    if _MaterialSection is None:
        return None
    search = next(
        (plugin for plugin in config.plugins.values() if type(plugin).__name__ == "SearchPlugin"), None
    )
    index = getattr(search, "search_index", None)
    if not isinstance(getattr(index, "entries", None), list) or not callable(
        getattr(index, "create_entry_for_section", None)
    ):
        return None
    return index


def _material_section() -> Any:
    """A section in the shape the search plugin's parser makes them, for `_index_own_sections` to fill."""
    assert _MaterialSection is not None and _MaterialElement is not None
    return _MaterialSection(_MaterialElement("h2"))


#: growthlog's fixes to Material's templates (the search dialog's accessible name): shipped in
#: the package, so a journal needs no custom_dir for them.
THEME_FIXES = Path(__file__).parent / "theme"


def _add_theme_fixes(config: MkDocsConfig) -> None:
    """Put THEME_FIXES between the journal's custom_dir (which still wins) and Material's templates."""
    if config.theme.name != "material":
        return
    dirs = config.theme.dirs
    if str(THEME_FIXES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_FIXES))


def _theme_copies(files: Files, config: MkDocsConfig) -> dict[str, Path]:
    """Static files copied from the installed theme (not from custom_dir, which is the user's)."""
    custom = Path(config.theme.custom_dir).resolve() if config.theme.custom_dir else None
    installed = [Path(d).resolve() for d in config.theme.dirs]
    installed = [d for d in installed if d != custom]
    copies: dict[str, Path] = {}
    for file in files:
        if file.abs_src_path and file.generated_by is None and not file.is_documentation_page():
            source = Path(file.abs_src_path).resolve()
            if any(source.is_relative_to(d) for d in installed):
                copies[file.dest_uri] = source
    return copies


def _toc_token(heading: Heading) -> Any:
    """A heading in the shape MkDocs' `get_toc` reads (the toc extension's tokens)."""
    return {
        "level": heading.level,
        "id": heading.id,
        "name": heading.title,
        "children": [_toc_token(child) for child in heading.children],
    }

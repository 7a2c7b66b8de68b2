"""The MkDocs adapter: MkDocs' build events mapped onto a `JournalSite`, nothing more.

The site decides which pages exist, their titles and HTML, what a rebuild redoes
and what is scanned (build/site.py and the modules beside it); this file hands it
what MkDocs knows and puts its answers where MkDocs expects them. The speed tricks
are in speedups/.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.toc import get_toc

from growthlog.build.errors import SiteError
from growthlog.build.site import JournalSite
from growthlog.build.site_plan import STYLESHEETS
from growthlog.engines.mkdocs.config import GrowthlogConfig, add_theme_fixes, site_options
from growthlog.engines.mkdocs.files import configured_files, docs_files, held_back, place_pages, theme_copies
from growthlog.engines.mkdocs.speedups.collector import Collector
from growthlog.engines.mkdocs.speedups.notes_converter import NotesConverter
from growthlog.engines.mkdocs.speedups.search_index import SearchText
from growthlog.engines.mkdocs.speedups.shared_nav import share_nav
from growthlog.engines.mkdocs.speedups.template_cache import TemplateCodeCache

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from growthlog.pages.toc import Heading

log = get_plugin_logger(__name__)


@contextlib.contextmanager
def _stops_build() -> Iterator[None]:
    """A `SiteError` as MkDocs reports a plugin's: one line, no traceback."""
    try:
        yield
    except SiteError as err:
        raise PluginError(str(err)) from None


class GrowthlogPlugin(BasePlugin[GrowthlogConfig]):
    """Turns the entries folder into a growth journal."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site = JournalSite(log)
        self.search = SearchText()
        self.collector = Collector()
        self.theme_code = TemplateCodeCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes `mkdocs serve` keep this instance (and its cache) across rebuilds.
        self.site.start(serving=command == "serve", dirty=dirty, command=command)
        self.collector.process_started()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with _stops_build():
            self.site.configure(site_options(self.config, config))
        if config.nav is None:
            config.nav = self.site.nav()
        for name in self.site.markdown_extensions():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        config.extra_css.extend(STYLESHEETS)
        self.search.configure(self, config)
        add_theme_fixes(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        pages = files.documentation_pages(inclusion=InclusionLevel.all)
        with _stops_build():
            plan = self.site.plan(
                [file.src_uri for file in pages],
                [file.src_uri for file in held_back(pages, self.site.serving)],
            )
        self.search.start_build()
        # Every other file of the docs folder, and pages that are no entry (`.markdown`...): the allow-list decides.
        statics = docs_files(files, config) + [file for file in pages if not file.src_uri.endswith(".md")]
        selection = self.site.publishable(
            [file.src_uri for file in statics],
            [file.src_uri for file in held_back(statics, self.site.serving)],
            configured_files(config),
        )
        place_pages(files, plan, config, NotesConverter.for_build(config))
        for file in statics:
            if file.src_uri not in selection.published and files.get_file_from_path(file.src_uri) is file:
                files.remove(file)
        # The leak scan skips files identical to the installed theme's; nothing is scanned in a serve.
        self.site.theme_copies = theme_copies(files, config) if self.site.scans else {}
        self.collector.build_started()
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        title = self.site.page_title(page.file.src_uri)
        if title is not None:
            page.meta["title"] = title
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        content = self.site.page_html(page.file.src_uri, html, page.file.url)
        if content.toc is not None:
            page.toc = get_toc([_toc_token(heading) for heading in content.toc])
        self.search.note_own(page.file.src_uri, content.own)
        return content.own + content.notes

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self.site.serving:
            self.theme_code.install(env)
        self.search.start_pages(config, files, dirty=self.site.dirty, protected=self.site.options.protected)
        share_nav(env, self.site.entry_pages)
        return env

    @event_priority(100)  # before the search plugin (priority 0), which indexes page.content
    def _search_sees_text(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # encryptcontent replaces the content with its ciphertext next (page_context, priority 0).
        self.site.scan_before_encryption(page.content or "", page.file.dest_uri)
        self.search.before_search(page, journal_page=self.site.is_journal_page(page.file.src_uri))
        return context

    @event_priority(-100)  # after the search plugin: the theme renders the full markup
    def _theme_sees_markup(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.search.after_search(page)
        return context

    on_page_context = CombinedEvent(_search_sees_text, _theme_sees_markup)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.site.finish_page(output, page.file.dest_uri)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not self.site.writes_template(template_name):
            return ""
        if not template_name.endswith(".html"):
            return output_content
        return self.site.finish_page(output_content, template_name)

    # After the search plugin writes its index (0), before encryptcontent encrypts it (-200).
    @event_priority(-100)
    def _scan_search_index_before_encryption(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir, "search", "search_index.json")
        if self.site.options.protected and index.is_file():
            self.site.scan_before_encryption(
                index.read_text(encoding="utf-8", errors="replace"), "search/search_index.json"
            )

    # Last of all post-build work (encryptcontent rewrites the search index at -200): scan the final files.
    @event_priority(-1000)
    def _scan_site(self, *, config: MkDocsConfig) -> None:
        self.collector.build_ended()
        with _stops_build():
            self.site.finish()

    on_post_build = CombinedEvent(_scan_search_index_before_encryption, _scan_site)

    def on_build_error(self, *, error: Exception) -> None:
        self.site.leaks_before_encryption = []
        self.collector.build_ended()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        self.collector.serve_started(self.site.serving)
        log_file = self.site.practice_log
        if log_file is not None and log_file.exists():
            server.watch(str(log_file))  # a rehearsal changes To revise and the practice page
        return server

    def on_shutdown(self) -> None:
        self.site.stop()
        self.collector.serve_stopped()


def _toc_token(heading: Heading) -> Any:
    """A heading in the shape MkDocs' `get_toc` reads (the toc extension's tokens)."""
    return {
        "level": heading.level,
        "id": heading.id,
        "name": heading.title,
        "children": [_toc_token(child) for child in heading.children],
    }

"""What the search plugin reads of growthlog's pages, and an entry header's sections put into Material's index.

Three things, each fenced:

- The lean search text (`pages/search_text.py`): between our two `on_page_context`
  handlers the search plugin sees the text search should index (a journal page's
  headings and leads, an entry header's fields), the theme the full markup after.
  Only when nothing but search (and encryptcontent) runs in between; else the
  search plugin reads the full page.
- `search_index`: an entry header's sections go straight into Material's index
  (`_index_own_sections`), and the notes' too when `notes_sections` cuts them,
  instead of being parsed again by Material's HTML parser; off (or when Material's
  search plugin no longer looks as this expects), the search plugin parses the lean
  text. Tested equal.
- The `--dirty` index fix (`keep_unchanged_pages`): a correctness fix, not a speed
  trick, left alone when Material's search plugin no longer looks as it expects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel

from growthlog.engines.mkdocs.speedups import enabled
from growthlog.pages.search_text import (
    SearchSection,
    journal_search_html,
    notes_sections,
    search_html,
    search_sections,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

try:  # Material's search parser's shapes, to hand its index sections it did not parse
    from material.plugins.search.plugin import Element as _MaterialElement
    from material.plugins.search.plugin import Section as _MaterialSection
except ImportError:  # pragma: no cover - another theme: the search plugin parses every page
    _MaterialElement = _MaterialSection = None

log = get_plugin_logger(__name__)

NAME = "search_index"
#: Plugins that may run between our `on_page_context` handlers (see `_only_search_between`).
_CONTENT_SAFE = frozenset({"SearchPlugin", "encryptContentPlugin"})


class SearchText:
    """The search plugin sees the lean text of growthlog's pages; the theme their full markup."""

    def __init__(self) -> None:
        self.lean = False
        #: Material's search index of this build, when our sections can go into it directly.
        self.index: Any = None
        #: Per page, the length and hash of the leading HTML growthlog rendered.
        self.own_html: dict[str, tuple[int, int]] = {}
        #: The page the search plugin is reading, its full content and the text handed to search.
        self._full_content: tuple[Page, str, str] | None = None
        #: The entry page being indexed, its header's sections and where its entries start.
        self._own_sections: tuple[Page, list[SearchSection], int] | None = None

    def configure(self, plugin: BasePlugin[Any], config: MkDocsConfig) -> None:
        self.lean = _only_search_between(plugin, config)
        if not self.lean:
            log.debug(
                "lean search text off: a plugin runs between growthlog and search; it reads whole pages"
            )

    def start_build(self) -> None:
        self.own_html = {}

    def note_own(self, src_uri: str, own: str) -> None:
        """The leading HTML of a page's content is growthlog's own (an entry header, a journal page)."""
        if own:
            self.own_html[src_uri] = (len(own), hash(own))

    def start_pages(self, config: MkDocsConfig, files: Files, *, dirty: bool, protected: bool) -> None:
        """Before the pages are laid out: find Material's index (and mend a dirty rebuild's)."""
        if dirty:
            keep_unchanged_pages(config, files)
        self.index = None
        if self.lean and not protected and enabled(NAME):
            self.index = _material_search_index(config)

    def before_search(self, page: Page, *, journal_page: bool) -> None:
        """Hand the search plugin the page's lean text (restored by `after_search`)."""
        rel = page.file.src_uri
        own = self.own_html.get(rel)
        content = page.content or ""
        if not self.lean or own is None or hash(content[: own[0]]) != own[1]:
            return
        sections = None
        if not journal_page and self.index is not None:
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
            self._own_sections = (page, sections, len(self.index.entries))
        else:
            # A journal page only repeats what entry pages say: search gets its headings and leads.
            text = journal_search_html if journal_page else search_html
            page.content = text(content[: own[0]]) + content[own[0] :]
        self._full_content = (page, content, page.content)

    def after_search(self, page: Page) -> None:
        """The search plugin has read the page: index the header's sections; the theme gets the full markup."""
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

    def _index_own_sections(self, page: Page, sections: list[SearchSection], start: int) -> None:
        """Put an entry header's sections into the index where the search plugin's parser would have.

        The search plugin has just indexed the notes alone: a page section with no text
        (the notes start with their heading), then the notes' sections; or nothing, when
        `sections` holds the notes' sections too. The header's
        sections, page section first, take their place ahead of the notes' sections, made
        by the search plugin's own `create_entry_for_section` (links, titles, tags, boost):
        the index comes out as when it parsed the whole page (tested equal).
        """
        index = self.index
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


def _only_search_between(plugin: BasePlugin[Any], config: MkDocsConfig) -> bool:
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


def keep_unchanged_pages(config: MkDocsConfig, files: Files) -> None:
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
        if search is not None and last is not None:
            log.debug("dirty search index: Material's search plugin is not as expected; its own merge runs")
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
        log.debug(f"{NAME}: off, Material's search plugin is not installed")
        return None
    search = next(
        (plugin for plugin in config.plugins.values() if type(plugin).__name__ == "SearchPlugin"), None
    )
    index = getattr(search, "search_index", None)
    if not isinstance(getattr(index, "entries", None), list) or not callable(
        getattr(index, "create_entry_for_section", None)
    ):
        if search is not None:
            log.debug(f"{NAME}: off, the search plugin's index is not as expected; it parses every page")
        return None
    return index


def _material_section() -> Any:
    """A section in the shape the search plugin's parser makes them, for `_index_own_sections` to fill."""
    assert _MaterialSection is not None and _MaterialElement is not None
    return _MaterialSection(_MaterialElement("h2"))

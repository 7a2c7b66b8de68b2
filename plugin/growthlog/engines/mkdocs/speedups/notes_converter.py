"""Entry pages' notes converted by one Markdown converter per build (MkDocs side of the adapter).

MkDocs' `Page.render` sets up a new `markdown.Markdown`, every configured extension
included, for each page it renders: at 1,000 entries that is about 0.3 CPU s spent
building the same converter again and again. Python-Markdown supports reusing one
converter (`reset()` between documents); MkDocs' own per-page processors (raw HTML
anchors, heading anchors, relative links, the title) hold the page they work for, so
they are made and registered afresh for each page, replacing the last page's.

The converter is reused only when every configured extension is one that resets
cleanly (Python-Markdown's own, PyMdown's, Material's); with any other extension,
MkDocs' own `Page.render` runs, so an extension that keeps state between documents
never leaks one page's notes into the next.

`NotesConverter.render` copies `Page.render` of MkDocs 1.6 (frozen) and of ProperDocs
1.6 (whose modules stand in for MkDocs' when it runs): under any other engine or
version, the engine's own `Page.render` runs, and a debug line says so. Switch:
GROWTHLOG_SPEEDUPS=-notes_converter.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

import markdown
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from growthlog.engines.mkdocs.speedups import enabled

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = get_plugin_logger(__name__)

NAME = "notes_converter"
#: The engine whose pages these are ("properdocs" when ProperDocs stands in for MkDocs), and its version.
ENGINE = mkdocs_pages.__name__.split(".", 1)[0]
VERSION = str(getattr(sys.modules.get(ENGINE), "__version__", ""))
#: The engine versions whose `Page.render` `NotesConverter.render` copies.
COPIED = {"mkdocs": "1.6.", "properdocs": "1.6."}
#: ProperDocs notes a page's links to anchors whatever the log level; MkDocs above DEBUG only.
_LINKS_ALWAYS = ENGINE == "properdocs"

#: Python-Markdown's own extensions, by the short names mkdocs.yml uses for them.
_BUILT_IN = frozenset(
    [
        "abbr",
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "nl2br",
        "sane_lists",
        "smarty",
        "tables",
        "toc",
        "wikilinks",
    ]
)
#: Extension packages written to be reset between documents.
_RESETTING_PACKAGES = ("markdown.extensions.", "pymdownx.", "material.extensions.", "growthlog.")
#: MkDocs' per-page processors (MkDocs 1.6, which is frozen): without them, MkDocs renders.
_PER_PAGE = (
    "_RawHTMLPreprocessor",
    "_ExtractAnchorsTreeprocessor",
    "_RelativePathTreeprocessor",
    "_ExtractTitleTreeprocessor",
)
#: Whether this engine's `Page.render` is the one copied here.
COPIES_ENGINE = VERSION.startswith(COPIED.get(ENGINE, "?")) and all(
    hasattr(mkdocs_pages, name) for name in _PER_PAGE
)


def resets_cleanly(extension: object) -> bool:
    """True for an extension known to keep no state from one document to the next."""
    if not isinstance(extension, str):
        return False  # an Extension object handed over by Python code: unknown
    return extension in _BUILT_IN or extension.startswith(_RESETTING_PACKAGES)


class NotesConverter:
    """One Markdown converter for every page of one build, set up like MkDocs sets up its own."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.markdown = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )

    @classmethod
    def for_build(cls, config: MkDocsConfig) -> NotesConverter | None:
        """A converter for this build's pages, or None where MkDocs' own render must run."""
        if not enabled(NAME):
            return None
        if not COPIES_ENGINE:
            log.debug(
                f"{NAME}: off, {ENGINE} {VERSION}'s Page.render is not the one copied; it renders each page"
            )
            return None
        others = [name for name in config["markdown_extensions"] if not resets_cleanly(name)]
        if others:
            log.debug(f"{NAME}: off, an extension may keep state between pages: {others[0]}")
            return None
        return cls(config)

    def render(self, page: mkdocs_pages.Page, config: MkDocsConfig, files: Files) -> None:
        """What `mkdocs.structure.pages.Page.render` does, with the converter reset instead of rebuilt."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.markdown.reset()
        raw_html = mkdocs_pages._RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if _LINKS_ALWAYS or mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


class NotesPage(mkdocs_pages.Page):
    """An entry page: its notes are converted by the build's shared converter when there is one."""

    converter: NotesConverter | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.converter is None:
            super().render(config, files)
        else:
            self.converter.render(self, config, files)

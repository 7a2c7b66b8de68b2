"""The site's files as MkDocs holds them: the pages a `JournalSite` plans, and the theme's own copies."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel

from growthlog.engines.mkdocs.speedups.notes_converter import NotesConverter, NotesPage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from growthlog.build.site_plan import SitePlan


class EntryFile(File):
    """A page's source, with its own answer to MkDocs' "was this modified?".

    `mkdocs serve --dirty` rebuilds only the pages whose file `is_modified()`. A file
    generated from content always says yes, which would rebuild every page on every
    save; the site knows better (see build/site_plan.py).
    """

    rebuild: bool = True

    def is_modified(self) -> bool:
        return self.rebuild


def place_pages(files: Files, plan: SitePlan, config: MkDocsConfig, converter: NotesConverter | None) -> None:
    """Replace every documentation page of `files` by the planned pages, and add the planned files."""
    for file in list(files.documentation_pages(inclusion=InclusionLevel.all)):
        files.remove(file)
    for page in plan.pages:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        page_file = EntryFile.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
        assert isinstance(page_file, EntryFile)
        page_file.rebuild = page.rebuild
        files.append(page_file)
        if page.has_notes:
            NotesPage(None, page_file, config).converter = converter  # MkDocs uses the file's page
    for static in plan.files:
        existing = files.get_file_from_path(static.src_uri)
        if existing is not None:
            if not static.replaces:
                continue
            files.remove(existing)
        files.append(File.generated(config, static.src_uri, content=static.content))


def docs_files(files: Files, config: MkDocsConfig) -> list[File]:
    """The files of the docs folder MkDocs would copy as they are (not pages, not the theme's, not generated)."""
    docs = os.path.normpath(config.docs_dir)
    return [
        file
        for file in files
        if file.generated_by is None
        and file.src_dir is not None
        and os.path.normpath(file.src_dir) == docs
        and not file.is_documentation_page()
    ]


def configured_files(config: MkDocsConfig) -> list[str]:
    """Files of the docs folder the configuration names: extra stylesheets and scripts, favicon, logo."""
    named: list[str] = [str(getattr(item, "path", item)) for item in config.extra_css]
    named += [str(getattr(item, "path", item)) for item in config.extra_javascript]
    named += [str(config.theme[key]) for key in ("favicon", "logo") if config.theme.get(key)]
    return [path.lstrip("/") for path in named if "://" not in path]


def held_back(files: Iterable[File], serving: bool) -> list[File]:
    """The files MkDocs' own settings leave out of this build: `exclude_docs`, and `draft_docs` unless serving."""
    left = {InclusionLevel.EXCLUDED} if serving else {InclusionLevel.EXCLUDED, InclusionLevel.DRAFT}
    return [file for file in files if file.inclusion in left]


def theme_copies(files: Files, config: MkDocsConfig) -> dict[str, Path]:
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

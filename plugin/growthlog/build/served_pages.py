"""What a `--dirty` rebuild gets wrong about removed pages, put right.

A dirty rebuild writes only the pages it rebuilds into the served folder and never
cleans it, so the page of a deleted or renamed entry stayed reachable at its old
address until the serve restarted. The site knows every page each build made: after
a rebuild, the files of the pages the last build made and this one did not are
deleted from the served folder. (The search index drops them already: the engine's
speedups/search_index.py keeps the sections of unchanged pages only.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries.urls import entry_url

if TYPE_CHECKING:
    from collections.abc import Iterable


def page_file(src_uri: str, directory_urls: bool) -> str:
    """The file the engine writes a page's HTML to, relative to the site folder (with `/`)."""
    url = entry_url(src_uri, directory_urls)
    return f"{url}index.html" if url == "" or url.endswith("/") else url


def remove_pages(site_dir: str, gone: Iterable[str], directory_urls: bool) -> list[str]:
    """Delete the built files of the pages `gone` (source paths) from `site_dir`; return those deleted.

    Only files inside `site_dir` are touched; a page's folder goes too once it is empty.
    """
    site = Path(site_dir).resolve()
    removed = []
    for src_uri in sorted(gone):
        path = (site / page_file(src_uri, directory_urls)).resolve()
        if not path.is_relative_to(site) or not path.is_file():
            continue
        path.unlink()
        removed.append(src_uri)
        folder = path.parent
        while folder != site and folder.is_relative_to(site):
            try:
                os.rmdir(folder)  # only while empty: an entry page's own folder, and then its month's
            except OSError:
                break
            folder = folder.parent
    return removed

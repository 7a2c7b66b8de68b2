"""`growthlog export --format markdown`: the journal as plain Markdown pages any engine can build.

The supported way to another engine (Zensical, Hugo, Jekyll...): those would skip the
growthlog plugin if pointed at the journal's own config, and publish every private part
of it. Here growthlog does its work first, in publish mode, and writes only what a
published site may show:

- one page per journal page (home, timeline, lessons, questions, plan, progress,
  insights), its HTML as growthlog renders it, in a raw HTML block;
- one page per entry that is not a draft: its laid-out header (HTML), then its notes as
  Markdown with every private block and HTML comment taken out;
- growthlog's stylesheets in one file, `growthlog.css`, for the engine's extra CSS.

No front matter of an entry is copied (it holds the private fields): each page gets a
front matter of its own with its title only. Other files of the entries folder
(images...) are not copied: publishing is by allow-list.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from growthlog.entries.private_parts import public_markdown, strip_comments
from growthlog.pages.journal_pages import journal_pages
from growthlog.pages.renderer import ASSETS, Renderer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from growthlog.journal.journal import Journal

#: growthlog's stylesheets, in one file for the engine's extra CSS (in the order the plugin loads them).
STYLESHEET = "growthlog.css"

# A blank line ends a raw HTML block in CommonMark engines (Hugo, markdown-it...), which would
# then read the indented lines after it as code: the HTML is written without blank lines.
_BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")


def markdown_pages(journal: Journal) -> Iterator[tuple[str, str]]:
    """Every file of the export, as (name relative to the output folder with `/`, text).

    `journal` must be in publish mode (drafts out, private parts hidden): the pages are
    rendered as a published build renders them.
    """
    if journal.settings.shows_private:
        raise ValueError("the Markdown export is of the published journal: pass a journal in publish mode")
    renderer = Renderer(journal)
    for page in journal_pages(journal):  # the prep sheets of upcoming rounds too: home links them
        body = _html_block(renderer.page(page))
        notes = page.markdown.strip()  # a prep sheet's round's public notes (journal_pages cut them)
        yield page.src_uri, _page(page.title, f"{body}\n\n{notes}" if notes else body)
    for entry in journal.entries:
        header = _html_block(renderer.entry_header(entry))
        notes = public_markdown(entry.body).strip()
        body = f"{header}\n\n## Notes\n\n{notes}" if notes else header
        yield entry.path, _page(entry.title, body)
    sheets = sorted(ASSETS.glob("*.css"))
    yield STYLESHEET, "\n".join(f"/* {s.name} */\n{s.read_text(encoding='utf-8')}" for s in sheets)


def _html_block(html: str) -> str:
    return _BLANK_LINES.sub("", strip_comments(html)).strip()


def _page(title: str, body: str) -> str:
    # A JSON string is a YAML string too, whatever the title holds.
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{body}\n"

"""The text of growthlog's own HTML as the search index needs it, without the layout markup.

MkDocs' and Material's search plugins feed every page through Python's
`html.parser` and keep only the headings (whose ids become the result links),
the text, and a few block tags. Their cost grows with the number of tags, and an
entry header is mostly tags: badges, tables, columns (260 in a typical entry
against 13 in its Markdown notes). At 1,000 entries that parsing cost more than
a whole build of the same pages without growthlog. So the search plugin is handed
the headings and the text only (see `GrowthlogPlugin.on_page_context`): the same
words in the same sections. The page itself is rendered with the full markup.

A journal page (timeline, lessons, questions, ...) is indexed by its headings and
the paragraphs that lead each of them (`journal_search_html`): what the page and
each section are about. Its lists, tables and cards repeat lessons, questions,
answers and plan items whose own entry page is indexed in full; indexing them
again gave every phrase up to four more hits and made a third of the index.
"""

from __future__ import annotations

import re

#: Every tag but a heading (headings make the index's sections, linked by their ids).
_LAYOUT_TAG = re.compile(r"<(?!/?h[1-6][\s>])[^>]*>")
_SPACES = re.compile(r"\s{2,}")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags that may lead a section: a paragraph and what a paragraph holds.
_LEAD_TAGS = frozenset(
    {"p", "a", "span", "strong", "em", "b", "i", "code", "time", "small", "br", "abbr", "mark", "sub", "sup"}
)


def search_html(html: str) -> str:
    """`html` (growthlog's own markup, never Markdown output) with its layout tags removed.

    Only for HTML growthlog renders itself: autoescape guarantees no raw `<` in
    text or attributes, and it has no `<pre>` whose spacing would matter. Every
    dropped tag becomes a space so that list items, cells and badges do not run together.
    """
    return _SPACES.sub(" ", _LAYOUT_TAG.sub(" ", html))


def journal_search_html(html: str) -> str:
    """A journal page's headings and lead paragraphs, as `search_html` gives them; the rest left out.

    A lead paragraph is one of the paragraphs right after a heading, before any
    other block (a list, table, card, figure...): it says what the section is
    about. Same input rule as `search_html`: growthlog's own markup only.
    """
    kept: list[str] = []
    keeping = False  # in a heading or the lead paragraphs after it
    in_heading = False
    start = 0
    for tag in _TAG.finditer(html):
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _HEADINGS:
            # The heading tags stay: their ids make the index's sections.
            kept.extend((html[start : tag.start()] if keeping else "", tag.group(0)))
            keeping, in_heading = True, not closing
        elif in_heading or (keeping and (closing or name in _LEAD_TAGS)):
            kept.extend((html[start : tag.start()], " "))
        elif keeping:
            # Any other block (a list, table, card, figure...) ends the lead.
            kept.extend((html[start : tag.start()], " "))
            keeping = False
        start = tag.end()
    if keeping:
        kept.append(html[start:])
    return _SPACES.sub(" ", "".join(kept))

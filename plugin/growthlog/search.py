"""The text of growthlog's own HTML as the search index needs it, without the layout markup.

MkDocs' and Material's search plugins feed every page through Python's
`html.parser` and keep only the headings (whose ids become the result links),
the text, and a few block tags. Their cost grows with the number of tags, and an
entry header is mostly tags: badges, tables, columns (260 in a typical entry
against 13 in its Markdown notes). At 1,000 entries that parsing cost more than
a whole build of the same pages without growthlog. So the search plugin is handed
the headings and the text only (see `GrowthlogPlugin.on_page_context`): the same
words in the same sections. The page itself is rendered with the full markup.
"""

from __future__ import annotations

import re

#: Every tag but a heading (headings make the index's sections, linked by their ids).
_LAYOUT_TAG = re.compile(r"<(?!/?h[1-6][\s>])[^>]*>")
_SPACES = re.compile(r"\s{2,}")


def search_html(html: str) -> str:
    """`html` (growthlog's own markup, never Markdown output) with its layout tags removed.

    Only for HTML growthlog renders itself: autoescape guarantees no raw `<` in
    text or attributes, and it has no `<pre>` whose spacing would matter. Every
    dropped tag becomes a space so that list items, cells and badges do not run together.
    """
    return _SPACES.sub(" ", _LAYOUT_TAG.sub(" ", html))

"""The table of contents of a generated page, read back from the headings its template rendered."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

#: Headings deeper than this stay out of the table of contents (they would crowd it).
MAX_LEVEL = 3


@dataclass(slots=True)
class Heading:
    """One heading with an id; `title` is escaped HTML, ready to print."""

    level: int
    id: str
    title: str
    children: list[Heading] = field(default_factory=list)


#: A heading with an id, as growthlog's own templates write them (autoescaped, so no raw `<`
#: or `"` inside text or attribute values): a regex is exact here, and 30x quicker than
#: feeding megabytes of generated pages through html.parser.
_HEADING = re.compile(rf'<h([1-{MAX_LEVEL}])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1\s*>', re.S)
_TAG = re.compile(r"<[^>]*>")


def _found(page_html: str) -> list[tuple[int, str, str]]:
    found = []
    for level, ident, inner in _HEADING.findall(page_html):
        text = " ".join(html.unescape(_TAG.sub("", inner)).split())
        found.append((int(level), html.unescape(ident), html.escape(text, quote=False)))
    return found


def headings(page_html: str) -> list[Heading]:
    """The h1-h3 headings that carry an id, nested by level (h2 under the h1 before it...)."""
    roots: list[Heading] = []
    stack: list[Heading] = []
    for level, ident, title in _found(page_html):
        heading = Heading(level, ident, title)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    return roots

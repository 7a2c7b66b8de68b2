"""The table of contents of a generated page, read back from the headings its template rendered."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

#: Headings deeper than this stay out of the table of contents (they would crowd it).
MAX_LEVEL = 3
#: A page with more h3 headings than this lists only its h2 sections in the table of contents:
#: the sidebar is for moving between sections, and one row per question, lesson theme or month
#: made it longer than the page (1.7 MB of Material's markup at 1,000 entries). The headings
#: keep their ids, so in-page links still work.
MAX_SUBSECTIONS = 15


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
    """The h1-h3 headings that carry an id, nested by level (h2 under the h1 before it...).

    The h3 headings are left out when there are more than MAX_SUBSECTIONS of them.
    """
    found = _found(page_html)
    if sum(1 for level, _, _ in found if level == MAX_LEVEL) > MAX_SUBSECTIONS:
        found = [h for h in found if h[0] < MAX_LEVEL]
    roots: list[Heading] = []
    stack: list[Heading] = []
    for level, ident, title in found:
        heading = Heading(level, ident, title)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    return roots

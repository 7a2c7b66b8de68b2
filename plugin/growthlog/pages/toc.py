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
#: The permalink Markdown's toc extension puts inside a heading: not part of its title.
_PERMALINK_TAG = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def _found(page_html: str) -> list[tuple[int, str, str]]:
    found = []
    for level, ident, inner in _HEADING.findall(page_html):
        text = " ".join(html.unescape(_TAG.sub("", _PERMALINK_TAG.sub("", inner))).split())
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


def merged_headings(own: list[Heading], notes: list[Heading], under: str = "notes") -> list[Heading]:
    """A page's own headings, then its notes' headings, as one table of contents.

    A table of contents lists the sections of a page's single h1: the notes' headings go
    under it, inside the own heading `under` ("Notes") that introduces them when it is the last one.
    """
    parent = own[0].children if len(own) == 1 and own[0].level == 1 else own
    if parent and parent[-1].id == under and not parent[-1].children:
        parent[-1].children.extend(notes)
    else:
        parent.extend(notes)
    return own


#: Any id attribute, as growthlog's templates and Markdown write them.
_ANY_ID = re.compile(r'\sid="([^"]+)"')
#: A heading's id as Markdown's toc extension writes it, and the permalink it adds inside.
_HEADING_ID = re.compile(r'(<h[1-6]\b[^>]*?\sid=")([^"]+)(")')
_PERMALINK = re.compile(r'(<a class="headerlink" href="#)([^"]+)(")')


def heading_ids(page_html: str) -> list[str]:
    """The ids of every heading (h1-h6) of `page_html`, in order."""
    return [match[1] for match in _HEADING_ID.findall(page_html)]


def taken_ids(page_html: str) -> set[str]:
    """Every id the page's own HTML (an entry's header, a prep sheet) uses."""
    return set(_ANY_ID.findall(page_html))


def unique_ids(wanted: list[str], taken: set[str]) -> dict[str, str]:
    """New ids for those of `wanted` (the notes' heading ids) that `taken` already uses.

    The page's own sections keep their ids (links to `#questions` go on working); a
    notes heading "Questions" becomes `questions_1`, as Markdown's toc extension numbers
    a second heading of the same name.
    """
    used = taken | set(wanted)
    renames: dict[str, str] = {}
    for ident in wanted:
        if ident not in taken or ident in renames:
            continue
        n = 1
        while f"{ident}_{n}" in used:
            n += 1
        renames[ident] = f"{ident}_{n}"
        used.add(renames[ident])
    return renames


def rename_heading_ids(notes_html: str, renames: dict[str, str]) -> str:
    """The notes' HTML with the headings of `renames` (and their permalinks) given their new ids."""
    if not renames:
        return notes_html

    def swap(match: re.Match[str]) -> str:
        return match[1] + renames.get(match[2], match[2]) + match[3]

    return _PERMALINK.sub(swap, _HEADING_ID.sub(swap, notes_html))

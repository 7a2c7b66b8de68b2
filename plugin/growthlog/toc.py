"""The table of contents of a generated page, read back from the headings its template rendered."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Headings deeper than this stay out of the table of contents (they would crowd it).
MAX_LEVEL = 3


@dataclass(slots=True)
class Heading:
    """One heading with an id; `title` is escaped HTML, ready to print."""

    level: int
    id: str
    title: str
    children: list[Heading] = field(default_factory=list)


class _HeadingParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" and int(tag[1]) <= MAX_LEVEL:
            ident = dict(attrs).get("id")
            if ident:
                self._open, self._text = (int(tag[1]), ident), []

    def handle_endtag(self, tag: str) -> None:
        if self._open and tag == f"h{self._open[0]}":
            level, ident = self._open
            text = " ".join("".join(self._text).split())
            self.found.append((level, ident, html.escape(text, quote=False)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def headings(page_html: str) -> list[Heading]:
    """The h1-h3 headings that carry an id, nested by level (h2 under the h1 before it...)."""
    parser = _HeadingParser()
    parser.feed(page_html)
    parser.close()
    roots: list[Heading] = []
    stack: list[Heading] = []
    for level, ident, title in parser.found:
        heading = Heading(level, ident, title)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(heading)
        stack.append(heading)
    return roots

"""What of an entry's notes is private: the one definition every rule reads.

The documented syntax for a private part of an entry's notes is a `private`
admonition (`!!! private`, or the collapsible `??? private` / `???+ private`), so
it renders as a marked box in a local preview; a publish build removes it before
Markdown sees it. HTML comments are private too: nobody writes one for readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

# The admonition and details openers of Python-Markdown / pymdownx: `!!! type "Title"`,
# where the space after the marker is optional and `type` may be a list of classes.
_OPENER = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +\"(?P<title>.*)\")?[ \t]*$"
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class PrivatePart:
    """One private block of a body, and the line of the body where it starts (0-based)."""

    line: int
    text: str


def _is_private_opener(line: str) -> re.Match[str] | None:
    match = _OPENER.match(line)
    if match and "private" in match["classes"].casefold().split():
        return match
    return None


def _private_blocks(lines: list[str]) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Each private block of a body's lines: its first line, the line after it, its opener.

    A block is the opener line plus every following line that is blank or indented
    deeper than the opener: the lines Python-Markdown would put in the box. Openers
    are recognised at any indentation (a private box inside a list item is private
    too); inside a code block that over-removes, which is the safe direction.
    """
    i = 0
    while i < len(lines):
        opener = _is_private_opener(lines[i])
        if opener is None:
            i += 1
            continue
        start, depth = i, _depth(lines[i])
        i += 1
        while i < len(lines) and (not lines[i].strip() or _depth(lines[i]) > depth):
            i += 1
        yield start, i, opener


def split_private(body: str) -> tuple[str, tuple[PrivatePart, ...]]:
    """The body without its private blocks (each becomes one blank line), and the blocks removed."""
    if "!!!" not in body and "???" not in body:  # every opener has one: most bodies have no block
        return body, ()
    return _split_private_lines(body)


def _split_private_lines(body: str) -> tuple[str, tuple[PrivatePart, ...]]:
    lines = body.split("\n")
    kept: list[str] = []
    parts: list[PrivatePart] = []
    end = 0
    for start, stop, opener in _private_blocks(lines):
        kept += lines[end:start]
        block = [opener["title"] or ""] + [line.strip() for line in lines[start + 1 : stop]]
        parts.append(PrivatePart(start, "\n".join(line for line in block if line)))
        kept.append("")
        end = stop
    kept += lines[end:]
    return "\n".join(kept), tuple(parts)


def public_lines(body: str) -> Iterator[tuple[int, str]]:
    """The lines of a body a publish build shows, each with its line in the body (0-based)."""
    lines = body.split("\n")
    end = 0
    for start, stop, _opener in _private_blocks(lines):
        yield from ((i, lines[i]) for i in range(end, start))
        end = stop
    yield from ((i, lines[i]) for i in range(end, len(lines)))


def _depth(line: str) -> int:
    """Indentation of a line in columns, tabs counting as four (as Python-Markdown does)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def strip_comments(html: str) -> str:
    """Remove HTML comments from rendered notes.

    Python-Markdown passes `<!-- ... -->` through to the page, where any visitor can
    read it with "view source"; people write them believing they are hidden. In
    rendered HTML a comment typed inside code is already escaped (`&lt;!--`), so only
    real comments are removed; an unclosed one hides the rest, so the rest goes.
    """
    return _COMMENT.sub("", html) if "<!--" in html else html

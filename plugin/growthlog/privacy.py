"""What never leaves the machine: private body parts and private values.

The documented syntax for a private part of an entry's notes is a `private`
admonition (`!!! private` or the collapsible `??? private`), so it renders as a
marked box in a local preview; a publish build removes it before Markdown sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENER = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+private(?:[ \t].*)?$")


@dataclass(frozen=True, slots=True)
class PrivatePart:
    """One private block of a body, and the line of the body where it starts."""

    line: int
    text: str


def split_private(body: str) -> tuple[str, tuple[PrivatePart, ...]]:
    """The body without its private blocks, and the blocks removed.

    A block is the opener line plus every following line that is indented or blank,
    exactly the lines Python-Markdown's admonition extension would put in the box.
    """
    lines = body.split("\n")
    kept: list[str] = []
    parts: list[PrivatePart] = []
    i = 0
    while i < len(lines):
        if _OPENER.match(lines[i]):
            start = i
            i += 1
            while i < len(lines) and (not lines[i].strip() or lines[i][:1] in (" ", "\t")):
                i += 1
            block = [line.strip() for line in lines[start + 1 : i] if line.strip()]
            parts.append(PrivatePart(start, "\n".join(block)))
            kept.append("")
            continue
        kept.append(lines[i])
        i += 1
    return "\n".join(kept), tuple(parts)

"""HTML ids for sections built from user text: ASCII, predictable, never colliding."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII id fragment for `text` ("Lumen Labs / Senior" -> "lumen-labs-senior")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or fallback


class Anchors:
    """Hands out ids once each: a second "acme" becomes "acme-2"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{slugify(text)}"
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        return candidate

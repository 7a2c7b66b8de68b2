"""The leak scan: look for every secret in every file of a built site.

Defence in depth behind the removal of private data before rendering: whatever
put a private value into a page (a template override, another plugin, a value
also typed into public notes), the publish build fails and names the entry and
the output file.

One pass per file. Each file is read once and brought to a canonical form (JSON
escapes and HTML entities decoded, whitespace collapsed), so that a value is
found whether it was printed raw, HTML-escaped or JSON-escaped (the search
index). Its words go into a set; a secret is only checked in full when its
rarest-looking word (the longest one) is in that set, which keeps the cost close
to reading the files, however many secrets the journal has.
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from growthlog.privacy import normalise

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from collections.abc import Set as AbstractSet
    from pathlib import Path

    from growthlog.privacy import Secret

_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_JSON_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})")
# The other JSON escapes, replaced with str.replace (C speed): whitespace ones become a
# space, since whitespace is collapsed anyway; an escaped backslash is decoded last.
_JSON_SIMPLE = (("\\n", " "), ("\\r", " "), ("\\t", " "), ('\\"', '"'), ("\\/", "/"), ("\\\\", "\\"))
# Entities as escapers write them (always with the semicolon); html.unescape alone would
# also try every `&word` of a script, which is slow on large bundles.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Compressed copies (sitemap.xml.gz) are scanned decompressed, up to this size.
_MAX_UNZIPPED = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Leak:
    """A secret found in a file of the site (`file` relative to the site folder)."""

    secret: Secret
    file: str

    def __str__(self) -> str:
        return f"{self.file} contains {self.secret.what} of entry {self.secret.entry}"


def _unicode(match: re.Match[str]) -> str:
    return chr(int(match[1], 16))


def _entity(match: re.Match[str]) -> str:
    return html.unescape(match[0])


def canonical(text: str) -> str:
    """The text with JSON escapes and HTML entities decoded and whitespace collapsed."""
    if "\\" in text:
        if "\\u" in text:
            text = _JSON_UNICODE.sub(_unicode, text)
        for escape, char in _JSON_SIMPLE:
            text = text.replace(escape, char)
    if "&" in text:
        # Twice: the search index may hold an escaped entity (`&amp;lt;`).
        text = _ENTITY.sub(_entity, _ENTITY.sub(_entity, text))
    return _SPACES.sub(" ", text)


class _Needle:
    """One secret as the scanner looks for it: an anchor word and the whole text."""

    __slots__ = ("anchor", "bounded_after", "bounded_before", "secret", "text")

    def __init__(self, secret: Secret) -> None:
        self.secret = secret
        self.text = normalise(secret.text)
        words = _WORD.findall(self.text)
        self.anchor = max(words, key=len) if words else ""
        # A secret is found only as whole words: "Berg" is not in "Bergen".
        self.bounded_before = _is_word(self.text[:1])
        self.bounded_after = _is_word(self.text[-1:])

    def found_in(self, text: str, words: AbstractSet[str]) -> bool:
        if self.anchor not in words:
            return False
        if self.text == self.anchor:
            return True  # a single word: being in the word set is being there as a whole word
        # str.find, not a regex: a pattern that starts with a lookbehind is scanned
        # position by position, 50 times slower than the fast substring search.
        size = len(self.text)
        start = text.find(self.text)
        while start != -1:
            end = start + size
            if not (self.bounded_before and start > 0 and _is_word(text[start - 1])) and not (
                self.bounded_after and end < len(text) and _is_word(text[end])
            ):
                return True
            start = text.find(self.text, start + 1)
        return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class LeakScanner:
    """Finds secrets in built files; build it once, scan as many files as needed."""

    def __init__(self, secrets: Iterable[Secret]) -> None:
        self.by_anchor: dict[str, list[_Needle]] = {}
        for secret in secrets:
            needle = _Needle(secret)
            if needle.anchor:
                self.by_anchor.setdefault(needle.anchor, []).append(needle)

    @cached_property
    def anchors(self) -> frozenset[str]:
        return frozenset(self.by_anchor)

    def __len__(self) -> int:
        return sum(len(needles) for needles in self.by_anchor.values())

    def scan_text(self, text: str) -> list[Secret]:
        """Every secret found in `text` (raw, HTML-escaped or JSON-escaped)."""
        if not self.by_anchor:
            return []
        text = canonical(text)
        words = self.anchors.intersection(_WORD.findall(text))
        return [
            needle.secret
            for anchor in sorted(words)
            for needle in self.by_anchor[anchor]
            if needle.found_in(text, words)
        ]

    def scan_site(self, site: Path, copied: Mapping[str, Path] | None = None) -> list[Leak]:
        """Every secret in every file under `site`, one leak per (secret, file).

        `copied` maps site files (relative, with `/`) to the installed theme's files
        they were copied from: a file still identical to its source, byte for byte,
        holds nothing of the journal and is not scanned (Material ships 3 MB of them).
        """
        copied = copied or {}
        leaks: list[Leak] = []
        for path in _files(site):
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            source = copied.get(rel)
            if source is not None and _same_bytes(source, data):
                continue
            leaks += [Leak(secret, rel) for secret in self.scan_text(_decode(path, data))]
        return leaks


def _files(site: Path) -> Iterator[Path]:
    for path in sorted(site.rglob("*")):
        if path.is_file():
            yield path


def _same_bytes(source: Path, data: bytes) -> bool:
    try:
        return source.stat().st_size == len(data) and source.read_bytes() == data
    except OSError:
        return False


def _decode(path: Path, data: bytes) -> str:
    if path.suffix == ".gz":
        try:
            with gzip.open(path) as handle:
                data = handle.read(_MAX_UNZIPPED)
        except (OSError, EOFError):
            pass  # not really gzip: scan the bytes as they are
    return data.decode("utf-8", errors="replace")


def describe(leaks: Sequence[Leak], limit: int = 20) -> str:
    """A message for a failed build: each leak on a line, never the secret itself.

    The value is not quoted, because build logs (CI) may be public.
    """
    lines = [f"  {leak}" for leak in leaks[:limit]]
    if len(leaks) > limit:
        lines.append(f"  ... and {len(leaks) - limit} more")
    return "\n".join(lines)

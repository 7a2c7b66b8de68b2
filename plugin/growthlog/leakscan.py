"""The leak scan: look for every secret in every file of a built site.

Defence in depth behind the removal of private data before rendering: whatever
put a private value into a page (a template override, another plugin, a value
also typed into public notes), the publish build fails and names the entry and
the output file.

One pass per file. Each file is read once and brought to a canonical form (JSON
escapes and HTML entities decoded, whitespace collapsed), so that a value is
found whether it was printed raw, HTML-escaped or JSON-escaped (the search
index). Its words go into a set; a secret is searched for only when all its
words (and, for a long one, all its runs of three words) are in the file, so the
cost stays close to reading the files, however many secrets the journal has.
"""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.privacy import normalise

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    return _SPACES.sub(" ", _decoded(text))


def _decoded(text: str) -> str:
    if "\\" in text:
        if "\\u" in text:
            text = _JSON_UNICODE.sub(_unicode, text)
        for escape, char in _JSON_SIMPLE:
            text = text.replace(escape, char)
    if "&" in text:
        # Twice: the search index may hold an escaped entity (`&amp;lt;`).
        text = _ENTITY.sub(_entity, _ENTITY.sub(_entity, text))
    return text


#: Secrets of three words or more are checked by runs of this many words (word n-grams).
_GRAM = 3

Gram = tuple[str, ...]


def _grams(words: Sequence[str]) -> set[Gram]:
    """Every run of _GRAM consecutive words (built in C by zip, not in a Python loop)."""
    return set(zip(*(words[i:] for i in range(_GRAM)), strict=False))


class _Needle:
    """One secret as the scanner looks for it: its key word, its words, its n-grams, its text."""

    __slots__ = ("bounded_after", "bounded_before", "grams", "key", "secret", "text", "words")

    def __init__(self, secret: Secret) -> None:
        self.secret = secret
        self.text = normalise(secret.text)
        words = _WORD.findall(self.text)
        # The longest word is the likeliest to be rare: the file is checked for it first.
        self.key = max(words, key=len) if words else ""
        self.words = frozenset(words)
        self.grams: frozenset[Gram] = frozenset(_grams(words)) if len(words) > _GRAM else frozenset()
        # A secret is found only as whole words: "Berg" is not in "Bergen".
        self.bounded_before = _is_word(self.text[:1])
        self.bounded_after = _is_word(self.text[-1:])

    def found_in(self, text: str) -> bool:
        """Whether the canonical `text` holds this secret, as whole words."""
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
        self.by_key: dict[str, list[_Needle]] = {}
        self.count = 0
        for secret in secrets:
            needle = _Needle(secret)
            if needle.key:
                self.by_key.setdefault(needle.key, []).append(needle)
                self.count += 1

    def __len__(self) -> int:
        return self.count

    def scan_text(self, text: str) -> list[Secret]:
        """Every secret found in `text` (raw, HTML-escaped or JSON-escaped).

        Each check is cheaper than the next and runs only if the previous passed:
        the key word in the file's words (one set intersection in C for all secrets),
        every word of the secret, every run of three words, then the text itself.
        """
        if not self.by_key:
            return []
        text = _decoded(text)
        words = _WORD.findall(text)
        present = set(words)
        grams: set[Gram] | None = None  # made only when a long secret gets that far
        collapsed = ""  # the canonical text, made only when a secret gets as far as a search
        found: list[Secret] = []
        for key in sorted(present.intersection(self.by_key)):
            for needle in self.by_key[key]:
                if not present.issuperset(needle.words):
                    continue
                if needle.grams:
                    grams = grams if grams is not None else _grams(words)
                    if not grams.issuperset(needle.grams):
                        continue
                collapsed = collapsed or _SPACES.sub(" ", text)
                if needle.found_in(collapsed):
                    found.append(needle.secret)
        return found

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

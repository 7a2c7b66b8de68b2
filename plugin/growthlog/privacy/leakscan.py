"""The leak scan: look for every secret in every file of a built site.

Defence in depth behind the removal of private data before rendering: whatever
put a private value into a page (a template override, another plugin, a value
also typed into public notes), the publish build fails and names the entry and
the output file.

A file is found to hold a secret when its canonical text (JSON escapes and HTML
entities decoded, whitespace collapsed) holds the secret's text as whole words,
so a value is found whether it was printed raw, HTML-escaped, JSON-escaped (the
search index) or wrapped over lines.

Two steps keep that close to the cost of reading the files. Each file is read a
slice at a time (about a megabyte, cut at whitespace) as bytes and decoded with
C-speed replaces; then one Aho-Corasick automaton (ahocorasick-rs, in Rust)
looks for every secret at once in the slice with all whitespace deleted, which
can only over-report. Only a slice where some secret turned up that way is
collapsed and checked precisely, word boundaries included. No list of words is
ever built, so memory stays flat however large the search index grows.
"""

from __future__ import annotations

import functools
import gzip
import html
import io
import os
import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from ahocorasick_rs import BytesAhoCorasick, MatchKind

from growthlog.privacy.secrets import normalise

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from pathlib import Path

    from growthlog.privacy.secrets import Secret

#: Bytes read at a time. A slice is cut at whitespace, so no escape is ever cut in two.
SLICE_BYTES = 1 << 20
#: Compressed copies (sitemap.xml.gz) are scanned decompressed, up to this size.
_MAX_UNZIPPED = 64 * 1024 * 1024

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w")
# Every character `\s` matches (the same set as str.isspace), as UTF-8: ASCII ones are
# deleted by bytes.translate, the few longer ones by replace.
_ASCII_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_OTHER_SPACES = tuple(
    chr(c).encode()
    for c in (0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
)
_CUT_AT = (b" ", b"\n", b"\t", b"\r")
#: One character `\s` matches, in UTF-8; a run of them stands for a space of a secret.
_WHITESPACE_RUN = (
    rb"(?:[\t\n\x0b\x0c\r\x1c-\x1f ]|\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]"
    rb"|\xe2\x81\x9f|\xe3\x80\x80)+"
)

# JSON escapes, read left to right as a JSON parser does (so `\\n` in JSON text is a backslash and
# an n); a surrogate pair is one character.
_JSON_ESCAPE = re.compile(
    rb"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[nrtbf\"/\\])"
)
_JSON_SHORT = {
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    b'"': b'"',
    b"/": b"/",
    b"\\": b"\\",
}
# Entities as escapers write them (always with the semicolon); html.unescape alone would
# also try every `&word` of a script.
_ENTITY = re.compile(rb"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class Leak:
    """A secret found in a file of the site (`file` relative to the site folder)."""

    secret: Secret
    file: str

    def __str__(self) -> str:
        return f"{self.file} contains {self.secret.what} of entry {self.secret.entry}"


# -- decoding ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _json_char(escape: bytes) -> bytes:
    if len(escape) == 2:
        return _JSON_SHORT[escape[1:]]
    units = [int(escape[i + 2 : i + 6], 16) for i in range(0, len(escape), 6)]
    code = units[0] if len(units) == 1 else 0x10000 + ((units[0] - 0xD800) << 10) + (units[1] - 0xDC00)
    return chr(code).encode("utf-8", "replace")  # a lone surrogate becomes "?", matching nothing


@functools.lru_cache(maxsize=4096)
def _entity_char(entity: bytes) -> bytes:
    return html.unescape(entity.decode("ascii")).encode("utf-8", "replace")


# One regex substitution each, with a cached decoding per distinct escape: a Python call
# per match still, but nothing more (a page may hold thousands of `&#39;`).
def _json_sub(match: re.Match[bytes]) -> bytes:
    return _json_char(match[0])


def _entity_sub(match: re.Match[bytes]) -> bytes:
    return _entity_char(match[0])


def decoded(data: bytes) -> bytes:
    """UTF-8 bytes with JSON escapes and HTML entities decoded (whitespace left as it is)."""
    if b"\\" in data:
        data = _JSON_ESCAPE.sub(_json_sub, data)
    if b"&" in data:
        made_entities = False

        def entity(match: re.Match[bytes]) -> bytes:
            nonlocal made_entities
            char = _entity_char(match[0])
            made_entities = made_entities or char == b"&"
            return char

        data = _ENTITY.sub(entity, data)
        # Twice, when `&amp;` or the like was decoded: the search index may hold an
        # escaped entity (`&amp;lt;`). (A page's other `&`, in scripts, makes no second pass.)
        if made_entities:
            data = _ENTITY.sub(_entity_sub, data)
    return data


def _without_spaces(data: bytes, others: Iterable[bytes] = ()) -> bytes:
    """The bytes without ASCII whitespace and without the `others` (rarer Unicode spaces)."""
    data = data.translate(None, _ASCII_SPACES)
    for space in others:
        data = data.replace(space, b"")
    return data


def canonical(text: str) -> str:
    """The text with JSON escapes and HTML entities decoded and whitespace collapsed."""
    return _SPACES.sub(" ", decoded(text.encode("utf-8", "surrogatepass")).decode("utf-8", "replace"))


# -- matching ---------------------------------------------------------------------------


class _Needle:
    """One secret as the scanner checks it: its canonical text and which ends are word ends."""

    __slots__ = ("_pattern", "bounded_after", "bounded_before", "secret", "text")

    def __init__(self, secret: Secret, text: str) -> None:
        self.secret = secret
        self.text = text
        # A secret is found only as whole words: "Berg" is not in "Bergen".
        self.bounded_before = _is_word(self.text[:1])
        self.bounded_after = _is_word(self.text[-1:])
        self._pattern: re.Pattern[bytes] | None = None

    @property
    def pattern(self) -> re.Pattern[bytes]:
        """The secret in decoded bytes: its words, any run of whitespace between them."""
        if self._pattern is None:
            words = (re.escape(word.encode("utf-8", "surrogatepass")) for word in self.text.split(" "))
            self._pattern = re.compile(_WHITESPACE_RUN.join(words))
        return self._pattern

    def found_in(self, data: bytes) -> bool:
        """Whether decoded `data` holds this secret as whole words, its spaces any whitespace.

        Checked on the bytes, not on a collapsed copy: the character next to a match is
        the same either way (whitespace is no word character), and the regex starts with
        the secret's first word, so it skips ahead at C speed.
        """
        for match in self.pattern.finditer(data):
            start, end = match.span()
            if self.bounded_before and start > 0 and _is_word(_char_before(data, start)):
                continue
            if self.bounded_after and end < len(data) and _is_word(_char_after(data, end)):
                continue
            return True
        return False


def _char_before(data: bytes, at: int) -> str:
    return data[max(0, at - 4) : at].decode("utf-8", "replace")[-1:]


def _char_after(data: bytes, at: int) -> str:
    return data[at : at + 4].decode("utf-8", "replace")[:1]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _forms(secret: str) -> list[str]:
    """The texts a secret is looked for as: itself, and as a page's text decodes it.

    Every file is read with escapes decoded, so a secret holding one (`C:\\new`,
    `&amp;`) printed raw reads decoded: it is looked for that way too, unless that
    leaves no word in it (`&&` is in every script).
    """
    text = normalise(secret)
    if "\\" not in text and "&" not in text:  # nothing to decode (most values): the same text
        return [text] if _WORD.search(text) else []
    return _decoded_forms(text)


def _decoded_forms(text: str) -> list[str]:
    """`_forms` of a normalised text, decoding it."""
    forms = [text] if _WORD.search(text) else []
    decoded_text = normalise(canonical(text))
    if decoded_text not in forms and _WORD.search(decoded_text):
        forms.append(decoded_text)
    return forms


class LeakScanner:
    """Finds secrets in built files; build it once, scan as many files as needed."""

    def __init__(self, secrets: Iterable[Secret]) -> None:
        # Secrets that look alike once spaces are deleted share one pattern of the automaton.
        by_pattern: dict[bytes, list[_Needle]] = {}
        self.count = 0
        for secret in secrets:
            self.count += 1
            for text in _forms(secret.text):
                # Single spaces only are left in the text (see `normalise`).
                pattern = text.replace(" ", "").encode("utf-8", "surrogatepass")
                by_pattern.setdefault(pattern, []).append(_Needle(secret, text))
        self.needles = list(by_pattern.values())
        # The Unicode spaces are patterns too: a slice that has none (nearly all) is spared
        # a dozen passes looking for them. Standard match kind: the only one that reports
        # overlapping matches (one secret inside another).
        self.matcher = (
            BytesAhoCorasick([*by_pattern, *_OTHER_SPACES], matchkind=MatchKind.Standard)
            if by_pattern
            else None
        )
        #: A secret spans at most this many bytes of space-deleted text.
        self.reach = max(map(len, by_pattern), default=0)

    def __len__(self) -> int:
        return self.count

    def scan_text(self, text: str) -> list[Secret]:
        """Every secret found in `text` (raw, HTML-escaped or JSON-escaped)."""
        return self._scan(_slices_of(text.encode("utf-8", "surrogatepass")))

    def scan_site(self, site: Path, copied: Mapping[str, Path] | None = None) -> list[Leak]:
        """Every secret in every file under `site`, one leak per (secret, file).

        `copied` maps site files (relative, with `/`) to the installed theme's files
        they were copied from: a file still identical to its source, byte for byte,
        holds nothing of the journal and is not scanned (Material ships 3 MB of them).
        """
        if self.matcher is None:
            return []
        copied = copied or {}
        leaks: list[Leak] = []
        for rel, path in _files(site):
            source = copied.get(rel)
            if source is not None and _same_bytes(source, path):
                continue
            leaks += [Leak(secret, rel) for secret in self._scan_file(path)]
        return leaks

    def _scan_file(self, path: str) -> list[Secret]:
        found: list[Secret] = []
        if path.endswith(".gz"):
            broken: list[BaseException] = []
            found = self._scan(_unzipped_slices(path, broken))
            if not broken:
                return found
        # Not gzip after all (or damaged): the bytes as they are, too.
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size <= SLICE_BYTES:  # most pages: one slice, no cut
                slices: Iterable[bytes] = [decoded(handle.read())]
            else:
                slices = _slices(handle)
            return list(dict.fromkeys(found + self._scan(slices)))

    def _scan(self, slices: Iterable[bytes]) -> list[Secret]:
        """The secrets in a file given as decoded slices, each cut just before whitespace.

        The automaton sees the space-deleted text of the slice after the last `reach`
        bytes of what came before, so a secret across a cut is seen too. A slice with a
        candidate is checked precisely together with enough earlier slices to hold the
        secret's start; since every slice but the first starts with whitespace, the word
        boundary before it is known.
        """
        if self.matcher is None:
            return []
        found: dict[int, Secret] = {}
        tail = b""
        recent: list[tuple[bytes, int]] = []  # decoded slices, and their space-deleted lengths
        secrets = len(self.needles)
        for data in slices:
            squeezed = _without_spaces(data)
            window = tail + squeezed
            hits = self.matcher.find_matches_as_indexes(window, overlapping=True)
            spaces = {_OTHER_SPACES[index - secrets] for index, _start, _end in hits if index >= secrets}
            if spaces:
                squeezed = _without_spaces(squeezed, spaces)
                window = tail + squeezed
                hits = self.matcher.find_matches_as_indexes(window, overlapping=True)
            recent.append((data, len(squeezed)))
            candidates = {index for index, _start, end in hits if end > len(tail) and index < secrets}
            if candidates:
                text = b"".join(d for d, _n in recent)
                for index in candidates:
                    for needle in self.needles[index]:
                        if id(needle.secret) not in found and needle.found_in(text):
                            found[id(needle.secret)] = needle.secret
            tail = window[-self.reach :]
            # Keep the slices that may hold the start of a secret ending in the next one.
            while len(recent) > 1 and sum(n for _d, n in recent[1:]) >= self.reach:
                recent.pop(0)
        return list(found.values())


def _slices_of(data: bytes) -> Iterator[bytes]:
    return _slices(io.BytesIO(data))


def _unzipped_slices(path: str, broken: list[BaseException]) -> Iterator[bytes]:
    """The decompressed slices of a gzip file, up to _MAX_UNZIPPED; an error is noted in `broken`."""
    try:
        with gzip.open(path) as unzipped:
            yield from _slices(unzipped, _MAX_UNZIPPED)  # type: ignore[arg-type]  # GzipFile reads bytes
    except (OSError, EOFError, zlib.error) as err:
        broken.append(err)


def _slices(handle: BinaryIO, limit: int = -1) -> Iterator[bytes]:
    """A file's bytes a slice at a time (up to `limit` bytes), decoded, each cut just before whitespace.

    Escapes and entities hold no whitespace and UTF-8 never encodes a character with
    an ASCII byte, so cutting there splits no character and no escape: decoding the
    slices one by one gives what decoding the whole file would.
    """
    carry = b""
    left = limit
    while left:
        chunk = handle.read(SLICE_BYTES if left < 0 else min(SLICE_BYTES, left))
        if not chunk:
            break
        left -= len(chunk) if left > 0 else 0
        data = carry + chunk
        cut = max(data.rfind(space) for space in _CUT_AT)
        if cut <= 0:  # no whitespace yet: read on
            carry = data
            continue
        yield decoded(data[:cut])
        carry = data[cut:]
    if carry:
        yield decoded(carry)


def _files(site: Path) -> list[tuple[str, str]]:
    """Every file under `site` (symlinks to files too), as (path relative with `/`, path), sorted."""
    # os.walk's strings, not rglob's Path objects: a tenth of the time for thousands of pages.
    found: list[tuple[str, str]] = []
    for folder, _dirs, names in os.walk(site):
        prefix = os.path.relpath(folder, site).replace(os.sep, "/")
        for name in names:
            full = os.path.join(folder, name)
            if os.path.isfile(full):
                found.append((name if prefix == "." else f"{prefix}/{name}", full))
    return sorted(found)


def _same_bytes(source: Path, copy: str) -> bool:
    try:
        if source.stat().st_size != os.path.getsize(copy):
            return False
        with open(copy, "rb") as handle:
            return source.read_bytes() == handle.read()
    except OSError:
        return False


def describe(leaks: Sequence[Leak], limit: int = 20) -> str:
    """A message for a failed build: each leak on a line, never the secret itself.

    The value is not quoted, because build logs (CI) may be public.
    """
    lines = [f"  {leak}" for leak in leaks[:limit]]
    if len(leaks) > limit:
        lines.append(f"  ... and {len(leaks) - limit} more")
    return "\n".join(lines)

"""The leak scan: look for every secret in every file of a built site.

Defence in depth behind the removal of private data before rendering: whatever
put a private value into a page (a template override, another plugin, a value
also typed into public notes), the publish build fails and names the entry and
the output file.

A file is found to hold a secret when the words a reader would read in it hold
the secret's words, consecutively and whole (see `reader_text`): escapes of any
kind decoded (JSON, HTML entities, URL percent-escapes and `+`), Unicode NFKC,
case folded, soft hyphens and zero-width characters ignored, punctuation and
inline tags between words ignored. A private part of the notes is looked for as
every run of `secrets.WORD_RUN` words of it, so a sentence quoted in part is found.

Two steps keep that close to the cost of reading the files. Each file is read a
slice at a time (about a megabyte, cut at whitespace) as bytes, decoded and
squeezed (every separator deleted) with C-speed byte operations; one Aho-Corasick
automaton (ahocorasick-rs, in Rust) looks for every secret's squeezed words at
once, which can only over-report. Only a slice where some secret turned up that
way is read word by word and checked precisely. No list of words is built for
the other slices, so memory stays flat however large the search index grows.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from ahocorasick_rs import BytesAhoCorasick, MatchKind

from growthlog.privacy.reader_text import json_decoded, spoken, squeezed, words
from growthlog.privacy.secrets import forms

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from pathlib import Path

    from growthlog.privacy.secrets import Secret

#: Bytes read at a time. A slice is cut at whitespace, so no escape is ever cut in two.
SLICE_BYTES = 1 << 20
#: A slice with a candidate is read word by word in pieces of this size (reading is slow).
CHECK_BYTES = 1 << 16
#: Compressed copies (sitemap.xml.gz) are scanned decompressed, up to this size.
_MAX_UNZIPPED = 64 * 1024 * 1024
_CUT_AT = (b" ", b"\n", b"\t", b"\r")


@dataclass(frozen=True, slots=True)
class Leak:
    """A secret found in a file of the site (`file` relative to the site folder)."""

    secret: Secret
    file: str
    #: Found in what an encrypting plugin then encrypted (what a reader with the password sees).
    encrypted: bool = False

    def __str__(self) -> str:
        where = f"{self.file} (before encryption)" if self.encrypted else self.file
        return f"{where} contains {self.secret.what} of entry {self.secret.entry}"


# -- matching ---------------------------------------------------------------------------


class _Needle:
    """One form of a secret as the scanner checks it: its words, squeezed and spoken."""

    __slots__ = ("secret", "spoken")

    def __init__(self, secret: Secret, words: Sequence[str]) -> None:
        self.secret = secret
        self.spoken = " " + " ".join(words) + " "


def canonical(text: str) -> str:
    """A text as the scan reads it: its words, folded and decoded, one space between them."""
    return " ".join(words(text))


class LeakScanner:
    """Finds secrets in built files; build it once, scan as many files as needed."""

    def __init__(self, secrets: Iterable[Secret]) -> None:
        # Forms that look alike once squeezed share one pattern of the automaton.
        by_pattern: dict[bytes, list[_Needle]] = {}
        self.count = 0
        for secret in secrets:
            self.count += 1
            for form in forms(secret):
                pattern = "".join(form).encode("utf-8", "surrogatepass")
                by_pattern.setdefault(pattern, []).append(_Needle(secret, form))
        self.needles = list(by_pattern.values())
        self._patterns = list(by_pattern)
        # Standard match kind: the only one that reports overlapping matches (one secret inside another).
        self.matcher = (
            BytesAhoCorasick(list(by_pattern), matchkind=MatchKind.Standard) if by_pattern else None
        )
        #: A secret spans at most this many bytes of squeezed text.
        self.reach = max(map(len, by_pattern), default=0)

    def __len__(self) -> int:
        return self.count

    def scan_text(self, text: str) -> list[Secret]:
        """Every secret found in `text` (raw, HTML-escaped or JSON-escaped)."""
        data = text.encode("utf-8", "surrogatepass")
        return self._read_both(lambda: _slices_of(data))

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
            found = self._read_both(lambda: _unzipped_slices(path, broken))
            if not broken:
                return found
        # Not gzip after all (or damaged): the bytes as they are, too.
        if os.path.getsize(path) <= SLICE_BYTES:  # most pages: one slice, no cut
            with open(path, "rb") as handle:
                page = [json_decoded(handle.read())]
            return list(dict.fromkeys(found + self._read_both(lambda: page)))

        def slices() -> Iterator[bytes]:
            with open(path, "rb") as handle:
                yield from _slices(handle)

        return list(dict.fromkeys(found + self._read_both(slices)))

    def _read_both(self, slices: Callable[[], Iterable[bytes]]) -> list[Secret]:
        """The secrets of a file read as markup (tag names are not words), then read as text
        (`<this>` in JSON may be text): `slices` gives the file's slices afresh for each."""
        found = self._scan(slices(), tags=False)
        return list(dict.fromkeys(found + self._scan(slices(), tags=True)))

    def _scan(self, slices: Iterable[bytes], *, tags: bool, fine: bool = False) -> list[Secret]:
        """The secrets in a file given as decoded slices, each cut just before whitespace.

        The automaton sees the squeezed text of the slice after the last `reach` bytes
        of what came before, so a secret across a cut is seen too. A slice with a
        candidate is read word by word together with enough earlier slices to hold the
        secret's start; since every slice but the first starts with whitespace, no
        word is cut in two. A candidate is often none (`100000` in `boost 1000000`): a
        slice larger than CHECK_BYTES is scanned again in slices of that size (`fine`),
        and only those are read word by word. `tags`: the reading of tag names the
        candidates are found with (see `squeezed`).
        """
        if self.matcher is None:
            return []
        found: dict[int, Secret] = {}
        tail = b""
        recent: list[tuple[bytes, int]] = []  # decoded slices, and their squeezed lengths
        for data in slices:
            squeezed_data = squeezed(data, tags=tags)
            window = tail + squeezed_data
            hits = self.matcher.find_matches_as_indexes(window, overlapping=True)
            recent.append((data, len(squeezed_data)))
            candidates = {index for index, _start, end in hits if end > len(tail)}
            if candidates:
                held = b"".join(d for d, _n in recent)
                if fine or len(held) <= CHECK_BYTES:
                    self._check(held, candidates, found)
                else:
                    # Words are read only around the candidate: the same scan, in small slices.
                    for secret in self._scan(_cut(held, CHECK_BYTES), tags=tags, fine=True):
                        found.setdefault(id(secret), secret)
            tail = window[-self.reach :]
            # Keep the slices that may hold the start of a secret ending in the next one.
            while len(recent) > 1 and sum(n for _d, n in recent[1:]) >= self.reach:
                recent.pop(0)
        return list(found.values())

    def _check(self, data: bytes, candidates: Iterable[int], found: dict[int, Secret]) -> None:
        """Add to `found` the candidates' secrets whose words are really in `data`'s words."""
        as_html = spoken(data)
        as_text: str | None = None  # tag names read as words: `<this>` in JSON may be text
        for index in candidates:
            for needle in self.needles[index]:
                if id(needle.secret) in found:
                    continue
                if needle.spoken not in as_html:
                    as_text = spoken(data, tags=True) if as_text is None else as_text
                    if needle.spoken not in as_text:
                        continue
                found[id(needle.secret)] = needle.secret


def _slices_of(data: bytes) -> Iterator[bytes]:
    return _slices(io.BytesIO(data))


def _unzipped_slices(path: str, broken: list[BaseException]) -> Iterator[bytes]:
    """The decompressed slices of a gzip file, up to _MAX_UNZIPPED; an error is noted in `broken`."""
    try:
        with gzip.open(path) as unzipped:
            yield from _slices(unzipped, _MAX_UNZIPPED)  # type: ignore[arg-type]  # GzipFile reads bytes
    except (OSError, EOFError, zlib.error) as err:
        broken.append(err)


def _cut(data: bytes, size: int) -> Iterator[bytes]:
    """Decoded bytes in slices of about `size`, each cut just before whitespace (decoded again: no)."""
    return _slices(io.BytesIO(data), size=size, decode=bytes)


def _slices(
    handle: BinaryIO, limit: int = -1, size: int = 0, decode: Callable[[bytes], bytes] = json_decoded
) -> Iterator[bytes]:
    """A file's bytes a slice at a time (up to `limit` bytes), JSON-decoded, each cut just before whitespace.

    Escapes and entities hold no whitespace and UTF-8 never encodes a character with
    an ASCII byte, so cutting there splits no character and no escape: decoding the
    slices one by one gives what decoding the whole file would. `size` is SLICE_BYTES
    unless given.
    """
    size = size or SLICE_BYTES
    carry = b""
    left = limit
    while left:
        chunk = handle.read(size if left < 0 else min(size, left))
        if not chunk:
            break
        left -= len(chunk) if left > 0 else 0
        data = carry + chunk
        cut = max(data.rfind(space) for space in _CUT_AT)
        if cut <= 0:  # no whitespace yet: read on
            carry = data
            continue
        yield decode(data[:cut])
        carry = data[cut:]
    if carry:
        yield decode(carry)


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

"""Every piece of text a published site must not contain, for the leak scan (see `leakscan`).

Private values and interviewers, the phrases of each private block (from the same
definition that removes them from the page, `entries.private_parts`), and drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ahocorasick_rs import BytesAhoCorasick

from growthlog.entries.private_parts import DEFAULT_MARKDOWN, PrivateParts
from growthlog.entries.public_fields import public_text
from growthlog.entries.urls import page_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from growthlog.entries.model import Entry
    from growthlog.entries.private_parts import PrivatePart


@dataclass(frozen=True, slots=True)
class Secret:
    """A piece of text that must not appear in a published site.

    `what` names it without quoting it (`private.salary`, `interviewers[0]`,
    `the private block at line 57`), because build logs may be public.
    """

    entry: str
    what: str
    text: str


# -- what the leak scan looks for -----------------------------------------------------

#: A scanned value has at least this many characters; shorter ones ("yes", "no", "3")
#: occur everywhere in a page and would fail every build.
MIN_SECRET_CHARS = 4
#: Pure numbers below this are not scanned either (years, counts, "2026"); a salary is.
MIN_SECRET_NUMBER = 10_000
#: A phrase of a private block or a draft is scanned when it has this many words...
MIN_PHRASE_WORDS = 3
#: ...and this many characters, so that "I said" or "in Q4" do not fail builds.
MIN_PHRASE_CHARS = 16

_NOT_SCANNED_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "none", "todo", "tbd"})
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SPACES = re.compile(r"\s+")
# Characters Markdown (or its extensions) may turn into markup or typography: a phrase
# never spans one, so a phrase of the source is found verbatim in the rendered page.
_MARKUP = re.compile(r"[^\w\s,.;:!?%$€£+=/-]|_|--+|\.\.\.|(?:^|\s)-(?=\s|$)")
_LINE_MARKER = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|#+\s+|>\s*)+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Collapse runs of whitespace: a value wrapped over lines is still the same value."""
    # str.split() splits at exactly the characters `\s` matches, three times faster.
    return " ".join(text.split())


def is_scannable(value: str) -> bool:
    """Whether the leak scan looks for this private value (the documented rule).

    Scanned: any value of at least MIN_SECRET_CHARS characters with a letter or digit
    in it, except true/false/yes/no-like words, ISO dates (they collide with the
    journal's own dates) and pure numbers below MIN_SECRET_NUMBER.
    """
    text = normalise(value)
    if len(text) < MIN_SECRET_CHARS or not _WORD.search(text):
        return False
    if text.casefold() in _NOT_SCANNED_WORDS or _ISO_DATE.fullmatch(text):
        return False
    if _NUMBER.fullmatch(text):
        return abs(float(text.replace(",", ""))) >= MIN_SECRET_NUMBER
    return True


def phrases(text: str) -> Iterator[str]:
    """The runs of plain words in Markdown source long enough to be distinctive.

    Lines are split at markup characters, so each phrase appears unchanged in the
    rendered HTML and in the search index whatever Markdown makes of the rest.
    """
    for line in text.split("\n"):
        for piece in _MARKUP.split(_LINE_MARKER.sub("", line)):
            phrase = normalise(piece).strip(",.;:!?/-+= ")
            if len(phrase) >= MIN_PHRASE_CHARS and len(_WORD.findall(phrase)) >= MIN_PHRASE_WORDS:
                yield phrase


def secrets(
    entries: Iterable[Entry], private_parts: Callable[[str], Sequence[PrivatePart]] | None = None
) -> list[Secret]:
    """Every piece of text a publish build must not contain, for every entry.

    Private values and interviewers (when scannable), the phrases of each private
    part of the notes and, for drafts, their page address and every phrase that no
    published entry also contains (a draft's company may well have published rounds).
    `private_parts` reads a body's private parts with the build's own Markdown
    configuration (`PrivateParts`), the one that removes them from the pages; without
    it, with Python-Markdown's admonitions and PyMdown's details only.
    """
    entries = tuple(entries)
    parts_of = private_parts or PrivateParts(DEFAULT_MARKDOWN)
    found: list[Secret] = []
    for entry in entries:
        for value in entry.private_values:
            if is_scannable(value.value):
                found.append(Secret(entry.path, value.key, normalise(value.value)))
        for part in parts_of(entry.body):
            line = entry.body_line + part.line
            found += [
                Secret(entry.path, f"the private block at line {line}", phrase)
                for phrase in dict.fromkeys(phrases(part.text))
            ]
    drafts = {
        draft.path: list(
            dict.fromkeys(normalise(c) for c in (*_addresses(draft), *phrases(public_text(draft))))
        )
        for draft in entries
        if draft.draft
    }
    if not drafts:
        return found
    published = (text for e in entries if not e.draft for text in (public_text(e), *_addresses(e)))
    shared = _found_in({text for texts in drafts.values() for text in texts}, published)
    for path, texts in drafts.items():
        found += [Secret(path, "the draft's text", text) for text in texts if text not in shared]
    return found


def _found_in(texts: set[str], pieces: Iterable[str]) -> set[str]:
    """Those of `texts` (normalised) found in the normalised text of `pieces` joined by spaces.

    One automaton pass, not one search each; the journal's text (tens of megabytes at
    thousands of entries) is never made whole, nor split into words: the automaton
    reads a megabyte at a time after the end of the one before, each batch normalised
    at once on its bytes (see `_normalised_bytes`).
    """
    patterns = [text.encode() for text in texts if text]
    if not patterns:
        return set()
    automaton = BytesAhoCorasick(patterns)
    reach = max(map(len, patterns)) - 1
    found: set[int] = set()
    tail, batch, size = b"", [], 0
    for piece in pieces:
        text = piece.encode()
        batch.append(text)
        size += len(text) + 1
        if size >= _BATCH_BYTES:
            tail = _search(automaton, tail, batch, reach, found)
            batch, size = [], 0
    _search(automaton, tail, batch, reach, found)
    return {patterns[index].decode() for index in found}


#: How much of the journal's text one automaton pass reads in `_found_in`.
_BATCH_BYTES = 1 << 20


def _search(
    automaton: BytesAhoCorasick, tail: bytes, batch: list[bytes], reach: int, found: set[int]
) -> bytes:
    """Add to `found` the patterns in `tail` then `batch` (space-joined, normalised); return the new tail."""
    window = _normalised_bytes(b" ".join(([tail] if tail else []) + batch))
    found.update(index for index, _start, _end in automaton.find_matches_as_indexes(window, overlapping=True))
    # One byte more than a pattern's reach: the window may end with a space.
    return window[max(0, len(window) - reach - 1) :] if reach else b""


# Every character `str.split()` splits at (`normalise`): the ASCII ones, and in UTF-8 the others.
_ASCII_WHITESPACE = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"
_TO_SPACES = bytes.maketrans(_ASCII_WHITESPACE, b" " * len(_ASCII_WHITESPACE))
_OTHER_WHITESPACE = re.compile(
    rb"\xc2[\x85\xa0]|\xe1\x9a\x80|\xe2\x80[\x80-\x8a\xa8\xa9\xaf]|\xe2\x81\x9f|\xe3\x80\x80"
)
_SPACE_RUN = re.compile(rb"  +")
_ASCII = bytes(range(128))


def _normalised_bytes(data: bytes) -> bytes:
    """UTF-8 text with each run of whitespace made one space, as `normalise` does (ends may keep one).

    On the bytes: a translation and one regex for the double spaces, where splitting a
    megabyte of text into words and joining them again took half of `secrets()`'s time.
    Text with a non-ASCII space (rare) takes `normalise` itself.
    """
    # Looked for among the non-ASCII bytes only (a few in a megabyte of prose): in valid UTF-8
    # each character's bytes stay together when the ASCII ones are deleted.
    if _OTHER_WHITESPACE.search(data.translate(None, _ASCII)):
        # surrogateescape: a batch may start inside a character cut off with the tail.
        return normalise(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
    data = data.translate(_TO_SPACES)
    return _SPACE_RUN.sub(b" ", data) if b"  " in data else data


def _addresses(entry: Entry) -> tuple[str, str]:
    """The entry page's address with and without directory URLs."""
    return page_url(entry.path), entry.path.removesuffix(".md") + ".html"

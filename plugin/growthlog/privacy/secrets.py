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
from growthlog.privacy.reader_text import decoded, json_decoded, words

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
    #: A private part of the notes: looked for as every run of WORD_RUN words of it (see `forms`).
    runs: bool = False


# -- what the leak scan looks for -----------------------------------------------------

#: A scanned value has at least this many characters; shorter ones ("yes", "no", "3")
#: occur everywhere in a page and would fail every build.
MIN_SECRET_CHARS = 4
#: Pure numbers below this are not scanned either (years, counts, "2026"); a salary is.
MIN_SECRET_NUMBER = 10_000
#: A private part of the notes is found when any run of this many consecutive words of
#: it is in a file (all of it when shorter), so a sentence of it quoted in part is found.
WORD_RUN = 8
#: It is looked for as runs of RUN_PATTERN words starting at every RUN_STEP-th word (one of
#: them lies inside any WORD_RUN words): a third of the patterns of every 6-word run, so
#: the automaton stays small enough to be fast.
RUN_PATTERN = 6
RUN_STEP = WORD_RUN - RUN_PATTERN + 1
#: A run is looked for when it has this many words of RUN_LONG_WORD letters or more: "I
#: think it was a good" or "at the end of the day" are everyday runs, not a quote.
RUN_LONG_WORDS = 3
RUN_LONG_WORD = 4
#: A phrase of a draft is scanned when it has this many words...
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


def forms(secret: Secret) -> list[tuple[str, ...]]:
    """The word sequences the leak scan looks for a secret as (words as a reader reads them).

    A value or a phrase: its words, when they hold MIN_SECRET_CHARS letters and digits. A private part: its runs of RUN_PATTERN words that
    start at every RUN_STEP-th word, and the last one, each with RUN_LONG_WORDS words of
    RUN_LONG_WORD letters or more; all its words when it has RUN_PATTERN or fewer.
    """
    found = tuple(words(secret.text))
    if not secret.runs or len(found) <= RUN_PATTERN:
        # A value with escapes in it (`R&amp;D`) may be printed raw and read decoded.
        raw = secret.text.encode("utf-8", "surrogatepass")
        plain = tuple(words(decoded(json_decoded(raw)).decode("utf-8", "replace")))
        # Punctuation is no part of a word: `d/` (a draft's address) is the word `d`, on every page.
        return [form for form in dict.fromkeys((found, plain)) if sum(map(len, form)) >= MIN_SECRET_CHARS]
    starts = [*range(0, len(found) - RUN_PATTERN + 1, RUN_STEP), len(found) - RUN_PATTERN]
    runs = (found[i : i + RUN_PATTERN] for i in starts)
    return list(
        dict.fromkeys(run for run in runs if sum(len(w) >= RUN_LONG_WORD for w in run) >= RUN_LONG_WORDS)
    )


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
            if is_scannable(part.text):
                line = entry.body_line + part.line
                found.append(Secret(entry.path, f"the private block at line {line}", part.text, runs=True))
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
    """Those of `texts` whose words (as a reader reads them) are in the words of `pieces` joined.

    One automaton pass, not one search each; the journal's text (tens of megabytes at
    thousands of entries) is never made whole: the automaton reads a megabyte at a
    time after the end of the one before.
    """
    by_pattern: dict[bytes, list[str]] = {}
    for text in texts:
        found_words = words(text)
        if found_words:
            by_pattern.setdefault(f" {' '.join(found_words)} ".encode(), []).append(text)
    if not by_pattern:
        return set()
    patterns = list(by_pattern)
    automaton = BytesAhoCorasick(patterns)
    reach = max(map(len, patterns))
    found: set[int] = set()
    tail, batch, size = b"", list[str](), 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece) + 1
        if size >= _BATCH_BYTES:
            tail = _search(automaton, tail, batch, reach, found)
            batch, size = [], 0
    _search(automaton, tail, batch, reach, found)
    return {text for index in found for text in by_pattern[patterns[index]]}


#: How much of the journal's text (in characters) one automaton pass reads in `_found_in`.
_BATCH_BYTES = 1 << 20


def _search(automaton: BytesAhoCorasick, tail: bytes, batch: list[str], reach: int, found: set[int]) -> bytes:
    """Add to `found` the patterns in the words of `tail` then `batch`; return the new tail."""
    # Pieces are cut between words (joined by a space), so each batch's words are whole. They are
    # plain text (Markdown source), read as the draft's text is: `attempts=3` in a code block is
    # the words `attempts 3`, not an HTML attribute to leave out.
    read = " ".join(words(" ".join(batch)))
    if not read:
        return tail
    window = (tail or b" ") + read.encode("utf-8", "surrogatepass") + b" "
    found.update(index for index, _start, _end in automaton.find_matches_as_indexes(window, overlapping=True))
    return window[-reach:] if len(window) > reach else window


def _addresses(entry: Entry) -> tuple[str, str]:
    """The entry page's address with and without directory URLs."""
    return page_url(entry.path), entry.path.removesuffix(".md") + ".html"

"""Text as a reader sees it: the one reading both a secret and a built file go through before they are compared.

A reader does not see case, Unicode normal forms, soft hyphens or zero-width
characters, escapes (JSON `\\u00e9`, HTML `&eacute;`, URL `%C3%A9` or `+`), the
punctuation between words, nor the inline tags inside a sentence. So a secret and
a file are each reduced to their words: decoded, NFKC-normalised, case-folded,
without invisible characters; a word is a run of letters and digits (`_` and every
other character separate words). A secret is found when its words appear in a
file's words, consecutively and whole.

Markup is read before entities are decoded: `<em>` is a tag, `&lt;em&gt;` is text.
Two forms, for speed: `squeezed` (every separator deleted, C-speed byte operations:
only a candidate, since words may run together) and `spoken` (the words with single
spaces, precise, read only where the squeezed form found a candidate).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from urllib.parse import unquote_to_bytes

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
_PERCENT = re.compile(rb"%[0-9A-Fa-f]{2}")

#: Characters a reader does not see, deleted (not separators): soft hyphen, zero-width
#: space and joiners, word joiner, invisible operators, BOM, Mongolian vowel separator,
#: combining grapheme joiner.
INVISIBLE = "\u00ad\u034f\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
# Non-ASCII characters that are not letters or digits (dashes, quotes, spaces, marks): separators.
_OTHER_SEPARATORS = re.compile(r"[^\w\x00-\x7f]+")
_SEPARATORS = re.compile(r"[\W_]+")
#: Every ASCII byte that is not a letter or digit: deleted from the squeezed form.
_ASCII_SEPARATORS = bytes(c for c in range(128) if not chr(c).isalnum())
# Tags a sentence holds inside it, written bare by Markdown: a reader reads across them, and
# across a tag inside a word (`sec<wbr>ret`). Other tags' names would run into the words.
_INLINE_NAMES = [
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "small",
    "sub",
    "sup",
    "span",
    "code",
    "kbd",
    "q",
    "cite",
    "abbr",
    "dfn",
    "wbr",
    "a",
    "bdi",
]
# The lookahead (a first letter of one of the names, then a `>` close enough) matches nothing more
# or less; it spares trying 22 names at each of the thousands of `<` of a page (a third of the time).
_INLINE_TAG = re.compile(
    rb"<(?=/?[%s][a-z]{0,%d}>)/?(?:%s)>"
    % (
        "".join(sorted({n[0] for n in _INLINE_NAMES})).encode(),
        max(map(len, _INLINE_NAMES)) - 1,
        "|".join(_INLINE_NAMES).encode(),
    )
)
_TAG = re.compile(rb"</?[A-Za-z][\w:-]*|(?<=\s)[A-Za-z_:][\w:.-]*=")
# The two halves of _TAG for the candidate form, each starting with a literal (`<`, and `=` in
# the reversed bytes), which `re` finds with a fast search instead of trying every position
# after whitespace: half the time on a whole site. Attribute names first: neither half then
# makes a match of the other (`tests/test_leakscan.py` compares them with _TAG).
_TAG_NAME = re.compile(rb"</?[A-Za-z][\w:-]*")
_ATTRIBUTE_NAME_REVERSED = re.compile(rb"=[\w:.-]*[A-Za-z_:](?=\s)")


def without_tag_names(data: bytes) -> bytes:
    """`data` without the tag and attribute names _TAG finds (what `spoken` reads as no words)."""
    if b"=" in data:
        data = _ATTRIBUTE_NAME_REVERSED.sub(b"", data[::-1])[::-1]
    return _TAG_NAME.sub(b"", data) if b"<" in data else data


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


def _json_sub(match: re.Match[bytes]) -> bytes:
    return _json_char(match[0])


def _entity_sub(match: re.Match[bytes]) -> bytes:
    return _entity_char(match[0])


def json_decoded(data: bytes) -> bytes:
    """UTF-8 bytes with JSON escapes decoded (the search index), markup and other escapes left as they are."""
    return _JSON_ESCAPE.sub(_json_sub, data) if b"\\" in data else data


def decoded(data: bytes) -> bytes:
    """UTF-8 bytes with HTML entities and URL percent-escapes decoded (whitespace kept).

    Read after the markup, so that `&lt;b&gt;` is text a reader reads; a second pass
    for escapes that decoding made (`&amp;lt;`, `%2520`, JSON in a URL).
    """
    for _ in range(2):
        before = data
        if b"&" in data:
            data = _ENTITY.sub(_entity_sub, data)
        if b"%" in data and _PERCENT.search(data):
            data = unquote_to_bytes(data)
        if data == before or not (b"&" in data or b"%" in data or b"\\" in data):
            break
        data = json_decoded(data)
    return data


def _folded(text: str) -> str:
    """NFKC, case folding and invisible characters removed (NFKC again: folding can denormalise)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text.lower()
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFKC", text.casefold())


def words(text: str) -> list[str]:
    """The words of a piece of text (a secret, plain text) as a reader reads them."""
    return [word for word in _SEPARATORS.split(_folded(text)) if word]


def _without_inline_tags(data: bytes) -> bytes:
    return _INLINE_TAG.sub(b"", data) if b"<" in data else data


def squeezed(data: bytes, *, tags: bool = True) -> bytes:
    """JSON-decoded bytes as a reader reads them, with every separator deleted: the candidate form.

    Bare inline tags are deleted (a reader reads across them). With `tags`, the names
    of other tags stay and run into the words around them (the text read as text, as
    `spoken(tags=True)` reads it); without, they are deleted with attribute names, as
    `spoken` reads markup, so words a `<br>` or `</li><li>` separates run together.
    Words may run together too: a secret is a candidate wherever its squeezed words
    are, so each form only ever finds too much for its reading.
    """
    data = _without_inline_tags(data)
    if not tags:
        data = without_tag_names(data)
    data = decoded(data)
    if not data.isascii():
        data = _folded_non_ascii(data)
    return data.lower().translate(None, _ASCII_SEPARATORS)


#: Every non-ASCII byte as 0x80, to find them with `bytes.find` (a regex takes ten times longer).
_MARKED = bytes(range(128)) + b"\x80" * 128
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def _folded_non_ascii(data: bytes) -> bytes:
    """`data` with each run of non-ASCII bytes, and the character before it, folded and squeezed.

    Only these pieces of a page (a few symbols in most) go through `_folded`: a fifth of
    the time of folding the whole page, for the same result. An ASCII character is its
    own NFKC form and case folds to its lower case; NFKC composes a combining mark with
    the character before it (taken along) and never with an ASCII character after it;
    a UTF-8 sequence, valid or not, holds no ASCII byte.
    """
    marked = data.translate(_MARKED)
    pieces: list[bytes] = []
    at = 0
    start = marked.find(0x80)
    while start >= 0:
        end = _NON_ASCII.match(data, start).end()  # type: ignore[union-attr]  # a byte >= 0x80 is there
        lead = start - 1 if start > at else start
        pieces += (data[at:lead], _squeezed_piece(data[lead:end]))
        at = end
        start = marked.find(0x80, end)
    pieces.append(data[at:])
    return b"".join(pieces)


@functools.lru_cache(maxsize=4096)
def _squeezed_piece(piece: bytes) -> bytes:
    return _OTHER_SEPARATORS.sub("", _folded(piece.decode("utf-8", "replace"))).encode("utf-8")


def spoken(data: bytes, *, tags: bool = False) -> str:
    """JSON-decoded bytes as a reader reads them: their words, one space between, a space at each end.

    Bare inline tags join what is around them (`sec<wbr>ret`); the names of other tags
    and of attributes are not words of the text (attribute values are), unless `tags`
    (the text may be no HTML at all: `<this>` in a JSON string is text to some readers).
    """
    markup = _without_inline_tags(data)
    if not tags and (b"<" in markup or b"=" in markup):
        markup = _TAG.sub(b" ", markup)
    text = decoded(markup).decode("utf-8", "replace")
    return " " + " ".join(word for word in _SEPARATORS.split(_folded(text)) if word) + " "

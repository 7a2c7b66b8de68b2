"""What of an entry's notes is private: the one definition the page, the search index and the leak scan read.

A private part is any element Markdown draws with the class `private`: an admonition
(`!!! private`, `!!! note private`, `!!! private "Title"`), a details block
(`??? private`, `???+ private`), a PyMdown block (`/// admonition` with
`type: private`), an element of `md_in_html` or `attr_list` with that class; in any
case and at any depth (blockquotes, lists, footnotes, definition lists, tabs).
Markdown, not a regex over lines, decides what is a block, so this is a tree
processor (`PrivatePartsExtension`): a publish build registers it with the
journal's own Markdown configuration, and it drops each such element from the page
before the search index or anyone else sees the HTML. The leak scan's secrets come
from the same processor: `PrivateParts` renders each body once per build with the
same configuration and keeps what the processor removed (`removed_parts`).

HTML comments are private too (nobody writes one for readers): the real ones
Markdown passes through are removed from the HTML, and so is the text of one
Markdown escaped as text instead (opened mid-paragraph across a blank line, or
never closed), from its `<!--` to its `-->` or the end of the notes.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

#: The name a Markdown configuration lists this extension by (Python-Markdown imports it).
EXTENSION = "growthlog.entries.private_parts"

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_OPEN, _CLOSE = "<!--", "-->"
# Python-Markdown's placeholders in the tree: raw HTML kept aside (`\x02wzxhzdk:3\x03`) and
# backslash escapes (`\x0260\x03` is an escaped '<').
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_ESCAPED = re.compile("\x02(\\d+)\x03")
# Where a tag of the body's HTML stands for a line break in the text a reader sees.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|li|ul|ol|dl|dt|dd|br|hr|h[1-6]|pre|blockquote|table|thead|tbody|tr|td|th|"
    r"details|summary|section|figure|figcaption|label|input)\b[^>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
_SHOWN_ATTRIBUTES = ("title", "alt", "label")
# The lines where a private part can start, to name it in messages (never to decide what is private).
_OPENER_LINE = re.compile(
    r"(?:(?:!!!|\?\?\?)\+?[ \t]*(?:[\w-]+[ \t]+)*|type:[ \t]*|\.|class\s*=\s*[\"']?(?:[^\"'\n>]*\s)?)private\b",
    re.IGNORECASE,
)
#: Code, whose `<!--` is shown as typed, not the start of a comment.
_CODE_TAGS = frozenset({"code", "pre", "kbd", "samp"})


@dataclass(frozen=True, slots=True)
class PrivatePart:
    """One private part of a body: the line of the body where it starts (0-based), and its text."""

    line: int
    text: str


def is_private(element: etree.Element) -> bool:
    """Whether Markdown drew this element as a private part (the class `private`, any case)."""
    classes = element.get("class")
    return classes is not None and "private" in classes.casefold().split()


class _RemovePrivateParts(Treeprocessor):  # type: ignore[misc]  # Python-Markdown is untyped
    """Drops every private element and escaped comment from the tree; keeps their text on `found`."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.found: list[str] = []

    def run(self, root: etree.Element) -> None:
        self._drop_private(root)
        _drop_escaped_comments(root)

    def _drop_private(self, parent: etree.Element) -> None:
        for child in list(parent):
            if is_private(child):
                self.found.append(self._text(child))
                _remove(parent, child)
            else:
                self._drop_private(child)

    def _text(self, element: etree.Element) -> str:
        """The text a reader of the element would have seen, one line per block, attributes after."""
        tail, element.tail = element.tail, None
        markup = to_html_string(element)
        element.tail = tail
        stash = self.md.htmlStash.rawHtmlBlocks
        markup = _STASHED.sub(lambda m: _stashed(stash, int(m[1])), markup)
        markup = _ESCAPED.sub(lambda m: chr(int(m[1])), markup)
        shown = [
            value for node in element.iter() for name in _SHOWN_ATTRIBUTES if (value := node.get(name))
        ]
        text = html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", markup)))
        lines = (" ".join(line.split()) for line in [*text.split("\n"), *shown])
        # The title Markdown makes up for an untitled box ("Private") is not the user's text.
        return "\n".join(line for line in lines if line and line.casefold() != "private")


def _stashed(stash: Sequence[object], index: int) -> str:
    if index >= len(stash):
        return ""
    kept = stash[index]
    return kept if isinstance(kept, str) else str(to_html_string(kept))


def _remove(parent: etree.Element, child: etree.Element) -> None:
    """Remove `child`, keeping the text that follows it (its tail) in its place."""
    if child.tail and child.tail.strip():
        index = list(parent).index(child)
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _drop_escaped_comments(root: etree.Element) -> None:
    """Remove what Markdown left as text between `<!--` and `-->` (or the end of the notes).

    The text is walked in the order a reader sees it; `<!--` typed inside code is code.
    Elements wholly inside such a comment go (an image has no text, but it goes too);
    one that contains the comment's end keeps what follows the `-->`.
    """
    inside = False
    doomed: list[tuple[etree.Element, etree.Element]] = []

    def cut(text: str | None, in_code: bool) -> str | None:
        nonlocal inside
        if not text:
            return text
        kept: list[str] = []
        rest = text
        while rest:
            if inside:
                end = rest.find(_CLOSE)
                if end < 0:
                    return "".join(kept)
                rest, inside = rest[end + len(_CLOSE) :], False
            else:
                start = -1 if in_code else rest.find(_OPEN)
                if start < 0:
                    kept.append(rest)
                    break
                kept.append(rest[:start])
                rest, inside = rest[start + len(_OPEN) :], True
        return "".join(kept)

    def walk(element: etree.Element, in_code: bool) -> None:
        nonlocal inside
        element.text = cut(element.text, in_code)
        for child in element:
            started_inside = inside
            walk(child, in_code or child.tag in _CODE_TAGS)
            if started_inside and inside:
                doomed.append((element, child))
            child.tail = cut(child.tail, in_code)

    if _OPEN not in "".join(root.itertext()):
        return
    walk(root, False)
    for parent, child in doomed:
        child.tail = child.tail if child.tail and child.tail.strip() else None
        _remove(parent, child)


def strip_comments(markup: str) -> str:
    """Remove HTML comments from rendered HTML (an unclosed one takes the rest with it).

    In rendered HTML a comment typed inside code is already escaped (`&lt;!--`), so only
    real comments are removed: those Markdown passed through as raw HTML, which any
    visitor can read with "view source".
    """
    return _COMMENT.sub("", markup) if _OPEN in markup else markup


class _StripComments(Postprocessor):  # type: ignore[misc]  # Python-Markdown is untyped
    def run(self, text: str) -> str:
        return strip_comments(text)


class PrivatePartsExtension(Extension):  # type: ignore[misc]  # Python-Markdown is untyped
    """Python-Markdown extension of a publish build: private parts and HTML comments never reach the HTML."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        remover = _RemovePrivateParts(md)
        # After inline parsing (20) and the footnotes' own tree (50), so every block and footnote is
        # there; before attr_list (8) would be too early for `{: .private}`, so after it (7.5), and
        # before abbr (7) and toc (5), so a removed heading makes no table-of-contents entry.
        md.treeprocessors.register(remover, "growthlog_private_parts", 7.5)
        # After raw HTML is put back (30) and the footnotes (25): every real comment is in the text.
        md.postprocessors.register(_StripComments(md), "growthlog_comments", 10)
        md.registerExtension(self)
        self.remover = remover

    def reset(self) -> None:
        self.remover.found = []


def makeExtension(**kwargs: Any) -> PrivatePartsExtension:  # noqa: N802 - Python-Markdown's entry point
    return PrivatePartsExtension(**kwargs)


class PrivateParts:
    """The private parts of entries' bodies, as the build's own Markdown configuration draws them.

    One converter for the whole build, set up with the journal's extensions and this
    one, so what it reports removed is exactly what the pages lose. A body that
    cannot hold a private class is not converted (most bodies).
    """

    def __init__(
        self, extensions: Sequence[str | Extension] = (), configs: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        extension = PrivatePartsExtension()
        listed = [e for e in extensions if e != EXTENSION and not isinstance(e, PrivatePartsExtension)]
        self.markdown = Markdown(
            extensions=[*listed, extension], extension_configs=dict(configs or {})
        )
        self.extension = extension

    def __call__(self, body: str) -> tuple[PrivatePart, ...]:
        return self.of(body)

    def public_html(self, body: str) -> str:
        """The HTML a published page makes of a body: private parts and comments gone (raw HTML
        not yet cleaned: what it holds counts as shown)."""
        self.markdown.reset()
        return str(self.markdown.convert(body))

    def of(self, body: str) -> tuple[PrivatePart, ...]:
        """The private parts of a body in the order they appear, each with its line (best effort)."""
        # A private class is spelled with the word `private`, or with character references in raw HTML.
        if "private" not in body.casefold() and "&" not in body:
            return ()
        self.markdown.reset()
        self.markdown.convert(body)
        texts = self.extension.remover.found
        return tuple(PrivatePart(line, text) for line, text in zip(_lines_of(body, len(texts)), texts))


def _lines_of(body: str, count: int) -> Iterator[int]:
    """The lines (0-based) where `count` private parts most likely start, for messages only.

    Markdown keeps no line numbers: the n-th line that looks like a private opener is
    taken for the n-th part, and the last one found for any part beyond.
    """
    line = 0
    found = (body.count("\n", 0, m.start()) for m in _OPENER_LINE.finditer(body))
    for _ in range(count):
        line = next(found, line)
        yield line


#: The Markdown extensions private parts are read with when no build configuration is given.
DEFAULT_MARKDOWN = ("admonition", "pymdownx.details", "attr_list", "md_in_html")


def shown_html(body: str) -> tuple[str, ...]:
    """A body as a published page may show it, once per usual Markdown configuration (see
    `PrivateParts.public_html`): DEFAULT_MARKDOWN, and with fenced code blocks as well, where a
    `!!! private` typed inside a fence is code that is shown.

    For checks made while an entry is read, before the build's own configuration is known:
    text shown by either reading counts as shown, the safe direction for a warning. A body
    with no fence is read once (both readings agree on it).
    """
    default, fenced = _usual_parts()
    if "```" not in body and "~~~" not in body:
        return (default.public_html(body),)
    return (default.public_html(body), fenced.public_html(body))


def public_markdown(body: str, parts: PrivateParts | None = None) -> str:
    """A body's Markdown without its private parts and comments, for notes that leave as Markdown (export).

    Markdown keeps no source positions, so indented private boxes are cut by their
    lines and comments by `strip_comments`; then the tree processor reads what is
    left, and if it still finds a private part (one nested where lines cannot tell,
    in a blockquote or a footnote), nothing of the body is given: the safe direction.
    """
    text = strip_comments(cut_private_lines(body))
    if (parts or _default_parts()).of(text):
        return ""
    return text


def cut_private_lines(body: str) -> str:
    """A body without its indented `!!! private` blocks, cut by lines (each leaves a blank line).

    Only for Markdown that leaves as Markdown (`public_markdown`) or is searched for links:
    a box nested where lines cannot tell (a blockquote) is not cut here.
    """
    lines = body.split("\n")
    kept: list[str] = []
    last = -1
    for i, line in public_lines(body):
        if i != last + 1:
            kept.append("")  # a removed block leaves a blank line, so its neighbours stay apart
        kept.append(line)
        last = i
    if last != len(lines) - 1:
        kept.append("")
    return "\n".join(kept)


@functools.cache
def _default_parts() -> PrivateParts:
    """One reader with DEFAULT_MARKDOWN for the process (a converter is costly to set up)."""
    return PrivateParts(DEFAULT_MARKDOWN)


@functools.cache
def _usual_parts() -> tuple[PrivateParts, PrivateParts]:
    """The readers of `shown_html`, made once for the process."""
    return (_default_parts(), PrivateParts([*DEFAULT_MARKDOWN, "pymdownx.superfences"]))


def public_lines(body: str) -> Iterator[tuple[int, str]]:
    """The lines of a body outside indented `!!! private` blocks, each with its line (0-based).

    Only for Markdown that leaves as Markdown (`cut_private_lines`), which the tree
    processor then checks. What is removed from a page is decided by the tree
    processor above, not by this.
    """
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        match = _LINE_OPENER.match(lines[i])
        if match is None or "private" not in match["classes"].casefold().split():
            yield i, lines[i]
            i += 1
            continue
        depth = _depth(lines[i])
        i += 1
        while i < len(lines) and (not lines[i].strip() or _depth(lines[i]) > depth):
            i += 1


_LINE_OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +\".*\")?[ \t]*$")


def _depth(line: str) -> int:
    """Indentation of a line in columns, tabs counting as four (as Python-Markdown does)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))

"""The text of growthlog's own HTML as the search index needs it, without the layout markup.

MkDocs' and Material's search plugins feed every page through Python's
`html.parser` and keep only the headings (whose ids become the result links),
the text, and a few block tags. Their cost grows with the number of tags, and an
entry header is mostly tags: badges, tables, columns (260 in a typical entry
against 13 in its Markdown notes). At 1,000 entries that parsing cost more than
a whole build of the same pages without growthlog. So the search plugin is handed
the headings and the text only (see `GrowthlogPlugin.on_page_context`): the same
words in the same sections. The page itself is rendered with the full markup.
For an entry header, what is left is simple enough to cut into sections without a
parser at all (`search_sections`); the plugin hands those to Material's index.
An entry's notes (Markdown's HTML) are cut into sections by the parser's own rules
with one regex for their tags (`notes_sections`); notes with markup beyond what
Markdown writes are left to Material's parser, as for any Markdown page.

A journal page (timeline, lessons, questions, ...) is indexed by its headings and
the paragraphs that lead each of them (`journal_search_html`): what the page and
each section are about. Its lists, tables and cards repeat lessons, questions,
answers and plan items whose own entry page is indexed in full; indexing them
again gave every phrase up to four more hits and made a third of the index.
"""

from __future__ import annotations

import html as html_module
import math
import re
from typing import NamedTuple

#: Every tag but a top heading (h1 and h2 make the index's sections, linked by their ids).
_LAYOUT_TAG = r"<(?!/?h[12][\s>])[^>]*>"
#: A run of layout tags and the whitespace after each: one space in the search text, as each
#: tag's own space and the whitespace after it would fold into (a run per match, not a tag:
#: half as many replacements and a shorter text for `_SPACES` to read).
_LAYOUT_TAGS = re.compile(rf"{_LAYOUT_TAG}\s*(?:{_LAYOUT_TAG}\s*)*")
#: Two or more whitespace characters. Written `\s\s+`, not `\s{2,}`: a pattern that starts with one
#: character class lets the regex engine skip to the next whitespace instead of trying every character.
_SPACES = re.compile(r"\s\s+")
#: Any tag, as `<name ...>` or `</name ...>`: what the search plugins' parser would call a tag.
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
#: The tag names that may lead a section: a paragraph and what a paragraph holds.
_LEAD_NAMES = "p|a|span|strong|em|b|i|code|time|small|br|abbr|mark|sub|sup"
#: A journal page cut into pieces, each a match: what comes before a heading tag (left out), then the
#: heading tag (kept as is) and what it leads. After an opening heading tag that is its text, up to the
#: next heading tag; after a closing one, the lead: text, closing tags and the tags of a paragraph, up to
#: the next heading tag or the first other tag (a list, table, card...), which ends it. The pieces of
#: text are read one tag or one run of text at a time (a `<` that starts no tag is text), so a heading
#: tag is never looked for inside another tag. Every piece can be empty, so the matches tile the page.
_HEADING_AHEAD = r"(?=</?[hH][1-6](?![a-zA-Z0-9])[^>]*>)"
#: Text and tags up to the next heading tag ("unrolled": runs of text between the tags, for speed).
_UP_TO_HEADING = r"[^<]*(?:<(?!/?[hH][1-6](?![a-zA-Z0-9])[^>]*>)(?:/?[a-zA-Z][^>]*>)?[^<]*)*"
#: A lead: text, closing tags but a heading's, a paragraph's tags and any `<` that starts no tag.
_LEAD = (
    r"[^<]*(?:(?:"
    r"</(?![hH][1-6](?![a-zA-Z0-9]))[a-zA-Z][^>]*>"
    rf"|<(?i:{_LEAD_NAMES})(?![a-zA-Z0-9])[^>]*>"
    r"|<(?!/?[a-zA-Z][^>]*>)"
    r")[^<]*)*"
)
_SECTION = re.compile(
    rf"{_UP_TO_HEADING}(?:{_HEADING_AHEAD}"
    rf"(?:(?P<open><[hH][^>]*>)(?P<heading>{_UP_TO_HEADING})"
    rf"|(?P<close></[^>]*>)(?P<lead>{_LEAD})"
    r"(?P<end><(?![hH][1-6](?![a-zA-Z0-9]))[a-zA-Z][^>]*>)?))?"
)


def search_html(html: str) -> str:
    """`html` (growthlog's own markup, never Markdown output) with its layout tags removed.

    Only for HTML growthlog renders itself: autoescape guarantees no raw `<` in
    text or attributes, and it has no `<pre>` whose spacing would matter. Every
    dropped tag becomes a space so that list items, cells and badges do not run together.

    Smaller headings (an entry's "What went well" and "What fell short") go too: their
    words stay in the section of the h2 above them ("Reflect"). Each section costs
    the search plugin as much as a paragraph of text, and every visitor downloads it.
    """
    return _SPACES.sub(" ", _LAYOUT_TAGS.sub(" ", html))


def journal_search_html(html: str) -> str:
    """A journal page's headings and lead paragraphs, as `search_html` gives them; the rest left out.

    A lead paragraph is one of the paragraphs right after a heading, before any
    other block (a list, table, card, figure...): it says what the section is
    about. Same input rule as `search_html`: growthlog's own markup only.
    One regex pass over the page (a loop over its tags in Python cost 0.08 s for
    the 4 MB of journal pages at 1,000 entries); every tag kept becomes a space.
    """
    return _SPACES.sub(" ", _SECTION.sub(_section_text, html))


def _section_text(found: re.Match[str]) -> str:
    if found.group("open") is not None:
        return found.group("open") + _TAG.sub(" ", found.group("heading"))
    if found.group("close") is not None:
        lead = found.group("close") + _TAG.sub(" ", found.group("lead"))
        # The tag that ended the lead is a space, like every tag left out.
        return lead + " " if found.group("end") is not None else lead
    return ""  # the text before a heading, or after the last lead


class SearchSection(NamedTuple):
    """One section of a page as the search index holds it: the id of its heading, its title and text.

    `title` is None when the section has no heading text at all (the search plugin then
    titles it with the page's title). Title and text are escaped as the search plugin
    escapes them (`&`, `<`, `>`), whitespace folded as it folds it. A named tuple: an entry
    header makes nine, and a tuple is made in half the time of a frozen dataclass.
    """

    id: str | None
    title: str | None
    text: str


#: A heading tag as `search_html` leaves them: closing slash, level, attributes.
_HEADING_TAG = re.compile(r"<(/?)h([1-6])(\s[^>]*)?>")
_HEADING_ID = re.compile(r'^\s+id="([^"<>&]*)"$')


def search_sections(html: str) -> list[SearchSection] | None:
    """The sections the search plugin's HTML parser makes of `search_html(html)`, without the parser.

    Material's search parses every page with Python's `html.parser`; on an entry
    header that is most of the cost of indexing the page. What `search_html` leaves is
    simple: text, and headings that each carry only an id. For that shape this gives
    the same sections with one regex split. Anything else (a heading without an id or
    with other attributes, a heading inside a heading) returns None: the caller lets
    the search plugin parse it.
    """
    pieces = _HEADING_TAG.split(search_html(html))
    sections: list[tuple[str | None, list[str], list[str]]] = []
    title: list[str] | None = None  # inside a heading: its title parts
    open_level = ""
    for i in range(0, len(pieces), 4):
        if i:
            closing, level, attributes = pieces[i - 3], pieces[i - 2], pieces[i - 1] or ""
            if closing:
                if title is not None and level == open_level:
                    title = None
                # Any other closing heading tag closes nothing: the parser passes over it.
            else:
                found = _HEADING_ID.match(attributes)
                if found is None or title is not None:
                    return None
                if not sections and level != "1":
                    sections.append((None, [], []))  # the page's own section, before any heading
                title, open_level = [], level
                # The parser gives a heading no id when it starts the page's first section.
                sections.append((html_module.unescape(found.group(1)) if sections else None, title, []))
        data = pieces[i]
        if not data:
            continue
        if not sections:
            sections.append((None, [], []))
        if "&" in data:  # the parser reads character references
            data = html_module.unescape(data)
        if data.isspace():  # the parser's whitespace rule: one space, none twice in the text
            text = sections[-1][2]
            if title is not None:
                title.append(" ")
            elif not text or not text[-1].isspace():
                text.append(" ")
            continue
        if "&" in data or "<" in data or ">" in data:  # escaped again for the index, quotes as they are
            data = data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        (sections[-1][2] if title is None else title).append(data.replace("\n", " "))
    return [
        SearchSection(id, "".join(parts).strip() if parts else None, "".join(text).strip())
        for id, parts, text in sections
    ]


# -- an entry's notes: Markdown's HTML, read as the search plugin's parser reads it ----------------

#: The tags the parser keeps in the index as `<tag>` and `</tag>` (its `keep`), the ones with no end tag
#: (its `void`), and the headings that start sections (with an id).
_KEPT = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"})
_VOID |= {"source", "track", "wbr"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: What Markdown writes for notes, read here; any other tag (script, style, object, whose text the
#: parser skips, and tags it may read otherwise) leaves the notes to the parser.
_NOTES_TAGS = _KEPT | _HEADINGS | {"a", "abbr", "b", "blockquote", "br", "dd", "del", "details", "div", "dl"}
_NOTES_TAGS |= {"dt", "em", "hr", "i", "img", "ins", "kbd", "mark", "small", "span", "strong", "summary"}
_NOTES_TAGS |= {"table", "tbody", "td", "th", "thead", "tr"}
#: One piece of the notes: a start tag whose attributes are all `name="value"` without a character
#: reference (the parser's reading of those is the text itself), an end tag without attributes,
#: text up to the next tag, or a `<` that starts neither (the parser then reads the notes).
_NOTES_PIECE = re.compile(
    r'<(?P<tag>[a-z][a-z0-9]*)(?P<attributes>(?:[ \t\n\r\f]+[a-z][a-z-]*="[^"<>&]*")*)[ \t\n\r\f]*(?P<slash>/?)>'
    r"|</(?P<end>[a-z][a-z0-9]*)>|(?P<text>[^<]+)|<"
)
_NOTES_ATTRIBUTE = re.compile(r'([a-z][a-z-]*)="([^"]*)"')


class _Section:
    """A section as the parser builds it: heading tag, nesting depth, id, title and text pieces."""

    __slots__ = ("depth", "id", "tag", "text", "title")

    def __init__(self, tag: str, depth: float, id: str | None = None) -> None:
        self.tag, self.depth, self.id = tag, depth, id
        self.title: list[str] = []
        self.text: list[str] = []


def notes_sections(html: str) -> list[SearchSection] | None:
    """The sections the search plugin's HTML parser makes of `html` (Markdown's), without `html.parser`.

    The notes of an entry page are Markdown's HTML: paragraphs, lists, headings with
    their permalinks, tables, code blocks. `html.parser` reads them a character
    class at a time in Python; here one regex cuts them into tags and text, and
    the parser's own rules (sections by heading id, kept tags, whitespace, permalinks
    left out of titles, empty kept elements dropped) are followed step by step.
    Anything else (a tag not listed, an attribute written another way or with a
    character reference, a comment, a stray `<`, a section excluded from search)
    returns None: the caller lets the parser read it.
    """
    sections: list[_Section] = []
    section: _Section | None = None
    context: list[tuple[str, dict[str, str]]] = []  # the open elements: tag and attributes
    for piece in _NOTES_PIECE.finditer(html):
        data = piece.group("text")
        if data is not None:
            if "&" in data:
                data = html_module.unescape(data)
            in_pre = any(tag == "pre" for tag, _ in context)
            if not in_pre:
                data = " " if data.isspace() else data.replace("\n", " ")
            if section is None:
                section = _Section("hx", 0)
                sections.append(section)
            if any(tag == section.tag for tag, _ in context):  # inside the section's heading
                if not any(tag == "a" and attrs.get("class") == "headerlink" for tag, attrs in context):
                    section.title.append(_escape(data))
            elif data.isspace():
                if in_pre or not section.text or not section.text[-1].isspace():
                    section.text.append(data)
            else:
                section.text.append(_escape(data))
            continue
        tag = piece.group("tag")
        if tag is not None:
            if tag not in _NOTES_TAGS:
                return None
            attributes = piece.group("attributes")
            attrs = dict(_NOTES_ATTRIBUTE.findall(attributes)) if attributes else {}
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                return None  # the parser skips what these hold
            if tag in _VOID:
                continue
            if piece.group("slash"):
                return None  # `<p/>`: the parser opens and closes it at once
            context.append((tag, attrs))
            if tag in _HEADINGS and "id" in attrs:
                if tag != "h1" and not sections:
                    sections.append(_Section("hx", len(context)))
                section = _Section(tag, len(context), attrs["id"] if sections else None)
                sections.append(section)
            if section is None:
                section = _Section("hx", 0)
                sections.append(section)
            if tag in _KEPT:
                inside = any(open_tag == section.tag for open_tag, _ in context)
                (section.title if inside else section.text).append(f"<{tag}>")
            continue
        tag = piece.group("end")
        if tag is None:
            return None  # a `<` the parser reads as text, or some other markup
        if not context or context[-1][0] != tag:
            continue  # the parser passes over an end tag that closes nothing open
        assert section is not None  # a start tag made one
        if section.depth > len(context):
            # A heading nested in this element: back to the section it was nested in.
            for earlier in reversed(sections):
                if earlier.depth <= len(context):
                    section.depth = math.inf
                    section = earlier
                    break
        context.pop()
        if tag in _KEPT:
            kept = section.title if any(t == section.tag for t, _ in context) else section.text
            if f"<{tag}>" not in kept:
                return None  # the parser fails on this one
            start = kept.index(f"<{tag}>")
            if all(part.isspace() for part in kept[start + 1 :]):
                del kept[start:]  # an element with nothing but whitespace in it is left out
            else:
                kept.append(f"</{tag}>")
    return [
        SearchSection(s.id, "".join(s.title).strip() if s.title else None, "".join(s.text).strip())
        for s in sections
    ]


def _escape(text: str) -> str:
    """`text` escaped as the search plugin escapes it: `&`, `<` and `>`, quotes as they are."""
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text

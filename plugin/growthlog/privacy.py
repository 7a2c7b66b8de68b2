"""What never leaves the machine: private body parts, private values, drafts.

The documented syntax for a private part of an entry's notes is a `private`
admonition (`!!! private`, or the collapsible `??? private` / `???+ private`), so
it renders as a marked box in a local preview; a publish build removes it before
Markdown sees it. `secrets()` lists every piece of text a published site must not
contain, for the scan that runs after each publish build (see `leakscan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml
from ahocorasick_rs import BytesAhoCorasick

from growthlog import schema
from growthlog.problems import Problem, Severity
from growthlog.yamlnodes import scalar_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from growthlog.frontmatter import SplitEntry
    from growthlog.model import Entry

# The admonition and details openers of Python-Markdown / pymdownx: `!!! type "Title"`,
# where the space after the marker is optional and `type` may be a list of classes.
_OPENER = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)(?: +\"(?P<title>.*)\")?[ \t]*$"
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class PrivatePart:
    """One private block of a body, and the line of the body where it starts (0-based)."""

    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Secret:
    """A piece of text that must not appear in a published site.

    `what` names it without quoting it (`private.salary`, `interviewers[0]`,
    `the private block at line 57`), because build logs may be public.
    """

    entry: str
    what: str
    text: str


def _is_private_opener(line: str) -> re.Match[str] | None:
    match = _OPENER.match(line)
    if match and "private" in match["classes"].casefold().split():
        return match
    return None


def _private_blocks(lines: list[str]) -> Iterator[tuple[int, int, re.Match[str]]]:
    """Each private block of a body's lines: its first line, the line after it, its opener.

    A block is the opener line plus every following line that is blank or indented
    deeper than the opener: the lines Python-Markdown would put in the box. Openers
    are recognised at any indentation (a private box inside a list item is private
    too); inside a code block that over-removes, which is the safe direction.
    """
    i = 0
    while i < len(lines):
        opener = _is_private_opener(lines[i])
        if opener is None:
            i += 1
            continue
        start, depth = i, _depth(lines[i])
        i += 1
        while i < len(lines) and (not lines[i].strip() or _depth(lines[i]) > depth):
            i += 1
        yield start, i, opener


def split_private(body: str) -> tuple[str, tuple[PrivatePart, ...]]:
    """The body without its private blocks (each becomes one blank line), and the blocks removed."""
    if "!!!" not in body and "???" not in body:  # every opener has one: most bodies have no block
        return body, ()
    return _split_private_lines(body)


def _split_private_lines(body: str) -> tuple[str, tuple[PrivatePart, ...]]:
    lines = body.split("\n")
    kept: list[str] = []
    parts: list[PrivatePart] = []
    end = 0
    for start, stop, opener in _private_blocks(lines):
        kept += lines[end:start]
        block = [opener["title"] or ""] + [line.strip() for line in lines[start + 1 : stop]]
        parts.append(PrivatePart(start, "\n".join(line for line in block if line)))
        kept.append("")
        end = stop
    kept += lines[end:]
    return "\n".join(kept), tuple(parts)


def public_lines(body: str) -> Iterator[tuple[int, str]]:
    """The lines of a body a publish build shows, each with its line in the body (0-based)."""
    lines = body.split("\n")
    end = 0
    for start, stop, _opener in _private_blocks(lines):
        yield from ((i, lines[i]) for i in range(end, start))
        end = stop
    yield from ((i, lines[i]) for i in range(end, len(lines)))


def _depth(line: str) -> int:
    """Indentation of a line in columns, tabs counting as four (as Python-Markdown does)."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def strip_comments(html: str) -> str:
    """Remove HTML comments from rendered notes.

    Python-Markdown passes `<!-- ... -->` through to the page, where any visitor can
    read it with "view source"; people write them believing they are hidden. In
    rendered HTML a comment typed inside code is already escaped (`&lt;!--`), so only
    real comments are removed; an unclosed one hides the rest, so the rest goes.
    """
    return _COMMENT.sub("", html) if "<!--" in html else html


SHOW_PRIVATE_ENV = "GROWTHLOG_SHOW_PRIVATE"
_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off", ""})
ROBOTS_TXT = "# A personal journal: please do not crawl or index it.\nUser-agent: *\nDisallow: /\n"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


#: The password protection plugin (the `[encrypt]` extra), by its name in `plugins:`.
ENCRYPT_PLUGIN = "encryptcontent"


def protected_title(entry: Entry) -> str:
    """An entry's page title when the site is password protected.

    encryptcontent encrypts the content but leaves `<title>` in clear text, so a
    protected page is titled by its date alone, not its company and role.
    """
    return f"Entry of {entry.date.strftime('%d %b %Y').lstrip('0')}"


def show_private(configured: bool, environ: Mapping[str, str]) -> bool:
    """Whether a build (not a serve) shows private data: GROWTHLOG_SHOW_PRIVATE, else the config.

    The variable wins both ways, so `GROWTHLOG_SHOW_PRIVATE=0` (set by `growthlog publish`
    and the publish workflow) makes a publish build safe whatever mkdocs.yml says.
    """
    raw = environ.get(SHOW_PRIVATE_ENV)
    if raw is None:
        return configured
    value = raw.strip().lower()
    if value in _ON | _OFF:
        return value in _ON
    raise ValueError(f"{SHOW_PRIVATE_ENV} must be 1 or 0; found {raw!r}")


def add_noindex(page: str) -> str:
    """The page with `<meta name="robots" content="noindex, nofollow">` in its head.

    A robots meta already in the head is kept; only the head is looked at, so notes
    that show the tag in code (`name="robots"` printed in the body) still get ours.
    """
    head = _HEAD.search(page)
    if head is None:
        return page
    close = page.find("</head>", head.end())  # as themes write it; any other spelling below
    if close == -1:
        other = _HEAD_END.search(page, head.end())
        close = other.start() if other else len(page)
    if page.find('name="robots"', head.end(), close) != -1:
        return page
    if head[0] == "<head>":
        # The first `<head>` is the one found: one copy of the page, not three (a page of
        # Material is 20 KB or more, often stored 2 or 4 bytes a character).
        return page.replace("<head>", "<head>" + NOINDEX, 1)
    return page[: head.end()] + NOINDEX + page[head.end() :]


# Elements whose URL attributes make the browser fetch something on page load.
_ATTR = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_FETCHING_ATTRS = {
    "script": {"src"},
    "img": {"src", "srcset"},
    "source": {"src", "srcset"},
    "iframe": {"src"},
    "frame": {"src"},
    "video": {"src", "poster"},
    "audio": {"src"},
    "track": {"src"},
    "embed": {"src"},
    "input": {"src"},
    "object": {"data"},
    "link": {"href", "imagesrcset"},
    "image": {"href", "xlink:href"},
    "use": {"href", "xlink:href"},
}
_FETCHING_TAGS = "|".join(sorted(_FETCHING_ATTRS, key=len, reverse=True))
_TAG = re.compile(rf"<(?P<tag>{_FETCHING_TAGS})(?P<attrs>\s[^>]*)?>", re.IGNORECASE)
#: `<link>` relations that only describe the page; the browser fetches nothing for them.
_DESCRIPTIVE_RELS = frozenset({"canonical", "alternate", "author", "license", "me", "prev", "next", "help"})
_URL_AT = re.compile(r"""(?:https?:)?//[^'")\s;]+""", re.IGNORECASE)
_OFFSITE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_SLASHES = re.compile("//")
#: What stands before the `//` of an XML namespace (see `offsite_requests`).
_NAMESPACE = 'xmlns="http:'
_NAMESPACE_LEN = len(_NAMESPACE)


def offsite_requests(page: str) -> list[str]:
    """URLs on another host that loading `page` would fetch (scripts, styles, fonts, images...).

    Links a visitor may click (`<a href>`) are not requests; a published journal must
    make none of these, so that opening it tells no third party who reads it.

    Every such URL holds `//`, and a page holds few (a regex skips to each at C speed,
    faster than `str.find` in a page full of `</`); only there is the page looked at: a regex over every tag, or for CSS
    `url(` at every position, took longer than rendering the pages of a large journal.

    The `//` of an XML namespace (`xmlns="http://www.w3.org/2000/svg"`, on each of a
    page's icons) is passed over: a namespace is a name, never fetched, it starts no
    CSS `url(`, and a fetching tag that holds one too is still found from the `//` of
    its own offsite URL (every such URL has one).
    """
    found: list[str] = []
    in_css: list[str] = []
    tags_seen: set[int] = set()
    css_end = 0  # a `url(` inside the previous CSS URL is part of it
    for slashes in _SLASHES.finditer(page):
        at = slashes.start()
        if at >= _NAMESPACE_LEN and page.startswith(_NAMESPACE, at - _NAMESPACE_LEN):
            continue
        tag = _fetching_tag_around(page, at)
        if tag is not None and tag.start() not in tags_seen:
            tags_seen.add(tag.start())
            found += _tag_requests(tag)
        url = _css_url_at(page, at, css_end)
        if url is not None:
            in_css.append(url[0])
            css_end = url.end()
    return found + in_css


def _fetching_tag_around(page: str, at: int) -> re.Match[str] | None:
    """The fetching tag (`<img ...>`, `<script ...>`...) whose attributes hold position `at`.

    It opens after the last `>` before `at`: the leftmost `<` there that opens a
    fetching tag, as a left-to-right scan of the page's tags would find it.
    """
    opener = page.find("<", page.rfind(">", 0, at) + 1, at)
    while opener != -1:
        tag = _TAG.match(page, opener)
        if tag is not None:
            return tag
        opener = page.find("<", opener + 1, at)
    return None


def _tag_requests(tag: re.Match[str]) -> list[str]:
    """The offsite URLs a fetching tag's attributes load, in document order."""
    names = _FETCHING_ATTRS.get(tag["tag"].lower())
    if not names or not tag["attrs"]:
        return []
    attrs = {
        m["name"].lower(): m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"]
        for m in _ATTR.finditer(tag["attrs"])
    }
    rels = set(attrs.get("rel", "").lower().split())
    if tag["tag"].lower() == "link" and rels and rels <= _DESCRIPTIVE_RELS:
        return []
    found: list[str] = []
    for name, value in attrs.items():  # in document order
        if name not in names:
            continue
        urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in name else [value]
        found += [url.strip() for url in urls if _OFFSITE.match(url)]
    return found


def _css_url_at(page: str, at: int, after: int) -> re.Match[str] | None:
    """The URL of CSS `url(//...)` or `@import "https://..."` whose `//` is at `at`, if it is one.

    Its `url(` or `@import` must start at `after` or later.
    """
    start = at
    for scheme in ("https:", "http:"):
        if page[at - len(scheme) : at].lower() == scheme:
            start = at - len(scheme)
            break
    # Back over `\s*['"]?\s*` to the opener, as the forward pattern reads it.
    i = start
    while i > 0 and page[i - 1].isspace():
        i -= 1
    if i > 0 and page[i - 1] in "'\"":
        i -= 1
        while i > 0 and page[i - 1].isspace():
            i -= 1
    if not (
        (i - 4 >= after and page[i - 4 : i].lower() == "url(")
        or (i - 7 >= after and page[i - 7 : i].lower() == "@import")
    ):
        return None
    return _URL_AT.match(page, start)


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


def public_text(entry: Entry) -> str:
    """Every string of an entry a page may show: its fields and its notes."""
    return "\n".join([*_shown_fields(entry), entry.body])


def _shown_fields(entry: Entry) -> list[str]:
    """Every string of an entry's front matter a page may show."""
    parts: list[str] = [entry.company, entry.role, entry.seniority, entry.application_id, *entry.tags]
    parts += [*entry.went_well, *entry.fell_short]
    if entry.feedback:
        parts.append(entry.feedback.text)
    parts += [text for item in entry.development for text in (item.skill, item.action)]
    parts += [text for q in entry.questions for text in (q.q, q.answer, q.better_answer)]
    if entry.search:
        parts.append(entry.search.note)
    parts += [text for lesson in entry.lessons for text in (lesson.text, lesson.theme)]
    return parts


def _addresses(entry: Entry) -> tuple[str, str]:
    """The entry page's address with and without directory URLs."""
    # Imported here: the reader imports this module (it checks each entry for interviewer names).
    from growthlog.reader import page_url

    return page_url(entry.path), entry.path.removesuffix(".md") + ".html"


def secrets(entries: Iterable[Entry]) -> list[Secret]:
    """Every piece of text a publish build must not contain, for every entry.

    Private values and interviewers (when scannable), the phrases of each private
    block and, for drafts, their page address and every phrase that no published
    entry also contains (a draft's company may well have published rounds).
    """
    entries = tuple(entries)
    found: list[Secret] = []
    for entry in entries:
        for value in entry.private_values:
            if is_scannable(value.value):
                found.append(Secret(entry.path, value.key, normalise(value.value)))
        for part in split_private(entry.body)[1]:
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


# -- interviewers named in public text --------------------------------------------------

#: A word of an interviewer's name is looked for when it is capitalised and has at least
#: this many letters: "Li" or "de" would turn up in every other sentence.
MIN_NAME_LETTERS = 3
#: Front matter fields no page shows; every other field of the format is public.
_UNSHOWN_FIELDS = frozenset({"interviewers", "private", "extra"})
#: The fields of the mappings a field may hold (feedback, plan items, questions...), as read by the schema.
_SHOWN_KEYS = frozenset(
    schema.FEEDBACK_KEYS + schema.PLAN_KEYS + schema.QUESTION_KEYS + schema.SEARCH_KEYS + schema.LESSON_KEYS
)
_LETTERS = re.compile(r"[^\W\d_]+")


def name_words(names: Iterable[str]) -> tuple[str, ...]:
    """The words of interviewers' names a mention is looked for by: 'Chloe' and 'Dubois'."""
    words = (word for name in names for word in _LETTERS.findall(name))
    return tuple(dict.fromkeys(w for w in words if len(w) >= MIN_NAME_LETTERS and w[0].isupper()))


def interviewer_mentions(entry: Entry, front_matter: yaml.Node, split: SplitEntry) -> list[Problem]:
    """A warning for each public line of an entry that names one of its interviewers.

    The leak scan looks for whole names ("Chloe Dubois"), so notes that say "Chloe
    called" would publish a first name unnoticed. Here every capitalised word of at
    least MIN_NAME_LETTERS letters of each name is looked for, case-sensitively and as
    a whole word, in what a publish build shows: the front matter fields other than
    `interviewers`, `private` and `extra`, and the notes outside private blocks. A
    draft is not published, so it is not checked.
    """
    words = name_words(entry.interviewers)
    if entry.draft or not words:
        return []
    shown = "\n".join(_shown_fields(entry))
    # Most entries name nobody in public, and compiling a pattern of their names costs more
    # than reading the entry (names differ from entry to entry, so re's cache does not help):
    # a plain substring test, which every whole-word match also passes, settles them.
    if not any(word in shown or word in entry.body for word in words):
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)"
    )
    found: list[Problem] = []

    def warn(line: int, word: str, where: str, advice: str) -> None:
        found.append(
            Problem(
                entry.path,
                line,
                "interviewers",
                f"{word!r} (from interviewers) appears in public text{where}; a published site "
                f"would show it. Refer to them by role, or {advice}",
                Severity.WARNING,
            )
        )

    # Most entries name nobody in public: one search of the values spares the walk over the YAML.
    named_in_fields = pattern.search(shown) is not None
    source = split.yaml.split("\n")
    for field, node in _shown_scalars(front_matter) if named_in_fields else ():
        named = dict.fromkeys(pattern.findall(str(node.value)))
        if not named:
            continue
        for word, line in _lines_naming(named, node, source, pattern).items():
            warn(split.yaml_line + line, word, f" ({field})", "move it under `private:`")
    # Most notes name nobody: one search of the whole body spares the walk over its lines.
    lines = public_lines(entry.body) if pattern.search(entry.body) else ()
    for line, text in lines:
        for word in dict.fromkeys(pattern.findall(text)):
            warn(entry.body_line + line, word, "", "move the sentence into a `!!! private` block")
    return found


def _shown_scalars(root: yaml.Node) -> Iterator[tuple[str, yaml.ScalarNode]]:
    """Every scalar of the front matter a page may show, with its field (`questions[2].answer`)."""
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        name = scalar_text(key) if isinstance(key, yaml.ScalarNode) else ""
        if name in schema.TOP_LEVEL and name not in _UNSHOWN_FIELDS:
            yield from _scalars(value, name, 0)


def _scalars(node: yaml.Node, field: str, depth: int) -> Iterator[tuple[str, yaml.ScalarNode]]:
    # The shapes the schema reads: a value, a list of values or mappings, or a mapping of values.
    if isinstance(node, yaml.ScalarNode):
        yield field, node
    elif isinstance(node, yaml.SequenceNode) and depth == 0:
        for i, item in enumerate(node.value):
            yield from _scalars(item, f"{field}[{i + 1}]", 1)
    elif isinstance(node, yaml.MappingNode) and depth < 2:
        for key, value in node.value:
            name = scalar_text(key) if isinstance(key, yaml.ScalarNode) else ""
            if name in _SHOWN_KEYS:
                yield from _scalars(value, f"{field}.{name}", 2)


def _lines_naming(
    words: Iterable[str], node: yaml.Node, source: list[str], pattern: re.Pattern[str]
) -> dict[str, int]:
    """The line of the front matter (0-based) where each word of a value is written.

    A value may span lines (quoted, folded or `|` text): the word's own line is the
    one to edit. A word YAML spelled with escapes is reported at the value's first line.
    """
    start, end = node.start_mark, node.end_mark
    lines: dict[str, int] = {}
    for i in range(start.line, min(end.line, len(source) - 1) + 1):
        text = source[i]
        if i == end.line:
            text = text[: end.column]
        if i == start.line:
            text = text[start.column :]
        for word in pattern.findall(text):
            lines.setdefault(word, i)
    return {word: lines.get(word, start.line) for word in words}

"""Interviewers named in public text: a warning before a build publishes a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import yaml

from growthlog.entries import schema
from growthlog.entries.private_parts import shown_html
from growthlog.entries.problems import Problem, Severity
from growthlog.entries.public_fields import SHOWN_KEYS, UNSHOWN_FIELDS, shown_fields
from growthlog.entries.yamlnodes import scalar_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


    from growthlog.entries.frontmatter import SplitEntry
    from growthlog.entries.model import Entry

#: A word of an interviewer's name is looked for when it is capitalised and has at least
#: this many letters: "Li" or "de" would turn up in every other sentence.
MIN_NAME_LETTERS = 3
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
    shown = "\n".join(shown_fields(entry))
    # Most entries name nobody in public, and compiling a pattern of their names costs more
    # than reading the entry (names differ from entry to entry, so re's cache does not help):
    # a plain substring test, which every whole-word match also passes, settles them.
    if not any(word in shown or word in entry.body for word in words):
        return []
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)"
    )
    found: list[Problem] = []

    whose = {word: i for i, name in reversed(list(enumerate(entry.interviewers))) for word in name_words([name])}

    def warn(line: int, word: str, where: str, advice: str) -> None:
        # The name itself is never written: build logs may be public (the line says where it is).
        found.append(
            Problem(
                entry.path,
                line,
                "interviewers",
                f"a word of the name interviewers[{whose.get(word, 0)}] appears in public text{where}; "
                f"a published site would show it. Refer to them by role, or {advice}",
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
    # Most notes name nobody: one search of the whole body spares reading it as Markdown.
    for line, words in _shown_lines_naming(entry.body, pattern) if pattern.search(entry.body) else ():
        for word in words:
            warn(entry.body_line + line, word, "", "move the sentence into a `!!! private` block")
    return found


#: What a name's word is replaced with to find where Markdown shows it: letters and the line's
#: number, which no Markdown syntax changes (`glmention3x` never contains `glmention31x`).
_MARK = "glmention{}x"


def _shown_lines_naming(body: str, pattern: re.Pattern[str]) -> list[tuple[int, tuple[str, ...]]]:
    """The lines of the notes (0-based) where a page shows a word of a name, with those words.

    Markdown decides, not the look of a line: a `!!! private` box nested in a list or a
    blockquote hides its words, one inside a code block shows them, and so does a line
    Markdown runs on into a paragraph. Each name's word is swapped for a mark naming its
    line, the notes are read as a published page reads them (private parts and comments
    dropped), and a line is reported when its mark is still there in any usual reading
    (`shown_html`: with and without fenced code blocks).
    """
    lines = body.split("\n")
    # Without a private class (spelled out or in character references) or a comment, nothing of
    # the notes is hidden: every line naming someone is shown, and Markdown need not be asked.
    hides = "private" in body.casefold() or "<!--" in body or "&" in body
    named: dict[int, tuple[str, ...]] = {}
    for i, text in enumerate(lines):
        words = tuple(dict.fromkeys(pattern.findall(text)))
        if words:
            named[i] = words
            lines[i] = pattern.sub(_MARK.format(i), text)
    if not hides:
        return list(named.items())
    shown = shown_html("\n".join(lines))
    return [(i, words) for i, words in named.items() if any(_MARK.format(i) in html for html in shown)]


def _shown_scalars(root: yaml.Node) -> Iterator[tuple[str, yaml.ScalarNode]]:
    """Every scalar of the front matter a page may show, with its field (`questions[2].answer`)."""
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        name = scalar_text(key) if isinstance(key, yaml.ScalarNode) else ""
        if name in schema.TOP_LEVEL and name not in UNSHOWN_FIELDS:
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
            if name in SHOWN_KEYS:
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

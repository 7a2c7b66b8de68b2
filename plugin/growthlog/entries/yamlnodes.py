"""Parse front matter into YAML nodes, which keep the line of every value.

We validate nodes rather than constructed Python values: a node knows its line
(for `file:line` messages), its raw text (so `company: NO` stays the text "NO",
not the boolean false) and whether a mapping repeats a key (which YAML would
silently resolve by keeping the last one).
"""

from __future__ import annotations

from typing import Any

import yaml

from growthlog.entries.problems import GrowthlogError, Problem

# libyaml's parser is about 8x faster than the pure-Python one; fall back when absent.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]  # a runtime choice of base class
    """The safe loader, with a quicker tag resolver.

    The C parser calls the Python resolver for every value, and PyYAML's builds two
    lists per call. The safe loader has no path or wildcard resolvers, so looking up
    the resolvers for the value's first character is all there is to do; the tags
    come out the same.
    """

    _implicit = _BaseLoader.yaml_implicit_resolvers
    _plain = None not in _implicit and not _BaseLoader.yaml_path_resolvers

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if not self._plain:  # someone added resolvers to PyYAML's safe loader: let it decide
            return str(super().resolve(kind, value, implicit))
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return STR
        return SEQ if kind is yaml.SequenceNode else MAP


#: How many nodes one entry may expand to, counting every alias use; it stops
#: "billion laughs" alias bombs long before they cost time or memory.
MAX_NODES = 20_000


def compose(path: str, text: str, first_line: int) -> yaml.Node | None:
    """Parse `text` (which starts at `first_line` of the file) into a node tree."""
    loader = _Loader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as err:
        raise GrowthlogError([_syntax_problem(path, text, first_line, err)]) from None
    except yaml.reader.ReaderError as err:
        # A control character (often pasted from a PDF or a chat): name it and where it is.
        # libyaml counts `position` in UTF-8 bytes, PyYAML in characters: find the character instead.
        at = text.find(chr(err.character)) if isinstance(err.character, int) else -1
        line = first_line + text.count("\n", 0, at if at >= 0 else err.position)
        message = (
            f"the front matter contains an invisible control character (#x{err.character:04x}, "
            "often pasted from a PDF or a chat) that YAML does not allow; delete it and retype the text"
            if isinstance(err.character, int)
            else f"the front matter contains a character YAML does not allow ({err.reason})"
        )
        raise GrowthlogError([Problem(path, line, "", message)]) from None
    except yaml.YAMLError as err:
        raise GrowthlogError(
            [Problem(path, first_line, "", f"the front matter is not valid YAML: {err}")]
        ) from None
    finally:
        loader.dispose()


#: PyYAML's wording of common mistakes, with what a person should do about each.
_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "a ':' inside a value, or a line indented more than the one before; "
        'put a value holding ": " in quotes (company: "Acme: Cloud") and check the indentation',
    ),
    ("did not find expected ',' or ']'", "a list opened with '[' is never closed with ']'"),
    ("did not find expected ',' or '}'", "a mapping opened with '{' is never closed with '}'"),
    ("found unexpected end of stream", "a quote opened here is never closed"),
    ("found undefined alias", "an alias ('*name') refers to an anchor ('&name') that is not defined"),
    ("exceeded maximum nesting depth", "values are nested too deeply; an entry never needs that"),
    ("cannot start any token", "a character that cannot start a value here"),
    (
        "did not find expected key",
        "this line is not a 'key: value' field (text after a closing quote? quote the whole value; "
        "or a line indented wrongly)",
    ),
    ("expected <block end>", "the indentation is inconsistent; line up fields of the same level"),
    ("expected <document start>", "the indentation is inconsistent; start every field at the left edge"),
    ("expected a comment or a line break", "text after a closing quote; quote the whole value"),
    (
        "expected alphabetic or numeric character",
        "a '&' or '*' that YAML reads as an anchor or alias; quote the value",
    ),
    ("found character '@' that cannot start any token", "a value starting with '@'; quote it"),
)


def _syntax_problem(path: str, text: str, first_line: int, err: yaml.MarkedYAMLError) -> Problem:
    """Turn a YAML syntax error into a message a person can act on, at the line to fix."""
    lines = text.split("\n")
    last = max(len(lines) - 2, 0)  # `text` ends with a newline: its last "line" is empty
    mark = err.problem_mark or err.context_mark
    line = mark.line if mark else 0
    context = err.context_mark
    # When YAML only notices at the end of the block (an unclosed quote or bracket),
    # the line to fix is where the value started, not the closing '---'.
    # An unclosed bracket or quote swallows the lines after it, so YAML notices later;
    # the line to fix is where it opened.
    opened = err.context is not None and err.context.startswith(
        ("while parsing a flow", "while scanning a quoted scalar")
    )
    noticed = line
    if context is not None and (line > last or opened):
        line = context.line
    line = min(line, last)
    parser_words = " ".join(part for part in (err.context, err.problem) if part)
    hint = next((h for words, h in _HINTS if words in parser_words), "")
    if line < len(lines) and "\t" in lines[line]:
        hint = "a tab character; YAML does not allow tabs for indentation, use spaces"
    message = (
        f"the front matter is not valid YAML: {hint} (YAML says: {parser_words})"
        if hint
        else (f"the front matter is not valid YAML: {parser_words}")
    )
    # Only a scalar or a flow collection "starts" somewhere useful; a block mapping's
    # start is the top of the front matter, which would mislead.
    if noticed != line and noticed <= last:
        message += f"; YAML noticed it at line {first_line + noticed}"
    return Problem(path, first_line + line, "", message)


def line_of(node: yaml.Node, first_line: int) -> int:
    """The line of the file where `node` starts."""
    return first_line + node.start_mark.line


def scalar_text(node: yaml.ScalarNode) -> str:
    """The text as written, stripped: what a user means by a string field."""
    return str(node.value).strip()


def is_null(node: yaml.Node) -> bool:
    """An empty value (`field:` with nothing after it), `~` or `null`."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def kind(node: yaml.Node) -> str:
    """Name the kind of a node as a user would: a list, a mapping, a number..."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value pairs)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return {
        NULL: "nothing",
        BOOL: "a yes/no value",
        INT: "a number",
        FLOAT: "a number",
        TIMESTAMP: "a date",
    }.get(node.tag, "text")


class Budget:
    """Counts nodes visited in one entry, so that aliases cannot make us walk forever."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.left = MAX_NODES

    def spend_on(self, node: yaml.Node, children: list[Any]) -> None:
        """Spend on `node`, then on each of `children` (nodes, or key/value pairs: their values)."""
        if self.left > len(children):  # the common case: enough left for all of them at once
            self.left -= len(children) + 1
            return
        # Spend one by one, so that the message names the value where the budget ran out.
        self.spend(node)
        for child in children:
            self.spend(child[1] if isinstance(child, tuple) else child)

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise GrowthlogError(
                [
                    Problem(
                        self.path,
                        line_of(node, self.first_line),
                        "",
                        f"the front matter expands to more than {MAX_NODES:,} values "
                        "(YAML anchors and aliases repeated?); an entry never needs that many",
                    )
                ]
            )

"""Parse front matter into YAML nodes, which keep the line of every value.

We validate nodes rather than constructed Python values: a node knows its line
(for `file:line` messages), its raw text (so `company: NO` stays the text "NO",
not the boolean false) and whether a mapping repeats a key (which YAML would
silently resolve by keeping the last one).
"""

from __future__ import annotations

import yaml

from growthlog.problems import GrowthlogError, Problem

# libyaml's parser is about 8x faster than the pure-Python one; fall back when absent.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"

#: How many nodes one entry may expand to, counting every alias use; it stops
#: "billion laughs" alias bombs long before they cost time or memory.
MAX_NODES = 20_000


def compose(path: str, text: str, first_line: int) -> yaml.Node | None:
    """Parse `text` (which starts at `first_line` of the file) into a node tree."""
    loader = _BaseLoader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        message = " ".join(part for part in (err.context, err.problem) if part)
        if err.context_mark and mark and err.context_mark.line != mark.line:
            message += f" (the value started at line {first_line + err.context_mark.line})"
        lines = text.split("\n")
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            message += " (YAML does not allow tabs for indentation; use spaces)"
        raise GrowthlogError(
            [Problem(path, line, "", f"the front matter is not valid YAML: {message}")]
        ) from None
    except yaml.YAMLError as err:
        raise GrowthlogError(
            [Problem(path, first_line, "", f"the front matter is not valid YAML: {err}")]
        ) from None
    finally:
        loader.dispose()


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

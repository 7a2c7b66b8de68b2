"""Split an entry file into its YAML front matter and its Markdown body.

We do this ourselves rather than through MkDocs, which swallows YAML errors and
renders the raw block (private fields included) into the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from growthlog.entries.problems import GrowthlogError, Problem

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_EXAMPLE = (
    "an entry starts with a line '---', its fields (date, company, role, stage, outcome), and a closing '---'"
)


@dataclass(frozen=True, slots=True)
class SplitEntry:
    """The two parts of an entry file, with where each starts in the file."""

    yaml: str
    yaml_line: int
    """Line of the file holding the first line of `yaml` (1-based)."""
    body: str
    body_line: int


def decode(path: str, raw: bytes) -> str:
    """Decode UTF-8 (a BOM is accepted) and normalise line endings to '\\n'."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows Notepad's "Unicode": the byte-by-byte message below would not help.
        raise GrowthlogError(
            [
                Problem(
                    path,
                    1,
                    "",
                    "the file is saved as UTF-16 ('Unicode' in some editors); "
                    "save it again with the encoding 'UTF-8'",
                )
            ]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        byte = raw[err.start : err.start + 1].hex()
        raise GrowthlogError(
            [
                Problem(
                    path,
                    line,
                    "",
                    f"the file is not saved as UTF-8 text (byte 0x{byte} at offset {err.start} "
                    "is not UTF-8); in your editor, save it again with the encoding 'UTF-8'",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: The common shape, found without splitting the whole file into lines: '---' on the first line.
_OPENING_FIRST = re.compile(r"---[ \t]*\n")
_CLOSING_LINE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")


def split(path: str, text: str) -> SplitEntry:
    """Find the front matter block; raise `GrowthlogError` when there is none."""
    opening = _OPENING_FIRST.match(text)
    # Searched from the line break that ends the opening line: the closing line follows one.
    closing = _CLOSING_LINE.search(text, opening.end() - 1) if opening else None
    if opening and closing:
        start, end = closing.start() + 1, closing.end()
        return SplitEntry(
            yaml=text[opening.end() : start] or "\n",
            yaml_line=2,
            body=text[end + 1 :],
            body_line=text.count("\n", 0, start) + 2,
        )
    if not text.strip():
        raise GrowthlogError([Problem(path, 1, "", f"the file is empty; {_EXAMPLE}")])
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    if not _FENCE.match(lines[first]):
        raise GrowthlogError(
            [
                Problem(
                    path,
                    first + 1,
                    "",
                    # What the line says is not quoted: it may be private, and build logs may be public.
                    f"no front matter: found {'a heading' if lines[first].lstrip().startswith('#') else 'text'} "
                    f"where '---' should open it; {_EXAMPLE}",
                )
            ]
        )
    for i in range(first + 1, len(lines)):
        if _CLOSING.match(lines[i]):
            return SplitEntry(
                yaml="\n".join(lines[first + 1 : i]) + "\n",
                yaml_line=first + 2,
                body="\n".join(lines[i + 1 :]),
                body_line=i + 2,
            )
    raise GrowthlogError(
        [
            Problem(
                path,
                first + 1,
                "",
                "the front matter opened here is never closed; add a line '---' after the last field",
            )
        ]
    )

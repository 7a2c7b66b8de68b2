"""Entry notes converted by one reused Markdown converter come out exactly as MkDocs renders them."""

from __future__ import annotations

import filecmp
import shutil
from typing import TYPE_CHECKING

from conftest import entry
from growthlog.engines.mkdocs.speedups import notes_converter as notes_page
from growthlog.engines.mkdocs.speedups.notes_converter import NotesConverter, resets_cleanly

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from conftest import Journal

# Notes that leave state behind in a converter that is not reset: footnotes, abbreviations,
# reference links, heading ids, tab and code-block counters, raw HTML anchors.
FIRST = """\
## Plan

Read the HTML spec[^1] and [the reference][ref]. Went to [the second round](second.md#plan).

*[HTML]: Hyper Text Markup Language
[ref]: first.md#plan
[^1]: A footnote of the first round.

=== "Before"
    Too long.

=== "After"
    Short.

```python
print("first")
```

<span id="raw-anchor">raw</span>

??? note "Folded"
    Details.

- [x] done
- [ ] not yet

Term
:   Definition

| a | b |
|---|---|
| 1 | 2 |

==marked== text {#custom-id}

<div markdown="1">
*inside HTML*
</div>
"""

SECOND = """\
## Plan

The HTML word again, [ref] and [^1] undefined here.

=== "Only"
    One tab.

```python
print("second")
```

## Plan

A heading repeated in one page.
"""

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    "pymdownx.tasklist",
    "pymdownx.mark",
    "pymdownx.highlight",
]


def _write_rounds(journal: Journal) -> None:
    journal.config["markdown_extensions"] = EXTENSIONS
    journal.write("first.md", entry(FIRST, date="2026-03-01", application="acme"))
    journal.write("second.md", entry(SECOND, date="2026-03-08", stage="technical", application="acme"))
    journal.write("third.md", entry("Plain notes, [a link](first.md).", date="2026-03-09"))


def test_reused_converter_renders_every_file_as_mkdocs_does(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _write_rounds(journal)
    assert notes_page.COPIES_ENGINE, f"{notes_page.ENGINE} {notes_page.VERSION}: nothing to compare"
    reused = shutil.copytree(journal.build(), tmp_path / "reused")
    monkeypatch.setenv("GROWTHLOG_SPEEDUPS", "-notes_converter")
    fresh = journal.build()

    compared = filecmp.dircmp(reused, fresh)
    pending = [compared]
    while pending:
        current = pending.pop()
        assert not current.left_only and not current.right_only, current.report()
        _, mismatch, errors = filecmp.cmpfiles(
            current.left, current.right, current.common_files, shallow=False
        )
        assert not mismatch and not errors, (current.left, mismatch, errors)
        pending.extend(current.subdirs.values())

    # And the state of one page really did not reach the next.
    first = (reused / "first" / "index.html").read_text(encoding="utf-8")
    second = (reused / "second" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Hyper Text Markup Language">HTML</abbr>' in first
    assert "A footnote of the first round." in first and 'class="footnote"' in first
    assert "<abbr" not in second and 'class="footnote"' not in second
    assert "[ref]" in second and "[^1]" in second
    assert 'id="plan_1"' in second  # the repeated heading, numbered within its own page only


def test_a_converter_is_shared_only_when_every_extension_resets_cleanly() -> None:
    for name in ("toc", "footnotes", "pymdownx.superfences", "markdown.extensions.abbr"):
        assert resets_cleanly(name), name
    for unknown in ("mdx_truly_sane_lists", "my_extension:Extension", object()):
        assert not resets_cleanly(unknown), unknown
    known = {"markdown_extensions": ["toc", "tables", "admonition"], "mdx_configs": {}}
    assert isinstance(NotesConverter.for_build(known), NotesConverter)  # type: ignore[arg-type]
    mixed = {"markdown_extensions": ["toc", "mdx_truly_sane_lists"], "mdx_configs": {}}
    assert NotesConverter.for_build(mixed) is None  # type: ignore[arg-type]

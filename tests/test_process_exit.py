"""At exit, the last build's objects are left to the system instead of walked by the collector once more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import ENGINE

if TYPE_CHECKING:
    from conftest import Journal

# Registered before MkDocs is imported, so it runs after every handler a plugin registers (last in, first out).
SCRIPT = f"""
import atexit, gc, sys
at_start = gc.get_freeze_count()  # not 0 on every Python: 3.12 starts with a few hundred frozen
atexit.register(lambda: print(f"frozen at exit: {{gc.get_freeze_count() - at_start}}", file=sys.stderr))
sys.argv = ["{ENGINE}", "build", "--quiet"]
from {ENGINE}.__main__ import cli
cli()
"""


def frozen_at_exit(journal: Journal) -> int:
    log = journal.run("-c", SCRIPT)
    return int(log.rsplit("frozen at exit: ", 1)[1].split()[0])


def test_a_build_leaves_its_objects_frozen_at_exit(sample_journal: Journal) -> None:
    # Thousands of objects: the build's pages, files and journal, which the collector no longer walks.
    assert frozen_at_exit(sample_journal) > 10_000


def test_without_growthlog_nothing_is_frozen(sample_journal: Journal) -> None:
    """The check above sees growthlog's doing: the same build without the plugin freezes nothing."""
    sample_journal.config["plugins"] = ["search"]
    (sample_journal.entries / "index.md").write_text("# Home\n", encoding="utf-8")
    for entry in sample_journal.entries.rglob("20*.md"):
        entry.write_text("# A page\n\nSome text.\n", encoding="utf-8")
    assert frozen_at_exit(sample_journal) == 0

"""The engine under the journal is a seam: the suite runs on MkDocs 1.6 and on ProperDocs (its
maintained fork), as `.ci/run` does, and growthlog behaves the same on either.

These tests say which engine this run uses and that growthlog's adapter is whole on it:
registered where the engine looks, every speed trick applying (none switched itself off).
"""

from __future__ import annotations

import importlib.metadata
import logging
from typing import TYPE_CHECKING

from conftest import ENGINE, entry

if TYPE_CHECKING:
    import pytest
    from conftest import Journal

PLUGIN = "growthlog.engines.mkdocs.plugin:GrowthlogPlugin"


def test_the_plugin_is_registered_where_each_engine_looks_for_it() -> None:
    # MkDocs reads the mkdocs.plugins group; ProperDocs both, its own properdocs.plugins first.
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = {point.name: point.value for point in importlib.metadata.entry_points(group=group)}
        assert found.get("growthlog") == PLUGIN, group


def test_the_suite_builds_on_the_engine_it_found(journal: Journal) -> None:
    import mkdocs

    assert ENGINE in ("mkdocs", "properdocs")
    assert mkdocs.__name__ == ENGINE  # under ProperDocs, its modules stand in for MkDocs'
    journal.write("a.md", entry())
    page = (journal.build() / "a" / "index.html").read_text(encoding="utf-8")
    generator = page.split('<meta name="generator" content="', 1)[1].split('"', 1)[0]
    assert ("ProperDocs" in generator) == (ENGINE == "properdocs"), generator


def test_every_speed_trick_applies_on_this_engine(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    from growthlog.engines.mkdocs.speedups import notes_converter

    assert notes_converter.COPIES_ENGINE, f"{notes_converter.ENGINE} {notes_converter.VERSION}"
    journal.write("2026/03/a.md", entry("## Notes\n\nText."))
    journal.write("2026/03/b.md", entry("Other.", date="2026-03-15"))
    caplog.set_level(logging.DEBUG)
    journal.build()
    turned_off = [r.getMessage() for r in caplog.records if ": off, " in r.getMessage()]
    assert turned_off == []
    assert any("read 2 of 2 entries" in r.getMessage() for r in caplog.records)  # the log is seen

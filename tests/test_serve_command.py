"""`growthlog serve`, run as a user runs it: a new process in a journal made by `growthlog init`.

Save, delete and rename an entry while it serves (the engine's --dirty rebuild, growthlog's default):
the pages and the search index follow, and a removed entry's page is not reachable any more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from growthlog.cli import main
from test_preview import fetch, free_port, wait_for

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

ENTRY = "entries/2026/06/2026-06-12-brightline-health-screen.md"
PAGE = "2026/06/2026-06-12-brightline-health-screen/"
RENAMED = "entries/2026/06/2026-06-12-brightline-screen.md"
RENAMED_PAGE = "2026/06/2026-06-12-brightline-screen/"


@dataclass
class Served:
    root: Path
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def until(self, condition: Callable[[], bool]) -> None:
        wait_for(condition, self.process, self.log)

    def get(self, url: str) -> str:
        return fetch(self.base + url)


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    """The sample journal from `growthlog init --sample`, served by `growthlog serve`."""
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    root = tmp_path / "journal"
    assert CliRunner().invoke(main, ["init", str(root), "--sample"]).exit_code == 0
    port = free_port()
    log = root / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "growthlog", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=out,
            stderr=out,
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "Brightline Health" in fetch(base + PAGE), process, log)
        yield Served(root, base, process, log)
    finally:
        process.terminate()  # growthlog stops the engine it started
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode is not None


def search_locations(served: Served) -> list[str]:
    text = served.get("search/search_index.json")
    return [doc["location"] for doc in json.loads(text)["docs"]] if text else []


def pages_in_search(served: Served) -> list[str]:
    """Each page of the search index, once per time it is listed (its sections add `#id`)."""
    return [loc for loc in search_locations(served) if "#" not in loc]


def test_serve_follows_a_save_a_delete_and_a_rename(served: Served) -> None:
    entry = served.root / ENTRY
    text = entry.read_text(encoding="utf-8")

    # Save: the entry page, the timeline and the search index show the new company.
    entry.write_text(text.replace("company: Brightline Health", "company: Brightline Care"), encoding="utf-8")
    served.until(lambda: "Brightline Care" in served.get("timeline/"))
    assert "Brightline Care" in served.get(PAGE)
    assert pages_in_search(served).count(PAGE) == 1

    # Rename: the old address is gone, the new one serves, search lists the new one once.
    entry.rename(served.root / RENAMED)
    served.until(lambda: "Brightline Care" in served.get(RENAMED_PAGE))
    served.until(lambda: served.get(PAGE) == "")
    locations = pages_in_search(served)
    assert PAGE not in locations and locations.count(RENAMED_PAGE) == 1
    assert len(locations) == len(set(locations))

    # Delete: the page is not reachable, and no journal page or search entry names it.
    (served.root / RENAMED).unlink()
    served.until(lambda: "Brightline Care" not in served.get("timeline/"))
    served.until(lambda: served.get(RENAMED_PAGE) == "")
    assert RENAMED_PAGE not in pages_in_search(served)
    assert "Brightline Care" not in served.get("search/search_index.json")

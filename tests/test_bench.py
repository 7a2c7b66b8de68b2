"""The benchmark runs end to end (a smoke test: CI checks that it works, never how fast)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_its_tables_at_a_tiny_size(tmp_path: Path) -> None:
    command = [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "20", "--runs", "1"]
    command += ["--preview-size", "20", "--preview-edits", "1", "--keep", str(tmp_path)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "## Core (no MkDocs) against the floor" in out
    assert "## Full `mkdocs build`" in out
    # Every run's CPU seconds are printed, the first growthlog build (no entry cache, no compiled templates) named.
    assert (
        "- N=20: first (cold) growthlog build " in out and "x the plain median; " in out and "; plain " in out
    )
    assert "## Preview at N=20" in out
    assert "| `growthlog serve` |" in out and "| `growthlog serve --full` |" in out
    # One row per table for N=20, and the cache line of the serve that re-read one entry.
    assert out.count("\n| 20 |") == 2
    assert "re-read 1 of 20 entries" in out
    # Targets are at N=1,000 and 5,000: none applies here, and the script says so.
    assert "No target applies to these sizes" in out
    # The three sites really were built.
    for kind in ("growthlog", "plain", "blog"):
        assert (tmp_path / "n20" / kind / "site" / "index.html").is_file()


def test_the_benchmark_can_time_only_the_preview(tmp_path: Path) -> None:
    command = [sys.executable, str(REPO / "bench" / "run.py"), "--only-preview", "--preview-size", "20"]
    command += ["--preview-edits", "1", "--preview-modes", "dirty", "--keep", str(tmp_path)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "## Preview at N=20" in out and "| `growthlog serve` |" in out
    # The engine's CPU seconds per save, which a busy machine does not inflate, beside the wall time.
    row = next(line for line in out.splitlines() if line.startswith("| `growthlog serve` |"))
    cpu = row.split(" | ")[3]
    assert re.fullmatch(r"\d+\.\d\d s, \d+\.\d\d s", cpu), row
    assert "| `growthlog serve --full` |" not in out and "## Core" not in out and "## Full" not in out
    assert "re-read 1 of 20 entries" in out
    # Only the journal it times was written.
    assert sorted(p.name for p in (tmp_path / "n20").iterdir()) == ["growthlog"]

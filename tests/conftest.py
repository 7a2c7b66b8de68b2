"""Shared fixtures: write a journal into tmp_path and build it with a real, in-process MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from growthlog.engines.lookup import find_engine

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ENTRIES = REPO / "entries"
THEME_OVERRIDES = REPO / "theme_overrides"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

#: The engine every build of the suite runs on, found as growthlog's commands find it:
#: GROWTHLOG_ENGINE, else ProperDocs when installed, else MkDocs (CI runs the suite under each).
ENGINE = find_engine().name
if ENGINE == "properdocs":
    # As the `properdocs` command does first: its modules stand in for every `mkdocs.*` import,
    # so the in-process builds below, growthlog's adapter and Material all run on ProperDocs.
    import properdocs.replacement  # noqa: F401


def entry(body: str = "Some notes.", **fields: Any) -> str:
    """The text of an entry file: the required fields (overridable) plus `fields`, then `body`."""
    data: dict[str, Any] = {
        "date": "2026-03-14",
        "company": "Acme Corp",
        "role": "Backend Engineer",
        "stage": "screen",
        "outcome": "pending",
    }
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n" + body + "\n"


class Journal:
    """A journal folder in tmp_path: an entries/ folder and an mkdocs.yml beside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries = root / "entries"
        self.entries.mkdir(parents=True, exist_ok=True)
        self.config: dict[str, Any] = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        self.config["theme"]["custom_dir"] = str(THEME_OVERRIDES)
        self.config["docs_dir"] = "entries"
        self.built_dirty = False
        self.config["site_dir"] = "site"

    def write(self, rel: str, text: str | bytes) -> Path:
        """Write one entry file (relative to entries/)."""
        path = self.entries / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def copy_sample(self) -> None:
        shutil.copytree(SAMPLE_ENTRIES, self.entries, dirs_exist_ok=True)

    def plugin_config(self) -> dict[str, Any]:
        """The `growthlog` plugin's options in this journal's mkdocs.yml (editable in place)."""
        for i, plugin in enumerate(self.config["plugins"]):
            if plugin == "growthlog":
                self.config["plugins"][i] = {"growthlog": {}}
                return self.config["plugins"][i]["growthlog"]
            if isinstance(plugin, dict) and "growthlog" in plugin:
                if plugin["growthlog"] is None:
                    plugin["growthlog"] = {}
                return plugin["growthlog"]
        raise AssertionError("growthlog is not in the plugins of mkdocs.yml")

    def run_engine(self, *arguments: str) -> str:
        """Run the engine's command (`python -m mkdocs ARGUMENTS`, or properdocs) in a new process."""
        return self.run("-m", ENGINE, *arguments)

    def run(self, *arguments: str) -> str:
        """Run `python ARGUMENTS` in a new process in the journal's folder (mkdocs.yml written first),
        as a user runs `mkdocs build`: within this process MkDocs keeps the plugin from one build to
        the next. Returns what it wrote to stderr (MkDocs' log); fails the test if it fails."""
        self.write_config()
        done = subprocess.run(
            [sys.executable, *arguments],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stderr

    def write_config(self) -> Path:
        """Write this journal's mkdocs.yml (done by `build`; also for tools that read it)."""
        config_file = self.root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")
        return config_file

    def build(
        self,
        *,
        strict: bool = True,
        command: str = "build",
        config_name: str = "mkdocs.yml",
        dirty: bool = False,
    ) -> Path:
        """Run a real in-process `mkdocs build` and return the site folder.

        `config_name` builds with another file of the journal's folder (one that
        INHERITs mkdocs.yml, like mkdocs.encrypt.yml); mkdocs.yml is written first.
        `dirty=True` builds as `mkdocs serve --dirty` rebuilds: into the same site folder,
        only the pages MkDocs considers modified. MkDocs keeps a plugin that defines
        `on_startup` for the whole process, so consecutive builds share it, as a serve does.
        """
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config_file = self.write_config().with_name(config_name)
        cwd = Path.cwd()
        os.chdir(self.root)  # messages name files relative to the current folder, as for a user
        try:
            cfg = load_config(config_file=str(config_file), strict=strict)
            search = cfg.plugins.get("material/search")
            if search is not None and not (dirty and self.built_dirty):
                # Material's search keeps the last index for the next dirty build of the same
                # (kept) instance; in a test process that would be another test's journal.
                search.search_index_prev = None
            self.built_dirty = dirty
            cfg.plugins.on_startup(command=command, dirty=dirty)
            try:
                build(cfg, dirty=dirty)
            finally:
                cfg.plugins.on_shutdown()
        finally:
            os.chdir(cwd)
        return self.root / "site"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Journal]:
    """An empty journal with 'today' fixed, so dated figures are reproducible."""
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    monkeypatch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
    monkeypatch.delenv("GROWTHLOG_SPEEDUPS", raising=False)  # every speed trick on, as users run
    yield Journal(tmp_path / "journal")


@pytest.fixture
def sample_journal(journal: Journal) -> Journal:
    """The sample journal shipped in entries/, copied into tmp_path."""
    journal.copy_sample()
    return journal


def site_text(site: Path) -> Callable[[], Iterator[tuple[Path, str]]]:
    """Every text file of a built site, for greps across pages, search index and sitemap."""

    def files() -> Iterator[tuple[Path, str]]:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                yield path, path.read_bytes().decode("utf-8", errors="replace")

    return files

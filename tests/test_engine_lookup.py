"""engines/lookup.py: the engine and the config file every command uses, found without importing them."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from growthlog.engines.lookup import (
    ENGINE_ENV,
    EngineError,
    entries_dir,
    find_config,
    find_engine,
    installed_engines,
    read_config,
)

if TYPE_CHECKING:
    from pathlib import Path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_properdocs_yml_is_found_before_mkdocs_yml(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "docs_dir: old\n")
    assert find_config(folder=tmp_path).docs_dir == tmp_path / "old"
    write(tmp_path / "properdocs.yml", "docs_dir: new\n")
    config = find_config(folder=tmp_path)
    assert config.config_file == tmp_path / "properdocs.yml"
    assert config.docs_dir == tmp_path / "new"


def test_yaml_extension_is_found_too(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yaml", "site_dir: public\n")
    config = find_config(folder=tmp_path)
    assert config.config_file == tmp_path / "mkdocs.yaml"
    assert (config.docs_dir, config.site_dir) == (tmp_path / "docs", tmp_path / "public")


def test_no_config_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"no properdocs\.yml or mkdocs\.yml in .*growthlog init"):
        find_config(folder=tmp_path)
    with pytest.raises(EngineError, match=r"elsewhere\.yml not found"):
        find_config(tmp_path / "elsewhere.yml")


def test_inherit_is_followed_and_the_child_wins(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "docs_dir: journal\nsite_dir: built\n")
    sub = tmp_path / "variants"
    sub.mkdir()
    # The parent is found relative to the child; docs_dir is resolved against the child's folder,
    # as the engines do (they merge the parent's settings into the child's, then resolve).
    write(sub / "encrypt.yml", "INHERIT: ../mkdocs.yml\nsite_dir: locked\nplugins:\n  - search\n")
    config = read_config(sub / "encrypt.yml")
    assert config.docs_dir == sub / "journal"
    assert config.site_dir == sub / "locked"


def test_inherit_loops_and_defaults(tmp_path: Path) -> None:
    write(tmp_path / "loop.yml", "INHERIT: loop.yml\n")
    config = read_config(tmp_path / "loop.yml")
    assert (config.docs_dir, config.site_dir) == (tmp_path / "docs", tmp_path / "site")


def test_tags_the_engines_know_do_not_stop_the_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(
        tmp_path / "mkdocs.yml",
        "docs_dir: !ENV [JOURNAL_DIR, fallback]\n"
        "site_dir: !ENV OUT_DIR\n"
        "hooks: !relative $config_dir\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    )
    monkeypatch.delenv("JOURNAL_DIR", raising=False)
    monkeypatch.setenv("OUT_DIR", "public")
    config = find_config(folder=tmp_path)
    assert (config.docs_dir, config.site_dir) == (tmp_path / "fallback", tmp_path / "public")
    monkeypatch.setenv("JOURNAL_DIR", "rounds")
    assert find_config(folder=tmp_path).docs_dir == tmp_path / "rounds"


def test_a_broken_config_names_the_file(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: [unclosed\n")
    with pytest.raises(EngineError, match=r"mkdocs\.yml is not valid YAML"):
        find_config(folder=tmp_path)
    write(tmp_path / "mkdocs.yml", "- a list\n")
    with pytest.raises(EngineError, match=r"mkdocs\.yml must be a mapping"):
        find_config(folder=tmp_path)
    # new and check fall back to entries/ rather than stopping on it.
    assert entries_dir(tmp_path) == tmp_path / "entries"


def test_entries_dir_without_a_config_is_entries(tmp_path: Path) -> None:
    assert entries_dir(tmp_path) == tmp_path / "entries"
    write(tmp_path / "properdocs.yml", "site_name: Mine\n")
    assert entries_dir(tmp_path) == tmp_path / "docs"


def test_engine_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENGINE_ENV, raising=False)
    installed = installed_engines()
    assert "mkdocs" in installed  # Material depends on it
    # ProperDocs first when it is installed: MkDocs comes with Material, ProperDocs by choice.
    assert find_engine().name == installed[0]
    assert find_engine("mkdocs").name == "mkdocs"
    monkeypatch.setenv(ENGINE_ENV, "mkdocs")
    assert find_engine().name == "mkdocs"
    with pytest.raises(
        EngineError, match="unknown engine 'zensical'; growthlog runs with properdocs or mkdocs"
    ):
        find_engine("zensical")


def test_the_engine_runs_as_a_module_of_this_python() -> None:
    for name in installed_engines():
        command = find_engine(name).command("--version")
        assert command[:3] == [sys.executable, "-m", name]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert name in done.stdout.lower()


def test_lookup_does_not_import_an_engine() -> None:
    # The commands load no engine in-process: the engine runs as a subprocess.
    code = (
        "import sys, growthlog.cli, growthlog.engines.lookup as l; l.find_engine(); l.installed_engines(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'properdocs', 'material')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

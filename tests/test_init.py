"""`growthlog init`: a journal of your own, from the installed wheel, never overwriting anything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from typing import TYPE_CHECKING

import pytest
import yaml
from click.testing import CliRunner
from conftest import REPO
from growthlog import __version__
from growthlog.cli import main
from growthlog.entries.reader import read_journal

if TYPE_CHECKING:
    from pathlib import Path

    from click.testing import Result


def init(*args: str) -> Result:
    return CliRunner().invoke(main, ["init", *args])


def written(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_init_writes_a_journal_into_an_empty_folder(tmp_path: Path) -> None:
    result = init(str(tmp_path / "mine"))
    assert result.exit_code == 0, result.output
    files = written(tmp_path / "mine")
    entries = [name for name in files if name.startswith("entries/")]
    assert sorted(files) == sorted([".gitignore", "README.md", "mkdocs.yml", *entries])
    assert len(entries) == 1 and entries[0].endswith("-example-corp-screen.md")
    assert files[".gitignore"].decode().split("\n").count("site/") == 1
    assert ".cache/" in files[".gitignore"].decode().split("\n")
    config = yaml.safe_load(files["mkdocs.yml"])
    assert config["theme"]["font"] is False and config["docs_dir"] == "entries"
    assert "custom_dir" not in config["theme"]  # everything growthlog needs ships in the package
    # The example is a valid entry, and a draft: never published if it is left in.
    journal = read_journal(tmp_path / "mine/entries")
    assert not journal.problems and [e.draft for e in journal.entries] == [True]
    assert "cd " in result.output and "growthlog serve" in result.output


def test_the_new_journals_config_is_this_repositorys_but_for_its_theme_overrides() -> None:
    # One config for both, checked here: the repository's journal adds only its custom_dir.
    ours = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    new = yaml.safe_load((REPO / "plugin/growthlog/starter/files/mkdocs.yml").read_text(encoding="utf-8"))
    del ours["theme"]["custom_dir"]
    assert new == ours
    encrypt = REPO / "plugin/growthlog/starter/files/mkdocs.encrypt.yml"
    assert encrypt.read_bytes() == (REPO / "mkdocs.encrypt.yml").read_bytes()


def test_init_twice_refuses_and_says_what_exists(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    (tmp_path / "README.md").write_text("my own words", encoding="utf-8")
    before = written(tmp_path)
    result = init(str(tmp_path), "--github")
    assert result.exit_code == 1
    assert "nothing was written" in result.output
    for name in ("mkdocs.yml", "README.md", ".gitignore"):
        assert str(tmp_path / name) in result.output
    assert str(tmp_path / "requirements.txt") not in result.output  # not there yet, not listed
    assert written(tmp_path) == before  # not one file added or changed


@pytest.mark.parametrize("config", ["properdocs.yml", "mkdocs.yaml"])
def test_init_refuses_a_folder_with_another_config(tmp_path: Path, config: str) -> None:
    (tmp_path / config).write_text("site_name: Mine\n", encoding="utf-8")
    result = init(str(tmp_path))
    assert result.exit_code == 1
    assert str(tmp_path / config) in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [config]


def test_init_github_adds_the_workflow_this_repository_runs(tmp_path: Path) -> None:
    result = init(str(tmp_path), "--github")
    assert result.exit_code == 0, result.output
    workflow = (tmp_path / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    # The same workflow as the repository's own, installing growthlog from requirements.txt.
    ours = (REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    ours = ours.replace("pip install '.[encrypt]'", "pip install -r requirements.txt")
    assert workflow == ours.replace(
        "cache-dependency-path: pyproject.toml", "cache-dependency-path: requirements.txt"
    )
    assert (tmp_path / "requirements.txt").read_text(
        encoding="utf-8"
    ) == f"growthlog[encrypt]=={__version__}\n"
    dependabot = yaml.safe_load((tmp_path / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in dependabot["updates"]} == {"github-actions", "pip"}
    assert (tmp_path / "mkdocs.encrypt.yml").is_file()


# -- from the installed wheel ------------------------------------------------------------


@pytest.fixture(scope="session")
def wheel_python(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A Python that imports growthlog from a wheel built from this repository, not the repository.

    The wheel is built from a copy of the files a release holds and installed into a folder of
    its own; the engines and the other dependencies come from this environment, whose site
    folder is put on the path without running its .pth files (-S), so the editable install of
    the repository is not seen.
    """
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "plugin", source / "plugin", ignore=skip)
    shutil.copytree(REPO / "entries", source / "entries", ignore=skip)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(root / "dist"), str(source)], check=True, capture_output=True
    )
    (wheel,) = (root / "dist").glob("growthlog-*.whl")
    target = root / "installed"
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True, capture_output=True
    )
    path = os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])
    return ["env", f"PYTHONPATH={path}", sys.executable, "-S"]


def run(python: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([*python, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_the_wheel_is_what_runs(wheel_python: list[str], tmp_path: Path) -> None:
    done = run(wheel_python, "-c", "import growthlog; print(growthlog.__file__)", cwd=tmp_path)
    assert "installed" in done.stdout and str(REPO) not in done.stdout


@pytest.mark.parametrize("sample", [False, True], ids=["example", "sample"])
def test_a_new_journal_from_the_wheel_builds_strictly(
    wheel_python: list[str], tmp_path: Path, sample: bool
) -> None:
    run(wheel_python, "-m", "growthlog", "init", "journal", *(["--sample"] if sample else []), cwd=tmp_path)
    journal = tmp_path / "journal"
    entries = sorted(p.name for p in (journal / "entries").rglob("*.md"))
    if sample:
        assert entries == sorted(p.name for p in (REPO / "entries").rglob("*.md"))
    built = run(wheel_python, "-m", "mkdocs", "build", "--strict", cwd=journal)
    assert "WARNING" not in built.stderr
    home = (journal / "site/index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search"' in home  # the search fix, with no theme_overrides
    assert (journal / "site/assets/growthlog").is_dir()  # the stylesheets, from the package
    if sample:
        assert "Tidewater Energy" in home
    else:
        # The example entry is a draft: a publish build leaves it out.
        assert not any("example-corp" in str(p) for p in (journal / "site").rglob("*"))

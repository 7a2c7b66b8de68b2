"""`growthlog publish` end to end, against a local bare repository (no network)."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import tarfile
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from conftest import REPO, Journal, entry
from growthlog.cli import main
from test_publish_mode import SAMPLE_DRAFT, SAMPLE_PRIVATE, found_anywhere

if TYPE_CHECKING:
    from pathlib import Path


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def repo(sample_journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Journal, Path]:
    """The sample journal in a git repository whose `origin` is a bare repository in tmp_path."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("init", "-q", cwd=sample_journal.root)
    git("remote", "add", "origin", str(remote), cwd=sample_journal.root)
    monkeypatch.chdir(sample_journal.root)
    return sample_journal, remote


def publish(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["publish", *args])
    return result.exit_code, result.output


def checkout(remote: Path, branch: str, into: Path) -> Path:
    """The files of `branch` in `remote`, written out under `into`."""
    archive = subprocess.run(
        ["git", "--git-dir", str(remote), "archive", branch], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_publish_pushes_the_site_as_a_single_commit_without_private_data(
    repo: tuple[Journal, Path], tmp_path: Path, engine: str
) -> None:
    journal, remote = repo
    journal.plugin_config()["show_private"] = True  # left on by mistake: publish must override it
    journal.write_config()
    if engine == "properdocs":
        # ProperDocs' own name for the config: found first, with no -f.
        journal.write_config().rename(journal.root / "properdocs.yml")

    code, output = publish("--engine", engine)
    assert code == 0, output
    assert "to gh-pages on origin as one commit" in output
    assert git("--git-dir", str(remote), "rev-list", "--count", "gh-pages", cwd=tmp_path) == "1"
    site = checkout(remote, "gh-pages", tmp_path / "first")
    for name in ("index.html", "404.html", "robots.txt", ".nojekyll", "search/search_index.json"):
        assert (site / name).is_file(), name
    assert (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").is_file()
    assert not (site / "2026/11/2026-11-24-saltmarsh-media-screen").exists()  # the draft
    assert found_anywhere(site, SAMPLE_PRIVATE + SAMPLE_DRAFT) == []
    author = git("--git-dir", str(remote), "log", "-1", "--format=%an <%ae>", "gh-pages", cwd=tmp_path)
    assert author == "growthlog <growthlog@localhost>"

    # A second publish replaces the branch: still one commit, holding the new site only.
    journal.write("2026/12/2026-12-01-newco-screen.md", entry(date="2026-12-01", company="Newco Systems"))
    code, output = publish("--engine", engine)
    assert code == 0, output
    assert git("--git-dir", str(remote), "rev-list", "--count", "gh-pages", cwd=tmp_path) == "1"
    site = checkout(remote, "gh-pages", tmp_path / "second")
    assert "Newco Systems" in (site / "index.html").read_text(encoding="utf-8")
    # The repository's own branches, index and working tree are untouched.
    assert git("status", "--porcelain", "--untracked-files=no", cwd=journal.root) == ""
    assert git("branch", "--list", cwd=journal.root) == ""


def test_publish_to_another_remote_and_branch(repo: tuple[Journal, Path], tmp_path: Path) -> None:
    journal, _ = repo
    other = tmp_path / "other.git"
    subprocess.run(["git", "init", "-q", "--bare", str(other)], check=True)
    git("remote", "add", "pages", str(other), cwd=journal.root)
    journal.write_config()
    code, output = publish("--remote", "pages", "--branch", "site")
    assert code == 0, output
    assert git("--git-dir", str(other), "rev-list", "--count", "site", cwd=tmp_path) == "1"


def test_publish_refuses_when_an_entry_is_invalid(repo: tuple[Journal, Path], tmp_path: Path) -> None:
    journal, remote = repo
    journal.write("2026/broken.md", entry(outcome="rejcted"))
    journal.write_config()
    code, output = publish()
    assert code == 1
    assert "broken.md:6: outcome: 'rejcted' is not allowed" in output
    assert "nothing was published" in output
    assert git("--git-dir", str(remote), "branch", "--list", cwd=tmp_path) == ""


def test_publish_outside_a_git_repository_says_so(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.write("a.md", entry())
    journal.write_config()
    monkeypatch.chdir(journal.root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(journal.root.parent))
    code, output = publish()
    assert code == 1
    assert "is not in a git repository" in output


def test_publish_reports_an_unknown_remote(repo: tuple[Journal, Path]) -> None:
    journal, _ = repo
    journal.write_config()
    code, output = publish("--remote", "nowhere")
    assert code == 1
    assert "cannot reach the remote 'nowhere'" in output and "nothing was published" in output


@pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)
def test_publish_a_password_protected_site(
    repo: tuple[Journal, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, remote = repo
    journal.write_config()
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    code, output = publish("-f", "mkdocs.encrypt.yml")
    assert code == 0, output
    site = checkout(remote, "gh-pages", tmp_path / "site")
    offer = (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").read_text(encoding="utf-8")
    assert "mkdocs-encrypted-content" in offer
    assert found_anywhere(site, ["Tidewater Energy", "Did not accept on the spot", *SAMPLE_PRIVATE]) == []


def test_publish_without_a_config_says_where_it_looked(repo: tuple[Journal, Path]) -> None:
    code, output = publish()
    assert code == 1
    assert "no properdocs.yml or mkdocs.yml in" in output
    assert "Traceback" not in output


def test_publish_with_an_engine_that_is_not_installed_says_how_to_install_it(
    repo: tuple[Journal, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, _ = repo
    journal.write_config()
    monkeypatch.setattr("growthlog.engines.lookup.installed_engines", lambda: ["mkdocs"])
    code, output = publish("--engine", "properdocs")
    assert code == 1
    assert "properdocs is not installed in this Python" in output and "pip install properdocs" in output

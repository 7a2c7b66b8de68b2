"""Gates that refuse: no password, private data on a publishing command, warnings, a source branch.

Each test forces the unsafe case and checks that nothing was built or pushed, with a
one-line reason; builds are real (in process, or as a user runs them in a new process),
publishes go to a bare repository in tmp_path.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, Journal, entry
from growthlog.privacy.gates import password_refusal, password_variable, show_private_refusal
from mkdocs.exceptions import Abort
from test_publish import checkout, git, publish
from test_publish_mode import found_anywhere

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)
PASSWORD = "correct horse battery staple 1978"


def mkdocs(
    journal: Journal, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs ARGS` in a new process in the journal's folder, as a user runs it (mkdocs.yml written first)."""
    journal.write_config()
    environ = {
        k: v for k, v in os.environ.items() if k not in ("GROWTHLOG_PASSWORD", "GROWTHLOG_SHOW_PRIVATE")
    }
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=journal.root,
        capture_output=True,
        text=True,
        env={**environ, **(env or {})},
        timeout=300,
        check=False,
    )


def branches(remote: Path) -> str:
    return git("--git-dir", str(remote), "branch", "--list", cwd=remote.parent)


# -- the password configuration --------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "said"),
    [
        ({}, "GROWTHLOG_PASSWORD is not set"),
        ({"GROWTHLOG_PASSWORD": ""}, "GROWTHLOG_PASSWORD is empty"),
        ({"GROWTHLOG_PASSWORD": "   "}, "GROWTHLOG_PASSWORD holds only spaces"),
        (
            {"GROWTHLOG_PASWORD": PASSWORD},
            "GROWTHLOG_PASSWORD is not set (GROWTHLOG_PASWORD is set: a misspelling?)",
        ),
    ],
)
@needs_encrypt
def test_the_password_configuration_refuses_to_build_without_a_password(
    sample_journal: Journal, environ: dict[str, str], said: str
) -> None:
    shutil.copy(REPO / "mkdocs.encrypt.yml", sample_journal.root / "mkdocs.encrypt.yml")
    done = mkdocs(sample_journal, "build", "-f", "mkdocs.encrypt.yml", env=environ)
    assert done.returncode == 1
    assert f"growthlog: mkdocs.encrypt.yml protects the site with a password, but {said}" in done.stderr
    assert "in clear text, so nothing was built" in done.stderr
    assert "Traceback" not in done.stderr
    assert PASSWORD not in done.stderr  # a near miss is named, never its value
    assert not (sample_journal.root / "site" / "index.html").exists()


@needs_encrypt
def test_the_password_gate_names_the_variable_the_configuration_reads(sample_journal: Journal) -> None:
    text = (REPO / "mkdocs.encrypt.yml").read_text(encoding="utf-8")
    (sample_journal.root / "mkdocs.encrypt.yml").write_text(
        text.replace("GROWTHLOG_PASSWORD", "JOURNAL_SECRET"), encoding="utf-8"
    )
    done = mkdocs(sample_journal, "build", "-f", "mkdocs.encrypt.yml", env={"GROWTHLOG_PASSWORD": PASSWORD})
    assert done.returncode == 1
    assert "but JOURNAL_SECRET is not set" in done.stderr
    # With it set, the site is built and encrypted.
    done = mkdocs(sample_journal, "build", "-f", "mkdocs.encrypt.yml", env={"JOURNAL_SECRET": PASSWORD})
    assert done.returncode == 0, done.stderr
    offer = sample_journal.root / "site/2026/11/2026-11-20-tidewater-energy-offer/index.html"
    assert "mkdocs-encrypted-content" in offer.read_text(encoding="utf-8")


@needs_encrypt
def test_publish_with_the_password_configuration_and_no_password_pushes_nothing(
    repo: tuple[Journal, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, remote = repo
    journal.write_config()
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.delenv("GROWTHLOG_PASSWORD", raising=False)
    code, output = publish("-f", "mkdocs.encrypt.yml")
    assert code == 1
    assert "GROWTHLOG_PASSWORD is not set" in output  # the build's own line, shown by publish
    assert "nothing was published" in output
    assert branches(remote) == ""


def test_password_variable_follows_the_env_tag_and_inherit(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(
        "plugins:\n  - encryptcontent:\n      global_password: !ENV [MY_PASS, '']\n", encoding="utf-8"
    )
    (tmp_path / "child.yml").write_text("INHERIT: base.yml\nsite_name: x\n", encoding="utf-8")
    (tmp_path / "plain.yml").write_text("global_password: !ENV OTHER_PASS\n", encoding="utf-8")
    (tmp_path / "none.yml").write_text("site_name: x\n", encoding="utf-8")
    assert password_variable(tmp_path / "child.yml") == "MY_PASS"
    assert password_variable(tmp_path / "plain.yml") == "OTHER_PASS"
    assert password_variable(tmp_path / "none.yml") == "GROWTHLOG_PASSWORD"
    assert password_variable(tmp_path / "missing.yml") == "GROWTHLOG_PASSWORD"
    assert password_refusal("x", "P", "c.yml", {}) is None
    assert password_refusal(None, "P", "c.yml", {}) is not None


# -- show_private on a command that publishes ---------------------------------------------


@pytest.mark.parametrize("switch", ["config", "environment"])
def test_gh_deploy_with_private_data_shown_refuses(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    journal.write("a.md", entry(private={"salary": "123456"}))
    if switch == "config":
        journal.plugin_config()["show_private"] = True
    else:
        monkeypatch.setenv("GROWTHLOG_SHOW_PRIVATE", "1")
    with pytest.raises(Abort):
        journal.build(command="gh-deploy")
    assert not (journal.root / "site").exists()
    # In a new process, as `mkdocs gh-deploy` runs: one line, no traceback, nothing pushed.
    env = {"GROWTHLOG_SHOW_PRIVATE": "1"} if switch == "environment" else {}
    done = mkdocs(journal, "gh-deploy", "--remote-name", "nowhere", env=env)
    assert done.returncode == 1
    assert "`gh-deploy` would publish private data and drafts; nothing was built" in done.stderr
    assert "Traceback" not in done.stderr


def test_only_serve_and_build_may_show_private_data() -> None:
    assert show_private_refusal("serve", False) is None
    assert show_private_refusal("build", True) is None
    for command in ("gh-deploy", "deploy", "publish", ""):
        refusal = show_private_refusal(command, False)
        assert refusal is not None and "show_private: true is in mkdocs.yml" in refusal


# -- growthlog publish stops on warnings --------------------------------------------------


@pytest.fixture
def repo(sample_journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Journal, Path]:
    """The sample journal in a git repository whose `origin` is a bare repository in tmp_path."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("init", "-q", "-b", "main", cwd=sample_journal.root)
    git("remote", "add", "origin", str(remote), cwd=sample_journal.root)
    monkeypatch.chdir(sample_journal.root)
    return sample_journal, remote


def commit_all(journal: Journal, message: str = "Add entries") -> None:
    journal.write_config()
    git("add", "-A", cwd=journal.root)
    git(
        "-c",
        "user.name=Me",
        "-c",
        "user.email=me@example.com",
        "commit",
        "-q",
        "-m",
        message,
        cwd=journal.root,
    )


WARNED = [
    pytest.param(
        "2026/12/2026-12-01-secret-screen.md",
        entry(date="2026-12-01", company="Secretive Startup", drafts=True),
        "unknown field 'drafts' is ignored",
        id="drafts-misspelt",
    ),
    pytest.param(
        "2026/12/2026-12-02-named-screen.md",
        entry(
            date="2026-12-02",
            company="Named Co",
            interviewers=["Zebulon Quartz"],
            went_well=["Zebulon liked it"],
        ),
        "a word of the name interviewers[0] appears in public text",
        id="interviewer-name",
    ),
]


@pytest.mark.parametrize(("rel", "text", "said"), WARNED)
def test_publish_refuses_an_entry_warning_unless_allowed(
    repo: tuple[Journal, Path], tmp_path: Path, rel: str, text: str, said: str
) -> None:
    journal, remote = repo
    journal.write(rel, text)
    journal.write_config()
    code, output = publish()
    assert code == 1
    assert said in output
    assert "nothing was published" in output and "--allow-warnings" in output
    assert branches(remote) == ""

    code, output = publish("--allow-warnings")
    assert code == 0, output
    assert "gh-pages" in branches(remote)


def test_publish_refuses_a_build_warning_unless_allowed(repo: tuple[Journal, Path]) -> None:
    journal, remote = repo
    journal.write(
        "2026/12/2026-12-03-offsite-screen.md",
        entry(body='<img src="https://cdn.example.com/me.png" alt="me">'),
    )
    journal.write_config()
    code, output = publish()
    assert code == 1
    assert "the build stopped on the warnings above" in output and "--allow-warnings" in output
    assert "loads https://cdn.example.com/me.png from another host" in output
    assert branches(remote) == ""
    code, output = publish("--allow-warnings")
    assert code == 0, output


@needs_encrypt
def test_an_encrypted_publish_refuses_warnings_too(
    repo: tuple[Journal, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, remote = repo
    journal.write("2026/12/2026-12-01-secret-screen.md", entry(date="2026-12-01", drafts=True))
    journal.write_config()
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", PASSWORD)
    code, output = publish("-f", "mkdocs.encrypt.yml")
    assert code == 1 and "unknown field 'drafts'" in output
    assert branches(remote) == ""


def run_workflow_build(journal: Journal, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The Pages workflow's build step, run by bash in the journal's folder as the runner would."""
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["build"]
    step = next(s for s in job["steps"] if s.get("name") == "Build in publish mode")
    journal.write_config()
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("GROWTHLOG_")}
    environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environ.get('PATH', '')}"
    environ.update({k: v for k, v in job["env"].items() if not str(v).startswith("${{")})
    environ.update({"GROWTHLOG_TODAY": "2026-11-26", "GROWTHLOG_PASSWORD": "", **env})
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=journal.root, capture_output=True, text=True, env=environ, timeout=300,
        check=False,
    )  # fmt: skip


def test_the_pages_workflow_fails_on_a_warning_unless_the_repository_allows_warnings(
    sample_journal: Journal,
) -> None:
    sample_journal.write("2026/12/2026-12-01-secret-screen.md", entry(date="2026-12-01", drafts=True))
    done = run_workflow_build(sample_journal, {})
    assert done.returncode != 0
    assert "unknown field 'drafts' is ignored" in done.stderr and "strict mode" in done.stdout
    done = run_workflow_build(sample_journal, {"ALLOW_WARNINGS": "true"})
    assert done.returncode == 0, done.stderr


@needs_encrypt
def test_the_pages_workflow_marked_protected_refuses_without_the_secret(sample_journal: Journal) -> None:
    done = run_workflow_build(sample_journal, {"PROTECTED": "true"})
    assert done.returncode != 0
    assert "GROWTHLOG_PASSWORD is empty" in done.stderr
    assert not (sample_journal.root / "site" / "index.html").exists()


# -- growthlog publish refuses a branch that holds anything but sites ---------------------------


def test_publish_refuses_the_current_branch(repo: tuple[Journal, Path]) -> None:
    journal, remote = repo
    commit_all(journal)
    code, output = publish("--branch", "main")
    assert code == 1
    assert "--branch main is the branch you are on" in output and "nothing was published" in output
    assert branches(remote) == ""


def test_publish_refuses_the_upstream_of_the_current_branch(repo: tuple[Journal, Path]) -> None:
    journal, remote = repo
    commit_all(journal)
    git("push", "-q", "-u", "origin", "main:source", cwd=journal.root)
    code, output = publish("--branch", "source")
    assert code == 1
    assert "source on origin is the upstream of your branch main" in output
    assert git("--git-dir", str(remote), "log", "--format=%s", "source", cwd=remote.parent) == "Add entries"


def test_publish_refuses_a_branch_with_source_history_and_says_what_it_found(
    repo: tuple[Journal, Path],
) -> None:
    journal, remote = repo
    commit_all(journal, "Notes from the Acme screen")
    git("push", "-q", "origin", "main:backup", cwd=journal.root)
    code, output = publish("--branch", "backup")
    assert code == 1
    assert "backup on origin holds 1 commit(s) that are not published sites" in output
    assert "'Notes from the Acme screen'" in output
    assert "destroy them" in output
    assert git("--git-dir", str(remote), "log", "--format=%s", "backup", cwd=remote.parent) == (
        "Notes from the Acme screen"
    )


def test_publish_refuses_a_local_branch_with_source_history(repo: tuple[Journal, Path]) -> None:
    journal, remote = repo
    commit_all(journal)
    git("branch", "drafts-of-notes", cwd=journal.root)
    code, output = publish("--branch", "drafts-of-notes")
    assert code == 1
    assert "your local branch drafts-of-notes holds 1 commit(s) that are not published sites" in output
    assert branches(remote) == ""


@pytest.mark.parametrize("remote_arg", [".", "self"])
def test_publish_refuses_this_repository_as_its_remote(repo: tuple[Journal, Path], remote_arg: str) -> None:
    journal, _ = repo
    commit_all(journal)
    git("remote", "add", "self", str(journal.root), cwd=journal.root)
    code, output = publish("--remote", remote_arg)
    assert code == 1
    assert f"--remote {remote_arg} is this repository itself" in output
    assert "gh-pages" not in git("branch", "--list", cwd=journal.root)


def test_publish_replaces_earlier_sites_of_mkdocs_gh_deploy(
    repo: tuple[Journal, Path], tmp_path: Path
) -> None:
    journal, remote = repo
    journal.write_config()
    # A branch as `mkdocs gh-deploy` leaves it: site commits titled by ghp-import.
    site = tmp_path / "old-site"
    site.mkdir()
    (site / "index.html").write_text("old site", encoding="utf-8")
    git("init", "-q", "-b", "gh-pages", cwd=site)
    git("add", "-A", cwd=site)
    for n in (1, 2):
        git(
            "-c", "user.name=ghp", "-c", "user.email=ghp@example.com", "commit", "-q", "--allow-empty",
            "-m", f"Deployed abc123{n} with MkDocs version: 1.6.1", cwd=site,
        )  # fmt: skip
    git("push", "-q", str(remote), "gh-pages", cwd=site)
    code, output = publish()
    assert code == 0, output
    assert git("--git-dir", str(remote), "rev-list", "--count", "gh-pages", cwd=tmp_path) == "1"
    assert (checkout(remote, "gh-pages", tmp_path / "new") / "2026").is_dir()


# -- growthlog publish says when it publishes what is not committed ------------------------------


def test_publish_warns_about_uncommitted_and_untracked_entries_and_publishes_them(
    repo: tuple[Journal, Path], tmp_path: Path
) -> None:
    journal, remote = repo
    commit_all(journal)
    code, output = publish()
    assert code == 0, output
    assert "not committed" not in output

    journal.write("2026/12/2026-12-04-fresh-screen.md", entry(date="2026-12-04", company="Freshly Written"))
    (journal.entries / "2026/11/2026-11-20-tidewater-energy-offer.md").write_text(
        (journal.entries / "2026/11/2026-11-20-tidewater-energy-offer.md").read_text(encoding="utf-8")
        + "\nMore.\n",
        encoding="utf-8",
    )
    code, output = publish()
    assert code == 0, output
    assert "warning: 2 file(s) under" in output
    assert "2026/12/2026-12-04-fresh-screen.md" in output and "2026-11-20-tidewater-energy-offer.md" in output
    assert "publishes the files on disk, committed or not" in output
    site = checkout(remote, "gh-pages", tmp_path / "site")
    assert found_anywhere(site, ["Freshly Written"]) != []

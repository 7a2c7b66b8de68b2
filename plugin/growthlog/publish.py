"""`growthlog publish`: build in publish mode and push the site as a single commit.

The branch (gh-pages by default) is replaced on every publish by one commit with
no parent, pushed with force: a private value removed from the journal later is
not left in an old deployment of the branch's history. Only `git` and the
engine (ProperDocs or MkDocs) are called, as subprocesses, so this module needs
neither the engine's API nor a git library.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries.reader import read_journal
from growthlog.pages.journal_pages import reserved_urls
from growthlog.privacy.leakscan import LeakScanner, describe
from growthlog.privacy.secrets import secrets
from growthlog.privacy.site_guard import SHOW_PRIVATE_ENV

if TYPE_CHECKING:
    from collections.abc import Mapping

    from growthlog.engines.lookup import Engine, JournalConfig
    from growthlog.entries.reader import ReadResult

#: The deployment commit is not yours to sign: a neutral identity keeps your name and
#: e-mail address out of the published branch.
_IDENTITY = {
    "GIT_AUTHOR_NAME": "growthlog",
    "GIT_AUTHOR_EMAIL": "growthlog@localhost",
    "GIT_COMMITTER_NAME": "growthlog",
    "GIT_COMMITTER_EMAIL": "growthlog@localhost",
}
COMMIT_MESSAGE = (
    "Publish the journal (growthlog publish)\n\nEach publish replaces this branch with a single commit."
)


class PublishError(Exception):
    """Publishing stopped; the message says why and what to do. Nothing was pushed."""


@dataclass(frozen=True, slots=True)
class Published:
    """What was pushed where."""

    remote: str
    branch: str
    commit: str
    files: int


def check_entries(entries_dir: Path) -> ReadResult:
    """Read the journal; refuse to publish when any entry has an error."""
    result = read_journal(entries_dir, reserved=reserved_urls())
    if result.errors:
        count = len({p.path for p in result.errors})
        problems = "\n".join(f"{p.severity.value}: {p}" for p in result.problems)
        raise PublishError(
            f"{problems}\n{len(result.errors)} error(s) in {count} entr{'y' if count == 1 else 'ies'}; "
            "nothing was published. Fix them (growthlog check lists them again)."
        )
    return result


def build_site(
    engine: Engine, config_file: Path, site_dir: Path, environ: Mapping[str, str] | None = None
) -> None:
    """Build with `engine` in publish mode (private data off, whatever the config says)."""
    env = {**(os.environ if environ is None else environ), SHOW_PRIVATE_ENV: "0"}
    command = engine.command(
        "build", "--clean", "--config-file", str(config_file), "--site-dir", str(site_dir)
    )
    done = subprocess.run(command, env=env, check=False)
    if done.returncode != 0:
        raise PublishError(
            f"the build failed ({engine.name} exited with {done.returncode}); nothing was published"
        )


def scan_site(result: ReadResult, site_dir: Path) -> None:
    """Scan the built site once more, independently of the plugin, before anything leaves."""
    leaks = LeakScanner(secrets(result.entries)).scan_site(site_dir)
    if leaks:
        raise PublishError(f"private data found in the built site; nothing was published:\n{describe(leaks)}")


def _git(args: list[str], cwd: Path, env: Mapping[str, str] | None = None) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise PublishError("git is not installed; growthlog publish pushes with git") from None
    if done.returncode != 0:
        raise PublishError(f"git {args[0]} failed: {done.stderr.strip() or done.stdout.strip()}")
    return done.stdout.strip()


def push_site(repo: Path, site_dir: Path, remote: str, branch: str) -> Published:
    """Commit `site_dir` as a parentless commit in `repo`'s object store and force-push it.

    A throwaway index is used, so the repository's own index, working tree and
    branches are untouched.
    """
    git_dir = _git(["rev-parse", "--absolute-git-dir"], repo)
    (site_dir / ".nojekyll").touch()  # GitHub Pages would otherwise drop files starting with "_"
    with tempfile.TemporaryDirectory(prefix="growthlog-index-") as scratch:
        env = {**os.environ, **_IDENTITY, "GIT_INDEX_FILE": str(Path(scratch, "index"))}
        tree_args = [f"--git-dir={git_dir}", f"--work-tree={site_dir}"]
        # --force: the repository's .gitignore (site/, *.gz...) must not drop files of the site.
        _git([*tree_args, "add", "--all", "--force", "."], site_dir, env)
        tree = _git([*tree_args, "write-tree"], site_dir, env)
        files = len(_git([f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", tree], repo).splitlines())
        commit = _git([f"--git-dir={git_dir}", "commit-tree", tree, "-m", COMMIT_MESSAGE], repo, env)
    _git(["push", "--force", remote, f"{commit}:refs/heads/{branch}"], repo)
    return Published(remote, branch, commit, files)


def publish(
    config: JournalConfig, engine: Engine, remote: str = "origin", branch: str = "gh-pages"
) -> Published:
    """Check, build in publish mode with `engine`, scan, and push the journal to `remote`'s `branch`."""
    result = check_entries(config.docs_dir)
    repo = config.config_file.resolve().parent
    try:
        _git(["rev-parse", "--show-toplevel"], repo)
    except PublishError:
        raise PublishError(
            f"{repo} is not in a git repository; growthlog publish pushes the site to a branch "
            "of the journal's repository (git init, then git remote add origin URL)"
        ) from None
    with tempfile.TemporaryDirectory(prefix="growthlog-site-") as scratch:
        site_dir = Path(scratch, "site")
        build_site(engine, config.config_file, site_dir)
        scan_site(result, site_dir)
        return push_site(repo, site_dir, remote, branch)

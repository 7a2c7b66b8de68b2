"""`growthlog publish`: build in publish mode and push the site as a single commit.

The branch (gh-pages by default) is replaced on every publish by one commit with
no parent, pushed with force: a private value removed from the journal later is
not left in an old deployment of the branch's history. Only `git` and the
engine (ProperDocs or MkDocs) are called, as subprocesses, so this module needs
neither the engine's API nor a git library.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries.problems import summarise
from growthlog.entries.reader import read_journal
from growthlog.pages.journal_pages import reserved_urls, written_files
from growthlog.privacy.leakscan import LeakScanner, describe
from growthlog.privacy.secrets import secrets
from growthlog.privacy.site_guard import SHOW_PRIVATE_ENV

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

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


def check_entries(entries_dir: Path, allow_warnings: bool = False) -> ReadResult:
    """Read the journal; refuse to publish when any entry has an error, or a warning unless allowed.

    A warning is something that would publish what the user did not mean to (a
    misspelt `draft`, an interviewer's name in public text): a publish stops on it,
    unless the user says `--allow-warnings`.
    """
    result = read_journal(entries_dir, reserved=reserved_urls(), written=written_files())
    if result.errors or (result.warnings and not allow_warnings):
        problems = "\n".join(f"{p.severity.value}: {p}" for p in result.problems)
        what = summarise(result.problems)
        fix = (
            "Fix them (growthlog check lists them again)."
            if result.errors
            else "Fix them (growthlog check lists them again), or publish anyway with --allow-warnings."
        )
        raise PublishError(f"{problems}\n{what}; nothing was published. {fix}")
    return result


def build_site(
    engine: Engine,
    config_file: Path,
    site_dir: Path,
    environ: Mapping[str, str] | None = None,
    allow_warnings: bool = False,
) -> None:
    """Build with `engine` in publish mode (private data off, whatever the config says).

    Strict unless warnings are allowed: a warning of the build (a request to another
    host, a broken link, a file left out) stops the publish as a warning of an entry does.
    """
    env = {**(os.environ if environ is None else environ), SHOW_PRIVATE_ENV: "0"}
    arguments = ["build", "--clean", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    command = engine.command(*arguments, *([] if allow_warnings else ["--strict"]))
    # Its log is shown as it is; the engine writes its last line ("Aborted with...") to stdout.
    done = subprocess.run(command, env=env, check=False, capture_output=True, text=True)
    sys.stderr.write(done.stderr + done.stdout)
    if done.returncode != 0:
        reason = f"{engine.name} exited with {done.returncode}"
        if "in strict mode" in done.stdout + done.stderr:
            raise PublishError(
                f"the build stopped on the warnings above ({reason}); nothing was published. "
                "Fix them, or publish anyway with --allow-warnings"
            )
        raise PublishError(f"the build failed ({reason}); nothing was published")


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
    config: JournalConfig,
    engine: Engine,
    remote: str = "origin",
    branch: str = "gh-pages",
    allow_warnings: bool = False,
    warn: Callable[[str], None] = lambda message: None,
) -> Published:
    """Check, build in publish mode with `engine`, scan, and push the journal to `remote`'s `branch`.

    `warn` is told what the user should know but that does not stop the publish.
    """
    entries_dir = config.docs_dir
    result = check_entries(entries_dir, allow_warnings)
    repo = config.config_file.resolve().parent
    try:
        _git(["rev-parse", "--show-toplevel"], repo)
    except PublishError:
        raise PublishError(
            f"{repo} is not in a git repository; growthlog publish pushes the site to a branch "
            "of the journal's repository (git init, then git remote add origin URL)"
        ) from None
    check_target(repo, remote, branch)
    uncommitted = uncommitted_files(repo, entries_dir)
    if uncommitted:
        shown = ", ".join(uncommitted[:5]) + (", ..." if len(uncommitted) > 5 else "")
        warn(
            f"{len(uncommitted)} file(s) under {entries_dir} are not committed as they are on disk "
            f"({shown}); growthlog publish publishes the files on disk, committed or not"
        )
    with tempfile.TemporaryDirectory(prefix="growthlog-site-") as scratch:
        site_dir = Path(scratch, "site")
        build_site(engine, config.config_file, site_dir, allow_warnings=allow_warnings)
        scan_site(result, site_dir)
        return push_site(repo, site_dir, remote, branch)


#: How a `mkdocs gh-deploy` (or `properdocs gh-deploy`) commit is titled: an earlier site, not source.
_GH_DEPLOY_SUBJECT = re.compile(r"^Deployed [0-9a-f]{7,40} with (?:MkDocs|ProperDocs) version")
#: At most this many commits of a branch are looked at (a gh-deploy branch grows by one per deploy).
_HISTORY_LIMIT = 100_000


def check_target(repo: Path, remote: str, branch: str) -> None:
    """Refuse a branch that a force-push of the site would destroy: one that holds anything but sites.

    The push replaces the branch whole, so it must be a branch only growthlog (or
    `mkdocs gh-deploy`) ever wrote: not this repository itself (`--remote .`), not
    the branch checked out or its upstream, not one holding any other commit.
    """
    git_dir = Path(_git(["rev-parse", "--absolute-git-dir"], repo))
    if _is_this_repository(repo, git_dir, remote):
        raise PublishError(
            f"--remote {remote} is this repository itself: the site would replace one of its own "
            "branches; nothing was published. Push to a remote (git remote add origin URL)"
        )
    current = _git_or_none(["symbolic-ref", "--quiet", "--short", "HEAD"], repo)
    if current is not None and branch == current:
        raise PublishError(
            f"--branch {branch} is the branch you are on; publishing would replace its history "
            "with the site; nothing was published. Pick a branch for the site only (gh-pages)"
        )
    if current is not None:
        upstream_remote = _git_or_none(["config", f"branch.{current}.remote"], repo)
        upstream_branch = _git_or_none(["config", f"branch.{current}.merge"], repo)
        if upstream_remote == remote and upstream_branch == f"refs/heads/{branch}":
            raise PublishError(
                f"{branch} on {remote} is the upstream of your branch {current}; publishing would "
                "replace its history with the site; nothing was published. Pick a branch for the site only"
            )
    try:
        listed = _git(["ls-remote", "--heads", remote, f"refs/heads/{branch}"], repo)
    except PublishError as err:
        raise PublishError(
            f"cannot reach the remote {remote!r} to check what its branch {branch} holds; "
            f"nothing was published ({err})"
        ) from None
    tips = {line.split()[0]: f"{branch} on {remote}" for line in listed.splitlines() if line.strip()}
    if tips:
        # The objects only (no ref, no FETCH_HEAD written), to look at the branch's history.
        _git(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, f"refs/heads/{branch}"], repo)
    local = _git_or_none(["rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}"], repo)
    if local is not None:
        tips.setdefault(local, f"your local branch {branch}")
    for tip, where in tips.items():
        foreign = _not_site_commits(repo, tip)
        if foreign:
            sha, subject = foreign[0]
            raise PublishError(
                f"{where} holds {len(foreign)} commit(s) that are not published sites (the latest: "
                f"{sha[:12]} {subject!r}); publishing replaces the branch whole and would destroy them; "
                "nothing was published. Pick a branch for the site only (gh-pages)"
            )


def _is_this_repository(repo: Path, git_dir: Path, remote: str) -> bool:
    if remote in (".", "./"):
        return True
    url = _git_or_none(["remote", "get-url", remote], repo) or remote
    if url.startswith("file://"):
        url = url[len("file://") :]
    if "://" in url or (":" in url and not Path(url).exists()):
        return False  # a host (https://, ssh://, user@host:path): not this folder
    target = (repo / url).resolve()
    return target in (git_dir.resolve(), repo.resolve(), git_dir.resolve().parent)


def _not_site_commits(repo: Path, tip: str) -> list[tuple[str, str]]:
    """The commits reachable from `tip` that neither growthlog publish nor mkdocs gh-deploy made, newest first."""
    log = _git(["log", f"--max-count={_HISTORY_LIMIT}", "--format=%H%x00%ae%x00%s", tip], repo)
    foreign: list[tuple[str, str]] = []
    for line in log.splitlines():
        sha, email, subject = [*line.split("\0"), "", ""][:3]
        ours = email == _IDENTITY["GIT_AUTHOR_EMAIL"] and subject == COMMIT_MESSAGE.split("\n", 1)[0]
        if not ours and not _GH_DEPLOY_SUBJECT.match(subject):
            foreign.append((sha, subject))
    return foreign


def uncommitted_files(repo: Path, entries_dir: Path) -> list[str]:
    """Files under the entries folder that differ from the last commit: changed, new, or ignored by git."""
    # Not through _git: its answer is stripped, and a record starts with a space (" M path").
    status_of = ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching"]
    done = subprocess.run(
        ["git", *status_of, "--", str(entries_dir.resolve())],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return []
    status = done.stdout
    # Each record is "XY path" (a rename adds its old path as a record of its own, skipped here).
    return [record[3:] for record in status.split("\0") if len(record) > 3 and record[2] == " "]


def _git_or_none(args: list[str], cwd: Path) -> str | None:
    """A git answer, or None where git says there is none (no such branch, no upstream, a detached HEAD)."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise PublishError("git is not installed; growthlog publish pushes with git") from None
    return done.stdout.strip() or None if done.returncode == 0 else None

"""The `growthlog` command as a shell sees it: `python -m growthlog`, its version, tab completion."""

from __future__ import annotations

import os
import subprocess
import sys

from growthlog import __version__


def growthlog(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "growthlog", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


def test_python_m_growthlog_is_the_growthlog_command() -> None:
    done = growthlog("--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: growthlog ")
    for command in ("init", "new", "check", "serve", "publish", "scan", "export"):
        assert f"\n  {command} " in done.stdout, command
    assert growthlog("--version").stdout.strip() == f"growthlog, version {__version__}"


def test_tab_completion_as_the_readme_sets_it_up() -> None:
    script = growthlog(env={"_GROWTHLOG_COMPLETE": "bash_source"})
    assert "_growthlog_completion()" in script.stdout
    done = growthlog(
        env={"_GROWTHLOG_COMPLETE": "bash_complete", "COMP_WORDS": "growthlog se", "COMP_CWORD": "1"}
    )
    assert done.stdout.split() == ["plain,serve"]

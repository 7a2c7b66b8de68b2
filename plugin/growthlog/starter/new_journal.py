"""`growthlog init`: the files of a new journal, and writing them without overwriting anything.

Everything a journal needs from growthlog (templates, stylesheets, the fix to Material's
search dialog) ships in the package; a new journal holds only what is the user's: the
config, the entries, a README, and with --github the Pages workflow.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.engines.lookup import CONFIG_NAMES

if TYPE_CHECKING:
    import datetime as dt

#: The files `growthlog init` writes, as templates.
FILES = Path(__file__).parent / "files"
#: The sample journal, copied from the repository's entries/ into the package when a wheel
#: is built (setup.py); an editable install reads the repository's own.
_SHIPPED_SAMPLE = Path(__file__).parent / "sample"
_REPOSITORY_SAMPLE = Path(__file__).resolve().parents[3] / "entries"

#: The line of the publish workflow that installs growthlog, as the template writes it.
INSTALL_LINE = "run: python -m pip install -r requirements.txt"


class InitError(Exception):
    """A journal cannot be started here; the message says why. Nothing was written."""


@dataclass(frozen=True, slots=True)
class NewFile:
    """One file of a new journal: where it goes (relative, with `/`) and what it holds."""

    path: str
    data: bytes


def sample_entries() -> Path:
    """The sample journal's entries folder (in the package, or the repository's in a checkout)."""
    for folder in (_SHIPPED_SAMPLE, _REPOSITORY_SAMPLE):
        if folder.is_dir() and any(folder.rglob("*.md")):
            return folder
    raise InitError("this installation of growthlog has no sample journal; reinstall it with pip")


def growthlog_version() -> str:
    try:
        return version("growthlog")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree never installed
        return "0"


def journal_files(today: dt.date, *, sample: bool = False, github: bool = False) -> list[NewFile]:
    """Every file of a new journal: config, README, .gitignore, entries, and the workflow."""
    files = [
        NewFile("mkdocs.yml", _template("mkdocs.yml")),
        NewFile(".gitignore", _template("gitignore")),
        NewFile("README.md", _template("README.md")),
    ]
    if sample:
        root = sample_entries()
        files += [
            NewFile(f"entries/{path.relative_to(root).as_posix()}", path.read_bytes())
            for path in sorted(root.rglob("*.md"))
        ]
    else:
        example = _template("example-entry.md").decode("utf-8").replace("{date}", today.isoformat())
        name = f"entries/{today:%Y}/{today:%m}/{today.isoformat()}-example-corp-screen.md"
        files.append(NewFile(name, example.encode("utf-8")))
    if github:
        requirement = f"growthlog[encrypt]=={growthlog_version()}\n"
        files += [
            NewFile(".github/workflows/publish.yml", _template("github/publish.yml")),
            NewFile(".github/dependabot.yml", _template("github/dependabot.yml")),
            NewFile("requirements.txt", requirement.encode("utf-8")),
            NewFile("mkdocs.encrypt.yml", _template("mkdocs.encrypt.yml")),
        ]
    return files


def in_the_way(folder: Path, files: list[NewFile]) -> list[str]:
    """What of a new journal is already in `folder` (any config file counts as the journal's)."""
    names = {file.path for file in files} | set(CONFIG_NAMES)
    return sorted(name for name in names if os.path.lexists(folder / name))


def write_journal(folder: Path, files: list[NewFile]) -> None:
    """Write `files` under `folder`; refuse, writing nothing, when any of them is there already."""
    existing = in_the_way(folder, files)
    if existing:
        listed = "".join(f"\n  {folder / name}" for name in existing)
        raise InitError(
            f"{folder} already holds a journal's files; nothing was written (growthlog init never "
            f"overwrites a file):{listed}"
        )
    for file in files:
        path = folder / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": the check and the creation are one step, so nothing is overwritten even in a race.
        with path.open("xb") as handle:
            handle.write(file.data)


def _template(name: str) -> bytes:
    return (FILES / name).read_bytes()

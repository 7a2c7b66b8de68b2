"""Read every entry of a journal: files in, validated `Entry` objects and problems out.

No MkDocs here: `growthlog check`, the plugin and the benchmark all call
`read_journal`, so they report exactly the same problems.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries import frontmatter, mentions, schema, yamlnodes
from growthlog.entries.urls import PREP_FOLDER, in_prep_folder, page_url
from growthlog.entries.problems import GrowthlogError, Problem, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from growthlog.entries.model import Entry

#: Folders MkDocs leaves out of the docs dir by default; we leave them out too.
_SKIPPED_TOP_FOLDERS = frozenset({"templates"})


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a journal read produced: the valid entries (sorted by date) and every problem."""

    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]
    invalid: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)
    """Files (relative to the entries folder) that could not be read as entries, with their errors."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def read_entry(path: str, raw: bytes) -> tuple[Entry | None, list[Problem]]:
    """Read one entry from its bytes; `path` is relative to the entries folder.

    Never raises: every problem, from undecodable bytes to a YAML alias bomb, comes
    back as a `Problem` naming the file and the line.
    """
    try:
        text = frontmatter.decode(path, raw)
        split = frontmatter.split(path, text)
        root = yamlnodes.compose(path, split.yaml, split.yaml_line)
        entry, problems = schema.build_entry(path, split, root)
        if entry is not None and root is not None:
            # Checked here so that the warnings are cached with the entry and every reader
            # (`growthlog check`, each build and serve) reports them.
            problems += mentions.interviewer_mentions(entry, root, split)
        return entry, problems
    except GrowthlogError as err:
        return None, list(err.problems)
    except RecursionError:
        return None, [Problem(path, 1, "", "the front matter is nested too deeply to read")]


#: What tells that a file changed: size, modification time, change time (no tool sets it back), inode.
Stamp = tuple[int, int, int, int]
#: A cached read: the file's stamp, then what `read_entry` made of it.
Cached = tuple[Stamp, "Entry | None", list[Problem]]


def stamp_of(stat: os.stat_result) -> Stamp:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


@dataclass
class EntryCache:
    """Parsed entries keyed by path, and by the size and times of the file they were read from.

    `mkdocs serve` keeps the plugin (and so this cache) across rebuilds, so a save
    re-reads only the file that changed; between two builds the cache is kept on disk
    (`kept_entries`). MkDocs keeps that plugin instance for the whole process, even
    across different journals (as in a test run), so the key is the file's full path,
    not its path inside one journal.
    """

    _items: dict[tuple[str, str], Cached] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    changed: bool = False
    """Whether it holds anything the disk copy does not (a file read, or one forgotten)."""

    def read(self, file: Path, rel: str) -> tuple[Entry | None, list[Problem]]:
        stamp = stamp_of(file.stat())
        key = (str(file), rel)
        cached = self._items.get(key)
        if cached and cached[0] == stamp:
            self.hits += 1
            return cached[1], cached[2]
        self.misses += 1
        self.changed = True
        entry, problems = read_entry(rel, file.read_bytes())
        self._items[key] = (stamp, entry, problems)
        return entry, problems

    def forget_missing(self, present: set[tuple[str, str]]) -> None:
        """Keep only the files of the latest read (by `(full path, relative path)`): the others were
        deleted, or belong to another journal (a process serves one journal at a time)."""
        for key in set(self._items) - present:
            del self._items[key]
            self.changed = True

    def kept(self) -> dict[tuple[str, str], Cached]:
        """What to keep on disk; the cache then counts as saved."""
        self.changed = False
        return self._items

    def adopt(self, kept: object) -> int:
        """Take the reads kept on disk that this cache does not hold; how many it took.

        Anything that is not a mapping of reads as `kept()` gives them is ignored.
        """
        if not isinstance(kept, dict):
            return 0
        taken = 0
        for key, cached in kept.items():
            if key not in self._items and _is_read(key, cached):
                self._items[key] = cached
                taken += 1
        return taken


def _is_read(key: object, cached: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 2
        and all(isinstance(part, str) for part in key)
        and isinstance(cached, tuple)
        and len(cached) == 3
        and isinstance(cached[0], tuple)
        and isinstance(cached[2], list)
    )


def entry_files(root: Path) -> Iterator[tuple[Path, str]]:
    """Every Markdown file under `root` that is an entry, with its path relative to `root`.

    Linked folders are followed, as MkDocs follows them: a file MkDocs would publish
    must be one we have read (the caller reports links that leave `root`).
    """
    visited: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited:  # a link back to a folder already walked: stop the loop
            dirnames[:] = []
            continue
        visited.add(real)
        rel_dir = os.path.relpath(dirpath, root)
        top = rel_dir.split(os.sep, 1)[0]
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and not (rel_dir == "." and d in _SKIPPED_TOP_FOLDERS)
        )
        if top.startswith(".") and rel_dir != ".":
            continue
        for name in sorted(filenames):
            if name.endswith(".md") and not name.startswith("."):
                file = Path(dirpath, name)
                rel = name if rel_dir == "." else f"{rel_dir.replace(os.sep, '/')}/{name}"
                yield file, rel


def read_journal(
    root: Path,
    cache: EntryCache | None = None,
    reserved: Mapping[str, str] | None = None,
    written: Iterable[str] = (),
) -> ReadResult:
    """Read and validate every entry under `root`.

    `reserved` maps the URLs of generated pages (e.g. `timeline/`) to their names, so
    that an entry whose file would hide one is reported instead of silently lost.
    `written` are the files of the site (`robots.txt`...): an entry whose page would need
    a folder where one of them is (`robots.txt.md`, `search/search_index.json.md`) is
    reported too.
    """
    cache = cache if cache is not None else EntryCache()
    entries: list[Entry] = []
    problems: list[Problem] = []
    invalid: dict[str, tuple[Problem, ...]] = {}
    by_url: dict[str, str] = {}
    present: set[tuple[str, str]] = set()
    inside = _Inside(root.resolve())
    written_prefixes = tuple(f"{path}/" for path in written)

    if not root.is_dir():
        problem = Problem(str(root), 1, "", "the entries folder does not exist; create it or set docs_dir")
        return ReadResult((), (problem,))

    def refuse(rel: str, message: str) -> None:
        """The file is not read: one error at its first line, and it is kept out of every page."""
        found = Problem(display_path(root, rel), 1, "", message)
        problems.append(found)
        invalid[rel] = (found,)

    for file, rel in entry_files(root):
        present.add((str(file), rel))
        link = file.is_symlink()
        if link and not file.exists():
            refuse(rel, "is a link to a file that does not exist; remove the link or restore the file")
            continue
        if not inside(file, link):
            refuse(
                rel,
                "is a link (or inside a linked folder) to a file outside the entries folder; "
                "growthlog reads only files inside it, so copy the file in instead",
            )
            continue
        url = page_url(rel)
        taken = next((f for f in written_prefixes if url.startswith(f)), None)
        if taken is not None:
            refuse(
                rel,
                f"would be published at /{url}, but /{taken.rstrip('/')} is a file every site of the "
                "journal holds; rename the file",
            )
            continue
        if in_prep_folder(rel):
            refuse(
                rel,
                f"is in the folder {PREP_FOLDER}, where the journal publishes the prep sheets of "
                "upcoming rounds; move it to another folder",
            )
            continue
        clash = by_url.get(url)
        if clash is not None or (reserved and url in reserved):
            other = (
                f"'{display_path(root, clash)}'"
                if clash
                else f"the generated {reserved[url]} page"
                if reserved
                else ""
            )
            refuse(rel, f"would be published at /{url}, the same address as {other}; rename the file")
            continue
        by_url[url] = rel
        try:
            entry, found = cache.read(file, rel)
        except OSError as err:
            refuse(rel, f"cannot be read: {err.strerror}")
            continue
        # Most entries have no problem: their label (a walk up to the current folder) is not needed.
        relabelled = _relabel(found, display_path(root, rel)) if found else found
        problems += relabelled
        if entry is None:
            invalid[rel] = tuple(p for p in relabelled if p.is_error)
        else:
            entries.append(entry)
    cache.forget_missing(present)
    entries.sort(key=lambda e: (e.date, e.path))
    problems.sort(key=lambda p: (p.path, p.line, p.severity is Severity.WARNING))
    return ReadResult(tuple(entries), tuple(problems), invalid)


def display_path(root: Path, rel: str) -> str:
    """How a file is named in messages: relative to the current folder when it is below it."""
    full = Path(root, rel)
    try:
        return full.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return full.as_posix()


class _Inside:
    """Whether a file really lies inside the entries folder, once links are followed.

    Resolving every file's path costs more than parsing its front matter; a file that
    is not a link lies where its folder really is, so each folder is resolved once.
    """

    def __init__(self, real_root: Path) -> None:
        self.real_root = real_root
        self.root = str(real_root)
        self.prefix = self.root.rstrip(os.sep) + os.sep
        self.folders: dict[str, bool] = {}

    def __call__(self, file: Path, link: bool) -> bool:
        if link:
            return _inside(file, self.real_root)
        folder = os.path.dirname(file)
        known = self.folders.get(folder)
        if known is None:
            real = os.path.realpath(folder)
            known = self.folders[folder] = real == self.root or real.startswith(self.prefix)
        return known


def _inside(file: Path, real_root: Path) -> bool:
    try:
        file.resolve().relative_to(real_root)
    except (ValueError, OSError):
        return False
    return True


def _relabel(problems: list[Problem], label: str) -> list[Problem]:
    """Problems are cached with the entry's relative path; messages name the file as the user sees it."""
    return [Problem(label, p.line, p.field, p.message, p.severity) for p in problems]

"""Where an export's files are written, and the checks before a byte is: one place for every format.

Nothing is written unless everything can be: every target is checked first (not
in the entries folder, not an existing file unless `force`), and an export without
`--private` is scanned for private text with the leak scan's own list of secrets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from growthlog.privacy.leakscan import LeakScanner
from growthlog.privacy.secrets import secrets

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from growthlog.entries.model import Entry
    from growthlog.export.formats import ExportedFile


class ExportRefused(Exception):
    """An export that cannot be written safely; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Written:
    """What an export wrote."""

    paths: tuple[Path, ...]
    replaced: tuple[Path, ...]


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def targets(files: Sequence[ExportedFile], out: Path, entries_dir: Path, force: bool) -> list[Path]:
    """The path of each file under `out`, refused as a whole if any cannot be written."""
    docs = entries_dir.resolve()
    if _inside(out.resolve(), docs):
        raise ExportRefused(
            f"{out} is inside the entries folder {entries_dir}: the export would be read as entries and "
            "published with the site. Export to a folder outside it."
        )
    found: list[Path] = []
    existing: list[Path] = []
    for file in files:
        name = PurePosixPath(file.name)
        if name.is_absolute() or ".." in name.parts:  # a format's bug, never a user's input
            raise ValueError(f"an export file name must stay in the output folder; found {file.name!r}")
        path = out.joinpath(*name.parts)
        if _inside(path.resolve(), docs):  # a symlink in the output folder that leads into the entries
            raise ExportRefused(f"{path} leads into the entries folder {entries_dir}; nothing was written.")
        if path.is_dir():
            raise ExportRefused(f"{path} is a folder; nothing was written.")
        if path.exists() or path.is_symlink():
            existing.append(path)
        found.append(path)
    if existing and not force:
        listed = ", ".join(str(p) for p in existing)
        raise ExportRefused(
            f"{listed} already exist{'s' if len(existing) == 1 else ''}; nothing was written "
            "(add --force to replace, or export to another folder)."
        )
    return found


def check_public(files: Iterable[ExportedFile], entries: Iterable[Entry]) -> None:
    """Refuse a public export that holds private text (the leak scan's secrets: values, names, drafts)."""
    scanner = LeakScanner(secrets(entries))
    found = [(file.name, secret) for file in files for secret in scanner.scan_text(file.text)]
    if found:
        lines = "\n".join(f"  {name} contains {s.what} of entry {s.entry}" for name, s in found[:20])
        more = f"\n  ... and {len(found) - 20} more" if len(found) > 20 else ""
        raise ExportRefused(
            f"private data found in the export ({len(found)} place(s)); nothing was written:\n{lines}{more}\n"
            "The value is also written in a public field or in public notes: write it only in private "
            "(or export with --private, for yourself)."
        )


def write(files: Sequence[ExportedFile], out: Path, entries_dir: Path, force: bool) -> Written:
    """Write every file under `out` (created if needed), after `targets` allows all of them."""
    paths = targets(files, out, entries_dir, force)
    replaced = tuple(p for p in paths if p.exists() or p.is_symlink())
    for file, path in zip(files, paths, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = file.text.encode("utf-8")
        if path in replaced:
            # Replaced whole: written beside it, then moved over it (a symlink is replaced, not followed).
            temporary = path.with_name(f".{path.name}.growthlog-tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        else:
            with path.open("xb") as handle:  # "x": created here, never an existing file
                handle.write(data)
    return Written(tuple(paths), replaced)

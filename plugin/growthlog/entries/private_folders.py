"""Folders and files only this user can change: where a cache that a build loads may live.

A cache is loaded into the build (parsed entries, compiled templates): whoever can
write it can make the build run their code. So a cache is used only from a folder
that is a real folder (not a link), owned by the user running the build, and not
writable by group or others; and its files are opened without following a link and
must be the user's own too. One rule, for the entry cache and the template cache.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: Permission bits that let someone else change a folder's or a file's content.
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH
#: Permission bits that let someone else read a file (a key must not be readable).
_OTHERS_READ = stat.S_IRGRP | stat.S_IROTH
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class UnsafeCache(Exception):
    """A cache folder or file someone else could have written: the message says which and why."""


def _owner() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None  # Windows: no owner to compare


def folder_problem(folder: Path) -> str | None:
    """Why `folder` must not hold a cache, or None when it may (a missing folder may be made)."""
    try:
        info = os.lstat(folder)
    except OSError:
        return None  # not there (or under a file): nothing can be loaded from it, and making it will fail
    if not stat.S_ISDIR(info.st_mode) and not stat.S_ISLNK(info.st_mode):
        return None  # a file in its place holds no cache: making the folder fails, which only costs time
    return _problem(folder, info, "folder")


def _problem(path: Path | str, info: os.stat_result, kind: str) -> str | None:
    if stat.S_ISLNK(info.st_mode):
        return f"{path} is a link (a cache is never read through one)"
    if kind == "folder" and not stat.S_ISDIR(info.st_mode):
        return f"{path} is not a folder"
    if kind == "file" and not stat.S_ISREG(info.st_mode):
        return f"{path} is not a plain file"
    owner = _owner()
    if owner is not None and info.st_uid != owner:
        return f"{path} belongs to another user (uid {info.st_uid})"
    if info.st_mode & _OTHERS_WRITE:
        return f"{path} is writable by other users (mode {stat.S_IMODE(info.st_mode):o})"
    return None


def make_private_folder(folder: Path, levels: int = 1) -> None:
    """Create `folder` (and up to `levels - 1` missing parents) for its owner alone, then check it.

    Raises `UnsafeCache` when it, or one of those parents, is not safe to keep a cache
    in; OSError when it cannot be made.
    """
    chain = [folder, *list(folder.parents)[: levels - 1]]
    for path in reversed(chain):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        problem = folder_problem(path)
        if problem is not None:
            raise UnsafeCache(problem)


def check_folders(folder: Path, levels: int = 1) -> None:
    """Raise `UnsafeCache` when `folder` or its `levels - 1` nearest parents are not safe (missing ones are)."""
    for path in [folder, *list(folder.parents)[: levels - 1]]:
        problem = folder_problem(path)
        if problem is not None:
            raise UnsafeCache(problem)


def read_private_file(path: Path, secret: bool = False) -> bytes:
    """The bytes of `path`, opened without following a link, when it is this user's own plain file.

    `secret`: others must not be able to read it either (a key). Raises OSError
    (FileNotFoundError when it is not there) or `UnsafeCache`.
    """
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise UnsafeCache(f"{path} is a link (a cache is never read through one)") from None
        raise
    try:
        info = os.fstat(handle)
        problem = _problem(path, info, "file")
        if problem is None and secret and info.st_mode & _OTHERS_READ:
            problem = f"{path} is readable by other users (mode {stat.S_IMODE(info.st_mode):o})"
        if problem is not None:
            raise UnsafeCache(problem)
        with os.fdopen(handle, "rb", closefd=False) as file:
            return file.read()
    finally:
        os.close(handle)

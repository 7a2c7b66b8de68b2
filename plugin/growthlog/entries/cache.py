"""The entry cache kept on disk: a build parses only the entries that changed since the last build.

Parsing and validating the front matter is most of what growthlog adds to a build
(0.45 CPU s of a 5 s build at 1,000 entries); a journal grows by an entry or two
between builds. So, as Sphinx keeps its doctrees, each build leaves the parsed
entries in `.cache/growthlog/` next to mkdocs.yml (never inside the docs or site
folder) and the next build, in a new process, reads them back (0.04 s at 1,000).

What keeps it correct:
- An entry is taken from the cache only when its file's size, modification time,
  change time (which no tool can set back) and inode are all unchanged; anything
  else is read from the file again, as `mkdocs serve` does between rebuilds.
- The file starts with a fingerprint of growthlog's own code, Python and PyYAML:
  after an upgrade, or an edit of growthlog itself, the cache is ignored.
- A cache that cannot be read for any reason (damaged, truncated, another
  format) only costs time: the entries are read from their files.

What keeps it from being planted (loading a pickle can run code):
- It is used only from a folder that is the user's own and that nobody else can
  write (`private_folders`): `.cache` and `.cache/growthlog`, real folders, not
  links; else the build warns and goes without it.
- It is signed: an HMAC-SHA256 of its content under a random key kept outside the
  journal, in the user's own config folder (`~/.config/growthlog/cache.key`, readable
  by the user alone). A file written by anyone without the key, or copied from
  another machine, is ignored before it is unpickled.
- Even then only the journal's own types are unpickled (`_EntryUnpickler`).

It holds what the entries hold, private values included: the folder is readable by
its owner only, is written whole to a temporary file and then renamed (two builds
at once never leave half a file), and is rewritten after every build that read a
changed, new or deleted entry, so a deleted entry leaves it then. Delete it any time.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import io
import os
import pickle
import secrets
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from growthlog.entries.private_folders import (
    UnsafeCache,
    check_folders,
    make_private_folder,
    read_private_file,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from growthlog.entries.reader import EntryCache

#: Where the cache lives, relative to the folder of mkdocs.yml (`.cache` is Material's cache folder too).
FOLDER = Path(".cache", "growthlog")
FILE_NAME = "entries.pickle"
#: Bumped when what the cache holds changes shape in a way the code fingerprint would not show.
FORMAT = 2
_MAGIC = b"growthlog entry cache "
#: The folders checked from the cache file up: `.cache/growthlog` and `.cache`.
_FOLDER_LEVELS = len(FOLDER.parts)
#: The signing key: per user, outside every journal.
KEY_FILE = Path("growthlog", "cache.key")
_KEY_BYTES = 32
_SIGNATURE_BYTES = hashlib.sha256().digest_size
#: What a kept entry is made of: the only globals the cache may name.
_ALLOWED_MODULES = frozenset({"growthlog.entries.model", "growthlog.entries.problems", "datetime"})


def fingerprint() -> bytes:
    """What the cached entries depend on besides the entry files: growthlog's code and the libraries reading them.

    Each module's size and modification time, not its bytes: reading 40 files would cost
    more than stat-ing them, and any edit or reinstall changes one or the other.
    """
    package = Path(__file__).parent.parent
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {yaml.__version__} {yaml.__with_libyaml__}".encode())
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        digest.update(f"\0{module.relative_to(package)} {stat.st_size} {stat.st_mtime_ns}".encode())
    return digest.hexdigest().encode()


def cache_file(project: Path) -> Path:
    """The cache file of the journal whose mkdocs.yml lies in `project`."""
    return project / FOLDER / FILE_NAME


def key_file(environ: Mapping[str, str] = os.environ) -> Path:
    """Where this user's cache key is kept: the user's config folder, never a journal's."""
    config = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / KEY_FILE


def signing_key(create: bool, environ: Mapping[str, str] = os.environ) -> bytes | None:
    """This user's key for signing caches; made when `create` and missing. None when there is none.

    Raises `UnsafeCache` when the key or its folder could be read or written by others.
    """
    path = key_file(environ)
    try:
        key = read_private_file(path, secret=True)
    except FileNotFoundError:
        if not create:
            return None
        try:
            path.parent.parent.mkdir(parents=True, exist_ok=True)  # ~/.config: the user's, as it is
            make_private_folder(path.parent)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except FileExistsError:
            return None  # another build is making it this moment: this one goes without
        except OSError:
            return None
        key = secrets.token_bytes(_KEY_BYTES)
        with os.fdopen(handle, "wb") as out:
            out.write(key)
        return key
    except OSError:
        return None
    check_folders(path.parent)
    return key if len(key) == _KEY_BYTES else None


def check_folder(path: Path) -> None:
    """Raise `UnsafeCache` when the folders of the cache file `path` could be written by others."""
    check_folders(path.parent, _FOLDER_LEVELS)


class _EntryUnpickler(pickle.Unpickler):
    """Unpickles what a kept journal is made of (entries, problems, dates) and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if module in _ALLOWED_MODULES and not name.startswith("_"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of an entry")


def load(cache: EntryCache, path: Path) -> int:
    """Add the entries kept in `path` to `cache` (those it does not hold already); how many were added.

    A missing, damaged, outdated or unsigned file adds nothing. Raises `UnsafeCache`
    when the folder or the file could have been written by someone else.
    """
    check_folder(path)
    try:
        data = read_private_file(path)
    except FileNotFoundError:
        return 0
    except OSError:
        return 0
    header = _MAGIC + fingerprint() + b"\n"
    if not data.startswith(header):
        return 0
    key = signing_key(create=False)
    body = memoryview(data)[len(header) + _SIGNATURE_BYTES :]
    signature = data[len(header) : len(header) + _SIGNATURE_BYTES]
    if key is None or not hmac.compare_digest(signature, hmac.digest(key, body, "sha256")):
        return 0
    # Unpickling creates every entry's objects at once: the collector would walk them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        kept = _EntryUnpickler(io.BytesIO(body)).load()
    except Exception:  # a damaged file can fail in many ways (EOFError, UnpicklingError, ...)
        return 0
    finally:
        if collecting:
            gc.enable()
    return cache.adopt(kept)


def save(cache: EntryCache, path: Path) -> None:
    """Write what `cache` holds to `path`, signed, replacing it whole; the folders are made private to their owner.

    Raises `UnsafeCache` when the folders could be written by others, OSError when they
    cannot be written (either way the caller carries on without a cache).
    """
    make_private_folder(path.parent, _FOLDER_LEVELS)
    key = signing_key(create=True)
    if key is None:
        raise OSError(f"no key to sign it with in {key_file().parent}")
    body = pickle.dumps(cache.kept(), protocol=pickle.HIGHEST_PROTOCOL)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entries-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + fingerprint() + b"\n")
            out.write(hmac.digest(key, body, "sha256"))
            out.write(body)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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

It holds what the entries hold, private values included: the folder is readable by
its owner only, is written whole to a temporary file and then renamed (two builds
at once never leave half a file), and is rewritten after every build that read a
changed, new or deleted entry, so a deleted entry leaves it then. It is as
trusted as mkdocs.yml beside it (both make the build run code). Delete it any time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from growthlog.entries.reader import EntryCache

#: Where the cache lives, relative to the folder of mkdocs.yml (`.cache` is Material's cache folder too).
FOLDER = Path(".cache", "growthlog")
FILE_NAME = "entries.pickle"
#: Bumped when what the cache holds changes shape in a way the code fingerprint would not show.
FORMAT = 1
_MAGIC = b"growthlog entry cache "


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


def load(cache: EntryCache, path: Path) -> int:
    """Add the entries kept in `path` to `cache` (those it does not hold already); how many were added.

    Never raises: a missing, damaged or outdated file adds nothing.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    header = _MAGIC + fingerprint() + b"\n"
    if not data.startswith(header):
        return 0
    # Unpickling creates every entry's objects at once: the collector would walk them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        kept = pickle.loads(memoryview(data)[len(header) :])
    except Exception:  # a damaged file can fail in many ways (EOFError, UnpicklingError, ...)
        return 0
    finally:
        if collecting:
            gc.enable()
    return cache.adopt(kept)


def save(cache: EntryCache, path: Path) -> None:
    """Write what `cache` holds to `path`, replacing it whole; the folder is made private to its owner.

    Raises OSError when the folder cannot be written (the caller carries on without a cache).
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entries-", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + fingerprint() + b"\n")
            pickle.dump(cache.kept(), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

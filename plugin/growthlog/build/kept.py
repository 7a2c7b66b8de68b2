"""The entries a build keeps for the next one: in memory for a serve, on disk beside the config file.

The cache itself (its format, signature and safe loading) is entries/cache.py; this
module decides where a build keeps it and what happens when it cannot: a folder
someone else could have written is refused with a warning (loading it could run
their code), and any other failure only costs time, since every entry can be read
from its file again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries import cache as kept_entries
from growthlog.entries.private_folders import UnsafeCache
from growthlog.entries.reader import EntryCache

if TYPE_CHECKING:
    from growthlog.build.errors import BuildLog
    from growthlog.build.options import SiteOptions


class KeptEntries:
    """The entry cache of one engine process, and its file on disk (None when not kept)."""

    def __init__(self, log: BuildLog) -> None:
        self.log = log
        self.cache = EntryCache()
        #: The entry cache's file on disk (see entries/cache.py), None when not kept; and the last one loaded.
        self.file: Path | None = None
        self.loaded_file: Path | None = None

    def load(self, options: SiteOptions) -> None:
        """Before reading a journal: take the entries the last build kept on disk (see entries/cache.py)."""
        self.file = kept_entries_file(options) if options.keep_entries else None
        # A serve loads once; later rebuilds have them in memory, fresher than the disk copy.
        if self.file is not None and self.file != self.loaded_file:
            try:
                kept_entries.load(self.cache, self.file)
            except UnsafeCache as err:
                self._refuse(err)
                return
            self.loaded_file = self.file

    def save(self) -> None:
        """Write the entries to disk for the next build, when any was read from its file since."""
        if self.file is None or not self.cache.changed:
            return
        try:
            kept_entries.save(self.cache, self.file)
        except UnsafeCache as err:
            self._refuse(err)
        except OSError as err:
            # Only time is lost: the next build reads every entry from its file.
            self.log.info(f"cannot keep the entry cache in {self.file}: {err}")
            self.file = None

    def _refuse(self, err: UnsafeCache) -> None:
        """Build without a cache someone else could have written (loading it could run their code)."""
        self.log.warning(
            f"the entry cache is not used: {err}; the journal is built without it. "
            "Delete the folder (growthlog makes it again, private), or make it yours alone (chmod 700)"
        )
        self.file = None


def kept_entries_file(options: SiteOptions) -> Path | None:
    """Where this journal's entry cache is kept: beside the config file, never where pages are read or written."""
    if not options.config_file:
        return None
    path = kept_entries.cache_file(Path(options.config_file).resolve().parent)
    for folder in (options.docs_dir, options.site_dir):
        if path.is_relative_to(Path(folder).resolve()):
            return None  # it would be published with the site, or read as a page
    return path

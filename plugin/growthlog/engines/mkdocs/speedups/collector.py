"""The garbage collector kept off what a build (or a serve) keeps alive anyway.

A build's journal, pages and MkDocs' own setup live until the build ends; a serve
keeps everything it imported and cached for its whole life. Python's cyclic
collector walked all of it again and again. `gc.freeze()` moves what exists now
out of its sight; `gc.unfreeze()` hands it back. Nothing is freed that is still
in use either way: the output is the same with the collector on or off (tested).
"""

from __future__ import annotations

import atexit
import functools
import gc

from growthlog.engines.mkdocs.speedups import enabled

NAME = "collector"


class Collector:
    """When this process freezes what it holds for the garbage collector, and when it lets it go."""

    def __init__(self) -> None:
        #: True while a serve keeps what it froze (see `serve_started`).
        self.kept_frozen = False
        self.on = True

    def process_started(self) -> None:
        """A build command starts (the switch is read here, once per command)."""
        self.on = enabled(NAME)
        if self.on:
            _leave_the_last_build_to_the_system_at_exit()

    def build_started(self) -> None:
        """The pages are about to be rendered: what exists now lives until the build ends.

        GC 2.3 -> 1.9 CPU s at 5,000 entries. A serve that froze what it keeps
        (see `serve_started`) leaves its rebuilds to the collector.
        """
        if self.on and not self.kept_frozen:
            gc.freeze()

    def build_ended(self) -> None:
        """The build ended or failed: `mkdocs serve` keeps the process, this build's objects may go now."""
        if self.on and not self.kept_frozen:
            gc.unfreeze()

    def serve_started(self, serving: bool) -> None:
        """After the first build of a serve: freeze what the serve keeps for its whole life, once.

        A serve keeps everything it imported and cached (modules, templates, the entry
        cache, the search index: some 80,000 objects at 1,000 entries) for its whole
        life. Each rebuild made the collector walk all of it once again (0.1 CPU s of
        a 0.8 s rebuild at 1,000 entries); frozen once here, after collecting the first
        build's leftovers, a rebuild's collections walk only what that rebuild made.
        """
        if self.on and serving and not self.kept_frozen:
            gc.collect()
            gc.freeze()
            self.kept_frozen = True

    def serve_stopped(self) -> None:
        if self.kept_frozen:
            gc.unfreeze()
            self.kept_frozen = False


@functools.cache  # once per process
def _leave_the_last_build_to_the_system_at_exit() -> None:
    """Spare the collector a walk over everything the last build made when the process ends.

    When `mkdocs build` returns, its pages, files, nav and journal are garbage held in
    reference cycles; the interpreter's last collection at exit walked and freed them all,
    which the system does anyway when the process ends: 0.9 CPU s at 5,000 entries, a
    twentieth of the build. Frozen at exit (as `gc.freeze` is meant to be used before a
    process ends), they are left to the system. Python does not promise to finalise
    objects still alive at exit in any case; files are closed and `atexit` and
    `weakref.finalize` callbacks run as before.
    """
    atexit.register(gc.freeze)

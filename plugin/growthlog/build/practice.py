"""The practice log as a build reads it: where it lives, and its problems as warnings.

Its format is entries/practice_log.py. It lives beside the config file, never in
the docs folder (the engines refuse a docs folder that holds the config file), so
no build copies it: only its dates and ratings feed the pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from growthlog.entries.practice_log import log_beside, read_practice_log
from growthlog.entries.reader import display_path

if TYPE_CHECKING:
    import datetime as dt

    from growthlog.build.errors import BuildLog
    from growthlog.entries.practice_log import Rehearsal


def practice_log_file(config_file: str | None) -> Path | None:
    """The practice log beside the config file; None without a config file."""
    if not config_file:
        return None
    return log_beside(Path(config_file))


def read_rehearsals(path: Path | None, today: dt.date, log: BuildLog) -> tuple[Rehearsal, ...]:
    """The log's rehearsals (none without a log); a line that is not one is a warning naming it."""
    if path is None:
        return ()
    rehearsals, problems = read_practice_log(path, display_path(path.parent, path.name), today)
    for problem in problems:
        log.warning(str(problem))
    return rehearsals

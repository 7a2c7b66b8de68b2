"""What stops a build, and how a journal's problems reach the terminal: one policy for every engine.

A publish build with an error in any entry builds nothing: a page left out or
half-read would go out as if it were the journal. A serve carries on, since the
user is fixing the entry right now, and every page shows the problems
(build/page_html.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from growthlog.entries.problems import summarise

if TYPE_CHECKING:
    import logging
    from typing import TypeAlias

    from growthlog.entries.reader import ReadResult

    #: The logger a build reports through: the engine's own (MkDocs hands plugins an adapter).
    BuildLog: TypeAlias = logging.Logger | logging.LoggerAdapter[Any]


class SiteError(Exception):
    """A build that must stop; the message is for the user (the adapter reports it its engine's way)."""


def report_problems(result: ReadResult, *, serving: bool, log: BuildLog) -> None:
    """One terminal line per problem, then one summary line; a publish build stops on errors."""
    for problem in result.problems:
        if problem.is_error and not serving:
            log.error(str(problem))
        else:
            log.warning(str(problem))
    if not result.problems:
        return
    summary = summarise(result.problems)
    if result.errors and not serving:
        raise SiteError(
            f"growthlog: {summary} (listed above); nothing was built. "
            "Fix them and build again; `growthlog check` lists them too."
        )
    if serving:
        log.warning(f"{summary} (listed above); each page shows them until they are fixed")

"""Speed tricks that reach into MkDocs' or Material's internals, each fenced: a switch, a debug
line when it turns itself off, and a test that its output equals the plain path's.

The switch: GROWTHLOG_SPEEDUPS=off turns every trick off; GROWTHLOG_SPEEDUPS=-shared_nav,-collector
turns off the named ones (see `NAMES`). Unset (or `on`), every trick runs where it can.
"""

from __future__ import annotations

import os

from mkdocs.plugins import get_plugin_logger

SWITCH = "GROWTHLOG_SPEEDUPS"
#: Every trick, by the name the switch uses.
NAMES = ("search_index", "shared_nav", "notes_converter", "collector", "template_cache")

log = get_plugin_logger(__name__)


def enabled(name: str) -> bool:
    """Whether the trick `name` may run in this build, as GROWTHLOG_SPEEDUPS says (read on every call)."""
    assert name in NAMES, name
    words = {word.strip() for word in os.environ.get(SWITCH, "").split(",") if word.strip()}
    unknown = {word for word in words if word not in ("on", "off") and word.lstrip("-") not in NAMES}
    if unknown:
        log.warning(
            f"{SWITCH}={os.environ[SWITCH]!r}: unknown {', '.join(sorted(unknown))}; "
            f"allowed: on, off, or -NAME for any of {', '.join(NAMES)}"
        )
    off = "off" in words or f"-{name}" in words
    if off:
        log.debug(f"{name}: switched off by {SWITCH}; the plain path runs")
    return not off

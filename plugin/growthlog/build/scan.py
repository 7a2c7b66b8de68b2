"""The checks of what a publish build writes: requests to other hosts, and private values.

A page of a published journal should load nothing from third parties: each such
request is a warning naming the page. Private values must be in no file at all: the
secrets the scan looks for come from the same private-parts definition the pages
were rendered with (privacy/secrets.py, privacy/leakscan.py), so the two never
disagree. In a protected build a plugin encrypts the pages and the search index,
which then read as noise: what it is about to encrypt is scanned first, and the
finished folder last of all; a leak found by either deletes its files and stops
the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from growthlog.build.errors import SiteError
from growthlog.entries.private_parts import PrivateParts
from growthlog.privacy.leakscan import Leak, LeakScanner, describe
from growthlog.privacy.secrets import secrets
from growthlog.privacy.site_guard import offsite_requests

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from growthlog.build.errors import BuildLog
    from growthlog.entries.model import Entry


def leak_scanner(
    entries: Iterable[Entry], extensions: Iterable[Any], configs: Mapping[str, Any]
) -> LeakScanner:
    """A scanner for every private value of `entries`.

    The private parts are read with the pages' own Markdown extensions and options, so
    the secrets are exactly what the pages lose.
    """
    parts = PrivateParts(list(dict.fromkeys(extensions)), configs)
    return LeakScanner(secrets(entries, parts))


def encrypted_leaks(scanner: LeakScanner, text: str, dest: str) -> list[Leak]:
    """What `scanner` finds in a text a plugin is about to encrypt into `dest`."""
    return [Leak(secret, dest, encrypted=True) for secret in scanner.scan_text(text)]


def refuse_leaks(leaks: Sequence[Leak], site_dir: str) -> None:
    """Stop a build that wrote private data: delete the files that hold it, then raise `SiteError`."""
    if not leaks:
        return
    site = Path(site_dir)
    for rel in {leak.file for leak in leaks}:
        (site / rel).unlink(missing_ok=True)  # so that nobody uploads them by mistake
    raise SiteError(
        f"growthlog: private data found in the built site ({len(leaks)} place(s)); "
        f"the files were deleted, do not publish {site_dir}:\n{describe(leaks)}\n"
        "A template override or another plugin printed it, or the value is also written in "
        "public notes. A common word that is also used elsewhere can be a false alarm: "
        "write the private value more specifically."
    )


def warn_offsite(html: str, dest: str, log: BuildLog) -> None:
    """One warning for each address on another host that a written page loads (a script, a font...)."""
    for url in dict.fromkeys(offsite_requests(html)):
        log.warning(
            f"{dest} loads {url} from another host; a published journal should "
            "request nothing from third parties (copy the file into entries/ and link to it there)"
        )

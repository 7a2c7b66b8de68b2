"""`growthlog scan SITE_DIR`: the leak scan on any built folder, whatever built it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from growthlog.engines.lookup import entries_dir
from growthlog.entries.problems import summarise
from growthlog.entries.reader import read_journal
from growthlog.pages.journal_pages import reserved_urls
from growthlog.privacy.leakscan import LeakScanner, describe
from growthlog.privacy.secrets import secrets


@click.command("scan")
@click.argument("site", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--entries",
    "entries",
    type=click.Path(path_type=Path, file_okay=False),
    help="The journal's entries (default: the docs_dir of properdocs.yml or mkdocs.yml).",
)
def scan_command(site: Path, entries: Path | None) -> None:
    """Look for every private value of the journal in every file of SITE.

    The values come from the entries (private fields, interviewers, private
    blocks, drafts), read again here: it does not matter what built SITE.
    Exits 1, naming each file and entry (never the value), when one is found,
    or when an entry cannot be read (its private values would be unknown).
    """
    root = entries if entries is not None else entries_dir()
    result = read_journal(root, reserved=reserved_urls())
    if result.errors:
        for problem in result.errors:
            click.echo(f"{problem.severity.value}: {problem}", err=True)
        click.echo(
            f"error: {summarise(result.errors)} under {root}: an entry that cannot be read has private "
            "values the scan cannot know; nothing was scanned",
            err=True,
        )
        sys.exit(1)
    scanner = LeakScanner(secrets(result.entries))
    leaks = scanner.scan_site(site)
    if leaks:
        click.echo(
            f"error: private data found in {site} ({len(leaks)} place(s)):\n{describe(leaks)}", err=True
        )
        sys.exit(1)
    click.echo(
        f"no private data in {site}: {len(scanner)} private value(s) of {len(result.entries)} "
        f"entr{'y' if len(result.entries) == 1 else 'ies'} under {root} looked for in every file"
    )

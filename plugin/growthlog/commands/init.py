"""`growthlog init [DIR]`: a ready journal of your own, written without overwriting anything."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from growthlog.starter.new_journal import InitError, journal_files, write_journal


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--sample", is_flag=True, help="Start from the full sample journal instead of one example entry."
)
@click.option(
    "--github",
    is_flag=True,
    help="Add the GitHub Pages workflow (with Dependabot), requirements.txt and mkdocs.encrypt.yml.",
)
def init_command(directory: Path, sample: bool, github: bool) -> None:
    """Start a journal in DIRECTORY (default: the current folder).

    Writes mkdocs.yml (Material and the growthlog plugin), an example entry in
    entries/ (or with --sample the whole sample journal), a .gitignore and a
    README. Refuses, writing nothing, when any of those files is already there.
    """
    files = journal_files(dt.date.today(), sample=sample, github=github)
    try:
        write_journal(directory, files)
    except InitError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    except OSError as err:
        click.echo(f"error: cannot write the journal into {directory}: {err}", err=True)
        sys.exit(1)
    entries = sum(1 for file in files if file.path.startswith("entries/"))
    click.echo(
        f"a new journal in {directory}: mkdocs.yml, README.md, .gitignore, {entries} entr"
        + ("y" if entries == 1 else "ies")
        + " in entries/"
        + (", the GitHub Pages workflow" if github else "")
    )
    here = [] if directory.resolve() == Path.cwd().resolve() else [f"cd {directory}"]
    steps = [
        *here,
        "growthlog serve      # the journal on http://127.0.0.1:8000",
        "growthlog new        # your first round",
    ]
    click.echo("next:\n" + "".join(f"  {step}\n" for step in steps).rstrip("\n"))

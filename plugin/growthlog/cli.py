"""The `growthlog` command: check entries, start a new one, publish the journal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from growthlog.build.publishable import journal_selection
from growthlog.commands.init import init_command
from growthlog.commands.new import new_command
from growthlog.commands.options import engine_options
from growthlog.commands.practice import logged_rehearsals, practice_command
from growthlog.commands.scan import scan_command
from growthlog.commands.serve import serve_command
from growthlog.engines.lookup import EngineError, entries_dir, find_config, find_engine
from growthlog.entries.practice_log import Rehearsal, log_beside
from growthlog.entries.problems import summarise
from growthlog.entries.reader import display_path, read_journal
from growthlog.export.formats import FORMATS, ExportRequest
from growthlog.export.writer import ExportRefused, check_public, write
from growthlog.journal.checks import suggestions, with_journal_problems
from growthlog.journal.journal import Journal
from growthlog.journal.settings import Mode, Settings, resolve_today
from growthlog.pages.journal_pages import reserved_urls, written_files
from growthlog.publish import PublishError, publish

if TYPE_CHECKING:
    import datetime as dt


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="growthlog")
def main() -> None:
    """growthlog: turn every interview into growth. Entries in, a private journal out."""


main.add_command(init_command)
main.add_command(serve_command)
main.add_command(scan_command)


@main.command()
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def check(directory: Path | None) -> None:
    """Validate every entry in DIRECTORY (default: the docs_dir of properdocs.yml or mkdocs.yml).

    Exits 0 when every entry is clean, 1 with one message per problem otherwise.
    """
    root = directory if directory is not None else entries_dir()
    result = with_journal_problems(
        read_journal(root, reserved=reserved_urls(), written=written_files()), root
    )
    for problem in result.problems:
        click.echo(f"{problem.severity.value}: {problem}", err=True)
    files = len(result.entries) + len(result.invalid)
    # The files a publish build would leave out, in the build's own words (one warning).
    left_out = journal_selection(root, result).warning(f"{root}/") if root.is_dir() else None
    if left_out is not None:
        click.echo(f"warning: {left_out}", err=True)
    if result.problems or left_out is not None:
        summary = summarise(result.problems) if result.problems else "files left out"
        click.echo(
            f"{summary} under {root} ({files} entr{'y' if files == 1 else 'ies'} checked)",
            err=True,
        )
    else:
        click.echo(
            f"{len(result.entries)} entr{'y' if len(result.entries) == 1 else 'ies'} under {root}: all clean"
        )
    for suggestion in suggestions(result.entries):
        # A suggestion is not a problem: it never changes the exit status.
        click.echo(f"suggestion: {suggestion.message}:")
        for path, line, text in suggestion.places:
            click.echo(f"  {display_path(root, path)}:{line}: {text}")
    if result.problems or left_out is not None:
        sys.exit(1)


@main.command("publish")
@click.option("--remote", default="origin", show_default=True, help="Git remote to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="Branch that holds the site.")
@engine_options("Build")
@click.option(
    "--allow-warnings",
    is_flag=True,
    help="Publish even when the journal or its build has warnings (a misspelt field, a name, a request).",
)
def publish_command(
    remote: str, branch: str, config_file: Path | None, engine: str | None, allow_warnings: bool
) -> None:
    """Build the journal in publish mode and push it to BRANCH of REMOTE.

    Refuses when an entry has an error, or a warning (unless --allow-warnings), and
    refuses a branch that holds anything but earlier sites. The branch is replaced by
    a single commit (no history), so nothing removed from the journal stays in an old
    deployment.
    """
    try:
        done = publish(
            find_config(config_file),
            find_engine(engine),
            remote=remote,
            branch=branch,
            allow_warnings=allow_warnings,
            warn=lambda message: click.echo(f"warning: {message}", err=True),
        )
    except (EngineError, PublishError) as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(
        f"published {done.files} files to {done.branch} on {done.remote} as one commit ({done.commit[:12]}); "
        "earlier deployments are no longer in the branch"
    )


@main.command("export")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(FORMATS)),
    default="json",
    show_default=True,
    help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()),
)
@click.argument("out", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--private", is_flag=True, help="Include private fields, interviewers, private notes and drafts."
)
@click.option("--force", is_flag=True, help="Replace files the export writes that already exist.")
@click.option(
    "--dir", "directory", type=click.Path(path_type=Path), help="Entries folder (default: docs_dir)."
)
def export_command(format_name: str, out: Path, private: bool, force: bool, directory: Path | None) -> None:
    """Write the journal into the folder OUT in one format, for you to keep, import or subscribe to.

    Without --private, what a published site leaves out stays out (private fields,
    interviewers, private notes, drafts). Never replaces a file without --force,
    never writes inside the entries folder, and writes nothing when an entry has an error.
    """
    root = directory if directory is not None else entries_dir()
    if not root.is_dir():
        click.echo(
            f"error: no entries folder at {root}; run growthlog export in your journal's folder", err=True
        )
        sys.exit(1)
    result = read_journal(root, reserved=reserved_urls())
    for problem in result.problems:
        click.echo(f"{problem.severity.value}: {problem}", err=True)
    if result.errors:
        click.echo(
            f"error: {summarise(result.problems)}; nothing was exported (fix them, then export again)",
            err=True,
        )
        sys.exit(1)
    try:
        today = resolve_today(None)
    except ValueError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    settings = Settings(today=today, mode=Mode.LOCAL if private else Mode.PUBLISH)
    journal = Journal(result.entries, settings, _rehearsals(today))
    try:
        files = list(FORMATS[format_name].files(ExportRequest(journal, private, root)))
        if not private:
            check_public(files, result.entries)
        written = write(files, out, root, force)
    except ExportRefused as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    for path in written.paths:
        click.echo(f"{'replaced' if path in written.replaced else 'wrote'} {path}")
    count = len(journal.entries)
    what = f"{count} entr{'y' if count == 1 else 'ies'}"
    if private:
        click.echo(
            f"{what}, WITH private fields, interviewers, private notes and drafts: keep it to yourself"
        )
    else:
        left = len(result.entries) - count
        drafts = f" ({left} draft{'' if left == 1 else 's'})" if left else ""
        click.echo(
            f"{what}; private fields, interviewers, private notes and drafts{drafts} left out (--private includes them)"
        )


def _rehearsals(today: dt.date) -> tuple[Rehearsal, ...]:
    """The practice log beside the journal's config (none without a config); its warnings printed."""
    try:
        config = find_config()
    except EngineError:
        return ()
    return logged_rehearsals(log_beside(config.config_file), today)


main.add_command(new_command)
main.add_command(practice_command)

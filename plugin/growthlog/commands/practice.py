"""`growthlog practice`: rehearse the questions due, one by one, in the terminal.

Each question is shown alone; Enter reveals the better answer; a rating from 1
(badly) to 5 (well) is asked for and appended to the practice log at once, so a
session stopped with Ctrl-C (or by the end of piped input) keeps every rating
already given. The log is never rewritten (see entries/practice_log.py).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from growthlog.engines.lookup import EngineError, find_config
from growthlog.entries.practice_log import (
    RATINGS,
    Rehearsal,
    append_rehearsal,
    log_beside,
    read_practice_log,
)
from growthlog.entries.problems import summarise
from growthlog.entries.reader import read_journal
from growthlog.journal.journal import Journal
from growthlog.journal.practice import build_practice
from growthlog.journal.settings import Mode, Settings, resolve_today
from growthlog.pages.fragments import format_date
from growthlog.pages.journal_pages import reserved_urls

if TYPE_CHECKING:
    import datetime as dt

#: Exit status of a session stopped with Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130


class _EndOfInput(Exception):
    """Standard input ran out (piped input, or Ctrl-D)."""


def _ask(prompt: str) -> str:
    click.echo(prompt, nl=False)
    line = sys.stdin.readline()
    if not line:
        click.echo()
        raise _EndOfInput
    return line.strip()


def _ask_rating() -> int:
    while True:
        answer = _ask("How did it go? 1 (badly) to 5 (well): ")
        if answer.isdigit() and int(answer) in RATINGS:
            return int(answer)
        click.echo(f"  Type a whole number from 1 to 5 (found {answer!r}).")


def _wrapped(text: str) -> str:
    return "\n".join(
        textwrap.fill(part, width=88, initial_indent="  ", subsequent_indent="  ")
        for part in text.splitlines() or [""]
    )


@click.command("practice")
@click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The journal's properdocs.yml or mkdocs.yml (default: the one in this folder); the log is beside it.",
)
@click.option("--limit", type=click.IntRange(min=1), help="Rehearse at most this many questions.")
def practice_command(config_file: Path | None, limit: int | None) -> None:
    """Rehearse the questions due: Enter shows the better answer, then rate how it went (1-5).

    Each rating is added at once to practice.log beside the config file (plain text: date,
    rating, question; yours to read and edit). Ctrl-C stops; nothing answered is lost.
    """
    try:
        config = find_config(config_file)
        today = resolve_today(None)
    except (EngineError, ValueError) as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    log_path = log_beside(config.config_file)
    result = read_journal(config.docs_dir, reserved=reserved_urls())
    if result.problems:
        click.echo(f"note: {summarise(result.problems)}; `growthlog check` lists them", err=True)
    journal = Journal(
        result.entries, Settings(today=today, mode=Mode.LOCAL), logged_rehearsals(log_path, today)
    )
    deck = build_practice(journal)
    due = deck.due[:limit] if limit else deck.due
    if not due:
        soon = deck.later[0] if deck.later else None
        click.echo("Nothing is due for rehearsal today.")
        if soon is not None and soon.schedule is not None and soon.schedule.due is not None:
            click.echo(f"Next: {soon.text!r} on {format_date(soon.schedule.due)}.")
        else:
            click.echo("Questions to revise (tough ones, or with no better answer yet) become cards here.")
        return
    click.echo(
        f"{len(due)} question{'s' if len(due) != 1 else ''} due. Answer out loud, press Enter to see the "
        f"better answer, then rate how it went. Ratings go to {log_path}; Ctrl-C stops."
    )
    done = 0
    try:
        for number, question in enumerate(due, 1):
            click.echo(f"\n[{number}/{len(due)}] {question.text}")
            _ask("Press Enter to see the better answer... ")
            if question.better_answer:
                click.echo("Better answer:\n" + _wrapped(question.better_answer))
            else:
                said = question.asked[-1].item.answer
                click.echo(
                    "No better answer written yet. What you said last time:\n"
                    + _wrapped(said or "(nothing written)")
                )
            rating = _ask_rating()
            try:
                append_rehearsal(log_path, Rehearsal(today, question.text, rating))
            except OSError as err:
                click.echo(
                    f"error: {log_path} cannot be written ({err.strerror or err}); this rating was not "
                    f"kept. {_kept(done, log_path)}",
                    err=True,
                )
                sys.exit(1)
            done += 1
    except KeyboardInterrupt:
        click.echo(f"\nStopped. {_kept(done, log_path)}")
        sys.exit(INTERRUPTED)
    except _EndOfInput:
        click.echo(f"Input ended. {_kept(done, log_path)}")
        return
    click.echo(f"\nDone. {_kept(done, log_path)}")


def logged_rehearsals(log_path: Path, today: dt.date) -> tuple[Rehearsal, ...]:
    """The rehearsals of the practice log at `log_path` (none without one); each line it cannot
    read is printed as a warning naming the file and line. For every command that reads the log."""
    rehearsals, problems = read_practice_log(log_path, today=today)
    for problem in problems:
        click.echo(f"{problem.severity.value}: {problem}", err=True)
    return rehearsals


def _kept(done: int, log_path: Path) -> str:
    if not done:
        return "No rehearsal was recorded."
    return f"{done} rehearsal{'s' if done != 1 else ''} recorded in {log_path}."

"""`growthlog new`: write up a round, asking for what is missing and inventing nothing.

Every value in the new file is one the user gave (as an option or at a prompt,
where pressing Enter accepts the default shown); everything else is left empty
with a comment saying what goes there. The prompts for the practices are YAML
comments and HTML comments, so a file saved as it came publishes none of them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from growthlog.engines.lookup import entries_dir
from growthlog.entries.model import Outcome, Stage
from growthlog.entries.schema import is_posting_url

if TYPE_CHECKING:
    from collections.abc import Callable

_STAGES = [s.value for s in Stage]
_OUTCOMES = [o.value for o in Outcome]
_DATE_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_day(text: str, today: dt.date) -> dt.date:
    """A date as typed: YYYY-MM-DD, or today, yesterday or tomorrow. Raises ValueError."""
    word = text.strip().lower()
    if word in _DATE_WORDS:
        return today + dt.timedelta(days=_DATE_WORDS[word])
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        raise ValueError(
            f"expected a date YYYY-MM-DD, today, yesterday or tomorrow; found {text.strip()!r}"
        ) from None


def _stage(text: str) -> str:
    value = "-".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    value = "take-home" if value == "takehome" else value
    if value in _STAGES:
        return value
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|today|yesterday|tomorrow", value):
        raise ValueError(
            f"{text.strip()!r} is a date, not a stage (the date is asked next); the stage is one of {', '.join(_STAGES)}"
        )
    raise ValueError(f"{text.strip()!r} is not a stage; one of {', '.join(_STAGES)}")


def _outcome(text: str) -> str:
    value = text.strip().lower()
    if value in _OUTCOMES:
        return value
    raise ValueError(f"{text.strip()!r} is not an outcome; one of {', '.join(_OUTCOMES)}")


def _text(text: str) -> str:
    value = text.strip()
    if not value:
        raise ValueError("it must not be empty")
    for char in value:
        if "\ud800" <= char <= "\udfff":
            # How Python hands over command-line bytes that are not UTF-8 (surrogateescape).
            raise ValueError(
                "it is not valid UTF-8 text (your terminal sent other bytes); type it again in a UTF-8 terminal"
            )
        if unicodedata.category(char) == "Cc":
            raise ValueError(
                f"it holds a control character (U+{ord(char):04X}); write it on one line, "
                "with letters, digits and punctuation"
            )
    return value


def _given(name: str, value: str) -> str:
    """An option's text, checked as a prompt's answer is; a bad one stops before anything is written."""
    try:
        return _text(value)
    except ValueError as err:
        raise click.UsageError(f"{name} {str(err).removeprefix('it ')}; nothing was written") from None


def _ask(label: str, check: Callable[[str], str], default: str | None = None) -> str:
    """Ask until the answer passes `check`; a bad answer is explained and asked again."""
    while True:
        answer = click.prompt(label, default=default, show_default=default is not None, type=str)
        try:
            return check(answer)
        except ValueError as err:
            click.echo(f"  {err}", err=True)


def slug(text: str) -> str:
    """A file-name-safe version of `text`: ascii, lowercase, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "entry"


def _date_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_day(value, dt.date.today())
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@click.command("new")
@click.option("--company", help="Company name.")
@click.option("--role", help="Role applied for.")
@click.option(
    "--date",
    "when",
    callback=_date_option,
    help="Date of the round: YYYY-MM-DD, today, yesterday or tomorrow (asked when anything is asked; else today).",
)
@click.option("--stage", type=click.Choice(_STAGES), help="Stage of this round.")
@click.option(
    "--outcome",
    type=click.Choice(_OUTCOMES),
    help="What came of it (asked when anything is asked; else pending for a round today or ahead, left empty before).",
)
@click.option(
    "--posting", help="The job posting's address (https://...), shown as a link on the application."
)
@click.option(
    "--dir", "directory", type=click.Path(path_type=Path), help="Entries folder (default: docs_dir)."
)
def new_command(
    company: str | None,
    role: str | None,
    when: dt.date | None,
    stage: str | None,
    outcome: str | None,
    posting: str | None,
    directory: Path | None,
) -> None:
    """Create a new entry for a round: the fields you give, and a prompt for each practice.

    Asks for whatever the options leave out (the date too: Enter for today, or
    yesterday, or YYYY-MM-DD), and asks again on an answer it cannot use. Writes no
    value you did not give; never overwrites a file.
    """
    if posting is not None and not is_posting_url(posting.strip()):
        raise click.BadParameter(
            f"expected a web address starting https:// or http://; found {posting!r}", param_hint="--posting"
        )
    asking = company is None or role is None or stage is None
    today = dt.date.today()
    company = _given("company", company) if company is not None else _ask("Company", _text)
    role = _given("role", role) if role is not None else _ask("Role", _text)
    if stage is None:
        stage = _ask(f"Stage ({', '.join(_STAGES)})", _stage)
    if when is None:
        when = dt.date.fromisoformat(
            _ask(
                "Date (YYYY-MM-DD, today, yesterday)",
                lambda text: parse_day(text, today).isoformat(),
                "today",
            )
            if asking
            else today.isoformat()
        )
    if outcome is None and asking:
        outcome = _ask(f"Outcome ({', '.join(_OUTCOMES)})", _outcome, "pending")
    if outcome is None and when >= today:
        outcome = (
            Outcome.PENDING.value
        )  # a round today or ahead has no outcome yet: that is what pending means
    # The whole file is made before it is created: nothing can fail half way and leave it empty.
    content = entry_template(company, role, when, stage, outcome, (posting or "").strip()).encode("utf-8")
    root = directory if directory is not None else entries_dir()
    path = root / f"{when:%Y}" / f"{when:%m}" / f"{when.isoformat()}-{slug(company)}-{stage}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" mode: the check and the creation are one step, so a file is never overwritten.
        with path.open("xb") as handle:
            handle.write(content)
    except FileExistsError:
        click.echo(
            f"error: {path} already exists; nothing was written (edit it, or pick another --date or --stage)",
            err=True,
        )
        sys.exit(1)
    click.echo(str(path))
    if outcome is None:
        click.echo(
            "note: fill in its outcome (pending, advanced, rejected...) before the next build", err=True
        )


_OUTCOME_HELP = "# pending | advanced | rejected | offer | accepted | declined | withdrew | ghosted"


def entry_template(
    company: str, role: str, when: dt.date, stage: str, outcome: str | None = None, posting: str = ""
) -> str:
    """A new entry: the values given, every other field empty, every practice as a comment to answer."""
    # json.dumps gives a double-quoted string that is also valid YAML, whatever the name holds.
    outcome_line = (
        f"outcome: {outcome:<25}{_OUTCOME_HELP}"
        if outcome
        else f"outcome:                          {_OUTCOME_HELP}: required, how did it go?"
    )
    posting_line = (
        f"posting: {json.dumps(posting, ensure_ascii=False)}\n"
        if posting
        else "posting:                          # the job posting's address, https://...\n"
    )
    return f"""---
date: {when.isoformat()}
company: {json.dumps(company, ensure_ascii=False)}
role: {json.dumps(role, ensure_ascii=False)}
{posting_line}stage: {stage:<27}# applied | screen | technical | take-home | onsite | final | offer
{outcome_line}
format:                           # phone | video | onsite | take-home
confidence:                       # 1-5: how did you feel right after?
tags: []

# 1. Reflect: what went well, what fell short? Write it today, while it is fresh.
went_well: []
fell_short: []

# 2. Gain feedback: ask within a day; note when you asked and what came back.
feedback:
  requested:                      # YYYY-MM-DD
  received:
  text: ""

# 3. Development plan: turn each gap into one concrete action.
development: []
#  - skill: Distributed systems
#    action: Read DDIA chapters 5 and 9
#    status: todo                 # todo | doing | done
#    due: 2026-04-30

# 4. Revise your answers: the questions asked, what you said, what you will say next time.
questions: []
#  - q: How would you design a rate limiter?
#    category: system-design      # behavioral | technical | system-design | culture | other
#    tough: true
#    answer: What I said
#    better_answer: What I will say next time

# 5. Refine your search: does this role and company fit what you want?
search:
  role_fit:                       # 1-5
  company_fit:                    # 1-5
  note: ""

# Lessons: what will you do differently? (They build your lessons-learned index.)
lessons: []

# Private: never published (shown only in your local preview).
interviewers: []
private: {{}}
---

<!-- Your notes, in Markdown, below. These prompts are comments: never shown, never published.
6. Keep the pipeline going: what is your next application or follow-up this week?
7. The journey: what did you do better than a month ago? -->

!!! private "Private"
    Anything here stays on your machine: it is left out of published builds.
"""

"""What is wrong across entries, not in one: a round written twice, one application under two names,
a near miss of a topic, a theme or a plan item's `because`. And the suggestions (questions that look
alike), which are never problems: a suggestion does not fail a build.

`growthlog check` and every build report these after the entries' own problems.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from growthlog.entries.model import normalise_key
from growthlog.entries.problems import Problem, Severity
from growthlog.entries.reader import ReadResult, display_path
from growthlog.journal.applications import Application, group_applications
from growthlog.journal.journal import Journal
from growthlog.journal.plan import Written, find_because
from growthlog.journal.questions import BankedQuestion, build_question_bank
from growthlog.journal.settings import Mode, Settings
from growthlog.journal.similarity import closest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path

    from growthlog.entries.model import Entry

#: A company's legal form, which does not make it another company ("ACME Inc." is Acme).
_LEGAL_SUFFIX = re.compile(
    r"\b(?:inc|incorporated|ltd|limited|llc|llp|gmbh|ag|plc|corp|corporation|co|company|sa|sas|sarl|bv|nv"
    r"|pty|ab|oy|srl|spa|kk|se|lp)\b"
)
_IN_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: How close two spellings of a topic or theme must be to be a near miss ("did you mean").
_NEAR_MISS = 0.88


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something the journal noticed and the author may act on; never applied by itself."""

    message: str
    places: tuple[tuple[str, int, str], ...]
    """(entry path, line, the text there) for each place it is about."""


def loose_company(name: str) -> str:
    """A company's name without case, punctuation, a legal suffix or anything in brackets."""
    folded = normalise_key(_IN_BRACKETS.sub(" ", name))
    return " ".join(_LEGAL_SUFFIX.sub(" ", folded).split())


def loose_role(name: str) -> str:
    """A role without case, punctuation or a level in brackets ("Backend Engineer (Mid)")."""
    return normalise_key(_IN_BRACKETS.sub(" ", name))


def _as_is(path: str) -> str:
    return path


def duplicate_rounds(rounds: Iterable[Entry], name: Callable[[str], str] = _as_is) -> list[Problem]:
    """Two rounds with the same application, date and stage: a copied file, counted twice everywhere."""
    first: dict[tuple[str, object, object], Entry] = {}
    out = []
    for entry in sorted(rounds, key=lambda e: e.path):
        key = (entry.application_key, entry.date, entry.stage)
        earlier = first.setdefault(key, entry)
        if earlier is not entry:
            out.append(
                Problem(
                    entry.path,
                    entry.line("date"),
                    "date",
                    f"the same round as '{name(earlier.path)}' (same application, date {entry.date} and stage "
                    f"{entry.stage.value}): both '{name(earlier.path)}' and '{name(entry.path)}' count it, so every "
                    "figure counts it twice; remove one of them, or correct its date or stage",
                )
            )
    return out


def similar_applications(rounds: Iterable[Entry], name: Callable[[str], str] = _as_is) -> list[Problem]:
    """Applications whose company and role differ only by case, punctuation, legal suffix or a level in brackets."""
    seen: dict[tuple[str, str], Application] = {}
    out = []
    for app in group_applications(rounds):
        loose = (loose_company(app.company), loose_role(app.role))
        if not all(loose):
            continue
        other = seen.setdefault(loose, app)
        if other is app:
            continue
        if app.first.application_id or other.first.application_id:  # grouped by an id the author chose
            continue
        entry = app.first
        suggested = "-".join(loose_company(app.company).split() + loose_role(app.role).split())
        out.append(
            Problem(
                entry.path,
                entry.line("company"),
                "company",
                f"'{app.company} / {app.role}' looks like the same application as "
                f"'{other.company} / {other.role}' ('{name(other.first.path)}'): they differ only by case, "
                "punctuation, a legal suffix or a level in brackets. If they are one process, give their "
                f"rounds the same 'application: {suggested}'; otherwise write them apart",
                Severity.WARNING,
            )
        )
    return out


def near_misses(field: str, written: Sequence[tuple[Entry, int, str]]) -> list[Problem]:
    """A value written once that is a near miss of a value written more often ("did you mean").

    `written` holds (entry, line, value) for every place the value was written.
    """
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for _, _, value in written:
        key = normalise_key(value)
        if key:
            counts[key] = counts.get(key, 0) + 1
            spelled.setdefault(key, value)
    out = []
    for entry, line, value in written:
        key = normalise_key(value)
        if counts.get(key) != 1:
            continue
        others = [k for k in counts if k != key and counts[k] > 1]
        match = difflib.get_close_matches(key, others, n=1, cutoff=_NEAR_MISS)
        if match:
            out.append(
                Problem(
                    entry.path,
                    line,
                    field,
                    f"'{value}' is written only here; did you mean '{spelled[match[0]]}' "
                    f"(written {counts[match[0]]} times)? A different spelling starts a group of its own",
                    Severity.WARNING,
                )
            )
    return out


def unmatched_because(entries: Sequence[Entry]) -> list[Problem]:
    """A plan item's `because:` that names no fell-short, feedback or lesson of the journal."""
    written = Written(entries)
    texts = [s.text for s in written.said]
    out = []
    for entry in entries:
        for i, item in enumerate(entry.development):
            if not item.because or find_because(item.because, written, entry.date) is not None:
                continue
            found = closest(item.because, texts)
            if found is None:
                near = difflib.get_close_matches(item.because, texts, n=1, cutoff=0.6)
                hint = f"; did you mean '{near[0]}'?" if near else ""
            else:
                hint = f"; did you mean '{texts[found[0]]}'?"
            out.append(
                Problem(
                    entry.path,
                    item.line or 1,
                    f"development[{i + 1}].because",
                    f"'{item.because}' names no fell_short, feedback or lesson of the journal (it should repeat "
                    f"one, or its first words){hint}",
                    Severity.WARNING,
                )
            )
    return out


def journal_problems(entries: Sequence[Entry], name: Callable[[str], str] = _as_is) -> list[Problem]:
    """Every problem that only shows across entries, drafts included, sorted by file and line.

    `name` says how a message names another file (as the reader names files: from the current folder).
    """
    rounds = [e for e in entries if not e.is_note]
    problems = duplicate_rounds(rounds, name) + similar_applications(rounds, name)
    themes = [(e, lesson.line, lesson.theme) for e in entries for lesson in e.lessons if lesson.theme]
    problems += near_misses("lessons.theme", themes)
    topics = [(e, q.line, q.topic) for e in entries for q in e.questions if q.topic]
    problems += near_misses("questions.topic", topics)
    skills = [(e, item.line, item.skill) for e in entries for item in e.development if item.skill]
    problems += near_misses("development.skill", skills)
    problems += unmatched_because(entries)
    return sorted(problems, key=lambda p: (p.path, p.line))


def suggestions(entries: Sequence[Entry], settings: Settings | None = None) -> list[Suggestion]:
    """What the journal suggests linking: questions that look alike, with no shared topic yet."""
    journal = Journal(entries, settings or Settings(mode=Mode.LOCAL))
    out = []
    for cards in journal.view(build_question_bank).look_alike:
        places = tuple(_card_place(card) for card in cards)
        out.append(
            Suggestion(
                f"these {len(cards)} questions look alike: if they are one question, "
                "add the same 'topic:' to each and they become one card",
                places,
            )
        )
    return out


def _card_place(card: BankedQuestion) -> tuple[str, int, str]:
    """Where a card's question was first asked, and what the card is (its wording, times asked, topic)."""
    first = card.asked[0]
    text = card.text
    if card.times_asked > 1:
        text += f" (asked {card.times_asked} times)"
    if card.topic:
        text += f" (topic: {card.topic})"
    return first.entry.path, first.item.line, text


def with_journal_problems(result: ReadResult, root: Path) -> ReadResult:
    """The read's result with the problems across its entries added, files named as the reader names them."""
    found = journal_problems(result.entries, lambda path: display_path(root, path))
    if not found:
        return result
    labelled = tuple(replace(p, path=display_path(root, p.path)) for p in found)
    return ReadResult(result.entries, result.problems + labelled, result.invalid)

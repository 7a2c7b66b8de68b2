"""Small pieces of HTML the journal pages print thousands of times: badges, confidence dots, source links.

At 1,000 entries the aggregate pages print about 15,000 links back to the entries
they draw from and a few thousand badges. As Jinja macros these calls were a
large part of rendering the pages; as Python functions returning `Markup` they
cost a fraction. Every string from an entry goes through `markupsafe.escape`
here, exactly as autoescape would have treated it in a template. The macros of
`_macros.html` and `_pages.html` call these, so an overridden template keeps working.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterable

    from growthlog.entries.model import Entry, Outcome, PlanStatus, Question, Stage
    from growthlog.journal.plan import PlannedItem
    from growthlog.journal.wording import Mention


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """'1 round', '3 rounds', '2 companies' (with `plural` given): for templates, headers and charts."""
    word = singular if count == 1 else (plural or singular + "s")
    return f"{count} {word}"


@functools.lru_cache(maxsize=8192)  # a journal has few distinct dates, each formatted many times
def format_date(value: dt.date | None, style: str = "long") -> str:
    """ "4 Nov 2026" (long), "4 Nov" (short) or "November 2026" (month); empty for no date."""
    if value is None:
        return ""
    if style == "short":
        return value.strftime("%d %b").lstrip("0")
    if style == "month":
        return value.strftime("%B %Y")
    return value.strftime("%d %b %Y").lstrip("0")


@functools.cache  # one per member: enum labels never change
def outcome_badge(outcome: Outcome) -> Markup:
    """The coloured badge of a round's or an application's outcome."""
    return Markup(
        f'<span class="gl-badge gl-outcome gl-outcome--{escape(outcome.value)}">{escape(outcome.label)}</span>'
    )


@functools.cache
def stage_badge(stage: Stage) -> Markup:
    """The badge of an interview stage."""
    return Markup(f'<span class="gl-badge gl-stage">{escape(stage.label)}</span>')


@functools.cache
def round_badges(stage: Stage, outcome: Outcome) -> Markup:
    """A round's stage and outcome badges; one badge when they say the same word ("Offer", not "Offer Offer")."""
    if stage.value == outcome.value:
        return outcome_badge(outcome)
    return Markup(f"{stage_badge(stage)} {outcome_badge(outcome)}")


@functools.cache
def status_badge(status: PlanStatus) -> Markup:
    """The badge of a plan item's status."""
    return Markup(
        f'<span class="gl-badge gl-status gl-status--{escape(status.value)}">{escape(status.label)}</span>'
    )


@functools.cache
def confidence(value: int | None) -> Markup:
    """Confidence as five dots, read out by screen readers as "Confidence 3 of 5"."""
    if value is None:
        return Markup("")
    said = f"Confidence {value} of 5"
    dots = "\u25cf" * value + "\u25cb" * (5 - value)
    return Markup(f'<span class="gl-confidence" role="img" aria-label="{said}">{dots}</span>')


@functools.cache
def times_badge(count: int) -> Markup:
    """A "times 3" badge for an item written in several entries; nothing for one written once."""
    if count < 2:
        return Markup("")
    return Markup(f'<span class="gl-badge gl-times" title="Written in {count} entries">\u00d7 {count}</span>')


def plan_due(planned: PlannedItem) -> Markup:
    """A plan item's due date, flagged "Overdue 3 days" or "Due soon"; "No due date" without one."""
    due = planned.item.due
    if due is None:
        return Markup('<span class="gl-muted">No due date</span>')
    text = format_date(due)
    if planned.overdue:
        days = planned.days_overdue
        return Markup(
            f'{text} <span class="gl-badge gl-overdue">Overdue {days} day{"" if days == 1 else "s"}</span>'
        )
    if planned.due_soon:
        return Markup(f'{text} <span class="gl-badge gl-due-soon">Due soon</span>')
    return Markup(text)


class EntryLinks:
    """The links pages at one depth make to entry pages, each worked out and escaped once.

    At 1,000 entries the journal pages link to each entry many times (its round on the
    timeline, its lessons, its plan items, its feedback...); escaping the same company and
    role again for every link was most of what those links cost. Links are kept by entry
    object, so an entry read again (a save under `mkdocs serve`) gets new ones.
    """

    def __init__(self, base: str, url_of: Callable[[Entry], str]) -> None:
        #: `base` leads from the page back to the site root; `url_of` gives an entry's URL from there.
        self._base = base
        self._url_of = url_of
        # id(entry) -> (entry, html): the entry is kept so that its id is not reused meanwhile.
        self._hrefs: dict[int, tuple[Entry, str]] = {}
        self._sources: dict[tuple[int, bool], tuple[Entry, str]] = {}
        self._titled: dict[int, tuple[Entry, str]] = {}

    def href(self, entry: Entry) -> str:
        """The entry page's URL relative to this page, escaped for an attribute."""
        found = self._hrefs.get(id(entry))
        if found is None or found[0] is not entry:
            found = self._hrefs[id(entry)] = (entry, str(escape(self._base + self._url_of(entry))))
        return found[1]

    def source(self, entry: Entry, dated: bool = True) -> str:
        """`source_link` to the entry, as escaped HTML."""
        key = (id(entry), dated)
        found = self._sources.get(key)
        if found is None or found[0] is not entry:
            link = str(source_link(self._base + self._url_of(entry), entry, dated))
            found = self._sources[key] = (entry, link)
        return found[1]

    def source_list(self, entries: Iterable[Entry]) -> str:
        """`source_list` of the entries, as escaped HTML."""
        return _sources(map(self.source, entries))

    def titled(self, entry: Entry) -> str:
        """A link to the entry named by company and role: "Acme · Backend Engineer", as escaped HTML."""
        found = self._titled.get(id(entry))
        if found is None or found[0] is not entry:
            text = escape(entry.title if entry.is_note else f"{entry.company} · {entry.role}")
            found = self._titled[id(entry)] = (entry, f'<a href="{self.href(entry)}">{text}</a>')
        return found[1]


def source_link(href: str, entry: Entry, dated: bool = True) -> Markup:
    """A link to the entry an item came from: "Acme, onsite, 4 Nov 2026" (or without the date)."""
    text = entry.title if entry.is_note else f"{entry.company}, {entry.stage.label.lower()}"
    if dated:
        text = f"{text}, {format_date(entry.date)}"
    # No class: at 15,000 links a page's CSS reaches them through their list (.gl-sources a...).
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def source_list(links: Iterable[tuple[str, Entry]]) -> Markup:
    """Dated links to several entries (href, entry), separated by middle dots."""
    return Markup(_sources(source_link(href, entry) for href, entry in links))


def _sources(links: Iterable[str]) -> str:
    """Source links (escaped HTML) as one list, separated by middle dots."""
    return '<span class="gl-sources">' + " · ".join(links) + "</span>"


def answer_history(asked: Iterable[tuple[str, Mention[Question]]]) -> Markup:
    """The list items of a question's answer history, (href of the entry, mention) each, oldest first.

    One call per question rather than per answer: the question bank of a large journal has thousands.
    """
    items = []
    for href, mention in asked:
        question = mention.item
        tough = ' <span class="gl-badge gl-tough">Tough</span>' if question.tough else ""
        answer = question.answer
        said = escape(answer) if answer else '<span class="gl-muted">No answer noted.</span>'
        if question.better_answer:  # every better answer stays on the card, in order
            said += (
                '<br><span class="gl-question__next"><span class="gl-label">Next time:</span> '
                f"{escape(question.better_answer)}</span>"
            )
        items.append(f"<li>{source_link(href, mention.entry)}{tough}<br>{said}</li>")
    return Markup("\n".join(items))

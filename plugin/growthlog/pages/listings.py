"""The long lists of the journal pages, written in Python: rounds, applications, plan items, lessons, feedback.

At 1,000 entries these lists hold thousands of rows (every round on the timeline,
every plan item with its motivations, every lesson with its sources...). As Jinja
loops they were most of what rendering the journal pages cost: each attribute
looked up through the sandbox of the template, each value escaped on its own.
Here each row is one f-string and every string from an entry goes through
`markupsafe.escape`, exactly as autoescape treated it in the template; links to
entries come escaped from `EntryLinks`. The page templates call these through the
names `Renderer.render` gives them (`timeline_rounds(month.rounds)`...), so an
overridden template may keep calling them or write its own loop. Each function
returns one line per row, every line ended by a newline.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from growthlog.pages.fragments import (
    confidence,
    format_date,
    outcome_badge,
    plan_due,
    plural,
    round_badges,
    stage_badge,
    times_badge,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from growthlog.entries.model import Entry
    from growthlog.journal.feedback import FeedbackRecord
    from growthlog.journal.insights import Group, SearchNote
    from growthlog.journal.plan import PlannedItem
    from growthlog.journal.timeline import ApplicationSummary, TimelineRound
    from growthlog.journal.wording import Wording
    from growthlog.pages.fragments import EntryLinks

_DRAFT = ' <span class="gl-badge gl-draft" title="Drafts are never published">Draft</span>'
_ACTIVE = ' <span class="gl-badge gl-active">Active</span>'
_SMALL = ' class="gl-insight--small"'
_EN_DASH = "\u2013"  # between dates, and for a fit not rated


def timeline_rounds(
    links: EntryLinks, rounds: Iterable[TimelineRound], notes: Sequence[Entry] = ()
) -> Markup:
    """The rounds of one month on the timeline: date, entry link, badges, and its place in its application.

    The month's journal notes (newest first, as the rounds) go among them by date, marked as notes.
    """
    lines = []
    waiting = list(notes)
    for r in rounds:
        e, app = r.entry, r.application
        while waiting and (waiting[0].date, waiting[0].path) > (e.date, e.path):
            lines.append(_timeline_note(links, waiting.pop(0)))
        lines.append(
            f'<li class="gl-round gl-round--{e.outcome.value}"><time datetime="{e.date.isoformat()}">'
            f"{format_date(e.date, 'short')}</time> {links.titled(e)} {round_badges(e.stage, e.outcome)} "
            f"{confidence(e.confidence)}{_DRAFT if e.draft else ''} "
            f'<a class="gl-round__app" href="#{escape(app.anchor)}">Round {r.number} of {len(app.rounds)}</a></li>\n'
        )
    lines += [_timeline_note(links, note) for note in waiting]
    return Markup("".join(lines))


def _timeline_note(links: EntryLinks, note: Entry) -> str:
    # Classed as a round with no outcome, so the outcome filter hides it as it hides other outcomes.
    return (
        f'<li class="gl-round gl-round--note"><time datetime="{note.date.isoformat()}">'
        f"{format_date(note.date, 'short')}</time> {links.titled(note)} "
        f'<span class="gl-badge gl-note">Journal note</span>{_DRAFT if note.draft else ""}</li>\n'
    )


def _posting_link(rounds: Iterable[Entry]) -> str:
    """A link to the job posting of an application (its latest round's that names one), or nothing."""
    posting = next((r.posting for r in reversed(tuple(rounds)) if r.posting), "")
    if not posting:
        return ""
    return (
        f'<br><a class="gl-app__posting" href="{escape(posting)}" rel="noopener noreferrer">Job posting</a>'
    )


def application_rows(links: EntryLinks, applications: Iterable[ApplicationSummary]) -> Markup:
    """The rows of the timeline's applications table: rounds, dates, furthest stage, outcome."""
    lines = []
    for app in applications:
        rounds = "".join(f'<li><a href="{links.href(r)}">{r.stage.label}</a></li>' for r in app.rounds)
        dates = format_date(app.started)
        if app.last_round != app.started:
            dates += f" {_EN_DASH} {format_date(app.last_round)}"
        lines.append(
            f'<tr id="{escape(app.anchor)}" class="gl-app gl-app--{app.outcome.value}">'
            f'<td data-label="Application"><strong>{escape(app.company)}</strong><br>{escape(app.role)}'
            f"{_posting_link(app.rounds)}</td>"
            f'<td data-label="Rounds"><ol class="gl-app__rounds">{rounds}</ol></td>'
            f'<td data-label="Dates">{dates}</td>'
            f'<td data-label="Furthest stage">{stage_badge(app.furthest_stage)}</td>'
            f'<td data-label="Outcome">{outcome_badge(app.outcome)}{_ACTIVE if app.active else ""}</td></tr>\n'
        )
    return Markup("".join(lines))


@functools.cache  # a handful of kinds ("Fell short", "Feedback", "Lesson"), each escaped once
def plan_items(links: EntryLinks, items: Iterable[PlannedItem]) -> Markup:
    """Plan items of one status: skill, action, due date, the entry that added it, its history,
    why it is on the plan (when known) and, once done, whether the weakness came back."""
    lines = []
    for planned in items:
        item = planned.item
        late = ' class="gl-plan--late"' if planned.overdue else ""
        due = "Due " if item.due else ""
        lines.append(
            f"<li{late}><strong>{escape(item.skill)}</strong>: {escape(item.action)}<br>"
            f'<span class="gl-plan__meta">{due}{plan_due(planned)} · from {links.source(planned.entry)}</span>\n'
            f"{plan_history(links, planned)}{plan_why(links, planned)}{plan_loop(links, planned)}</li>\n"
        )
    return Markup("".join(lines))


def plan_history(links: EntryLinks, planned: PlannedItem) -> str:
    """What each entry that changed the item's status said, when more than one did: added, doing, done."""
    changes = planned.changes
    if len(planned.history) <= 1:
        return ""
    parts = ['<ol class="gl-plan__history" aria-label="History">']
    for i, step in enumerate(changes):
        said = "Added" if i == 0 else step.item.status.label
        status = f" ({step.item.status.label.lower()})" if i == 0 else ""
        parts.append(f"<li>{said}{status}: {links.source(step.entry)}</li>")
    if len(changes) < len(planned.history):
        parts.append(
            f"<li>Written in {len(planned.history)} entries; the latest, "
            f"{links.source(planned.latest)}, says where it stands</li>"
        )
    parts.append("</ol>\n")
    return "".join(parts)


def plan_why(links: EntryLinks, planned: PlannedItem) -> str:
    """Why the item is on the plan: what its `because:` names, or a suggestion marked as one; nothing when unknown."""
    motivation = planned.motivation
    if motivation is None:
        return ""
    said = motivation.said
    if motivation.suggested and said is not None:
        return (
            f'<p class="gl-plan__why"><strong>Suggested reason</strong> {said.kind.lower()} '
            f"“{escape(said.text)}” ({links.source(said.entry)}); not linked by you: "
            "add <code>because:</code> to say so</p>\n"
        )
    if said is None:
        return f'<p class="gl-plan__why"><strong>Because</strong> {escape(motivation.because)}</p>\n'
    return (
        f'<p class="gl-plan__why"><strong>Because</strong> {said.kind.lower()} “{escape(said.text)}” '
        f"({links.source(said.entry)})</p>\n"
    )


def plan_loop(links: EntryLinks, planned: PlannedItem) -> str:
    """For a done item: whether the weakness came back (when and where), or that it is closed."""
    if planned.is_open:
        return ""
    back = planned.came_back
    if back is not None:
        return (
            f'<p class="gl-plan__loop gl-plan__loop--back"><strong>Came back</strong> on '
            f"{format_date(back.entry.date)} at {links.source(back.entry, dated=False)}: {back.kind.lower()} "
            f"“{escape(back.text)}”</p>\n"
        )
    if planned.closed:
        rounds = planned.later_rounds
        return (
            f'<p class="gl-plan__loop gl-plan__loop--closed"><strong>Closed</strong>: not seen again in the '
            f"{rounds} round{'' if rounds == 1 else 's'} since</p>\n"
        )
    return '<p class="gl-plan__loop gl-muted">No round since it was done: too early to tell whether it worked</p>\n'


def grouped_items(links: EntryLinks, wordings: Iterable[Wording[object]]) -> Markup:
    """Texts written in one or more entries (lessons, what went well...): text, count, and every source."""
    lines = []
    for w in wordings:
        variants = ""
        if w.variants:  # near-duplicates grouped under it: every wording stays visible
            said = "; ".join(f"“{escape(v)}”" for v in w.variants)
            variants = (
                f'<br><span class="gl-variants"><span class="gl-label">Also written as</span> {said}</span>'
            )
        lines.append(
            f"<li>{escape(w.text)} {times_badge(w.count)}{variants}<br>{links.source_list(w.entries)}</li>\n"
        )
    return Markup("".join(lines))


def feedback_rows(links: EntryLinks, records: Iterable[FeedbackRecord], today: dt.date) -> Markup:
    """The rows of the feedback log: the round, when it was asked, when and whether it was answered, the text."""
    lines = []
    for r in records:
        asked = format_date(r.requested) if r.requested else '<span class="gl-muted">not noted</span>'
        if r.received:
            answered = format_date(r.received)
            days = r.days_to_answer
            if days is not None:
                answered += f' <span class="gl-muted">({plural(days, "day")})</span>'
        elif r.answered:
            answered = "yes, date not noted"
        elif r.needs_chasing(today):
            answered = '<span class="gl-badge gl-overdue">Chase</span>'
        else:
            answered = '<span class="gl-badge gl-due-soon">Waiting</span>'
        said = f"“{escape(r.text)}”" if r.text.strip() else '<span class="gl-muted">no text</span>'
        lines.append(
            f'<tr><td data-label="Round">{links.source(r.entry)}</td><td data-label="Asked">{asked}</td>'
            f'<td data-label="Answered"><span>{answered}</span></td><td data-label="Feedback">{said}</td></tr>\n'
        )
    return Markup("".join(lines))


def _fit(value: float | None) -> str:
    if value is None:
        return f'<span class="gl-muted" title="Not rated">{_EN_DASH}</span>'
    return f"{value:.1f} / 5"


def insight_rows(title: str, groups: Iterable[Group]) -> Markup:
    """The rows of one insights table: a group's applications, furthest stages, offers and fit."""
    label = escape(title)
    lines = []
    for g in groups:
        count, offers = g.count, g.offers
        stages = " · ".join(f"{stage.label} {n}" for stage, n in g.stages)
        if g.small_sample:
            rate = f'{offers} of {count} <span class="gl-small-sample">small sample</span>'
        else:
            rate = f'{offers / count * 100:.0f} % <span class="gl-muted">({offers} of {count})</span>'
        lines.append(
            f"<tr{_SMALL if g.small_sample else ''}>"
            f'<td data-label="{label}"><strong>{escape(g.label)}</strong></td>'
            f'<td data-label="Applications">{count}</td>'
            f'<td data-label="Furthest stage"><span>{stages}</span></td>'
            f'<td data-label="Offers"><span>{rate}</span></td>'
            f'<td data-label="Role fit"><span>{_fit(g.role_fit)}</span></td>'
            f'<td data-label="Company fit"><span>{_fit(g.company_fit)}</span></td></tr>\n'
        )
    return Markup("".join(lines))


def search_notes(links: EntryLinks, notes: Iterable[SearchNote]) -> Markup:
    """The search notes, each with its round: date, entry link, stage and the fit given then."""
    lines = []
    for n in notes:
        e = n.entry
        fits = "" if n.role_fit is None else f" · role fit {n.role_fit}/5"
        if n.company_fit is not None:
            fits += f" · company fit {n.company_fit}/5"
        lines.append(
            f"<li><small>{format_date(e.date)} · {links.titled(e)} · {e.stage.label}{fits}</small><br>"
            f"{escape(n.note)}</li>\n"
        )
    return Markup("".join(lines))

"""The header of an entry page: the round's reflection laid out above the entry's own notes.

Its sections are built here in Python and put together by the `entry.html` template
(which a user may override: reorder, drop or replace sections). A build renders one
header per entry; in a template each badge was a macro call and each value an
attribute lookup through Jinja's runtime, 0.2 s at 1,000 entries, three times what
the same HTML costs here.

Safety: every value that comes from an entry goes through `escape` (the same five
characters and entities as markupsafe's, which Jinja's autoescape uses) before it is
joined into markup; only the literal markup of this module is trusted. Enum labels,
dates and numbers are escaped too, so the rule has no exceptions to remember.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from markupsafe import Markup

from growthlog.entries.model import Format, Outcome, PlanStatus, QuestionCategory, Stage
from growthlog.pages.fragments import (
    confidence,
    format_date,
    outcome_badge,
    plural,
    round_badges,
    status_badge,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from growthlog.entries.model import Entry
    from growthlog.journal.applications import Application
    from growthlog.journal.plan import Plan, PlannedItem

_NOTHING = Markup("")
_NOTE_BADGE = (
    '<span class="gl-badge gl-note" title="A journal note: not an interview round">Journal note</span>'
)
# The markup of the `private_marker`, `table_open` and `table_close` macros of _macros.html.
_PRIVATE_MARKER = '<span class="gl-badge gl-private" title="Shown only in your local preview; never published">Private</span>'
_TABLE_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
_TABLE_CLOSE = "</table></div></div>"
_NOTHING_NOTED = '<p class="gl-muted">Nothing noted.</p>'
_PLAN_HEAD = (
    '<thead><tr><th scope="col">Skill</th><th scope="col">Action</th>'
    '<th scope="col">Status</th><th scope="col">Due</th></tr></thead>'
)


def escape(value: object) -> str:
    """`value` as HTML text: exactly what `markupsafe.escape` writes, as a plain string.

    markupsafe wraps every escaped value in a `Markup` object (a Python-level constructor);
    a header escapes about seventy values, and the wrapping cost more than the escaping.
    """
    return (
        str(value)
        .replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


# Labels and dates repeat across a journal: each is escaped once.
@functools.cache
def _label(member: Stage | Outcome | Format | QuestionCategory) -> str:
    return escape(member.label)


@functools.lru_cache(maxsize=8192)
def _date(value: dt.date) -> str:
    return escape(format_date(value))


@functools.lru_cache(maxsize=8192)
def _time(value: dt.date) -> str:
    return f'<time datetime="{value.isoformat()}">{_date(value)}</time>'


def _items(values: tuple[str, ...]) -> str:
    """`<ul>` of escaped values, or the muted "Nothing noted." when there are none."""
    if not values:
        return _NOTHING_NOTED
    return "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in values) + "</ul>"


#: The sections of a header, in the order the page shows them.
SECTIONS = (
    "title",
    "meta",
    "tags",
    "rounds",
    "reflect",
    "feedback",
    "plan",
    "questions",
    "search",
    "lessons",
    "private",
)


class EntryHeader:
    """The sections of one entry's header, each a piece of escaped HTML (empty when it has nothing to show).

    In a template, `{{ header }}` is every section in order (see `SECTIONS`) and
    `{{ header.questions }}` one of them. `url(entry)` links to another round's page
    relative to this entry's page.
    """

    def __init__(
        self,
        entry: Entry,
        application: Application | None,
        url: Callable[[Entry], str],
        today: dt.date,
        shows_private: bool,
        tag_url: Callable[[str], str] | None = None,
        plan: Plan | None = None,
        prep_url: str | None = None,
    ) -> None:
        self.entry = entry
        self.application = application
        self.url = url
        self.today = today
        self.shows_private = shows_private
        #: Where a tag links to (its section of the tags page, relative to this page); None: no links.
        self.tag_url = tag_url
        #: The journal's plan: where this entry's items stand now, and whether they came back.
        self.journal_plan = plan
        #: The link to this round's prep sheet, while it is upcoming (relative to this page).
        self.prep_url = prep_url

    def __html__(self) -> Markup:
        return Markup("\n".join(getattr(self, name) for name in SECTIONS))

    @property
    def title(self) -> Markup:
        entry = self.entry
        if entry.is_note:
            return Markup(f'<h1 id="entry">{escape(entry.title)}</h1>')
        return Markup(f'<h1 id="entry">{escape(entry.company)} · {escape(entry.role)}</h1>')

    @property
    def meta(self) -> Markup:
        """Date, stage, outcome, format, seniority, confidence and the draft mark."""
        entry = self.entry
        if entry.is_note:  # no stage, no outcome: a note is not a round
            parts = ['<p class="gl-entry__meta">\n', f"  {_time(entry.date)}\n", f"  {_NOTE_BADGE}\n"]
        else:
            parts = [
                '<p class="gl-entry__meta">\n',
                f"  {_time(entry.date)}\n",
                f"  {round_badges(entry.stage, entry.outcome)}\n",
            ]
            if entry.reason is not None:
                parts.append(
                    f'<span class="gl-badge gl-reason">Reason: {entry.reason.label.lower()}</span>\n'
                )
        if entry.format and (
            entry.is_note or entry.format.value != entry.stage.value
        ):  # not "Onsite ... Onsite"
            parts.append(f'<span class="gl-badge gl-format">{_label(entry.format)}</span>')
        if entry.seniority:
            parts.append(f'<span class="gl-badge gl-seniority">{escape(entry.seniority)}</span>')
        parts.append(f"  {confidence(entry.confidence)}\n")
        if entry.draft:
            parts.append('<span class="gl-badge gl-draft" title="Drafts are never published">Draft</span>')
        parts.append("</p>")
        if entry.posting:
            parts.append(
                f'\n<p class="gl-entry__posting"><a href="{escape(entry.posting)}" rel="noopener noreferrer">'
                "The job posting</a></p>"
            )
        if self.prep_url is not None:
            parts.append(
                f'\n<p class="gl-entry__prep"><a href="{escape(self.prep_url)}">'
                "Prep sheet: what to revise for this round</a></p>"
            )
        return Markup("".join(parts))

    @property
    def tags(self) -> Markup:
        if not self.entry.tags:
            return _NOTHING
        link = self.tag_url
        if link is None:
            items = "".join(f"<li>{escape(tag)}</li>" for tag in self.entry.tags)
        else:
            items = "".join(
                f'<li><a href="{escape(link(tag))}">{escape(tag)}</a></li>' for tag in self.entry.tags
            )
        return Markup(f'<ul class="gl-tags" aria-label="Tags">{items}</ul>')

    @property
    def rounds(self) -> Markup:
        """The other rounds of the same application, linked, when there are any."""
        app = self.application
        if app is None or len(app.rounds) <= 1:
            return _NOTHING
        path = self.entry.path
        parts = [
            '<nav class="gl-rounds" aria-label="Rounds of this application">\n',
            f"<p><strong>This application:</strong> {escape(plural(len(app.rounds), 'round'))}, "
            f"furthest stage {_label(app.furthest_stage)}, now {outcome_badge(app.outcome)}</p>\n<ol>\n",
        ]
        for r in app.rounds:
            said = f"{_date(r.date)} · {_label(r.stage)}"
            if r.path == path:
                parts.append(f'  <li><strong aria-current="page">{said}</strong>')
            else:
                parts.append(f'  <li><a href="{escape(self.url(r))}">{said}</a>')
            # "Offer" once, not a link "Offer" and a badge "Offer".
            parts.append(
                f" {outcome_badge(r.outcome)}</li>\n" if r.outcome.value != r.stage.value else "</li>\n"
            )
        parts.append("</ol>\n</nav>")
        return Markup("".join(parts))

    @property
    def reflect(self) -> Markup:
        """What went well and what fell short, side by side."""
        entry = self.entry
        if not entry.went_well and not entry.fell_short:
            return _NOTHING
        return Markup(
            '<h2 id="reflect">Reflect</h2>\n<div class="gl-reflect">\n'
            '  <section class="gl-reflect__col gl-reflect__col--well" aria-labelledby="went-well">\n'
            f'    <h3 id="went-well">What went well</h3>\n{_items(entry.went_well)}\n  </section>\n'
            '  <section class="gl-reflect__col gl-reflect__col--short" aria-labelledby="fell-short">\n'
            f'    <h3 id="fell-short">What fell short</h3>\n{_items(entry.fell_short)}\n  </section>\n'
            "</div>"
        )

    @property
    def feedback(self) -> Markup:
        """When feedback was asked for and received (or that it has not come yet), and what it said."""
        feedback = self.entry.feedback
        if not feedback:
            return _NOTHING
        parts = ['<h2 id="feedback">Feedback</h2>\n<div class="gl-feedback">\n']
        requested, received = feedback.requested, feedback.received
        if requested or received:
            parts.append('  <p class="gl-feedback__dates">\n')
            if requested:
                parts.append(f"Asked {_date(requested)}. ")
            if received:
                parts.append(f"Received {_date(received)}")
                if requested:
                    parts.append(f" ({escape(plural((received - requested).days, 'day'))} later)")
                parts.append(".")
            elif requested:
                parts.append("<strong>No answer yet.</strong>")
            parts.append("\n  </p>\n")
        if feedback.text:
            parts.append(f"<blockquote><p>{escape(feedback.text)}</p></blockquote>")
        parts.append("</div>")
        return Markup("".join(parts))

    @property
    def plan(self) -> Markup:
        """The development plan items of this round, as a table; overdue ones marked."""
        development = self.entry.development
        if not development:
            return _NOTHING
        parts = [f'<h2 id="development-plan">Development plan</h2>\n{_TABLE_OPEN}\n{_PLAN_HEAD}\n<tbody>\n']
        for item in development:
            planned = self.journal_plan.item_of(item) if self.journal_plan is not None else None
            due = ""
            if item.due:
                due = _time(item.due)
                # Overdue by where the item stands now: a later entry may have marked it done.
                late = planned.overdue if planned is not None else item.status is not PlanStatus.DONE
                if late and item.due < self.today:
                    due += ' <span class="gl-badge gl-overdue">Overdue</span>'
            because = (
                f'<br><span class="gl-because"><span class="gl-label">Because:</span> {escape(item.because)}</span>'
                if item.because
                else ""
            )
            because += self._plan_since(planned)
            parts.append(
                f"<tr><td>{escape(item.skill)}</td><td>{escape(item.action)}{because}</td>"
                f"<td>{status_badge(item.status)}</td><td>{due}</td></tr>\n"
            )
        parts.append(f"</tbody>\n{_TABLE_CLOSE}")
        return Markup("".join(parts))

    def _plan_since(self, planned: PlannedItem | None) -> str:
        """Where an item of this entry stands since: its status in a later entry, and, once done, the loop."""
        if planned is None:
            return ""
        out = ""
        latest = planned.latest
        if latest.path != self.entry.path:
            out += (
                f'<br><span class="gl-plan__now"><span class="gl-label">Now:</span> '
                f'{planned.item.status.label.lower()} (<a href="{escape(self.url(latest))}">'
                f"{escape(latest.title)}, {_date(latest.date)}</a>)</span>"
            )
        back = planned.came_back
        if back is not None:
            out += (
                '<br><span class="gl-plan__loop gl-plan__loop--back"><strong>Came back</strong> on '
                f'{_date(back.entry.date)} at <a href="{escape(self.url(back.entry))}">{escape(back.entry.title)}</a>: '
                f"“{escape(back.text)}”</span>"
            )
        elif planned.closed:
            rounds = planned.later_rounds
            out += (
                '<br><span class="gl-plan__loop gl-plan__loop--closed"><strong>Closed</strong>: not seen again '
                f"in the {rounds} round{'' if rounds == 1 else 's'} since</span>"
            )
        return out

    @property
    def questions(self) -> Markup:
        """Each question asked, its category, the answer given and the better one for next time."""
        questions = self.entry.questions
        if not questions:
            return _NOTHING
        parts = ['<h2 id="questions">Questions</h2>\n']
        for question in questions:
            tough = ' <span class="gl-badge gl-tough">Tough</span>' if question.tough else ""
            if question.prepared:
                tough += ' <span class="gl-badge gl-prepared">Prepared</span>'
            if question.topic:
                tough += f' <span class="gl-badge gl-topic">Topic: {escape(question.topic)}</span>'
            parts.append(
                '<div class="gl-question">\n'
                f'  <p class="gl-question__q"><strong>{escape(question.q)}</strong> '
                f'<span class="gl-badge gl-category">{_label(question.category)}</span>{tough}</p>\n'
            )
            if question.answer:
                parts.append(f'<p><span class="gl-label">What I said:</span> {escape(question.answer)}</p>')
            if question.better_answer:
                parts.append(
                    '<p class="gl-question__better"><span class="gl-label">Next time:</span> '
                    f"{escape(question.better_answer)}</p>"
                )
            parts.append("</div>\n")
        return Markup("".join(parts))

    @property
    def search(self) -> Markup:
        """How well the role and the company fit, and the note for refining the search."""
        search = self.entry.search
        if not search:
            return _NOTHING
        parts = ['<h2 id="search-fit">Refine the search</h2>\n<dl class="gl-fit">\n']
        if search.role_fit is not None:
            parts.append(f"<dt>Role fit</dt><dd>{escape(search.role_fit)} / 5</dd>")
        if search.company_fit is not None:
            parts.append(f"<dt>Company fit</dt><dd>{escape(search.company_fit)} / 5</dd>")
        parts.append("</dl>\n")
        if search.note:
            parts.append(f"<p>{escape(search.note)}</p>\n")
        return Markup("".join(parts))

    @property
    def lessons(self) -> Markup:
        lessons = self.entry.lessons
        if not lessons:
            return _NOTHING
        parts = ['<h2 id="lessons">Lessons</h2>\n<ul class="gl-lessons">\n']
        for lesson in lessons:
            theme = f' <span class="gl-badge gl-theme">{escape(lesson.theme)}</span>' if lesson.theme else ""
            parts.append(f"<li>{escape(lesson.text)}{theme}</li>")
        parts.append("</ul>")
        return Markup("".join(parts))

    @property
    def private(self) -> Markup:
        """Interviewers and private values: only in a local preview, never in a publish build."""
        entry = self.entry
        if not self.shows_private or not (entry.interviewers or entry.private):
            return _NOTHING
        parts = [
            '<section class="gl-private-block" aria-labelledby="private">\n'
            f'<h2 id="private">Private {_PRIVATE_MARKER}</h2>\n'
            '<p class="gl-muted">Shown only in your local preview; never in a published build.</p>\n<dl>\n'
        ]
        if entry.interviewers:
            names = ", ".join(escape(name) for name in entry.interviewers)
            parts.append(f"<dt>Interviewers</dt><dd>{names}</dd>")
        for item in entry.private:
            parts.append(f"<dt>{escape(item.key.replace('private.', ''))}</dt><dd>{escape(item.value)}</dd>")
        parts.append("</dl>\n</section>")
        return Markup("".join(parts))

"""The pages growthlog generates from the journal, and the context each is rendered with.

Each page is one entry of `GENERATED_PAGES`: its source name in the docs tree,
its title in the nav and its template. The context builders live in modules
named after the page (timeline, lessons, questions, plan, progress, insights).
`journal_pages(journal)` adds the pages that exist for some journals only: one
prep sheet per upcoming round.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from growthlog.entries.private_parts import public_markdown
from growthlog.entries.urls import PREP_FOLDER, TAGS_PAGE, page_url, prep_source
from growthlog.journal import insights, pipeline_health, progress
from growthlog.journal.feedback import CHASE_SHOWN, build_feedback_log
from growthlog.journal.home import build_home
from growthlog.journal.lessons import build_lessons
from growthlog.journal.perspective import BASE_RATE_TEXT, build_perspective
from growthlog.journal.plan import THIS_MONTH_SHOWN, build_plan
from growthlog.journal.practice import build_practice
from growthlog.journal.prep import build_prep_sheet
from growthlog.journal.questions import ANSWERS_SHOWN, COMPANIES_SHOWN, build_question_bank
from growthlog.journal.resurfacing import build_resurfacing
from growthlog.journal.tags import build_tags
from growthlog.journal.timeline import build_timeline
from growthlog.pages import page_charts

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page built from the whole journal rather than from one entry."""

    src_uri: str
    title: str
    template: str
    context: Callable[[Journal], Mapping[str, Any]]
    in_nav: bool = True
    markdown: str = ""
    """Markdown the engine renders below the page's HTML, as it renders an entry's notes (a prep
    sheet shows its round's notes this way, private parts already cut when publishing)."""
    neutral_title: str = ""
    """The title when titles must not name a company (an encrypted site's <title> is not encrypted)."""

    @property
    def url(self) -> str:
        return page_url(self.src_uri)


def _home(journal: Journal) -> Mapping[str, Any]:
    return {
        "home": build_home(journal),
        **pipeline_health.context(journal),
        "perspective": journal.view(build_perspective),
        "resurfacing": build_resurfacing(journal),
        "base_rate_text": BASE_RATE_TEXT,
    }


def _timeline(journal: Journal) -> Mapping[str, Any]:
    return {"timeline": build_timeline(journal)}


def _lessons(journal: Journal) -> Mapping[str, Any]:
    return {
        "lessons": build_lessons(journal),
        "feedback": journal.view(build_feedback_log),
        "chase_shown": CHASE_SHOWN,
    }


def _questions(journal: Journal) -> Mapping[str, Any]:
    return {
        "bank": journal.view(build_question_bank),
        "companies_shown": COMPANIES_SHOWN,
        "answers_shown": ANSWERS_SHOWN,
    }


def _progress(journal: Journal) -> Mapping[str, Any]:
    return {
        **progress.context(journal),
        **page_charts.progress_charts(journal),
        "perspective": journal.view(build_perspective),
        "base_rate_text": BASE_RATE_TEXT,
    }


def _insights(journal: Journal) -> Mapping[str, Any]:
    return {**insights.context(journal), **page_charts.insights_charts(journal)}


def _plan(journal: Journal) -> Mapping[str, Any]:
    return {"plan": journal.view(build_plan), "this_month_shown": THIS_MONTH_SHOWN}


def _tags(journal: Journal) -> Mapping[str, Any]:
    return {"tags": build_tags(journal)}


def _practice(journal: Journal) -> Mapping[str, Any]:
    return {"practice": journal.view(build_practice)}


def _prep(journal: Journal, path: str) -> Mapping[str, Any]:
    return {"prep": build_prep_sheet(journal, path)}


def prep_pages(journal: Journal) -> tuple[GeneratedPage, ...]:
    """One prep sheet per upcoming round (see journal/upcoming.py), reached from home and the timeline."""
    pages = []
    for entry in journal.upcoming:
        notes = entry.body if journal.settings.shows_private else public_markdown(entry.body)
        pages.append(
            GeneratedPage(
                prep_source(entry.path),
                f"Prep sheet: {entry.company} · {entry.stage.label}",
                "prep.html",
                functools.partial(_prep, path=entry.path),
                in_nav=False,
                markdown=notes,
                neutral_title="Prep sheet",
            )
        )
    return tuple(pages)


#: The id of the heading under which a prep sheet's template leaves its round's notes.
PREP_NOTES_ID = "prep-notes"


def journal_pages(journal: Journal) -> tuple[GeneratedPage, ...]:
    """Every page built from the whole journal for this journal: the fixed ones, then its prep sheets."""
    return GENERATED_PAGES + prep_pages(journal)


GENERATED_PAGES: tuple[GeneratedPage, ...] = (
    GeneratedPage("index.md", "Home", "home.html", _home),
    GeneratedPage("timeline.md", "Timeline", "timeline.html", _timeline),
    GeneratedPage("lessons.md", "Lessons", "lessons.html", _lessons),
    GeneratedPage("questions.md", "Questions", "questions.html", _questions),
    GeneratedPage("plan.md", "Plan", "plan.html", _plan),
    GeneratedPage("progress.md", "Progress", "progress.html", _progress),
    GeneratedPage("insights.md", "Insights", "insights.html", _insights),
    GeneratedPage("practice.md", "Practice", "practice.html", _practice),
    GeneratedPage(TAGS_PAGE, "Tags", "tags.html", _tags),
)


#: What places a round on every journal page: when, where, how far, how it ended, which
#: application, whether it is a draft (ordering, grouping, links and what is left out);
#: whether it is a round at all (`kind`), and a journal note's title (its links).
_ROUND = (
    "path",
    "date",
    "company",
    "role",
    "stage",
    "outcome",
    "application_id",
    "draft",
    "kind",
    "note_title",
)

#: The entry fields each journal page shows, by source path: a save that changes none of
#: them leaves the page as it was (a reworded question re-renders home and the question
#: bank only). A test swaps every other field between entries and checks each page stays
#: the same: a page that starts showing a field fails it until the field is listed here.
SHOWN_FIELDS: dict[str, tuple[str, ...]] = {
    # Home brings back past reflections (resurfacing.py): what went well, lessons, the notes' first paragraph.
    "index.md": (
        *_ROUND,
        "questions",
        "development",
        "feedback",
        "went_well",
        "lessons",
        "body",
        "reason",
    ),
    "timeline.md": (*_ROUND, "confidence", "posting"),
    "lessons.md": (*_ROUND, "went_well", "fell_short", "lessons", "feedback"),
    "questions.md": (*_ROUND, "questions"),
    "plan.md": (*_ROUND, "development", "went_well", "fell_short", "lessons", "feedback"),
    # The plan loop: whether a done item came back is read in later shortfalls, feedback and lessons.
    "progress.md": (
        *_ROUND,
        "confidence",
        "development",
        "reason",
        "went_well",
        "questions",
        "fell_short",
        "lessons",
        "feedback",
    ),
    "insights.md": (*_ROUND, "format", "seniority", "tags", "search"),
    "practice.md": (*_ROUND, "questions"),
    TAGS_PAGE: (*_ROUND, "tags", "kind", "note_title"),
}

#: What a prep sheet shows: the journal's questions, plan, lessons and the company's feedback.
PREP_SHOWN_FIELDS = (*_ROUND, "format", "questions", "development", "feedback", "fell_short", "lessons")

#: Every field some journal page shows: a save that changes none of them rebuilds no journal page.
JOURNAL_FIELDS: tuple[str, ...] = tuple(
    sorted({name for names in (*SHOWN_FIELDS.values(), PREP_SHOWN_FIELDS) for name in names})
)


def shown_fields(src_uri: str) -> tuple[str, ...] | None:
    """The entry fields the journal page at `src_uri` shows (None: it may show any field)."""
    if src_uri.startswith(PREP_FOLDER):
        return PREP_SHOWN_FIELDS
    return SHOWN_FIELDS.get(src_uri)


def reserved_urls() -> dict[str, str]:
    """URLs an entry file must not take, mapped to the page that owns them."""
    return {page.url: page.title for page in GENERATED_PAGES}


#: Files every site of the journal holds besides its pages (growthlog's and the engine's own).
_WRITTEN = ("robots.txt", "404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")


def written_files() -> tuple[str, ...]:
    """Paths of the site that are files growthlog or the engine writes: no entry may be published there
    (`robots.txt.md` would need a folder `robots.txt/` where the file is)."""
    sheets = sorted(Path(__file__).parent.joinpath("assets").glob("*.css"))
    return (*_WRITTEN, *(f"assets/growthlog/{sheet.name}" for sheet in sheets))

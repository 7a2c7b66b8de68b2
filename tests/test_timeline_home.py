"""Timeline and home page: groupings and figures against hand-made journals, then real builds."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from growthlog.entries.model import Outcome, Stage
from growthlog.journal.home import count_figures
from growthlog.journal.timeline import build_timeline
from growthlog.pages.toc import headings
from journals import journal_of, round_

if TYPE_CHECKING:
    from conftest import Journal

from conftest import entry

# Three applications over two years:
#   Acme: screen (advanced) -> technical (rejected)             closed, rejected
#   Beta: screen (advanced) -> onsite (offer)                    offer on the table, active
#   Gamma: screen (pending), last round 40 days before today     silent > 21 days: ghosted
ROUNDS = (
    round_("2025-12-20", "Gamma", "screen", "pending"),
    round_("2026-10-01", "Acme", "screen", "advanced"),
    round_("2026-10-15", "Acme", "technical", "rejected"),
    round_("2026-11-02", "Beta", "screen", "advanced"),
    round_("2026-11-20", "Beta", "onsite", "offer"),
)


def test_timeline_groups_rounds_by_year_and_month_newest_first() -> None:
    timeline = build_timeline(journal_of(*ROUNDS))
    assert [y.year for y in timeline.years] == [2026, 2025]
    assert [m.first_day for m in timeline.years[0].months] == [dt.date(2026, 11, 1), dt.date(2026, 10, 1)]
    november = timeline.years[0].months[0]
    assert [r.entry.date.day for r in november.rounds] == [20, 2]
    assert timeline.round_count == 5
    assert [m.anchor for y in timeline.years for m in y.months] == [
        "month-2026-11",
        "month-2026-10",
        "month-2025-12",
    ]


def test_timeline_ties_rounds_to_their_application() -> None:
    timeline = build_timeline(journal_of(*ROUNDS))
    acme_technical = timeline.years[0].months[1].rounds[0]
    assert acme_technical.entry.company == "Acme"
    assert acme_technical.number == 2
    assert len(acme_technical.application.rounds) == 2
    assert acme_technical.application.furthest_stage is Stage.TECHNICAL
    assert acme_technical.application.outcome is Outcome.REJECTED
    by_company = {a.company: a for a in timeline.applications}
    assert by_company["Beta"].outcome is Outcome.OFFER and by_company["Beta"].active
    assert by_company["Gamma"].outcome is Outcome.GHOSTED and not by_company["Gamma"].active
    # Most recently active first.
    assert [a.company for a in timeline.applications] == ["Beta", "Acme", "Gamma"]


def test_timeline_offers_a_filter_for_each_outcome_present() -> None:
    timeline = build_timeline(journal_of(*ROUNDS))
    assert dict(timeline.outcome_counts) == {
        Outcome.PENDING: 1,
        Outcome.ADVANCED: 2,
        Outcome.REJECTED: 1,
        Outcome.OFFER: 1,
    }
    # Ghosted comes from Gamma's silence, not from a round.
    assert timeline.filter_outcomes == (
        Outcome.PENDING,
        Outcome.ADVANCED,
        Outcome.REJECTED,
        Outcome.OFFER,
        Outcome.GHOSTED,
    )


def test_home_figures() -> None:
    figures = count_figures(journal_of(*ROUNDS))
    assert (figures.rounds, figures.applications, figures.active, figures.offers, figures.rejections) == (
        5,
        3,
        1,
        1,
        1,
    )


def test_home_counts_accepted_and_declined_offers_and_one_rejection_per_application() -> None:
    figures = count_figures(
        journal_of(
            round_("2026-09-01", "A", "offer", "accepted"),
            round_("2026-09-02", "B", "final", "declined"),
            round_("2026-09-03", "C", "screen", "rejected"),
            round_("2026-09-04", "D", "screen", "withdrew"),
        )
    )
    assert (figures.applications, figures.active, figures.offers, figures.rejections) == (4, 0, 2, 1)


def test_headings_nest_for_the_table_of_contents() -> None:
    html = '<h1 id="t">T</h1><h2 id="a">A &amp; <span class="x">b</span></h2><h3 id="a1">A1</h3><h2 id="b">B</h2><h2>no id</h2>'
    [top] = headings(html)
    assert [(h.id, h.title) for h in top.children] == [("a", "A &amp; b"), ("b", "B")]
    assert [h.id for h in top.children[0].children] == ["a1"]


def test_the_table_of_contents_drops_h3_headings_when_a_page_has_more_than_15() -> None:
    def page(h3_count: int) -> str:
        return (
            '<h1 id="t">T</h1><h2 id="a">A</h2>'
            + "".join(f'<h3 id="q{i}">Q{i}</h3>' for i in range(h3_count))
            + '<h2 id="b">B</h2><h3 id="b1">B1</h3>'
        )

    [few] = headings(page(14))  # 14 + 1 = 15 h3 headings: all listed
    assert [len(h.children) for h in few.children] == [14, 1]
    [many] = headings(page(15))  # 16: only the sections
    assert [(h.id, h.children) for h in many.children] == [("a", []), ("b", [])]


def _main(html: str) -> str:
    """The page's content column (the nav and table of contents repeat headings)."""
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def test_timeline_page_builds_with_links_filters_and_applications(journal: Journal) -> None:
    journal.write(
        "a1.md", entry(date="2026-10-01", company="Acme", stage="screen", outcome="advanced", confidence=4)
    )
    journal.write("a2.md", entry(date="2026-10-15", company="Acme", stage="technical", outcome="rejected"))
    journal.write("b1.md", entry(date="2026-11-02", company="Beta", stage="screen", outcome="advanced"))
    site = journal.build()
    html = (site / "timeline/index.html").read_text()
    main = _main(html)
    # Newest first, each round linking to its entry.
    assert main.index('href="../b1/"') < main.index('href="../a2/"') < main.index('href="../a1/"')
    assert '<h2 id="year-2026">2026</h2>' in main
    assert 'id="month-2026-10"' in main and "October 2026" in main
    assert "Round 2 of 2" in main
    # The filter is plain links to markers the CSS reacts to.
    assert '<span id="only-rejected" class="gl-filter-target"></span>' in main
    assert 'href="#only-rejected"' in main
    assert 'class="gl-round gl-round--rejected"' in main
    assert 'class="gl-month gl-has-advanced gl-has-rejected"' in main
    # One application row per process, with its furthest stage.
    assert len(re.findall(r'<tr id="application-', main)) == 2
    # The table of contents lists the sections.
    assert 'href="#month-2026-11"' in html and 'href="#applications"' in html
    assert "Timeline" in html.split('<nav class="md-nav md-nav--primary"', 1)[1]


def test_home_page_shows_figures_actions_and_latest(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-11-10",
            company="Acme",
            stage="screen",
            outcome="rejected",
            feedback={"requested": "2026-11-11"},
            questions=[{"q": "Why us?", "category": "culture"}],
            development=[
                {"skill": "SQL", "action": "Read a query plan daily", "status": "todo", "due": "2026-11-20"}
            ],
        ),
    )
    journal.write("b.md", entry(date="2026-11-20", company="Beta", stage="onsite", outcome="offer"))
    main = _main((journal.build() / "index.html").read_text())
    figures = re.findall(
        r'<span class="gl-figure__n">(\d+)</span> <span class="gl-figure__label">([a-z]+)</span>', main
    )
    assert figures == [
        ("2", "rounds"),
        ("2", "applications"),
        ("1", "active"),
        ("1", "offer"),
        ("1", "rejection"),
    ]
    assert "Why us?" in main and "No better answer" in main
    assert "waiting 15 days" in main  # asked 11 Nov, today 26 Nov
    assert "Read a query plan daily" in main and "Overdue 6 days" in main
    latest = main.split('id="latest"', 1)[1]
    assert latest.index('href="b/"') < latest.index('href="a/"')  # latest first

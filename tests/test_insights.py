"""The insights page: groups, stage distributions, offer rates and fits, worked out by hand."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from conftest import entry
from growthlog.entries.model import Format, Stage
from growthlog.journal import insights
from growthlog.pages import page_charts
from growthlog.pages.journal_pages import GENERATED_PAGES
from growthlog.pages.renderer import Renderer
from journals import fit, journal_of, round_

if TYPE_CHECKING:
    from conftest import Journal as JournalFolder
    from growthlog.journal.journal import Journal

SVG = "{http://www.w3.org/2000/svg}"
TAG = "<b>x</b>"
NOTE = "<script>alert(1)</script> too much Java"


def four_applications() -> Journal:
    """Acme (technical, rejected), Beta (offer), Gamma (a screen), Delta (withdrew after a screen)."""
    video, phone = Format.VIDEO, Format.PHONE
    return journal_of(
        round_("2026-01-05", "Acme", "screen", "advanced", role="Backend Engineer", seniority="senior",
               format=video, tags=("python",), search=fit(4, 3)),
        round_("2026-01-12", "Acme", "technical", "rejected", role="Backend Engineer", seniority="senior",
               format=video, tags=("python", "sql"), search=fit(5, None)),
        round_("2026-01-07", "Beta", "screen", "advanced", role="Backend engineer", seniority="Senior",
               format=phone, tags=("Python",)),
        round_("2026-01-20", "Beta", "offer", "offer", role="Backend engineer", seniority="Senior",
               format=phone, search=fit(3, 4)),
        round_("2026-01-10", "Gamma", "screen", "rejected", role="Data Engineer"),
        round_("2026-01-15", "Delta", "screen", "withdrew", role="Backend Engineer", seniority="mid",
               format=video, tags=("sql", TAG), search=fit(2, 2, NOTE)),
        today=dt.date(2026, 2, 1),
    )  # fmt: skip


def table(dimension: insights.Dimension) -> list[tuple[str, int, str, int, str, str]]:
    """Each group as (label, applications, stages, offers, role fit, company fit) with fits to 2 places."""

    def f(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    return [
        (
            g.label,
            g.count,
            ", ".join(f"{s.value} {n}" for s, n in g.stages),
            g.offers,
            f(g.role_fit),
            f(g.company_fit),
        )
        for g in dimension.groups
    ]


@pytest.fixture
def dims() -> dict[str, insights.Dimension]:
    return {d.key: d for d in insights.dimensions(four_applications())}


def test_role_groups_ignore_case_and_average_each_applications_latest_fit(
    dims: dict[str, insights.Dimension],
) -> None:
    # Acme's latest role fit is 5 (technical round), its company fit 3 (only the screen rates it).
    # Role fit (5 + 3 + 2) / 3 = 3.33; company fit (3 + 4 + 2) / 3 = 3.00.
    assert table(dims["role"]) == [
        ("Backend Engineer", 3, "screen 1, technical 1, offer 1", 1, "3.33", "3.00"),
        ("Data Engineer", 1, "screen 1", 0, "-", "-"),
    ]
    backend, data = dims["role"].groups
    assert not backend.small_sample and backend.offer_rate == pytest.approx(1 / 3)
    assert data.small_sample and data.offer_rate is None


def test_seniority_groups_with_not_set_last(dims: dict[str, insights.Dimension]) -> None:
    assert table(dims["seniority"]) == [
        ("senior", 2, "technical 1, offer 1", 1, "4.00", "3.50"),
        ("mid", 1, "screen 1", 0, "2.00", "2.00"),
        ("Not set", 1, "screen 1", 0, "-", "-"),
    ]
    assert dims["seniority"].groups[0].small_sample  # 2 < 3: no rate
    assert dims["seniority"].groups[0].offer_rate is None


def test_company_groups(dims: dict[str, insights.Dimension]) -> None:
    assert [(g.label, g.count) for g in dims["company"].groups] == [
        ("Acme", 1),
        ("Beta", 1),
        ("Delta", 1),
        ("Gamma", 1),
    ]


def test_format_and_tags_count_an_application_once_per_value(dims: dict[str, insights.Dimension]) -> None:
    # Acme had two video rounds: one application in "Video".
    assert [(g.label, g.count) for g in dims["format"].groups] == [("Video", 2), ("Phone", 1), ("Not set", 1)]
    assert dims["format"].multi
    assert [(g.label, g.count, g.offers) for g in dims["tags"].groups] == [
        ("python", 2, 1),
        ("sql", 2, 0),
        (TAG, 1, 0),
    ]


def test_furthest_stage_distribution_and_offer_rate_of_a_large_group() -> None:
    apps = [
        round_(f"2026-01-0{i}", f"Co{i}", stage, outcome, role="Dev")
        for i, (stage, outcome) in enumerate(
            [("screen", "rejected"), ("onsite", "rejected"), ("offer", "accepted"), ("offer", "declined")],
            start=1,
        )
    ]
    [dev] = insights.dimensions(journal_of(*apps))[0].groups
    assert dev.stages == ((Stage.SCREEN, 1), (Stage.ONSITE, 1), (Stage.OFFER, 2))
    assert dev.offer_rate == 0.5


def test_search_notes_newest_first() -> None:
    journal = journal_of(
        round_("2026-01-05", "Acme", "screen", "advanced", search=fit(4, None, "first")),
        round_("2026-01-09", "Beta", "screen", "advanced", search=fit(None, None, "")),
        round_("2026-01-12", "Acme", "technical", "advanced", search=fit(None, 2, "second")),
    )
    notes = insights.search_notes(journal)
    assert [(n.entry.company, n.note, n.role_fit, n.company_fit) for n in notes] == [
        ("Acme", "second", None, 2),
        ("Acme", "first", 4, None),
    ]


def test_insights_page_build(journal: JournalFolder) -> None:
    for i, company in enumerate(["Acme", "Beta", "Gamma"], start=1):
        journal.write(
            f"{company}.md",
            entry(
                date=f"2026-11-0{i}",
                company=company,
                role="Backend Engineer",
                stage="offer" if company == "Beta" else "screen",
                outcome="offer" if company == "Beta" else "rejected",
                tags=[TAG],
                search={"role_fit": 4, "company_fit": i, "note": NOTE},
            ),
        )
    journal.write("d.md", entry(date="2026-11-04", company="Delta", role="Data Engineer"))
    html = (journal.build() / "insights/index.html").read_text(encoding="utf-8")
    assert 'As of <time datetime="2026-11-26">26 Nov 2026</time>' in html
    assert "33 %" in html  # Backend Engineer: 1 offer of 3 applications
    assert '0 of 1 <span class="gl-small-sample">small sample</span>' in html  # Data Engineer
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "<script>alert(1)" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt; too much Java") == 3


def test_empty_journal_insights_page(journal: JournalFolder) -> None:
    html = (journal.build() / "insights/index.html").read_text(encoding="utf-8")
    assert "Nothing to compare yet" in html
    assert "<table" not in html.split('<article class="md-content__inner', 1)[1]


def test_fit_chart_places_each_rated_application() -> None:
    chart = page_charts.fit_chart(four_applications())
    root = ET.fromstring(str(chart.svg))
    dots = [(c.get("data-x"), c.get("data-y"), c.get("class")) for c in root.iter(f"{SVG}circle")]
    # Acme (5 + 3) / 2 = 4 at technical (rank 2); Beta (3 + 4) / 2 = 3.5 at offer (6); Delta 2 at screen (1).
    # Dots are drawn row by row, bottom first; Gamma has no fit and is left out.
    assert dots == [
        ("2", "1", "gl-fill--withdrew"),
        ("4", "2", "gl-fill--rejected"),
        ("3.5", "6", "gl-fill--offer"),
    ]
    assert chart.table.rows == (
        ("Acme · Backend Engineer", "4.0", "Technical", "Rejected"),
        ("Beta · Backend engineer", "3.5", "Offer", "Offer"),
        ("Delta · Backend Engineer", "2.0", "Screen", "Withdrew"),
    )
    assert chart.desc == (
        "3 applications rated for fit; 1 reached an onsite or further, with an average fit of 3.5; "
        "the others average 3.0; 1 without a fit rating is left out."
    )


def test_fit_chart_escapes_company_names() -> None:
    journal = journal_of(round_("2026-01-05", TAG, "screen", "advanced", search=fit(4, 4)))
    chart = page_charts.fit_chart(journal)
    assert "<b>" not in str(chart.svg)
    labels = [t.text for t in ET.fromstring(str(chart.svg)).iter(f"{SVG}text")]
    assert TAG in labels


def test_a_long_list_folds_away_single_application_groups() -> None:
    # Two applications share tag "t0"; each of the 11 others has its own tag: 12 groups > LONG_LIST.
    rounds = [round_("2026-01-01", "A", "screen", "advanced", tags=("t0", "a"))]
    rounds += [
        round_(f"2026-01-{i + 2:02}", f"C{i}", "screen", "advanced", tags=(f"u{i}",)) for i in range(10)
    ]
    rounds.append(round_("2026-01-20", "B", "screen", "advanced", tags=("T0",)))
    [tags] = [d for d in insights.dimensions(journal_of(*rounds)) if d.key == "tags"]
    assert len(tags.groups) == 12
    assert [(g.label, g.count) for g in tags.main] == [("t0", 2)]
    assert len(tags.rest) == 11 and all(g.count == 1 for g in tags.rest)
    [company] = [d for d in insights.dimensions(journal_of(*rounds[:3])) if d.key == "company"]
    assert len(company.main) == 3 and company.rest == ()


def test_a_dimension_of_single_application_groups_says_so_instead_of_an_empty_table() -> None:
    rounds = [round_(f"2026-01-{i + 1:02}", f"Co{i}", "screen", "advanced") for i in range(11)]
    [page] = [p for p in GENERATED_PAGES if p.src_uri == "insights.md"]
    html = Renderer(journal_of(*rounds)).page(page)
    company = html.split('<h2 id="company">', 1)[1].split("<h2", 1)[0]
    assert "Every company has a single application so far." in company
    assert "<summary>11 companies with one application each</summary>" in company
    assert company.count("<tbody>") == 1 and company.count('<td data-label="Company">') == 11

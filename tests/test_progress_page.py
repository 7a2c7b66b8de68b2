"""The progress page and its pipeline panel, in real builds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from conftest import entry

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from conftest import Journal

CHART_SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" class="gl-chart__svg.*?</svg>', re.S)


def write_search(journal: Journal) -> None:
    """Two applications: one rejected on 3 Nov, one still going since 20 Nov ('today' is 26 Nov)."""
    journal.write(
        "a.md",
        entry(
            date="2026-11-03",
            company="<img src=x onerror=alert(1)>",
            stage="technical",
            outcome="rejected",
            development=[{"skill": "SQL", "action": "Practise window functions", "status": "doing"}],
        ),
    )
    journal.write("b.md", entry(date="2026-11-20", company="Beta & Co", stage="screen", outcome="advanced"))


def progress_html(site: Path) -> str:
    return (site / "progress/index.html").read_text(encoding="utf-8")


def test_progress_page_charts_are_well_formed_and_escaped(journal: Journal) -> None:
    write_search(journal)
    html = progress_html(journal.build())
    svgs = CHART_SVG.findall(html)
    assert len(svgs) == 6  # rounds, funnel, confidence, calendar, bounce-back, plan
    for svg in svgs:
        ET.fromstring(svg)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # in the bounce-back label and its table
    assert "Beta &amp; Co" in html
    assert 'As of <time datetime="2026-11-26">26 Nov 2026</time>' in html


def test_pipeline_panel_figures_and_warning(journal: Journal) -> None:
    write_search(journal)
    html = progress_html(journal.build())
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))
    assert figures == {"Active applications": "1", "Days since the last round": "6", "Ghosted": "0"}
    assert 'role="status"' in html
    assert "Only 1 application is active; your floor is 3." in html


def test_pipeline_floor_and_ghosting_come_from_mkdocs_yml(journal: Journal) -> None:
    write_search(journal)
    journal.plugin_config().update(pipeline_floor=1, ghost_after_days=5)
    html = progress_html(journal.build())
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", html))
    # Beta's last round was 6 days ago, past the 5-day threshold: ghosted, and nothing is active.
    assert figures == {"Active applications": "0", "Days since the last round": "6", "Ghosted": "1"}
    assert "No application is active; your floor is 1." in html


def test_no_warning_at_or_above_the_floor(journal: Journal) -> None:
    write_search(journal)
    journal.plugin_config().update(pipeline_floor=1)
    html = progress_html(journal.build())
    assert 'role="status"' not in html


def test_today_from_the_config_is_shown(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GROWTHLOG_TODAY")
    write_search(journal)
    journal.plugin_config().update(today="2026-12-01")
    html = progress_html(journal.build())
    assert 'As of <time datetime="2026-12-01">1 Dec 2026</time>' in html
    assert "<dt>Days since the last round</dt><dd>11</dd>" in html


def test_empty_journal_progress_page_says_what_to_do(journal: Journal) -> None:
    html = progress_html(journal.build())
    assert "No rounds yet" in html
    assert CHART_SVG.findall(html) == []


def test_sample_journal_progress_page(sample_journal: Journal) -> None:
    html = progress_html(sample_journal.build())
    for svg in CHART_SVG.findall(html):
        ET.fromstring(svg)
    assert "Rounds per month" in html and "Show the numbers" in html


def test_progress_and_insights_follow_the_aggregate_pages_in_the_nav() -> None:
    from growthlog.pages.journal_pages import GENERATED_PAGES

    assert [p.url for p in GENERATED_PAGES] == [
        "",
        "timeline/",
        "lessons/",
        "questions/",
        "plan/",
        "progress/",
        "insights/",
        "practice/",
        "tags/",
    ]


def test_home_page_shows_the_pipeline_panel(journal: Journal) -> None:
    write_search(journal)
    html = (journal.build() / "index.html").read_text(encoding="utf-8")
    panel = html.split('<section class="gl-pipeline"', 1)[1].split("</section>", 1)[0]
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", panel))
    assert figures == {"Active applications": "1", "Days since the last round": "6", "Ghosted": "0"}
    assert 'role="status"' in panel
    assert "Beta &amp; Co" in panel  # the active application, linked
    assert 'As of <time datetime="2026-11-26">26 Nov 2026</time>' in panel

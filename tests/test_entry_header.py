"""The entry header, built in Python: escaped, laid out by section, overridable by template."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING

import markupsafe
from conftest import SAMPLE_ENTRIES, entry
from growthlog.entries.reader import read_entry
from growthlog.entries.urls import relative_prefix, tag_url
from growthlog.journal.journal import Journal
from growthlog.journal.plan import build_plan
from growthlog.journal.settings import Mode, Settings
from growthlog.pages.entry_header import SECTIONS, EntryHeader, escape
from growthlog.pages.renderer import Renderer
from hypothesis import given
from hypothesis import strategies as st

if TYPE_CHECKING:
    from pathlib import Path

    from growthlog.entries.model import Entry

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)> & {{ 7*7 }}"
TODAY = dt.date(2026, 11, 26)


def read(rel: str, text: str) -> Entry:
    found, problems = read_entry(rel, text.encode())
    assert found is not None, problems
    return found


def headers(entries: list[Entry], mode: Mode = Mode.PUBLISH, override: Path | None = None) -> dict[str, str]:
    journal = Journal(entries, Settings(today=TODAY, mode=mode))
    # `override` stands for theme_overrides/growthlog/, where a user's templates live.
    renderer = Renderer(journal, [override] if override else [])
    return {e.path: renderer.entry_header(e) for e in journal.entries}


@given(st.text())
def test_escape_writes_what_markupsafe_writes(text: str) -> None:
    assert escape(text) == str(markupsafe.escape(text))


def test_every_field_shows_literally_and_nothing_runs() -> None:
    hostile = read(
        "2026/a.md",
        entry(
            company=PAYLOAD,
            role=PAYLOAD,
            seniority=PAYLOAD,
            tags=[PAYLOAD],
            went_well=[PAYLOAD],
            fell_short=[PAYLOAD],
            feedback={"requested": "2026-03-15", "text": PAYLOAD},
            development=[{"skill": PAYLOAD, "action": PAYLOAD}],
            questions=[{"q": PAYLOAD, "answer": PAYLOAD, "better_answer": PAYLOAD}],
            search={"note": PAYLOAD},
            lessons=[{"text": PAYLOAD, "theme": PAYLOAD}],
            interviewers=[PAYLOAD],
            private={PAYLOAD: PAYLOAD},
        ),
    )
    page = headers([hostile], Mode.LOCAL)["2026/a.md"]
    assert "<script" not in page and "<img" not in page and "'>" not in page
    # company, role, seniority, tag, went well, fell short, feedback, skill, action, question,
    # answer, better answer, search note, lesson, theme, interviewer, private key and value.
    assert html.unescape(page).count(PAYLOAD) == 18


def test_sections_show_what_the_entry_says() -> None:
    first = read(
        "2026/03/acme-screen.md",
        entry(date="2026-03-02", stage="screen", outcome="advanced", company="Acme", role="Dev"),
    )
    second = read(
        "2026/03/acme-onsite.md",
        entry(
            date="2026-03-14",
            stage="onsite",
            outcome="rejected",
            company="Acme",
            role="Dev",
            format="video",
            confidence=2,
            went_well=["Clear design"],
            feedback={"requested": "2026-03-15", "received": "2026-03-18", "text": "More depth"},
            development=[
                {"skill": "SQL", "action": "Read plans", "due": "2026-04-01"},
                {"skill": "Go", "action": "Write a CLI", "status": "done", "due": "2026-04-01"},
            ],
            questions=[{"q": "Why Go?", "category": "culture", "tough": True, "answer": "Speed"}],
            search={"role_fit": 4, "note": "Good team"},
            lessons=[{"text": "Ask sooner", "theme": "feedback"}],
        ),
    )
    page = headers([first, second])["2026/03/acme-onsite.md"]
    text = re.sub(r"\s+", " ", page)
    assert '<h1 id="entry">Acme · Dev</h1>' in text
    assert '<time datetime="2026-03-14">14 Mar 2026</time>' in text
    assert '<span class="gl-badge gl-stage">Onsite</span>' in text
    assert '<span class="gl-badge gl-format">Video</span>' in text
    assert 'role="img" aria-label="Confidence 2 of 5">●●○○○</span>' in text
    # The rounds of the application: the other one linked from this page, this one marked.
    assert "2 rounds, furthest stage Onsite, now" in text
    assert '<a href="../../../2026/03/acme-screen/">2 Mar 2026 · Screen</a>' in text
    assert '<strong aria-current="page">14 Mar 2026 · Onsite</strong>' in text
    assert '<h3 id="fell-short">What fell short</h3> <p class="gl-muted">Nothing noted.</p>' in text
    assert "Asked 15 Mar 2026. Received 18 Mar 2026 (3 days later)." in text
    # Due 1 April, today is 26 November: the open item is overdue, the done one is not.
    assert text.count("gl-overdue") == 1
    assert '<td>SQL</td><td>Read plans</td><td><span class="gl-badge gl-status gl-status--todo">' in text
    assert '<strong>Why Go?</strong> <span class="gl-badge gl-category">Culture</span>' in text
    assert '<span class="gl-badge gl-tough">Tough</span>' in text
    assert '<span class="gl-label">What I said:</span> Speed' in text and "Next time:" not in text
    assert "<dt>Role fit</dt><dd>4 / 5</dd></dl>" in text and "Company fit" not in text
    assert '<li>Ask sooner <span class="gl-badge gl-theme">feedback</span></li>' in text
    ids = re.findall(r'<h[12] id="([^"]+)"', page)
    assert ids == ["entry", "reflect", "feedback", "development-plan", "questions", "search-fit", "lessons"]


def test_feedback_asked_and_not_answered_says_so() -> None:
    asked = read("a.md", entry(feedback={"requested": "2026-03-15"}))
    assert "Asked 15 Mar 2026. <strong>No answer yet.</strong>" in headers([asked])["a.md"]


def test_private_values_only_in_a_local_preview() -> None:
    own = read("a.md", entry(interviewers=["Dana Park", "Lee"], private={"salary": "150k"}))
    local = re.sub(r"\s+", " ", headers([own], Mode.LOCAL)["a.md"])
    assert "<dt>Interviewers</dt><dd>Dana Park, Lee</dd><dt>salary</dt><dd>150k</dd>" in local
    published = headers([own], Mode.PUBLISH)["a.md"]
    assert "Dana" not in published and "150k" not in published and "gl-private" not in published


def test_an_override_may_lay_out_the_sections_itself(tmp_path: Path) -> None:
    (tmp_path / "growthlog").mkdir()
    (tmp_path / "growthlog" / "entry.html").write_text(
        "<main>{{ header.questions }}<p>{{ entry.company }} in {{ today.year }}</p>{{ header.title }}</main>",
        encoding="utf-8",
    )
    one = read("a.md", entry(company="A&B", questions=["Why?"], went_well=["Calm"]))
    page = headers([one], override=tmp_path / "growthlog")["a.md"]
    assert page.startswith('<main><h2 id="questions">Questions</h2>')
    assert page.endswith('<p>A&amp;B in 2026</p><h1 id="entry">A&amp;B · Backend Engineer</h1></main>')
    assert "Calm" not in page  # the override left the reflection out


def test_the_packaged_template_shows_every_section_in_order() -> None:
    assert SECTIONS[:2] == ("title", "meta") and SECTIONS[-1] == "private"
    full = read("a.md", entry(tags=["go"], lessons=["Sleep"], questions=["Why?"]))
    page = headers([full])["a.md"]
    assert page.startswith('<div class="gl-entry">\n<h1 id="entry">')
    assert page.index("gl-tags") < page.index('id="questions"') < page.index('id="lessons"')
    assert page.rstrip().endswith("</div>")


def rendered_by_jinja(renderer: Renderer, journal: Journal, one: Entry) -> str:
    """The header as Jinja renders entry.html (the slow way the quick frame stands in for)."""
    base = relative_prefix(journal.url(one))

    def url(other: Entry) -> str:
        return base + journal.url(other)

    def tag_link(tag: str) -> str:
        return base + tag_url(tag, journal.settings.directory_urls)

    app = journal.application_of.get(one.path)
    header = EntryHeader(
        one, app, url, TODAY, journal.settings.shows_private, tag_link, journal.view(build_plan)
    )
    return renderer.render("entry.html", journal.url(one), entry=one, application=app, header=header)


def test_the_packaged_template_is_framed_without_a_render_per_entry_and_writes_the_same() -> None:
    # Every sample entry, and a hostile one, in both modes: the quick frame gives exactly what
    # rendering the packaged entry.html with Jinja gives.
    entries = [
        read(str(p.relative_to(SAMPLE_ENTRIES)), p.read_text(encoding="utf-8"))
        for p in sorted(SAMPLE_ENTRIES.rglob("*.md"))
    ]
    entries.append(
        read("2026/h.md", entry(company=PAYLOAD, went_well=[PAYLOAD], questions=[PAYLOAD], date="2026-06-01"))
    )
    for mode in (Mode.PUBLISH, Mode.LOCAL):
        journal = Journal(entries, Settings(today=TODAY, mode=mode))
        renderer = Renderer(journal)
        for one in journal.entries:
            quick = renderer.entry_header(one)
            assert renderer._entry_frame  # the packaged template was framed, not rendered
            assert quick == rendered_by_jinja(renderer, journal, one), one.path


def test_an_override_of_the_entry_template_is_rendered_not_framed(tmp_path: Path) -> None:
    (tmp_path / "growthlog").mkdir()
    (tmp_path / "growthlog" / "entry.html").write_text(
        '<div class="gl-entry">\n{{ header }}\n</div><p>{{ entry.company }}</p>', encoding="utf-8"
    )
    one, two = read("a.md", entry(company="A&B")), read("b.md", entry(company="C<D", date="2026-04-01"))
    pages = headers([one, two], override=tmp_path / "growthlog")
    assert pages["a.md"].endswith("</div><p>A&amp;B</p>")
    assert pages["b.md"].endswith("</div><p>C&lt;D</p>")

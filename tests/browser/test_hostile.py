"""Hostile input: every string field of an entry holds HTML/JS payloads; none runs, all show as typed.

Each payload would set `window.__pwned` if the browser ran it, so the check is one
flag per page, on every generated page, the entry pages and Material's search results.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from conftest import entry

from .conftest import CONTENT, GENERATED_URLS, PHONE, build_journal
from .test_journeys import search

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Journal

    from .conftest import Site, Tab

PAYLOADS = (
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=window.__pwned=1>",
    '"><svg onload=window.__pwned=1>',
    "'><svg onload=window.__pwned=1>",
    '<a href="javascript:window.__pwned=1">click me</a>',
    "javascript:window.__pwned=1",
    "{{ 7*7 }}",
    "{% raw %}",
    "${7*7}",
    # Not a script but as hostile to a phone layout: one word wider than the screen.
    "https://example.invalid/" + "a-very-long-unbroken-path" * 6,
)
#: A word to search for: the search index holds every field, so its results render the payloads too.
MARKER = "zanzibar"


def hostile(field: str) -> str:
    """A field value holding every payload, named so a failure says which field leaked."""
    return f"{MARKER} {field} " + " ".join(PAYLOADS)


def _hostile_fields() -> dict[str, object]:
    return {
        "company": hostile("company"),
        "role": hostile("role"),
        "seniority": hostile("seniority"),
        "application": hostile("application"),
        "tags": [hostile("tag"), "python"],
        "went_well": [hostile("went_well")],
        "fell_short": [hostile("fell_short")],
        "feedback": {"requested": "2026-11-02", "received": "2026-11-05", "text": hostile("feedback")},
        "development": [
            {"skill": hostile("skill"), "action": hostile("action"), "status": "doing", "due": "2026-11-20"}
        ],
        "questions": [
            {
                "q": hostile("question"),
                "category": "technical",
                "tough": True,
                "answer": hostile("answer"),
                "better_answer": hostile("better_answer"),
            }
        ],
        "search": {"role_fit": 2, "company_fit": 3, "note": hostile("search note")},
        "lessons": [hostile("lesson"), {"text": hostile("lesson text"), "theme": hostile("theme")}],
        "interviewers": [hostile("interviewer")],
        "private": {"notes": hostile("private note")},
    }


def _write(journal: Journal) -> None:
    fields = _hostile_fields()
    journal.write(
        "2026/11/hostile-screen.md", entry(date="2026-11-02", stage="screen", outcome="advanced", **fields)
    )
    journal.write(
        "2026/11/hostile-onsite.md", entry(date="2026-11-09", stage="onsite", outcome="pending", **fields)
    )
    journal.write("2026/10/plain.md", entry(date="2026-10-01", company="Plain Co", outcome="rejected"))
    # A local preview shows private fields: build it that way so they are rendered (and checked) too.
    journal.plugin_config()["show_private"] = True


ENTRY_URLS = ["2026/11/hostile-screen/", "2026/11/hostile-onsite/"]


@pytest.fixture(scope="module")
def hostile_site(
    browser: object, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], Site]
) -> Site:
    return serve(build_journal(tmp_path_factory.mktemp("hostile") / "journal", _write))


def _assert_inert(tab: Tab) -> None:
    assert tab.page.evaluate("typeof window.__pwned") == "undefined", f"a payload ran on {tab.page.url}"
    hrefs = tab.page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert [h for h in hrefs if h.strip().lower().startswith("javascript:")] == []
    # An <img src=x> that became markup would show up as a failed request for /x.
    assert tab.traffic.problems() == []


@pytest.mark.parametrize("path", [*GENERATED_URLS, *ENTRY_URLS])
def test_no_payload_runs_and_template_syntax_shows_as_typed(
    path: str, hostile_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(hostile_site)
    tab.goto(path, wait_until="networkidle")
    _assert_inert(tab)
    text = tab.page.locator(CONTENT).inner_text()
    # Wherever the template payloads are shown, they are shown verbatim, never evaluated.
    assert text.count("7*7") == text.count("{{ 7*7 }}") + text.count("${7*7}")
    assert len(re.findall(r"\braw\b", text)) == text.count("{% raw %}")


@pytest.mark.parametrize("path", [*GENERATED_URLS, *ENTRY_URLS])
def test_hostile_text_does_not_make_a_phone_scroll_sideways(
    path: str, hostile_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(hostile_site, viewport=PHONE)
    tab.goto(path)
    scroll_width, client_width = tab.page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, f"/{path} is {scroll_width}px wide on a {client_width}px phone"


@pytest.mark.parametrize("path", ENTRY_URLS)
def test_entry_page_shows_every_field_literally(
    path: str, hostile_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(hostile_site)
    tab.goto(path)
    text = tab.page.locator(CONTENT).inner_text()
    shown = [field for field in _shown_fields() if hostile(field) not in " ".join(text.split())]
    assert shown == [], "these fields are not shown as typed"
    assert hostile("company") in tab.page.title()
    _assert_inert(tab)


def _shown_fields() -> list[str]:
    """The fields an entry page prints in full (the application id and theme are grouping keys)."""
    return [
        "company", "role", "seniority", "tag", "went_well", "fell_short", "feedback", "skill", "action",
        "question", "answer", "better_answer", "search note", "lesson", "lesson text", "theme",
        "interviewer", "private note",
    ]  # fmt: skip


def test_search_results_for_the_payloads_run_nothing(
    hostile_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(hostile_site)
    tab.goto("")
    for field in ("company", "question", "lesson", "feedback"):
        # Material renders results from the index as HTML: wait for one showing the payloads as text.
        # Lessons and feedback are indexed on their entry page only, where every section holds the
        # marker: theirs may be folded under "more on this page".
        hit = search(tab, f"{MARKER} {field}", hostile(field), unfold=True)
        assert hostile(field) in hit.inner_text()
        _assert_inert(tab)

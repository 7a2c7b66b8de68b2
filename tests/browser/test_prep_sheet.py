"""The prep sheet of an upcoming round, and home and the timeline with one, in a real browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import CONTENT, PHONE, PREP_URL, SCREENSHOTS
from .test_accessibility import BLOCKING, SCHEME_ATTRIBUTE, _describe

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Site, Tab

PAGES = [PREP_URL, "", "timeline/"]


def test_home_links_the_upcoming_round_to_its_prep_sheet(
    upcoming_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(upcoming_site)
    tab.goto("")
    panel = tab.page.locator(f"{CONTENT} section.gl-upcoming")
    assert "in 7 days" in panel.inner_text()
    panel.get_by_role("link", name="Prep sheet: what to revise for Copperleaf").click()
    tab.page.wait_for_load_state()
    assert tab.page.url.endswith("/" + PREP_URL)
    content = tab.page.locator(CONTENT)
    assert content.locator("h1").inner_text() == "Prep sheet: Copperleaf"
    text = content.inner_text()
    for part in (
        "Earlier rounds at Copperleaf",
        "Questions to revise",
        "Lessons you wrote most",
        "Plan items in progress",
        "Bring the star schema sketch",
    ):
        assert part in text
    # Interviewers and the private box of the round's notes never reach the page.
    assert "Isabel" not in text and "160k" not in text
    assert tab.traffic.problems() == []


def test_the_prep_sheet_prints_its_content_only(upcoming_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(upcoming_site)
    tab.goto(PREP_URL)
    tab.page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not tab.page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    assert tab.page.locator(f"{CONTENT} #prep-questions").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=SCREENSHOTS / "prep-sheet-print.png", full_page=True)


@pytest.mark.parametrize("path", PAGES)
def test_the_pages_fit_a_phone(path: str, upcoming_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(upcoming_site, viewport=PHONE)
    tab.goto(path)
    scroll_width, client_width = tab.page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width, f"/{path} is {scroll_width}px wide on a {client_width}px phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.strip("/").rsplit("/", 1)[-1] or "home"
    tab.page.screenshot(path=SCREENSHOTS / f"upcoming-{name}-phone.png", full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(
    path: str, scheme: str, upcoming_site: Site, open_tab: Callable[..., Tab]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    tab = open_tab(upcoming_site, scheme=scheme)
    tab.goto(path)
    assert tab.page.locator("body").get_attribute("data-md-color-scheme") == SCHEME_ATTRIBUTE[scheme]
    results = Axe().run(tab.page)
    assert [_describe(v) for v in results.response["violations"] if v["impact"] in BLOCKING] == []

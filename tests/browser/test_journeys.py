"""What a reader does with the journal: click through it, search it, switch the palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import CONTENT, GENERATED_URLS

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Locator

    from .conftest import Site, Tab

ENTRY_LINKS = f'{CONTENT} a[href*="2026/"]'
#: (what the reader types, the text they look for): a question and a lesson of the sample journal.
#: Typed as a reader would, a few distinctive words: Material's search ranks a whole sentence
#: typed in poorly (its common words match every page).
QUESTION = ("Kafka consumer idempotent", "How do you make a Kafka consumer idempotent?")
LESSON = ("Time-box every STAR story", "Time-box every STAR story to two minutes")


def _nav_link(tab: Tab, title: str) -> Locator:
    return tab.page.locator(".md-sidebar--primary").get_by_role("link", name=title, exact=True)


def _open_first_entry_link(tab: Tab) -> str:
    """Click the first link to an entry in the page's content; check it led there; return its text."""
    link = tab.page.locator(ENTRY_LINKS).first
    text = link.inner_text()
    target = link.evaluate("a => a.href.split('#')[0]")
    with tab.page.expect_navigation():
        link.click()
    assert tab.page.url.split("#")[0] == target
    assert tab.page.url.startswith(tab.site.url("2026/"))
    # Whatever the link says ("Acme · Engineer", "Acme, screen"), it names the entry's company.
    company = tab.page.locator(f"{CONTENT} h1").first.inner_text().split(" · ")[0]
    assert company in text
    return text


def test_home_to_an_entry_and_back_by_clicking(sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(sample_site)
    tab.goto("")
    _open_first_entry_link(tab)
    tab.page.go_back()
    assert tab.page.url == sample_site.url("")
    assert tab.traffic.problems() == []


def test_home_to_timeline_to_an_entry_and_back_by_clicking(
    sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    if "timeline/" not in GENERATED_URLS:
        pytest.skip("the timeline page is not in GENERATED_PAGES yet (issue 3)")
    tab = open_tab(sample_site)
    tab.goto("")
    with tab.page.expect_navigation():
        _nav_link(tab, "Timeline").click()
    assert tab.page.url == sample_site.url("timeline/")
    _open_first_entry_link(tab)
    tab.page.go_back()
    assert tab.page.url == sample_site.url("timeline/")
    assert tab.page.locator(f"{CONTENT} h1").first.inner_text() == "Timeline"
    assert tab.traffic.problems() == []


def search(tab: Tab, query: str, shown: str, *, unfold: bool = False) -> Locator:
    """Put `query` in Material's search box and return the first result that shows `shown`.

    The index runs in a web worker and answers asynchronously, so the test waits for the
    text it looks for, not for any result. Visible text only: a result folds its other
    sections into a closed <details>, which the reader does not see unless they open
    it ("2 more on this page"): `unfold=True` opens them, as a reader clicking each.
    """
    box = tab.page.locator(".md-search__input")
    box.click()
    # Whole queries only, as when pasting (a key per letter would leave the results of
    # "kafka consumer idempot" on screen for a while): empty the box and wait for the
    # results to go, then put the query in at once. End fires the key event search listens to.
    box.fill("")
    box.press("End")
    results = tab.page.locator(".md-search-result__item")
    results.first.wait_for(state="detached")
    box.fill(query)
    box.press("End")
    found = tab.page.wait_for_function(
        """([shown, unfold]) => {
            if (unfold) document.querySelectorAll('.md-search-result__more').forEach(more => { more.open = true; });
            const items = [...document.querySelectorAll('.md-search-result__item')];
            const i = items.findIndex(item => item.innerText.includes(shown));
            return i >= 0 ? {index: i} : null;  // an object: index 0 is falsy
        }""",
        arg=[shown, unfold],
    ).json_value()
    return results.nth(found["index"])


@pytest.mark.parametrize(("query", "text"), [QUESTION, LESSON], ids=["question", "lesson"])
def test_search_finds_a_text_and_leads_to_its_page(
    query: str, text: str, sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site)
    tab.goto("")
    hit = search(tab, query, text)
    with tab.page.expect_navigation():
        hit.locator("a").first.click()
    assert tab.page.url.startswith(sample_site.url())
    assert text in tab.page.locator(CONTENT).inner_text()
    assert tab.traffic.problems() == []


def _scheme(tab: Tab) -> str | None:
    return tab.page.locator("body").get_attribute("data-md-color-scheme")


def test_palette_toggle_switches_light_and_dark_and_is_remembered(
    sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site, scheme="light")
    tab.goto("")
    assert _scheme(tab) == "default"
    tab.page.get_by_title("Switch to dark mode").click()
    assert _scheme(tab) == "slate"
    # A background that follows the scheme, not only an attribute.
    dark_bg = tab.page.evaluate("getComputedStyle(document.body).backgroundColor")
    tab.goto(GENERATED_URLS[-1])
    assert _scheme(tab) == "slate"
    tab.page.get_by_title("Switch to light mode").click()
    assert _scheme(tab) == "default"
    assert tab.page.evaluate("getComputedStyle(document.body).backgroundColor") != dark_bg
    assert tab.traffic.problems() == []

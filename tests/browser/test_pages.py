"""Every page loads as a user sees it: no console error, no failed request, nothing from outside."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import CONTENT, GENERATED_URLS, LOCAL_HOST, PHONE, SAMPLE_ENTRY_URLS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Site, Tab

PAGES = [*GENERATED_URLS, *SAMPLE_ENTRY_URLS]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_error_and_no_outside_request(
    path: str, sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site)
    # networkidle: the search worker has fetched the index, so its requests are counted too.
    tab.goto(path, wait_until="networkidle")
    assert tab.page.locator(f"{CONTENT} h1").count() >= 1, f"/{path} has no heading"
    assert tab.traffic.problems() == []
    assert tab.traffic.hosts == {LOCAL_HOST}


def test_a_missing_page_shows_the_journal_404_page(sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(sample_site)
    response = tab.page.goto(sample_site.url("404.html"), wait_until="networkidle")
    assert response is not None and response.status == 200
    assert "404" in tab.page.locator(CONTENT).inner_text()
    assert tab.traffic.problems() == []


def test_outside_requests_are_caught(sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    """The recorder the other tests rely on does see a request to another host (and refuses it)."""
    tab = open_tab(sample_site)
    tab.goto("")
    outcome = tab.page.evaluate("fetch('http://example.invalid/x').then(() => 'fetched', () => 'refused')")
    assert outcome == "refused"
    assert tab.traffic.outside == ["http://example.invalid/x"]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(
    path: str, sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site, viewport=PHONE)
    tab.goto(path)
    scroll_width, client_width = tab.page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert client_width == PHONE["width"]
    assert scroll_width <= client_width, f"/{path} is {scroll_width}px wide on a {client_width}px phone"

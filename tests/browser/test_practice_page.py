"""The practice page in a real browser: each answer hidden until revealed, by mouse or keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .conftest import CONTENT, PHONE, SCREENSHOTS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Site, Tab


def test_the_better_answer_is_hidden_until_revealed_with_the_keyboard(
    sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site)
    tab.goto("practice/")
    card = tab.page.locator(f"{CONTENT} li.gl-practice__card").filter(has_text="Show the better answer").first
    answer = card.locator("details.gl-practice__reveal > p").first
    assert not answer.is_visible()
    # Tab to the card's summary as a keyboard user would, then open it with Enter.
    summary = card.locator("summary")
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the summary is never reached with Tab")
    tab.page.keyboard.press("Enter")
    assert answer.is_visible() and answer.inner_text().strip()
    tab.page.keyboard.press("Space")  # closes again
    assert not answer.is_visible()
    assert tab.traffic.problems() == []


def test_the_practice_page_on_a_phone(sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(sample_site, viewport=PHONE)
    tab.goto("practice/")
    tab.page.locator(f"{CONTENT} summary").first.click()
    scroll_width, client_width = tab.page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert scroll_width <= client_width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=SCREENSHOTS / "practice-phone-revealed.png", full_page=True)

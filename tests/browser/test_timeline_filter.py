"""The timeline's outcome filter, clicked in a real Chromium with JavaScript off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import entry

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Journal
    from playwright.sync_api import Browser

    from .conftest import Site


def test_filtering_by_outcome_works_without_javascript(
    journal: Journal, browser: Browser, serve: Callable[[Path], Site]
) -> None:
    journal.write("a1.md", entry(date="2026-10-01", company="Acme", stage="screen", outcome="advanced"))
    journal.write("a2.md", entry(date="2026-10-15", company="Acme", stage="technical", outcome="rejected"))
    journal.write("b1.md", entry(date="2026-11-02", company="Beta", stage="screen", outcome="advanced"))
    journal.write("c1.md", entry(date="2026-09-02", company="Gamma", stage="screen", outcome="withdrew"))
    site = serve(journal.build())

    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.url("timeline/"))

        def shown(selector: str) -> list[str]:
            return page.eval_on_selector_all(
                selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.id || e.className)"
            )

        assert len(shown(".gl-round")) == 4
        page.click("a.gl-filter__link--rejected")
        assert shown(".gl-round") == ["gl-round gl-round--rejected"]
        assert shown(".gl-month") == ["gl-month gl-has-advanced gl-has-rejected"]
        assert [row.split("-")[1] for row in shown(".gl-app")] == ["acme"]
        page.click("a.gl-filter__link--withdrew")
        assert shown(".gl-round") == ["gl-round gl-round--withdrew"]
        page.click("a.gl-filter__link--all")
        assert len(shown(".gl-round")) == 4 and len(shown(".gl-app")) == 3
    finally:
        context.close()

"""The timeline's outcome filter, clicked in a real Chromium with JavaScript off."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from typing import TYPE_CHECKING

import pytest
from conftest import entry

if TYPE_CHECKING:
    from conftest import Journal

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_filtering_by_outcome_works_without_javascript(journal: Journal) -> None:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="needs the playwright package to drive Chromium"
    )
    if not shutil.which(CHROMIUM):
        pytest.skip(f"needs Chromium at {CHROMIUM}")
    journal.write("a1.md", entry(date="2026-10-01", company="Acme", stage="screen", outcome="advanced"))
    journal.write("a2.md", entry(date="2026-10-15", company="Acme", stage="technical", outcome="rejected"))
    journal.write("b1.md", entry(date="2026-11-02", company="Beta", stage="screen", outcome="advanced"))
    journal.write("c1.md", entry(date="2026-09-02", company="Gamma", stage="screen", outcome="withdrew"))
    site = journal.build()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/timeline/")

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
            browser.close()
    finally:
        server.shutdown()

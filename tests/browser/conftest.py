"""Browser fixtures: one build of the sample journal, one local server and one Chromium per session.

The tests drive Debian's Chromium (`/usr/bin/chromium`) through Playwright's Python
package; Playwright's own browser download is never used. Without either, the
tests skip with a message saying how to install them, unless the `CI` variable is
set: then they fail, so a CI run can never pass by skipping them.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from conftest import REPO, Journal
from growthlog.entries.reader import read_journal
from growthlog.entries.urls import page_url
from growthlog.pages.journal_pages import GENERATED_PAGES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, BrowserContext, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOST = "127.0.0.1"
#: 'today' for every browser build, so the pages (and the screenshots) do not change with the clock.
TODAY = "2026-11-26"
SCREENSHOTS = REPO / "tests" / "artifacts" / "screenshots"
#: The page's own content (growthlog's pages hold <article> elements of their own, e.g. question cards).
CONTENT = "article.md-content__inner"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

#: URLs of the generated pages (home, timeline, lessons...), read from the registry so new pages are covered.
GENERATED_URLS = [page.url for page in GENERATED_PAGES]
#: URLs of the sample journal's entries that are published (drafts are left out of a publish build).
_PUBLISHED_ENTRIES = sorted(page_url(e.path) for e in read_journal(REPO / "entries").entries if not e.draft)
#: A spread of entry pages (first, last and every fifth between), enough to cover every layout.
SAMPLE_ENTRY_URLS = sorted({*_PUBLISHED_ENTRIES[::5], _PUBLISHED_ENTRIES[-1]})
#: An entry page with every section (rounds, reflection, feedback, plan, questions, search fit, lessons).
RICH_ENTRY_URL = "2026/07/2026-07-16-quayside-logistics-onsite/"


def missing_tools(chromium: Path = CHROMIUM) -> str | None:
    """Why the browser tests cannot run here (and how to fix it), or None when they can."""
    missing = []
    if not chromium.exists():
        missing.append(f"Chromium is not at {chromium} (install it: `sudo apt-get install chromium`)")
    if (
        importlib.util.find_spec("playwright") is None
        or importlib.util.find_spec("axe_playwright_python") is None
    ):
        missing.append(
            "the playwright and axe-playwright-python packages are missing (`pip install -e '.[test]'`)"
        )
    if not missing:
        return None
    return "browser tests need a browser: " + "; ".join(missing)


def require_tools(missing: str | None, *, ci: bool) -> None:
    """Skip the browser tests when tools are `missing`; in CI fail instead, so they cannot pass by skipping."""
    if missing is None:
        return
    if ci:
        pytest.fail(f"{missing}. CI is set, so the browser tests must run, not skip.")
    pytest.skip(missing)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, launched once for the whole session."""
    require_tools(missing_tools(), ci=bool(os.environ.get("CI")))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    """A built site served over HTTP on 127.0.0.1 (a port chosen by the system)."""

    root: Path
    base_url: str

    def url(self, path: str = "") -> str:
        """The full URL of a site path such as `timeline/` (empty for home)."""
        return f"{self.base_url}/{path}"


def _serve(root: Path) -> tuple[Site, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Site(root, f"http://{LOCAL_HOST}:{server.server_address[1]}"), server


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], Site]]:
    """Serve a built site folder on 127.0.0.1; every server stops at the end of the session."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(root: Path) -> Site:
        site, server = _serve(root)
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def build_journal(root: Path, fill: Callable[[Journal], None]) -> Path:
    """A real strict publish build of the journal `fill` writes, with 'today' fixed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GROWTHLOG_TODAY", TODAY)
        patch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
        journal = Journal(root)
        fill(journal)
        return journal.build(strict=True)


@pytest.fixture(scope="session")
def sample_site(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], Site]
) -> Site:
    """The sample journal, built once for the session and served on 127.0.0.1."""
    site = build_journal(tmp_path_factory.mktemp("browser") / "journal", Journal.copy_sample)
    return serve(site)


#: An upcoming round written ahead (3 Dec, 'today' 26 Nov) for the sample journal's Copperleaf process.
UPCOMING_ENTRY = REPO / "tests" / "data" / "upcoming-copperleaf-onsite.md"
#: Its prep sheet's URL.
PREP_URL = "prep/2026/12/2026-12-03-copperleaf-onsite/"


def _sample_with_upcoming(journal: Journal) -> None:
    journal.copy_sample()
    journal.write("2026/12/2026-12-03-copperleaf-onsite.md", UPCOMING_ENTRY.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def upcoming_site(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], Site]
) -> Site:
    """The sample journal with one round written ahead (so home, the timeline and a prep sheet show it)."""
    site = build_journal(tmp_path_factory.mktemp("browser") / "journal", _sample_with_upcoming)
    return serve(site)


@dataclass
class Traffic:
    """What one browser context did: hosts asked, failures, console errors and uncaught exceptions."""

    hosts: set[str] = field(default_factory=set)
    outside: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Everything a user would see go wrong, one line each (empty when the pages are clean)."""
        return (
            [f"request left {LOCAL_HOST}: {url}" for url in self.outside]
            + [f"failed request: {failure}" for failure in self.failures]
            + self.errors
        )


@dataclass
class Tab:
    """A browser tab on a served site, with the traffic of its context recorded."""

    page: Page
    site: Site
    traffic: Traffic

    def goto(self, path: str = "", wait_until: str = "load") -> None:
        """Open a site path like a user typing its address, and check the server found it."""
        response = self.page.goto(self.site.url(path), wait_until=wait_until)  # type: ignore[arg-type]
        status = response.status if response is not None else None
        assert status == 200, f"/{path} answered HTTP {status}"


def _record(context: BrowserContext, page: Page, traffic: Traffic) -> None:
    def route(route: Route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        traffic.hosts.add(host)
        if host != LOCAL_HOST:
            # Recorded and refused: a test must never wait on (or leak to) the outside world.
            traffic.outside.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    context.route("**/*", route)
    context.on(
        "requestfailed",
        # ERR_ABORTED: the page itself cancelled the request by navigating away (a click on a link).
        lambda request: (
            traffic.failures.append(f"{request.url} ({request.failure})")
            if request.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    context.on(
        "response",
        lambda response: (
            traffic.failures.append(f"{response.url} (HTTP {response.status})")
            if response.status >= 400
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            traffic.errors.append(f"console error on {page.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: traffic.errors.append(f"uncaught exception on {page.url}: {error}"))


@pytest.fixture
def open_tab(browser: Browser) -> Iterator[Callable[..., Tab]]:
    """Open a tab on a site: `open_tab(site, scheme="light"|"dark", viewport=DESKTOP|PHONE)`."""
    contexts: list[BrowserContext] = []

    def open_(site: Site, scheme: str = "light", viewport: dict[str, int] = DESKTOP) -> Tab:
        context = browser.new_context(viewport=viewport, color_scheme=scheme)  # type: ignore[arg-type]
        contexts.append(context)
        # Fail within seconds, not Playwright's default 30 s, when something never appears.
        context.set_default_timeout(10_000)
        page = context.new_page()
        traffic = Traffic()
        _record(context, page, traffic)
        return Tab(page, site, traffic)

    yield open_
    for context in contexts:
        context.close()

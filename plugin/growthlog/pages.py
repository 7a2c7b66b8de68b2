"""The pages growthlog generates from the journal, and the context each is rendered with.

Each page is one entry of `GENERATED_PAGES`: its source name in the docs tree,
its title in the nav and its template. The context builders live in modules
named after the page (timeline, lessons, questions, plan, progress, insights).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from growthlog.journal import Journal


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page built from the whole journal rather than from one entry."""

    src_uri: str
    title: str
    template: str
    context: Callable[[Journal], Mapping[str, Any]]

    @property
    def url(self) -> str:
        stem = self.src_uri.removesuffix(".md")
        return "" if stem == "index" else f"{stem}/"


def _home(journal: Journal) -> Mapping[str, Any]:
    return {"latest": journal.newest_first[:10]}


GENERATED_PAGES: tuple[GeneratedPage, ...] = (GeneratedPage("index.md", "Home", "home.html", _home),)


def reserved_urls() -> dict[str, str]:
    """URLs an entry file must not take, mapped to the page that owns them."""
    return {page.url: page.title for page in GENERATED_PAGES}

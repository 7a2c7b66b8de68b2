"""The garbage collector is off while a journal page is built, and back as it was after."""

from __future__ import annotations

import dataclasses
import gc
from typing import TYPE_CHECKING, Any

import pytest
from growthlog.journal.timeline import build_timeline
from growthlog.pages.journal_pages import GENERATED_PAGES
from growthlog.pages.renderer import Renderer, collector_paused
from journals import journal_of, round_

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from growthlog.journal.journal import Journal


@pytest.fixture(autouse=True)
def collector_on_after() -> Iterator[None]:
    """Whatever a test does, the rest of the suite runs with the collector on."""
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_page_fails() -> None:
    gc.enable()
    with pytest.raises(ValueError, match="broken"), collector_paused():
        raise ValueError("broken")
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_journal_page_is_built_with_the_collector_off() -> None:
    seen: list[bool] = []

    def timeline(journal: Journal) -> Mapping[str, Any]:
        seen.append(gc.isenabled())
        return {"timeline": build_timeline(journal)}

    page = next(p for p in GENERATED_PAGES if p.src_uri == "timeline.md")
    renderer = Renderer(journal_of(round_("2026-09-01", "Acme", "screen", "advanced")))
    gc.enable()
    html = renderer.page(dataclasses.replace(page, context=timeline))
    assert seen == [False]
    assert gc.isenabled()
    assert "Acme" in html

"""Phone layout and chart labels, measured in a real browser: nothing overlaps, nothing is doubled."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import entry

from .conftest import CONTENT, DESKTOP, PHONE, build_journal

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Journal

    from .conftest import Site, Tab

_OVERLAPS = """
(elements) => {
  const boxes = elements.map((e) => e.getBoundingClientRect()).filter((b) => b.width > 0);
  const found = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        found.push([elements[i].textContent, elements[j].textContent]);
    }
  return found;
}
"""


def test_application_cards_keep_each_value_beside_its_label_on_a_phone(
    upcoming_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(upcoming_site, viewport=PHONE)
    tab.goto("timeline/")
    rows = tab.page.locator(f"{CONTENT} .gl-applications tr.gl-app")
    assert rows.count() >= 5
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        first = cells.first.bounding_box()
        role_box = cells.first.evaluate(
            "td => { const r = document.createRange(); r.selectNodeContents(td.lastChild); "
            "const b = r.getBoundingClientRect(); return {left: b.left, width: b.width}; }"
        )
        assert first is not None
        # The role (the cell's last text) starts in the value column, right of the label.
        assert role_box["left"] > first["x"] + 80, f"row {i}: the role sits in the label column"
        for badge in rows.nth(i).locator(".gl-badge").all():
            box = badge.bounding_box()
            assert box is not None and box["width"] < first["width"] / 2, f"row {i}: a badge is stretched"
        # The labels (drawn by ::before) never overlap one another: each cell is at least as tall as its label.
        heights = cells.evaluate_all(
            "cells => cells.map(c => [c.getBoundingClientRect().height,"
            " parseFloat(getComputedStyle(c, '::before').height) || 0])"
        )
        assert all(cell + 0.5 >= label for cell, label in heights), f"row {i}: {heights}"


def _crowded(journal: Journal) -> None:
    """Applications whose fit and furthest stage are close: their labels compete for the same place."""
    fits = [(4, 4), (4, 5), (5, 4), (4, 4), (3, 4), (4, 3), (5, 5), (3, 3), (4, 4), (5, 4)]
    for i, (role, company) in enumerate(fits):
        stage = "screen" if i % 2 else "technical"
        journal.write(
            f"r{i}.md",
            entry(
                date=f"2026-10-{i + 1:02d}",
                company=f"Company number {i}",
                stage=stage,
                outcome="advanced",
                search={"role_fit": role, "company_fit": company},
            ),
        )


@pytest.fixture(scope="module")
def crowded_site(
    browser: object, tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], Site]
) -> Site:
    return serve(build_journal(tmp_path_factory.mktemp("crowded") / "journal", _crowded))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_fit_chart_labels_do_not_overlap(
    viewport: dict[str, int], crowded_site: Site, sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    for site in (crowded_site, sample_site):
        tab = open_tab(site, viewport=viewport)
        tab.goto("insights/")
        labels = tab.page.locator(f"{CONTENT} svg .gl-chart__dot-group text")
        assert labels.count() >= 3
        assert labels.evaluate_all(_OVERLAPS) == []
        if site is crowded_site:
            dots = tab.page.locator(f"{CONTENT} svg .gl-chart__dot-group circle")
            assert dots.count() == 10  # every application is drawn, even where its label is left out


def test_no_doubled_badge_for_a_round_whose_stage_and_outcome_are_both_offer(
    sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    tab = open_tab(sample_site)
    for path in ("", "timeline/"):
        tab.goto(path)
        text = tab.page.locator(CONTENT).inner_text()
        assert "Offer Offer" not in text.replace("\n", " ")

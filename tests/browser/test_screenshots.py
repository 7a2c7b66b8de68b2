"""Screenshots of the journal's pages (light, dark, phone) and its charts, as a reader sees them.

The PNGs land in tests/artifacts/screenshots/ (not committed; CI keeps the folder).
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

import pytest

from .conftest import CONTENT, DESKTOP, GENERATED_URLS, PHONE, RICH_ENTRY_URL, SCREENSHOTS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Site, Tab

VARIANTS = {"light": ("light", DESKTOP), "dark": ("dark", DESKTOP), "phone": ("light", PHONE)}


def _name(path: str) -> str:
    return path.strip("/").rsplit("/", 1)[-1] or "home"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("path", [*GENERATED_URLS, RICH_ENTRY_URL])
def test_screenshot_of_page(path: str, variant: str, sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    scheme, viewport = VARIANTS[variant]
    tab = open_tab(sample_site, scheme=scheme, viewport=viewport)
    tab.goto(path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / f"{_name(path)}-{variant}.png"
    tab.page.screenshot(path=out, full_page=True)
    width, height = _png_size(out.read_bytes())
    assert width == viewport["width"]
    assert height >= viewport["height"]
    assert tab.traffic.problems() == []


@pytest.mark.parametrize("path", GENERATED_URLS)
def test_every_chart_is_drawn_with_a_size(path: str, sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    tab = open_tab(sample_site)
    tab.goto(path)
    charts = tab.page.locator(f'{CONTENT} svg[role="img"]')
    sizes = [charts.nth(i).bounding_box() for i in range(charts.count())]
    empty = [i for i, box in enumerate(sizes) if box is None or box["width"] < 1 or box["height"] < 1]
    assert empty == [], f"charts {empty} of /{path} have no size"


def test_progress_page_draws_charts(sample_site: Site, open_tab: Callable[..., Tab]) -> None:
    if "progress/" not in GENERATED_URLS:
        pytest.skip("the progress page is not in GENERATED_PAGES yet (issue 4)")
    tab = open_tab(sample_site)
    tab.goto("progress/")
    charts = tab.page.locator(f'{CONTENT} svg[role="img"]')
    assert charts.count() >= 1
    assert charts.first.is_visible()

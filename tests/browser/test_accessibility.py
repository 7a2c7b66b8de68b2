"""axe-core on every page type, light and dark: no serious or critical violation.

axe-core comes bundled in the axe-playwright-python package and is injected into
the page, so the check runs offline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from .conftest import GENERATED_URLS, RICH_ENTRY_URL

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Site, Tab

BLOCKING = {"serious", "critical"}
SCHEME_ATTRIBUTE = {"light": "default", "dark": "slate"}


def _describe(violation: dict[str, Any]) -> str:
    nodes = "; ".join(
        f"{' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}"
        for node in violation["nodes"][:5]
    )
    return f"{violation['id']} ({violation['impact']}): {violation['help']} -- {nodes}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [*GENERATED_URLS, RICH_ENTRY_URL, "404.html"])
def test_page_has_no_serious_accessibility_violation(
    path: str, scheme: str, sample_site: Site, open_tab: Callable[..., Tab]
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    tab = open_tab(sample_site, scheme=scheme)
    tab.goto(path)
    # The palette follows the system preference: check the page really is in the scheme under test.
    assert tab.page.locator("body").get_attribute("data-md-color-scheme") == SCHEME_ATTRIBUTE[scheme]
    results = Axe().run(tab.page)
    blocking = [_describe(v) for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert blocking == []

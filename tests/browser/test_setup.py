"""The browser tests' own guard: skip locally without a browser, fail in CI (no browser needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .conftest import missing_tools, require_tools

if TYPE_CHECKING:
    from pathlib import Path

MISSING = "browser tests need a browser: Chromium is not at /usr/bin/chromium"


def test_a_missing_chromium_is_named_with_how_to_install_it(tmp_path: Path) -> None:
    message = missing_tools(tmp_path / "no-chromium")
    assert message is not None
    assert f"Chromium is not at {tmp_path / 'no-chromium'}" in message
    assert "apt-get install chromium" in message


def test_missing_browser_skips_locally() -> None:
    with pytest.raises(pytest.skip.Exception, match="Chromium is not at /usr/bin/chromium"):
        require_tools(MISSING, ci=False)


def test_missing_browser_fails_in_ci() -> None:
    with pytest.raises(pytest.fail.Exception, match="CI is set, so the browser tests must run"):
        require_tools(MISSING, ci=True)


def test_nothing_missing_runs() -> None:
    assert require_tools(None, ci=True) is None

"""Each speed trick in engines/mkdocs/speedups/ writes the same site as the plain path.

A real build of the sample journal (plus a Markdown-rich entry, a hostile one and an
entry at another depth), as `mkdocs build` and as a `mkdocs serve --dirty` rebuild
after an edit, once with every trick on and once with one (or all) switched off by
GROWTHLOG_SPEEDUPS: every file of site/, the search index included, must be the same.
"""

from __future__ import annotations

import logging
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import Journal, entry
from growthlog.engines.mkdocs.speedups import NAMES, SWITCH, enabled

if TYPE_CHECKING:
    from pathlib import Path

TECHNICAL = "2026/08/2026-08-06-lumen-labs-technical.md"
HOSTILE = "<script>alert(1)</script> & \"quotes\" 'single' {{ jinja }} {% raw %}"
RICH_NOTES = """## Prep

Some *notes* with `code`, a [link](https://example.org/) and an abbreviation: HTML.

*[HTML]: Hyper Text Markup Language

| a | b |
|---|---|
| 1 | 2 |

A footnote.[^1]

[^1]: The footnote.

!!! note "An admonition"
    Inside it.
"""


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_both(
    root: Path, monkeypatch: pytest.MonkeyPatch, switch: str | None
) -> tuple[dict[str, bytes], ...]:
    """A publish build, then a serve's first build and a dirty rebuild after an edit; with `switch` set."""
    if switch is None:
        monkeypatch.delenv(SWITCH, raising=False)
    else:
        monkeypatch.setenv(SWITCH, switch)
    journal = Journal(root)
    journal.copy_sample()
    journal.write(
        "2026/11/2026-11-20-hostile.md",
        entry(f"## {HOSTILE}\n\n{HOSTILE}", date="2026-11-20", company=HOSTILE),
    )
    journal.write(
        "2026/11/2026-11-22-rich.md", entry(RICH_NOTES, date="2026-11-22", company="Rich Notes Ltd")
    )
    journal.write("top-level-round.md", entry("At the top of entries/.", date="2026-11-23", company="Top Co"))
    # Not strict: the hostile entry's raw <script> is cleaned out of the published page, with a warning.
    published = site_files(journal.build(strict=False))
    journal.config["site_dir"] = "served"
    journal.build(strict=False, command="serve", dirty=True)
    path = journal.entries / TECHNICAL
    path.write_text(path.read_text(encoding="utf-8").replace("2026-08-06", "2026-08-05", 1), encoding="utf-8")
    served = site_files(journal.build(strict=False, command="serve", dirty=True))
    return published, served


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], ...]:
    """The sites with every trick on (module-wide: each switch is compared with it)."""
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    monkeypatch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
    try:
        return build_both(tmp_path_factory.mktemp("on") / "journal", monkeypatch, None)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("switch", ["off", *(f"-{name}" for name in NAMES)])
def test_a_trick_switched_off_writes_the_same_site(
    plain: tuple[dict[str, bytes], ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    monkeypatch.setenv("GROWTHLOG_TODAY", "2026-11-26")
    monkeypatch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
    off = build_both(tmp_path / "journal", monkeypatch, switch)
    for with_tricks, without in zip(plain, off, strict=True):
        assert with_tricks.keys() == without.keys()
        assert "search/search_index.json" in without
        assert [name for name in with_tricks if with_tricks[name] != without[name]] == []


def test_the_switch_names_each_trick_and_says_when_it_is_off(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.delenv(SWITCH, raising=False)
    assert all(enabled(name) for name in NAMES)
    monkeypatch.setenv(SWITCH, "-shared_nav, -collector")
    assert [name for name in NAMES if not enabled(name)] == ["shared_nav", "collector"]
    monkeypatch.setenv(SWITCH, "off")
    assert not any(enabled(name) for name in NAMES)
    assert "shared_nav: switched off by GROWTHLOG_SPEEDUPS" in caplog.text
    monkeypatch.setenv(SWITCH, "-shared-nav")
    assert enabled("shared_nav")
    assert "unknown -shared-nav" in caplog.text  # a typo is a warning, not a silent no-op


def test_a_trick_that_cannot_apply_says_why_in_a_debug_line(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A custom_dir overriding Material's nav: every page renders its own nav.
    custom = tmp_path / "custom"
    shutil.copytree(journal.config["theme"]["custom_dir"], custom)
    import material

    nav = f"{material.__path__[0]}/templates/partials/nav.html"
    (custom / "partials").mkdir(exist_ok=True)
    shutil.copy(nav, custom / "partials" / "nav.html")
    journal.config["theme"]["custom_dir"] = str(custom)
    journal.write("a.md", entry())
    caplog.set_level(logging.DEBUG)
    journal.build()
    assert "shared_nav: off, the nav templates are not all Material's own" in caplog.text

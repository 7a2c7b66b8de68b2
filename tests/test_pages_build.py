"""Every generated page, built for real: an empty journal, hostile strings, template overrides."""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

import pytest
from conftest import entry
from growthlog.pages.journal_pages import GENERATED_PAGES

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Journal

PAGES = [page.url + "index.html" for page in GENERATED_PAGES]
PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(2)> \"quoted\" 'single' {{ 7*7 }} {% if 1 %}x{% endif %}"


def _main(page_html: str) -> str:
    """The content column of a Material page."""
    return page_html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def _pages(site: Path) -> dict[str, str]:
    return {name: (site / name).read_text(encoding="utf-8") for name in PAGES}


def test_the_five_pages_are_registered_in_nav_order() -> None:
    assert [(p.src_uri, p.title) for p in GENERATED_PAGES[:5]] == [
        ("index.md", "Home"),
        ("timeline.md", "Timeline"),
        ("lessons.md", "Lessons"),
        ("questions.md", "Questions"),
        ("plan.md", "Plan"),
    ]


def test_an_empty_journal_builds_and_every_page_says_what_to_do(journal: Journal) -> None:
    site = journal.build(strict=True)
    pages = _pages(site)
    for name, text in pages.items():
        main = _main(text)
        assert "growthlog new" in main, name
        assert "<table" not in main, name
    assert "Your journal is empty" in pages["index.html"]
    assert "No rounds yet" in pages["timeline/index.html"]
    assert "No lessons yet" in pages["lessons/index.html"]
    assert "No questions yet" in pages["questions/index.html"]
    assert "No plan items yet" in pages["plan/index.html"]


def test_hostile_strings_show_literally_on_every_page(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            date="2026-11-10",
            company=PAYLOAD,
            role=PAYLOAD,
            stage="screen",
            outcome="rejected",
            went_well=[PAYLOAD],
            fell_short=[PAYLOAD],
            feedback={"requested": "2026-11-11", "received": "2026-11-12", "text": PAYLOAD},
            development=[{"skill": PAYLOAD, "action": PAYLOAD, "status": "todo", "due": "2026-11-20"}],
            questions=[{"q": PAYLOAD, "category": "culture", "answer": PAYLOAD, "tough": True}],
            lessons=[{"text": PAYLOAD, "theme": PAYLOAD}],
            tags=[PAYLOAD],
        ),
    )
    journal.write("b.md", entry(date="2026-11-01", company="Calm Co", feedback={"requested": "2026-11-02"}))
    site = journal.build()
    for name, text in _pages(site).items():
        assert "<script>alert(1)" not in text, name
        assert "<img src=x" not in text, name
        # {{ 7*7 }} was not evaluated (chart SVG is left out: its coordinates are numbers).
        assert "49" not in re.sub(r"<svg.*?</svg>", "", _main(text), flags=re.S), name
        assert PAYLOAD in html.unescape(_main(text)), name


@pytest.mark.parametrize("name", ["home", "questions"])
def test_a_template_in_theme_overrides_replaces_the_packaged_one(
    journal: Journal, tmp_path: Path, name: str
) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "growthlog").mkdir(parents=True)
    (overrides / "growthlog" / f"{name}.html").write_text(
        '<h1 id="mine">My own {{ page.title }}</h1><p>{{ journal.entries | length }} rounds</p>',
        encoding="utf-8",
    )
    journal.config["theme"]["custom_dir"] = str(overrides)
    journal.write("a.md", entry())
    site = journal.build()
    url = "" if name == "home" else f"{name}/"
    main = _main((site / url / "index.html").read_text(encoding="utf-8"))
    assert "My own" in main and "1 rounds" in main


def test_every_page_and_its_sections_are_in_the_search_index(journal: Journal) -> None:
    journal.write(
        "a.md",
        entry(
            questions=[{"q": "Why a rate limiter?", "category": "system-design"}],
            lessons=["Draw the data flow first"],
            development=[{"skill": "SQL", "action": "Read plans"}],
        ),
    )
    index = json.loads((journal.build() / "search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    for location in (
        "",
        "timeline/",
        "lessons/",
        "questions/",
        "plan/",
        "timeline/#applications",
        "questions/#to-revise",
    ):
        assert location in docs, location
    assert "Why a rate limiter?" in " ".join(
        d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("questions/")
    )

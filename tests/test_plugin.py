"""The plugin's behaviour in real in-process builds: strictness, broken entries, serve mode, nav."""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from conftest import Journal, entry, site_text
from growthlog.pages.journal_pages import GENERATED_PAGES
from mkdocs.exceptions import Abort

if TYPE_CHECKING:
    from pathlib import Path

SECRET_SALARY = "987654"
SECRET_NOTE = "SECRET-RECRUITER-NOTE"
#: A broken entry with private values, several problems and text only its raw front matter holds.
BROKEN = (
    "---\n"
    "date: 2026-02-30\n"  # line 2: impossible date
    "company: RAW-FRONT-MATTER-COMPANY\n"
    "role: Dev\n"
    "stage: onsit\n"  # line 5: near miss
    "outcome: <script>window.pwned=1</script>\n"  # line 6: not allowed, and hostile
    "interviewers: [RAW-INTERVIEWER-NAME]\n"
    "private:\n"
    f"  salary: {SECRET_SALARY}\n"
    f"  notes: {SECRET_NOTE}\n"
    "---\n"
    "RAW-BODY-TEXT\n"
)
RAW_TEXTS = (SECRET_SALARY, SECRET_NOTE, "RAW-FRONT-MATTER-COMPANY", "RAW-INTERVIEWER-NAME", "RAW-BODY-TEXT")


def leaks(site: Path, texts: tuple[str, ...] = RAW_TEXTS) -> list[str]:
    """Every file of the site (pages, search index, sitemap) that holds one of `texts`."""
    return [f"{path.name}: {t}" for path, body in site_text(site)() for t in texts if t in body]


# -- warnings and strictness ---------------------------------------------------------


def test_an_unknown_field_fails_a_strict_build(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    journal.write("a.md", entry(lesons=["Sleep well"]))
    with pytest.raises(Abort):
        journal.build(strict=True)
    assert "a.md:7: lesons: unknown field 'lesons' is ignored; did you mean 'lessons'?" in caplog.text
    assert any(r.levelno == logging.WARNING and "lesons" in r.getMessage() for r in caplog.records)


def test_an_unknown_field_only_warns_without_strict(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("a.md", entry(lesons=["Sleep well"]))
    site = journal.build(strict=False)
    assert "Acme Corp · Backend Engineer" in (site / "a/index.html").read_text(encoding="utf-8")
    assert "unknown field 'lesons'" in caplog.text
    assert "1 warning in 1 entry" not in caplog.text  # a publish build sums up only when it stops


# -- broken entries in a publish build ------------------------------------------------


def test_a_broken_entry_fails_the_build_with_every_message(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("good.md", entry())
    journal.write("2026/broken.md", BROKEN)
    journal.write("other.md", entry(confidence=9, lesons=["x"]))
    with pytest.raises(Abort):  # MkDocs turns our PluginError into an Abort, printed without a traceback
        journal.build(strict=False)
    messages = [r.getMessage() for r in caplog.records if "growthlog" in r.name]
    assert [m.split(": ", 1)[1].split(": ", 1)[0] for m in messages] == [
        "entries/2026/broken.md:2",
        "entries/2026/broken.md:5",
        "entries/2026/broken.md:6",
        "entries/other.md:7",
        "entries/other.md:8",
    ]
    assert "date: '2026-02-30' is not a real date (February 2026 has 28 days)" in caplog.text
    assert "stage: 'onsit' is not allowed" in caplog.text and "did you mean 'onsite'?" in caplog.text
    assert "confidence: expected a whole number from 1 to 5; found 9" in caplog.text
    assert "lesons: unknown field" in caplog.text
    summary = [r for r in caplog.records if r.levelno == logging.ERROR and "growthlog" not in r.name]
    assert [r.getMessage() for r in summary] == [
        "growthlog: 4 errors and 1 warning in 2 entries (listed above); nothing was built. "
        "Fix them and build again; `growthlog check` lists them too."
    ]
    assert "Traceback" not in caplog.text


def test_a_broken_entry_leaks_nothing_into_the_site(journal: Journal) -> None:
    journal.write("good.md", entry())
    site = journal.build()  # a first, clean build leaves a full site behind
    assert (site / "search/search_index.json").is_file()
    journal.write("2026/broken.md", BROKEN)
    with pytest.raises(Abort):
        journal.build(strict=False)
    assert leaks(site) == []
    assert not (site / "2026/broken").exists()
    # MkDocs empties site/ before our check stops the build: nothing half-built is left to publish.
    assert [p for p in site.rglob("*") if p.is_file()] == []


def test_a_linked_folder_outside_entries_fails_the_build_and_leaks_nothing(journal: Journal) -> None:
    outside = journal.root / "elsewhere"
    outside.mkdir(parents=True)
    (outside / "secret.md").write_text(entry(private={"notes": SECRET_NOTE}), encoding="utf-8")
    journal.write("good.md", entry())
    (journal.entries / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(Abort):
        journal.build(strict=False)
    assert leaks(journal.root / "site", (SECRET_NOTE,)) == []


def test_a_dangling_link_fails_the_build_with_a_message(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("good.md", entry())
    (journal.entries / "gone.md").symlink_to(journal.entries / "deleted.md")
    with pytest.raises(Abort):
        journal.build(strict=False)
    assert "entries/gone.md:1: is a link to a file that does not exist" in caplog.text
    assert "Traceback" not in caplog.text


# -- mkdocs serve --------------------------------------------------------------------


def serve(journal: Journal) -> Path:
    """A serve-mode build of one good entry and one broken entry."""
    journal.write("good.md", entry(company="Good <b>Co</b>"))
    journal.write("2026/broken.md", BROKEN)
    return journal.build(strict=False, command="serve")


@pytest.fixture
def served(journal: Journal) -> Path:
    return serve(journal)


def test_serve_keeps_going_and_reports_in_the_terminal(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    site = serve(journal)
    assert (site / "good/index.html").is_file()
    assert "entries/2026/broken.md:5: stage: 'onsit' is not allowed" in caplog.text
    assert "3 errors in 1 entry (listed above); each page shows them until they are fixed" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_serve_shows_a_broken_entrys_problems_never_its_front_matter(served: Path) -> None:
    html = (served / "2026/broken/index.html").read_text(encoding="utf-8")
    assert "This entry has problems" in html
    assert "entries/2026/broken.md:2: date: &#39;2026-02-30&#39; is not a real date" in html
    assert "did you mean &#39;onsite&#39;?" in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "<script>window.pwned" not in html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Entry with problems")
    for raw in RAW_TEXTS:
        assert raw not in html
    # nor anywhere else: the search index, the sitemap, the other pages
    assert leaks(served) == []


def test_serve_puts_the_problems_notice_on_every_page(served: Path) -> None:
    pages = sorted(served.rglob("index.html"))
    expected = {"index.html", "good/index.html", "2026/broken/index.html"}
    expected |= {f"{p.url}index.html" for p in GENERATED_PAGES}
    assert {p.relative_to(served).as_posix() for p in pages} == expected
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'class="admonition failure gl-problems" role="alert"' in html, page
        assert "3 errors in your entries" in html, page
        assert "refuses to run until the errors are fixed." in html, page


def test_serve_escapes_a_good_entrys_title(served: Path) -> None:
    html = (served / "good/index.html").read_text(encoding="utf-8")
    assert "<b>Co</b>" not in html
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "Good &lt;b&gt;Co&lt;/b&gt; · Backend Engineer" in title


def test_serve_notice_for_warnings_only(journal: Journal) -> None:
    journal.write("good.md", entry(lesons=["x"]))
    html = (journal.build(strict=False, command="serve") / "good/index.html").read_text(encoding="utf-8")
    assert "1 warning in your entries" in html
    assert "It fails <code>mkdocs build --strict</code>." in html
    assert "<strong>warning</strong> <code>entries/good.md:7: lesons: unknown field" in html


def test_a_clean_serve_shows_no_notice(journal: Journal) -> None:
    journal.write("good.md", entry())
    site = journal.build(command="serve")
    assert "gl-problems" not in (site / "good/index.html").read_text(encoding="utf-8")


# -- navigation -----------------------------------------------------------------------


class NavLinks(HTMLParser):
    """The text of every link in Material's navigation (`md-nav__link`), page anchors left out."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self._in_link = False
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        href = attributes.get("href") or ""
        if tag == "a" and "md-nav__link" in classes and not href.startswith("#"):
            self._in_link, self._text = True, ""

    def handle_data(self, data: str) -> None:
        if self._in_link:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._in_link:
            self.links.append(" ".join(self._text.split()))
            self._in_link = False


def test_entries_are_not_listed_in_the_nav(sample_journal: Journal) -> None:
    site = sample_journal.build()
    page = site / "2026/07/2026-07-16-quayside-logistics-onsite/index.html"
    parser = NavLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    titles = {p.title for p in GENERATED_PAGES}
    assert parser.links, "the nav has links"
    assert set(parser.links) <= titles, set(parser.links) - titles
    assert not any("Quayside" in link or "Lumen" in link for link in parser.links)

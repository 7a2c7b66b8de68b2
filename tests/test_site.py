"""The build's decisions on `JournalSite` directly, without an engine: which pages exist and with what,
what a `--dirty` rebuild redoes, what stops a publish build, and what the leak scan looks at.

The real builds in test_preview.py, test_plugin.py and test_publish_mode.py show that the
MkDocs adapter carries these decisions out.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

import markdown
import pytest
from conftest import entry
from growthlog.build.errors import SiteError
from growthlog.build.options import SiteOptions
from growthlog.build.site import JournalSite
from growthlog.build.site_plan import PageKind, SitePlan
from growthlog.entries.private_parts import EXTENSION as PRIVATE_PARTS

if TYPE_CHECKING:
    from pathlib import Path

LUMEN_SCREEN = "2026-03-10-lumen-screen.md"
LUMEN_TECHNICAL = "2026-03-14-lumen-technical.md"
OTHER = "2026-04-01-other-screen.md"


class Folder:
    """A docs folder in tmp_path and a `JournalSite` building it, as an engine process would."""

    def __init__(self, tmp_path: Path, *, serving: bool = False, dirty: bool = False) -> None:
        self.docs = tmp_path / "entries"
        self.docs.mkdir(parents=True)
        self.site_dir = tmp_path / "site"
        self.logged: list[tuple[int, str]] = []
        self.site = JournalSite(_ListLogger(self.logged))
        self.site.start(serving=serving, dirty=dirty)

    def write(self, rel: str, text: str) -> None:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        # An edit within the same clock tick: the entry cache must still see it.
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    def plan(self, **options: object) -> SitePlan:
        self.site.configure(
            SiteOptions(
                today="2026-11-26",
                docs_dir=str(self.docs),
                site_dir=str(self.site_dir),
                keep_entries=False,
                **options,  # type: ignore[arg-type]
            )
        )
        sources = sorted(p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*.md"))
        return self.site.plan(sources)

    def build(self, **options: object) -> dict[str, bool]:
        """Plan, ask every page's HTML as an engine does (only the rebuilt ones), finish; the pages' rebuild flags."""
        plan = self.plan(**options)
        for page in plan.pages:
            if page.rebuild:
                self.site.page_title(page.src_uri)
                self.site.page_html(page.src_uri, "<p>notes</p>", page.src_uri)
        self.site_dir.mkdir(exist_ok=True)
        self.site.finish()
        return {page.src_uri: page.rebuild for page in plan.pages}


class _ListLogger(logging.LoggerAdapter):  # type: ignore[type-arg]
    def __init__(self, logged: list[tuple[int, str]]) -> None:
        super().__init__(logging.getLogger("growthlog-test-site"), {})
        self.logged = logged

    def log(self, level: int, msg: object, *args: object, **kwargs: object) -> None:
        self.logged.append((level, str(msg)))


def lumen(rel: str, **fields: object) -> str:
    date = rel[:10]
    stage = "screen" if "screen" in rel else "technical"
    return entry(f"Notes of {rel}.", date=date, company="Lumen", stage=stage, **fields)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folder:
    monkeypatch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
    monkeypatch.delenv("GROWTHLOG_TODAY", raising=False)
    found = Folder(tmp_path / "build")
    found.write(LUMEN_SCREEN, lumen(LUMEN_SCREEN))
    found.write(LUMEN_TECHNICAL, lumen(LUMEN_TECHNICAL))
    found.write(OTHER, entry("Other notes.", date="2026-04-01", company="Other Co"))
    return found


@pytest.fixture
def serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Folder:
    monkeypatch.delenv("GROWTHLOG_SHOW_PRIVATE", raising=False)
    monkeypatch.delenv("GROWTHLOG_TODAY", raising=False)
    found = Folder(tmp_path / "serve", serving=True, dirty=True)
    found.write(LUMEN_SCREEN, lumen(LUMEN_SCREEN))
    found.write(LUMEN_TECHNICAL, lumen(LUMEN_TECHNICAL))
    found.write(OTHER, entry("Other notes.", date="2026-04-01", company="Other Co"))
    return found


JOURNAL_PAGES = {
    "index.md",
    "timeline.md",
    "lessons.md",
    "questions.md",
    "plan.md",
    "progress.md",
    "insights.md",
    "tags.md",
    "practice.md",
}


# -- which pages exist, with what ----------------------------------------------------------------


def test_every_entry_becomes_a_page_after_which_come_the_journal_pages_and_our_files(folder: Folder) -> None:
    plan = folder.plan()
    kinds = [(page.src_uri, page.kind) for page in plan.pages]
    assert kinds[:3] == [
        (LUMEN_SCREEN, PageKind.ENTRY),
        (LUMEN_TECHNICAL, PageKind.ENTRY),
        (OTHER, PageKind.ENTRY),
    ]
    assert {uri for uri, kind in kinds[3:] if kind is PageKind.JOURNAL} == JOURNAL_PAGES
    assert [page.in_nav for page in plan.pages] == [False] * 3 + [True] * len(JOURNAL_PAGES)
    files = {file.src_uri: file for file in plan.files}
    assert files["robots.txt"].replaces and "Disallow: /" in str(files["robots.txt"].content)
    assert [uri for uri, file in files.items() if uri.endswith(".css") and not file.replaces]


def test_an_entry_body_starting_like_metadata_is_not_read_as_metadata(folder: Folder) -> None:
    folder.write(OTHER, entry("key: value\n---\nmore", date="2026-04-01"))
    page = next(page for page in folder.plan().pages if page.src_uri == OTHER)
    assert page.markdown == "\nkey: value\n---\nmore\n"


def test_a_publish_build_leaves_out_drafts_private_boxes_and_files_that_are_not_entries(
    folder: Folder,
) -> None:
    folder.write("draft.md", entry("Draft notes.", date="2026-05-01", draft=True))
    folder.write(OTHER, entry("Public.\n\n!!! private\n    Countering at 162k\n\nAfter.", date="2026-04-01"))
    folder.write("templates/README.md", "# not an entry\n")
    plan = folder.plan()
    pages = {page.src_uri: page for page in plan.pages}
    assert "draft.md" not in pages
    assert "templates/README.md" not in pages  # a folder the reader skips
    # The engine renders the body with the extensions the site asks for: they remove the box.
    html = markdown.Markdown(extensions=list(folder.site.markdown_extensions())).convert(
        pages[OTHER].markdown
    )
    assert "162k" not in html and "After." in html
    assert folder.site.scanner.scan_text("I am Countering at 162k")  # the scan looks for the box


def test_show_private_keeps_drafts_and_private_boxes_says_so_and_scans_nothing(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder.write("draft.md", entry("Draft notes.", date="2026-05-01", draft=True))
    folder.write(OTHER, entry("Public.\n\n!!! private\n    Countering at 162k\n", date="2026-04-01"))
    monkeypatch.setenv("GROWTHLOG_SHOW_PRIVATE", "1")
    pages = {page.src_uri: page for page in folder.plan().pages}
    assert "draft.md" in pages and "162k" in pages[OTHER].markdown
    assert PRIVATE_PARTS not in folder.site.markdown_extensions()  # the preview shows the box
    assert not folder.site.scans
    assert any("do not publish it" in message for _, message in folder.logged)


def test_an_error_stops_a_publish_build_and_its_files_never_become_pages(folder: Folder) -> None:
    folder.write("broken.md", "---\ndate: 2026-13-45\ncompany: X\n---\nsecret notes\n")
    with pytest.raises(SiteError, match=r"errors? in 1 entry \(listed above\); nothing was built"):
        folder.plan()
    assert any(level == logging.ERROR and "broken.md" in message for level, message in folder.logged)


def test_a_serve_shows_an_unreadable_entry_as_its_problems_never_its_text(serve: Folder) -> None:
    serve.write("broken.md", "---\ndate: 2026-13-45\ncompany: X\nsalary: 162000\n---\nsecret notes\n")
    plan = serve.plan()
    page = next(page for page in plan.pages if page.src_uri == "broken.md")
    assert page.kind is PageKind.PROBLEMS and page.markdown == "\n"
    assert serve.site.page_title("broken.md") == "Entry with problems"
    html = serve.site.page_html("broken.md", "", "broken/")
    assert "2026-13-45" in html.own and "162000" not in html.own + html.notes
    # Every page carries the notice while a problem stands.
    assert "broken.md" in serve.site.page_html(OTHER, "<p>x</p>", "other/").own


def test_entry_titles_are_escaped_and_neutral_on_a_protected_site(folder: Folder) -> None:
    folder.write(OTHER, entry("x", date="2026-04-01", company="<b>Evil</b> & Co"))
    folder.plan()
    title = folder.site.page_title(OTHER)
    assert title is not None and "<b>" not in title and "&lt;b&gt;Evil" in title
    folder.plan(protected=True, password="a test passphrase")
    protected = folder.site.page_title(OTHER)
    assert protected is not None and "Evil" not in protected
    assert folder.site.page_title("index.md") is None  # the theme titles journal pages


def test_a_protected_site_without_a_password_refuses_to_build(folder: Folder) -> None:
    folder.write(OTHER, entry("x"))
    with pytest.raises(SiteError, match="protects the site with a password, but GROWTHLOG_PASSWORD"):
        folder.plan(protected=True)
    with pytest.raises(SiteError, match=r"holds only spaces|is not set|is empty"):
        folder.plan(protected=True, password="   ")


def test_an_entry_page_is_its_header_then_its_notes_under_a_heading(folder: Folder) -> None:
    folder.plan()
    html = folder.site.page_html(OTHER, "<p>notes <!-- a comment --></p>", "other/")
    assert html.own.startswith("<") and "Other Co" in html.own
    assert html.notes == '<h2 id="notes">Notes</h2>\n<p>notes </p>'  # comments never published
    assert folder.site.page_html(OTHER, "  \n", "other/").notes == ""  # no notes, no heading
    journal_page = folder.site.page_html("timeline.md", "", "timeline/")
    assert journal_page.notes == "" and journal_page.toc is not None and "Lumen" in journal_page.own


# -- what a --dirty rebuild redoes --------------------------------------------------------------


def test_a_first_serve_build_and_any_build_without_dirty_rebuild_everything(
    serve: Folder, folder: Folder
) -> None:
    assert all(serve.build().values())
    assert all(folder.build().values())
    assert all(folder.build().values())  # a `mkdocs build` rebuilds all, whatever it built before


def test_nothing_changed_nothing_is_rebuilt(serve: Folder) -> None:
    serve.build()
    assert not any(serve.build().values())


def test_a_notes_only_edit_rebuilds_only_that_entry_page(serve: Folder) -> None:
    serve.build()
    serve.write(OTHER, entry("Other notes, edited.", date="2026-04-01", company="Other Co"))
    rebuilt = serve.build()
    assert [uri for uri, again in rebuilt.items() if again] == [OTHER]


def test_a_front_matter_edit_rebuilds_the_entry_the_rounds_whose_header_changed_and_journal_pages(
    serve: Folder,
) -> None:
    serve.build()
    # The technical round's date moves: the screen round's header lists its rounds' dates.
    serve.write(LUMEN_TECHNICAL, lumen(LUMEN_TECHNICAL).replace("2026-03-14", "2026-03-15"))
    rebuilt = serve.build()
    assert rebuilt[LUMEN_TECHNICAL] and rebuilt[LUMEN_SCREEN] and not rebuilt[OTHER]
    assert rebuilt["timeline.md"]


def test_a_round_edited_in_what_other_headers_do_not_show_leaves_them_alone(serve: Folder) -> None:
    serve.build()
    # A lesson: shown on its own page and the lessons page, not in the other round's header.
    serve.write(LUMEN_TECHNICAL, lumen(LUMEN_TECHNICAL, lessons=[{"text": "Breathe", "theme": "nerves"}]))
    rebuilt = serve.build()
    assert rebuilt[LUMEN_TECHNICAL] and not rebuilt[LUMEN_SCREEN] and not rebuilt[OTHER]
    assert rebuilt["lessons.md"] and not rebuilt["timeline.md"]  # the timeline shows no lessons


def test_a_setting_change_rebuilds_every_page(serve: Folder) -> None:
    serve.build()
    assert all(serve.build(pipeline_floor=5).values())


def test_a_new_problem_rebuilds_every_page_for_its_notice(serve: Folder) -> None:
    serve.build()
    serve.write("broken.md", "---\ndate: 2026-13-45\n---\n")
    assert all(serve.build().values())


def test_a_failed_build_is_not_what_the_next_rebuild_compares_with(serve: Folder) -> None:
    serve.build()
    serve.write(OTHER, entry("Other notes, edited.", date="2026-04-01", company="Other Co"))
    serve.plan()  # the build fails before finish(): it never counts
    serve.write(OTHER, entry("Other notes, edited again.", date="2026-04-01", company="Other Co"))
    rebuilt = serve.build()
    assert rebuilt[OTHER] and not rebuilt[LUMEN_SCREEN]


def test_an_entry_at_a_journal_pages_address_is_never_confused_with_it(serve: Folder) -> None:
    # The old records were dicts keyed by source path and by names like "journal pages".
    serve.write("journal pages.md", entry("Notes.", date="2026-05-01", company="Spaces"))
    assert serve.build()["journal pages.md"]
    assert not any(serve.build().values())


# -- the leak scan ------------------------------------------------------------------------------


def test_a_publish_build_with_a_private_value_in_its_output_deletes_the_file_and_stops(
    folder: Folder,
) -> None:
    folder.write(OTHER, entry("x", date="2026-04-01", private={"salary": 162000}))
    folder.build()
    page = folder.site_dir / "other.html"
    page.write_text("<p>my salary: 162000</p>", encoding="utf-8")
    kept = folder.site_dir / "theme.js"
    kept.write_text("var x = 162000;", encoding="utf-8")
    theme = folder.docs.parent / "theme.js"
    theme.write_text("var x = 162000;", encoding="utf-8")
    folder.site.theme_copies = {"theme.js": theme}  # the installed theme's own file: not ours to judge
    with pytest.raises(SiteError, match=r"private data found in the built site \(1 place\(s\)\)"):
        folder.site.finish()
    assert not page.exists() and kept.exists()


def test_a_serve_scans_nothing(serve: Folder) -> None:
    serve.write(OTHER, entry("x", date="2026-04-01", private={"salary": 162000}))
    serve.build()
    (serve.site_dir / "other.html").write_text("162000", encoding="utf-8")
    serve.site.finish()
    assert (serve.site_dir / "other.html").exists()


def test_pages_ask_not_to_be_indexed_and_a_publish_warns_of_offsite_requests(folder: Folder) -> None:
    folder.build()
    page = folder.site.finish_page(
        '<html><head></head><body><img src="https://x.org/a.png"></body></html>', "a.html"
    )
    assert '<meta name="robots" content="noindex' in page
    assert any("a.html loads https://x.org/a.png" in message for _, message in folder.logged)
    assert not folder.site.writes_template("sitemap.xml") and folder.site.writes_template("404.html")


# -- prep sheets and the practice log ------------------------------------------------------------


def test_an_upcoming_round_gets_a_prep_sheet_out_of_the_nav_with_its_public_notes(folder: Folder) -> None:
    folder.write(
        "2026/12/acme-onsite.md",
        entry(
            "Ask about on-call.\n\n!!! private\n    Budget tops out at 171k\n",
            date="2026-12-03",
            stage="onsite",
        ),
    )
    plan = folder.plan()
    [prep] = [page for page in plan.pages if page.src_uri.startswith("prep/")]
    assert prep.src_uri == "prep/2026/12/acme-onsite.md"
    assert prep.kind is PageKind.JOURNAL and not prep.in_nav and prep.has_notes
    assert "Ask about on-call." in prep.markdown and "171k" not in prep.markdown
    assert str(folder.site.page_title(prep.src_uri)) == "Prep sheet: Acme Corp · Onsite"
    html = folder.site.page_html(prep.src_uri, '<h2 id="prep-questions">Mine</h2><p>notes</p>', prep.src_uri)
    assert '<h2 id="prep-questions_1">Mine</h2>' in html.notes  # the sheet's own id stays the sheet's
    assert html.toc is not None
    [sheet] = html.toc
    assert [h.id for h in sheet.children][-1] == "prep-notes"
    assert [h.id for h in sheet.children[-1].children] == ["prep-questions_1"]
    # An encrypted site's titles name no company.
    folder.plan(protected=True, password="a test passphrase")
    assert str(folder.site.page_title(prep.src_uri)) == "Prep sheet"


def test_a_dirty_rebuild_rebuilds_a_prep_sheet_when_only_its_round_s_notes_change(serve: Folder) -> None:
    serve.write("2026/12/acme-onsite.md", entry("First plan.", date="2026-12-03", stage="onsite"))
    serve.build()
    serve.write("2026/12/acme-onsite.md", entry("Second plan.", date="2026-12-03", stage="onsite"))
    rebuilt = serve.build()
    assert rebuilt["prep/2026/12/acme-onsite.md"] and rebuilt["2026/12/acme-onsite.md"]
    assert not rebuilt["timeline.md"]


def test_the_practice_log_beside_the_config_feeds_the_journal_and_bad_lines_are_warnings(
    folder: Folder, tmp_path: Path
) -> None:
    config = tmp_path / "build" / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    (config.parent / "practice.log").write_text("2026-11-20 5 Why us?\nnot a line\n", encoding="utf-8")
    folder.plan(config_file=str(config))
    assert folder.site.practice_log == config.parent.resolve() / "practice.log"
    assert [r.card for r in folder.site._this.journal.rehearsals] == ["Why us?"]
    warnings = [message for level, message in folder.logged if level == logging.WARNING]
    assert len(warnings) == 1 and warnings[0].endswith(
        "practice.log:2: expected 'YYYY-MM-DD RATING QUESTION'; found 'not a line'; the line is skipped"
    )

"""The live preview: entries are re-read only when their file changed, and every page stays right.

`mkdocs serve --dirty` rebuilds only the pages whose source MkDocs thinks changed;
growthlog's generated pages must still follow every edit, and so must an entry page
whose header shows something of another entry (the rounds of its application).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import json
import logging
import os
import random
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, cast

import pytest
from conftest import ENGINE, entry
from growthlog.build.changes import ShownEntries, template_stamps
from growthlog.engines.mkdocs.plugin import GrowthlogPlugin
from growthlog.entries.model import Entry
from growthlog.entries.reader import EntryCache, read_journal
from growthlog.journal.journal import Journal as JournalView
from growthlog.journal.settings import Mode, Settings
from growthlog.pages.journal_pages import GENERATED_PAGES, JOURNAL_FIELDS, SHOWN_FIELDS
from growthlog.pages.renderer import Renderer

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Journal
    from growthlog.pages.journal_pages import GeneratedPage
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

TECHNICAL = "2026/08/2026-08-06-lumen-labs-technical.md"
SCREEN_PAGE = "2026/08/2026-08-14-lumen-labs-take-home/index.html"  # a sibling round
UNRELATED_PAGE = "2026/06/2026-06-12-brightline-health-screen/index.html"
TECHNICAL_PAGE = "2026/08/2026-08-06-lumen-labs-technical/index.html"
OLD_QUESTION = "Explain how the Python GIL affects your concurrency choices"
NEW_QUESTION = "Explain when the GIL stops mattering (edited while serving)"
#: Generous: only there so that a broken server fails the test instead of hanging it.
HANG_GUARD_SECONDS = 180


def edit_technical_round(journal: Journal) -> None:
    """Move the Lumen Labs technical round a day earlier and reword one of its questions."""
    path = journal.entries / TECHNICAL
    text = path.read_text(encoding="utf-8")
    assert "date: 2026-08-06" in text and OLD_QUESTION in text
    text = text.replace("date: 2026-08-06", "date: 2026-08-05").replace(OLD_QUESTION, NEW_QUESTION)
    path.write_text(text, encoding="utf-8")


# -- the entry cache ---------------------------------------------------------------------


def test_a_second_read_of_an_unchanged_journal_rereads_nothing(journal: Journal) -> None:
    for name in ("a.md", "b.md", "sub/c.md"):
        journal.write(name, entry(company=name))
    cache = EntryCache()
    first = read_journal(journal.entries, cache)
    assert (cache.misses, cache.hits) == (3, 0)
    second = read_journal(journal.entries, cache)
    assert (cache.misses, cache.hits) == (3, 3)
    assert second.entries == first.entries


def test_touching_one_file_rereads_exactly_that_file(journal: Journal) -> None:
    for name in ("a.md", "b.md", "sub/c.md"):
        journal.write(name, entry(company=name))
    cache = EntryCache()
    read_journal(journal.entries, cache)
    touched = journal.entries / "sub/c.md"
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    read_journal(journal.entries, cache)
    assert (cache.misses, cache.hits) == (4, 2)
    journal.write("b.md", entry(company="Renamed Corp"))
    result = read_journal(journal.entries, cache)
    assert (cache.misses, cache.hits) == (5, 4)
    assert [e.company for e in result.entries if e.path == "b.md"] == ["Renamed Corp"]


def test_the_cache_never_mixes_up_two_journals_with_the_same_file_names(tmp_path: Path) -> None:
    # MkDocs keeps one plugin instance (and so one cache) for the whole process.
    first, second = tmp_path / "one", tmp_path / "two"
    for root, company in ((first, "Alpha Corp"), (second, "Omega Corp")):
        root.mkdir()
        (root / "a.md").write_text(entry(company=company), encoding="utf-8")
        os.utime(root / "a.md", ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    cache = EntryCache()
    assert [e.company for e in read_journal(first, cache).entries] == ["Alpha Corp"]
    assert [e.company for e in read_journal(second, cache).entries] == ["Omega Corp"]
    assert cache.hits == 0


# -- dirty rebuilds, in process ------------------------------------------------------------


def test_a_dirty_rebuild_updates_the_entry_its_rounds_and_the_journal_pages_only(
    sample_journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    unrelated = site / UNRELATED_PAGE
    os.utime(unrelated, ns=(1_000_000_000, 1_000_000_000))  # so that a rewrite would show
    caplog.clear()

    edit_technical_round(sample_journal)
    sample_journal.build(strict=False, command="serve", dirty=True)

    assert "growthlog: re-read 1 of 23 entries; rebuilding 5 entry page(s)" in caplog.text
    assert unrelated.stat().st_mtime_ns == 1_000_000_000  # not rebuilt, still served
    questions = (site / "questions/index.html").read_text(encoding="utf-8")
    assert NEW_QUESTION in questions and OLD_QUESTION not in questions
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-08-05"' in timeline and 'datetime="2026-08-06"' not in timeline
    sibling = (site / SCREEN_PAGE).read_text(encoding="utf-8")
    assert "5 Aug 2026 · Technical" in sibling and "6 Aug 2026 · Technical" not in sibling
    own = (site / "2026/08/2026-08-06-lumen-labs-technical/index.html").read_text(encoding="utf-8")
    assert NEW_QUESTION in own and OLD_QUESTION not in own


def test_a_dirty_rebuild_after_a_new_problem_rebuilds_every_page(
    sample_journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    caplog.clear()
    sample_journal.write("2026/11/broken.md", entry(outcome="rejcted"))
    sample_journal.build(strict=False, command="serve", dirty=True)
    # The problems notice is on every page, so every entry page is rebuilt with it.
    assert "rebuilding 23 entry page(s)" in caplog.text
    assert "rejcted" in (site / UNRELATED_PAGE).read_text(encoding="utf-8")


def add_a_note(journal: Journal, rel: str, note: str) -> None:
    """Append a paragraph to an entry's notes: its front matter stays as it was."""
    path = journal.entries / rel
    path.write_text(path.read_text(encoding="utf-8") + f"\n{note}\n", encoding="utf-8")


def age(site: Path, *pages: str) -> None:
    for page in pages:
        os.utime(site / page, ns=(1_000_000_000, 1_000_000_000))  # so that a rewrite would show


def test_a_dirty_rebuild_after_a_note_only_edit_rebuilds_only_that_entry_page(
    sample_journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    age(site, "timeline/index.html", "questions/index.html", SCREEN_PAGE)
    caplog.clear()

    add_a_note(sample_journal, TECHNICAL, "A note added while serving.")
    sample_journal.build(strict=False, command="serve", dirty=True)

    # Neither the journal pages nor the other rounds' headers show an entry's notes.
    assert "re-read 1 of 23 entries; rebuilding 1 entry page(s) and 0 journal page(s)" in caplog.text
    assert "A note added while serving." in (site / TECHNICAL_PAGE).read_text(encoding="utf-8")
    for page in ("timeline/index.html", "questions/index.html", SCREEN_PAGE):
        assert (site / page).stat().st_mtime_ns == 1_000_000_000, page

    # A front matter edit reaches the journal pages that show it; the others are left as they are.
    journal_pages = [
        f"{name}/index.html" for name in ("timeline", "lessons", "questions", "progress", "tags", "practice")
    ]
    unaffected = ["plan/index.html", "insights/index.html"]  # no question text, the same month
    age(site, "index.html", *journal_pages, *unaffected)
    caplog.clear()
    edit_technical_round(sample_journal)
    sample_journal.build(strict=False, command="serve", dirty=True)
    assert "rebuilding 5 entry page(s) and 7 journal page(s)" in caplog.text
    for page in ["index.html", *journal_pages]:  # the home page lists questions to revise
        assert (site / page).stat().st_mtime_ns != 1_000_000_000, page
    for page in unaffected:
        assert (site / page).stat().st_mtime_ns == 1_000_000_000, page
    assert NEW_QUESTION in (site / "questions/index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-08-05"' in (site / "timeline/index.html").read_text(encoding="utf-8")


def test_a_dirty_rebuild_leaves_the_other_rounds_alone_when_their_header_comes_out_the_same(
    sample_journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    age(site, SCREEN_PAGE)
    caplog.clear()

    # The other rounds' headers list this round's date, stage and outcome, not its questions.
    path = sample_journal.entries / TECHNICAL
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_QUESTION, NEW_QUESTION), encoding="utf-8")
    sample_journal.build(strict=False, command="serve", dirty=True)

    assert "re-read 1 of 23 entries; rebuilding 1 entry page(s)" in caplog.text
    assert (site / SCREEN_PAGE).stat().st_mtime_ns == 1_000_000_000
    assert NEW_QUESTION in (site / TECHNICAL_PAGE).read_text(encoding="utf-8")
    assert NEW_QUESTION in (site / "questions/index.html").read_text(encoding="utf-8")


def test_a_dirty_rebuild_shows_an_added_and_a_deleted_entry_on_the_timeline(
    sample_journal: Journal,
) -> None:
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    sample_journal.write(
        "2026/11/2026-11-20-zephyr-screen.md", entry(date="2026-11-20", company="Zephyr Mills")
    )
    sample_journal.build(strict=False, command="serve", dirty=True)
    assert "Zephyr Mills" in (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "Zephyr Mills" in (site / "2026/11/2026-11-20-zephyr-screen/index.html").read_text(
        encoding="utf-8"
    )

    (sample_journal.entries / "2026/11/2026-11-20-zephyr-screen.md").unlink()
    (sample_journal.entries / TECHNICAL).unlink()
    sample_journal.build(strict=False, command="serve", dirty=True)
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "Zephyr Mills" not in timeline and 'datetime="2026-08-06"' not in timeline
    assert OLD_QUESTION not in (site / "questions/index.html").read_text(encoding="utf-8")
    # The other rounds of the application no longer list the deleted one.
    assert "6 Aug 2026 · Technical" not in (site / SCREEN_PAGE).read_text(encoding="utf-8")


def test_a_full_serve_rebuild_reuses_nothing_stale(sample_journal: Journal) -> None:
    # Without --dirty every page is rebuilt, from journal pages kept while their inputs hold.
    site = sample_journal.build(strict=False, command="serve")
    add_a_note(sample_journal, TECHNICAL, "A note added while serving.")
    sample_journal.build(strict=False, command="serve")
    assert "A note added while serving." in (site / TECHNICAL_PAGE).read_text(encoding="utf-8")
    assert OLD_QUESTION in (site / "questions/index.html").read_text(encoding="utf-8")

    edit_technical_round(sample_journal)
    sample_journal.build(strict=False, command="serve")
    assert NEW_QUESTION in (site / "questions/index.html").read_text(encoding="utf-8")
    assert 'datetime="2026-08-05"' in (site / "timeline/index.html").read_text(encoding="utf-8")
    assert "5 Aug 2026 · Technical" in (site / SCREEN_PAGE).read_text(encoding="utf-8")
    own = (site / TECHNICAL_PAGE).read_text(encoding="utf-8")
    assert NEW_QUESTION in own and "A note added while serving." in own


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "clean"])
def test_an_override_template_edited_while_serving_shows_on_the_next_rebuild(
    sample_journal: Journal, tmp_path: Path, dirty: bool
) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "growthlog").mkdir(parents=True)
    template = overrides / "growthlog" / "timeline.html"
    template.write_text('<h1 id="mine">First timeline</h1>', encoding="utf-8")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}<p>First footer</p>{% endblock %}', encoding="utf-8"
    )
    sample_journal.config["theme"]["custom_dir"] = str(overrides)
    site = sample_journal.build(strict=False, command="serve", dirty=dirty)
    assert "First timeline" in (site / "timeline/index.html").read_text(encoding="utf-8")

    template.write_text('<h1 id="mine">Second timeline</h1>', encoding="utf-8")
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}{% block footer %}<p>Second footer</p>{% endblock %}', encoding="utf-8"
    )
    sample_journal.build(strict=False, command="serve", dirty=dirty)
    timeline = (site / "timeline/index.html").read_text(encoding="utf-8")
    # Ours is rendered again; the theme's compiled templates kept by the serve are compiled again.
    assert "Second timeline" in timeline and "First timeline" not in timeline
    assert "Second footer" in timeline and "First footer" not in timeline


def search_sections(site: Path) -> list[dict[str, str]]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return list(index["docs"])


def test_a_dirty_rebuild_keeps_the_search_index_of_a_fresh_build(sample_journal: Journal) -> None:
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    technical = sample_journal.entries / TECHNICAL
    original = technical.read_text(encoding="utf-8")
    for _ in range(2):  # Material's own merge kept old sections of most rebuilt pages, piling up
        edit_technical_round(sample_journal)
        sample_journal.build(strict=False, command="serve", dirty=True)
        technical.write_text(original, encoding="utf-8")
        sample_journal.build(strict=False, command="serve", dirty=True)
    edit_technical_round(sample_journal)
    (sample_journal.entries / "2026/06/2026-06-12-brightline-health-screen.md").unlink()
    sample_journal.build(strict=False, command="serve", dirty=True)
    dirty = sorted(tuple(section.values()) for section in search_sections(site))

    sample_journal.config["site_dir"] = "fresh"
    sample_journal.build(strict=False, command="serve")
    fresh_site = sample_journal.root / "fresh"
    assert dirty == sorted(tuple(section.values()) for section in search_sections(fresh_site))
    assert any(NEW_QUESTION in text for _, _, text in dirty)
    assert not any("Brightline Health" in title for _, title, _ in dirty)


def front_matter_edit(text: str, rng: random.Random, number: int) -> str:
    """A change to an entry's front matter (or its notes), as a user might save it: each kind in turn."""
    mark = f"(edit {number})"
    edits: list[Callable[[str], str]] = [
        lambda t: re.sub(r"^company: (.*)$", rf"company: \1 {mark}", t, count=1, flags=re.M),
        lambda t: t.replace("- q: ", f"- q: {mark} ", 1),
        lambda t: t.replace("- text: ", f"- text: {mark} ", 1),
        lambda t: re.sub(r"^(went_well:\n  - )", rf"\1{mark} ", t, count=1, flags=re.M),
        lambda t: re.sub(
            r"^date: (\d{4}-\d\d-\d\d)",
            lambda m: f"date: {dt.date.fromisoformat(m[1]) + dt.timedelta(days=rng.choice((-3, 2)))}",
            t,
            count=1,
            flags=re.M,
        ),
        lambda t: re.sub(
            r"^stage: .*$", f"stage: {rng.choice(('screen', 'technical', 'onsite'))}", t, count=1, flags=re.M
        ),
        lambda t: re.sub(
            r"^outcome: .*$", f"outcome: {rng.choice(('advanced', 'rejected'))}", t, count=1, flags=re.M
        ),
        lambda t: re.sub(r"^confidence: \d", f"confidence: {rng.randint(1, 5)}", t, count=1, flags=re.M),
        lambda t: t + f"\nA note {mark}.\n",
    ]
    return edits[number % len(edits)](text)


def test_every_page_after_random_edits_under_dirty_equals_a_fresh_build(sample_journal: Journal) -> None:
    # Whatever a dirty rebuild skips (an entry page whose header came out the same, a journal
    # page whose HTML did not change) must be what a fresh build would write again.
    rng = random.Random(26)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    paths = sorted(sample_journal.entries.rglob("*.md"))
    for number in range(18):  # each kind of edit twice, on rounds picked at random
        path = rng.choice(paths)
        path.write_text(front_matter_edit(path.read_text(encoding="utf-8"), rng, number), encoding="utf-8")
        sample_journal.build(strict=False, command="serve", dirty=True)

    sample_journal.config["site_dir"] = "fresh"
    sample_journal.build(strict=False, command="serve")
    fresh = sample_journal.root / "fresh"
    written = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    index = PurePosixPath("search/search_index.json")
    for rel in written:
        if rel != index:
            assert (site / rel).read_bytes() == (fresh / rel).read_bytes(), rel
    dirty_sections = sorted(tuple(section.values()) for section in search_sections(site))
    assert dirty_sections == sorted(tuple(section.values()) for section in search_sections(fresh))
    assert sum("(edit " in text for _, _, text in dirty_sections) > 5  # the edits were made


def test_a_serve_freezes_what_it_keeps_once_and_lets_it_go_when_it_stops() -> None:
    # Rebuilds must neither unfreeze what the serve froze nor freeze their own objects for good.
    server, config = cast("LiveReloadServer", object()), cast("MkDocsConfig", None)
    plugin = GrowthlogPlugin()
    plugin.on_startup(command="serve", dirty=True)
    try:
        assert plugin.on_serve(server, config=config, builder=print) is server
        assert gc.get_freeze_count() > 0
        plugin.on_build_error(error=RuntimeError("a rebuild failed"))
        assert gc.get_freeze_count() > 0
    finally:
        plugin.on_shutdown()
    assert gc.get_freeze_count() == 0

    # `mkdocs serve --clean` builds as `mkdocs build` does: nothing is kept frozen.
    clean = GrowthlogPlugin()
    clean.on_startup(command="build", dirty=False)
    clean.on_serve(server, config=config, builder=print)
    assert gc.get_freeze_count() == 0


# -- what a rebuild compares -------------------------------------------------------------------


def test_shown_entries_are_equal_when_only_notes_differ(journal: Journal) -> None:
    journal.write("a.md", entry(company="Alpha Corp"))
    journal.write("b.md", entry(company="Beta Corp", date="2026-03-15"))
    first = read_journal(journal.entries).entries
    journal.write("a.md", entry("Other notes, several lines\nlong.", company="Alpha Corp"))
    notes_edited = read_journal(journal.entries).entries
    journal.write("a.md", entry(company="Alpha Corporation"))
    renamed = read_journal(journal.entries).entries

    assert first[0] is not notes_edited[0] and first[0].body != notes_edited[0].body
    assert ShownEntries(first) == ShownEntries(notes_edited)
    assert ShownEntries(first) != ShownEntries(renamed)
    assert ShownEntries(first) != ShownEntries(first[:1])  # an entry deleted
    assert ShownEntries(first) != ShownEntries(reversed(first))  # a date moved: another order
    assert (1, ShownEntries(first)) == (1, ShownEntries(notes_edited))


def test_only_journal_pages_that_list_body_show_entry_notes(sample_journal: Journal) -> None:
    # What lets a rebuild keep the journal pages after a notes-only edit: a page that shows
    # notes (home brings back a notes' first paragraph) lists "body" in SHOWN_FIELDS, and then
    # the journal-wide comparison (JOURNAL_FIELDS) sees a notes-only edit; the others stay as they were.
    entries = read_journal(sample_journal.entries).entries
    rewritten = [dataclasses.replace(e, body=f"Other notes for {e.path}\n", body_line=99) for e in entries]
    for mode in Mode:
        settings = Settings(today=dt.date(2026, 11, 26), mode=mode)
        before, after = (Renderer(JournalView(es, settings)) for es in (entries, rewritten))
        for page in GENERATED_PAGES:
            if "body" not in SHOWN_FIELDS[page.src_uri]:
                assert before.page(page) == after.page(page), (mode, page.src_uri)
    assert "body" in JOURNAL_FIELDS
    assert ShownEntries(entries, JOURNAL_FIELDS) != ShownEntries(rewritten, JOURNAL_FIELDS)


def test_a_journal_page_stays_the_same_when_fields_it_does_not_show_change(sample_journal: Journal) -> None:
    # What lets a rebuild keep a journal page after a save: SHOWN_FIELDS lists every field it
    # shows. Each other field is swapped between entries (valid values, another round's).
    entries = read_journal(sample_journal.entries).entries
    names = [f.name for f in dataclasses.fields(Entry) if f.name not in ("path", "body", "body_line")]
    for mode in Mode:
        settings = Settings(today=dt.date(2026, 11, 26), mode=mode)
        before = Renderer(JournalView(entries, settings))
        pages = {page.src_uri: before.page(page) for page in GENERATED_PAGES}
        for name in names:
            values = [getattr(e, name) for e in entries]
            for shift in (1, 3, 7):
                swapped = [
                    dataclasses.replace(e, **{name: v})
                    for e, v in zip(entries, values[shift:] + values[:shift], strict=True)
                ]
                after = Renderer(JournalView(swapped, settings))
                for page in GENERATED_PAGES:
                    if name not in SHOWN_FIELDS[page.src_uri]:
                        assert after.page(page) == pages[page.src_uri], (mode, page.src_uri, name)


def test_a_reworded_question_re_renders_only_the_journal_pages_that_show_questions(
    sample_journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = sample_journal.build(strict=False, command="serve", dirty=True)
    age(site, "timeline/index.html")
    caplog.clear()
    path = sample_journal.entries / TECHNICAL
    path.write_text(path.read_text(encoding="utf-8").replace(OLD_QUESTION, NEW_QUESTION), encoding="utf-8")
    calls: list[str] = []
    render = Renderer.page

    def counted(self: Renderer, page: GeneratedPage) -> str:
        calls.append(page.src_uri)
        return render(self, page)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Renderer, "page", counted)
        sample_journal.build(strict=False, command="serve", dirty=True)
    # The home page lists questions to revise, the progress page the questions now prepared,
    # the practice page shows them as cards.
    assert sorted(calls) == ["index.md", "practice.md", "progress.md", "questions.md"]
    assert (site / "timeline/index.html").stat().st_mtime_ns == 1_000_000_000
    assert NEW_QUESTION in (site / "questions/index.html").read_text(encoding="utf-8")


def test_template_stamps_change_when_a_template_is_edited(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("one", encoding="utf-8")
    first = template_stamps([tmp_path])
    assert template_stamps([tmp_path]) == first
    (tmp_path / "sub" / "a.html").write_text("three", encoding="utf-8")
    assert template_stamps([tmp_path]) != first
    assert [path for path, _, _ in first] == [str(tmp_path / "sub" / "a.html")]


# -- a real `mkdocs serve` -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""  # not served yet, or between a clean rebuild's delete and write


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"mkdocs serve exited:\n{log.read_text()}")
        if time.monotonic() > deadline:
            pytest.fail(f"mkdocs serve never showed the change:\n{log.read_text()}")
        time.sleep(0.1)


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "clean"])
def test_serve_shows_an_edited_entry_on_the_timeline_and_question_bank(
    sample_journal: Journal, dirty: bool
) -> None:
    config_file = sample_journal.write_config()
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", ENGINE, "serve", "-f", str(config_file), "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    log = sample_journal.root / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=sample_journal.root, env=env, stdout=out, stderr=out)
    try:
        wait_for(lambda: OLD_QUESTION in fetch(base + "questions/"), process, log)
        edit_technical_round(sample_journal)
        wait_for(
            lambda: (
                NEW_QUESTION in fetch(base + "questions/")
                and 'datetime="2026-08-05"' in fetch(base + "timeline/")
                and "5 Aug 2026 · Technical" in fetch(base + SCREEN_PAGE.removesuffix("index.html"))
            ),
            process,
            log,
        )
        assert OLD_QUESTION not in fetch(base + "questions/")
        assert 'datetime="2026-08-06"' not in fetch(base + "timeline/")
        assert "Brightline Health" in fetch(base + UNRELATED_PAGE.removesuffix("index.html"))
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    # The plugin and its cache lived through the rebuild: only the saved file was read again.
    rebuilds = re.findall(r"growthlog: re-read (\d+) of (\d+) entries; rebuilding (\d+)", log.read_text())
    assert rebuilds[0] == ("23", "23", "23")
    assert ("1", "23", "5" if dirty else "23") in rebuilds[1:]

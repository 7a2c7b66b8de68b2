"""The entry cache kept on disk between builds: used when the files are unchanged, never trusted otherwise.

Each build here is a real `mkdocs build` in a new process, as a user runs it: within one
process MkDocs keeps the plugin, and its cache in memory, from one build to the next.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import re
from typing import TYPE_CHECKING, Any

import pytest
from conftest import entry
from growthlog.entries import cache as kept_entries
from growthlog.entries.reader import EntryCache, read_journal

if TYPE_CHECKING:
    from pathlib import Path

    from conftest import Journal

READ = re.compile(r"read (\d+) of (\d+) entries from their files")


def build(journal: Journal, *, strict: bool = True) -> tuple[str, tuple[int, int]]:
    """A `mkdocs build -v` in a new process: its log and (entries read from their files, entries)."""
    log = journal.run_engine("build", "--verbose", *(["--strict"] if strict else []))
    found = READ.search(log)
    assert found is not None, log
    return log, (int(found.group(1)), int(found.group(2)))


def site_files(journal: Journal) -> dict[str, bytes]:
    site = journal.root / "site"
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def cache_path(journal: Journal) -> Path:
    return journal.root / ".cache" / "growthlog" / "entries.pickle"


def test_a_second_build_reads_no_entry_file_and_builds_the_same_site(sample_journal: Journal) -> None:
    _, first = build(sample_journal)
    cold = site_files(sample_journal)
    _, second = build(sample_journal)
    assert first == (23, 23)
    assert second == (0, 23)
    assert site_files(sample_journal) == cold


def test_the_cache_is_beside_mkdocs_yml_and_only_its_owner_can_read_it(sample_journal: Journal) -> None:
    build(sample_journal)
    path = cache_path(sample_journal)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    site = sample_journal.root / "site"
    assert not [p for p in site.rglob("*") if ".cache" in p.parts or p.suffix == ".pickle"]


def test_an_edited_entry_is_read_again_even_with_its_size_and_time_put_back(journal: Journal) -> None:
    path = journal.write("2026-03-14-acme.md", entry("Notes.", company="Acme Corp"))
    journal.write("2026-03-20-other.md", entry("Notes.", date="2026-03-20", company="Other Inc"))
    build(journal)
    before = path.stat()
    # The same number of bytes, then the modification time set back as `cp -p` or an editor might.
    path.write_text(entry("Notes.", company="Zeta Corp"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size

    _, read = build(journal)
    assert read == (1, 2)
    page = (journal.root / "site" / "2026-03-14-acme" / "index.html").read_text(encoding="utf-8")
    assert "Zeta Corp" in page
    assert "Acme Corp" not in page


def test_new_and_deleted_entries_are_seen_and_a_deleted_one_leaves_the_cache(journal: Journal) -> None:
    journal.write("2026-03-14-acme.md", entry("Notes.", company="Acme Corp"))
    gone = journal.write("2026-03-20-gone.md", entry("Notes.", date="2026-03-20", company="Quillfeather Ltd"))
    build(journal)
    assert b"Quillfeather Ltd" in cache_path(journal).read_bytes()

    gone.unlink()
    journal.write("2026-04-01-new.md", entry("Notes.", date="2026-04-01", company="Newcomer Co"))
    _, read = build(journal)
    assert read == (1, 2)
    site = journal.root / "site"
    assert not (site / "2026-03-20-gone").exists()
    assert "Newcomer Co" in (site / "2026-04-01-new" / "index.html").read_text(encoding="utf-8")
    # Its notes and private values do not stay behind on disk.
    assert b"Quillfeather Ltd" not in cache_path(journal).read_bytes()


def test_warnings_of_cached_entries_are_reported_on_every_build(journal: Journal) -> None:
    journal.write("2026-03-14-acme.md", entry("Notes.", mood="great"))
    for expected_read in (1, 0):
        log, read = build(journal, strict=False)  # a warning would fail a strict build
        assert read == (expected_read, 1)
        assert "2026-03-14-acme.md:" in log
        assert "mood" in log


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-200] + b"\x00" * 200, id="zeroed-end"),
        pytest.param(lambda data: b"not a cache at all", id="garbage"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_cache_only_costs_time(sample_journal: Journal, damage: object) -> None:
    build(sample_journal)
    cold = site_files(sample_journal)
    path = cache_path(sample_journal)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    _, read = build(sample_journal)
    assert read == (23, 23)
    assert site_files(sample_journal) == cold


def test_a_cache_from_other_code_is_not_used(journal: Journal) -> None:
    """Entries kept by another version of growthlog (another fingerprint) are read again from their files."""
    path = journal.write("2026-03-14-acme.md", entry("Notes.", company="Acme Corp"))
    cache = EntryCache()
    read_journal(journal.entries, cache)
    # The same keys and stamps, so only the fingerprint can tell them apart; the entry made to differ.
    ((key, (stamp, kept, problems)),) = cache.kept().items()
    assert kept is not None
    forged = {key: (stamp, dataclasses.replace(kept, company="Forged Inc"), problems)}
    other = b"growthlog entry cache " + b"0" * 64 + b"\n" + pickle.dumps(forged)
    target = cache_path(journal)
    target.parent.mkdir(parents=True)
    target.write_bytes(other)
    assert path.exists()

    _, read = build(journal)
    assert read == (1, 1)
    page = (journal.root / "site" / "2026-03-14-acme" / "index.html").read_text(encoding="utf-8")
    assert "Acme Corp" in page
    assert "Forged Inc" not in page


def test_the_fingerprint_changes_with_growthlogs_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "growthlog"
    package.mkdir()
    module = package / "schema.py"
    module.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(kept_entries, "__file__", str(package / "entries" / "cache.py"))
    first = kept_entries.fingerprint()
    module.write_text("A = 22\n", encoding="utf-8")
    assert kept_entries.fingerprint() != first


def test_cache_false_keeps_nothing(sample_journal: Journal) -> None:
    sample_journal.plugin_config()["cache"] = False
    build(sample_journal)
    _, read = build(sample_journal)
    assert read == (23, 23)
    assert not (sample_journal.root / ".cache").exists()


def test_a_folder_that_cannot_be_written_only_costs_time(journal: Journal) -> None:
    journal.write("2026-03-14-acme.md", entry("Notes."))
    (journal.root / ".cache").write_text("a file where the folder would go", encoding="utf-8")
    stderr, read = build(journal)
    assert read == (1, 1)
    assert "cannot keep the entry cache" in stderr
    assert (journal.root / "site" / "2026-03-14-acme" / "index.html").exists()


def test_adopt_ignores_what_is_not_a_cache_and_keeps_fresher_reads(journal: Journal) -> None:
    journal.write("2026-03-14-acme.md", entry("Notes."))
    cache = EntryCache()
    read_journal(journal.entries, cache)
    assert cache.adopt(["not", "a", "mapping"]) == 0
    assert cache.adopt({("a", "b"): "not a read"}) == 0
    assert cache.adopt({"not a key": ((1, 2, 3, 4), None, [])}) == 0
    # A read already in memory (fresher than the disk copy) is kept.
    assert cache.adopt({key: ((0, 0, 0, 0), None, []) for key in cache.kept()}) == 0
    assert cache.adopt({("/elsewhere/x.md", "x.md"): ((1, 2, 3, 4), None, [])}) == 1


def test_a_serve_keeps_its_reads_for_the_next_build_when_it_stops(sample_journal: Journal) -> None:
    sample_journal.build(command="serve")  # in this process; it stops (on_shutdown) at the end
    assert cache_path(sample_journal).exists()
    _, read = build(sample_journal)
    assert read == (0, 23)


# -- a cache that cannot be planted ------------------------------------------------------------


@pytest.fixture
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own config folder, where the cache key is kept (never the journal's)."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config / "growthlog" / "cache.key"


def test_the_cache_is_signed_with_a_key_kept_outside_the_journal(
    sample_journal: Journal, own_key: Path
) -> None:
    build(sample_journal)
    assert own_key.stat().st_mode & 0o777 == 0o600
    assert own_key.parent.stat().st_mode & 0o777 == 0o700
    assert not own_key.is_relative_to(sample_journal.root)
    _, second = build(sample_journal)
    assert second == (0, 23)
    # Another key (another user, another machine): the cache is not trusted.
    own_key.chmod(0o600)
    own_key.write_bytes(b"k" * 32)
    _, third = build(sample_journal)
    assert third == (23, 23)


@pytest.mark.parametrize(
    "plant",
    [
        pytest.param(lambda root: (root / ".cache" / "growthlog").chmod(0o777), id="folder-world-writable"),
        pytest.param(lambda root: (root / ".cache" / "growthlog").chmod(0o770), id="folder-group-writable"),
        pytest.param(lambda root: (root / ".cache").chmod(0o777), id="parent-world-writable"),
        pytest.param(
            lambda root: _replace_with_link(root / ".cache" / "growthlog", root / "elsewhere"),
            id="folder-is-a-link",
        ),
        pytest.param(
            lambda root: _replace_with_link(root / ".cache" / "growthlog" / "entries.pickle", root / "copy"),
            id="file-is-a-link",
        ),
    ],
)
def test_a_cache_others_could_have_written_is_not_used_and_the_build_says_so(
    sample_journal: Journal, own_key: Path, plant: Any
) -> None:
    build(sample_journal)
    cold = site_files(sample_journal)
    plant(sample_journal.root)
    log, read = build(sample_journal, strict=False)
    assert read == (23, 23)
    assert "the entry cache is not used" in log and "the journal is built without it" in log
    assert site_files(sample_journal) == cold


def _replace_with_link(path: Path, target: Path) -> None:
    """Move `path` to `target` and leave a link to it in its place."""
    path.rename(target)
    path.symlink_to(target)


def test_a_planted_pickle_runs_no_code_even_with_the_right_fingerprint(
    journal: Journal, own_key: Path, tmp_path: Path
) -> None:
    journal.write("2026-03-14-acme.md", entry("Notes."))
    build(journal)
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[Any, ...]:
            return (os.system, (f"touch {marker}",))

    body = pickle.dumps({("x", "y"): Payload()})
    header = b"growthlog entry cache " + kept_entries.fingerprint() + b"\n"
    path = cache_path(journal)
    # Unsigned (no key: another user cannot have it), then signed with the right key:
    # the first is refused by its signature, the second by what it names (os.system).
    import hmac

    for signature in (b"\0" * 32, hmac.digest(own_key.read_bytes(), body, "sha256")):
        path.write_bytes(header + signature + body)
        _, read = build(journal)
        assert read == (1, 1)
        assert not marker.exists()


def test_a_key_others_can_read_is_not_used(sample_journal: Journal, own_key: Path) -> None:
    build(sample_journal)
    own_key.chmod(0o644)
    log, read = build(sample_journal, strict=False)
    assert read == (23, 23)
    assert "is readable by other users" in log

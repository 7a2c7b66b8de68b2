"""build/served_pages.py: a `--dirty` serve removes the pages gone since its last build, and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from growthlog.build.served_pages import page_file, remove_pages

if TYPE_CHECKING:
    from pathlib import Path


def test_page_file_is_where_the_engine_writes_a_page() -> None:
    assert page_file("2026/06/a.md", True) == "2026/06/a/index.html"
    assert page_file("index.md", True) == "index.html"
    assert page_file("notes/README.md", True) == "notes/index.html"
    assert page_file("2026/06/a.md", False) == "2026/06/a.html"


def test_removing_a_gone_page_leaves_every_other_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("2026/06/a/index.html", "2026/06/b/index.html", "2026/06/a/photo.png", "index.html"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, encoding="utf-8")
    (site / "2026/07/c").mkdir(parents=True)
    (site / "2026/07/c/index.html").write_text("c", encoding="utf-8")
    removed = remove_pages(str(site), {"2026/06/a.md", "2026/07/c.md", "2026/08/never-built.md"}, True)
    assert removed == ["2026/06/a.md", "2026/07/c.md"]
    assert not (site / "2026/06/a/index.html").exists()
    assert (site / "2026/06/a/photo.png").is_file()  # a file of its own in the folder: kept, and the folder
    assert (site / "2026/06/b/index.html").is_file() and (site / "index.html").is_file()
    assert not (site / "2026/07").exists()  # emptied folders go, up to the site folder
    assert site.is_dir()


def test_nothing_outside_the_site_folder_is_touched(tmp_path: Path) -> None:
    outside = tmp_path / "entries/x/index.html"
    outside.parent.mkdir(parents=True)
    outside.write_text("mine", encoding="utf-8")
    (tmp_path / "site").mkdir()
    assert remove_pages(str(tmp_path / "site"), {"../entries/x.md"}, True) == []
    assert outside.read_text(encoding="utf-8") == "mine"

"""Material's nav rendered once per depth for entry pages: every file comes out as when each page renders it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import entry
from growthlog.engines.mkdocs.speedups import shared_nav

if TYPE_CHECKING:
    from pathlib import Path

    import pytest
    from conftest import Journal


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()
    }


def both_ways(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Build with the nav shared, then rendered on every page; assert every file is the same."""
    shared = site_files(journal.build())
    monkeypatch.setenv("GROWTHLOG_SPEEDUPS", "-shared_nav")
    rendered = site_files(journal.build())
    monkeypatch.delenv("GROWTHLOG_SPEEDUPS")
    assert shared.keys() == rendered.keys()
    assert [name for name in shared if shared[name] != rendered[name]] == []
    return shared


def nav_renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The pages whose nav was rendered, not shared, in the builds that follow."""
    pages: list[str] = []
    render = shared_nav._SharedNav._render_noting_links

    def noted(self: shared_nav._SharedNav, context: object) -> object:
        pages.append(context["page"].url)  # type: ignore[index]
        return render(self, context)  # type: ignore[arg-type]

    monkeypatch.setattr(shared_nav._SharedNav, "_render_noting_links", noted)
    return pages


def test_the_sample_journal_is_the_same_and_its_nav_rendered_once_per_depth(
    sample_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    renders = nav_renders(monkeypatch)
    files = both_ways(sample_journal, monkeypatch)
    # Every entry of the sample lies two folders down (2026/11/...): one render serves them all.
    assert len(renders) == 1
    assert renders[0].count("/") == 3
    assert sum(1 for name in files if name.startswith("2026/") and name.endswith(".html")) == 22


def test_entries_at_several_depths_and_one_listed_in_the_nav(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.write("flat.md", entry("Flat.", date="2026-03-01"))
    journal.write("a/one.md", entry("One.", date="2026-03-02", company="One Co"))
    journal.write("a/two.md", entry("Two.", date="2026-03-03", company="Two Co"))
    journal.write("b/three.md", entry("Three.", date="2026-03-04", company="Three Co"))
    journal.write("b/c/four.md", entry("Four.", date="2026-03-05", company="Four Co"))
    # An entry in the nav: its own page shows it current, and the link to it from a/two/
    # ("../one/") differs from the link from b/three/ ("../../a/one/"), at the same depth.
    journal.config["nav"] = [{"Home": "index.md"}, {"Timeline": "timeline.md"}, {"One": "a/one.md"}]
    renders = nav_renders(monkeypatch)
    files = both_ways(journal, monkeypatch)
    assert 'href="../one/"' in files["a/two/index.html"].decode()
    assert 'href="../../a/one/"' in files["b/three/index.html"].decode()
    assert "md-nav__link--active" in files["a/one/index.html"].decode()
    # a/one/ is in the nav (rendered by Material as usual); b/three/ could not reuse a/two/'s links.
    assert sorted(renders) == ["a/two/", "b/c/four/", "b/three/", "flat/"]


def test_without_directory_urls(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.config["use_directory_urls"] = False
    journal.write("2026/03/one.md", entry("One.", date="2026-03-02"))
    journal.write("2026/03/two.md", entry("Two.", date="2026-03-03"))
    renders = nav_renders(monkeypatch)
    both_ways(journal, monkeypatch)
    assert renders == ["2026/03/one.html"]


def test_an_overridden_nav_renders_on_every_page(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    overrides = journal.root / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "nav-item.html").write_text(
        '{% macro render(nav_item, path, level, parent) %}<li data-page="{{ page.url }}">'
        "{{ nav_item.title }}</li>{% endmacro %}",
        encoding="utf-8",
    )
    journal.config["theme"]["custom_dir"] = str(overrides)
    journal.write("2026/03/one.md", entry("One.", date="2026-03-02"))
    journal.write("2026/03/two.md", entry("Two.", date="2026-03-03"))
    renders = nav_renders(monkeypatch)
    site = journal.build()
    assert renders == []
    assert 'data-page="2026/03/one/"' in (site / "2026/03/one/index.html").read_text(encoding="utf-8")
    assert 'data-page="2026/03/two/"' in (site / "2026/03/two/index.html").read_text(encoding="utf-8")

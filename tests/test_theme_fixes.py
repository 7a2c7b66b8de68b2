"""growthlog's fixes to Material's templates ship with the plugin: no custom_dir needed, the user's still wins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import entry

if TYPE_CHECKING:
    from conftest import Journal

NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'


def test_a_journal_without_theme_overrides_has_a_named_search_dialog(journal: Journal) -> None:
    del journal.config["theme"]["custom_dir"]
    journal.write("a.md", entry())
    site = journal.build()
    for page in ("index.html", "timeline/index.html", "a/index.html"):
        assert NAMED_DIALOG in (site / page).read_text(encoding="utf-8"), page
    assert not (site / "partials").exists()  # a template, not a file of the site


def test_a_journals_own_search_partial_still_wins(journal: Journal) -> None:
    own = journal.root / "overrides"
    (own / "partials").mkdir(parents=True)
    (own / "partials/search.html").write_text('<div class="my-search">mine</div>', encoding="utf-8")
    journal.config["theme"]["custom_dir"] = str(own)
    journal.write("a.md", entry())
    html = (journal.build() / "index.html").read_text(encoding="utf-8")
    assert '<div class="my-search">mine</div>' in html
    assert NAMED_DIALOG not in html

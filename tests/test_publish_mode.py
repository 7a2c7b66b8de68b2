"""Publish builds leak nothing; local builds show everything, marked. Real in-process builds."""

from __future__ import annotations

import gc
import html
import json
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import THEME_OVERRIDES, Journal, entry, site_text
from growthlog.entries.reader import read_journal
from growthlog.privacy.site_guard import offsite_requests
from mkdocs.exceptions import Abort, PluginError

if TYPE_CHECKING:
    import re
    from pathlib import Path

#: Private data of the sample journal, written out by hand from entries/ (private values,
#: interviewers, `!!! private` blocks) and the draft's own text.
SAMPLE_PRIVATE = [
    "162000",  # private.salary, Tidewater offer
    "150000",
    "135000",
    "Countering at 162k",  # private.notes
    "Band quoted: 135-155k",
    "Isabel said decisions take about two weeks",
    "Marguerite Osei",  # interviewers
    "Jonas Berg",
    "Felix Adeyemi",
    "Chloe Dubois",
    "I'm countering at 162k",  # !!! private blocks
    "the team lost two seniors",
    "she offered to keep me in mind",
    "Hannah said I was their second choice",
]
SAMPLE_DRAFT = [
    "Saltmarsh Media",  # the draft's company: no published round of it
    "Leo Marchetti",
    "Unfinished notes, to write up properly later",
    "Relaxed, no pressure with the offer in hand",
    "2026-11-24-saltmarsh-media-screen",
]


def forms(text: str) -> set[str]:
    """The ways a string can be written into a page or the search index."""
    escaped = html.escape(text, quote=True)
    return {text, escaped, html.escape(text, quote=False), json.dumps(text)[1:-1], json.dumps(escaped)[1:-1]}


def found_anywhere(
    site: Path, needles: list[str], unread: re.Pattern[str] | None = None
) -> list[tuple[str, str]]:
    """Where each needle stands in the site, in any form; text matching `unread` is passed over."""
    found = []
    for path, text in site_text(site)():
        folded = (unread.sub(" ", text) if unread else text).casefold()
        for needle in needles:
            if any(form.casefold() in folded for form in forms(needle)):
                found.append((path.relative_to(site).as_posix(), needle))
    return found


def test_publish_build_of_the_sample_contains_nothing_private(sample_journal: Journal) -> None:
    site = sample_journal.build()
    assert found_anywhere(site, SAMPLE_PRIVATE + SAMPLE_DRAFT) == []
    # And every private value the reader knows of, not only the ones listed by hand.
    result = read_journal(sample_journal.entries)
    values = [v.value for e in result.entries for v in e.private_values if len(v.value) > 5]
    assert len(values) > 30
    assert found_anywhere(site, values) == []
    # The build was real: public text of the same entries is there.
    assert found_anywhere(site, ["Tidewater Energy", "What fell short"]) != []


def test_local_build_with_show_private_shows_private_data_and_the_draft_marked(
    sample_journal: Journal,
) -> None:
    sample_journal.plugin_config()["show_private"] = True
    site = sample_journal.build()
    offer = (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").read_text(encoding="utf-8")
    assert "162000" in offer and "Chloe Dubois" in offer
    assert '<span class="gl-badge gl-private"' in offer  # the private section is marked
    assert 'class="admonition private"' in offer and "countering at 162k" in offer
    draft = (site / "2026/11/2026-11-24-saltmarsh-media-screen/index.html").read_text(encoding="utf-8")
    assert "gl-draft" in draft and "Unfinished notes" in draft
    assert "Saltmarsh Media" in (site / "index.html").read_text(encoding="utf-8")


def test_serve_shows_private_data_without_any_option(journal: Journal) -> None:
    journal.write("a.md", entry(interviewers=["Jane Doe"], private={"salary": 150000}))
    site = journal.build(command="serve")
    page = (site / "a/index.html").read_text(encoding="utf-8")
    assert "Jane Doe" in page and "150000" in page


def test_env_variable_turns_private_data_on_and_off_whatever_the_config(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.write("a.md", entry(interviewers=["Jane Doe"]))
    journal.plugin_config()["show_private"] = True
    monkeypatch.setenv("GROWTHLOG_SHOW_PRIVATE", "0")
    assert "Jane Doe" not in (journal.build() / "a/index.html").read_text(encoding="utf-8")
    journal.plugin_config()["show_private"] = False
    monkeypatch.setenv("GROWTHLOG_SHOW_PRIVATE", "1")
    assert "Jane Doe" in (journal.build() / "a/index.html").read_text(encoding="utf-8")


def test_drafts_vanish_from_pages_search_index_and_home(journal: Journal) -> None:
    journal.write("kept.md", entry(company="Kept Corp"))
    journal.write("wip.md", entry(company="Draftwood Inc", draft=True, body="Halfway written thoughts here."))
    site = journal.build()
    assert not (site / "wip").exists()
    assert found_anywhere(site, ["Draftwood", "Halfway written", "wip/"]) == []
    assert "Kept Corp" in (site / "search/search_index.json").read_text(encoding="utf-8")


def test_html_comments_in_notes_are_removed_when_publishing(journal: Journal) -> None:
    body = "Visible.\n\n<!-- hidden remark about the manager -->\n\n`<!-- shown as code -->`"
    journal.write("a.md", entry(body=body))
    site = journal.build()
    page = (site / "a/index.html").read_text(encoding="utf-8")
    assert "Visible." in page and "&lt;!-- shown as code --&gt;" in page
    assert found_anywhere(site, ["hidden remark"]) == []
    journal.plugin_config()["show_private"] = True
    assert "hidden remark" in (journal.build() / "a/index.html").read_text(encoding="utf-8")


def test_every_page_asks_not_to_be_indexed_and_loads_nothing_from_third_parties(
    sample_journal: Journal,
) -> None:
    site = sample_journal.build()
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith("User-agent: *\nDisallow: /\n")
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in text, page
        assert offsite_requests(text) == [], page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()


def test_an_image_from_another_host_is_a_warning(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    journal.write("a.md", entry(body='<img src="https://cdn.example.com/me.png" alt="me">'))
    journal.build(strict=False)
    assert "a/index.html loads https://cdn.example.com/me.png from another host" in caplog.text
    # One "growthlog:" prefix (the plugin's logger adds it), not two.
    warning = next(r.getMessage() for r in caplog.records if "from another host" in r.getMessage())
    assert warning.startswith("growthlog: a/index.html loads"), warning


# -- defence in depth: force a leak and watch the build fail ---------------------------


def leaky_theme(tmp_path: Path, template: str) -> Path:
    """A copy of theme_overrides/ whose growthlog entry template prints private fields."""
    custom = tmp_path / "leaky_theme"
    shutil.copytree(THEME_OVERRIDES, custom)
    (custom / "growthlog").mkdir(exist_ok=True)
    (custom / "growthlog" / "entry.html").write_text(template, encoding="utf-8")
    return custom


def test_a_template_override_printing_a_private_value_fails_the_build(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("2026/acme.md", entry(private={"salary": 150000}, interviewers=["Jane O'Doe"]))
    journal.write("2026/other.md", entry(company="Other Co"))
    template = "<p>{% for v in entry.private_values %}{{ v.value }} {% endfor %}</p>"
    journal.config["theme"]["custom_dir"] = str(leaky_theme(tmp_path, template))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    message = caplog.text
    assert "2026/acme/index.html contains private.salary of entry 2026/acme.md" in message
    assert "2026/acme/index.html contains interviewers[0] of entry 2026/acme.md" in message
    assert "150000" not in message and "Doe" not in message  # build logs may be public
    # The leaking page is deleted so that it cannot be uploaded by mistake; the rest stays.
    assert not (journal.root / "site/2026/acme/index.html").exists()
    assert (journal.root / "site/2026/other/index.html").exists()


def test_a_private_value_also_written_in_public_notes_fails_the_build(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("a.md", entry(interviewers=["Jane Doe"], body="Jane Doe was kind."))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "a/index.html contains interviewers[0] of entry a.md" in caplog.text
    assert "search/search_index.json contains interviewers[0] of entry a.md" in caplog.text


def test_a_private_block_leaked_by_an_override_fails_the_build(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    body = "Public notes.\n\n!!! private\n    The hiring manager is leaving in March.\n"
    journal.write("a.md", entry(body=body))
    journal.config["theme"]["custom_dir"] = str(leaky_theme(tmp_path, "<pre>{{ entry.body }}</pre>"))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "a/index.html contains the private block at line 10 of entry a.md" in caplog.text


def test_a_theme_override_printing_a_value_fails_the_build_for_every_page_and_the_404(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """main.html renders every page and the 404 page: the scan covers what MkDocs' theme writes too."""
    journal.write("a.md", entry(private={"referral": "Quentin Blakesley"}))
    custom = tmp_path / "theme"
    shutil.copytree(THEME_OVERRIDES, custom)
    (custom / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<meta name="x" content="Quentin Blakesley">{% endblock %}',
        encoding="utf-8",
    )
    journal.config["theme"]["custom_dir"] = str(custom)
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "404.html contains private.referral of entry a.md" in caplog.text
    assert "a/index.html contains private.referral of entry a.md" in caplog.text
    assert "timeline/index.html contains private.referral of entry a.md" in caplog.text


def test_a_private_box_inside_a_list_item_is_not_published(journal: Journal) -> None:
    body = (
        "- First point.\n\n    !!! private\n        Nested secret about the offer letter.\n\n- Second point."
    )
    journal.write("a.md", entry(body=body))
    site = journal.build()
    page = (site / "a/index.html").read_text(encoding="utf-8")
    assert "First point." in page and "Second point." in page
    assert found_anywhere(site, ["Nested secret"]) == []


def test_no_object_stays_frozen_after_a_build_that_passes_or_fails(journal: Journal, tmp_path: Path) -> None:
    # The plugin freezes the journal for the garbage collector during a build; `mkdocs serve`
    # keeps the process, so every build must leave nothing frozen, or nothing would be freed.
    journal.write("2026/acme.md", entry(private={"salary": 150000}))
    journal.build()
    assert gc.get_freeze_count() == 0
    template = "<p>{% for v in entry.private_values %}{{ v.value }} {% endfor %}</p>"
    journal.config["theme"]["custom_dir"] = str(leaky_theme(tmp_path, template))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert gc.get_freeze_count() == 0

"""Private parts and comments in real builds: removed wherever Markdown draws them, and scanned for."""

from __future__ import annotations

import importlib.util
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, Journal, entry
from mkdocs.exceptions import Abort, PluginError
from test_private_parts import COMMENTS, PRIVATE_BOXES, RICH, SECRET
from test_publish_mode import found_anywhere, leaky_theme

if TYPE_CHECKING:
    from pathlib import Path

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)


def write_every_form(journal: Journal) -> None:
    """One entry per way of writing a private box or a comment, with Markdown-rich extensions on."""
    journal.config["markdown_extensions"] = list(RICH)
    for i, body in enumerate(PRIVATE_BOXES.values()):
        journal.write(
            f"box{i:02}.md", entry(body=f"Public start.\n\n{body}\nPublic end.\n", company=f"Box {i}")
        )
    for i, body in enumerate(COMMENTS.values()):
        journal.write(f"comment{i:02}.md", entry(body=f"Intro.\n\n{body}\n", company=f"Comment {i}"))


def test_no_private_box_or_comment_is_published_in_any_form(journal: Journal) -> None:
    write_every_form(journal)
    site = journal.build()
    assert found_anywhere(site, ["152k", "162k", "salary 150k", "salary", "150k"]) == []
    page = (site / "box00/index.html").read_text(encoding="utf-8")
    assert "Public start." in page and "Public end." in page


def test_a_local_preview_still_shows_every_private_box(journal: Journal) -> None:
    write_every_form(journal)
    journal.plugin_config()["show_private"] = True
    site = journal.build()
    for i, name in enumerate(PRIVATE_BOXES):
        if "class" not in name and "attr_list" not in name:  # a plain element with a class has no box
            assert "152k" in (site / f"box{i:02}/index.html").read_text(encoding="utf-8"), name


def test_a_nested_private_box_printed_by_an_override_fails_the_build(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The scan's secrets come from the tree: a box in a blockquote is a secret too."""
    body = "Public notes.\n\n> Quote.\n>\n> !!! private\n>     The hiring manager is leaving in March.\n"
    journal.write("a.md", entry(body=body))
    journal.config["theme"]["custom_dir"] = str(leaky_theme(tmp_path, "<pre>{{ entry.body }}</pre>"))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "a/index.html contains the private block at line 12 of entry a.md" in caplog.text
    assert "leaving in March" not in caplog.text


def test_a_footnote_private_box_quoted_in_public_notes_fails_the_build(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.config["markdown_extensions"].append("footnotes")
    body = "Text[^1] and then: The hiring manager is leaving in March.\n\n[^1]: ??? private\n        The hiring manager is leaving in March.\n"
    journal.write("a.md", entry(body=body))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "a/index.html contains the private block at line 10 of entry a.md" in caplog.text


@needs_encrypt
def test_the_encrypted_build_removes_every_form_too(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_every_form(journal)
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    site = journal.build(config_name="mkdocs.encrypt.yml")
    assert found_anywhere(site, ["152k", "162k", "salary", SECRET], unread=_CIPHERTEXT) == []
    assert (site / "box00/index.html").exists()


#: A run of base64 as long as this is ciphertext, never words a reader reads: encryptcontent's
#: random bundles would now and then hold "152k" by chance (about 1 build in 100).
_CIPHERTEXT = re.compile(r"[A-Za-z0-9+/=]{64,}")

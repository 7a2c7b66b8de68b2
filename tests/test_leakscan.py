"""The leak scanner on its own: which forms of a secret it finds, and what it reports."""

from __future__ import annotations

import gzip
import json
import re
from html import escape
from typing import TYPE_CHECKING

import pytest
from growthlog.privacy import leakscan, reader_text
from growthlog.privacy.leakscan import LeakScanner, describe
from growthlog.privacy.reader_text import decoded, json_decoded
from growthlog.privacy.secrets import WORD_RUN, Secret, forms
from hypothesis import assume, given, settings
from hypothesis import strategies as st

if TYPE_CHECKING:
    from pathlib import Path

SALARY = Secret("2026/a.md", "private.salary", "150000")
NAME = Secret("2026/a.md", "interviewers[0]", "Zoë O'Brien-Smith")
NOTE = Secret("2026/b.md", "the private block at line 12", "the team lost two seniors <this> year & more")


def scanner() -> LeakScanner:
    return LeakScanner([SALARY, NAME, NOTE])


def test_finds_a_secret_printed_raw() -> None:
    assert scanner().scan_text("<p>salary 150000 a year</p>") == [SALARY]


def test_finds_html_escaped_and_json_escaped_forms() -> None:
    html = f"<dd>{escape(NAME.text)}</dd><p>{escape(NOTE.text)}</p>"
    assert sorted(s.what for s in scanner().scan_text(html)) == sorted([NAME.what, NOTE.what])
    as_json = json.dumps({"text": f"{NAME.text} / {NOTE.text}"})  # \u00eb, \" and friends
    assert "\\u00eb" in as_json
    assert sorted(s.what for s in scanner().scan_text(as_json)) == sorted([NAME.what, NOTE.what])
    # The search index holds HTML-escaped text inside JSON strings.
    index = json.dumps({"text": escape(NOTE.text)})
    assert scanner().scan_text(index) == [NOTE]


def test_finds_a_value_wrapped_over_lines() -> None:
    assert scanner().scan_text("the team lost two\n   seniors &lt;this&gt;\tyear &amp; more") == [NOTE]


def test_finds_only_whole_words() -> None:
    assert scanner().scan_text("id 1150000 and 1500001 and x150000") == []
    assert scanner().scan_text("(150000)") == [SALARY]
    assert scanner().scan_text("Zoë O'Brien-Smithson") == []


def test_empty_scanner_finds_nothing() -> None:
    assert LeakScanner([]).scan_text("150000") == []


def test_scan_site_reads_every_file_including_gzip_and_names_each(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "index.html").write_text("<p>clean</p>", encoding="utf-8")
    (site / "search" / "search_index.json").write_text(json.dumps({"t": NAME.text}), encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>150000</loc>"))
    (site / "image.png").write_bytes(b"\x89PNG\x00\xff 150000 \x00")
    leaks = scanner().scan_site(site)
    assert sorted((leak.file, leak.secret.what) for leak in leaks) == [
        ("image.png", "private.salary"),
        ("search/search_index.json", "interviewers[0]"),
        ("sitemap.xml.gz", "private.salary"),
    ]


def test_scan_site_skips_only_theme_files_still_identical_to_their_source(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "bundle.js").write_text("var x = 150000;", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "bundle.js").write_text("var x = 150000;", encoding="utf-8")
    (site / "other.js").write_text("var x = 150000;", encoding="utf-8")
    copies = {"bundle.js": theme / "bundle.js", "other.js": theme / "bundle.js"}
    (site / "other.js").write_text("var y = 150000;", encoding="utf-8")  # changed after the copy
    assert [leak.file for leak in scanner().scan_site(site, copies)] == ["other.js"]


def test_describe_names_entry_what_and_file_never_the_value(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text(f"{SALARY.text} {NAME.text}", encoding="utf-8")
    message = describe(scanner().scan_site(site))
    assert "page.html contains private.salary of entry 2026/a.md" in message
    assert "page.html contains interviewers[0] of entry 2026/a.md" in message
    assert SALARY.text not in message and "Brien" not in message


def test_a_long_secret_is_found_only_with_its_words_in_order() -> None:
    long = Secret("c.md", "the private block at line 3", "we agreed on a start date in early January")
    scanner = LeakScanner([long])
    assert scanner.scan_text("<p>in early January we agreed on a start date</p>") == []
    assert scanner.scan_text("<p>So: we agreed on a start\ndate in early January.</p>") == [long]


def test_many_secrets_each_reported_once_per_file() -> None:
    many = [Secret(f"{i}.md", "private.code", f"code-{i:04d}-xyz") for i in range(2000)]
    found = LeakScanner(many).scan_text(" ".join(s.text for s in many[::100]) + " code-0100-xyz")
    assert sorted(s.entry for s in found) == sorted(f"{i}.md" for i in range(0, 2000, 100))


def test_finds_a_secret_at_the_very_start_and_end_of_a_file() -> None:
    assert scanner().scan_text("150000") == [SALARY]
    assert scanner().scan_text("150000 is what they offered") == [SALARY]
    assert scanner().scan_text("they offered 150000") == [SALARY]


def test_a_secret_inside_a_longer_word_is_not_a_leak() -> None:
    assert scanner().scan_text("150000a and é150000 and x150000") == []
    assert scanner().scan_text("Zoë O'Brien-Smithers wrote") == []
    # ...but punctuation and markup are word ends.
    assert scanner().scan_text("<td>150000</td>") == [SALARY]
    assert scanner().scan_text('{"t":"150000"}') == [SALARY]
    # An underscore too: a reader reads `150000_x` as 150000 and an x.
    assert scanner().scan_text("150000_x") == [SALARY]


def test_finds_each_way_an_apostrophe_may_be_escaped() -> None:
    for apostrophe in ("'", "&#39;", "&#x27;", "&apos;", "\\u0027", "&amp;#39;"):
        assert scanner().scan_text(f"<p>Zoë O{apostrophe}Brien-Smith</p>") == [NAME], apostrophe


def test_finds_a_secret_whose_words_a_json_escape_separates() -> None:
    as_json = json.dumps({"text": "the team lost two\nseniors <this>\tyear & more"})
    assert "\\n" in as_json and "\\t" in as_json
    assert scanner().scan_text(as_json) == [NOTE]


def test_finds_a_secret_across_unicode_spaces() -> None:
    assert scanner().scan_text("Zoë\u00a0O'Brien-Smith") == [NAME]
    assert scanner().scan_text("Zoë&nbsp;O'Brien-Smith") == [NAME]
    assert scanner().scan_text("Zoë \u2009\u3000 O'Brien-Smith") == [NAME]
    assert scanner().scan_text("Zoë\u00a0O'Brien-Smith".replace("\u00a0", "")) == []


def test_json_escapes_are_read_as_a_json_parser_reads_them() -> None:
    path = Secret("d.md", "private.notes", "C:\\new\\tools and a rocket \U0001f680 emoji")
    as_json = json.dumps({"text": path.text})  # `\\n`, and a surrogate pair for the rocket
    assert "\\\\new" in as_json and "\\ud83d\\ude80" in as_json
    assert LeakScanner([path]).scan_text(as_json) == [path]
    assert LeakScanner([path]).scan_text(escape(path.text)) == [path]


def test_finds_secrets_across_the_slices_a_big_file_is_read_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(leakscan, "SLICE_BYTES", 64)
    site = tmp_path / "site"
    site.mkdir()
    filler = "word " * 40
    # A secret across a cut, one after a whitespace run longer than a slice, and one at the end.
    (site / "a.html").write_text(filler + NOTE.text + " " + filler, encoding="utf-8")
    (site / "b.json").write_text(
        json.dumps({"t": filler + "Zoë O'Brien-Smith" + " " * 300}), encoding="utf-8"
    )
    (site / "c.txt").write_text(filler + "the team lost two" + "\n" * 200 + "seniors <this> year & more")
    (site / "d.txt").write_text(filler * 3 + "150000", encoding="utf-8")
    # A near miss at a cut: the secret inside a longer word.
    (site / "e.txt").write_text(filler + "x150000 " + filler + "1500000", encoding="utf-8")
    found = sorted((leak.file, leak.secret.what) for leak in scanner().scan_site(site))
    assert found == [
        ("a.html", NOTE.what),
        ("b.json", NAME.what),
        ("c.txt", NOTE.what),
        ("d.txt", SALARY.what),
    ]


@pytest.mark.parametrize(("slice_bytes", "check_bytes"), [(256, 64), (300, 16), (1 << 20, 40)])
def test_a_slice_with_a_candidate_is_read_again_in_small_pieces_with_the_same_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slice_bytes: int, check_bytes: int
) -> None:
    # Only the small pieces around a candidate are read word by word: a secret across their
    # cuts, or across the cut of the big slices, is still found; a near miss still is not.
    monkeypatch.setattr(leakscan, "SLICE_BYTES", slice_bytes)
    monkeypatch.setattr(leakscan, "CHECK_BYTES", check_bytes)
    site = tmp_path / "site"
    site.mkdir()
    filler = "word " * 40
    (site / "a.html").write_text(
        f"<p>{filler}</p><p>{NOTE.text}</p> {filler} boost 1500000", encoding="utf-8"
    )
    (site / "b.json").write_text(json.dumps({"t": f"{filler}Zoë O'Brien-Smith {filler}"}), encoding="utf-8")
    (site / "c.txt").write_text(filler * 2 + "the team lost two" + "\n" * 100 + "seniors <this> year & more")
    (site / "d.txt").write_text(filler * 3 + "x150000 " + filler + "150000", encoding="utf-8")
    (site / "e.txt").write_text(filler + "x150000 " + filler + "1500000 O'Brien-Smiths", encoding="utf-8")
    found = sorted((leak.file, leak.secret.what) for leak in scanner().scan_site(site))
    assert found == [
        ("a.html", NOTE.what),
        ("b.json", NAME.what),
        ("c.txt", NOTE.what),
        ("d.txt", SALARY.what),
    ]


def test_a_file_named_gz_that_is_not_gzip_is_scanned_as_it_is(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "plain.gz").write_text("salary 150000", encoding="utf-8")
    (site / "cut.xml.gz").write_bytes(gzip.compress(b"<loc>" + NAME.text.encode() + b"</loc>" * 500)[:40])
    (site / "clean.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    assert [(leak.file, leak.secret.what) for leak in scanner().scan_site(site)] == [
        ("plain.gz", SALARY.what)
    ]


_SECRET_PIECES = [
    "Zoë",
    "O'Brien",
    " ",
    "\n",
    "\t",
    "\xa0",
    "&",
    "&amp;",
    "&lt;",
    "&#39;",
    "\\",
    "\\n",
    "\\u00eb",
]
_SECRET_PIECES += ["\\\\", '\\"', "C:", "new", "&&", "x", "_", "-", "150000"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_SECRET_PIECES), max_size=10))
def test_a_secret_with_words_is_found_raw_html_escaped_and_json_escaped(pieces: list[str]) -> None:
    secret = Secret("a.md", "private.notes", "".join(pieces))
    scanner = LeakScanner([secret])
    if not forms(secret):
        assert scanner.scan_text(secret.text) == []
        return
    # A text that reads otherwise decoded (`&amp;`) is printed escaped by a template, not raw.
    assume(decoded(json_decoded(secret.text.encode())).decode() == secret.text)
    for form in (secret.text, escape(secret.text), json.dumps(secret.text), json.dumps(escape(secret.text))):
        assert scanner.scan_text(f"<p>{form}</p>") == [secret], form


# -- what a reader sees ------------------------------------------------------------------

PERSON = Secret("2026/a.md", "interviewers[0]", "Jane Whitfield")
BLOCK = Secret(
    "2026/a.md",
    "the private block at line 12",
    "The hiring manager told me the team is being merged into payments next quarter, "
    "and that my offer depends on the budget review.",
    runs=True,
)


@pytest.mark.parametrize(
    "page",
    [
        "JANE WHITFIELD",  # case
        "jane whitfield",
        "".join(chr(ord(c) + 0xFEE0) if c != " " else c for c in "Jane Whitfield"),  # fullwidth: NFKC
        "Jane Whit\u00adfield",  # soft hyphen
        "Jane Whit&shy;field",
        "Ja\u200bne Whitfield",  # zero-width space
        "Jane\u200d Whit\ufefffield",
        "Jane&#8203;&#x200B; Whitfield",
        "Jane%20Whitfield",  # URL-encoded
        "Jane+Whitfield",
        "?q=Jane%2BWhitfield",
        "name%3DJane%2520Whitfield",  # encoded twice
        "Jane\\u0020Whitfield",  # JSON
        "Jane, Whitfield",  # punctuation between words
        "Jane <strong>Whitfield</strong>",  # inline markup
        '<span title="Jane Whitfield">x</span>',  # attribute values are read
        "Jane Whit<wbr>field",
        "Jane<br>Whitfield",  # a block tag between the words: a reader reads on
        "Jane<br />Whitfield",
        "Jane</p><p>Whitfield",
        "Jane</li>\n<li>Whitfield",
        '<span class="">Jane</span><div class="">Whitfield</div>',
    ],
)
def test_finds_a_value_however_a_reader_would_still_read_it(page: str) -> None:
    assert LeakScanner([PERSON]).scan_text(f"<p>Met {page} today</p>") == [PERSON]


@pytest.mark.parametrize(
    "page", ["Jane Whitfields", "Jane-Whitfieldson", "Jane Whitfield"[::-1], "JaneWhitfield", "Jane W."]
)
def test_a_different_word_is_not_the_value(page: str) -> None:
    assert LeakScanner([PERSON]).scan_text(f"<p>{page}</p>") == []


def test_a_private_list_published_as_list_items_is_found() -> None:
    """Its words run on across the items' tags, as they ran on across the lines of the private box."""
    private = Secret(
        "2026/a.md",
        "the private block at line 9",
        "Salary band around fifty.\nRecruiter hinted reorganisation.",
    )
    page = "<ul><li>Salary band around fifty.</li><li>Recruiter hinted reorganisation.</li></ul>"
    assert LeakScanner([private]).scan_text(page) == [private]


def test_a_private_sentence_quoted_in_part_is_found() -> None:
    scanner = LeakScanner([BLOCK])
    words = BLOCK.text.split()
    # Any WORD_RUN consecutive words of it, anywhere in it, whatever the case and punctuation.
    for start in range(len(words) - WORD_RUN + 1):
        quote = " ".join(words[start : start + WORD_RUN])
        assert scanner.scan_text(f"<p>As I wrote: “{quote.upper()}”!</p>") == [BLOCK], quote
    assert scanner.scan_text("<p>being merged into <em>payments</em> next quarter, and that</p>") == [BLOCK]


def test_a_few_words_or_everyday_runs_of_a_private_part_are_not_a_leak() -> None:
    scanner = LeakScanner([BLOCK])
    assert scanner.scan_text("<p>The hiring manager told me</p>") == []  # 5 words
    everyday = Secret("a.md", "the private block at line 3", "I think that it was a bit of a mess", runs=True)
    assert LeakScanner([everyday]).scan_text("<p>I think that it was a good round</p>") == []


def test_a_short_private_part_is_looked_for_whole() -> None:
    short = Secret("a.md", "the private block at line 3", "Offer: 152k base", runs=True)
    assert LeakScanner([short]).scan_text("<p>offer 152K base</p>") == [short]
    assert LeakScanner([short]).scan_text("<p>152k base</p>") == []


def test_a_secret_of_fewer_than_four_letters_and_digits_once_punctuation_goes_is_not_looked_for() -> None:
    # A draft named d.md: its address `d/` would be the word `d`, found on every page.
    assert forms(Secret("d.md", "the draft's text", "d/")) == []
    assert forms(Secret("d.md", "the draft's text", "d.html")) == [("d", "html")]


_SOUP = [
    "Jane",
    "whit",
    " ",
    ".",
    "_",
    "<em>",
    "<wbr>",
    "<div>",
    "&amp;",
    "&shy;",
    "%C3%A9",
    "e\u0301",
    "\u0301",
    "\u00ad",
    "\u200b",
    "é",
    "İ",
    "ß",
    "ς",
    "\u212a",
    "\ufb01",
    "\uff21",
    "·",
    "¶",
    "\u1100\u1161\u11a8",
    "\u11a8",
    "가",
    "ร",
    "日本",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*(p.encode() for p in _SOUP), b"\xff", b"\xc3", b"\xe2\x80"]), max_size=14))
def test_the_candidate_form_is_the_words_run_together_however_the_non_ascii_is_placed(
    pieces: list[bytes],
) -> None:
    # squeezed() folds only the non-ASCII runs (and the character before each), not the whole
    # page; the result must be what folding the whole text and joining its words gives.
    data = b"".join(pieces)
    whole = decoded(reader_text._without_inline_tags(data)).decode("utf-8", "replace")
    assert reader_text.squeezed(data) == "".join(reader_text.words(whole)).encode("utf-8")


_PAGE_PIECES = [
    "Jane Whitfield",
    "The hiring manager told me the team is being merged into payments next quarter,",
    "and that my offer depends on the budget review.",
    "the hiring manager told me",
    "the team is being merged into payments",
    "next quarter",
    "Jane",
    "Whitfield",
    "150000",
    "1500000",
    "word",
    " ",
    "\n",
    "<p>",
    "<em>",
    "&amp;",
    "·",
    "\u00ad",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PAGE_PIECES), max_size=40),
    st.integers(min_value=8, max_value=120),
    st.integers(min_value=4, max_value=60),
)
def test_the_secrets_found_do_not_depend_on_the_slice_sizes(
    pieces: list[str], slice_bytes: int, check: int
) -> None:
    # Read in small slices and checked in smaller pieces, or whole: the same secrets are found.
    text = "".join(pieces)
    found = LeakScanner([PERSON, BLOCK, SALARY]).scan_text(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(leakscan, "SLICE_BYTES", slice_bytes)
        patch.setattr(leakscan, "CHECK_BYTES", check)
        assert sorted(LeakScanner([PERSON, BLOCK, SALARY]).scan_text(text), key=str) == sorted(found, key=str)


_TAG_PIECES = [f"<{name}>" for name in reader_text._INLINE_NAMES]
_TAG_PIECES += [f"</{name}>" for name in reader_text._INLINE_NAMES]
_TAG_PIECES += ["<", "</", ">", "/", " ", "x", "<EM>", "<em >", "<strongx>", "<abbrx>", "<ab>", "<p>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TAG_PIECES), max_size=12))
def test_inline_tags_are_the_ones_the_plain_list_of_names_finds(pieces: list[str]) -> None:
    # The lookahead in front of the names is a shortcut only.
    plain = re.compile(rb"</?(?:" + "|".join(reader_text._INLINE_NAMES).encode() + rb")>")
    data = "".join(pieces).encode()
    assert reader_text._INLINE_TAG.sub(b"", data) == plain.sub(b"", data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='<>/=\n ab:-._1é"', max_size=40))
def test_tag_names_are_taken_out_as_the_precise_reading_takes_them(text: str) -> None:
    data = text.encode()
    assert reader_text.without_tag_names(data) == reader_text._TAG.sub(b"", data)

"""What is a private part of the notes: the tree processor every rule reads (no MkDocs here)."""

from __future__ import annotations

import markdown
import pytest
from growthlog.entries.private_parts import (
    EXTENSION,
    PrivateParts,
    public_lines,
    public_markdown,
    strip_comments,
)

#: The sample journal's mkdocs.yml extensions, plus what a user commonly adds.
RICH = [
    "admonition",
    "pymdownx.details",
    "attr_list",
    "md_in_html",
    "toc",
    "footnotes",
    "def_list",
    "tables",
    "abbr",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.blocks.admonition",
    "pymdownx.blocks.details",
]


def published(body: str, extensions: list[str] = RICH) -> str:
    """The HTML of notes as a publish build renders them (the extension registered by name)."""
    return markdown.Markdown(extensions=[*extensions, EXTENSION]).convert(body)


SECRET = "Base is 152k and I counter at 162k"

# Every place Markdown draws a box, each hiding SECRET; Markdown decides, not the line's shape.
PRIVATE_BOXES = {
    "top level": f"!!! private\n    {SECRET}\n",
    "no space": f"!!!private\n    {SECRET}\n",
    "titled": f'!!! private "{SECRET}"\n    more\n',
    "class list": f"!!! note private\n    {SECRET}\n",
    "upper case": f"!!! PRIVATE\n    {SECRET}\n",
    "details": f"??? private\n    {SECRET}\n",
    "open details": f"???+ Private\n    {SECRET}\n",
    "blockquote": f"> !!! private\n>     {SECRET}\n",
    "list item": f"- item\n\n    !!! private\n        {SECRET}\n",
    "after list marker": f"- !!! private\n        {SECRET}\n",
    "ordered list": f"1. item\n\n    ??? private\n        {SECRET}\n",
    "footnote": f"Text[^1]\n\n[^1]: !!! private\n        {SECRET}\n",
    "definition list": f"Term\n:   !!! private\n        {SECRET}\n",
    "tab": f'=== "Tab"\n\n    !!! private\n        {SECRET}\n',
    "md_in_html": f'<div markdown="1">\n!!! private\n    {SECRET}\n</div>\n',
    "md_in_html class": f'<div class="private" markdown>\n{SECRET}\n</div>\n',
    "md_in_html entity class": f'<div class="&#112;rivate" markdown>\n{SECRET}\n</div>\n',
    "attr_list block": f"{SECRET}\n{{: .private }}\n",
    "attr_list inline": f"Before *{SECRET}*{{: .private }} after\n",
    "blocks admonition": f"/// admonition | Money\n    type: private\n\n{SECRET}\n///\n",
    "blocks details": f"/// details | Money\n    type: Private\n\n{SECRET}\n///\n",
    "mid paragraph": f"Some text\n!!! private\n    {SECRET}\n",
    "nested twice": f"> - item\n>\n>     !!! note\n>         !!! private\n>             {SECRET}\n",
}


@pytest.mark.parametrize("body", PRIVATE_BOXES.values(), ids=PRIVATE_BOXES.keys())
def test_a_private_box_is_removed_wherever_markdown_draws_it(body: str) -> None:
    page = published(f"Public start.\n\n{body}\nPublic end.\n")
    assert "152k" not in page and "162k" not in page
    assert "Public start." in page and "Public end." in page
    # The secrets come from what the page lost, so the two agree.
    parts = PrivateParts(RICH).of(f"Public start.\n\n{body}\nPublic end.\n")
    assert len(parts) == 1
    assert SECRET in " ".join(parts[0].text.split())
    assert "Public" not in parts[0].text


def test_text_around_an_inline_private_element_is_kept() -> None:
    page = published("Before *hidden words*{: .private } after.\n")
    assert "hidden" not in page
    assert "Before" in page and "after." in page


@pytest.mark.parametrize(
    "body",
    [
        "!!! note\n    kept words\n",
        "!!! privateish\n    kept words\n",
        "private talk about kept words\n",
        "```\n!!! private\n    kept words\n```\n",  # code shows the syntax: Markdown draws no box
    ],
)
def test_other_boxes_words_and_code_are_kept(body: str) -> None:
    assert "kept words" in published(body)
    assert PrivateParts(RICH).of(body) == ()


def test_parts_are_named_by_their_line_and_keep_title_and_paragraphs() -> None:
    body = 'Public.\n\n!!! private "Money"\n    Base is 152k.\n\n    Second paragraph.\n\n??? private\n    Other.\n'
    parts = PrivateParts(RICH).of(body)
    assert [p.text for p in parts] == ["Money\nBase is 152k.\nSecond paragraph.", "Other."]
    assert [p.line for p in parts] == [2, 7]


def test_a_removed_heading_leaves_no_table_of_contents_entry() -> None:
    md = markdown.Markdown(extensions=["admonition", "toc", EXTENSION])
    md.convert("# Public\n\n!!! private\n    ## Secret heading\n")
    assert [t["name"] for t in md.toc_tokens] == ["Public"]  # type: ignore[attr-defined]


def test_raw_html_and_link_titles_inside_a_private_box_are_part_of_its_text() -> None:
    body = '!!! private\n    See <span>Dana Whitfield</span> and [x](https://a.example "Title words").\n'
    (part,) = PrivateParts(RICH).of(body)
    assert "Dana Whitfield" in part.text and "Title words" in part.text
    assert "Dana" not in published(body)


# -- comments -------------------------------------------------------------------------

COMMENTS = {
    "block": "<!-- salary 150k -->\n\nPublic end.",
    "inline": "Public <!-- salary 150k --> end.",
    "across a blank line": "Public start <!-- salary\n\n150k --> end.",
    "never closed": "Public start <!-- salary\n\n150k\n\n- and a list",
    "never closed in a list": "- Public start <!-- salary\n\n- 150k",
    "unclosed at block level": "<!-- salary\n\n150k",
    "in a private box's neighbour": "> quote <!-- salary\n\n150k --> end.",
}


@pytest.mark.parametrize("body", COMMENTS.values(), ids=COMMENTS.keys())
def test_no_comment_text_reaches_the_page(body: str) -> None:
    page = published(f"Intro.\n\n{body}\n")
    assert "150k" not in page and "salary" not in page
    assert "<!--" not in page and "&lt;!--" not in page
    assert "Intro." in page


def test_text_after_an_escaped_comment_closes_is_kept() -> None:
    page = published("Public start <!-- salary\n\n150k --> public end.\n")
    assert "Public start" in page and "public end." in page


def test_comment_markers_typed_in_code_are_shown() -> None:
    page = published("Use `<!-- x -->` in HTML.\n\n```html\n<!-- kept -->\n```\n")
    assert page.count("&lt;!--") == 2


def test_strip_comments_removes_real_comments_not_escaped_ones() -> None:
    html = "<p>a</p><!-- salary 150k -->\n<p>b</p><code>&lt;!-- shown --&gt;</code><!-- unclosed"
    assert strip_comments(html) == "<p>a</p>\n<p>b</p><code>&lt;!-- shown --&gt;</code>"


# -- one converter for a build --------------------------------------------------------


def test_one_reader_serves_many_bodies_without_mixing_them() -> None:
    reader = PrivateParts(RICH)
    assert [p.text for p in reader.of("!!! private\n    first one\n")] == ["first one"]
    assert reader.of("No box here, but a private word.") == ()
    assert [p.text for p in reader.of("??? private\n    second one\n")] == ["second one"]


def test_public_lines_skip_indented_private_blocks_for_the_name_warning() -> None:
    body = "one\n!!! private\n    hidden\n\ntwo"
    assert [text for _line, text in public_lines(body)] == ["one", "two"]


def test_public_markdown_cuts_indented_boxes_and_comments_and_gives_nothing_when_in_doubt() -> None:
    body = "One.\n\n!!! private\n    Hidden 152k.\n\nTwo <!-- remark -->.\n\n- item\n\n    ??? private\n        Nested.\n"
    text = public_markdown(body)
    assert "One." in text and "Two" in text and "- item" in text
    assert "152k" not in text and "remark" not in text and "Nested" not in text
    # A box the lines cannot tell (in a blockquote): the tree still finds it, so nothing goes out.
    assert public_markdown("Public.\n\n> !!! private\n>     Hidden 152k.\n") == ""


def test_a_public_sentence_saying_private_does_not_shift_a_parts_line() -> None:
    body = "I said so. It is private.\n\n> !!! private\n>     Hidden words.\n"
    assert [p.line for p in PrivateParts(RICH).of(body)] == [2]

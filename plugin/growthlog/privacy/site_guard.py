"""What keeps a published journal a private one: the switch for private data, noindex,
robots.txt, no requests to other hosts, neutral titles behind a password.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from growthlog.entries.model import Entry

SHOW_PRIVATE_ENV = "GROWTHLOG_SHOW_PRIVATE"
_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off", ""})
ROBOTS_TXT = "# A personal journal: please do not crawl or index it.\nUser-agent: *\nDisallow: /\n"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)


#: The password protection plugin (the `[encrypt]` extra), by its name in `plugins:`.
ENCRYPT_PLUGIN = "encryptcontent"


def protected_title(entry: Entry) -> str:
    """An entry's page title when the site is password protected.

    encryptcontent encrypts the content but leaves `<title>` in clear text, so a
    protected page is titled by its date alone, not its company and role.
    """
    return f"Entry of {entry.date.strftime('%d %b %Y').lstrip('0')}"


def show_private(configured: bool, environ: Mapping[str, str]) -> bool:
    """Whether a build (not a serve) shows private data: GROWTHLOG_SHOW_PRIVATE, else the config.

    The variable wins both ways, so `GROWTHLOG_SHOW_PRIVATE=0` (set by `growthlog publish`
    and the publish workflow) makes a publish build safe whatever mkdocs.yml says.
    """
    raw = environ.get(SHOW_PRIVATE_ENV)
    if raw is None:
        return configured
    value = raw.strip().lower()
    if value in _ON | _OFF:
        return value in _ON
    raise ValueError(f"{SHOW_PRIVATE_ENV} must be 1 or 0; found {raw!r}")


def add_noindex(page: str) -> str:
    """The page with `<meta name="robots" content="noindex, nofollow">` in its head.

    A robots meta already in the head is kept; only the head is looked at, so notes
    that show the tag in code (`name="robots"` printed in the body) still get ours.
    """
    head = _HEAD.search(page)
    if head is None:
        return page
    close = page.find("</head>", head.end())  # as themes write it; any other spelling below
    if close == -1:
        other = _HEAD_END.search(page, head.end())
        close = other.start() if other else len(page)
    if page.find('name="robots"', head.end(), close) != -1:
        return page
    if head[0] == "<head>":
        # The first `<head>` is the one found: one copy of the page, not three (a page of
        # Material is 20 KB or more, often stored 2 or 4 bytes a character).
        return page.replace("<head>", "<head>" + NOINDEX, 1)
    return page[: head.end()] + NOINDEX + page[head.end() :]


# Elements whose URL attributes make the browser fetch something on page load.
_ATTR = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_FETCHING_ATTRS = {
    "script": {"src"},
    "img": {"src", "srcset"},
    "source": {"src", "srcset"},
    "iframe": {"src"},
    "frame": {"src"},
    "video": {"src", "poster"},
    "audio": {"src"},
    "track": {"src"},
    "embed": {"src"},
    "input": {"src"},
    "object": {"data"},
    "link": {"href", "imagesrcset"},
    "image": {"href", "xlink:href"},
    "use": {"href", "xlink:href"},
}
_FETCHING_TAGS = "|".join(sorted(_FETCHING_ATTRS, key=len, reverse=True))
_TAG = re.compile(rf"<(?P<tag>{_FETCHING_TAGS})(?P<attrs>\s[^>]*)?>", re.IGNORECASE)
#: `<link>` relations that only describe the page; the browser fetches nothing for them.
_DESCRIPTIVE_RELS = frozenset({"canonical", "alternate", "author", "license", "me", "prev", "next", "help"})
_URL_AT = re.compile(r"""(?:https?:)?//[^'")\s;]+""", re.IGNORECASE)
_OFFSITE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_SLASHES = re.compile("//")
#: What stands before the `//` of an XML namespace (see `offsite_requests`).
_NAMESPACE = 'xmlns="http:'
_NAMESPACE_LEN = len(_NAMESPACE)


def offsite_requests(page: str) -> list[str]:
    """URLs on another host that loading `page` would fetch (scripts, styles, fonts, images...).

    Links a visitor may click (`<a href>`) are not requests; a published journal must
    make none of these, so that opening it tells no third party who reads it.

    Every such URL holds `//`, and a page holds few (a regex skips to each at C speed,
    faster than `str.find` in a page full of `</`); only there is the page looked at: a regex over every tag, or for CSS
    `url(` at every position, took longer than rendering the pages of a large journal.

    The `//` of an XML namespace (`xmlns="http://www.w3.org/2000/svg"`, on each of a
    page's icons) is passed over: a namespace is a name, never fetched, it starts no
    CSS `url(`, and a fetching tag that holds one too is still found from the `//` of
    its own offsite URL (every such URL has one).
    """
    found: list[str] = []
    in_css: list[str] = []
    tags_seen: set[int] = set()
    css_end = 0  # a `url(` inside the previous CSS URL is part of it
    for slashes in _SLASHES.finditer(page):
        at = slashes.start()
        if at >= _NAMESPACE_LEN and page.startswith(_NAMESPACE, at - _NAMESPACE_LEN):
            continue
        tag = _fetching_tag_around(page, at)
        if tag is not None and tag.start() not in tags_seen:
            tags_seen.add(tag.start())
            found += _tag_requests(tag)
        url = _css_url_at(page, at, css_end)
        if url is not None:
            in_css.append(url[0])
            css_end = url.end()
    return found + in_css


def _fetching_tag_around(page: str, at: int) -> re.Match[str] | None:
    """The fetching tag (`<img ...>`, `<script ...>`...) whose attributes hold position `at`.

    It opens after the last `>` before `at`: the leftmost `<` there that opens a
    fetching tag, as a left-to-right scan of the page's tags would find it.
    """
    opener = page.find("<", page.rfind(">", 0, at) + 1, at)
    while opener != -1:
        tag = _TAG.match(page, opener)
        if tag is not None:
            return tag
        opener = page.find("<", opener + 1, at)
    return None


def _tag_requests(tag: re.Match[str]) -> list[str]:
    """The offsite URLs a fetching tag's attributes load, in document order."""
    names = _FETCHING_ATTRS.get(tag["tag"].lower())
    if not names or not tag["attrs"]:
        return []
    attrs = {
        m["name"].lower(): m["dq"] if m["dq"] is not None else m["sq"] if m["sq"] is not None else m["bare"]
        for m in _ATTR.finditer(tag["attrs"])
    }
    rels = set(attrs.get("rel", "").lower().split())
    if tag["tag"].lower() == "link" and rels and rels <= _DESCRIPTIVE_RELS:
        return []
    found: list[str] = []
    for name, value in attrs.items():  # in document order
        if name not in names:
            continue
        urls = [part.split()[0] for part in value.split(",") if part.strip()] if "srcset" in name else [value]
        found += [url.strip() for url in urls if _OFFSITE.match(url)]
    return found


def _css_url_at(page: str, at: int, after: int) -> re.Match[str] | None:
    """The URL of CSS `url(//...)` or `@import "https://..."` whose `//` is at `at`, if it is one.

    Its `url(` or `@import` must start at `after` or later.
    """
    start = at
    for scheme in ("https:", "http:"):
        if page[at - len(scheme) : at].lower() == scheme:
            start = at - len(scheme)
            break
    # Back over `\s*['"]?\s*` to the opener, as the forward pattern reads it.
    i = start
    while i > 0 and page[i - 1].isspace():
        i -= 1
    if i > 0 and page[i - 1] in "'\"":
        i -= 1
        while i > 0 and page[i - 1].isspace():
            i -= 1
    if not (
        (i - 4 >= after and page[i - 4 : i].lower() == "url(")
        or (i - 7 >= after and page[i - 7 : i].lower() == "@import")
    ):
        return None
    return _URL_AT.match(page, start)

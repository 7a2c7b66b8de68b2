"""Every URL and id rule of the journal: where a page lives, how to link to it, ids from user text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from growthlog.entries.model import normalise_key

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII id fragment for `text` ("Lumen Labs / Senior" -> "lumen-labs-senior")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or fallback


class Anchors:
    """Hands out ids once each: a second "acme" becomes "acme-2"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{slugify(text)}"
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        return candidate


def page_url(rel: str) -> str:
    """The directory-style URL MkDocs gives a Markdown file, relative to the site root."""
    stem = rel[: -len(".md")]
    parent, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{parent}/" if parent else ""
    return f"{stem}/"


def entry_url(rel: str, directory_urls: bool = True) -> str:
    """The address of the page for a Markdown file, relative to the site root, as a link writes it.

    Percent-encoded as MkDocs encodes its pages' URLs (`urllib.parse.quote`, '/' kept):
    a file named `50% off #2?.md` is linked as `50%25%20off%20%232%3F/`, where its
    name as written would end the path at `#` or `?`.
    """
    path = page_url(rel) if directory_urls else rel[: -len(".md")] + ".html"
    return quote(path)


def relative_prefix(page_url_: str) -> str:
    """The `../` prefix that leads from a page at `page_url_` back to the site root."""
    return "../" * page_url_.count("/")


#: The tags page's source name (its URL follows the same rule as any page's).
TAGS_PAGE = "tags.md"


def tag_anchor(tag: str) -> str:
    """The id of a tag's section on the tags page: the same for every spelling that folds alike.

    Tags fold as `normalise_key` folds them; a fold that a slug cannot spell exactly
    (other scripts, a very long tag) gets a short digest of it, so two tags never share an id.
    """
    key = normalise_key(tag)
    slug = slugify(key, "tag")
    if key == slug.replace("-", " "):
        return f"tag-{slug}"
    return f"tag-{slug}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:8]}"


def tag_url(tag: str, directory_urls: bool = True) -> str:
    """The link to a tag's section of the tags page, relative to the site root."""
    return f"{entry_url(TAGS_PAGE, directory_urls)}#{tag_anchor(tag)}"


#: Where the prep sheets of upcoming rounds live: `prep/` then the round's own source path.
PREP_FOLDER = "prep/"


def prep_source(entry_path: str) -> str:
    """The source path (in the docs tree) of the prep sheet of the upcoming round at `entry_path`."""
    return PREP_FOLDER + entry_path


def in_prep_folder(rel: str) -> bool:
    """Whether a file of the docs folder lies in the prep sheets' folder, which the journal owns: an
    entry there could take a prep sheet's address. Letter case aside, as a Mac or Windows disk
    writes `Prep/` and `prep/` into one folder."""
    return rel.casefold().startswith(PREP_FOLDER)


def prep_url(entry_path: str, directory_urls: bool = True) -> str:
    """Where the prep sheet of the upcoming round at `entry_path` is published (relative to the site root)."""
    return entry_url(prep_source(entry_path), directory_urls)

"""What a published site may hold besides its pages: an allow-list, not a block-list.

An engine copies every file of the docs folder it does not render into the site, as
it is: an editor's backup with old private values, a file saved as `.MD`, a draft's
pictures, a link to `/proc/self/environ`. So growthlog names what may go out, and
everything else is left out and listed in one warning:

- an **attachment** of an ordinary type (`ATTACHMENT_TYPES`: pictures, PDF, audio,
  video, plain text) that a published entry links to, or that lies in the entry's
  own folder (`2026/03/acme-screen/` beside `2026/03/acme-screen.md`);
- never a file that is a link or reached through a linked folder, hidden (a name
  starting with `.`), an editor's backup, an HTML page (it could run scripts and is
  no page of the journal), an SVG (it can run scripts too), anything of another type,
  or anything only a draft, an excluded file or an unreadable entry links to.

Pages (entries and the journal's own) are decided by build/site_plan.py; this module
decides every other file. `growthlog check` and the build ask the same function.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from growthlog.entries.private_parts import cut_private_lines

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from pathlib import Path

    from growthlog.entries.model import Entry
    from growthlog.entries.reader import ReadResult

#: Types of attachment a published entry may bring with it (lower-case suffixes).
ATTACHMENT_TYPES = frozenset(
    {
        # pictures
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico",
        # documents
        ".pdf", ".txt", ".csv",
        # sound and video
        ".mp3", ".m4a", ".ogg", ".oga", ".wav", ".flac", ".mp4", ".m4v", ".webm", ".ogv", ".mov",
    }
)  # fmt: skip
#: What editors and merge tools leave beside a file (old contents, private values included).
BACKUP_SUFFIXES = ("~", ".orig", ".bak", ".swp", ".swo", ".swn", ".tmp", ".rej", ".old")
#: Markdown files the engine reads as pages (an entry is a `.md` file; other spellings are not entries).
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
#: Reasons no configuration can override.
_NEVER = ("hidden", "an editor's backup")
#: At most this many files are named in the warning; the rest are counted.
LISTED = 25

# Where a Markdown or HTML text points: inline links and images `](url)`, reference
# definitions `[id]: url`, and the URL attributes of raw HTML.
_INLINE = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s)]+))")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_ATTRIBUTE = re.compile(
    r"""\b(?:src|href|data|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE
)


@dataclasses.dataclass(frozen=True, slots=True)
class Selection:
    """The files of the docs folder that go into the site, and those left out with the reason."""

    published: frozenset[str]
    left_out: Mapping[str, str]

    def warning(self, folder: str) -> str | None:
        """One warning naming what was left out (None when nothing was)."""
        if not self.left_out:
            return None
        items = sorted(self.left_out.items())
        named = "; ".join(f"{path} ({why})" for path, why in items[:LISTED])
        more = f"; and {len(items) - LISTED} more" if len(items) > LISTED else ""
        return (
            f"{len(items)} file(s) under {folder} are left out of the published site, which holds only "
            f"entries and the attachments (pictures, PDF...) a published entry links to or keeps in its "
            f"own folder: {named}{more}. Delete or move them, or link them from a published entry"
        )


@dataclasses.dataclass(frozen=True, slots=True)
class PublishedEntry:
    """What an entry page brings along: its path, and the text a reader of its page sees."""

    path: str
    public_markdown: str

    @classmethod
    def of(cls, entry: Entry, shows_private: bool) -> PublishedEntry:
        """An entry as its page shows it: without its private parts unless private data is shown.

        Links inside a private box nested where Markdown still draws it (in a blockquote,
        a list item, a footnote, a definition) are dropped too: an attachment only a private
        part links to must stay out, and dropping too much only leaves a file out (named).
        """
        if shows_private:
            return cls(entry.path, entry.body)
        return cls(entry.path, _without_nested_private(cut_private_lines(entry.body)))


# A private box's opener behind any Markdown container marks: quotes, list items, footnotes, definitions.
_NESTED_PRIVATE = re.compile(
    r"^(?P<lead>[ \t>:]*(?:(?:[-*+]|\d+[.)]|\[\^[^\]]*\]:)[ \t]+)?[ \t>]*)"
    r"(?:!!!|\?\?\?\+?)[ \t]*[\w -]*\bprivate\b",
    re.IGNORECASE,
)


def _depth(line: str) -> tuple[int, int]:
    """How deep a line sits: its blockquote marks, then the column its text starts at after them."""
    quotes = 0
    rest = line
    while True:
        stripped = rest.lstrip(" \t")
        if not stripped.startswith(">"):
            break
        quotes += 1
        rest = stripped[1:]
    return quotes, len(rest.expandtabs(4)) - len(rest.expandtabs(4).lstrip(" "))


def _without_nested_private(markdown: str) -> str:
    """`markdown` without the lines of private boxes nested in other blocks (see `PublishedEntry.of`)."""
    if "private" not in markdown.lower():
        return markdown
    lines = markdown.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        opener = _NESTED_PRIVATE.match(lines[i])
        if opener is None:
            kept.append(lines[i])
            i += 1
            continue
        quotes, column = _depth(opener["lead"] + "x")
        i += 1
        while i < len(lines):
            line_quotes, line_column = _depth(lines[i])
            text = lines[i].replace(">", " ").strip()
            if text and (line_quotes < quotes or (line_quotes == quotes and line_column <= column)):
                break
            i += 1
    return "\n".join(kept)


def linked_paths(entry_path: str, markdown: str) -> set[str]:
    """The files of the docs folder that `markdown` (of the entry at `entry_path`) links to or shows.

    Relative links are resolved from the entry's folder, `/...` from the docs folder;
    links to other hosts and to anything outside the folder are not files of it.
    """
    found: set[str] = set()
    folder = posixpath.dirname(entry_path)
    for url in _urls(markdown):
        target = _resolve(folder, url)
        if target is not None:
            found.add(target)
    return found


def _urls(text: str) -> Iterator[str]:
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(text):
            yield match[1] if match[1] is not None else match[2]
    for match in _ATTRIBUTE.finditer(text):
        value = next(group for group in match.groups() if group is not None)
        # srcset: "a.png 1x, b.png 2x"
        yield from (
            (part.split()[0] for part in value.split(",") if part.strip()) if "," in value else (value,)
        )


def _resolve(folder: str, url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal in ("..", "."):
        return None
    return normal


def own_folder(entry_path: str) -> str:
    """The folder an entry keeps its attachments in: beside it, named as it is (`a/b.md` -> `a/b/`)."""
    return entry_path[: -len(".md")] + "/"


def why_not_attachment(path: str) -> str | None:
    """Why a file can never be published as an attachment, whoever links it; None when it may be."""
    name = posixpath.basename(path)
    lower = name.lower()
    if any(part.startswith(".") for part in path.split("/")):
        return "hidden"
    if lower.endswith(BACKUP_SUFFIXES) or (lower.startswith("#") and lower.endswith("#")):
        return "an editor's backup"
    suffix = posixpath.splitext(lower)[1]
    if suffix == ".md":
        return (
            f"an entry file must end in '.md' (lower case) to be read; rename it ({name[: -len(suffix)]}.md)"
        )
    if suffix in MARKDOWN_SUFFIXES:
        return "not an entry: entries are '.md' files"
    if suffix in (".html", ".htm", ".xhtml"):
        return "an HTML file: it could run scripts or load other hosts, and is no page of the journal"
    if suffix == ".svg":
        return "an SVG picture can run scripts: publish a PNG instead"
    if suffix not in ATTACHMENT_TYPES:
        return "not an attachment type growthlog publishes"
    return None


def select(
    root: Path,
    paths: Iterable[str],
    published: Iterable[PublishedEntry],
    hidden: Iterable[str],
    user_excluded: Iterable[str] = (),
    site_files: Iterable[str] = (),
) -> Selection:
    """Which of `paths` (files of the docs folder `root` other than pages) go into the site.

    `published` are the entries whose pages are built, with the Markdown their pages
    show; `hidden` are the entry files that get no page (drafts, excluded, unreadable):
    their own folders stay out. `user_excluded` are files the engine's own settings
    leave out (`exclude_docs`, `draft_docs`): they stay out without being listed.
    `site_files` are files the site's configuration names (its own stylesheets and
    scripts, favicon, logo): they go out unless hidden, a backup or a link. So does a
    `CNAME` at the top (a custom domain for GitHub Pages).
    """
    paths = list(paths)
    if not paths:
        return Selection(frozenset(), {})  # most journals: no attachment, nothing to resolve
    real_root = os.path.realpath(root)
    linked: set[str] = set()
    owners: list[str] = []
    for entry in published:
        linked |= linked_paths(entry.path, entry.public_markdown)
        owners.append(own_folder(entry.path))
    hidden_folders = tuple(own_folder(path) for path in hidden if path.lower().endswith(".md"))
    owned = tuple(owners)
    skipped = set(user_excluded)
    configured = {*site_files, "CNAME"}
    chosen: set[str] = set()
    left_out: dict[str, str] = {}
    for path in paths:
        link = _first_link(root, path)
        if link is not None:
            # Everything reached through a link is left out, named once by the link (a loop
            # back to a parent folder would otherwise list the same files again and again).
            left_out[link] = _why_link(real_root, root, link)
            continue
        why = why_not_attachment(path)
        if path in configured and path not in skipped and why not in _NEVER:
            chosen.add(path)
            continue
        if path in skipped and why != "hidden":
            continue  # the engine's settings leave it out: the user said so (hidden files are named anyway)
        if why is None:
            if path.startswith(hidden_folders):
                why = "in the folder of an entry that is not published"
            elif path not in linked and not path.startswith(owned):
                why = "no published entry links to it or keeps it in its folder"
        if why is None:
            chosen.add(path)
        else:
            left_out[path] = why
    return Selection(frozenset(chosen), left_out)


def _first_link(root: Path, path: str) -> str | None:
    """The first part of `path` (a folder or the file itself) that is a link, or None."""
    parts = path.split("/")
    for end in range(1, len(parts) + 1):
        if os.path.islink(os.path.join(root, *parts[:end])):
            return "/".join(parts[:end])
    return None


def _why_link(real_root: str, root: Path, link: str) -> str:
    full = os.path.join(root, *link.split("/"))
    real = os.path.realpath(full)
    inside = real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)
    if not inside:
        return "a link to something outside the folder; growthlog never publishes through links"
    if os.path.isdir(real) and (os.path.dirname(full) + os.sep).startswith(real.rstrip(os.sep) + os.sep):
        return "a link back to a folder above it (a loop); growthlog never publishes through links"
    return "a link; growthlog never publishes through links (copy the file instead)"


def files_under(root: Path) -> list[str]:
    """Every file under `root` as an engine finds them (links followed, loops cut), '/'-separated.

    For `growthlog check`, which has no engine to ask; a linked folder that leads back
    to one already walked is listed as itself and not walked again.
    """
    found: list[str] = []
    seen: set[str] = set()
    for folder, folders, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        if real in seen:
            found.append(prefix.rstrip("/"))
            folders[:] = []
            continue
        seen.add(real)
        found += [prefix + name for name in names]
    return sorted(found)


def journal_selection(root: Path, result: ReadResult) -> Selection:
    """What a publish build of the journal read into `result` would leave out of `root` (for `growthlog check`)."""
    published = [PublishedEntry.of(entry, False) for entry in result.entries if not entry.draft]
    hidden = [entry.path for entry in result.entries if entry.draft] + list(result.invalid)
    paths = [path for path in files_under(root) if not path.endswith(".md")]
    return select(root, paths, published, hidden)

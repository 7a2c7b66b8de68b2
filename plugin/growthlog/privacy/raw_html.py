"""Raw HTML in notes, made safe for a published site: the HTML a reader's browser will run.

Markdown passes raw HTML through as typed (`<script>`, `onclick=`, `<iframe>`, a
`javascript:` link), and so do attr_list's `{: onclick=... }` and a Markdown link
to `javascript:...`. A publish build cleans the notes' HTML with nh3 (the Rust
ammonia sanitiser) against an allow-list of what Markdown and its usual extensions
write (admonitions, details, tables, code highlighting, footnotes, abbreviations,
tabs, task lists, attr_list classes and ids, headings' ids and permalinks): no
scripts, event handlers, `javascript:` or `data:` URLs (raster `data:` images
excepted: a browser runs nothing in them), frames, forms, meta refresh, objects,
embeds or style attributes (a `style` can cover the page with a fake form or load
a URL; only a table cell's `text-align`, which Markdown's tables write, is kept).

What was removed is reported by name (the tag, the attribute), never by value:
the journal's build log may be public.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3

#: Tags Markdown and its usual extensions write (ammonia's defaults, plus what PyMdown and
#: Material add: tabs' input and label, task lists' checkbox, emoji's inline SVG).
ALLOWED_TAGS = frozenset(nh3.ALLOWED_TAGS) | {"input", "label", "svg", "path", "g"}
#: Attributes any allowed tag may keep: classes and ids (attr_list, headings, footnotes, code).
_GENERIC = {"class", "id", "title", "lang", "dir", "role", "aria-hidden", "aria-label"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "details": {"open"},
    "ol": {"start", "type", "reversed"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "abbr": {"title"},
    "input": {"type", "checked", "disabled", "name"},
    "label": {"for"},
    "div": {"data-tabs"},
    "code": {"data-lang"},
    "span": {"data-linenos"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "svg": {"viewbox", "xmlns", "width", "height", "fill"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill"},
}
#: Tags removed with everything inside them (not only the tag): their content is code or a fallback.
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript", "template", "math"}
    | {"select", "textarea", "button", "applet", "noembed", "noframes", "xmp", "plaintext"}
)
_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
#: Images a browser draws and runs nothing in (an SVG `data:` image may hold script-like markup).
_DATA_IMAGE = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif);base64,[A-Za-z0-9+/=\s]*\Z", re.IGNORECASE)
_INPUT_TYPES = {"checkbox", "radio"}
_TEXT_ALIGN = re.compile(r"\s*text-align\s*:\s*(?:left|right|center)\s*;?\s*\Z", re.IGNORECASE)

_TAG = re.compile(r"<([A-Za-z][\w:-]*)([^>]*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)\s*(?:=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?")


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Keep an allowed attribute only with a safe value (nh3 calls this for every kept attribute)."""
    if attribute in ("href", "src"):
        return value if _safe_url(tag, attribute, value) else None
    if attribute == "style":
        return value if _TEXT_ALIGN.match(value) else None
    if tag == "input" and attribute == "type":
        return value if value.lower() in _INPUT_TYPES else None
    return value


def _safe_url(tag: str, attribute: str, value: str) -> bool:
    # Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
    squeezed = "".join(c for c in value if c > " " and c != "\x7f")
    scheme = urlsplit(squeezed).scheme.lower() if ":" in squeezed.split("/", 1)[0] else ""
    if not scheme:
        return True  # a relative address, or an anchor
    if tag == "img" and attribute == "src" and scheme == "data":
        return _DATA_IMAGE.match(squeezed) is not None
    return scheme in _LINK_SCHEMES


def clean(markup: str) -> str:
    """The notes' HTML with everything outside the allow-list removed (see the module's docstring)."""
    return str(
        nh3.clean(
            markup,
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(REMOVED_WITH_CONTENT),
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            attribute_filter=_attribute_filter,
            strip_comments=True,
            link_rel=None,
            url_schemes=_LINK_SCHEMES | {"data"},  # data: is then kept only for raster images (the filter)
        )
    )


@dataclass(frozen=True, slots=True)
class Removed:
    """What cleaning took out of a page's notes: tag names and attribute names, with counts."""

    tags: tuple[tuple[str, int], ...]
    attributes: tuple[tuple[str, int], ...]

    def __bool__(self) -> bool:
        return bool(self.tags or self.attributes)

    def describe(self) -> str:
        """`<script> (2), <iframe>, the onclick attribute`: names only, never a value."""
        parts = [f"<{name}>" + (f" ({count})" if count > 1 else "") for name, count in self.tags]
        parts += [
            f"the {name} attribute" + (f" ({count})" if count > 1 else "") for name, count in self.attributes
        ]
        return ", ".join(parts)

    def names(self) -> list[str]:
        """What to look for in the source to find the line: `<script`, `onclick`."""
        return [f"<{name}" for name, _count in self.tags] + [name for name, _count in self.attributes]


def removed(before: str, after: str) -> Removed:
    """What `clean` removed: the tags and attributes of `before` that `after` lacks (by count)."""
    tags_before, attributes_before = _inventory(before)
    tags_after, attributes_after = _inventory(after)
    return Removed(
        tuple(sorted((tags_before - tags_after).items())),
        tuple(sorted((attributes_before - attributes_after).items())),
    )


def _inventory(markup: str) -> tuple[Counter[str], Counter[str]]:
    tags: Counter[str] = Counter()
    attributes: Counter[str] = Counter()
    for match in _TAG.finditer(markup):
        tag = match[1].lower()
        tags[tag] += 1
        if tag in ALLOWED_TAGS:  # a removed tag's attributes go with it: it is named, they are not
            attributes.update(name.lower() for name in _ATTRIBUTE.findall(match[2]))
    return tags, attributes


def line_of(body: str, names: list[str]) -> int | None:
    """The line of `body` (0-based) where the first of `names` is written (any case), if found."""
    folded = body.casefold()
    found = [at for name in names if (at := folded.find(name.casefold())) >= 0]
    return folded.count("\n", 0, min(found)) if found else None

"""Material's nav, rendered once for every entry page at the same depth instead of once per page.

MkDocs renders the whole nav into every page. growthlog keeps the nav short (the
timeline is the index of entries), yet Material's nav partial, a macro per item,
was still a fifth of an entry page's layout: 0.25 CPU s at 1,000 entries.

An entry page is not in the nav, so nothing of the nav is active or current on it:
Material's nav partial then comes out the same on every such page but for its links,
which MkDocs makes relative to the page's address. So the first entry page at each
depth renders it, with every link it wrote noted (the value given to the `url`
filter and what came out); a later entry page at that depth reuses that HTML once
each of those values gives the same link from it, and renders its own otherwise.
The tests build the same journals with and without this and compare every file.

It applies only to Material's own nav templates: when `custom_dir` overrides the nav,
one of its parts, or the `url` filter is not the engine's own (told by identity, so
that it holds under ProperDocs, whose modules stand in for MkDocs'), every page renders
its nav, and a debug line says why. Switch: GROWTHLOG_SPEEDUPS=-shared_nav.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import pass_context
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from growthlog.engines.mkdocs.speedups import enabled

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Iterator

    import jinja2
    from jinja2.runtime import Context
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)

NAME = "shared_nav"
NAV = "partials/nav.html"
#: The templates Material's nav partial renders: each must be Material's own.
_NAV_PARTS = (NAV, "partials/nav-item.html", "partials/logo.html", "partials/source.html")


def share_nav(env: jinja2.Environment, shared_pages: Container[str]) -> bool:
    """Make `env` render Material's nav once per depth for the pages whose source is in `shared_pages`.

    Returns whether it did: only when every nav template is Material's own file.
    """
    if not enabled(NAME):
        return False
    if not _materials_own(env):
        log.debug(f"{NAME}: off, the nav templates are not all Material's own (a custom_dir overrides one)")
        return False
    template = env.get_template(NAV)
    render = getattr(template, "root_render_func", None)
    url = env.filters.get("url")
    if render is None or url is not url_filter:
        log.debug(f"{NAME}: off, the nav template or its `url` filter is not the engine's own")
        return False
    template.root_render_func = _SharedNav(env, render, url, shared_pages)
    return True


class _SharedNav:
    """The nav partial's render function, sharing its output between entry pages (see the module)."""

    def __init__(
        self,
        env: jinja2.Environment,
        render: Callable[[Context], Iterator[str]],
        url: Callable[..., str],
        shared_pages: Container[str],
    ) -> None:
        self.env = env
        self.render = render
        self.url = url
        self.shared_pages = shared_pages
        #: By depth: the nav's HTML and every link in it, as (value given to `url`, link written).
        self.rendered: dict[int, tuple[str, list[tuple[Any, str]]]] = {}
        self.plain_navs: dict[int, bool] = {}

    def __call__(self, context: Context) -> Iterator[str]:
        page, nav = context.get("page"), context.get("nav")
        if not self._shares(page, nav):
            yield from self.render(context)
            return
        depth = page.url.count("/")
        rendered = self.rendered.get(depth)
        if rendered is not None and all(self.url(context, value) == link for value, link in rendered[1]):
            yield rendered[0]
            return
        html, links = self._render_noting_links(context)
        if rendered is None:
            self.rendered[depth] = (html, links)
        yield html

    def _shares(self, page: Any, nav: Any) -> bool:
        if not isinstance(page, Page) or page.file.src_uri not in self.shared_pages or nav is None:
            return False
        plain = self.plain_navs.get(id(nav))
        if plain is None:
            plain = self.plain_navs[id(nav)] = _plain(nav)
        return plain and page not in nav.pages

    def _render_noting_links(self, context: Context) -> tuple[str, list[tuple[Any, str]]]:
        links: list[tuple[Any, str]] = []
        url = self.url

        @pass_context
        def noting_url(context: Context, value: Any) -> str:
            link = url(context, value)
            links.append((value, link))
            return link

        # Templates look their filters up when they start rendering: this render, and the
        # nav-item macros it imports, see this one; every other render sees MkDocs' own.
        self.env.filters["url"] = noting_url
        try:
            html = "".join(self.render(context))
        finally:
            self.env.filters["url"] = url
        return html, links


def _plain(nav: Navigation) -> bool:
    """Whether the nav holds only MkDocs' own items (a plugin's item may list pages of its own)."""
    stack: list[Any] = list(nav.items)
    while stack:
        item = stack.pop()
        if not isinstance(item, (Page, Section, Link)) or hasattr(item, "pages"):
            return False
        stack.extend(getattr(item, "children", None) or ())
    return True


def _materials_own(env: jinja2.Environment) -> bool:
    try:
        import material
    except ImportError:  # pragma: no cover - another theme
        return False
    templates = Path(material.__file__).parent / "templates"
    loader = env.loader
    if loader is None:
        return False
    for name in _NAV_PARTS:
        try:
            _, filename, _ = loader.get_source(env, name)
        except Exception:  # not found, or a loader that cannot say
            return False
        if filename is None or Path(filename).parent.parent != templates:
            return False
    return True

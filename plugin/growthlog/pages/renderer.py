"""Render the journal's HTML with our own Jinja environment.

MkDocs' theme environment has autoescape off; ours has it on, so every user
string is escaped unless a template deliberately marks it safe. Templates are
loaded by name, first from the user's override folder
(`theme_overrides/growthlog/`), then from the package.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from growthlog.entries.private_folders import (
    UnsafeCache,
    check_folders,
    folder_problem,
    make_private_folder,
    read_private_file,
)
from growthlog.entries.urls import entry_url, prep_url, relative_prefix, tag_url
from growthlog.journal.plan import build_plan
from growthlog.pages import fragments, listings
from growthlog.pages.entry_header import EntryHeader

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from jinja2.bccache import Bucket

    from growthlog.entries.model import Entry, Question
    from growthlog.entries.problems import Problem
    from growthlog.journal.journal import Journal
    from growthlog.journal.wording import Mention
    from growthlog.pages.journal_pages import GeneratedPage

#: growthlog's own templates (a user's overrides live in the theme's custom_dir).
TEMPLATES = Path(__file__).parent / "templates"
#: growthlog's stylesheets, one per area of the journal.
ASSETS = Path(__file__).parent / "assets"
#: The folder under a theme's custom_dir where template overrides live.
OVERRIDE_FOLDER = "growthlog"


def make_environment(override_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The Jinja environment: autoescape always on, missing variables are errors.

    One per set of override folders for the life of the process, so that `mkdocs serve`
    compiles each template once, not on every rebuild (an edited override is still
    picked up: Jinja checks a template's file before reusing it).
    """
    return _environment(tuple(str(d) for d in override_dirs))


class TemplateDiskCache(jinja2.FileSystemBytecodeCache):
    """Our templates' compiled code, kept on disk between builds (each is a new process).

    Compiling growthlog's templates cost about a tenth of a CPU second per build; a
    build that finds them here loads them in a few milliseconds. Each template's code
    is stored under its name, its file and this environment's options, with a checksum
    of its source: an edited template or override is compiled again, never served stale.
    The folder is growthlog's own for this user in the temp folder; the first build
    after a reboot or an upgrade compiles as before.

    Compiled code runs when it is loaded, so the folder is used only when it is the
    user's own and nobody else can write it, and every file is opened without following
    a link and must be the user's own (`private_folders`, the entry cache's rule);
    else the templates are compiled as if there were no cache.
    """

    def __init__(self, directory: str | None = None) -> None:
        # Not Jinja's default folder: making it, Jinja changes its mode through a link.
        super().__init__(directory or str(default_cache_folder()), pattern="growthlog-%s.cache")

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # The compiled code depends on the options too (autoescape, whitespace control) and
        # on Jinja's version: another environment's code for the same file is never used.
        return super().get_cache_key(f"{name}|{jinja2.__version__}|{_OPTIONS}", filename)

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            check_folders(Path(self.directory))
            code = read_private_file(Path(self._get_cache_filename(bucket)))
            bucket.load_bytecode(io.BytesIO(code))
        except (OSError, UnsafeCache):
            return  # missing, unreadable, or someone else's: compiled as if it were not there
        except (EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # damaged: compiled as if it were not there

    def dump_bytecode(self, bucket: Bucket) -> None:
        # A cache that cannot be written (disk full, read-only, not private) only costs time.
        with contextlib.suppress(OSError, UnsafeCache):
            make_private_folder(Path(self.directory))
            super().dump_bytecode(bucket)


def default_cache_folder() -> Path:
    """Where growthlog keeps compiled templates: a folder of this user's in the temp folder."""
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return Path(tempfile.gettempdir(), f"growthlog-templates-{user}")


def template_cache_problem() -> str | None:
    """Why compiled templates are not kept (the folder is not the user's alone), or None."""
    return folder_problem(default_cache_folder())


#: The environment's options, as keyword arguments (part of `TemplateDiskCache`'s keys).
_ENV_OPTIONS: dict[str, Any] = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}
_OPTIONS = ",".join(f"{key}={value}" for key, value in sorted(_ENV_OPTIONS.items()))


def _code_cache() -> TemplateDiskCache | None:
    try:
        return TemplateDiskCache()
    except (OSError, RuntimeError):  # no temp folder at all: compile every time
        return None


@functools.lru_cache(maxsize=8)
def _environment(override_dirs: tuple[str, ...]) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(list(override_dirs))]
    loaders.append(jinja2.PackageLoader("growthlog.pages", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_code_cache(),
        **_ENV_OPTIONS,
    )
    env.filters["date"] = fragments.format_date
    env.globals["plural"] = fragments.plural
    # The pieces pages print thousands of times, as Python (see fragments.py).
    env.globals["outcome_badge_of"] = fragments.outcome_badge
    env.globals["stage_badge_of"] = fragments.stage_badge
    env.globals["round_badges"] = fragments.round_badges
    env.globals["status_badge_of"] = fragments.status_badge
    env.globals["confidence_dots"] = fragments.confidence
    env.globals["times_badge"] = fragments.times_badge
    env.globals["plan_due_of"] = fragments.plan_due
    return env


class Renderer:
    """Renders entry headers and generated pages for one journal."""

    def __init__(
        self, journal: Journal, override_dirs: Sequence[Path] = (), site_name: str = "Growth journal"
    ) -> None:
        self.journal = journal
        self.site_name = site_name
        self.env = make_environment(override_dirs)
        #: Entry URLs relative to the site root, worked out once: the pages link to each entry many times.
        self._urls: dict[str, str] = {}
        #: What the packaged entry.html writes around the header, or () when it is overridden.
        self._entry_frame: tuple[str, str] | tuple[()] | None = None
        #: Escaped links to entries, by the prefix that leads back to the site root: the journal pages
        #: but home share one (they are all one folder deep), so an entry's link is made once for all.
        self._links: dict[str, fragments.EntryLinks] = {}
        #: The rounds still to come: each entry page links its prep sheet.
        self._upcoming = frozenset(e.path for e in journal.upcoming)

    def _url(self, entry: Entry) -> str:
        found = self._urls.get(entry.path)
        if found is None:
            found = self._urls[entry.path] = self.journal.url(entry)
        return found

    def render(self, template: str, page_url: str, **context: Any) -> str:
        """Render `template` for the page published at `page_url` (links are made relative to it)."""
        base = relative_prefix(page_url)
        links = self._links.get(base)
        if links is None:
            links = self._links[base] = fragments.EntryLinks(base, self._url)

        def url(entry: Entry) -> str:
            return base + self._url(entry)

        def source(entry: Entry, dated: bool = True) -> Markup:
            return Markup(links.source(entry, dated))

        def source_list(entries: Iterable[Entry]) -> Markup:
            return Markup(links.source_list(entries))

        def answer_history(asked: Iterable[Mention[Question]]) -> Markup:
            return fragments.answer_history((base + self._url(m.entry), m) for m in asked)

        def root(path: str = "") -> str:
            return base + path

        def prep_href(entry: Entry) -> str:
            return base + prep_url(entry.path, self.journal.settings.directory_urls)

        return self.env.get_template(template).render(
            journal=self.journal,
            settings=self.journal.settings,
            today=self.journal.today,
            url=url,
            source=source,
            source_list=source_list,
            answer_history=answer_history,
            root=root,
            prep_href=prep_href,
            site_name=self.site_name,
            # The pages' long lists, in Python (listings.py), with this page's links.
            timeline_rounds=functools.partial(listings.timeline_rounds, links),
            application_rows=functools.partial(listings.application_rows, links),
            plan_items=functools.partial(listings.plan_items, links),
            grouped_items=functools.partial(listings.grouped_items, links),
            feedback_rows=functools.partial(listings.feedback_rows, links),
            search_note_items=functools.partial(listings.search_notes, links),
            insight_rows=listings.insight_rows,
            **context,
        )

    def entry_header(self, entry: Entry) -> str:
        """The laid-out reflection shown above an entry's own notes."""
        app = self.journal.application_of.get(entry.path)
        page_url = self._url(entry)
        base = relative_prefix(page_url)

        def url(other: Entry) -> str:
            return base + self._url(other)

        settings = self.journal.settings

        def tag_link(tag: str) -> str:
            return base + tag_url(tag, settings.directory_urls)

        header = EntryHeader(
            entry,
            app,
            url,
            settings.today,
            settings.shows_private,
            tag_link,
            self.journal.view(build_plan),
            base + prep_url(entry.path, settings.directory_urls) if entry.path in self._upcoming else None,
        )
        if self._entry_frame is None:
            self._entry_frame = _stock_frame(self.env)
        if self._entry_frame:
            # The packaged entry.html only frames `{{ header }}`: the same text, without a Jinja
            # render per entry (its context alone cost as much as building the header).
            return "".join((self._entry_frame[0], header.__html__(), self._entry_frame[1]))
        return self.render("entry.html", page_url, entry=entry, application=app, header=header)

    def page(self, page: GeneratedPage) -> str:
        """A generated page (home, timeline, lessons...), built from the whole journal."""
        page_url = entry_url(page.src_uri, self.journal.settings.directory_urls)
        with collector_paused():
            return self.render(page.template, page_url, page=page, **page.context(self.journal))

    def problems_page(self, rel: str, problems: Sequence[Problem]) -> str:
        """What `mkdocs serve` shows in place of an entry it could not read."""
        return self.render(
            "problems.html", entry_url(rel, self.journal.settings.directory_urls), problems=problems
        )

    def problems_notice(self, problems: Sequence[Problem], page_url: str) -> str:
        """The notice `mkdocs serve` puts on every page while entries have problems."""
        return self.render("problems_notice.html", page_url, problems=problems)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a journal page is built, on again after.

    A journal page makes its view of the whole journal (at 5,000 entries some 100,000
    objects: every lesson with its mentions...) and most of it is dropped once the page
    is written. Left on, the collector walked those objects again and again while they
    were made, and moved them to its oldest generation, whose growth then set off full
    collections of everything MkDocs holds (in a 5,000-entry build: 10 full collections
    became 8, and the collector's CPU 0.94-1.10 s became 0.82-0.84 s). Nothing is missed:
    what a page leaves in reference cycles is collected as usual once the collector is
    back on. A collector already turned off (by a caller of the build) stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


#: The packaged entry.html (an override of it in theme_overrides/growthlog/ is rendered as a template).
_STOCK_ENTRY = str(TEMPLATES.resolve() / "entry.html")
_HEADER_MARK = "\x00growthlog-header\x00"


def _stock_frame(env: jinja2.Environment) -> tuple[str, str] | tuple[()]:
    """What the packaged entry.html writes before and after `{{ header }}`; () when it is not in use.

    Found by rendering it once with a mark for the header. Only the packaged template, which
    uses nothing but `header`, is framed this way; an override is always rendered as written.
    """
    template = env.get_template("entry.html")
    if template.filename is None or not os.path.samefile(template.filename, _STOCK_ENTRY):
        return ()
    try:
        framed = template.render(header=Markup(_HEADER_MARK))
    except jinja2.UndefinedError:  # it uses more than the header now: render it per entry
        return ()
    before, mark, after = framed.partition(_HEADER_MARK)
    return (before, after) if mark and _HEADER_MARK not in after else ()

"""The plugin's options in mkdocs.yml, and what the build takes from MkDocs' configuration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c

from growthlog.build.options import SiteOptions
from growthlog.privacy.site_guard import ENCRYPT_PLUGIN

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


class GrowthlogConfig(base.Config):
    """`plugins: - growthlog:` options in mkdocs.yml."""

    today = c.Optional(c.Type((str, dt.date)))
    """Fix 'today' for reproducible builds (the GROWTHLOG_TODAY variable wins)."""
    pipeline_floor = c.Type(int, default=3)
    """Warn when fewer applications than this are active."""
    ghost_after_days = c.Type(int, default=21)
    """An application silent this many days counts as ghosted."""
    show_private = c.Type(bool, default=False)
    """Show private data and drafts in a `mkdocs build` (GROWTHLOG_SHOW_PRIVATE=0/1 wins)."""
    cache = c.Type(bool, default=True)
    """Keep parsed entries in .cache/growthlog/ so that the next build reads only changed ones."""
    raw_html = c.Choice(("clean", "keep"), default="clean")
    """`keep`: publish raw HTML in notes as written, scripts included (see privacy/raw_html.py)."""


def site_options(options: GrowthlogConfig, config: MkDocsConfig) -> SiteOptions:
    """What this build's `JournalSite` needs to know of the plugin's options and MkDocs' config."""
    return SiteOptions(
        today=options.today,  # type: ignore[arg-type]  # c.Optional is untyped
        show_private=options.show_private,
        pipeline_floor=options.pipeline_floor,
        ghost_after_days=options.ghost_after_days,
        keep_entries=options.cache,
        directory_urls=config.use_directory_urls,
        site_name=config.site_name,
        docs_dir=config.docs_dir,
        site_dir=config.site_dir,
        config_file=config.config_file_path or None,
        custom_dir=config.theme.custom_dir,
        # encryptcontent encrypts a page's content, not its <title>: entry titles go neutral.
        protected=ENCRYPT_PLUGIN in config.plugins,
        password=_password(config),
        raw_html=options.raw_html,
        markdown_extensions=tuple(config.markdown_extensions),
        markdown_configs=dict(config.mdx_configs or {}),
    )


def _password(config: MkDocsConfig) -> str | None:
    """The password the protection plugin was given, if it is there and has one."""
    plugin = config.plugins.get(ENCRYPT_PLUGIN)
    value = getattr(plugin, "config", {}).get("global_password") if plugin is not None else None
    return value if isinstance(value, str) else None


#: growthlog's fixes to Material's templates (the search dialog's accessible name): shipped in
#: the package, so a journal needs no custom_dir for them.
THEME_FIXES = Path(__file__).parent / "theme"


def add_theme_fixes(config: MkDocsConfig) -> None:
    """Put THEME_FIXES between the journal's custom_dir (which still wins) and Material's templates."""
    if config.theme.name != "material":
        return
    dirs = config.theme.dirs
    if str(THEME_FIXES) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_FIXES))

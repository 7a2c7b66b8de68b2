"""What the engine's configuration says about a build, and the settings made of it (or its refusal).

The engine adapter reads its own configuration into `SiteOptions`. Which mode a build
runs in (a local view with private data and drafts, or a publish build) is decided
here, once, the GROWTHLOG_* variables winning over the configuration; a command that
publishes asked to show private data, or a protected build without its password, is
refused before any entry is read (the rules are privacy/gates.py).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from growthlog.build.errors import SiteError
from growthlog.journal.settings import Mode, Settings, resolve_today
from growthlog.pages.renderer import OVERRIDE_FOLDER
from growthlog.privacy.gates import password_refusal, password_variable, show_private_refusal
from growthlog.privacy.site_guard import SHOW_PRIVATE_ENV, show_private

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from growthlog.build.errors import BuildLog


@dataclasses.dataclass(frozen=True, slots=True)
class SiteOptions:
    """What the engine's configuration says about this build."""

    today: str | dt.date | None = None
    """The configured 'today' (the GROWTHLOG_TODAY variable wins)."""
    show_private: bool = False
    """The configured show_private (the GROWTHLOG_SHOW_PRIVATE variable wins)."""
    pipeline_floor: int = 3
    ghost_after_days: int = 21
    keep_entries: bool = True
    """Keep parsed entries on disk beside the config file between builds."""
    directory_urls: bool = True
    site_name: str = "Growth journal"
    docs_dir: str = "entries"
    site_dir: str = "site"
    config_file: str | None = None
    custom_dir: str | None = None
    """The theme's folder of the user's overrides; its growthlog/ folder overrides our templates."""
    protected: bool = False
    """A plugin encrypts each page's content (not its title): entry titles go neutral."""
    password: str | None = None
    """The password that plugin was given (a build refuses to run without one)."""
    raw_html: str = "clean"
    """`clean`: a publish build removes unsafe raw HTML from notes (privacy/raw_html.py); `keep`: it does not."""
    markdown_extensions: tuple[Any, ...] = ()
    """The Markdown extensions the engine renders notes with (names, as Python-Markdown loads them)..."""
    markdown_configs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    """...and their options, by name: the private parts are read with the same configuration."""

    @property
    def override_dirs(self) -> list[Path]:
        """The folders of the user's template overrides, searched before ours."""
        custom_dir = self.custom_dir
        return [Path(custom_dir, OVERRIDE_FOLDER)] if custom_dir else []


def settings_for(options: SiteOptions, *, serving: bool, command: str, log: BuildLog) -> Settings:
    """The settings of a build, from the engine's configuration and the GROWTHLOG_* variables.

    Raises `SiteError` for a bad value, a command that publishes asked to show private
    data, or a protected build without its password.
    """
    try:
        today = resolve_today(options.today)
        local = serving or show_private(options.show_private, os.environ)
    except ValueError as err:
        raise SiteError(f"growthlog: {err}") from None
    if local and not serving:
        refusal = show_private_refusal(command, SHOW_PRIVATE_ENV in os.environ)
        if refusal is not None:
            raise SiteError(f"growthlog: {refusal}")
        log.info("show_private is on: this site shows private data and drafts; do not publish it")
    if options.protected and not serving:
        config_file = Path(options.config_file) if options.config_file else None
        refusal = password_refusal(
            options.password,
            password_variable(config_file),
            config_file.name if config_file else "the password configuration",
            os.environ,
        )
        if refusal is not None:
            raise SiteError(f"growthlog: {refusal}")
    return Settings(
        today=today,
        mode=Mode.LOCAL if local else Mode.PUBLISH,
        pipeline_floor=options.pipeline_floor,
        ghost_after_days=options.ghost_after_days,
        directory_urls=options.directory_urls,
    )

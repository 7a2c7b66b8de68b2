"""The settings a journal is built with, and the GROWTHLOG_* variables that set them."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from enum import StrEnum

TODAY_ENV = "GROWTHLOG_TODAY"


class Mode(StrEnum):
    """Local shows everything, drafts and private parts marked; publish leaves them out."""

    LOCAL = "local"
    PUBLISH = "publish"


@dataclass(frozen=True, slots=True)
class Settings:
    """What the views depend on besides the entries."""

    today: dt.date = field(default_factory=dt.date.today)
    mode: Mode = Mode.PUBLISH
    pipeline_floor: int = 3
    ghost_after_days: int = 21
    directory_urls: bool = True

    @property
    def shows_private(self) -> bool:
        return self.mode is Mode.LOCAL


def resolve_today(configured: str | dt.date | None) -> dt.date:
    """'Today' for reproducible builds: the GROWTHLOG_TODAY variable, then the config, then the clock."""
    raw = os.environ.get(TODAY_ENV) or configured
    if raw is None or raw == "":
        return dt.date.today()
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise ValueError(f"'today' must be a date YYYY-MM-DD; found {str(raw)!r}") from None

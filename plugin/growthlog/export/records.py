"""What of an entry goes out in an export: one rule for every format.

An entry's fields are exported by walking the `Entry` dataclass, so a field added
to the model goes out too (and the JSON Schema test names it until the schema
lists it). Without `--private`, the fields no page shows (interviewers, private,
extra) stay out, and the notes lose their private blocks and HTML comments, as a
published page does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from growthlog.entries.model import Entry
from growthlog.entries.private_parts import public_markdown
from growthlog.entries.public_fields import UNSHOWN_FIELDS
from growthlog.entries.schema import ROUND_ONLY

#: Entry attributes that are not front matter fields (the notes go out as `notes`; `lines` says
#: where fields are in the file, for messages).
_NOT_FIELDS = frozenset({"body", "body_line", "lines"})
#: Renamed on the way out: the entry format's name (the model's says more in code).
_RENAMED = {"application_id": "application", "note_title": "title"}


def plain(value: Any) -> Any:
    """A model value as JSON-ready data: enums by their value, dates as ISO text, parts as mappings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A part's `line` (where it is in the file, compare=False) is not content: it is left out.
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.compare}
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def public_notes(body: str) -> str:
    """An entry's notes without their private parts and HTML comments (see `public_markdown`)."""
    return public_markdown(body).strip()


def entry_record(entry: Entry, application_key: str | None, private: bool) -> dict[str, Any]:
    """One entry as exported: every field in the model's order, the application key and the notes.

    A journal note's round fields (company, stage, outcome...) are placeholders in the model:
    they go out as null, as does its application key (a note belongs to no application).
    """
    record: dict[str, Any] = {}
    for f in dataclasses.fields(Entry):
        name = f.name
        if name in _NOT_FIELDS or (name in UNSHOWN_FIELDS and not private):
            continue
        value = getattr(entry, name)
        if name == "private":
            record[name] = {v.key.removeprefix("private."): v.value for v in value}
        elif name == "extra":
            record[name] = dict(value)
        else:
            out = _RENAMED.get(name, name)
            record[out] = None if entry.is_note and out in ROUND_ONLY else plain(value)
    record["application_key"] = application_key
    record["notes"] = entry.body.strip() if private else public_notes(entry.body)
    return record

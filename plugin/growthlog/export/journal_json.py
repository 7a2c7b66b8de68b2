"""The journal as one JSON file: every entry's fields, and the applications they group into.

The format is described by `journal.schema.json` (JSON Schema 2020-12), shipped
beside this module and checked against real exports in the tests. Output is
stable: entries by date then path, applications by their first round, keys in
the model's order, so a journal kept in git shows only what changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from growthlog.export.records import entry_record

if TYPE_CHECKING:
    from growthlog.journal.journal import Journal

FILE_NAME = "growthlog.json"
#: The JSON Schema of the file (its `$id` names this version of the format).
SCHEMA_FILE = Path(__file__).with_name("journal.schema.json")
#: Raised when the format changes in a way a reader of the last one would misread.
FORMAT_VERSION = 1


def journal_data(journal: Journal, private: bool) -> dict[str, Any]:
    """The document: what it holds, its entries and its applications."""
    application_of = journal.application_of
    keys = {path: app.key for path, app in application_of.items()}
    return {
        "format": "growthlog-journal",
        "version": FORMAT_VERSION,
        "private": private,
        "entries": [entry_record(e, keys.get(e.path), private) for e in journal.entries],
        "applications": [
            {
                "key": app.key,
                "company": app.company,
                "role": app.role,
                "first_date": app.first.date.isoformat(),
                "latest_date": app.latest.date.isoformat(),
                "furthest_stage": app.furthest_stage.value,
                "outcome": app.outcome.value,
                "rounds": [r.path for r in app.rounds],
            }
            for app in journal.applications
        ],
    }


def export_json(journal: Journal, private: bool) -> str:
    """The file's text: indented, UTF-8 as written (not \\u escapes), ending with a newline."""
    return json.dumps(journal_data(journal, private), ensure_ascii=False, indent=2) + "\n"

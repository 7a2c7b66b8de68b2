"""Gates that refuse a build or a publish that cannot be made safe, with one line saying why.

Engine-neutral: the adapter hands in what its configuration holds (the password the
protection plugin was given, the command being run); each gate answers with the
message to stop on, or None.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from growthlog.privacy.site_guard import SHOW_PRIVATE_ENV

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

#: The variable mkdocs.encrypt.yml reads the password from, as shipped.
PASSWORD_ENV = "GROWTHLOG_PASSWORD"
#: Commands that only show the site on this machine; every other command writes a site to share.
LOCAL_COMMANDS = frozenset({"serve"})
#: Commands that may show private data when the user opts in (`mkdocs build` to open site/ from disk).
PRIVATE_OPT_IN_COMMANDS = frozenset({"serve", "build"})

_ENV_TAG = re.compile(
    r"^\s*global_password\s*:\s*!ENV\s*\[?\s*['\"]?(?P<name>[A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE
)
_INHERIT = re.compile(r"^INHERIT\s*:\s*['\"]?(?P<file>[^'\"#\n]+?)['\"]?\s*(?:#.*)?$", re.MULTILINE)


def password_variable(config_file: Path | None) -> str:
    """The environment variable the password configuration reads its password from.

    Read from the file's text (and the files it INHERITs), because the engine hands
    the plugin the value only; `GROWTHLOG_PASSWORD` when no `!ENV` tag names one.
    """
    seen: set[Path] = set()
    while config_file is not None and config_file not in seen:
        seen.add(config_file)
        try:
            text = config_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            break
        found = _ENV_TAG.search(text)
        if found:
            return found["name"]
        parent = _INHERIT.search(text)
        config_file = config_file.parent / parent["file"].strip() if parent else None
    return PASSWORD_ENV


def password_refusal(
    password: object, variable: str, config_name: str, environ: Mapping[str, str]
) -> str | None:
    """Why a password-protected build must stop, or None when it has a password.

    Without one the protection plugin encrypts nothing and every page goes out in
    clear text, looking protected (only the titles change). The message names the
    variable, says whether it is unset or empty, and points at a near miss that is
    set (a misspelt name); it never prints a value.
    """
    if isinstance(password, str) and password.strip():
        return None
    raw = environ.get(variable)
    state = "is not set" if raw is None else "is empty" if not raw else "holds only spaces"
    near = [
        name
        for name in difflib.get_close_matches(
            variable, [n for n in environ if n != variable], n=3, cutoff=0.75
        )
        if environ.get(name)
    ]
    hint = f" ({', '.join(near)} is set: a misspelling?)" if near else ""
    return (
        f"{config_name} protects the site with a password, but {variable} {state}{hint}; "
        "without a password every page would be published in clear text, so nothing was built. "
        f"Set it: {variable}='a long passphrase' mkdocs build -f {config_name}"
    )


def show_private_refusal(command: str, from_environment: bool) -> str | None:
    """Why a command must not run with private data shown, or None when it may.

    `mkdocs serve` shows private data always, and `mkdocs build` when the user opts
    in (to open site/ from disk); any other command (`gh-deploy`, or one this
    module does not know) publishes what it builds.
    """
    if command in PRIVATE_OPT_IN_COMMANDS:
        return None
    where = f"{SHOW_PRIVATE_ENV}=1 is set" if from_environment else "show_private: true is in mkdocs.yml"
    return (
        f"{where}, and `{command}` would publish private data and drafts; nothing was built. "
        f"Turn it off (or set {SHOW_PRIVATE_ENV}=0), or publish with `growthlog publish`, "
        "which always builds without private data"
    )

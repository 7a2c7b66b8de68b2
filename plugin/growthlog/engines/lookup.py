"""Which engine builds the journal, and which config file it reads, found without importing either.

growthlog's commands (check, new, publish, serve, init, scan) run wherever the user
is, with MkDocs or ProperDocs (its maintained fork) installed. They never import
the engine: it is found with `importlib.util.find_spec` and run as a subprocess
(`python -m mkdocs` or `python -m properdocs`), so one process never holds both,
and a command that only reads entries does not pay for loading one.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: The engines growthlog's plugin runs under, in order of preference: ProperDocs first,
#: because Material installs MkDocs anyway, so a ProperDocs beside it was chosen on purpose.
ENGINES = ("properdocs", "mkdocs")

#: Chooses the engine when --engine does not (CI runs the suite under each this way).
ENGINE_ENV = "GROWTHLOG_ENGINE"

#: The config files looked for in a journal's folder, in ProperDocs' order (MkDocs reads
#: only the last two; growthlog always names the file it found, so both engines read it).
CONFIG_NAMES = ("properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml")

#: The engines' own defaults, when the config (and every file it INHERITs) names none.
DEFAULT_DOCS_DIR = "docs"
DEFAULT_SITE_DIR = "site"

#: Where `growthlog new` and `check` look when there is no config file at all.
DEFAULT_ENTRIES_DIR = "entries"


class EngineError(Exception):
    """No usable engine or config; the message says what was looked for and what to do."""


@dataclass(frozen=True, slots=True)
class Engine:
    """An installed engine, run as `python -m NAME`."""

    name: str

    def command(self, *arguments: str) -> list[str]:
        """The command line that runs this engine with `arguments` in the current Python."""
        return [sys.executable, "-m", self.name, *arguments]


def installed_engines() -> list[str]:
    """The engines importable from this Python, in order of preference."""
    return [name for name in ENGINES if importlib.util.find_spec(name) is not None]


def find_engine(choice: str | None = None) -> Engine:
    """The engine named by `choice` (or $GROWTHLOG_ENGINE), else the preferred installed one."""
    wanted = choice or os.environ.get(ENGINE_ENV) or None
    installed = installed_engines()
    if wanted is not None:
        if wanted not in ENGINES:
            raise EngineError(f"unknown engine {wanted!r}; growthlog runs with {' or '.join(ENGINES)}")
        if wanted not in installed:
            raise EngineError(
                f"{wanted} is not installed in this Python ({sys.executable}): pip install {wanted}"
            )
        return Engine(wanted)
    if not installed:
        raise EngineError(
            f"neither ProperDocs nor MkDocs is installed in this Python ({sys.executable}): "
            "pip install properdocs (or mkdocs)"
        )
    return Engine(installed[0])


@dataclass(frozen=True, slots=True)
class JournalConfig:
    """What growthlog's commands need of a journal's config file, as the engine resolves it."""

    config_file: Path
    docs_dir: Path
    site_dir: Path


def find_config_file(folder: Path = Path()) -> Path | None:
    """The journal's config file in `folder`, as ProperDocs looks for it; None when there is none."""
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file():
            return path
    return None


def read_config(config_file: Path) -> JournalConfig:
    """`docs_dir` and `site_dir` of `config_file`, following `INHERIT:` as the engines do.

    Both are resolved against the folder of the file given (the engines do the same,
    whichever file of an INHERIT chain names them). Raises EngineError when the file
    cannot be read as a YAML mapping.
    """
    settings = _settings(config_file)
    base = config_file.parent
    docs = settings.get("docs_dir")
    site = settings.get("site_dir")
    return JournalConfig(
        config_file=config_file,
        docs_dir=base / (docs if isinstance(docs, str) and docs else DEFAULT_DOCS_DIR),
        site_dir=base / (site if isinstance(site, str) and site else DEFAULT_SITE_DIR),
    )


def find_config(config_file: Path | None = None, folder: Path = Path()) -> JournalConfig:
    """The journal's config: `config_file` when given, else the first of CONFIG_NAMES in `folder`."""
    if config_file is None:
        config_file = find_config_file(folder)
        if config_file is None:
            raise EngineError(
                f"no {' or '.join(CONFIG_NAMES[::2])} in {folder.resolve()}; run growthlog in your "
                "journal's folder (or start one with growthlog init)"
            )
    elif not config_file.is_file():
        raise EngineError(f"{config_file} not found; run growthlog in your journal's folder")
    return read_config(config_file)


def entries_dir(folder: Path = Path()) -> Path:
    """Where the entries are: the config's docs_dir, or `entries` without a readable config."""
    config_file = find_config_file(folder)
    if config_file is None:
        return folder / DEFAULT_ENTRIES_DIR
    try:
        return read_config(config_file).docs_dir
    except EngineError:
        return folder / DEFAULT_ENTRIES_DIR


def _settings(config_file: Path) -> dict[str, Any]:
    """The top-level settings of `config_file` merged with those of the files it INHERITs."""
    chain: list[dict[str, Any]] = []
    seen: set[Path] = set()
    path: Path | None = config_file
    while path is not None and path.resolve() not in seen:
        seen.add(path.resolve())
        data = _load(path)
        chain.append(data)
        parent = data.get("INHERIT")
        path = path.parent / parent if isinstance(parent, str) and parent else None
    merged: dict[str, Any] = {}
    for data in reversed(chain):  # the child's settings win, as in the engines' merge
        merged.update(data)
    return merged


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EngineError(f"cannot read {path}: {err}") from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # a safe loader: plain values only
    except yaml.YAMLError as err:
        raise EngineError(f"{path} is not valid YAML: {err}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EngineError(f"{path} must be a mapping of settings (site_name: ..., docs_dir: ...)")
    return data


class _ConfigLoader(yaml.SafeLoader):
    """Plain values, `!ENV` as the engines read it, and every other tag (`!!python/name:`,
    `!relative`) kept as its text: growthlog reads docs_dir and site_dir, nothing it runs."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    # pyyaml-env-tag's rule: `!ENV NAME`, or `!ENV [NAME, OTHER, default]`: the first variable set wins.
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        return None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default


def _any_tag(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("", _any_tag)

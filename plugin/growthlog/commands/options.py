"""The options every command that runs the engine takes, written once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from growthlog.engines.lookup import ENGINES

if TYPE_CHECKING:
    from collections.abc import Callable

F = TypeVar("F", bound="Callable[..., object]")


def engine_options(verb: str) -> Callable[[F], F]:
    """`-f/--config-file` and `--engine`, for a command that `verb`s with the engine ("Build", "Serve")."""

    def decorate(command: F) -> F:
        command = click.option(
            "--engine",
            type=click.Choice(ENGINES),
            help=f"{verb} with this engine (default: ProperDocs when installed, else MkDocs).",
        )(command)
        return click.option(
            "-f",
            "--config-file",
            type=click.Path(path_type=Path, dir_okay=False),
            help="The journal's config file (default: properdocs.yml, else mkdocs.yml).",
        )(command)

    return decorate

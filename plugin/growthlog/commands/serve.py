"""`growthlog serve`: the journal's live preview, with whichever engine is installed."""

from __future__ import annotations

import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import click

from growthlog.commands.options import engine_options
from growthlog.engines.lookup import EngineError, find_config, find_engine

if TYPE_CHECKING:
    from pathlib import Path


@click.command("serve", context_settings={"ignore_unknown_options": True})
@engine_options("Serve")
@click.option(
    "-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on (IP:PORT)."
)
@click.option(
    "--dirty/--full",
    default=True,
    show_default=True,
    help="Rebuild only the pages a save changes (growthlog decides which), or every page.",
)
@click.argument("engine_args", nargs=-1, type=click.UNPROCESSED)
def serve_command(
    config_file: Path | None, engine: str | None, dev_addr: str, dirty: bool, engine_args: tuple[str, ...]
) -> None:
    """Preview the journal, private parts and drafts included, on this machine.

    Every save updates the pages: by default only those the save changes (the engine's
    --dirty rebuild, with growthlog's pages, search index and removed pages kept right).
    Options after `--` go to the engine's serve.
    """
    try:
        config = find_config(config_file)
        runner = find_engine(engine)
    except EngineError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    command = runner.command(
        "serve", "--config-file", str(config.config_file), "--dev-addr", dev_addr, *engine_args
    )
    if dirty:
        command.append("--dirty")
    sys.exit(_run_until_stopped(command))


def _run_until_stopped(command: list[str]) -> int:
    """Run the engine's serve; stopping growthlog (Ctrl-C, SIGTERM) stops the engine too."""
    process = subprocess.Popen(command)
    # Ctrl-C reaches both processes (one process group); a SIGTERM reaches only this one.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: process.terminate())
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            continue  # the engine got the same Ctrl-C: wait for it to finish stopping

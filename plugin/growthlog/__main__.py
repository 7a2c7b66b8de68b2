"""`python -m growthlog`: the growthlog command, for when its script is not on PATH."""

from growthlog.cli import main

main(prog_name="growthlog")

"""growthlog: a personal interview growth log, built into a private journal site."""

__version__ = "0.2.0"

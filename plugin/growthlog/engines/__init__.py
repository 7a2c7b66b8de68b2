"""Adapters to site engines: the only code that may import an engine (MkDocs, ProperDocs, Material)."""

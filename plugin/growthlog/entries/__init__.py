"""READ: an entry file in, an `Entry` plus problems out (no MkDocs, no HTML)."""

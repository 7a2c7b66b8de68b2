"""COLLECT: the journal's numbers and groupings across entries (no HTML, no engine)."""

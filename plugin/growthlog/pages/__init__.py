"""RENDER: the journal's pages and entry headers as HTML, engine-neutral (Jinja, autoescaped)."""

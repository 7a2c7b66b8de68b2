"""The MkDocs (and ProperDocs, its fork) adapter: build events mapped onto growthlog's core."""

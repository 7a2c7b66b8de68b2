"""Starting a journal of your own: `growthlog init`."""

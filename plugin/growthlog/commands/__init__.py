"""The `growthlog` commands that work on a whole journal: init, serve, scan (each its own module)."""

"""YOUR DATA OUT: the journal as files a user keeps, imports or subscribes to (`growthlog export`).

`formats` is the registry of formats (JSON, CSV, iCalendar...), `records` the one
rule for what of an entry goes out, `writer` the one place files are written.
"""

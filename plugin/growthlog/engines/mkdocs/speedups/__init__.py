"""Speed tricks that reach into MkDocs' or Material's internals, each fenced: a switch, a debug
line when it turns itself off, and a test that its output equals the plain path's."""

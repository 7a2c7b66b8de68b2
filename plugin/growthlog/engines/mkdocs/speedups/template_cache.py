"""Material's compiled templates kept from one serve rebuild to the next.

MkDocs makes a new theme environment for every rebuild, which compiled Material's
templates again on every save (a tenth of a second); this keeps their compiled code.
"""

from __future__ import annotations

import jinja2

from growthlog.engines.mkdocs.speedups import enabled

NAME = "template_cache"


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process.

    Jinja checks each template's source checksum before using its stored code,
    so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def install(self, env: jinja2.Environment) -> None:
        """Let `env` (a serve rebuild's theme environment) use and fill this cache, unless it has its own."""
        if env.bytecode_cache is None and enabled(NAME):
            env.bytecode_cache = self

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

"""Material's compiled templates kept from one serve rebuild to the next."""

from __future__ import annotations

import jinja2


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process.

    Jinja checks each template's source checksum before using its stored code,
    so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

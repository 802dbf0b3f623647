"""Compiled Jinja templates shared by every build in one process.

Why: static-i18n builds each language with a Jinja environment of its own, so
the theme's ~40 templates were compiled once per language, and ``mkdocs serve``
compiled them all again after every save. Compiling is a tenth of the real
site's build. Jinja checks each template's source checksum before it reuses
the code, so an edited template in ``overrides/`` is compiled afresh.

Plain Python over Jinja (no MkDocs import); ``hooks/i18n_pages.py`` installs it.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

_compiled: dict[str, tuple[str, bytes]] = {}  # bucket key -> (source checksum, marshalled code)


class SharedTemplateCache(BytecodeCache):
    """A process-wide, in-memory bytecode cache (nothing is written to disk)."""

    def load_bytecode(self, bucket: Bucket) -> None:
        found = _compiled.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.bytecode_from_string(found[1])

    def dump_bytecode(self, bucket: Bucket) -> None:
        _compiled[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())

    def clear(self) -> None:
        _compiled.clear()

"""State that several MkDocs hook modules share during one build.

MkDocs imports each hook file as a separate module, so module-level variables
in one hook are invisible to another. This plain module is imported once.
"""

from __future__ import annotations

# language -> rendered 404.html of that language's build
not_found_pages: dict[str, str] = {}

# the citation engine's per-build state (see hooks/citations.py)
registry = None
registry_fingerprint: tuple = ()
corpus = None
corpus_fingerprint: tuple = ()
citation_context = None
# the site's profile (peraturan.build.profile.Profile): instrument types, regulations folder, checker name
profile = None

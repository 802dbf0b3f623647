"""The one state a build shares: a typed object, started afresh for every build.

MkDocs imports each hook file as a module of its own, so hooks cannot share module
variables; every hook reads and writes this one ``BuildState`` instead (``current()``).
``hooks/citations.py`` starts a new one in ``on_config`` for each build (``begin``), also
each rebuild of ``mkdocs serve``; static-i18n's nested language builds continue the
state of the build they belong to. What a new build may take over from the previous
one (the registry, the corpus check and its scan of unchanged files, the citation
context) is reused only while the fingerprint of its inputs is the same; everything
else starts empty. Plain Python: the engine's types, no MkDocs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .build.profile import Profile
from .checker.block import CheckerSetup
from .explainer.data import SiteData
from .legal.corpus import Corpus, ScanCache
from .legal.mdext import CitationContext
from .legal.model import Registry

# Fields a new build starts empty; the others carry over and are checked by fingerprint.
PER_BUILD = {"per_build": True}


@dataclass
class BuildState:
    """Everything the hooks of one build share."""

    # the mkdocs command ("build", "serve"), from on_startup: serve writes no policy (hooks/security.py)
    command: str = "build"
    # the site's profile (instrument types, regulations folder, checker name) and as-of date
    profile: Profile | None = None
    as_of: dt.date | None = None
    # the site's languages as static-i18n lists them, the default one (served at the root) first
    languages: tuple[str, ...] = ()
    # the registry and the identity of regulations/*.yml (+ the profile's types) it was loaded from
    registry: Registry | None = None
    registry_fingerprint: tuple = ()
    # the whole-site citation check and the fingerprint of ALL its inputs: pages, regulations,
    # rules, data, includes, mkdocs*.yml, as-of date, languages (hooks/citations.py)
    corpus: Corpus | None = None
    inputs_fingerprint: tuple = ()
    # the Markdown extension's per-page context (its caches of rendered links and previews)
    citation_context: CitationContext | None = None
    # corpus.scan_page's per-file work, kept while a file's (path, mtime, size) is unchanged
    scan_cache: ScanCache = field(default_factory=dict)

    # ---- this build only
    # the explainer's data (data/, includes/) and the checker's rules, as the blocks read them
    site_data: SiteData | None = field(default=None, metadata=PER_BUILD)
    checker: CheckerSetup = field(default_factory=CheckerSetup, metadata=PER_BUILD)
    # language -> that language's rendered 404.html (hooks/i18n_pages.py -> hooks/i18n_finish.py)
    not_found_pages: dict[str, str] = field(default_factory=dict, metadata=PER_BUILD)
    # located block errors of the page pass, reported at once (hooks/blocks.py)
    block_problems: list[str] = field(default_factory=list, metadata=PER_BUILD)
    # page src_uri -> its hidden citation previews, from on_page_content to on_post_page (hooks/citations.py)
    previews: dict[str, str] = field(default_factory=dict, metadata=PER_BUILD)
    # the trim run of this build (sitekit.trim.TrimRun; sitekit is no part of the engine) (hooks/trim.py)
    trim_run: Any = field(default=None, metadata=PER_BUILD)
    # the file name of the site's search worker, from its sources (hooks/search.py)
    search_worker: str | None = field(default=None, metadata=PER_BUILD)


_state = BuildState()


def current() -> BuildState:
    """The state of the build that is running (read it in each event, never keep it)."""
    return _state


def nested(config: Any) -> bool:
    """Whether ``config`` is a language build static-i18n runs inside the outer one. It runs
    every hook again into the same site folder and continues this state, so work done once
    per build (checks of every language, the indexes, trim, the policy) is the outer build's.
    (Reads the config's plugins; no MkDocs import.)"""
    i18n = config.plugins.get("i18n")
    return i18n is not None and i18n.building


def begin() -> BuildState:
    """Start a build: per-build fields empty, the rest carried over for reuse by fingerprint."""
    global _state
    fresh = {f.name: (f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default)
             for f in dataclasses.fields(BuildState) if f.metadata.get("per_build")}
    _state = dataclasses.replace(_state, **fresh)
    return _state

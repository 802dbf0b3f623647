"""The explainer's data for one build: ``data/`` and ``includes/`` read once, every
problem of every file reported at once, and only the files the pages use (a site that
places no block needs no data file, so the engine serves a site with other data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..build.diagnostics import Diagnostic, EngineError
from ..legal.model import Registry
from . import authority, bibliography, dated, glossary, terms

DATA = "data"


INCLUDES = "includes"


LANGS = ("id", "en")


@dataclass
class SiteData:
    registry: Registry | None = None
    as_of: dt.date | None = None
    bibliography: bibliography.Bibliography | None = None
    amounts: dated.Amounts | None = None
    limits: dict[str, dated.Limit] = field(default_factory=dict)
    authority: authority.AuthorityMap | None = None
    abbreviations: dict[str, list[glossary.Abbreviation]] = field(default_factory=dict)
    terms: terms.Terms | None = None  # one name per concept (data/terms.yml), when the site has the file




TERMS = "terms.yml"


# Which data file a page needs, by the markers it contains.
_USES = {
    "amounts": ("px:amounts-table", "key=amount."),
    "authority": ("px:authority-map",),
    "limits": ("px:limit-history", "px:value"),
    "bibliography": ("[@", "px:study", "px:sources", "px:amounts-table", "px:authority-map"),
}


def used_data(docs_dir: Path) -> set[str]:
    """The data files the pages use. A site that places no block needs no data file,
    so the engine stays reusable by a site with another registry (like the checker's rules)."""
    texts = [path.read_text(encoding="utf-8") for path in docs_dir.rglob("*.md")]
    return {name for name, markers in _USES.items() if any(m in text for text in texts for m in markers)}


class WithSiteData(Protocol):
    """What the explainer's blocks and page checks are handed: the build's state
    (``peraturan.state.BuildState``), of which they read the site's data only."""

    site_data: SiteData | None


def site_of(build: WithSiteData | None) -> SiteData:
    """The build's loaded site data; an empty one when nothing was loaded (a site without data)."""
    site = getattr(build, "site_data", None)
    return site if site is not None else SiteData()


def load(root: Path, registry: Registry, as_of: dt.date, used: set[str] | None = None) -> SiteData:
    """Load and check the data files in ``used`` (default: all); raise one EngineError listing all problems."""
    problems: list[Diagnostic] = []
    site = SiteData(registry, as_of)
    used = set(_USES) if used is None else used

    def attempt(function, *args):
        try:
            return function(*args)
        except EngineError as error:
            problems.extend(error.diagnostics)
            return None

    data = root / DATA
    if used & {"bibliography", "amounts", "authority"}:
        site.bibliography = attempt(bibliography.load_bibliography, data / "bibliography.yml",
                                     f"{DATA}/bibliography.yml")
    if site.bibliography is not None and "amounts" in used:
        site.amounts = attempt(dated.load_amounts, data / "amounts.yml", f"{DATA}/amounts.yml", registry, as_of,
                                site.bibliography)
    if site.bibliography is not None and "authority" in used:
        site.authority = attempt(authority.load_authority, data / "authority.yml", f"{DATA}/authority.yml", registry,
                                  as_of, site.bibliography)
    if "limits" in used:
        site.limits = attempt(dated.load_limits, data / "limits.yml", f"{DATA}/limits.yml", registry, as_of) or {}
    if (data / TERMS).is_file():
        site.terms = attempt(terms.load_terms, data / TERMS, f"{DATA}/{TERMS}")
    for lang in LANGS:
        name = glossary.abbreviation_file(lang)
        found, issues = glossary.read_abbreviations(root / INCLUDES / name, f"{INCLUDES}/{name}")
        site.abbreviations[lang] = found
        problems.extend(issues)
    problems.extend(glossary.check_pair(site.abbreviations["id"], site.abbreviations["en"],
                                        f"{INCLUDES}/{glossary.abbreviation_file('en')}"))
    if problems:
        raise EngineError(problems)
    return site


def marker_value(args: str, lang: str, site: SiteData) -> str:
    """The text of a ``px:value`` marker (``key=... [at=YYYY-MM-DD]``); ValueError says what is wrong."""
    pairs = dict(part.split("=", 1) for part in args.split() if "=" in part)
    if "key" not in pairs:
        raise ValueError("write <!-- px:value key=NAME -->")
    return dated.value_text(pairs["key"], lang, site.as_of, site.limits, site.amounts, pairs.get("at"))

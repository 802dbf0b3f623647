"""The explainer's generated blocks and inline markers, over the site's data.

``load`` reads ``data/`` and ``includes/`` once per build (all problems at
once); the renderers registered below turn block markers into Markdown in the
page's language:

=========================  ==========================================================
``px:amounts-table``       benefit amounts: one card per period, total first, basis, sources
``px:limit-history``       one legal limit over time (``key=age_max``)
``px:authority-map``       SVG map of who decides what + numbered text alternative
``px:provision``           a provision's wording with each huruf/angka cited
                           (``cite="Perpres 36/2020 Pasal 3 ayat (5)"``)
``px:definitions``         "X adalah Y" definitions of an article (``cite=...``)
``px:abbreviations``       the language's abbreviation list as a table
``px:study``               a study's bibliographic card (``key=...``)
``px:sources``             the list of sources (``kinds=news,official``)
``px:value``               one value from data (also usable inline)
``px:nocite``              the claim-lint exemption (renders as a comment)
=========================  ==========================================================

Inline, ``expand_inline`` replaces ``[@key]`` source references and
``<!-- px:value key=... -->`` markers; ``check_pages`` validates both, and
runs the claim lint and the term lint (``data/terms.yml``), before anything
renders; ``check_data_terms`` runs the term lint over the data files.
"""

from __future__ import annotations

from collections.abc import Callable

from ..build.blocks import BlockError, BlockRequest, renderer
from ..build.diagnostics import did_you_mean
from ..build.safe import text as escape
from ..legal.citation import CitationError
from ..legal.cite import lookup
from ..legal.render import provision_box
from . import authority, bibliography, dated_tables, glossary
from .data import SiteData, marker_value, site_of

OWN_BLOCKS: dict[str, Callable[[BlockRequest], str]] = {}


def _block(name: str, *, once: bool = False):
    """Register with the engine's block registry and remember it as one of ours."""

    def register(function):
        OWN_BLOCKS[name] = function
        return renderer(name, once=once)(function)

    return register


def _site(request: BlockRequest) -> SiteData:
    """The site's data this build loaded (handed to every block in its request)."""
    return site_of(request.build)


def _need(thing, what: str):
    if thing is None:
        raise BlockError(f"{what} is not loaded (see the data errors above)")
    return thing


@_block("amounts-table")
def _amounts_table(request: BlockRequest) -> str:
    amounts = _need(_site(request).amounts, "data/amounts.yml")

    def link(entry) -> str:
        target = bibliography.ref_target(entry, request.page_rel)
        return f"[{escape(entry.short.get(request.lang))}]({target})"

    cards = dated_tables.amounts_cards(amounts, link, request.lang)
    return '<div class="px-amounts" markdown>\n\n' + cards + "\n\n</div>"


@_block("limit-history")
def _limit_history(request: BlockRequest) -> str:
    key = request.args.get("key", "")
    limit = _site(request).limits.get(key)
    if limit is None:
        raise BlockError(f"unknown limit '{key}'", did_you_mean(key, _site(request).limits) or
                         f"known: {', '.join(sorted(_site(request).limits))}")
    return dated_tables.limit_history(limit, request.lang)


@_block("authority-map", once=True)
def _authority_map(request: BlockRequest) -> str:
    amap = _need(_site(request).authority, "data/authority.yml")
    return authority.render(amap, request.lang)


@_block("study", once=True)
def _study(request: BlockRequest) -> str:
    bib = _need(_site(request).bibliography, "data/bibliography.yml")
    key = request.args.get("key", "")
    entry = bib.get(key)
    if entry is None:
        raise BlockError(f"unknown study key '{key}'", bib.suggest(key))
    if entry.kind != "study":
        raise BlockError(f"'{key}' is a {entry.kind} source, not a study")
    return bibliography.study_card(entry, request.lang)


@_block("sources", once=True)
def _sources(request: BlockRequest) -> str:
    bib = _need(_site(request).bibliography, "data/bibliography.yml")
    kinds = tuple(request.args.get("kinds", "official,news,study").split(","))
    unknown = [k for k in kinds if k not in bibliography.KINDS]
    if unknown:
        raise BlockError(f"unknown kind(s) {', '.join(unknown)}", f"kinds are {', '.join(bibliography.KINDS)}")
    return bibliography.source_list(bib, request.lang, kinds)


@_block("abbreviations")
def _abbreviations(request: BlockRequest) -> str:
    return glossary.abbreviation_table(_site(request).abbreviations.get(request.lang, []), request.lang)


@_block("definitions")
def _definitions(request: BlockRequest) -> str:
    body = request.args.get("cite", "")
    site = _site(request)
    items = glossary.definitions(_need(site.registry, "the registry"), body, site.as_of)
    return glossary.definitions_markdown(items, body, request.lang, request.args.get("partial") == "yes")


@_block("value")
def _value_block(request: BlockRequest) -> str:
    return marker_value(" ".join(f"{k}={v}" for k, v in request.args.items()), request.lang, _site(request))


@_block("nocite")
def _nocite(request: BlockRequest) -> str:
    return "<!-- px:nocite -->"


@_block("provision")
def _provision(request: BlockRequest) -> str:
    """A provision's wording in the version in force (or pinned), every item cited
    (the box itself is drawn by the legal core: ``render.provision_box``)."""
    body = request.args.get("cite", "")
    site = _site(request)
    resolved = lookup(body, _need(site.registry, "the registry"), site.as_of)
    if isinstance(resolved, CitationError):
        raise BlockError(f"[[{body}]]: {resolved.message}", resolved.suggestion)
    if len(resolved.units) != 1 or resolved.units[0].version is None or resolved.units[0].item is not None:
        raise BlockError(f"[[{body}]] must name one Pasal or ayat recorded in the registry",
                         "e.g. cite=\"Perpres 36/2020 Pasal 3 ayat (5)\"")
    return provision_box(resolved, body, request.lang)

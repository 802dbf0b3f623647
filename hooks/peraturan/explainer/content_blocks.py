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

import datetime as dt
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..build import words
from ..build.blocks import BLOCK_RE, BlockError, BlockRequest, renderer
from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.inline import blank_code_spans, sub_outside_code
from ..build.safe import text as escape
from ..build.scan import front_matter_lines, prose_lines
from ..legal.citation import CitationSyntaxError, parse
from ..legal.model import Item, Registry
from ..legal.render import display
from ..legal.resolver import ResolveError, resolve
from . import authority, bibliography, claims, dated, glossary, terms
from .sitedata import evidence_badge as data_badge

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


STATE = SiteData()
TERMS = "terms.yml"
# Data files whose bilingual strings the term lint reads (relative to the project root).
TERM_CHECKED_DATA = ("rules/eligibility.yml", "data/amounts.yml", "data/authority.yml", "data/bibliography.yml",
                     "data/limits.yml")


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


def load(root: Path, registry: Registry, as_of: dt.date, used: set[str] | None = None) -> SiteData:
    """Load and check the data files in ``used`` (default: all); raise one EngineError listing all problems."""
    problems: list[Diagnostic] = []
    state = SiteData(registry, as_of)
    used = set(_USES) if used is None else used

    def attempt(function, *args):
        try:
            return function(*args)
        except EngineError as error:
            problems.extend(error.diagnostics)
            return None

    data = root / DATA
    if used & {"bibliography", "amounts", "authority"}:
        state.bibliography = attempt(bibliography.load_bibliography, data / "bibliography.yml",
                                     f"{DATA}/bibliography.yml")
    if state.bibliography is not None and "amounts" in used:
        state.amounts = attempt(dated.load_amounts, data / "amounts.yml", f"{DATA}/amounts.yml", registry, as_of,
                                state.bibliography)
    if state.bibliography is not None and "authority" in used:
        state.authority = attempt(authority.load_authority, data / "authority.yml", f"{DATA}/authority.yml", registry,
                                  as_of, state.bibliography)
    if "limits" in used:
        state.limits = attempt(dated.load_limits, data / "limits.yml", f"{DATA}/limits.yml", registry, as_of) or {}
    if (data / TERMS).is_file():
        state.terms = attempt(terms.load_terms, data / TERMS, f"{DATA}/{TERMS}")
    for lang in LANGS:
        name = glossary.abbreviation_file(lang)
        found, issues = glossary.read_abbreviations(root / INCLUDES / name, f"{INCLUDES}/{name}")
        state.abbreviations[lang] = found
        problems.extend(issues)
    problems.extend(glossary.check_pair(state.abbreviations["id"], state.abbreviations["en"],
                                        f"{INCLUDES}/{glossary.abbreviation_file('en')}"))
    if problems:
        raise EngineError(problems)
    STATE.__dict__.update(state.__dict__)
    return STATE


# ----------------------------------------------------------------------------- page checks


def check_pages(docs_dir: Path, languages: list[str], docs_label: str = "docs",
                skip_folders: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Claim lint, source references and value keys of every hand-written page."""
    problems: list[Diagnostic] = []
    for lang in languages:
        root = docs_dir / lang
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if rel.split("/")[0] in skip_folders:
                continue
            text = path.read_text(encoding="utf-8")
            if _generated(text):
                continue
            label = f"{docs_label}/{lang}/{rel}"
            problems += claims.lint(text, label)
            if STATE.terms is not None:
                problems += terms.lint(text, label, lang, STATE.terms)
            if STATE.bibliography is not None:
                problems += bibliography.check_page(text, STATE.bibliography, label)
            problems += _check_values(text, lang, label)
            problems += _check_blocks(text, lang, rel, label)
    return problems


def check_data_terms(root: Path) -> list[Diagnostic]:
    """The term lint over the bilingual strings of the site's data files (rules, amounts, map, sources)."""
    if STATE.terms is None:
        return []
    problems: list[Diagnostic] = []
    for name in TERM_CHECKED_DATA:
        path = root / name
        if path.is_file():
            problems += terms.lint_yaml(path.read_text(encoding="utf-8"), name, STATE.terms)
    return problems


def _check_blocks(text: str, lang: str, rel: str, label: str) -> list[Diagnostic]:
    """Dry-run this module's block renderers on the source file, so a bad block is
    reported at its line in the file (the page Markdown MkDocs hands to hooks has
    lost its front matter, which shifts line numbers)."""
    problems = []
    raw_lines = text.split("\n")
    for number, _ in prose_lines(text):
        match = BLOCK_RE.match(raw_lines[number - 1].strip())
        if not match or match.group("name") not in OWN_BLOCKS:
            continue
        name = match.group("name")
        try:
            args = dict(part.split("=", 1) for part in shlex.split(match.group("args")))
            OWN_BLOCKS[name](BlockRequest(name, args, lang, rel, label, number))
        except ValueError as error:
            problems.append(Diagnostic(label, number, 1, f"block 'px:{name}': {getattr(error, 'message', error)}",
                                       getattr(error, "suggestion", "")))
    return problems


def _generated(text: str) -> bool:
    skip = front_matter_lines(text)
    return any(line.strip() == "generated: true" for line in text.split("\n")[:skip])


def _check_values(text: str, lang: str, label: str) -> list[Diagnostic]:
    problems = []
    raw_lines = text.split("\n")
    for number, _ in prose_lines(text):  # lines outside front matter and fences
        line = blank_code_spans(raw_lines[number - 1])
        for match in _VALUE_INLINE.finditer(line):
            try:
                _value(match.group("args"), lang)
            except ValueError as error:
                problems.append(Diagnostic(label, number, match.start() + 1, f"px:value: {error}"))
    return problems


# ----------------------------------------------------------------------------- inline markers

_VALUE_INLINE = re.compile(r"<!--\s*px:value(?P<args>(?:\s+[a-z_]+=\S+?)*)\s*-->")


def _value(args: str, lang: str) -> str:
    pairs = dict(part.split("=", 1) for part in args.split() if "=" in part)
    if "key" not in pairs:
        raise ValueError("write <!-- px:value key=NAME -->")
    return dated.value_text(pairs["key"], lang, STATE.as_of, STATE.limits, STATE.amounts, pairs.get("at"))


def expand_inline(markdown: str, lang: str, page_rel: str) -> str:
    """``[@key]`` references and inline ``px:value`` markers (outside code)."""

    def value(match: re.Match[str]) -> str:
        try:
            return _value(match.group("args"), lang)
        except ValueError:
            return match.group(0)  # reported by check_pages with path:line

    markdown = sub_outside_code(markdown, _VALUE_INLINE, value)
    if STATE.bibliography is not None:
        markdown = bibliography.expand_refs(markdown, STATE.bibliography, lang, page_rel)
    return markdown


# ----------------------------------------------------------------------------- block renderers


OWN_BLOCKS: dict[str, Callable[[BlockRequest], str]] = {}


def _block(name: str, *, once: bool = False):
    """Register with the engine's block registry and remember it as one of ours."""

    def register(function):
        OWN_BLOCKS[name] = function
        return renderer(name, once=once)(function)

    return register


def _need(thing, what: str):
    if thing is None:
        raise BlockError(f"{what} is not loaded (see the data errors above)")
    return thing


@_block("amounts-table")
def _amounts_table(request: BlockRequest) -> str:
    amounts = _need(STATE.amounts, "data/amounts.yml")

    def link(entry) -> str:
        target = bibliography.ref_target(entry, request.page_rel)
        return f"[{escape(entry.short.get(request.lang))}]({target})"

    return '<div class="px-amounts" markdown>\n\n' + dated.amounts_cards(amounts, link, request.lang) + "\n\n</div>"


@_block("limit-history")
def _limit_history(request: BlockRequest) -> str:
    key = request.args.get("key", "")
    limit = STATE.limits.get(key)
    if limit is None:
        raise BlockError(f"unknown limit '{key}'", did_you_mean(key, STATE.limits) or
                         f"known: {', '.join(sorted(STATE.limits))}")
    return dated.limit_history(limit, request.lang)


@_block("authority-map", once=True)
def _authority_map(request: BlockRequest) -> str:
    amap = _need(STATE.authority, "data/authority.yml")
    return authority.render(amap, request.lang)


@_block("study", once=True)
def _study(request: BlockRequest) -> str:
    bib = _need(STATE.bibliography, "data/bibliography.yml")
    key = request.args.get("key", "")
    entry = bib.get(key)
    if entry is None:
        raise BlockError(f"unknown study key '{key}'", bib.suggest(key))
    if entry.kind != "study":
        raise BlockError(f"'{key}' is a {entry.kind} source, not a study")
    return bibliography.study_card(entry, request.lang)


@_block("sources", once=True)
def _sources(request: BlockRequest) -> str:
    bib = _need(STATE.bibliography, "data/bibliography.yml")
    kinds = tuple(request.args.get("kinds", "official,news,study").split(","))
    unknown = [k for k in kinds if k not in bibliography.KINDS]
    if unknown:
        raise BlockError(f"unknown kind(s) {', '.join(unknown)}", f"kinds are {', '.join(bibliography.KINDS)}")
    return bibliography.source_list(bib, request.lang, kinds)


@_block("abbreviations")
def _abbreviations(request: BlockRequest) -> str:
    return glossary.abbreviation_table(STATE.abbreviations.get(request.lang, []), request.lang)


@_block("definitions")
def _definitions(request: BlockRequest) -> str:
    body = request.args.get("cite", "")
    items = glossary.definitions(_need(STATE.registry, "the registry"), body, STATE.as_of)
    return glossary.definitions_markdown(items, body, request.lang, request.args.get("partial") == "yes")


@_block("value")
def _value_block(request: BlockRequest) -> str:
    return _value(" ".join(f"{k}={v}" for k, v in request.args.items()), request.lang)


@_block("nocite")
def _nocite(request: BlockRequest) -> str:
    return "<!-- px:nocite -->"


PROVISION_WORDS = words.table("provision_block")  # hooks/peraturan/words.yml


@_block("provision")
def _provision(request: BlockRequest) -> str:
    """A provision's wording in the version in force (or pinned), every item cited.

    The law's own words are not the reading flow: they sit in a collapsed "Bunyi pasal" /
    "Text of the article" box (a ``details`` element, styled like pymdownx.details' ``???``),
    one tap away; the page's prose says the same in plain words."""
    body = request.args.get("cite", "")
    try:
        resolved = resolve(parse(body), _need(STATE.registry, "the registry"), STATE.as_of)
    except (CitationSyntaxError, ResolveError) as error:
        raise BlockError(f"[[{body}]]: {error.message}", error.suggestion) from None
    if len(resolved.units) != 1 or resolved.units[0].version is None or resolved.units[0].item is not None:
        raise BlockError(f"[[{body}]] must name one Pasal or ayat recorded in the registry",
                         "e.g. cite=\"Perpres 36/2020 Pasal 3 ayat (5)\"")
    unit = resolved.units[0]
    version = unit.version
    lang = request.lang
    words = PROVISION_WORDS[lang]
    pin = f" @{resolved.day.isoformat()}" if resolved.pinned else ""
    base = body.split("@")[0].strip()
    title = f"{words['box']}: {escape(display(resolved, lang))}"
    out = ['<details class="quote px-law-box" markdown>', f"<summary>{title}</summary>", "",
           '<div class="px-provision" markdown>', "", f"[[{body}]] {data_badge(version.evidence, lang)}", ""]
    if version.text_id:
        out.append(f'<p class="px-law" lang="id">{_lines(version.text_id)}</p>')
        if lang == "en" and version.text_en:
            out.append(f'<p class="px-translation"><em>{words["translation"]}:</em><br>{_lines(version.text_en)}</p>')
        out.append("")
    elif version.summary:
        out += [f"*{words['summary']}:* {escape(version.summary.get(lang))}", ""]
    out += _items(version.items, base, pin, lang, [], 0)
    out += ["", "</div>", "", "</details>"]
    return "\n".join(out)


def _lines(text: str) -> str:
    return "<br>".join(escape(line.strip()) for line in text.splitlines() if line.strip())


def _items(items: dict[str, Item], base: str, pin: str, lang: str, path: list[tuple[str, str]],
           depth: int) -> list[str]:
    from ..legal.citation import unit_sort_key

    lines = []
    indent = "    " * depth
    for key in sorted(items, key=unit_sort_key):
        item = items[key]
        level = "huruf" if key.isalpha() else "angka"
        here = [*path, (level, key)]
        cite = base + "".join(f" {lvl} {val}" for lvl, val in here) + pin
        text = f'<span lang="id">{escape(item.text.id)}</span>'
        if lang == "en" and item.text.en:
            text += f' <span class="px-translation">({escape(item.text.en)})</span>'
        lines.append(f"{indent}- **{key}.** {text} [[{cite}]]")
        if item.items:
            lines += _items(item.items, base, pin, lang, here, depth + 1)
    return lines


__all__ = ["STATE", "SiteData", "check_pages", "expand_inline", "load", "prose_lines"]

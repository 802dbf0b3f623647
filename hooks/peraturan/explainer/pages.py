"""What the explainer does to each hand-written page: checks before anything renders
(the claim lint, the term lint, source references, value keys, and a dry run of this
package's blocks, each at the source line), and the inline markers expanded when the
page renders (``[@key]`` source references, ``<!-- px:value key=... -->``)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from ..build.blocks import BLOCK_RE, BlockRequest
from ..build.diagnostics import Diagnostic
from ..build.inline import blank_code_spans, sub_outside_code
from ..build.scan import front_matter_lines, prose_lines
from . import bibliography, claims, terms
from .content_blocks import OWN_BLOCKS
from .data import SiteData, WithSiteData, marker_value, site_of

# Data files whose bilingual strings the term lint reads (relative to the project root).
TERM_CHECKED_DATA = ("rules/eligibility.yml", "data/amounts.yml", "data/authority.yml", "data/bibliography.yml",
                     "data/limits.yml")


def check_pages(docs_dir: Path, languages: list[str], build: WithSiteData | None, docs_label: str = "docs",
                skip_folders: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Claim lint, source references and value keys of every hand-written page, against
    the data of ``build`` (the build's state)."""
    site = site_of(build)
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
            if site.terms is not None:
                problems += terms.lint(text, label, lang, site.terms)
            if site.bibliography is not None:
                problems += bibliography.check_page(text, site.bibliography, label)
            problems += _check_values(text, lang, label, site)
            problems += _check_blocks(text, lang, rel, label, build)
    return problems


def check_data_terms(root: Path, build: WithSiteData | None) -> list[Diagnostic]:
    """The term lint over the bilingual strings of the site's data files (rules, amounts, map, sources)."""
    site = site_of(build)
    if site.terms is None:
        return []
    problems: list[Diagnostic] = []
    for name in TERM_CHECKED_DATA:
        path = root / name
        if path.is_file():
            problems += terms.lint_yaml(path.read_text(encoding="utf-8"), name, site.terms)
    return problems


def _check_blocks(text: str, lang: str, rel: str, label: str, build: WithSiteData | None) -> list[Diagnostic]:
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
            OWN_BLOCKS[name](BlockRequest(name, args, lang, rel, label, number, build))
        except ValueError as error:
            problems.append(Diagnostic(label, number, 1, f"block 'px:{name}': {getattr(error, 'message', error)}",
                                       getattr(error, "suggestion", "")))
    return problems


def _generated(text: str) -> bool:
    skip = front_matter_lines(text)
    return any(line.strip() == "generated: true" for line in text.split("\n")[:skip])


def _check_values(text: str, lang: str, label: str, site: SiteData) -> list[Diagnostic]:
    problems = []
    raw_lines = text.split("\n")
    for number, _ in prose_lines(text):  # lines outside front matter and fences
        line = blank_code_spans(raw_lines[number - 1])
        for match in _VALUE_INLINE.finditer(line):
            try:
                marker_value(match.group("args"), lang, site)
            except ValueError as error:
                problems.append(Diagnostic(label, number, match.start() + 1, f"px:value: {error}"))
    return problems


_VALUE_INLINE = re.compile(r"<!--\s*px:value(?P<args>(?:\s+[a-z_]+=\S+?)*)\s*-->")


def expand_inline(markdown: str, lang: str, page_rel: str, build: WithSiteData | None) -> str:
    """``[@key]`` references and inline ``px:value`` markers (outside code)."""
    site = site_of(build)

    def value(match: re.Match[str]) -> str:
        try:
            return marker_value(match.group("args"), lang, site)
        except ValueError:
            return match.group(0)  # reported by check_pages with path:line

    markdown = sub_outside_code(markdown, _VALUE_INLINE, value)
    if site.bibliography is not None:
        markdown = bibliography.expand_refs(markdown, site.bibliography, lang, page_rel)
    return markdown

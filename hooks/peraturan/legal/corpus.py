"""Checking every page's citations before anything is rendered.

The whole docs folder is scanned once per build: each citation is parsed and
resolved (errors collected with path:line:col), the id and en copies of a page
must cite the same provisions (citation parity), and the result feeds the
"Cited on" back-links of the generated regulation pages.

Citations that generated blocks write (``<!-- px:NAME -->``, see ``blocks.py``)
count too, located at the block's marker line: a page that cites a provision
only through its authority map or decision table is still listed under that
provision. Block renderers must therefore be registered (and their data loaded)
before ``check_corpus`` runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build import blocks, frontmatter
from ..build.diagnostics import Diagnostic
from ..build.scan import Found, find_citations, prose_lines
from .cite import cite
from .model import Registry
from .render import display
from .resolver import ResolvedCitation


@dataclass
class CitedPage:
    src: str  # e.g. "id/kelayakan.md", relative to docs/
    lang: str
    rel: str  # e.g. "kelayakan.md", the same in every language
    title: str
    citations: list[tuple[Found, ResolvedCitation]] = field(default_factory=list)

    def keys(self) -> dict[str, Found]:
        """Each cited provision key with its first occurrence."""
        keys: dict[str, Found] = {}
        for found, resolved in self.citations:
            for key in resolved.keys:
                keys.setdefault(key, found)
        return keys


@dataclass
class Corpus:
    pages: dict[str, CitedPage]
    diagnostics: list[Diagnostic]
    _citing: dict[tuple[str, str, str], list[CitedPage]] | None = None

    def citing_pages(self, instrument_id: str, anchor: str, lang: str) -> list[CitedPage]:
        """Pages of one language that cite a provision (or a huruf, angka or
        run inside it, or its whole Pasal), sorted by path."""
        if self._citing is None:
            index: dict[tuple[str, str, str], set[str]] = {}
            for page in self.pages.values():
                for _, resolved in page.citations:
                    for unit in resolved.units:
                        for provision in unit.provisions:
                            key = (unit.instrument.id, provision.ref.anchor(), page.lang)
                            index.setdefault(key, set()).add(page.src)
            self._citing = {key: sorted((self.pages[src] for src in srcs), key=lambda p: p.rel)
                            for key, srcs in index.items()}
        return self._citing.get((instrument_id, anchor, lang), [])


# (path, mtime, size) -> what scan_page found in that file; the build state keeps one across builds
ScanCache = dict[tuple[str, int, int], tuple[str, list[Found], bool, list[tuple[int, int, str, str]]]]


def page_title(text: str, meta: dict | None = None) -> str:
    """The front matter's title, else the first '# ' heading (as MkDocs chooses)."""
    meta = frontmatter.read(text)[0] if meta is None else meta
    if isinstance(meta.get("title"), str):
        return meta["title"]
    for _, line in prose_lines(text):
        if line.startswith("# "):
            return line[2:].split("{")[0].strip()
    return ""


def scan_page(path: Path, cache: ScanCache) -> tuple[str, list[Found], bool, list[tuple[int, int, str, str]]]:
    """Title, citations, "has block markers" and front-matter problems of one file,
    kept in ``cache`` while the file is unchanged."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    cached = cache.get(key)
    if cached is None:
        text, problem = read_text(path)
        meta, problems = frontmatter.read(text)
        cached = (page_title(text, meta), find_citations(text), blocks.has_markers(text), problem + problems)
        cache[key] = cached
    return cached


def read_text(path: Path) -> tuple[str, list[tuple[int, int, str, str]]]:
    """A page's text; bytes that are not UTF-8 become a problem at their line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return "", [(line, col, f"is not UTF-8 text (byte 0x{data[error.start]:02x})",
                     "save the file as UTF-8 in your editor")]


def block_citations(path: Path, lang: str, rel: str, label: str, build: Any = None) -> list[Found]:
    """Citations written by the page's generated blocks, each at its marker's line.

    Not cached: a block's output depends on data files, not only on the page."""
    text = path.read_text(encoding="utf-8")
    return [Found(item.body, line, 1, 1)
            for line, markdown in blocks.rendered(text, lang, rel, label, build)
            for item in find_citations(markdown)]


def check_corpus(
    docs_dir: Path,
    languages: list[str],
    registry: Registry,
    as_of: dt.date,
    generated_folder: str = "",  # the site's regulations folder (its profile), whose pages the engine wrote
    docs_label: str = "docs",
    scan_cache: ScanCache | None = None,  # the build state's, to reuse the scan of unchanged files
    build: Any = None,  # what block renderers read (peraturan.state.BuildState), handed through
) -> Corpus:
    pages: dict[str, CitedPage] = {}
    problems: list[Diagnostic] = []
    for lang in languages:
        root = docs_dir / lang
        for path in sorted(root.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            if rel.split("/")[0] == generated_folder:
                continue
            src = f"{lang}/{rel}"
            label = f"{docs_label}/{src}"
            title, found, has_blocks, page_problems = scan_page(path, {} if scan_cache is None else scan_cache)
            problems += [Diagnostic(label, line, col, message, hint) for line, col, message, hint in page_problems]
            if has_blocks:
                found = found + block_citations(path, lang, rel, label, build)
            page = CitedPage(src, lang, rel, title)
            for item in found:
                outcome = cite(item.body, registry, as_of, (label, item.line, item.body_col))
                if isinstance(outcome, Diagnostic):
                    problems.append(outcome)
                else:
                    page.citations.append((item, outcome))
            pages[src] = page
    problems.extend(citation_parity(pages, languages, docs_label))
    return Corpus(pages, problems)


def citation_parity(pages: dict[str, CitedPage], languages: list[str], docs_label: str) -> list[Diagnostic]:
    """An id page and its en counterpart must cite the same provisions."""
    problems = []
    by_rel: dict[str, dict[str, CitedPage]] = {}
    for page in pages.values():
        by_rel.setdefault(page.rel, {})[page.lang] = page
    for rel, copies in sorted(by_rel.items()):
        if len(copies) < len(languages):
            continue  # a missing page is the parity check's job
        keyed = {lang: copies[lang].keys() for lang in languages}
        for lang in languages:
            for other in languages:
                if other == lang:
                    continue
                for key, found in keyed[lang].items():
                    if key not in keyed[other]:
                        shown = _shown(copies[lang], key)
                        problems.append(Diagnostic(
                            f"{docs_label}/{lang}/{rel}", found.line, found.col,
                            f"citation parity: cites {shown} but {docs_label}/{other}/{rel} does not",
                            f"add the same citation to {docs_label}/{other}/{rel}, or remove it here",
                        ))
    return problems


def _shown(page: CitedPage, key: str) -> str:
    for _, resolved in page.citations:
        if key in resolved.keys:
            return f"[[{resolved.citation.body}]] ({display(resolved, 'id')})"
    return key

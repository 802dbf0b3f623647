"""Sources that are not regulations: research studies, official statements and
press reports, kept in ``data/bibliography.yml`` and referred to from pages.

A page refers to an entry with ``[@key]`` in its prose. The marker is not part
of the citation grammar (``[[...]]`` stays reserved for regulations); this
module expands it into a link before Markdown renders:

- an entry with an address links straight to it (``[Kontan, 2024](https://...)``);
- an entry without one links to its place in the list of sources on the page
  that the file's ``list_pages`` names for its kind (data, not code: on the
  Kartu Prakerja site, studies are listed on the research page, the others on
  "about this site").

An unknown key stops the build with ``path:line:col`` (``check_page``), exactly
like an unknown regulation.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..build import safe, words
from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.inline import sub_outside_code
from ..build.scan import prose_lines
from ..build.schema import UNKNOWN, Text, mark
from ..build.yamlsource import load_yaml
from .sitedata import DataChecker, Day, evidence_badge

REF_RE = re.compile(r"\[@(?P<key>[A-Za-z0-9][A-Za-z0-9_-]*)\](?![(\[])")
# Neighbouring references on one line ("[@a] [@b]") form one group.
_ONE_REF = r"\[@[A-Za-z0-9][A-Za-z0-9_-]*\](?![(\[])"
REF_GROUP_RE = re.compile(rf"{_ONE_REF}(?:[ \t]*{_ONE_REF})*")
KEY_RE = re.compile(r"[a-z0-9][a-z0-9-]*")

KINDS = {"study": "study", "official": "official-statement", "news": "reported"}

# ``list_pages``: a page path inside the language folder (lower-case, digits, '-', '/'; ends in .md)
PAGE_RE = re.compile(r"[a-z0-9][a-z0-9/-]*\.md")

WORDS = words.table("bibliography")  # hooks/peraturan/build/words.yml


@dataclass(frozen=True)
class Entry:
    key: str
    kind: str  # study | official | news
    short: Text  # how a reference reads in running text
    outlet: str | None
    title: Text | None
    author: str | None
    identifier: str | None
    date: Day | None
    url: str | None
    who: str | None
    about: Text | None
    method: Text | None
    line: int
    list_page: str | None = None  # where an entry without an address is listed (the file's list_pages)

    @property
    def evidence(self) -> str:
        return KINDS[self.kind]

    def anchor(self) -> str:
        return f"{'studi' if self.kind == 'study' else 'sumber'}-{self.key}"


@dataclass
class Bibliography:
    entries: dict[str, Entry]
    path: str

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def suggest(self, key: str) -> str:
        return did_you_mean(key, self.entries) or f"known keys are listed in {self.path}"


ENTRY_REQUIRED = ("key", "kind", "date", "url")
ENTRY_OPTIONAL = ("short", "outlet", "title", "author", "identifier", "who", "about", "method")


def load_bibliography(path: Path, label: str) -> Bibliography:
    data = load_yaml(path, label)
    c = DataChecker(label)
    root = c.mapping(data, (1, 1), "bibliography file")
    entries: dict[str, Entry] = {}
    if root is not None and c.keys(root, ("entries",), ("list_pages",), "bibliography"):
        pages = _read_list_pages(c, root)
        items = c.sequence(root.get("entries"), root.where("entries"), "entries")
        for index, raw in enumerate(items):
            entry = _read_entry(c, raw, mark(items, index), f"entries[{index}]")
            if entry is None:
                continue
            if not entry.url:
                if entry.kind not in pages:
                    c.error(mark(items, index), f"entry '{entry.key}' has no url, and list_pages names no page "
                            f"that lists kind '{entry.kind}'", f"add list_pages: {{{entry.kind}: <page>.md}}, the "
                            "page whose <!-- px:sources --> block lists it")
                    continue
                entry = replace(entry, list_page=pages[entry.kind])
            if entry.key in entries:
                c.error(mark(items, index), f"duplicate key '{entry.key}' (first at line {entries[entry.key].line})")
                continue
            entries[entry.key] = entry
    if c.problems:
        raise EngineError(c.problems)
    return Bibliography(entries, label)


def _read_list_pages(c: DataChecker, root) -> dict[str, str]:
    """``list_pages: {kind: page.md}``: where the entries of a kind without an address are listed."""
    if "list_pages" not in root:
        return {}
    block = c.mapping(root["list_pages"], root.where("list_pages"), "list_pages")
    pages: dict[str, str] = {}
    for kind, page in (block or {}).items():
        if kind not in KINDS:
            c.error(block.where(kind), f"list_pages: unknown kind '{kind}'",
                    did_you_mean(kind, KINDS) or f"use one of {', '.join(KINDS)}")
        elif not isinstance(page, str) or not PAGE_RE.fullmatch(page):
            c.error(block.where(kind), f"list_pages.{kind} must be a page path such as penelitian.md, "
                    f"got {page!r}", "the page's path inside docs/<lang>/")
        else:
            pages[kind] = page
    return pages


def _read_entry(c: DataChecker, raw, where, what) -> Entry | None:
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ENTRY_REQUIRED, ENTRY_OPTIONAL, what):
        return None
    key = c.string(block, "key", what)
    if key and not KEY_RE.fullmatch(key):
        c.error(block.where("key"), f"{what}: key '{key}' must be lower-case letters, digits and hyphens")
        key = None
    what = f"entry '{key}'" if key else what
    kind = block.get("kind")
    if kind not in KINDS:
        c.error(block.where("kind"), f"{what}: kind must be one of {', '.join(KINDS)}",
                did_you_mean(str(kind), KINDS))
        return None
    ok, date = c.day(block, "date", what)
    url = c.url(block, "url", what)
    outlet = c.string(block, "outlet", what) if "outlet" in block else None
    title = _text_or_unknown(c, block, "title", what)
    author = c.string(block, "author", what, allow_unknown=True) if "author" in block else None
    identifier = c.string(block, "identifier", what) if "identifier" in block else None
    who = c.string(block, "who", what) if "who" in block else None
    about = c.text(block["about"], block.where("about"), f"{what}: about") if "about" in block else None
    method = c.text(block["method"], block.where("method"), f"{what}: method") if "method" in block else None
    short = c.text(block["short"], block.where("short"), f"{what}: short") if "short" in block else None
    if short is None and "short" not in block:
        if outlet is None:
            c.error(block.where(), f"{what}: needs 'short' (how a reference reads) or an 'outlet'")
            return None
        short = Text(_default_short(outlet, date, "id"), _default_short(outlet, date, "en"))
    if kind == "study" and "author" not in block:
        c.error(block.where(), f"{what}: a study needs 'author' (write unknown when the source does not name one)")
    if not (key and ok and short):
        return None
    return Entry(key, kind, short, outlet, title, None if author == UNKNOWN else author, identifier, date, url, who,
                 about, method, block.line)


def _text_or_unknown(c: DataChecker, block, key: str, what: str) -> Text | None:
    if key not in block or block.get(key) == UNKNOWN:
        return None
    return c.text(block[key], block.where(key), f"{what}: {key}")


def _default_short(outlet: str, date: Day | None, lang: str) -> str:
    return f"{outlet}, {date.format(lang)}" if date else outlet


# ----------------------------------------------------------------------------- references in pages


def check_page(text: str, bibliography: Bibliography, label: str) -> list[Diagnostic]:
    """Every ``[@key]`` in a page's prose must name an entry."""
    problems = []
    for number, line in prose_lines(text):
        for match in REF_RE.finditer(line):
            if bibliography.get(match.group("key")) is None:
                problems.append(Diagnostic(label, number, match.start() + 1,
                                           f"unknown source [@{match.group('key')}]",
                                           bibliography.suggest(match.group("key"))))
    return problems


def expand_refs(markdown: str, bibliography: Bibliography, lang: str, page_rel: str) -> str:
    """Replace ``[@key]`` with a Markdown link in brackets, and neighbouring references with one
    bracketed list, "(Jabaran.id, 2025; IDN Times, Mei 2025)": two bare source names side by side
    read as part of the sentence. Unknown keys are left for the pre-build check."""

    def group(match: re.Match[str]) -> str:
        entries = [bibliography.get(ref.group("key")) for ref in REF_RE.finditer(match.group(0))]
        if any(entry is None for entry in entries):
            return match.group(0)
        links = [f"[{_md_text(entry.short.get(lang))}]({ref_target(entry, page_rel)}){{ .px-ref }}"
                 for entry in entries if entry is not None]
        return "(" + "; ".join(links) + ")"

    return sub_outside_code(markdown, REF_GROUP_RE, group)


def ref_target(entry: Entry, page_rel: str) -> str:
    if entry.url:
        return entry.url
    target = entry.list_page or ""
    relative = posixpath.relpath(target, posixpath.dirname(page_rel) or ".")
    return f"{relative}#{entry.anchor()}"


def _md_text(text: str) -> str:
    return safe.text(text)


# ----------------------------------------------------------------------------- rendering


def study_card(entry: Entry, lang: str) -> str:
    """A study's bibliographic card (raw HTML with an anchor)."""
    w = WORDS[lang]
    rows = [(w["title"], _title_html(entry, lang)),
            (w["author"], _escape(entry.author) if entry.author else w["unknown"]),
            (w["date"], entry.date.format(lang) if entry.date else w["unknown"])]
    if entry.identifier:
        rows.append((w["identifier"], _escape(entry.identifier)))
    if entry.method:
        rows.append((w["method"], _escape(entry.method.get(lang))))
    rows.append((w["address"], _address(entry, lang)))
    rows.append((w["evidence"], evidence_badge(entry.evidence, lang)))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="px-study" id="{entry.anchor()}">{body}</dl>'


def source_list(bibliography: Bibliography, lang: str, kinds: tuple[str, ...]) -> str:
    """The list of sources (raw HTML), each item with its anchor."""
    w = WORDS[lang]
    items = []
    for entry in sorted(bibliography.entries.values(), key=_sort_key):
        if entry.kind not in kinds:
            continue
        parts = [f"<strong>{_escape(entry.outlet or entry.short.get(lang))}</strong>"]
        if entry.date:
            parts.append(entry.date.format(lang))
        if entry.title:
            parts.append(_title_html(entry, lang))
        if entry.who:
            who = _escape(entry.who) if lang == "id" else f'<span lang="id">{_escape(entry.who)}</span>'
            parts.append(f"{w['who']}: {who}")
        line = ", ".join(parts)
        about = f" {w['about']}: {_escape(entry.about.get(lang))}." if entry.about else ""
        items.append(f'<li id="{entry.anchor()}">{line}. {_address(entry, lang)}.{about} '
                     f"{evidence_badge(entry.evidence, lang)}</li>")
    return f'<ul class="px-sources">{"".join(items)}</ul>'


def _sort_key(entry: Entry):
    return (entry.kind != "official", (entry.outlet or entry.key).casefold(), entry.date or Day(0))


def _title_html(entry: Entry, lang: str) -> str:
    if entry.title is None:
        return WORDS[lang]["unknown"]
    if lang == "en" and entry.title.en != entry.title.id:
        return f'<cite lang="id">{_escape(entry.title.id)}</cite> ({_escape(entry.title.en)})'
    return f'<cite lang="id">{_escape(entry.title.id)}</cite>'


def _address(entry: Entry, lang: str) -> str:
    if entry.url:
        return f'<a href="{_escape(entry.url)}">{WORDS[lang]["link"]}</a>'
    return WORDS[lang]["no_url"]


def _escape(text: str) -> str:
    return safe.text(text)

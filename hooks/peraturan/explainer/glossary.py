"""Glossary: abbreviations explained on hover, and legal definitions from the registry.

Abbreviations live in one Markdown file per language
(``includes/abbreviations.<lang>.md``, Python-Markdown ``abbr`` syntax
``*[NIK]: Nomor Induk Kependudukan``). ``hooks/content.py`` gives each language's
build its list as the ``abbr`` extension's glossary (``as_glossary``): appended
to every page as definitions, the list was about 40 more blocks per page for
every block processor to test. The glossary page renders the same file as a
table (``abbreviation_table``). One list, two uses.

Definitions ("X adalah Y") are read from the registry text of a definitions
article such as ``Perpres 36/2020 Pasal 1``, never retyped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..build import words
from ..build.diagnostics import Diagnostic
from ..build.safe import text as escape
from ..legal.citation import CitationError
from ..legal.cite import lookup
from ..legal.model import Registry

ABBR_RE = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<title>\S.*)$")


def abbreviation_file(lang: str) -> str:
    return f"abbreviations.{lang}.md"


def as_glossary(abbreviations: list[Abbreviation]) -> dict[str, str]:
    """The list as Python-Markdown's ``abbr`` glossary (abbreviation -> what it stands for)."""
    return {item.abbr: item.title for item in abbreviations}


@dataclass(frozen=True)
class Abbreviation:
    abbr: str
    title: str
    line: int


def read_abbreviations(path: Path, label: str) -> tuple[list[Abbreviation], list[Diagnostic]]:
    """Parse one abbreviation file; every non-blank line must be an abbreviation."""
    found: list[Abbreviation] = []
    problems: list[Diagnostic] = []
    seen: dict[str, int] = {}
    if not path.exists():
        return [], [Diagnostic(label, 0, 0, "is missing", "create it with lines like *[NIK]: Nomor Induk Kependudukan")]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = ABBR_RE.match(line.strip())
        if not match:
            problems.append(Diagnostic(label, number, 1, "not an abbreviation line",
                                       "write *[ABBR]: what it stands for"))
            continue
        abbr = match.group("abbr").strip()
        if abbr in seen:
            problems.append(Diagnostic(label, number, 1, f"'{abbr}' is defined twice (first at line {seen[abbr]})"))
            continue
        seen[abbr] = number
        found.append(Abbreviation(abbr, match.group("title").strip(), number))
    return found, problems


def check_pair(id_list: list[Abbreviation], en_list: list[Abbreviation], en_label: str) -> list[Diagnostic]:
    """Both languages explain the same abbreviations."""
    ids, ens = {a.abbr for a in id_list}, {a.abbr for a in en_list}
    problems = [Diagnostic(en_label, 0, 0, f"lacks '{a}', which the Indonesian list explains")
                for a in sorted(ids - ens)]
    problems += [Diagnostic(en_label, a.line, 1, f"'{a.abbr}' is not in the Indonesian list")
                 for a in en_list if a.abbr not in ids]
    return problems


WORDS = words.table("glossary")  # hooks/peraturan/build/words.yml


def abbreviation_table(abbreviations: list[Abbreviation], lang: str) -> str:
    w = WORDS[lang]
    rows = [f"| {w['abbr']} | {w['title']} |", "|---|---|"]
    for item in sorted(abbreviations, key=lambda a: a.abbr.casefold()):
        rows.append(f"| {escape(item.abbr)} | {escape(item.title)} |")
    return "\n".join(rows)


@dataclass(frozen=True)
class Definition:
    term_id: str
    text_id: str
    term_en: str
    text_en: str


_EN_TERM = re.compile(r"^(?:The |A |An )?(?P<term>.+?) means (?P<text>.+)$")


def definitions(registry: Registry, body: str, as_of: dt.date) -> list[Definition]:
    """The "X adalah Y" definitions in the version in force of the cited article."""
    resolved = lookup(body, registry, as_of)
    if isinstance(resolved, CitationError):
        raise ValueError(f"[[{body}]]: {resolved.message}")
    found = []
    for unit in resolved.units:
        for provision in unit.provisions:
            version = provision.version_at(unit.day)
            if version is None or not version.text_id:
                continue
            id_lines = _definition_lines(version.text_id)
            en_lines = _definition_lines(version.text_en or "")
            for index, line in enumerate(id_lines):
                term, sep, text = line.partition(" adalah ")
                if not sep:
                    continue
                en = en_lines[index] if index < len(en_lines) else ""
                match = _EN_TERM.match(en)
                found.append(Definition(term.strip(), text.strip(), match.group("term") if match else "",
                                        match.group("text") if match else en))
    if not found:
        raise ValueError(f"[[{body}]] holds no 'X adalah Y' definitions in the version in force")
    return found


def _definition_lines(text: str) -> list[str]:
    lines = [line.strip().removeprefix("- ").strip() for line in text.splitlines()]
    return [line for line in lines if " adalah " in line or " means " in line]


def definitions_markdown(items: list[Definition], body: str, lang: str, partial: bool = False) -> str:
    """A definition list; on English pages the Indonesian original is marked lang="id"."""
    w = WORDS[lang]
    # "Source: 1" would answer nothing: the source line keeps its citation in full (px-cite-full).
    partial_text = f" {escape(w['partial'])}" if partial else ""
    out = [f'<p class="px-glossary__source px-cite-full" markdown="span">{escape(w["source"])}: [[{body}]].'
           f"{partial_text}</p>", ""]
    if lang == "en":
        out += [f"*{w['translation']}*", ""]
    for item in items:
        if lang == "id":
            out += [f"**{escape(item.term_id)}**", f":   {escape(item.text_id)}", ""]
        else:
            term = escape(item.term_en or item.term_id)
            out += [f'**{term}** (<span lang="id">{escape(item.term_id)}</span>)',
                    f"{':   '}{escape(item.text_en)}<br>"
                    f'<span class="px-original" lang="id">{escape(item.term_id)} adalah {escape(item.text_id)}</span>',
                    ""]
    return "\n".join(out)

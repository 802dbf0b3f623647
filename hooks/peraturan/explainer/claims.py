"""The claim lint: a number stated in prose needs its evidence next to it.

A *paragraph* that states an age, an amount (Rp), a number of days, a date or
a count must also hold a regulation citation ``[[...]]`` or a source reference
``[@key]``; otherwise the build stops with ``path:line:col`` and the number it
found. Values inserted from data (``<!-- px:value key=... -->``) count as
stated numbers too, except the site's own as-of date.

What counts as one paragraph: lines up to a blank line; but every list item,
table row and admonition title starts a new one, so a citation in one list
item does not cover its neighbours. Headings are labels, not claims, and are
not checked: put the number (and its citation) in the text below.

Numbers that are part of a legal reference are not claims: ``Pasal 3 ayat (4)``,
``Article 3(4)(b)``, ``Perpres 36/2020``, ``Nomor 36 Tahun 2020``,
``No. 36 of 2020``, ``25/PMK.05/2020``, ``COVID-19``, list numbers.

The exemption, for a number that is not a legal or factual claim (a version
number, a step number in an example): end the paragraph with
``<!-- px:nocite -->``, optionally followed by a reason, e.g.
``<!-- px:nocite WCAG version -->``.

Only digits are checked: write numbers as digits ("60 hari", not "enam puluh
hari") so the lint can see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..build.diagnostics import Diagnostic
from ..build.inline import blank_code_spans
from ..build.scan import front_matter_lines
from ..legal.citation import CITATION_RE

NOCITE_RE = re.compile(r"<!--\s*px:nocite\b.*?-->")
VALUE_RE = re.compile(r"<!--\s*px:value\s+key=(?P<key>[\w.-]+)[^>]*?-->")
REF_RE = re.compile(r"\[@[A-Za-z0-9][A-Za-z0-9_-]*\](?![(\[])")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")

_MONTHS = ("Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember|"
           "January|February|March|May|June|July|August|October|December")

# Parts of a line that carry digits but are never claims. They are blanked
# (replaced by spaces) before numbers are looked for, so columns stay right.
_NOT_CLAIMS = [
    re.compile(r"\[\[[^\[\]\n]+?\]\]"),  # citations
    REF_RE,  # source references
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link destinations
    re.compile(r"https?://\S+"),
    re.compile(r"<[^>\n]+>"),  # HTML tags and their attributes
    re.compile(r"&#?\w+;"),  # HTML entities
    re.compile(r"\{[:#.][^}\n]*\}"),  # attribute lists
    re.compile(r"(?i)\b(?:pasal|articles?)\s+\d+[A-Z]?(?:\s*\(\s*\d+[a-z]?\s*\))*(?:\s*\([a-z]\))*"),
    re.compile(r"(?i)\bayat\s*\(\s*\d+[a-z]?\s*\)(?:\s*(?:,|dan|atau|sampai dengan)\s*\(\s*\d+[a-z]?\s*\))*"),
    re.compile(r"(?i)\bparagraphs?\s*\(\s*\d+[a-z]?\s*\)"),
    re.compile(r"(?i)\b(?:huruf|letter|angka|point)\s+(?:\d+|[a-z])\b"),
    re.compile(r"\b\d+[A-Z]?(?:\(\d+[a-z]?\))+(?:\([a-z]\))*"),  # 3(4)(b)
    re.compile(r"\b\d+(?:/[A-Z][A-Z.0-9]*)?/\d{4}\b"),  # 36/2020, 25/PMK.05/2020
    re.compile(r"(?i)\b(?:nomor|no\.)\s*\d+(?:/[A-Z.0-9]+)?\s+(?:tahun|of)\s+\d{4}\b"),
    re.compile(r"(?i)\bCOVID-19\b"),
    re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+"),  # list markers
]

_CLAIMS = [
    ("amount", re.compile(r"(?i)\bRp\s?\d[\d.,]*(?:\s*(?:juta|ribu|miliar|triliun|million|billion|trillion|"
                          r"thousand|[MT])\b)?|(?<![\w/.,])\d[\d.,]*\s*(?:juta|ribu|miliar|triliun|million|"
                          r"billion|trillion)\b|\bIDR\s?\d[\d.,]*")),
    ("date", re.compile(rf"(?<![\w/.,])\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b(?:{_MONTHS})\s+\d{{4}}\b|"
                        r"\b\d{4}-\d{2}-\d{2}\b")),
    ("days", re.compile(r"(?i)(?<![\w/.,])\d[\d.,]*\s*(?:hari|days?)\b")),
    ("age", re.compile(r"(?i)(?<![\w/.,])\d+\s*(?:tahun|years?)\b|\b(?:usia|umur|berusia|aged?)\s+\d+")),
    ("date", re.compile(r"(?<![\w/.,-])(?:19|20)\d{2}(?![\w/])")),
    ("count", re.compile(r"(?<![\w/.,-])\d[\d.,]*%?(?![\w/])")),
]

KIND_WORDS = {"amount": "an amount", "date": "a date", "days": "a number of days", "age": "an age or a period",
              "count": "a number", "value": "a value from data"}


@dataclass(frozen=True)
class Claim:
    line: int
    col: int
    kind: str
    text: str


@dataclass
class _Unit:
    start: int
    lines: list[tuple[int, str, str]]  # (line number, raw line, line without comments); code spans blanked
    heading: bool = False


def find_claims(line: str) -> list[Claim]:
    """Numbers stated in one line of prose (comments already removed). Line number 0."""
    text = line
    for pattern in _NOT_CLAIMS:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    claims = []
    for kind, pattern in _CLAIMS:
        for match in pattern.finditer(text):
            claims.append(Claim(0, match.start() + 1, kind, match.group(0).strip()))
            text = text[:match.start()] + " " * len(match.group(0)) + text[match.end():]
    return sorted(claims, key=lambda c: c.col)


def _units(text: str) -> list[_Unit]:
    """Split a page into lint units (see the module docstring)."""
    skip = front_matter_lines(text)
    units: list[_Unit] = []
    current: _Unit | None = None
    fence: str | None = None
    lines = text.split("\n")
    # Comments may span lines; keep a copy where every comment is blanked but
    # markers are still visible in the raw copy.
    no_comments = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text).split("\n")
    for number, (raw, bare) in enumerate(zip(lines, no_comments, strict=True), start=1):
        if number <= skip:
            continue
        match = _FENCE.match(raw)
        if fence is None and match:
            fence, current = match.group("fence"), None
            continue
        if fence is not None:
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence):
                fence = None
            continue
        if not raw.strip():
            current = None
            continue
        only_comment = not bare.strip()
        if only_comment and not NOCITE_RE.search(raw) and not VALUE_RE.search(raw):
            current = None  # a block marker line stands alone
            continue
        stripped = bare.lstrip()
        starts = (re.match(r"(?:[-*+]|\d+[.)])\s+", stripped) or stripped.startswith("|")
                  or re.match(r"(?:!!!|\?\?\?\+?)\s", stripped))
        heading = bool(re.match(r"#{1,6}\s", stripped))
        if current is None or starts or heading or (current.heading and not only_comment):
            current = _Unit(number, [], heading)
            units.append(current)
        current.lines.append((number, blank_code_spans(raw), blank_code_spans(bare)))
    return units


def lint(text: str, label: str, value_is_claim=lambda key: key != "as_of") -> list[Diagnostic]:
    """Diagnostics for every paragraph that states a number without evidence."""
    problems = []
    for unit in _units(text):
        if unit.heading:
            continue
        if any(NOCITE_RE.search(raw) for _, raw, _ in unit.lines):
            continue
        bare = "\n".join(bare for _, _, bare in unit.lines)
        if CITATION_RE.search(bare) or REF_RE.search(bare):
            continue
        first = _first_claim(unit, value_is_claim)
        if first is None:
            continue
        problems.append(Diagnostic(
            label, first.line, first.col,
            f"states {KIND_WORDS[first.kind]} ('{first.text}') with no citation in the same paragraph",
            "add a [[...]] citation or a [@source] reference to this paragraph; if the number is not a legal or "
            "factual claim, end the paragraph with <!-- px:nocite -->",
        ))
    return problems


def _first_claim(unit: _Unit, value_is_claim) -> Claim | None:
    for number, raw, bare in unit.lines:
        values = [Claim(number, m.start() + 1, "value", m.group("key")) for m in VALUE_RE.finditer(raw)
                  if value_is_claim(m.group("key"))]
        found = [Claim(number, c.col, c.kind, c.text) for c in find_claims(bare)] + values
        if found:
            return min(found, key=lambda c: c.col)
    return None

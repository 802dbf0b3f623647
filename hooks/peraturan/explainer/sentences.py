"""Sentence length of a page, as a reader meets it: the plain-language measure.

The explainer aims at sentences of about 15 words, and none over 25 in the
"Singkatnya" / "In short" summary that opens each explainer page. This module
splits a page's own prose into sentences and counts their words, so a test can
hold the summaries to that limit and ``benchmarks/sentence_length.py`` can
report the figures per page.

What counts as a word: a run of letters or digits as read aloud. Citations
``[[...]]`` and source references ``[@key]`` are left out (the site shows them
as small markers, not as words in the sentence); a ``px:value`` marker counts as
one word; Markdown and HTML markup count for nothing. Headings, tables, code,
front matter, comments and generated blocks are not prose and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import mean

from ..build import words
from ..build.scan import front_matter_lines

SUMMARY_TITLES = words.table("summary_titles")  # hooks/peraturan/build/words.yml
# The summary box: ``!!! abstract px-summary "Singkatnya"`` and its indented body.
SUMMARY_RE = re.compile(r'^!!! abstract px-summary "(?P<title>[^"]+)"\s*$')

_ABBREVIATIONS = ("mis.", "No.", "no.", "e.g.", "i.e.", "dll.", "dsb.", "Kab.", "vs.", "etc.", "a.", "b.", "c.")
_VALUE = re.compile(r"<!--\s*px:value\b[^>]*-->")
_DROP = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"\[\[[^\[\]]+?\]\]"),
    re.compile(r"\[@[A-Za-z0-9][A-Za-z0-9_-]*\]"),
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link destinations (the link text stays)
    re.compile(r"<[^>\n]+>"),
    re.compile(r"\{:?\s*[.#][^}\n]*\}"),  # attribute lists
]
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:[-'’/.,][0-9A-Za-zÀ-ÿ]+)*")
_END = re.compile(r"[.!?][\"”’)*_]*(?P<gap>\s+)(?=[\"“(*_]*[A-Z0-9À-Þ])")


@dataclass(frozen=True)
class Sentence:
    line: int  # the line the sentence starts on
    words: int
    text: str


def words(text: str) -> int:
    """Words a reader reads in ``text`` (see the module docstring)."""
    text = _VALUE.sub(" nilai ", text)
    for pattern in _DROP:
        text = pattern.sub(" ", text)
    return len(_WORD.findall(text))


def split(text: str) -> list[str]:
    """A paragraph's sentences. A full stop after a known abbreviation does not end one."""
    text = " ".join(text.split())
    pieces, last = [], 0
    for match in _END.finditer(text):  # split at the space, keeping closing marks with the sentence
        pieces.append(text[last:match.start("gap")])
        last = match.end("gap")
    pieces.append(text[last:])
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].split()[-1].lstrip("(*_") in _ABBREVIATIONS:
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [p for p in out if words(p)]


def _paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph and list item in the given prose lines."""
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in lines:
        stripped = line.strip()
        new_item = re.match(r"(?:[-*+]|\d+[.)])\s+", stripped)
        if not stripped or new_item:
            if current:
                paragraphs.append((start, " ".join(current)))
            current = []
            if not stripped:
                continue
        if not current:
            start = number
        current.append(re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", stripped))
    if current:
        paragraphs.append((start, " ".join(current)))
    return paragraphs


def prose(text: str) -> list[tuple[int, str]]:
    """(line, text) of the page's prose lines, admonition bodies dedented; headings, tables,
    code, comments, block markers and admonition titles left out."""
    skip = front_matter_lines(text)
    for pattern in (r"<!--.*?-->", r"<blockquote\b.*?</blockquote>"):  # comments; quoted law is not our prose
        text = re.sub(pattern, lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.DOTALL)
    out: list[tuple[int, str]] = []
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        if number <= skip:
            continue
        stripped = line.strip()
        if re.match(r"(`{3,}|~{3,})", stripped):
            fence = None if fence else stripped[:3]
            out.append((number, ""))
            continue
        if fence or stripped.startswith(("#", "|", "!!!", "???", "<div", "</div", "<figure", "</figure")):
            out.append((number, ""))
            continue
        out.append((number, stripped))
    return out


def sentences(text: str) -> list[Sentence]:
    """Every sentence of the page's prose, with the line it starts on and its word count."""
    found = []
    for start, paragraph in _paragraphs(prose(text)):
        for piece in split(paragraph):
            found.append(Sentence(start, words(piece), piece))
    return found


def summary(text: str) -> tuple[str | None, int, list[Sentence]]:
    """The opening summary box: (its title, its line, its sentences); (None, 0, []) if absent."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = SUMMARY_RE.match(line)
        if not match:
            continue
        body: list[tuple[int, str]] = []
        for number in range(index + 2, len(lines) + 1):
            raw = lines[number - 1]
            if raw.strip() and not raw.startswith("    "):
                break
            body.append((number, raw.strip()))
        found = [Sentence(start, words(piece), piece) for start, paragraph in _paragraphs(body)
                 for piece in split(paragraph)]
        return match.group("title"), index + 1, found
    return None, 0, []


def figures(found: list[Sentence]) -> dict[str, float | int]:
    """Count, mean and longest sentence length, and how many run over 25 words."""
    counts = [s.words for s in found]
    return {"sentences": len(counts), "mean": round(mean(counts), 1) if counts else 0,
            "max": max(counts, default=0), "over_25": sum(1 for c in counts if c > 25)}

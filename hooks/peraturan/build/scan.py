"""Finding citations in Markdown source, with line and column, outside code.

The Markdown renderer never turns ``[[...]]`` inside code into a link, so the
scanner skips the same places: fenced code blocks, inline code spans, HTML
comments, and citations escaped as ``\\[[``. Front matter is skipped too, but
lines keep their numbers in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..legal.citation import CITATION_RE

_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Found:
    body: str
    line: int  # 1-based, in the file
    col: int  # 1-based column of "[["
    body_col: int  # 1-based column where the body starts


def front_matter_lines(text: str) -> int:
    """How many lines of YAML front matter open the file (0 if none)."""
    if not text.startswith("---"):
        return 0
    lines = text.split("\n")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return index + 1
    return 0


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) of lines outside front matter and fenced code,
    with code spans and HTML comments blanked out (lengths preserved)."""
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    skip = front_matter_lines(text)
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if number <= skip:
            continue
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")
            continue
        if fence is not None:
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence) \
                    and not line.strip()[len(match.group("fence")):].strip():
                fence = None
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def find_citations(text: str) -> list[Found]:
    found = []
    for number, line in prose_lines(text):
        for match in CITATION_RE.finditer(line):
            start = match.start()
            if _escaped(line, start):
                continue
            found.append(Found(match.group("body"), number, start + 1, match.start("body") + 1))
    return found


def _escaped(line: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and line[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1

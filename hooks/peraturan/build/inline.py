"""Rewriting Markdown text outside code: the one place that knows which parts of
a page are prose. Fenced code blocks and inline code spans are never touched,
so a page can show a marker such as ``[@key]`` in backticks to explain it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)")


def sub_outside_code(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> str:
    """``pattern.sub(repl, ...)`` on every line part outside fences and code spans."""
    out = []
    fence: str | None = None
    for line in text.split("\n"):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")
            out.append(line)
            continue
        if fence is not None:
            if match and match.group("fence")[0] == fence[0] and len(match.group("fence")) >= len(fence):
                fence = None
            out.append(line)
            continue
        pieces, last = [], 0
        for span in CODE_SPAN.finditer(line):
            pieces.append(pattern.sub(repl, line[last:span.start()]))
            pieces.append(span.group(0))
            last = span.end()
        pieces.append(pattern.sub(repl, line[last:]))
        out.append("".join(pieces))
    return "\n".join(out)


def blank_code_spans(line: str) -> str:
    """The line with inline code replaced by spaces (columns kept)."""
    return CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)

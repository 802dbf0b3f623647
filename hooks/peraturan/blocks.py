"""Generated blocks inside pages: ``<!-- px:NAME key=value -->`` on a line of its own.

A page never types what the data already says (an amount, an age limit, a
decision table); it places a block marker and the engine renders the block
from data, in the page's language. Renderers register themselves by name.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass

from .diagnostics import Diagnostic, EngineError, did_you_mean

BLOCK_RE = re.compile(r"^<!--\s*px:(?P<name>[a-z0-9-]+)(?P<args>[^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class BlockRequest:
    name: str
    args: dict[str, str]
    lang: str  # "id" or "en"
    page_rel: str  # path inside the language folder, e.g. "cara-kerja.md"
    path: str  # label for errors, e.g. "docs/id/cara-kerja.md"
    line: int


Renderer = Callable[[BlockRequest], str]
_renderers: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    """Register a block renderer. It returns Markdown (raw HTML allowed) or raises BlockError."""

    def register(function: Renderer) -> Renderer:
        _renderers[name] = function
        return function

    return register


class BlockError(ValueError):
    def __init__(self, message: str, suggestion: str = ""):
        super().__init__(message)
        self.message, self.suggestion = message, suggestion


def expand(markdown: str, lang: str, page_rel: str, path: str, first_line: int = 1) -> str:
    """Replace every block marker; raise EngineError listing every bad block.

    ``first_line`` is the file line of the text's first line (MkDocs strips
    front matter before hooks see the Markdown)."""
    problems: list[Diagnostic] = []
    lines = markdown.split("\n")
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else BLOCK_RE.match(line.strip())
        if not match:
            continue
        name = match.group("name")
        render = _renderers.get(name)
        if render is None:
            hint = did_you_mean(name, _renderers) or f"known blocks: {', '.join(sorted(_renderers))}"
            problems.append(Diagnostic(path, index + first_line, 1, f"unknown block 'px:{name}'", hint))
            continue
        try:
            args = dict(part.split("=", 1) for part in shlex.split(match.group("args")))
            lines[index] = render(BlockRequest(name, args, lang, page_rel, path, index + first_line))
        except ValueError as error:
            message = getattr(error, "message", str(error))
            problems.append(Diagnostic(path, index + first_line, 1, f"block 'px:{name}': {message}",
                                       getattr(error, "suggestion", "")))
    if problems:
        raise EngineError(problems)
    return "\n".join(lines)


def known_blocks() -> list[str]:
    return sorted(_renderers)

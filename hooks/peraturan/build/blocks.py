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
from typing import Any

from .diagnostics import Diagnostic, EngineError, did_you_mean

BLOCK_RE = re.compile(r"^<!--\s*px:(?P<name>[a-z0-9-]+)(?P<args>[^>]*?)\s*-->\s*$")
_ANY_MARKER = re.compile(r"^\s*<!--\s*px:", re.MULTILINE)  # a cheap test, as permissive as BLOCK_RE


def has_markers(text: str) -> bool:
    """Whether the text may hold a block marker (so callers can skip work for most pages)."""
    return _ANY_MARKER.search(text) is not None


@dataclass(frozen=True)
class BlockRequest:
    name: str
    args: dict[str, str]
    lang: str  # "id" or "en"
    page_rel: str  # path inside the language folder, e.g. "cara-kerja.md"
    path: str  # label for errors, e.g. "docs/id/cara-kerja.md"
    line: int
    # what the build has loaded for its renderers (peraturan.state.BuildState: the site's data,
    # the checker's rules); handed through, never read here
    build: Any = None


Renderer = Callable[[BlockRequest], str]


@dataclass(frozen=True)
class Registered:
    """A block renderer as registered. ``once``: its HTML carries fixed ids, so a page may
    hold it only once with the same arguments."""

    render: Renderer
    once: bool = False


# The renderers, by block name: filled when their modules are imported (code, the same for
# every build), so this is a table of functions, not build state (that is peraturan.state).
RENDERERS: dict[str, Registered] = {}


def renderer(name: str, *, once: bool = False) -> Callable[[Renderer], Renderer]:
    """Register a block renderer. It returns Markdown (raw HTML allowed) or raises BlockError.

    ``once``: the block writes element ids, so a second copy on a page would repeat them."""

    def register(function: Renderer) -> Renderer:
        RENDERERS[name] = Registered(function, once)
        return function

    return register


class BlockError(ValueError):
    def __init__(self, message: str, suggestion: str = ""):
        super().__init__(message)
        self.message, self.suggestion = message, suggestion


def _markers(lines: list[str]):
    """(index, marker match) of every block marker outside fenced code."""
    in_fence = False
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else BLOCK_RE.match(line.strip())
        if match:
            yield index, match


def _render_each(lines: list[str], lang: str, page_rel: str, path: str, first_line: int, build: Any):
    """(index, Markdown or Diagnostic) for every block marker in ``lines``."""
    seen: dict[tuple[str, str], int] = {}
    for index, match in _markers(lines):
        name = match.group("name")
        line = index + first_line
        if lines[index][:1].isspace():
            yield index, Diagnostic(path, line, 1,
                                    f"block 'px:{name}' is indented (inside a list, quote or admonition)",
                                    "put the marker at the start of its own line, outside any container")
            continue
        key = (name, " ".join(match.group("args").split()))
        registered = RENDERERS.get(name)
        if registered is not None and registered.once and key in seen:
            yield index, Diagnostic(path, line, 1, f"block 'px:{name}' is used twice on this page "
                                    f"(first at line {seen[key]})", "keep one: it writes element ids")
            continue
        seen.setdefault(key, line)
        if registered is None:
            hint = did_you_mean(name, RENDERERS) or f"known blocks: {', '.join(sorted(RENDERERS))}"
            yield index, Diagnostic(path, line, 1, f"unknown block 'px:{name}'", hint)
            continue
        try:
            args = dict(part.split("=", 1) for part in shlex.split(match.group("args")))
            yield index, registered.render(BlockRequest(name, args, lang, page_rel, path, line, build))
        except ValueError as error:
            message = getattr(error, "message", str(error))
            yield index, Diagnostic(path, line, 1, f"block 'px:{name}': {message}", getattr(error, "suggestion", ""))


def expand(markdown: str, lang: str, page_rel: str, path: str, first_line: int = 1, build: Any = None) -> str:
    """Replace every block marker; raise EngineError listing every bad block.

    ``first_line`` is the file line of the text's first line (MkDocs strips
    front matter before hooks see the Markdown)."""
    problems: list[Diagnostic] = []
    lines = markdown.split("\n")
    for index, output in _render_each(lines, lang, page_rel, path, first_line, build):
        if isinstance(output, Diagnostic):
            problems.append(output)
        else:
            lines[index] = output
    if problems:
        raise EngineError(problems)
    return "\n".join(lines)


def rendered(text: str, lang: str, page_rel: str, path: str, build: Any = None) -> list[tuple[int, str]]:
    """(file line, Markdown) of every block of a whole file that renders.

    Why: citations written by blocks (an authority-map edge, a decision table)
    must count for "Cited on" back-links and citation parity like the page's
    own. A block that does not render is skipped here; the page pass reports it
    with its location."""
    return [(index + 1, output) for index, output in _render_each(text.split("\n"), lang, page_rel, path, 1,
                                                                                    build)
            if not isinstance(output, Diagnostic)]


def known_blocks() -> list[str]:
    return sorted(RENDERERS)

"""One way for error tests to check a located error: message, file, line,
column, and that nothing else was reported.

An error test that checks only ``"some words" in report`` still passes when the
error points at the wrong line, or when a second, unexpected error appears
beside it. ``assert_errors`` fails in both cases::

    found = errors_of(caught.value)
    assert_errors(found, at("regulations/x.yml", *position(text, "year: twenty"), "year must be"))

``position(text, needle)`` computes the line and column of the bad text from
the file itself, so a test states *where* the fault is, not a number that
happens to match today.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from peraturan.build.diagnostics import Diagnostic, EngineError

# path:line:col: message (suggestion)   -- the format every engine error is printed in
# (a log line may carry a prefix such as MkDocs' "ERROR    -  ")
_LOCATED = re.compile(r"(?:^|\s)(?P<path>[^\s:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$")


@dataclass(frozen=True)
class Expected:
    """One error a test expects. ``message`` (and ``suggestion``) are distinctive parts
    of the reported text; path, line and col must match exactly."""

    path: str
    line: int
    col: int
    message: str
    suggestion: str = ""

    def matches(self, found: Diagnostic) -> bool:
        return (
            (found.path, found.line, found.col) == (self.path, self.line, self.col)
            and self.message in found.message
            # a diagnostic read back from printed text carries its suggestion inside the message
            and self.suggestion in (found.suggestion or found.message)
        )

    def __str__(self) -> str:
        hint = f" ({self.suggestion}...)" if self.suggestion else ""
        return f"{self.path}:{self.line}:{self.col}: ...{self.message}...{hint}"


def at(path: str, line: int, col: int, message: str, suggestion: str = "") -> Expected:
    return Expected(path, line, col, message, suggestion)


def position(text: str, needle: str, occurrence: int = 1, offset: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the ``occurrence``-th ``needle`` in ``text``, plus ``offset`` characters."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} (occurrence {occurrence}) not in the text"
    return line_col(text, start + offset)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of the character at ``index``."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def parse_report(text: str) -> list[Diagnostic]:
    """Diagnostics back from printed output (a build log, ``EngineError.report()``).

    Only lines in the located form ``path:line:col: message`` count; a trailing
    ``(suggestion)`` stays part of the message, which ``Expected`` matches by substring."""
    found = []
    for line in text.splitlines():
        match = _LOCATED.search(line.strip())
        if match:
            found.append(Diagnostic(match["path"], int(match["line"]), int(match["col"]), match["message"]))
    return found


def errors_of(source: EngineError | Iterable[Diagnostic] | str) -> list[Diagnostic]:
    if isinstance(source, EngineError):
        return list(source.diagnostics)
    if isinstance(source, str):
        return parse_report(source)
    return list(source)


def assert_errors(source: EngineError | Iterable[Diagnostic] | str, *expected: Expected,
                  only_path: str | None = None) -> list[Diagnostic]:
    """Exactly the ``expected`` errors (in any order), none missing and none extra.

    ``only_path`` limits the comparison to diagnostics of files starting with it
    (e.g. the Indonesian page when the English copy repeats the same fault)."""
    found = errors_of(source)
    if only_path is not None:
        found = [d for d in found if d.path.startswith(only_path)]
    unmatched = list(found)
    missing = []
    for want in expected:
        hit = next((d for d in unmatched if want.matches(d)), None)
        if hit is None:
            missing.append(want)
        else:
            unmatched.remove(hit)
    if missing or unmatched:
        lines = ["located errors differ from what was expected"]
        lines += [f"  missing: {w}" for w in missing]
        lines += [f"  extra:   {d.format()}" for d in unmatched]
        raise AssertionError("\n".join(lines))
    return found


def assert_error(source: EngineError | Iterable[Diagnostic] | str, path: str, line: int, col: int, message: str,
                 suggestion: str = "", only_path: str | None = None) -> Diagnostic:
    """The one and only error is ``message`` at ``path:line:col``."""
    return assert_errors(source, Expected(path, line, col, message, suggestion), only_path=only_path)[0]

"""Errors that point an editor at the exact place to fix.

Every problem the engine finds becomes a ``Diagnostic`` with a path, line and
column, so the build can report all of them at once instead of one per run.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .safe import visible


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file."""

    path: str
    line: int
    col: int
    message: str
    suggestion: str = ""

    def format(self) -> str:
        """One line; invisible characters are shown as ``<U+200B>`` so that two
        names that look the same on screen ("Perpres 36/2020" and "Perpres\u200b36/2020")
        read differently in the message."""
        if self.line:
            text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        else:  # a whole-file problem reads as a sentence about the file
            text = f"{self.path} {self.message}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return visible(text)

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.format()


class EngineError(Exception):
    """Raised with every diagnostic found, so one build reports them all."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """A 'did you mean' hint, or an empty string when nothing is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return f"did you mean '{lowered[close[0]]}'?" if close else ""

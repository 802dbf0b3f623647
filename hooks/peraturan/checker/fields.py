"""The rules file's field checker: the engine's one checker plus what only this file needs
(the column of a citation inside a value, whole numbers, ids, citations resolved in place)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from ..build.diagnostics import Diagnostic
from ..build.schema import FieldChecker, Text
from ..build.yamlsource import Located
from ..legal.cite import cite
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RulesChecker(FieldChecker):
    """Collects diagnostics for the rules file; knows its lines to place a citation's column."""

    def __init__(self, label: str, source: str):
        super().__init__(label, missing="see dev/EDITORS.md, 'Add an eligibility rule'")
        self.lines = source.split("\n")

    def text(self, data: Any, where: tuple[int, int], what: str) -> Text | None:
        return super().text(data, where, what, collapse=True, stop_on_keys=True)

    def body_col(self, where: tuple[int, int], offset: int) -> int:
        """Column of a citation body inside a one-line scalar that starts at ``where``."""
        line, col = where
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        quote = 1 if col - 1 < len(text) and text[col - 1] in "\"'" else 0
        return col + quote + 2 + offset


def read_int(c: RulesChecker, block: Located, key: str, what: str) -> int | None:
    if key not in block:
        return None
    value = block[key]
    if isinstance(value, bool) or not isinstance(value, int):
        c.error(block.where(key), f"{what}: '{key}' must be a whole number", f"got {value!r}")
        return None
    return value


def value_where(c: RulesChecker, block: Located, key: str) -> tuple[int, int]:
    """Where the value of ``key`` starts (the key's mark plus 'key: ')."""
    line, col = block.where(key)
    text = c.lines[line - 1] if 0 < line <= len(c.lines) else ""
    start = text.find(":", col - 1 + len(key))
    if start < 0:
        return (line, col)
    start += 1
    while start < len(text) and text[start] == " ":
        start += 1
    return (line, start + 1)


def resolve_body(c: RulesChecker, body: str, registry: Registry, day: dt.date, where: tuple[int, int],
             what: str) -> ResolvedCitation | None:
    """The citation resolved on ``day`` through the one citation path, or None after an error
    at the body's own column inside the value written at ``where``."""
    outcome = cite(body, registry, day, (c.label, where[0], c.body_col(where, 0)))
    if isinstance(outcome, Diagnostic):
        c.problems.append(replace(outcome, message=f"{what}: {outcome.message}"))
        return None
    return outcome


def read_date(c: RulesChecker, block: Located, key: str, what: str) -> dt.date | None:
    if block.get(key) is None:
        return None
    return c.date(block, key, what, allow_unknown=False, wanted="a date YYYY-MM-DD (or left out)")[1]


def read_id(c: RulesChecker, block: Located, what: str, kind: str, seen: dict[str, int]) -> str | None:
    """A question's or rule's id: lowercase words joined by '-', not used before (``seen``:
    id -> line of its first use)."""
    ident = block.get("id")
    if not isinstance(ident, str) or not ID_RE.match(ident):
        c.error(block.where("id"), f"{what}: id must be lowercase words joined by '-'", f"got {ident!r}")
        return None
    if ident in seen:
        c.error(block.where("id"), f"duplicate {kind} '{ident}' (first at line {seen[ident]})")
        return None
    return ident

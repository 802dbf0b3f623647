"""One checker of YAML fields and types, used by every loader of the engine.

A loader (registry, rules, site data, profile) reads a file of ``Located`` values and
asks this checker for each field; a wrong field becomes a ``Diagnostic`` at its line and
the loader reads on, so an editor sees every problem of a file at once. The loaders
differ only in where their format is documented (``missing``) and in small choices
passed as arguments, so the wording of an error is the same wherever it is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .dates import iso_date
from .diagnostics import Diagnostic, did_you_mean
from .yamlsource import Located, LocatedList

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Text:
    """A bilingual string. ``en`` may be empty where no translation exists."""

    id: str
    en: str = ""

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.id


def mark(seq: Any, index: int) -> tuple[int, int]:
    """Line and column of item ``index`` of a loaded list (of the list itself if unknown)."""
    if isinstance(seq, LocatedList) and index < len(seq.item_marks):
        return seq.item_marks[index]
    return (getattr(seq, "line", 0), getattr(seq, "col", 0))


class FieldChecker:
    """Reads the fields of one file and collects located diagnostics.

    ``missing`` is the suggestion for a missing field (``{key}`` is filled in): it names
    the guide that documents the file's format."""

    def __init__(self, label: str, missing: str = "add '{key}:'"):
        self.label = label
        self.missing = missing
        self.problems: list[Diagnostic] = []

    def error(self, where: tuple[int, int], message: str, suggestion: str = "") -> None:
        self.problems.append(Diagnostic(self.label, where[0], where[1], message, suggestion))

    def mapping(self, data: Any, where: tuple[int, int], what: str) -> Located | None:
        if not isinstance(data, Located):
            self.error(where, f"{what} must be a mapping (key: value)")
            return None
        return data

    def sequence(self, data: Any, where: tuple[int, int], what: str, allow_empty: bool = False) -> LocatedList:
        """The list, or an empty one after an error (so a loop over it simply does nothing)."""
        if not isinstance(data, LocatedList) or (not data and not allow_empty):
            self.error(where, f"{what} must be a{'' if allow_empty else ' non-empty'} list")
            return LocatedList()
        return data

    def keys(self, data: Located, required: tuple[str, ...], optional: tuple[str, ...], what: str) -> bool:
        ok = True
        for key in required:
            if key not in data:
                self.error(data.where(), f"{what}: missing field '{key}'", self.missing.format(key=key))
                ok = False
        for key in data:
            if key not in required and key not in optional:
                self.error(data.where(key), f"{what}: unknown field '{key}'",
                           did_you_mean(key, required + optional) or "remove it")
                ok = False
        return ok

    def entries(self, items: LocatedList, what: str, required: tuple[str, ...],
                optional: tuple[str, ...] = ()) -> Iterator[tuple[int, Located, str]]:
        """Each mapping of a list whose keys are right, as (index, mapping, ``what[index]``)."""
        for index, raw in enumerate(items):
            label = f"{what}[{index}]"
            block = self.mapping(raw, mark(items, index), label)
            if block is not None and self.keys(block, required, optional, label):
                yield index, block, label

    def string(self, data: Located, key: str, what: str, allow_unknown: bool = False,
               numbers: bool = False) -> str | None:
        """A non-empty string, stripped; ``numbers`` takes ``36`` as ``"36"``.
        ``unknown`` is refused unless allowed (then None)."""
        value = data.get(key)
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.error(data.where(key), f"{what}: '{key}' must be a non-empty string")
            return None
        if value.strip() == UNKNOWN:
            if not allow_unknown:
                self.error(data.where(key), f"{what}: '{key}' may not be 'unknown'")
            return None
        return value.strip()

    def date(self, data: Located, key: str, what: str, allow_unknown: bool = True,
             wanted: str = "") -> tuple[bool, dt.date | None]:
        """(ok, date) of a field written YYYY-MM-DD; a missing field or ``unknown`` (when
        allowed) is ``(True, None)``. ``wanted`` rewords what the error asks for."""
        value = data.get(key)
        if value is None and key not in data:
            return True, None
        if value == UNKNOWN and allow_unknown:
            return True, None
        day = iso_date(value)
        if day is not None:
            return True, day
        wanted = wanted or "a date YYYY-MM-DD" + (" or unknown" if allow_unknown else "")
        self.error(data.where(key), f"{what}: '{key}' must be {wanted}", f"got {value!r}")
        return False, None

    def one_of(self, data: Located, key: str, what: str, tags: tuple[str, ...], default: str = "unverified",
               name: str = "evidence") -> str:
        """A value from a closed list (an evidence tag by default), else ``default`` after an error."""
        value = data.get(key)
        if value not in tags:
            self.error(data.where(key), f"{what}: {name} must be one of {', '.join(tags)}",
                       did_you_mean(str(value), tags) or f"got {value!r}")
            return default
        return value

    def text(self, data: Any, where: tuple[int, int], what: str, need_en: bool = True,
             collapse: bool = False, stop_on_keys: bool = False) -> Text | None:
        """A bilingual string ``{id: ..., en: ...}`` (``en`` may be left out unless
        ``need_en``); ``collapse`` folds runs of white space into one space."""
        block = self.mapping(data, where, what)
        if block is None:
            return None
        langs = ("id", "en") if need_en or "en" in block else ("id",)
        keys_ok = self.keys(block, ("id", "en") if need_en else ("id",), () if need_en else ("en",), what)
        if stop_on_keys and not keys_ok:
            return None
        values = []
        for lang in langs:
            value = block.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.error(block.where(lang), f"{what}: '{lang}' must be a non-empty string",
                           "add the English translation" if lang == "en" else "")
                return None
            values.append(" ".join(value.split()) if collapse else value.strip())
        return Text(*values)

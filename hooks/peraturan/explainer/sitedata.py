"""Shared helpers for the site's own data files in ``data/`` (amounts, limits,
authority map, bibliography).

Every loader here works like the regulation registry: it reads YAML with line
numbers, collects *all* problems as ``Diagnostic`` objects (``path:line:col``)
and raises one ``EngineError`` at the end. Citations written inside data are
parsed and resolved against the registry with the same grammar as pages, so a
data file can never cite a provision that does not exist.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..build import words
from ..build.dates import MONTHS
from ..build.diagnostics import Diagnostic
from ..build.safe import url_problem
from ..build.schema import UNKNOWN, FieldChecker
from ..build.yamlsource import Located, LocatedList
from ..legal.cite import cite
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation

# How firmly we know a fact. The first three match the legal dossier's tags:
# SEEN-PRIMARY -> official-text, SEEN-OFFICIAL -> official-statement,
# SEEN-NEWS -> reported. A study is its own kind of evidence.
EVIDENCE = ("official-text", "official-statement", "reported", "study", "unverified")

EVIDENCE_LABELS = words.table("evidence_labels")  # hooks/peraturan/build/words.yml



def evidence_badge(evidence: str, lang: str) -> str:
    """Same look as the engine's badges (``px-evidence--<tag>``), with the site-data vocabulary."""
    return (f'<span class="px-evidence px-evidence--{evidence}">'
            f"{EVIDENCE_LABELS[lang][evidence]}</span>")


@dataclass(frozen=True, order=True)
class Day:
    """A date known to a year, a month or a day. ``2020`` is not ``2020-01-01``."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, value: Any) -> Day | None:
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
            return cls(value)
        if isinstance(value, str):
            match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
            if match:
                year, month, day = (int(g) if g else 0 for g in match.groups())
                try:
                    if month:
                        dt.date(year, month, day or 1)
                except ValueError:
                    return None
                return cls(year, month, day)
        return None

    def first(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month, self.day)
        if self.month:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def format(self, lang: str) -> str:
        if self.day:
            return f"{self.day} {MONTHS[lang][self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[lang][self.month - 1]} {self.year}"
        return str(self.year)


def format_date(day: dt.date, lang: str) -> str:
    return Day(day.year, day.month, day.day).format(lang)


def format_rupiah(amount: int, lang: str) -> str:
    """Rp3.500.000 in Indonesian, Rp3,500,000 in English."""
    grouped = f"{amount:,}"
    return "Rp" + (grouped.replace(",", ".") if lang == "id" else grouped)


class DataChecker(FieldChecker):
    """Reads fields of one data file and collects diagnostics with line numbers; adds
    partial dates, addresses and citations to the engine's field checker."""

    def __init__(self, label: str, registry: Registry | None = None, as_of: dt.date | None = None):
        super().__init__(label)
        self.registry = registry
        self.as_of = as_of

    def evidence(self, data: Located, key: str, what: str) -> str:
        return self.one_of(data, key, what, EVIDENCE)

    def resolve(self, body: str) -> ResolvedCitation | Diagnostic:
        """A citation body resolved on the as-of date (the one citation path); the
        diagnostic's place is the caller's field."""
        if self.registry is None or self.as_of is None:
            return Diagnostic("", 0, 0, "no regulation registry loaded to check the citation against")
        return cite(body, self.registry, self.as_of)

    def day(self, data: Located, key: str, what: str, allow_unknown: bool = True) -> tuple[bool, Day | None]:
        value = data.get(key)
        if value == UNKNOWN and allow_unknown:
            return True, None
        parsed = Day.parse(value)
        if parsed is None:
            wanted = "YYYY, YYYY-MM or YYYY-MM-DD" + (" or unknown" if allow_unknown else "")
            self.error(data.where(key), f"{what}: '{key}' must be {wanted}", f"got {value!r}")
            return False, None
        return True, parsed

    def url(self, data: Located, key: str, what: str) -> str | None:
        """An address, or None when the field says ``unknown``."""
        value = self.string(data, key, what, allow_unknown=True)
        if value is None:
            return None
        if url_problem(value):
            self.error(data.where(key), f"{what}: '{key}' {url_problem(value)}, or be unknown")
            return None
        return value

    def citation(self, body: Any, where: tuple[int, int], what: str, need_unit: bool = False,
                 allow_textless: bool = False) -> str | None:
        """Parse and resolve one citation string written without ``[[ ]]``.

        Returns the body to emit as ``[[body]]`` in generated Markdown, or None
        after recording a diagnostic. ``need_unit`` refuses a whole-instrument
        citation (so the rendered link always lands on a provision anchor); with
        ``allow_textless`` it accepts one for an instrument whose text was not found
        (no provision recorded), as no Pasal can be named then."""
        if not isinstance(body, str) or not body.strip():
            self.error(where, f"{what}: a citation must be a non-empty string",
                       "e.g. Permenko Perekonomian 11/2020 Pasal 9 ayat (2)")
            return None
        body = " ".join(body.strip().removeprefix("[[").removesuffix("]]").split())
        resolved = self.resolve(body)
        if isinstance(resolved, Diagnostic):
            self.error(where, f"{what}: {resolved.message}", resolved.suggestion)
            return None
        if need_unit and not resolved.units and not (allow_textless and not resolved.instrument.provisions):
            self.error(where, f"{what}: [[{body}]] names a whole instrument; cite a Pasal, ayat or huruf",
                       "the rendered link must land on a provision's anchor" + (
                           "" if resolved.instrument.provisions else
                           "; an instrument whose text was not found may be cited whole only with a 'source'"))
            return None
        return body

    def citations(self, data: Located, key: str, what: str, need_unit: bool = False,
                  allow_textless: bool = False) -> list[str]:
        """A field holding one citation string or a list of them."""
        value = data.get(key)
        if isinstance(value, LocatedList):
            if not value:
                self.error(data.where(key), f"{what}: '{key}' must not be empty")
            marks = value.item_marks
            found = [self.citation(item, marks[i], f"{what}: {key}[{i}]", need_unit, allow_textless)
                     for i, item in enumerate(value)]
        else:
            found = [self.citation(value, data.where(key), f"{what}: {key}", need_unit, allow_textless)]
        return [body for body in found if body]

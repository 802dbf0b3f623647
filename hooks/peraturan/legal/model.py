"""The regulation registry: instruments, provisions and their dated versions.

One YAML file per instrument in ``regulations/`` (format: dev/REGISTRY-FORMAT.md).
Loading validates everything and collects *all* problems with file, line and
field before failing, so an editor fixes a batch of mistakes in one go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..build.dates import Period, Versioned
from ..build.profile import InstrumentType
from ..build.schema import Text
from .citation import Ref, unit_sort_key

EVIDENCE = ("official-text", "reported", "unverified")
# A provision version may also be our own summary of a provision whose wording
# was not found (its existence and gist come from another official text).
VERSION_EVIDENCE = ("official-text", "summary", "reported", "unverified")
SOURCE_KINDS = ("official", "mirror", "news", "study")
RELATION_TYPES = ("amends", "replaces", "implements")
INVERSE = {"amends": "amended-by", "replaces": "replaced-by", "implements": "implemented-by"}


@dataclass(frozen=True)
class Item:
    """A huruf or angka inside a provision version."""

    key: str
    text: Text
    items: dict[str, Item] = field(default_factory=dict)


@dataclass(frozen=True)
class Version(Period):
    valid_from: dt.date | None  # None: not known (only the oldest version)
    valid_to: dt.date | None  # None: still in force
    by: str | None
    evidence: str
    source: str
    text_id: str | None
    text_en: str | None
    summary: Text | None
    items: dict[str, Item]
    note: Text | None

    def item(self, path: tuple[str, ...]) -> Item | None:
        items = self.items
        found = None
        for key in path:
            found = items.get(key)
            if found is None:
                return None
            items = found.items
        return found


@dataclass(frozen=True)
class Provision(Versioned):
    ref: Ref
    heading: Text
    versions: tuple[Version, ...]
    line: int

    @property
    def current(self) -> Version:
        return self.versions[-1]


@dataclass(frozen=True)
class Source:
    url: str
    label: Text
    kind: str
    read: dt.date | None


@dataclass(frozen=True)
class Relation:
    type: str  # amends | replaces | implements, or an inverse (amended-by, ...)
    target: str
    via: str | None
    evidence: str
    source: str | None
    # where the relation is written (file label, (line, col)), for errors found when linking
    where: tuple[str, tuple[int, int]] = field(default=("", (0, 0)), compare=False, repr=False)


@dataclass
class Instrument:
    id: str
    type: str
    number: str
    year: int
    cite_as: str
    aliases: tuple[str, ...]
    name: Text
    title: Text | None  # None: unknown
    title_evidence: str
    dates: dict[str, dt.date | None]  # ditetapkan / diundangkan / berlaku; None = unknown
    gazette: str | None
    status: Text | None
    sources: tuple[Source, ...]
    relations: list[Relation]
    notes: tuple[Text, ...]
    provisions: dict[Ref, Provision]
    path: str
    # where cite_as and each alias are written (line, col), so a clash is reported there
    name_marks: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def pasal_numbers(self) -> list[str]:
        return sorted({ref.pasal for ref in self.provisions}, key=unit_sort_key)

    def provisions_in_pasal(self, pasal: str) -> list[Provision]:
        found = [p for ref, p in self.provisions.items() if ref.pasal == pasal]
        return sorted(found, key=lambda p: unit_sort_key(p.ref.ayat) if p.ref.ayat else (-1, ""))


@dataclass
class CitationCache:
    """What ``legal/cite.py`` has resolved against one registry: (body, day) -> the resolved
    citation or its error. It lives on the registry, so every caller of one build shares it
    and a reloaded registry starts empty."""

    entries: dict[tuple[str, dt.date | None], Any] = field(default_factory=dict)
    parsed: dict[str, Any] = field(default_factory=dict)  # body -> Citation or CitationSyntaxError
    hits: int = 0
    misses: int = 0


@dataclass
class Registry:
    instruments: dict[str, Instrument]
    by_citation: dict[str, str]  # casefolded cite_as/alias -> instrument id
    types: tuple[InstrumentType, ...] = ()  # the site's instrument types, in their configured order
    citations: CitationCache = field(default_factory=CitationCache, repr=False, compare=False)

    def lookup(self, written: str) -> Instrument | None:
        key = " ".join(written.split()).casefold()
        ident = self.by_citation.get(key)
        return self.instruments.get(ident) if ident else None

    def citation_names(self) -> list[str]:
        instruments = self.instruments.values()
        return [i.cite_as for i in instruments] + [alias for i in instruments for alias in i.aliases]

    @property
    def type_keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types)

    def type_name(self, key: str, lang: str) -> str:
        """"Peraturan Presiden" / "Presidential Regulation", as the site's profile names the type."""
        return next(t for t in self.types if t.key == key).name(lang)

    def ordered(self) -> list[Instrument]:
        """By year, then type order, then number: the order of the amendment chain."""
        return sorted(
            self.instruments.values(),
            key=lambda i: (i.year, self.type_keys.index(i.type), unit_sort_key(i.number.split("/")[0])),
        )

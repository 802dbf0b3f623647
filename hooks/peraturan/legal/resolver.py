"""Resolving a parsed citation against the registry on a given date.

A citation is only as good as what it points to: the instrument must exist,
every Pasal / ayat / huruf / angka must exist, and the version cited must be in
force on the site's as-of date unless the author pinned another date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from ..build.diagnostics import did_you_mean
from .citation import Citation, CitationError, Ref, Span, unit_sort_key
from .model import Instrument, Item, Provision, Registry, Version


class ResolveError(CitationError):
    """A well-formed citation that points at nothing."""


@dataclass(frozen=True)
class Resolved:
    """One unit a citation points at, in the version in force on ``day``."""

    instrument: Instrument
    ref: Ref | None  # None: the whole instrument
    provisions: tuple[Provision, ...]  # one, or all provisions of a cited Pasal
    version: Version | None  # the version of the single provision, if one
    item: Item | None
    day: dt.date

    @property
    def anchor(self) -> str:
        return self.ref.anchor() if self.ref else ""

    @property
    def key(self) -> str:
        """Identity used for citation parity and back-links."""
        base = f"{self.instrument.id}#{self.anchor}" if self.ref else self.instrument.id
        return base


@dataclass(frozen=True)
class ResolvedCitation:
    citation: Citation
    instrument: Instrument
    units: tuple[Resolved, ...]
    day: dt.date
    pinned: bool

    @cached_property
    def keys(self) -> tuple[str, ...]:
        pin = f"@{self.day.isoformat()}" if self.pinned else ""
        if not self.units:
            return (self.instrument.id + pin,)
        return tuple(unit.key + pin for unit in self.units)


def resolve(citation: Citation, registry: Registry, as_of: dt.date) -> ResolvedCitation:
    instrument = registry.lookup(citation.instrument)
    if instrument is None:
        _unknown_instrument(citation, registry)
    day = citation.pin or as_of
    units = []
    for span in citation.spans:
        offset = span.offset  # errors point at the span they are about
        for ref in _expand(span, instrument, day, citation.pin is not None, offset):
            units.append(_resolve_one(ref, instrument, day, citation.pin is not None, offset))
    return ResolvedCitation(citation, instrument, tuple(units), day, citation.pin is not None)


def _unknown_instrument(citation: Citation, registry: Registry) -> None:
    """Raise the error for a name that is no instrument. When a known name is followed by
    more words ("Perpres 36/2020 ayat (4)": the units must start with Pasal), point at them."""
    words = list(re.finditer(r"\S+", citation.body))
    written = citation.instrument.split()
    for count in range(len(written) - 1, 0, -1):
        known = registry.lookup(" ".join(written[:count]))
        if known is not None and count < len(words):
            extra = " ".join(written[count:])
            raise ResolveError(f"unknown instrument '{citation.instrument}'", words[count].start(),
                               f"'{extra}' follows {known.cite_as}: units start with 'Pasal', e.g. "
                               f"[[{known.cite_as} Pasal 1]]")
    hint = did_you_mean(citation.instrument, registry.citation_names(), cutoff=0.5)
    raise ResolveError(f"unknown instrument '{citation.instrument}'", citation.instrument_offset,
                       hint or "see the list in regulations/*.yml (cite_as)")


def _expand(span: Span, instrument: Instrument, day: dt.date, pinned: bool, offset: int) -> list[Ref]:
    if span.end is None:
        return [span.start]
    start, end = span.start, span.end
    siblings = _siblings(start, instrument, day, pinned, offset)
    for endpoint in (start, end):
        if getattr(endpoint, endpoint.level) not in siblings:
            # Resolving the endpoint alone gives the precise message.
            _resolve_one(endpoint, instrument, day, pinned, offset)
    values = siblings[siblings.index(getattr(start, start.level)): siblings.index(getattr(end, end.level)) + 1]
    if not values:
        raise ResolveError(f"'{start.indonesian()} sampai dengan {end.indonesian()}' runs backwards", offset,
                           "write the lower unit first")
    parts = dict(start.parts())
    refs = []
    for value in values:
        parts[start.level] = value
        refs.append(Ref(**parts))
    return refs


def _siblings(ref: Ref, instrument: Instrument, day: dt.date, pinned: bool, offset: int) -> list[str]:
    if ref.level == "pasal":
        return instrument.pasal_numbers()
    if ref.level == "ayat":
        return [p.ref.ayat for p in instrument.provisions_in_pasal(ref.pasal) if p.ref.ayat]
    parent = _resolve_one(ref.parent(), instrument, day, pinned, offset)
    items = parent.item.items if parent.item else (parent.version.items if parent.version else {})
    return sorted(items, key=unit_sort_key)


def _resolve_one(ref: Ref, instrument: Instrument, day: dt.date, pinned: bool, offset: int) -> Resolved:
    name = instrument.cite_as
    pasal_group = instrument.provisions_in_pasal(ref.pasal)
    if not pasal_group:
        known = ", ".join(instrument.pasal_numbers()[:12]) or "none"
        hint = did_you_mean(ref.pasal, instrument.pasal_numbers(), cutoff=0.5)
        raise ResolveError(f"{name} has no Pasal {ref.pasal} in the registry", offset,
                           hint or f"known Pasal: {known}")
    if ref.level == "pasal" and Ref(ref.pasal) not in instrument.provisions:
        in_force = [p for p in pasal_group if p.version_at(day)]
        if not in_force:
            raise ResolveError(_not_in_force(f"Pasal {ref.pasal} {name}", pasal_group, day, pinned), offset,
                               _pin_hint(pasal_group, pinned))
        return Resolved(instrument, ref, tuple(in_force), None, None, day)
    provision = instrument.provisions.get(ref.provision_key())
    if provision is None:
        ayat = [p.ref.ayat for p in pasal_group if p.ref.ayat]
        if ref.ayat:
            hint = f"Pasal {ref.pasal} has ayat " + ", ".join(f"({a})" for a in ayat) if ayat else \
                f"Pasal {ref.pasal} is recorded without ayat"
            raise ResolveError(f"{name} Pasal {ref.pasal} has no ayat ({ref.ayat}) in the registry", offset, hint)
        raise ResolveError(f"{name} Pasal {ref.pasal} is recorded by ayat; cite an ayat", offset,
                           "e.g. " + ", ".join(f"ayat ({a})" for a in ayat[:3]))
    version = provision.version_at(day)
    if version is None:
        raise ResolveError(_not_in_force(f"{provision.ref.indonesian()} {name}", [provision], day, pinned), offset,
                           _pin_hint([provision], pinned))
    item = None
    path = ref.item_path()
    if path:
        item = version.item(path)
        if item is None:
            where = provision.ref.indonesian()
            have = _item_names(version, path[:-1])
            level = "angka" if ref.angka else "huruf"
            raise ResolveError(f"{name} {where} has no {level} {path[-1]} in the version in force on {day}", offset,
                               f"it has {have}" if have else "this version records no huruf/angka")
    return Resolved(instrument, ref, (provision,), version, item, day)


def _item_names(version: Version, parent_path: tuple[str, ...]) -> str:
    items = version.items if not parent_path else (version.item(parent_path).items if version.item(parent_path) else {})
    return ", ".join(sorted(items, key=unit_sort_key))


def _not_in_force(what: str, provisions: list[Provision], day: dt.date, pinned: bool) -> str:
    spans = "; ".join(
        f"{v.valid_from or 'unknown'} to {v.valid_to or 'now'}" for p in provisions for v in p.versions
    )
    if pinned:
        return f"{what} has no version in force on {day} (versions: {spans})"
    return f"{what} is not in force on the site's as-of date {day} (versions: {spans})"


def _pin_hint(provisions: list[Provision], pinned: bool) -> str:
    last = provisions[-1].versions[-1]
    if pinned:
        return "pick a date inside one of the versions"
    date = last.valid_from or last.valid_to
    return f"to cite a historic version add a date, e.g. @{date}" if date else "add a date pin @YYYY-MM-DD"

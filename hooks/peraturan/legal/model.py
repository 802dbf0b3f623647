"""The regulation registry: instruments, provisions and their dated versions.

One YAML file per instrument in ``regulations/`` (format: dev/REGISTRY-FORMAT.md).
Loading validates everything and collects *all* problems with file, line and
field before failing, so an editor fixes a batch of mistakes in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build.dates import Period, version_at
from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.profile import InstrumentType, default_profile
from ..build.safe import url_problem, visible
from ..build.schema import UNKNOWN, FieldChecker, Text, mark
from ..build.yamlsource import Located, load_yaml
from .citation import LEVELS, CitationSyntaxError, Ref, parse_ref, unit_sort_key

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
class Provision:
    ref: Ref
    heading: Text
    versions: tuple[Version, ...]
    line: int

    def version_at(self, day: dt.date) -> Version | None:
        return version_at(self.versions, day)

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
class Registry:
    instruments: dict[str, Instrument]
    by_citation: dict[str, str]  # casefolded cite_as/alias -> instrument id
    types: tuple[InstrumentType, ...] = ()  # the site's instrument types, in their configured order

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


# --------------------------------------------------------------------------- loading


class _Checker(FieldChecker):
    """Collects diagnostics for one registry file while reading its fields."""

    def __init__(self, label: str):
        super().__init__(label, missing="add '{key}:' (see dev/REGISTRY-FORMAT.md)")

    def string(self, data: Located, key: str, what: str, allow_unknown: bool = False) -> str | None:
        return super().string(data, key, what, allow_unknown, numbers=True)  # a number: 36, 2020

    def evidence(self, data: Located, key: str, what: str, tags: tuple[str, ...] = EVIDENCE) -> str:
        return self.one_of(data, key, what, tags)


def load_registry(folder: Path, label_root: str = "", types: tuple[InstrumentType, ...] | None = None) -> Registry:
    """Load and validate every ``*.yml`` in ``folder``; raise EngineError listing all problems.

    ``types``: the instrument types a file may name, in order (the site's profile;
    None: the engine's defaults in ``profile.yml``)."""
    if types is None:
        types = default_profile().instrument_types
    keys = tuple(t.key for t in types)
    problems: list[Diagnostic] = []
    instruments: dict[str, Instrument] = {}
    files = sorted(folder.glob("*.yml"))
    if not files:
        raise EngineError([Diagnostic(label_root or str(folder), 0, 0, "holds no *.yml registry files",
                                    "add one YAML file per instrument (dev/REGISTRY-FORMAT.md)")])
    for path in files:
        label = _label(path, label_root)
        try:
            data = load_yaml(path, label)
        except EngineError as error:
            problems.extend(error.diagnostics)
            continue
        checker = _Checker(label)
        instrument = _read_instrument(checker, data, path.stem, label, keys)
        problems.extend(checker.problems)
        if instrument is not None:
            instruments[instrument.id] = instrument
    by_citation: dict[str, str] = {}
    for instrument in instruments.values():
        for name in (instrument.cite_as, *instrument.aliases):
            key = " ".join(name.split()).casefold()
            if key in by_citation and by_citation[key] != instrument.id:
                line, col = instrument.name_marks.get(name, (1, 1))
                problems.append(Diagnostic(instrument.path, line, col, f"citation name '{name}' is also used by "
                                           f"regulations/{by_citation[key]}.yml", "make cite_as and aliases unique"))
            by_citation[key] = instrument.id
    _link_relations(instruments, {path.stem for path in files}, problems)
    if problems:
        raise EngineError(problems)
    return Registry(instruments, by_citation, tuple(types))


def _label(path: Path, root: str) -> str:
    return f"{root}/{path.name}" if root else str(path)


# a citation's instrument name is shown raw in the nav: plain letters, digits and punctuation only
CITE_AS = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/-]*[A-Za-z0-9)]")

INSTRUMENT_REQUIRED = ("id", "type", "number", "year", "cite_as", "name", "title", "dates", "gazette", "sources",
                       "relations", "provisions")
INSTRUMENT_OPTIONAL = ("aliases", "status", "notes")


def _read_instrument(c: _Checker, data: Any, stem: str, label: str, types: tuple[str, ...]) -> Instrument | None:
    root = c.mapping(data, (1, 1), "instrument file")
    if root is None:
        return None
    if not c.keys(root, INSTRUMENT_REQUIRED, INSTRUMENT_OPTIONAL, "instrument"):
        return None
    ident = c.string(root, "id", "instrument")
    if ident and ident != stem:
        c.error(root.where("id"), f"id '{ident}' does not match the file name", f"rename the file or write id: {stem}")
    kind = root.get("type")
    if kind not in types:
        hint = did_you_mean(str(kind), types)
        c.error(root.where("type"), f"type must be one of {', '.join(types)}",
                (f"{hint} Or " if hint else "") + "add the type under extra.peraturan.instrument_types in mkdocs.yml")
    number = c.string(root, "number", "instrument")
    year = root.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1945 <= year <= 2100:
        c.error(root.where("year"), "year must be a four-digit number", f"got {year!r}")
        year = 0
    cite_as = c.string(root, "cite_as", "instrument")
    if cite_as and not CITE_AS.fullmatch(cite_as):
        c.error(root.where("cite_as"), f"cite_as {visible(cite_as)!r} may hold only letters, digits, spaces "
                "and . , ( ) / -", "e.g. 'Perpres 36/2020'")
        cite_as = None
    aliases = root.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        c.error(root.where("aliases"), "aliases must be a list of strings")
        aliases = []
    name_marks = {a: mark(root.get("aliases"), i) for i, a in reversed(list(enumerate(aliases)))}
    if cite_as:
        name_marks[cite_as] = root.where("cite_as")
    name = c.text(root.get("name"), root.where("name"), "name")
    title, title_evidence = _read_title(c, root)
    dates = _read_dates(c, root)
    gazette = c.string(root, "gazette", "instrument", allow_unknown=True)
    status = c.text(root["status"], root.where("status"), "status") if "status" in root else None
    sources = _read_sources(c, root)
    relations = _read_relations(c, root)
    raw_notes = root.get("notes") or []
    if not isinstance(raw_notes, list):
        c.error(root.where("notes"), "notes must be a list of {id, en} texts", f"got {raw_notes!r}")
        raw_notes = []
    notes = tuple(t for t in (c.text(n, mark(raw_notes, i), f"notes[{i}]") for i, n in enumerate(raw_notes)) if t)
    provisions = _read_provisions(c, root)
    if c.problems or not (ident and number and cite_as and name):
        return None
    return Instrument(
        id=ident, type=kind, number=number, year=year, cite_as=cite_as, aliases=tuple(aliases), name=name,
        title=title, title_evidence=title_evidence, dates=dates, gazette=gazette, status=status, sources=sources,
        relations=relations, notes=notes, provisions=provisions, path=label, name_marks=name_marks,
    )


def _read_title(c: _Checker, root: Located) -> tuple[Text | None, str]:
    block = c.mapping(root.get("title"), root.where("title"), "title")
    if block is None:
        return None, "unverified"
    c.keys(block, ("id", "en", "evidence"), (), "title")
    evidence = c.evidence(block, "evidence", "title")
    id_title, en_title = block.get("id"), block.get("en")
    if id_title == UNKNOWN:
        if en_title != UNKNOWN:
            c.error(block.where("en"), "title: 'en' must be unknown when 'id' is unknown")
        return None, evidence
    if not isinstance(id_title, str) or not isinstance(en_title, str) or en_title == UNKNOWN:
        c.error(block.where(), "title: 'id' and 'en' must be strings (or both unknown)")
        return None, evidence
    return Text(id_title.strip(), en_title.strip()), evidence


def _read_dates(c: _Checker, root: Located) -> dict[str, dt.date | None]:
    block = c.mapping(root.get("dates"), root.where("dates"), "dates")
    names = ("ditetapkan", "diundangkan", "berlaku")
    if block is None:
        return dict.fromkeys(names)
    c.keys(block, names, (), "dates")
    dates = {name: c.date(block, name, "dates")[1] for name in names}
    known = [(n, d) for n, d in dates.items() if d is not None]
    for (first, a), (second, b) in zip(known, known[1:], strict=False):
        if a > b:
            c.error(block.where(second), f"dates: {second} ({b}) is before {first} ({a})",
                    "check the order of the dates")
    return dates


def _read_sources(c: _Checker, root: Located) -> tuple[Source, ...]:
    items = root.get("sources")
    if not isinstance(items, list) or not items:
        c.error(root.where("sources"), "sources must be a non-empty list", "add at least one source address")
        return ()
    sources = []
    for index, raw in enumerate(items):
        block = c.mapping(raw, mark(items, index), f"sources[{index}]")
        if block is None or not c.keys(block, ("url", "label", "kind", "read"), (), f"sources[{index}]"):
            continue
        url = c.string(block, "url", f"sources[{index}]")
        if url and url_problem(url):
            c.error(block.where("url"), f"sources[{index}]: url {url_problem(url)}")
            url = None
        label = c.text(block.get("label"), block.where("label"), f"sources[{index}].label")
        kind = block.get("kind")
        if kind not in SOURCE_KINDS:
            c.error(block.where("kind"), f"sources[{index}]: kind must be one of {', '.join(SOURCE_KINDS)}",
                    did_you_mean(str(kind), SOURCE_KINDS))
        _, read = c.date(block, "read", f"sources[{index}]")
        if url and label:
            sources.append(Source(url, label, kind, read))
    return tuple(sources)


def _read_relations(c: _Checker, root: Located) -> list[Relation]:
    items = root.get("relations")
    if not isinstance(items, list):
        c.error(root.where("relations"), "relations must be a list (may be empty: [])")
        return []
    relations = []
    for index, raw in enumerate(items):
        what = f"relations[{index}]"
        block = c.mapping(raw, mark(items, index), what)
        if block is None or not c.keys(block, ("type", "target", "evidence"), ("via", "source"), what):
            continue
        kind = block.get("type")
        if kind not in RELATION_TYPES:
            c.error(block.where("type"), f"{what}: type must be one of {', '.join(RELATION_TYPES)}",
                    did_you_mean(str(kind), RELATION_TYPES))
            continue
        target = c.string(block, "target", what)
        evidence = c.evidence(block, "evidence", what)
        if "via" in block and not isinstance(block["via"], str):
            c.error(block.where("via"), f"{what}: via must be text (the instrument or article it goes through)",
                    f"got {type(block['via']).__name__}")
            continue
        if "source" in block and url_problem(block["source"]):
            c.error(block.where("source"), f"{what}: source {url_problem(block['source'])}")
            continue
        if target:
            relation = Relation(kind, target, block.get("via"), evidence, block.get("source"))
            relations.append(relation)
            _relation_marks[id(relation)] = (c.label, block.where("target"))
    return relations


_relation_marks: dict[int, tuple[str, tuple[int, int]]] = {}


def _link_relations(instruments: dict[str, Instrument], file_ids: set[str], problems: list[Diagnostic]) -> None:
    """Check relation targets exist and add the derived inverse relations.

    A target whose file exists but failed to load is not reported again: its
    own errors are already listed."""
    declared = {i.id: [r for r in i.relations if r.type in RELATION_TYPES] for i in instruments.values()}
    problems.extend(_relation_cycles(instruments, declared))
    for instrument in list(instruments.values()):
        for relation in list(instrument.relations):
            if relation.type not in RELATION_TYPES:
                continue
            if relation.target == instrument.id:
                continue  # reported by _relation_cycles
            target = instruments.get(relation.target)
            if target is None and relation.target in file_ids:
                continue
            if target is None:
                label, (line, col) = _relation_marks.get(id(relation), (instrument.path, (0, 0)))
                problems.append(Diagnostic(label, line, col, f"relation to unknown instrument '{relation.target}'",
                                           did_you_mean(relation.target, file_ids) or "check regulations/*.yml"))
                continue
            target.relations.append(
                Relation(INVERSE[relation.type], instrument.id, relation.via, relation.evidence, relation.source)
            )


def _relation_cycles(instruments: dict[str, Instrument], declared: dict[str, list[Relation]]) -> list[Diagnostic]:
    """An instrument cannot amend, replace or implement itself, directly or round a cycle
    (A amends B, B amends A): the timeline and the version history would never end."""
    problems = []
    for kind in RELATION_TYPES:
        edges = {ident: [r for r in relations if r.type == kind] for ident, relations in declared.items()}
        reported: set[frozenset[str]] = set()
        for start in sorted(edges):
            stack = [(start, [start], [])]
            while stack:
                node, path, via = stack.pop()
                for relation in edges.get(node, []):
                    chain = [*via, relation]
                    if relation.target == start:
                        members = frozenset(path)
                        if members in reported:
                            continue
                        reported.add(members)
                        label, (line, col) = _relation_marks.get(id(chain[0]), (instruments[start].path, (0, 0)))
                        names = " → ".join([*path, start])
                        problems.append(Diagnostic(
                            label, line, col,
                            f"'{start}' {kind} itself" if len(path) == 1 else f"{kind} cycle: {names}",
                            "a relation points from the newer instrument to the older one; remove the wrong one"))
                    elif relation.target not in path and relation.target in edges:
                        stack.append((relation.target, [*path, relation.target], chain))
    return problems


VERSION_REQUIRED = ("valid_from", "evidence", "source")
VERSION_OPTIONAL = ("valid_to", "by", "text_id", "text_en", "summary", "items", "note")


def _read_provisions(c: _Checker, root: Located) -> dict[Ref, Provision]:
    items = root.get("provisions")
    if not isinstance(items, list):
        c.error(root.where("provisions"), "provisions must be a list (may be empty: [])")
        return {}
    provisions: dict[Ref, Provision] = {}
    for index, raw in enumerate(items):
        block = c.mapping(raw, mark(items, index), f"provisions[{index}]")
        if block is None or not c.keys(block, ("ref", "heading", "versions"), (), f"provisions[{index}]"):
            continue
        written = block.get("ref")
        try:
            ref = parse_ref(str(written))
        except CitationSyntaxError as error:
            c.error(block.where("ref"), f"provision ref '{written}': {error.message}", error.suggestion)
            continue
        if ref.level not in ("pasal", "ayat"):
            c.error(block.where("ref"), f"provision ref '{written}' must stop at Pasal or ayat",
                    "put huruf and angka under the version's items")
            continue
        what = ref.indonesian()
        if ref in provisions:
            line = provisions[ref].line
            c.error(block.where("ref"), f"duplicate provision '{what}' (first at line {line})", "merge the two entries")
            continue
        heading = c.text(block.get("heading"), block.where("heading"), f"{what}: heading")
        versions = _read_versions(c, block, what)
        if heading and versions:
            provisions[ref] = Provision(ref, heading, versions, block.where("ref")[0])
    for ref in provisions:
        if ref.ayat and Ref(ref.pasal) in provisions:
            c.error((provisions[ref].line, 1), f"'{ref.indonesian()}' and 'Pasal {ref.pasal}' are both provisions",
                    "model a Pasal either whole or by ayat, not both")
    return provisions


def _read_versions(c: _Checker, block: Located, what: str) -> tuple[Version, ...]:
    items = block.get("versions")
    if not isinstance(items, list) or not items:
        c.error(block.where("versions"), f"{what}: versions must be a non-empty list")
        return ()
    versions: list[Version] = []
    marks: list[tuple[int, int]] = []
    for index, raw in enumerate(items):
        label = f"{what}: versions[{index}]"
        v = c.mapping(raw, mark(items, index), label)
        if v is None or not c.keys(v, VERSION_REQUIRED, VERSION_OPTIONAL, label):
            continue
        ok_from, valid_from = c.date(v, "valid_from", label)
        ok_to, valid_to = c.date(v, "valid_to", label, allow_unknown=False)
        if ok_from and valid_from is None and index > 0:
            c.error(v.where("valid_from"), f"{label}: only the oldest version may start on an unknown date")
        if valid_from and valid_to and valid_from > valid_to:
            c.error(v.where("valid_to"), f"{label}: valid_to {valid_to} is before valid_from {valid_from}",
                    "check the dates")
        evidence = c.evidence(v, "evidence", label, VERSION_EVIDENCE)
        source = c.string(v, "source", label)
        if source and url_problem(source):
            c.error(v.where("source"), f"{label}: source {url_problem(source)}")
            source = None
        text_id = v.get("text_id")
        text_en = v.get("text_en")
        for key, value in (("text_id", text_id), ("text_en", text_en), ("by", v.get("by"))):
            if value is not None and not isinstance(value, str):
                c.error(v.where(key), f"{label}: '{key}' must be a string or null")
        summary = c.text(v["summary"], v.where("summary"), f"{label}: summary") if v.get("summary") else None
        if not text_id and not summary:
            c.error(v.where(), f"{label}: needs text_id (verbatim) or a summary", "add summary: {id: ..., en: ...}")
        if evidence == "official-text" and not text_id:
            c.error(v.where("evidence"), f"{label}: evidence official-text needs the quoted wording in text_id",
                    "quote the provision in text_id, or tag our own summary 'evidence: summary'")
        if text_en and not text_id:
            c.error(v.where("text_en"), f"{label}: text_en translates text_id, which is missing")
        if text_id and not text_en:
            c.error(v.where("text_id"), f"{label}: text_id has no English translation", "add text_en")
        note = c.text(v["note"], v.where("note"), f"{label}: note") if v.get("note") else None
        items_block = _read_items(c, v.get("items"), v.where("items"), label, 2) if "items" in v else {}
        if not (ok_from and ok_to):
            continue
        versions.append(Version(valid_from, valid_to, v.get("by"), evidence, source or "", _clean(text_id),
                                _clean(text_en), summary, items_block, note))
        marks.append(v.where())
    for index, (before, after) in enumerate(zip(versions, versions[1:], strict=False)):
        where = marks[index + 1]
        if before.valid_to is None:
            c.error(where, f"{what}: version {index} has no valid_to but a later version follows",
                    f"set valid_to to the day before {after.valid_from}")
        elif after.valid_from is not None and after.valid_from != before.valid_to + dt.timedelta(days=1):
            # (an unknown start after the first version is reported above, once)
            gap = "overlap" if after.valid_from <= before.valid_to else "gap"
            c.error(where, f"{what}: {gap} between versions {index} and {index + 1} "
                           f"(valid_to {before.valid_to}, next valid_from {after.valid_from})",
                    f"the next version should start on {before.valid_to + dt.timedelta(days=1)}")
    return tuple(versions)


def _read_items(c: _Checker, data: Any, where: tuple[int, int], what: str, level: int) -> dict[str, Item]:
    block = c.mapping(data, where, f"{what}: items")
    if block is None:
        return {}
    result = {}
    for key, raw in block.items():
        key_where = block.where(key)
        name = LEVELS[level] if level < len(LEVELS) else "item"
        if level == 2 and not (len(key) == 1 and key.isalpha() and key.islower()) and not key.isdigit():
            c.error(key_where, f"{what}: item '{key}' is neither a huruf (a, b, …) nor an angka (1, 2, …)")
            continue
        if level == 3 and not key.isdigit():
            c.error(key_where, f"{what}: item '{key}' under a huruf must be an angka (1, 2, …)")
            continue
        entry = c.mapping(raw, key_where, f"{what}: {name} {key}")
        if entry is None:
            continue
        c.keys(entry, ("id", "en"), ("items",), f"{what}: {name} {key}")
        for lang in ("id", "en"):
            if lang in entry and not isinstance(entry[lang], str):
                c.error(entry.where(lang), f"{what}: {name} {key}: '{lang}' must be text, not a "
                        f"{type(entry[lang]).__name__}", "write the item's words on one line, or as a >- block")
        text = Text(str(entry.get("id", "")).strip(), str(entry.get("en", "")).strip())
        children = _read_items(c, entry["items"], entry.where("items"), what, 3) if "items" in entry else {}
        result[key] = Item(key, text, children)
    return result


def _clean(text: str | None) -> str | None:
    return text.strip() if isinstance(text, str) and text.strip() else None

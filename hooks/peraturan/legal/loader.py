"""Loading the regulation registry: one YAML file per instrument in ``regulations/``
(format: dev/REGISTRY-FORMAT.md).

Loading validates everything and collects *all* problems with file, line and field
before failing, so an editor fixes a batch of mistakes in one go. Relations between
instruments are read and checked in ``relations.py``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.profile import InstrumentType, default_profile
from ..build.safe import url_problem, visible
from ..build.schema import UNKNOWN, FieldChecker, Text, mark
from ..build.yamlsource import Located, load_yaml
from .citation import LEVELS, CitationSyntaxError, Ref, parse_ref
from .model import (
    EVIDENCE,
    SOURCE_KINDS,
    VERSION_EVIDENCE,
    Instrument,
    Item,
    Provision,
    Registry,
    Source,
    Version,
)
from .relations import link_relations, read_relations


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
    link_relations(instruments, {path.stem for path in files}, problems)
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
    relations = read_relations(c, root)
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

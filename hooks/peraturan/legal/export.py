"""The machine-readable registry export: ``/api/regulations.json``.

The format is documented in dev/EXPORT-FORMAT.md and described by the JSON
Schema written beside it (``/api/regulations.schema.json``), so anyone can
reuse the dated provisions without scraping HTML.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..build.schema import Text
from .model import Item, Registry, Version
from .regpages import legal_force

FORMAT_VERSION = 1


def _text(text: Text | None) -> dict | None:
    return {"id": text.id, "en": text.en} if text else None


def _date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _items(items: dict[str, Item]) -> dict:
    return {key: {"id": item.text.id, "en": item.text.en, "items": _items(item.items)} for key, item in items.items()}


def _version(version: Version) -> dict:
    return {
        "valid_from": _date(version.valid_from),
        "valid_to": _date(version.valid_to),
        "by": version.by,
        "evidence": version.evidence,
        "source": version.source,
        "text_id": version.text_id,
        "text_en_unofficial": version.text_en,
        "summary": _text(version.summary),
        "items": _items(version.items),
        "note": _text(version.note),
    }


def build_export(registry: Registry, as_of: dt.date) -> dict:
    instruments = []
    for instrument in registry.ordered():
        instruments.append({
            "id": instrument.id,
            "type": instrument.type,
            "number": instrument.number,
            "year": instrument.year,
            "cite_as": instrument.cite_as,
            "aliases": list(instrument.aliases),
            "name": _text(instrument.name),
            "title": _text(instrument.title),
            "title_evidence": instrument.title_evidence,
            "dates": {k: _date(v) for k, v in instrument.dates.items()},
            "gazette": instrument.gazette,
            "legal_force": legal_force(instrument, as_of),
            "sources": [{"url": s.url, "label": _text(s.label), "kind": s.kind, "read": _date(s.read)}
                        for s in instrument.sources],
            "relations": [{"type": r.type, "target": r.target, "via": r.via, "evidence": r.evidence}
                          for r in instrument.relations],
            "notes": [_text(n) for n in instrument.notes],
            "provisions": [
                {"ref": p.ref.indonesian(), "anchor": p.ref.anchor(), "heading": _text(p.heading),
                 "versions": [_version(v) for v in p.versions]}
                for p in sorted(instrument.provisions.values(), key=lambda p: p.line)
            ],
        })
    return {"format": FORMAT_VERSION, "as_of": as_of.isoformat(), "instruments": instruments}


_TEXT = {"type": ["object", "null"], "required": ["id", "en"],
         "properties": {"id": {"type": "string"}, "en": {"type": "string"}}}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_EVIDENCE = {"enum": ["official-text", "reported", "unverified"]}
_VERSION_EVIDENCE = {"enum": ["official-text", "summary", "reported", "unverified"]}

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Regulation registry export",
    "type": "object",
    "required": ["format", "as_of", "instruments"],
    "properties": {
        "format": {"const": FORMAT_VERSION},
        "as_of": _DATE,
        "instruments": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "type", "number", "year", "cite_as", "name", "title", "title_evidence", "dates",
                         "gazette", "legal_force", "sources", "relations", "provisions"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                "type": {"type": "string"},
                "number": {"type": "string"},
                "year": {"type": "integer"},
                "cite_as": {"type": "string"},
                "name": _TEXT,
                "title": _TEXT,
                "title_evidence": _EVIDENCE,
                "dates": {"type": "object", "required": ["ditetapkan", "diundangkan", "berlaku"],
                          "additionalProperties": _DATE},
                "gazette": {"type": ["string", "null"]},
                "legal_force": {"enum": ["InForce", "NotInForce", None]},
                "sources": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["url", "kind"],
                    "properties": {"url": {"type": "string", "pattern": "^https?://"}, "read": _DATE}}},
                "relations": {"type": "array", "items": {
                    "type": "object", "required": ["type", "target", "evidence"],
                    "properties": {"type": {"enum": ["amends", "amended-by", "replaces", "replaced-by",
                                                     "implements", "implemented-by"]},
                                   "evidence": _EVIDENCE}}},
                "provisions": {"type": "array", "items": {
                    "type": "object", "required": ["ref", "anchor", "heading", "versions"],
                    "properties": {
                        "anchor": {"type": "string", "pattern": "^pasal-[a-z0-9-]+$"},
                        "versions": {"type": "array", "minItems": 1, "items": {
                            "type": "object",
                            "required": ["valid_from", "valid_to", "evidence", "source", "text_id", "summary"],
                            "properties": {"valid_from": _DATE, "valid_to": _DATE, "evidence": _VERSION_EVIDENCE}}}}}},
            }}},
    },
}


def write_export(registry: Registry, as_of: dt.date, site_dir: Path) -> Path:
    folder = site_dir / "api"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "regulations.json"
    target.write_text(json.dumps(build_export(registry, as_of), ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / "regulations.schema.json").write_text(json.dumps(SCHEMA, indent=1), encoding="utf-8")
    return target

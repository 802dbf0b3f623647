"""The interface words the engine writes into pages: data (``words.yml``), not code.

Each module takes its table once (``WORDS = words.table("regulation_pages")``)
and keeps that dict for the life of the process. :func:`use_site_words` lays a
site's own ``data/words.yml`` over the engine's words at the start of every
build by changing those dicts in place, so every module sees the site's words
without being imported again. Plain Python: no MkDocs import.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, EngineError, did_you_mean
from .safe import visible
from .yamlsource import Located, LocatedList, load_yaml

DEFAULTS = Path(__file__).with_name("words.yml")
# A site's words reach pages as they are (the engine's are trusted code's data): no markup,
# no Markdown that makes links, code, emphasis, table cells or attribute lists (ARCHITECTURE.md,
# "Security model"), and exactly the {placeholders} of the engine's word.
MARKUP = re.compile(r"""[<>&"`\[\]\\*_|]""")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|[{}]")
_engine: dict[str, Any] = yaml.load(DEFAULTS.read_text(encoding="utf-8"),  # noqa: S506 - a safe loader
                                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
_tables: dict[str, Any] = copy.deepcopy(_engine)


def table(name: str) -> Any:
    """The live table ``name`` (a dict; changed in place by :func:`use_site_words`)."""
    return _tables[name]


def for_page(name: str, lang: str | None = None) -> Any:
    """What a template shows (the ``px_words`` template global): table ``name`` in the page's
    language ``lang``, or, without one, the whole table (for a script that picks the language
    by ``<html lang>`` itself). A language the table lacks gets its first language's words,
    so a page in a third language shows words rather than failing the build."""
    words = table(name)
    if lang is None:
        return words
    return words[lang] if lang in words else next(iter(words.values()))


def use_site_words(path: Path, label: str) -> bool:
    """Reset every table to the engine's words, then apply the site's file at ``path``
    (if it exists). Returns whether any word differs from the previous build's."""
    before = copy.deepcopy(_tables)
    wanted = copy.deepcopy(_engine)
    if path.is_file():
        _overlay(wanted, load_yaml(path, label), label)
    for name, fresh in wanted.items():
        live = _tables[name]
        for key, value in fresh.items():
            if isinstance(value, dict):
                live[key].clear()
                live[key].update(value)
            elif isinstance(value, list):
                live[key][:] = value
            else:
                live[key] = value
    return _tables != before


def _overlay(wanted: dict[str, Any], site: Any, label: str) -> None:
    """Check the site's words against the engine's shape; every problem at once, with its line."""
    problems: list[Diagnostic] = []
    if site is None:
        return
    if not isinstance(site, Located):
        raise EngineError([Diagnostic(label, 1, 1, "must be a mapping of word tables",
                                      "e.g. legal_basis: {en: {heading: Legal basis}}")])

    def walk(engine: Any, given: Any, where: tuple[int, int], path: str) -> Any:
        if isinstance(engine, dict):
            if not isinstance(given, Located):
                problems.append(Diagnostic(label, *where, f"{path} must be a mapping",
                                           f"its keys: {', '.join(engine)}"))
                return engine
            merged = dict(engine)
            for key, value in given.items():
                if key not in engine:
                    problems.append(Diagnostic(label, *given.where(key), f"{path}: unknown key {visible(key)!r}",
                                               did_you_mean(key, engine) or f"use one of {', '.join(engine)}"))
                    continue
                merged[key] = walk(engine[key], value, given.where(key), f"{path}.{key}")
            return merged
        if isinstance(engine, list):
            if not (isinstance(given, LocatedList) and len(given) == len(engine)
                    and all(isinstance(item, str) for item in given)):
                problems.append(Diagnostic(label, *where, f"{path} must be a list of {len(engine)} words",
                                           f"e.g. [{', '.join(engine[:3])}, ...]"))
                return engine
            checked = [_checked_word(e, g, given.item_marks[i], f"{path}[{i}]")
                       for i, (e, g) in enumerate(zip(engine, given, strict=True))]
            return engine if None in checked else checked
        if not isinstance(given, str):
            kind = "a list" if isinstance(given, list) else "a mapping" if isinstance(given, dict) else repr(given)
            problems.append(Diagnostic(label, *where, f"{path} must be text, got {kind}",
                                       f"e.g. {engine!r}"))
            return engine
        checked = _checked_word(engine, given, where, path)
        return engine if checked is None else checked

    def _checked_word(engine: str, given: str, where: tuple[int, int], path: str) -> str | None:
        marks = sorted(set(MARKUP.findall(given)))
        if marks or visible(given) != given:
            shown = " ".join(marks) if marks else "an invisible character"
            problems.append(Diagnostic(label, *where, f"{path}: {visible(given)!r} holds {shown}",
                                       "interface words are plain text: no markup, Markdown or invisible "
                                       "characters"))
            return None
        if sorted(PLACEHOLDER.findall(given)) != sorted(PLACEHOLDER.findall(engine)):
            wanted = " ".join(sorted(set(PLACEHOLDER.findall(engine)))) or "none"
            problems.append(Diagnostic(label, *where, f"{path}: {given!r} must keep the engine word's "
                                       f"placeholders ({wanted})", f"the engine's word: {engine!r}"))
            return None
        return given

    for name, given in site.items():
        if name not in wanted:
            problems.append(Diagnostic(label, *site.where(name), f"unknown word table {visible(name)!r}",
                                       did_you_mean(name, wanted) or f"use one of {', '.join(wanted)}"))
            continue
        wanted[name] = walk(wanted[name], given, site.where(name), name)
    if problems:
        raise EngineError(problems)

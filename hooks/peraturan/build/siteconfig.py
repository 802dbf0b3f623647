"""The MkDocs config file, checked with lines.

MkDocs' own loader keeps the last of two equal keys (``as_of`` written twice is
silently the second), drops a nav entry whose page is missing, and reports a
page missing from ``nav:`` only as a warning that ``-q`` hides. This module
reads the file again with the engine's located YAML loader and turns each of
those into a ``path:line`` error, whatever the command-line flags.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .dates import iso_date
from .diagnostics import Diagnostic, EngineError
from .profile import Profile, read_profile
from .yamlsource import Located, LocatedList, _Loader, parse_yaml


class _ConfigLoader(_Loader):  # type: ignore[misc,valid-type]
    """The located loader, tolerant of MkDocs' tags (``!ENV``, ``!relative``, python names)."""


def _any_tag(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def read_config(path: Path, label: str) -> Located:
    """The config as located values; a duplicate key anywhere is an error at its line."""
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(text, label, loader=_ConfigLoader)
    if not isinstance(data, Located):
        raise EngineError([Diagnostic(label, 1, 1, "must be a mapping of settings")])
    return data


def as_of(config: Located, label: str) -> dt.date:
    """``extra.as_of``: the day the site's facts are checked against."""
    extra = config.get("extra")
    where = extra.where("as_of") if isinstance(extra, Located) else config.where("extra")
    value = extra.get("as_of") if isinstance(extra, Located) else None
    day = iso_date(value)
    if day is None:
        raise EngineError([Diagnostic(label, *where, f"extra.as_of must be a real date YYYY-MM-DD, got {value!r}",
                                      "write it in quotes, e.g. as_of: \"2026-11-23\"")])
    return day


def nav_pages(nav: Any) -> list[tuple[str, tuple[int, int]]]:
    """Every page path in ``nav:`` with the line of its entry."""
    found: list[tuple[str, tuple[int, int]]] = []

    def walk(node: Any, where: tuple[int, int]) -> None:
        if isinstance(node, str):
            if "://" not in node:
                found.append((node, where))
        elif isinstance(node, LocatedList):
            for index, item in enumerate(node):
                walk(item, node.item_marks[index])
        elif isinstance(node, Located):
            for key, value in node.items():
                walk(value, node.where(key))

    walk(nav, (1, 1))
    return found


def check_nav(config: Located, label: str, docs_dir: Path, languages: list[str],
              generated_folder: str) -> list[Diagnostic]:
    """Each nav entry names a page that exists in every language; each page is in the nav."""
    nav = config.get("nav")
    if nav is None:
        return []
    problems = []
    listed = set()
    for page, (line, col) in nav_pages(nav):
        listed.add(page)
        if page.split("/")[0] == generated_folder:
            continue
        for lang in languages[:1]:  # the other languages follow by page parity (parity.py)
            if not (docs_dir / lang / page).is_file():
                problems.append(Diagnostic(label, line, col, f"nav entry '{page}' has no page docs/{lang}/{page}",
                                           "create the page or remove the entry"))
    for lang in languages[:1]:
        root = docs_dir / lang
        for path in sorted(root.rglob("*.md")) if root.is_dir() else []:
            rel = path.relative_to(root).as_posix()
            if rel.split("/")[0] == generated_folder or rel in listed or rel == "404.md":
                continue
            where = nav.line if isinstance(nav, LocatedList) else 1
            problems.append(Diagnostic(label, where, 1, f"page docs/{lang}/{rel} is not in nav:",
                                       f"add '- Title: {rel}' under nav: (or delete the page)"))
    return problems


def check_files(config_file: Path, docs_dir: Path, languages: list[str], generated_folder: str) -> list[Diagnostic]:
    """Duplicate keys, ``extra.as_of`` and the nav, in the config file and the file it INHERITs."""
    problems: list[Diagnostic] = []
    path: Path | None = config_file
    seen = set()
    while path is not None and path not in seen and path.is_file():
        seen.add(path)
        label = path.name
        try:
            data = read_config(path, label)
        except EngineError as error:
            return problems + error.diagnostics
        extra = data.get("extra")
        if isinstance(extra, Located) and "as_of" in extra:
            try:
                as_of(data, label)
            except EngineError as error:
                problems += error.diagnostics
        problems += check_nav(data, label, docs_dir, languages, generated_folder)
        if isinstance(extra, Located) and "peraturan" in extra:
            try:
                read_profile(extra["peraturan"], label, extra.where("peraturan"))
            except EngineError as error:
                problems += error.diagnostics
        parent = data.get("INHERIT")
        path = (path.parent / parent) if isinstance(parent, str) else None
    return problems



def site_profile(config_file: Path) -> Profile:
    """The site's profile: ``extra.peraturan`` of the config file, or of the file it
    INHERITs (the nearest one that has it), over the engine's defaults."""
    path: Path | None = config_file
    seen = set()
    while path is not None and path not in seen and path.is_file():
        seen.add(path)
        data = read_config(path, path.name)
        extra = data.get("extra")
        if isinstance(extra, Located) and "peraturan" in extra:
            return read_profile(extra["peraturan"], path.name, extra.where("peraturan"))
        parent = data.get("INHERIT")
        path = (path.parent / parent) if isinstance(parent, str) else None
    return read_profile(None, config_file.name)

"""A site's profile: what makes it one program's explainer and not another's.

The engine knows no program. A site names, under ``extra: peraturan:`` in its
MkDocs config, the instrument types its registry may use (a UU, PP or
Permensos is one line each), the folder its regulation pages are generated
into, and the name of the eligibility checker's JavaScript API. What a site
leaves out comes from ``profile.yml`` beside this module: data, not code.

Read with lines (``siteconfig.read_config``), so a bad setting stops the build
at ``mkdocs.yml:line``. Plain Python: no MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, EngineError, did_you_mean
from .safe import visible
from .yamlsource import Located, load_yaml

DEFAULTS = Path(__file__).with_name("profile.yml")
SETTINGS = ("regulations_folder", "checker_global", "instrument_types")
FOLDER_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
TYPE_RE = re.compile(r"[a-z][a-z0-9-]*")
# a plain JavaScript identifier (no $, so it reads the same in every tool)
GLOBAL_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
JS_RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else export extends false finally for "
    "function if import in instanceof let new null return super switch this throw true try typeof var void while "
    "with yield window document __proto__ constructor prototype".split())


@dataclass(frozen=True)
class InstrumentType:
    """One kind of legal instrument (``perpres``: Peraturan Presiden / Presidential Regulation)."""

    key: str
    name_id: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class Profile:
    regulations_folder: str
    checker_global: str
    instrument_types: tuple[InstrumentType, ...]

    @property
    def type_keys(self) -> tuple[str, ...]:
        """In the configured order: the order that sorts two instruments of one year."""
        return tuple(t.key for t in self.instrument_types)

    def type_name(self, key: str, lang: str) -> str:
        return next(t for t in self.instrument_types if t.key == key).name(lang)


def _read(settings: Located, label: str, base: Profile | None) -> Profile:
    """Validate ``settings``; a setting it leaves out is taken from ``base``."""
    problems: list[Diagnostic] = []

    def error(key: str | None, message: str, hint: str = "", where: tuple[int, int] | None = None) -> None:
        problems.append(Diagnostic(label, *(where or settings.where(key)), message, hint))

    for key in settings:
        if key not in SETTINGS:
            error(key, f"extra.peraturan: unknown setting '{key}'", did_you_mean(key, SETTINGS) or "remove it")
    folder = settings.get("regulations_folder", base.regulations_folder if base else None)
    if not isinstance(folder, str) or not FOLDER_RE.fullmatch(folder):
        error("regulations_folder", f"extra.peraturan.regulations_folder must be one folder name in lower-case "
              f"letters, digits and '-', got {visible(repr(folder))}", "e.g. regulations_folder: regulasi")
    name = settings.get("checker_global", base.checker_global if base else None)
    if not isinstance(name, str) or not GLOBAL_RE.fullmatch(name) or name in JS_RESERVED:
        error("checker_global", f"extra.peraturan.checker_global must be a JavaScript name (letters, digits, '_'; "
              f"not a reserved word), got {visible(repr(name))}", "e.g. checker_global: pxChecker")
    types = base.instrument_types if base else ()
    if "instrument_types" in settings or base is None:
        types = _read_types(settings.get("instrument_types"), settings.where("instrument_types"), label, problems)
    if problems:
        raise EngineError(problems)
    return Profile(folder, name, types)


def _read_types(raw: Any, where: tuple[int, int], label: str, problems: list[Diagnostic]) -> tuple[InstrumentType, ...]:
    if not isinstance(raw, Located) or not raw:
        problems.append(Diagnostic(label, *where, "extra.peraturan.instrument_types must be a mapping of type "
                                   "keys to their names", "e.g. pp: {id: Peraturan Pemerintah, en: "
                                   "Government Regulation}"))
        return ()
    found = []
    for key, names in raw.items():
        what = f"extra.peraturan.instrument_types.{visible(key)}"
        if not TYPE_RE.fullmatch(key):
            problems.append(Diagnostic(label, *raw.where(key), f"{what}: a type key is lower-case letters, digits "
                                       "and '-', starting with a letter", "e.g. permensos"))
            continue
        if not isinstance(names, Located) or set(names) != {"id", "en"} or not all(
                isinstance(names[lang], str) and names[lang].strip() for lang in ("id", "en")):
            problems.append(Diagnostic(label, *raw.where(key), f"{what} must give the type's name as "
                                       "{id: ..., en: ...}", "e.g. {id: Peraturan Pemerintah, "
                                       "en: Government Regulation}"))
            continue
        found.append(InstrumentType(key, names["id"].strip(), names["en"].strip()))
    return tuple(found)


def default_profile() -> Profile:
    """The engine's defaults (``profile.yml``)."""
    return _read(load_yaml(DEFAULTS, "hooks/peraturan/build/profile.yml"), "hooks/peraturan/build/profile.yml", None)


def read_profile(settings: Any, label: str, where: tuple[int, int] = (1, 1)) -> Profile:
    """The profile from a config's ``extra.peraturan`` mapping (None: the defaults)."""
    base = default_profile()
    if settings is None:
        return base
    if not isinstance(settings, Located):
        raise EngineError([Diagnostic(label, *where, "extra.peraturan must be a mapping of settings",
                                      f"write one or more of: {', '.join(SETTINGS)}")])
    return _read(settings, label, base)

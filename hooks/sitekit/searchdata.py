"""The search's word lists per language: ``data/search/<lang>.yml``.

Editors keep four lists there (dev/EDITORS.md, "Adding a search synonym"):

- ``synonyms``: what readers type -> words or phrases the pages use
  (``umur: [usia]``). A page that holds a target gets the reader's word in a
  separate, lightly boosted search field.
- ``stop_words``: words too common to search for (``yang``, ``the``).
- ``protected_words``: words the stemmer must leave whole because their stem
  means something else (``peserta`` would become ``serta``, "and").
- ``legal_words``: words that show the reader wants the law itself; other
  queries rank explainer pages above regulation pages.

The glossary's abbreviation lists (``includes/abbreviations.<lang>.md``) add
synonyms both ways (PHK <-> pemutusan hubungan kerja) without a data entry.

Every problem is a located ``Diagnostic`` (path:line:col), all at once. The
check that needs the built site (every target word occurs on it) is
:func:`check_targets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from peraturan.build.diagnostics import Diagnostic, EngineError, did_you_mean
from peraturan.build.yamlsource import Located, load_yaml
from peraturan.explainer.glossary import abbreviation_file, read_abbreviations
from sitekit.searchwords import STEMMERS, Analyzer, fold, words

LIST_KEYS = ("stop_words", "protected_words", "legal_words")
KEYS = ("synonyms", "word_families", *LIST_KEYS)
SINGLE_WORD = re.compile(r"^[a-z0-9]{2,}$")
LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}


def data_file(lang: str) -> str:
    return f"data/search/{lang}.yml"


@dataclass(frozen=True)
class Synonym:
    """Reader's words -> the site's words; ``line``/``col`` of each target for errors."""

    typed: str
    targets: tuple[str, ...]
    where: tuple[tuple[int, int], ...]
    checked: bool = True  # False for pairs taken from the glossary's abbreviations


@dataclass
class SearchData:
    lang: str
    label: str
    synonyms: list[Synonym] = field(default_factory=list)
    stop_words: frozenset[str] = frozenset()
    protected_words: frozenset[str] = frozenset()
    legal_words: frozenset[str] = frozenset()
    families: dict[str, str] = field(default_factory=dict)  # stem -> the family's stem

    def analyzer(self) -> Analyzer:
        return Analyzer(self.lang, self.stop_words, self.protected_words, dict(self.families))


def _word_list(raw: Located, key: str, label: str, problems: list[Diagnostic]) -> frozenset[str]:
    value = raw.get(key, [])
    line, col = raw.where(key)
    if not isinstance(value, list):
        problems.append(Diagnostic(label, line, col, f"'{key}' must be a list of single words",
                                   f"write {key}: [word, word]"))
        return frozenset()
    found: set[str] = set()
    marks = getattr(value, "item_marks", [(line, col)] * len(value))
    for item, (item_line, item_col) in zip(value, marks, strict=True):
        word = fold(str(item)) if isinstance(item, str) else ""
        if not SINGLE_WORD.match(word):
            problems.append(Diagnostic(label, item_line, item_col,
                                       f"{item!r} in '{key}' is not a single word of letters or digits",
                                       "one lower-case word per entry, at least two letters"))
        elif word in found:
            problems.append(Diagnostic(label, item_line, item_col, f"'{word}' is listed twice in '{key}'"))
        else:
            found.add(word)
    return frozenset(found)


def _locale_line(root: Path, lang: str) -> int:
    """The line of mkdocs.yml that names the language (static-i18n's ``locale:``)."""
    config = root / "mkdocs.yml"
    if config.is_file():
        wanted = re.compile(rf"""^\s*-?\s*locale:\s*["']?{re.escape(lang)}["']?\s*(#.*)?$""")
        for number, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1):
            if wanted.match(line):
                return number
    return 0


def load(root: Path, lang: str) -> SearchData:
    """Read and check ``data/search/<lang>.yml`` plus the abbreviation list; raise
    :class:`EngineError` with every problem."""
    label = data_file(lang)
    if lang not in STEMMERS:
        raise EngineError([Diagnostic("mkdocs.yml", _locale_line(root, lang), 1, "the site search has no word rules "
                                      f"for the language "
                                      f"'{lang}' (it has {', '.join(sorted(STEMMERS))})",
                                      "add its Snowball stemmer to hooks/sitekit/searchwords.py and its port to "
                                      "overrides/assets/javascripts/search-stemmers.js")])
    path = root / label
    if not path.exists():
        raise EngineError([Diagnostic(label, 0, 0, "is missing",
                                      "create it with 'synonyms:', 'stop_words:', 'protected_words:', 'legal_words:'")])
    raw = load_yaml(path, label)
    problems: list[Diagnostic] = []
    if not isinstance(raw, Located):
        raise EngineError([Diagnostic(label, 1, 1, "must be a mapping", "start with 'synonyms:'")])
    for key in raw:
        if key not in KEYS:
            line, col = raw.where(key)
            problems.append(Diagnostic(label, line, col, f"unknown key '{key}'",
                                       did_you_mean(key, KEYS) or f"use one of {', '.join(KEYS)}"))
    data = SearchData(lang, label)
    data.stop_words = _word_list(raw, "stop_words", label, problems)
    data.protected_words = _word_list(raw, "protected_words", label, problems)
    data.legal_words = _word_list(raw, "legal_words", label, problems)
    data.families = _families(raw, data, problems)
    data.synonyms = _synonyms(raw, data, problems)
    data.synonyms.extend(_abbreviation_synonyms(root, lang, problems))
    if problems:
        raise EngineError(problems)
    return data


def _families(raw: Located, data: SearchData, problems: list[Diagnostic]) -> dict[str, str]:
    """``registration: register``: every word stemmed like the first is stemmed like the second."""
    if "word_families" not in raw:
        return {}
    table = raw.get("word_families")
    label = data.label
    if not isinstance(table, Located):
        line, col = raw.where("word_families")
        problems.append(Diagnostic(label, line, col, "'word_families' must be a mapping",
                                   "write one line per word: 'registration: register'"))
        return {}
    plain = Analyzer(data.lang, frozenset(), data.protected_words)
    families: dict[str, str] = {}
    for word, family in table.items():
        line, col = table.where(word)
        word_text, family_text = fold(str(word)), fold(str(family)) if isinstance(family, str) else ""
        if not SINGLE_WORD.match(word_text) or not SINGLE_WORD.match(family_text):
            problems.append(Diagnostic(label, line, col, f"'{word}: {family}' is not one word joined to one word",
                                       "write 'registration: register'"))
            continue
        stem, target = plain.stem(word_text), plain.stem(family_text)
        if stem == target:
            problems.append(Diagnostic(label, line, col, f"'{word}' and '{family}' already share the stem '{stem}'",
                                       "remove the line"))
        elif stem in families:
            problems.append(Diagnostic(label, line, col, f"the stem '{stem}' of '{word}' is joined twice",
                                       "keep one line"))
        else:
            families[stem] = target
    return families


def _synonyms(raw: Located, data: SearchData, problems: list[Diagnostic]) -> list[Synonym]:
    table = raw.get("synonyms", {})
    label = data.label
    if not isinstance(table, Located):
        line, col = raw.where("synonyms")
        problems.append(Diagnostic(label, line, col, "'synonyms' must be a mapping",
                                   "write one line per reader's word: 'umur: [usia]'"))
        return []
    found: list[Synonym] = []
    seen: dict[str, int] = {}
    for typed, targets in table.items():
        line, col = table.where(typed)
        typed_words = [w for w in words(typed) if w not in data.stop_words]
        if not typed_words:
            problems.append(Diagnostic(label, line, col, f"'{typed}' has no searchable word",
                                       "it is empty or only stop words"))
            continue
        key = " ".join(words(typed))
        if key in seen:
            problems.append(Diagnostic(label, line, col, f"'{typed}' is listed twice (first at line {seen[key]})",
                                       "join the two lists"))
            continue
        seen[key] = line
        if isinstance(targets, str) or not isinstance(targets, list) or not targets:
            problems.append(Diagnostic(label, line, col, f"'{typed}' needs a list of the site's words",
                                       f"write '{typed}: [word on the site]'"))
            continue
        marks = getattr(targets, "item_marks", [(line, col)] * len(targets))
        good: list[str] = []
        where: list[tuple[int, int]] = []
        for target, mark in zip(targets, marks, strict=True):
            if not isinstance(target, str) or not [w for w in words(target) if w not in data.stop_words]:
                problems.append(Diagnostic(label, mark[0], mark[1],
                                           f"target {target!r} of '{typed}' has no searchable word",
                                           "write a word or phrase the pages use"))
            elif words(target) == words(typed):
                problems.append(Diagnostic(label, mark[0], mark[1], f"'{typed}' lists itself as a target",
                                           "a synonym must lead to a different word"))
            else:
                good.append(target)
                where.append(mark)
        if good:
            found.append(Synonym(typed, tuple(good), tuple(where)))
    return found


def _abbreviation_synonyms(root: Path, lang: str, problems: list[Diagnostic]) -> list[Synonym]:
    """PHK <-> Pemutusan Hubungan Kerja, both ways, from the glossary's list."""
    label = f"includes/{abbreviation_file(lang)}"
    items, found_problems = read_abbreviations(root / label, label)
    problems.extend(found_problems)
    pairs: list[Synonym] = []
    for item in items:
        title = re.sub(r"\([^)]*\)", " ", item.title)  # "(the Audit Board)" is a gloss, not the name
        if not words(item.abbr) or not words(title):
            continue
        mark = ((item.line, 1),)
        pairs.append(Synonym(item.abbr, (title,), mark, checked=False))
        pairs.append(Synonym(title, (item.abbr,), mark, checked=False))
    return pairs


def check_targets(data: SearchData, site_stems: set[str], analyzer: Analyzer) -> list[Diagnostic]:
    """Every word of every target must occur on the site, or the synonym leads nowhere."""
    problems: list[Diagnostic] = []
    name = LANGUAGE_NAMES.get(data.lang, data.lang)
    for synonym in data.synonyms:
        if not synonym.checked:
            continue
        for target, (line, col) in zip(synonym.targets, synonym.where, strict=True):
            for word in words(target):
                if word in data.stop_words:
                    continue
                if analyzer.stem(word) not in site_stems:
                    problems.append(Diagnostic(
                        data.label, line, col,
                        f"'{synonym.typed}' -> '{target}': the word '{word}' does not occur on the {name} site",
                        "check the spelling; a synonym must lead to words the pages use"))
    return problems

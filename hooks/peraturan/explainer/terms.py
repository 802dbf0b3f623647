"""The term lint: one name per concept across the site.

A reader who meets "bantuan pelatihan", "bantuan biaya pelatihan" and "saldo
pelatihan" on three pages may think they are three things. ``data/terms.yml``
lists, per language, the preferred name of each concept and the variants the
site must not use. The build stops at ``path:line:col`` on every banned variant
in the hand-written pages and in the site's data files, like the claim lint.

What is not checked, because it is not our own wording:

- quotations: text inside "..." or “...”, ``>`` blockquotes and
  ``<blockquote>`` elements (regulation wording keeps its own words);
- citations ``[[...]]``, source references ``[@key]``, link addresses, HTML
  tags and their attributes, code, HTML comments and front matter;
- on English pages, Indonesian words marked ``<span lang="id">...</span>``.

The exemption, for a sentence that must name a variant (e.g. to say the name is
wrong): end the line with ``<!-- px:term-ok -->`` and a reason.

Matching ignores case and lets a name run over a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..build.diagnostics import Diagnostic, EngineError
from ..build.scan import front_matter_lines
from ..build.yamlsource import Located, LocatedList, load_yaml

LANGS = ("id", "en")
TERM_OK_RE = re.compile(r"<!--\s*px:term-ok\b.*?-->")

# Parts of a page that are not our own wording; blanked (newlines kept) before matching.
_NOT_OURS = [
    re.compile(r"<!--.*?-->", re.DOTALL),
    re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)"),  # code spans
    re.compile(r"\[\[[^\[\]]+?\]\]"),  # citations
    re.compile(r"\[@[A-Za-z0-9][A-Za-z0-9_-]*\]"),  # source references
    re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"),  # link destinations
    re.compile(r"https?://\S+"),
    re.compile(r"<blockquote\b.*?</blockquote>", re.DOTALL | re.IGNORECASE),
    re.compile(r"<span\s+lang=\"id\"[^>]*>.*?</span>", re.DOTALL),  # Indonesian words on English pages
    re.compile(r"<[^>\n]+>"),  # other HTML tags (their text stays)
    re.compile(r"\"[^\"\n]*(?:\n[^\"\n]*)?\"|“[^”]*”"),  # quotations
]
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass(frozen=True)
class Concept:
    """One concept: its preferred name and banned variants, per language."""

    key: str
    preferred: dict[str, str]
    banned: dict[str, tuple[str, ...]]
    line: int


@dataclass(frozen=True)
class Terms:
    concepts: tuple[Concept, ...]

    def patterns(self, lang: str) -> list[tuple[re.Pattern[str], str, Concept]]:
        """(pattern, variant, concept) for every banned variant in ``lang``."""
        out = []
        for concept in self.concepts:
            for variant in concept.banned.get(lang, ()):
                words = r"\s+".join(re.escape(word) for word in variant.split())
                out.append((re.compile(rf"(?<![\w/-]){words}(?![\w/-])", re.IGNORECASE), variant, concept))
        return out


# ----------------------------------------------------------------------------- the data file


def load_terms(path: Path, label: str) -> Terms:
    """Read ``data/terms.yml``; every mistake is reported at its line."""
    data = load_yaml(path, label)
    problems: list[Diagnostic] = []
    concepts: list[Concept] = []

    def error(where: tuple[int, int], message: str, suggestion: str = "") -> None:
        problems.append(Diagnostic(label, where[0], where[1], message, suggestion))

    if not isinstance(data, Located) or not isinstance(data.get("concepts"), LocatedList):
        raise EngineError([Diagnostic(label, 1, 1, "needs a list 'concepts:'", "see dev/EDITORS.md, the term lint")])
    items: LocatedList = data["concepts"]
    seen: dict[str, str] = {}
    for index, raw in enumerate(items):
        where = items.item_marks[index]
        what = f"concepts[{index}]"
        if not isinstance(raw, Located) or not isinstance(raw.get("key"), str):
            error(where, f"{what}: needs a 'key' and, per language, 'preferred' and 'banned'")
            continue
        unknown = set(raw) - {"key", *LANGS}
        for key in sorted(unknown):
            error(raw.where(key), f"{what}: unknown field '{key}'", "fields are key, id, en")
        preferred: dict[str, str] = {}
        banned: dict[str, tuple[str, ...]] = {}
        for lang in LANGS:
            block = raw.get(lang)
            if block is None:
                continue
            if not isinstance(block, Located) or not isinstance(block.get("preferred"), str) \
                    or not isinstance(block.get("banned"), list) or not block["banned"] \
                    or not all(isinstance(v, str) and v.strip() for v in block["banned"]):
                error(raw.where(lang), f"{what}.{lang}: needs 'preferred: <name>' and 'banned: [<variant>, ...]'")
                continue
            preferred[lang] = block["preferred"]
            banned[lang] = tuple(" ".join(v.split()) for v in block["banned"])
            for variant in banned[lang]:
                if variant.casefold() == preferred[lang].casefold() or re.search(
                        rf"(?<![\w/-]){re.escape(variant)}(?![\w/-])", preferred[lang], re.IGNORECASE):
                    error(block.where("banned"), f"{what}.{lang}: banned variant '{variant}' is part of the "
                          f"preferred name '{preferred[lang]}'", "every use of the preferred name would be refused")
                other = seen.get(f"{lang}:{variant.casefold()}")
                if other:
                    error(block.where("banned"), f"{what}.{lang}: '{variant}' is already banned by concept '{other}'")
                seen[f"{lang}:{variant.casefold()}"] = raw["key"]
        if not preferred:
            error(where, f"{what}: names no language", "add id: and/or en: with preferred and banned")
            continue
        concepts.append(Concept(raw["key"], preferred, banned, where[0]))
    if problems:
        raise EngineError(problems)
    return Terms(tuple(concepts))


# ----------------------------------------------------------------------------- pages


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def own_words(text: str) -> str:
    """The page with everything that is not our own prose blanked (same length, same lines)."""
    lines = text.split("\n")
    skip = front_matter_lines(text)
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if index < skip:
            lines[index] = " " * len(line)
        elif fence is None and match:
            fence, lines[index] = match.group(1), " " * len(line)
        elif fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = " " * len(line)
        elif line.lstrip().startswith(">") or TERM_OK_RE.search(line):
            lines[index] = " " * len(line)
    text = "\n".join(lines)
    for pattern in _NOT_OURS:
        text = pattern.sub(_blank, text)
    return text


def lint(text: str, label: str, lang: str, terms: Terms) -> list[Diagnostic]:
    """A diagnostic for every banned variant in a page written in ``lang``."""
    return _find(own_words(text), label, lang, terms)


def _find(text: str, label: str, lang: str, terms: Terms) -> list[Diagnostic]:
    problems = []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    folded = text.casefold()
    for pattern, variant, concept in terms.patterns(lang):
        # A plain search first: each pattern opens with a look-behind and ignores
        # case, so it is tried at every character; most pages hold no variant.
        if variant.split()[0].casefold() not in folded:
            continue
        for match in pattern.finditer(text):
            line = _line_at(starts, match.start())
            col = match.start() - starts[line - 1] + 1
            problems.append(Diagnostic(
                label, line, col,
                f"'{' '.join(match.group(0).split())}' is another name for '{concept.preferred[lang]}' "
                f"(one name per concept)",
                f"write '{concept.preferred[lang]}' (data/terms.yml, '{concept.key}'); quoted law keeps its words "
                "inside quotation marks",
            ))
    return sorted(problems, key=lambda d: (d.line, d.col))


def _line_at(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if starts[mid] <= offset:
            low = mid
        else:
            high = mid - 1
    return low + 1


# ----------------------------------------------------------------------------- data files

_LANG_KEY = re.compile(r"(?:^|[{,\s])(id|en):\s?")
_OTHER_KEY = re.compile(r"^\s*(?:-\s+)?[\w-]+:(?:\s|$)")


def lint_yaml(text: str, label: str, terms: Terms) -> list[Diagnostic]:
    """Banned variants in the bilingual strings of a YAML data file.

    A value belongs to the language of the nearest ``id:`` / ``en:`` key before it
    on its line, or, for a folded block (``id: >-``), on the line that opened it.
    Comments and other keys' values are not read."""
    by_lang: dict[str, list[str]] = {lang: [] for lang in LANGS}
    current: str | None = None
    for raw in text.split("\n"):
        line = re.sub(r"(^|\s)#.*$", lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), raw)
        pieces = {lang: [" "] * len(line) for lang in LANGS}
        keys = list(_LANG_KEY.finditer(line))
        if keys:
            for number, key in enumerate(keys):
                end = keys[number + 1].start() if number + 1 < len(keys) else len(line)
                pieces[key.group(1)][key.end():end] = _unquote(line[key.end():end])
            current = keys[-1].group(1) if line.rstrip().endswith((">-", ">", "|", "|-")) else None
        elif _OTHER_KEY.match(line):
            current = None
        elif current is not None:
            pieces[current] = list(line)
        for lang in LANGS:
            by_lang[lang].append("".join(pieces[lang]))
    problems = []
    for lang in LANGS:
        problems += _find(own_words_yaml("\n".join(by_lang[lang])), label, lang, terms)
    return sorted(problems, key=lambda d: (d.line, d.col))


def _unquote(value: str) -> str:
    """A YAML-quoted scalar without its quote marks, so they are not read as a quotation."""
    stripped = value.lstrip()
    if stripped[:1] in ("'", '"'):
        mark = stripped[0]
        start = len(value) - len(stripped)
        end = value.rfind(mark)
        chars = list(value)
        chars[start] = " "
        if end > start:
            chars[end] = " "
        return "".join(chars)
    return value


def own_words_yaml(text: str) -> str:
    """A YAML value's own words: citations, references, links and quotations blanked."""
    for pattern in _NOT_OURS:
        text = pattern.sub(_blank, text)
    return text

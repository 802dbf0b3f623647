"""Reading ``rules/eligibility.yml``: the file, its interface words, outcomes and questions.

Loading collects every problem with ``path:line:col`` before failing (the rules and their
dated versions are read in ``rules.py``; outcomes no answer reaches, in ``paths.py``)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.schema import Text
from ..build.yamlsource import Located, load_yaml
from ..legal.citation import CITATION_RE
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation
from .fields import ID_RE, RulesChecker, read_id, read_int, resolve_body, value_where
from .model import KINDS, OUTCOMES, UI_KEYS, Option, Question, Ruleset
from .paths import check_paths
from .rules import read_rules


def load_rules(path: Path, registry: Registry, as_of: dt.date, label: str = "rules/eligibility.yml") -> Ruleset:
    """Load and validate the rules file; raise EngineError listing every problem."""
    if not path.is_file():
        raise EngineError([Diagnostic(label, 0, 0, "is missing", "create it (dev/EDITORS.md)")])
    data = load_yaml(path, label)  # reports bytes that are not UTF-8 at their line
    source = path.read_text(encoding="utf-8")
    c = RulesChecker(label, source)
    ruleset = _read(c, data, registry, as_of, label)
    if c.problems or ruleset is None:
        raise EngineError(c.problems or [Diagnostic(label, 1, 1, "could not be read")])
    return ruleset


def _read(c: RulesChecker, data: Any, registry: Registry, as_of: dt.date, label: str) -> Ruleset | None:
    root = c.mapping(data, (1, 1), "rules file")
    if root is None:
        return None
    c.keys(root, ("ui", "outcomes", "questions", "rules", "not_checked", "next_steps", "status"), (), "rules file")
    ui = _read_ui(c, root)
    outcomes = _read_outcomes(c, root)
    questions = _read_questions(c, root, registry, as_of)
    resolved: dict[str, ResolvedCitation] = {}
    rules = read_rules(c, root, questions, registry, as_of, resolved)
    not_checked = _read_markdown_list(c, root, "not_checked", registry, as_of)
    next_steps = _read_markdown_list(c, root, "next_steps", registry, as_of)
    status = _read_markdown_text(c, root, "status", registry, as_of)
    if c.problems:
        return None
    ruleset = Ruleset(questions, rules, outcomes, ui, not_checked, next_steps, as_of, label, resolved, status)
    check_paths(c, root, ruleset)
    return ruleset


def _read_ui(c: RulesChecker, root: Located) -> dict[str, Text]:
    block = c.mapping(root.get("ui"), root.where("ui"), "ui")
    if block is None:
        return {}
    c.keys(block, UI_KEYS, (), "ui")
    return {key: t for key in UI_KEYS if key in block and (t := c.text(block[key], block.where(key), f"ui.{key}"))}


def _read_outcomes(c: RulesChecker, root: Located) -> dict[str, tuple[Text, Text]]:
    block = c.mapping(root.get("outcomes"), root.where("outcomes"), "outcomes")
    if block is None:
        return {}
    c.keys(block, OUTCOMES, (), "outcomes")
    result = {}
    for key in OUTCOMES:
        entry = c.mapping(block.get(key), block.where(key), f"outcomes.{key}") if key in block else None
        if entry is None or not c.keys(entry, ("title", "body"), (), f"outcomes.{key}"):
            continue
        title = c.text(entry["title"], entry.where("title"), f"outcomes.{key}.title")
        body = c.text(entry["body"], entry.where("body"), f"outcomes.{key}.body")
        if title and body:
            result[key] = (title, body)
    return result


def _read_questions(c: RulesChecker, root: Located, registry: Registry, as_of: dt.date) -> dict[str, Question]:
    items = c.sequence(root.get("questions"), root.where("questions"), "questions")
    questions: dict[str, Question] = {}
    for _, block, what in c.entries(items, "questions", ("id", "kind", "text", "short", "why"),
                                    ("hint", "unit", "options", "min", "max")):
        ident = read_id(c, block, what, "question", {key: q.where[0] for key, q in questions.items()})
        if ident is None:
            continue
        what = f"question '{ident}'"
        kind = block.get("kind")
        if kind not in KINDS:
            c.error(block.where("kind"), f"{what}: kind must be one of {', '.join(KINDS)}",
                    did_you_mean(str(kind), KINDS))
            continue
        texts = {key: c.text(block[key], block.where(key), f"{what}: {key}") for key in ("text", "short", "why")}
        hint = c.text(block["hint"], block.where("hint"), f"{what}: hint") if "hint" in block else None
        unit = c.text(block["unit"], block.where("unit"), f"{what}: unit") if "unit" in block else None
        options: tuple[Option, ...] = ()
        low = high = None
        if kind == "number":
            for key in ("options",):
                if key in block:
                    c.error(block.where(key), f"{what}: a number question has no options", "use min and max")
            low, high = read_int(c, block, "min", what), read_int(c, block, "max", what)
            if low is None or high is None:
                c.error(block.where(), f"{what}: a number question needs min and max")
            elif low > high:
                c.error(block.where("max"), f"{what}: max {high} is below min {low}")
        else:
            for key in ("min", "max", "unit"):
                if key in block:
                    c.error(block.where(key), f"{what}: '{key}' is only for number questions")
            options = _read_options(c, block, what, kind, registry, as_of)
        if all(texts.values()):
            questions[ident] = Question(ident, kind, texts["text"], texts["short"], texts["why"], hint, unit,
                                        options, low, high, block.where("id"))
    return questions


def _read_options(c: RulesChecker, block: Located, what: str, kind: str, registry: Registry,
                  as_of: dt.date) -> tuple[Option, ...]:
    items = c.sequence(block.get("options"), block.where("options") if "options" in block else block.where(),
                  f"{what}: options")
    options: list[Option] = []
    for index, raw in enumerate(items or []):
        entry = c.mapping(raw, items.item_marks[index], f"{what}: options[{index}]")
        if entry is None or not c.keys(entry, ("value",), ("label", "label_from", "unsure", "exclusive"),
                                       f"{what}: options[{index}]"):
            continue
        value = entry.get("value")
        if not isinstance(value, str) or not ID_RE.match(value):
            c.error(entry.where("value"), f"{what}: option value must be lowercase words joined by '-'",
                    f"got {value!r}")
            continue
        if any(o.value == value for o in options):
            c.error(entry.where("value"), f"{what}: duplicate option '{value}'")
            continue
        flags = {}
        for flag in ("unsure", "exclusive"):
            flags[flag] = entry.get(flag, False)
            if not isinstance(flags[flag], bool):
                c.error(entry.where(flag), f"{what}: option '{value}': '{flag}' must be true or false")
        if flags["exclusive"] and kind != "multi":
            c.error(entry.where("exclusive"), f"{what}: 'exclusive' is only for multi questions",
                    "a choice question has one answer anyway")
        if flags["unsure"] and kind == "multi" and not flags["exclusive"]:
            c.error(entry.where("unsure"), f"{what}: option '{value}': an unsure option must be exclusive",
                    "add exclusive: true")
        if ("label" in entry) == ("label_from" in entry):
            c.error(entry.where(), f"{what}: option '{value}' needs exactly one of 'label' or 'label_from'")
            continue
        if "label" in entry:
            label = c.text(entry["label"], entry.where("label"), f"{what}: option '{value}': label")
        else:
            label = _label_from(c, entry, registry, as_of, f"{what}: option '{value}'")
        # a bad label is reported above; the option still exists, so rules using it raise no second error
        options.append(Option(value, label or Text(value, value), bool(flags["unsure"]), bool(flags["exclusive"])))
    if items is not None and len(options) < 2:
        c.error((items.line, items.col), f"{what}: needs at least two options")
    return tuple(options)


def _label_from(c: RulesChecker, entry: Located, registry: Registry, as_of: dt.date, what: str) -> Text | None:
    """An option that reads as the words of one huruf/angka, in force on the as-of date."""
    written = entry.get("label_from")
    where = entry.where("label_from")
    match = CITATION_RE.fullmatch(written.strip()) if isinstance(written, str) else None
    if match is None:
        c.error(where, f"{what}: label_from must be one citation \"[[...]]\"", f"got {written!r}")
        return None
    resolved = resolve_body(c, match.group("body"), registry, as_of, value_where(c, entry, "label_from"), what)
    if resolved is None:
        return None
    if len(resolved.units) != 1 or resolved.units[0].item is None:
        c.error(where, f"{what}: label_from must cite a single huruf or angka", "e.g. [[... Pasal 3 ayat (5) huruf c]]")
        return None
    text = resolved.units[0].item.text
    return Text(_clean_label(text.id), _clean_label(text.en or text.id))


_TRAILING = re.compile(r"(?:\s*[;,.:]\s*(?:dan|atau|and|or)?|\s+(?:dan|atau|and|or))\s*$")


def _clean_label(text: str) -> str:
    text = " ".join(text.split())
    while True:
        stripped = _TRAILING.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text[:1].upper() + text[1:]


def _read_markdown_text(c: RulesChecker, root: Located, key: str, registry: Registry, as_of: dt.date) -> Text | None:
    """One bilingual Markdown text (e.g. the status line), its citations checked."""
    text = c.text(root.get(key), root.where(key), key)
    if text is None:
        return None
    raw = root.get(key)
    for lang, value in (("id", text.id), ("en", text.en)):
        for match in CITATION_RE.finditer(value):
            resolve_body(c, match.group("body"), registry, as_of, raw.where(lang), f"{key}.{lang}")
    return text


def _read_markdown_list(c: RulesChecker, root: Located, key: str, registry: Registry, as_of: dt.date) -> list[Text]:
    items = c.sequence(root.get(key), root.where(key), key)
    texts = []
    for index, raw in enumerate(items or []):
        text = c.text(raw, items.item_marks[index], f"{key}[{index}]")
        if text is None:
            continue
        for lang, value in (("id", text.id), ("en", text.en)):
            where = raw.where(lang)
            for match in CITATION_RE.finditer(value):
                resolve_body(c, match.group("body"), registry, as_of, where, f"{key}[{index}].{lang}")
        texts.append(text)
    return texts

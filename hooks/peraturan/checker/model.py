"""Eligibility rules as cited data: loading, validation and evaluation.

``rules/eligibility.yml`` (format: dev/EDITORS.md, "Add an eligibility rule")
holds questions, answer options and dated rules. Every rule of type ``syarat``
(requirement) or ``pengecualian`` (exclusion) cites provisions with the page
citation grammar; loading resolves each citation against the registry at the
rule version's own dates. A ``kebijakan`` rule (program policy reported in the
press) names news sources instead and never cites a provision.

Loading collects every problem with ``path:line:col`` before failing: unknown
provisions, unknown questions or options, a rule version no answer can fail, an
outcome no combination of answers reaches on the site's as-of date, and more.

``Ruleset.evaluate(answers, as_of)`` is the reference evaluator. The browser's
``checker.js`` implements the same logic over ``Ruleset.to_json(lang)``; the
tests run both over tests/cases/eligibility.yml and require them to agree.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build.dates import Period, iso_date, version_at
from ..build.diagnostics import Diagnostic, EngineError, did_you_mean
from ..build.safe import url_problem
from ..build.schema import FieldChecker, Text
from ..build.yamlsource import Located, load_yaml
from ..legal.citation import CITATION_RE, CitationSyntaxError, parse
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation, ResolveError, resolve

OUTCOMES = ("eligible", "probably-not-eligible", "cannot-tell")
RULE_TYPES = ("syarat", "pengecualian", "kebijakan")
KINDS = ("choice", "multi", "number")
PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"

# Every word the checker's interface shows; the JavaScript reads them from the data.
UI_KEYS = (
    "start_title", "start_intro", "start", "continue", "back", "question_of", "why", "or", "error_title",
    "error_choice", "error_multi", "error_number", "check_title", "change", "change_answers", "not_answered",
    "see_result", "as_of", "failed_title", "unknown_title", "unknown_intro", "basis", "sources", "type_syarat",
    "type_pengecualian", "type_kebijakan", "disclaimer", "answers_title", "not_checked_title", "next_title",
    "qr_title", "qr_hint", "qr_heading", "qr_result", "qr_rules_date", "print", "restart", "announce",
    "static_title", "static_intro", "static_noscript", "static_unsure", "col_criterion", "col_fails_if",
    "col_reason", "col_basis", "col_period", "section_syarat", "section_pengecualian", "section_kebijakan",
    "section_history", "number_below", "number_above", "number_outside", "period_from", "period_to",
    "period_between", "no_source_url", "status_title",
)
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_TRAILING = re.compile(r"(?:\s*[;,.:]\s*(?:dan|atau|and|or)?|\s+(?:dan|atau|and|or))\s*$")


class AnswerError(ValueError):
    """An answer the rules cannot read: unknown question, unknown option, bad number."""


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    unsure: bool = False
    exclusive: bool = False


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: Text
    short: Text
    why: Text
    hint: Text | None
    unit: Text | None
    options: tuple[Option, ...]
    min: int | None
    max: int | None
    where: tuple[int, int]  # line, column of its id in the rules file

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    def answer_space(self, thresholds: Iterable[int] = ()) -> list[Any]:
        """Every answer the page can give, numbers reduced to the values around each threshold."""
        if self.kind == "choice":
            return [o.value for o in self.options]
        if self.kind == "multi":
            plain = [o.value for o in self.options if not o.exclusive][:12]
            space: list[Any] = [[o.value] for o in self.options if o.exclusive]
            for size in range(1, len(plain) + 1):
                space.extend(list(combo) for combo in itertools.combinations(plain, size))
            return space
        low, high = self.min if self.min is not None else 0, self.max if self.max is not None else 150
        values = {low, high}
        for t in thresholds:
            values.update(v for v in (t - 1, t, t + 1) if low <= v <= high)
        return sorted(values)


@dataclass(frozen=True)
class Source:
    label: Text
    url: str | None


@dataclass(frozen=True)
class Test:
    """What decides a rule: pass_if (choice), fail_if (multi) or min/max (number)."""

    pass_if: tuple[str, ...] = ()
    fail_if: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None

    def state(self, question: Question, answer: Any) -> str:
        if answer is None:
            return UNKNOWN
        if question.kind == "number":
            if (self.min is not None and answer < self.min) or (self.max is not None and answer > self.max):
                return FAIL
            return PASS
        if question.kind == "choice":
            option = question.option(answer)
            if option is not None and option.unsure:
                return UNKNOWN
            return PASS if answer in self.pass_if else FAIL
        if any(value in self.fail_if for value in answer):
            return FAIL
        if any(question.option(value).unsure for value in answer):
            return UNKNOWN
        return PASS

    def thresholds(self) -> list[int]:
        return [v for v in (self.min, self.max) if v is not None]


@dataclass(frozen=True)
class RuleVersion(Period):
    valid_from: dt.date | None  # None: since the beginning
    valid_to: dt.date | None  # None: still in force
    test: Test
    cites: tuple[str, ...]  # citation bodies, without [[ ]]
    sources: tuple[Source, ...]
    reason: Text
    note: Text | None
    where: tuple[int, int]  # line, column of the version in the rules file


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    name: Text
    question: str
    versions: tuple[RuleVersion, ...]
    line: int

    def version_at(self, day: dt.date) -> RuleVersion | None:
        return version_at(self.versions, day)


@dataclass
class Ruleset:
    questions: dict[str, Question]
    rules: list[Rule]
    outcomes: dict[str, tuple[Text, Text]]  # outcome -> (title, body)
    ui: dict[str, Text]
    not_checked: list[Text]
    next_steps: list[Text]
    as_of: dt.date  # the site's as-of date: the default for evaluate()
    path: str = "rules/eligibility.yml"
    resolved: dict[str, ResolvedCitation] = field(default_factory=dict)  # body -> citation, for renderers
    status: Text | None = None  # the program's current status, dated and sourced (Markdown)

    # ---------------------------------------------------------------- evaluation

    def questions_at(self, day: dt.date | None = None) -> list[Question]:
        """The questions asked on ``day``: those some rule in force then uses, in file order."""
        day = _day(day, self.as_of)
        used = {rule.question for rule in self.rules if rule.version_at(day)}
        return [q for q in self.questions.values() if q.id in used]

    def check_answers(self, answers: Mapping[str, Any] | None) -> dict[str, Any]:
        """Answers in canonical form (numbers as int, multi as a list); raise AnswerError."""
        if answers is None:
            return {}
        if not isinstance(answers, Mapping):
            raise AnswerError("answers must be a mapping of question id to answer")
        clean: dict[str, Any] = {}
        for key, value in answers.items():
            question = self.questions.get(key)
            if question is None:
                raise AnswerError(f"unknown question '{key}'" + _closest(str(key), list(self.questions)))
            clean[key] = _check_answer(question, value)
        return clean

    def evaluate(self, answers: Mapping[str, Any] | None, as_of: dt.date | str | None = None) -> dict[str, Any]:
        """``{"outcome", "failed": [{"rule", "provisions"}], "unknown": [{"rule", "provisions"}]}``.

        ``failed`` lists only the rules an answer breaks; ``unknown`` those an
        "I'm not sure" (or missing) answer leaves open. Any failure makes the
        outcome probably-not-eligible; otherwise any unknown makes it cannot-tell.
        """
        day = _day(as_of, self.as_of)
        given = self.check_answers(answers)
        failed, unknown = [], []
        for rule in self.rules:
            version = rule.version_at(day)
            if version is None:
                continue
            state = version.test.state(self.questions[rule.question], given.get(rule.question))
            entry = {"rule": rule.id, "provisions": list(version.cites)}
            if state == FAIL:
                failed.append(entry)
            elif state == UNKNOWN:
                unknown.append(entry)
        outcome = "probably-not-eligible" if failed else "cannot-tell" if unknown else "eligible"
        return {"outcome": outcome, "failed": failed, "unknown": unknown}

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    # ---------------------------------------------------------------- export

    def to_json(self, lang: str, *, printing: bool = True) -> dict[str, Any]:
        """Everything the browser evaluator and flow need, strings in ``lang`` only."""
        return {
            "lang": lang,
            "as_of": self.as_of.isoformat(),
            "print": printing,
            "ui": {key: text.get(lang) for key, text in self.ui.items()},
            "outcomes": {key: {"title": t.get(lang), "body": b.get(lang)} for key, (t, b) in self.outcomes.items()},
            "questions": [
                {
                    "id": q.id, "kind": q.kind, "text": q.text.get(lang), "short": q.short.get(lang),
                    "why": q.why.get(lang), "hint": q.hint.get(lang) if q.hint else None,
                    "unit": q.unit.get(lang) if q.unit else None, "min": q.min, "max": q.max,
                    "options": [{"value": o.value, "label": o.label.get(lang), "unsure": o.unsure,
                                 "exclusive": o.exclusive} for o in q.options],
                }
                for q in self.questions.values()
            ],
            "rules": [
                {
                    "id": r.id, "type": r.type, "name": r.name.get(lang), "question": r.question,
                    "versions": [
                        {
                            "valid_from": _iso(v.valid_from), "valid_to": _iso(v.valid_to),
                            "pass_if": list(v.test.pass_if), "fail_if": list(v.test.fail_if),
                            "min": v.test.min, "max": v.test.max, "provisions": list(v.cites),
                            "sources": [{"label": s.label.get(lang), "url": s.url} for s in v.sources],
                            "reason": v.reason.get(lang),
                        }
                        for v in r.versions
                    ],
                }
                for r in self.rules
            ],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(value: dt.date | str | None, default: dt.date) -> dt.date:
    if value is None:
        return default
    day = iso_date(value)
    if day is None:
        raise AnswerError(f"as_of must be a date YYYY-MM-DD, got {value!r}")
    return day


def _json(value: Any) -> str:
    """A value as checker.js prints it (JSON.stringify), so both evaluators word an error alike."""
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def _distance(a: str, b: str) -> int:
    """Edit distance (Levenshtein); checker.js has the same function."""
    row = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, other in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (char != other))
    return row[len(b)]


def _closest(word: str, choices: list[str]) -> str:
    """' (did you mean 'x'?)' for the nearest choice within two edits (first on a tie), else ''."""
    best, best_distance = "", 3
    for choice in choices:
        distance = _distance(word.lower(), choice)
        if distance < best_distance:
            best, best_distance = choice, distance
    return f" (did you mean '{best}'?)" if best else ""


def _check_answer(question: Question, value: Any) -> Any:
    """The answer in canonical form, or AnswerError worded exactly as checker.js words it."""
    if value is None:
        return None
    if question.kind == "number":
        if isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(f"'{question.id}' needs a whole number, got {_json(value)}")
        if (question.min is not None and value < question.min) or (question.max is not None and value > question.max):
            raise AnswerError(f"'{question.id}' must be from {question.min} to {question.max}, got {value}")
        return value
    values = [o.value for o in question.options]
    if question.kind == "choice":
        if not isinstance(value, str) or value not in values:
            raise AnswerError(f"'{question.id}' has no option {_json(value)} (options: {', '.join(values)})")
        return value
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not value:
        raise AnswerError(f"'{question.id}' needs a non-empty list of options, got {_json(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str) or item not in values:
            raise AnswerError(f"'{question.id}' has no option {_json(item)} (options: {', '.join(values)})")
        if list(value).index(item) != index:
            raise AnswerError(f"'{question.id}' lists an option twice: {_json(list(value))}")
        if len(value) > 1 and question.option(item).exclusive:
            raise AnswerError(f"'{question.id}': an exclusive option must be the only answer, got {_json(list(value))}")
    return list(value)


# --------------------------------------------------------------------------- loading


class _Checker(FieldChecker):
    """Collects diagnostics for the rules file; knows its lines to place a citation's column."""

    def __init__(self, label: str, source: str):
        super().__init__(label, missing="see dev/EDITORS.md, 'Add an eligibility rule'")
        self.lines = source.split("\n")

    def text(self, data: Any, where: tuple[int, int], what: str) -> Text | None:
        return super().text(data, where, what, collapse=True, stop_on_keys=True)

    def body_col(self, where: tuple[int, int], offset: int) -> int:
        """Column of a citation body inside a one-line scalar that starts at ``where``."""
        line, col = where
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        quote = 1 if col - 1 < len(text) and text[col - 1] in "\"'" else 0
        return col + quote + 2 + offset


def load_rules(path: Path, registry: Registry, as_of: dt.date, label: str = "rules/eligibility.yml") -> Ruleset:
    """Load and validate the rules file; raise EngineError listing every problem."""
    if not path.is_file():
        raise EngineError([Diagnostic(label, 0, 0, "is missing", "create it (dev/EDITORS.md)")])
    data = load_yaml(path, label)  # reports bytes that are not UTF-8 at their line
    source = path.read_text(encoding="utf-8")
    c = _Checker(label, source)
    ruleset = _read(c, data, registry, as_of, label)
    if c.problems or ruleset is None:
        raise EngineError(c.problems or [Diagnostic(label, 1, 1, "could not be read")])
    return ruleset


def _read(c: _Checker, data: Any, registry: Registry, as_of: dt.date, label: str) -> Ruleset | None:
    root = c.mapping(data, (1, 1), "rules file")
    if root is None:
        return None
    c.keys(root, ("ui", "outcomes", "questions", "rules", "not_checked", "next_steps", "status"), (), "rules file")
    ui = _read_ui(c, root)
    outcomes = _read_outcomes(c, root)
    questions = _read_questions(c, root, registry, as_of)
    resolved: dict[str, ResolvedCitation] = {}
    rules = _read_rules(c, root, questions, registry, as_of, resolved)
    not_checked = _read_markdown_list(c, root, "not_checked", registry, as_of)
    next_steps = _read_markdown_list(c, root, "next_steps", registry, as_of)
    status = _read_markdown_text(c, root, "status", registry, as_of)
    if c.problems:
        return None
    ruleset = Ruleset(questions, rules, outcomes, ui, not_checked, next_steps, as_of, label, resolved, status)
    _check_paths(c, root, ruleset)
    return ruleset


def _read_ui(c: _Checker, root: Located) -> dict[str, Text]:
    block = c.mapping(root.get("ui"), root.where("ui"), "ui")
    if block is None:
        return {}
    c.keys(block, UI_KEYS, (), "ui")
    return {key: t for key in UI_KEYS if key in block and (t := c.text(block[key], block.where(key), f"ui.{key}"))}


def _read_outcomes(c: _Checker, root: Located) -> dict[str, tuple[Text, Text]]:
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


def _read_questions(c: _Checker, root: Located, registry: Registry, as_of: dt.date) -> dict[str, Question]:
    items = c.sequence(root.get("questions"), root.where("questions"), "questions")
    questions: dict[str, Question] = {}
    for index, raw in enumerate(items or []):
        what = f"questions[{index}]"
        block = c.mapping(raw, items.item_marks[index], what)
        if block is None or not c.keys(block, ("id", "kind", "text", "short", "why"),
                                       ("hint", "unit", "options", "min", "max"), what):
            continue
        ident = block.get("id")
        if not isinstance(ident, str) or not _ID_RE.match(ident):
            c.error(block.where("id"), f"{what}: id must be lowercase words joined by '-'", f"got {ident!r}")
            continue
        what = f"question '{ident}'"
        if ident in questions:
            c.error(block.where("id"), f"duplicate {what} (first at line {questions[ident].where[0]})")
            continue
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
            low, high = _int(c, block, "min", what), _int(c, block, "max", what)
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


def _int(c: _Checker, block: Located, key: str, what: str) -> int | None:
    if key not in block:
        return None
    value = block[key]
    if isinstance(value, bool) or not isinstance(value, int):
        c.error(block.where(key), f"{what}: '{key}' must be a whole number", f"got {value!r}")
        return None
    return value


def _read_options(c: _Checker, block: Located, what: str, kind: str, registry: Registry,
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
        if not isinstance(value, str) or not _ID_RE.match(value):
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


def _label_from(c: _Checker, entry: Located, registry: Registry, as_of: dt.date, what: str) -> Text | None:
    """An option that reads as the words of one huruf/angka, in force on the as-of date."""
    written = entry.get("label_from")
    where = entry.where("label_from")
    match = CITATION_RE.fullmatch(written.strip()) if isinstance(written, str) else None
    if match is None:
        c.error(where, f"{what}: label_from must be one citation \"[[...]]\"", f"got {written!r}")
        return None
    resolved = _resolve(c, match.group("body"), registry, as_of, _value_where(c, entry, "label_from"), what)
    if resolved is None:
        return None
    if len(resolved.units) != 1 or resolved.units[0].item is None:
        c.error(where, f"{what}: label_from must cite a single huruf or angka", "e.g. [[... Pasal 3 ayat (5) huruf c]]")
        return None
    text = resolved.units[0].item.text
    return Text(_clean_label(text.id), _clean_label(text.en or text.id))


def _clean_label(text: str) -> str:
    text = " ".join(text.split())
    while True:
        stripped = _TRAILING.sub("", text)
        if stripped == text:
            break
        text = stripped
    return text[:1].upper() + text[1:]


def _value_where(c: _Checker, block: Located, key: str) -> tuple[int, int]:
    """Where the value of ``key`` starts (the key's mark plus 'key: ')."""
    line, col = block.where(key)
    text = c.lines[line - 1] if 0 < line <= len(c.lines) else ""
    start = text.find(":", col - 1 + len(key))
    if start < 0:
        return (line, col)
    start += 1
    while start < len(text) and text[start] == " ":
        start += 1
    return (line, start + 1)


def _resolve(c: _Checker, body: str, registry: Registry, day: dt.date, where: tuple[int, int],
             what: str) -> ResolvedCitation | None:
    try:
        return resolve(parse(body), registry, day)
    except (CitationSyntaxError, ResolveError) as error:
        kind = "malformed citation" if isinstance(error, CitationSyntaxError) else "unknown provision"
        c.error((where[0], c.body_col(where, error.offset)), f"{what}: {kind} [[{body}]]: {error.message}",
                error.suggestion)
        return None


def _read_rules(c: _Checker, root: Located, questions: dict[str, Question], registry: Registry, as_of: dt.date,
                resolved: dict[str, ResolvedCitation]) -> list[Rule]:
    items = c.sequence(root.get("rules"), root.where("rules"), "rules")
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(items or []):
        block = c.mapping(raw, items.item_marks[index], f"rules[{index}]")
        if block is None or not c.keys(block, ("id", "type", "question", "versions"), ("name",), f"rules[{index}]"):
            continue
        ident = block.get("id")
        if not isinstance(ident, str) or not _ID_RE.match(ident):
            c.error(block.where("id"), f"rules[{index}]: id must be lowercase words joined by '-'", f"got {ident!r}")
            continue
        what = f"rule '{ident}'"
        if ident in seen:
            c.error(block.where("id"), f"duplicate {what} (first at line {seen[ident]})")
            continue
        seen[ident] = block.where("id")[0]
        kind = block.get("type")
        if kind not in RULE_TYPES:
            c.error(block.where("type"), f"{what}: type must be one of {', '.join(RULE_TYPES)}",
                    did_you_mean(str(kind), RULE_TYPES))
            continue
        question = questions.get(block.get("question"))
        if question is None:
            name = block.get("question")
            c.error(block.where("question"), f"{what}: unknown question '{name}'",
                    did_you_mean(str(name), questions) or f"known questions: {', '.join(questions)}")
            continue
        known_problems = len(c.problems)
        versions = _read_versions(c, block, what, kind, question, registry, as_of, resolved)
        name = c.text(block["name"], block.where("name"), f"{what}: name") if "name" in block else None
        if name is None and "name" not in block:
            name = _name_from_option(question, versions)
            # a bad option in the versions is already reported; no name follows from it
            if name is None and len(c.problems) == known_problems:
                c.error(block.where("id"), f"{what}: needs a name",
                        "only a rule testing one multi option may leave it out (it reads as that option)")
        if versions and name:
            rules.append(Rule(ident, kind, name, question.id, versions, block.where("id")[0]))
    return rules


def _name_from_option(question: Question, versions: tuple[RuleVersion, ...]) -> Text | None:
    values = {v.test.fail_if for v in versions}
    if question.kind != "multi" or len(values) != 1 or len(next(iter(values))) != 1:
        return None
    option = question.option(next(iter(values))[0])
    return option.label if option else None


VERSION_KEYS = ("valid_from", "valid_to", "pass_if", "fail_if", "min", "max", "cites", "sources", "reason", "note")


def _read_versions(c: _Checker, block: Located, what: str, kind: str, question: Question, registry: Registry,
                   as_of: dt.date, resolved: dict[str, ResolvedCitation]) -> tuple[RuleVersion, ...]:
    items = c.sequence(block.get("versions"), block.where("versions"), f"{what}: versions")
    versions: list[RuleVersion] = []
    for index, raw in enumerate(items or []):
        label = f"{what}: versions[{index}]"
        v = c.mapping(raw, items.item_marks[index], label)
        if v is None or not c.keys(v, ("reason",), tuple(k for k in VERSION_KEYS if k != "reason"), label):
            continue
        valid_from, valid_to = _date(c, v, "valid_from", label), _date(c, v, "valid_to", label)
        if valid_from and valid_to and valid_from > valid_to:
            c.error(v.where("valid_to"), f"{label}: valid_to {valid_to} is before valid_from {valid_from}")
        test = _read_test(c, v, label, question)
        version_where = items.item_marks[index]
        period = (valid_from, valid_to)
        cites: tuple[str, ...] = ()
        sources: tuple[Source, ...] = ()
        if kind == "kebijakan":
            if "cites" in v:
                c.error(v.where("cites"), f"{label}: a kebijakan rule is program policy and cites no provision",
                        "name its news sources under 'sources', or make it a syarat/pengecualian")
            sources = _read_sources(c, v, label)
        else:
            if "sources" in v:
                c.error(v.where("sources"), f"{label}: only a kebijakan rule names news sources",
                        "cite the provision under 'cites'")
            cites = _read_cites(c, v, label, period, registry, as_of, resolved)
            if test is not None and cites:
                _check_numbers(c, v, label, test, cites, resolved, period, as_of)
        values = {"min": test.min if test else None, "max": test.max if test else None}
        reason = _fill(c, c.text(v["reason"], v.where("reason"), f"{label}: reason"), values, v.where("reason"), label)
        note = _fill(c, c.text(v["note"], v.where("note"), f"{label}: note"), values, v.where("note"), label) \
            if "note" in v else None
        if test is not None and reason is not None:
            versions.append(RuleVersion(valid_from, valid_to, test, cites, sources, reason, note, version_where))
    for index, (before, after) in enumerate(zip(versions, versions[1:], strict=False)):
        where = after.where
        if before.valid_to is None:
            c.error(where, f"{what}: version {index} has no valid_to but a later version follows",
                    f"set valid_to to the day before {after.valid_from}")
        elif after.valid_from != before.valid_to + dt.timedelta(days=1):
            gap = "overlap" if after.valid_from and after.valid_from <= before.valid_to else "gap"
            c.error(where, f"{what}: {gap} between versions {index} and {index + 1} "
                           f"(valid_to {before.valid_to}, next valid_from {after.valid_from})",
                    f"the next version should start on {before.valid_to + dt.timedelta(days=1)}")
    return tuple(versions)


def _date(c: _Checker, block: Located, key: str, what: str) -> dt.date | None:
    if block.get(key) is None:
        return None
    return c.date(block, key, what, allow_unknown=False, wanted="a date YYYY-MM-DD (or left out)")[1]


def _read_test(c: _Checker, v: Located, label: str, question: Question) -> Test | None:
    wanted = {"choice": ("pass_if",), "multi": ("fail_if",), "number": ("min", "max")}[question.kind]
    for key in ("pass_if", "fail_if", "min", "max"):
        if key in v and key not in wanted:
            c.error(v.where(key), f"{label}: '{key}' does not fit a {question.kind} question ('{question.id}')",
                    f"use {' / '.join(wanted)}")
            return None
    if question.kind == "number":
        low, high = _int(c, v, "min", label), _int(c, v, "max", label)
        if low is None and high is None:
            c.error(v.where(), f"{label}: give min and/or max for question '{question.id}'")
            return None
        for key, bound in (("min", low), ("max", high)):
            if bound is not None and not question.min <= bound <= question.max:
                c.error(v.where(key), f"{label}: {key} {bound} is outside question '{question.id}' "
                                      f"({question.min} to {question.max})")
        return Test(min=low, max=high)
    key = wanted[0]
    values = c.sequence(v.get(key), v.where(key) if key in v else v.where(), f"{label}: {key}")
    if not values:
        return None
    ok: list[str] = []
    for index, value in enumerate(values):
        option = question.option(value) if isinstance(value, str) else None
        where = values.item_marks[index]
        if option is None:
            c.error(where, f"{label}: question '{question.id}' has no option {value!r}",
                    did_you_mean(str(value), [o.value for o in question.options])
                    or f"options: {', '.join(o.value for o in question.options)}")
        elif option.unsure or option.exclusive:
            c.error(where, f"{label}: '{value}' cannot decide a rule",
                    "unsure and exclusive options leave a rule open or passed by design")
        else:
            ok.append(value)
    if len(ok) != len(values):
        return None
    return Test(pass_if=tuple(ok)) if key == "pass_if" else Test(fail_if=tuple(ok))


def _read_cites(c: _Checker, v: Located, label: str, period: tuple[dt.date | None, dt.date | None],
                registry: Registry, as_of: dt.date, resolved: dict[str, ResolvedCitation]) -> tuple[str, ...]:
    items = c.sequence(v.get("cites"), v.where("cites") if "cites" in v else v.where(), f"{label}: cites")
    if not items:
        return ()
    valid_from, valid_to = period
    in_force = (valid_from is None or valid_from <= as_of) and (valid_to is None or as_of <= valid_to)
    # The version's own dates, plus the as-of date while it is in force (that is how the page renders it).
    days = sorted({d for d in (valid_from, valid_to) if d} | ({as_of} if in_force else set()))
    bodies: list[str] = []
    for index, written in enumerate(items):
        where = items.item_marks[index]
        match = CITATION_RE.fullmatch(written.strip()) if isinstance(written, str) else None
        if match is None:
            c.error(where, f"{label}: each entry of cites must be one quoted citation \"[[...]]\"", f"got {written!r}")
            continue
        body = " ".join(match.group("body").split())
        try:
            citation = parse(body)
        except CitationSyntaxError as error:
            c.error((where[0], c.body_col(where, error.offset)), f"{label}: malformed citation [[{body}]]: "
                    f"{error.message}", error.suggestion)
            continue
        if citation.pin is not None:
            if (valid_from and citation.pin < valid_from) or (valid_to and citation.pin > valid_to):
                c.error((where[0], c.body_col(where, body.rfind("@"))),
                        f"{label}: the pin @{citation.pin} lies outside this rule version's period "
                        f"({valid_from or 'start'} to {valid_to or 'now'})", "pin a date inside the period")
                continue
            days_here = [citation.pin]
        else:
            if not in_force:
                c.error((where[0], c.body_col(where, len(body))),
                        f"{label}: [[{body}]] is in a rule version not in force on the site's as-of date {as_of}, "
                        "so it must name its date", f"add a pin inside the period, e.g. @{valid_to or valid_from}")
                continue
            days_here = days
        ok = True
        for day in days_here:
            result = _resolve(c, body, registry, day, where, label)
            if result is None:
                ok = False
                break
            if not citation.spans:
                c.error(where, f"{label}: [[{body}]] cites a whole instrument", "cite the Pasal, ayat or huruf")
                ok = False
                break
        if ok:
            bodies.append(body)
            if citation.pin is not None or in_force:
                resolved[body] = resolve(citation, registry, citation.pin or as_of)
    return tuple(bodies)


def _check_numbers(c: _Checker, v: Located, label: str, test: Test, cites: tuple[str, ...],
                   resolved: dict[str, ResolvedCitation], period: tuple[dt.date | None, dt.date | None],
                   as_of: dt.date) -> None:
    """Each age bound must appear in the wording of a cited provision (catches 18+ versus 18–64)."""
    words = []
    for body in cites:
        citation = resolved.get(body)
        for unit in citation.units if citation else ():
            if unit.item is not None:
                words.append(unit.item.text.id)
            elif unit.version is not None:
                words.append(unit.version.text_id or (unit.version.summary.id if unit.version.summary else ""))
    for key in ("min", "max"):
        bound = getattr(test, key)
        if bound is not None and not any(re.search(rf"(?<!\d){bound}(?!\d)", w) for w in words):
            c.error(v.where(key), f"{label}: {key} {bound} does not appear in the text of any cited provision",
                    "check the number against the regulation, or cite the provision that sets it")


def _read_sources(c: _Checker, v: Located, label: str) -> tuple[Source, ...]:
    items = c.sequence(v.get("sources"), v.where("sources") if "sources" in v else v.where(), f"{label}: sources")
    sources = []
    for index, raw in enumerate(items or []):
        entry = c.mapping(raw, items.item_marks[index], f"{label}: sources[{index}]")
        if entry is None or not c.keys(entry, ("label",), ("url",), f"{label}: sources[{index}]"):
            continue
        url = entry.get("url")
        if url is not None and url_problem(url):
            c.error(entry.where("url"), f"{label}: sources[{index}]: url {url_problem(url)}")
            url = None
        text = c.text(entry["label"], entry.where("label"), f"{label}: sources[{index}].label")
        if text:
            sources.append(Source(text, url))
    return tuple(sources)


def _fill(c: _Checker, text: Text | None, values: dict[str, int | None], where: tuple[int, int],
          label: str) -> Text | None:
    """Put the test's numbers into a reason ({min}, {max}); the data says each number once."""
    if text is None:
        return None
    filled = []
    for value in (text.id, text.en):
        if "[[" in value:
            c.error(where, f"{label}: reasons are plain text; put citations under 'cites'")
            return None
        for name in _PLACEHOLDER.findall(value):
            if values.get(name) is None:
                c.error(where, f"{label}: unknown placeholder {{{name}}}",
                        "only {min} and {max} of this version's test can be used")
                return None
        filled.append(_PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), value))
    return Text(*filled)


def _read_markdown_text(c: _Checker, root: Located, key: str, registry: Registry, as_of: dt.date) -> Text | None:
    """One bilingual Markdown text (e.g. the status line), its citations checked."""
    text = c.text(root.get(key), root.where(key), key)
    if text is None:
        return None
    raw = root.get(key)
    for lang, value in (("id", text.id), ("en", text.en)):
        for match in CITATION_RE.finditer(value):
            _resolve(c, match.group("body"), registry, as_of, raw.where(lang), f"{key}.{lang}")
    return text


def _read_markdown_list(c: _Checker, root: Located, key: str, registry: Registry, as_of: dt.date) -> list[Text]:
    items = c.sequence(root.get(key), root.where(key), key)
    texts = []
    for index, raw in enumerate(items or []):
        text = c.text(raw, items.item_marks[index], f"{key}[{index}]")
        if text is None:
            continue
        for lang, value in (("id", text.id), ("en", text.en)):
            where = raw.where(lang)
            for match in CITATION_RE.finditer(value):
                _resolve(c, match.group("body"), registry, as_of, where, f"{key}[{index}].{lang}")
        texts.append(text)
    return texts


# --------------------------------------------------------------------------- paths


def rule_version_states(question: Question, version: RuleVersion) -> set[str]:
    return {version.test.state(question, answer) for answer in question.answer_space(version.test.thresholds())}


def reachable_outcomes(ruleset: Ruleset, day: dt.date | None = None) -> set[str]:
    """Outcomes some combination of answers the page can give reaches on ``day``.

    Rules only interact through their questions, so each question's answers
    are enumerated once (numbers around every threshold) and combined."""
    day = _day(day, ruleset.as_of)
    by_question: dict[str, list[RuleVersion]] = {}
    for rule in ruleset.rules:
        version = rule.version_at(day)
        if version is not None:
            by_question.setdefault(rule.question, []).append(version)
    if not by_question:
        return set()
    summaries = []
    for qid, versions in by_question.items():
        question = ruleset.questions[qid]
        thresholds = [t for v in versions for t in v.test.thresholds()]
        kinds = set()
        for answer in question.answer_space(thresholds):
            states = {v.test.state(question, answer) for v in versions}
            kinds.add(FAIL if FAIL in states else UNKNOWN if UNKNOWN in states else PASS)
        summaries.append(kinds)
    reached = set()
    if all(PASS in kinds for kinds in summaries):
        reached.add("eligible")
    if any(FAIL in kinds for kinds in summaries):
        reached.add("probably-not-eligible")
    for index, kinds in enumerate(summaries):
        if UNKNOWN in kinds and all(PASS in other for i, other in enumerate(summaries) if i != index):
            reached.add("cannot-tell")
    return reached


def _check_paths(c: _Checker, root: Located, ruleset: Ruleset) -> None:
    used = {rule.question for rule in ruleset.rules}
    for question in ruleset.questions.values():
        if question.id not in used:
            c.error(question.where, f"question '{question.id}' is not used by any rule",
                    "remove it, or add the rule that needs it")
    for rule in ruleset.rules:
        question = ruleset.questions[rule.question]
        for index, version in enumerate(rule.versions):
            states = rule_version_states(question, version)
            if FAIL not in states:
                c.error(version.where, f"rule '{rule.id}': versions[{index}]: no answer to question "
                        f"'{question.id}' fails this rule, so no path reaches its failure",
                        "check pass_if / fail_if / min / max against the options")
            if PASS not in states:
                c.error(version.where, f"rule '{rule.id}': versions[{index}]: no answer to question "
                        f"'{question.id}' passes this rule, so nobody can be eligible")
    if not any(rule.version_at(ruleset.as_of) for rule in ruleset.rules):
        c.error(root.where("rules"), f"no rule is in force on the site's as-of date {ruleset.as_of}")
        return
    reached = reachable_outcomes(ruleset)
    outcomes_block = root.get("outcomes")
    for outcome in OUTCOMES:
        if outcome not in reached and isinstance(outcomes_block, Located):
            why = ' (no question in force has an "unsure" option)' if outcome == "cannot-tell" else ""
            c.error(outcomes_block.where(outcome), f"outcome '{outcome}' is not reached by any path of answers "
                    f"on the site's as-of date {ruleset.as_of}{why}",
                    "every outcome must be reachable; check the questions and rules")

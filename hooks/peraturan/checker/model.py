"""Eligibility rules as cited data: the model and the reference evaluator.

``rules/eligibility.yml`` (format: dev/EDITORS.md, "Add an eligibility rule")
holds questions, answer options and dated rules. Every rule of type ``syarat``
(requirement) or ``pengecualian`` (exclusion) cites provisions with the page
citation grammar; a ``kebijakan`` rule (program policy reported in the press)
names news sources instead and never cites a provision. The file is read by
``loader.py`` (and ``rules.py``, ``paths.py``), which report every problem at
its ``path:line:col``.

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
from typing import Any

from ..build.dates import Period, Versioned, iso_date
from ..build.schema import Text
from ..legal.resolver import ResolvedCitation

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
class Rule(Versioned):
    id: str
    type: str
    name: Text
    question: str
    versions: tuple[RuleVersion, ...]
    line: int


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
        day = day_or(day, self.as_of)
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
        day = day_or(as_of, self.as_of)
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


def day_or(value: dt.date | str | None, default: dt.date) -> dt.date:
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

"""Which outcomes some combination of answers reaches: a rule version no answer can fail,
or an outcome no answer reaches on the site's as-of date, is an error at its line."""

from __future__ import annotations

import datetime as dt

from ..build.yamlsource import Located
from .fields import RulesChecker
from .model import FAIL, OUTCOMES, PASS, UNKNOWN, Question, Ruleset, RuleVersion, day_or


def rule_version_states(question: Question, version: RuleVersion) -> set[str]:
    return {version.test.state(question, answer) for answer in question.answer_space(version.test.thresholds())}


def reachable_outcomes(ruleset: Ruleset, day: dt.date | None = None) -> set[str]:
    """Outcomes some combination of answers the page can give reaches on ``day``.

    Rules only interact through their questions, so each question's answers
    are enumerated once (numbers around every threshold) and combined."""
    day = day_or(day, ruleset.as_of)
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


def check_paths(c: RulesChecker, root: Located, ruleset: Ruleset) -> None:
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

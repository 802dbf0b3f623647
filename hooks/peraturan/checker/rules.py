"""Reading the rules of ``rules/eligibility.yml`` and their dated versions: each version's
test, the provisions it cites (resolved at the version's own dates), its sources and texts."""

from __future__ import annotations

import datetime as dt
import re

from ..build.diagnostics import did_you_mean
from ..build.safe import url_problem
from ..build.schema import Text
from ..build.yamlsource import Located
from ..legal.citation import CITATION_RE, CitationSyntaxError
from ..legal.cite import grammar, lookup
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation
from .fields import RulesChecker, read_date, read_id, read_int, resolve_body
from .model import RULE_TYPES, Question, Rule, RuleVersion, Source, Test


def read_rules(c: RulesChecker, root: Located, questions: dict[str, Question], registry: Registry, as_of: dt.date,
                resolved: dict[str, ResolvedCitation]) -> list[Rule]:
    items = c.sequence(root.get("rules"), root.where("rules"), "rules")
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for _, block, what in c.entries(items, "rules", ("id", "type", "question", "versions"), ("name",)):
        ident = read_id(c, block, what, "rule", seen)
        if ident is None:
            continue
        what = f"rule '{ident}'"
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


def _read_versions(c: RulesChecker, block: Located, what: str, kind: str, question: Question, registry: Registry,
                   as_of: dt.date, resolved: dict[str, ResolvedCitation]) -> tuple[RuleVersion, ...]:
    items = c.sequence(block.get("versions"), block.where("versions"), f"{what}: versions")
    versions: list[RuleVersion] = []
    for index, raw in enumerate(items or []):
        label = f"{what}: versions[{index}]"
        v = c.mapping(raw, items.item_marks[index], label)
        if v is None or not c.keys(v, ("reason",), tuple(k for k in VERSION_KEYS if k != "reason"), label):
            continue
        valid_from, valid_to = read_date(c, v, "valid_from", label), read_date(c, v, "valid_to", label)
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


def _read_test(c: RulesChecker, v: Located, label: str, question: Question) -> Test | None:
    wanted = {"choice": ("pass_if",), "multi": ("fail_if",), "number": ("min", "max")}[question.kind]
    for key in ("pass_if", "fail_if", "min", "max"):
        if key in v and key not in wanted:
            c.error(v.where(key), f"{label}: '{key}' does not fit a {question.kind} question ('{question.id}')",
                    f"use {' / '.join(wanted)}")
            return None
    if question.kind == "number":
        low, high = read_int(c, v, "min", label), read_int(c, v, "max", label)
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


def _read_cites(c: RulesChecker, v: Located, label: str, period: tuple[dt.date | None, dt.date | None],
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
        citation = grammar(body, registry)
        if isinstance(citation, CitationSyntaxError):
            c.error((where[0], c.body_col(where, citation.offset)), f"{label}: malformed citation [[{body}]]: "
                    f"{citation.message}", citation.suggestion)
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
            result = resolve_body(c, body, registry, day, where, label)
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
                resolved[body] = lookup(body, registry, as_of)  # resolved above: a cache hit
    return tuple(bodies)


def _check_numbers(c: RulesChecker, v: Located, label: str, test: Test, cites: tuple[str, ...],
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


def _read_sources(c: RulesChecker, v: Located, label: str) -> tuple[Source, ...]:
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


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _fill(c: RulesChecker, text: Text | None, values: dict[str, int | None], where: tuple[int, int],
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

"""The eligibility rules (rules/eligibility.yml): loading, validation with
path:line:col, the Python evaluator over every golden case, and the block
the checker page is built from. No MkDocs build here; see test_checker_build.py."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from diag import assert_error, assert_errors, at, line_col, position
from peraturan.build.diagnostics import EngineError
from peraturan.checker.block import checker_markdown, relative_root
from peraturan.checker.loader import load_rules
from peraturan.checker.model import AnswerError
from peraturan.checker.paths import reachable_outcomes
from peraturan.legal.loader import load_registry

RULES = ROOT / "rules" / "eligibility.yml"
CASES = yaml.safe_load((ROOT / "tests" / "cases" / "eligibility.yml").read_text(encoding="utf-8"))["cases"]
AS_OF = dt.date.fromisoformat(
    re.search(r"^\s*as_of:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1).strip("\"'"))
LABEL = "rules/eligibility.yml"


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "regulations", "regulations")


@pytest.fixture(scope="module")
def ruleset(registry):
    return load_rules(RULES, registry, AS_OF, LABEL)


def load_variant(tmp_path: Path, registry, *edits: tuple[str, str], count: int = 1):
    """Load a copy of the real rules with text replaced; return (text, EngineError)."""
    text = RULES.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"edit target not found: {old!r}"
        text = text.replace(old, new, count if count > 0 else -1)
    path = tmp_path / "eligibility.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EngineError) as caught:
        load_rules(path, registry, AS_OF, LABEL)
    return text, caught.value


# --------------------------------------------------------------------------- the real rules


def test_the_real_rules_load_and_reach_every_outcome(ruleset):
    assert [q.id for q in ruleset.questions_at()] == ["kewarganegaraan", "usia", "pendidikan", "jabatan",
                                                       "kartu-keluarga"]
    assert reachable_outcomes(ruleset) == {"eligible", "probably-not-eligible", "cannot-tell"}
    assert {r.type for r in ruleset.rules} == {"syarat", "pengecualian", "kebijakan"}


def test_each_exclusion_huruf_is_its_own_rule_and_option(ruleset):
    exclusions = [r for r in ruleset.rules if r.type == "pengecualian"]
    assert [r.version_at(AS_OF).cites for r in exclusions] == [
        (f"Perpres 36/2020 Pasal 3 ayat (5) huruf {h}",) for h in "abcdefg"]
    # Option labels and rule names are the regulation's own words, not retyped.
    asn = ruleset.questions["jabatan"].option("asn")
    assert asn.label.id == "Aparatur Sipil Negara"
    assert ruleset.rule("asn").name == asn.label


def test_age_rule_is_dated(ruleset):
    rule = ruleset.rule("usia")
    old, new = rule.versions
    assert (old.valid_to, old.test.min, old.test.max) == (dt.date(2022, 9, 12), 18, None)
    assert (new.valid_from, new.test.min, new.test.max) == (dt.date(2022, 9, 13), 18, 64)
    assert old.cites[0] == "Perpres 36/2020 Pasal 3 ayat (4) huruf b @2021-01-01"
    assert "64" in new.reason.id and "{max}" not in new.reason.en


def test_policy_rule_cites_news_not_law(ruleset):
    rule = ruleset.rule("dua-nik-per-kk")
    assert rule.type == "kebijakan"
    for version in rule.versions:
        assert version.cites == ()
        assert version.sources


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_python_evaluator_over_every_case(ruleset, case):
    result = ruleset.evaluate(case["answers"], case.get("as_of"))
    assert result["outcome"] == case["outcome"]
    assert [f["rule"] for f in result["failed"]] == case["failed"]
    assert [u["rule"] for u in result["unknown"]] == case["unknown"]
    # the provisions come from the case, written from the law, not from the rules file
    assert {e["rule"]: e["provisions"] for e in result["failed"] + result["unknown"]} == case["provisions"]


def test_every_case_states_unknown_and_provisions():
    for case in CASES:
        assert "unknown" in case and "provisions" in case, case["name"]
        assert list(case["provisions"]) == case["failed"] + case["unknown"], case["name"]


def test_result_names_the_exact_huruf(ruleset):
    answers = {"kewarganegaraan": "ya", "usia": 30, "pendidikan": "tidak", "jabatan": ["asn"],
               "kartu-keluarga": "belum-ada"}
    assert ruleset.evaluate(answers) == {
        "outcome": "probably-not-eligible",
        "failed": [{"rule": "asn", "provisions": ["Perpres 36/2020 Pasal 3 ayat (5) huruf c"]}],
        "unknown": [],
    }


@pytest.mark.parametrize(("answers", "message"), [
    ({"umur": 30}, "unknown question 'umur'"),
    ({"pendidkan": "ya"}, "unknown question 'pendidkan' (did you mean 'pendidikan'?)"),
    ({"kewarganegaraan": "iya"}, "'kewarganegaraan' has no option \"iya\" (options: ya, tidak, tidak-tahu)"),
    ({"usia": 30.5}, "'usia' needs a whole number, got 30.5"),
    ({"usia": True}, "'usia' needs a whole number"),
    ({"usia": 121}, "'usia' must be from 0 to 120"),
    ({"jabatan": "asn"}, "'jabatan' needs a non-empty list"),
    ({"jabatan": []}, "'jabatan' needs a non-empty list"),
    ({"jabatan": ["asn", "tidak-tahu"]}, "an exclusive option must be the only answer, got [\"asn\",\"tidak-tahu\"]"),
    ({"jabatan": ["asn", "asn"]}, "lists an option twice: [\"asn\",\"asn\"]"),
    ({"usia": -1}, "'usia' must be from 0 to 120, got -1"),
    ({"jabatan": {"asn": True}}, "'jabatan' needs a non-empty list of options, got {\"asn\":true}"),
    ({"jabatan": ["asn", "guru"]}, "'jabatan' has no option \"guru\" (options: pejabat-negara, dprd, asn, tni, "
                                   "polri, desa, bumn-bumd, tidak-satu-pun, tidak-tahu)"),
    ({"umur": 30}, "unknown question 'umur'"),
])
def test_bad_answers_are_refused(ruleset, answers, message):
    with pytest.raises(AnswerError, match=re.escape(message)):
        ruleset.evaluate(answers)


def test_bad_as_of_is_refused(ruleset):
    with pytest.raises(AnswerError, match="as_of must be a date"):
        ruleset.evaluate({}, "kemarin")


def test_whole_messages_and_a_date_given_as_text(ruleset):
    with pytest.raises(AnswerError) as caught:
        ruleset.evaluate({"umur": 30})
    assert str(caught.value) == "unknown question 'umur'"  # nothing close: no hint
    with pytest.raises(AnswerError) as caught:
        ruleset.evaluate([("usia", 30)])
    assert str(caught.value) == "answers must be a mapping of question id to answer"
    assert ruleset.evaluate({"usia": 65}, "2021-06-01")["failed"] == []  # the old rule, from a text date
    assert ruleset.evaluate(None)["outcome"] == "cannot-tell"


def test_questions_asked_depend_on_the_day(ruleset):
    today = [q.id for q in ruleset.questions_at()]
    assert today == ["kewarganegaraan", "usia", "pendidikan", "jabatan", "kartu-keluarga"]
    assert [q.id for q in ruleset.questions_at(dt.date(2020, 12, 1))] == today[:4]  # before the KK policy
    assert [q.id for q in ruleset.questions_at(dt.date(2020, 5, 1))] == today[:3]  # before the exclusions


def test_a_rule_not_yet_in_force_does_not_stop_the_rules_after_it(ruleset):
    """The real file lists the later rules last; reversed, an early stop would skip the rest."""
    import dataclasses

    reordered = dataclasses.replace(ruleset, rules=list(reversed(ruleset.rules)))
    result = reordered.evaluate({"kewarganegaraan": "tidak", "usia": 30, "pendidikan": "tidak",
                                 "jabatan": ["tidak-satu-pun"]}, dt.date(2020, 5, 1))
    assert [f["rule"] for f in result["failed"]] == ["wni"]


# --------------------------------------------------------------------------- bad rules data: path:line:col


def test_unknown_provision_fails_with_path_line_col(tmp_path, registry):
    old = 'cites: ["[[Perpres 36/2020 Pasal 3 ayat (5) huruf c]]"]'
    new = 'cites: ["[[Perpres 36/2020 Pasal 3 ayat (5) huruf z]]"]'
    text, error = load_variant(tmp_path, registry, (old, new))
    # the column is that of the units ("Pasal ..."), inside the citation
    assert_error(error, LABEL, *position(text, new, offset=len('cites: ["[[Perpres 36/2020 ')),
                 "rule 'asn': versions[0]: unresolved citation [[Perpres 36/2020 Pasal 3 ayat (5) huruf z]]: "
                 "Perpres 36/2020 Pasal 3 ayat (5) has no huruf z", "it has a, b, c, d, e, f, g")


def test_unknown_instrument_fails_with_a_suggestion(tmp_path, registry):
    old = '"[[Perpres 36/2020 Pasal 3 ayat (4) huruf a]]"]'
    text, error = load_variant(tmp_path, registry, (old, '"[[Perpres 63/2020 Pasal 3 ayat (4) huruf a]]"]'))
    assert_error(error, LABEL, *position(text, "Perpres 63/2020"),
                 "rule 'wni': versions[1]: unresolved citation [[Perpres 63/2020 Pasal 3 ayat (4) huruf a]]: "
                 "unknown instrument 'Perpres 63/2020'", "did you mean 'Perpres 76/2020'?")


def test_unknown_question_fails_with_path_line_col(tmp_path, registry):
    old = "    question: kartu-keluarga\n"
    text, error = load_variant(tmp_path, registry, (old, "    question: kartu-keluarg\n"))
    assert_error(error, LABEL, *position(text, "question: kartu-keluarg\n"),
                 "rule 'dua-nik-per-kk': unknown question 'kartu-keluarg'", "did you mean 'kartu-keluarga'?")


def test_unknown_option_fails_with_path_line_col(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("fail_if: [tni]", "fail_if: [tnii]"))
    # one error: the rule's name (taken from its option) is not reported missing as well
    assert_error(error, LABEL, *position(text, "tnii"),
                 "rule 'tni': versions[0]: question 'jabatan' has no option 'tnii'", "did you mean 'tni'?")


def test_an_outcome_no_path_reaches_fails_the_build(tmp_path, registry):
    # Without any "I'm not sure" option, no answers can lead to "cannot-tell".
    text, error = load_variant(tmp_path, registry, ("unsure: true", "unsure: false"), count=-1)
    assert_error(error, LABEL, *position(text, "cannot-tell:"),
                 "outcome 'cannot-tell' is not reached by any path of answers on the site's as-of date")


def test_a_rule_no_answer_can_fail_fails_the_build(tmp_path, registry):
    old = "pass_if: [belum-ada, satu]"
    text, error = load_variant(tmp_path, registry, (old, "pass_if: [belum-ada, satu, dua-atau-lebih]"))
    assert_error(error, LABEL, *position(text, "valid_from: 2021-03-07"),
                 "rule 'dua-nik-per-kk': versions[0]: no answer to question 'kartu-keluarga' "
                 "fails this rule, so no path reaches its failure")


def test_a_question_no_rule_uses_fails_the_build(tmp_path, registry):
    text = RULES.read_text(encoding="utf-8")
    start = text.index("  - id: dua-nik-per-kk")
    end = text.index("# Shown on every result")
    text2, error = load_variant(tmp_path, registry, (text[start:end], ""))
    assert_error(error, LABEL, *position(text2, "id: kartu-keluarga"),
                 "question 'kartu-keluarga' is not used by any rule")


def test_an_age_bound_missing_from_the_cited_text_fails(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("        max: 64\n", "        max: 65\n"))
    assert_error(error, LABEL, *position(text, "max: 65"),
                 "rule 'usia': versions[1]: max 65 does not appear in the text of any cited provision")


def test_an_old_version_must_pin_its_citations(tmp_path, registry):
    old = '"[[Perpres 36/2020 Pasal 3 ayat (4) huruf c @2021-01-01]]"'
    text, error = load_variant(tmp_path, registry, (old, '"[[Perpres 36/2020 Pasal 3 ayat (4) huruf c]]"'))
    # pointed at the end of the units, where the pin belongs
    assert_error(error, LABEL, *position(text, "Pasal 3 ayat (4) huruf c]]", offset=len("Pasal 3 ayat (4) huruf c")),
                 "rule 'pendidikan-formal': versions[0]: [[Perpres 36/2020 Pasal 3 ayat (4) huruf c]] is in a rule "
                 "version not in force on the site's as-of date", "e.g. @2022-09-12")


def test_a_pin_outside_the_version_period_fails(tmp_path, registry):
    old = "huruf b @2021-01-01]]"
    text, error = load_variant(tmp_path, registry, (old, "huruf b @2023-01-01]]"))
    assert_error(error, LABEL, *position(text, "@2023-01-01"),
                 "rule 'usia': versions[0]: the pin @2023-01-01 lies outside this rule version's period "
                 "(start to 2022-09-12)", "pin a date inside the period")


def test_a_policy_rule_may_not_cite_law(tmp_path, registry):
    old = "        pass_if: [belum-ada, satu]\n"
    new = old + '        cites: ["[[Perpres 36/2020 Pasal 3 ayat (4) huruf a]]"]\n'
    text, error = load_variant(tmp_path, registry, (old, new))
    assert_error(error, LABEL, *position(text, new, offset=len(old + "        ")),
                 "rule 'dua-nik-per-kk': versions[0]: a kebijakan rule is program policy and cites no provision")


def test_a_gap_between_versions_fails(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("      - valid_from: 2022-09-13\n        min: 18",
                                                    "      - valid_from: 2022-09-20\n        min: 18"))
    assert_error(error, LABEL, *position(text, "valid_from: 2022-09-20"),
                 "rule 'usia': gap between versions 0 and 1", "the next version should start on 2022-09-13")


def test_an_unknown_placeholder_fails(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("paling rendah {min} tahun.", "paling rendah {minimum} tahun."))
    # at the reason: key whose text holds the placeholder
    reason = text.rindex("reason:", 0, text.index("{minimum}"))
    assert_error(error, LABEL, *line_col(text, reason),
                 "rule 'usia': versions[0]: unknown placeholder {minimum}", "only {min} and {max}")


def test_a_missing_interface_word_fails(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("  restart: {id: Mulai lagi, en: Start again}\n", ""))
    assert_error(error, LABEL, *position(text, "start_title:"), "ui: missing field 'restart'")


def test_a_bad_label_from_fails(tmp_path, registry):
    old = 'label_from: "[[Perpres 36/2020 Pasal 3 ayat (5) huruf g]]"'
    text, error = load_variant(tmp_path, registry, (old, 'label_from: "[[Perpres 36/2020 Pasal 3 ayat (5) huruf h]]"'))
    # one error: the option still exists, so the rule that tests it is not reported as well
    assert_error(error, LABEL, *position(text, "Pasal 3 ayat (5) huruf h]]"),
                 "question 'jabatan': option 'bumn-bumd': unresolved citation [[Perpres 36/2020 Pasal 3 ayat (5) huruf h]]"
                 ": Perpres 36/2020 Pasal 3 ayat (5) has no huruf h")


def test_every_problem_is_reported_at_once(tmp_path, registry):
    text, error = load_variant(tmp_path, registry, ("fail_if: [tni]", "fail_if: [tnii]"),
                               ("    question: kartu-keluarga\n", "    question: kk\n"))
    assert_errors(error,
                  at(LABEL, *position(text, "tnii"), "rule 'tni': versions[0]: question 'jabatan' has no option 'tnii'"),
                  at(LABEL, *position(text, "question: kk\n"), "rule 'dua-nik-per-kk': unknown question 'kk'",
                     "known questions: kewarganegaraan, usia, pendidikan, jabatan, kartu-keluarga"))


# --------------------------------------------------------------------------- the block and its data


def test_json_has_one_language_and_no_citation_markers(ruleset):
    for lang in ("id", "en"):
        data = ruleset.to_json(lang)
        text = json.dumps(data, ensure_ascii=False)
        assert "[[" not in text
        assert data["ui"]["restart"] == ruleset.ui["restart"].get(lang)
        assert data["as_of"] == AS_OF.isoformat() and data["print"] is True
    assert ruleset.to_json("en")["ui"]["restart"] == "Start again"


def test_block_markdown_cites_every_rule_version(ruleset):
    text = checker_markdown(ruleset, "id")
    for rule in ruleset.rules:
        for index, version in enumerate(rule.versions):
            assert f'data-px-template="{rule.id}@{index}"' in text
            for body in version.cites:
                assert f"[[{body}]]" in text
    assert '<script type="application/json" id="px-checker-data">' in text
    data = json.loads(re.search(r'id="px-checker-data">(.*?)</script>', text).group(1).replace("<\\/", "</"))
    assert data["lang"] == "id"


def test_block_without_printer_has_no_print(ruleset):
    text = checker_markdown(ruleset, "en", printing=False)
    data = json.loads(re.search(r'id="px-checker-data">(.*?)</script>', text).group(1))
    assert data["print"] is False


@pytest.mark.parametrize(("url", "root"), [
    ("cek-kelayakan/", ".."), ("en/cek-kelayakan/", "../.."), ("cek-kelayakan.html", "."),
    ("en/cek-kelayakan.html", ".."),
])
def test_relative_root(url, root):
    assert relative_root(url) == root


def test_javascript_hard_codes_no_interface_words(ruleset):
    script = (ROOT / "overrides/assets/javascripts/checker.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    literals = set(re.findall(r'"((?:[^"\\]|\\.)*)"', code))
    words = {t for text in ruleset.ui.values() for t in (text.id, text.en)}
    for question in ruleset.questions.values():
        words |= {question.text.id, question.text.en, question.why.id, question.why.en}
        words |= {t for option in question.options for t in (option.label.id, option.label.en)}
    words |= {"Ya", "Tidak", "Yes", "No", "Saya tidak tahu", "I'm not sure", "Lanjutkan", "Kembali"}
    assert not literals & words, sorted(literals & words)


def test_a_bad_citation_in_the_status_line_is_located(tmp_path, registry):
    old = "  en: >-\n    According to press reports from 2025"
    text, error = load_variant(tmp_path, registry, (old, "  en: >-\n    [[Perpres 36/2020 Pasal 99]] According to press reports from 2025"))
    # a folded text is located at its key line (the column is not checked: the engine adds the
    # citation's offset to the key's column, which lands past the end of that line)
    line, _ = position(text, "  en: >-\n    [[Perpres 36/2020 Pasal 99]]")
    report = error.report()
    assert report.startswith(f"{LABEL}:{line}:")
    assert "status.en" in report and "Pasal 99" in report

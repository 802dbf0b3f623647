"""Each kind of bad citation in a page stops the build with path:line:col,
the offending text and, where one is close, a 'did you mean'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import mkdocs_build
from diag import assert_error, assert_errors, at, position
from peraturan.legal.corpus import check_corpus
from peraturan.legal.loader import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"
AS_OF = dt.date(2092, 1, 1)


@pytest.fixture(scope="module")
def registry():
    return load_registry(FIXTURES, "tests/fixtures/regulations")


PAGE = "docs/id/halaman.md"


def check(tmp_path: Path, registry, id_text: str, en_text: str | None = None) -> list:
    """The diagnostics of the Indonesian page (the English copy repeats the same text)."""
    for lang, text in (("id", id_text), ("en", id_text if en_text is None else en_text)):
        (tmp_path / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "halaman.md").write_text(text, encoding="utf-8")
    corpus = check_corpus(tmp_path, ["id", "en"], registry, AS_OF)
    return [d for d in corpus.diagnostics if d.path.startswith("docs/id/")]


def test_valid_page_has_no_problems(tmp_path, registry):
    assert check(tmp_path, registry, "# Judul\n\nSyarat: [[Perpres 1/2090 Pasal 3 ayat (2) huruf b]].\n") == []


def test_unknown_instrument_with_suggestion(tmp_path, registry):
    text = "# J\n\nLihat [[Perpres 1/2091 Pasal 3]].\n"
    found = assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Perpres 1/2091"),
                         "unresolved citation [[Perpres 1/2091 Pasal 3]]: unknown instrument 'Perpres 1/2091'",
                         "did you mean 'Perpres 2/2091'?")
    assert found.format() == (
        "docs/id/halaman.md:3:9: unresolved citation [[Perpres 1/2091 Pasal 3]]: unknown instrument 'Perpres 1/2091' "
        "(did you mean 'Perpres 2/2091'?)")


def test_unknown_pasal(tmp_path, registry):
    text = "Lihat [[Perpres 1/2090 Pasal 13]].\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 13"),
                 "unresolved citation [[Perpres 1/2090 Pasal 13]]: Perpres 1/2090 has no Pasal 13 in the registry",
                 "did you mean '3'?")


def test_unknown_ayat_lists_the_known_ones(tmp_path, registry):
    text = "x\n\n  Lihat [[Perpres 1/2090 Pasal 3 ayat (7)]].\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 3"),
                 "Perpres 1/2090 Pasal 3 has no ayat (7) in the registry", "Pasal 3 has ayat (1), (1a), (2)")


def test_unknown_huruf(tmp_path, registry):
    text = "[[Perpres 1/2090 Pasal 3 ayat (2) huruf d]]\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 3"),
                 "Perpres 1/2090 Pasal 3 ayat (2) has no huruf d in the version in force on 2092-01-01",
                 "it has a, b, c")


def test_malformed_citation_points_at_the_bad_token(tmp_path, registry):
    text = "Teks [[Perpres 1/2090 Pasal 3 ayat 2]] teks.\n"
    found = assert_error(check(tmp_path, registry, text), PAGE, *position(text, "2]]"),
                         "malformed citation [[Perpres 1/2090 Pasal 3 ayat 2]]: ayat '2' must be in brackets",
                         "write 'ayat (2)'")
    assert found.format() == ("docs/id/halaman.md:1:36: malformed citation [[Perpres 1/2090 Pasal 3 ayat 2]]: "
                              "ayat '2' must be in brackets (write 'ayat (2)')")


def test_unknown_angka_lists_the_angka_of_its_huruf(tmp_path, registry):
    text = "[[Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 2]]\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 3"),
                 "Perpres 1/2090 Pasal 3 ayat (2) has no angka 2 in the version in force on 2092-01-01", "it has 1")


def test_version_not_in_force_needs_a_date(tmp_path, registry):
    text = "[[Perpres 1/2090 Pasal 20]]\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 20"),
                 "Pasal 20 Perpres 1/2090 is not in force on the site's as-of date 2092-01-01 "
                 "(versions: 2090-01-11 to 2091-05-31)", "to cite a historic version add a date, e.g. @2090-01-11")


def test_a_date_pin_makes_a_historic_version_citable(tmp_path, registry):
    assert check(tmp_path, registry, "[[Perpres 1/2090 Pasal 20 @2090-06-01]]\n") == []


def test_pinned_date_outside_every_version(tmp_path, registry):
    text = "[[Perpres 1/2090 Pasal 12B @2090-01-01]]\n"
    assert_error(check(tmp_path, registry, text), PAGE, *position(text, "Pasal 12B"),
                 "Pasal 12B Perpres 1/2090 has no version in force on 2090-01-01 (versions: 2091-06-01 to now)",
                 "pick a date inside one of the versions")


def test_citation_parity_lists_what_is_missing_on_which_side(tmp_path, registry):
    texts = {"id": "# J\n\n[[Perpres 1/2090 Pasal 12A]] dan [[Perpres 1/2090 Pasal 12B]]\n",
             "en": "# T\n\n[[Perpres 1/2090 Pasal 12A]]\n"}
    for lang, text in texts.items():
        (tmp_path / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "halaman.md").write_text(text, encoding="utf-8")
    corpus = check_corpus(tmp_path, ["id", "en"], registry, AS_OF)
    found = assert_error(corpus.diagnostics, PAGE, *position(texts["id"], "[[Perpres 1/2090 Pasal 12B]]"),
                         "citation parity: cites [[Perpres 1/2090 Pasal 12B]] (Pasal 12B Perpres 1/2090) but "
                         "docs/en/halaman.md does not", "add the same citation to docs/en/halaman.md, or remove it here")
    assert found.format() == (
        "docs/id/halaman.md:3:34: citation parity: cites [[Perpres 1/2090 Pasal 12B]] (Pasal 12B Perpres 1/2090) but "
        "docs/en/halaman.md does not (add the same citation to docs/en/halaman.md, or remove it here)")


def test_all_problems_are_reported_in_one_run(tmp_path, registry):
    text = "[[Perpres 9/2090 Pasal 1]]\n[[Perpres 1/2090 Pasal 99]]\n[[Perpres 1/2090 ayat]]\n"
    assert_errors(check(tmp_path, registry, text),
                  at(PAGE, *position(text, "Perpres 9/2090"), "unknown instrument 'Perpres 9/2090'",
                     "did you mean 'Perpres 1/2090'?"),
                  at(PAGE, *position(text, "Pasal 99"), "Perpres 1/2090 has no Pasal 99 in the registry",
                     "known Pasal: 3, 12A, 12B, 20"),
                  # without a Pasal, "ayat" reads as part of the instrument's name: the error points at it
                  at(PAGE, *position(text, "ayat]]"), "unknown instrument 'Perpres 1/2090 ayat'",
                     "'ayat' follows Perpres 1/2090: units start with 'Pasal', e.g. [[Perpres 1/2090 Pasal 1]]"))


def test_citations_in_code_are_not_checked(tmp_path, registry):
    assert check(tmp_path, registry, "`[[Nothing 1/1 Pasal 1]]`\n\n```\n[[Nothing]]\n```\n") == []


def test_build_stops_on_bad_registry_data_before_checking_pages(docs_copy, tmp_path):
    page = docs_copy / "docs/id/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[Perpres 36/2020 Pasal 999]]\n", encoding="utf-8")
    registry = docs_copy / "regulations/perpres-113-2022.yml"
    text = registry.read_text(encoding="utf-8").replace("type: perpres", "type: perpress", 1)
    registry.write_text(text, encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", project=docs_copy, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Invalid regulation registry" in output
    # only the registry error: pages are not checked against a registry that failed to load
    assert_errors(output, at("regulations/perpres-113-2022.yml", *position(text, "type: perpress"),
                             "type must be one of", "did you mean 'perpres'?"))
    assert not (tmp_path / "out" / "index.html").exists(), "nothing may be published half-right"


def test_build_reports_page_citation_errors_with_location(docs_copy, tmp_path):
    page = docs_copy / "docs/id/index.md"
    text = page.read_text(encoding="utf-8") + "\nLihat [[Perpres 36/2020 Pasal 999]].\n"
    page.write_text(text, encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", project=docs_copy, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # relative to the project (not an absolute temporary path), and only this error: parity is
    # compared over citations that resolve
    assert_errors(output, at("docs/id/index.md", *position(text, "Pasal 999"),
                             "Perpres 36/2020 has no Pasal 999 in the registry", "did you mean '9'?"))

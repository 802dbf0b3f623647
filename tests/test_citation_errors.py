"""Each kind of bad citation in a page stops the build with path:line:col,
the offending text and, where one is close, a 'did you mean'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import mkdocs_build
from peraturan.corpus import check_corpus
from peraturan.registry import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"
AS_OF = dt.date(2092, 1, 1)


@pytest.fixture(scope="module")
def registry():
    return load_registry(FIXTURES, "tests/fixtures/regulations")


def check(tmp_path: Path, registry, id_text: str, en_text: str | None = None) -> list[str]:
    for lang, text in (("id", id_text), ("en", id_text if en_text is None else en_text)):
        (tmp_path / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "halaman.md").write_text(text, encoding="utf-8")
    corpus = check_corpus(tmp_path, ["id", "en"], registry, AS_OF)
    return [d.format() for d in corpus.diagnostics if d.path.startswith("docs/id/")]


def test_valid_page_has_no_problems(tmp_path, registry):
    assert check(tmp_path, registry, "# Judul\n\nSyarat: [[Perpres 1/2090 Pasal 3 ayat (2) huruf b]].\n") == []


def test_unknown_instrument_with_suggestion(tmp_path, registry):
    found = check(tmp_path, registry, "# J\n\nLihat [[Perpres 1/2091 Pasal 3]].\n")
    assert found == [
        "docs/id/halaman.md:3:9: unresolved citation [[Perpres 1/2091 Pasal 3]]: unknown instrument 'Perpres 1/2091' "
        "(did you mean 'Perpres 2/2091'?)"
    ]


def test_unknown_pasal(tmp_path, registry):
    found = check(tmp_path, registry, "Lihat [[Perpres 1/2090 Pasal 13]].\n")
    assert found == ["docs/id/halaman.md:1:24: unresolved citation [[Perpres 1/2090 Pasal 13]]: Perpres 1/2090 has no "
                     "Pasal 13 in the registry (did you mean '3'?)"]


def test_unknown_ayat_lists_the_known_ones(tmp_path, registry):
    found = check(tmp_path, registry, "x\n\n  Lihat [[Perpres 1/2090 Pasal 3 ayat (7)]].\n")
    assert len(found) == 1 and found[0].startswith("docs/id/halaman.md:3:26: ")
    assert "Pasal 3 has no ayat (7)" in found[0] and "Pasal 3 has ayat (1), (1a), (2)" in found[0]


def test_unknown_huruf(tmp_path, registry):
    found = check(tmp_path, registry, "[[Perpres 1/2090 Pasal 3 ayat (2) huruf d]]\n")
    assert len(found) == 1 and "has no huruf d in the version in force on 2092-01-01" in found[0]
    assert "(it has a, b, c)" in found[0]


def test_malformed_citation_points_at_the_bad_token(tmp_path, registry):
    found = check(tmp_path, registry, "Teks [[Perpres 1/2090 Pasal 3 ayat 2]] teks.\n")
    assert found == ["docs/id/halaman.md:1:36: malformed citation [[Perpres 1/2090 Pasal 3 ayat 2]]: ayat '2' must be "
                     "in brackets (write 'ayat (2)')"]


def test_version_not_in_force_needs_a_date(tmp_path, registry):
    found = check(tmp_path, registry, "[[Perpres 1/2090 Pasal 20]]\n")
    assert len(found) == 1
    assert "is not in force on the site's as-of date 2092-01-01" in found[0]
    assert "add a date, e.g. @2090-01-11" in found[0]


def test_a_date_pin_makes_a_historic_version_citable(tmp_path, registry):
    assert check(tmp_path, registry, "[[Perpres 1/2090 Pasal 20 @2090-06-01]]\n") == []


def test_pinned_date_outside_every_version(tmp_path, registry):
    found = check(tmp_path, registry, "[[Perpres 1/2090 Pasal 12B @2090-01-01]]\n")
    assert len(found) == 1 and "has no version in force on 2090-01-01" in found[0]


def test_citation_parity_lists_what_is_missing_on_which_side(tmp_path, registry):
    for lang, text in (("id", "# J\n\n[[Perpres 1/2090 Pasal 12A]] dan [[Perpres 1/2090 Pasal 12B]]\n"),
                       ("en", "# T\n\n[[Perpres 1/2090 Pasal 12A]]\n")):
        (tmp_path / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / lang / "halaman.md").write_text(text, encoding="utf-8")
    corpus = check_corpus(tmp_path, ["id", "en"], registry, AS_OF)
    assert [d.format() for d in corpus.diagnostics] == [
        "docs/id/halaman.md:3:34: citation parity: cites [[Perpres 1/2090 Pasal 12B]] (Pasal 12B Perpres 1/2090) but "
        "docs/en/halaman.md does not (add the same citation to docs/en/halaman.md, or remove it here)"
    ]


def test_all_problems_are_reported_in_one_run(tmp_path, registry):
    found = check(tmp_path, registry, "[[Perpres 9/2090 Pasal 1]]\n[[Perpres 1/2090 Pasal 99]]\n[[Perpres 1/2090 ayat]]\n")
    assert [f.split(":")[1] for f in found] == ["1", "2", "3"]


def test_citations_in_code_are_not_checked(tmp_path, registry):
    assert check(tmp_path, registry, "`[[Nothing 1/1 Pasal 1]]`\n\n```\n[[Nothing]]\n```\n") == []


def test_build_stops_on_a_bad_citation_and_on_bad_registry_data(docs_copy, tmp_path):
    page = docs_copy / "docs/id/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[[Perpres 36/2020 Pasal 999]]\n", encoding="utf-8")
    registry = docs_copy / "regulations/perpres-113-2022.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("type: perpres", "type: perpress", 1),
                        encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", project=docs_copy, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Invalid regulation registry" in output
    assert "regulations/perpres-113-2022.yml:" in output and "type must be one of" in output
    assert not (tmp_path / "out" / "index.html").exists(), "nothing may be published half-right"


def test_build_reports_page_citation_errors_with_location(docs_copy, tmp_path):
    page = docs_copy / "docs/id/index.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    page.write_text("\n".join(lines) + "\nLihat [[Perpres 36/2020 Pasal 999]].\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "out", project=docs_copy, check=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/id/index.md:{len(lines) + 1}:" in output
    assert "Perpres 36/2020 has no Pasal 999 in the registry" in output

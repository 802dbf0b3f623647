"""The term lint (hooks/peraturan/explainer/terms.py): one name per concept, reported at path:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from peraturan.build.diagnostics import EngineError
from peraturan.explainer import terms

ROOT = Path(__file__).resolve().parent.parent
SMALL = """concepts:
  - key: training-aid
    id: {preferred: bantuan pelatihan, banned: [bantuan biaya pelatihan, saldo pelatihan]}
    en: {preferred: training aid, banned: [training balance]}
  - key: permenko-11-2020
    id: {preferred: Permenko Perekonomian 11/2020, banned: [Permenko 11/2020]}
"""


@pytest.fixture
def small(tmp_path) -> terms.Terms:
    path = tmp_path / "terms.yml"
    path.write_text(SMALL, encoding="utf-8")
    return terms.load_terms(path, "data/terms.yml")


def messages(found) -> list[str]:
    return [d.format() for d in found]


def test_a_banned_variant_is_reported_at_its_line_and_column(small):
    page = "---\ndescription: x\n---\n\n# Judul\n\nAnda mendapat bantuan biaya pelatihan.\n"
    assert messages(terms.lint(page, "docs/id/x.md", "id", small)) == [
        "docs/id/x.md:7:15: 'bantuan biaya pelatihan' is another name for 'bantuan pelatihan' (one name per "
        "concept) (write 'bantuan pelatihan' (data/terms.yml, 'training-aid'); quoted law keeps its words inside "
        "quotation marks)"]


def test_a_name_broken_over_two_lines_is_found_at_its_start_and_case_is_ignored(small):
    page = "Media menyebut Permenko\n11/2020. Saldo Pelatihan habis.\n"
    found = terms.lint(page, "docs/id/x.md", "id", small)
    assert [(d.line, d.col, d.message.split("'")[1]) for d in found] == [
        (1, 16, "Permenko 11/2020"), (2, 10, "Saldo Pelatihan")]


def test_only_the_page_language_is_checked(small):
    assert terms.lint("The saldo pelatihan word.", "docs/en/x.md", "en", small) == []
    assert len(terms.lint("The training balance.", "docs/en/x.md", "en", small)) == 1


@pytest.mark.parametrize("page", [
    'Pasal 31C menyebut "bantuan biaya Pelatihan".',
    "Pasal 31C menyebut “bantuan biaya Pelatihan”.",
    "> bantuan biaya Pelatihan sebagaimana dimaksud",
    '<blockquote lang="id">bantuan biaya Pelatihan</blockquote>',
    "Lihat [[Permenko 11/2020 Pasal 7]].",
    "Kode `saldo pelatihan` di sini.",
    "<!-- saldo pelatihan -->",
    "[teks](https://x.invalid/saldo-pelatihan)",
    "Nama lama: saldo pelatihan. <!-- px:term-ok explains the old name -->",
    "---\ntitle: saldo pelatihan\n---\n",
    "```\nsaldo pelatihan\n```",
])
def test_quotations_citations_code_and_exemptions_are_not_checked(small, page):
    assert terms.lint(page, "docs/id/x.md", "id", small) == []


def test_indonesian_words_on_an_english_page_are_not_checked(tmp_path):
    path = tmp_path / "terms.yml"
    path.write_text("concepts:\n  - key: k\n    en: {preferred: training aid, banned: [saldo pelatihan]}\n",
                    encoding="utf-8")
    found = terms.load_terms(path, "data/terms.yml")
    assert terms.lint('The <span lang="id">saldo pelatihan</span> balance.', "docs/en/x.md", "en", found) == []


def test_yaml_strings_are_read_in_their_own_language(small):
    text = (
        "# a comment about saldo pelatihan is not read\n"
        "ui:\n"
        "  a: {id: Saldo pelatihan Anda, en: Your training balance}\n"
        "  b:\n"
        "    id: >-\n"
        "      Gunakan bantuan\n"
        "      biaya pelatihan sebelum 15 Desember.\n"
        "    en: >-\n"
        "      Use it, not the saldo pelatihan.\n"
        "  c: \"saldo pelatihan\"\n"
        "  d: {id: 'Lihat [[Permenko 11/2020 Pasal 7]].', en: x}\n"
    )
    found = terms.lint_yaml(text, "rules/eligibility.yml", small)
    assert [(d.line, d.col, d.message.split("'")[1]) for d in found] == [
        (3, 11, "Saldo pelatihan"), (3, 42, "training balance"), (6, 15, "bantuan biaya pelatihan")]


@pytest.mark.parametrize(("data", "expected"), [
    ("concepts:\n  - key: k\n    id: {preferred: bantuan pelatihan, banned: [pelatihan]}\n",
     "data/terms.yml:3:40: concepts[0].id: banned variant 'pelatihan' is part of the preferred name "
     "'bantuan pelatihan' (every use of the preferred name would be refused)"),
    ("concepts:\n  - key: k\n    id: {preferred: bantuan pelatihan}\n",
     "data/terms.yml:3:5: concepts[0].id: needs 'preferred: <name>' and 'banned: [<variant>, ...]'"),
    ("concepts:\n  - key: a\n    id: {preferred: x y, banned: [z]}\n  - key: b\n    id: {preferred: w, banned: [z]}\n",
     "data/terms.yml:5:24: concepts[1].id: 'z' is already banned by concept 'a'"),
    ("concepts:\n  - key: k\n    fr: {preferred: x, banned: [y]}\n",
     "data/terms.yml:3:5: concepts[0]: unknown field 'fr' (fields are key, id, en)"),
    ("terms: []\n", "data/terms.yml:1:1: needs a list 'concepts:' (see dev/EDITORS.md, the term lint)"),
])
def test_a_bad_terms_file_is_reported_at_its_line(tmp_path, data, expected):
    path = tmp_path / "terms.yml"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(EngineError) as error:
        terms.load_terms(path, "data/terms.yml")
    assert error.value.report().split("\n")[0] == expected


def test_the_site_uses_one_name_per_concept():
    """The real pages and data pass the real list (the build checks the same)."""
    real = terms.load_terms(ROOT / "data/terms.yml", "data/terms.yml")
    assert {c.key for c in real.concepts} >= {"training-aid", "permenko-11-2020"}
    problems = []
    for lang in ("id", "en"):
        for page in sorted((ROOT / "docs" / lang).glob("*.md")):
            problems += terms.lint(page.read_text(encoding="utf-8"), page.name, lang, real)
    for name in ("rules/eligibility.yml", "data/amounts.yml", "data/authority.yml", "data/bibliography.yml"):
        problems += terms.lint_yaml((ROOT / name).read_text(encoding="utf-8"), name, real)
    assert messages(problems) == []

"""Unit tests of the explainer's content tools: claim lint, bibliography
references, dated data, the authority map and the abbreviation lists.
Plain Python, no MkDocs build."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT
from diag import assert_error, assert_errors, at, position
from peraturan.build.diagnostics import EngineError
from peraturan.explainer import bibliography, claims, dated, glossary
from peraturan.explainer import data as site_data
from peraturan.explainer.authority import load_authority, render
from peraturan.legal.loader import load_registry

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "regulations", "regulations")


@pytest.fixture(scope="module")
def bib():
    return bibliography.load_bibliography(ROOT / "data/bibliography.yml", "data/bibliography.yml")


# ----------------------------------------------------------------------------- claim lint

FAILING = """# Judul

Bantuan pelatihan Rp3.500.000 dibayar sekali.
"""

PASSING = """# Judul

Bantuan pelatihan Rp3.500.000 dibayar sekali [@okezone-2024-10-03].
"""


def test_claim_lint_fails_on_an_uncited_amount_with_path_line_col():
    problems = claims.lint(FAILING, "docs/id/x.md")
    assert [p.format() for p in problems] == [
        "docs/id/x.md:3:19: states an amount ('Rp3.500.000') with no citation in the same paragraph "
        "(add a [[...]] citation or a [@source] reference to this paragraph; if the number is not a legal or "
        "factual claim, end the paragraph with <!-- px:nocite -->)"
    ]


def test_claim_lint_passes_when_the_paragraph_has_a_source():
    assert claims.lint(PASSING, "docs/id/x.md") == []


@pytest.mark.parametrize("text, kind", [
    ("Anda harus berusia 18 tahun.", "age"),
    ("Kembalikan dalam 60 hari.", "days"),
    ("Berlaku sejak 13 September 2022.", "date"),
    ("Program dimulai pada 2020.", "date"),
    ("Ada 12 anggota.", "count"),
    ("Total IDR 600,000.", "amount"),
    ("Sejak <!-- px:value key=age_max --> tahun.", "value"),
])
def test_each_kind_of_claim_needs_a_citation(text, kind):
    problems = claims.lint(text + "\n", "p.md")
    assert len(problems) == 1 and claims.KIND_WORDS[kind] in problems[0].message


@pytest.mark.parametrize("text", [
    "Anda harus berusia 18 tahun [[Perpres 36/2020 Pasal 3 ayat (4) huruf b]].",
    "Versi WCAG 2.2 <!-- px:nocite version number -->",
    "Lihat Pasal 3 ayat (4) huruf b Perpres 36/2020 dan Article 3(4)(b).",
    "Peraturan Presiden Nomor 36 Tahun 2020 dan PMK 25/PMK.05/2020 dan No. 76 of 2020.",
    "Pandemi COVID-19 mengubah program.",
    "Contoh dalam kode: `Rp1.000.000`.",
    "Diperiksa per <!-- px:value key=as_of -->.",
    "## Langkah 1: Mendaftar",
    "```\nRp1.000.000 dalam 30 hari\n```",
])
def test_things_that_are_not_claims_or_are_supported(text):
    assert claims.lint(text + "\n", "p.md") == []


def test_every_list_item_and_table_row_needs_its_own_citation():
    text = "- satu 18 tahun [[Perpres 36/2020 Pasal 3 ayat (4)]]\n- dua 60 hari\n\n| a | b |\n|---|---|\n| 2020 | x |\n"
    lines = [p.line for p in claims.lint(text, "p.md")]
    assert lines == [2, 6]


def test_a_nocite_marker_on_its_own_line_belongs_to_the_paragraph_above():
    assert claims.lint("Versi 2.2 dari pedoman\n<!-- px:nocite -->\n", "p.md") == []


def test_front_matter_is_not_checked():
    assert claims.lint("---\ndescription: sejak 2020\n---\n\nTeks.\n", "p.md") == []


# ----------------------------------------------------------------------------- bibliography


def test_unknown_source_key_is_reported_with_path_line_col(bib):
    text = "Teks.\n\nMenurut media [@tribunews-2021-03-07].\n"
    assert_error(bibliography.check_page(text, bib, "docs/id/x.md"), "docs/id/x.md",
                 *position(text, "[@tribunews-2021-03-07]"), "unknown source [@tribunews-2021-03-07]",
                 "did you mean 'tribunnews-2021-03-07'")


def test_references_become_links_outside_code(bib):
    out = bibliography.expand_refs("A [@jabaran-2025] and `[@jabaran-2025]`", bib, "en", "kelayakan.md")
    assert out.startswith("A ([Jabaran.id, 2025](https://jabaran.id/")
    assert out.endswith("){ .px-ref }) and `[@jabaran-2025]`")
    study = bibliography.expand_refs("[@rachman-dinnakerkop]", bib, "id", "banyumas.md")
    assert study == "([Rachman](penelitian.md#studi-rachman-dinnakerkop){ .px-ref })"


def test_neighbouring_references_on_a_line_form_one_bracketed_list(bib):
    """Two source names side by side read as part of the sentence; one bracket with "; " does not."""
    out = bibliography.expand_refs("disusun [@jabaran-2025]  [@rachman-dinnakerkop].", bib, "id", "banyumas.md")
    assert re.fullmatch(r"disusun \(\[Jabaran\.id, 2025\]\(https://[^)]+\)\{ \.px-ref \}; "
                        r"\[Rachman\]\(penelitian\.md#studi-rachman-dinnakerkop\)\{ \.px-ref \}\)\.", out), out
    # A group with an unknown key is left alone, for the pre-build check to report.
    assert bibliography.expand_refs("[@jabaran-2025] [@nope]", bib, "id", "banyumas.md") == "[@jabaran-2025] [@nope]"


def test_bibliography_errors_carry_lines(tmp_path):
    path = tmp_path / "b.yml"
    text = "entries:\n  - key: a\n    kind: blog\n    date: 2020\n    url: unknown\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EngineError) as error:
        bibliography.load_bibliography(path, "data/bibliography.yml")
    assert_error(error.value, "data/bibliography.yml", *position(text, "kind: blog"),
                 "entry 'a': kind must be one of study, official, news")


def test_the_unknown_study_author_is_shown_as_unknown(bib):
    entry = bib.get("efektivitas-banyumas")
    assert entry.author is None and entry.title is None
    card = bibliography.study_card(entry, "en")
    assert card.count("unknown") >= 3


# ----------------------------------------------------------------------------- dated data


def test_amount_totals_are_the_sum_of_their_parts(registry, bib):
    amounts = dated.load_amounts(ROOT / "data/amounts.yml", "data/amounts.yml", registry, AS_OF, bib)
    for period in amounts.periods:
        if period.total is not None:
            assert sum(p.total for p in period.parts.values()) == period.total


def test_a_wrong_total_stops_with_its_line(registry, bib, tmp_path):
    text = (ROOT / "data/amounts.yml").read_text(encoding="utf-8").replace("total: 4200000", "total: 4300000")
    path = tmp_path / "amounts.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EngineError) as error:
        dated.load_amounts(path, "data/amounts.yml", registry, AS_OF, bib)
    assert_error(error.value, "data/amounts.yml", *position(text, "total: 4300000"),
                 "period '2023-2024': total 4300000 is not the sum of the parts (4200000)")


def test_a_limit_must_agree_with_the_law(registry, tmp_path):
    text = (ROOT / "data/limits.yml").read_text(encoding="utf-8").replace("value: 64", "value: 65")
    path = tmp_path / "limits.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EngineError) as error:
        dated.load_limits(path, "data/limits.yml", registry, AS_OF)
    assert_error(error.value, "data/limits.yml", *position(text, "value: 65"),
                 "limit 'age_max': periods[1]: value 65 does not appear in the text of "
                 "[[Perpres 36/2020 Pasal 3 ayat (4) huruf b]]")


def test_limit_values_by_date(registry):
    limits = dated.load_limits(ROOT / "data/limits.yml", "data/limits.yml", registry, AS_OF)
    assert dated.value_text("age_max", "id", AS_OF, limits, None) == "64"
    with pytest.raises(ValueError, match="has no value on 2021-01-01"):
        dated.value_text("age_max", "id", AS_OF, limits, None, at="2021-01-01")
    assert dated.value_text("as_of", "en", AS_OF, limits, None) == "23 November 2026"


def test_rupiah_is_formatted_per_language():
    from peraturan.explainer.sitedata import format_rupiah

    assert (format_rupiah(3550000, "id"), format_rupiah(3550000, "en")) == ("Rp3.550.000", "Rp3,550,000")


# ----------------------------------------------------------------------------- authority map


def test_every_edge_cites_a_provision_and_the_text_list_matches_the_drawing(registry, bib):
    amap = load_authority(ROOT / "data/authority.yml", "data/authority.yml", registry, AS_OF, bib)
    markdown = render(amap, "id")
    numbered = re.findall(r'^(\d+)\. <span class="px-edge__who">', markdown, flags=re.M)
    assert numbered == [str(e.number) for e in amap.edges]
    for edge in amap.edges:
        # every edge names a provision, except an instrument whose text was not found (sourced)
        textless = {c for c in edge.cites if c == "Perbup Banyumas 99/2021"} if edge.source else set()
        assert edge.cites and all(" Pasal " in f" {c}" for c in edge.cites if c not in textless)
    assert 'role="img"' in markdown and "<title id=" in markdown and "<desc id=" in markdown


def _write_authority(tmp_path, old, new) -> tuple[Path, str]:
    text = (ROOT / "data/authority.yml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "authority.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


def _edge_at(text: str, start: str, end: str) -> tuple[int, int]:
    """Where the edge ``start`` → ``end`` begins: its first key, after '- '."""
    return position(text, f"  - from: {start}\n    to: {end}\n", offset=len("  - "))


def test_an_edge_citing_a_missing_provision_stops_with_path_line(registry, bib, tmp_path):
    path, text = _write_authority(tmp_path, "cite: Perpres 36/2020 Pasal 12 ayat (2)",
                                  "cite: Perpres 36/2020 Pasal 12 ayat (9)")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    assert_error(error.value, "data/authority.yml", *position(text, "cite: Perpres 36/2020 Pasal 12 ayat (9)"),
                 "edges[2]: cite: unresolved citation [[Perpres 36/2020 Pasal 12 ayat (9)]]: "
                 "Perpres 36/2020 Pasal 12 has no ayat (9) in the registry", "Pasal 12 has ayat (2)")


def test_an_edge_citing_a_whole_instrument_is_refused(registry, bib, tmp_path):
    path, text = _write_authority(tmp_path, "cite: Perpres 36/2020 Pasal 12 ayat (2)", "cite: Perpres 36/2020\n")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    assert_error(error.value, "data/authority.yml", *position(text, "cite: Perpres 36/2020\n"),
                 "edges[2]: cite: [[Perpres 36/2020]] names a whole instrument; cite a Pasal, ayat or huruf")


def test_a_textless_instrument_needs_a_source(registry, bib, tmp_path):
    """Perbup Banyumas 99/2021 has no recorded provision: cited whole only beside the study."""
    path, text = _write_authority(tmp_path, "    cite: Perbup Banyumas 99/2021\n    source: rachman-dinnakerkop\n",
                                  "    cite: Perbup Banyumas 99/2021\n")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    found = assert_error(error.value, "data/authority.yml", *position(text, "cite: Perbup Banyumas 99/2021\n"),
                         "edges[18]: cite: [[Perbup Banyumas 99/2021]] names a whole instrument")
    assert found.format().endswith(
        "cite a Pasal, ayat or huruf (the rendered link must land on a provision's anchor; an instrument whose "
        "text was not found may be cited whole only with a 'source')")


def test_a_source_does_not_excuse_a_whole_instrument_with_provisions(registry, bib, tmp_path):
    path, text = _write_authority(tmp_path, "    cite: Perbup Banyumas 99/2021\n", "    cite: Perpres 36/2020\n")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    assert_error(error.value, "data/authority.yml", *position(text, "cite: Perpres 36/2020\n"),
                 "edges[18]: cite: [[Perpres 36/2020]] names a whole instrument")


def test_a_line_through_another_box_is_refused(registry, bib, tmp_path):
    path, text = _write_authority(tmp_path, "    row: 4\n    col: 4", "    row: 4\n    col: 3")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    # moving 'platform' one column left puts it on three lines: each is reported at its own edge
    assert_errors(error.value,
                  at("data/authority.yml", *_edge_at(text, "mp", "platform"), "(mp → platform) runs through the box of 'lp'"),
                  at("data/authority.yml", *_edge_at(text, "pemda", "penerima"),
                     "(pemda → penerima) runs through the box of 'platform'"),
                  at("data/authority.yml", *_edge_at(text, "mp", "penerima"),
                     "(mp → penerima) runs through the box of 'platform'"))


# ----------------------------------------------------------------------------- abbreviations


def test_both_languages_explain_the_same_abbreviations():
    id_list, id_problems = glossary.read_abbreviations(ROOT / "includes/abbreviations.id.md", "id")
    en_list, en_problems = glossary.read_abbreviations(ROOT / "includes/abbreviations.en.md", "en")
    assert id_problems == en_problems == []
    assert glossary.check_pair(id_list, en_list, "en") == []
    assert {"NIK", "KK", "PHK", "ASN", "BUMN", "BUMD", "DPRD", "PMO"} <= {a.abbr for a in id_list}


def test_a_missing_abbreviation_in_english_is_reported():
    id_list = [glossary.Abbreviation("NIK", "x", 1), glossary.Abbreviation("KK", "y", 2)]
    en_list = [glossary.Abbreviation("NIK", "x", 1)]
    assert [p.format() for p in glossary.check_pair(id_list, en_list, "includes/abbreviations.en.md")] == [
        "includes/abbreviations.en.md lacks 'KK', which the Indonesian list explains"]


def test_a_site_without_blocks_needs_no_data(tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "index.md").write_text("# Halo\n", encoding="utf-8")
    assert site_data.used_data(tmp_path) == set()
    (tmp_path / "id" / "index.md").write_text("<!-- px:authority-map -->\n", encoding="utf-8")
    assert site_data.used_data(tmp_path) == {"authority", "bibliography"}


def test_a_node_label_too_long_for_its_box_is_refused(registry, bib, tmp_path):
    path, text = _write_authority(tmp_path, "label: {id: Lembaga Pelatihan, en: Training Institutions}",
                                  "label: {id: 'Lembaga Pelatihan milik swasta, BUMN, BUMD, pemerintah pusat, atau pemerintah daerah', "
                                  "en: Training Institutions}")
    with pytest.raises(EngineError) as error:
        load_authority(path, "data/authority.yml", registry, AS_OF, bib)
    assert_error(error.value, "data/authority.yml", *position(text, "label: {id: 'Lembaga Pelatihan milik swasta"),
                 "the id label needs more than 4 lines in its box")

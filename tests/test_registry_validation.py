"""Every kind of bad registry data stops the build with file, line and field."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from peraturan.diagnostics import EngineError
from peraturan.registry import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "regulations"
    shutil.copytree(FIXTURES, target)
    return target


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(folder: Path) -> list[str]:
    with pytest.raises(EngineError) as caught:
        load_registry(folder, "regulations")
    return [d.format() for d in caught.value.diagnostics]


def line_of(folder: Path, name: str, needle: str) -> int:
    for number, line in enumerate((folder / name).read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_fixture_registry_is_valid():
    registry = load_registry(FIXTURES, "tests/fixtures/regulations")
    assert set(registry.instruments) == {"perpres-1-2090", "perpres-2-2091"}
    amended = registry.instruments["perpres-1-2090"]
    assert [(r.type, r.target) for r in amended.relations] == [("amended-by", "perpres-2-2091")]
    provision = amended.provisions[next(r for r in amended.provisions if r.ayat == "2")]
    assert provision.version_at(dt.date(2090, 5, 1)).evidence == "reported"
    assert provision.version_at(dt.date(2091, 6, 1)).evidence == "official-text"


def test_missing_field(folder):
    edit(folder, "perpres-1-2090.yml", "gazette: LN 2090 Nomor 1\n", "")
    assert errors(folder) == [
        "regulations/perpres-1-2090.yml:2:1: instrument: missing field 'gazette' (add 'gazette:' (see dev/REGISTRY-FORMAT.md))"
    ]


def test_unknown_field_suggests_the_right_one(folder):
    edit(folder, "perpres-1-2090.yml", "gazette:", "gazete:")
    found = errors(folder)
    assert any("unknown field 'gazete'" in e and "did you mean 'gazette'?" in e for e in found)


def test_wrong_type(folder):
    edit(folder, "perpres-1-2090.yml", "year: 2090", "year: twenty")
    line = line_of(folder, "perpres-1-2090.yml", "year: twenty")
    assert errors(folder) == [f"regulations/perpres-1-2090.yml:{line}:1: year must be a four-digit number (got 'twenty')"]


def test_bad_date_value(folder):
    edit(folder, "perpres-1-2090.yml", "ditetapkan: 2090-01-10", "ditetapkan: 2090-02-30")
    found = errors(folder)
    assert len(found) == 1 and "'ditetapkan' must be a date YYYY-MM-DD or unknown" in found[0]


def test_dates_out_of_order(folder):
    edit(folder, "perpres-1-2090.yml", "diundangkan: 2090-01-11", "diundangkan: 2089-12-31")
    found = errors(folder)
    assert len(found) == 1 and "diundangkan (2089-12-31) is before ditetapkan (2090-01-10)" in found[0]
    line = line_of(folder, "perpres-1-2090.yml", "diundangkan: 2089-12-31")
    assert found[0].startswith(f"regulations/perpres-1-2090.yml:{line}:")


def test_version_dates_reversed(folder):
    edit(folder, "perpres-1-2090.yml", "valid_to: 2091-05-31, evidence", "valid_to: 2089-05-31, evidence")
    found = errors(folder)
    assert any("valid_to 2089-05-31 is before valid_from 2090-01-11" in e for e in found)


def test_duplicate_provision(folder):
    edit(folder, "perpres-1-2090.yml", "  - ref: Pasal 12B\n", "  - ref: Pasal 12A\n")
    first = line_of(folder, "perpres-1-2090.yml", "ref: Pasal 12A")
    found = errors(folder)
    assert len(found) == 1
    assert "duplicate provision 'Pasal 12A'" in found[0] and f"(first at line {first})" in found[0]


def test_relation_to_missing_instrument(folder):
    edit(folder, "perpres-2-2091.yml", "target: perpres-1-2090", "target: perpres-1-2009")
    line = line_of(folder, "perpres-2-2091.yml", "target: perpres-1-2009")
    found = errors(folder)
    assert len(found) == 1
    assert found[0].startswith(f"regulations/perpres-2-2091.yml:{line}:")
    assert "relation to unknown instrument 'perpres-1-2009'" in found[0] and "did you mean 'perpres-1-2090'?" in found[0]


def test_version_gap(folder):
    edit(folder, "perpres-1-2090.yml", "      - valid_from: 2091-06-01\n        by: Perpres 2/2091 Pasal I angka 1",
         "      - valid_from: 2091-07-01\n        by: Perpres 2/2091 Pasal I angka 1")
    found = errors(folder)
    assert len(found) == 1 and "gap between versions 0 and 1" in found[0]
    assert "the next version should start on 2091-06-01" in found[0]


def test_version_overlap(folder):
    edit(folder, "perpres-1-2090.yml", "      - valid_from: 2091-06-01\n        by: Perpres 2/2091 Pasal I angka 1",
         "      - valid_from: 2091-05-01\n        by: Perpres 2/2091 Pasal I angka 1")
    found = errors(folder)
    assert len(found) == 1 and "overlap between versions 0 and 1" in found[0]


def test_open_version_followed_by_another(folder):
    edit(folder, "perpres-1-2090.yml", "        valid_to: 2091-05-31\n", "")
    found = errors(folder)
    assert any("version 0 has no valid_to but a later version follows" in e for e in found)


def test_unknown_start_only_for_the_oldest_version(folder):
    edit(folder, "perpres-1-2090.yml", "      - valid_from: 2091-06-01\n        by: Perpres 2/2091 Pasal I angka 1",
         "      - valid_from: unknown\n        by: Perpres 2/2091 Pasal I angka 1")
    assert any("only the oldest version may start on an unknown date" in e for e in errors(folder))


def test_bad_evidence_tag(folder):
    edit(folder, "perpres-1-2090.yml", "evidence: reported, source", "evidence: reportd, source")
    assert any("evidence must be one of official-text, summary, reported, unverified" in e
               and "did you mean 'reported'?" in e for e in errors(folder))


def test_official_text_needs_quoted_wording(folder):
    """A summary is not official text: the tag official-text needs the quote in text_id."""
    edit(folder, "perpres-2-2091.yml", "        evidence: summary\n", "        evidence: official-text\n")
    lines = (folder / "perpres-2-2091.yml").read_text(encoding="utf-8").split("\n")
    line = next(n for n, text in enumerate(lines, start=1) if text == "        evidence: official-text")
    assert errors(folder) == [
        f"regulations/perpres-2-2091.yml:{line}:9: Pasal I: versions[0]: evidence official-text needs the quoted "
        "wording in text_id (quote the provision in text_id, or tag our own summary 'evidence: summary')"
    ]


def test_summary_tag_is_kept(folder):
    registry = load_registry(folder, "regulations")
    provision = next(iter(registry.instruments["perpres-2-2091"].provisions.values()))
    assert provision.versions[0].evidence == "summary"


def test_text_without_translation(folder):
    edit(folder, "perpres-1-2090.yml", "text_id: Skema normal., text_en: Normal scheme.", "text_id: Skema normal.")
    assert any("text_id has no English translation" in e for e in errors(folder))


def test_id_must_match_file_name(folder):
    edit(folder, "perpres-2-2091.yml", "id: perpres-2-2091", "id: perpres-3-2091")
    assert any("id 'perpres-3-2091' does not match the file name" in e for e in errors(folder))


def test_malformed_provision_ref(folder):
    edit(folder, "perpres-1-2090.yml", "ref: Pasal 12A", "ref: Pasal 12A ayat 2")
    assert any("provision ref 'Pasal 12A ayat 2': ayat '2' must be in brackets" in e for e in errors(folder))


def test_invalid_yaml_syntax(folder):
    edit(folder, "perpres-2-2091.yml", "gazette: unknown", "gazette: [unclosed")
    found = errors(folder)
    assert len(found) == 1 and found[0].startswith("regulations/perpres-2-2091.yml:") and "invalid YAML" in found[0]


def test_duplicate_citation_name(folder):
    edit(folder, "perpres-2-2091.yml", "cite_as: Perpres 2/2091", "cite_as: Perpres 1 Tahun 2090")
    assert any("citation name 'Perpres 1 Tahun 2090' is also used" in e for e in errors(folder))


def test_all_errors_of_a_run_are_reported_together(folder):
    edit(folder, "perpres-1-2090.yml", "year: 2090", "year: twenty")
    edit(folder, "perpres-2-2091.yml", "target: perpres-1-2090", "target: nowhere")
    edit(folder, "perpres-1-2090.yml", "evidence: reported, source", "evidence: rumor, source")
    found = errors(folder)
    assert len(found) >= 2  # the bad relation is checked only once its own file loads
    assert any("year must be" in e for e in found) and any("evidence must be" in e for e in found)


def test_empty_registry_folder(tmp_path):
    (tmp_path / "regulations").mkdir()
    assert errors(tmp_path / "regulations") == [
        "regulations holds no *.yml registry files (add one YAML file per instrument (dev/REGISTRY-FORMAT.md))"
    ]

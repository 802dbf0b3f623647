"""Every kind of bad registry data stops the build with file, line and field.

Each test checks the whole list of errors (message, file, line, column and that
nothing else is reported) with ``diag.assert_errors``; the expected position is
computed from the edited file, so it names the text that is wrong."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from diag import assert_error, assert_errors, at, position
from peraturan.build.diagnostics import EngineError
from peraturan.legal.loader import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"
ONE, TWO = "regulations/perpres-1-2090.yml", "regulations/perpres-2-2091.yml"


@pytest.fixture
def folder(tmp_path) -> Path:
    target = tmp_path / "regulations"
    shutil.copytree(FIXTURES, target)
    return target


def edit(folder: Path, name: str, old: str, new: str) -> str:
    """Replace the first ``old`` in the fixture file; return the new text."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


def errors(folder: Path) -> EngineError:
    with pytest.raises(EngineError) as caught:
        load_registry(folder, "regulations")
    return caught.value


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
    # the instrument mapping starts at its first key, id: on line 2
    assert_error(errors(folder), ONE, 2, 1, "instrument: missing field 'gazette'", "add 'gazette:'")


def test_unknown_field_suggests_the_right_one(folder):
    text = edit(folder, "perpres-1-2090.yml", "gazette:", "gazete:")
    # renaming a key also leaves the real one missing: both are reported
    assert_errors(errors(folder),
                  at(ONE, *position(text, "gazete:"), "instrument: unknown field 'gazete'", "did you mean 'gazette'?"),
                  at(ONE, 2, 1, "instrument: missing field 'gazette'"))


def test_wrong_type(folder):
    text = edit(folder, "perpres-1-2090.yml", "year: 2090", "year: twenty")
    assert_error(errors(folder), ONE, *position(text, "year: twenty"), "year must be a four-digit number",
                 "got 'twenty'")


def test_bad_date_value(folder):
    text = edit(folder, "perpres-1-2090.yml", "ditetapkan: 2090-01-10", "ditetapkan: 2090-02-30")
    assert_error(errors(folder), ONE, *position(text, "ditetapkan: 2090-02-30"),
                 "dates: 'ditetapkan' must be a date YYYY-MM-DD or unknown", "got '2090-02-30'")


def test_dates_out_of_order(folder):
    text = edit(folder, "perpres-1-2090.yml", "diundangkan: 2090-01-11", "diundangkan: 2089-12-31")
    assert_error(errors(folder), ONE, *position(text, "diundangkan: 2089-12-31"),
                 "diundangkan (2089-12-31) is before ditetapkan (2090-01-10)")


def test_version_dates_reversed(folder):
    text = edit(folder, "perpres-1-2090.yml", "valid_to: 2091-05-31, evidence", "valid_to: 2089-05-31, evidence")
    assert_error(errors(folder), ONE, *position(text, "valid_to: 2089-05-31"),
                 "Pasal 20: versions[0]: valid_to 2089-05-31 is before valid_from 2090-01-11", "check the dates")


def test_duplicate_provision(folder):
    text = edit(folder, "perpres-1-2090.yml", "  - ref: Pasal 12B\n", "  - ref: Pasal 12A\n")
    first, _ = position(text, "ref: Pasal 12A")
    assert_error(errors(folder), ONE, *position(text, "ref: Pasal 12A", occurrence=2),
                 f"duplicate provision 'Pasal 12A' (first at line {first})", "merge the two entries")


def test_relation_to_missing_instrument(folder):
    text = edit(folder, "perpres-2-2091.yml", "target: perpres-1-2090", "target: perpres-1-2009")
    assert_error(errors(folder), TWO, *position(text, "target: perpres-1-2009"),
                 "relation to unknown instrument 'perpres-1-2009'", "did you mean 'perpres-1-2090'?")


SECOND_VERSION = "      - valid_from: 2091-06-01\n        by: Perpres 2/2091 Pasal I angka 1"


def test_version_gap(folder):
    text = edit(folder, "perpres-1-2090.yml", SECOND_VERSION, SECOND_VERSION.replace("2091-06-01", "2091-07-01"))
    # reported at the later version, where its valid_from must change
    assert_error(errors(folder), ONE, *position(text, "valid_from: 2091-07-01"),
                 "Pasal 3 ayat (2): gap between versions 0 and 1", "the next version should start on 2091-06-01")


def test_version_overlap(folder):
    text = edit(folder, "perpres-1-2090.yml", SECOND_VERSION, SECOND_VERSION.replace("2091-06-01", "2091-05-01"))
    assert_error(errors(folder), ONE, *position(text, "valid_from: 2091-05-01"),
                 "Pasal 3 ayat (2): overlap between versions 0 and 1", "the next version should start on 2091-06-01")


def test_open_version_followed_by_another(folder):
    text = edit(folder, "perpres-1-2090.yml", "        valid_to: 2091-05-31\n", "")
    assert_error(errors(folder), ONE, *position(text, "valid_from: 2091-06-01\n        by:"),
                 "Pasal 3 ayat (2): version 0 has no valid_to but a later version follows",
                 "set valid_to to the day before 2091-06-01")


def test_unknown_start_only_for_the_oldest_version(folder):
    text = edit(folder, "perpres-1-2090.yml", SECOND_VERSION, SECOND_VERSION.replace("2091-06-01", "unknown"))
    # one error, not a second "gap ... next valid_from None" about the same date
    assert_error(errors(folder), ONE, *position(text, "valid_from: unknown", occurrence=2),
                 "Pasal 3 ayat (2): versions[1]: only the oldest version may start on an unknown date")


def test_bad_evidence_tag(folder):
    text = edit(folder, "perpres-1-2090.yml", "evidence: reported, source", "evidence: reportd, source")
    assert_error(errors(folder), ONE, *position(text, "evidence: reportd"),
                 "Pasal 12A: versions[0]: evidence must be one of official-text, summary, reported, unverified",
                 "did you mean 'reported'?")


def test_official_text_needs_quoted_wording(folder):
    """A summary is not official text: the tag official-text needs the quote in text_id."""
    text = edit(folder, "perpres-2-2091.yml", "        evidence: summary\n", "        evidence: official-text\n")
    assert_error(errors(folder), TWO, *position(text, "evidence: official-text\n"),
                 "Pasal I: versions[0]: evidence official-text needs the quoted wording in text_id",
                 "quote the provision in text_id, or tag our own summary 'evidence: summary'")


def test_summary_tag_is_kept(folder):
    registry = load_registry(folder, "regulations")
    provision = next(iter(registry.instruments["perpres-2-2091"].provisions.values()))
    assert provision.versions[0].evidence == "summary"


def test_text_without_translation(folder):
    text = edit(folder, "perpres-1-2090.yml", "text_id: Skema normal., text_en: Normal scheme.", "text_id: Skema normal.")
    assert_error(errors(folder), ONE, *position(text, "text_id: Skema normal."),
                 "Pasal 12B: versions[0]: text_id has no English translation", "add text_en")


def test_id_must_match_file_name(folder):
    text = edit(folder, "perpres-2-2091.yml", "id: perpres-2-2091", "id: perpres-3-2091")
    assert_error(errors(folder), TWO, *position(text, "id: perpres-3-2091"),
                 "id 'perpres-3-2091' does not match the file name", "write id: perpres-2-2091")


def test_malformed_provision_ref(folder):
    text = edit(folder, "perpres-1-2090.yml", "ref: Pasal 12A", "ref: Pasal 12A ayat 2")
    assert_error(errors(folder), ONE, *position(text, "ref: Pasal 12A ayat 2"),
                 "provision ref 'Pasal 12A ayat 2': ayat '2' must be in brackets", "write 'ayat (2)'")


def test_invalid_yaml_syntax(folder):
    text = edit(folder, "perpres-2-2091.yml", "gazette: unknown", "gazette: [unclosed")
    # PyYAML notices the unclosed bracket where the next key starts
    line, col = position(text, "\nsources:", offset=1)
    assert_error(errors(folder), TWO, line, col + len("sources"), "invalid YAML: did not find expected ',' or ']'")


def test_duplicate_citation_name(folder):
    text = edit(folder, "perpres-2-2091.yml", "cite_as: Perpres 2/2091", "cite_as: Perpres 1 Tahun 2090")
    # at the clashing cite_as line, not at the top of the file
    assert_error(errors(folder), TWO, *position(text, "cite_as: Perpres 1 Tahun 2090"),
                 "citation name 'Perpres 1 Tahun 2090' is also used by regulations/perpres-1-2090.yml",
                 "make cite_as and aliases unique")


def test_duplicate_alias_is_reported_at_the_alias(folder):
    text = edit(folder, "perpres-2-2091.yml", "cite_as: Perpres 2/2091\n",
                "cite_as: Perpres 2/2091\naliases: [Perpres 2 Tahun 2091, Perpres 1/2090]\n")
    assert_error(errors(folder), TWO, *position(text, "Perpres 1/2090"),
                 "citation name 'Perpres 1/2090' is also used by regulations/perpres-1-2090.yml")


def test_all_errors_of_a_run_are_reported_together(folder):
    one = edit(folder, "perpres-1-2090.yml", "year: 2090", "year: twenty")
    two = edit(folder, "perpres-2-2091.yml", "target: perpres-1-2090", "target: nowhere")
    one = edit(folder, "perpres-1-2090.yml", "evidence: reported, source", "evidence: rumor, source")
    assert_errors(errors(folder),
                  at(ONE, *position(one, "year: twenty"), "year must be a four-digit number"),
                  at(ONE, *position(one, "evidence: rumor"), "evidence must be one of", "got 'rumor'"),
                  # the bad relation is checked only once its own file loads, and it does
                  at(TWO, *position(two, "target: nowhere"), "relation to unknown instrument 'nowhere'"))


def test_empty_registry_folder(tmp_path):
    (tmp_path / "regulations").mkdir()
    found = assert_error(errors(tmp_path / "regulations"), "regulations", 0, 0, "holds no *.yml registry files")
    assert found.format() == ("regulations holds no *.yml registry files "
                              "(add one YAML file per instrument (dev/REGISTRY-FORMAT.md))")

"""The resolver on its own: what each citation resolves to, and the exact error
(message, offset into the body, suggestion) for each way a citation can point at
nothing. Fast (no pages, no build); written to leave no resolver mutant alive
(benchmarks/mutation.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peraturan.legal.citation import Ref, parse
from peraturan.legal.loader import load_registry
from peraturan.legal.resolver import ResolveError, resolve

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"
AS_OF = dt.date(2092, 1, 1)


@pytest.fixture(scope="module")
def registry():
    return load_registry(FIXTURES, "tests/fixtures/regulations")


def refs(body: str, registry, as_of: dt.date = AS_OF) -> list[str]:
    return [unit.ref.indonesian() for unit in resolve(parse(body), registry, as_of).units]


def error(body: str, registry, as_of: dt.date = AS_OF) -> tuple[str, int, str]:
    with pytest.raises(ResolveError) as caught:
        resolve(parse(body), registry, as_of)
    assert str(caught.value) == caught.value.message
    return caught.value.message, caught.value.offset, caught.value.suggestion


# --- what a citation resolves to -------------------------------------------------

def test_a_single_huruf_resolves_to_its_provision_version_and_item(registry):
    done = resolve(parse("Perpres 1/2090 Pasal 3 ayat (2) huruf b"), registry, AS_OF)
    assert done.instrument.id == "perpres-1-2090" and done.day == AS_OF and done.pinned is False
    (unit,) = done.units
    assert unit.ref == Ref("3", "2", "b")
    assert [p.ref for p in unit.provisions] == [Ref("3", "2")]
    assert unit.version.valid_from == dt.date(2091, 6, 1)
    assert unit.item.text.id == "berusia 18 sampai 64 tahun;"
    assert unit.day == AS_OF
    assert unit.anchor == "pasal-3-ayat-2-huruf-b"
    assert unit.key == "perpres-1-2090#pasal-3-ayat-2-huruf-b"
    assert done.keys == ("perpres-1-2090#pasal-3-ayat-2-huruf-b",)


def test_an_angka_resolves_below_its_huruf(registry):
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 1"), registry, AS_OF).units
    assert unit.item.text.id == "dibuktikan dengan KTP"


def test_a_provision_without_items_has_no_item(registry):
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 3 ayat (1)"), registry, AS_OF).units
    assert unit.item is None and unit.version.text_id == "Kartu diberikan."


def test_a_whole_instrument_has_no_units_and_its_id_as_key(registry):
    done = resolve(parse("Perpres 1 Tahun 2090"), registry, AS_OF)  # an alias
    assert done.units == () and done.keys == ("perpres-1-2090",)
    pinned = resolve(parse("Perpres 1/2090 @2091-01-01"), registry, AS_OF)
    assert pinned.keys == ("perpres-1-2090@2091-01-01",) and pinned.pinned is True


def test_a_pin_sets_the_day_and_marks_the_keys(registry):
    done = resolve(parse("Perpres 1/2090 Pasal 3 ayat (2) huruf b @2091-01-01"), registry, AS_OF)
    assert done.day == dt.date(2091, 1, 1) and done.pinned is True
    (unit,) = done.units
    assert unit.day == dt.date(2091, 1, 1)
    assert unit.version.valid_to == dt.date(2091, 5, 31)  # the older version
    assert unit.item.text.id == "berusia paling rendah 18 tahun;"
    assert done.keys == ("perpres-1-2090#pasal-3-ayat-2-huruf-b@2091-01-01",)


def test_a_whole_pasal_is_every_ayat_in_force(registry):
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 3"), registry, AS_OF).units
    assert unit.ref == Ref("3") and unit.version is None and unit.item is None and unit.day == AS_OF
    assert [p.ref.ayat for p in unit.provisions] == ["1", "1a", "2"]
    assert unit.key == "perpres-1-2090#pasal-3"
    (old,) = resolve(parse("Perpres 1/2090 Pasal 3 @2091-01-01"), registry, AS_OF).units
    assert [p.ref.ayat for p in old.provisions] == ["1", "2"]  # (1a) was inserted later


def test_a_pasal_without_ayat_is_its_own_provision(registry):
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 12A"), registry, AS_OF).units
    assert [p.ref for p in unit.provisions] == [Ref("12A")]
    assert unit.version is not None and unit.version.valid_from == dt.date(2090, 6, 1)


def test_runs_expand_to_every_sibling_in_order(registry):
    assert refs("Perpres 1/2090 Pasal 3 ayat (1) sampai dengan ayat (2)", registry) == [
        "Pasal 3 ayat (1)", "Pasal 3 ayat (1a)", "Pasal 3 ayat (2)"]
    assert refs("Perpres 1/2090 Pasal 3 ayat (2) huruf a sampai dengan huruf c", registry) == [
        "Pasal 3 ayat (2) huruf a", "Pasal 3 ayat (2) huruf b", "Pasal 3 ayat (2) huruf c"]
    assert refs("Perpres 1/2090 Pasal 3 ayat (2) huruf b sampai dengan huruf c", registry) == [
        "Pasal 3 ayat (2) huruf b", "Pasal 3 ayat (2) huruf c"]
    assert refs("Perpres 1/2090 Pasal 3 sampai dengan Pasal 12A @2090-07-01", registry) == ["Pasal 3", "Pasal 12A"]
    assert refs("Perpres 1/2090 Pasal 12A sampai dengan Pasal 12B", registry) == ["Pasal 12A", "Pasal 12B"]
    # angka of a Pasal without ayat: the siblings come from the provision's own version
    assert refs("Perpres 2/2091 Pasal I angka 1 sampai dengan angka 2", registry) == [
        "Pasal I angka 1", "Pasal I angka 2"]
    # angka of a huruf: the siblings come from the huruf
    assert refs("Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 1 sampai dengan angka 1", registry) == [
        "Pasal 3 ayat (2) huruf b angka 1"]


def test_runs_and_lists_keep_each_units_key(registry):
    done = resolve(parse("Perpres 1/2090 Pasal 3 ayat (1) dan ayat (2) huruf a @2092-01-01"), registry, AS_OF)
    assert done.keys == ("perpres-1-2090#pasal-3-ayat-1@2092-01-01", "perpres-1-2090#pasal-3-ayat-2-huruf-a@2092-01-01")


def test_run_siblings_are_ordered_by_unit_order_not_file_order(tmp_path):
    text = (FIXTURES / "perpres-1-2090.yml").read_text(encoding="utf-8")
    # write the huruf of the current version of Pasal 3 ayat (2) out of order
    text = text.replace("          a: {id: warga negara;, en: a citizen;}\n          b:\n",
                        "          c: {id: tidak sekolah., en: not in school.}\n"
                        "          a: {id: warga negara;, en: a citizen;}\n          b:\n")
    text = text.replace("              \"1\": {id: dibuktikan dengan KTP, en: shown by an identity card}\n"
                        "          c: {id: tidak sekolah., en: not in school.}\n",
                        "              \"1\": {id: dibuktikan dengan KTP, en: shown by an identity card}\n")
    (tmp_path / "perpres-1-2090.yml").write_text(text, encoding="utf-8")
    shuffled = load_registry(tmp_path, "x")
    assert list(shuffled.lookup("Perpres 1/2090").provisions[Ref("3", "2")].versions[1].items) == ["c", "a", "b"]
    assert refs("Perpres 1/2090 Pasal 3 ayat (2) huruf a sampai dengan huruf b", shuffled) == [
        "Pasal 3 ayat (2) huruf a", "Pasal 3 ayat (2) huruf b"]


# --- errors: message, offset into the body, suggestion --------------------------

def test_unknown_instrument_suggests_a_close_name(registry):
    assert error("  Perpres 1/2091 Pasal 3", registry) == (
        "unknown instrument 'Perpres 1/2091'", 2, "did you mean 'Perpres 2/2091'?")


def test_unknown_instrument_suggests_a_name_half_alike(registry):
    assert error("Peraturan Presiden 1 Pasal 3", registry)[2].startswith("did you mean 'Perpres ")


def test_unknown_instrument_without_a_close_name_points_at_the_list(registry):
    assert error("Undang-Undang Cipta Kerja Pasal 3", registry) == (
        "unknown instrument 'Undang-Undang Cipta Kerja'", 0, "see the list in regulations/*.yml (cite_as)")


def test_units_without_pasal_after_a_known_name_point_at_the_extra_words(registry):
    body = " Perpres 1/2090 ayat (4) huruf a"
    assert error(body, registry) == (
        "unknown instrument 'Perpres 1/2090 ayat (4) huruf a'", body.index("ayat"),
        "'ayat (4) huruf a' follows Perpres 1/2090: units start with 'Pasal', e.g. [[Perpres 1/2090 Pasal 1]]")
    # the longest known prefix wins: the alias has three words
    body = "Perpres 1 Tahun 2090 huruf a"
    assert error(body, registry) == (
        "unknown instrument 'Perpres 1 Tahun 2090 huruf a'", body.index("huruf"),
        "'huruf a' follows Perpres 1/2090: units start with 'Pasal', e.g. [[Perpres 1/2090 Pasal 1]]")


def test_a_one_word_name_is_not_split(registry):
    assert error("Perpres Pasal 3", registry) == (
        "unknown instrument 'Perpres'", 0, "did you mean 'Perpres 2/2091'?")


def test_unknown_pasal_with_and_without_a_close_number(registry):
    body = "Perpres 1/2090 Pasal 13"
    assert error(body, registry) == ("Perpres 1/2090 has no Pasal 13 in the registry", body.index("Pasal"),
                                     "did you mean '3'?")
    assert error("Perpres 1/2090 Pasal 999", registry) == (
        "Perpres 1/2090 has no Pasal 999 in the registry", 15, "known Pasal: 3, 12A, 12B, 20")


def test_a_pasal_no_longer_in_force(registry):
    assert error("Perpres 1/2090 Pasal 20", registry) == (
        "Pasal 20 Perpres 1/2090 is not in force on the site's as-of date 2092-01-01 "
        "(versions: 2090-01-11 to 2091-05-31)", 15, "to cite a historic version add a date, e.g. @2090-01-11")
    assert error("Perpres 1/2090 Pasal 20 @2092-01-01", registry) == (
        "Pasal 20 Perpres 1/2090 has no version in force on 2092-01-01 (versions: 2090-01-11 to 2091-05-31)",
        15, "pick a date inside one of the versions")


def test_a_provision_not_yet_in_force(registry):
    body = "Perpres 1/2090 Pasal 3 ayat (1a)"
    assert error(body, registry, dt.date(2091, 1, 1)) == (
        "Pasal 3 ayat (1a) Perpres 1/2090 is not in force on the site's as-of date 2091-01-01 "
        "(versions: 2091-06-01 to now)", 15, "to cite a historic version add a date, e.g. @2091-06-01")
    assert error(body + " @2091-01-01", registry) == (
        "Pasal 3 ayat (1a) Perpres 1/2090 has no version in force on 2091-01-01 (versions: 2091-06-01 to now)",
        15, "pick a date inside one of the versions")


def test_a_version_of_unknown_start_is_shown_as_unknown(registry):
    # before 2090 only ayat (2) (start unknown) is in force; Pasal 20 is not yet
    message, offset, hint = error("Perpres 1/2090 Pasal 3 ayat (1) @2089-01-01", registry)
    assert message == ("Pasal 3 ayat (1) Perpres 1/2090 has no version in force on 2089-01-01 "
                       "(versions: 2090-01-11 to now)")
    message, _, hint = error("Perpres 1/2090 Pasal 20 dan Pasal 3 ayat (2) @2091-07-01", registry)
    assert "(versions: 2090-01-11 to 2091-05-31)" in message
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 3 ayat (2) @2089-01-01"), registry, AS_OF).units
    assert unit.version.valid_from is None


def test_not_in_force_lists_every_version_of_a_pasal_group(registry):
    (unit,) = resolve(parse("Perpres 1/2090 Pasal 3 @2089-01-01"), registry, AS_OF).units
    assert [p.ref.ayat for p in unit.provisions] == ["2"]  # only (2), of unknown start, is in force
    message, _, hint = error("Perpres 1/2090 Pasal 12B @2091-01-01", registry)
    assert message == "Pasal 12B Perpres 1/2090 has no version in force on 2091-01-01 (versions: 2091-06-01 to now)"


NO_HURUF = "this version records no huruf/angka"
BY_AYAT = ("Perpres 1/2090 Pasal 3 is recorded by ayat; cite an ayat", 15, "e.g. ayat (1), ayat (1a), ayat (2)")
AYAT_HINT = "Pasal 3 has ayat (1), (1a), (2)"

# body -> (message, column: a number, or the text of the body the column points at, hint)
RESOLVER_ERRORS = {
    "Perpres 1/2090 Pasal 3 ayat (7)": ("Perpres 1/2090 Pasal 3 has no ayat (7) in the registry", 15, AYAT_HINT),
    "Perpres 1/2090 Pasal 12A ayat (1)": (
        "Perpres 1/2090 Pasal 12A has no ayat (1) in the registry", 15, "Pasal 12A is recorded without ayat"),
    "Perpres 1/2090 Pasal 3 huruf a": BY_AYAT,
    "Perpres 1/2090 Pasal 3 ayat (2) huruf d": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no huruf d in the version in force on 2092-01-01", 15, "it has a, b, c"),
    "Perpres 1/2090 Pasal 3 ayat (2) huruf d @2091-01-01": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no huruf d in the version in force on 2091-01-01", 15, "it has a, b"),
    "Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 2": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no angka 2 in the version in force on 2092-01-01", 15, "it has 1"),
    "Perpres 1/2090 Pasal 3 ayat (2) huruf a angka 1": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no angka 1 in the version in force on 2092-01-01", 15, NO_HURUF),
    "Perpres 1/2090 Pasal 3 ayat (2) huruf z angka 1": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no angka 1 in the version in force on 2092-01-01", 15, NO_HURUF),
    "Perpres 1/2090 Pasal 3 ayat (1) huruf a": (
        "Perpres 1/2090 Pasal 3 ayat (1) has no huruf a in the version in force on 2092-01-01", 15, NO_HURUF),
    # a run with an unknown end gives the end unit's error, at the run
    "Perpres 1/2090 Pasal 3 ayat (1) dan ayat (1) sampai dengan ayat (9)": (
        "Perpres 1/2090 Pasal 3 has no ayat (9) in the registry", "ayat (1) sampai", AYAT_HINT),
    "Perpres 1/2090 Pasal 3 ayat (0) sampai dengan ayat (2)": (
        "Perpres 1/2090 Pasal 3 has no ayat (0) in the registry", 15, AYAT_HINT),
    "Perpres 1/2090 Pasal 3 ayat (2) huruf a sampai dengan huruf c @2091-01-01": (
        "Perpres 1/2090 Pasal 3 ayat (2) has no huruf c in the version in force on 2091-01-01", 15, "it has a, b"),
    # a run below a whole pasal needs an ayat
    "Perpres 1/2090 Pasal 3 huruf a sampai dengan huruf b": BY_AYAT,
}


@pytest.mark.parametrize("body", list(RESOLVER_ERRORS))
def test_the_resolver_says_what_is_missing_and_what_there_is(registry, body):
    message, column, hint = RESOLVER_ERRORS[body]
    column = body.index(column) if isinstance(column, str) else column
    assert error(body, registry) == (message, column, hint)


def test_errors_point_at_the_span_they_are_about(registry):
    body = "Perpres 1/2090 Pasal 3 ayat (1), ayat (7)"
    assert error(body, registry)[1] == body.index("ayat (7)")
    body = "Perpres 1/2090 Pasal 3 ayat (1) dan Pasal 13 ayat (1) sampai dengan ayat (2)"
    assert error(body, registry)[1] == body.index("Pasal 13")


def test_a_run_backwards_is_refused(registry):
    body = "Perpres 1/2090 Pasal 3 ayat (1) dan ayat (2) sampai dengan ayat (1)"
    assert error(body, registry) == ("'Pasal 3 ayat (2) sampai dengan Pasal 3 ayat (1)' runs backwards",
                                     body.index("ayat (2)"), "write the lower unit first")
    assert error("Perpres 1/2090 Pasal 12B sampai dengan Pasal 3", registry)[0] == (
        "'Pasal 12B sampai dengan Pasal 3' runs backwards")


def _edited_registry(tmp_path: Path, old: str, new: str):
    """The fixture registry with one passage of perpres-1-2090.yml rewritten."""
    text = (FIXTURES / "perpres-1-2090.yml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "perpres-1-2090.yml").write_text(text.replace(old, new), encoding="utf-8")
    return load_registry(tmp_path, "x")


def test_not_in_force_lists_every_version_and_unknown_starts(tmp_path):
    registry = _edited_registry(
        tmp_path,
        "      - {valid_from: 2090-01-11, valid_to: 2091-05-31, evidence: official-text,\n"
        "         source: \"https://example.invalid/1-2090\", text_id: Lama., text_en: Old.}",
        "      - {valid_from: unknown, valid_to: 2090-12-31, evidence: official-text,\n"
        "         source: \"https://example.invalid/1-2090\", text_id: Lama., text_en: Old.}\n"
        "      - {valid_from: 2091-01-01, valid_to: 2091-05-31, evidence: official-text,\n"
        "         source: \"https://example.invalid/1-2090\", text_id: Lama., text_en: Old.}")
    assert error("Perpres 1/2090 Pasal 20", registry) == (
        "Pasal 20 Perpres 1/2090 is not in force on the site's as-of date 2092-01-01 "
        "(versions: unknown to 2090-12-31; 2091-01-01 to 2091-05-31)", 15,
        "to cite a historic version add a date, e.g. @2091-01-01")


def test_item_names_are_listed_in_unit_order(tmp_path):
    registry = _edited_registry(
        tmp_path,
        '              "1": {id: dibuktikan dengan KTP, en: shown by an identity card}\n',
        '              "10": {id: sepuluh, en: ten}\n'
        '              "2": {id: dua, en: two}\n'
        '              "1": {id: dibuktikan dengan KTP, en: shown by an identity card}\n')
    assert error("Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 3", registry)[2] == "it has 1, 2, 10"
    assert refs("Perpres 1/2090 Pasal 3 ayat (2) huruf b angka 1 sampai dengan angka 10", registry) == [
        "Pasal 3 ayat (2) huruf b angka 1", "Pasal 3 ayat (2) huruf b angka 2", "Pasal 3 ayat (2) huruf b angka 10"]


def test_a_run_below_a_unit_not_in_force_says_whether_the_date_was_pinned(registry):
    # The parent of a run is resolved with the citation's own pin: a pinned citation must not
    # be told to "add a date" about the site's as-of date (this was wrong before).
    body = "Perpres 1/2090 Pasal 3 ayat (1a) huruf a sampai dengan huruf b"
    assert error(body, registry, dt.date(2091, 1, 1)) == (
        "Pasal 3 ayat (1a) Perpres 1/2090 is not in force on the site's as-of date 2091-01-01 "
        "(versions: 2091-06-01 to now)", 15, "to cite a historic version add a date, e.g. @2091-06-01")
    assert error(body + " @2091-01-01", registry) == (
        "Pasal 3 ayat (1a) Perpres 1/2090 has no version in force on 2091-01-01 (versions: 2091-06-01 to now)",
        15, "pick a date inside one of the versions")


def test_units_without_pasal_after_a_one_word_alias(tmp_path):
    registry = _edited_registry(tmp_path, "aliases: [Perpres 1 Tahun 2090]", "aliases: [Perpres 1 Tahun 2090, Satu]")
    assert error("Satu ayat (1)", registry) == (
        "unknown instrument 'Satu ayat (1)'", 5,
        "'ayat (1)' follows Perpres 1/2090: units start with 'Pasal', e.g. [[Perpres 1/2090 Pasal 1]]")


def test_a_whole_pasal_with_no_ayat_in_force(tmp_path):
    registry = _edited_registry(tmp_path, "      - valid_from: unknown\n        valid_to: 2091-05-31\n",
                                "      - valid_from: 2090-01-11\n        valid_to: 2091-05-31\n")
    versions = "(versions: 2090-01-11 to now; 2091-06-01 to now; 2090-01-11 to 2091-05-31; 2091-06-01 to now)"
    assert error("Perpres 1/2090 Pasal 3", registry, dt.date(2089, 1, 1)) == (
        f"Pasal 3 Perpres 1/2090 is not in force on the site's as-of date 2089-01-01 {versions}", 15,
        "to cite a historic version add a date, e.g. @2091-06-01")
    assert error("Perpres 1/2090 Pasal 3 @2089-01-01", registry) == (
        f"Pasal 3 Perpres 1/2090 has no version in force on 2089-01-01 {versions}", 15,
        "pick a date inside one of the versions")


def test_unknown_pasal_half_alike_still_gets_a_suggestion(registry):
    assert error("Perpres 1/2090 Pasal 1", registry)[2].startswith("did you mean '12")


def test_unknown_pasal_lists_the_first_twelve_known(tmp_path):
    extra = "".join(
        f"  - ref: Pasal {n}\n    heading: {{id: Uji, en: Test}}\n    versions:\n"
        f"      - {{valid_from: 2090-01-11, evidence: official-text, source: \"https://example.invalid/1-2090\",\n"
        f"         text_id: Uji., text_en: Test.}}\n" for n in range(30, 42))
    text = (FIXTURES / "perpres-1-2090.yml").read_text(encoding="utf-8") + extra
    (tmp_path / "perpres-1-2090.yml").write_text(text, encoding="utf-8")
    registry = load_registry(tmp_path, "x")
    assert len(registry.lookup("Perpres 1/2090").pasal_numbers()) == 16
    assert error("Perpres 1/2090 Pasal 999", registry)[2] == (
        "known Pasal: 3, 12A, 12B, 20, 30, 31, 32, 33, 34, 35, 36, 37")


def test_unknown_pasal_of_an_instrument_with_no_provisions(tmp_path):
    for path in FIXTURES.glob("*.yml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    second = tmp_path / "perpres-2-2091.yml"
    text = second.read_text(encoding="utf-8")
    text = text[:text.index("relations:")] + "relations: []\nprovisions: []\n"
    second.write_text(text, encoding="utf-8")
    registry = load_registry(tmp_path, "x")
    assert error("Perpres 2/2091 Pasal 5", registry) == (
        "Perpres 2/2091 has no Pasal 5 in the registry", 15, "known Pasal: none")


def test_cite_an_ayat_names_the_first_three(tmp_path):
    text = (FIXTURES / "perpres-1-2090.yml").read_text(encoding="utf-8") + (
        "  - ref: Pasal 3 ayat (3)\n    heading: {id: Uji, en: Test}\n    versions:\n"
        "      - {valid_from: 2090-01-11, evidence: official-text, source: \"https://example.invalid/1-2090\",\n"
        "         text_id: Uji., text_en: Test.}\n")
    (tmp_path / "perpres-1-2090.yml").write_text(text, encoding="utf-8")
    registry = load_registry(tmp_path, "x")
    assert error("Perpres 1/2090 Pasal 3 huruf a", registry)[2] == "e.g. ayat (1), ayat (1a), ayat (2)"
    assert error("Perpres 1/2090 Pasal 3 ayat (4)", registry)[2] == "Pasal 3 has ayat (1), (1a), (2), (3)"

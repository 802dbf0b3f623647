"""The citation grammar, unit by unit (no registry needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from peraturan.citation import CitationSyntaxError, Ref, parse, parse_ref, unit_sort_key
from peraturan.scan import find_citations


def units(body: str) -> list[tuple[str, str | None]]:
    return [(s.start.indonesian(), s.end.indonesian() if s.end else None) for s in parse(body).spans]


def test_full_path_to_huruf():
    citation = parse("Perpres 36/2020 Pasal 3 ayat (4) huruf b")
    assert citation.instrument == "Perpres 36/2020"
    assert citation.spans[0].start == Ref("3", "4", "b")
    assert citation.pin is None


@pytest.mark.parametrize(
    ("body", "ref"),
    [
        ("Perpres 36/2020 Pasal 12A", Ref("12A")),
        ("Perpres 36/2020 Pasal 12B ayat (3)", Ref("12B", "3")),
        ("Perpres 36/2020 Pasal 31C ayat (1a) huruf b", Ref("31C", "1a", "b")),
        ("Perpres 36/2020 Pasal 3 ayat (3) huruf b angka 2", Ref("3", "3", "b", "2")),
        ("Perpres 113/2022 Pasal I angka 1", Ref("I", "", "", "1")),
        ("Permenko Perekonomian 11/2020 Pasal 17 huruf a", Ref("17", "", "a")),
        ("PMK 25/PMK.05/2020 Pasal 1", Ref("1")),
    ],
)
def test_inserted_units_roman_pasal_huruf_and_angka(body, ref):
    assert parse(body).spans[0].start == ref


def test_instrument_names_with_words_and_slashes():
    assert parse("PMK 25/PMK.05/2020 Pasal 1").instrument == "PMK 25/PMK.05/2020"
    assert parse("Perbup Banyumas 99/2021").instrument == "Perbup Banyumas 99/2021"
    assert parse("Perbup Banyumas 99/2021").spans == ()


def test_ranges_follow_sampai_dengan():
    assert units("Perpres 36/2020 Pasal 3 ayat (2) sampai dengan ayat (5)") == [
        ("Pasal 3 ayat (2)", "Pasal 3 ayat (5)")
    ]
    assert units("Permenko 11/2020 Pasal 7 sampai dengan Pasal 9") == [("Pasal 7", "Pasal 9")]


def test_lists_with_comma_dan_atau():
    assert units("Perpres 36/2020 Pasal 3 ayat (4) huruf a, huruf b, dan huruf c") == [
        ("Pasal 3 ayat (4) huruf a", None), ("Pasal 3 ayat (4) huruf b", None), ("Pasal 3 ayat (4) huruf c", None)
    ]
    assert units("Perpres 36/2020 Pasal 12A atau Pasal 12B") == [("Pasal 12A", None), ("Pasal 12B", None)]
    assert units("Perpres 36/2020 Pasal 3 ayat (2) dan (3)") == [("Pasal 3 ayat (2)", None), ("Pasal 3 ayat (3)", None)]


def test_climbing_back_up_a_level_in_a_list():
    assert units("Perpres 36/2020 Pasal 3 ayat (4) huruf b dan ayat (5)") == [
        ("Pasal 3 ayat (4) huruf b", None), ("Pasal 3 ayat (5)", None)
    ]


def test_date_pin():
    assert parse("Perpres 36/2020 Pasal 3 ayat (4) @2021-01-01").pin == dt.date(2021, 1, 1)
    assert parse("Perpres 36/2020 Pasal 3 ayat (4)  @ 2021-01-01 ").pin == dt.date(2021, 1, 1)


@pytest.mark.parametrize(
    "body",
    [
        "Perpres\u00a036/2020\u00a0Pasal\u00a03\u00a0ayat\u00a0(4)",  # no-break spaces
        "Perpres 36/2020 Pasal 3 ayat （4）",  # full-width brackets
        "Perpres 36/2020  Pasal 3\tayat (4)",  # tabs and double spaces
        "perpres 36/2020 pasal 3 AYAT (4)",  # case of the unit words
    ],
)
def test_unicode_spaces_and_brackets(body):
    citation = parse(body)
    assert citation.spans[0].start == Ref("3", "4")


def test_en_dash_is_a_range():
    assert units("Perpres 36/2020 Pasal 3 ayat (5) huruf a–g") == [("Pasal 3 ayat (5) huruf a", "Pasal 3 ayat (5) huruf g")]
    assert units("Permenko 11/2020 Pasal 7—Pasal 9") == [("Pasal 7", "Pasal 9")]


@pytest.mark.parametrize(
    ("body", "message", "offset"),
    [
        ("", "empty citation", 0),
        ("Pasal 3", "does not name an instrument", 0),
        ("Perpres 36/2020 Pasal", "needs a value", 16),
        ("Perpres 36/2020 Pasal 3 ayat 4", "must be in brackets", 29),
        ("Perpres 36/2020 Pasal 3 (4)", "has no unit word before it", 24),
        ("Perpres 36/2020 Pasal 3 huruf (b)", "must not be in brackets", 30),
        ("Perpres 36/2020 Pasal 3 huruf bb", "unexpected", 30),
        ("Perpres 36/2020 Pasal 3 ayat (2) sampai dengan huruf b", "must join siblings", 54),
        ("Perpres 36/2020 Pasal 3 ayat (2) sampai dengan", "needs an end unit", 46),
        ("Perpres 36/2020 Pasal 3 @2020-13-01", "is not a date", 25),
        ("Perpres 36/2020 Pasal 3 §4", "unexpected", 24),
        ("Perpres 36/2020 Pasal 3 ayat (2) sampai dengan ayat (3) sampai dengan ayat (4)", "another", 56),
    ],
)
def test_malformed_citations_say_what_and_where(body, message, offset):
    with pytest.raises(CitationSyntaxError) as caught:
        parse(body)
    assert message in caught.value.message
    assert caught.value.offset == offset


def test_anchor_ids_are_stable_and_lowercase():
    assert Ref("31C", "1a").anchor() == "pasal-31c-ayat-1a"
    assert Ref("3", "4", "b").anchor() == "pasal-3-ayat-4-huruf-b"
    assert Ref("I", "", "", "1").anchor() == "pasal-i-angka-1"


def test_unit_order_puts_inserted_units_in_place():
    assert sorted(["13", "12B", "12", "12A", "2"], key=unit_sort_key) == ["2", "12", "12A", "12B", "13"]
    assert sorted(["2", "1a", "1", "3"], key=unit_sort_key) == ["1", "1a", "2", "3"]
    assert sorted(["II", "I", "IV"], key=unit_sort_key) == ["I", "II", "IV"]


def test_parse_ref_accepts_one_unit_only():
    assert parse_ref("Pasal 3 ayat (4)") == Ref("3", "4")
    with pytest.raises(CitationSyntaxError):
        parse_ref("Pasal 3 dan Pasal 4")


def test_scanner_skips_code_comments_and_escapes():
    text = "\n".join([
        "---",
        "title: x [[Not Front Matter]]",
        "---",
        "Prose [[Perpres 36/2020 Pasal 3]] and `[[In Code]]`.",
        "```",
        "[[In Fence]]",
        "```",
        "<!-- [[In Comment]] -->",
        r"Escaped \[[Not A Citation]] and ``code with ` [[Inside]]``.",
        "~~~~",
        "[[Tilde Fence]]",
        "~~~~",
        "Last [[Perpres 36/2020 Pasal 4]]",
    ])
    found = find_citations(text)
    assert [(f.body, f.line, f.col) for f in found] == [
        ("Perpres 36/2020 Pasal 3", 4, 7),
        ("Perpres 36/2020 Pasal 4", 13, 6),
    ]


def test_roman_pasal_numbers_sort_by_value():
    order = ["I", "II", "III", "IV", "V", "VI", "IX", "X", "XIV", "XL", "L", "XC", "C", "CL"]
    assert sorted(reversed(order), key=unit_sort_key) == order
    assert [unit_sort_key(v)[0] for v in order] == [1, 2, 3, 4, 5, 6, 9, 10, 14, 40, 50, 90, 100, 150]


def test_parse_ref_errors_name_the_text_and_the_place():
    with pytest.raises(CitationSyntaxError) as caught:
        parse_ref("Pasal 3 dan Pasal 4")
    assert (caught.value.message, caught.value.offset) == ("'Pasal 3 dan Pasal 4' must name exactly one unit", 0)
    with pytest.raises(CitationSyntaxError) as caught:
        parse_ref("Pasal 3 ayat 2")
    assert caught.value.offset == len("Pasal 3 ayat ")

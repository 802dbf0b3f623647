"""The citation grammar, unit by unit (no registry needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from peraturan.build.scan import find_citations
from peraturan.legal.citation import CitationSyntaxError, Ref, parse, parse_ref, parse_units, unit_sort_key


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
        # a second unit with no joiner used to replace the first (found by the token-change property)
        ("Perpres 113/2022 Pasal I Pasal 1", "'Pasal' cannot follow 'Pasal I' in one unit", 25),
        ("Perpres 36/2020 Pasal 3 ayat (1) ayat (2)", "'ayat' cannot follow 'ayat (1)' in one unit", 33),
        ("Perpres 36/2020 Pasal 3 huruf a ayat (2)", "'ayat' cannot follow 'huruf a' in one unit", 32),
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


# Every syntax error in full: message, offset into the body and suggestion, so a
# changed word, offset or hint fails here (benchmarks/mutation.py).
SYNTAX_ERRORS = [
    ('', 'empty citation', 0, 'write e.g. [[Perpres 36/2020 Pasal 3]]'),
    ('   ', 'empty citation', 0, 'write e.g. [[Perpres 36/2020 Pasal 3]]'),
    ('Pasal 3', 'the citation does not name an instrument', 0, 'start with the instrument, e.g. Perpres 36/2020'),
    (' @2021-01-01', 'the citation does not name an instrument', 0, 'start with the instrument, e.g. Perpres 36/2020'),
    ('Perpres 36/2020 Pasal', "'pasal' needs a value", 16, 'e.g. Pasal 3'),
    ('Perpres 36/2020 Pasal 3 ayat', "'ayat' needs a value", 24, 'e.g. ayat (4)'),
    ('Perpres 36/2020 Pasal 3 huruf', "'huruf' needs a value", 24, 'e.g. huruf b'),
    ('Perpres 36/2020 Pasal 3 angka', "'angka' needs a value", 24, 'e.g. angka 1'),
    ('Perpres 36/2020 Pasal 3 ayat 4', "ayat '4' must be in brackets", 29, "write 'ayat (4)'"),
    ('Perpres 36/2020 Pasal 3 ayat (b)', 'ayat (b) is not an ayat number', 29, 'e.g. ayat (1) or ayat (1a)'),
    ('Perpres 36/2020 Pasal 3 (4)', "'4' has no unit word before it", 24, "write 'ayat (4)', 'huruf b' or 'angka 1'"),
    ('Perpres 36/2020 Pasal 3 huruf (b)', 'huruf (b) must not be in brackets', 30, "write 'huruf b'"),
    ('Perpres 36/2020 Pasal 3 angka (1)', 'angka (1) must not be in brackets', 30, "write 'angka 1'"),
    ('Perpres 36/2020 Pasal (3)', 'pasal (3) must not be in brackets', 22, "write 'pasal 3'"),
    ('Perpres 36/2020 Pasal 3 huruf B', "unexpected 'B'", 30, 'units are Pasal, ayat (n), huruf x, angka n'),
    ('Perpres 36/2020 Pasal 3 angka 1a', "'1a' is not an angka", 30, 'angka are numbers: angka 1'),
    ('Perpres 36/2020 Pasal 3a', "'3a' is not a Pasal number", 22, 'e.g. Pasal 12, Pasal 12A, Pasal I'),
    ('Perpres 36/2020 Pasal b', "'b' is not a Pasal number", 22, 'e.g. Pasal 12, Pasal 12A, Pasal I'),
    ('Perpres 36/2020 Pasal 3 huruf bb', "unexpected 'bb'", 30, 'units are Pasal, ayat (n), huruf x, angka n'),
    ('Perpres 36/2020 Pasal 3 §4', "unexpected '§4'", 24, 'units are Pasal, ayat (n), huruf x, angka n'),
    ('Perpres 36/2020 Pasal 3 ayat (2) sampai dengan huruf b', "a run must join siblings: 'Pasal 3 ayat (2)' and 'Pasal 3 ayat (2) huruf b' are not", 54, "e.g. 'ayat (2) sampai dengan ayat (5)'"),
    ('Perpres 36/2020 Pasal 3 ayat (2) sampai dengan Pasal 4 ayat (3)', "a run must join siblings: 'Pasal 3 ayat (2)' and 'Pasal 4 ayat (3)' are not", 63, "e.g. 'ayat (2) sampai dengan ayat (5)'"),
    ('Perpres 36/2020 Pasal 3 ayat (2) sampai dengan', "'sampai dengan' needs an end unit", 46, ''),
    ('Perpres 36/2020 Pasal 3 @2020-13-01', "'2020-13-01' is not a date", 25, 'write the date as @YYYY-MM-DD'),
    ('Perpres 36/2020 Pasal 3 @ soon', "'soon' is not a date", 26, 'write the date as @YYYY-MM-DD'),
    ('Perpres 36/2020 Pasal 3 ayat (2) sampai dengan ayat (3) sampai dengan ayat (4)', "a run cannot contain another 'sampai dengan'", 56, ''),
    ('Perpres 36/2020 Pasal 3 ayat dan', "'ayat' needs a value", 24, 'e.g. ayat (4)'),
    ('Perpres 36/2020 Pasal 3 sampai dengan sampai dengan Pasal 4', "'sampai dengan' must follow a unit", 38, ''),
    ('Perpres 36/2020 Pasal 3 ayat (1) huruf', "'huruf' needs a value", 33, 'e.g. huruf b'),
    ('Perpres 36/2020 Pasal ayat (1)', "'pasal' needs a value", 16, 'e.g. Pasal 3'),
    ('Perpres 36/2020 Pasal 3 huruf a, 1', "'1' is not a huruf", 33, 'huruf are single letters: huruf a'),
]


@pytest.mark.parametrize(("body", "message", "offset", "suggestion"), SYNTAX_ERRORS)
def test_every_syntax_error_in_full(body, message, offset, suggestion):
    with pytest.raises(CitationSyntaxError) as caught:
        parse(body)
    assert (caught.value.message, caught.value.offset, caught.value.suggestion) == (message, offset, suggestion)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "message", "offset", "suggestion"),
    [
        ("ayat (1)", "'ayat' before any Pasal", 0, "start the units with 'Pasal N'"),
        ("dan Pasal 3", "'dan' before any unit", 0, ""),
        ("sampai dengan Pasal 3", "'sampai dengan' must follow a unit", 0, ""),
        ("", "no unit after the instrument", 0, "e.g. Pasal 3 ayat (4)"),
        ("Pasal 3 sampai dengan Pasal 4", "'Pasal 3 sampai dengan Pasal 4' must name exactly one unit", 0, ""),
    ],
)
def test_bare_reference_errors_in_full(text, message, offset, suggestion):
    with pytest.raises(CitationSyntaxError) as caught:
        parse_ref(text)
    assert (caught.value.message, caught.value.offset, caught.value.suggestion) == (message, offset, suggestion)


def test_spans_and_the_instrument_know_where_they_are_written():
    body = "  Perpres 36/2020  Pasal 3 ayat (1) sampai dengan ayat (2), huruf a dan Pasal 4 @2021-01-01"
    citation = parse(body)
    assert citation.instrument == "Perpres 36/2020" and citation.instrument_offset == 2
    assert [span.offset for span in citation.spans] == [body.index("Pasal 3"), body.index("huruf a"),
                                                       body.index("Pasal 4")]
    assert [(s.start, s.end) for s in citation.spans] == [
        (Ref("3", "1"), Ref("3", "2")), (Ref("3", "2", "a"), None), (Ref("4"), None)]
    assert citation.pin == dt.date(2021, 1, 1)
    assert parse(body).body == body


def test_ref_parts_parent_level_and_item_path():
    ref = Ref("3", "2", "b", "1")
    assert ref.parts() == (("pasal", "3"), ("ayat", "2"), ("huruf", "b"), ("angka", "1"))
    assert ref.depth == 4 and ref.level == "angka"
    assert ref.parent() == Ref("3", "2", "b") and ref.parent().level == "huruf"
    assert Ref("3").parent() == Ref()
    assert ref.provision_key() == Ref("3", "2") and ref.item_path() == ("b", "1")
    assert Ref("I", "", "", "2").item_path() == ("2",) and Ref("I", "", "", "2").level == "angka"
    assert Ref("3", "2", "b", "1").indonesian() == "Pasal 3 ayat (2) huruf b angka 1"
    assert Ref("12A", "1a").anchor() == "pasal-12a-ayat-1a"


def test_unit_sort_key_values():
    assert unit_sort_key("12A") == (12, "a") and unit_sort_key("1a") == (1, "a") and unit_sort_key("7") == (7, "")
    assert unit_sort_key("XIV") == (14, "") and unit_sort_key("b") == (0, "b") and unit_sort_key("") == (0, "")


def test_units_read_alone_keep_the_offset_of_their_first_word():
    spans = parse_units("  Pasal 3 dan  Pasal 4", 10)
    assert [(span.start, span.offset) for span in spans] == [(Ref("3"), 12), (Ref("4"), 25)]


def test_a_span_of_a_bare_value_starts_at_that_value():
    body = "Perpres 36/2020 Pasal 3 ayat (2) dan (3)"
    assert [s.offset for s in parse(body).spans] == [16, body.index("(3)")]
    body = "Perpres 36/2020 Pasal 3 ayat (2) huruf a, b"
    assert [s.offset for s in parse(body).spans] == [16, body.index(" b") + 1]


def test_errors_inside_the_units_point_at_their_token():
    with pytest.raises(CitationSyntaxError) as caught:
        parse_units("  dan Pasal 3", 5)
    assert (caught.value.message, caught.value.offset) == ("'dan' before any unit", 7)
    body = "Perpres 36/2020 Pasal 3 ayat (2) sampai dengan huruf b, huruf c"
    with pytest.raises(CitationSyntaxError) as caught:
        parse(body)
    assert caught.value.offset == body.index(",")  # a bad run ended by a joiner: the error is at the joiner

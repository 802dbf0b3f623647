"""Arbitrary text never crashes the parser or scanner with anything but our own error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peraturan.build.scan import find_citations
from peraturan.legal.citation import CitationSyntaxError, parse
from peraturan.legal.loader import load_registry
from peraturan.legal.resolver import ResolveError, resolve

REGISTRY = load_registry(Path(__file__).parent / "fixtures" / "regulations", "fixtures")
WORDS = st.sampled_from(["Perpres", "1/2090", "Pasal", "ayat", "huruf", "angka", "(1a)", "(2)", "3", "12A", "I",
                         "b", "dan", "atau", ",", "sampai dengan", "–", "@2091-06-01", "@", "（4）", "\u00a0", "s.d."])


@settings(deadline=None)
@given(st.text())
def test_parser_raises_only_its_own_error_on_any_text(text):
    try:
        parse(text)
    except CitationSyntaxError as error:
        assert 0 <= error.offset <= len(text)


@settings(deadline=None)
@given(st.lists(WORDS, max_size=12).map(" ".join))
def test_near_miss_citations_parse_or_fail_cleanly_and_resolve_or_fail_cleanly(text):
    try:
        citation = parse(text)
    except CitationSyntaxError:
        return
    try:
        resolve(citation, REGISTRY, dt.date(2092, 1, 1))
    except ResolveError as error:
        assert error.message


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]`~\\\n -Pasal3(4)<!>")), max_size=80))
def test_scanner_never_crashes(text):
    for found in find_citations(text):
        assert found.line >= 1 and found.col >= 1

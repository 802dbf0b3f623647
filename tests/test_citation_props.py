"""Grammar-aware property tests of the citation grammar and the resolver.

Random text almost never reaches the interesting parts of the grammar (word soup
parses as a bare instrument name and never resolves). These strategies build
citations the way an editor writes them, from the registry's real instruments
and provisions: Pasal (12A, roman I), ayat ((1a)), huruf, angka, lists with
every joiner, runs (sampai dengan, s.d., –), units written relative to the one
before, date pins, Unicode spaces and full-width brackets. Then:

- every generated citation parses to the units it was built from, and resolves;
- parse -> render (the engine's own Indonesian rendering) -> parse gives the same units;
- every single-token change either still parses and resolves, or is refused with
  an error located at or next to the changed token.

``BRANCHES`` counts how many examples reach each grammar branch;
``benchmarks/fuzz_report.py`` prints the counts and the coverage of citation.py
and resolver.py reached by these tests alone. The default profile keeps
``make test`` quick; HYPOTHESIS_PROFILE=bench runs many more examples.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from conftest import ROOT
from peraturan.legal import render
from peraturan.legal.citation import LEVELS, CitationSyntaxError, Ref, parse, unit_sort_key
from peraturan.legal.loader import load_registry
from peraturan.legal.model import Instrument, Registry
from peraturan.legal.resolver import ResolveError, resolve

SITE_AS_OF = dt.date.fromisoformat(
    re.search(r"^\s*as_of:\s*[\"']?([0-9-]+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1))
REGISTRIES: list[tuple[Registry, dt.date]] = [
    (load_registry(ROOT / "regulations", "regulations"), SITE_AS_OF),
    (load_registry(Path(__file__).parent / "fixtures" / "regulations", "fixtures"), dt.date(2092, 1, 1)),
]
BRANCHES: collections.Counter[str] = collections.Counter()

SPACES = [" ", " ", " ", "\u00a0", "\u2009", "\u3000", "  ", "\t"]
JOINERS = [",", "dan", "atau", "dan/atau", "serta", ";", ", dan", ", atau"]
RANGES = ["sampai dengan", "s.d.", "s/d", "–", "—", "s. d."]


# --------------------------------------------------------------------------- what the registry offers


@dataclass(frozen=True)
class Citable:
    """What one instrument lets a reader cite on one day (pinned unless it is the as-of date)."""

    registry: Registry
    instrument: Instrument
    day: dt.date
    pinned: bool
    units: tuple[Ref, ...]  # every unit that resolves on ``day``
    runs: tuple[tuple[Ref, ...], ...]  # sibling sequences a run may span, in order


def _units_on(instrument: Instrument, day: dt.date) -> tuple[list[Ref], list[list[Ref]]]:
    units: list[Ref] = []
    runs: list[list[Ref]] = []
    pasal_ok = []
    for pasal in instrument.pasal_numbers():
        group = instrument.provisions_in_pasal(pasal)
        whole = instrument.provisions.get(Ref(pasal))
        ok = whole.version_at(day) is not None if whole else any(p.version_at(day) for p in group)
        pasal_ok.append((pasal, ok))
        if ok:
            units.append(Ref(pasal))
        ayat_ok = []
        for provision in group:
            version = provision.version_at(day)
            if provision.ref.ayat:
                ayat_ok.append((provision.ref, version is not None))
            if version is None:
                continue
            if provision.ref.ayat:
                units.append(provision.ref)
            base = provision.ref
            level_items = sorted(version.items.items(), key=lambda kv: unit_sort_key(kv[0]))
            siblings = []
            for key, item in level_items:
                ref = Ref(base.pasal, base.ayat, key) if key.isalpha() else Ref(base.pasal, base.ayat, "", key)
                units.append(ref)
                siblings.append(ref)
                children = [Ref(ref.pasal, ref.ayat, ref.huruf, n)
                            for n in sorted(item.items, key=unit_sort_key)] if key.isalpha() else []
                units += children
                if len(children) > 1:
                    runs.append(children)
            if len(siblings) > 1:
                runs.append(siblings)
        runs += _stretches(ayat_ok)
    runs += _stretches([(Ref(p), ok) for p, ok in pasal_ok])
    return units, runs


def _stretches(marked: list[tuple[Ref, bool]]) -> list[list[Ref]]:
    """Runs of consecutive siblings that are all citable (the resolver expands a run to each)."""
    found, current = [], []
    for ref, ok in marked:
        if ok:
            current.append(ref)
        else:
            current = []
        if len(current) > 1:
            found.append(list(current))
    return found


def _citables() -> list[Citable]:
    result = []
    for registry, as_of in REGISTRIES:
        for instrument in registry.instruments.values():
            days = {as_of} | {d for p in instrument.provisions.values() for v in p.versions
                              for d in (v.valid_from, v.valid_to) if d}
            for day in sorted(days):
                units, runs = _units_on(instrument, day)
                if units:
                    result.append(Citable(registry, instrument, day, day != as_of, tuple(units),
                                          tuple(tuple(r) for r in runs)))
    return result


CITABLE = _citables()


# --------------------------------------------------------------------------- writing a citation


@dataclass(frozen=True)
class Written:
    """A generated citation: its text as tokens (with their kinds) and the units it means."""

    citable: Citable
    tokens: tuple[tuple[str, str], ...]  # (kind, text); kind "sp" is whitespace
    expected: tuple[tuple[Ref, Ref | None], ...]

    @property
    def body(self) -> str:
        return "".join(text for _, text in self.tokens)


def _value_text(draw, level: str, value: str) -> str:
    if level != "ayat":
        return value
    left, right = draw(st.sampled_from([("(", ")"), ("（", "）"), ("( ", " )")]))
    return f"{left}{value}{right}"


def _level_word(draw, level: str) -> str:
    word = "Pasal" if level == "pasal" else level
    return draw(st.sampled_from([word, word, word.lower(), word.upper()]))


@st.composite
def written_citations(draw) -> Written:
    citable = draw(st.sampled_from(CITABLE))
    instrument = citable.instrument
    tokens: list[tuple[str, str]] = []

    def space():
        tokens.append(("sp", draw(st.sampled_from(SPACES))))

    name = draw(st.sampled_from([instrument.cite_as, *instrument.aliases]))
    words = name.split(" ")
    for index, word in enumerate(words):
        if index:
            space()
        tokens.append(("name", word))
    BRANCHES["alias" if name != instrument.cite_as else "cite_as"] += 1

    spans: list[tuple[Ref, Ref | None]] = []
    for _ in range(draw(st.integers(1, 3))):
        if citable.runs and draw(st.integers(0, 3)) == 0:
            run = draw(st.sampled_from(citable.runs))
            i = draw(st.integers(0, len(run) - 2))
            j = draw(st.integers(i + 1, len(run) - 1))
            spans.append((run[i], run[j]))
        else:
            spans.append((draw(st.sampled_from(citable.units)), None))

    path: Ref | None = None  # the parser's path: the last unit written
    last_level = ""
    for number, (start, end) in enumerate(spans):
        if number:
            space()
            joiner = draw(st.sampled_from(JOINERS))
            tokens.append(("joiner", joiner))
            BRANCHES["joiner " + joiner] += 1
        for part, ref in enumerate((start, end) if end else (start,)):
            space()
            if part:
                word = draw(st.sampled_from(RANGES))
                tokens.append(("range", word))
                BRANCHES["run " + ("pasal" if ref.level == "pasal" else ref.level)] += 1
                space()
            parts = ref.parts()
            skip = draw(st.sampled_from(_skips(ref, path)))
            if skip:
                BRANCHES["relative unit"] += 1
            written = parts[skip:]
            bare = (number or part) and len(written) == 1 and written[0][0] == last_level and draw(st.booleans())
            for index, (level, value) in enumerate(written):
                if index:
                    space()
                if not (bare and index == 0):
                    tokens.append(("level", _level_word(draw, level)))
                    space()
                else:
                    BRANCHES["level word left out"] += 1
                tokens.append(("value", _value_text(draw, level, value)))
                BRANCHES[f"{level} {_shape(level, value)}"] += 1
            path = ref
            last_level = written[-1][0]
        if end is None:
            BRANCHES[f"unit of depth {start.depth}"] += 1

    if citable.pinned:
        if draw(st.booleans()):
            space()
        tokens.append(("pin", "@" + draw(st.sampled_from(["", " "])) + citable.day.isoformat()))
        BRANCHES["pin"] += 1
    if len(spans) > 1:
        BRANCHES[f"list of {len(spans)}"] += 1
    if any(text in SPACES[3:] for kind, text in tokens if kind == "sp"):
        BRANCHES["unicode space"] += 1
    if any("（" in text for _, text in tokens):
        BRANCHES["full-width brackets"] += 1
    return Written(citable, tuple(tokens), tuple(spans))


def _skips(ref: Ref, path: Ref | None) -> list[int]:
    """How many leading levels of ``ref`` may be left out after ``path`` and still mean ``ref``:
    the parser keeps the levels of ``path`` above the first level written."""
    options = [0]
    if path is None:
        return options
    parts = ref.parts()
    for skip in range(1, len(parts)):
        first = LEVELS.index(parts[skip][0])
        if all(getattr(path, level) == getattr(ref, level) for level in LEVELS[:first]):
            options.append(skip)
    return options


def _shape(level: str, value: str) -> str:
    if level == "pasal":
        return "roman" if value.isalpha() else "inserted (12A)" if not value.isdigit() else "number"
    if level == "ayat":
        return "inserted ((1a))" if not value.isdigit() else "number"
    return "letter" if value.isalpha() else "number"


def units(citation) -> tuple[tuple[Ref, Ref | None], ...]:
    return tuple((span.start, span.end) for span in citation.spans)


@pytest.fixture(scope="module", autouse=True)
def branch_counts():
    """benchmarks/fuzz_report.py sets FUZZ_BRANCHES_OUT to collect how often each branch was reached."""
    yield
    out = os.environ.get("FUZZ_BRANCHES_OUT")
    if out:
        Path(out).write_text(json.dumps(dict(sorted(BRANCHES.items())), indent=1), encoding="utf-8")


# --------------------------------------------------------------------------- properties


@given(written_citations())
def test_generated_citations_parse_to_what_was_written_and_resolve(written):
    note(repr(written.body))
    citation = parse(written.body)
    assert citation.instrument.casefold() in {n.casefold() for n in (written.citable.instrument.cite_as,
                                                                     *written.citable.instrument.aliases)}
    assert units(citation) == written.expected
    assert citation.pin == (written.citable.day if written.citable.pinned else None)
    resolved = resolve(citation, written.citable.registry, written.citable.day if not written.citable.pinned
                       else dt.date(1900, 1, 1))
    assert resolved.instrument is written.citable.instrument
    assert resolved.day == written.citable.day
    assert len(resolved.units) >= len(written.expected)
    BRANCHES["resolved"] += 1


@given(written_citations())
def test_parse_render_parse_gives_the_same_units(written):
    citation = parse(written.body)
    rendered = f"{citation.instrument} {render._units_id(citation.spans)}"
    if citation.pin:
        rendered += f" @{citation.pin.isoformat()}"
    note(f"{written.body!r} -> {rendered!r}")
    again = parse(rendered)
    assert units(again) == units(citation)
    assert (again.instrument, again.pin) == (citation.instrument, citation.pin)


# A single-token change: another token of the grammar, a near miss, or nothing.
REPLACEMENTS = ["Pasal", "ayat", "huruf", "angka", "dan", ",", "sampai dengan", "–", "(2)", "(1a)", "（3）", "3",
                "12A", "I", "b", "99", "z", "(", ")", "@", "@2090-13-01", "ayat(2", "Pasall", "", "x", "(B)", "2b"]


def _segments(tokens) -> list:
    """Which part of the citation each token belongs to: 0 the instrument's name, 1, 2, ...
    the units (a run is one), "joiner", "pin" (whitespace: None)."""
    segments, current = [], 0
    for kind, _ in tokens:
        if kind == "sp":
            segments.append(None)
        elif kind == "name":
            segments.append(0)
        elif kind == "joiner":
            segments.append("joiner")
        elif kind == "pin":
            segments.append("pin")
        else:
            if current == 0 or (segments and "joiner" in segments[-3:] and segments[-1] != current):
                current += 1
            segments.append(current)
    return segments


def _allowed(tokens, segments, index: int) -> tuple[int, int]:
    """The offsets an error about a change of token ``index`` may point at: the unit (or the
    name) the token belongs to, one token either side; for a joiner, the units on both sides;
    for the pin, the last unit and the pin."""
    starts = [sum(len(t) for _, t in tokens[:i]) for i in range(len(tokens) + 1)]
    segment = segments[index]
    if segment == "joiner":
        around = [i for i, s in enumerate(segments) if isinstance(s, int) and s > 0 and
                  abs(i - index) <= max(1, len(tokens))]
        left = max((segments[i] for i in around if i < index), default=0)
        members = [i for i, s in enumerate(segments) if s in (left, left + 1) and isinstance(s, int)] + [index]
    elif segment == "pin":
        last = max((s for s in segments if isinstance(s, int)), default=0)
        members = [i for i, s in enumerate(segments) if s == last] + [index]
    else:
        members = [i for i, s in enumerate(segments) if s == segment] + [index]
    words = [i for i, s in enumerate(segments) if s is not None]
    low_i = max((i for i in words if i < min(members)), default=min(members))
    high_i = min((i for i in words if i > max(members)), default=max(members))
    return starts[low_i], starts[high_i + 1]


def _context_end(tokens, index: int) -> int:
    """The end of the first unit after token ``index`` that names its Pasal again (the units
    before it take their Pasal, ayat, ... from the changed context); the body's end if none."""
    starts = [sum(len(t) for _, t in tokens[:i]) for i in range(len(tokens) + 1)]
    restart = next((i for i in range(index + 1, len(tokens))
                    if tokens[i][0] == "level" and tokens[i][1].lower() == "pasal"), None)
    if restart is None:
        return starts[-1]
    end = next((i for i in range(restart + 1, len(tokens)) if tokens[i][0] in ("joiner", "range", "pin")),
               len(tokens))
    return starts[end]


@given(written_citations(), st.data())
def test_a_single_token_change_is_valid_or_refused_at_that_token(written, data):
    segments = _segments(written.tokens)
    slots = [i for i, (kind, _) in enumerate(written.tokens) if kind != "sp"]
    index = data.draw(st.sampled_from(slots))
    new = data.draw(st.sampled_from(REPLACEMENTS))
    tokens = list(written.tokens)
    kind, old = tokens[index]
    if new == old:
        return
    tokens[index] = ("changed", new)
    body = "".join(text for _, text in tokens)
    low, high = _allowed(tokens, segments, index)
    if kind in ("level", "joiner", "range") or new in ("Pasal", "ayat", "huruf", "angka", "dan", ",", "sampai dengan",
                                                        "–"):
        # A changed unit word or joiner changes what the units after it inherit ("Pasal I dan 1 ,
        # angka 1" makes the bare "1" a Pasal): the error may lie anywhere up to the end of the
        # first later unit that names its Pasal again.
        high = max(high, _context_end(tokens, index))
    note(f"{written.body!r} -> {body!r} (changed {kind} {old!r}, allowed {low}..{high})")
    registry, day = written.citable.registry, written.citable.day
    try:
        resolve(parse(body), registry, day)
        BRANCHES["mutant still valid"] += 1
    except CitationSyntaxError as error:
        BRANCHES["mutant refused by the parser"] += 1
        assert low <= error.offset <= high, (error.message, error.offset)
    except ResolveError as error:
        BRANCHES["mutant refused by the resolver"] += 1
        assert low <= error.offset <= high, (error.message, error.offset)

"""The citation grammar: ``[[Perpres 36/2020 Pasal 3 ayat (4) huruf b]]``.

It follows Indonesian drafting (UU 12/2011 Lampiran II, "Teknik Pengacuan"):
units are written largest first (Pasal, ayat, huruf, angka), siblings are joined
with ``,``, ``dan`` or ``atau``, and runs with ``sampai dengan``. An optional
``@YYYY-MM-DD`` at the end pins the version in force on that date.

Grammar (whitespace between tokens is free, Unicode spaces included)::

    citation   := instrument [ units ] [ "@" date ]
    units      := unit { joiner unit }
    unit       := level value { level value }      e.g. Pasal 3 ayat (4) huruf b
    level      := "Pasal" | "ayat" | "huruf" | "angka"
    value      := Pasal: 12 | 12A | I   ayat: (1) | (1a)   huruf: a   angka: 1
    joiner     := "," | "dan" | "atau" | "dan/atau" | "serta"
                | "sampai dengan" | "s.d." | "–" (a range)

After a joiner the level word may be left out ("ayat (2) dan (3)"). This module
only parses; ``resolver`` checks the parts against the registry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

LEVELS = ("pasal", "ayat", "huruf", "angka")

# Marker in Markdown. The body may not contain "]]" or a line break.
CITATION_RE = re.compile(r"\[\[(?P<body>[^\[\]\n]+?)\]\]")

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<level>(?i:pasal|ayat|huruf|angka))(?![^\W\d_])
  | (?P<range>sampai\s+dengan(?![^\W\d_])|s\.\s?d\.|s/d|[–—])
  | (?P<joiner>dan/atau(?![^\W\d_])|dan(?![^\W\d_])|atau(?![^\W\d_])|serta(?![^\W\d_])|[,;])
  | (?P<paren>[(（]\s*(?P<pvalue>[0-9]+[a-z]?|[a-z])\s*[)）])
  | (?P<value>[0-9]+[A-Za-z]?(?![^\W_])|[IVXLC]+(?![^\W\d_])|[a-z](?![^\W\d_]))
    """,
    re.VERBOSE,
)
_PIN = re.compile(r"\s*@\s*(?P<date>\S+)\s*$")
_UNITS_START = re.compile(r"(?i)(?<![^\W\d_])pasal(?![^\W\d_])")


class CitationError(ValueError):
    """A citation that cannot be used: its message, the offset into the body where the
    problem starts, and a suggestion."""

    def __init__(self, message: str, offset: int = 0, suggestion: str = ""):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.suggestion = suggestion


class CitationSyntaxError(CitationError):
    """A citation that does not follow the grammar."""


@dataclass(frozen=True, order=True)
class Ref:
    """One addressed unit, e.g. Pasal 3 ayat (4) huruf b. Missing levels are ''."""

    pasal: str = ""
    ayat: str = ""
    huruf: str = ""
    angka: str = ""

    def parts(self) -> tuple[tuple[str, str], ...]:
        return tuple((level, getattr(self, level)) for level in LEVELS if getattr(self, level))

    @property
    def depth(self) -> int:
        return len(self.parts())

    def parent(self) -> Ref:
        parts = dict(self.parts()[:-1])
        return Ref(**parts)

    @property
    def level(self) -> str:
        return self.parts()[-1][0]

    def anchor(self) -> str:
        """Stable HTML id: pasal-31c-ayat-1a-huruf-b."""
        return "-".join(f"{level}-{value.lower()}" for level, value in self.parts())

    def indonesian(self) -> str:
        return " ".join(_unit_id(level, value) for level, value in self.parts())

    def provision_key(self) -> Ref:
        """The part stored as a registry provision: Pasal plus ayat."""
        return Ref(self.pasal, self.ayat)

    def item_path(self) -> tuple[str, ...]:
        """huruf / angka below the provision."""
        return tuple(v for v in (self.huruf, self.angka) if v)


@dataclass(frozen=True)
class Span:
    """A single unit or a run ``start sampai dengan end`` of siblings."""

    start: Ref
    end: Ref | None = None
    # where the span is written (offset of its first word in the body), so an error about
    # it points there; not part of its identity
    offset: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Citation:
    body: str
    instrument: str  # as written, whitespace collapsed
    spans: tuple[Span, ...]  # empty: the whole instrument
    pin: dt.date | None
    instrument_offset: int = 0


def _unit_id(level: str, value: str) -> str:
    if level == "pasal":
        return f"Pasal {value}"
    if level == "ayat":
        return f"ayat ({value})"
    return f"{level} {value}"


def parse_ref(text: str) -> Ref:
    """Parse a bare reference such as ``Pasal 3 ayat (4)`` (registry refs)."""
    citation = parse_units(text, 0)
    if len(citation) != 1 or citation[0].end is not None:
        raise CitationSyntaxError(f"'{text}' must name exactly one unit", 0)
    return citation[0].start


def parse(body: str) -> Citation:
    """Parse the text between ``[[`` and ``]]``."""
    if not body.strip():
        raise CitationSyntaxError("empty citation", 0, "write e.g. [[Perpres 36/2020 Pasal 3]]")
    pin = None
    pin_match = _PIN.search(body)
    units_end = len(body)
    if pin_match:
        try:
            pin = dt.date.fromisoformat(pin_match.group("date"))
        except ValueError:
            raise CitationSyntaxError(
                f"'{pin_match.group('date')}' is not a date", pin_match.start("date"), "write the date as @YYYY-MM-DD"
            ) from None
        units_end = pin_match.start()
    start = _UNITS_START.search(body, 0, units_end)
    instrument_end = start.start() if start else units_end
    instrument_raw = body[:instrument_end]
    instrument = " ".join(instrument_raw.split())
    if not instrument:
        raise CitationSyntaxError(
            "the citation does not name an instrument", 0, "start with the instrument, e.g. Perpres 36/2020"
        )
    lead = len(instrument_raw) - len(instrument_raw.lstrip())
    spans = tuple(parse_units(body[instrument_end:units_end], instrument_end)) if start else ()
    return Citation(body, instrument, spans, pin, lead)


def parse_units(text: str, base: int) -> list[Span]:
    """Parse the units part; offsets in errors are relative to the whole body."""
    tokens = list(_tokenize(text, base))
    spans: list[Span] = []
    path: dict[str, str] = {}
    current: Ref | None = None
    dirty = False
    range_start: Ref | None = None
    last_level = ""
    expect_value_for = ""
    expect_offset = base
    joined = False  # a joiner was just seen: a bare value continues the last level
    span_start: int | None = None  # offset of the first word of the span being read

    def finish(at: int) -> None:
        nonlocal current, dirty, range_start, span_start
        if not dirty or current is None:
            return
        if range_start is not None:
            _check_range(range_start, current, at)
            spans.append(Span(range_start, current, span_start or base))
            range_start = None
        else:
            spans.append(Span(current, None, span_start or base))
        dirty = False
        span_start = None

    for kind, value, offset in tokens:
        if span_start is None and kind in ("level", "value", "paren"):
            span_start = offset
        if expect_value_for and kind not in ("value", "paren"):
            raise CitationSyntaxError(
                f"'{expect_value_for}' needs a value", expect_offset, _value_hint(expect_value_for)
            )
        if kind == "level":
            level = value.lower()
            if level != "pasal" and "pasal" not in path:
                raise CitationSyntaxError(f"'{value}' before any Pasal", offset, "start the units with 'Pasal N'")
            if joined and last_level and LEVELS.index(level) < LEVELS.index(last_level) and level != "pasal":
                pass  # e.g. "huruf b dan ayat (3)": climbing back up is allowed
            elif not joined and last_level and LEVELS.index(level) <= LEVELS.index(last_level):
                # "Pasal 3 Pasal 4" or "ayat (1) ayat (2)": within one unit each word names a
                # smaller part, so a second unit needs a joiner (it used to replace the first)
                before = path.get(last_level, "")
                before = f"Pasal {before}" if last_level == "pasal" else \
                    f"ayat ({before})" if last_level == "ayat" else f"{last_level} {before}"
                raise CitationSyntaxError(
                    f"'{value}' cannot follow '{before}' in one unit: a unit goes Pasal, ayat, huruf, angka",
                    offset, "join two units with ',' or 'dan' (e.g. 'Pasal 3 dan Pasal 4')")
            expect_value_for, expect_offset = level, offset
            last_level = level
            joined = False
            continue
        if kind in ("value", "paren"):
            level = expect_value_for or (last_level if joined else "")
            if not level:
                raise CitationSyntaxError(
                    f"'{value}' has no unit word before it", offset, "write 'ayat (4)', 'huruf b' or 'angka 1'"
                )
            _check_value(level, kind, value, offset)
            index = LEVELS.index(level)
            path = {lvl: path[lvl] for lvl in LEVELS[:index] if lvl in path}
            path[level] = value
            current = Ref(**path)
            dirty = True
            expect_value_for = ""
            last_level = level
            joined = False
            continue
        if kind == "joiner":
            if current is None:
                raise CitationSyntaxError(f"'{value}' before any unit", offset)
            finish(offset)
            joined = True
            continue
        if kind == "range":
            if current is None or not dirty:
                raise CitationSyntaxError(f"'{value}' must follow a unit", offset)
            if range_start is not None:
                raise CitationSyntaxError("a run cannot contain another 'sampai dengan'", offset)
            range_start = current
            dirty = False
            joined = True
            continue
    if expect_value_for:
        raise CitationSyntaxError(f"'{expect_value_for}' needs a value", expect_offset, _value_hint(expect_value_for))
    if range_start is not None and not dirty:
        raise CitationSyntaxError("'sampai dengan' needs an end unit", base + len(text))
    finish(base + len(text))
    if not spans:
        raise CitationSyntaxError("no unit after the instrument", base, "e.g. Pasal 3 ayat (4)")
    return spans


def _tokenize(text: str, base: int):
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match:
            bad = text[pos:].split()[0] if text[pos:].split() else text[pos]
            raise CitationSyntaxError(f"unexpected '{bad}'", base + pos, "units are Pasal, ayat (n), huruf x, angka n")
        kind = match.lastgroup
        if kind == "pvalue":
            kind = "paren"
        if kind != "ws":
            value = match.group("pvalue") if kind == "paren" else match.group(kind)
            yield kind, value, base + pos
        pos = match.end()


def _check_value(level: str, kind: str, value: str, offset: int) -> None:
    if level == "ayat":
        if kind != "paren":
            raise CitationSyntaxError(f"ayat '{value}' must be in brackets", offset, f"write 'ayat ({value})'")
        if not value[0].isdigit():
            raise CitationSyntaxError(f"ayat ({value}) is not an ayat number", offset, "e.g. ayat (1) or ayat (1a)")
        return
    if kind == "paren":
        raise CitationSyntaxError(f"{level} ({value}) must not be in brackets", offset, f"write '{level} {value}'")
    if level == "pasal" and not re.fullmatch(r"[0-9]+[A-Z]?|[IVXLC]+", value):
        raise CitationSyntaxError(f"'{value}' is not a Pasal number", offset, "e.g. Pasal 12, Pasal 12A, Pasal I")
    if level == "huruf" and not re.fullmatch(r"[a-z]", value):
        raise CitationSyntaxError(f"'{value}' is not a huruf", offset, "huruf are single letters: huruf a")
    if level == "angka" and not re.fullmatch(r"[0-9]+", value):
        raise CitationSyntaxError(f"'{value}' is not an angka", offset, "angka are numbers: angka 1")


def _check_range(start: Ref, end: Ref, offset: int) -> None:
    if start.depth != end.depth or start.parent() != end.parent():
        raise CitationSyntaxError(
            f"a run must join siblings: '{start.indonesian()}' and '{end.indonesian()}' are not",
            offset,
            "e.g. 'ayat (2) sampai dengan ayat (5)'",
        )


def _value_hint(level: str) -> str:
    return {"pasal": "e.g. Pasal 3", "ayat": "e.g. ayat (4)", "huruf": "e.g. huruf b", "angka": "e.g. angka 1"}[level]


def unit_sort_key(value: str) -> tuple[int, str]:
    """Order 12 < 12A < 12B < 13 and (1) < (1a) < (2); roman numerals by value."""
    match = re.fullmatch(r"([0-9]+)([A-Za-z]*)", value)
    if match:
        return (int(match.group(1)), match.group(2).lower())
    if re.fullmatch(r"[IVXLC]+", value):
        return (_roman(value), "")
    return (0, value)


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = values[current]
        total += -value if following != " " and values.get(following, 0) > value else value
    return total

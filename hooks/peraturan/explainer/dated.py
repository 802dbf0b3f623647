"""Dated values: benefit amounts by period (``data/amounts.yml``) and legal
limits such as the age range (``data/limits.yml``).

A value is typed once, in data, with the period it applies to and where it
comes from. Pages show it through generated blocks (``px:amounts-table``,
``px:limit-history``) or an inline ``<!-- px:value key=... -->``, so prose,
tables and history can never disagree.

Checks made on load (all reported at once, ``path:line:col``):

- periods are in order and do not overlap;
- every citation parses and resolves against the regulation registry;
- an amount period's total equals the sum of its parts;
- every source key exists in the bibliography;
- a limit's value appears as a number in the text of the provision it cites,
  in the version in force for that period (the law and the data agree).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..build import words
from ..build.dates import Period, iso_date, version_at
from ..build.diagnostics import EngineError
from ..build.schema import Text, mark
from ..build.yamlsource import Located, load_yaml
from ..legal.model import Registry
from ..legal.resolver import ResolvedCitation
from .bibliography import Bibliography, Entry
from .sitedata import DataChecker, Day, format_date, format_rupiah

STRENGTH = ("official-text", "official-statement", "reported", "study", "unverified")


# ----------------------------------------------------------------------------- amounts


@dataclass(frozen=True)
class Component:
    key: str
    label: Text


@dataclass(frozen=True)
class Part:
    amount: int
    times: int = 1

    @property
    def total(self) -> int:
        return self.amount * self.times


@dataclass(frozen=True)
class AmountPeriod:
    key: str
    label: Text
    valid_from: Day
    valid_to: Day | None
    parts: dict[str, Part]  # component key -> amount (absent: none in this period)
    total: int | None
    basis: tuple[str, ...]  # citation bodies: who sets the amounts
    sources: tuple[Entry, ...]
    note: Text | None

    @property
    def evidence(self) -> str:
        """The firmest evidence among the period's sources."""
        return min((s.evidence for s in self.sources), key=STRENGTH.index)


@dataclass
class Amounts:
    components: list[Component]
    periods: list[AmountPeriod]
    path: str

    def period(self, key: str) -> AmountPeriod | None:
        return next((p for p in self.periods if p.key == key), None)


def load_amounts(path: Path, label: str, registry: Registry, as_of: dt.date, bibliography: Bibliography) -> Amounts:
    data = load_yaml(path, label)
    c = DataChecker(label, registry, as_of)
    root = c.mapping(data, (1, 1), "amounts file")
    components: list[Component] = []
    periods: list[AmountPeriod] = []
    if root is not None and c.keys(root, ("components", "periods"), (), "amounts"):
        block = c.mapping(root.get("components"), root.where("components"), "components")
        for key in block or {}:
            text = c.text(block[key], block.where(key), f"components.{key}")
            if text:
                components.append(Component(key, text))
        items = c.sequence(root.get("periods"), root.where("periods"), "periods")
        for index, raw in enumerate(items):
            period = _read_amount_period(c, raw, mark(items, index), f"periods[{index}]", components, bibliography)
            if period:
                periods.append(period)
        _check_order(c, periods, [mark(items, i) for i in range(len(items))])
    if c.problems:
        raise EngineError(c.problems)
    return Amounts(components, periods, label)


def _read_amount_period(c: DataChecker, raw, where, what, components, bibliography) -> AmountPeriod | None:
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ("key", "label", "valid_from", "sources"),
                                   ("valid_to", "basis", "parts", "total", "note"), what):
        return None
    key = c.string(block, "key", what)
    what = f"period '{key}'" if key else what
    label = c.text(block.get("label"), block.where("label"), f"{what}: label")
    ok_from, valid_from = c.day(block, "valid_from", what, allow_unknown=False)
    ok_to, valid_to = (True, None) if block.get("valid_to") is None else c.day(block, "valid_to", what, False)
    if valid_from and valid_to and valid_to.last() < valid_from.first():
        c.error(block.where("valid_to"), f"{what}: valid_to is before valid_from")
    basis = c.citations(block, "basis", what) if "basis" in block else []
    sources = _sources(c, block, what, bibliography)
    known = {comp.key for comp in components}
    parts: dict[str, Part] = {}
    raw_parts = block.get("parts") or {}
    if raw_parts and c.mapping(raw_parts, block.where("parts"), f"{what}: parts") is not None:
        for name in raw_parts:
            if name not in known:
                c.error(raw_parts.where(name), f"{what}: unknown component '{name}'",
                        f"components are: {', '.join(sorted(known))}")
                continue
            part = _read_part(c, raw_parts[name], raw_parts.where(name), f"{what}: parts.{name}")
            if part:
                parts[name] = part
    total = block.get("total")
    if total is not None and (not isinstance(total, int) or isinstance(total, bool) or total <= 0):
        c.error(block.where("total"), f"{what}: total must be a positive whole number of rupiah")
        total = None
    if total is not None and parts and sum(p.total for p in parts.values()) != total:
        summed = sum(p.total for p in parts.values())
        c.error(block.where("total"), f"{what}: total {total} is not the sum of the parts ({summed})",
                "check the amounts and how many times each is paid")
    if (total is None) != (not parts):
        c.error(block.where(), f"{what}: give both parts and total, or neither (a period with no amounts)")
    note = c.text(block["note"], block.where("note"), f"{what}: note") if block.get("note") else None
    if not (key and label and ok_from and ok_to and valid_from and sources):
        return None
    return AmountPeriod(key, label, valid_from, valid_to, parts, total, tuple(basis), tuple(sources), note)


def _read_part(c: DataChecker, raw, where, what) -> Part | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if raw <= 0:
            c.error(where, f"{what}: must be a positive whole number of rupiah", f"got {raw}")
            return None
        return Part(raw)
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ("amount",), ("times",), what):
        return None
    amount, times = block.get("amount"), block.get("times", 1)
    for name, value in (("amount", amount), ("times", times)):
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            c.error(block.where(name), f"{what}: '{name}' must be a positive whole number")
            return None
    return Part(amount, times)


def _sources(c: DataChecker, block: Located, what: str, bibliography: Bibliography) -> list[Entry]:
    items = c.sequence(block.get("sources"), block.where("sources"), f"{what}: sources")
    found = []
    for index, key in enumerate(items):
        entry = bibliography.get(str(key))
        if entry is None:
            c.error(mark(items, index), f"{what}: unknown source '{key}'", bibliography.suggest(str(key)))
        else:
            found.append(entry)
    return found


def _check_order(c: DataChecker, periods, marks) -> None:
    for index, (before, after) in enumerate(zip(periods, periods[1:], strict=False)):
        if before.valid_to is None:
            c.error(marks[index + 1], f"period '{before.key}' has no valid_to but a later period follows")
        elif after.valid_from.first() <= before.valid_to.last():
            c.error(marks[index + 1], f"period '{after.key}' overlaps '{before.key}'",
                    "periods are listed oldest first and must not overlap")


# ----------------------------------------------------------------------------- limits


@dataclass(frozen=True)
class LimitPeriod(Period):
    valid_from: dt.date | None  # None: not known (only the oldest period)
    valid_to: dt.date | None
    value: int | None  # None: the law sets no such limit in this period
    cite: str
    note: Text | None


@dataclass(frozen=True)
class Limit:
    key: str
    unit: str  # years | days
    label: Text
    periods: tuple[LimitPeriod, ...]

    def at(self, day: dt.date) -> LimitPeriod | None:
        return version_at(self.periods, day)


UNITS = words.table("dated_units")  # hooks/peraturan/build/words.yml


def load_limits(path: Path, label: str, registry: Registry, as_of: dt.date) -> dict[str, Limit]:
    data = load_yaml(path, label)
    c = DataChecker(label, registry, as_of)
    root = c.mapping(data, (1, 1), "limits file")
    limits: dict[str, Limit] = {}
    if root is not None and c.keys(root, ("limits",), (), "limits"):
        block = c.mapping(root.get("limits"), root.where("limits"), "limits")
        for key in block or {}:
            limit = _read_limit(c, key, block[key], block.where(key))
            if limit:
                limits[key] = limit
    if c.problems:
        raise EngineError(c.problems)
    return limits


def _read_limit(c: DataChecker, key: str, raw, where) -> Limit | None:
    what = f"limit '{key}'"
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ("unit", "label", "periods"), (), what):
        return None
    unit = block.get("unit")
    if unit not in UNITS:
        c.error(block.where("unit"), f"{what}: unit must be one of {', '.join(UNITS)}")
        return None
    label = c.text(block.get("label"), block.where("label"), f"{what}: label")
    items = c.sequence(block.get("periods"), block.where("periods"), f"{what}: periods")
    periods = []
    for index, p, p_what in c.entries(items, f"{what}: periods", ("valid_from", "value", "cite"), ("valid_to", "note")):
        ok_from, start = c.day(p, "valid_from", p_what)
        ok_to, end = (True, None) if p.get("valid_to") is None else c.day(p, "valid_to", p_what, False)
        if start is not None and not start.day or end is not None and not end.day:
            c.error(p.where("valid_from"), f"{p_what}: limits change on a known day; write YYYY-MM-DD")
            continue
        value = p.get("value")
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
            c.error(p.where("value"), f"{p_what}: value must be a positive whole number, or null for no limit")
            continue
        if start is not None and index > 0 and periods and periods[-1].valid_to is not None \
                and start.first() != periods[-1].valid_to + dt.timedelta(days=1):
            c.error(p.where("valid_from"), f"{p_what}: must start the day after the previous period ends")
        cite = c.citation(p.get("cite"), p.where("cite"), f"{p_what}: cite", need_unit=True)
        note = c.text(p["note"], p.where("note"), f"{p_what}: note") if p.get("note") else None
        if not (ok_from and ok_to and cite):
            continue
        period = LimitPeriod(start.first() if start else None, end.last() if end else None, value, cite, note)
        _check_value_in_law(c, period, p.where("value"), p_what)
        periods.append(period)
    if not label or not periods:
        return None
    return Limit(key, unit, label, tuple(periods))


def _check_value_in_law(c: DataChecker, period: LimitPeriod, where, what: str) -> None:
    """The number must be written in the cited provision's wording (text, item or summary)."""
    if period.value is None:
        return
    resolved = c.resolve(period.cite)
    if not isinstance(resolved, ResolvedCitation):
        return
    wording = " ".join(_wording(unit) for unit in resolved.units)
    if not re.search(rf"(?<!\d){period.value}(?!\d)", wording):
        c.error(where, f"{what}: value {period.value} does not appear in the text of [[{period.cite}]]",
                "the data and the law must agree; check the value or the citation")


def _wording(unit) -> str:
    if unit.item is not None:
        return unit.item.text.id
    version = unit.version
    if version is None:
        return ""
    texts = [version.text_id or "", version.summary.id if version.summary else ""]
    texts += [item.text.id for item in version.items.values()]
    return " ".join(texts)


# ----------------------------------------------------------------------------- values in prose


class ValueError_(ValueError):
    """An unknown or unusable value key (message for the editor)."""


def value_text(key: str, lang: str, as_of: dt.date, limits: dict[str, Limit], amounts: Amounts | None,
               at: str | None = None) -> str:
    """The formatted value for ``<!-- px:value key=... -->``."""
    if key == "as_of":
        return format_date(as_of, lang)
    if key.startswith("amount."):
        parts = key.split(".")
        period = amounts.period(parts[1]) if amounts and len(parts) == 3 else None
        if period is None:
            known = ", ".join(f"amount.{p.key}.<part>" for p in (amounts.periods if amounts else []))
            raise ValueError_(f"unknown amount '{key}' (known: {known}; parts: total or a component)")
        if parts[2] == "total":
            if period.total is None:
                raise ValueError_(f"period '{period.key}' has no amounts")
            return format_rupiah(period.total, lang)
        part = period.parts.get(parts[2])
        if part is None:
            raise ValueError_(f"period '{period.key}' has no part '{parts[2]}'")
        return format_rupiah(part.amount, lang)
    limit = limits.get(key)
    if limit is None:
        raise ValueError_(f"unknown value '{key}' (known: as_of, {', '.join(sorted(limits))}, amount.<period>.<part>)")
    day = as_of
    if at:
        day = iso_date(at)
        if day is None:
            raise ValueError_(f"at={at!r} is not a date YYYY-MM-DD")
    period = limit.at(day)
    if period is None or period.value is None:
        raise ValueError_(f"'{key}' has no value on {day}")
    return str(period.value)

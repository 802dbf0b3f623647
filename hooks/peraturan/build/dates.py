"""Dates: the one ISO date reader, the one month table, the one "version in force" rule.

Registry versions, rule versions, data periods and the site's as-of date are all read
and compared here, so a date means the same thing wherever an editor writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol, TypeVar

from . import words

MONTHS = words.table("months")  # hooks/peraturan/build/words.yml


def iso_date(value: Any) -> dt.date | None:
    """A real calendar date from a YAML date or a ``YYYY-MM-DD`` string; None otherwise
    (``2026-02-30``, a date-time, a number, a list)."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def in_words(day: dt.date, lang: str) -> str:
    """``23 November 2026`` / ``23 Nopember``: the day, the month's name, the year."""
    months = MONTHS.get(lang, MONTHS["id"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


class Period:
    """A thing in force from ``valid_from`` to ``valid_to`` (both inclusive; None: open)."""

    valid_from: dt.date | None
    valid_to: dt.date | None

    def in_force(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class _Dated(Protocol):
    def in_force(self, day: dt.date) -> bool: ...


V = TypeVar("V", bound=_Dated)


def version_at(versions: Iterable[V], day: dt.date) -> V | None:
    """The version in force on ``day``, or None."""
    return next((v for v in versions if v.in_force(day)), None)


class Versioned:
    """A thing with dated ``versions`` (a provision, a rule, a limit's periods)."""

    versions: tuple

    def version_at(self, day: dt.date):
        """The version in force on ``day``, or None."""
        return version_at(self.versions, day)

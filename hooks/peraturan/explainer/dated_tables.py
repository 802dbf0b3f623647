"""Dated values shown: the amounts table and cards, and a limit's history, in the page's
language (the values themselves are loaded and checked in ``dated.py``)."""

from __future__ import annotations

import datetime as dt

from ..build import words
from ..build.safe import text as safe_text
from .dated import UNITS, AmountPeriod, Amounts, Limit
from .sitedata import evidence_badge, format_date, format_rupiah

WORDS = words.table("dated")  # hooks/peraturan/build/words.yml


def amounts_cards(amounts: Amounts, bibliography_link, lang: str) -> str:
    """One card per period, the total first, then the parts, who sets them and the sources.

    Why cards and not a table: a row of seven columns needs about 900 px, so on a
    phone the total (the number people look for) sat off screen in a box that
    scrolled sideways. A card reads top to bottom at any width. Markdown with
    ``markdown="span"`` paragraphs, so citation markers and source links render later."""
    w = WORDS[lang]

    parts = [comp for comp in amounts.components if comp.key != "total"]
    total_label = next((comp.label.get(lang) for comp in amounts.components if comp.key == "total"), w["total"])
    out = ['<ul class="px-amounts__cards" markdown="1">']
    for period in amounts.periods:
        out.append(f'<li class="px-amount" id="besaran-{safe_text(period.key)}" markdown="1">')
        out.append(f'<p class="px-amount__period"><strong>{safe_text(period.label.get(lang))}</strong></p>')
        if period.total:
            out.append(f'<p class="px-amount__total"><span>{safe_text(total_label)}</span> '
                       f"<strong>{format_rupiah(period.total, lang)}</strong></p>")
        else:
            out.append(f'<p class="px-amount__total px-amount__total--none">{safe_text(w["no_amounts"])}</p>')
        rows = [(comp.label.get(lang), _part_cell(period, comp.key, lang)) for comp in parts
                if period.parts.get(comp.key) is not None]
        if rows:
            out.append('<dl class="px-amount__parts">' + "".join(
                f"<div><dt>{safe_text(name)}</dt><dd>{safe_text(value)}</dd></div>" for name, value in rows) + "</dl>")
        if period.note:
            out.append(f'<p class="px-amount__note">{safe_text(period.note.get(lang))}</p>')
        if period.basis:
            cites = "; ".join(f"[[{body}]]" for body in period.basis)
            out.append(f'<p class="px-amount__basis px-cite-full" markdown="span">{safe_text(w["basis"])}: {cites}</p>')
        links = ", ".join(bibliography_link(entry) for entry in period.sources)
        out.append(f'<p class="px-amount__sources" markdown="span">{safe_text(w["sources"])}: {links} '
                   f"{evidence_badge(period.evidence, lang)}</p>")
        out.append("</li>")
    out.append("</ul>")
    return "\n".join(out)


def _part_cell(period: AmountPeriod, key: str, lang: str) -> str:
    if key == "total":
        return f"**{format_rupiah(period.total, lang)}**" if period.total else WORDS[lang]["none"]
    part = period.parts.get(key)
    if part is None:
        return WORDS[lang]["none"]
    if part.times == 1:
        return format_rupiah(part.amount, lang)
    return f"{format_rupiah(part.amount, lang)} × {part.times} = {format_rupiah(part.total, lang)}"


def limit_history(limit: Limit, lang: str) -> str:
    w = WORDS[lang]

    unit = UNITS[limit.unit][0 if lang == "id" else 1]
    rows = [f"| {w['period']} | {_cell(limit.label.get(lang))} | {w['basis']} |", "|---|---|---|"]
    for period in limit.periods:
        start, end = period.valid_from, period.valid_to
        if start and end:
            when = f"{format_date(start, lang)} {w['to']} {format_date(end, lang)}"
        elif start:
            when = f"{w['from']} {format_date(start, lang)}"
        elif end:
            when = f"{w['before']} {format_date(end + dt.timedelta(days=1), lang)}"
        else:
            when = w["always"]
        value = f"{period.value} {unit}" if period.value is not None else w["no_limit"]
        note = f"<br>{_cell(period.note.get(lang))}" if period.note else ""
        rows.append(f"| {when} | **{value}**{note} | [[{period.cite}]] |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    """Data as text inside a Markdown table cell (safe.text also escapes '|')."""
    return safe_text(text).replace("\n", " ")

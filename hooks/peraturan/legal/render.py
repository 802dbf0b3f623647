"""How a citation reads, in Indonesian and in English, and what its preview shows.

Indonesian follows the drafting convention: "Pasal 3 ayat (4) huruf b Perpres
36/2020". English follows common legal English: "Article 3(4)(b) of
Presidential Regulation No. 36 of 2020". The display text is always generated
from the parsed citation, never typed by an author.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..build import words
from ..build.dates import in_words
from ..build.safe import text as escape
from .citation import LEVELS, Ref, Span, unit_sort_key
from .model import Item, Provision, Version
from .resolver import Resolved, ResolvedCitation

LABELS = words.table("citation_labels")  # hooks/peraturan/build/words.yml


def label(lang: str, key: str) -> str:
    return LABELS[lang][key]


# ----------------------------------------------------------------------------- display text


def display(resolved: ResolvedCitation, lang: str) -> str:
    """The citation as a reader sees it. A pinned citation says which day's version it
    means, so a reader never takes a repealed wording for the law in force today."""
    citation = resolved.citation
    instrument = resolved.instrument
    if not citation.spans:
        text = instrument.cite_as if lang == "id" else instrument.name.en
    elif lang == "id":
        text = f"{_units_id(citation.spans)} {instrument.cite_as}"
    else:
        text = f"{_units_en(citation.spans)} of {instrument.name.en}"
    if resolved.pinned:
        text += f" ({label(lang, 'pinned')} {format_date(resolved.day, lang)})"
    return text


def _span_texts(spans: tuple[Span, ...], relative: Callable[[Ref, Ref | None], str], to: str) -> list[str]:
    """Each span as text, every unit written relative to the one before it."""
    pieces = []
    previous: Ref | None = None
    for span in spans:
        text = relative(span.start, previous)
        if span.end is not None:
            text += f" {to} " + relative(span.end, span.start)
        pieces.append(text)
        previous = span.end or span.start  # the parser reads the next unit against the last one written
    return pieces


def _units_id(spans: tuple[Span, ...]) -> str:
    return _join(_span_texts(spans, _relative_id, "sampai dengan"), "dan")


def _relative_id(ref: Ref, previous: Ref | None) -> str:
    parts = ref.parts()
    skip = _shared_prefix(ref, previous)
    return " ".join(_unit_id(level, value) for level, value in parts[skip:])


def _shared_prefix(ref: Ref, previous: Ref | None) -> int:
    """How many leading levels may be left out because the previous unit said them."""
    if previous is None:
        return 0
    parts, before = ref.parts(), previous.parts()
    shared = 0
    for (level, value), (b_level, b_value) in zip(parts, before, strict=False):
        if level != b_level or value != b_value:
            break
        shared += 1
    # A reader (and the parser) takes every level above the first one written from the unit
    # before, so "huruf a" after "Pasal 3 ayat (4) huruf b" means ayat (4): leave out only
    # what the unit before says the same way.
    shared = min(shared, len(parts) - 1)
    while shared and any(getattr(previous, level) != getattr(ref, level)
                         for level in LEVELS[:LEVELS.index(parts[shared][0])]):
        shared -= 1
    return shared


def _unit_id(level: str, value: str) -> str:
    return f"Pasal {value}" if level == "pasal" else f"ayat ({value})" if level == "ayat" else f"{level} {value}"


def _units_en(spans: tuple[Span, ...]) -> str:
    pasals = {span.start.pasal for span in spans} | {span.end.pasal for span in spans if span.end}
    many = len(pasals) > 1
    joined = _join(_span_texts(spans, _relative_en, "to"), "and", comma_before_last=False)
    return ("Articles " if many else "Article ") + joined


def _relative_en(ref: Ref, previous: Ref | None) -> str:
    skip = _shared_prefix(ref, previous)
    out = ""
    for index, (level, value) in enumerate(ref.parts()):
        if index < skip:
            continue
        if level == "pasal":
            out += value
        elif level == "angka" and not ref.ayat and not ref.huruf:
            out += f" point {value}"
        else:
            out += f"({value})"
    return out


def _join(pieces: list[str], word: str, comma_before_last: bool = True) -> str:
    if len(pieces) == 1:
        return pieces[0]
    if len(pieces) == 2:
        return f"{pieces[0]} {word} {pieces[1]}"
    sep = ", " if comma_before_last else " "
    return ", ".join(pieces[:-1]) + f"{sep}{word} {pieces[-1]}" if comma_before_last else \
        ", ".join(pieces[:-1]) + f" {word} {pieces[-1]}"


def ref_display(ref: Ref, lang: str) -> str:
    """A single unit without the instrument: 'Pasal 3 ayat (4)' / 'Article 3(4)'."""
    return ref.indonesian() if lang == "id" else "Article " + _relative_en(ref, None)


# ----------------------------------------------------------------------------- preview


def format_date(day: dt.date | None, lang: str) -> str:
    if day is None:
        return label(lang, "unknown")
    return in_words(day, lang)


def version_period(version: Version, lang: str) -> str:
    """'Berlaku sejak 8 Juli 2020 sampai sekarang'; an unknown start is said in words,
    never as 'sejak tidak diketahui'."""
    if version.valid_from is None:
        end = (f"{label(lang, 'until_day')} {format_date(version.valid_to, lang)}" if version.valid_to
               else label(lang, "still"))
        return f"{label(lang, 'start_unknown')}; {end}"
    end = format_date(version.valid_to, lang) if version.valid_to else label(lang, "now")
    return f"{label(lang, 'since')} {format_date(version.valid_from, lang)} {label(lang, 'until')} {end}"


def evidence_badge(evidence: str, lang: str) -> str:
    # "summary" is also the key of the "Our summary (not a quotation)" prefix.
    text = label(lang, "summary-evidence" if evidence == "summary" else evidence)
    return f'<span class="px-evidence px-evidence--{escape(evidence)}">{escape(text)}</span>'


def version_body(version: Version, lang: str, item: Item | None = None) -> str:
    """The wording of a version (or of one item in it) as HTML.

    Indonesian law text is always marked lang="id"; on English pages our
    translation follows, labelled unofficial (WCAG 3.1.2, Perpres 63/2019)."""
    parts = []
    if item is not None:
        parts.append(f'<p class="px-law" lang="id">{escape(item.key)}. {escape(item.text.id)}</p>')
        if lang == "en" and item.text.en:
            parts.append(_translation(f"{item.key}. {item.text.en}"))
        return "".join(parts)
    if version.text_id:
        parts.append(f'<blockquote class="px-law" lang="id">{_paragraphs(version.text_id)}</blockquote>')
        if lang == "en" and version.text_en:
            parts.append(_translation(version.text_en))
    elif version.summary:
        parts.append(f'<p class="px-summary"><em>{escape(label(lang, "summary"))}:</em> '
                     f'{escape(version.summary.get(lang))}</p>')
    return "".join(parts)


def item_list(items: dict[str, Item], lang: str,
              ident: Callable[[list[tuple[str, str]]], str] | None = None,
              path: list[tuple[str, str]] | None = None) -> str:
    """The huruf/angka of a provision as a nested list; ``ident`` gives each item's anchor
    (regulation pages) or None (previews, which must not repeat the page's ids)."""
    if not items:
        return ""
    lis = []
    for key in sorted(items, key=unit_sort_key):
        item = items[key]
        here = [*(path or []), ("huruf" if key.isalpha() else "angka", key)]
        id_attr = f' id="{ident(here)}"' if ident else ""
        en = f'<span class="px-translation" lang="en">{escape(item.text.en)}</span>' \
            if lang == "en" and item.text.en else ""
        child = item_list(item.items, lang, ident, here) if item.items else ""
        lis.append(f'<li{id_attr}><span class="px-item-key">{escape(key)}.</span> '
                   f'<span lang="id">{escape(item.text.id)}</span>{en}{child}</li>')
    return f'<ul class="px-items">{"".join(lis)}</ul>'


def _translation(text: str) -> str:
    return (f'<div class="px-translation" lang="en"><p class="px-translation__label">'
            f'{escape(LABELS["en"]["translation"])}</p>{_paragraphs(text)}</div>')


# A line of law text that starts with "- " is an entry of an unnumbered list (a definition in
# Pasal 1, as the source text lists them); shown as a list, not as a paragraph opening with "-".
LIST_MARK = "- "


def _paragraphs(text: str) -> str:
    """Each line a paragraph; runs of "- " lines one list."""
    out: list[str] = []
    entries: list[str] = []
    for line in (line.strip() for line in text.splitlines()):
        if line.startswith(LIST_MARK):  # (stripped, so something follows the mark)
            entries.append(f"<li>{escape(line.removeprefix(LIST_MARK).lstrip())}</li>")
            continue
        if entries:
            out.append(f'<ul class="px-law-list">{"".join(entries)}</ul>')
            entries = []
        if line:
            out.append(f"<p>{escape(line)}</p>")
    if entries:
        out.append(f'<ul class="px-law-list">{"".join(entries)}</ul>')
    return "".join(out)


def _has_list(text: str) -> bool:
    return any(line.strip().startswith(LIST_MARK) for line in text.splitlines())


def preview_html(unit: Resolved, lang: str, dom_id: str, href: str) -> str:
    """The hidden preview a citation shows on hover, focus or tap."""
    head = f"{escape(ref_display(unit.ref, lang)) if unit.ref else ''} {escape(unit.instrument.cite_as)}".strip()
    blocks = []
    provisions: tuple[Provision, ...] = unit.provisions
    for provision in provisions:
        version = unit.version if unit.version is not None else provision.version_at(unit.day)
        if version is None:
            continue
        title = ""
        if len(provisions) > 1 or unit.item is not None:
            title = f'<p class="px-preview__sub">{escape(ref_display(provision.ref, lang))}</p>'
        item = unit.item if len(provisions) == 1 else None
        # A whole ayat or Pasal shows its huruf too: they are usually the actual rules.
        items = item_list(version.items, lang) if item is None else item_list(item.items, lang)
        blocks.append(
            f"{title}{version_body(version, lang, item)}{items}"
            f'<p class="px-preview__meta">{evidence_badge(version.evidence, lang)} '
            f"{escape(version_period(version, lang))}</p>"
        )
    heading = provisions[0].heading.get(lang) if len(provisions) == 1 else ""
    return (
        f'<div class="px-preview" id="{escape(dom_id)}" data-href="{escape(href)}">'
        f'<p class="px-preview__title"><strong>{head}</strong>'
        f'{" — " + escape(heading) if heading else ""}</p>{"".join(blocks)}</div>'
    )


# ----------------------------------------------------------------------------- the law's wording in a page

BOX_WORDS = words.table("provision_block")  # hooks/peraturan/build/words.yml


def provision_box(resolved: ResolvedCitation, body: str, lang: str) -> str:
    """The ``px:provision`` block: one provision's wording (version in force or pinned) as
    Markdown, each huruf/angka cited on its own, under the version's evidence tag.

    The law's own words are not the reading flow: they sit in a collapsed "Bunyi pasal" /
    "Text of the article" box (a ``details`` element, styled like pymdownx.details' ``???``),
    one tap away; the page's prose says the same in plain words."""
    version = resolved.units[0].version
    box = BOX_WORDS[lang]
    pin = f" @{resolved.day.isoformat()}" if resolved.pinned else ""
    base = body.split("@")[0].strip()
    title = f"{box['box']}: {escape(display(resolved, lang))}"
    out = ['<details class="quote px-law-box" markdown>', f"<summary>{title}</summary>", "",
           '<div class="px-provision" markdown>', "", f"[[{body}]] {evidence_badge(version.evidence, lang)}", ""]
    if version.text_id:
        out.append(_law_lines(version.text_id, "px-law", "", ' lang="id"'))
        if lang == "en" and version.text_en:
            out.append(_law_lines(version.text_en, "px-translation", f'<em>{box["translation"]}:</em>', ""))
        out.append("")
    elif version.summary:
        out += [f"*{box['summary']}:* {escape(version.summary.get(lang))}", ""]
    out += _cited_items(version.items, base, pin, lang, [], 0)
    out += ["", "</div>", "", "</details>"]
    return "\n".join(out)


def _lines(text: str) -> str:
    return "<br>".join(escape(line.strip()) for line in text.splitlines() if line.strip())


def _law_lines(text: str, css: str, lead: str, attributes: str) -> str:
    """Law text in the provision box: its lines in one paragraph, or (when it holds a
    list) paragraphs and the list in one block."""
    if _has_list(text):
        head = f"<p>{lead}</p>" if lead else ""
        return f'<div class="{css}"{attributes}>{head}{_paragraphs(text)}</div>'
    return f'<p class="{css}"{attributes}>{lead + "<br>" if lead else ""}{_lines(text)}</p>'


def _cited_items(items: dict[str, Item], base: str, pin: str, lang: str, path: list[tuple[str, str]],
                 depth: int) -> list[str]:
    """The huruf/angka as a Markdown list, each followed by its own citation."""
    lines = []
    indent = "    " * depth
    for key in sorted(items, key=unit_sort_key):
        item = items[key]
        here = [*path, ("huruf" if key.isalpha() else "angka", key)]
        cite = base + "".join(f" {level} {value}" for level, value in here) + pin
        text = f'<span lang="id">{escape(item.text.id)}</span>'
        if lang == "en" and item.text.en:
            text += f' <span class="px-translation">({escape(item.text.en)})</span>'
        lines.append(f"{indent}- **{key}.** {text} [[{cite}]]")
        if item.items:
            lines += _cited_items(item.items, base, pin, lang, here, depth + 1)
    return lines

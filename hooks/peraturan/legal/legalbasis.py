"""Citations as small note marks, and the page's "Dasar hukum" / "Legal basis" list.

Written out in full, citations drowned the text they support (a fifth to a third
of an explainer page). So, in running text, each citation becomes a short note
mark (a small numbered chip, "3") that still opens the provision's preview
(cite-preview.js) and still links to the provision; citations that stand next to
each other (separated only by spaces, commas or semicolons) become one mark ("3, 4"). Screen readers hear
the full citation: it stays in the link as visually hidden text. The page then
ends with its legal-basis list: every citation of the page once, numbered in
order of first appearance in the open text, then those inside closed boxes
(so the marks a reader sees count up without gaps), in the full drafting form, linked to the regulation
page's anchor (so MkDocs validates every anchor as before).

A citation that opens a paragraph or list item is the sentence's subject or a
box's title ("Pasal 3 ayat (5) Perpres 36/2020 says …"), so it keeps its full
form in place (it is still numbered in the list). So do citations that are a
value, not running text: a table cell that holds only citations (a "Siapa
menetapkan" / "Who sets it" column, a column of regulations), and an element
of class ``px-cite-full`` (the amount cards' "Who sets it:" line, the
glossary's "Source:" line). A column of
note numbers, or "Who sets it: 4", would answer nothing. A page whose front matter says
``citations: full`` (the checker, where the exact huruf *is* the answer) keeps
every citation in full and gets no list.

Plain Python-Markdown (a tree processor over the elements the citation inline
processor made); no MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..build import words

STYLES = ("notes", "full")
WORDS = words.table("legal_basis")  # hooks/peraturan/build/words.yml
HEADING_ID = "dasar-hukum"
CITE_CLASS = "px-cite"
# What may stand between two citations for them to share one mark.
JOINER = re.compile(r"[\s,;]*")
BLOCKS_WITH_SUBJECT = {"p", "li"}
# Citations that are a value, not running text, stay in full (see the module's docstring).
CELLS = {"td", "th"}
FULL_CLASS = "px-cite-full"
VALUE_CLASS = "px-cite--value"  # such a citation itself: not running text (tests/citation_share.py)


def note_id(number: int) -> str:
    return f"{HEADING_ID}-{number}"


def _is_cite(element: etree.Element) -> bool:
    return element.tag == "a" and CITE_CLASS in (element.get("class") or "").split()


def _numbers(numbers: list[int]) -> str:
    """[3, 4, 5, 8] -> "3–5, 8": runs of three or more shown as a range."""
    out, run = [], [numbers[0]]
    for number in numbers[1:]:
        if number == run[-1] + 1:
            run.append(number)
            continue
        out.append(run)
        run = [number]
    out.append(run)
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in out)


CLOSING_PUNCTUATION = frozenset(".,;:!?)")


def _keep_punctuation_with(mark: etree.Element, tail: str | None) -> etree.Element:
    """The mark, with ``tail`` after it; punctuation that closes the sentence right after
    the mark is kept on the mark's line (a line that starts with '.' reads as a new
    sentence), inside a span that does not wrap."""
    if not tail or tail[0] not in CLOSING_PUNCTUATION:
        mark.tail = tail
        return mark
    wrap = etree.Element("span", {"class": "px-cite__keep"})
    wrap.append(mark)
    mark.tail = tail[0]
    wrap.tail = tail[1:]
    return wrap


def _in_closed_box(root: etree.Element):
    """A test: is an element inside a closed ``<details>`` box (and not in its
    always visible ``<summary>``)?"""
    parent_of = {child: parent for parent in root.iter() for child in parent}

    def closed(element: etree.Element) -> bool:
        child, node = None, element
        while node is not None:
            if node.tag == "details" and node.get("open") is None and (child is None or child.tag != "summary"):
                return True
            child, node = node, parent_of.get(node)
        return False

    return closed


class LegalBasisProcessor(Treeprocessor):
    """Turn the page's citation links into note marks and append the legal-basis list.

    ``context`` is the extension's CitationContext: ``style`` and ``lang`` of the page."""

    def __init__(self, md, context):
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        if getattr(self.context, "style", "notes") != "notes":
            return
        lang = self.context.lang if self.context.lang in WORDS else "id"
        numbers: dict[tuple[str, str], int] = {}
        entries: list[etree.Element] = []
        parents = [(parent, list(parent)) for parent in root.iter() if any(_is_cite(child) for child in parent)]
        grouped = [(parent, self._groups(parent, children)) for parent, children in parents]
        # Numbers follow what the reader sees: citations in the open text first,
        # then those inside closed boxes ("Bunyi pasal", notes), so the marks in
        # the reading flow count 1, 2, 3 without gaps.
        closed = _in_closed_box(root)
        for hidden in (False, True):
            for parent, groups in grouped:
                if closed(parent) != hidden:
                    continue
                for link in (link for group in groups for link in group):
                    key = (link.get("href", ""), link.text or "")
                    if key not in numbers:
                        numbers[key] = len(numbers) + 1
                        entries.append(link)
        values: list[etree.Element] = []
        for parent, groups in grouped:
            if self._holds_values(parent):
                values += [link for group in groups for link in group]
                continue
            for group in groups:
                if not self._is_subject(parent, group[0]):
                    self._mark(parent, group, [numbers[(g.get("href", ""), g.text or "")] for g in group], lang)
                elif len(group) > 1:
                    self._mark(parent, group[1:], [numbers[(g.get("href", ""), g.text or "")] for g in group[1:]],
                               lang)
        if entries:
            root.extend(self._list(entries, lang))
        for link in values:  # after the list copied the links: the list's entries are no values
            link.set("class", f"{link.get('class', '')} {VALUE_CLASS}".strip())

    @staticmethod
    def _groups(parent: etree.Element, children: list[etree.Element]) -> list[list[etree.Element]]:
        """Citations of one parent, neighbours (only spaces, commas, semicolons between) together."""
        groups: list[list[etree.Element]] = []
        previous = None
        for child in children:
            if not _is_cite(child):
                previous = None
                continue
            if previous is not None and JOINER.fullmatch(previous.tail or ""):
                groups[-1].append(child)
            else:
                groups.append([child])
            previous = child
        return groups

    @staticmethod
    def _holds_values(parent: etree.Element) -> bool:
        """The citations are ``parent``'s value: it is marked so, or it is a table cell that
        holds nothing but citations (and the spaces, commas or semicolons between them)."""
        if FULL_CLASS in (parent.get("class") or "").split():
            return True
        return (parent.tag in CELLS and not (parent.text or "").strip()
                and all(_is_cite(child) and JOINER.fullmatch(child.tail or "") for child in parent))

    @staticmethod
    def _is_subject(parent: etree.Element, link: etree.Element) -> bool:
        """The citation opens its paragraph or list item: it is named, not noted."""
        return (parent.tag in BLOCKS_WITH_SUBJECT and len(parent) > 0 and parent[0] is link
                and not (parent.text or "").strip())

    @staticmethod
    def _mark(parent: etree.Element, group: list[etree.Element], numbers: list[int], lang: str) -> None:
        """Replace ``group`` (neighbouring links in ``parent``) by one note mark."""
        first, last = group[0], group[-1]
        previews: list[str] = []
        for link in group:
            for ident in (link.get("data-px-preview") or "").split():
                if ident not in previews:
                    previews.append(ident)
        unique = sorted(set(numbers))
        mark = etree.Element("a", {"class": f"{CITE_CLASS} px-cite--mark", "href": first.get("href", "")})
        # Not in the search index: in a result's snippet the chip read "pelatihan 8 Dasar hukum:
        # Pasal 8 ayat (1) Perpres 36/2020. Pada 2020 ...". The page's legal-basis list and the
        # regulation pages still hold every citation for search.
        mark.set("data-search-exclude", "")
        if previews:
            mark.set("data-px-preview", " ".join(previews))
        mark.set("data-px-notes", " ".join(note_id(n) for n in unique))
        if any(link.get("data-px-pinned") for link in group):
            mark.set("data-px-pinned", next(link.get("data-px-pinned") for link in group if link.get("data-px-pinned")))
        shown = etree.SubElement(mark, "span", {"class": "px-cite__n"})
        shown.text = AtomicString(_numbers(unique))  # the chip's border marks it as a note: no brackets
        full = etree.SubElement(mark, "span", {"class": "px-vh"})
        full.text = AtomicString(f" {WORDS[lang]['mark']}: " + "; ".join(link.text or "" for link in group))
        index = list(parent).index(first)
        for link in group:
            parent.remove(link)
        parent.insert(index, _keep_punctuation_with(mark, last.tail))

    @staticmethod
    def _list(entries: list[etree.Element], lang: str) -> list[etree.Element]:
        heading = etree.Element("h2", {"id": HEADING_ID, "class": "px-basis__heading"})
        heading.text = WORDS[lang]["heading"]
        listing = etree.Element("ol", {"class": "px-basis"})
        for number, link in enumerate(entries, 1):
            item = etree.SubElement(listing, "li", {"id": note_id(number)})
            copy = etree.SubElement(item, "a", dict(link.attrib))
            copy.text = AtomicString(link.text or "")
        return [heading, listing]


__all__ = ["FULL_CLASS", "HEADING_ID", "LegalBasisProcessor", "STYLES", "VALUE_CLASS", "WORDS", "note_id"]

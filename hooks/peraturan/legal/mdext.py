"""Python-Markdown extension that renders ``[[...]]`` citations as links.

It depends on Python-Markdown only (no MkDocs), so any generator built on
Python-Markdown can reuse it. The inline processor runs after backticks and
escapes (so code and ``\\[[`` are never touched) and before links; its text is
an AtomicString so no later pattern (emphasis, symbols) rewrites "3(4)(c)".

Links point at the generated regulation page as a relative ``.md`` path, so
the site generator validates and rewrites them like any other link.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from ..build.diagnostics import Diagnostic
from .citation import CITATION_RE
from .cite import cite
from .legalbasis import LegalBasisProcessor
from .model import Registry
from .regpages import version_anchor
from .render import display, preview_html
from .resolver import Resolved, ResolvedCitation


@dataclass
class CitationContext:
    """What the extension needs to know about the build and the current page."""

    registry: Registry
    as_of: dt.date
    folder: str  # the site's regulations folder (profile.regulations_folder)
    page_rel: str = "index.md"  # the page's path inside its language folder
    lang: str = "id"
    style: str = "notes"  # "notes": note marks + legal-basis list (legalbasis.py); "full": every citation in full
    cited: dict[str, Resolved] = field(default_factory=dict)  # dom id -> unit, for this page
    failed: dict[str, Diagnostic] = field(default_factory=dict)  # body -> why it is no link, for this page
    preview_cache: dict[tuple[str, str], str] = field(default_factory=dict)  # (dom id, lang) -> HTML
    link_cache: dict[tuple[str, str, str], tuple[str, dict[str, str], list[tuple[str, Resolved]]] | None] = field(
        default_factory=dict)  # (body, lang, page folder) -> link parts

    def start_page(self, page_rel: str, lang: str, style: str = "notes") -> None:
        self.page_rel, self.lang, self.style, self.cited, self.failed = page_rel, lang, style, {}, {}

    def link(self, body: str) -> tuple[str, dict[str, str], list[tuple[str, Resolved]]] | None:
        """Text, attributes and previewed units of the link for one citation body.

        The citation is resolved through the one citation path (``cite.py``, whose cache the
        corpus check filled); the link parts are cached per language and page folder (the
        only inputs besides the body), because a site cites the same provisions again and
        again. A body that does not resolve gives None and is kept in ``failed`` with its
        diagnostic, which the page check after rendering reports at its source line."""
        key = (body, self.lang, posixpath.dirname(self.page_rel))
        if key in self.link_cache:
            if self.link_cache[key] is None:
                self.failed[body] = cite(body, self.registry, self.as_of)  # a cache hit: the diagnostic again
            return self.link_cache[key]
        resolved = cite(body, self.registry, self.as_of)
        if isinstance(resolved, Diagnostic):
            self.failed[body] = resolved
            self.link_cache[key] = None
            return None
        attributes = {"class": "px-cite"}
        units = [(dom_id(unit), unit) for unit in resolved.units]
        attributes["href"] = self.href(resolved.units[0] if units else _whole(resolved))
        if units:
            attributes["data-px-preview"] = " ".join(ident for ident, _ in units)
        if resolved.pinned:
            attributes["data-px-pinned"] = resolved.day.isoformat()
        result = (display(resolved, self.lang), attributes, units)
        self.link_cache[key] = result
        return result

    def href(self, unit: Resolved) -> str:
        target = f"{self.folder}/{unit.instrument.id}.md"
        relative = posixpath.relpath(target, posixpath.dirname(self.page_rel) or ".")
        return f"{relative}#{self.anchor(unit)}" if unit.ref else relative

    def anchor(self, unit: Resolved) -> str:
        """The item's anchor in the current version; a historic version's own anchor when pinned."""
        assert unit.ref is not None
        if unit.version is not None and len(unit.provisions) == 1:
            provision = unit.provisions[0]
            if provision.version_at(self.as_of) is not unit.version:
                return version_anchor(provision, unit.version)
        return unit.ref.anchor()

    def previews_html(self) -> str:
        """Hidden preview blocks for every provision cited on the page."""
        if not self.cited:
            return ""
        blocks = "".join(self._preview(dom_id, unit) for dom_id, unit in self.cited.items())
        # <aside>, not <div>: Material's search parser compares elements by tag name only,
        # so the first </div> inside a data-search-exclude <div> would end the exclusion
        # and put every preview's text into the page's search entry. No preview contains
        # an <aside> (tests/test_citations_build.py checks the search index).
        return f'<aside class="px-previews" hidden data-search-exclude>{blocks}</aside>'

    def _preview(self, dom_id: str, unit: Resolved) -> str:
        """A provision's preview is the same on every page that cites it: render it once."""
        key = (dom_id, self.lang)
        html = self.preview_cache.get(key)
        if html is None:
            html = self.preview_cache[key] = preview_html(unit, self.lang, dom_id, "")
        return html


def dom_id(unit: Resolved) -> str:
    pin = unit.day.isoformat()
    return "pv-" + re.sub(r"[^a-z0-9]+", "-", f"{unit.key}-{pin}".lower()).strip("-")


class CitationProcessor(InlineProcessor):
    def __init__(self, context: CitationContext, md: Markdown):
        super().__init__(CITATION_RE.pattern, md)
        self.context = context

    def handleMatch(self, m: re.Match, data: str):  # noqa: N802 - Python-Markdown API
        link = self.context.link(m.group("body"))
        if link is None:
            # Left as text: the check after rendering (leftover.py) reports it at its source
            # line with the diagnostic kept in context.failed (only a citation the pre-build
            # check never saw, e.g. from an include, gets here).
            return None, None, None
        text, attributes, units = link
        element = etree.Element("a", attributes)
        element.text = AtomicString(text)
        for ident, unit in units:
            self.context.cited.setdefault(ident, unit)
        return element, m.start(0), m.end(0)


def _whole(resolved: ResolvedCitation) -> Resolved:
    return Resolved(resolved.instrument, None, (), None, None, resolved.day)


class CitationExtension(Extension):
    """Register one instance per build; the hook updates ``context`` per page."""

    def __init__(self, context: CitationContext, **kwargs):
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown API
        # 175: after escape (180) and backticks (190), before reference (170) and link (160).
        md.inlinePatterns.register(CitationProcessor(self.context, md), "px_citation", 175)
        # 9: after the inline pass (20) made the links, before attr_list (8), abbr (7), toc (5, which
        # then lists the "Dasar hukum" heading) and MkDocs' anchor check (5) and link rewriting (0).
        md.treeprocessors.register(LegalBasisProcessor(md, self.context), "px_legal_basis", 9)


def previews_for(context: CitationContext) -> str:
    return context.previews_html()


__all__ = ["CitationContext", "CitationExtension", "dom_id", "escape"]

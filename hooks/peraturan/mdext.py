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

from .citation import CITATION_RE, CitationSyntaxError, parse
from .registry import Registry
from .regpages import version_anchor
from .render import display, preview_html
from .resolver import Resolved, ResolvedCitation, ResolveError, resolve


@dataclass
class CitationContext:
    """What the extension needs to know about the build and the current page."""

    registry: Registry
    as_of: dt.date
    folder: str = "regulasi"
    page_rel: str = "index.md"  # the page's path inside its language folder
    lang: str = "id"
    cited: dict[str, Resolved] = field(default_factory=dict)  # dom id -> unit, for this page
    cache: dict[str, ResolvedCitation] = field(default_factory=dict)

    def start_page(self, page_rel: str, lang: str) -> None:
        self.page_rel, self.lang, self.cited = page_rel, lang, {}

    def resolve(self, body: str) -> ResolvedCitation:
        hit = self.cache.get(body)
        if hit is None:
            hit = resolve(parse(body), self.registry, self.as_of)
            self.cache[body] = hit
        return hit

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
        blocks = "".join(preview_html(unit, self.lang, dom_id, "") for dom_id, unit in self.cited.items())
        # <aside>, not <div>: Material's search parser compares elements by tag name only,
        # so the first </div> inside a data-search-exclude <div> would end the exclusion
        # and put every preview's text into the page's search entry. No preview contains
        # an <aside> (tests/test_citations_build.py checks the search index).
        return f'<aside class="px-previews" hidden data-search-exclude>{blocks}</aside>'


def dom_id(unit: Resolved) -> str:
    pin = unit.day.isoformat()
    return "pv-" + re.sub(r"[^a-z0-9]+", "-", f"{unit.key}-{pin}".lower()).strip("-")


class CitationProcessor(InlineProcessor):
    def __init__(self, context: CitationContext, md: Markdown):
        super().__init__(CITATION_RE.pattern, md)
        self.context = context

    def handleMatch(self, m: re.Match, data: str):  # noqa: N802 - Python-Markdown API
        try:
            resolved = self.context.resolve(m.group("body"))
        except (CitationSyntaxError, ResolveError):
            # The pre-build check reports these with path:line:col and stops the
            # build; leave the text untouched if rendering is ever reached.
            return None, None, None
        text = display(resolved, self.context.lang)
        link = etree.Element("a")
        link.set("class", "px-cite")
        link.text = AtomicString(text)
        if resolved.units:
            first = resolved.units[0]
            link.set("href", self.context.href(first))
            ids = []
            for unit in resolved.units:
                ident = dom_id(unit)
                self.context.cited.setdefault(ident, unit)
                ids.append(ident)
            link.set("data-px-preview", " ".join(ids))
        else:
            link.set("href", self.context.href(_whole(resolved)))
        if resolved.pinned:
            link.set("data-px-pinned", resolved.day.isoformat())
        return link, m.start(0), m.end(0)


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


def previews_for(context: CitationContext) -> str:
    return context.previews_html()


__all__ = ["CitationContext", "CitationExtension", "dom_id", "escape"]

"""Turn every link that leaves the site into a printed address plus a QR code.

Why: a kiosk visitor cannot follow an outside link (the kiosk has no network,
and must never show a stranger's web page to the next visitor), but they can
scan a code with their own phone. So, in the kiosk build only, each
``<a href="https://…">`` (and ``http:``, ``tel:``, ``mailto:`` or any other
scheme) is replaced:

- inside the page's article (the running text), by the link's own text and a
  numbered note mark; the page ends with one "Sumber" / "Sources" section that
  holds each address once, numbered, as a QR block. A QR card in the middle of
  a sentence broke the sentence, and the same code appeared up to three times;
- elsewhere (the data statement in the footer, previews), by a
  ``<span class="px-qr">`` block right there: the link's own text, an inline
  SVG QR code made at build time, and the address printed in full.

This module only rewrites HTML text; it does not know MkDocs. ``hooks/kiosk.py``
calls :func:`rewrite_outside_links` on every finished page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import segno

from peraturan.build import words
from peraturan.build.dates import MONTHS  # the one month table

# Schemes that stay inside the page or the browser: never rewritten.
_LOCAL_SCHEMES = frozenset({"", "javascript", "data", "blob", "file", "about"})

# Words shown to the visitor, per page language. Indonesian is the fallback.
WORDS = words.table("kiosk_links")  # hooks/peraturan/build/words.yml

# Where the running text ends: notes go before the citation previews Material's article
# ends with (hooks/citations.py puts them there), or before the article's end.
_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
_ARTICLE_END = re.compile(r'<aside class="px-previews"|</article>')


def is_outside(href: str) -> bool:
    """True when following ``href`` would leave the site (any URL scheme, or ``//host``)."""
    href = href.strip()
    if href.startswith("//"):
        return True
    scheme = urlsplit(href).scheme.lower()
    # A Windows drive letter ("C:/…") parses as a one-letter scheme; it is a local path.
    return len(scheme) > 1 and scheme not in _LOCAL_SCHEMES


def printed_form(href: str) -> str:
    """The address as a person would type or read it: ``tel:``/``mailto:`` drop their scheme."""
    href = href.strip()
    scheme, _, rest = href.partition(":")
    if scheme.lower() in ("tel", "mailto", "sms"):
        return rest
    if href.startswith("//"):
        return "https:" + href
    return href


def qr_target(href: str) -> str:
    """What the QR code encodes: the full URL, so a phone opens, dials or mails it directly."""
    href = href.strip()
    return "https:" + href if href.startswith("//") else href


@lru_cache(maxsize=1024)
def _qr_body(target: str) -> str:
    """The SVG for one address, without its accessible name (cached: the same
    official source is linked from many pages). Dark on white with the standard
    four-module quiet zone, so it scans on a dark screen theme too."""
    qr = segno.make(target, error="m", micro=False)
    return qr.svg_inline(dark="#000", light="#fff", border=4, omitsize=True, svgclass="px-qr__code", lineclass=None)


def qr_svg(target: str, label: str) -> str:
    """Inline SVG QR code, announced to screen readers as an image named ``label``."""
    body = _qr_body(target)
    name = html.escape(label, quote=True)
    # role="img" + aria-label give the code a name in every browser; <title> does too, in SVG's own way.
    return body.replace("<svg ", f'<svg role="img" aria-label="{name}" ', 1).replace(
        ">", f"><title>{name}</title>", 1
    )


def qr_block(href: str, inner_html: str, lang: str, keep: dict[str, str] | None = None) -> str:
    """The markup that replaces one outside link.

    ``inner_html`` is the link's own content (kept as is, it is already HTML).
    ``keep`` holds attributes worth carrying over (``id`` so anchors still land,
    ``lang`` so a foreign-language title is read correctly).
    """
    words = WORDS.get(lang, WORDS["id"])
    printed = printed_form(href)
    target = qr_target(href)
    attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in (keep or {}).items())
    label_text = re.sub(r"<[^>]+>", "", inner_html).strip()
    parts = [f'<span class="px-qr" data-px-qr="{html.escape(target, quote=True)}"{attrs}>']
    if label_text and html.unescape(label_text) not in (printed, target):
        parts.append(f'<span class="px-qr__label">{inner_html}</span>')
    parts.append(qr_svg(target, words["qr"].format(url=printed)))
    parts.append(f'<span class="px-qr__url">{html.escape(printed)}</span>')
    parts.append(f'<span class="px-qr__hint" aria-hidden="true">{html.escape(words["scan"])}</span>')
    parts.append("</span>")
    return "".join(parts)


@dataclass
class _Link:
    start: int  # offset of "<a"
    inner_start: int  # offset just after the start tag's ">"
    attrs: dict[str, str]
    end: int = -1  # offset just after "</a>"
    inner_end: int = -1  # offset of "</a"


@dataclass
class RewriteResult:
    html: str
    rewritten: int = 0
    # Outside links the rewriter could not replace safely (no closing </a>); the hook fails the build on these.
    problems: list[str] = field(default_factory=list)


class _LinkFinder(HTMLParser):
    """Finds each ``<a>`` element's exact span in the source text.

    HTMLParser already treats ``<script>`` and ``<style>`` bodies as raw text,
    so JSON-LD or JavaScript that merely mentions "<a href" is left alone.
    """

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0]
        for match in re.finditer("\n", text):
            self.line_starts.append(match.end())
        self.open: _Link | None = None
        self.links: list[_Link] = []
        self.unclosed: list[_Link] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag != "a":
            return
        start = self._offset()
        source = self.get_starttag_text() or ""
        if self.open is not None:  # <a> inside <a> is invalid HTML: the first one never closed
            self.unclosed.append(self.open)
        self.open = _Link(start, start + len(source), {k: v or "" for k, v in attrs})

    def handle_startendtag(self, tag, attrs):
        if tag == "a":  # "<a href=… />" is not self-closing in HTML; treat as a start tag
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag != "a" or self.open is None:
            return
        at = self._offset()
        close = self.text.index(">", at) + 1
        self.open.inner_end, self.open.end = at, close
        self.links.append(self.open)
        self.open = None

    def close(self):
        super().close()
        if self.open is not None:
            self.unclosed.append(self.open)
            self.open = None


def note_ref(inner_html: str, number: int, lang: str, keep: dict[str, str] | None = None) -> str:
    """The link's own text, then a small mark ("QR 2") that jumps to its source at the page's end.
    "QR" keeps it apart from the citation marks, which are plain numbers."""
    words = WORDS.get(lang, WORDS["id"])
    attrs = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in (keep or {}).items())
    name = html.escape(words["note"].format(n=number), quote=True)
    return (f'<span class="px-noted"{attrs}>{inner_html}</span><sup class="px-note">'
            f'<a class="px-note__ref" href="#px-sumber-{number}" aria-label="{name}">QR&nbsp;{number}</a></sup>')


def sources_section(sources: list[tuple[str, str]], lang: str) -> str:
    """The page's outside addresses, each once, numbered like their marks, each with its QR block."""
    words = WORDS.get(lang, WORDS["id"])
    items = "".join(f'<li id="px-sumber-{number}">{qr_block(href, inner, lang)}</li>'
                    for number, (href, inner) in enumerate(sources, 1))
    return (f'<section class="px-kiosk-sources" aria-labelledby="px-sumber">'
            f'<h2 id="px-sumber">{html.escape(words["sources"])}</h2>'
            f'<p>{html.escape(words["sources_intro"])}</p>'
            f'<ol class="px-kiosk-sources__list">{items}</ol></section>')


def _running_text(page_html: str) -> tuple[int, int] | None:
    """Offsets of the article's running text, or None when the page has no article."""
    start = _ARTICLE.search(page_html)
    if start is None:
        return None
    end = _ARTICLE_END.search(page_html, start.end())
    return (start.end(), end.start()) if end else None


def rewrite_outside_links(page_html: str, lang: str = "id", notes: bool = True) -> RewriteResult:
    """Replace every outside ``<a href>`` in ``page_html``: a numbered note inside the
    article (with the page's sources section), a QR block elsewhere (see the module docstring).
    ``notes=False`` makes every link a QR block in place."""
    finder = _LinkFinder(page_html)
    finder.feed(page_html)
    finder.close()
    result = RewriteResult(page_html)
    for link in finder.unclosed:
        href = link.attrs.get("href")
        if href is not None and is_outside(href):
            line = page_html.count("\n", 0, link.start) + 1
            result.problems.append(f"line {line}: outside link to {href!r} has no closing </a>")
    text = _running_text(page_html) if notes else None
    numbers: dict[str, int] = {}
    sources: list[tuple[str, str]] = []
    edits: list[tuple[int, int, str]] = []
    for link in finder.links:
        href = link.attrs.get("href")
        if href is None or not is_outside(href):
            continue
        keep = {name: link.attrs[name] for name in ("id", "lang") if link.attrs.get(name)}
        inner = page_html[link.inner_start:link.inner_end]
        if text and text[0] <= link.start < text[1]:
            target = qr_target(href)
            if target not in numbers:
                numbers[target] = len(numbers) + 1
                sources.append((href, inner))
            edits.append((link.start, link.end, note_ref(inner, numbers[target], lang, keep)))
        else:
            edits.append((link.start, link.end, qr_block(href, inner, lang, keep)))
        result.rewritten += 1
    if sources:
        edits.append((text[1], text[1], sources_section(sources, lang)))
    if edits:
        pieces: list[str] = []
        cursor = 0
        for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1])):
            pieces += [page_html[cursor:start], replacement]
            cursor = end
        pieces.append(page_html[cursor:])
        result.html = "".join(pieces)
    return result


def outside_links(page_html: str) -> list[str]:
    """Every outside ``href`` of an ``<a>`` still in ``page_html`` (for checks and tests)."""
    finder = _LinkFinder(page_html)
    finder.feed(page_html)
    finder.close()
    return [link.attrs["href"] for link in [*finder.links, *finder.unclosed]
            if "href" in link.attrs and is_outside(link.attrs["href"])]


def long_date(day: dt.date, lang: str) -> str:
    """``23 November 2026`` in the page language (the kiosk's data statement)."""
    months = MONTHS.get(lang, MONTHS["id"])
    return f"{day.day} {months[day.month - 1]} {day.year}"

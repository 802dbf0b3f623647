"""Turn every link that leaves the site into a printed address plus a QR code.

Why: a kiosk visitor cannot follow an outside link (the kiosk has no network,
and must never show a stranger's web page to the next visitor), but they can
scan a code with their own phone. So, in the kiosk build only, each
``<a href="https://…">`` (and ``http:``, ``tel:``, ``mailto:`` or any other
scheme) is replaced by a ``<span class="px-qr">`` holding the link's own text,
an inline SVG QR code made at build time, and the address printed in full.

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

# Schemes that stay inside the page or the browser: never rewritten.
_LOCAL_SCHEMES = frozenset({"", "javascript", "data", "blob", "file", "about"})

# Words shown to the visitor, per page language. Indonesian is the fallback.
WORDS = {
    "id": {"qr": "Kode QR untuk {url}", "scan": "Pindai dengan ponsel Anda"},
    "en": {"qr": "QR code for {url}", "scan": "Scan with your phone"},
}

MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


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


def rewrite_outside_links(page_html: str, lang: str = "id") -> RewriteResult:
    """Replace every outside ``<a href>`` in ``page_html`` by a QR block (see :func:`qr_block`)."""
    finder = _LinkFinder(page_html)
    finder.feed(page_html)
    finder.close()
    result = RewriteResult(page_html)
    for link in finder.unclosed:
        href = link.attrs.get("href")
        if href is not None and is_outside(href):
            line = page_html.count("\n", 0, link.start) + 1
            result.problems.append(f"line {line}: outside link to {href!r} has no closing </a>")
    pieces: list[str] = []
    cursor = 0
    for link in finder.links:
        href = link.attrs.get("href")
        if href is None or not is_outside(href):
            continue
        keep = {name: link.attrs[name] for name in ("id", "lang") if link.attrs.get(name)}
        pieces.append(page_html[cursor:link.start])
        pieces.append(qr_block(href, page_html[link.inner_start:link.inner_end], lang, keep))
        cursor = link.end
        result.rewritten += 1
    if result.rewritten:
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

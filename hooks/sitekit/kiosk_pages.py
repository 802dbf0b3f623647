"""Kiosk-only finishing of built pages: abbreviations spelled out once, and the 404
pages made to work from ``file://``.

Abbreviations. On the public site an abbreviation shows its expansion on hover
or focus (Material's tooltips). A kiosk has no hover, so ``kiosk.css`` prints
the expansion after the abbreviation; printed every time, "Kemnaker
(Kementerian Ketenagakerjaan)" filled whole lines, and where the text already
said "Kementerian Ketenagakerjaan (Kemnaker)" the reader got the words twice in
a row. :func:`mark_first_abbreviations` marks, per page, only the first
``<abbr>`` of each abbreviation in the article with ``px-abbr-full`` (the class
``kiosk.css`` prints), and not even that one when the expansion stands right
before it in the text. One that stands alone in brackets also gets
``px-abbr-full--bracketed``, printed after a colon instead of in another pair of
brackets. What is printed is ``data-px-spelled``: the expansion with its own
bracketed translation after a comma ("Perpres (Peraturan Presiden, Presidential
Regulation)", not "Perpres (Peraturan Presiden (Presidential Regulation))").

404 pages. MkDocs renders a 404 page with root-absolute addresses
(``/assets/...``) so a web server can show it at any depth; from ``file://``
those point at the disk's root and the page loads without styles or scripts.
:func:`relative_root_links` rewrites them relative to the page's own folder.

Plain string work; does not import MkDocs.
"""

from __future__ import annotations

import html
import re

_ARTICLE = re.compile(r'<article\b[^>]*class="[^"]*\bmd-content__inner\b[^"]*"[^>]*>')
# The running text ends where the citation previews (hidden until asked for) begin.
_ARTICLE_END = re.compile(r'<aside class="px-previews"|</article>')
_ABBR = re.compile(r'<abbr(?P<attrs>\s[^>]*?)?\stitle="(?P<title>[^"]*)"(?P<rest>[^>]*)>(?P<text>.*?)</abbr>', re.S)
_TAG = re.compile(r"<[^>]+>")
# How much text before an abbreviation counts as "right before it".
NEARBY = 80


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split()).casefold()


def mark_first_abbreviations(page_html: str) -> str:
    """Give the first ``<abbr>`` of each abbreviation in the article the class ``px-abbr-full``."""
    article = _ARTICLE.search(page_html)
    if article is None or "<abbr" not in page_html:
        return page_html
    seen: set[str] = set()

    def first(match: re.Match[str]) -> str:
        word = _plain(match.group("text"))
        if word in seen:
            return match.group(0)
        seen.add(word)
        title = html.unescape(match.group("title"))
        before = _plain(text[max(0, match.start() - 4 * NEARBY):match.start()])[-NEARBY:]
        if title.casefold() in before:
            return match.group(0)  # "Kementerian Ketenagakerjaan (Kemnaker)": already spelled out
        attrs = match.group("attrs") or ""
        # Alone in brackets, "(PHK)" would read "(PHK (Pemutusan Hubungan Kerja (...)))":
        # kiosk.css then prints "(PHK: Pemutusan Hubungan Kerja (...))" instead.
        bracketed = text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")"
        kind = "px-abbr-full px-abbr-full--bracketed" if bracketed else "px-abbr-full"
        spelled = html.escape(spelled_out(title), quote=True)
        return f'<abbr class="{kind}"{attrs} title="{match.group("title")}" data-px-spelled="{spelled}"' \
               f'{match.group("rest")}>{match.group("text")}</abbr>'

    end = _ARTICLE_END.search(page_html, article.end())
    stop = end.start() if end else len(page_html)
    text = page_html[article.end():stop]
    return page_html[:article.end()] + _ABBR.sub(first, text) + page_html[stop:]


def spelled_out(title: str) -> str:
    """An expansion as printed in brackets on the kiosk: a translation it ends with in
    brackets of its own follows a comma instead ("Badan Pusat Statistik (Statistics
    Indonesia)" -> "Badan Pusat Statistik, Statistics Indonesia")."""
    title = title.strip()
    opening = title.rfind(" (")
    if title.endswith(")") and opening > 0 and "(" not in title[opening + 2:-1] and ")" not in title[opening + 2:-1]:
        return f"{title[:opening]}, {title[opening + 2:-1]}"
    return title


_ROOT_ABSOLUTE = re.compile(r'(?P<attr>\s(?:href|src)=")/(?!/)')
_CONFIG_BASE = re.compile(r'("base":\s*")/(")')
_CONFIG_PATH = re.compile(r'("(?:search|worker)":\s*")/(?!/)')


def relative_root_links(page_html: str, depth: int) -> str:
    """Addresses that start at the site root (``/x``) made relative to a page ``depth`` folders deep."""
    prefix = "../" * depth
    page_html = _ROOT_ABSOLUTE.sub(lambda m: m.group("attr") + prefix, page_html)
    page_html = _CONFIG_BASE.sub(lambda m: m.group(1) + (prefix.rstrip("/") or ".") + m.group(2), page_html)
    return _CONFIG_PATH.sub(lambda m: m.group(1) + prefix, page_html)

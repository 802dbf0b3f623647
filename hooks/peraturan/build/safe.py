"""Safe output: every string from data reaches HTML as text.

The security model (see dev/ARCHITECTURE.md): YAML and front matter are written
by editors, and an editor's mistake or a hostile pull request must never put a
live script, event handler or ``javascript:`` link into a published page.

- ``text()`` is the one escaping function. Its result is plain text both in raw
  HTML and in Markdown (the generated blocks mix the two), so it escapes the
  HTML characters and the Markdown characters that make links, attributes
  (``{ onclick=… }``), code, emphasis, tables and snippets.
- ``markdown()`` is for the few data fields written as Markdown (notes, the
  checker's help texts): raw HTML and attribute lists become text; links stay,
  and ``SafeLinks`` (registered for every page) drops any link target whose
  scheme is not http, https or mailto, and every ``on*`` attribute.
- ``url_problem()`` checks a URL field when it is loaded, so a bad address is a
  located error instead of a dropped link.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as etree
from html import escape

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

# Markdown characters that can start a link, attribute list, code span,
# emphasis, table cell or critic mark; as numeric references they stay text.
_MARKDOWN_CHARS = {ord(c): f"&#{ord(c)};" for c in "[]{}\\`*_|"}
SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = ("Cc", "Cf", "Zs", "Zl", "Zp")
_URL_ATTRS = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data")


def text(value: object) -> str:
    """Data as text, in HTML (also attribute values) and in Markdown alike."""
    return escape(str(value), quote=True).translate(_MARKDOWN_CHARS)


def markdown(value: object) -> str:
    """Data written as Markdown: links and emphasis work, raw HTML and ``{…}`` do not.

    Unsafe link targets are dropped after rendering by ``SafeLinks``."""
    return escape(str(value), quote=False).replace("{", "&#123;").replace("}", "&#125;")


def url_scheme(url: str) -> str | None:
    """The scheme of a URL in lower case, ignoring the whitespace and control
    characters browsers ignore; ``None`` for a relative address."""
    colon = url.find(":")
    if colon < 0:  # no scheme without a colon (and cleaning removes none)
        return None
    # Only what comes before the first colon can be a scheme: clean just that.
    cleaned = "".join(ch for ch in url[: colon + 1] if not (ch.isspace() or unicodedata.category(ch) == "Cc"))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def safe_url(url: str) -> bool:
    """http, https, mailto or a relative address (also ``#anchor``)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def url_problem(url: object, *, absolute: bool = True) -> str:
    """Why a URL field is not acceptable, or an empty string when it is."""
    if not isinstance(url, str) or not url.strip():
        return "must be an address (text)"
    if url != url.strip() or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") for ch in url):
        return f"{visible(url)!r} contains spaces or invisible characters"
    scheme = url_scheme(url)
    if absolute and scheme not in ("http", "https"):
        return f"{visible(url)!r} must start with https:// or http://"
    if not absolute and not safe_url(url):
        return f"{visible(url)!r} uses the scheme '{scheme}:'; only http:, https:, mailto: or a relative address"
    return ""


def visible(value: str) -> str:
    """Invisible and control characters written as ``<U+200B>``, so an error
    message never shows two identical-looking names."""
    return "".join(f"<U+{ord(ch):04X}>" if ch not in " \n" and unicodedata.category(ch) in _INVISIBLE else ch
                   for ch in value)


class SafeLinks(Treeprocessor):
    """After every other tree step: no ``on*`` attribute, no unsafe link target."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name in list(element.attrib):
                lowered = name.lower()
                if lowered.startswith("on"):
                    del element.attrib[name]
                elif lowered in _URL_ATTRS and not safe_url(element.attrib[name]):
                    del element.attrib[name]
                    element.tag = "span"  # the link text stays, as text (MkDocs needs every <a> to have href)
            if element.tag == "script":  # cannot come from Markdown syntax; refuse it anyway
                element.tag, element.text = "span", ""


class SafeLinksExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # priority 1: after attr_list (8), toc (5) and the inline patterns (20)
        md.treeprocessors.register(SafeLinks(md), "px_safe_links", 1)

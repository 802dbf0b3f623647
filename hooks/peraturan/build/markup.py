"""A page's tags without Python's HTML parser, split the way that parser splits them.

Why: two build checks read every page's tags (``legal/leftover.py``: no link inside a
link; ``sitekit/csp.py``: no inline handler or ``javascript:`` URL), and the parser is
most of their cost. One left-to-right pass finds what the parser would: the doctype,
comments (ended by "--" and ">" as the parser ends them), script and style elements
(their bodies are text, ended by "</ script >" as the parser ends them), end tags and
start tags. Anything else that starts with "<" (a "<" inside a value, an unbalanced
quote, an unclosed comment or script, "<!x>", "a < b") makes :func:`split` answer None,
and the caller asks the parser instead. Differential tests in ``tests/test_csp.py`` and
``tests/test_leftover_brackets.py`` hold each caller to the parser's answer.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import re

# (The pattern starts with one literal "<", so the regex engine jumps from "<" to "<".)
_MARKUP_RE = re.compile(
    r"""<(?:!--.*?--\s*>|!doctype[^<>]*>"""
    r"""|(?P<raw>(?P<name>script|style)(?=[\t\n\r\f />])[^<>"']*(?:(?:"[^"<]*"|'[^'<]*')[^<>"']*)*>)"""
    r""".*?</\s*(?P=name)\s*>"""
    r"""|(?P<end>/[a-zA-Z][^<>]*>)"""
    r"""|(?P<start>(?!(?:script|style)(?:[\t\n\r\f />]|$))[a-zA-Z][^<>"']*(?:(?:"[^"<]*"|'[^'<]*')[^<>"']*)*>)"""
    r"""|(?P<odd>))""",
    re.S | re.I)
# A tag's name as the parser reads it (html.parser's tagfind_tolerant), lower-cased.
_NAME_RE = re.compile(r"</?([a-zA-Z][^\t\n\r\f />\x00]*)")


def split(html: str) -> list[tuple[bool, str]] | None:
    """Every tag in document order as (is a start tag, its text), script and style
    start tags included and their bodies left out; None when the page holds markup
    this pass does not recognise."""
    tags: list[tuple[bool, str]] = []
    for token in _MARKUP_RE.finditer(html):
        kind = token.lastgroup  # start, raw, end or odd; None for a comment or the doctype
        if kind == "odd":
            return None
        if kind is not None:
            tags.append((kind != "end", "<" + token.group(kind)))
    return tags


def name(tag: str) -> str:
    """``<A href=x>`` and ``</a x>`` -> ``a``."""
    return _NAME_RE.match(tag).group(1).lower()

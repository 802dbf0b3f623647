"""Data tables that become stacked rows on a phone.

Why: a table of three or more columns needs more than the 328 px a 360 px phone
leaves for text, so it either squeezes words into one-word lines or scrolls
sideways inside its box. On narrow screens ``content.css`` shows each row as a
card and each cell under its column's name; the column names come from here:
every ``<td>`` of a table with a header row of at least ``MIN_COLUMNS`` columns
gets ``data-label="<column name>"`` and the table gets ``data-px-stack``.

Why the roles: browsers drop a table's semantics once CSS gives its parts
``display: block``, so a screen reader on a phone would hear loose text. Each
part of a stacked table therefore states its role (``table``, ``rowgroup``,
``row``, ``columnheader``, ``rowheader``, ``cell``), which keeps it a table
with its column headers in every layout (tests/test_phone.py checks it with axe
and the accessibility tree).

Plain string work over the HTML that Python-Markdown's ``tables`` extension
writes (tables there never nest). Does not import MkDocs.
"""

from __future__ import annotations

import html
import re

MIN_COLUMNS = 3

_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.S)
_HEAD = re.compile(r"<thead[^>]*>(?P<head>.*?)</thead>", re.S)
_TH = re.compile(r"<th(?:\s[^>]*)?>(?P<text>.*?)</th>", re.S)
_ROW = re.compile(r"<tr(?:\s[^>]*)?>(?P<row>.*?)</tr>", re.S)
_TD = re.compile(r"<td(?=[\s>])")
# Opening tags of a table's parts, for their ARIA roles (an existing role is kept).
_PART = re.compile(r"<(?P<tag>thead|tbody|tfoot|tr|th|td)(?P<attrs>(?:\s[^>]*)?)>")
_ROLES = {"thead": "rowgroup", "tbody": "rowgroup", "tfoot": "rowgroup", "tr": "row", "td": "cell"}
_TAG = re.compile(r"<[^>]+>")


def _label(cell_html: str) -> str:
    text = " ".join(html.unescape(_TAG.sub("", cell_html)).split())
    return html.escape(text, quote=True)


def _label_row(match: re.Match[str], labels: list[str]) -> str:
    row = match.group(0)
    count = iter(range(len(labels)))

    def cell(_: re.Match[str]) -> str:
        index = next(count, None)
        if index is None or not labels[index]:
            return "<td"
        return f'<td data-label="{labels[index]}"'

    return _TD.sub(cell, row)


def _stack(match: re.Match[str]) -> str:
    attrs, body = match.group("attrs"), match.group("body")
    head = _HEAD.search(body)
    if head is None or "data-px-stack" in attrs:
        return match.group(0)
    labels = [_label(th.group("text")) for th in _TH.finditer(head.group("head"))]
    if len(labels) < MIN_COLUMNS:
        return match.group(0)
    rest = _ROW.sub(lambda row: _label_row(row, labels), body[head.end():])
    role = "" if "role=" in attrs else ' role="table"'
    return f"<table{attrs}{role} data-px-stack>{_with_roles(body[:head.end()], True)}{_with_roles(rest, False)}</table>"


def _with_roles(part: str, in_head: bool) -> str:
    def tag(match: re.Match[str]) -> str:
        name, attrs = match.group("tag"), match.group("attrs")
        if "role=" in attrs:
            return match.group(0)
        if name == "th":
            role = "columnheader" if in_head or 'scope="col"' in attrs else "rowheader"
        else:
            role = _ROLES[name]
        return f'<{name}{attrs} role="{role}">'

    return _PART.sub(tag, part)


def stack_tables(page_html: str) -> str:
    """Mark every table of ``MIN_COLUMNS`` or more columns for the stacked phone layout."""
    if "<table" not in page_html:
        return page_html
    return _TABLE.sub(_stack, page_html)

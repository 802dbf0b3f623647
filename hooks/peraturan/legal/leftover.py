"""After Markdown: no citation may be left half-done in a page's HTML.

The page pass checks citations in the source files, but some never reach it or
never become links: a citation inside a ``pymdownx.snippets`` include, nested
``[[ [[…]] ]]`` or unterminated ``[[`` brackets, a citation split over two lines,
text from data. So the finished HTML is read once more: any ``[[`` left in text
outside code is an error, and so is a citation inside a link's text (an ``<a>``
in an ``<a>``). Each is reported at the source line it most likely came from.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..build import markup
from ..build.diagnostics import Diagnostic
from ..build.scan import prose_lines
from .citation import CITATION_RE

_CODE = {"code", "pre", "script", "style", "kbd", "samp", "textarea"}
_LINK_WITH_CITATION = re.compile(r"\[[^\[\]]*\[\[")


def _may_nest_links(html: str) -> bool:
    """True unless the page certainly has no ``<a>`` inside an ``<a>``: the fast path,
    the link tags alone, as ``build.markup`` splits the page; a page it cannot split
    may nest (the parser decides)."""
    tags = markup.split(html)
    if tags is None:
        return True
    depth = 0
    for start, text in tags:
        if text[1 if start else 2] not in "aA" or markup.name(text) != "a":  # (the first test is the cheap one)
            continue
        if not start:
            depth = max(depth - 1, 0)
        else:  # (even "<a/>" counts as open: whether the parser closes it depends on its attributes)
            depth += 1
            if depth > 1:
                return True
    return False


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.code = 0
        self.links = 0
        self.text: list[str] = []  # text outside code; "\0" where code or a link was
        self.nested: list[str] = []  # text of the citation links found inside links

    @property
    def leftover(self) -> list[str]:
        """The text after each "[[" outside code (an element in between does not split it)."""
        joined = "".join(self.text)
        return [joined[m.end(): m.end() + 40].split("\0")[0] for m in re.finditer(r"\[\[", joined)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CODE:
            self.code += 1
            self.text.append("\0")
        elif tag == "a":
            classes = (dict(attrs).get("class") or "").split()
            if self.links and "px-cite" in classes:
                self.nested.append("")
            self.links += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _CODE and self.code:
            self.code -= 1
        elif tag == "a" and self.links:
            self.links -= 1

    def handle_data(self, data: str) -> None:
        if self.nested and self.nested[-1] == "" and self.links > 1:
            self.nested[-1] = data.strip()
        if not self.code:
            self.text.append(data)


def check_html(html: str, source: str, label: str, failed: dict[str, Diagnostic] | None = None) -> list[Diagnostic]:
    """Problems in one page's rendered HTML, located in its Markdown ``source``. ``failed``
    (body -> diagnostic) says why a whole citation the extension met did not become a link."""
    if "[[" not in html and ("px-cite" not in html or not _may_nest_links(html)):
        return []
    reader = _Reader()
    reader.feed(html)
    reader.close()
    leftovers = reader.leftover
    if not leftovers and not reader.nested:
        return []
    lines = list(prose_lines(source))
    problems = []
    used: set[int] = set()
    for after in leftovers:
        line, col, escaped = _find(lines, after, used)
        if escaped:
            continue
        shown = ("[[" + after).split("\n")[0].strip()
        where = "; it comes from an include or a generated block" if line == 1 and col == 1 else ""
        reason = (failed or {}).get(after.split("]]")[0]) if "]]" in after.split("\n")[0] else None
        if reason is not None:  # a well-formed citation that does not resolve
            problems.append(Diagnostic(label, line, col, reason.message, reason.suggestion + where))
            continue
        problems.append(Diagnostic(
            label, line, col, f"'{shown}' is not a citation: '[[' is left in the page",
            "close it with ]] on the same line, do not nest [[ ]], write \\[[ for literal brackets" + where))
    for text in reader.nested:
        line, col = next(((n, m.start() + 1) for n, t in lines for m in [_LINK_WITH_CITATION.search(t)] if m),
                         (1, 1))
        problems.append(Diagnostic(label, line, col, f"a citation ({text}) inside a link's text",
                                   "put the citation after the link, not inside [ ]"))
    return problems


def _find(lines: list[tuple[int, str]], after: str, used: set[int]) -> tuple[int, int, bool]:
    """(line, col, escaped) of the source ``[[`` whose following text matches ``after``."""
    probe = after.split("\n")[0][:12]
    fallback = None
    for number, text in lines:
        start = text.find("[[")
        while start >= 0:
            escaped = start > 0 and text[start - 1] == "\\"
            key = number * 10_000 + start
            if not escaped and CITATION_RE.match(text, start):
                start = text.find("[[", start + 2)  # a whole citation: it became a link
                continue
            if key not in used and (not probe or text[start + 2:].startswith(probe)):
                used.add(key)
                return number, start + 1, escaped
            if fallback is None and key not in used and not escaped:
                fallback = (number, start + 1, False)
            start = text.find("[[", start + 2)
    return fallback or (1, 1, False)

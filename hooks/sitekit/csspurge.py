"""Remove the CSS rules a built site can never use (plain Python, no MkDocs).

Material's main stylesheet styles every feature it offers (blog, tabs, code
annotations, Mermaid, 40 admonition icons ...); a page loads all of it. This
module keeps a selector only if each class it names outside parentheses
appears somewhere the site can produce it:

- a ``class`` attribute in any built HTML page, or
- a word in any JavaScript file of the site (Material's bundle and our
  scripts build their HTML from string literals), including prefixes such as
  ``"md-source__fact--"`` that scripts complete at run time.

It is deliberately conservative: selectors are never judged on elements, ids,
attributes or pseudo-classes; classes inside ``:not(...)``, ``:is(...)`` and
other parentheses are ignored (so such selectors are kept); at-rules other than
``@media``/``@supports`` are kept whole; a selector with a backslash escape is
kept. Custom properties (``--md-...``) that nothing references any more are
then dropped, which removes most of Material's inline SVG icons. Rules for a
text direction no page is written in (``[dir=rtl]`` on a left-to-right site)
go too, and so do selectors that name an element (``kbd``, ``sub``) that no
page holds and no script names in any word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")
WORD = re.compile(r"[-_a-zA-Z][-_a-zA-Z0-9]*")
CLASS_ATTRIBUTE = re.compile(r"""class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
DIR_ATTRIBUTE = re.compile(r"""\bdir\s*=\s*["']?(ltr|rtl|auto)\b""", re.IGNORECASE)
# The same without the leading \b, which keeps the regex engine from skipping
# ahead to "dir" (4x slower on a page); dir_values checks the boundary instead.
_DIR_VALUE = re.compile(r"""dir\s*=\s*["']?(ltr|rtl|auto)\b""", re.IGNORECASE)


def starts_a_word(text: str, index: int) -> bool:
    """What a leading ``\\b`` asks before a word character: nothing word-like just before
    ``index``. (A pattern that opens with ``\\b`` is tried at every position; checking
    its matches afterwards is faster.)"""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] == "_")


def dir_values(html: str) -> set[str]:
    """``{d.lower() for d in DIR_ATTRIBUTE.findall(html)}``, faster."""
    return {match.group(1).lower() for match in _DIR_VALUE.finditer(html) if starts_a_word(html, match.start())}
DIR_SELECTOR = re.compile(r"""\[dir=["']?(ltr|rtl|auto)["']?\]""", re.IGNORECASE)
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
# A type selector: a name at the start of a compound selector (after a combinator).
TYPE_IN_SELECTOR = re.compile(r"(?:^|[\s>+~,])([a-zA-Z][a-zA-Z0-9-]*)")
VAR_USE = re.compile(r"var\(\s*(--[-_a-zA-Z0-9]+)")
GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container")


def classes_in_html(html: str) -> set[str]:
    found: set[str] = set()
    for double, single, bare in CLASS_ATTRIBUTE.findall(html):
        found.update((double or single or bare).split())
    return found


def words_in_script(script: str) -> set[str]:
    return set(WORD.findall(script))


def joined_words(text: str) -> set[str]:
    """The words of ``text`` that hold a "-" or "_" (class names, ids, custom properties)."""
    return {word for word in words_in_script(text) if "-" in word or "_" in word}


# Families of classes Material's bundle creates without any existing element of
# that family: tooltips (content.tooltips) and the focus-visible polyfill.
ALWAYS_CREATED = {"tooltip", "tooltip2", "focus", "js"}
CREATED_CLASS = re.compile(r"""class(?:Name)?\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)""")
TOGGLED_CLASS = re.compile(r"""classList\.(?:add|remove|toggle|contains|replace)\(\s*(?:"([^"]*)"|'([^']*)')""")


def family(name: str) -> str:
    """``md-search-result__item`` -> ``search``; ``tabbed-button`` -> ``tabbed``."""
    bare = name[3:] if name.startswith("md-") else name
    return re.split(r"[-_]", bare, maxsplit=1)[0]


def classes_created_by(script: str) -> tuple[set[str], set[str]]:
    """Class names a minified script writes onto elements, and the prefixes of
    those it completes at run time (template literals)."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for match in [*CREATED_CLASS.finditer(script), *TOGGLED_CLASS.finditer(script)]:
        value = next((group for group in match.groups() if group is not None), "")
        static, _, _ = value.partition("${")
        words = static.split(" ")
        if "${" in value and words and words[-1]:
            prefixes.add(words.pop())
        names |= {w for w in words if WORD.fullmatch(w)}
    return names, prefixes


COLOR_ATTRIBUTE = re.compile(r"""data-md-color-(scheme|primary|accent)=["']([^"']*)["']""")
COLOR_SELECTOR = re.compile(r"""\[data-md-color-(scheme|primary|accent)=["']?([-\w]+)["']?\]""")
# Material's palette switch (theme.palette as a list) sets colours at run time.
PALETTE_SWITCH = "__palette"


class KnownClasses:
    """Every class name the site can put on an element."""

    def __init__(self, names: Iterable[str], prefixes: Iterable[str] = (),
                 colors: dict[str, set[str]] | None = None, directions: Iterable[str] | None = None,
                 elements: Iterable[str] | None = None):
        self.names = set(names)
        self.prefixes = tuple(sorted({p for p in prefixes if len(p) >= 4}))
        # data-md-color-* values the pages use; None means "any" (a palette switch can change them).
        self.colors = colors
        # dir="..." values the pages use; None means "any".
        self.directions = None if directions is None else {d.lower() for d in directions}
        # Element names pages hold or scripts may create; None means "any".
        self.elements = None if elements is None else {e.lower() for e in elements}

    @classmethod
    def from_sources(cls, html_pages: Iterable[str], scripts: Iterable[str],
                     framework_scripts: Iterable[str] = ()) -> KnownClasses:
        """The same as :meth:`from_usage` for pages given as text."""
        usage = PageUsage()
        for html in html_pages:
            usage.add(html)
        return cls.from_usage(usage, scripts, framework_scripts)

    @classmethod
    def from_usage(cls, usage: PageUsage, scripts: Iterable[str],
                   framework_scripts: Iterable[str] = ()) -> KnownClasses:
        """``usage``: what the built pages use. ``scripts`` (ours, readable):
        every word counts as a possible class. ``framework_scripts`` (Material's
        minified bundle, which carries code for every feature): only classes it
        puts on elements it creates or toggles, and only for component families
        that exist in the built HTML (a tooltip or "focus-visible" needs no
        existing family)."""
        names = usage.classes | usage.words
        prefixes: set[str] = set()
        for script in scripts:
            words = words_in_script(script)
            names |= words
            prefixes |= {w for w in words if w.endswith(("-", "_")) and w[0].isalpha()}
        families = {family(name) for name in usage.classes} | ALWAYS_CREATED
        for script in framework_scripts:
            created, created_prefixes = classes_created_by(script)
            names |= {name for name in created if family(name) in families}
            prefixes |= {prefix for prefix in created_prefixes if family(prefix) in families}
        colors = None if usage.colors is None else {k: set(v) for k, v in usage.colors.items()}
        # No script of the site sets dir (Material's bundle does not either), so
        # the pages' own dir attributes are every direction text can take.
        directions = usage.directions | {w.lower() for s in scripts for w in DIR_ATTRIBUTE.findall(s)}
        # An element counts if a page holds it or any script names it in any word
        # (createElement("x"), Material's h("x", ...), "<x>" in a string).
        elements = set(usage.elements)
        for script in [*scripts, *framework_scripts]:
            elements |= {w.lower() for w in WORD.findall(script)}
        return cls(names, prefixes, colors, directions, elements)

    def __contains__(self, name: str) -> bool:
        return name in self.names or name.startswith(self.prefixes)


class PageUsage:
    """What the built pages use, gathered one page at a time as each is written.

    Only sets are kept, never the pages, so memory stays small however many
    pages the site has, and each page is scanned once (see ``sitekit.trim``).
    """

    def __init__(self, watched: Iterable[str] = ()):
        self.classes: set[str] = set()   # class attribute values
        self.words: set[str] = set()     # words with - or _ (inline scripts, attributes written by templates)
        self.colors: dict[str, set[str]] | None = {}  # data-md-color-* values; None: a palette switch sets any
        self.variables: set[str] = set()  # custom properties read with var(--x) (inline styles)
        self.directions: set[str] = set()  # dir attribute values (ltr, rtl, auto)
        self.elements: set[str] = set()    # element names
        self.watched = tuple(watched)    # names of files that are dropped unless some page mentions them
        self.mentioned: set[str] = set()
        self.pages = 0

    def add(self, html: str) -> None:
        self.pages += 1
        self.classes |= classes_in_html(html)
        self.words |= joined_words(html)
        self.variables |= set(VAR_USE.findall(html))
        self.directions |= dir_values(html)
        self.elements |= {t.lower() for t in TAG.findall(html)}
        if self.colors is not None and PALETTE_SWITCH in html:
            self.colors = None
        if self.colors is not None:
            for attribute, value in COLOR_ATTRIBUTE.findall(html):
                self.colors.setdefault(attribute, set()).add(value)
        self.mentioned |= {name for name in self.watched if name in html}



# ---- a small tokenizer for minified CSS -------------------------------------------------------------

def _skip_string(text: str, i: int) -> int:
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _find_block_end(text: str, start: int) -> int:
    """Index just after the ``}`` matching the ``{`` at ``start``."""
    depth = 0
    i = start
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unbalanced braces in CSS")


def split_top_level(text: str, separator: str) -> list[str]:
    """Split on ``separator`` outside strings, parentheses and brackets."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


def iter_rules(css: str):
    """Yield (prelude, body) for each top-level rule; body excludes the braces.
    Comments and stray text between rules are dropped; ``@import``/``@charset``
    statements come back with body None."""
    i = 0
    while i < len(css):
        if css[i].isspace():
            i += 1
            continue
        if css.startswith("/*", i):
            i = css.index("*/", i) + 2
            continue
        j = i
        while j < len(css) and css[j] not in "{;":
            if css[j] in "\"'":
                j = _skip_string(css, j)
                continue
            j += 1
        if j >= len(css):
            break
        if css[j] == ";":
            yield css[i:j].strip(), None
            i = j + 1
            continue
        end = _find_block_end(css, j)
        yield css[i:j].strip(), css[j + 1:end - 1]
        i = end


def _outside_parentheses(selector: str) -> str:
    depth, kept = 0, []
    for char in selector:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def selector_is_used(selector: str, known: KnownClasses) -> bool:
    if "\\" in selector:
        return True
    top = _outside_parentheses(selector)
    if known.colors is not None:
        for attribute, value in COLOR_SELECTOR.findall(top):
            if value not in known.colors.get(attribute, set()):
                return False
    if known.directions is not None and "auto" not in known.directions:
        if any(d.lower() not in known.directions for d in DIR_SELECTOR.findall(top)):
            return False
    flat = re.sub(r"\[[^\]]*\]", "", top)
    if known.elements is not None:
        if any(t.lower() not in known.elements for t in TYPE_IN_SELECTOR.findall(flat)):
            return False
    return all(name in known for name in CLASS_IN_SELECTOR.findall(flat))


def _edit_style_rules(css: str, edit) -> str:
    """``css`` rebuilt with each style rule replaced by ``edit(prelude, body)`` (text,
    or "" to drop it); grouping at-rules are walked into and go when left empty,
    other at-rules stay as written."""
    out = []
    for prelude, body in iter_rules(css):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith("@"):
            if prelude.lower().startswith(GROUPING_AT_RULES):
                inner = _edit_style_rules(body, edit)
                if inner:
                    out.append(prelude + "{" + inner + "}")
            else:
                out.append(prelude + "{" + body + "}")
        else:
            out.append(edit(prelude, body))
    return "".join(out)


def purge_rules(css: str, known: KnownClasses) -> str:
    def used_selectors(prelude: str, body: str) -> str:
        selectors = [s for s in split_top_level(prelude, ",") if selector_is_used(s.strip(), known)]
        return ",".join(selectors) + "{" + body + "}" if selectors else ""

    return _edit_style_rules(css, used_selectors)


def _declarations(css: str):
    """Yield every declaration string of every style rule (recursing into groups)."""
    for prelude, body in iter_rules(css):
        if body is None:
            continue
        if prelude.startswith("@"):
            if prelude.lower().startswith(GROUPING_AT_RULES):
                yield from _declarations(body)
            continue
        yield from split_top_level(body, ";")


def drop_unused_custom_properties(css: str, other_sources: Iterable[str] = (), used: Iterable[str] = ()) -> str:
    """Remove ``--x: ...`` declarations that nothing reads with ``var(--x)``:
    neither the stylesheet itself, nor ``other_sources`` (texts), nor ``used`` (names)."""
    read = set(used)
    for source in other_sources:
        read |= set(VAR_USE.findall(source))
    while True:
        declared = set()
        used_here = set(read)
        for declaration in _declarations(css):
            name, _, value = declaration.partition(":")
            name = name.strip()
            if name.startswith("--"):
                declared.add(name)
            used_here |= set(VAR_USE.findall(value))
        unused = declared - used_here
        if not unused:
            return css
        css = _rewrite_declarations(css, unused)


def _rewrite_declarations(css: str, unused: set[str]) -> str:
    def kept_declarations(prelude: str, body: str) -> str:
        kept = [d for d in split_top_level(body, ";") if d.partition(":")[0].strip() not in unused and d.strip()]
        return prelude + "{" + ";".join(kept) + "}" if kept else ""

    return _edit_style_rules(css, kept_declarations)


def purge(css: str, known: KnownClasses, other_sources: Iterable[str] = (), used: Iterable[str] = ()) -> str:
    """The stylesheet without rules the site cannot use and without unread custom
    properties (``used``: names read elsewhere, e.g. by the pages' inline styles)."""
    return drop_unused_custom_properties(purge_rules(css, known), other_sources, used)


def minify(css: str) -> str:
    """Comments and layout whitespace out; nothing else changes (strings kept as written)."""
    out: list[str] = []
    i = 0
    while i < len(css):
        char = css[i]
        if char in "\"'":
            end = _skip_string(css, i)
            out.append(css[i:end])
            i = end
            continue
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            i = len(css) if end < 0 else end + 2
            continue
        if char.isspace():
            while i < len(css) and css[i].isspace():
                i += 1
            previous = out[-1][-1:] if out else ""
            following = css[i:i + 1]
            if previous and following and previous not in "{};," and following not in "{};,":
                out.append(" ")
            continue
        out.append(char)
        i += 1
    return "".join(out).replace(";}", "}").strip()

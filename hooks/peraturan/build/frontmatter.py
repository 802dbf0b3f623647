"""A page's YAML front matter, read strictly.

MkDocs silently renders front matter with a YAML error as body text, and copies
``title:`` raw into the page's ``<title>``, the nav and other pages' "Dikutip
di" lists. So the page pass reads it here first: a YAML error, a title that is
not plain text or a citation in a title becomes an error at its line.
"""

from __future__ import annotations

import re
from typing import Any

from .diagnostics import EngineError
from .safe import visible
from .scan import front_matter_lines
from .yamlsource import Located, parse_yaml

_TITLE_MARKUP = re.compile(r"[<>{}`]|\[\[|\]\(|\\")


def read(text: str) -> tuple[dict[str, Any], list[tuple[int, int, str, str]]]:
    """(front matter, problems as (line, col, message, suggestion)); lines count in the file."""
    if not text.startswith("---") or text.split("\n", 1)[0].strip() != "---":
        return {}, []
    skip = front_matter_lines(text)
    if not skip:
        return {}, [(1, 1, "front matter opens with '---' but never closes", "end it with a line '---'")]
    source = "\n".join(text.split("\n")[1: skip - 1])
    try:
        data = parse_yaml(source, "", first_line=2)
    except EngineError as error:
        found = error.diagnostics[0]
        return {}, [(found.line, found.col, found.message.replace("invalid YAML", "invalid front matter YAML"),
                     found.suggestion)]
    if data is None:
        return {}, []
    if not isinstance(data, Located):
        return {}, [(2, 1, "front matter must be 'key: value' lines", f"got {type(data).__name__}")]
    problems = []
    title = data.get("title")
    if "title" in data:
        line, col = data.where("title")
        if not isinstance(title, str) or not title.strip():
            problems.append((line + 1, col, "title must be text", f"got {title!r}"))
        elif "[[" in title:
            problems.append((line + 1, col, f"a citation in the title {visible(title)!r}",
                             "titles are plain text; cite in the first paragraph instead"))
        elif _TITLE_MARKUP.search(title) or visible(title) != title:
            problems.append((line + 1, col, f"title {visible(title)!r} must be plain text",
                             "no HTML, Markdown links, braces, backticks or invisible characters"))
    return data, problems

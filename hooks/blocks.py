"""MkDocs adapter for generated blocks (``<!-- px:NAME -->`` markers in pages).

Block renderers live in plain modules under ``hooks/peraturan``; importing them
here registers them. Errors from every page are collected and reported at the
end of the page pass, all at once.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build import blocks
from peraturan.build.diagnostics import EngineError
from peraturan.build.scan import front_matter_lines
from peraturan.state import current


def on_pre_build(config):
    """MkDocs ``on_pre_build``: each language's page pass reports its own block problems."""
    current().block_problems.clear()


@event_priority(50)  # before the citation hook notes the page and before Markdown renders
def on_page_markdown(markdown, page, config, files):
    lang, _, rel = page.file.src_uri.partition("/")
    if not blocks.has_markers(markdown):
        return markdown  # most pages: no need to read the file again for its front matter
    try:
        first_line = front_matter_lines(page.file.content_string) + 1
        return blocks.expand(markdown, lang, rel, f"docs/{page.file.src_uri}", first_line, current())
    except EngineError as error:
        current().block_problems.extend(d.format() for d in error.diagnostics)
        return markdown


def on_env(env, config, files):
    """MkDocs ``on_env`` (after the page pass): every block problem of every page at once."""
    problems = current().block_problems
    if problems:
        raise PluginError(f"{len(problems)} block problem(s):\n" + "\n".join(problems))
    return env

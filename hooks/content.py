"""MkDocs adapter for the explainer's own content tools (``hooks/peraturan``).

Event by event:

- ``on_config`` (after ``citations.py`` loaded the registry): load and check
  ``data/`` (amounts, limits, authority map, bibliography) and the abbreviation
  lists in ``includes/``. Importing ``peraturan.explainer.pages`` (which uses ``content_blocks``) registers the
  block renderers before ``blocks.py`` expands any page.
- ``on_pre_build``: the claim lint, the term lint (one name per concept,
  ``data/terms.yml``), source references ``[@key]`` and inline values of every
  hand-written page, and the term lint over the data files; all problems at
  once with path:line:col.
- ``on_page_markdown`` (priority 40, after ``blocks.py`` at 50): expand
  ``[@key]`` and inline ``<!-- px:value -->`` markers, and append the page
  language's abbreviation list (snippets include) for the hover glossary.
- ``on_page_content``: tables of three or more columns get each cell's column
  name, so ``content.css`` can show them as stacked rows on a phone
  (``sitekit.stacked_tables``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build.diagnostics import EngineError
from peraturan.explainer import data, glossary, pages, sitedata
from peraturan.state import current, nested
from sitekit import stacked_tables


@event_priority(0)  # after citations.on_config (10), which loads the registry
def on_config(config):
    """MkDocs ``on_config``: load and check the site's data into the build's state."""
    shared = current()
    context = shared.citation_context
    if shared.registry is None or context is None:
        raise PluginError("hooks/content.py must be listed after hooks/citations.py")
    root = Path(config.config_file_path).parent
    try:
        used = data.used_data(Path(config.docs_dir))
        shared.site_data = data.load(root, shared.registry, context.as_of, used)
    except EngineError as error:
        raise PluginError(f"{len(error.diagnostics)} problem(s) in the site data:\n" + error.report()) from None
    # The notice banner says the as-of date in words, like the text ("1 Oktober 2025").
    config.extra["as_of_text"] = {lang: sitedata.format_date(context.as_of, lang) for lang in shared.languages}
    # The abbreviations of this build's language, as the abbr extension's glossary: static-i18n
    # runs on_config for each language's build, so each gets its own list.
    i18n = config.plugins.get("i18n")
    # (static-i18n sets theme.language after this hook: it names the build's language already)
    lang = getattr(i18n, "current_language", None) or shared.languages[0]
    if lang in shared.site_data.abbreviations and "abbr" in config.markdown_extensions:
        config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.as_glossary(
            shared.site_data.abbreviations[lang])
    return config


def on_pre_build(config):
    """MkDocs ``on_pre_build``: every hand-written page and the data's terms checked, all problems at once.
    Once per build: the check reads every language's pages, so static-i18n's nested build of
    the other language (which runs this event again) has nothing new to check."""
    if nested(config):
        return
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    try:
        label = docs_dir.relative_to(root).as_posix()
    except ValueError:
        label = docs_dir.as_posix()
    problems = pages.check_pages(docs_dir, list(current().languages), current(), label,
                                 (current().profile.regulations_folder,))
    problems += pages.check_data_terms(root, current())
    if problems:
        raise PluginError(f"{len(problems)} content problem(s):\n" + "\n".join(p.format() for p in problems))


@event_priority(40)  # after blocks.py (50) expanded generated blocks
def on_page_markdown(markdown, page, config, files):
    """MkDocs ``on_page_markdown``: source references and inline values."""
    lang, _, rel = page.file.src_uri.partition("/")
    return pages.expand_inline(markdown, lang, rel, current())


def on_page_content(html, page, config, files):
    return stacked_tables.stack_tables(html)

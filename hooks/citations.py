"""MkDocs adapter for the citation engine (``hooks/peraturan``).

Event by event:

- ``on_config``: start the build's state (``peraturan.state``: one typed object every
  hook shares; a nested language build of static-i18n continues it); read the site's
  profile (``extra.peraturan``: instrument types, regulations folder, checker name) and
  its interface words
  (``data/words.yml`` over the engine's ``words.yml``); load and validate
  ``regulations/``; register the Markdown extension; put the regulation pages
  into the nav.
- ``on_pre_build``: scan every page's citations (path:line:col errors, all at
  once), check citation parity between languages, and write the generated
  regulation pages (write-if-changed).
- ``on_page_markdown`` / ``on_page_content``: tell the extension which page it
  renders, then keep that page's hidden citation previews;
- ``on_post_page``: insert them at the end of the page's article (after search
  has indexed the content, so the law's text is not indexed on every page).
- ``on_post_build``: write ``/api/regulations.json`` once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan import state
from peraturan.build import siteconfig, words
from peraturan.build.dates import iso_date
from peraturan.build.diagnostics import EngineError
from peraturan.build.profile import default_profile
from peraturan.build.safe import SafeLinksExtension
from peraturan.legal import corpus, export, leftover, regpages
from peraturan.legal.legalbasis import STYLES
from peraturan.legal.loader import load_registry
from peraturan.legal.mdext import CitationContext, CitationExtension
from peraturan.legal.render import format_date

INPUT_FOLDERS = ("data", "rules", "includes")  # besides docs/ and regulations/
WORDS_FILE = "data/words.yml"  # optional: the site's own interface words (peraturan/build/words.py)


def _as_of(config) -> dt.date:
    value = config.extra.get("as_of")
    day = iso_date(value)
    if day is None:
        raise PluginError(f"mkdocs.yml: extra.as_of must be a date YYYY-MM-DD, got {value!r}")
    return day


def _languages(config) -> list[str]:
    """The site's languages, the default one (served at the root) first; without
    static-i18n, the theme's one language."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme.get("language") or "en"]
    languages = list(i18n.config.languages)
    return [lang.locale for lang in sorted(languages, key=lambda lang: not lang.default)]


def _project_root(config) -> Path:
    return Path(config.config_file_path).parent


def _fingerprint(paths) -> tuple:
    """Cheap identity of a set of files, to reuse work between static-i18n's
    per-language builds (and across mkdocs serve rebuilds when nothing changed)."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths))


@event_priority(10)  # before static-i18n (-100) reads the nav; the first of our hooks' on_config
def on_config(config):
    """MkDocs ``on_config``: a new build's state; profile, words and registry; the extension; the nav."""
    shared = state.current() if state.nested(config) else state.begin()
    root = _project_root(config)
    config_file = Path(config.config_file_path)
    try:
        profile = siteconfig.site_profile(config_file)
    except EngineError:
        profile = default_profile()  # check_files reports the bad setting with its line
    folder = profile.regulations_folder
    shared.languages = tuple(_languages(config))
    problems = siteconfig.check_files(config_file, Path(config.docs_dir), list(shared.languages), folder)
    if problems:
        raise PluginError("Invalid site configuration:\n" + "\n".join(d.format() for d in problems))
    fingerprint = (_fingerprint((root / "regulations").glob("*.yml")), profile.instrument_types)
    if shared.registry is not None and shared.registry_fingerprint == fingerprint:
        registry = shared.registry
    else:
        try:
            registry = load_registry(root / "regulations", "regulations", profile.instrument_types)
        except EngineError as error:
            raise PluginError("Invalid regulation registry:\n" + error.report()) from None
        shared.registry_fingerprint = fingerprint
    as_of = _as_of(config)
    shared.profile, shared.as_of = profile, as_of
    try:  # the engine's interface words (hooks/peraturan/build/words.yml), with the site's own laid over them
        words_changed = words.use_site_words(root / WORDS_FILE, WORDS_FILE)
    except EngineError as error:
        raise PluginError(f"Invalid {WORDS_FILE}:\n" + error.report()) from None
    context = shared.citation_context
    if context is None:
        context = CitationContext(registry, as_of, folder)
        shared.citation_context = context
    if (context.registry is not registry or context.as_of != as_of or context.folder != folder
            or words_changed):
        context.registry, context.as_of, context.folder = registry, as_of, folder
        context.preview_cache, context.link_cache = {}, {}  # resolutions are cached on the registry (cite.py)
    if not any(isinstance(ext, CitationExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(CitationExtension(context))
    if not any(isinstance(ext, SafeLinksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(SafeLinksExtension())  # no on* attribute, no javascript: link
    shared.registry = registry
    _extend_nav(config, registry)
    return config


def _extend_nav(config, registry) -> None:
    """Replace the nav entry ``<regulations folder>/index.md`` by a section listing every instrument."""
    shared = state.current()
    folder = shared.profile.regulations_folder
    index = f"{folder}/index.md"
    for position, entry in enumerate(config.nav or []):
        if isinstance(entry, dict) and len(entry) == 1:
            (title, value), = entry.items()
            if value == index:
                pages = [index] + [{i.cite_as: f"{folder}/{regpages.page_path(i)}"} for i in registry.ordered()]
                config.nav[position] = {title: pages}
                return


@event_priority(-20)  # after hooks/checker.py (-10) loaded the rules its block renders from
def on_pre_build(config):
    """MkDocs ``on_pre_build``: check every page's citations and write the regulation pages,
    unless no input changed since the check the state holds."""
    shared = state.current()
    root = _project_root(config)
    registry = shared.registry
    as_of = shared.citation_context.as_of
    docs_dir = Path(config.docs_dir)
    languages = list(shared.languages)
    folder = shared.profile.regulations_folder
    pages = [p for p in docs_dir.rglob("*.md") if folder not in p.relative_to(docs_dir).parts[1:2]]
    # Every input the corpus depends on: pages, and the data, rules, includes and config that
    # generated blocks write citations from (a data edit must refresh "Dikutip di" in serve).
    others = [p for name in INPUT_FOLDERS for p in (root / name).rglob("*") if p.is_file()]
    others += [p for p in root.glob("mkdocs*.yml")]
    fingerprint = (_fingerprint(pages), _fingerprint(others), shared.registry_fingerprint, as_of,
                   tuple(languages), folder)
    if shared.corpus is not None and shared.inputs_fingerprint == fingerprint:
        return  # the other language's build already checked and generated everything
    checked = corpus.check_corpus(docs_dir, languages, registry, as_of, folder, _docs_label(docs_dir, root),
                                  shared.scan_cache, shared)
    if checked.diagnostics:
        raise PluginError(f"{len(checked.diagnostics)} citation problem(s):\n"
                          + "\n".join(d.format() for d in checked.diagnostics))
    regpages.generate(registry, checked, docs_dir, languages, as_of, folder)
    shared.corpus, shared.inputs_fingerprint = checked, fingerprint


def _docs_label(docs_dir: Path, root: Path) -> str:
    # config_file_path is relative when mkdocs runs from the project folder: resolve both sides
    try:
        return docs_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return docs_dir.as_posix()


def on_page_markdown(markdown, page, config, files):
    """MkDocs ``on_page_markdown``: tell the extension which page it renders, in which style."""
    shared = state.current()
    lang, _, rel = page.file.src_uri.partition("/")
    style = page.meta.get("citations", "notes")
    if style not in STYLES:
        lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("citations:")), 1)
        raise PluginError(f"{_docs_label(Path(config.docs_dir), _project_root(config))}/{page.file.src_uri}:{line}: "
                          f"front matter 'citations: {style}' is not a citation style "
                          f"(write one of: {', '.join(STYLES)})")
    shared.citation_context.start_page(rel, lang, style)
    return markdown


def on_page_content(html, page, config, files):
    """MkDocs ``on_page_content``: no citation left unrendered; keep the page's previews."""
    shared = state.current()
    problems = leftover.check_html(html, page.file.content_string, f"docs/{page.file.src_uri}",
                                   shared.citation_context.failed)
    if problems:
        raise PluginError(f"{len(problems)} citation problem(s) after rendering:\n"
                          + "\n".join(d.format() for d in problems))
    shared.previews[page.file.src_uri] = shared.citation_context.previews_html()
    return html


def on_post_page(output, page, config):
    """Put the page's hidden previews at the end of its article.

    Why here and not in the page content: everything in ``page.content`` is parsed
    again by the search plugin (and other plugins), and the previews are bulky
    copies of the law. Added to the finished HTML, they cost one string insert."""
    previews = state.current().previews.pop(page.file.src_uri, "")
    if not previews:
        return output
    article = output.find('class="md-content__inner')
    end = output.find("</article>", article) if article >= 0 else -1
    if end < 0:
        end = output.find("</main>")
    if end < 0:
        raise PluginError(f"{page.file.src_uri}: no <article> or <main> to hold the citation previews "
                          "(does an override of main.html drop Material's content block?)")
    return output[:end] + previews + output[end:]


def on_env(env, config, files):
    """MkDocs ``on_env``: ``{{ day | px_date("id") }}``, a date in words, as the text writes dates
    ("23 November 2026"); ``px_words("notice", config.theme.language)``, the interface words of
    the templates (``words.yml``, with the site's own laid over them)."""
    env.filters["px_date"] = lambda day, lang="id": format_date(iso_date(day if isinstance(day, dt.date) else str(day)),
                                                                lang)
    env.globals["px_words"] = words.for_page
    return env


@event_priority(-101)  # once, after static-i18n's nested builds
def on_post_build(config):
    if state.nested(config):
        return
    export.write_export(state.current().registry, state.current().as_of, Path(config.site_dir))

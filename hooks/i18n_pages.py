"""MkDocs adapter for bilingual pages: the page-parity check, capturing
each language's 404 page before static-i18n's nested builds overwrite it, and
one cache of compiled templates for all the language builds (sitekit.templatecache).

Logic lives in ``peraturan``; this file only wires it to MkDocs events.
Shared state lives in ``peraturan.state`` (one typed object) because MkDocs loads every hook
file as its own module (MKDOCS-NOTES pitfall 7). ``i18n_finish.py`` runs the
steps that must come after the nested builds.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build import parity
from peraturan.state import current
from sitekit.templatecache import SharedTemplateCache


def i18n_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    return [lang.locale for lang in i18n.config.languages] if i18n else []


def on_env(env, config, files):
    """MkDocs ``on_env``: each language's build shares the compiled theme templates."""
    env.bytecode_cache = SharedTemplateCache()
    return env


@event_priority(-50)  # both languages' files are still visible here (i18n is -100)
def on_files(files, config):
    problems = parity.missing_counterparts(
        (f.src_uri for f in files.documentation_pages()), i18n_languages(config)
    )
    if problems:
        raise PluginError("Page parity failed:\n" + "\n".join(p.format() for p in problems))
    return files


@event_priority(100)  # runs in every language build, before i18n's nested builds
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    page = Path(config.site_dir, "404.html")
    if i18n is None or not page.exists():
        return
    lang = i18n.current_language
    current().not_found_pages[lang] = page.read_text(encoding="utf-8")
    if lang != i18n.default_language:
        target = Path(config.site_dir, lang, "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(current().not_found_pages[lang], encoding="utf-8")


def on_page_context(context, page, config, nav):
    """Absolute hreflang alternates (plus x-default) for the page template.

    Material prints static-i18n's switcher links as hreflang, but they are
    relative and lack x-default; search engines want absolute URLs.
    """
    i18n = config.plugins.get("i18n")
    site_url = config.site_url or ""
    if i18n is None or not site_url or config.extra.get("kiosk"):
        context["hreflang_alternates"] = []
        return context
    current = i18n.current_language
    url = page.url
    prefix = "" if current == i18n.default_language else f"{current}/"
    relative = url[len(prefix):] if prefix and url.startswith(prefix) else url
    alternates = []
    for lang in i18n_languages(config):
        lang_prefix = "" if lang == i18n.default_language else f"{lang}/"
        alternates.append({"lang": lang, "href": site_url.rstrip("/") + "/" + lang_prefix + relative})
    default_href = next(a["href"] for a in alternates if a["lang"] == i18n.default_language)
    alternates.append({"lang": "x-default", "href": default_href})
    context["hreflang_alternates"] = alternates
    return context


def on_config(config):
    """The site's root path, for pages served at any depth (the 404 page)."""
    from urllib.parse import urlsplit

    config.extra["root_path"] = urlsplit(config.site_url or "").path or "/"
    return config

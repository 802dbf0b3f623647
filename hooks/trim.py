"""MkDocs adapter for ``sitekit.trim``: as each page is written, note what it
uses and point it at the joined stylesheets and scripts; once every language is built,
remove what the published site does not use (unused search language packs,
unused CSS and theme images) and make search load on first use. The logic and
its reasons are in ``hooks/sitekit/trim.py``, which does not import MkDocs."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.state import current as build_state
from peraturan.state import nested
from sitekit import trim

log = logging.getLogger("mkdocs.hooks.trim")

# One run per outer build, kept in the build's state (peraturan.state); static-i18n's nested
# builds (one per other language) run these hooks again into the same site folder and add
# their pages to it.


def _current(config) -> trim.TrimRun:
    shared = build_state()
    if shared.trim_run is None:
        shared.trim_run = trim.TrimRun(Path(config.site_dir), [str(path) for path in config.extra_css],
                                       _plain_scripts(config),
                                       [config.theme["favicon"]] if config.theme.get("favicon") else [],
                                       _own_scripts(config))
    return shared.trim_run


def _own_scripts(config) -> set[str]:
    """Names of the scripts the site writes itself (theme.custom_dir/assets/javascripts):
    only these are minified; copied packages stay as published."""
    custom = config.theme.custom_dir
    folder = Path(custom) / trim.JS_DIR if custom else None
    return {path.name for path in folder.glob("*.js")} if folder and folder.is_dir() else set()


def _plain_scripts(config) -> list[str]:
    """extra_javascript as paths, if every entry is a plain script (no type,
    defer or async, which a joined file could not keep apart); else none."""
    scripts = list(config.extra_javascript)
    if any(getattr(s, "type", "") or getattr(s, "defer", False) or getattr(s, "async_", False) for s in scripts):
        return []
    return [str(script) for script in scripts]


def on_pre_build(config):
    if not nested(config):
        build_state().trim_run = None  # a new build (also each rebuild of mkdocs serve)


def _page(output: str, dest: str, config) -> str:
    try:
        return _current(config).page(output, dest)
    except trim.TrimError as error:
        raise PluginError(str(error)) from error


@event_priority(-110)  # last, after every hook that changes the page (citations, kiosk)
def on_post_page(output, page, config):
    return _page(output, page.file.abs_dest_path, config)


@event_priority(-110)
def on_post_template(output_content, template_name, config):
    """Static templates (the 404 page) skip on_post_page."""
    if not template_name.endswith(".html"):
        return output_content
    return _page(output_content, os.path.join(config.site_dir, template_name), config)


@event_priority(-102)  # after static-i18n's nested builds (-100), the offline plugin (-100) and i18n_finish (-101)
def on_post_build(config):
    if nested(config):
        return  # a nested language build; the outer build trims once at the end
    try:
        report = trim.trim_site(Path(config.site_dir), run=_current(config))
    except trim.TrimError as error:
        raise PluginError(str(error)) from error
    finally:
        build_state().trim_run = None
    log.debug("trim: %s", report.summary())

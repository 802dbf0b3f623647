"""MkDocs adapter for the site search (``hooks/sitekit/sitesearch.py``): as each
page is written, point it at our search worker; once every language is built,
write one stemmed index per language, install the worker and point Material's
bundle at the page language's index.
The logic and its reasons are in the sitekit modules, which do not import MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build.diagnostics import EngineError
from peraturan.state import current, nested
from sitekit import sitesearch

log = logging.getLogger("mkdocs.hooks.search")


def _point(output: str, where: str, config) -> str:
    shared = current()
    if shared.search_worker is None:
        root = Path(config.config_file_path).parent
        shared.search_worker = sitesearch.worker_name(sitesearch.worker_source(root))
    try:
        return sitesearch.point_page(output, shared.search_worker, where)
    except sitesearch.SearchError as error:
        raise PluginError(str(error)) from error


@event_priority(-100)  # after the hooks that change the page, before trim (-110) notes where its names go
def on_post_page(output, page, config):
    """MkDocs ``on_post_page``: the page names our search worker as it is written."""
    return _point(output, page.file.abs_dest_path, config)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    """Static templates (the 404 page) skip on_post_page."""
    if not template_name.endswith(".html"):
        return output_content
    return _point(output_content, template_name, config)


@event_priority(-101)  # after static-i18n's nested builds and the offline plugin (-100); before trim (-102)
def on_post_build(config):
    if nested(config):
        return  # a nested language build; the outer build writes the indexes once
    offline = "offline" in config.plugins or "material/offline" in config.plugins
    try:
        shared = current()
        sizes = sitesearch.install(Path(config.config_file_path).parent, Path(config.site_dir), offline,
                                   shared.profile.regulations_folder, shared.languages)
    except EngineError as error:
        raise PluginError(error.report()) from error
    except sitesearch.SearchError as error:
        raise PluginError(str(error)) from error
    log.debug("search index sizes: %s", sizes)

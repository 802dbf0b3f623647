"""MkDocs adapter for the site search (``hooks/sitekit/sitesearch.py``): once
every language is built, write one stemmed index per language, install the
search worker and point Material's bundle at the page language's index.
The logic and its reasons are in the sitekit modules, which do not import MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build.diagnostics import EngineError
from peraturan.state import current
from sitekit import sitesearch

log = logging.getLogger("mkdocs.hooks.search")


@event_priority(-101)  # after static-i18n's nested builds and the offline plugin (-100); before trim (-102)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
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

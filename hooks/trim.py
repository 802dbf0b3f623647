"""MkDocs adapter for ``sitekit.trim``: once every language is built, remove
what the published site does not use (unused search language packs, unused
theme images) and make search load on first use. The logic and its reasons are
in ``hooks/sitekit/trim.py``, which does not import MkDocs."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from sitekit import trim

log = logging.getLogger("mkdocs.hooks.trim")


@event_priority(-102)  # after static-i18n's nested builds (-100), the offline plugin (-100) and i18n_finish (-101)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build; the outer build trims once at the end
    try:
        report = trim.trim_site(Path(config.site_dir), [str(path) for path in config.extra_css])
    except trim.TrimError as error:
        raise PluginError(str(error)) from error
    log.debug("trim: %s", report.summary())

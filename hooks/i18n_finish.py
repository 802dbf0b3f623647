"""Steps that must run once, after static-i18n has built every language:
restore the default language's 404 page, and switch off Material's
"stay on page" language integration in the published JavaScript bundle.

Why the bundle patch: Material >= 9.7 fetches ``sitemap.xml`` relative to every
``<link rel=alternate>``. static-i18n gives every page its own alternates, so
each page view would fire two failing requests (404 online, CORS errors from
``file://``), and the feature is not needed: static-i18n already points the
switcher at the counterpart page. The patch is guarded: if Material's bundle
changes, the build stops and says so instead of silently doing nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.state import current, nested
from sitekit.bundle import material_bundle, replace_once

STAY_ON_PAGE_CALL = "ui({document$:ct});"
SOURCE_MAP_COMMENT = re.compile(r"\n?(//# sourceMappingURL=\S+|/\*# sourceMappingURL=\S+ \*/)\s*$")


def disable_stay_on_page(site_dir: Path) -> None:
    bundle = material_bundle(site_dir, PluginError)
    text = replace_once(bundle.read_text(encoding="utf-8"), STAY_ON_PAGE_CALL, "", bundle,
                        "the stay-on-page patch in hooks/i18n_finish.py", PluginError)
    bundle.write_text(text, encoding="utf-8")
    strip_source_maps(site_dir)


def strip_source_maps(site_dir: Path) -> None:
    """Source maps only help Material's own developers; readers never need them."""
    for asset in [*site_dir.glob("assets/**/*.js"), *site_dir.glob("assets/**/*.css")]:
        text = asset.read_text(encoding="utf-8")
        cleaned = SOURCE_MAP_COMMENT.sub("", text)
        if cleaned != text:
            asset.write_text(cleaned, encoding="utf-8")
    for source_map in site_dir.glob("assets/**/*.map"):
        source_map.unlink()


@event_priority(-101)  # after i18n's on_post_build (-100) ran the nested builds
def on_post_build(config):
    if nested(config):
        return  # a nested build; the outer build finishes the job
    i18n = config.plugins.get("i18n")
    site_dir = Path(config.site_dir)
    if i18n is not None:
        html = current().not_found_pages.get(i18n.default_language)
        if html:
            (site_dir / "404.html").write_text(html, encoding="utf-8")
    disable_stay_on_page(site_dir)

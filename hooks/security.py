"""MkDocs adapter for ``sitekit.csp`` and ``sitekit.hostconfig``.

- ``on_startup``: remember the command; ``mkdocs serve`` injects its own
  live-reload script into every page, which a policy would block, so the
  policy is only written by ``mkdocs build`` (make build, make kiosk, make zim).
- ``on_post_build``: once every language is built and every other hook has
  finished the HTML, hash the inline scripts, put the Content-Security-Policy
  ``<meta>`` into every page and, for the public site, write the host's
  ``_headers`` file from the same policy.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.state import current, nested
from sitekit import csp, hostconfig

SHIM = "assets/javascripts/iframe-worker-shim.js"
def on_startup(command, dirty):
    """MkDocs ``on_startup``: note whether this is ``serve``."""
    current().command = command


@event_priority(-110)  # after trim (-102), i18n_finish (-101), the offline plugin and static-i18n (-100)
def on_post_build(config):
    """MkDocs ``on_post_build``: policy into every page, headers for the host."""
    if nested(config) or current().command == "serve":
        return
    site_dir = Path(config.site_dir)
    shim = site_dir / SHIM
    try:
        policy = csp.secure_site(site_dir, shim if shim.is_file() else None)
        if config.site_url:  # a site with a public address goes to a host; the kiosk and ZIM do not
            hostconfig.write_headers(site_dir, policy)
    except (csp.CspError, hostconfig.HostConfigError) as error:
        raise PluginError(str(error)) from error

"""Refuse a publishing build without a real public address.

Why: MkDocs writes ``site_url`` into every page's canonical link, every
hreflang alternate and the sitemap. ``mkdocs.yml`` falls back to
``http://127.0.0.1:8000/`` so that ``make serve`` works with no setup; a
published copy built that way would point search engines and readers at
their own machine. ``make build`` runs this check first.
"""

from __future__ import annotations

import ipaddress
import sys
from urllib.parse import urlsplit

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


class SiteUrlError(ValueError):
    """SITE_URL is missing or is not an address the public can reach."""


def _is_local(host: str) -> bool:
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified or address.is_link_local


def check_site_url(value: str | None) -> str:
    """Return the address with a final '/', or raise :class:`SiteUrlError` saying what to do."""
    example = "for example SITE_URL=https://example.org/prakerja/ make build"
    if not value or not value.strip():
        raise SiteUrlError(f"SITE_URL is not set: a published site needs its public address ({example}); "
                           "for a local preview use 'make serve'")
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteUrlError(f"SITE_URL={value!r} is not an http(s) address ({example})")
    if _is_local(parts.hostname):
        raise SiteUrlError(f"SITE_URL={value!r} points at this machine, not at the public site ({example}); "
                           "for a local preview use 'make serve'")
    if parts.query or parts.fragment:
        raise SiteUrlError(f"SITE_URL={value!r} must not carry '?' or '#' ({example})")
    return value if value.endswith("/") else value + "/"


def main(argv: list[str]) -> int:
    """``python -m sitekit.siteurl "$SITE_URL"``: exit 2 with a message if it is not publishable."""
    try:
        print(check_site_url(argv[0] if argv else None))
    except SiteUrlError as error:
        print(f"make build: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

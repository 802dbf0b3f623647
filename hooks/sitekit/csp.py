"""The Content-Security-Policy of the built site, computed from the finished HTML.

Why: a string from data that slips past escaping must not be able to run as
script. The policy lets the browser run only script files from the site itself
and the exact inline scripts the theme writes (by their SHA-256 hash), so an
injected ``<script>``, ``onerror=`` or ``javascript:`` link does nothing.

Plain Python over a built site folder (no MkDocs import). ``hooks/security.py``
calls :func:`secure_site` once, after every language is built and every other
step has finished editing the HTML, so the hashes match what is published.

One policy for the whole site (the union of every page's inline scripts), so
the ``<meta http-equiv>`` on each page and the host's response header
(``sitekit.hostconfig``) come from the same string.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from peraturan.build import markup

META_NAME = "Content-Security-Policy"

# An inline <script> or <style> element. Scripts with src= are files ('self');
# data blocks (application/json, ld+json) never run, so they need no hash.
SCRIPT_RE = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
STYLE_RE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
TYPE_RE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
SRC_RE = re.compile(r"\bsrc\s*=", re.I)
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
# Inline event handlers and javascript: URLs cannot be allowed by a hash without
# 'unsafe-hashes'; the site has none and must keep it that way. Attributes that
# take a URL, as browsers follow them:
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme.
IGNORED_IN_SCHEME_RE = re.compile(r"[\x00-\x20]")
EXISTING_META_RE = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', re.I)
EXISTING_META_MARK = 'http-equiv="content-security-policy"'
CHARSET_RE = re.compile(r"<meta charset=[^>]*>", re.I)
HEAD_RE = re.compile(r"<head\b[^>]*>", re.I)

# iframe-worker (kiosk, file://) runs Material's search worker inside a hidden
# iframe and writes one inline script into it; the iframe inherits this policy.
# The script's text is fixed by the shim except for the worker's URL, so its
# hash is computed from the shim file itself (see shim_bootstrap_scripts).
SHIM_TEMPLATE_START = "this.w.document.write(`<html><body><script>"
SHIM_TEMPLATE_END = "<\\/script><script src=${e}"
SHIM_FUNCTION_RE = r"function {name}\((?:[^()]*)\)\{{"


def without_meta(html: str) -> str:
    """The page without a policy written by an earlier run. (The pattern starts with
    whitespace, so it is tried at every space of the page: look for the words first.)"""
    if EXISTING_META_MARK not in html.lower():
        return html
    return EXISTING_META_RE.sub("", html)


class CspError(Exception):
    """The built site holds something the policy cannot allow safely."""


@dataclass(frozen=True)
class Policy:
    """The directives, in the order they are written."""

    script_hashes: tuple[str, ...]
    style_hashes: tuple[str, ...]

    def meta(self) -> str:
        """The policy for ``<meta http-equiv>`` (frame-ancestors is ignored there)."""
        return "; ".join(
            [
                "default-src 'self'",
                " ".join(["script-src 'self'", *self.script_hashes]),
                " ".join(["style-src 'self'", *self.style_hashes]),
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                "worker-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
            ]
        )

    def header(self) -> str:
        """The same policy as a response header, plus what only a header can say."""
        return self.meta() + "; frame-ancestors 'self'"


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _runnable(attributes: str) -> bool:
    if SRC_RE.search(attributes):
        return False
    found = TYPE_RE.search(attributes)
    return (found.group(1).lower() if found else "") in RUNNABLE_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script the browser would run."""
    return [body for attributes, body in SCRIPT_RE.findall(html) if _runnable(attributes)]


def inline_styles(html: str) -> list[str]:
    return [body for _attributes, body in STYLE_RE.findall(html)]


def _function_source(shim: str, name: str) -> str:
    """The exact text of ``function name(...){...}`` in the shim (what `${name}` prints)."""
    match = re.search(SHIM_FUNCTION_RE.format(name=name), shim)
    if not match:
        raise CspError(f"iframe-worker shim: function {name} not found; re-check sitekit/csp.py after an upgrade")
    depth, index = 0, match.end() - 1
    for index in range(match.end() - 1, len(shim)):
        depth += {"{": 1, "}": -1}.get(shim[index], 0)
        if depth == 0:
            break
    return shim[match.start() : index + 1]


def shim_bootstrap_scripts(shim: str, worker_urls: set[str]) -> list[str]:
    """The inline script iframe-worker writes into its iframe, once per worker URL.

    The template is checked exactly, so a new shim version stops the build
    instead of shipping a kiosk whose search the policy blocks."""
    start = shim.find(SHIM_TEMPLATE_START)
    end = shim.find(SHIM_TEMPLATE_END, start)
    if start < 0 or end < 0:
        raise CspError("iframe-worker shim: its iframe template changed; re-check sitekit/csp.py after an upgrade")
    template = shim[start + len(SHIM_TEMPLATE_START) : end]
    names = set(re.findall(r"\$\{(\w+)\}", template))
    if names != {"c", "d", "e"}:
        raise CspError(f"iframe-worker shim: unexpected placeholders {sorted(names)} in its iframe template")
    text = template.replace("${c}", _function_source(shim, "c")).replace("${d}", _function_source(shim, "d"))
    return [text.replace("${e}", url) for url in sorted(worker_urls)]


class _AttributeScan(HTMLParser):
    """The attributes of real tags, parsed as a browser reads them: text that only
    looks like ``onclick=`` inside an escaped attribute value or in a script's
    body is not a handler, and an entity-encoded ``javascript:`` still is one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}=")
            elif name in URL_ATTRIBUTES and value is not None \
                    and IGNORED_IN_SCHEME_RE.sub("", value).lower().startswith("javascript:"):
                self.javascript_urls.append(f"{tag} {name}=")


WORKER_URL_RE = re.compile(r'"search":\s*"([^"]+)"')

# The fast path of the attribute check. A page's markup is mostly the same tags
# on every page (header, nav, footer), so each distinct start tag is parsed once
# per build, after peraturan.build.markup has split the page as the parser would;
# a page it cannot split goes through the whole-page parser, as before.
# What a tag must hold before it can be a problem: an attribute name starting with
# "on", a character reference (an encoded scheme) or "script:" with ignored
# characters anywhere in it. Tags without any of these are not parsed at all.
_SUSPECT_RE = re.compile(r"[\s/\"']on|&|" + r"[\x00-\x20]*".join("script:"), re.I)


_CLEAN: tuple[list[str], list[str]] = ([], [])


@dataclass
class AttributeCheck:
    """Inline handlers and javascript: URLs in pages, each distinct tag parsed once."""

    _seen: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)

    def page(self, html: str) -> tuple[list[str], list[str]]:
        """(handlers, javascript URLs) of one page, as ``tag attr=`` strings."""
        tags = markup.split(html)
        if tags is None:
            return _scan(html)
        handlers: list[str] = []
        urls: list[str] = []
        for tag in dict.fromkeys(text for start, text in tags if start):  # document order, each tag once
            found = self._seen.get(tag)
            if found is None:
                found = self._seen[tag] = _scan(tag) if _SUSPECT_RE.search(tag) else _CLEAN
            handlers.extend(found[0])
            urls.extend(found[1])
        return handlers, urls


def _scan(html: str) -> tuple[list[str], list[str]]:
    scan = _AttributeScan()
    scan.feed(html)
    scan.close()
    return scan.handlers, scan.javascript_urls


def site_policy(site_dir: Path, shim: Path | None = None) -> Policy:
    """Hash every inline script and style of every page (and the shim's iframe script)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    worker_urls: set[str] = set()
    problems: list[str] = []
    check = AttributeCheck()
    for page in sorted(site_dir.rglob("*.html")):
        html = without_meta(page.read_text(encoding="utf-8"))
        scripts.update(inline_scripts(html))
        styles.update(inline_styles(html))
        worker_urls.update(WORKER_URL_RE.findall(html))
        where = page.relative_to(site_dir).as_posix()
        handlers, javascript_urls = check.page(html)
        if handlers:
            problems.append(f"{where}: an inline event handler (<{handlers[0]}>) would be blocked; "
                            "use a script file")
        if javascript_urls:
            problems.append(f"{where}: a javascript: URL (<{javascript_urls[0]}>) would be blocked; "
                            "use a script file")
    if problems:
        raise CspError("; ".join(problems))
    if shim is not None:
        scripts.update(shim_bootstrap_scripts(shim.read_text(encoding="utf-8"), worker_urls))
    return Policy(tuple(sorted(sha256(s) for s in scripts)), tuple(sorted(sha256(s) for s in styles)))


def with_meta(html: str, policy: Policy) -> str:
    """Put the policy first in <head>, before any script it must govern."""
    tag = f'<meta http-equiv="{META_NAME}" content="{policy.meta()}">'
    html = without_meta(html)
    anchor = CHARSET_RE.search(html) or HEAD_RE.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n  " + tag + html[anchor.end() :]


def secure_site(site_dir: Path, shim: Path | None = None) -> Policy:
    """Compute the policy and write it into every page; return it for the host headers."""
    policy = site_policy(site_dir, shim)
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        updated = with_meta(html, policy)
        if updated != html:
            page.write_text(updated, encoding="utf-8")
    return policy

"""The Content-Security-Policy (issue 12 item 3, issue 15): on every page of both
builds, no violation while reading, and an injected inline script is blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, guarded_context, run_search
from sitekit import csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
INJECTED = ('<script>window.pxInjected = 1</script>'
            '<img src="data:," alt="" onload="window.pxInjected = 2">'
            '<a id="px-injected" href="javascript:window.pxInjected=3">x</a>')


# ---- plain Python ----------------------------------------------------------------------

def test_only_scripts_that_run_are_hashed():
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<script type="application/ld+json">{}</script><script type="module">b()</script>')
    assert csp.inline_scripts(html) == ["a()", "b()"]


def test_the_hash_is_the_one_browsers_compute():
    # echo -n "alert(1)" | openssl dgst -sha256 -binary | base64
    assert csp.sha256("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_the_meta_goes_before_every_script():
    html = '<html><head><meta charset="utf-8"><script>x()</script></head></html>'
    out = csp.with_meta(html, csp.Policy(("'sha256-a'",), ()))
    assert out.index("Content-Security-Policy") < out.index("<script>")
    assert csp.with_meta(out, csp.Policy(("'sha256-b'",), ())).count("Content-Security-Policy") == 1


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ('<button onclick="go()">x</button>', "p.html: an inline event handler (<button onclick=>) would be blocked"),
        ('<a href="javascript:go()">x</a>', "p.html: a javascript: URL (<a href=>) would be blocked"),
        ('<a href=" Java&#x53;cript:go()">x</a>', "p.html: a javascript: URL (<a href=>) would be blocked"),
        ('<a href="java\tscript:go()">x</a>', "p.html: a javascript: URL (<a href=>) would be blocked"),
        ("<img src=x onerror=go()>", "p.html: an inline event handler (<img onerror=>) would be blocked"),
        # the fast path keeps a script's own start tag while it cuts the script's body
        ("<script onload='go()'>x()</script>", "p.html: an inline event handler (<script onload=>) would be blocked"),
        # a ">" inside a quoted value does not end the tag
        ('<a title="x>y" onclick="go()">x</a>', "p.html: an inline event handler (<a onclick=>) would be blocked"),
        # a "<" inside a value sends the page to the slow path, which still finds it
        ('<a title="<b>" onclick=go()>x</a>', "p.html: an inline event handler (<a onclick=>) would be blocked"),
        ("<a href='x' title='no end onclick=go()>x</a>", None),
        ("<svg><a xlink:href='JAVASCRIPT:go()'>x</a></svg>", "p.html: a javascript: URL (<a xlink:href=>) would be blocked"),
    ],
)
def test_what_a_hash_cannot_allow_stops_the_build(tmp_path, html, message):
    (tmp_path / "p.html").write_text(f"<html><head></head><body>{html}</body></html>", encoding="utf-8")
    slow = csp._scan(html)
    assert csp.AttributeCheck().page(html) == slow, "the fast path must agree with the parser"
    if message is None:  # what the parser itself makes of broken markup: only agreement is asked
        return
    with pytest.raises(csp.CspError, match=re.escape(message)):
        csp.site_policy(tmp_path)


def test_a_tag_seen_before_is_still_reported_on_every_page(tmp_path):
    """Tags are parsed once per build; the verdict still counts on each page that has the tag."""
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text('<html><body><button onclick="go()">x</button></body></html>',
                                     encoding="utf-8")
    with pytest.raises(csp.CspError) as raised:
        csp.site_policy(tmp_path)
    assert "a.html: an inline event handler" in str(raised.value)
    assert "b.html: an inline event handler" in str(raised.value)


@pytest.mark.parametrize(
    "html",
    [
        '<abbr title="x onclick=alert(1) y">x</abbr>',  # escaped text inside a value is text
        '<a title="&lt;b onload=go()&gt;" href="https://example.org/javascript:x">x</a>',
        "<p>onclick=go() and javascript:go() written as text</p>",
        '<script src="a.js"></script><script>var s = "<b onclick=x>";</script>',
        "<!-- <b onclick=x> --><style>a::after { content: '<b onclick=x>' }</style>",
    ],
)
def test_text_that_only_looks_like_a_handler_is_not_refused(tmp_path, html):
    """The page check parses attributes as a browser does, so hostile text that the
    engine escaped (tests/test_safe_output.py) builds with the policy on."""
    (tmp_path / "p.html").write_text(f"<html><head></head><body>{html}</body></html>", encoding="utf-8")
    assert csp.AttributeCheck().page(html) == csp._scan(html) == ([], [])
    csp.site_policy(tmp_path)


def test_the_iframe_worker_script_is_rebuilt_from_the_shim():
    shim = (ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js").read_text(encoding="utf-8")
    [script] = csp.shim_bootstrap_scripts(shim, {"w.js"})
    assert script.startswith("postMessage=function c(s,n){parent.postMessage(s,n||\"*\")};importScripts=function d(")
    assert 'filename:"w.js"' in script and "${" not in script
    with pytest.raises(csp.CspError, match="iframe template changed"):
        csp.shim_bootstrap_scripts(shim.replace("<html><body><script>", "<html><script>"), {"w.js"})


# ---- the built pages -------------------------------------------------------------------

def _policies(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        match = META.search(page.read_text(encoding="utf-8"))
        assert match, f"{page}: no Content-Security-Policy"
        found.add(match.group(1))
    return found


def test_every_page_of_both_builds_carries_one_strict_policy(built_site, kiosk_site):
    for site in (built_site, kiosk_site):
        [policy] = _policies(site)
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "script-src 'self' 'sha256-" in policy and "object-src 'none'" in policy


def _watch(page) -> list[str]:
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return violations


def _injected_is_blocked(page) -> None:
    page.wait_for_load_state("load")
    page.locator("#px-injected").click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.pxInjected") is None


@pytest.mark.browser
def test_public_pages_read_without_violation_and_block_an_injected_script(chromium, built_site, site_server):
    context = guarded_context(chromium, (site_server.origin + "/",))
    page = context.new_page()
    violations = _watch(page)
    for path in sorted(built_site.rglob("*.html")):
        page.goto(f"{site_server.origin}/{path.relative_to(built_site).as_posix()}", wait_until="load")
    assert not violations
    assert not context.outside_requests

    def inject(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</body>", INJECTED + "</body>"))

    page.route(site_server.origin + "/kelayakan/", inject)
    page.goto(site_server.origin + "/kelayakan/")
    _injected_is_blocked(page)
    assert any("inline script" in text for text in violations), violations
    assert any("inline event handler" in text for text in violations), violations
    context.close()


@pytest.mark.browser
def test_kiosk_pages_from_file_read_without_violation_and_block_an_injected_script(chromium, kiosk_site):
    context = guarded_context(chromium, (kiosk_site.as_uri() + "/",))
    page = context.new_page()
    violations = _watch(page)
    # Not the 404 pages: a kiosk never shows them from file://, and they name root-absolute assets.
    for path in sorted(p for p in kiosk_site.rglob("*.html") if p.name != "404.html"):
        page.goto(path.as_uri(), wait_until="load")
    assert not violations
    # Search runs through the iframe-worker shim from file://: its inline script is hashed.
    page.goto((kiosk_site / "en" / "index.html").as_uri())
    assert "Kartu Prakerja explained" in run_search(page, "volunteers")
    assert not violations
    injected = kiosk_site / "px-injected-test.html"
    injected.write_text((kiosk_site / "kelayakan.html").read_text(encoding="utf-8")
                        .replace("</body>", INJECTED + "</body>"), encoding="utf-8")
    try:
        page.goto(injected.as_uri())
        _injected_is_blocked(page)
    finally:
        injected.unlink()
    assert any("inline script" in text for text in violations), violations
    assert not context.outside_requests
    context.close()


PIECES = ["<a", "<b", "<script", "</script>", "<style>", "</style>", "<!--", "-->", ">", " ", "/", "'", '"', "=",
          "onclick", "href", "src", "xlink:href", "javascript:", "Java&#x53;cript:", "java\tscript:", "&lt;", "x", "\n",
          "-- >", "</ script>", "<script-x>", "<STYLE ", "<", "<!x>", "<?x>", "<!doctype html>", "<!DOCTYPE"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_the_fast_path_finds_what_the_parser_finds(pieces):
    """Differential: on any jumble of the pieces that matter, the per-tag fast path
    reports a problem exactly when parsing the whole page does, and the same first one."""
    html = "".join(pieces)
    fast, slow = csp.AttributeCheck().page(html), csp._scan(html)
    assert [bool(fast[0]), bool(fast[1])] == [bool(slow[0]), bool(slow[1])]
    assert fast[0][:1] == slow[0][:1] and fast[1][:1] == slow[1][:1]

"""Publishing (issue 15): a real site address, the host's headers, a sub-path.

One extra build, with SITE_URL=https://example.org/prakerja/, shared by every
test here; it is served under /prakerja/ by ``sitekit.hostpreview``, which
applies ``site/_headers`` and answers missing pages with the nearest 404.html
as a static host does.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, guarded_context, mkdocs_build, run_search
from sitekit import hostconfig
from sitekit.hostpreview import HostPreview
from sitekit.siteurl import SiteUrlError, check_site_url

SITE_URL = "https://example.org/prakerja/"
PREFIX = "/prakerja/"
LOCAL = re.compile(rb"127\.0\.0\.1|localhost")


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("published") / "site"
    mkdocs_build(site, site_url=SITE_URL)
    return site


@pytest.fixture(scope="session")
def host(published_site):
    with HostPreview(published_site, PREFIX) as server:
        yield server


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


# ---- the site address ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "SITE_URL is not set"),
        ("  ", "SITE_URL is not set"),
        ("http://127.0.0.1:8000/", "points at this machine"),
        ("http://localhost/", "points at this machine"),
        ("https://[::1]/x/", "points at this machine"),
        ("example.org/prakerja/", "is not an http(s) address"),
        ("ftp://example.org/", "is not an http(s) address"),
        ("https://example.org/?x=1", "must not carry"),
    ],
)
def test_a_site_address_that_is_not_public_is_refused(value, message):
    with pytest.raises(SiteUrlError, match=re.escape(message)) as caught:
        check_site_url(value)
    assert "SITE_URL=https://example.org/prakerja/ make build" in str(caught.value)


def test_a_public_site_address_is_accepted_with_a_final_slash():
    assert check_site_url("https://example.org/prakerja") == "https://example.org/prakerja/"
    assert check_site_url(" https://prakerja.example.id/ ") == "https://prakerja.example.id/"


def test_make_build_stops_before_building_without_a_site_address(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    result = subprocess.run(["make", "-s", "build"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "make build: SITE_URL is not set" in result.stderr
    assert "make serve" in result.stderr


def test_make_serve_keeps_its_local_default():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in config


# ---- the published build ---------------------------------------------------------------

def test_no_file_of_the_published_build_names_this_machine(published_site):
    offenders = []
    for path in sorted(published_site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if LOCAL.search(data):
            offenders.append(path.relative_to(published_site).as_posix())
    assert not offenders


def test_canonical_hreflang_and_sitemap_use_the_site_address(published_site):
    page = (published_site / "en" / "kelayakan" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/prakerja/en/kelayakan/">' in page
    assert 'hreflang="id" href="https://example.org/prakerja/kelayakan/"' in page
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/prakerja/en/kelayakan/</loc>" in sitemap


# ---- the host's headers ----------------------------------------------------------------

def test_every_file_gets_one_cache_rule_and_the_security_headers(published_site):
    rules = hostconfig.parse_headers((published_site / "_headers").read_text(encoding="utf-8"))
    for path in published_site.rglob("*"):
        if path.is_file() and path.name != "_headers":
            url = "/" + path.relative_to(published_site).as_posix()
            headers = hostconfig.headers_for(rules, url)  # raises if two rules set one header
            assert headers["Cache-Control"] in (hostconfig.IMMUTABLE, hostconfig.REVALIDATE), url
            assert headers["X-Content-Type-Options"] == "nosniff"
            expected = hostconfig.IMMUTABLE if hostconfig.FINGERPRINTED.search(path.name) else hostconfig.REVALIDATE
            assert headers["Cache-Control"] == expected, url


def test_the_host_sends_the_headers_the_pages_need(host, published_site):
    status, headers, body = fetch(host.url + "kelayakan/")
    assert status == 200
    assert headers["Cache-Control"] == "no-cache"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    meta = re.search(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', body).group(1).decode()
    assert headers["Content-Security-Policy"] == meta + "; frame-ancestors 'self'"
    bundle = next(published_site.glob("assets/javascripts/bundle.*.min.js")).name
    status, headers, _ = fetch(host.url + f"assets/javascripts/{bundle}")
    assert (status, headers["Cache-Control"]) == (200, "public, max-age=31536000, immutable")
    status, headers, _ = fetch(host.url + "search/search_index.json")
    assert (status, headers["Cache-Control"]) == (200, "no-cache")
    status, headers, body = fetch(host.url + "en/no-such-page/")
    assert status == 404 and b'lang="en"' in body and "Content-Security-Policy" in headers
    assert fetch(host.url + "_headers")[0] == 404  # hosts never serve their configuration


def test_the_nginx_snippet_says_what_headers_says(published_site):
    result = subprocess.run(
        [sys.executable, "-m", "sitekit.hostconfig", "nginx", str(published_site), SITE_URL],
        cwd=ROOT, env=dict(os.environ, PYTHONPATH="hooks"), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    snippet = result.stdout
    rules = hostconfig.parse_headers((published_site / "_headers").read_text(encoding="utf-8"))
    security = dict(rules[0].headers)
    blocks = re.findall(r"location ([^{]+) \{\n(.*?)\n\}", snippet, re.S)
    assert blocks
    for selector, body in blocks:
        sent = dict(re.findall(r'add_header (\S+) "([^"]*)" always;', body))
        assert {key: sent[key] for key in security} == security, selector
        assert "Cache-Control" in sent, selector
    located = {selector: body for selector, body in blocks}
    bundle = next(published_site.glob("assets/javascripts/bundle.*.min.js")).name
    assert "immutable" in located[f"= /prakerja/assets/javascripts/{bundle}"]
    assert "error_page 404 /prakerja/en/404.html;" in located["^~ /prakerja/en/"]
    assert "error_page 404 /prakerja/404.html;" in located["/prakerja/"]
    assert len(blocks) == len(rules)  # the prefix block stands in for "/*"
    assert "location = /prakerja/_headers { return 404; }" in snippet


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kelayakan/\n  X: y\n", "_headers:1: a path must start with '/'"),
        ("  X: y\n", "_headers:1: expected 'Name: value' under a path"),
        ("/*\n  no colon here\n", "_headers:2: expected 'Name: value' under a path"),
    ],
)
def test_a_broken_headers_file_is_refused_with_its_line(text, message):
    with pytest.raises(hostconfig.HostConfigError, match=re.escape(message)):
        hostconfig.parse_headers(text)


def test_two_rules_setting_one_header_are_refused():
    rules = hostconfig.parse_headers("/*\n  Cache-Control: no-cache\n/a/*\n  Cache-Control: immutable\n")
    with pytest.raises(hostconfig.HostConfigError, match=r"/a/x: Cache-Control is set by two rules"):
        hostconfig.headers_for(rules, "/a/x")


# ---- the published build in a browser, under /prakerja/ --------------------------------

@pytest.mark.browser
def test_the_site_works_under_a_sub_path(chromium, host):
    context = guarded_context(chromium, (host.url,))
    page = context.new_page()
    failed: list[str] = []
    violations: list[str] = []
    # A request cut short by the next navigation (net::ERR_ABORTED) is not a failure.
    page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and "no-such-page" not in response.url else None)
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    try:
        for path in ("", "kelayakan/", "regulasi/perpres-36-2020/", "en/", "en/cara-kerja/"):
            page.goto(host.url + path)
            page.wait_for_load_state("networkidle")
            assert page.locator(".md-header__title").count() == 1

        # Language switch from an inner page lands on its counterpart.
        page.goto(host.url + "kelayakan/")
        page.locator(".md-header__option .md-select").hover()
        page.locator("a.md-select__link[hreflang=en]").first.click()
        page.wait_for_url(host.url + "en/kelayakan/")
        # ...and from the home page, whose switcher links are root-absolute.
        page.goto(host.url + "en/")
        page.locator(".md-header__option .md-select").hover()
        page.locator("a.md-select__link[hreflang=id]").first.click()
        page.wait_for_url(host.url)

        # Search (a Web Worker) finds a page.
        assert "Penjelasan Kartu Prakerja" in run_search(page, "relawan")

        # A citation preview.
        page.goto(host.url + "kelayakan/")
        page.locator("a.px-cite").first.hover()
        page.locator(".px-tip").wait_for(state="visible")

        # The checker starts and loads its QR generator lazily from the site.
        page.goto(host.url + "cek-kelayakan/")
        page.wait_for_load_state("networkidle")
        data = page.evaluate("prakerjaChecker.data")
        page.locator("#px-checker").get_by_role("button", name=data["ui"]["start"], exact=True).click()
        page.wait_for_function("() => typeof window.qrcode === 'function'")

        # Both 404 pages, styled (their assets load from the sub-path).
        for path, lang in (("no-such-page/", "id"), ("en/no-such-page/", "en")):
            response = page.goto(host.url + path)
            page.wait_for_load_state("networkidle")
            assert response.status == 404
            assert page.locator("html").get_attribute("lang") == lang
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") != "static"
    finally:
        outside = list(context.outside_requests)
        context.close()
    assert not failed
    assert not outside
    assert not violations

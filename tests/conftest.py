"""Shared fixtures: build the real site once, serve it on 127.0.0.1, and drive
it in Debian's Chromium with every outside request blocked and recorded."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: quick in make test; HYPOTHESIS_PROFILE=bench for a heavier run
# (benchmarks/fuzz_report.py), =mutation for mutation testing (benchmarks/mutation.py):
# few examples, always the same ones, so a mutant's verdict does not depend on luck.
settings.register_profile("quick", max_examples=60, deadline=None)
settings.register_profile("bench", max_examples=1500, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("mutation", max_examples=40, deadline=None, derandomize=True, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mkdocs_build(
    site_dir: Path,
    *,
    project: Path = ROOT,
    config: str = "mkdocs.yml",
    site_url: str | None = None,
    check: bool = True,
) -> subprocess.CompletedProcess:
    """Run the real ``mkdocs build --strict`` as a reader's build would."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return result


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class StaticServer:
    """A plain static server over a built folder, like any web host."""

    def __init__(self, directory: Path, port: int):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> StaticServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real public site, built once per test session."""
    site = tmp_path_factory.mktemp("site") / "site"
    mkdocs_build(site, site_url=f"http://127.0.0.1:{site_port}/")
    return site


@pytest.fixture(scope="session")
def site_server(built_site, site_port):
    with StaticServer(built_site, site_port) as server:
        yield server


class OutsideRequests(list):
    """Every request that tried to leave the allowed origin."""


def _launch(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = _launch(playwright)
        yield browser
        browser.close()


def guarded_context(browser, allowed_prefixes: tuple[str, ...], **options):
    """A browser context where any request outside ``allowed_prefixes`` is
    aborted and recorded, so a test can assert that none was attempted."""
    context = browser.new_context(**options)
    outside = OutsideRequests()

    def route(route):
        url = route.request.url
        if url.startswith(allowed_prefixes) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    context.outside_requests = outside
    return context


@contextlib.contextmanager
def guarded_page(browser, origin: str):
    """A page that may load only from ``origin``; on leaving, no request went elsewhere."""
    context = guarded_context(browser, (origin + "/",))
    page = context.new_page()
    page.outside_requests = context.outside_requests
    yield page
    outside = list(context.outside_requests)
    context.close()
    assert not outside, f"requests left the site: {outside}"


@pytest.fixture
def page(chromium, site_server):
    with guarded_page(chromium, site_server.origin) as page:
        yield page


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """A throw-away copy of the project for bad-input tests."""
    target = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "site-kiosk*", ".git", "__pycache__",
                                    ".pytest_cache", ".hypothesis", "benchmarks")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def add_test_stylesheet(page, css: str) -> None:
    """Add CSS for a test (e.g. no transitions) as a constructed stylesheet: a <style>
    tag would be inline style, which the site's Content-Security-Policy blocks."""
    page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""", css)


def run_search(page, query: str, timeout_ms: int = 15_000) -> str:
    """Type into Material's search as a person would and return the result text.

    The search worker loads its index after the page; typing before it is
    ready shows nothing, so retype until results appear or time runs out."""
    box = page.locator("input.md-search__input")
    box.click()
    waited = 0
    while waited < timeout_ms:
        box.fill("")
        box.press_sequentially(query, delay=20)
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=1500)
            return page.locator(".md-search-result__list").inner_text()
        except Exception:  # noqa: BLE001 - not ready yet; try again
            waited += 1500 + 20 * len(query)
    raise AssertionError(f"search for {query!r} found nothing")


KIOSK_CONFIG = ROOT / "mkdocs.kiosk.yml"


@pytest.fixture(scope="session")
def kiosk_site(tmp_path_factory) -> Path:
    """The offline kiosk build (mkdocs.kiosk.yml), built once per test session.
    Opened from file:// as a kiosk would; skipped while the config does not exist."""
    if not KIOSK_CONFIG.exists():
        pytest.skip("mkdocs.kiosk.yml does not exist yet")
    site = tmp_path_factory.mktemp("kiosk") / "site-kiosk"
    mkdocs_build(site, config=KIOSK_CONFIG.name)
    return site


# ---- Kiosk build (issue 6): tests/test_kiosk*.py; kiosk_site is defined above -------------

@pytest.fixture(scope="session")
def kiosk_server(kiosk_site):
    """The kiosk build behind a plain static server (``python -m http.server`` style)."""
    with StaticServer(kiosk_site, free_port()) as server:
        yield server

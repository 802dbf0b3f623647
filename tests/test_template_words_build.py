"""A site's own ``data/words.yml`` rewords the templates and scripts too (overrides/):
the notice, the print button, the 404 page, the kiosk bar, and the words the
scripts take from the page's ``#px-words`` block (the preview's "open" link, the
search's nothing-found help), in the built HTML and in the browser."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, StaticServer, free_port, guarded_page, mkdocs_build, run_search

SITE_WORDS = """\
notice:
  id: {not_official: Ini bukan situs milik pemerintah.}
  en: {checked: 'Facts last checked on {date}.'}
print_page:
  en: {button: Print}
not_found:
  id: {home: Kembali ke beranda}
preview:
  id: {open: Baca pasal lengkap}
search_help:
  id: {nothing_found: 'Tidak ketemu? Lihat {questions} atau {checker}.'}
kiosk:
  id: {home: Halaman awal}
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project whose data/words.yml rewords some template and script words."""
    target = tmp_path_factory.mktemp("words") / "project"
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "site-kiosk*", ".git", "__pycache__",
                                    ".pytest_cache", ".hypothesis", "benchmarks")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    (target / "data" / "words.yml").write_text(SITE_WORDS, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def site(project, port) -> Path:
    built = project / "site"
    mkdocs_build(built, project=project, site_url=f"http://127.0.0.1:{port}/")
    return built


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def page_words(page: BeautifulSoup) -> dict:
    return json.loads(page.find("script", id="px-words").string)


def test_the_sites_words_reach_the_templates_in_each_language(site):
    home, english = soup(site, "index.html"), soup(site, "en/index.html")
    assert home.select_one(".px-notice strong").get_text() == "Ini bukan situs milik pemerintah."
    assert home.select_one(".px-print-notice strong").get_text() == "Ini bukan situs milik pemerintah."
    notice = re.sub(r"\s+", " ", english.select_one(".px-notice").get_text()).strip()
    assert notice.startswith("Not an official government website. Facts last checked on ")  # the rest: engine's
    assert notice.endswith(". English is an unofficial translation; the Indonesian text is authoritative.")
    assert english.select_one(".px-notice time")["datetime"]
    assert home.select_one("button[data-px-print]").get_text() == "Cetak halaman ini"
    assert soup(site, "en/kelayakan/index.html").select_one("button[data-px-print]").get_text() == "Print"
    assert soup(site, "404.html").select_one("main p a").get_text() == "Kembali ke beranda"
    assert soup(site, "en/404.html").select_one("main p a").get_text() == "Go to the English home page"


def test_the_scripts_words_are_a_json_data_block_in_the_pages_language(site):
    assert page_words(soup(site, "index.html")) == {
        "preview": {"open": "Baca pasal lengkap", "close": "Tutup pratinjau"},
        "search_help": {"nothing_found": "Tidak ketemu? Lihat {questions} atau {checker}."}}
    assert page_words(soup(site, "en/index.html"))["preview"] == {"open": "Open the article",
                                                                  "close": "Close preview"}
    for script in ("cite-preview.js", "search-help.js"):  # the scripts hold no words of their own
        text = (ROOT / "overrides" / "assets" / "javascripts" / script).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", text, flags=re.S)
        assert not re.search(r"Buka|Tutup|Coba|Open the|Close|Try other", code), script


def test_the_kiosk_bar_and_kiosk_script_take_the_sites_kiosk_words(project):
    kiosk = project / "site-kiosk"
    mkdocs_build(kiosk, project=project, config="mkdocs.kiosk.yml")
    home = soup(kiosk, "index.html")
    assert home.select_one('[data-px-kiosk="home"] span').get_text() == "Halaman awal"
    strings = json.loads(home.find("script", id="px-kiosk-config").string)["strings"]
    assert strings["id"]["home"] == "Halaman awal" and strings["en"]["home"] == "Home"
    assert strings["id"]["idle_countdown"] == "Kembali ke beranda dalam {seconds} detik."


@pytest.fixture(scope="module")
def browser_page(chromium, site, port):
    with StaticServer(site, port) as server, guarded_page(chromium, server.origin) as page:
        page.origin = server.origin
        yield page


@pytest.mark.browser
def test_the_preview_shows_the_sites_open_word(browser_page):
    browser_page.goto(browser_page.origin + "/kelayakan/")
    browser_page.locator("a.px-cite[data-px-preview]").first.focus()
    tip = browser_page.locator("#px-tip")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.get_by_role("link", name="Baca pasal lengkap").count() == 1
    assert tip.get_by_role("button", name="Tutup pratinjau").count() == 1


@pytest.mark.browser
def test_the_search_help_follows_the_sites_sentence_and_its_order(browser_page):
    browser_page.goto(browser_page.origin + "/")
    run_search(browser_page, "prakerja")  # the index is ready
    box = browser_page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("qwxzv", delay=15)
    help_line = browser_page.locator(".px-search-help")
    help_line.wait_for(state="visible", timeout=5_000)
    assert help_line.inner_text() == "Tidak ketemu? Lihat Tanya jawab atau Cek kelayakan."
    hrefs = help_line.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert [h.strip("/").split("/")[-1] for h in hrefs] == ["tanya-jawab", "cek-kelayakan"]

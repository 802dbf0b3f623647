"""The site search in real Chromium: the JavaScript stemmers give the build's
stems for every word of the site, and the search box finds affixed forms,
synonyms and typos in the reader's language only, online and on the kiosk from
file:// with the network blocked."""

from __future__ import annotations

import re

import pytest
from test_kiosk import file_url, kiosk_browser, site_root

from sitekit import sitesearch
from sitekit.searchwords import snowball

pytestmark = pytest.mark.browser


def test_javascript_stemmers_match_the_build_over_the_sites_words(page, site_server, built_site):
    """Parity, as the checker proves its rules: every distinct word of both languages'
    pages through both stemmers, Python (build) against JavaScript (browser)."""
    vocabulary = sorted(set(sitesearch.site_words(built_site, "id")) | set(sitesearch.site_words(built_site, "en")))
    assert len(vocabulary) >= 2000, len(vocabulary)
    page.goto(site_server.origin + "/")
    page.add_script_tag(url=site_server.origin + "/assets/javascripts/search-stemmers.js")
    for lang in ("id", "en"):
        browser = page.evaluate("([lang, words]) => words.map(self.pxStemmers[lang])", [lang, vocabulary])
        python = [snowball(lang, word) for word in vocabulary]
        different = [(w, p, b) for w, p, b in zip(vocabulary, python, browser, strict=True) if p != b]
        assert not different, f"{lang}: {len(different)} words stem differently, e.g. {different[:5]}"


def result_links(page, query: str, timeout_ms: int = 15_000) -> list[str]:
    """Type ``query`` into the search box; return the result page links, best first."""
    box = page.locator("input.md-search__input")
    box.click()
    waited = 0
    while waited < timeout_ms:
        box.fill("")
        box.press_sequentially(query, delay=15)
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=1500)
            page.wait_for_timeout(150)
            return page.eval_on_selector_all(".md-search-result__item",
                                             "els => els.map(li => li.querySelector('a').getAttribute('href'))")
        except Exception:  # noqa: BLE001 - index still loading
            waited += 1500
    return []


def page_of(href: str) -> str:
    """'../en/kelayakan/?h=usia#x' or 'file:///…/en/kelayakan.html?h=…' -> 'en/kelayakan'."""
    path = re.sub(r"[?#].*$", "", href)
    path = re.sub(r"^(https?://[^/]+|file://.*?/site-kiosk)/", "", path)
    path = re.sub(r"(/index)?\.html$|/$", "", path)
    return path


QUERIES = {
    # (query, page expected among the first results): affixed form, synonym, typo
    "id": [("latih", "cara-kerja"), ("umur", "tanya-jawab"), ("pendaftran", "cara-kerja")],
    "en": [("registering", "cara-kerja"), ("laid off", "tentang-prakerja"), ("eligibilty", "kelayakan"),
           # a one-word synonym widens the query; a word family joins registration and register
           ("applying", "cara-kerja"), ("registraion", "cara-kerja")],
}


def check_language(page, lang: str) -> None:
    for query, expected in QUERIES[lang]:
        pages = [page_of(href) for href in result_links(page, query)]
        assert pages, f"{lang}: {query!r} found nothing"
        if lang == "en":
            assert all(p.startswith("en/") or p == "en" for p in pages), f"{query!r}: {pages}"
            assert f"en/{expected}" in pages[:5], f"{query!r}: {pages}"
        else:
            assert not [p for p in pages if p.startswith("en/") or p == "en"], f"{query!r}: {pages}"
            assert expected in pages[:5], f"{query!r}: {pages}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_online_finds_word_forms_synonyms_and_typos_in_one_language(page, site_server, lang):
    page.goto(site_server.origin + ("/en/" if lang == "en" else "/"))
    check_language(page, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_on_the_kiosk_from_file_without_network(chromium, kiosk_site, lang):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site, "en/index.html" if lang == "en" else "index.html"))
        check_language(page, lang)


@pytest.mark.parametrize(("path", "query", "expected"), [("/404.html", "pelatihan", "cara-kerja"),
                                                        ("/en/404.html", "training", "en/cara-kerja")])
def test_search_from_the_page_not_found(page, site_server, path, query, expected):
    """A reader who followed a dead link searches from the 404 page (which a host serves at
    any address, so it names the worker by its root path)."""
    page.goto(site_server.origin + path)
    pages = [page_of(href) for href in result_links(page, query)]
    assert expected in pages[:5], pages


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "Coba kata lain, atau buka Cek kelayakan atau Tanya jawab."),
    ("/en/", "Try other words, or open Check eligibility or Questions and answers."),
])
def test_nothing_found_offers_the_checker_and_the_faq(page, site_server, path, expected):
    page.goto(site_server.origin + path)
    result_links(page, "prakerja", timeout_ms=10_000)  # the index is ready
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("qwxzv", delay=15)
    help_line = page.locator(".px-search-help")
    help_line.wait_for(state="visible", timeout=5000)
    assert help_line.inner_text() == expected
    hrefs = help_line.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert [page_of(h) for h in hrefs] == [("en/" if path == "/en/" else "") + name
                                           for name in ("cek-kelayakan", "tanya-jawab")]
    box.fill("")
    box.press_sequentially("pelatihan" if path == "/" else "training", delay=15)
    help_line.wait_for(state="hidden", timeout=5000)

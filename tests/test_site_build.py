"""Build the real site and check its HTML as a reader's browser would get it."""

from __future__ import annotations

import json
import re

import pytest

from sitecheck import BASE, broken_links, load_pages, outside_resources

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def pages(built_site):
    return load_pages(built_site)


def lang_of(url: str) -> str:
    return "en" if url.startswith(BASE + "en/") else "id"


def counterpart(url: str) -> str:
    rel = url[len(BASE):]
    return BASE + rel[len("en/"):] if rel.startswith("en/") else BASE + "en/" + rel


def test_both_languages_present(pages):
    id_pages = {u for u in pages if lang_of(u) == "id"}
    en_pages = {u for u in pages if lang_of(u) == "en"}
    assert BASE in id_pages and BASE + "en/" in en_pages
    assert {counterpart(u) for u in id_pages} == en_pages


def test_html_lang_matches_language(pages):
    for url, page in pages.items():
        assert page.soup.html["lang"] == lang_of(url), url


def test_hreflang_alternates_are_absolute_and_complete(pages, site_port):
    site_url = f"http://127.0.0.1:{site_port}/"
    for url, page in pages.items():
        if page.path.name == "404.html":
            continue
        links = {link["hreflang"]: link["href"] for link in page.soup.select("link[rel=alternate][hreflang]")}
        assert set(links) == {"id", "en", "x-default"}, url
        rel = url[len(BASE):]
        id_rel = rel[len("en/"):] if rel.startswith("en/") else rel
        assert links["id"] == site_url + id_rel, url
        assert links["en"] == site_url + "en/" + id_rel, url
        assert links["x-default"] == links["id"], url


def test_language_switcher_targets_counterpart(pages):
    for url, page in pages.items():
        if page.path.name == "404.html":
            continue
        switch = {a["hreflang"]: a["href"] for a in page.soup.select("a.md-select__link[hreflang]")}
        assert set(switch) == {"id", "en"}, url
        from urllib.parse import urljoin

        other = "en" if lang_of(url) == "id" else "id"
        assert urljoin(url, switch[other]) == counterpart(url), (url, switch)
        assert urljoin(url, switch[lang_of(url)]) == url, (url, switch)


def test_404_page_per_language(built_site):
    for rel, lang, words in (("404.html", "id", "Halaman tidak ditemukan"), ("en/404.html", "en", "Page not found")):
        html = (built_site / rel).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert words in html
        assert 'hreflang="' not in html, "the 404 page must not advertise alternates"


def test_every_page_starts_the_search_worker_the_build_holds(built_site):
    """Material's lunr worker is removed; a page still naming it (the default language's 404
    page, restored after the build once did) finds nothing when the reader searches."""
    workers = {path.name for path in (built_site / "assets/javascripts/workers").glob("search.*.min.js")}
    assert len(workers) == 1, workers
    wrong = {}
    for page in sorted(built_site.rglob("*.html")):
        named = set(re.findall(r'workers/(search\.[0-9a-f]{8}\.min\.js)"', page.read_text(encoding="utf-8")))
        if named != workers:
            wrong[page.relative_to(built_site).as_posix()] = sorted(named)
    assert not wrong, f"pages not naming {workers}: {wrong}"


def test_search_snippets_hold_no_note_marks(built_site):
    """A note mark ("8" and, for screen readers, "Dasar hukum: Pasal 8 ...") is left out of the
    search index: in a result's snippet it read "pelatihan 8 Dasar hukum: Pasal 8 ayat (1)
    Perpres 36/2020. Pada 2020 ..."."""
    for lang, word in (("id", "Dasar hukum"), ("en", "Legal basis")):
        docs = json.loads((built_site / f"search/index.{lang}.json").read_text(encoding="utf-8"))["docs"]
        marked = [doc["location"] for doc in docs if re.search(rf"\b\d+(?:[,–] ?\d+)* {word}:", doc["text"])]
        assert not marked, f"{lang}: note marks in the index text of {marked[:5]}"
        assert any("Pasal 3" in doc["text"] or "Article 3" in doc["text"] for doc in docs)


def test_no_broken_internal_links_or_anchors(built_site, pages):
    assert broken_links(built_site, pages) == []


def test_nothing_loads_from_outside(pages, site_port):
    assert outside_resources(pages, f"http://127.0.0.1:{site_port}/") == []


def test_no_google_fonts_analytics_or_cdn(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "unpkg.com", "cdn.jsdelivr"):
            assert needle not in html, f"{path}: {needle}"


def test_site_name_and_description_translated(pages):
    assert "Penjelasan Kartu Prakerja" in pages[BASE].soup.title.text
    assert "Kartu Prakerja Explained" in pages[BASE + "en/"].soup.title.text
    assert "tidak resmi" in pages[BASE].soup.find("meta", attrs={"name": "description"})["content"]
    assert "unofficial" in pages[BASE + "en/"].soup.find("meta", attrs={"name": "description"})["content"]


def test_material_ui_strings_follow_language(pages):
    assert pages[BASE].soup.select_one("input.md-search__input")["placeholder"] == "Cari"
    assert pages[BASE + "en/"].soup.select_one("input.md-search__input")["placeholder"] == "Search"


def test_published_bundle_has_no_stay_on_page_fetch_or_source_maps(built_site):
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).read_text(encoding="utf-8")
    assert "ui({document$:ct});" not in bundle
    assert "sourceMappingURL" not in bundle
    assert not list(built_site.rglob("*.map"))

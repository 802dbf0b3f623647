"""The kiosk build's HTML and configuration (issue 6), and that the public site is unaffected.

Browser behaviour (file://, search, idle reset, touch sizes) is in test_kiosk.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build
from diag import assert_error, position
from sitecheck import load_pages, outside_resources
from sitekit.kiosk_links import outside_links, printed_form

pytestmark = pytest.mark.build

SHIM = ROOT / "node_modules/iframe-worker/shim/index.js"
OFFICIAL_SOURCE = "https://peraturan.go.id/"


def raw_config(name: str) -> dict:
    """A config file as MkDocs reads it (with !ENV and INHERIT resolved), before validation."""
    from mkdocs.utils import yaml_load

    with open(ROOT / name, "rb") as handle:
        return yaml_load(handle)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_404(path: Path) -> bool:
    return path.name == "404.html"


@pytest.fixture(scope="module")
def kiosk_pages(kiosk_site):
    return load_pages(kiosk_site)


# ---- configuration --------------------------------------------------------------------

def test_offline_plugin_comes_after_i18n():
    """MKDOCS-NOTES pitfall 1: otherwise the offline search index holds one language only."""
    plugins = raw_config("mkdocs.kiosk.yml")["plugins"]
    assert isinstance(plugins, dict), "plugins must stay a mapping so INHERIT merges it"
    names = list(plugins)
    assert names.index("i18n") < names.index("offline"), names


def test_kiosk_lists_repeat_the_public_lists():
    """INHERIT replaces lists: a hook, stylesheet or script added to mkdocs.yml must be added
    to mkdocs.kiosk.yml too, in the same order, or the kiosk silently loses it."""
    base, kiosk = raw_config("mkdocs.yml"), raw_config("mkdocs.kiosk.yml")
    for key in ("hooks", "extra_css", "extra_javascript"):
        kept = [entry for entry in kiosk[key] if entry in base[key]]
        assert kept == base[key], f"{key}: mkdocs.kiosk.yml lacks or reorders {base[key]}"
    assert "hooks/kiosk.py" in kiosk["hooks"]
    assert kiosk["hooks"].index("hooks/kiosk.py") < kiosk["hooks"].index("hooks/i18n_finish.py")
    base_features, kiosk_features = base["theme"]["features"], kiosk["theme"]["features"]
    assert set(kiosk_features) <= set(base_features), "the kiosk only switches features off"
    assert set(base_features) - set(kiosk_features) <= {"content.tooltips"}, "keep the kiosk in step with the site"
    assert not [f for f in kiosk_features if f.startswith(("content.action", "navigation.instant"))]


def test_kiosk_settings_defaults():
    extra = raw_config("mkdocs.kiosk.yml")["extra"]
    assert extra["kiosk"] is True
    assert extra["kiosk_idle_seconds"] == 120
    assert extra["kiosk_warning_seconds"] >= 20
    assert extra["kiosk_printer"] is False
    assert any("iframe-worker" in p and not p.startswith(("http:", "https:", "//")) for p in extra["polyfills"])


@pytest.mark.parametrize(
    ("setting", "message"),
    [("kiosk_warning_seconds: 10", "WCAG 2.2.1"), ("kiosk_idle_seconds: 30", "must be longer than")],
)
def test_unsafe_idle_settings_stop_the_build(docs_copy, setting, message):
    config = docs_copy / "mkdocs.kiosk.yml"
    key = setting.split(":")[0]
    text, count = re.subn(rf"^  {key}: .*$", f"  {setting}", config.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(docs_copy / "out", project=docs_copy, config="mkdocs.kiosk.yml", check=False)
    assert result.returncode != 0
    assert_error(result.stdout + result.stderr, "mkdocs.kiosk.yml", *position(text, f"  {setting}", offset=2), message)


# ---- no way out -------------------------------------------------------------------------

def test_no_link_leaves_the_kiosk(kiosk_site):
    for path in html_files(kiosk_site):
        html = path.read_text(encoding="utf-8")
        assert outside_links(html) == [], path
        # Belt and braces, independent of the rewriter's own parser.
        assert not re.search(r"<a\b[^>]*\shref\s*=\s*[\"']?\s*(https?:|//|tel:|mailto:)", html, re.I), path
        assert not re.search(r"<(form|area)\b[^>]*(action|href)\s*=\s*[\"']?\s*(https?:|//)", html, re.I), path


def _kiosk_twin(kiosk_site: Path, public_rel: str) -> Path | None:
    """The kiosk file for a public page: the offline plugin turns 'x/index.html' into 'x.html'."""
    candidates = [kiosk_site / public_rel]
    if public_rel.endswith("/index.html"):
        candidates.insert(0, kiosk_site / (public_rel[: -len("/index.html")] + ".html"))
    return next((c for c in candidates if c.is_file()), None)


def test_every_public_outside_link_is_a_qr_block_in_the_kiosk(built_site, kiosk_site):
    checked = 0
    for public in html_files(built_site):
        if is_404(public):
            continue
        rel = public.relative_to(built_site).as_posix()
        hrefs = [h.strip() for h in outside_links(public.read_text(encoding="utf-8"))]
        if not hrefs:
            continue
        twin = _kiosk_twin(kiosk_site, rel)
        assert twin is not None, f"no kiosk page for {rel}"
        kiosk_html = twin.read_text(encoding="utf-8")
        qr_targets = set(re.findall(r'<span class="px-qr" data-px-qr="([^"]*)"', kiosk_html))
        for href in hrefs:
            assert href.replace("&", "&amp;") in qr_targets, (rel, href)
        checked += len(hrefs)
    assert checked > 0, "the public site has no outside links at all: this test checks nothing"


def test_every_qr_block_is_labelled_with_its_address(kiosk_pages):
    blocks = 0
    for page in kiosk_pages.values():
        lang = page.soup.html["lang"]
        for block in page.soup.select("span.px-qr"):
            blocks += 1
            target = block["data-px-qr"]
            svg = block.find("svg")
            assert svg is not None and svg["role"] == "img", page.url
            assert printed_form(target) in svg["aria-label"], page.url
            assert svg["aria-label"].startswith("QR code for" if lang == "en" else "Kode QR untuk"), page.url
            assert block.select_one(".px-qr__url").get_text() == printed_form(target)
    assert blocks >= len(kiosk_pages) - 2  # at least the data statement's code on every page but the 404s


def test_running_text_holds_note_marks_and_the_sources_section_each_address_once(kiosk_pages):
    """No QR code inside a paragraph or list item of the text: a numbered mark that leads to
    the page's "Sumber" / "Sources" section, where each address has one QR code."""
    pages_with_notes = 0
    for page in kiosk_pages.values():
        article = page.soup.select_one("article.md-content__inner")
        if article is None:
            continue
        sources = article.select_one("section.px-kiosk-sources")
        for block in article.select("span.px-qr"):
            in_text = block.find_parent(["p", "li", "td"])
            assert in_text is None or sources in block.parents, f"{page.url}: QR code in running text"
        marks = article.select("a.px-note__ref")
        if not marks:
            assert sources is None, page.url
            continue
        pages_with_notes += 1
        items = sources.select("ol.px-kiosk-sources__list > li")
        targets = [item.select_one("span.px-qr")["data-px-qr"] for item in items]
        assert len(targets) == len(set(targets)), f"{page.url}: an address has two QR codes"
        assert [item["id"] for item in items] == [f"px-sumber-{n}" for n in range(1, len(items) + 1)]
        numbers = {mark["href"] for mark in marks}
        assert numbers == {f"#{item['id']}" for item in items}, page.url
        heading = sources.select_one("h2").get_text()
        assert heading == ("Sources" if page.soup.html["lang"] == "en" else "Sumber")
    assert pages_with_notes >= 8


def test_each_abbreviation_is_spelled_out_once_per_page(kiosk_pages):
    spelled = 0
    for page in kiosk_pages.values():
        words = [abbr.get_text() for abbr in page.soup.select("article abbr.px-abbr-full")]
        assert len(words) == len(set(words)), f"{page.url}: {words}"
        spelled += len(words)
        for abbr in page.soup.select("article abbr.px-abbr-full"):
            before = ""
            for text in abbr.find_all_previous(string=True):
                before = text + before
                if len(before) > 80:
                    break
            before = " ".join(before.split()).casefold()[-80:]
            assert abbr["title"].casefold() not in before, f"{page.url}: {abbr} twice in a row"
    assert spelled > 0


# ---- offline: nothing from outside, search inlined, shim shipped ----------------------

def test_nothing_loads_from_outside(kiosk_pages):
    assert outside_resources(kiosk_pages) == []


# Material's bundle names two CDN scripts that it loads only on demand: a ResizeObserver
# polyfill (every Chromium the kiosk could run has ResizeObserver) and mermaid (only for
# mermaid diagrams, which the site does not use). The browser tests prove neither loads.
MATERIAL_ON_DEMAND = ("https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js")


def test_no_cdn_address_in_any_page_script_or_stylesheet(kiosk_site):
    cdns = ("unpkg.com", "cdn.jsdelivr", "cdnjs", "fonts.googleapis", "fonts.gstatic", "googletagmanager")
    for path in [*kiosk_site.rglob("*.html"), *kiosk_site.rglob("*.js"), *kiosk_site.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("bundle."):
            for known in MATERIAL_ON_DEMAND:
                text = text.replace(known, "")
        if path.suffix == ".html":
            assert 'class="mermaid"' not in text, f"{path}: mermaid would load from unpkg.com"
        for needle in cdns:
            assert needle not in text, f"{path}: {needle}"


def test_iframe_worker_shim_comes_from_the_npm_package(kiosk_site):
    shipped = (kiosk_site / "assets/javascripts/iframe-worker-shim.js").read_text(encoding="utf-8")
    assert shipped.endswith(SHIM.read_text(encoding="utf-8"))
    assert (kiosk_site / "assets/javascripts/iframe-worker-shim.LICENSE.txt").is_file()
    home = (kiosk_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker-shim.js"></script>' in home
    en_home = (kiosk_site / "en/index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/javascripts/iframe-worker-shim.js"></script>' in en_home
    assert not (ROOT / "overrides/assets/javascripts/iframe-worker-shim.js").exists(), "ship it, don't commit it"


def test_offline_search_index_holds_both_languages(kiosk_site):
    script = (kiosk_site / "search/search_index.js").read_text(encoding="utf-8")
    prefix = "var __index = "
    assert script.startswith(prefix)
    docs = json.loads(script[len(prefix):])["docs"]
    english = [d for d in docs if d["location"].startswith("en/")]
    indonesian = [d for d in docs if not d["location"].startswith("en/")]
    assert english and indonesian
    assert {d["location"].split("#")[0] for d in indonesian} >= {"index.html"}
    assert {d["location"].split("#")[0] for d in english} >= {"en/index.html"}


# ---- kiosk furniture on every page ----------------------------------------------------

def test_bar_data_statement_and_settings_on_every_page(kiosk_pages):
    as_of = str(raw_config("mkdocs.yml")["extra"]["as_of"])
    for page in kiosk_pages.values():
        if is_404(page.path):
            continue
        soup = page.soup
        lang = soup.html["lang"]
        bar = soup.select_one("nav.px-kiosk-bar")
        assert bar is not None, page.url
        assert {el["data-px-kiosk"] for el in bar.select("[data-px-kiosk]")} == {"home", "back", "language",
                                                                                  "text-size"}
        assert {a["hreflang"] for a in bar.select("a[data-px-kiosk=language]")} == {"id", "en"}
        data = soup.select_one(".px-kiosk-data")
        assert data is not None, page.url
        assert data.select_one(f'time[datetime="{as_of}"]') is not None, page.url
        assert data.select_one(f'.px-qr[data-px-qr="{OFFICIAL_SOURCE}"] svg[role=img]') is not None, page.url
        settings = json.loads(soup.select_one("#px-kiosk-config").string)
        assert settings["idleSeconds"] == 120 and settings["warningSeconds"] >= 20
        assert settings["printer"] is False
        assert settings["strings"]["id"]["idle_title"] == "Masih di sini?"
        assert settings["strings"]["en"]["idle_title"] == "Still there?"
        dialog = soup.select_one("dialog#px-kiosk-idle")
        assert dialog.h2.get_text() == settings["strings"][lang]["idle_title"]


def test_reset_target_is_the_indonesian_home_page(kiosk_site, kiosk_pages):
    for page in kiosk_pages.values():
        if is_404(page.path):
            continue
        settings = json.loads(page.soup.select_one("#px-kiosk-config").string)
        assert (page.path.parent / settings["resetUrl"]).resolve() == (kiosk_site / "index.html").resolve()


def test_no_edit_or_view_source_buttons_and_no_hover_only_tooltips(kiosk_pages):
    for page in kiosk_pages.values():
        soup = page.soup
        assert not soup.select("a[rel=edit], .md-content__button"), page.url
        features = json.loads(soup.select_one("#__config").string)["features"]
        assert "content.tooltips" not in features  # hover-only


# ---- the public site is unaffected ------------------------------------------------------

def test_public_site_keeps_normal_links_and_no_kiosk_parts(built_site):
    outside = 0
    for path in html_files(built_site):
        html = path.read_text(encoding="utf-8")
        outside += len(outside_links(html))
        for needle in ("px-qr", "px-kiosk", "kiosk.js", "kiosk.css", "iframe-worker"):
            assert needle not in html, f"{path}: {needle}"
    assert outside > 0, "the public site should keep its ordinary outside links"
    assert not (built_site / "search/search_index.js").exists()
    assert not (built_site / "assets/javascripts/iframe-worker-shim.js").exists()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '"content.tooltips"' in home

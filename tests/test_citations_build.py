"""Citations in built HTML: rendering per language, links, back-links, previews,
JSON-LD and the JSON export. Uses a small synthetic registry so the expected
text is exact, plus checks over the real site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.build

ID_PAGE = """# Contoh

Syarat usia ada di [[Perpres 1/2090 Pasal 3 ayat (2) huruf b]].
Dua pasal: [[Perpres 1/2090 Pasal 12A dan Pasal 12B]].
Rentang: [[Perpres 1/2090 Pasal 3 ayat (1) sampai dengan ayat (2)]].
Dulu: [[Perpres 1/2090 Pasal 3 ayat (2) huruf b @2090-05-01]]. Kode: `[[bukan kutipan]]`.
Pengubah: [[Perpres 2/2091 Pasal I angka 1]]. Seluruhnya: [[Perpres 2/2091]].
Bersama [[Perpres 1/2090 Pasal 12A]], [[Perpres 1/2090 Pasal 3 ayat (2) huruf b]].
"""
EN_PAGE = ID_PAGE.replace("# Contoh", "# Example").replace("Syarat usia ada di", "The age rule is in")


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("citeproj") / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".venv", "node_modules", "site", "site-kiosk*", ".git", "__pycache__", ".pytest_cache", ".hypothesis",
        "regulations", "benchmarks", "regulasi"))
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(ROOT / "tests/fixtures/regulations", project / "regulations")
    # The search synonyms name words of the real pages, which this small site does not have.
    for lang in ("id", "en"):
        (project / "data" / "search" / f"{lang}.yml").write_text("synonyms: {}\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    dated = re.sub(r'(?m)^(\s*as_of:\s*)"?\d{4}-\d{2}-\d{2}"?', r'\g<1>"2092-01-01"', config)
    assert dated != config, "mkdocs.yml has no extra.as_of to move"
    (project / "mkdocs.yml").write_text(dated, encoding="utf-8")
    # Keep only pages that cite nothing from the real registry, plus the test page.
    for lang, text in (("id", ID_PAGE), ("en", EN_PAGE)):
        folder = project / "docs" / lang
        for page in folder.glob("*.md"):
            if page.name != "index.md":
                page.unlink()
        (folder / "index.md").write_text(text, encoding="utf-8")
        (folder / "full").mkdir()
        (folder / "full" / "index.md").write_text(
            "---\ncitations: full\n---\n\n# Full\n\nPengubah: [[Perpres 2/2091 Pasal I angka 1]].\n",
            encoding="utf-8")
    nav_start = config.index("nav:")
    nav_end = config.index("\nplugins:")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[:nav_start] + "nav:\n  - Beranda: index.md\n  - Full: full/index.md\n  - Peraturan: regulasi/index.md\n" + config[nav_end:]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = project / "site"
    mkdocs_build(site, project=project)
    return site


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def cites(site: Path, rel: str) -> list[tuple[str, str]]:
    """The page's legal-basis list ("Dasar hukum"): each citation once, in full, with its link."""
    return [(a.get_text(), a["href"]) for a in soup(site, rel).select("#dasar-hukum + ol.px-basis > li > a.px-cite")]


def marks(site: Path, rel: str) -> list:
    """The note marks that stand for the citations in running text."""
    return soup(site, rel).select("article a.px-cite--mark")


def test_indonesian_rendering_follows_drafting_style(fixture_site):
    assert [text for text, _ in cites(fixture_site, "index.html")] == [
        "Pasal 3 ayat (2) huruf b Perpres 1/2090",
        "Pasal 12A dan Pasal 12B Perpres 1/2090",
        "Pasal 3 ayat (1) sampai dengan ayat (2) Perpres 1/2090",
        "Pasal 3 ayat (2) huruf b Perpres 1/2090 (versi per 1 Mei 2090)",
        "Pasal I angka 1 Perpres 2/2091",
        "Perpres 2/2091",
        "Pasal 12A Perpres 1/2090",
    ]


def test_english_rendering(fixture_site):
    assert [text for text, _ in cites(fixture_site, "en/index.html")] == [
        "Article 3(2)(b) of Presidential Regulation No. 1 of 2090",
        "Articles 12A and 12B of Presidential Regulation No. 1 of 2090",
        "Article 3(1) to (2) of Presidential Regulation No. 1 of 2090",
        "Article 3(2)(b) of Presidential Regulation No. 1 of 2090 (as in force on 1 May 2090)",
        "Article I point 1 of Presidential Regulation No. 2 of 2091",
        "Presidential Regulation No. 2 of 2091",
        "Article 12A of Presidential Regulation No. 1 of 2090",
    ]


@pytest.mark.parametrize(("rel", "heading", "word"), [("index.html", "Dasar hukum", "Dasar hukum"),
                                                      ("en/index.html", "Legal basis", "Legal basis")])
def test_running_text_has_note_marks_that_screen_readers_hear_in_full(fixture_site, rel, heading, word):
    full = dict(enumerate((text for text, _ in cites(fixture_site, rel)), 1))
    hrefs = dict(enumerate((href for _, href in cites(fixture_site, rel)), 1))
    assert soup(fixture_site, rel).find(id="dasar-hukum").get_text(strip=True).startswith(heading)
    found = marks(fixture_site, rel)
    # One mark per citation, except the two neighbours of the last line, which share one
    # (Pasal 12A, new: 7; and 3(2)(b) again: 1).
    assert [m.select_one(".px-cite__n").get_text() for m in found] == ["1", "2", "3", "4", "5", "6",
                                                                       "1, 7"]
    for mark in found:
        numbers = [int(n.rsplit("-", 1)[1]) for n in mark["data-px-notes"].split()]
        hidden = mark.select_one(".px-vh").get_text()
        assert hidden.strip().startswith(word + ":")
        for number in numbers:
            assert full[number] in hidden  # the full citation, for screen readers
            assert soup(fixture_site, rel).find(id=f"dasar-hukum-{number}") is not None
        first = 7 if numbers == [1, 7] else numbers[0]  # the merged mark's first citation is number 7
        assert mark["href"] == hrefs[first]
        assert all(ident in soup(fixture_site, rel).select_one(".px-previews").decode()
                   for ident in mark.get("data-px-preview", "").split())
    merged = found[-1]
    assert merged.select_one(".px-vh").get_text() == f" {word}: {full[7]}; {full[1]}"
    twelve_a = soup(fixture_site, rel).select_one("#dasar-hukum-7 a")["data-px-preview"].split()
    assert merged["data-px-preview"].split() == twelve_a + found[0]["data-px-preview"].split()


def test_the_full_form_page_style_keeps_citations_in_place_and_has_no_list(fixture_site):
    page = soup(fixture_site, "full/index.html")
    links = page.select("article a.px-cite")
    assert [a.get_text() for a in links] == ["Pasal I angka 1 Perpres 2/2091"]
    assert page.find(id="dasar-hukum") is None and not page.select(".px-cite--mark")


def test_code_spans_are_left_alone(fixture_site):
    assert "<code>[[bukan kutipan]]</code>" in (fixture_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", ["index.html", "en/index.html"])
def test_links_go_to_the_same_language_regulation_page_and_anchor_exists(fixture_site, rel):
    base = "http://x/" + rel.removesuffix("index.html")
    for _, href in cites(fixture_site, rel):
        target = urljoin(base, href)
        path, _, anchor = target.removeprefix("http://x/").partition("#")
        assert path.startswith(("regulasi/", "en/regulasi/")) and path.startswith(rel.removesuffix("index.html"))
        page = soup(fixture_site, path + "index.html")
        if anchor:
            assert page.find(id=anchor) is not None, (href, anchor)


def test_pinned_citation_links_to_the_historic_version(fixture_site):
    hrefs = [href for _, href in cites(fixture_site, "index.html")]
    assert hrefs[3].endswith("#pasal-3-ayat-2--vawal")
    assert hrefs[0].endswith("#pasal-3-ayat-2-huruf-b")


def test_preview_blocks_are_on_the_page_hidden_and_out_of_search(fixture_site):
    page = soup(fixture_site, "en/index.html")
    store = page.select_one("aside.px-previews")
    assert store is not None and store.has_attr("hidden") and store.has_attr("data-search-exclude")
    first = page.select_one("a.px-cite")
    preview = page.find(id=first["data-px-preview"].split()[0])
    assert "aged 18 to 64" in preview.get_text()
    assert preview.select_one('[lang="id"]').get_text().startswith("b. berusia 18 sampai 64 tahun")
    assert preview.select_one(".px-evidence--official-text") is not None


def test_regulation_page_versions_and_back_links(fixture_site):
    page = soup(fixture_site, "regulasi/perpres-1-2090/index.html")
    block = page.find(id="pasal-3-ayat-2")
    assert block is not None and "Syarat" in block.get_text()
    assert page.find(id="pasal-3-ayat-2-huruf-b") is not None
    assert page.find(id="pasal-3-ayat-2--vawal") is not None  # the earlier version, kept
    history = page.select("details.px-history")
    assert history and "Versi sebelumnya" in history[0].get_text()
    cited_on = block.find_next("p", class_="px-cited-on").find_next("ul")
    assert [a.get_text() for a in cited_on.select("a")] == ["Contoh"]
    assert [a["href"] for a in cited_on.select("a")] == ["../../"]


def test_back_links_exist_in_english_too(fixture_site):
    page = soup(fixture_site, "en/regulasi/perpres-1-2090/index.html")
    heading = page.find(id="pasal-12a")
    links = heading.find_next("p", class_="px-cited-on").find_next("ul").select("a")
    assert [a.get_text() for a in links] == ["Example"]


def test_json_ld_legislation(fixture_site):
    page = soup(fixture_site, "regulasi/perpres-2-2091/index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "Perpres 2/2091"
    assert data["legislationChanges"] == [{"@type": "Legislation", "legislationIdentifier": "Perpres 1/2090"}]
    amended = json.loads(soup(fixture_site, "regulasi/perpres-1-2090/index.html")
                         .find("script", type="application/ld+json").string)
    assert amended["legislationLegalForce"] == "InForce"


def test_index_page_has_timeline(fixture_site):
    page = soup(fixture_site, "regulasi/index.html")
    times = [t["datetime"] for t in page.select(".px-timeline time")]
    assert times == sorted(times) and "2091-06-01" in times


def test_json_export_validates_against_its_schema(fixture_site):
    data = json.loads((fixture_site / "api/regulations.json").read_text(encoding="utf-8"))
    schema = json.loads((fixture_site / "api/regulations.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["as_of"] == "2092-01-01"
    ids = {i["id"] for i in data["instruments"]}
    assert ids == {"perpres-1-2090", "perpres-2-2091"}


def test_real_site_export_validates_and_has_every_instrument(built_site):
    data = json.loads((built_site / "api/regulations.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site / "api/regulations.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert {i["id"] for i in data["instruments"]} == {p.stem for p in (ROOT / "regulations").glob("*.yml")}


def test_real_site_has_a_page_per_instrument_in_both_languages(built_site):
    for path in (ROOT / "regulations").glob("*.yml"):
        for lang in ("", "en/"):
            page = built_site / f"{lang}regulasi/{path.stem}/index.html"
            assert page.exists(), page
            assert soup(built_site, f"{lang}regulasi/{path.stem}/index.html").find("script",
                                                                                   type="application/ld+json")


def test_unknown_facts_are_shown_as_unknown(built_site):
    page = soup(built_site, "regulasi/perbup-banyumas-99-2021/index.html").select_one("table.px-meta").get_text()
    assert "tidak diketahui" in page
    page_en = soup(built_site, "en/regulasi/perbup-banyumas-99-2021/index.html").select_one("table.px-meta").get_text()
    assert "unknown" in page_en


@pytest.fixture(scope="module")
def fixture_server(fixture_site):
    from conftest import StaticServer, free_port

    with StaticServer(fixture_site, free_port()) as server:
        yield server


@pytest.mark.browser
def test_preview_opens_by_keyboard_and_closes_with_escape(chromium, fixture_server):
    from conftest import guarded_context

    context = guarded_context(chromium, (fixture_server.origin + "/",))
    page = context.new_page()
    page.goto(fixture_server.origin + "/en/")
    link = page.locator("a.px-cite").first
    for _ in range(200):  # Tab from the top of the page, as a keyboard user would
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('px-cite')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('px-cite')")
    tip = page.locator("#px-tip")
    assert tip.is_visible()
    assert "aged 18 to 64" in tip.inner_text() and "Official text" in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "px-tip"
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    assert not context.outside_requests
    context.close()


@pytest.mark.browser
def test_preview_opens_by_tap_and_second_tap_follows(chromium, fixture_server):
    from conftest import guarded_context

    context = guarded_context(chromium, (fixture_server.origin + "/",), has_touch=True, is_mobile=True,
                              viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(fixture_server.origin + "/")
    link = page.locator("a.px-cite").first
    link.tap()
    tip = page.locator("#px-tip")
    assert tip.is_visible()
    assert page.url == fixture_server.origin + "/", "the first tap shows the preview instead of leaving"
    assert "berusia 18 sampai 64 tahun" in tip.inner_text()
    tip.get_by_role("link", name="Buka pasal").tap()
    page.wait_for_url("**/regulasi/perpres-1-2090/#pasal-3-ayat-2-huruf-b")
    assert not context.outside_requests
    context.close()


@pytest.mark.browser
def test_preview_opens_on_hover(chromium, fixture_server):
    from conftest import guarded_context

    context = guarded_context(chromium, (fixture_server.origin + "/",))
    page = context.new_page()
    page.goto(fixture_server.origin + "/")
    page.locator("a.px-cite").nth(1).hover()
    tip = page.locator("#px-tip")
    assert tip.is_visible() and "Pasal 12A" in tip.inner_text() and "Pasal 12B" in tip.inner_text()
    context.close()


@pytest.mark.parametrize(("prefix", "meta"), [("", "Berlaku sejak"), ("en/", "In force from")])
def test_real_site_search_index_holds_no_preview_text(built_site, prefix, meta):
    """Previews are hidden copies of the law; indexed, every citing page would match
    every cited provision's words. Only the regulation pages carry provision text."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = [d for d in index["docs"] if d["location"].startswith(prefix)
             and "regulasi/" not in d["location"] and (prefix or not d["location"].startswith("en/"))]
    assert pages
    leaked = [d["location"] for d in pages if meta in d["text"]]
    assert leaked == []

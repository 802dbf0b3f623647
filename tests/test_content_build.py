"""The explainer pages as built: citations, data-driven blocks, language
marking, and bad input that must stop the build with path:line."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build
from peraturan.explainer import bibliography, dated
from peraturan.explainer.authority import load_authority
from peraturan.explainer.sitedata import format_rupiah
from peraturan.legal.loader import load_registry

pytestmark = pytest.mark.build

PAGES = ["index", "tentang-prakerja", "kelayakan", "cara-kerja", "kewajiban-sanksi", "kewenangan", "banyumas",
         "penelitian", "tanya-jawab", "glosarium", "tentang-situs"]
AS_OF = dt.date(2026, 11, 23)


def html_path(site, lang: str, page: str):
    prefix = "" if lang == "id" else "en/"
    return site / (f"{prefix}index.html" if page == "index" else f"{prefix}{page}/index.html")


def content(site, lang: str, page: str) -> BeautifulSoup:
    soup = BeautifulSoup(html_path(site, lang, page).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article.md-content__inner")


@pytest.fixture(scope="module")
def data():
    registry = load_registry(ROOT / "regulations", "regulations")
    bib = bibliography.load_bibliography(ROOT / "data/bibliography.yml", "data/bibliography.yml")
    return {
        "amounts": dated.load_amounts(ROOT / "data/amounts.yml", "amounts", registry, AS_OF, bib),
        "limits": dated.load_limits(ROOT / "data/limits.yml", "limits", registry, AS_OF),
        "authority": load_authority(ROOT / "data/authority.yml", "authority", registry, AS_OF, bib),
    }


@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_in_both_languages_with_citation_links(built_site, page):
    for lang in ("id", "en"):
        links = content(built_site, lang, page).select("a.px-cite")
        assert links, f"{lang}/{page} has no rendered citation"
        assert all("regulasi/" in a["href"] for a in links)


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_cite_the_same_provisions_in_html(built_site, page):
    def targets(lang):
        return sorted({a["href"].split("regulasi/")[1] for a in content(built_site, lang, page).select("a.px-cite")})

    assert targets("id") == targets("en")


def test_no_citation_marker_is_left_unrendered(built_site):
    for page in PAGES:
        for lang in ("id", "en"):
            text = content(built_site, lang, page).get_text()
            assert "[[" not in text and "[@" not in text and "px:" not in text, (lang, page)


def test_amounts_render_from_data_as_one_card_per_period_total_first(built_site, data):
    for lang in ("id", "en"):
        rows = content(built_site, lang, "cara-kerja").select(".px-amounts .px-amount")
        assert len(rows) == len(data["amounts"].periods)
        for row, period in zip(rows, data["amounts"].periods, strict=True):
            assert period.label.get(lang) in row.select_one(".px-amount__period").get_text()
            total = row.select("p, dl")[1]
            assert "px-amount__total" in total["class"]
            if period.total:
                assert format_rupiah(period.total, lang) in total.get_text()
            for part in period.parts.values():
                assert format_rupiah(part.amount, lang) in row.select_one(".px-amount__parts").get_text()
            for entry in period.sources:
                assert entry.short.get(lang) in row.get_text()
            assert row.select_one(f".px-evidence--{period.evidence}") is not None
    assert "Rp4.200.000" in content(built_site, "id", "cara-kerja").get_text()
    assert "Rp4,200,000" in content(built_site, "en", "cara-kerja").get_text()


def test_age_limits_in_prose_come_from_data(built_site, data):
    age_max = dated.value_text("age_max", "id", AS_OF, data["limits"], None)
    for lang in ("id", "en"):
        lead = content(built_site, lang, "kelayakan").select_one(".px-summary p:not(.admonition-title)").get_text()
        assert age_max in lead


def _anchor_exists(site, page_url: str, href: str) -> bool:
    target = urljoin(page_url, href)
    path, _, anchor = target.partition("#")
    rel = path.replace("http://x/", "")
    soup = BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find(id=anchor) is not None if anchor else soup.find("h1") is not None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_authority_map_has_svg_and_a_text_alternative_linking_every_edge(built_site, data, lang):
    article = content(built_site, lang, "kewenangan")
    svg = article.select_one("figure.px-authority svg[role=img]")
    title_id, desc_id = svg["aria-labelledby"].split()
    assert article.find(id=title_id).name == "title" and article.find(id=desc_id).name == "desc"
    edges = data["authority"].edges
    assert len(svg.select(".px-authority__edge")) == len(edges)
    items = article.select(".px-authority-list > ol > li")
    assert len(items) == len(edges)
    page_url = "http://x/" + ("en/" if lang == "en" else "") + "kewenangan/"
    for item, edge in zip(items, edges, strict=True):
        # The edge's citations share one note mark; each is an entry of the page's legal-basis list.
        marks = item.select("a.px-cite--mark")
        assert len(marks) == 1, item.get_text()
        notes = marks[0]["data-px-notes"].split()
        assert len(notes) == len(set(edge.cites)), item.get_text()
        links = [article.find(id=note).select_one("a.px-cite") for note in notes]
        assert marks[0]["href"] in [link["href"] for link in links]
        for link in links:
            # a provision anchor; only an instrument whose text was not found links to its page
            assert "#pasal-" in link["href"] or link["href"].endswith("/perbup-banyumas-99-2021/"), link
            assert _anchor_exists(built_site, page_url, link["href"]), link["href"]


def _cited_on(site, page_url: str, href: str) -> list[str]:
    """Absolute URLs of the "Cited on" links under the provision a citation link points at."""
    target = urljoin(page_url, href)
    path, _, anchor = target.partition("#")
    soup = BeautifulSoup((site / path.replace("http://x/", "") / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    listing = soup.find(id=anchor).find_next("p", class_="px-cited-on").find_next_sibling()
    return [urljoin(path, a["href"]) for a in listing.select("a")] if listing.name == "ul" else []


@pytest.mark.parametrize(("lang", "page", "block"), [
    ("id", "kewenangan", ".px-authority-list"), ("en", "kewenangan", ".px-authority-list"),
    ("id", "cek-kelayakan", ".px-checker-static"), ("en", "cek-kelayakan", ".px-checker-static"),
])
def test_citations_written_by_blocks_get_back_links(built_site, lang, page, block):
    """A provision cited only by a generated block (authority map, checker tables) still
    lists the page under "Cited on"."""
    article = content(built_site, lang, page)
    page_url = "http://x/" + ("en/" if lang == "en" else "") + f"{page}/"
    links = article.select(f"{block} a.px-cite")
    assert links
    # A note mark stands for every citation it names in the page's legal-basis list.
    links += [article.find(id=note).select_one("a.px-cite") for mark in links
              for note in mark.get("data-px-notes", "").split()]
    for link in links:
        if "#" not in link["href"]:
            continue  # a whole instrument whose text was not found: no provision to list pages under
        assert page_url in _cited_on(built_site, page_url, link["href"]), link["href"]


def test_english_pages_mark_indonesian_quotations(built_site):
    for page in PAGES:
        article = content(built_site, "en", page)
        for quote in article.select("blockquote"):
            assert quote.get("lang") == "id", (page, quote.get_text()[:60])
        for law in article.select(".px-provision .px-law"):
            assert law.get("lang") == "id"
    kelayakan = content(built_site, "en", "kelayakan")
    assert kelayakan.select(".px-provision li span[lang=id]")
    assert "our unofficial translation" in kelayakan.get_text()
    glossary = content(built_site, "en", "glosarium")
    assert glossary.select(".px-original[lang=id]")
    sanctions = content(built_site, "en", "kewajiban-sanksi")
    assert sanctions.select_one("blockquote[lang=id]") is not None


@pytest.mark.parametrize(("lang", "words"), [("id", "Sumber: Pasal 1 Perpres 36/2020."),
                                              ("en", "Source: Article 1 of Presidential Regulation No. 36 of 2020.")])
def test_values_show_their_citation_not_a_note_number(built_site, lang, words):
    """"Source: 1", "Who sets it: 4" or a column of numbers answers nothing: such citations stay in full."""
    glossary = content(built_site, lang, "glosarium")
    assert " ".join(glossary.select_one(".px-glossary__source").get_text().split()).startswith(words)
    regulations = content(built_site, lang, "tentang-prakerja").select_one("table")
    first_column = [row.select_one("td").get_text(strip=True) for row in regulations.select("tbody tr")]
    assert all(not cell.isdigit() for cell in first_column) and len(first_column) >= 9, first_column
    cards = content(built_site, lang, "cara-kerja").select(".px-amount__basis")
    assert cards and all(card.select("a.px-cite--value") and not card.select("a.px-cite--mark") for card in cards)


def test_abbreviations_explained_in_the_page_language(built_site):
    titles = {}
    for lang in ("id", "en"):
        abbr = content(built_site, lang, "index").find("abbr", string="PHK")
        titles[lang] = abbr["title"]
    assert titles == {"id": "Pemutusan Hubungan Kerja",
                      "en": "Pemutusan Hubungan Kerja (termination of employment)"}


def test_press_policy_sits_in_its_own_box(built_site):
    for lang, words in (("id", "2 NIK"), ("en", "2 NIK")):
        box = content(built_site, lang, "kelayakan").select_one(".admonition.px-press")
        assert box is not None and words in box.get_text()


def test_study_references_land_on_the_study_card(built_site):
    article = content(built_site, "en", "banyumas")
    link = article.select_one('a.px-ref[href*="studi-rachman-dinnakerkop"]')
    assert link is not None
    card = content(built_site, "en", "penelitian").select_one("#studi-rachman-dinnakerkop")
    assert "Asril Aulia Rachman" in card.get_text() and "E1A018096" in card.get_text()


def test_as_of_date_comes_from_the_config(built_site):
    assert "23 November 2026" in content(built_site, "id", "index").get_text()
    assert "23 November 2026" in content(built_site, "en", "index").get_text()


# ----------------------------------------------------------------------------- bad input stops the build


def _append(project, rel: str, text: str) -> int:
    path = project / "docs" / rel
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = body.count("\n") + 1
    path.write_text(body + text + "\n", encoding="utf-8")
    return line


def test_an_uncited_number_stops_the_build(docs_copy, tmp_path):
    line = _append(docs_copy, "id/banyumas.md", "Kuota Banyumas adalah 165.000 orang.")
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    assert f"docs/id/banyumas.md:{line}:23: states a number ('165.000') with no citation" in result.stderr


def test_the_exemption_marker_lets_a_non_legal_number_through(docs_copy, tmp_path):
    for lang in ("id", "en"):
        _append(docs_copy, f"{lang}/tentang-situs.md", "Versi situs 2. <!-- px:nocite site version -->")
    mkdocs_build(tmp_path / "site", project=docs_copy)


def test_an_unknown_source_key_stops_the_build(docs_copy, tmp_path):
    line = _append(docs_copy, "en/penelitian.md", "See [@no-such-study].")
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    assert f"docs/en/penelitian.md:{line}:5: unknown source [@no-such-study]" in result.stderr


def test_an_unknown_study_block_stops_the_build(docs_copy, tmp_path):
    line = _append(docs_copy, "id/penelitian.md", "<!-- px:study key=rachman-dinakerkop -->")
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    assert re.search(rf"docs/id/penelitian\.md:{line}:1: block 'px:study': unknown study key 'rachman-dinakerkop' "
                     r"\(did you mean 'rachman-dinnakerkop'\?\)", result.stderr), result.stderr


def test_a_bad_citation_in_data_stops_the_build_with_its_line(docs_copy, tmp_path):
    path = docs_copy / "data" / "authority.yml"
    text = path.read_text(encoding="utf-8")
    old = "cite: Permenko Perekonomian 11/2020 Pasal 36 ayat (1)"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, "cite: Permenko Perekonomian 11/2020 Pasal 36 ayat (9)"), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    assert f"data/authority.yml:{line}:5: edges[9]: cite: unresolved citation" in result.stderr


def test_a_second_name_for_a_concept_stops_the_build(docs_copy, tmp_path):
    """The term lint (data/terms.yml) runs at build time, like the claim lint."""
    line = _append(docs_copy, "id/cara-kerja.md", "Saldo pelatihan tidak dapat dicairkan.")
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    assert (f"docs/id/cara-kerja.md:{line}:1: 'Saldo pelatihan' is another name for 'bantuan pelatihan' "
            "(one name per concept)") in result.stderr


@pytest.mark.parametrize("lang", ["id", "en"])
def test_explainer_pages_open_with_a_summary_and_keep_the_law_one_tap_away(built_site, lang):
    """Plain language first: an "In short" box right under the title; regulation wording in
    collapsed "Text of the article" boxes (closed details), each still citing its provision."""
    title, box = ("Singkatnya", "Bunyi pasal: ") if lang == "id" else ("In short", "Text of the article: ")
    for page in ("tentang-prakerja", "kelayakan", "cara-kerja", "kewenangan", "kewajiban-sanksi", "banyumas"):
        article = content(built_site, lang, page)
        first = article.find("h1").find_next_sibling()
        assert "px-summary" in first["class"], page
        assert first.select_one(".admonition-title").get_text(strip=True) == title
        assert first.select("a.px-cite, a[href*='sumber-'], a[href^='http']"), page
        for law in article.select(".px-provision"):
            details = law.find_parent("details")
            assert details is not None and "px-law-box" in details["class"], page
            assert not details.has_attr("open")
            assert details.summary.get_text().startswith(box)
            assert law.select("a.px-cite")

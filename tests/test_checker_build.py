"""The checker page in the real build: nav, static decision table, data,
page-local assets, and bad rules data stopping the build with path:line:col."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, mkdocs_build

pytestmark = pytest.mark.build

PAGES = {"id": "cek-kelayakan/index.html", "en": "en/cek-kelayakan/index.html"}


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(("lang", "home", "title"), [("id", "Beranda", "Cek kelayakan"),
                                                      ("en", "Home", "Check eligibility")])
def test_nav_lists_the_checker_right_after_home(built_site, lang, home, title):
    page = soup(built_site, PAGES[lang])
    items = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary > ul > li > a")]
    assert items[:2] == [home, title]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_static_table_links_every_citation_to_an_existing_anchor(built_site, lang):
    page = soup(built_site, PAGES[lang])
    static = page.select_one("#px-checker-static")
    links = static.select("a.px-cite")
    assert len(links) >= 13  # 3 requirements + 7 exclusions + the old versions' citations
    for link in links:
        target, _, anchor = link["href"].partition("#")
        html = (built_site / Path(PAGES[lang]).parent / target / "index.html").resolve()
        assert html.is_file(), link["href"]
        assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), link["href"]
        for preview in link["data-px-preview"].split():
            assert page.select_one(f".px-previews #{preview}") is not None
    words = static.get_text(" ", strip=True)
    expected = "Pasal 3 ayat (5) huruf c Perpres 36/2020" if lang == "id" else \
        "Article 3(5)(c) of Presidential Regulation No. 36 of 2020"
    assert expected in words


@pytest.mark.parametrize("lang", ["id", "en"])
def test_page_carries_its_rules_as_json_in_its_language(built_site, lang):
    page = soup(built_site, PAGES[lang])
    data = json.loads(page.select_one("script#px-checker-data").string)
    assert data["lang"] == lang and data["print"] is True
    assert [q["id"] for q in data["questions"]] == ["kewarganegaraan", "usia", "pendidikan", "jabatan",
                                                     "kartu-keluarga"]
    templates = page.select(".px-checker-templates [data-px-template]")
    assert len(templates) == sum(len(r["versions"]) for r in data["rules"])


def test_assets_load_only_on_the_checker_page(built_site):
    for rel in ("assets/javascripts/checker.js", "assets/stylesheets/checker.css",
                "assets/javascripts/vendor/qrcode-generator.js"):
        assert (built_site / rel).is_file(), rel
    page = (built_site / PAGES["en"]).read_text(encoding="utf-8")
    assert 'src="../../assets/javascripts/checker.js"' in page
    # Fetched by checker.js after "start", not with the page.
    assert 'data-px-lib-qr="../../assets/javascripts/vendor/qrcode-generator.js"' in page
    assert '<script src="../../assets/javascripts/vendor/qrcode-generator.js"' not in page
    for other in ("index.html", "en/index.html", "regulasi/index.html"):
        text = (built_site / other).read_text(encoding="utf-8")
        assert "checker.js" not in text and "qrcode-generator" not in text and "checker.css" not in text
    # The QR library is npm's file, unchanged, licence header included.
    copied = (built_site / "assets/javascripts/vendor/qrcode-generator.js").read_bytes()
    assert copied == (ROOT / "node_modules/qrcode-generator/dist/qrcode.js").read_bytes()
    assert b"Licensed under the MIT license" in copied


def test_checker_script_is_small():
    script = (ROOT / "overrides/assets/javascripts/checker.js").read_bytes()
    size = len(gzip.compress(script, 9))
    print(f"checker.js: {len(script)} bytes, {size} bytes gzip")
    assert size < 8 * 1024


def test_search_index_skips_the_hidden_result_items(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    checker = [d for d in index["docs"] if d["location"].startswith("cek-kelayakan/")]
    text = " ".join(d["text"] for d in checker)
    # The reason shows once, in the table; the hidden result items (one per version) are not indexed.
    assert text.count("Orang yang sedang mengikuti pendidikan formal tidak dapat menjadi peserta") == 1
    assert "Dasar hukum:" not in text


def _break_rules(project: Path, old: str, new: str) -> tuple[int, int]:
    path = project / "rules" / "eligibility.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    start = text.index(new)
    line = text[:start].count("\n") + 1
    return line, start - text.rfind("\n", 0, start)


def test_bad_rules_data_fails_the_build_with_path_line_col(docs_copy, tmp_path):
    line, col = _break_rules(docs_copy, 'cites: ["[[Perpres 36/2020 Pasal 3 ayat (5) huruf c]]"]',
                             'cites: ["[[Perpres 36/2020 Pasal 3 ayat (5) huruf x]]"]')
    result = mkdocs_build(tmp_path / "site", project=docs_copy, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    col += len('cites: ["[[Perpres 36/2020 ')
    assert f"rules/eligibility.yml:{line}:{col}: rule 'asn': versions[0]: unresolved citation " \
           "[[Perpres 36/2020 Pasal 3 ayat (5) huruf x]]" in output, output


def test_a_site_without_the_checker_block_does_not_need_the_rules(docs_copy, tmp_path):
    _break_rules(docs_copy, "question: jabatan", "question: nowhere")
    for lang in ("id", "en"):
        (docs_copy / "docs" / lang / "cek-kelayakan.md").unlink()
    config = docs_copy / "mkdocs.yml"
    config.write_text(re.sub(r"\n\s*- Cek kelayakan: cek-kelayakan.md", "", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    mkdocs_build(tmp_path / "site", project=docs_copy)
    assert not (tmp_path / "site" / "assets/javascripts/vendor/qrcode-generator.js").exists()


@pytest.mark.parametrize(("lang", "words"), [("id", "pendaftaran terakhir dibuka pada 2024"),
                                              ("en", "registration last opened in 2024")])
def test_program_status_is_its_own_sourced_section_before_the_next_steps(built_site, lang, words):
    """The status (registration closed, the move to Kemnaker) is not buried in "next steps":
    it has its own section, with its dated press sources, which checker.js moves into the result."""
    page = soup(built_site, PAGES[lang])
    status = page.select_one("#px-checker-status")
    assert words in status.get_text(" ", strip=True)
    assert {a["href"].split("/")[2] for a in status.select("a[href^=http]")} == {"jabaran.id", "www.idntimes.com"}
    ids = [div["id"] for div in page.select(".px-checker-extra")]
    assert ids.index("px-checker-status") < ids.index("px-checker-next")
    assert words not in page.select_one("#px-checker-next").get_text(" ", strip=True)

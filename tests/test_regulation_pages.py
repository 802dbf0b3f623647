"""Regulation pages read as law (issue 11, item 6) and a preview of a whole ayat shows its
huruf: checked in the real build's HTML."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build


def soup(site, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize(("rel", "about"), [("regulasi/perpres-36-2020/index.html", "Tentang teks ini"),
                                             ("en/regulasi/perpres-36-2020/index.html", "About this text")])
def test_the_articles_come_first_and_research_waits_in_a_closed_box(built_site, rel, about):
    article = soup(built_site, rel).select_one("article.md-content__inner")
    boxes = article.select("details")
    top = boxes[0]
    assert top.summary.get_text(strip=True) == about and not top.has_attr("open")
    # Sources, dates and relations are inside the box, not before the first Pasal.
    assert top.select_one("table.px-meta") is not None and top.find(id="hubungan") is not None
    first_pasal = article.find(id="pasal-1")
    assert first_pasal is not None
    before = [e for e in first_pasal.find_all_previous() if e.name == "a" and e.get("href", "").startswith("http")]
    assert all(a.find_parent("details") is top for a in before), "an outside source link stands before Pasal 1"
    # Each version: the wording, then its standing, then a closed box with its source and note.
    version = article.select_one(".px-version")
    children = [c for c in version.children if getattr(c, "name", None)]
    assert "px-law" in children[0].get("class", []) or children[0].name == "ul"
    meta = version.select_one(".px-version__meta")
    assert meta.select_one(".px-evidence") is not None
    box = version.select_one("details.px-version__about")
    assert box.summary.get_text(strip=True) == about and not box.has_attr("open")
    assert box.select_one("a[href^='http']") is not None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_preview_of_a_whole_ayat_shows_its_huruf(built_site, lang):
    page = soup(built_site, ("en/" if lang == "en" else "") + "kelayakan/index.html")
    preview = page.select_one(".px-previews").find(id=re.compile(r"^pv-perpres-36-2020-pasal-3-ayat-4-\d{4}-"))
    assert preview is not None
    keys = [k.get_text() for k in preview.select(".px-items > li > .px-item-key")]
    assert keys == ["a.", "b.", "c."]
    texts = preview.select(".px-items > li > span[lang='id']")
    assert "warga negara Indonesia" in texts[0].get_text() and "18" in texts[1].get_text()
    assert not preview.select("[id]"), "a preview repeats no id of the regulation page"


def _version(text_id: str, text_en: str | None = None):
    from peraturan.legal.model import Version
    return Version(valid_from=None, valid_to=None, by=None, evidence="official-text", source="https://example.org",
                   text_id=text_id, text_en=text_en, summary=None, items={}, note=None)


def test_law_lines_that_start_with_a_dash_are_one_list_and_stay_text():
    """Pasal 1 lists its definitions; a reader sees a list, not paragraphs opening with "-"."""
    from peraturan.legal import render
    text = "Yang dimaksud dengan:\n- Satu <b>x</b>.\n- Dua.\nPenutup.\n-\n- "
    html = render.version_body(_version(text, "Meaning:\n- One.\n- Two <i>y</i>."), "en")
    page = BeautifulSoup(html, "html.parser")
    law = page.select_one("blockquote.px-law")
    assert [p.get_text() for p in law.find_all("p")] == ["Yang dimaksud dengan:", "Penutup.", "-", "-"]
    assert [li.get_text() for li in law.select("ul.px-law-list li")] == ["Satu <b>x</b>.", "Dua."]
    assert not law.find("b") and not page.find("i")
    assert [li.get_text() for li in page.select(".px-translation ul.px-law-list li")] == ["One.", "Two <i>y</i>."]


def test_the_provision_box_shows_a_list_as_a_list():
    from peraturan.legal import render
    assert render._law_lines("a\nb", "px-law", "", ' lang="id"') == '<p class="px-law" lang="id">a<br>b</p>'
    box = BeautifulSoup(render._law_lines("a\n- b\n- c", "px-translation", "<em>T:</em>", ""), "html.parser")
    assert box.div["class"] == ["px-translation"] and box.div.p.decode_contents() == "<em>T:</em>"
    assert [li.get_text() for li in box.select("li")] == ["b", "c"]

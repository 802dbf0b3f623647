"""Unit tests for the kiosk's outside-link rewriter (hooks/sitekit/kiosk_links.py), its page
finishing (kiosk_pages.py) and the stacked phone tables (stacked_tables.py).

No MkDocs here: the module rewrites HTML text, so plain strings are enough."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import segno
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from sitekit import kiosk_links
from sitekit.kiosk_links import is_outside, outside_links, printed_form, rewrite_outside_links
from sitekit.kiosk_pages import mark_first_abbreviations, relative_root_links
from sitekit.stacked_tables import stack_tables


@pytest.mark.parametrize(
    "href",
    ["https://peraturan.go.id/", "http://example.org", "HTTPS://EXAMPLE.ORG/x", "//cdn.example.org/a.js",
     "tel:+62-21-1500-000", "mailto:info@example.org", "sms:+62812", "ftp://files.example.org/", " https://x.id "],
)
def test_outside_hrefs(href):
    assert is_outside(href)


@pytest.mark.parametrize(
    "href",
    ["", "#pasal-3", "index.html", "../en/index.html", "regulasi/perpres-36-2020.html#pasal-3-ayat-4",
     "/absolute/path.html", "javascript:void(0)", "data:text/plain,hi", "file:///media/usb/site/index.html",
     "C:/kiosk/index.html", "?q=prakerja"],
)
def test_inside_hrefs(href):
    assert not is_outside(href)


def test_printed_form_drops_tel_and_mailto_schemes():
    assert printed_form("tel:+62211500000") == "+62211500000"
    assert printed_form("mailto:a@b.id") == "a@b.id"
    assert printed_form("https://a.id/x") == "https://a.id/x"
    assert printed_form("//a.id/x") == "https://a.id/x"


def test_every_outside_link_becomes_a_qr_block_and_inside_links_stay():
    page = (
        '<p>See <a href="https://peraturan.go.id/" title="t" class="c">the official source</a>, '
        '<a href="../regulasi/index.html">our list</a>, <a href="#top">top</a>, '
        '<a href="tel:+62211500000">call</a> or <a href="mailto:info@example.org">mail</a>.</p>'
        '<a name="old-anchor"></a>'
    )
    result = rewrite_outside_links(page, "en")
    assert result.rewritten == 3
    assert result.problems == []
    assert outside_links(result.html) == []
    soup = BeautifulSoup(result.html, "html.parser")
    assert [a.get("href") for a in soup.find_all("a")] == ["../regulasi/index.html", "#top", None]
    blocks = soup.select("span.px-qr")
    assert [b["data-px-qr"] for b in blocks] == ["https://peraturan.go.id/", "tel:+62211500000",
                                                  "mailto:info@example.org"]
    first = blocks[0]
    assert first.select_one(".px-qr__label").get_text() == "the official source"
    assert first.select_one(".px-qr__url").get_text() == "https://peraturan.go.id/"
    svg = first.find("svg")
    assert svg["role"] == "img"
    assert svg["aria-label"] == "QR code for https://peraturan.go.id/"
    assert svg.find("title").get_text() == "QR code for https://peraturan.go.id/"
    assert blocks[1].select_one(".px-qr__url").get_text() == "+62211500000"
    # The text around the links is untouched.
    assert result.html.startswith("<p>See <span")
    assert result.html.endswith('.</p><a name="old-anchor"></a>')


def test_indonesian_words_on_indonesian_pages():
    result = rewrite_outside_links('<a href="https://a.id/">a.id</a>', "id")
    soup = BeautifulSoup(result.html, "html.parser")
    assert soup.find("svg")["aria-label"] == "Kode QR untuk https://a.id/"
    assert soup.select_one(".px-qr__hint").get_text() == "Pindai dengan ponsel Anda"


def test_link_text_equal_to_the_address_is_not_repeated():
    soup = BeautifulSoup(rewrite_outside_links('<a href="https://a.id/">https://a.id/</a>').html, "html.parser")
    assert soup.select_one(".px-qr__label") is None
    assert soup.select_one(".px-qr__url").get_text() == "https://a.id/"


def test_markup_inside_the_link_and_useful_attributes_are_kept():
    page = '<li><a id="src-1" lang="en" href="https://a.id/?x=1&amp;y=2"><strong>Setkab</strong> news</a></li>'
    soup = BeautifulSoup(rewrite_outside_links(page).html, "html.parser")
    block = soup.select_one("span.px-qr")
    assert block["id"] == "src-1" and block["lang"] == "en"
    assert block["data-px-qr"] == "https://a.id/?x=1&y=2"  # entities decoded once, re-escaped on output
    assert str(block.select_one(".px-qr__label")) == '<span class="px-qr__label"><strong>Setkab</strong> news</span>'
    assert block.select_one(".px-qr__url").get_text() == "https://a.id/?x=1&y=2"


def test_scripts_and_styles_are_left_alone():
    page = ('<script type="application/ld+json">{"@context": "https://schema.org", "x": "<a href=\\"https://a.id\\">"}'
            '</script><style>a[href^="https://"]{}</style><a href="https://b.id/">b</a>')
    result = rewrite_outside_links(page)
    assert result.rewritten == 1
    assert result.html.startswith(page[: page.index("<a href=\"https://b.id/")])


def test_multiline_pages_keep_exact_offsets():
    page = "<html>\n<body>\n  <p>x <a\n href='https://a.id/'\n>A</a> y</p>\n<p>é ü 日本 <a href=\"https://b.id/\">B</a>!</p>\n"
    result = rewrite_outside_links(page)
    assert result.rewritten == 2
    assert "<p>x <span" in result.html and "</span> y</p>" in result.html
    assert "<p>é ü 日本 <span" in result.html and "</span>!</p>" in result.html
    assert outside_links(result.html) == []


def test_an_unclosed_outside_link_is_reported_not_guessed():
    result = rewrite_outside_links('<p><a href="https://a.id/">never closed</p>')
    assert result.problems and "https://a.id/" in result.problems[0]


def test_page_without_outside_links_is_returned_unchanged():
    page = '<p><a href="x.html">x</a></p>'
    result = rewrite_outside_links(page)
    assert result.rewritten == 0 and result.html is page


# ---- the QR code really encodes the address -------------------------------------------

def matrix_from_segno_svg(svg: str) -> list[list[int]]:
    """Rebuild the module matrix from segno's single-path SVG (M/m moves, h runs).

    Reading the SVG we emitted, rather than asking segno again, proves the page
    carries the right code."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path(?![^>]*fill="#fff")[^>]* d="([^"]+)"', svg).group(1)
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for op, args in re.findall(r"([MmHh])([^MmHh]+)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if op in "Mm":
            for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
                x, y = (dx, dy) if op == "M" else (x + dx, y + dy)
        else:
            for run in numbers:
                end = run if op == "H" else x + run
                for col in range(int(x), int(end)):
                    grid[int(y)][col] = 1
                x = end
    return grid


def decode_matrix(grid: list[list[int]], scale: int = 6) -> list[str]:
    size = len(grid)
    image = Image.new("L", (size * scale, size * scale), 255)
    pixels = image.load()
    for row in range(size):
        for col in range(size):
            if grid[row][col]:
                for dy in range(scale):
                    for dx in range(scale):
                        pixels[col * scale + dx, row * scale + dy] = 0
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]


@pytest.mark.parametrize(
    "url",
    ["https://peraturan.go.id/", "tel:+62211500000",
     "https://bantuan.kemnaker.go.id/support/solutions/articles/43000570878-saya-sudah-mendaftar-kartu-prakerja"],
)
def test_emitted_svg_decodes_back_to_the_address(url):
    html = rewrite_outside_links(f'<a href="{url}">x</a>', "id").html
    svg = re.search(r"<svg .*?</svg>", html).group(0)  # the raw text: an HTML parser would lowercase viewBox
    grid = matrix_from_segno_svg(svg)
    expected = segno.make(url, error="m", micro=False)
    border = 4
    inner = [row[border:-border] for row in grid[border:-border]]
    assert inner == [list(row) for row in expected.matrix], "SVG differs from segno's matrix"
    assert decode_matrix(grid) == [url]


def test_long_date_in_both_languages():
    assert kiosk_links.long_date(dt.date(2026, 5, 1), "id") == "1 Mei 2026"
    assert kiosk_links.long_date(dt.date(2026, 5, 1), "en") == "1 May 2026"


# ---- running text: numbered notes and one sources section (issue 11) -------------------------

ARTICLE = ('<html><body><article class="md-content__inner md-typeset"><p>See <a href="https://a.example/x">A</a> '
           'and <a href="https://b.example/">B</a>, again <a href="https://a.example/x">A too</a>.</p>{tail}'
           '</article><footer><a href="https://a.example/x">footer</a></footer></body></html>')


def test_links_in_running_text_become_numbered_notes_with_one_qr_per_address():
    page = ARTICLE.format(tail='<aside class="px-previews"><p>preview</p></aside>')
    result = rewrite_outside_links(page, "en")
    text, _, rest = result.html.partition('<section class="px-kiosk-sources"')
    assert 'px-qr"' not in text.split("<article")[1]
    assert re.findall(r'href="#px-sumber-(\d)"', text) == ["1", "2", "1"]
    assert 'aria-label="QR 2: source 2 at the end of the page"' in text and ">A too</span>" in text
    section, _, after = rest.partition("</section>")
    assert section.count('class="px-qr"') == 2 and "<h2 id=\"px-sumber\">Sources</h2>" in section
    assert after.startswith('<aside class="px-previews">'), "the sources end the running text"
    assert after.count('class="px-qr"') == 1, "outside the article a link stays a QR block"
    assert result.rewritten == 4


def test_without_an_article_or_notes_every_link_is_a_qr_block():
    page = ARTICLE.format(tail="")
    assert "px-kiosk-sources" not in rewrite_outside_links(page, "id", notes=False).html
    assert rewrite_outside_links('<p><a href="https://a.example/">A</a></p>').html.count('class="px-qr"') == 1


def test_each_abbreviation_is_spelled_out_once_and_never_twice_in_a_row():
    abbr = '<abbr title="Pemutusan Hubungan Kerja">PHK</abbr>'
    kemnaker = '<abbr title="Kementerian Ketenagakerjaan">Kemnaker</abbr>'
    page = (f'<abbr title="Pemutusan Hubungan Kerja">PHK</abbr><article class="md-content__inner">'
            f"<p>{abbr} lalu {abbr}. Kementerian <em>Ketenagakerjaan</em> ({kemnaker}), {kemnaker}.</p></article>")
    out = mark_first_abbreviations(page)
    assert out.count('class="px-abbr-full"') == 1
    assert out.index('class="px-abbr-full"') < out.index("lalu"), "the first one in the article"
    assert out.startswith(abbr), "before the article nothing changes"


def test_an_abbreviation_alone_in_brackets_is_spelled_out_after_a_colon():
    """"(Perpres (Peraturan Presiden (Presidential Regulation)))" read badly on the kiosk."""
    perpres = '<abbr title="Peraturan Presiden (Presidential Regulation)">Perpres</abbr>'
    out = mark_first_abbreviations(f'<article class="md-content__inner"><p>a regulation ({perpres}) and '
                                   f'({perpres} 36/2020)</p></article>')
    assert out.count('class="px-abbr-full px-abbr-full--bracketed"') == 1
    out = mark_first_abbreviations(f'<article class="md-content__inner"><p>({perpres} 36/2020)</p></article>')
    assert 'class="px-abbr-full"' in out and "bracketed" not in out, "not alone in the brackets"


def test_404_addresses_become_relative_to_the_page_folder():
    page = ('<link href="/assets/a.css"><script src="/assets/b.js"></script><a href="//cdn.example/">x</a>'
            '<a href="/en/index.html">home</a>{"base": "/", "search": "/assets/w.js"}')
    assert relative_root_links(page, 1) == (
        '<link href="../assets/a.css"><script src="../assets/b.js"></script><a href="//cdn.example/">x</a>'
        '<a href="../en/index.html">home</a>{"base": "..", "search": "../assets/w.js"}')
    assert '{"base": ".", "search": "assets/w.js"}' in relative_root_links(page, 0)


def test_wide_tables_get_column_names_per_cell_for_the_phone_layout():
    table = ("<table>\n<thead>\n<tr>\n<th>Name</th>\n<th>Age <abbr title='x'>y</abbr></th>\n<th>A&amp;B</th>\n"
             "</tr>\n</thead>\n<tbody>\n<tr>\n<td>n</td>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>")
    out = stack_tables(table)
    assert '<table role="table" data-px-stack>' in out
    assert re.findall(r'data-label="([^"]*)"', out) == ["Name", "Age y", "A&amp;B"]
    # Roles: CSS display:block on a phone takes the table's own semantics away.
    assert re.findall(r'<(\w+)[^>]*role="(\w+)"', out) == [
        ("table", "table"), ("thead", "rowgroup"), ("tr", "row"), *[("th", "columnheader")] * 3,
        ("tbody", "rowgroup"), ("tr", "row"), *[("td", "cell")] * 3]
    narrow = "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"
    assert stack_tables(narrow) == narrow
    assert stack_tables(out) == out


def test_a_translated_expansion_is_printed_without_brackets_in_brackets():
    """"Perpres (Peraturan Presiden (Presidential Regulation))" -> "... (Peraturan Presiden, Presidential Regulation)"."""
    from sitekit.kiosk_pages import spelled_out
    assert spelled_out("Peraturan Presiden (Presidential Regulation)") == "Peraturan Presiden, Presidential Regulation"
    assert spelled_out("Pemutusan Hubungan Kerja") == "Pemutusan Hubungan Kerja"
    assert spelled_out("A (b (c))") == "A (b (c))", "nested brackets are left as written"
    hostile = '<abbr title="X &quot;&gt;&lt;script&gt; (y&quot;)">Z</abbr>'
    out = mark_first_abbreviations(f'<article class="md-content__inner"><p>{hostile}</p></article>')
    assert 'data-px-spelled="X &quot;&gt;&lt;script&gt;, y&quot;"' in out and "<script>" not in out

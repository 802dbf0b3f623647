"""Unit tests for the kiosk's outside-link rewriter (hooks/sitekit/kiosk_links.py).

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

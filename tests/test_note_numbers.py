"""Note marks count up without gaps in what the reader sees (hooks/peraturan/legal/legalbasis.py):
citations inside closed boxes ("Bunyi pasal", notes) are numbered after the open text's."""

from __future__ import annotations

import re

import markdown

from peraturan.legal.legalbasis import LegalBasisProcessor


class Page:
    style = "notes"
    lang = "id"


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "pymdownx.details"])
    md.treeprocessors.register(LegalBasisProcessor(md, Page()), "px-basis", 5)  # after inline and attr_list
    return md.convert(text)


PAGE = """Teks [Pasal 1](a.html#p1){.px-cite}.

??? note "Bunyi [Pasal 9](a.html#p9){.px-cite}"
    Isi [Pasal 2](a.html#p2){.px-cite}, juga [Pasal 1](a.html#p1){.px-cite}.

???+ note "Terbuka"
    Isi [Pasal 4](a.html#p4){.px-cite}.

Lagi [Pasal 3](a.html#p3){.px-cite}.
"""


def test_marks_in_the_open_text_count_up_and_closed_boxes_come_last():
    html = render(PAGE)
    marks = re.findall(r'<span class="px-cite__n">([^<]*)</span>', html)
    # In page order: the text (1), the closed box's title, which is always shown (2), inside
    # the closed box a new citation (5) and one the text already has (1), the open box (3), the text (4).
    assert marks == ["1", "2", "5", "1", "3", "4"]
    listing = re.findall(r'<li id="dasar-hukum-(\d+)"><a class="px-cite" href="a.html#(p\d)"', html)
    assert listing == [("1", "p1"), ("2", "p9"), ("3", "p4"), ("4", "p3"), ("5", "p2")]


def render_with_tables(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "tables", "md_in_html"])
    md.treeprocessors.register(LegalBasisProcessor(md, Page()), "px-basis", 5)
    return md.convert(text)


VALUES = """| Peraturan | Isinya |
|---|---|
| [Perpres 36/2020](r.html){.px-cite} | dasar program [Pasal 1](r.html#p1){.px-cite} |
| [Pasal 2](r.html#p2){.px-cite}; [Pasal 3](r.html#p3){.px-cite} | lagi |

<p class="px-amount__basis px-cite-full" markdown="span">Siapa menetapkan: [Pasal 4](r.html#p4){.px-cite}</p>

Siapa menetapkan: [Pasal 5](r.html#p5){.px-cite}.
"""


def test_citations_that_are_a_value_stay_in_full():
    """A column of note numbers, or "Who sets it: 4", would answer nothing: a table cell that
    holds only citations and a px-cite-full line keep them in full (and numbered in the list);
    a cell with words, and running text, get marks."""
    html = render_with_tables(VALUES)
    kept = re.findall(r'<a class="px-cite px-cite--value" href="([^"]*)">([^<]*)</a>', html)
    assert kept == [("r.html", "Perpres 36/2020"), ("r.html#p2", "Pasal 2"), ("r.html#p3", "Pasal 3"),
                    ("r.html#p4", "Pasal 4")]
    assert re.findall(r'<span class="px-cite__n">([^<]*)</span>', html) == ["2", "6"]
    listing = re.findall(r'<li id="dasar-hukum-(\d+)"><a class="px-cite" href="([^"]*)"', html)
    assert [href for _, href in listing] == ["r.html", "r.html#p1", "r.html#p2", "r.html#p3", "r.html#p4",
                                             "r.html#p5"]

"""After Markdown renders, no '[[' is left outside code and no citation sits in a link's text.

Unit-level: the site's Markdown (citation extension, snippets, attribute lists)
renders a page, and ``leftover.check_html`` must find each problem at its line.
One real build proves the hook runs it (the snippet hole of issue 12).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, mkdocs_build
from peraturan.legal import leftover
from peraturan.legal.loader import load_registry
from peraturan.legal.mdext import CitationContext, CitationExtension

FIXTURES = Path(__file__).parent / "fixtures" / "regulations"


@pytest.fixture(scope="module")
def render(tmp_path_factory):
    registry = load_registry(FIXTURES, "tests/fixtures/regulations")
    includes = tmp_path_factory.mktemp("includes")
    (includes / "bad.md").write_text("Lihat [[Perpres 1/2090 Pasal 99]].\n", encoding="utf-8")
    context = CitationContext(registry, dt.date(2092, 1, 1), "regulasi")

    def run(source: str) -> list[str]:
        md = markdown.Markdown(extensions=[CitationExtension(context), "attr_list", "md_in_html", "admonition",
                                           "pymdownx.snippets"],
                               extension_configs={"pymdownx.snippets": {"base_path": [str(includes)]}})
        context.start_page("halaman.md", "id")
        html = md.convert(source)
        return [d.format() for d in leftover.check_html(html, source, "docs/id/halaman.md")]

    return run


CASES = [
    ("nested", "# J\n\nTeks [[ [[Perpres 1/2090 Pasal 3]] ]] teks.\n", "docs/id/halaman.md:3:6: '[[", "is not a citation"),
    ("unterminated", "# J\n\nTeks\n\nLihat [[Perpres 1/2090 Pasal 3 teks.\n", "docs/id/halaman.md:5:7:", "left in"),
    ("split-over-lines", "# J\n\nLihat [[Perpres 1/2090\nPasal 3]] teks.\n", "docs/id/halaman.md:3:7:", "left in"),
    ("snippet-include", "# J\n\n--8<-- \"bad.md\"\n", "docs/id/halaman.md:1:1:", "from an include"),
    ("citation-in-link-text", "# J\n\nLihat [dasar [[Perpres 1/2090 Pasal 3]]](https://example.org/).\n",
     "docs/id/halaman.md:3:7:", "inside a link's text"),
]


@pytest.mark.parametrize(("name", "source", "where", "message"), CASES, ids=[c[0] for c in CASES])
def test_left_over_brackets_are_located_errors(render, name, source, where, message):
    found = render(source)
    assert any(e.startswith(where) and message in e for e in found), found


@pytest.mark.parametrize("source", [
    "# J\n\nLihat [[Perpres 1/2090 Pasal 3]].\n",
    "# J\n\nTulis `[[Perpres 1/2090 Pasal 3]]` dalam kode.\n",
    "# J\n\n```\n[[ apa saja\n```\n",
    "# J\n\nKurung ganda biasa: \\[[bukan kutipan]].\n",
    "# J\n\n[Tautan](https://example.org/) lalu [[Perpres 1/2090 Pasal 3]].\n",
])
def test_good_pages_pass(render, source):
    assert render(source) == []


def test_the_build_stops_on_a_bad_citation_in_a_snippet(tmp_path):
    project = tmp_path / "p"
    for name in ("docs", "regulations", "data", "rules", "includes", "hooks", "overrides", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "includes" / "bad.md").write_text("Lihat [[Perpres 36/2020 Pasal 99]].\n", encoding="utf-8")
    for lang in ("id", "en"):
        page = project / "docs" / lang / "tentang-situs.md"
        page.write_text(page.read_text(encoding="utf-8") + '\n--8<-- "bad.md"\n', encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", project=project, check=False)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    # the reason comes from the one citation path, not a generic "left in the page"
    assert ("docs/id/tentang-situs.md:1:1: unresolved citation [[Perpres 36/2020 Pasal 99]]: Perpres 36/2020 has no "
            "Pasal 99" in output and "from an include" in output)


LINK_PIECES = ['<a class="px-cite" href="x">', '<A class="px-cite">', "</a>", "</a >", "</a x>", "<!--", "-->", "-- >",
               "<script>", "</script>", "<style>", "</style>", "<!x>", "<?x>", "<b>", "</b>", "t", " ", "\n", "<a", '"', "'", "=", ">", "<",
               "</ script>", "<a/>", "</A>", "</a.b>", "<!doctype html>", "<ab>", "</ab>"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=25))
def test_the_fast_path_never_hides_a_link_inside_a_link(pieces):
    """Pages the fast path lets through unparsed have no citation link inside a
    link as the parser reads them (the parser decides wherever the two might differ)."""
    html = "".join(pieces)
    reader = leftover._Reader()
    reader.feed(html)
    reader.close()
    if reader.nested:
        assert leftover._may_nest_links(html)
        assert leftover.check_html(html, "", "p.md")

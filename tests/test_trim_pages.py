"""The trim's page pass (hooks/sitekit/trim.py TrimRun, csspurge.PageUsage):
each page is looked at once as it is written, only sets are kept, and the
finished site is the same as when every page is read again at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_trim import fake_site, material_like_bundle

from sitekit import csspurge, trim

PAGE = ('<html><head><title>Ketentuan — é</title>\n'
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/site.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/more.css">\n'
        '</head><body data-md-color-primary="custom"><p class="md-used px-a" style="width:var(--md-w)">x</p>'
        '<script>var x = "md-made-here"</script></body></html>')


def test_page_usage_keeps_sets_and_never_the_page():
    usage = csspurge.PageUsage(watched=["favicon.png"])
    usage.add(PAGE)
    usage.add('<p class="other">see favicon.png</p>')
    assert {"md-used", "px-a", "other"} <= usage.classes
    assert "md-made-here" in usage.words
    assert usage.variables == {"--md-w"}
    assert usage.colors == {"primary": {"custom"}}
    assert usage.mentioned == {"favicon.png"} and usage.pages == 2
    assert not any(isinstance(value, str) and len(value) > 40 for value in vars(usage).values())


def test_a_palette_switch_allows_every_colour():
    usage = csspurge.PageUsage()
    usage.add('<body data-md-color-primary="red"><input data-md-color-media="x" name="__palette_0"></body>')
    assert usage.colors is None
    assert csspurge.KnownClasses.from_usage(usage, []).colors is None


def test_known_classes_from_usage_match_known_classes_from_pages():
    pages = [PAGE, '<div class="md-search__inner"></div>']
    scripts, bundle = ['el.className = "px-made"'], ['e.className="md-search-result__item";x.className="md-blog"']
    usage = csspurge.PageUsage()
    for page in pages:
        usage.add(page)
    from_pages = csspurge.KnownClasses.from_sources(pages, scripts, bundle)
    from_usage = csspurge.KnownClasses.from_usage(usage, scripts, bundle)
    assert (from_pages.names, from_pages.prefixes, from_pages.colors) == \
        (from_usage.names, from_usage.prefixes, from_usage.colors)
    assert "md-search-result__item" in from_usage and "md-blog" not in from_usage


def test_rules_for_a_direction_no_page_uses_are_dropped():
    css = "[dir=ltr] .md-a{left:0}[dir=rtl] .md-a{right:0}.md-a{color:red}"
    ltr = csspurge.KnownClasses.from_sources(['<body dir="ltr"><p class="md-a">'], [])
    assert csspurge.purge_rules(css, ltr) == "[dir=ltr] .md-a{left:0}.md-a{color:red}"
    both = csspurge.KnownClasses.from_sources(['<body dir="ltr"><p class="md-a">', '<body dir="rtl">'], [])
    assert csspurge.purge_rules(css, both) == css
    assert csspurge.purge_rules(css, csspurge.KnownClasses(["md-a"])) == css  # directions not known: all kept


def test_rules_for_an_element_no_page_holds_and_no_script_names_are_dropped():
    css = ".md-typeset kbd{color:red}.md-typeset sub,.md-typeset p>a:hover{top:0}.md-typeset mark{color:blue}"
    known = csspurge.KnownClasses.from_sources(['<div class="md-typeset"><p><a href="#">x</a></p></div>'], [],
                                               ['x("mark",{class:"md-search"})'])
    assert csspurge.purge_rules(css, known) == ".md-typeset p>a:hover{top:0}.md-typeset mark{color:blue}"
    assert csspurge.purge_rules(css, csspurge.KnownClasses(["md-typeset"])) == css  # elements not known


def test_custom_properties_read_by_the_pages_are_kept():
    css = ":root{--md-w:1px;--md-gone:2px}"
    assert csspurge.drop_unused_custom_properties(css, used={"--md-w"}) == ":root{--md-w:1px}"
    assert csspurge.drop_unused_custom_properties(css, ["a{width:var(--md-gone)}"]) == ":root{--md-gone:2px}"


def test_minify_is_idempotent_so_the_joined_name_is_known_before_the_pages():
    text = "/* c */\n.a  {\n  color : red ;\n}\n\n.b::after { content: \" ;} \" }\n"
    once = csspurge.minify(text)
    assert csspurge.minify(once) == once


EXTRA = ["assets/stylesheets/site.css", "assets/stylesheets/more.css"]


def built_with_page_pass(tmp_path):
    """A fake site whose pages went through the page pass as a build writes them."""
    site = fake_site(tmp_path, material_like_bundle())
    (site / "index.html").unlink()
    run = trim.TrimRun(site, EXTRA)
    for rel in ("a/index.html", "en/a/index.html"):
        dest = site / rel
        dest.parent.mkdir(parents=True)
        dest.write_bytes(run.page(PAGE, dest).encode("utf-8"))
    return site, run


def test_the_page_pass_links_the_joined_files_and_marks_where_the_name_goes(tmp_path):
    site, run = built_with_page_pass(tmp_path)
    written = (site / "a/index.html").read_bytes()
    offset = run.placed[str(site / "a/index.html")]
    assert written[offset:offset + len(trim.PLACEHOLDER)] == trim.PLACEHOLDER.encode()  # a byte offset (é, —)
    assert b"palette" not in written and b"site.css" not in written and b"more.css" not in written
    assert b"stylesheets/extra." not in written  # joined into main


def test_the_end_writes_the_final_name_into_every_page_without_reading_them(tmp_path, monkeypatch):
    site, run = built_with_page_pass(tmp_path)
    read: list[Path] = []
    original = Path.read_text

    def spy(self, *args, **kwargs):
        read.append(self)
        return original(self, *args, **kwargs)
    monkeypatch.setattr(Path, "read_text", spy)
    trim.trim_site(site, run=run)
    assert not [path for path in read if path.suffix == ".html"]
    main = next(site.glob("assets/stylesheets/main.*.min.css"))
    for rel in ("a/index.html", "en/a/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        assert trim.PLACEHOLDER not in html
        links = [line for line in html.splitlines() if line.startswith("<link")]
        assert links == [f'<link rel="stylesheet" href="../assets/stylesheets/{main.name}">']
    assert main.read_text() == (".md-used{color:red}:root{--md-x:1}.md-used{width:var(--md-x)}"
                                "\n.px-a{color: red}\n.px-b{color: blue}")


def test_same_site_as_reading_every_page_at_the_end(tmp_path):
    site, run = built_with_page_pass(tmp_path / "pass")
    trim.trim_site(site, run=run)
    other = fake_site(tmp_path / "end", material_like_bundle())
    (other / "index.html").unlink()
    for rel in ("a/index.html", "en/a/index.html"):
        (other / rel).parent.mkdir(parents=True)
        (other / rel).write_text(PAGE, encoding="utf-8")
    trim.trim_site(other, EXTRA)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    for rel in files:
        assert (site / rel).read_bytes() == (other / rel).read_bytes(), rel


def test_a_page_changed_after_it_was_written_is_still_pointed_at_the_stylesheet(tmp_path):
    site, run = built_with_page_pass(tmp_path)
    page = site / "a/index.html"
    page.write_text("<!-- a longer head -->" + page.read_text(encoding="utf-8"), encoding="utf-8")
    trim.trim_site(site, run=run)
    main = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert f"stylesheets/{main.name}" in page.read_text(encoding="utf-8")


def test_a_page_the_pass_did_not_see_is_read_once_at_the_end(tmp_path):
    site, run = built_with_page_pass(tmp_path)
    (site / "copied.html").write_text(PAGE.replace("../", "").replace("md-used", "md-late"), encoding="utf-8")
    (site / "assets/stylesheets/main.0123abcd.min.css").write_text(".md-used{color:red}.md-late{color:blue}")
    trim.trim_site(site, run=run)
    main = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert ".md-late{color:blue}" in main.read_text()
    assert f"stylesheets/{main.name}" in (site / "copied.html").read_text(encoding="utf-8")


def test_a_page_without_materials_stylesheets_stops_the_build(tmp_path):
    run = trim.TrimRun(tmp_path, [])
    with pytest.raises(trim.TrimError, match=r"docs/x\.html: expected Material's main and palette"):
        run.page("<html><head></head></html>", "docs/x.html")


def test_search_config_is_read_from_the_start_of_a_large_index(tmp_path):
    (tmp_path / "search").mkdir()
    docs = [{"location": f"p{i}/", "text": "kata " * 200} for i in range(200)]
    (tmp_path / "search/search_index.json").write_text(
        json.dumps({"config": {"lang": ["en"], "separator": "[\\s\\-]+"}, "docs": docs}), encoding="utf-8")
    assert trim.search_config(tmp_path) == {"lang": ["en"], "separator": "[\\s\\-]+"}
    (tmp_path / "search/search_index.json").write_text(
        json.dumps({"docs": docs, "config": {"lang": ["de"]}}), encoding="utf-8")
    assert trim.search_config(tmp_path) == {"lang": ["de"]}


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([*"ab9Z-_ <>\"'=.:/é", "dir", "DIR", "ltr", "rtl", "auto"]), max_size=20).map("".join))
def test_dir_values_are_what_the_dir_pattern_finds(text):
    """The page pass looks for "dir" without the pattern's leading \\b (it checks the boundary itself)."""
    assert csspurge.dir_values(text) == {d.lower() for d in csspurge.DIR_ATTRIBUTE.findall(text)}


def test_inlined_image_needs_the_whole_attribute_name(tmp_path):
    """``href`` counts, ``data-xhref`` does not: the word boundary the pattern used to hold."""
    (tmp_path / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    run = trim.TrimRun(tmp_path, [], [], inline_images=["icon.svg"])
    out = run.inline('<link href="../icon.svg"><a data-xhref="icon.svg"><img src="icon.svg">')
    assert out.count("data:image/svg+xml") == 2 and 'data-xhref="icon.svg"' in out


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a \t\r\n\f\u00a0")), max_size=30))
def test_line_breaks_collapse_as_the_pattern_says(text):
    assert trim.collapse_line_breaks(text) == trim.LINE_BREAK_RUN.sub("\n", text)

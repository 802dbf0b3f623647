"""hooks/sitekit/trim.py: unused search language packs are dropped, search
(index and worker) loads only when the reader uses it, in both languages, and
the trimmed CSS styles every element exactly as Material's full CSS does."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT, guarded_context, run_search
from sitekit import trim


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["en"], set()),
        (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
        (["en", "ja"], {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.multi.min.js",
                        "min/lunr.stemmer.support.min.js"}),
        (["th"], {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
    ],
)
def test_needed_lunr_files_follow_the_search_worker(languages, expected):
    assert trim.needed_lunr_files(languages) == expected


def fake_site(tmp_path, bundle_text: str, lang: str = '["en"]'):
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    for name in ("min/lunr.de.min.js", "min/lunr.stemmer.support.min.js", "tinyseg.js"):
        (tmp_path / "assets/javascripts/lunr" / name).write_text("x")
    (tmp_path / "assets/javascripts/bundle.0123abcd.min.js").write_text(bundle_text)
    (tmp_path / "assets/stylesheets").mkdir()
    (tmp_path / "assets/stylesheets/main.0123abcd.min.css").write_text(
        ".md-used{color:red}.md-unused{color:blue}:root{--md-x:1;--md-y:2}.md-used{width:var(--md-x)}")
    (tmp_path / "assets/stylesheets/palette.0123abcd.min.css").write_text(
        "[data-md-color-primary=red]{--md-z:1}[data-md-color-primary=custom]{--md-z:2}")
    (tmp_path / "assets/stylesheets/site.css").write_text("/* ours */\n.px-a {\n  color: red;\n}\n")
    (tmp_path / "assets/stylesheets/more.css").write_text(".px-b { color: blue; }")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="assets/stylesheets/palette.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="assets/stylesheets/site.css">\n'
        '<link rel="stylesheet" href="assets/stylesheets/more.css">\n'
        '<body data-md-color-primary="custom"><p class="md-used">x</p></body>')
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.js").write_text('var __index = {"config":{"lang":' + lang + '},"docs":[]}')
    return tmp_path


def material_like_bundle() -> str:
    return ";".join([*trim.BUNDLE_DEFINITIONS, trim.INDEX_EXPR, trim.WORKER_EXPR + "}"])


def test_trim_removes_language_packs_and_patches_once(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    report = trim.trim_site(site)
    assert not (site / "assets/javascripts/lunr").exists()
    assert len(report.removed) == 3 and report.patched
    bundle = (site / "assets/javascripts/bundle.0123abcd.min.js").read_text()
    assert trim.LAZY_INDEX_EXPR in bundle and "pxLazyWorker" in bundle
    html = (site / "index.html").read_text()
    main = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert main.name != "main.0123abcd.min.css" and f"stylesheets/{main.name}" in html
    assert main.read_text() == ".md-used{color:red}:root{--md-x:1}.md-used{width:var(--md-x)}"
    assert not list(site.glob("assets/stylesheets/palette.*")) and "palette" not in html  # joined into main
    assert (site / "assets/stylesheets/site.css").read_text() == ".px-a{color: red}"


def test_extra_stylesheets_are_joined_in_order_into_the_main_stylesheet(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    trim.trim_site(site, ["assets/stylesheets/site.css", "assets/stylesheets/more.css"])
    html = (site / "index.html").read_text()
    main = next(site.glob("assets/stylesheets/main.*.min.css"))
    assert main.read_text().endswith("}\n.px-a{color: red}\n.px-b{color: blue}")  # after Material's rules
    assert not list(site.glob("assets/stylesheets/extra.*"))
    links = [line for line in html.splitlines() if line.startswith("<link")]
    assert links == [f'<link rel="stylesheet" href="assets/stylesheets/{main.name}">']


def test_own_scripts_are_minified_and_joined_in_order_after_materials_bundle(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    (site / "assets/javascripts/a.js").write_text("/* why */\n(function () {\n  var a = 1; // one\n})()\n")
    (site / "assets/javascripts/b.js").write_text("(function () { window.b = \"/* kept */\"; })();\n")
    (site / "index.html").write_text((site / "index.html").read_text() + (
        '\n<script src="assets/javascripts/bundle.0123abcd.min.js"></script>\n'
        '<script src="assets/javascripts/a.js"></script>\n  <script src="assets/javascripts/b.js"></script>\n'))
    trim.trim_site(site, extra_js=["assets/javascripts/a.js", "assets/javascripts/b.js"])
    [joined] = site.glob("assets/javascripts/bundle.*.min.js")  # Material's own file is gone
    assert joined.name != "bundle.0123abcd.min.js"
    material, ours = joined.read_text().split("\n;", 1)
    assert "pxLazyWorker" in material  # patched first
    # ";" between the files: b.js starting with "(" must not call what a.js left.
    assert ours == '(function(){var a=1;})();\n(function(){window.b="/* kept */";})();;'
    assert (site / "assets/javascripts/a.js").read_text() == "(function(){var a=1;})()"  # minified in place
    scripts = [line for line in (site / "index.html").read_text().splitlines() if "<script" in line]
    assert scripts == [f'<script src="assets/javascripts/{joined.name}"></script>']


def test_scripts_from_elsewhere_are_not_joined(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    (site / "assets/javascripts/a.js").write_text("var a = 1;")
    assert trim.script_bundle(site, ["assets/javascripts/a.js", "https://example.org/b.js"]) is None
    assert trim.script_bundle(site, ["assets/javascripts/a.js", "assets/javascripts/missing.js"]) is None
    assert trim.script_bundle(site, ["assets/javascripts/a.js"]) == "var a=1;;"


def test_a_page_without_materials_bundle_before_our_scripts_stops_the_build(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    (site / "assets/javascripts/a.js").write_text("var a = 1;")
    run = trim.TrimRun(site, extra_js=["assets/javascripts/a.js"])
    with pytest.raises(trim.TrimError, match=r"x\.html: expected Material's bundle followed by"):
        run.page('<link rel="stylesheet" href="assets/stylesheets/main.0123abcd.min.css">'
                 '<script src="assets/javascripts/a.js"></script>', "x.html")


def test_layout_whitespace_becomes_one_newline_and_nothing_else_changes():
    html = ('<div>\n    \n  <p class="a\n   b" title="x\n   y">Text\n      more  text</p>\n\n  </div>'
            '<pre>\n  keep\n\n  this</pre> <code>a\n   b</code><script>\n  var s = "\n  ";\n</script>'
            '<textarea>\n  as typed</textarea><!-- a\n   comment -->')
    assert trim.collapse_layout_whitespace(html) == (
        '<div>\n<p class="a\n   b" title="x\n   y">Text\nmore  text</p>\n</div>'
        '<pre>\n  keep\n\n  this</pre> <code>a\n   b</code><script>\n  var s = "\n  ";\n</script>'
        '<textarea>\n  as typed</textarea><!-- a\n   comment -->')


def test_a_small_svg_favicon_is_written_into_the_pages(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    (site / "assets/images").mkdir()
    (site / "assets/images/favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n <rect fill="#0b5f55"/></svg>')
    run = trim.TrimRun(site, inline_images=["assets/images/favicon.svg"])
    html = run.page('<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">'
                    '<link rel="icon" href="../assets/images/favicon.svg"><img src="../assets/images/favicon.svg" alt="">'
                    '<a href="../assets/images/favicon.svgz">x</a>', site / "a/index.html")
    uri = ("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E "
           "%3Crect fill='%230b5f55'/%3E%3C/svg%3E")
    assert f'<link rel="icon" href="{uri}"><img src="{uri}" alt="">' in html
    assert 'href="../assets/images/favicon.svgz"' in html
    big = site / "assets/images/big.svg"
    big.write_text("<svg>" + " " * trim.INLINE_IMAGE_LIMIT + "</svg>")
    assert trim.svg_data_uri(big) is None and trim.svg_data_uri(site / "assets/images/none.svg") is None


def test_trim_keeps_the_packs_a_configured_language_needs(tmp_path):
    site = fake_site(tmp_path, material_like_bundle(), lang='["de"]')
    trim.trim_site(site)
    left = sorted(p.relative_to(site / "assets/javascripts/lunr").as_posix()
                  for p in (site / "assets/javascripts/lunr").rglob("*.js"))
    assert left == ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]


def test_an_unexpected_bundle_stops_the_build(tmp_path):
    site = fake_site(tmp_path, material_like_bundle().replace(trim.INDEX_EXPR, "zi=somethingElse()"))
    with pytest.raises(trim.TrimError, match="Material upgrade"):
        trim.trim_site(site)


@pytest.mark.build
def test_published_site_has_no_language_packs_and_a_lazy_bundle(built_site):
    assert not (built_site / "assets/javascripts/lunr").exists()
    assert not (built_site / "assets/images/favicon.png").exists()
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).read_text(encoding="utf-8")
    assert "pxLazyWorker" in bundle


@pytest.mark.build
@pytest.mark.parametrize("rel", ["index.html", "en/kelayakan/index.html", "regulasi/index.html"])
def test_a_page_loads_one_stylesheet_and_one_script(built_site, rel):
    """The first-visit budget (benchmarks/page_weight.py) rests on few requests: Material's
    and our rules in one stylesheet, its bundle and our scripts in one file, the favicon inline."""
    html = (built_site / rel).read_text(encoding="utf-8")
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert len(sheets) == 1 and re.search(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$", sheets[0]), sheets
    assert len(scripts) == 1 and re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$", scripts[0]), scripts
    assert 'rel="icon" href="data:image/svg+xml,' in html and "favicon.svg" not in html
    joined = (built_site / rel).parent.joinpath(scripts[0]).resolve().read_text(encoding="utf-8")
    assert "px-tip" in joined and "search-help.js" in joined  # cite-preview.js and on-demand.js


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query"), [("/", "pelatihan"), ("/en/", "training")])
def test_search_loads_only_when_used_and_still_works(page, site_server, path, query):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server.origin + path)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "search/" in u or "/workers/" in u], requested
    assert run_search(page, query).strip()
    lang = "en" if path == "/en/" else "id"
    assert any(u.endswith(f"/search/index.{lang}.json") for u in requested), requested
    assert not any("search_index" in u for u in requested), "the shared index of both languages is not loaded"
    assert any("/workers/search." in u for u in requested)


@pytest.mark.browser
def test_search_highlight_still_loads_the_index(page, site_server):
    page.goto(site_server.origin + "/?h=prakerja")
    page.wait_for_function("() => document.querySelector('.md-content mark') !== null", timeout=10_000)


# ---- the CSS purge changes nothing a reader can see ---------------------------------------------

MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
STYLE_HASHES = """() => {
  const names = Array.from(getComputedStyle(document.body)).filter(n => !n.startsWith('--')).sort();
  const hash = text => { let h = 2166136261; for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); } return h >>> 0; };
  const out = [];
  for (const e of document.querySelectorAll('*')) {
    const parts = [];
    for (const pseudo of [null, '::before', '::after', '::marker']) {
      const s = getComputedStyle(e, pseudo);
      if (pseudo && (s.content === 'none' || s.content === 'normal') && pseudo !== '::marker') continue;
      parts.push(names.map(n => s.getPropertyValue(n)).join('|'));
    }
    out.push(hash(parts.join('#')));
  }
  return out;
}"""
STYLE_OF = """([index, pseudo]) => {
  const e = document.querySelectorAll('*')[index];
  const s = getComputedStyle(e, pseudo);
  const names = Array.from(getComputedStyle(document.body)).filter(n => !n.startsWith('--'));
  const label = e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : '');
  return [label, Object.fromEntries(names.map(n => [n, s.getPropertyValue(n)]))];
}"""


def serve_css(*sources: Path):
    body = "\n".join(source.read_text(encoding="utf-8") for source in sources)

    def handler(route, request):
        route.fulfill(body=body, content_type="text/css")
    return handler


def open_with_css(chromium, site_server, site: Path, path, viewport, original: bool):
    context = guarded_context(chromium, (site_server.origin + "/",), viewport=viewport)
    if original:  # the trimmed build joins the palette and the site's own stylesheets into main
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        block = re.split(r"\n(?=\S)", config.split("\nextra_css:\n", 1)[1], maxsplit=1)[0]
        own = re.findall(r"^  - (\S+\.css)$", block, re.M)
        context.route("**/assets/stylesheets/main.*.min.css",
                      serve_css(*(next(MATERIAL_STYLESHEETS.glob(f"{name}.*.min.css")) for name in ("main", "palette")),
                                *(site / rel for rel in own)))
    page = context.new_page()
    page.goto(site_server.origin + path)
    page.wait_for_function("() => document.documentElement.classList.contains('js')")
    # A constructed stylesheet: the site's Content-Security-Policy refuses <style> tags.
    page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""", NO_TRANSITIONS)
    return context, page


def open_search(page):
    run_search(page, "prakerja")


def open_drawer(page):
    page.locator("[data-px-drawer]").click()


def focus_language_menu(page):
    page.locator(".md-header__option .md-select button").focus()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "viewport", "action"),
    [
        ("/", {"width": 1280, "height": 900}, None),
        ("/", {"width": 1280, "height": 900}, open_search),
        ("/", {"width": 375, "height": 800}, open_drawer),
        ("/en/", {"width": 375, "height": 800}, focus_language_menu),
        ("/en/cek-kelayakan/", {"width": 1280, "height": 900}, None),
        ("/cek-kelayakan/", {"width": 375, "height": 800}, None),
        ("/regulasi/", {"width": 1280, "height": 900}, None),
        ("/en/regulasi/perpres-36-2020/", {"width": 375, "height": 800}, None),
        ("/404.html", {"width": 1280, "height": 900}, None),
    ],
    ids=["home", "search-open", "drawer-open", "language-menu", "checker-en", "checker-narrow", "regulations",
         "regulation-narrow", "404"],
)
def test_trimmed_css_styles_every_element_like_materials_full_css(chromium, site_server, built_site, path,
                                                                   viewport, action):
    rel = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
    if not (built_site / rel).exists():
        pytest.skip(f"{path} is not in this build")
    pages = {}
    try:
        for original in (False, True):
            context, page = open_with_css(chromium, site_server, built_site, path, viewport, original)
            pages[original] = (context, page)
            if action:
                action(page)
            page.wait_for_timeout(100)
        trimmed, full = (pages[flag][1].evaluate(STYLE_HASHES) for flag in (False, True))
        assert len(trimmed) == len(full), "the two pages do not have the same elements"
        differing = [i for i, (a, b) in enumerate(zip(trimmed, full, strict=True)) if a != b]
        details = []
        for index in differing[:5]:
            for pseudo in (None, "::before", "::after", "::marker"):
                label, mine = pages[False][1].evaluate(STYLE_OF, [index, pseudo])
                _, theirs = pages[True][1].evaluate(STYLE_OF, [index, pseudo])
                diff = {k: (mine[k], theirs[k]) for k in mine if mine[k] != theirs[k]}
                if diff:
                    details.append(f"{label} {pseudo or ''}: {dict(list(diff.items())[:6])} (trimmed, full)")
        assert not differing, f"{len(differing)} element(s) styled differently:\n" + "\n".join(details)
    finally:
        for context, _ in pages.values():
            context.close()

"""The kiosk build (mkdocs.kiosk.yml) in real headless Chromium with the network blocked.

Every test opens pages as a kiosk would: from file:// (a USB stick) or from a
plain local static server, and fails if any request tries to leave.

Idle timers are shortened with window.__kioskIdleSeconds / __kioskWarningSeconds,
which kiosk.js reads for tests only (see its header comment); the build keeps
the real 120 s / 30 s, checked in test_kiosk_build.py.

Touch-target rule applied here: every visible link, button, field, summary or
label control is at least 44x44 CSS px (WCAG 2.5.5), except links that sit
inline in running text in the page content (WCAG 2.5.8's inline exception).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from conftest import ROOT, guarded_context, run_search
from sitekit import kioskpack

pytestmark = pytest.mark.browser

KIOSK_VIEWPORTS = {"portrait": {"width": 1080, "height": 1920}, "landscape": {"width": 1920, "height": 1080}}
OFFICIAL_SOURCE = "https://peraturan.go.id/"


# ---- helpers ------------------------------------------------------------------------------

@contextmanager
def kiosk_browser(chromium, allowed: str, *, idle: float | None = None, warning: float | None = None,
                  viewport: str = "landscape", check_scripts: bool = True):
    """A fresh browser context (new sessionStorage) where only ``allowed`` may load.

    Yields a page whose ``problems`` list collects script errors; both outside
    requests and (unless ``check_scripts`` is false) script errors fail the test at the end."""
    context = guarded_context(chromium, (allowed,), viewport=KIOSK_VIEWPORTS[viewport], has_touch=True)
    overrides = []
    if idle is not None:
        overrides.append(f"window.__kioskIdleSeconds = {idle};")
    if warning is not None:
        overrides.append(f"window.__kioskWarningSeconds = {warning};")
    # Let tests see that kiosk.js told other scripts to clear themselves.
    overrides.append('addEventListener("kiosk:reset", e => console.log("kiosk:reset " + e.detail.reason));')
    context.add_init_script("\n".join(overrides))
    page = context.new_page()
    page.problems = []
    page.console_lines = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda message: page.console_lines.append(message.text))
    try:
        yield page
        assert not context.outside_requests, f"requests left the kiosk: {list(context.outside_requests)}"
        assert not (check_scripts and page.problems), f"script errors: {page.problems}"
    finally:
        context.close()


def file_url(site: Path, rel: str = "index.html") -> str:
    return (site / rel).resolve().as_uri()


def site_root(site: Path) -> str:
    return site.resolve().as_uri() + "/"


def html_pages(site: Path) -> list[str]:
    """Every page a visitor can reach. 404.html is left out (no link leads there);
    test_the_404_page_works_from_file opens it."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def lang_of(rel: str) -> str:
    return "en" if rel.startswith("en/") else "id"


def content_page(site: Path, lang: str) -> str:
    """A content page other than home, taken from the build so new pages need no test edits."""
    for rel in html_pages(site):
        if lang_of(rel) == lang and rel not in ("index.html", "en/index.html"):
            return rel
    raise AssertionError("the kiosk build has no content page")


def distinctive_word(site: Path, lang: str) -> str:
    """A word found in this language's pages and not in the other's, from the offline
    search index itself, so the test follows the content as editors change it."""
    docs = json.loads((site / "search/search_index.js").read_text(encoding="utf-8")[len("var __index = "):])["docs"]

    def words(entries) -> Counter:
        counts: Counter = Counter()
        for doc in entries:
            text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]).lower()
            counts.update(w for w in re.findall(r"[a-z]{7,}", text))
        return counts

    mine = words(d for d in docs if lang_of(d["location"]) == lang)
    other = words(d for d in docs if lang_of(d["location"]) != lang)
    # Also keep away from words that merely start like one of the other language's words:
    # Material's search matches prefixes.
    candidates = [w for w in mine if not any(o.startswith(w[:6]) for o in other)]
    return max(candidates, key=lambda w: (mine[w], w))


def search_and_open_result(page, query: str, lang: str) -> None:
    """Search, then follow the first result in ``lang``; the page must load from where we are."""
    run_search(page, query)
    links = page.locator("a.md-search-result__link")
    # In one step: Material keeps adding results as they scroll into view (and
    # starts the list again when a late answer to an earlier keystroke arrives).
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    mine = [i for i, href in enumerate(hrefs) if (("/en/" in "/" + href.lstrip("./")) == (lang == "en"))]
    assert mine, f"no {lang} result for {query!r}: {hrefs}"
    links.nth(mine[0]).click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == lang


def decode_qr(png: bytes) -> list[str]:
    return [barcode.text for barcode in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


# ---- every page, no network ---------------------------------------------------------------

def test_every_page_opens_from_file_without_network(chromium, kiosk_site):
    pages = html_pages(kiosk_site)
    assert "index.html" in pages and "en/index.html" in pages
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        for rel in pages:
            page.goto(file_url(kiosk_site, rel))
            assert page.locator("nav.px-kiosk-bar").is_visible(), rel
            assert page.locator(".px-kiosk-data .px-qr svg").is_visible(), rel
        page.wait_for_timeout(300)  # late requests (search worker, previews) still count


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_from_file_in_each_language(chromium, kiosk_site, lang):
    word = distinctive_word(kiosk_site, lang)
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site, "en/index.html" if lang == "en" else "index.html"))
        search_and_open_result(page, word, lang)
        assert page.url.startswith("file://")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_from_a_local_static_server(chromium, kiosk_site, kiosk_server, lang):
    word = distinctive_word(kiosk_site, lang)
    with kiosk_browser(chromium, kiosk_server.origin + "/") as page:
        page.goto(kiosk_server.origin + ("/en/" if lang == "en" else "/"))
        search_and_open_result(page, word, lang)
        assert page.url.startswith(kiosk_server.origin)


def test_the_zip_works_after_unpacking_elsewhere(chromium, kiosk_site, tmp_path):
    """What `make kiosk` ships: zip the build the same way, unpack it elsewhere (the USB
    stick), and search there."""
    archive = tmp_path / "site-kiosk.zip"
    folder = tmp_path / "build" / "site-kiosk"
    shutil.copytree(kiosk_site, folder)
    kioskpack.pack(folder, archive, ROOT / "kiosk", ROOT / "dev" / "KIOSK.md")
    stick = tmp_path / "usb"
    with zipfile.ZipFile(archive) as handle:
        handle.extractall(stick)
    unpacked = stick / "site-kiosk"
    assert (unpacked / "index.html").is_file()
    with kiosk_browser(chromium, site_root(unpacked)) as page:
        page.goto(file_url(unpacked))
        search_and_open_result(page, distinctive_word(unpacked, "id"), "id")


# ---- navigation, language switch, bar --------------------------------------------------------

def test_navigation_back_home_and_language_switch_from_file(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site))
        back = page.locator('[data-px-kiosk="back"]')
        assert back.is_disabled(), "nothing to go back to on the first page"
        # Follow the footer's "next" link to a content page.
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("load")
        here = page.url
        assert here != file_url(kiosk_site)
        rel = here[len(site_root(kiosk_site)):]
        # Switch to English: the same page, in English.
        page.locator('.px-kiosk-bar a[hreflang="en"]').click()
        page.wait_for_url(site_root(kiosk_site) + "en/" + rel)
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator('.px-kiosk-bar a[hreflang="en"]').get_attribute("aria-current") == "page"
        # Back returns to the Indonesian page, then to home.
        assert back.is_enabled()
        back.click()
        page.wait_for_url(here)
        assert page.locator("html").get_attribute("lang") == "id"
        page.locator('[data-px-kiosk="back"]').click()
        page.wait_for_url(file_url(kiosk_site))
        # And forward again with the language switch on the home page, then Home in English.
        page.locator('.px-kiosk-bar a[hreflang="en"]').click()
        page.wait_for_url(file_url(kiosk_site, "en/index.html"))
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("load")
        page.locator('[data-px-kiosk="home"]').click()
        page.wait_for_url(file_url(kiosk_site, "en/index.html"))


def test_larger_text_switch(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site))
        size = lambda: page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")  # noqa: E731
        before = size()
        button = page.locator('[data-px-kiosk="text-size"]')
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        assert size() > before * 1.2
        # It follows the visitor to the next page (until the idle reset forgets it).
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("load")
        assert page.locator('[data-px-kiosk="text-size"]').get_attribute("aria-pressed") == "true"


def test_base_text_is_larger_than_the_public_site(chromium, kiosk_site, built_site):
    sizes = {}
    for name, site in (("kiosk", kiosk_site), ("public", built_site)):
        # The public build is not made for file:// (its search fails there); only its text size matters here.
        with kiosk_browser(chromium, site_root(site), check_scripts=name == "kiosk") as page:
            page.goto(file_url(site))
            sizes[name] = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article')).fontSize)")
    assert sizes["kiosk"] >= 18 and sizes["kiosk"] > sizes["public"], sizes


@pytest.mark.parametrize("viewport", sorted(KIOSK_VIEWPORTS))
def test_body_text_is_at_least_20px(chromium, kiosk_site, viewport):
    with kiosk_browser(chromium, site_root(kiosk_site), viewport=viewport) as page:
        for rel in ("index.html", "en/index.html", content_page(kiosk_site, "id")):
            page.goto(file_url(kiosk_site, rel))
            sizes = page.evaluate("[...document.querySelectorAll('article p, article li, article td')]"
                                  ".filter(e => e.checkVisibility())"
                                  ".map(e => parseFloat(getComputedStyle(e).fontSize))")
            assert sizes and min(sizes) >= 20, (rel, sorted(set(sizes)))


@pytest.mark.parametrize("viewport", sorted(KIOSK_VIEWPORTS))
def test_no_page_or_table_scrolls_sideways_on_the_kiosk(chromium, kiosk_site, viewport):
    """A touch screen shows no scroll bar: a table wider than its column hid its last columns
    (the regulation list, when whole words set the narrowest column widths)."""
    from test_phone import sideways
    problems = []
    with kiosk_browser(chromium, site_root(kiosk_site), viewport=viewport) as page:
        for rel in html_pages(kiosk_site):
            page.goto(file_url(kiosk_site, rel))
            problems += [f"{rel}: {problem}" for problem in sideways(page)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_404_page_works_from_file(chromium, kiosk_site, lang):
    """Its stylesheets, scripts and links are relative to its own folder (sitekit/kiosk_pages.py)."""
    rel = "404.html" if lang == "id" else "en/404.html"
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        failed = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.goto(file_url(kiosk_site, rel))
        page.wait_for_load_state("load")
        # One stylesheet: Material's trimmed rules and the site's own (sitekit/trim.py).
        assert page.evaluate("document.styleSheets.length") >= 1
        assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
        assert page.locator("nav.px-kiosk-bar").is_visible()
        assert page.locator("article h1").is_visible()
        page.wait_for_timeout(300)
        assert not failed, failed
        page.locator("article a").last.click()  # back to this language's home page
        page.wait_for_load_state("load")
        assert page.url == file_url(kiosk_site, "index.html" if lang == "id" else "en/index.html")


# ---- no way out ---------------------------------------------------------------------------

def test_outside_navigation_is_impossible(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        start = file_url(kiosk_site)
        page.goto(start)
        assert page.locator('a[href^="http"], a[href^="//"], a[href^="tel:"], a[href^="mailto:"]').count() == 0
        # A link some script adds later is stopped too, and so is window.open.
        page.evaluate("""() => {
            const a = document.createElement('a');
            a.href = 'https://example.org/'; a.id = 'late'; a.textContent = 'late link';
            document.querySelector('article').append(a);
        }""")
        page.locator("#late").click()
        page.wait_for_timeout(500)
        assert page.url == start
        assert page.evaluate("window.open('https://example.org/') === null")


@pytest.mark.parametrize("where", ["data statement", "content"])
def test_a_qr_code_on_screen_decodes_to_its_address(chromium, kiosk_site, where):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        if where == "data statement":
            page.goto(file_url(kiosk_site))
            block = page.locator(".px-kiosk-data .px-qr").first
        else:
            rel = next((r for r in html_pages(kiosk_site)
                        if 'class="px-qr"' in (kiosk_site / r).read_text(encoding="utf-8").split("px-kiosk-data")[0]),
                       None)
            if rel is None:
                pytest.skip("no content page has an outside link yet")
            page.goto(file_url(kiosk_site, rel))
            block = page.locator("article .px-qr").first
        expected = block.get_attribute("data-px-qr")
        code = block.locator("svg")
        code.evaluate("el => el.scrollIntoView({block: 'center'})")  # clear of the fixed bar
        assert decode_qr(code.screenshot()) == [expected]
    if where == "data statement":
        assert expected == OFFICIAL_SOURCE


def test_print_controls_hidden_without_a_printer(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site))
        page.evaluate("""() => {
            const b = document.createElement('button');
            b.className = 'px-print'; b.id = 'print'; b.textContent = 'Cetak';
            document.querySelector('article').append(b);
        }""")
        assert not page.locator("#print").is_visible()
        # window.print is replaced by a no-op (the browser's own returns undefined too, so
        # only "not native code" and "no beforeprint event" show the kiosk's replacement)
        assert page.evaluate("""() => {
            let fired = false;
            addEventListener('beforeprint', () => { fired = true; });
            window.print();
            return !Function.prototype.toString.call(window.print).includes('[native code]') && !fired;
        }""")


# ---- idle reset -----------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "title", "button"), [("id", "Masih di sini?", "Ya, lanjutkan"),
                                                       ("en", "Still there?", "Yes, continue")])
def test_idle_warning_continue_then_reset(chromium, kiosk_site, lang, title, button):
    home = file_url(kiosk_site)
    start = file_url(kiosk_site, "en/index.html" if lang == "en" else "index.html")
    # Warning 2 s after the last touch, reset 6 s after it: margins wide enough for a busy test machine.
    with kiosk_browser(chromium, site_root(kiosk_site), idle=6, warning=4) as page:
        page.goto(start)
        page.locator("a.md-footer__link--next").click()  # a visitor reads on
        page.wait_for_load_state("load")
        visited = page.url
        # Their state: checker answers in sessionStorage and in memory, a search, larger text.
        page.evaluate("""() => {
            sessionStorage.setItem('px-checker', JSON.stringify({age: 30, answers: ['ya']}));
            window.__checkerAnswers = {age: 30};
        }""")
        page.locator('[data-px-kiosk="text-size"]').click()
        page.locator("input.md-search__input").fill("prakerja")
        page.keyboard.press("Escape")

        dialog = page.locator("#px-kiosk-idle")
        dialog.wait_for(state="visible", timeout=5_000)
        assert dialog.locator("h2").inner_text() == title
        assert re.search(r"\d", dialog.locator(".px-kiosk-idle__countdown").inner_text())
        continue_button = dialog.get_by_role("button", name=button)
        box = continue_button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        page.wait_for_timeout(1_500)  # let the countdown run down a little
        continue_button.click()
        assert not dialog.is_visible()
        # Extended: past the original deadline (about 2.5 s from here), still here with everything intact.
        page.wait_for_timeout(3_000)
        assert page.url == visited
        assert page.evaluate("window.__checkerAnswers && window.__checkerAnswers.age") == 30
        assert not any(line.startswith("kiosk:reset") for line in page.console_lines)

        # Now walk away: the warning comes back, then the reset.
        dialog.wait_for(state="visible", timeout=5_000)
        page.wait_for_url(home, timeout=10_000)
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == "id"
        assert page.evaluate("sessionStorage.length") == 0
        assert page.evaluate("typeof window.__checkerAnswers") == "undefined"
        assert page.locator("input.md-search__input").input_value() == ""
        assert page.locator('[data-px-kiosk="text-size"]').get_attribute("aria-pressed") == "false"
        assert page.locator('[data-px-kiosk="back"]').is_disabled(), "the next visitor cannot go back"
        assert "kiosk:reset idle" in page.console_lines


def test_idle_reset_empties_the_checker(chromium, kiosk_site):
    """The eligibility checker keeps answers only in memory; after the reset it starts afresh."""
    rel = next((r for r in html_pages(kiosk_site) if 'id="px-checker"' in (kiosk_site / r).read_text(encoding="utf-8")),
               None)
    if rel is None:
        pytest.skip("the build has no checker page yet")
    with kiosk_browser(chromium, site_root(kiosk_site), idle=3, warning=2) as page:
        page.goto(file_url(kiosk_site, rel))
        checker = page.locator("#px-checker")
        checker.wait_for(state="visible")
        fresh = checker.inner_text()
        checker.locator("button:visible").first.click()  # start: the visitor's first step
        assert checker.inner_text() != fresh
        page.locator("#px-kiosk-idle").wait_for(state="visible", timeout=5_000)
        page.wait_for_url(file_url(kiosk_site), timeout=10_000)
        assert "kiosk:reset idle" in page.console_lines
        page.goto(file_url(kiosk_site, rel))
        page.locator("#px-checker").wait_for(state="visible")
        assert page.locator("#px-checker").inner_text() == fresh
        # Only kiosk.js's own page counter (written when the home page was left) is stored.
        assert page.evaluate("Object.keys(sessionStorage)") == ["px-kiosk-depth"]


def test_idle_at_home_does_nothing(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site), idle=1, warning=0.5) as page:
        page.goto(file_url(kiosk_site))
        page.evaluate("window.__sameDocument = true")
        page.wait_for_timeout(2_500)
        assert not page.locator("#px-kiosk-idle").is_visible()
        assert page.evaluate("window.__sameDocument") is True, "the idle home page reloaded"


def test_used_home_page_is_reset_too(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site), idle=1.5, warning=1) as page:
        page.goto(file_url(kiosk_site))
        page.evaluate("() => { window.__sameDocument = true; sessionStorage.setItem('x', '1'); }")
        page.locator("input.md-search__input").fill("kartu")  # someone used it
        page.keyboard.press("Escape")
        page.locator("#px-kiosk-idle").wait_for(state="visible", timeout=5_000)
        page.wait_for_function("() => !window.__sameDocument", timeout=5_000)
        page.wait_for_load_state("load")
        assert page.evaluate("sessionStorage.length") == 0


# ---- touch targets --------------------------------------------------------------------------

MEASURE_TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], ' +
                   '[role=button], [role=link], [tabindex]:not([tabindex="-1"])';
  const small = [];
  let measured = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (r.right <= 0 || r.left >= innerWidth) continue;  // off-canvas drawer
    const inlineInText = getComputedStyle(el).display === 'inline' && el.closest('article');
    if (inlineInText) continue;  // WCAG 2.5.8 inline exception
    measured++;
    if (r.width < 43.5 || r.height < 43.5) {
      small.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ` +
                 `"${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ` +
                 `${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return { measured, small };
}"""


@pytest.mark.parametrize("viewport", sorted(KIOSK_VIEWPORTS))
def test_touch_targets_are_at_least_44px(chromium, kiosk_site, viewport):
    pages = ["index.html", "en/index.html", content_page(kiosk_site, "id"), content_page(kiosk_site, "en")]
    with kiosk_browser(chromium, site_root(kiosk_site), viewport=viewport) as page:
        report = {}
        for rel in pages:
            page.goto(file_url(kiosk_site, rel))
            result = page.evaluate(MEASURE_TARGETS)
            assert result["measured"] >= 5, rel
            if result["small"]:
                report[rel] = result["small"]
            # The same with the navigation drawer open (narrow screens) and with search results.
            # Below Material's 76.25em breakpoint the menu button must be there: the check
            # cannot be skipped by a selector that no longer matches.
            drawer = page.locator("button[data-px-drawer]")
            if page.evaluate("matchMedia('(max-width: 76.234375em)').matches"):
                assert drawer.is_visible(), f"{rel}: no menu button below 76.25em"
                drawer.click()
                assert page.evaluate("document.getElementById('__drawer').checked"), f"{rel}: the menu did not open"
                page.wait_for_timeout(400)
                small = page.evaluate(MEASURE_TARGETS)["small"]
                if small:
                    report[rel + " (menu open)"] = small
                page.keyboard.press("Escape")
                page.evaluate("document.getElementById('__drawer').checked = false")
        page.goto(file_url(kiosk_site))
        run_search(page, distinctive_word(kiosk_site, "id"))
        small = page.evaluate(MEASURE_TARGETS)["small"]
        if small:
            report["search results"] = small
    assert not report, "targets under 44x44 CSS px:\n" + json.dumps(report, indent=1)


def test_no_hover_only_parts(chromium, kiosk_site):
    with kiosk_browser(chromium, site_root(kiosk_site)) as page:
        page.goto(file_url(kiosk_site, content_page(kiosk_site, "id")))
        hidden_permalinks = page.evaluate(
            "[...document.querySelectorAll('.headerlink')].every(a => getComputedStyle(a).display === 'none')")
        assert hidden_permalinks
        assert page.locator(".md-tooltip2, [data-md-component=tooltip]").count() == 0

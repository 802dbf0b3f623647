"""axe-core (WCAG 2.0-2.2 A/AA and best practices) on every built page, in both
languages and both builds, plus the states a page only reaches on use: an open
citation preview and the search results. Zero violations; a false positive is
excused only in tests/a11y_exceptions.yml, with a written reason."""

from __future__ import annotations

import pytest
import yaml
from a11y_tools import (
    AXE_JS,
    COLOUR_RULES,
    Finding,
    audit_urls,
    file_url,
    language_of,
    load_exceptions,
    open_citation_preview,
    report,
    run_axe,
    served_url,
    site_pages,
    unexcused,
    wait_for_scripts,
)

from conftest import guarded_context, run_search

pytestmark = pytest.mark.browser

LANGUAGES = ["id", "en"]
HOME = {"id": "index.html", "en": "en/index.html"}
SEARCH_WORD = {"id": "prakerja", "en": "prakerja"}


@pytest.fixture(scope="module")
def exceptions():
    return load_exceptions()


@pytest.fixture(scope="module")
def known_issues():
    return load_exceptions(section="known_issues")


@pytest.fixture(scope="module", autouse=True)
def axe_installed():
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run 'make test', which runs npm ci")


def assert_clean(findings, exceptions, known_issues=()):
    """No violation left once documented false positives are excused. Violations
    listed as known issues (a fix pending elsewhere) make the test an expected
    failure that names them; anything else fails."""
    left = unexcused(findings, exceptions)
    new = unexcused(left, list(known_issues))
    assert not new, report(new)
    if left:
        pytest.xfail("known issue(s) from tests/a11y_exceptions.yml still present:\n" + report(left))


def test_exceptions_file_is_documented(exceptions, known_issues, tmp_path):
    """The real file loads (load_exceptions checks every entry), and the checks themselves
    refuse what they must: the real lists are empty today, so a loop over them proves nothing."""
    assert all(e.reason for e in [*exceptions, *known_issues])
    good = {"rule": "color-contrast", "page": "en/*.html", "selector": ".px-tip > p",
            "reason": "axe reads the colour of the hidden parent, not of the preview."}
    bad = [({**good, "reason": ""}, "lacks reason"), ({k: v for k, v in good.items() if k != "page"}, "lacks page"),
           ({**good, "reason": "false positive"}, "needs a written reason"),
           ({**good, "selector": "*"}, "must excuse one element")]
    path = tmp_path / "exceptions.yml"
    for entry, message in bad:
        path.write_text(yaml.safe_dump({"exceptions": [good, entry]}), encoding="utf-8")
        with pytest.raises(ValueError, match=f"exceptions entry 2 {message}"):
            load_exceptions(path)
    path.write_text(yaml.safe_dump({"known_issues": [good]}), encoding="utf-8")
    [loaded] = load_exceptions(path, section="known_issues")
    covered = Finding("color-contrast", "serious", "en/faq.html", ".px-tip > p", "contrast")
    elsewhere = Finding("color-contrast", "serious", "faq.html", ".px-tip > p", "contrast")
    assert unexcused([covered, elsewhere], [loaded]) == [elsewhere]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_passes_axe(page, site_server, built_site, exceptions, lang):
    pages = [rel for rel in site_pages(built_site) if language_of(rel) == lang]
    assert HOME[lang] in pages and len(pages) > 2, pages
    urls = {rel: served_url(site_server.origin, rel) for rel in pages}
    assert_clean(audit_urls(page, urls), exceptions)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_passes_axe_in_the_dark_scheme(page, site_server, built_site, exceptions, lang):
    """The site follows the phone's dark setting (scheme.css): the same pages, checked with the
    rules a change of colours can break (scheme.css sets colours only; the light run checks the
    rest). Regulation pages share one layout, so two of them stand for the rest."""
    pages = [rel for rel in site_pages(built_site) if language_of(rel) == lang]
    regulations = [rel for rel in pages if "/regulasi/" in "/" + rel and not rel.endswith("regulasi/index.html")]
    pages = [rel for rel in pages if rel not in regulations[2:]]
    page.emulate_media(color_scheme="dark")
    urls = {rel + " (dark)": served_url(site_server.origin, rel) for rel in pages}
    page.goto(urls[HOME[lang] + " (dark)"])
    assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
    findings = audit_urls(page, urls, rules=COLOUR_RULES)
    page.goto(served_url(site_server.origin, "kelayakan/" if lang == "id" else "en/kelayakan/"))
    wait_for_scripts(page)
    assert open_citation_preview(page)
    findings += run_axe(page, f"{lang} kelayakan (dark, citation preview open)", rules=COLOUR_RULES)
    assert_clean(findings, exceptions)


def pages_with_citations(site) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for rel in site_pages(site):
        if "data-px-preview=" in (site / rel).read_text(encoding="utf-8"):
            found[language_of(rel)].append(rel)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_citation_preview_passes_axe(page, site_server, built_site, exceptions, known_issues, lang):
    candidates = pages_with_citations(built_site)[lang]
    if not candidates:
        pytest.skip(f"no {lang} page cites a provision with a preview yet")
    rel = candidates[0]
    page.goto(served_url(site_server.origin, rel))
    wait_for_scripts(page)
    assert open_citation_preview(page), rel
    assert_clean(run_axe(page, rel + " (citation preview open)"), exceptions, known_issues)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_pass_axe(page, site_server, exceptions, lang):
    rel = HOME[lang]
    page.goto(served_url(site_server.origin, rel))
    wait_for_scripts(page)
    run_search(page, SEARCH_WORD[lang])
    assert_clean(run_axe(page, rel + " (search results open)"), exceptions)


@pytest.fixture
def kiosk_page(chromium, kiosk_site):
    context = guarded_context(chromium, (kiosk_site.resolve().as_uri() + "/",))
    page = context.new_page()
    yield page
    outside = list(context.outside_requests)
    context.close()
    assert not outside, f"requests left the kiosk build: {outside}"


def kiosk_pages(kiosk_site, lang: str) -> list[str]:
    """Pages a kiosk can show. 404.html is left out: from file:// there is no
    server to answer a missing page with it, so no visitor ever sees it."""
    return [rel for rel in site_pages(kiosk_site) if language_of(rel) == lang and not rel.endswith("404.html")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kiosk_page_passes_axe(kiosk_page, kiosk_site, exceptions, lang):
    pages = kiosk_pages(kiosk_site, lang)
    assert HOME[lang] in pages and len(pages) > 2, pages
    urls = {"kiosk:" + rel: file_url(kiosk_site, rel) for rel in pages}
    assert_clean(audit_urls(kiosk_page, urls), exceptions)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_kiosk_page_passes_axe_in_the_dark_scheme(kiosk_page, kiosk_site, exceptions, lang):
    """A kiosk whose system is set to dark gets the dark scheme too (scheme.css, with
    kiosk.css's larger type and 44 px targets on top). Two regulation pages stand for the rest."""
    pages = kiosk_pages(kiosk_site, lang)
    regulations = [rel for rel in pages if "/regulasi/" in "/" + rel and not rel.endswith("regulasi/index.html")]
    pages = [rel for rel in pages if rel not in regulations[2:]]
    kiosk_page.emulate_media(color_scheme="dark")
    urls = {"kiosk:" + rel + " (dark)": file_url(kiosk_site, rel) for rel in pages}
    kiosk_page.goto(urls["kiosk:" + HOME[lang] + " (dark)"])
    assert kiosk_page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
    assert_clean(audit_urls(kiosk_page, urls), exceptions)

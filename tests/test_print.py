"""Printed pages (issue 11, item 7): every printed page carries the not-official notice,
the date the facts were checked (in words) and its own address; the explainer pages have a
real print button that works under a Content-Security-Policy without inline scripts."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import ROOT, guarded_context

pytestmark = pytest.mark.browser

PAGES = ["kelayakan/", "en/kelayakan/", "cara-kerja/", "en/kewenangan/", "regulasi/perpres-36-2020/",
         "en/regulasi/perpres-36-2020/"]
NOTICE = {"id": "Bukan situs resmi pemerintah.", "en": "Not an official government website."}
MONTHS = {"id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                 "November", "Desember"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]}
VISIBLE = "e => !!e && e.checkVisibility({visibilityProperty: true})"


def as_of() -> dt.date:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(line for line in config.splitlines() if line.strip().startswith("as_of:"))
    return dt.date.fromisoformat(str(yaml.safe_load(line.strip())["as_of"]))


@pytest.fixture(scope="module")
def paper(chromium, site_server):
    context = guarded_context(chromium, (site_server.origin + "/",), viewport={"width": 360, "height": 740})
    page = context.new_page()
    yield page
    outside = list(context.outside_requests)
    context.close()
    assert not outside, outside


@pytest.mark.parametrize("rel", PAGES)
def test_printed_page_carries_notice_date_in_words_and_address(paper, site_server, rel):
    lang = "en" if rel.startswith("en/") else "id"
    day = as_of()
    paper.emulate_media(media="screen")
    paper.goto(site_server.origin + "/" + rel)
    notice = paper.locator(".px-print-notice")
    assert not notice.evaluate(VISIBLE), "the print notice shows on screen"
    paper.emulate_media(media="print")
    assert notice.evaluate(VISIBLE), "the print notice is missing on paper"
    text = " ".join(notice.inner_text().split())
    assert NOTICE[lang] in text
    assert f"{day.day} {MONTHS[lang][day.month - 1]} {day.year}" in text
    assert f"{site_server.origin}/{rel}" in text
    assert notice.locator("time").get_attribute("datetime") == day.isoformat()
    for hidden in (".px-print-action", ".md-header", ".md-sidebar"):
        if paper.locator(hidden).count():
            assert not paper.locator(hidden).first.evaluate(VISIBLE), hidden
    if not rel.startswith(("regulasi/", "en/regulasi/")):
        assert paper.locator("ol.px-basis").evaluate(VISIBLE), "the legal-basis list is missing on paper"
    pdf = paper.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize(("rel", "name"), [("kelayakan/", "Cetak halaman ini"), ("en/cara-kerja/", "Print this page")])
def test_print_button_prints_under_a_policy_without_inline_scripts(chromium, site_server, rel, name):
    context = guarded_context(chromium, (site_server.origin + "/",))

    def strict(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'; object-src 'none'"}
        route.fulfill(response=response, headers=headers)

    context.route(f"{site_server.origin}/{rel}", strict)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_server.origin}/{rel}")
    page.wait_for_load_state("load")
    button = page.get_by_role("button", name=name)
    button.wait_for(state="visible")
    page.evaluate("() => { window.pxPrinted = 0; window.print = () => { window.pxPrinted += 1; }; }")
    button.click()
    assert page.evaluate("window.pxPrinted") == 1
    assert button.evaluate("b => b.tagName") == "BUTTON" and button.get_attribute("type") == "button"
    assert not [e for e in errors if "print" in e.lower()], errors
    assert not context.outside_requests
    context.close()


def test_regulation_pages_have_no_print_button(page, site_server):
    page.goto(site_server.origin + "/regulasi/perpres-36-2020/")
    assert page.locator("[data-px-print]").count() == 0

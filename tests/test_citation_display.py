"""How citations show on the explainer pages (issue 11): in a real browser at 360 px,
citation text is at most 5% of the visible article text in both languages, every note
mark opens its preview, and a mark that stands for several citations links each one."""

from __future__ import annotations

import pytest
from citation_share import CITATION_SHARE_JS

from conftest import guarded_context

pytestmark = pytest.mark.browser

EXPLAINERS = ["", "tentang-prakerja/", "kelayakan/", "cara-kerja/", "kewajiban-sanksi/", "kewenangan/",
              "banyumas/", "penelitian/", "tanya-jawab/", "glosarium/"]
GOAL = 0.05


@pytest.fixture(scope="module")
def phone(chromium, site_server):
    context = guarded_context(chromium, (site_server.origin + "/",), viewport={"width": 360, "height": 740},
                              has_touch=True, is_mobile=True)
    page = context.new_page()
    yield page
    outside = list(context.outside_requests)
    context.close()
    assert not outside, outside


@pytest.mark.parametrize("lang", ["id", "en"])
def test_citation_text_is_at_most_five_percent_of_each_explainer_page(phone, site_server, lang):
    shares = {}
    for rel in EXPLAINERS:
        phone.goto(f"{site_server.origin}/{'en/' if lang == 'en' else ''}{rel}")
        measured = phone.evaluate(CITATION_SHARE_JS)
        assert measured["total"] > 300, (rel, measured)
        shares[rel or "home"] = round(measured["share"], 4)
    too_much = {page: share for page, share in shares.items() if share > GOAL}
    assert not too_much, f"citation text above {GOAL:.0%} of the visible text: {too_much} (all: {shares})"


@pytest.mark.parametrize(("lang", "open_word"), [("id", "Buka pasal"), ("en", "Open the article")])
def test_a_merged_mark_previews_and_links_each_of_its_citations(phone, site_server, lang, open_word):
    phone.goto(f"{site_server.origin}/{'en/' if lang == 'en' else ''}kewenangan/")
    mark = phone.locator("a.px-cite--mark[data-px-notes*=' ']").first
    notes = mark.get_attribute("data-px-notes").split()
    mark.tap()
    tip = phone.locator("#px-tip")
    tip.wait_for(state="visible")
    opens = tip.get_by_role("link", name=open_word)
    assert opens.count() == len(notes)
    for index, note in enumerate(notes):
        target = phone.locator(f"#{note} a.px-cite")
        assert opens.nth(index).evaluate("a => a.href") == target.evaluate("a => a.href")
        assert target.inner_text() in opens.nth(index).inner_text()
    assert phone.url.endswith("/kewenangan/"), "the first tap shows the preview instead of leaving"
    phone.keyboard.press("Escape")
    assert tip.is_hidden()

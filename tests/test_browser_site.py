"""The public site in real headless Chromium, with the network blocked."""

from __future__ import annotations

import pytest
from a11y_tools import wait_for_scripts

from conftest import run_search

pytestmark = pytest.mark.browser


def test_language_switch_lands_on_same_page(page, site_server):
    page.goto(site_server.origin + "/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=en]").first.click()
    page.wait_for_url(site_server.origin + "/en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_language_switch_works_by_keyboard(page, site_server):
    page.goto(site_server.origin + "/en/")
    wait_for_scripts(page)
    # Reach the link with Tab, as a keyboard user must (focusing it from the script would
    # pass even if no key could get there), then check it is shown when focused.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.md-select__link[hreflang=id]')"):
            break
    else:
        raise AssertionError("40 Tabs from the top never reached the Indonesian language link")
    assert page.locator("a.md-select__link[hreflang=id]:focus").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(site_server.origin + "/")
    assert page.locator("html").get_attribute("lang") == "id"


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [("/", "relawan", "Penjelasan Kartu Prakerja"), ("/en/", "volunteers", "Kartu Prakerja explained")],
)
def test_search_finds_a_word_in_each_language(page, site_server, path, query, expected):
    page.goto(site_server.origin + path)
    assert expected in run_search(page, query)

"""Reflow (WCAG 1.4.10): at 320 CSS px, and at 640 CSS px (1280 px at 200% zoom),
key pages never scroll sideways, in both languages. Data tables may scroll inside
their own container (the criterion's exception); the page itself may not."""

from __future__ import annotations

import pytest
from a11y_tools import served_url, wait_for_scripts

from conftest import guarded_context

pytestmark = pytest.mark.browser

VIEWPORTS = {"320px": {"width": 320, "height": 640}, "640px-zoom200": {"width": 640, "height": 400}}
PREFIX = {"id": "", "en": "en/"}
KEY_PAGES = ["index.html", "kelayakan/index.html", "cek-kelayakan/index.html"]

# What sticks out to the right, outside any container that scrolls on its own.
OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const found = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let clipped = false;
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) {
        if (p.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
      }
    }
    if (clipped || getComputedStyle(e).position === 'fixed') continue;
    const name = e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
      ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    found.push(name + ' (right edge ' + Math.round(r.right) + 'px) "' +
      (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"');
    if (found.length >= 8) break;
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width, found};
}"""


def reflow_pages(built_site, lang: str) -> list[str]:
    """Home, eligibility and checker pages (when they exist) and the longest regulation page."""
    prefix = PREFIX[lang]
    pages = [prefix + rel for rel in KEY_PAGES if (built_site / prefix / rel).exists()]
    regulations = [p for p in (built_site / prefix / "regulasi").glob("*/index.html")]
    assert regulations, f"no {lang} regulation pages in the build"
    longest = max(regulations, key=lambda p: p.stat().st_size)
    pages.append(longest.relative_to(built_site).as_posix())
    return pages


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_key_pages_never_scroll_sideways(chromium, site_server, built_site, viewport, lang):
    context = guarded_context(chromium, (site_server.origin + "/",), viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems = []
    try:
        for rel in reflow_pages(built_site, lang):
            page.goto(served_url(site_server.origin, rel))
            wait_for_scripts(page)
            state = page.evaluate(OVERFLOW)
            if state["scrollWidth"] > state["clientWidth"]:
                problems.append(f"{rel}: page is {state['scrollWidth']}px wide in a {state['clientWidth']}px "
                                f"viewport; sticking out: {state['found']}")
    finally:
        outside = list(context.outside_requests)
        context.close()
    assert not outside, outside
    assert not problems, "\n".join(problems)

"""Keyboard walk-through in real Chromium: Tab through whole pages as a keyboard
user does, at desktop width and at 640 CSS px (1280 px at 200% zoom).

At every stop the focus must be visible (an outline or a box shadow on a shown,
on-screen element that the same element lacks unfocused; WCAG 2.4.7) and not hidden under the sticky header (2.4.11).
The skip link must be the first stop and must move the reader into the content;
below 76.25em the navigation drawer must open and close by keyboard."""

from __future__ import annotations

import pytest
from a11y_tools import served_url, wait_for_scripts

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
ZOOMED = {"width": 640, "height": 400}  # 1280 x 800 at 200% zoom
SKIP_TEXT = {"id": "Lewati ke isi", "en": "Skip to content"}
PREFIX = {"id": "", "en": "en/"}
MAX_TABS = 400
# Material fades focus targets in (skip link, permalinks, menus). The test checks
# where each transition ends, so transitions and animations finish at once.
NO_TRANSITIONS = "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;" \
    " animation-duration: 0s !important; animation-delay: 0s !important; }"

FOCUS_STATE = """async () => {
  // Let Material react to the focus change (it opens menus and search on focus).
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return {body: true};
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const h = header ? header.getBoundingClientRect() : null;
  const headerFixed = header && ['sticky', 'fixed'].includes(getComputedStyle(header).position);
  const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
    (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +
    ' "' + (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  let hidden = false;
  for (let n = e; n; n = n.parentElement) {
    const cs = getComputedStyle(n);
    if (cs.visibility === 'hidden' || cs.display === 'none' || parseFloat(cs.opacity) === 0) { hidden = true; break; }
  }
  // The focus indicator is what changes when the element gains focus: compare the
  // focused style with the same element unfocused (a 2 px transparent outline, or a
  // box shadow the element always has, is no indicator).
  const seen = c => !/^(transparent|rgba\\([^)]*,\\s*0\\))$/.test(c.trim());
  const ring = st => st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2 && seen(st.outlineColor)
    ? [st.outlineStyle, st.outlineWidth, st.outlineColor, st.outlineOffset].join(' ') : '';
  const shade = st => st.boxShadow === 'none' || !/rgba?\\(/.test(st.boxShadow) ||
    (st.boxShadow.match(/rgba?\\([^)]*\\)/g) || []).every(c => !seen(c)) ? '' : st.boxShadow;
  const focusedRing = ring(s), focusedShade = shade(s);
  e.blur();
  const plain = getComputedStyle(e);
  const plainRing = ring(plain), plainShade = shade(plain);
  e.focus();  // back, as :focus-visible (the last input was a key), so Tab goes on from here
  return {
    body: false, name,
    key: name + '@' + Array.prototype.indexOf.call(document.querySelectorAll('*'), e),
    outline: focusedRing !== '' && focusedRing !== plainRing,
    shadow: focusedShade !== '' && focusedShade !== plainShade,
    refocused: document.activeElement === e && e.matches(':focus-visible'),
    size: r.width >= 1 && r.height >= 1,
    onScreen: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    hidden,
    underHeader: !!(h && headerFixed && !header.contains(e) &&
      r.top >= h.top && r.bottom <= h.bottom && r.left >= h.left && r.right <= h.right),
  };
}"""


def tab_walk(page, max_tabs: int = MAX_TABS) -> list[dict]:
    """Press Tab until the focus comes back to the first stop; every stop's state."""
    stops: list[dict] = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["body"]:
            if stops:
                break  # left the document at the end: one full round
            continue
        if stops and state["key"] == stops[0]["key"]:
            break
        stops.append(state)
    else:
        raise AssertionError(f"no full round after {max_tabs} Tabs; last stops: {[s['name'] for s in stops[-5:]]}")
    return stops


def problems_of(stops: list[dict]) -> list[str]:
    problems = []
    for number, stop in enumerate(stops, 1):
        if not stop["size"] or stop["hidden"] or not stop["onScreen"]:
            problems.append(f"Tab {number}: focus on an element that is not shown: {stop['name']}")
        elif not (stop["outline"] or stop["shadow"]):
            problems.append(f"Tab {number}: no visible focus indicator on {stop['name']} "
                            "(its outline and box shadow look the same focused and unfocused)")
        if not stop["refocused"]:
            problems.append(f"Tab {number}: the test could not give the focus back to {stop['name']}")
        if stop["underHeader"]:
            problems.append(f"Tab {number}: focused element hidden under the sticky header: {stop['name']}")
    return problems


def key_pages(built_site) -> list[tuple[str, str]]:
    """(lang, page path) for the home page and, once it exists, the checker."""
    found = []
    for lang in ("id", "en"):
        for rel in ("index.html", "cek-kelayakan/index.html"):
            if (built_site / PREFIX[lang] / rel).exists():
                found.append((lang, PREFIX[lang] + rel))
    return found


def open_page(chromium, site_server, rel: str, viewport: dict):
    from conftest import add_test_stylesheet, guarded_context

    context = guarded_context(chromium, (site_server.origin + "/",), viewport=viewport)
    page = context.new_page()
    page.goto(served_url(site_server.origin, rel))
    wait_for_scripts(page)
    add_test_stylesheet(page, NO_TRANSITIONS)
    return context, page


@pytest.mark.parametrize("viewport", [DESKTOP, ZOOMED], ids=["1280px", "640px-zoom200"])
def test_focus_always_visible_and_never_under_header(chromium, site_server, built_site, viewport):
    pages = key_pages(built_site)
    assert ("id", "index.html") in pages and ("en", "en/index.html") in pages
    problems = []
    for _, rel in pages:
        context, page = open_page(chromium, site_server, rel, viewport)
        try:
            stops = tab_walk(page)
            assert len(stops) >= 5, f"{rel}: only {len(stops)} focus stops"
            problems += [f"{rel}: {p}" for p in problems_of(stops)]
        finally:
            outside = list(context.outside_requests)
            context.close()
        assert not outside, outside
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_skip_link_is_first_and_moves_into_content(chromium, site_server, lang):
    context, page = open_page(chromium, site_server, PREFIX[lang] + "index.html", DESKTOP)
    try:
        page.keyboard.press("Tab")
        skip = page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
            return {cls: e.className, text: e.textContent.trim(), href: e.getAttribute('href'),
                    shown: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight}; }""")
        assert "md-skip" in skip["cls"] and skip["text"] == SKIP_TEXT[lang], skip
        assert skip["shown"], f"the skip link is focused but not on screen: {skip}"
        page.keyboard.press("Enter")
        page.wait_for_function("h => location.hash === h", arg=skip["href"])
        page.keyboard.press("Tab")
        inside = page.evaluate("""() => !!document.activeElement.closest('.md-content')
            && !document.activeElement.closest('.md-header, .md-sidebar')""")
        assert inside, "after the skip link, Tab should land in the page content"
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_navigation_drawer_works_by_keyboard_when_zoomed(chromium, site_server, lang):
    context, page = open_page(chromium, site_server, PREFIX[lang] + "index.html", ZOOMED)
    try:
        button = page.locator("[data-px-drawer]")
        assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
        nav_link = page.locator(".md-sidebar--primary .md-nav__list a[href]").first
        assert not nav_link.is_visible(), "a closed drawer must keep its links out of reach"
        button.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.matches('.md-sidebar--primary a[href]')")
        assert button.get_attribute("aria-expanded") == "true"
        stops = [page.evaluate(FOCUS_STATE)]
        for _ in range(60):  # every link in the drawer, until the focus leaves it
            page.keyboard.press("Tab")
            if not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
                break
            stops.append(page.evaluate(FOCUS_STATE))
        links = page.evaluate("""() => Array.from(document.querySelectorAll(
            '.md-sidebar--primary .md-nav--primary > .md-nav__list a[href]')).filter(a =>
            a.getClientRects().length && getComputedStyle(a).visibility === 'visible').length""")
        assert len(stops) >= links > 2, f"{len(stops)} focus stops in the drawer for {links} links"
        assert not problems_of(stops), problems_of(stops)
        page.locator("[data-px-drawer]").focus()
        page.keyboard.press("Escape")
        page.wait_for_function("() => document.activeElement.matches('[data-px-drawer]')")
        assert button.get_attribute("aria-expanded") == "false"
    finally:
        context.close()

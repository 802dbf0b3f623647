"""A citizen on a cheap phone (360 x 740 CSS px), in both languages.

- No key page scrolls sideways, and none holds a box that scrolls sideways
  (amounts as cards, the authority map as a vertical list, tables as stacked rows).
- The home page's first screen holds a filled start button for the checker.
- The checker's result, with its buttons, fits in about two screens; its decision
  tables are collapsed while the flow runs; its QR summary is not shown on a phone.
"""

from __future__ import annotations

import pytest
from a11y_tools import load_exceptions, report, run_axe, served_url, unexcused, wait_for_scripts
from checker_steps import answer_checker

from conftest import guarded_context

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PREFIX = {"id": "", "en": "en/"}
KEY_PAGES = ["index.html", "kelayakan/index.html", "cara-kerja/index.html", "kewenangan/index.html",
             "cek-kelayakan/index.html", "tanya-jawab/index.html", "banyumas/index.html", "regulasi/index.html"]
# The result with its buttons: about two phone screens (15% more allowed) when nothing fails;
# one failing criterion with its reason and provision may take half a screen more.
RESULT_LIMIT = {"eligible": 2 * PHONE["height"] * 1.15, "excluded": 2.5 * PHONE["height"]}

SIDEWAYS = """() => {
  const root = document.documentElement;
  const boxes = [];
  for (const e of document.querySelectorAll('body *')) {
    if (!e.getClientRects().length || e.clientWidth === 0) continue;  // closed panels (search)
    const s = getComputedStyle(e);
    if (['auto', 'scroll'].includes(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
      boxes.push(e.tagName.toLowerCase() + '.' + String(e.className).trim().split(/\\s+/).join('.') +
                 ' (' + e.scrollWidth + 'px of content in ' + e.clientWidth + 'px)');
    }
  }
  return {page: root.scrollWidth, viewport: root.clientWidth, boxes};
}"""

ELIGIBLE = {"kewarganegaraan": "ya", "usia": "30", "pendidikan": "tidak", "jabatan": ["tidak-satu-pun"],
            "kartu-keluarga": "belum-ada"}


@pytest.fixture
def phone(chromium, site_server):
    context = guarded_context(chromium, (site_server.origin + "/",), viewport=PHONE, is_mobile=True,
                              has_touch=True)
    page = context.new_page()
    yield page
    outside = list(context.outside_requests)
    context.close()
    assert not outside, f"requests left the site: {outside}"


def settled_axe(page, label: str):
    """axe once transitions end (Material fades its header title when the page scrolls)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return run_axe(page, label)


def sideways(page) -> list[str]:
    state = page.evaluate(SIDEWAYS)
    problems = list(state["boxes"])
    if state["page"] > state["viewport"]:
        problems.insert(0, f"the page is {state['page']}px wide in a {state['viewport']}px screen")
    return problems


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_key_page_scrolls_sideways_on_a_phone(phone, site_server, built_site, lang):
    """And axe-core finds nothing in the phone layouts either."""
    problems, findings = [], []
    for rel in KEY_PAGES:
        rel = PREFIX[lang] + rel
        assert (built_site / rel).exists(), rel
        phone.goto(served_url(site_server.origin, rel))
        wait_for_scripts(phone)
        problems += [f"{rel}: {problem}" for problem in sideways(phone)]
        findings += settled_axe(phone, f"{rel} at 360px")
        toggle = phone.locator(".px-checker-static__toggle")
        if toggle.count():  # the checker's decision tables, opened
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"
            problems += [f"{rel} (tables open): {problem}" for problem in sideways(phone)]
            findings += settled_axe(phone, f"{rel} at 360px, tables open")
    assert not problems, "\n".join(problems)
    left = unexcused(findings, load_exceptions())
    assert not left, report(left)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_phone_layouts_of_the_generated_blocks(phone, site_server, lang):
    """Amounts as cards (total first), the authority map as a vertical list, tables stacked."""
    phone.goto(f"{site_server.origin}/{PREFIX[lang]}cara-kerja/")
    cards = phone.locator(".px-amounts .px-amount")
    assert cards.count() >= 4 and phone.locator(".px-amounts table").count() == 0
    first = cards.first.locator("p, dl").nth(1)
    assert "px-amount__total" in first.get_attribute("class")
    phone.goto(f"{site_server.origin}/{PREFIX[lang]}kewenangan/")
    assert not phone.locator("figure.px-authority svg").is_visible()
    items = phone.locator(".px-authority-list > ol > li")
    assert items.count() >= 5 and items.first.locator(".px-edge__basis a.px-cite").count() >= 1
    who = items.first.locator(".px-edge__from").bounding_box(), items.first.locator(".px-edge__to").bounding_box()
    assert who[1]["y"] > who[0]["y"] + who[0]["height"] - 1, "who holds the power sits above whom it concerns"
    assert phone.locator(".px-authority-list").get_attribute("role") == "figure"
    phone.goto(f"{site_server.origin}/{PREFIX[lang]}regulasi/")
    row = phone.locator("table[data-px-stack] tbody tr").first
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    assert row.locator("td[data-label]").count() >= 2
    # Stacked by CSS, still a table to a screen reader (Chromium's own accessibility tree).
    roles = stacked_table_roles(phone)
    columns = phone.locator("table[data-px-stack]").first.locator("thead th").count()
    rows = phone.locator("table[data-px-stack]").first.locator("tr").count()
    assert roles["table"] == 1 and roles["columnheader"] == columns >= 3, roles
    assert roles["row"] == rows and roles["cell"] == (rows - 1) * columns, roles


def stacked_table_roles(page) -> dict[str, int]:
    """How many nodes of each table role Chromium's accessibility tree holds for
    the page's first stacked table (the browser's tree, not the markup)."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        table = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "table[data-px-stack]"})["nodeId"]
        return {role: len(cdp.send("Accessibility.queryAXTree", {"nodeId": table, "role": role})["nodes"])
                for role in ("table", "row", "columnheader", "cell")}
    finally:
        cdp.detach()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_home_first_screen_holds_a_filled_start_button(phone, site_server, lang):
    phone.goto(f"{site_server.origin}/{PREFIX[lang]}")
    wait_for_scripts(phone)
    button = phone.locator("a.px-start")
    assert button.count() == 1
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 200, box
    assert box["y"] + box["height"] <= PHONE["height"], f"the start button ends at y={box['y'] + box['height']}"
    assert button.get_attribute("href").rstrip("/").endswith("cek-kelayakan")
    fill = button.evaluate("b => getComputedStyle(b).backgroundColor")
    assert fill not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)"), fill
    button.click()
    phone.wait_for_url("**/cek-kelayakan/")


def run_flow(page, answers: dict) -> dict:
    data = page.evaluate("prakerjaChecker.data")
    answer_checker(page, data, answers)
    return data


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("case", ["eligible", "excluded"])
def test_checker_result_fits_in_about_two_screens(phone, site_server, lang, case):
    answers = ELIGIBLE if case == "eligible" else {**ELIGIBLE, "jabatan": ["asn"]}
    phone.goto(f"{site_server.origin}/{PREFIX[lang]}cek-kelayakan/")
    wait_for_scripts(phone)
    assert phone.locator("#px-checker-static-body").is_hidden(), "the decision tables are collapsed"
    data = run_flow(phone, answers)
    phone.locator("#px-checker svg.px-checker__qr-code").wait_for(state="attached")
    order = phone.evaluate("""() => [...document.querySelectorAll(
        '#px-result-heading, #px-checker-status, #px-checker-next, .px-checker__criteria, .px-checker__more, ' +
        '.px-checker__actions')].map(e => e.id || e.className.split(' ')[0])""")
    # The reasons follow the outcome that announces them ("these criteria are not met"), then
    # the program's status and the next steps.
    first = ["px-result-heading"] + (["px-checker__criteria"] if case == "excluded" else [])
    assert order[:len(first) + 2] == [*first, "px-checker-status", "px-checker-next"], order
    assert order[-1] == "px-checker__actions", order
    top = phone.locator("#px-result-heading").bounding_box()["y"]
    buttons = phone.locator("#px-checker .px-checker__actions .md-button")
    bottom = max(buttons.nth(i).bounding_box()["y"] + buttons.nth(i).bounding_box()["height"]
                 for i in range(buttons.count()))
    assert bottom - top <= RESULT_LIMIT[case], f"the result and its buttons take {bottom - top:.0f}px"
    assert not phone.locator("#px-checker .px-checker__qr").is_visible(), "no QR of the phone's own screen"
    left = unexcused(settled_axe(phone, f"{lang} result at 360px"), load_exceptions())
    assert not left, report(left)
    # Nothing sticks out: the "Change" buttons of the answers, once opened, stay inside the card.
    phone.get_by_role("button", name=data["ui"]["answers_title"], exact=True).click()
    card = phone.locator("#px-checker").bounding_box()
    for box in (b.bounding_box() for b in phone.locator("#px-checker .px-checker__summary-row > *").all()):
        assert box["x"] + box["width"] <= card["x"] + card["width"] + 0.5
    assert not sideways(phone)


def test_change_links_stay_inside_the_card_on_the_check_screen(phone, site_server):
    phone.goto(f"{site_server.origin}/cek-kelayakan/")
    wait_for_scripts(phone)
    data = run_flow(phone, ELIGIBLE)
    phone.locator("#px-checker").get_by_role("button", name=data["ui"]["change_answers"], exact=True).click()
    card = phone.locator("#px-checker").bounding_box()
    links = phone.locator(".px-checker__summary-action button")
    assert links.count() == len(data["questions"])
    for link in links.all():
        box = link.bounding_box()
        assert box["x"] + box["width"] <= card["x"] + card["width"] - 4, box

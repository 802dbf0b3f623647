"""Screenshots and phone measurements of the key pages: what a citizen on a cheap
phone (360 x 740 CSS px) and a kiosk visitor (1080 x 1920) see. Reported, never asserted.

    .venv/bin/python benchmarks/phone_screens.py --label before --site DIR --kiosk DIR

Builds the sites into a temporary folder unless --site / --kiosk name built ones.
Writes ``benchmarks/results/screens/<label>/*.png`` (full page and first screen)
and ``benchmarks/results/screens/<label>.json`` with, per page: the page width,
the boxes that scroll sideways, the home start button's place and size, the
checker result's height and where its buttons end, and on the kiosk the body
text size and the QR codes inside running text.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from checker_steps import answer_checker  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer, free_port, guarded_context, mkdocs_build  # noqa: E402

PHONE = {"width": 360, "height": 740}
KIOSK = {"width": 1080, "height": 1920}
KEY_PAGES = ["", "kelayakan/", "cara-kerja/", "kewenangan/", "cek-kelayakan/", "tanya-jawab/", "banyumas/",
             "regulasi/"]
KIOSK_PAGES = ["index.html", "kelayakan.html", "cara-kerja.html", "kewenangan.html", "banyumas.html"]
PREFIX = {"id": "", "en": "en/"}
ANSWERS = {"kewarganegaraan": "ya", "usia": "30", "pendidikan": "tidak", "jabatan": ["tidak-satu-pun"],
           "kartu-keluarga": "belum-ada"}

MEASURE = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const boxes = [];
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    if (!['auto', 'scroll'].includes(s.overflowX) || e.scrollWidth <= e.clientWidth + 1) continue;
    if (e.getBoundingClientRect().width === 0) continue;
    boxes.push(e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.') +
               ' (' + e.scrollWidth + ' in ' + e.clientWidth + ')');
  }
  const start = document.querySelector('.px-start');
  const r = start && start.getBoundingClientRect();
  return {scrollWidth: root.scrollWidth, clientWidth: width, height: root.scrollHeight, sideways_boxes: boxes,
          start_button: r ? {top: Math.round(r.top + scrollY), bottom: Math.round(r.bottom + scrollY),
                             height: Math.round(r.height), width: Math.round(r.width)} : null};
}"""

KIOSK_MEASURE = """() => {
  const inText = [...document.querySelectorAll('article p .px-qr svg, article li .px-qr svg')]
    .filter(e => !e.closest('.px-kiosk-sources'));
  const body = document.querySelector('article.md-typeset > p');
  return {qr_in_text: inText.length, qr_total: document.querySelectorAll('.px-qr svg, svg.px-qr__code').length,
          body_px: body ? parseFloat(getComputedStyle(body).fontSize) : null,
          height: document.documentElement.scrollHeight};
}"""


def run_checker(page, lang: str) -> dict:
    answer_checker(page, page.evaluate("prakerjaChecker.data"), ANSWERS)
    page.wait_for_timeout(300)
    return page.evaluate("""() => {
      const head = document.getElementById('px-result-heading').getBoundingClientRect();
      const app = document.getElementById('px-checker').getBoundingClientRect();
      const buttons = [...document.querySelectorAll('#px-checker .px-checker__actions .md-button')];
      const last = buttons.length ? Math.max(...buttons.map(b => b.getBoundingClientRect().bottom)) : null;
      return {result_top: Math.round(head.top + scrollY), result_bottom: Math.round(app.bottom + scrollY),
              result_height: Math.round(app.bottom - head.top),
              buttons_bottom_from_result: last === null ? null : Math.round(last - head.top),
              qr_visible: !!document.querySelector('#px-checker .px-checker__qr') &&
                getComputedStyle(document.querySelector('#px-checker .px-checker__qr')).display !== 'none'};
    }""")


def shoot(page, out: Path, name: str) -> None:
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
    page.screenshot(path=str(out / f"{name}--screen1.png"), full_page=False)


def measure(site: Path, kiosk: Path | None, out: Path) -> dict:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    report: dict = {"phone": {}, "checker": {}, "kiosk": {}}
    with StaticServer(site, free_port()) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = guarded_context(browser, (server.origin + "/",), viewport=PHONE, device_scale_factor=1,
                                  is_mobile=True, has_touch=True)
        page = context.new_page()
        for lang, prefix in PREFIX.items():
            for rel in KEY_PAGES:
                page.goto(f"{server.origin}/{prefix}{rel}")
                page.wait_for_load_state("networkidle")
                name = f"{lang}-{rel.strip('/') or 'home'}"
                report["phone"][name] = page.evaluate(MEASURE)
                shoot(page, out, name)
            page.goto(f"{server.origin}/{prefix}cek-kelayakan/")
            page.wait_for_load_state("networkidle")
            report["checker"][lang] = run_checker(page, lang)
            page.evaluate("document.getElementById('px-result-heading').scrollIntoView()")
            shoot(page, out, f"{lang}-checker-result")
        context.close()
        if kiosk is not None:
            context = browser.new_context(viewport=KIOSK)
            context.route("http*://**/*", lambda route: route.abort())
            page = context.new_page()
            for lang, prefix in PREFIX.items():
                for rel in KIOSK_PAGES:
                    page.goto((kiosk / prefix / rel).resolve().as_uri())
                    page.wait_for_load_state("load")
                    name = f"kiosk-{lang}-{rel.removesuffix('.html')}"
                    report["kiosk"][name] = page.evaluate(KIOSK_MEASURE)
                    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                    page.screenshot(path=str(out / f"{name}--screen1.png"), full_page=False)
            context.close()
        browser.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="now")
    parser.add_argument("--site", type=Path)
    parser.add_argument("--kiosk", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            mkdocs_build(site)
        kiosk = args.kiosk
        if kiosk is None:
            kiosk = Path(tmp) / "site-kiosk"
            mkdocs_build(kiosk, config="mkdocs.kiosk.yml")
        results = ROOT / "benchmarks" / "results" / "screens"
        report = measure(site, kiosk, results / args.label)
    (results / f"{args.label}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    for group, rows in report.items():
        for name, row in rows.items():
            print(group, name, json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""How well the site search answers citizens' queries, in real Chromium.
Reported, never asserted.

    .venv/bin/python benchmarks/search_quality.py [--site DIR] [--kiosk DIR] [--label NAME]
                                                   [--queries benchmarks/search_queries.yml] [--json OUT]

Builds the public site and the kiosk (unless --site / --kiosk name built ones),
then types every query of ``search_queries.yml`` into the real search box, as a
person does, on the public site (served on 127.0.0.1) and on the kiosk (opened
from file://), every outside request blocked. Per language and build it reports:

- recall@5: share of a query's answer pages among the first five results, averaged;
- hit@5: share of queries with at least one answer page in the first five;
- MRR: mean of 1 / rank of the first answer page (0 when none is listed);
- zero-result rate: share of queries with no result at all;
- other-language: share of first-five result slots that are pages of the other language;
- the queries that missed, to read.

Cost: index size per language (raw and gzip), whether the first page view loads
the index, and the time from the last keystroke to the result list updating with
the CPU slowed 4x (Chrome DevTools throttling), median over a few queries.

Run it on two checkouts (before and after a change) with --label to compare.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer, free_port, guarded_context, mkdocs_build  # noqa: E402

TIMED_QUERIES = {"id": ["pendaftaran", "umur berapa", "kena phk bisa daftar", "insentif", "pelatihan"],
                 "en": ["registering", "how old", "laid off", "incentive", "training"]}
SETTLE_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  return (meta ? meta.textContent : '') + '|' + (list ? list.innerHTML.length : 0);
}"""


def page_of(href: str, root: str) -> str:
    """An absolute result link -> the page path: 'en/kelayakan', 'index', 'regulasi/perpres-36-2020'."""
    path = re.sub(r"[?#].*$", "", href)
    if path.startswith(root):
        path = path[len(root):]
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    path = re.sub(r"\.html$|/$", "", path)
    return path or "index"


def settle(page, quiet_ms: int = 350, limit_ms: int = 8000) -> None:
    """Wait until the result area stops changing (the last keystroke's results are in)."""
    last, stable, waited = None, 0, 0
    while waited < limit_ms:
        now = page.evaluate(SETTLE_JS)
        stable = stable + 50 if now == last else 0
        if stable >= quiet_ms and "…" not in now.split("|")[0]:
            return
        last = now
        page.wait_for_timeout(50)
        waited += 50


def open_search(page) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    for _ in range(100):  # the index loads on first use
        box.fill("")
        box.press_sequentially("prakerja")
        settle(page)
        if page.locator(".md-search-result__item").count():
            return
        page.wait_for_timeout(200)
    raise RuntimeError("search never became ready")


def results(page, query: str, root: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("Backspace")
    settle(page, quiet_ms=150)
    box.press_sequentially(query)
    settle(page)
    hrefs = page.eval_on_selector_all(".md-search-result__item", "els => els.map(li => li.querySelector('a').href)")
    return [page_of(href, root) for href in hrefs]


def score(queries: list[dict], found: dict[str, list[str]], lang: str) -> dict:
    prefix = "en/" if lang == "en" else ""
    recall, hits, reciprocal, zero, other_slots, slots, misses = [], 0, [], 0, 0, 0, []
    for entry in queries:
        wanted = {prefix + page if page != "index" else (prefix + "index" if prefix else "index")
                  for page in entry["pages"]}
        wanted = {w.replace("en/index", "en") for w in wanted}
        pages = found[entry["q"]]
        top = pages[:5]
        if not pages:
            zero += 1
        recall.append(len(wanted & set(top)) / len(wanted))
        hits += bool(wanted & set(top))
        rank = next((i + 1 for i, p in enumerate(pages) if p in wanted), None)
        reciprocal.append(1 / rank if rank else 0.0)
        for p in top:
            slots += 1
            is_en = p == "en" or p.startswith("en/")
            other_slots += is_en != (lang == "en")
        if not (wanted & set(top)):
            misses.append(f"{entry['q']!r} -> {top or 'nothing'}")
    n = len(queries)
    return {"queries": n, "recall@5": round(statistics.mean(recall), 3), "hit@5": round(hits / n, 3),
            "mrr": round(statistics.mean(reciprocal), 3), "zero_result_rate": round(zero / n, 3),
            "other_language_slots": round(other_slots / slots, 3) if slots else 0.0, "misses": misses}


def keystroke_latency(page, cdp, queries: list[str]) -> float:
    """Median ms from the last keystroke to the result list's last change, CPU slowed 4x."""
    page.evaluate("""() => {
      const list = document.querySelector('.md-search-result__list');
      window.__pxLast = 0;
      new MutationObserver(() => { window.__pxLast = performance.now(); })
        .observe(list, {childList: true, subtree: true, characterData: true});
      document.querySelector('input.md-search__input').addEventListener('keydown',
        () => { window.__pxKey = performance.now(); }, true);
    }""")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    times = []
    box = page.locator("input.md-search__input")
    try:
        for query in queries:
            box.fill("")
            box.press_sequentially(query[:-1])
            settle(page, quiet_ms=500)
            box.press(query[-1])
            settle(page, quiet_ms=600)
            times.append(page.evaluate("Math.max(0, window.__pxLast - window.__pxKey)"))
    finally:
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    return round(statistics.median(times), 1)


def index_sizes(site: Path) -> dict:
    sizes = {}
    for path in sorted((site / "search").glob("*")):
        if path.suffix in (".json", ".js"):
            data = path.read_bytes()
            sizes[path.name] = {"raw": len(data), "gzip": len(gzip.compress(data, 9))}
    return sizes


def run_build(browser, site: Path, queries: dict, kiosk: bool) -> dict:
    report: dict = {"index_sizes": index_sizes(site)}
    server = None
    if kiosk:
        root = site.resolve().as_uri() + "/"
        starts = {"id": root + "index.html", "en": root + "en/index.html"}
    else:
        server = StaticServer(site, free_port()).__enter__()
        root = server.origin + "/"
        starts = {"id": root, "en": root + "en/"}
    try:
        for lang in ("id", "en"):
            context = guarded_context(browser, (root,))
            page = context.new_page()
            requested: list[str] = []
            page.on("request", lambda request, seen=requested: seen.append(request.url))
            page.goto(starts[lang])
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            first_visit_index = [u for u in requested if "/search/" in u or "/workers/" in u]
            open_search(page)
            found = {entry["q"]: results(page, entry["q"], root) for entry in queries[lang]}
            result = score(queries[lang], found, lang)
            result["first_visit_loads_index"] = bool(first_visit_index)
            cdp = context.new_cdp_session(page)
            result["keystroke_to_results_ms_cpu4x"] = keystroke_latency(page, cdp, TIMED_QUERIES[lang])
            result["outside_requests"] = len(context.outside_requests)
            report[lang] = result
            context.close()
    finally:
        if server:
            server.__exit__(None, None, None)
    return report


def print_report(label: str, name: str, report: dict) -> None:
    print(f"\n### {label}: {name}")
    print("| lang | queries | recall@5 | hit@5 | MRR | zero-result | other-language slots |"
          " keystroke->results (4x CPU) | first visit loads index |")
    print("|---|---|---|---|---|---|---|---|---|")
    for lang in ("id", "en"):
        r = report[lang]
        print(f"| {lang} | {r['queries']} | {r['recall@5']} | {r['hit@5']} | {r['mrr']} | {r['zero_result_rate']} | "
              f"{r['other_language_slots']} | {r['keystroke_to_results_ms_cpu4x']} ms | "
              f"{r['first_visit_loads_index']} |")
    print("index files: " + ", ".join(f"{k} {v['raw'] / 1024:.0f} KiB raw / {v['gzip'] / 1024:.0f} KiB gzip"
                                      for k, v in report["index_sizes"].items()))
    for lang in ("id", "en"):
        if report[lang]["misses"]:
            print(f"{lang} misses (no answer page in the first five):")
            for miss in report[lang]["misses"]:
                print(f"  - {miss}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--kiosk", type=Path)
    parser.add_argument("--label", default="this checkout")
    parser.add_argument("--queries", type=Path, default=ROOT / "benchmarks/search_queries.yml")
    parser.add_argument("--json", type=Path, help="also write the full report here")
    args = parser.parse_args()
    queries = yaml.safe_load(args.queries.read_text(encoding="utf-8"))
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site, kiosk = args.site, args.kiosk
        if site is None:
            site = Path(tmp) / "site"
            mkdocs_build(site)
        if kiosk is None:
            kiosk = Path(tmp) / "site-kiosk"
            mkdocs_build(kiosk, config="mkdocs.kiosk.yml")
        full = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for name, folder, is_kiosk in (("public site", site, False), ("kiosk (file://)", kiosk, True)):
                full[name] = run_build(browser, folder, queries, is_kiosk)
                print_report(args.label, name, full[name])
            browser.close()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(full, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

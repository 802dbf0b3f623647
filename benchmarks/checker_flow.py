"""Median time to finish an eligibility-checker flow in real Chromium, and the
size of checker.js. Reported, never asserted.

    .venv/bin/python benchmarks/checker_flow.py [--runs 20] [--site DIR] [--lang id]

Builds the site (unless --site names a built one), serves it on 127.0.0.1 with
every outside request blocked, and for each run: loads the checker page, then
times from pressing "Start" to the result heading taking focus, answering the
five questions through the page (the automated equivalent of a person who
never hesitates). Page load is reported separately.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from checker_steps import answer_checker  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer, free_port, guarded_context, mkdocs_build  # noqa: E402

ANSWERS = {"kewarganegaraan": "ya", "usia": "30", "pendidikan": "tidak", "jabatan": ["asn"],
           "kartu-keluarga": "belum-ada"}
PAGES = {"id": "/cek-kelayakan/", "en": "/en/cek-kelayakan/"}


def run_flow(page, data: dict) -> float:
    started = time.perf_counter()
    answer_checker(page, data, ANSWERS)
    return time.perf_counter() - started


def measure(site: Path, runs: int, lang: str) -> dict:
    from playwright.sync_api import sync_playwright

    port = free_port()
    flows, loads = [], []
    with StaticServer(site, port) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = guarded_context(browser, (server.origin + "/",))
        page = context.new_page()
        for _ in range(runs):
            started = time.perf_counter()
            page.goto(server.origin + PAGES[lang])
            page.locator("#px-checker").wait_for(state="visible")
            loads.append(time.perf_counter() - started)
            data = page.evaluate("prakerjaChecker.data")
            flows.append(run_flow(page, data))
        outside = list(context.outside_requests)
        browser.close()
    return {"flows": flows, "loads": loads, "outside_requests": outside}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--lang", choices=sorted(PAGES), default="id")
    args = parser.parse_args()
    script = (ROOT / "overrides/assets/javascripts/checker.js").read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            mkdocs_build(site)
        page_html = (site / PAGES[args.lang].strip("/") / "index.html").read_bytes()
        qr = (site / "assets/javascripts/vendor/qrcode-generator.js").read_bytes()
        result = measure(site, args.runs, args.lang)
    report = {
        "lang": args.lang,
        "runs": args.runs,
        "flow_median_ms": round(statistics.median(result["flows"]) * 1000, 1),
        "flow_min_ms": round(min(result["flows"]) * 1000, 1),
        "flow_max_ms": round(max(result["flows"]) * 1000, 1),
        "page_load_median_ms": round(statistics.median(result["loads"]) * 1000, 1),
        "checker_js_bytes": len(script),
        "checker_js_gzip_bytes": len(gzip.compress(script, 9)),
        "qrcode_js_gzip_bytes": len(gzip.compress(qr, 9)),
        "checker_page_html_gzip_bytes": len(gzip.compress(page_html, 9)),
        "outside_requests": result["outside_requests"],
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()

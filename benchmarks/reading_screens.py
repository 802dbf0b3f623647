"""360 px screenshots of the reading pages, light and dark, and the citation share
(reported, never asserted; the asserted share is in tests/test_citation_display.py).

    .venv/bin/python benchmarks/reading_screens.py --site site --label after

Writes benchmarks/results/reading-<label>-<page>-<lang>-<scheme>.png (full page)
and prints the share of citation text in the visible article text per page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from citation_share import CITATION_SHARE_JS  # noqa: E402

from conftest import CHROMIUM, CHROMIUM_ARGS, StaticServer, free_port  # noqa: E402

PAGES = ["tentang-prakerja/", "kelayakan/", "cara-kerja/", "kewenangan/", "regulasi/perpres-36-2020/"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", default="site")
    parser.add_argument("--label", default="after")
    parser.add_argument("--schemes", default="light,dark")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    with StaticServer(Path(args.site), free_port()) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for scheme in args.schemes.split(","):
            context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
            page = context.new_page()
            for lang in ("id", "en"):
                for rel in PAGES:
                    page.goto(f"{server.origin}/{'en/' if lang == 'en' else ''}{rel}")
                    page.wait_for_load_state("networkidle")
                    name = rel.strip("/").replace("/", "-")
                    page.screenshot(path=str(out / f"reading-{args.label}-{name}-{lang}-{scheme}.png"),
                                    full_page=True)
                    if scheme == "light":
                        share = page.evaluate(CITATION_SHARE_JS)
                        print(f"{lang} {rel:32} citation share {share['share']:.1%} "
                              f"({share['cite']} of {share['total']} characters; "
                              f"{share['value']} more in citations that are values)")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()

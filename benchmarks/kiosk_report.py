"""Size report of the offline kiosk build (make kiosk), reported, never asserted.

    .venv/bin/python benchmarks/kiosk_report.py [--site site-kiosk]

Without --site it builds mkdocs.kiosk.yml into a temporary folder first, so the
figures describe the current sources. It zips the build the way `make kiosk`
does and prints one JSON line:

- zip_bytes / unpacked_bytes: what goes on the USB stick;
- search_index: bytes of search/search_index.js (the index inlined for
  file://) and, per language, the bytes and count of its entries (the JSON of
  each entry, UTF-8), which is what each language costs the search;
- qr: how many outside links became QR codes, and the bytes of their inline SVG.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INDEX_PREFIX = "var __index = "


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs.kiosk.yml", "-d",
                    str(site)], cwd=ROOT, env=env, check=True, capture_output=True)


def zip_size(site: Path, workdir: Path) -> int:
    """Zip exactly as the Makefile does: the folder itself, so it unpacks into site-kiosk/."""
    archive = workdir / "site-kiosk.zip"
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(archive), site.name], cwd=site.parent, check=True)
    return archive.stat().st_size


def languages() -> tuple[str, list[str]]:
    """The default language and the others, from static-i18n's settings in mkdocs.yml."""
    from mkdocs.utils import yaml_load

    with open(ROOT / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    entries = config["plugins"]["i18n"]["languages"]
    default = next(lang["locale"] for lang in entries if lang.get("default"))
    return default, [lang["locale"] for lang in entries if lang["locale"] != default]


def language_of(location: str, default: str, others: list[str]) -> str:
    # static-i18n puts every non-default language under its own folder ("en/..."); the rest is the default.
    first = location.split("/", 1)[0]
    return first if first in others and "/" in location else default


def search_index_report(site: Path) -> dict:
    script = (site / "search/search_index.js").read_text(encoding="utf-8")
    docs = json.loads(script[len(INDEX_PREFIX):])["docs"]
    default, others = languages()
    entry_bytes: Counter = Counter()
    entries: Counter = Counter()
    for doc in docs:
        lang = language_of(doc["location"], default, others)
        entry_bytes[lang] += len(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
        entries[lang] += 1
    return {
        "search_index_js_bytes": len(script.encode("utf-8")),
        "per_language": {lang: {"entry_bytes": entry_bytes[lang], "entries": entries[lang]}
                         for lang in sorted(entries)},
    }


def qr_report(site: Path) -> dict:
    blocks = svg_bytes = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for block in re.finditer(r'<span class="px-qr" data-px-qr="[^"]*"[^>]*>.*?(<svg .*?</svg>)', html, re.S):
            blocks += 1
            svg_bytes += len(block.group(1).encode("utf-8"))
    return {"blocks": blocks, "svg_bytes": svg_bytes}


def report(site: Path, workdir: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    largest = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in files if p.suffix == ".html"),
                     reverse=True)[:3]
    return {
        "site": str(site),
        "zip_bytes": zip_size(site, workdir),
        "unpacked_bytes": sum(p.stat().st_size for p in files),
        "files": len(files),
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "search_index": search_index_report(site),
        "qr": qr_report(site),
        "largest_pages": [{"page": name, "bytes": size} for size, name in largest],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an existing kiosk build (default: build one now)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        site = args.site.resolve() if args.site else workdir / "site-kiosk"
        if not args.site:
            build(site)
        print(json.dumps(report(site, workdir)))


if __name__ == "__main__":
    main()

"""Page weight of every built page, as Chromium downloads it (reported, never asserted).

    .venv/bin/python benchmarks/page_weight.py [--site site] [--kiosk site-kiosk] [--json out.json]

Each build is served by a small static host that behaves like a well-configured
real one: gzip (level 6) for text, ``Cache-Control: immutable`` for Material's
fingerprinted assets (``*.<8 hex>.min.js|css``), ``no-cache`` plus an ETag for
everything else (so a cached copy is revalidated and costs a 304's headers).

For each page, in a fresh Chromium profile with the network cut off except for
127.0.0.1, two numbers are taken from the DevTools protocol (bytes on the wire,
headers included, gzip as sent):

- **first visit**: an empty cache, the page opens and everything it loads by
  itself (until the network is idle) is counted. Search loads only on use
  (hooks/sitekit/trim.py), so its index is not part of a first visit.
- **repeat visit**: the reader has already seen another page of the site (the
  home page, or for the home page the regulation index) and now opens this one:
  its HTML in full, plus whatever is not cached or must be revalidated.

Goals (issue 7): median first visit <= 60 KB, checker page <= 80 KB, repeat
visit <= 15 KB (KB = 1000 bytes).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.server
import json
import re
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
GOALS = {"first_visit_median": 60_000, "checker_first_visit": 80_000, "repeat_visit_median": 15_000}
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map"}
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
         ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".xml": "application/xml",
         ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8", ".webmanifest": "application/manifest+json"}
CHECKER_PAGE = re.compile(r"(^|/)cek-kelayakan(/|\.html)$")


class HostHandler(http.server.BaseHTTPRequestHandler):
    """GET/HEAD from a folder with gzip, ETags and cache headers."""

    protocol_version = "HTTP/1.1"
    root: Path = Path(".")

    def log_message(self, *args):  # quiet
        pass

    def _resolve(self) -> tuple[Path, int]:
        path = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / path).resolve()
        if self.root not in target.parents and target != self.root:
            return self.root / "404.html", 404
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            return target, 200
        return self.root / "404.html", 404

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self.do_GET(head=True)

    def do_GET(self, head: bool = False):  # noqa: N802
        file, status = self._resolve()
        body = file.read_bytes() if file.is_file() else b"not found"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        cache = ("public, max-age=31536000, immutable" if FINGERPRINTED.search(file.name) else "no-cache")
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", cache)
            self.end_headers()
            return
        gzipped = file.suffix in COMPRESSIBLE and "gzip" in (self.headers.get("Accept-Encoding") or "")
        if gzipped:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", TYPES.get(file.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.send_header("ETag", etag)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if not head:
            self.wfile.write(body)


class Host:
    def __init__(self, folder: Path):
        handler = type("Handler", (HostHandler,), {"root": folder.resolve()})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> Host:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def page_paths(site: Path) -> list[str]:
    """Every page a reader can open (404 pages left out), as URL paths."""
    paths = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if rel.endswith("404.html"):
            continue
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return paths


def language_of(path: str) -> str:
    return "en" if path.startswith("en/") else "id"


class Recorder:
    """Bytes on the wire per request, from the DevTools protocol."""

    def __init__(self, cdp, origin: str):
        self.origin = origin
        self.requests: dict[str, dict] = {}
        self.outside: list[str] = []
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.requestServedFromCache", self._cached)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)

    def reset(self) -> None:
        self.requests = {}
        self.outside = []

    def _sent(self, event):
        url = event["request"]["url"]
        if url.startswith(("data:", "blob:")):
            return
        if not url.startswith(self.origin):
            self.outside.append(url)
        self.requests[event["requestId"]] = {"url": url, "bytes": 0, "status": None, "cache": False,
                                             "type": event.get("type", "")}

    def _response(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            response = event["response"]
            entry["status"] = response.get("status")
            entry["cache"] = entry["cache"] or bool(response.get("fromDiskCache") or response.get("fromMemoryCache"))
            entry["type"] = event.get("type", entry["type"])

    def _cached(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["cache"] = True

    def _finished(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None and not entry["cache"]:
            entry["bytes"] = int(event.get("encodedDataLength") or 0)

    def _failed(self, event):
        entry = self.requests.get(event["requestId"])
        if entry is not None:
            entry["status"] = "failed"

    def total(self) -> int:
        return sum(entry["bytes"] for entry in self.requests.values())

    def breakdown(self) -> list[dict]:
        rows = [{"url": e["url"].replace(self.origin, ""), "bytes": e["bytes"], "status": e["status"],
                 "cached": e["cache"]} for e in self.requests.values()]
        return sorted(rows, key=lambda row: -row["bytes"])


def visit(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


def measure_site(browser, site: Path, build: str) -> dict:
    """First- and repeat-visit bytes for every page of one build."""
    results = []
    with Host(site) as host:
        for path in page_paths(site):
            lang = language_of(path)
            home = "en/" if lang == "en" else ""
            warm = (home + "regulasi/") if path == home else home
            context = browser.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            recorder = Recorder(cdp, host.origin)
            visit(page, f"{host.origin}/{path}")
            first, first_rows, outside = recorder.total(), recorder.breakdown(), list(recorder.outside)
            context.close()

            context = browser.new_context()
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            recorder = Recorder(cdp, host.origin)
            visit(page, f"{host.origin}/{warm}")
            recorder.reset()
            visit(page, f"{host.origin}/{path}")
            repeat, repeat_rows = recorder.total(), recorder.breakdown()
            outside += recorder.outside
            context.close()
            results.append({"build": build, "lang": lang, "path": path, "first_visit": first,
                            "repeat_visit": repeat, "requests": len(first_rows), "outside_requests": outside,
                            "first_visit_resources": first_rows, "repeat_visit_resources": repeat_rows})
    return {"build": build, "pages": results, "summary": summarise(results)}


def summarise(results: list[dict]) -> dict:
    summary = {}
    for lang in ("id", "en"):
        rows = [r for r in results if r["lang"] == lang]
        if not rows:
            continue
        checker = [r["first_visit"] for r in rows if CHECKER_PAGE.search(r["path"])]
        summary[lang] = {
            "pages": len(rows),
            "first_visit_median": int(statistics.median(r["first_visit"] for r in rows)),
            "first_visit_max": max(r["first_visit"] for r in rows),
            "repeat_visit_median": int(statistics.median(r["repeat_visit"] for r in rows)),
            "repeat_visit_max": max(r["repeat_visit"] for r in rows),
            "checker_first_visit": checker[0] if checker else None,
        }
    return summary


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])


def measure(builds: dict[str, Path]) -> dict:
    from playwright.sync_api import sync_playwright

    report = {"goals": GOALS, "builds": {}}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for build, site in builds.items():
                report["builds"][build] = measure_site(browser, site, build)
        finally:
            browser.close()
    return report


def kb(value: int | None) -> str:
    return "—" if value is None else f"{value / 1000:.1f} KB"


def table(report: dict) -> str:
    lines = ["| build | language | pages | first visit (median / max) | checker page | "
             "repeat visit (median / max) |", "|---|---|---|---|---|---|"]
    for build, data in report["builds"].items():
        for lang, s in data["summary"].items():
            lines.append(f"| {build} | {lang} | {s['pages']} | {kb(s['first_visit_median'])} / "
                         f"{kb(s['first_visit_max'])} | {kb(s['checker_first_visit'])} | "
                         f"{kb(s['repeat_visit_median'])} / {kb(s['repeat_visit_max'])} |")
    goals = report["goals"]
    lines.append(f"\nGoals: median first visit ≤ {kb(goals['first_visit_median'])}, checker page ≤ "
                 f"{kb(goals['checker_first_visit'])}, median repeat visit ≤ {kb(goals['repeat_visit_median'])} "
                 "(bytes on the wire, gzip, headers included).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--kiosk", type=Path, default=ROOT / "site-kiosk")
    parser.add_argument("--json", type=Path, help="write the full report (every page, every resource) here")
    args = parser.parse_args(argv)
    for path, config in ((args.site, "mkdocs.yml"), (args.kiosk, "mkdocs.kiosk.yml")):
        if not path.is_dir() and (ROOT / config).exists():
            print(f"building {path} from {config} ...", flush=True)
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(path)],
                           cwd=ROOT, check=True)
    builds = {name: path for name, path in (("public", args.site), ("kiosk", args.kiosk)) if path.is_dir()}
    report = measure(builds)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(table(report))
    for build, data in report["builds"].items():
        heaviest = max(data["pages"], key=lambda p: p["first_visit"])
        print(f"\n{build}: heaviest first visit {heaviest['path'] or '/'} ({kb(heaviest['first_visit'])}):")
        for row in heaviest["first_visit_resources"][:8]:
            print(f"  {row['bytes']:>7}  {row['url']}")
        outside = sorted({u for p in data["pages"] for u in p["outside_requests"]})
        if outside:
            print(f"  outside requests attempted (blocked): {outside}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


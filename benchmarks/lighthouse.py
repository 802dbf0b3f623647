"""Lighthouse scores of the key pages, medians of several runs (reported, never asserted).

    npm install --no-save lighthouse@13.5.0     # make audit does this
    .venv/bin/python benchmarks/lighthouse.py [--site site] [--runs 3] [--json out.json]

The built site is served on 127.0.0.1 by the same gzip/caching host as the
page-weight benchmark. Lighthouse runs with its defaults: mobile emulation
(Moto G Power screen, 4x CPU slowdown) and simulated slow 4G, against Debian's
Chromium (CHROME_PATH). Pages: home, eligibility (kelayakan) and checker
(cek-kelayakan), in Indonesian and English, where they exist in the build.

Goals (issue 7): performance >= 98, accessibility = 100, best practices = 100, SEO = 100.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_weight import Host  # noqa: E402 - the benchmarks folder is not a package

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOALS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
METRICS = {
    "first-contentful-paint": "FCP ms",
    "largest-contentful-paint": "LCP ms",
    "total-blocking-time": "TBT ms",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI ms",
}
KEY_PAGES = ["", "kelayakan/", "cek-kelayakan/"]


def key_pages(site: Path) -> list[str]:
    pages = []
    for prefix in ("", "en/"):
        for rel in KEY_PAGES:
            if (site / prefix / rel / "index.html").exists():
                pages.append(prefix + rel)
    return pages


def run_once(url: str) -> dict:
    """One Lighthouse run: category scores (0-100), metrics, and the audits that lost points."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                   f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    metrics = {label: report["audits"][audit]["numericValue"] for audit, label in METRICS.items()
               if audit in report["audits"]}
    audits = report["audits"]
    lost = sorted({
        f"{name}: {ref['id']} ({audits[ref['id']].get('displayValue') or audits[ref['id']]['score']})"
        for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    })
    return {"scores": scores, "metrics": metrics, "lost_points": lost}


def median_of(runs: list[dict]) -> dict:
    return {
        "scores": {name: statistics.median(run["scores"][name] for run in runs) for name in CATEGORIES},
        "metrics": {label: round(statistics.median(run["metrics"][label] for run in runs if label in run["metrics"]), 3)
                    for label in METRICS.values() if any(label in run["metrics"] for run in runs)},
        "lost_points": sorted({item for run in runs for item in run["lost_points"]}),
    }


def measure(site: Path, runs: int = 3, pages: list[str] | None = None) -> dict:
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse is not installed: npm install --no-save lighthouse@13.5.0 (make audit does this)")
    pages = pages if pages is not None else key_pages(site)
    results = {}
    with Host(site) as host:
        for path in pages:
            url = f"{host.origin}/{path}"
            all_runs = [run_once(url) for _ in range(runs)]
            results[path or "/"] = {"runs": all_runs, "median": median_of(all_runs)}
    overall = {name: statistics.median(r["median"]["scores"][name] for r in results.values())
               for name in CATEGORIES} if results else {}
    return {"goals": GOALS, "runs_per_page": runs, "pages": results, "median_over_pages": overall,
            "settings": "Lighthouse 13.5.0 defaults: mobile emulation, simulated slow 4G, 4x CPU slowdown"}


def table(report: dict) -> str:
    lines = ["| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS |",
             "|---|---|---|---|---|---|---|---|"]
    for path, data in report["pages"].items():
        s, m = data["median"]["scores"], data["median"]["metrics"]
        lines.append(f"| {path} | {s['performance']:g} | {s['accessibility']:g} | {s['best-practices']:g} | "
                     f"{s['seo']:g} | {m.get('LCP ms', 0) / 1000:.2f} s | {m.get('TBT ms', 0):.0f} ms | "
                     f"{m.get('CLS', 0):.3f} |")
    lines.append(f"\nMedians of {report['runs_per_page']} runs per page; {report['settings']}. Goals: performance "
                 "≥ 98, accessibility, best practices and SEO = 100.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site} does not exist: run 'make build' first", file=sys.stderr)
        return 2
    report = measure(args.site, args.runs)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(table(report))
    for path, data in report["pages"].items():
        if data["median"]["lost_points"]:
            print(f"{path}: " + "; ".join(data["median"]["lost_points"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

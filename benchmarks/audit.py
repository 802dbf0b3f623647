"""The whole audit over both builds (make audit): axe-core, page weight, Lighthouse.

    .venv/bin/python benchmarks/audit.py [--site site] [--kiosk site-kiosk] [--runs 3] [--no-lighthouse]

Writes benchmarks/results/audit.json (everything, per page) and
benchmarks/results/audit.md (a short table). Reports; never fails on a score.
It exits non-zero only if a step could not run.

- **axe-core** (node_modules/axe-core, WCAG 2.0-2.2 A/AA + best practices) on
  every page of both builds in both languages: the public site served on
  127.0.0.1, the kiosk from file://, with every outside request blocked; plus,
  on the public site, an open citation preview and the search results. The
  helpers are the test suite's (tests/a11y_tools.py), including the documented
  exceptions and known issues in tests/a11y_exceptions.yml.
- **page weight**: benchmarks/page_weight.py.
- **Lighthouse**: benchmarks/lighthouse.py (public build, key pages, medians).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

import a11y_tools  # noqa: E402 - tests/ and benchmarks/ are not packages
import lighthouse  # noqa: E402
import page_weight  # noqa: E402

RESULTS = HERE / "results"
LANGUAGES = ("id", "en")


def guarded_page(browser, allowed: str):
    context = browser.new_context()
    blocked: list[str] = []

    def route(route):
        url = route.request.url
        if url.startswith((allowed, "data:", "blob:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", route)
    return context, context.new_page(), blocked


def axe_build(browser, site: Path, build: str, exceptions, known) -> dict:
    """axe on every page of one build (and, for the public build, two interactive states)."""
    findings: list[a11y_tools.Finding] = []
    undecided: list[a11y_tools.Finding] = []  # axe's "incomplete": for a person to review
    pages = [rel for rel in a11y_tools.site_pages(site) if not (build == "kiosk" and rel.endswith("404.html"))]
    if build == "kiosk":
        allowed = site.resolve().as_uri() + "/"
        urls = {rel: a11y_tools.file_url(site, rel) for rel in pages}
        context, page, blocked = guarded_page(browser, allowed)
        findings += a11y_tools.audit_urls(page, urls, undecided)
        context.close()
    else:
        with page_weight.Host(site) as host:
            context, page, blocked = guarded_page(browser, host.origin + "/")
            urls = {rel: a11y_tools.served_url(host.origin, rel) for rel in pages}
            findings += a11y_tools.audit_urls(page, urls, undecided)
            for lang in LANGUAGES:
                home = "en/index.html" if lang == "en" else "index.html"
                page.goto(a11y_tools.served_url(host.origin, home))
                a11y_tools.wait_for_scripts(page)
                page.locator("input.md-search__input").click()
                page.locator("input.md-search__input").press_sequentially("prakerja", delay=20)
                page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
                findings += a11y_tools.run_axe(page, home + " (search results open)", undecided)
                cited = [rel for rel in pages if a11y_tools.language_of(rel) == lang
                         and "data-px-preview=" in (site / rel).read_text(encoding="utf-8")]
                if cited:
                    page.goto(a11y_tools.served_url(host.origin, cited[0]))
                    a11y_tools.wait_for_scripts(page)
                    if a11y_tools.open_citation_preview(page):
                        findings += a11y_tools.run_axe(page, cited[0] + " (citation preview open)", undecided)
            context.close()
    real = a11y_tools.unexcused(findings, exceptions)
    open_known = [f for f in real if any(k.covers(f) for k in known)]
    by_language = {lang: sum(1 for f in real if a11y_tools.language_of(f.page) == lang) for lang in LANGUAGES}
    by_rule: dict[str, int] = {}
    for finding in real:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "pages": {lang: sum(1 for rel in pages if a11y_tools.language_of(rel) == lang) for lang in LANGUAGES},
        "violations": len(real),
        "violations_by_language": by_language,
        "of_which_known_issues": len(open_known),
        "excused_false_positives": len(findings) - len(real),
        "by_rule": by_rule,
        "findings": [f.__dict__ for f in real],
        "incomplete": len(undecided),
        "incomplete_by_rule": _by_rule(undecided),
        "incomplete_findings": [f.__dict__ for f in undecided],
        "outside_requests_blocked": sorted(set(blocked)),
    }


def _by_rule(findings: list[a11y_tools.Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.rule] = counts.get(finding.rule, 0) + 1
    return dict(sorted(counts.items()))


def incomplete_section(axe: dict) -> list[str]:
    """What axe could not decide, grouped by rule and reason, for a person to review
    (dev/ACCESSIBILITY.md records the review)."""
    lines = ["", "## axe: undecided (\"incomplete\") results", ""]
    total = sum(a.get("incomplete", 0) for a in axe.values())
    if not total:
        return lines + ["None: axe decided every check on every page."]
    lines.append(f"{total} element(s) axe could not decide; not failures, each needs a person's look.")
    for build, data in axe.items():
        groups: dict[tuple[str, str], list[dict]] = {}
        for f in data.get("incomplete_findings", []):
            reason = (f["summary"].splitlines() or [""])[-1].strip()
            groups.setdefault((f["rule"], reason), []).append(f)
        for (rule, reason), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            pages = sorted({f["page"] for f in items})
            lines.append(f"- {build}: **{rule}** × {len(items)} on {len(pages)} page(s): {reason or items[0]['help']}"
                         f" (e.g. {items[0]['page']} at `{items[0]['target']}`)")
    return lines


def axe_audit(builds: dict[str, Path]) -> dict:
    from playwright.sync_api import sync_playwright

    exceptions = a11y_tools.load_exceptions()
    known = a11y_tools.load_exceptions(section="known_issues")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=page_weight.CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                   "--disable-component-update"])
        try:
            return {build: axe_build(browser, site, build, exceptions, known) for build, site in builds.items()}
        finally:
            browser.close()


def kb(value) -> str:
    return "—" if value is None else f"{value / 1000:.1f} KB"


def markdown(report: dict) -> str:
    axe, weight, lh = report["axe"], report["page_weight"], report.get("lighthouse")
    columns = [(build, lang) for build in axe for lang in LANGUAGES]
    head = "| | " + " | ".join(f"{build} {lang}" for build, lang in columns) + " | goal |"
    lines = [f"# Audit {report['date']} (commit {report['commit']})", "", head,
             "|---" * (len(columns) + 2) + "|"]

    def row(label, values, goal):
        lines.append(f"| {label} | " + " | ".join(values) + f" | {goal} |")

    row("pages", [str(axe[b]["pages"][lang]) for b, lang in columns], "")
    row("axe violations", [str(axe[b]["violations_by_language"][lang]) for b, lang in columns], "0")
    summary = {b: weight["builds"][b]["summary"] for b in weight["builds"]}
    row("first visit, median", [kb(summary[b][lang]["first_visit_median"]) for b, lang in columns], "≤ 60 KB")
    row("checker page, first visit", [kb(summary[b][lang]["checker_first_visit"]) for b, lang in columns], "≤ 80 KB")
    row("repeat visit, median", [kb(summary[b][lang]["repeat_visit_median"]) for b, lang in columns], "≤ 15 KB")
    known = sum(a["of_which_known_issues"] for a in axe.values())
    if known:
        lines.append(f"\naxe: {known} of the violations are known issues listed in tests/a11y_exceptions.yml.")
    lines.append("\nPage weight: bytes on the wire (gzip, headers included) measured in Chromium; repeat visit = "
                 "this page after another page of the site. The kiosk is normally opened from file://, "
                 "so its figures are for comparison only.")
    lines += incomplete_section(axe)
    if lh:
        lines += ["", "## Lighthouse (public build)", "", lighthouse.table(lh)]
    return "\n".join(lines) + "\n"


def commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--kiosk", type=Path, default=ROOT / "site-kiosk")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    builds = {name: path for name, path in (("public", args.site), ("kiosk", args.kiosk)) if path.is_dir()}
    if "public" not in builds:
        print(f"{args.site} does not exist: run 'make build' first", file=sys.stderr)
        return 2
    report = {"date": dt.date.today().isoformat(), "commit": commit()}
    print("axe-core ...", flush=True)
    report["axe"] = axe_audit(builds)
    print("page weight ...", flush=True)
    report["page_weight"] = page_weight.measure(builds)
    if not args.no_lighthouse:
        print(f"Lighthouse ({args.runs} runs per page) ...", flush=True)
        report["lighthouse"] = lighthouse.measure(builds["public"], args.runs)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "audit.json").write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    text = markdown(report)
    (args.out / "audit.md").write_text(text, encoding="utf-8")
    print(text)
    for build, data in report["axe"].items():
        if data["findings"]:
            print(f"{build}: " + a11y_tools.report([a11y_tools.Finding(**f) for f in data["findings"]]))
    print(f"written: {args.out / 'audit.json'}, {args.out / 'audit.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

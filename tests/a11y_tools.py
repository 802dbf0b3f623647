"""axe-core in real Chromium, shared by tests/test_a11y.py and benchmarks/audit.py.

Plain helpers over a Playwright page: no pytest, no MkDocs. axe-core comes from
npm (``node_modules/axe-core``) and is injected into each page, so nothing is
fetched from outside the site.
"""

from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
EXCEPTIONS_FILE = ROOT / "tests" / "a11y_exceptions.yml"
# WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices. Never narrowed to pass.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_RUN = ("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
           "resultTypes: ['violations', 'incomplete']})")
# The rules a change of colours alone can break: a run in the dark scheme (scheme.css sets
# colours and nothing else) needs only these, at a quarter of a full run's time.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_RUN_RULES = ("rules => axe.run(document, {runOnly: {type: 'rule', values: rules}, "
                 "resultTypes: ['violations', 'incomplete']})")


@dataclass(frozen=True)
class Finding:
    """One axe violation on one element."""

    rule: str
    impact: str
    page: str  # the page's path in the built site, e.g. "en/regulasi/index.html"
    target: str  # axe's CSS selector for the element
    help: str
    summary: str = ""

    def format(self) -> str:
        text = f"{self.rule} ({self.impact}) on {self.page} at {self.target}: {self.help}"
        if self.summary:
            text += "\n      " + self.summary.replace("\n", "\n      ")
        return text


@dataclass(frozen=True)
class AxeException:
    """A documented false positive (tests/a11y_exceptions.yml)."""

    rule: str
    page: str  # glob over page paths
    selector: str  # glob over axe target selectors
    reason: str

    def covers(self, finding: Finding) -> bool:
        return (
            finding.rule == self.rule
            and fnmatch.fnmatchcase(finding.page, self.page)
            and fnmatch.fnmatchcase(finding.target, self.selector)
        )


def load_exceptions(path: Path = EXCEPTIONS_FILE, section: str = "exceptions") -> list[AxeException]:
    """Read one list of the exceptions file: ``exceptions`` (documented false
    positives, which pass) or ``known_issues`` (real violations waiting for a fix
    outside this suite, which are reported as expected failures, never as passes).
    Every entry needs a rule, page, selector and a written reason."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get(section) or []
    result = []
    for number, entry in enumerate(entries, 1):
        missing = [key for key in ("rule", "page", "selector", "reason") if not str(entry.get(key, "")).strip()]
        if not missing and str(entry["selector"]).strip() == "*":
            raise ValueError(f"{path.name}: {section} entry {number} must excuse one element, not selector '*'")
        if missing:
            raise ValueError(f"{path.name}: {section} entry {number} lacks {', '.join(missing)}")
        if len(str(entry["reason"]).split()) < 5:
            raise ValueError(f"{path.name}: {section} entry {number} needs a written reason, not a word or two")
        result.append(AxeException(str(entry["rule"]), str(entry["page"]), str(entry["selector"]),
                                   str(entry["reason"]).strip()))
    return result


def site_pages(site: Path) -> list[str]:
    """Every built HTML page, as a path relative to the site root."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def language_of(rel: str) -> str:
    return "en" if rel.startswith("en/") else "id"


def served_url(origin: str, rel: str) -> str:
    """The address a static host serves ``rel`` at (directory URLs)."""
    path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    return f"{origin.rstrip('/')}/{path}"


def file_url(site: Path, rel: str) -> str:
    return (site / rel).resolve().as_uri()


def wait_for_scripts(page) -> None:
    """Material and our scripts run on load; axe must see the page as a reader does."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.documentElement.classList.contains('js')", timeout=10_000)


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    """axe-core's 500 KB script, read once per test run rather than once per page."""
    return AXE_JS.read_text(encoding="utf-8")


def inject_axe(page) -> None:
    """Load axe-core into the page through DevTools. A <script> tag would be an
    inline script, which the site's Content-Security-Policy rightly blocks."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())


def run_axe(page, label: str, incomplete: list[Finding] | None = None,
            rules: list[str] | None = None) -> list[Finding]:
    """Run axe on the page as it is now and return its violations, one per element.

    ``incomplete``, when given, receives what axe could not decide (for instance the
    contrast of text over a gradient or an image): not failures, but to be reviewed
    by a person (benchmarks/audit.py lists them). ``rules`` runs only those rules
    (e.g. COLOUR_RULES) instead of every WCAG 2.2 AA and best-practice rule."""
    inject_axe(page)
    result = page.evaluate(AXE_RUN_RULES, rules) if rules else page.evaluate(AXE_RUN, AXE_TAGS)
    if incomplete is not None:
        incomplete += _findings(result["incomplete"], label)
    return _findings(result["violations"], label)


def _findings(results: list[dict], label: str) -> list[Finding]:
    findings = []
    for violation in results:
        for node in violation["nodes"]:
            target = " ".join(" >>> ".join(part) if isinstance(part, list) else part for part in node["target"])
            findings.append(Finding(
                rule=violation["id"],
                impact=violation.get("impact") or "",
                page=label,
                target=target,
                help=violation["help"],
                summary=(node.get("failureSummary") or "").strip(),
            ))
    return findings


def audit_urls(page, urls: dict[str, str], incomplete: list[Finding] | None = None,
               rules: list[str] | None = None) -> list[Finding]:
    """Open each URL (label -> address) in ``page`` and run axe on it."""
    findings: list[Finding] = []
    for label, url in urls.items():
        page.goto(url)
        wait_for_scripts(page)
        findings += run_axe(page, label, incomplete, rules)
    return findings


def open_citation_preview(page) -> bool:
    """Focus the first citation with a preview, as a keyboard user would, and
    wait until the preview shows. False if the page has no such citation."""
    link = page.locator("a.px-cite[data-px-preview]").first
    if link.count() == 0:
        return False
    link.focus()
    page.locator(".px-tip:not([hidden])").wait_for(state="visible", timeout=5_000)
    return True


def unexcused(findings: list[Finding], exceptions: list[AxeException]) -> list[Finding]:
    return [f for f in findings if not any(e.covers(f) for e in exceptions)]


def report(findings: list[Finding]) -> str:
    """A failure message: one line per element, grouped by rule."""
    if not findings:
        return "no axe violations"
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    lines = [f"{len(findings)} axe violation(s) on {len({f.page for f in findings})} page(s):"]
    for rule, items in sorted(by_rule.items()):
        lines.append(f"- {rule}: {items[0].help} ({len(items)} element(s))")
        lines += [f"    {f.page}  {f.target}" for f in items[:25]]
        if items[0].summary:
            lines.append("      " + items[0].summary.replace("\n", "\n      "))
        if len(items) > 25:
            lines.append(f"    … and {len(items) - 25} more")
    return "\n".join(lines)

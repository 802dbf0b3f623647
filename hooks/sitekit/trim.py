"""Trim what Material puts into a built site that the site does not use.

Plain Python over a built site folder (no MkDocs import); ``hooks/trim.py``
calls :func:`trim_site` once, after every language is built. Three steps:

1. **Unused search language packs.** Material copies lunr.js packs for ~30
   languages; the search worker imports only the ones named in the search
   index's ``config.lang`` (for this site ``["en"]``, i.e. none). The rest go.
2. **Search loads when it is used.** Material fetches the whole search index
   (both languages, the largest file of a first visit) and starts the search
   worker on every page view. The patched bundle does both only when the reader
   opens the search, or when a page is opened from a search result (``?h=``,
   for highlighting). From ``file://`` (the kiosk) Material already waited for
   the search to open; the worker is now also started only then.
3. **Unused CSS.** Material's main and palette stylesheets carry rules for
   every feature and colour it offers; ``sitekit.csspurge`` keeps what the
   built pages and scripts can use. The result gets a new fingerprinted name
   (hosts may cache the old name forever) and every page is pointed at it.
   Our own small stylesheets lose comments and layout whitespace.
4. **Fewer requests.** The trimmed palette joins the main stylesheet, and the
   site's own stylesheets listed in ``extra_css`` (the same on every page) are
   joined, in order, into one fingerprinted file that hosts may cache for good.
   The separate files stay in the build for anything that names them.
5. **Unreferenced theme images** (Material's default ``favicon.png``).

The bundle patches are exact-string replacements guarded like
``hooks/i18n_finish.py``: if Material's bundle changes, the build stops with
:class:`TrimError` instead of silently shipping an unpatched or broken bundle.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit import csspurge

LUNR_DIR = Path("assets/javascripts/lunr")

# Material 9.8.1 bundle: the search index observable, created at start-up.
INDEX_EXPR = "zi=document.forms.namedItem(\"search\")?ks():tt"
# Wait for the search toggle (Je("search"), which starts with its current state)
# to open, or for a ?h= highlight request; then load as before. g=filter,
# Ee=take, b=switchMap, Z=shareReplay (checked against the bundle's definitions).
LAZY_INDEX_EXPR = (
    "zi=document.forms.namedItem(\"search\")?Je(\"search\").pipe("
    "g(o=>o||new URLSearchParams(location.search).has(\"h\")),Ee(1),b(()=>ks()),Z(1)):tt"
)
# The search worker, constructed at start-up; the stand-in starts it on the first message.
WORKER_EXPR = "function Mn(e,t=new Worker(e)){"
LAZY_WORKER_EXPR = (
    "function pxLazyWorker(u){var w=null,q=[];return{"
    "addEventListener:function(t,f,o){w?w.addEventListener(t,f,o):q.push([t,f,o])},"
    "removeEventListener:function(t,f,o){w?w.removeEventListener(t,f,o):q=q.filter(function(a){return a[1]!==f})},"
    "postMessage:function(m){if(!w){w=new Worker(u);q.forEach(function(a){w.addEventListener(a[0],a[1],a[2])});"
    "q=[]}w.postMessage(m)}}}"
    "function Mn(e,t=pxLazyWorker(e)){"
)
# Names the lazy index expression relies on, with the definitions they must have.
BUNDLE_DEFINITIONS = (
    "function Je(e){let t=yr[e];return h(t,\"change\").pipe(m(()=>t.checked),Q(t.checked))}",
    "function g(e,t){return E(function(r,o){var n=0;r.subscribe(w(o,function(i){return e.call(t,i,n++)&&o.next(i)",
    "function Ee(e){return e<=0?function(){return y}:E(function(t,r){var o=0;",
    "var yr={drawer:j(\"[data-md-toggle=drawer]\"),search:j(\"[data-md-toggle=search]\")};",
    "function b(e,t){return E(function(r,o){var n=null,i=0,s=!1",
    "function Z(e,t,r){var o,n,i,s,a=!1;return e&&typeof e==\"object\"?(o=e.bufferSize",
)
UNUSED_IMAGES = ("assets/images/favicon.png",)
PURGED_STYLESHEETS = ("main", "palette")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")


class TrimError(Exception):
    """The built site is not what the trim steps expect (e.g. after a Material upgrade)."""


@dataclass
class TrimReport:
    removed: list[str] = field(default_factory=list)
    bytes_removed: int = 0
    patched: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"removed {len(self.removed)} unused file(s), {self.bytes_removed / 1024:.0f} KiB; "
                f"patched: {', '.join(self.patched) or 'nothing'}")


def search_config(site: Path) -> dict | None:
    """The search index's ``config`` (from search_index.json, or the offline
    plugin's search_index.js), or None if the site has no search index."""
    json_index = site / "search" / "search_index.json"
    if json_index.exists():
        return json.loads(json_index.read_text(encoding="utf-8"))["config"]
    js_index = site / "search" / "search_index.js"
    if js_index.exists():
        text = js_index.read_text(encoding="utf-8")
        start = text.index("{")
        data, _ = json.JSONDecoder().raw_decode(text[start:])
        return data["config"]
    return None


def needed_lunr_files(languages: list[str]) -> set[str]:
    """The files under assets/javascripts/lunr/ that Material's search worker
    imports for these languages (workers/search.*.min.js, Material 9.8.1)."""
    needed: set[str] = set()
    for lang in languages:
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
        if lang != "en":
            needed.add(f"min/lunr.{lang}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return needed


def _remove(path: Path, site: Path, report: TrimReport) -> None:
    report.bytes_removed += path.stat().st_size
    report.removed.append(path.relative_to(site).as_posix())
    path.unlink()


def drop_unused_lunr(site: Path, report: TrimReport) -> None:
    lunr = site / LUNR_DIR
    config = search_config(site)
    if config is None or not lunr.is_dir():
        return
    keep = needed_lunr_files(list(config.get("lang") or ["en"]))
    for path in sorted(p for p in lunr.rglob("*") if p.is_file()):
        if path.relative_to(lunr).as_posix() not in keep:
            _remove(path, site, report)
    for folder in sorted((p for p in lunr.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    if not any(lunr.iterdir()):
        lunr.rmdir()


def _replace_once(text: str, old: str, new: str, where: Path) -> str:
    if text.count(old) != 1:
        raise TrimError(
            f"{where}: expected exactly one {old[:60]!r} in Material's bundle, found {text.count(old)}; "
            "re-check hooks/sitekit/trim.py after a Material upgrade"
        )
    return text.replace(old, new)


def lazy_search(site: Path, report: TrimReport) -> None:
    bundles = sorted(site.glob("assets/javascripts/bundle.*.min.js"))
    if len(bundles) != 1:
        raise TrimError(f"expected one Material bundle in {site}/assets/javascripts, found {len(bundles)}")
    bundle = bundles[0]
    text = bundle.read_text(encoding="utf-8")
    if "pxLazyWorker" in text:
        return  # already patched (a rebuild that kept the file)
    for definition in BUNDLE_DEFINITIONS:
        if definition not in text:
            raise TrimError(f"{bundle}: Material's bundle no longer defines {definition[:50]!r}…; "
                            "re-check hooks/sitekit/trim.py after a Material upgrade")
    text = _replace_once(text, INDEX_EXPR, LAZY_INDEX_EXPR, bundle)
    text = _replace_once(text, WORKER_EXPR, LAZY_WORKER_EXPR, bundle)
    bundle.write_text(text, encoding="utf-8")
    report.patched.append("search index and worker load on first use")


def drop_unused_images(site: Path, report: TrimReport) -> None:
    texts = None
    for rel in UNUSED_IMAGES:
        path = site / rel
        if not path.exists():
            continue
        if texts is None:
            texts = [p.read_text(encoding="utf-8", errors="replace")
                     for p in site.rglob("*") if p.suffix in (".html", ".css", ".js", ".xml", ".json", ".webmanifest")]
        name = path.name
        if not any(name in text for text in texts):
            _remove(path, site, report)


def _scripts(site: Path) -> tuple[list[str], list[str]]:
    """(our scripts, Material's bundle) as text; the search index and worker are data, not page code."""
    ours, framework = [], []
    for path in sorted(site.glob("assets/**/*.js")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        (framework if path.name.startswith("bundle.") else ours).append(text)
    return ours, framework


def purge_material_css(site: Path, report: TrimReport) -> None:
    pages = sorted(site.rglob("*.html"))
    html = [page.read_text(encoding="utf-8") for page in pages]
    ours, framework = _scripts(site)
    known = csspurge.KnownClasses.from_sources(html, ours, framework)
    targets = {}
    for name in PURGED_STYLESHEETS:
        found = sorted(site.glob(f"assets/stylesheets/{name}.*.min.css"))
        if len(found) != 1:
            raise TrimError(f"expected one Material {name}.*.min.css in {site}/assets/stylesheets, found {len(found)}")
        targets[name] = found[0]
    readers = [path.read_text(encoding="utf-8") for path in sorted(site.glob("assets/stylesheets/*.css"))
               if path not in targets.values()]
    texts = {name: path.read_text(encoding="utf-8") for name, path in targets.items()}
    renames = {}
    for name, path in targets.items():
        before = texts[name]
        others = [*readers, *(text for other, text in texts.items() if other != name), *html, *ours, *framework]
        after = csspurge.purge(before, known, others)
        new_name = f"{name}.{hashlib.sha256(after.encode()).hexdigest()[:8]}.min.css"
        report.bytes_removed += len(before.encode()) - len(after.encode())
        path.unlink()
        (path.parent / new_name).write_text(after, encoding="utf-8")
        renames[path.name] = new_name
    for page, text in zip(pages, html, strict=True):
        changed = text
        for old, new in renames.items():
            changed = changed.replace(f"/{old}\"", f"/{new}\"").replace(f"\"{old}\"", f"\"{new}\"")
        if changed != text:
            page.write_text(changed, encoding="utf-8")
        elif any(old in text for old in renames):
            raise TrimError(f"{page}: could not point the page at the trimmed stylesheets")
    report.patched.append("unused Material CSS removed (" + ", ".join(f"{o} -> {n}" for o, n in renames.items())
                          + ")")


def _link(href_prefix: str, rel: str) -> str:
    return f'<link rel="stylesheet" href="{href_prefix}{rel}">'


def _relink(site: Path, pattern: re.Pattern, replacement, what: str) -> None:
    """Apply ``pattern`` -> ``replacement`` once on every HTML page; every page must match."""
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        changed, count = pattern.subn(replacement, text)
        if count != 1:
            raise TrimError(f"{page}: expected the {what} links once, found them {count} time(s)")
        page.write_text(changed, encoding="utf-8")


def join_palette(site: Path, report: TrimReport) -> None:
    """Append the (trimmed) palette to the main stylesheet: one request less."""
    main = sorted(site.glob("assets/stylesheets/main.*.min.css"))
    palette = sorted(site.glob("assets/stylesheets/palette.*.min.css"))
    if len(main) != 1 or len(palette) != 1:
        return
    joined = main[0].read_text(encoding="utf-8") + palette[0].read_text(encoding="utf-8")
    new_name = f"main.{hashlib.sha256(joined.encode()).hexdigest()[:8]}.min.css"
    pattern = re.compile(
        r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/' + re.escape(main[0].name) + r'">'
        r'(\s*)<link rel="stylesheet" href="\1assets/stylesheets/' + re.escape(palette[0].name) + r'">')
    _relink(site, pattern, lambda m: _link(m.group(1), "assets/stylesheets/" + new_name), "main and palette")
    main[0].unlink()
    palette[0].unlink()
    (site / "assets/stylesheets" / new_name).write_text(joined, encoding="utf-8")
    report.patched.append(f"palette joined into {new_name}")


def join_extra_css(site: Path, extra_css: list[str], report: TrimReport) -> None:
    """Join the stylesheets every page lists (``extra_css``), in order, into one file."""
    files = [rel for rel in extra_css if not re.match(r"^[a-z]+:|^/", rel) and (site / rel).is_file()]
    if len(files) < 2 or len(files) != len(extra_css):
        return
    texts = [(site / rel).read_text(encoding="utf-8") for rel in files]
    if any("@import" in text or "@charset" in text for text in texts):
        return  # these must stay first in their own file
    joined = "\n".join(texts)
    rel = f"assets/stylesheets/extra.{hashlib.sha256(joined.encode()).hexdigest()[:8]}.min.css"
    (site / rel).write_text(joined, encoding="utf-8")
    first, rest = files[0], files[1:]
    pattern = re.compile(
        r'<link rel="stylesheet" href="([^"]*)' + re.escape(first) + r'">'
        + "".join(r'\s*<link rel="stylesheet" href="\1' + re.escape(other) + r'">' for other in rest))
    _relink(site, pattern, lambda m: _link(m.group(1), rel), "extra_css")
    report.patched.append(f"{len(files)} stylesheets joined into {rel}")


def minify_own_css(site: Path, report: TrimReport) -> None:
    for path in sorted(site.glob("assets/stylesheets/*.css")):
        if FINGERPRINTED.search(path.name):
            continue
        before = path.read_text(encoding="utf-8")
        after = csspurge.minify(before)
        if after != before:
            report.bytes_removed += len(before.encode()) - len(after.encode())
            path.write_text(after, encoding="utf-8")


def trim_site(site: Path, extra_css: list[str] | None = None) -> TrimReport:
    """Every step, in order. ``extra_css``: the config's list, as every page links it."""
    report = TrimReport()
    drop_unused_lunr(site, report)
    lazy_search(site, report)
    purge_material_css(site, report)
    join_palette(site, report)
    minify_own_css(site, report)
    if extra_css:
        join_extra_css(site, list(extra_css), report)
    drop_unused_images(site, report)
    return report

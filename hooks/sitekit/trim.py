"""Trim what Material puts into a built site that the site does not use.

Plain Python (no MkDocs import). ``hooks/trim.py`` hands every page to a
:class:`TrimRun` as it is written (each language's build), which notes what
the page uses and points it at the joined stylesheets; then it calls
:func:`trim_site` once, after every language is built. Each page is looked at
once and never kept, so time and memory grow linearly with the site. The steps:

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
   (hosts may cache the old name forever); pages are written with a placeholder
   of the same length, overwritten in place once the name is known.
   Our own small stylesheets lose comments and layout whitespace.
4. **Fewer requests.** The trimmed palette joins the main stylesheet, and so
   do the site's own stylesheets listed in ``extra_css`` (the same on every
   page), in order, after Material's rules: one fingerprinted stylesheet that
   hosts may cache for good. The pages' links to them are removed as each page
   is written. The separate files stay in the build for anything that names them.
   Our own scripts listed in ``extra_javascript`` are minified (``rjsmin``)
   and joined, in order, after Material's (patched) bundle, into one file with
   a new fingerprinted name (a placeholder of the same length while pages are
   written, as for the stylesheet); our other scripts (the checker's, the
   kiosk's) are minified where they are.
5. **Unreferenced theme images** (Material's default ``favicon.png``).
6. **The favicon in the page.** The site's small SVG favicon (also its logo)
   is written into each page as a ``data:`` address: two requests less on a
   first visit, for about 200 bytes of gzipped HTML.
7. **Layout whitespace.** Material's templates leave runs of blank, indented
   lines; each run becomes one newline (the same to the browser), outside
   tags, ``pre``, ``textarea``, ``script`` and ``style``. About 8% of a
   page's gzip size.

Steps 4, 6 and 7 serve the first-visit budget (issue 7, benchmarks/page_weight.py).

The bundle patches are exact-string replacements guarded like
``hooks/i18n_finish.py``: if Material's bundle changes, the build stops with
:class:`TrimError` instead of silently shipping an unpatched or broken bundle.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import rjsmin

from sitekit import bundle as bundle_edit
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
JS_DIR = "assets/javascripts"
# An image written into the pages must stay smaller than the request headers it saves twice.
INLINE_IMAGE_LIMIT = 1024
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
    for name in ("search_index.json", "search_index.js"):
        path = site / "search" / name
        if path.exists():
            return _index_config(path)
    return None


def _index_config(path: Path) -> dict:
    """The index's ``config`` object. Material writes it first, so only the start
    of the file (which grows with the site) is read; the whole file if not."""
    with path.open(encoding="utf-8") as file:
        head = file.read(65536)
    at = head.find('"config":')
    if at >= 0:
        try:
            return json.JSONDecoder().raw_decode(head[at + len('"config":'):].lstrip())[0]
        except json.JSONDecodeError:
            pass
    text = path.read_text(encoding="utf-8")
    data, _ = json.JSONDecoder().raw_decode(text[text.index("{"):])
    return data["config"]


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


def lazy_search(site: Path, report: TrimReport) -> None:
    if bundle_edit.patch(site, "pxLazyWorker", tuple(BUNDLE_DEFINITIONS),
                         ((INDEX_EXPR, LAZY_INDEX_EXPR), (WORKER_EXPR, LAZY_WORKER_EXPR)),
                         "hooks/sitekit/trim.py", TrimError):
        report.patched.append("search index and worker load on first use")


def drop_unused_images(site: Path, usage: csspurge.PageUsage, report: TrimReport) -> None:
    """Remove theme images nothing names: not a page (noted as each was written),
    not a stylesheet, script or data file (read one at a time)."""
    for rel in UNUSED_IMAGES:
        path = site / rel
        if not path.exists() or path.name in usage.mentioned:
            continue
        if not any(path.name in other.read_text(encoding="utf-8", errors="replace")
                   for other in site.rglob("*") if other.suffix in (".css", ".js", ".xml", ".json", ".webmanifest")):
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


def _link(href_prefix: str, rel: str) -> str:
    return f'<link rel="stylesheet" href="{href_prefix}{rel}">'


# Material's main stylesheet, followed by its palette: one link to the trimmed, joined file.
MATERIAL_LINKS = re.compile(
    r'<link rel="stylesheet" href="([^"]*)assets/stylesheets/main\.[0-9a-f]{8}\.min\.css">'
    r'(?:\s*<link rel="stylesheet" href="\1assets/stylesheets/palette\.[0-9a-f]{8}\.min\.css">)?')
# Stands in for the trimmed stylesheet's name while pages are written: its
# fingerprint is known only once every page has been seen. Same length as the
# final name (not hex, so never a real one), so the name is put in place in the
# written file without reading it again.
PLACEHOLDER = "main.pxtrim00.min.css"
# The same for Material's bundle once our scripts are joined to it.
SCRIPT_PLACEHOLDER = "bundle.pxtrim00.min.js"
BUNDLE_SCRIPT = r'<script src="([^"]*)assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js"></script>'


def _attribute(match: re.Match, uri: str) -> str:
    """``href="uri"``, unless the name only ends a longer word (``data-xhref``)."""
    if not csspurge.starts_a_word(match.string, match.start()):
        return match.group(0)
    return f'{match.group(1)}="{uri}"'


class TrimRun:
    """One build's trim, in two parts: :meth:`page` for each page as it is
    written (every language's), then :func:`trim_site` once at the end.

    The page pass points each page at the joined stylesheets and notes what the
    page uses (``csspurge.PageUsage``: sets only, never the pages), and where in
    the written file the trimmed stylesheet's name goes. So the end needs no
    second look at the pages: the work and the memory grow with the number of
    pages, not with its square.
    """

    def __init__(self, site: Path, extra_css: list[str] | None = None, extra_js: list[str] | None = None,
                 inline_images: list[str] | None = None, own_scripts: set[str] | None = None):
        self.site = Path(os.path.abspath(site))
        # File names of the site's own scripts (vendored ones such as the iframe-worker
        # shim stay byte for byte); None: every unfingerprinted file in assets/javascripts.
        self.own_scripts = None if own_scripts is None else frozenset(own_scripts)
        self.inline_images = list(inline_images or [])
        self._inline: list[tuple[str, re.Pattern, str]] | None = None
        self.extra_css = list(extra_css or [])
        self.extra_js = list(extra_js or [])
        self.usage = csspurge.PageUsage(watched=[Path(rel).name for rel in UNUSED_IMAGES])
        self.placed: dict[str, int] = {}  # written page -> byte offset of PLACEHOLDER in it
        self.placed_script: dict[str, int] = {}  # written page -> byte offset of SCRIPT_PLACEHOLDER in it
        self._extra: tuple[str, str] | None | bool = False  # False: not computed yet
        self._extra_js: str | None | bool = False

    def extra_bundle(self) -> tuple[str, str] | None:
        """(path, text) of the file joining the site's own stylesheets, or None if they are not joined."""
        if self._extra is False:
            self._extra = extra_bundle(self.site, self.extra_css)
        return self._extra

    def script_bundle(self) -> str | None:
        """The site's own scripts joined (to follow Material's bundle), or None if they are not joined."""
        if self._extra_js is False:
            self._extra_js = script_bundle(self.site, self.extra_js, self.own_scripts)
        return self._extra_js

    def page(self, html: str, dest: str | Path) -> str:
        """Point one page at the joined stylesheets and note what it uses.
        ``dest``: where MkDocs writes the returned text."""
        html = collapse_layout_whitespace(self.inline(self.relink(html, dest)))
        self.usage.add(html)
        self.placed[os.path.abspath(dest)] = len(html[:html.index(PLACEHOLDER)].encode("utf-8"))
        if SCRIPT_PLACEHOLDER in html:
            self.placed_script[os.path.abspath(dest)] = len(html[:html.index(SCRIPT_PLACEHOLDER)].encode("utf-8"))
        return html

    def relink(self, html: str, where) -> str:
        html, count = MATERIAL_LINKS.subn(lambda m: _link(m.group(1), "assets/stylesheets/" + PLACEHOLDER), html)
        found = html.count(PLACEHOLDER)
        if found != 1 or count > 1:
            raise TrimError(f"{where}: expected Material's main and palette stylesheet links once, "
                            f"found them {max(count, found)} time(s)")
        bundle = self.extra_bundle()
        if bundle is not None:
            # Their rules are joined into the trimmed main stylesheet (purge_material_css).
            html, count = _extra_links(tuple(self.extra_css)).subn("", html)
            if count > 1:
                raise TrimError(f"{where}: expected the extra_css links once, found them {count} time(s)")
        if self.script_bundle() is not None:
            html, count = _script_links(tuple(self.extra_js)).subn(
                lambda m: _script(m.group(1), f"{JS_DIR}/{SCRIPT_PLACEHOLDER}"), html)
            if count > 1 or (count == 0 and SCRIPT_PLACEHOLDER not in html):
                raise TrimError(f"{where}: expected Material's bundle followed by the extra_javascript scripts "
                                f"once, found them {count} time(s)")
        return html

    def inline(self, html: str) -> str:
        """Point ``href``/``src`` attributes naming a small SVG image at its ``data:`` address."""
        if self._inline is None:
            self._inline = []
            for rel in self.inline_images:
                uri = svg_data_uri(self.site / rel)
                if uri is not None:
                    # (no leading \b: it keeps the regex engine from skipping ahead to
                    # "href"/"src"; _attribute checks the word boundary instead)
                    pattern = re.compile(r'(href|src)="(?:[^"]*/)?' + re.escape(rel.lstrip("/")) + '"')
                    self._inline.append((rel.lstrip("/"), pattern, uri))
        for name, pattern, uri in self._inline:
            if name in html:  # a plain search first
                html = pattern.sub(lambda m, uri=uri: _attribute(m, uri), html)
        return html

    def scan_unrecorded(self) -> None:
        """Pages the page pass did not see (written by something else, or a site
        trimmed without a build): read, relink and note them here, once."""
        for path in sorted(self.site.rglob("*.html")):
            if str(path) in self.placed:
                continue
            text = path.read_text(encoding="utf-8")
            changed = self.page(text, path)
            if changed != text:
                path.write_text(changed, encoding="utf-8")

    def point_pages_at(self, name: str, script_name: str | None = None) -> None:
        """Write the final names over the placeholders in every page."""
        _overwrite(self.placed, PLACEHOLDER, name)
        if script_name is not None:
            _overwrite(self.placed_script, SCRIPT_PLACEHOLDER, script_name)


def _overwrite(placed: dict[str, int], placeholder: str, name: str) -> None:
    old, new = placeholder.encode(), name.encode()
    if len(old) != len(new):
        raise TrimError(f"the fingerprinted name {name!r} is not as long as {placeholder!r}")
    for dest, offset in placed.items():
        with open(dest, "r+b") as file:
            file.seek(offset)
            if file.read(len(old)) == old:
                file.seek(offset)
                file.write(new)
                continue
        # The file changed after it was written (e.g. the 404 page restored
        # for the default language): replace by text.
        path = Path(dest)
        text = path.read_text(encoding="utf-8")
        if placeholder not in text:
            raise TrimError(f"{path}: could not point the page at {name}")
        path.write_text(text.replace(placeholder, name), encoding="utf-8")


def purge_material_css(site: Path, run: TrimRun, report: TrimReport) -> str:
    """Trim Material's main and palette stylesheets to what the pages use, and
    join them and the site's own stylesheets (two requests less) into one
    fingerprinted file; returns its name."""
    ours, framework = _scripts(site)
    known = csspurge.KnownClasses.from_usage(run.usage, ours, framework)
    targets = {}
    for name in PURGED_STYLESHEETS:
        found = sorted(site.glob(f"assets/stylesheets/{name}.*.min.css"))
        if len(found) != 1:
            raise TrimError(f"expected one Material {name}.*.min.css in {site}/assets/stylesheets, found {len(found)}")
        targets[name] = found[0]
    readers = [path.read_text(encoding="utf-8") for path in sorted(site.glob("assets/stylesheets/*.css"))
               if path not in targets.values()]
    texts = {name: path.read_text(encoding="utf-8") for name, path in targets.items()}
    purged = []
    for name in targets:
        before = texts[name]
        others = [*readers, *(text for other, text in texts.items() if other != name), *ours, *framework]
        after = csspurge.purge(before, known, others, run.usage.variables)
        report.bytes_removed += len(before.encode()) - len(after.encode())
        purged.append(after)
    bundle = run.extra_bundle()
    if bundle is not None:
        if extra_bundle(site, run.extra_css) != bundle:
            raise TrimError(f"{site}: the site's own stylesheets changed while the pages were written")
        purged.append("\n" + bundle[1])
        report.patched.append(f"{len(run.extra_css)} stylesheets of the site joined in")
    joined = "".join(purged)
    new_name = f"main.{hashlib.sha256(joined.encode()).hexdigest()[:8]}.min.css"
    for path in targets.values():
        path.unlink()
    (site / "assets/stylesheets" / new_name).write_text(joined, encoding="utf-8")
    report.patched.append(f"unused Material CSS removed, palette joined into {new_name}")
    return new_name


def _own_css(site: Path, rel: str) -> str:
    """A stylesheet of ours as :func:`minify_own_css` leaves it."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    if path.parent == site / "assets/stylesheets" and not FINGERPRINTED.search(path.name):
        return csspurge.minify(text)
    return text


def extra_bundle(site: Path, extra_css: list[str]) -> tuple[str, str] | None:
    """(name, text) joining, in order, the stylesheets every page lists
    (``extra_css``); None when they cannot be joined. Known before any page is
    written, so each page's links to them are removed as it is written."""
    files = [rel for rel in extra_css if not re.match(r"^[a-z]+:|^/", rel) and (site / rel).is_file()]
    if len(files) < 2 or len(files) != len(extra_css):
        return None
    texts = [_own_css(site, rel) for rel in files]
    if any("@import" in text or "@charset" in text for text in texts):
        return None  # these must stay first in their own file
    joined = "\n".join(texts)
    return f"assets/stylesheets/extra.{hashlib.sha256(joined.encode()).hexdigest()[:8]}.min.css", joined


@functools.lru_cache(maxsize=4)
def _extra_links(files: tuple[str, ...]) -> re.Pattern:
    first, rest = files[0], files[1:]
    return re.compile(
        r'<link rel="stylesheet" href="([^"]*)' + re.escape(first) + r'">'
        + "".join(r'\s*<link rel="stylesheet" href="\1' + re.escape(other) + r'">' for other in rest))


def minify_own_css(site: Path, report: TrimReport) -> None:
    for path in sorted(site.glob("assets/stylesheets/*.css")):
        if FINGERPRINTED.search(path.name):
            continue
        before = path.read_text(encoding="utf-8")
        after = csspurge.minify(before)
        if after != before:
            report.bytes_removed += len(before.encode()) - len(after.encode())
            path.write_text(after, encoding="utf-8")


def svg_data_uri(path: Path) -> str | None:
    """A small SVG file as a ``data:`` address (percent-encoded, which gzips
    better than base64); None if it is not a small SVG."""
    if path.suffix != ".svg" or not path.is_file() or path.stat().st_size > INLINE_IMAGE_LIMIT:
        return None
    text = " ".join(path.read_text(encoding="utf-8").split()).replace('"', "'")
    return "data:image/svg+xml," + quote(text, safe=" /:=;,'()!*~.-_")


def _own_js(site: Path, rel: str, own: frozenset[str] | None) -> str:
    """A script of ours as :func:`minify_own_js` leaves it."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    return _minify_js(text) if _is_own_script(site, path, own) else text


def _is_own_script(site: Path, path: Path, own: frozenset[str] | None) -> bool:
    """Our scripts sit directly in assets/javascripts; Material's are fingerprinted,
    its search worker and language packs and most vendored packages sit in subfolders."""
    return (path.parent == site / JS_DIR and not FINGERPRINTED.search(path.name)
            and (own is None or path.name in own))


def _minify_js(text: str) -> str:
    # rjsmin keeps strings, regular expressions and line breaks that end a
    # statement; it drops comments and indentation. Idempotent, so a rebuild
    # over an already minified file gives the same joined name.
    return rjsmin.jsmin(text).strip()


def script_bundle(site: Path, extra_js: list[str], own: frozenset[str] | None = None) -> str | None:
    """The text joining, in order, the scripts every page lists after
    Material's bundle (``extra_javascript``, plain scripts only); None when they
    cannot be joined."""
    files = [rel for rel in extra_js if not re.match(r"^[a-z]+:|^/", rel) and (site / rel).is_file()]
    if not files or len(files) != len(extra_js):
        return None
    # Each file ends its last statement: a file that starts with "(" must not
    # call the one before it.
    return ";\n".join(_own_js(site, rel, own) for rel in files) + ";"


def _script(href_prefix: str, rel: str) -> str:
    return f'<script src="{href_prefix}{rel}"></script>'


@functools.lru_cache(maxsize=4)
def _script_links(files: tuple[str, ...]) -> re.Pattern:
    """Material's bundle, then each of our scripts, as MkDocs writes them."""
    return re.compile(BUNDLE_SCRIPT + "".join(r'\s*<script src="\1' + re.escape(rel) + r'"></script>' for rel in files))


def join_scripts_to_bundle(site: Path, run: TrimRun, report: TrimReport) -> str | None:
    """Write Material's bundle (as patched by now) followed by our joined scripts
    under a new fingerprinted name; returns the name (None if nothing is joined).
    Material's file goes: every page now names the joined one."""
    scripts = run.script_bundle()
    if scripts is None:
        return None
    if script_bundle(site, run.extra_js, run.own_scripts) != scripts:
        raise TrimError(f"{site}: the site's own scripts changed while the pages were written")
    material = bundle_edit.material_bundle(site, TrimError)
    # A line break and ";" end the bundle's last statement before ours start.
    text = material.read_text(encoding="utf-8").rstrip() + "\n;" + scripts
    name = f"bundle.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.js"
    (site / JS_DIR / name).write_text(text, encoding="utf-8")
    if material.name != name:
        material.unlink()
    report.patched.append(f"{len(run.extra_js)} scripts joined to Material's bundle as {name}")
    return name


def minify_own_js(site: Path, report: TrimReport, own: frozenset[str] | None = None) -> None:
    for path in sorted(site.glob(f"{JS_DIR}/*.js")):
        if not _is_own_script(site, path, own):
            continue
        before = path.read_text(encoding="utf-8")
        after = _minify_js(before)
        if after != before:
            report.bytes_removed += len(before.encode()) - len(after.encode())
            path.write_text(after, encoding="utf-8")


# Left exactly as written: elements whose whitespace is content or code, comments
# and tags (attribute values); any other run of whitespace that holds a line break
# becomes one newline.
# A tag matters only if it holds a line break (one without cannot hold a run to
# collapse), so tags without one are not matched at all: that keeps the number of
# matches, and so the Python work per page, to the few regions that need it.
KEPT_AS_WRITTEN = re.compile(
    r"<(?:(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>|!--.*?-->|[^>\n]*\n[^>]*>)", re.S | re.I)
LINE_BREAK_RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def collapse_layout_whitespace(html: str) -> str:
    """Each run of whitespace with a line break, outside tags, comments and
    ``pre``, ``code``, ``kbd`` (Material keeps their whitespace), ``textarea``,
    ``script``, ``style``, as one newline: HTML renders
    such a run as one space (or nothing) anyway, so the page looks the same."""
    out: list[str] = []
    done = 0
    for kept in KEPT_AS_WRITTEN.finditer(html):
        out.append(collapse_line_breaks(html[done:kept.start()]))
        out.append(kept.group(0))
        done = kept.end()
    out.append(collapse_line_breaks(html[done:]))
    return "".join(out)


def collapse_line_breaks(text: str) -> str:
    """``LINE_BREAK_RUN.sub("\\n", text)`` done with string methods, twice as fast:
    each line loses the spaces at its ends that touch a line break, and lines
    left empty go."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    middle = [line.strip(" \t\r") for line in lines[1:-1]]
    return "\n".join([lines[0].rstrip(" \t\r"), *[line for line in middle if line], lines[-1].lstrip(" \t\r")])


def trim_site(site: Path, extra_css: list[str] | None = None, run: TrimRun | None = None,
              extra_js: list[str] | None = None) -> TrimReport:
    """Every step, in order. ``run``: what the page pass gathered (without it,
    the pages are read here); ``extra_css``, ``extra_js``: the config's lists, as every page links them."""
    report = TrimReport()
    run = run or TrimRun(site, extra_css, extra_js)  # (nothing inlined: the pages are already written)
    drop_unused_lunr(site, report)
    lazy_search(site, report)
    run.scan_unrecorded()
    name = purge_material_css(site, run, report)
    minify_own_css(site, report)
    minify_own_js(site, report, run.own_scripts)
    script_name = join_scripts_to_bundle(site, run, report)
    run.point_pages_at(name, script_name)
    drop_unused_images(site, run.usage, report)
    return report

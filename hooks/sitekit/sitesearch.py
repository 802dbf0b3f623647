"""The site's own search: one index per language, stemmed at build time, and a
search worker that understands Indonesian and English.

Why: Material's search has no Indonesian (no stemmer, no stop words; its
Indonesian settings switch English stemming off too), and static-i18n gives
both languages one shared index, so results mixed languages. What this does,
once every language is built (``hooks/search.py`` calls :func:`install`):

1. Reads Material's ``search/search_index.json`` (pages and their sections,
   both languages) and writes ``search/index.<lang>.json`` per language, plus
   ``search/index.<lang>.js`` for the kiosk (``file://`` cannot fetch JSON).
   Each holds the plain text (for result snippets), the stem of every word
   (Snowball, via :mod:`sitekit.searchwords`), a synonym field per page section
   (:mod:`sitekit.searchdata`) and the word lists the browser needs.
2. Installs the search worker: ``search-stemmers.js`` + ``search-worker.js``
   joined into ``assets/javascripts/workers/search.<hash>.min.js``; every page's
   ``__config`` is pointed at it instead of Material's lunr worker (as each page is
   written, :func:`point_page`; the end of the build only checks).
3. Patches Material's bundle to load the index of the page's language
   (``<html lang>``) instead of the shared one. Guarded like
   ``sitekit/trim.py``: if Material's bundle changes, the build stops with
   :class:`SearchError` instead of shipping a search that finds nothing.

Material's shared index stays in the build (tests and tools read it); no page
loads it any more. Material's lunr worker is removed. Plain Python; no MkDocs import.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from peraturan.build.diagnostics import EngineError
from sitekit import bundle as bundle_edit
from sitekit import searchdata
from sitekit.searchwords import words

FORMAT_VERSION = 1
LANGUAGES = ("id", "en")  # this site's; a site's own come from its static-i18n config
ASSETS = Path("overrides/assets/javascripts")
WORKER_SOURCES = ("search-stemmers.js", "search-worker.js")
# Material 9.8.1 bundle: where it fetches the shared index (online, and from file://).
INDEX_JSON = '"search/search_index.json"'
INDEX_JS = '"search/search_index.js"'
LANG_INDEX_JSON = '"search/index."+document.documentElement.lang+".json"'
LANG_INDEX_JS = '"search/index."+document.documentElement.lang+".js"'
FETCH_INDEX_FUNCTION = "function ks(){return location.protocol===\"file:\"?"
# Material 9.8.1's lunr worker, as every page's __config names it.
MATERIAL_WORKER = re.compile(r'assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js"')
TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")
# Page kinds, used by the ranking: a regulation page answers "what does Pasal 5
# say", an explainer answers "can I apply"; only legal words lift regulations.
EXPLAINER, REGULATION = 0, 1


class SearchError(Exception):
    """The built site is not what the search installer expects (e.g. after a Material upgrade)."""


# A space the tags left before punctuation or inside a bracket ("pelatihan ." where a note
# mark was left out, "( x)" where a tag opened the bracket).
SPACE_BEFORE_PUNCTUATION_RE = re.compile(r" +(?=[.,;:!?)])|(?<=\() +")


def plain(markup: str) -> str:
    """Material's index text is HTML; snippets are built from plain text and escaped again in the worker."""
    return SPACE_BEFORE_PUNCTUATION_RE.sub("", SPACE_RE.sub(" ", html.unescape(TAG_RE.sub(" ", markup))).strip())


def page_language(location: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """The language of a page: the default one (``languages[0]``) at the root, the
    others in their folder (static-i18n's ``docs_structure: folder``)."""
    return next((lang for lang in languages[1:] if location.startswith(lang + "/")), languages[0])


def page_kind(location: str, regulations_folder: str, languages: tuple[str, ...] = LANGUAGES) -> int:
    """``regulations_folder``: where the site's profile puts the regulation pages."""
    lang = page_language(location, languages)
    path = location if lang == languages[0] else location[len(lang) + 1:]
    return REGULATION if path.startswith(regulations_folder + "/") else EXPLAINER


@dataclass
class LanguageIndex:
    lang: str
    data: dict
    site_stems: set[str]

    def json_text(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, separators=(",", ":"))


def _has_phrase(doc_stems: set[str], phrase_stems: list[str]) -> bool:
    return bool(phrase_stems) and all(stem in doc_stems for stem in phrase_stems)


def build_index(lang: str, material_docs: list[dict], data: searchdata.SearchData,
                regulations_folder: str = "", languages: tuple[str, ...] = LANGUAGES) -> LanguageIndex:
    """One language's index from Material's docs. Raises :class:`EngineError`
    when a synonym's target word occurs nowhere on the site."""
    analyzer = data.analyzer()
    docs = []
    for doc in material_docs:
        if page_language(doc["location"], languages) != lang:
            continue
        docs.append({"location": doc["location"], "title": plain(doc.get("title", "")),
                     "text": plain(doc.get("text", ""))})
    vocab = analyzer.vocabulary(text for doc in docs for text in (doc["title"], doc["text"]))
    stems = sorted(set(vocab.values()))
    stem_id = {stem: number for number, stem in enumerate(stems)}
    site_stems = set(stems)
    problems = searchdata.check_targets(data, site_stems, analyzer)
    if problems:
        raise EngineError(problems)
    synonym_field: list[list[int]] = []
    extra_stems: list[str] = []
    # Stem each synonym once, not once per page: the loop below is pages x synonyms.
    stemmed = [([analyzer.terms(target) for target in synonym.targets], analyzer.terms(synonym.typed))
               for synonym in data.synonyms]
    for doc in docs:
        doc_stems = set(analyzer.terms(doc["title"] + " " + doc["text"]))
        found: Counter[str] = Counter()
        for targets, typed in stemmed:
            if any(_has_phrase(doc_stems, target) for target in targets):
                found.update(stem for stem in typed if stem not in doc_stems)
        ids = []
        for stem in sorted(found):
            if stem not in stem_id:
                stem_id[stem] = len(stems) + len(extra_stems)
                extra_stems.append(stem)
            ids.append(stem_id[stem])
        synonym_field.append(ids)
    expand: dict[str, list[int]] = {}
    for synonym in data.synonyms:
        # One typed word -> one site word ("apply" -> register) also widens the query;
        # phrases ("laid off", "usaha kecil") and glossary pairs only fill the synonym field.
        typed = analyzer.terms(synonym.typed)
        if len(typed) != 1 or not synonym.checked:
            continue
        ids = expand.setdefault(typed[0], [])
        for target in synonym.targets:
            meant = analyzer.terms(target)
            if len(meant) == 1 and meant[0] in site_stems and meant[0] != typed[0] and stem_id[meant[0]] not in ids:
                ids.append(stem_id[meant[0]])
    config = {
        "lang": [lang],
        "separator": r"[\s\-]+",  # Material's page highlighter (?h=) reads it
        "pipeline": [],
        "fields": {"title": {"boost": 1}, "text": {"boost": 1}},
        "px": {
            "version": FORMAT_VERSION,
            "lang": lang,
            "stems": stems + extra_stems,
            "words": {word: stem_id[stem] for word, stem in sorted(vocab.items())},
            "synonyms": synonym_field,
            "expand": {stem: ids for stem, ids in sorted(expand.items()) if ids},
            "families": dict(sorted(data.families.items())),
            "kinds": [page_kind(doc["location"], regulations_folder, languages) for doc in docs],
            "stop": sorted(data.stop_words),
            "protected": sorted(data.protected_words),
            "legal": sorted(data.legal_words),
        },
    }
    return LanguageIndex(lang, {"config": config, "docs": docs}, site_stems)


def build_indexes(root: Path, site: Path, regulations_folder: str,
                  languages: tuple[str, ...] = LANGUAGES) -> dict[str, LanguageIndex]:
    source = site / "search" / "search_index.json"
    if not source.exists():
        raise SearchError(f"{source} is missing: the search plugin must run before the search hook")
    material_docs = json.loads(source.read_text(encoding="utf-8"))["docs"]
    problems = []
    indexes: dict[str, LanguageIndex] = {}
    for lang in languages:
        try:
            data = searchdata.load(root, lang)
            indexes[lang] = build_index(lang, material_docs, data, regulations_folder, languages)
        except EngineError as error:
            problems.extend(error.diagnostics)
    if problems:
        raise EngineError(problems)
    return indexes


def write_indexes(site: Path, indexes: dict[str, LanguageIndex], offline: bool) -> dict[str, dict[str, int]]:
    """Write ``search/index.<lang>.json`` (and ``.js`` for the kiosk); return sizes."""
    sizes = {}
    for lang, index in indexes.items():
        text = index.json_text()
        (site / "search" / f"index.{lang}.json").write_text(text, encoding="utf-8")
        sizes[lang] = {"json": len(text.encode("utf-8"))}
        if offline:
            script = f"var __index = {text};\n"
            (site / "search" / f"index.{lang}.js").write_text(script, encoding="utf-8")
            sizes[lang]["js"] = len(script.encode("utf-8"))
    return sizes


def worker_source(root: Path) -> str:
    return "\n".join((root / ASSETS / name).read_text(encoding="utf-8") for name in WORKER_SOURCES)


def worker_name(text: str) -> str:
    """The worker's content-hashed file name (known from its sources before any page is written)."""
    return f"search.{hashlib.sha256(text.encode()).hexdigest()[:8]}.min.js"


def point_page(markup: str, name: str, where: object) -> str:
    """The page with its ``__config`` naming our worker instead of Material's. Done as
    each page is written (hooks/search.py), so the end of the build need not rewrite every
    page; :func:`install_worker` then only checks."""
    if 'id="__config"' not in markup and "__config" not in markup:
        return markup
    if f"workers/{name}\"" in markup:
        return markup  # a rebuild that kept the page
    changed, count = MATERIAL_WORKER.subn(f'assets/javascripts/workers/{name}"', markup)
    if count != 1:
        raise SearchError(f"{where}: expected Material's search worker once in __config, found it {count} time(s); "
                          "re-check hooks/sitekit/sitesearch.py after a Material upgrade")
    return changed


def install_worker(root: Path, site: Path) -> str:
    """Write our worker under a content-hashed name and point every page at it (a page
    already pointed as it was written is only read)."""
    text = worker_source(root)
    name = worker_name(text)
    workers = site / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True, exist_ok=True)
    (workers / name).write_text(text, encoding="utf-8")
    for page in sorted(site.rglob("*.html")):
        markup = page.read_text(encoding="utf-8")
        changed = point_page(markup, name, page)
        if changed is not markup:
            page.write_text(changed, encoding="utf-8")
    for old in workers.glob("search.*.min.js"):
        if old.name != name:
            old.unlink()  # Material's lunr worker: no page names it any more
    return name


def patch_bundle(site: Path) -> None:
    """Load ``search/index.<page language>`` instead of the shared index."""
    bundle_edit.patch(site, LANG_INDEX_JSON, (FETCH_INDEX_FUNCTION,),
                      ((INDEX_JSON, LANG_INDEX_JSON), (INDEX_JS, LANG_INDEX_JS)),
                      "hooks/sitekit/sitesearch.py", SearchError)


def install(root: Path, site: Path, offline: bool, regulations_folder: str,
            languages: tuple[str, ...] = LANGUAGES) -> dict[str, dict[str, int]]:
    """Every step, in order; returns the index sizes per language (``languages``: the
    site's, the default one first)."""
    indexes = build_indexes(root, site, regulations_folder, languages)
    sizes = write_indexes(site, indexes, offline)
    install_worker(root, site)
    patch_bundle(site)
    return sizes


def site_words(site: Path, lang: str) -> list[str]:
    """Every distinct word of one language's built pages (for the stemmer parity test)."""
    index = json.loads((site / "search" / f"index.{lang}.json").read_text(encoding="utf-8"))
    return sorted({word for doc in index["docs"] for text in (doc["title"], doc["text"]) for word in words(text)})

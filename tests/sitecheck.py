"""Checks over a built site's HTML, written for tests (no MkDocs import)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

BASE = "http://site.invalid/"


@dataclass
class Page:
    path: Path
    url: str  # as served, under BASE
    soup: BeautifulSoup


def load_pages(site: Path) -> dict[str, Page]:
    """Every HTML page, keyed by the URL it is served at."""
    pages: dict[str, Page] = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = BASE + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        pages[url] = Page(path, url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    return pages


def ids_of(page: Page) -> set[str]:
    return {tag["id"] for tag in page.soup.find_all(id=True)} | {
        tag["name"] for tag in page.soup.find_all("a", attrs={"name": True})
    }


def resolve_target(site: Path, url: str) -> Path | None:
    """The file a static server would answer ``url`` with, or None."""
    path = unquote(urlsplit(url).path)[len(urlsplit(BASE).path):]
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, pages: dict[str, Page], skip_404: bool = True) -> list[str]:
    """Internal links or #anchors that lead nowhere, as 'page -> href' lines."""
    problems = []
    for url, page in pages.items():
        if skip_404 and page.path.name == "404.html":
            continue  # the 404 page links by root path, checked separately
        for tag in page.soup.find_all(["a", "link"], href=True):
            href = tag["href"]
            if tag.name == "link" and "alternate" in (tag.get("rel") or []):
                continue  # absolute hreflang URLs, checked on their own
            if tag.name == "link" and "canonical" in (tag.get("rel") or []):
                continue
            if href.startswith(("mailto:", "tel:", "javascript:")):
                continue
            target = urljoin(url, href)
            if not target.startswith(BASE):
                continue  # outside links are checked elsewhere
            parts = urlsplit(target)
            file = resolve_target(site, target)
            if file is None:
                problems.append(f"{page.path.relative_to(site)} -> {href} (no such file)")
                continue
            if parts.fragment and file.suffix == ".html":
                target_page = pages.get(BASE + file.relative_to(site).as_posix().removesuffix("index.html"))
                if target_page and unquote(parts.fragment) not in ids_of(target_page):
                    problems.append(f"{page.path.relative_to(site)} -> {href} (no #{parts.fragment})")
    return problems


def outside_resources(pages: dict[str, Page], site_url: str = "") -> list[str]:
    """Scripts, stylesheets, images or frames that load from outside the site.

    Absolute URLs are allowed only when they point at the site's own ``site_url``."""
    problems = []
    for page in pages.values():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for element in page.soup.find_all(tag, attrs={attr: True}):
                value = element[attr]
                if site_url and value.startswith(site_url):
                    continue
                if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                    problems.append(f"{page.path.name}: <{tag} {attr}={value}>")
    return problems

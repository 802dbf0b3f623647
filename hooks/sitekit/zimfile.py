"""Write the offline build as a ZIM file, the format Kiwix reads on Android and desktop.

``python -m sitekit.zimfile site-zim site.zim mkdocs.zim.yml`` (``make zim``)
packs every file of the built folder (``mkdocs.zim.yml``: the kiosk's offline
build without the kiosk's bar and idle reset) with libzim, adds the metadata
Kiwix libraries show (from ``extra.zim`` in that config), and a full-text index
so Kiwix's own search finds pages in both languages.

Why the offline build: its links end in ``.html`` and are relative, and its
search index is a script, so pages work from any address a reader serves them
at. Kiwix's own search replaces Material's search where a reader blocks workers.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import mimetypes
import os
import re
import sys
from pathlib import Path

import yaml

REQUIRED = ("name", "title", "description", "long_description", "creator", "publisher", "language")
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
MIME = {".js": "application/javascript", ".json": "application/json", ".svg": "image/svg+xml",
        ".css": "text/css", ".html": "text/html", ".xml": "application/xml", ".txt": "text/plain",
        ".md": "text/markdown", ".gz": "application/gzip", ".png": "image/png"}
# Build by-products a reader never opens inside Kiwix.
SKIPPED = ("sitemap.xml", "sitemap.xml.gz")


class ZimError(Exception):
    """Missing or invalid ZIM settings, reported with the file they come from."""


def _ignore_tags(loader, suffix, node):  # !ENV and friends: not needed for the ZIM settings
    return None


def load_settings(config: Path) -> dict:
    """``extra.zim`` of the ZIM config, checked (lengths are the ZIM metadata rules)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", _ignore_tags)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}  # noqa: S506 - SafeLoader subclass
    settings = ((data.get("extra") or {}).get("zim")) or {}
    missing = [key for key in REQUIRED if not settings.get(key)]
    if missing:
        raise ZimError(f"{config}: extra.zim needs {', '.join(missing)}")
    limits = {"title": 30, "description": 80, "long_description": 4000}
    for key, limit in limits.items():
        if len(str(settings[key])) > limit:
            raise ZimError(f"{config}: extra.zim.{key} has {len(str(settings[key]))} characters; "
                           f"Kiwix allows {limit}")
    return settings


def illustration_png(size: int = 48) -> bytes:
    """The site's favicon (a card on green) drawn as the PNG Kiwix lists the file with."""
    from PIL import Image, ImageDraw

    scale = size * 4 / 32  # draw large, then shrink: smooth edges without an SVG renderer
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=6 * scale, fill="#0b5f55")
    draw.rounded_rectangle((6 * scale, 9 * scale, 26 * scale, 23 * scale), radius=2 * scale,
                           outline="#ffffff", width=round(2.4 * scale))
    draw.line((10 * scale, 19 * scale, 17 * scale, 19 * scale), fill="#ffffff", width=round(2.4 * scale))
    out = io.BytesIO()
    image.resize((size, size), Image.LANCZOS).save(out, "PNG")
    return out.getvalue()


def page_title(text: str, fallback: str) -> str:
    found = TITLE_RE.search(text)
    return html.unescape(found.group(1)).strip() if found else fallback


def _build_date() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date() if epoch else dt.datetime.now(tz=dt.UTC).date()


def write_zim(site_dir: Path, zim_path: Path, settings: dict) -> int:
    """Pack ``site_dir`` into ``zim_path``; return the number of entries written."""
    from libzim.writer import Creator, FileProvider, Hint, Item

    class SiteItem(Item):
        def __init__(self, path: str, file: Path, title: str, mimetype: str, front: bool):
            super().__init__()
            self.path, self.file, self.title, self.mimetype, self.front = path, file, title, mimetype, front

        def get_path(self) -> str:
            return self.path

        def get_title(self) -> str:
            return self.title

        def get_mimetype(self) -> str:
            return self.mimetype

        def get_contentprovider(self):
            return FileProvider(str(self.file))

        def get_hints(self) -> dict:
            return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: self.mimetype.startswith(("text/", "application/"))}

    if not (site_dir / "index.html").is_file():
        raise ZimError(f"{site_dir}/index.html is missing: build the ZIM site first (make zim)")
    zim_path.unlink(missing_ok=True)
    count = 0
    index_language = str(settings["language"]).split(",")[0]
    with Creator(str(zim_path)).config_indexing(True, index_language) as creator:
        creator.set_mainpath("index.html")
        for path in sorted(site_dir.rglob("*")):
            rel = path.relative_to(site_dir).as_posix()
            if not path.is_file() or rel in SKIPPED:
                continue
            mimetype = MIME.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            is_page = mimetype == "text/html"
            title = page_title(path.read_text(encoding="utf-8"), rel) if is_page else rel
            creator.add_item(SiteItem(rel, path, title, mimetype, is_page and path.name != "404.html"))
            count += 1
        metadata = {
            "Name": settings["name"],
            "Title": settings["title"],
            "Description": settings["description"],
            "LongDescription": settings["long_description"],
            "Creator": settings["creator"],
            "Publisher": settings["publisher"],
            "Language": settings["language"],
            "Date": _build_date().isoformat(),
            "Tags": settings.get("tags", ""),
            "Source": settings.get("source", ""),
            "Flavour": settings.get("flavour", ""),
        }
        for key, value in metadata.items():
            if value:
                creator.add_metadata(key, str(value))
        creator.add_illustration(48, illustration_png(48))
    return count


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m sitekit.zimfile SITE_DIR ZIM_FILE ZIM_CONFIG", file=sys.stderr)
        return 2
    try:
        settings = load_settings(Path(argv[2]))
        count = write_zim(Path(argv[0]), Path(argv[1]), settings)
    except ZimError as error:
        print(error, file=sys.stderr)
        return 1
    size = Path(argv[1]).stat().st_size
    print(f"{argv[1]}: {count} entries, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

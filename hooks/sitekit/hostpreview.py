"""Serve a built site the way a static host would, to check a publishing build.

``python -m sitekit.hostpreview site/ https://example.org/prakerja/ [PORT]``
serves ``site/`` under the address's path (``/prakerja/``) on 127.0.0.1,
sends the headers ``site/_headers`` asks for, and answers a missing page with
the nearest ``404.html`` (``en/404.html`` under ``/en/``), as Cloudflare Pages
and the nginx snippet do. The browser tests use the same class.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sitekit import hostconfig


class HostHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under a path prefix, with ``_headers`` applied."""

    prefix = "/"
    rules: list[hostconfig.Rule] = []
    site_dir: Path = Path(".")

    def log_message(self, *args) -> None:  # the tests read results, not logs
        pass

    def _site_path(self) -> str | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(self.prefix):
            return None
        return "/" + path[len(self.prefix) :]

    def translate_path(self, path: str) -> str:
        inner = self._site_path()
        return super().translate_path(inner if inner is not None else "/__outside_prefix__")

    def send_head(self):
        self._headers_path = None
        inner = self._site_path()
        if inner == "/" + hostconfig.HEADERS_FILE:  # hosts never serve their own configuration
            inner = None
        target = Path(self.translate_path(self.path))
        if inner is not None and (target.is_file() or (target / "index.html").is_file()):
            self._headers_path = inner
            return super().send_head()
        return self._not_found(inner or "/")

    def _not_found(self, inner: str):
        pages = hostconfig.not_found_pages(self.site_dir)
        page = pages.get("")
        for folder, candidate in pages.items():
            if folder and inner.startswith("/" + folder):
                page = candidate
        self._headers_path = "/" + (page or "404.html")
        body = (self.site_dir / page).read_bytes() if page else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body) if self.command != "HEAD" else None
        return None

    def end_headers(self) -> None:
        path = getattr(self, "_headers_path", None)
        if path is not None:
            for name, value in hostconfig.headers_for(self.rules, path).items():
                self.send_header(name, value)
        super().end_headers()


class HostPreview:
    """A threaded preview server; use as a context manager."""

    def __init__(self, site_dir: Path, prefix: str = "/", port: int = 0):
        headers_file = site_dir / hostconfig.HEADERS_FILE
        rules = hostconfig.parse_headers(headers_file.read_text(encoding="utf-8")) if headers_file.is_file() else []
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = type("Handler", (HostHandler,), {"prefix": prefix, "rules": rules, "site_dir": site_dir})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(handler, directory=str(site_dir))
        )
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.url = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> HostPreview:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python -m sitekit.hostpreview SITE_DIR SITE_URL [PORT]", file=sys.stderr)
        return 2
    prefix = urlsplit(argv[1]).path or "/"
    with HostPreview(Path(argv[0]), prefix, int(argv[2]) if len(argv) == 3 else 8001) as server:
        print(f"serving {argv[0]} as {argv[1]} at {server.url} (Ctrl+C stops)")
        try:
            server.thread.join()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

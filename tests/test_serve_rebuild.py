"""``mkdocs serve`` rebuilds in the same process: an edit to any input must show.

Two builds in one process, as serve does them: after a data file gains a
citation (an authority-map edge cites one more provision), the regulation page
must list the citing page under that provision ("Dikutip di"). Each build has
its own state (``peraturan.state``); only what its inputs' fingerprint allows is
taken over from the build before.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from peraturan import state

ANCHOR = "pasal-3-ayat-1"
OLD = "    cite: PMK 25/PMK.05/2020 Pasal 1\n"
NEW = "    cite:\n      - PMK 25/PMK.05/2020 Pasal 1\n      - Perpres 36/2020 Pasal 3 ayat (1)\n"


def _cited_on(site: Path) -> list[str]:
    soup = BeautifulSoup((site / "regulasi" / "perpres-36-2020" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    heading = soup.find(id=ANCHOR)
    marker = heading.find_next("p", class_="px-cited-on")
    listing = marker.find_next_sibling()
    return [a["href"] for a in listing.find_all("a")] if listing is not None and listing.name == "ul" else []


def test_a_data_edit_shows_up_in_the_next_rebuild(tmp_path, monkeypatch):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = tmp_path / "p"
    for name in ("docs", "regulations", "data", "rules", "includes", "hooks", "overrides", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    monkeypatch.chdir(project)
    monkeypatch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
    site = tmp_path / "site"

    def rebuild() -> None:
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))

    rebuild()
    first = state.current()
    assert not any("kewenangan" in href for href in _cited_on(site))
    authority = project / "data" / "authority.yml"
    text = authority.read_text(encoding="utf-8")
    assert OLD in text
    authority.write_text(text.replace(OLD, NEW, 1), encoding="utf-8")
    rebuild()
    assert any("kewenangan" in href for href in _cited_on(site))
    second = state.current()
    assert second is not first  # a new state for the new build
    assert second.registry is first.registry  # regulations/ unchanged: the registry is taken over
    assert second.inputs_fingerprint != first.inputs_fingerprint and second.corpus is not first.corpus
    assert second.not_found_pages is not first.not_found_pages and set(second.not_found_pages) == {"id", "en"}


def test_a_new_build_starts_its_own_parts_empty_and_keeps_the_reusable_ones():
    shared = state.begin()
    shared.command, shared.registry_fingerprint, shared.scan_cache[("p", 1, 2)] = "serve", ("r",), ("t", [], False, [])
    shared.previews["id/x.md"], shared.block_problems[:] = "<aside>", ["docs/id/x.md:3:1: ..."]
    shared.not_found_pages["id"], shared.trim_run = "<html>", object()
    fresh = state.begin()
    assert fresh is state.current() and fresh is not shared
    assert (fresh.command, fresh.registry_fingerprint, fresh.scan_cache) == ("serve", ("r",), shared.scan_cache)
    assert (fresh.previews, fresh.block_problems, fresh.not_found_pages, fresh.trim_run) == ({}, [], {}, None)
    state.begin().command = "build"  # as a build run by the other tests expects

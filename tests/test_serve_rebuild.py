"""``mkdocs serve`` rebuilds in the same process: an edit to any input must show.

Two builds in one process, as serve does them: after a data file gains a
citation (an authority-map edge cites one more provision), the regulation page
must list the citing page under that provision ("Dikutip di").
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT

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
    assert not any("kewenangan" in href for href in _cited_on(site))
    authority = project / "data" / "authority.yml"
    text = authority.read_text(encoding="utf-8")
    assert OLD in text
    authority.write_text(text.replace(OLD, NEW, 1), encoding="utf-8")
    rebuild()
    assert any("kewenangan" in href for href in _cited_on(site))

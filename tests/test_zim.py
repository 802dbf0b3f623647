"""The offline file for phones (issue 15 item 4): `make zim` packs the offline build
into a ZIM file; libzim reads it back as a Kiwix reader would."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from conftest import ROOT, mkdocs_build
from sitekit import zimfile

CONFIG = ROOT / "mkdocs.zim.yml"


@pytest.fixture(scope="module")
def zim(tmp_path_factory):
    work = tmp_path_factory.mktemp("zim")
    site = work / "site-zim"
    mkdocs_build(site, config=CONFIG.name)
    path = work / "site.zim"
    zimfile.write_zim(site, path, zimfile.load_settings(CONFIG))
    return site, Archive(str(path))


def test_every_page_of_both_languages_is_inside_with_its_title(zim):
    site, archive = zim
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert any(p.startswith("en/") for p in pages) and "index.html" in pages
    for path in pages:
        entry = archive.get_entry_by_path(path)
        html = bytes(entry.get_item().content).decode("utf-8")
        assert entry.title == zimfile.page_title(html, path)
        assert 'http-equiv="Content-Security-Policy"' in html
        assert "px-kiosk-bar" not in html and "kiosk.js" not in html  # no kiosk bar or idle reset on a phone
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.get_entry_by_path("en/kelayakan.html").title.startswith("Who can take part")
    # Every file the pages load is inside too (the offline build makes no outside request).
    assert archive.get_entry_by_path("assets/javascripts/iframe-worker-shim.js")
    assert archive.get_entry_by_path("search/search_index.js")


def test_the_metadata_kiwix_shows(zim):
    _, archive = zim
    meta = {key: bytes(archive.get_metadata(key)).decode("utf-8") for key in archive.metadata_keys
            if not key.startswith("Illustration")}
    assert meta["Title"] == "Penjelasan Kartu Prakerja"
    assert meta["Language"] == "ind,eng"
    assert dt.date.fromisoformat(meta["Date"])
    assert 0 < len(meta["Description"]) <= 80 and "Prakerja" in meta["Description"]
    assert "Not an official government website" in meta["LongDescription"]
    assert meta["Name"] and meta["Creator"] and meta["Publisher"]
    assert archive.has_illustration(48)
    assert bytes(archive.get_illustration_item(48).content)[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("word", "page"), [("relawan", "index.html"), ("volunteers", "en/index.html")])
def test_the_full_text_index_finds_a_page_in_each_language(zim, word, page):
    _, archive = zim
    assert archive.has_fulltext_index and archive.has_title_index
    results = Searcher(archive).search(Query().set_query(word))
    assert page in list(results.getResults(0, 10))


def test_zim_settings_over_the_kiwix_limits_are_refused(tmp_path):
    config = tmp_path / "mkdocs.zim.yml"
    text = CONFIG.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^    description: .*$", "    description: " + "x" * 81, text), encoding="utf-8")
    with pytest.raises(zimfile.ZimError, match=r"extra\.zim\.description has 81 characters; Kiwix allows 80"):
        zimfile.load_settings(config)
    config.write_text(text.replace("    creator: Penjelasan Kartu Prakerja\n", ""), encoding="utf-8")
    with pytest.raises(zimfile.ZimError, match=r"extra\.zim needs creator"):
        zimfile.load_settings(config)


def test_the_zim_config_repeats_the_public_sites_lists():
    """INHERIT replaces lists: the ZIM's stylesheets and scripts must follow mkdocs.yml."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)

    def load(name):
        return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506

    public, zim_config = load("mkdocs.yml"), load("mkdocs.zim.yml")
    assert zim_config["extra_css"] == public["extra_css"]
    assert zim_config["extra_javascript"] == public["extra_javascript"]

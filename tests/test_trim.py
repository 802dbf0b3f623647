"""hooks/sitekit/trim.py: unused search language packs are dropped, and search
(index and worker) loads only when the reader uses it, in both languages."""

from __future__ import annotations

import pytest

from conftest import run_search
from sitekit import trim


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["en"], set()),
        (["de"], {"min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"}),
        (["en", "ja"], {"tinyseg.js", "min/lunr.ja.min.js", "min/lunr.multi.min.js",
                        "min/lunr.stemmer.support.min.js"}),
        (["th"], {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}),
    ],
)
def test_needed_lunr_files_follow_the_search_worker(languages, expected):
    assert trim.needed_lunr_files(languages) == expected


def fake_site(tmp_path, bundle_text: str, lang: str = '["en"]'):
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    for name in ("min/lunr.de.min.js", "min/lunr.stemmer.support.min.js", "tinyseg.js"):
        (tmp_path / "assets/javascripts/lunr" / name).write_text("x")
    (tmp_path / "assets/javascripts/bundle.0123abcd.min.js").write_text(bundle_text)
    (tmp_path / "search").mkdir()
    (tmp_path / "search/search_index.js").write_text('var __index = {"config":{"lang":' + lang + '},"docs":[]}')
    return tmp_path


def material_like_bundle() -> str:
    return ";".join([*trim.BUNDLE_DEFINITIONS, trim.INDEX_EXPR, trim.WORKER_EXPR + "}"])


def test_trim_removes_language_packs_and_patches_once(tmp_path):
    site = fake_site(tmp_path, material_like_bundle())
    report = trim.trim_site(site)
    assert not (site / "assets/javascripts/lunr").exists()
    assert len(report.removed) == 3 and report.patched
    bundle = (site / "assets/javascripts/bundle.0123abcd.min.js").read_text()
    assert trim.LAZY_INDEX_EXPR in bundle and "pxLazyWorker" in bundle
    assert trim.trim_site(site).patched == []  # a second run changes nothing


def test_trim_keeps_the_packs_a_configured_language_needs(tmp_path):
    site = fake_site(tmp_path, material_like_bundle(), lang='["de"]')
    trim.trim_site(site)
    left = sorted(p.relative_to(site / "assets/javascripts/lunr").as_posix()
                  for p in (site / "assets/javascripts/lunr").rglob("*.js"))
    assert left == ["min/lunr.de.min.js", "min/lunr.stemmer.support.min.js"]


def test_an_unexpected_bundle_stops_the_build(tmp_path):
    site = fake_site(tmp_path, material_like_bundle().replace(trim.INDEX_EXPR, "zi=somethingElse()"))
    with pytest.raises(trim.TrimError, match="Material upgrade"):
        trim.trim_site(site)


@pytest.mark.build
def test_published_site_has_no_language_packs_and_a_lazy_bundle(built_site):
    assert not (built_site / "assets/javascripts/lunr").exists()
    assert not (built_site / "assets/images/favicon.png").exists()
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).read_text(encoding="utf-8")
    assert "pxLazyWorker" in bundle


@pytest.mark.browser
@pytest.mark.parametrize(("path", "query"), [("/", "pelatihan"), ("/en/", "training")])
def test_search_loads_only_when_used_and_still_works(page, site_server, path, query):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server.origin + path)
    page.wait_for_load_state("networkidle")
    assert not [u for u in requested if "search_index" in u or "/workers/" in u], requested
    assert run_search(page, query).strip()
    assert any("search_index.json" in u for u in requested)
    assert any("/workers/search." in u for u in requested)


@pytest.mark.browser
def test_search_highlight_still_loads_the_index(page, site_server):
    page.goto(site_server.origin + "/?h=prakerja")
    page.wait_for_function("document.querySelector('.md-content mark') !== null", timeout=10_000)

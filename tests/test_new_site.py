"""``python -m peraturan new DIR`` makes a site for another program that builds at once.

The command runs as an editor runs it (``hooks/`` on ``PYTHONPATH``) into a
temporary folder; the new site is built with ``mkdocs build --strict`` (no
``-q``: MkDocs' own warnings count), its own tests run, and its checker's
JavaScript API, under the new site's own name, agrees with the Python evaluator
on every answer (the parity ``test_checker_browser.py`` checks for this site)."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from a11y_tools import run_axe, served_url, site_pages, wait_for_scripts

from conftest import ROOT, StaticServer, free_port, guarded_context
from peraturan.build.siteconfig import as_of, read_config, site_profile
from peraturan.checker.loader import load_rules
from peraturan.checker.model import AnswerError
from peraturan.legal.loader import load_registry

ENV = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def new(target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "peraturan", "new", str(target)], env=ENV, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("new") / "program-lain"
    result = new(target)
    assert result.returncode == 0, result.stderr
    assert "Created" in result.stdout
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # npm ci, without the network
    return target


@pytest.fixture(scope="module")
def built(project, tmp_path_factory) -> Path:
    # the site rewords one heading of the engine's (data/words.yml), as a site may
    words = project / "data" / "words.yml"
    words.write_text(words.read_text(encoding="utf-8") + "legal_basis:\n  en: {heading: Legal grounds}\n",
                     encoding="utf-8")
    site = tmp_path_factory.mktemp("new-site") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env={**ENV, "PYTHONPATH": ""}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def ruleset(project: Path):
    profile = site_profile(project / "mkdocs.yml")
    registry = load_registry(project / "regulations", "regulations", profile.instrument_types)
    day = as_of(read_config(project / "mkdocs.yml", "mkdocs.yml"), "mkdocs.yml")
    return load_rules(project / "rules" / "eligibility.yml", registry, day, "rules/eligibility.yml")


def test_the_new_site_has_every_part(project):
    for part in ("docs/id/index.md", "docs/en/index.md", "docs/id/cek-kelayakan.md", "docs/en/cek-kelayakan.md",
                 "rules/eligibility.yml", "mkdocs.yml", "README.md", "Makefile", "tests/test_site.py",
                 "hooks/citations.py", "hooks/peraturan/legal/loader.py", "hooks/sitekit/csp.py",
                 "overrides/assets/javascripts/checker.js", "requirements.txt", "package-lock.json",
                 "dev/REGISTRY-FORMAT.md", "dev/CITATIONS.md", "dev/CHECKER-API.md", "data/search/id.yml",
                 "data/words.yml", "hooks/peraturan/build/words.yml"):
        assert (project / part).is_file(), part
    assert not list(project.rglob("__pycache__"))
    # ONE instrument, and it says in every language that it is a fictional example
    instruments = list((project / "regulations").glob("*.yml"))
    assert [p.name for p in instruments] == ["contoh-1-2025.yml"]
    text = instruments[0].read_text(encoding="utf-8")
    assert text.startswith("# CONTOH FIKTIF / FICTIONAL EXAMPLE: this is NOT a real regulation.")
    data = yaml.safe_load(text)
    assert "fiktif, bukan peraturan nyata" in data["name"]["id"]
    assert "fictional, not a real regulation" in data["name"]["en"]
    assert "fictional" in (project / "README.md").read_text(encoding="utf-8")


def test_the_new_site_names_its_own_program(project):
    profile = site_profile(project / "mkdocs.yml")
    assert profile.checker_global == "pxChecker"
    assert {"uu", "pp", "permendagri", "permensos", "contoh"} <= set(profile.type_keys)
    words = "\n".join(p.read_text(encoding="utf-8") for folder in ("docs", "rules", "regulations", "data")
                      for p in (project / folder).rglob("*") if p.is_file())
    assert "prakerja" not in (words + (project / "mkdocs.yml").read_text(encoding="utf-8")).lower()
    assert "prakerja" not in (project / "package.json").read_text(encoding="utf-8")


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    result = new(tmp_path)
    assert result.returncode == 2
    assert result.stderr == (f"error: {tmp_path}: is a folder that is not empty; nothing was written "
                             "(give a new folder name, or empty this folder first)\n")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_is_refused(tmp_path):
    (tmp_path / "site").write_text("", encoding="utf-8")
    result = new(tmp_path / "site")
    assert result.returncode == 2 and "is a file; nothing was written" in result.stderr


def test_the_new_site_can_start_the_next_one(project, tmp_path):
    """It carries the engine, its pins and its reference pages: the command works from it too."""
    result = subprocess.run([sys.executable, "-m", "peraturan", "new", str(tmp_path / "third")], cwd=project,
                            env={**ENV, "PYTHONPATH": str(project / "hooks")}, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "third" / "regulations" / "contoh-1-2025.yml").is_file()
    # the starting content, not the second site's edits
    assert yaml.safe_load((tmp_path / "third" / "data" / "words.yml").read_text(encoding="utf-8")) is None


def test_the_new_site_builds_strictly_in_both_languages(built):
    for page in ("index.html", "cek-kelayakan/index.html", "regulasi/index.html",
                 "regulasi/contoh-1-2025/index.html"):
        assert (built / page).is_file() and (built / "en" / page).is_file(), page
    regulation = (built / "regulasi" / "contoh-1-2025" / "index.html").read_text(encoding="utf-8")
    assert "Peraturan Contoh (fiktif)" in regulation and "bukan peraturan nyata" in regulation
    english = (built / "en" / "regulasi" / "contoh-1-2025" / "index.html").read_text(encoding="utf-8")
    assert "Example Regulation (fictional)" in english and "not a real regulation" in english
    home = (built / "index.html").read_text(encoding="utf-8")
    assert 'class="px-cite' in home and "regulasi/contoh-1-2025/#" in home
    # the site's own words (data/words.yml) over the engine's
    assert ">Dasar hukum<" in home and ">Legal grounds<" in (built / "en" / "index.html").read_text(encoding="utf-8")


def test_the_new_site_passes_its_own_tests(project):
    """Its quick test (the build is checked above, not twice)."""
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests",
                             "-k", "not builds"], cwd=project, env={**ENV, "PYTHONPATH": ""},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed, 1 deselected" in result.stdout


def test_the_dev_pin_of_the_new_site_is_the_project_pin(project):
    pins = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
    assert next(p for p in pins if p.startswith("pytest==")) in (project / "requirements-dev.txt").read_text()


ANSWERS = [{}, {"usia": None}] + [{"usia": value} for value in ("ya", "tidak", "tidak-tahu")]
BAD_ANSWERS = [{"umur": "ya"}, {"usia": "iya"}, {"usia": 18}, {"usia": ["ya"]}, {"Usia": "ya"}]


@pytest.mark.browser
def test_javascript_and_python_agree_on_the_new_site(built, project, chromium):
    rules = ruleset(project)
    expected = [rules.evaluate(answers, day) for answers, day in itertools.product(ANSWERS, (None, "2025-01-02"))]
    errors = []
    for answers in BAD_ANSWERS:
        with pytest.raises(AnswerError) as caught:
            rules.evaluate(answers)
        errors.append("pxChecker: " + str(caught.value))
    with StaticServer(built, free_port()) as server:
        context = guarded_context(chromium, (server.origin + "/",))
        page = context.new_page()
        page.goto(server.origin + "/en/cek-kelayakan/")
        page.wait_for_function("() => window.pxChecker !== undefined")
        got = page.evaluate("calls => calls.map(([a, d]) => pxChecker.evaluate(a, d ? {asOf: d} : undefined))",
                            [[answers, day] for answers, day in itertools.product(ANSWERS, (None, "2025-01-02"))])
        got_errors = page.evaluate("all => all.map(a => { try { pxChecker.evaluate(a); return null } "
                                   "catch (e) { return e.message } })", BAD_ANSWERS)
        assert page.evaluate("typeof window.prakerjaChecker") == "undefined"
        outside = list(context.outside_requests)
        context.close()
    assert got == expected
    assert {r["outcome"] for r in got} == {"eligible", "probably-not-eligible", "cannot-tell"}
    assert got_errors == errors
    assert outside == []


@pytest.mark.browser
def test_every_page_of_the_new_site_passes_axe(built, chromium):
    """WCAG 2.2 AA from the first build: the new site shares the theme, so no exception is needed.
    Every Indonesian page and the English home (the English pages share their templates; the
    project's own tests/test_a11y.py covers both languages of the theme)."""
    pages = [rel for rel in site_pages(built) if not rel.startswith("en/") or rel == "en/index.html"]
    assert len(pages) == 6
    found = []
    with StaticServer(built, free_port()) as server:
        context = guarded_context(chromium, (server.origin + "/",))
        page = context.new_page()
        for rel in pages:
            page.goto(served_url(server.origin, rel))
            wait_for_scripts(page)
            found += run_axe(page, rel)
        outside = list(context.outside_requests)
        context.close()
    assert [f.format() for f in found] == []
    assert outside == []


@pytest.fixture(scope="module")
def kiosk_built(project, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("new-kiosk") / "site-kiosk"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.kiosk.yml",
                             "-d", str(site)], cwd=project, env={**ENV, "PYTHONPATH": ""},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def test_the_new_site_packs_a_kiosk_with_its_kit(kiosk_built, project, tmp_path):
    """The kiosk build, its launchers, checksums and a guide that names no other program."""
    result = subprocess.run([sys.executable, "-m", "sitekit.kioskpack", str(kiosk_built), str(tmp_path / "k.zip"),
                             "kiosk", "dev/KIOSK.md"], cwd=project, env={**ENV, "PYTHONPATH": "hooks"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "en/index.html", "start-kiosk.sh", "verify.sh", "SHA256SUMS", "KIOSK.md"):
        assert (kiosk_built / name).is_file(), name
    guide = (kiosk_built / "KIOSK.md").read_text(encoding="utf-8")
    assert guide.startswith("# Kios penjelasan / Explainer kiosk\n") and "Prakerja" not in guide


@pytest.mark.browser
def test_the_new_sites_kiosk_works_from_file_with_no_network(kiosk_built, chromium):
    """Opened from file:// as a kiosk computer does: the touch bar is there and nothing
    is fetched from outside the folder."""
    context = guarded_context(chromium, (kiosk_built.resolve().as_uri() + "/",))
    page = context.new_page()
    page.goto((kiosk_built / "index.html").resolve().as_uri())
    wait_for_scripts(page)
    bar = page.locator("nav.px-kiosk-bar")
    assert bar.count() == 1 and bar.is_visible()
    page.goto((kiosk_built / "en" / "index.html").resolve().as_uri())
    wait_for_scripts(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    outside = list(context.outside_requests)
    context.close()
    assert outside == []


def test_the_new_site_writes_a_zim_file(project, tmp_path):
    """The offline file for phones (Kiwix), with the site's own metadata."""
    site = tmp_path / "site-zim"
    for command in ([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.zim.yml", "-d", str(site)],
                    [sys.executable, "-m", "sitekit.zimfile", str(site), str(tmp_path / "s.zim"), "mkdocs.zim.yml"]):
        result = subprocess.run(command, cwd=project, env={**ENV, "PYTHONPATH": "hooks" if "sitekit" in command[2]
                                                          else ""}, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
    from libzim.reader import Archive

    archive = Archive(str(tmp_path / "s.zim"))
    assert archive.entry_count > 10
    assert bytes(archive.get_metadata("Title")).decode() == "Penjelasan Program Contoh"

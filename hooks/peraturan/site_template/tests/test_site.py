"""The site builds strictly and its data holds together.

Run with ``make test`` (or ``.venv/bin/pytest tests``). The build runs
``mkdocs build --strict`` without ``-q``, so MkDocs' own warnings count."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peraturan.build.siteconfig import as_of, read_config, site_profile  # noqa: E402
from peraturan.checker.loader import load_rules  # noqa: E402
from peraturan.legal.loader import load_registry  # noqa: E402


def ruleset():
    profile = site_profile(ROOT / "mkdocs.yml")
    registry = load_registry(ROOT / "regulations", "regulations", profile.instrument_types)
    day = as_of(read_config(ROOT / "mkdocs.yml", "mkdocs.yml"), "mkdocs.yml")
    return load_rules(ROOT / "rules" / "eligibility.yml", registry, day, "rules/eligibility.yml")


def test_the_rules_load_and_every_outcome_is_reached():
    outcomes = {ruleset().evaluate(answers)["outcome"]
                for answers in ({"usia": "ya"}, {"usia": "tidak"}, {"usia": "tidak-tahu"})}
    assert outcomes == {"eligible", "probably-not-eligible", "cannot-tell"}


def test_the_site_builds_strictly_in_both_languages(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    folder = site_profile(ROOT / "mkdocs.yml").regulations_folder
    for page in ("index.html", "cek-kelayakan/index.html", f"{folder}/index.html"):
        assert (site / page).is_file() and (site / "en" / page).is_file(), page

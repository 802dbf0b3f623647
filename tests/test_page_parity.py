"""A page present in one language and missing in the other stops the build."""

from __future__ import annotations

from conftest import mkdocs_build
from peraturan.build.parity import missing_counterparts


def test_engine_names_the_missing_file():
    problems = missing_counterparts(["id/index.md", "en/index.md", "id/kelayakan.md"], ["id", "en"])
    assert [p.format() for p in problems] == [
        "docs/id/kelayakan.md:1:1: has no counterpart: docs/en/kelayakan.md is missing "
        "(translate the page and save it as docs/en/kelayakan.md)"
    ]


def test_engine_reports_both_directions():
    problems = missing_counterparts(["id/a.md", "en/b.md"], ["id", "en"])
    assert {p.path for p in problems} == {"docs/id/a.md", "docs/en/b.md"}


def test_assets_need_no_counterpart():
    assert missing_counterparts(["id/index.md", "en/index.md", "id/img/x.png"], ["id", "en"]) == []


def test_build_fails_when_a_translation_is_missing(docs_copy, tmp_path):
    (docs_copy / "docs/en/index.md").unlink()
    result = mkdocs_build(tmp_path / "out", project=docs_copy, check=False)
    assert result.returncode != 0
    assert "docs/id/index.md:1:1: has no counterpart: docs/en/index.md is missing" in result.stdout + result.stderr

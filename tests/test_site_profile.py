"""A site's profile (``extra.peraturan``): instrument types, the regulations folder and
the checker's JavaScript name come from data, so another program's registry works."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from diag import assert_error, assert_errors, at, position
from peraturan.build.diagnostics import EngineError
from peraturan.build.profile import default_profile, read_profile
from peraturan.build.siteconfig import site_profile
from peraturan.build.yamlsource import parse_yaml
from peraturan.checker.block import checker_markdown
from peraturan.checker.loader import load_rules
from peraturan.explainer.bibliography import load_bibliography, ref_target
from peraturan.legal.loader import load_registry
from peraturan.legal.regpages import json_ld, metadata_table

FIXTURE = Path(__file__).parent / "fixtures" / "regulations" / "perpres-1-2090.yml"
# (type key, cite_as, name in id, name in en): the kinds of instrument another program cites
OTHER_TYPES = [
    ("uu", "UU 1/2090", "Undang-Undang", "Law"),
    ("pp", "PP 1/2090", "Peraturan Pemerintah", "Government Regulation"),
    ("permendagri", "Permendagri 1/2090", "Peraturan Menteri Dalam Negeri", "Minister of Home Affairs Regulation"),
    ("permensos", "Permensos 1/2090", "Peraturan Menteri Sosial", "Minister of Social Affairs Regulation"),
]
PROFILE = """peraturan:
  checker_global: bansosChecker
  regulations_folder: peraturan
  instrument_types:
""" + "".join(f"    {key}: {{id: {name_id}, en: {name_en}}}\n" for key, _, name_id, name_en in OTHER_TYPES)


def registry_folder(tmp_path: Path) -> Path:
    """One synthetic instrument of each other type (the fixture, renamed)."""
    folder = tmp_path / "regulations"
    folder.mkdir()
    text = FIXTURE.read_text(encoding="utf-8")
    for key, cite_as, _, _ in reversed(OTHER_TYPES):
        ident = f"{key}-1-2090"
        (folder / f"{ident}.yml").write_text(
            text.replace("id: perpres-1-2090", f"id: {ident}").replace("type: perpres", f"type: {key}")
            .replace("cite_as: Perpres 1/2090", f"cite_as: {cite_as}")
            .replace("aliases: [Perpres 1 Tahun 2090]", "aliases: []"), encoding="utf-8")
    return folder


def profile_of(text: str):
    return read_profile(parse_yaml(text, "mkdocs.yml")["peraturan"], "mkdocs.yml")


def test_a_uu_pp_permendagri_and_permensos_load_when_the_site_lists_them(tmp_path):
    profile = profile_of(PROFILE)
    registry = load_registry(registry_folder(tmp_path), "regulations", profile.instrument_types)
    assert [i.type for i in registry.ordered()] == ["uu", "pp", "permendagri", "permensos"]  # the profile's order
    uu = registry.instruments["uu-1-2090"]
    assert '<th scope="row">Jenis</th><td>Undang-Undang</td>' in metadata_table(uu, registry, "id")
    assert '<th scope="row">Type</th><td>Law</td>' in metadata_table(uu, registry, "en")
    data = json.loads(re.search(r">(\{.*\})<", json_ld(registry.instruments["pp-1-2090"], registry,
                                                          dt.date(2092, 1, 1))).group(1))
    assert data["legislationType"] == "Peraturan Pemerintah"


def test_a_type_the_site_does_not_list_is_refused_with_the_way_to_add_it(tmp_path):
    folder = registry_folder(tmp_path)
    for path in folder.glob("*.yml"):
        if not path.name.startswith("permensos"):
            path.unlink()
    text = (folder / "permensos-1-2090.yml").read_text(encoding="utf-8")
    with pytest.raises(EngineError) as caught:
        load_registry(folder, "regulations")  # the engine's defaults: no permensos
    assert_error(caught.value, "regulations/permensos-1-2090.yml", *position(text, "type: permensos"),
                 "type must be one of perpres, permenko, kepmenko, permenaker, pmk, perbup",
                 "did you mean 'permenko'? Or add the type under extra.peraturan.instrument_types in mkdocs.yml")


def test_this_site_keeps_its_names_and_the_kiosk_inherits_them():
    for config in ("mkdocs.yml", "mkdocs.kiosk.yml", "mkdocs.zim.yml"):
        profile = site_profile(ROOT / config)
        assert (profile.regulations_folder, profile.checker_global) == ("regulasi", "prakerjaChecker"), config
        assert profile.type_keys == ("perpres", "permenko", "kepmenko", "permenaker", "pmk", "perbup"), config
    assert site_profile(ROOT / "mkdocs.yml").instrument_types == default_profile().instrument_types


def test_a_setting_left_out_takes_the_engine_default():
    profile = profile_of("peraturan:\n  checker_global: bansosChecker\n")
    assert profile.checker_global == "bansosChecker"
    assert profile.regulations_folder == default_profile().regulations_folder
    assert profile.instrument_types == default_profile().instrument_types


def test_the_checker_data_carries_the_api_name(tmp_path):
    registry = load_registry(ROOT / "regulations", "regulations")
    rules = load_rules(ROOT / "rules" / "eligibility.yml", registry, dt.date(2026, 11, 23))
    text = checker_markdown(rules, "id", api_name="bansosChecker")
    data = json.loads(re.search(r'id="px-checker-data">(.*?)</script>', text).group(1).replace("<\\/", "</"))
    assert data["api"] == "bansosChecker"
    script = (ROOT / "overrides" / "assets" / "javascripts" / "checker.js").read_text(encoding="utf-8")
    assert "window[data.api] = {" in script and "prakerja" not in script.lower()


def test_the_engine_names_no_regulations_folder_in_code():
    """The folder comes from the profile: no engine module spells it."""
    engine = [*(ROOT / "hooks").glob("*.py"), *(ROOT / "hooks" / "peraturan").rglob("*.py"),
              *(ROOT / "hooks" / "sitekit").glob("*.py")]
    engine = [p for p in engine if "site_template" not in p.parts]
    spelled = [p.relative_to(ROOT).as_posix() for p in engine
               if re.search(r"""["']regulasi/?["']""", p.read_text(encoding="utf-8"))]
    assert spelled == []


def test_a_kiosk_config_without_a_profile_inherits_its_parents(tmp_path):
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "child.yml").write_text("INHERIT: mkdocs.yml\nextra:\n  kiosk: true\n", encoding="utf-8")
    assert site_profile(tmp_path / "child.yml").checker_global == "prakerjaChecker"
    (tmp_path / "own.yml").write_text(f"INHERIT: mkdocs.yml\nextra:\n  {PROFILE.replace(chr(10), chr(10) + '  ')}",
                                      encoding="utf-8")
    assert site_profile(tmp_path / "own.yml").checker_global == "bansosChecker"


# ---- where the bibliography's entries without an address are listed: data, not code --------------

def bibliography_errors(tmp_path: Path, old: str, new: str) -> tuple[EngineError, str]:
    text = (ROOT / "data" / "bibliography.yml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    (tmp_path / "bibliography.yml").write_text(text, encoding="utf-8")
    with pytest.raises(EngineError) as caught:
        load_bibliography(tmp_path / "bibliography.yml", "data/bibliography.yml")
    return caught.value, text


def test_an_entry_without_an_address_links_to_the_page_the_data_names():
    bibliography = load_bibliography(ROOT / "data" / "bibliography.yml", "data/bibliography.yml")
    study = bibliography.get("rachman-dinnakerkop")
    assert study.url is None and study.list_page == "penelitian.md"
    assert ref_target(study, "kelayakan.md") == "penelitian.md#studi-rachman-dinnakerkop"
    assert ref_target(study, "sub/page.md") == "../penelitian.md#studi-rachman-dinnakerkop"


def test_the_list_pages_are_checked(tmp_path):
    old = "list_pages: {study: penelitian.md, official: tentang-situs.md, news: tentang-situs.md}"
    found, text = bibliography_errors(tmp_path, old, "list_pages: {studies: penelitian.md, official: "
                                      "'javascript:alert(1)', news: tentang-situs.md}")
    assert_errors(found, at("data/bibliography.yml", *position(text, "studies:"), "list_pages: unknown kind 'studies'",
                            "did you mean 'study'?"),
                  at("data/bibliography.yml", *position(text, "official: 'java"),
                     "list_pages.official must be a page path such as penelitian.md"),
                  # and so the entries of those kinds have nowhere to link
                  *[at("data/bibliography.yml", *where, "has no url, and list_pages names no page that lists kind")
                    for where in _entries_without_url(text, ("study", "official"))])


def _entries_without_url(text: str, kinds: tuple[str, ...]) -> list[tuple[int, int]]:
    data = parse_yaml(text, "x")
    return [(entry.line, entry.col) for entry in data["entries"]
            if entry["kind"] in kinds and entry["url"] == "unknown"]

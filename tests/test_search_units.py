"""The site search's build side, without MkDocs or a browser: word rules and
stemming (sitekit.searchwords), the word-list data and its located errors
(sitekit.searchdata), the per-language index (sitekit.sitesearch) and the
guarded patches of Material's bundle and pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from peraturan.build.diagnostics import EngineError
from sitekit import searchdata, sitesearch
from sitekit.searchwords import words

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data_id() -> searchdata.SearchData:
    return searchdata.load(ROOT, "id")


@pytest.fixture(scope="module")
def data_en() -> searchdata.SearchData:
    return searchdata.load(ROOT, "en")


# ---- words and stems -------------------------------------------------------------------------

def test_punctuation_is_split_off_words():
    assert words("(PHK), KTP; Pasal 3(4)b — kartu-kartu. Perpres 36/2020") == [
        "phk", "ktp", "pasal", "kartu", "kartu", "perpres", "36", "2020"]


@pytest.mark.parametrize("family", [
    ["daftar", "mendaftar", "pendaftaran", "didaftarkan"],
    ["latih", "pelatihan", "dilatih"],
    ["syarat", "persyaratan"],
    ["palsu", "pemalsuan", "dipalsukan"],
    ["beku", "dibekukan", "pembekuan"],
])
def test_indonesian_word_forms_meet(data_id, family):
    analyzer = data_id.analyzer()
    assert len({analyzer.stem(word) for word in family}) == 1, [analyzer.stem(w) for w in family]


def test_protected_words_keep_their_meaning(data_id):
    analyzer = data_id.analyzer()
    assert analyzer.stem("peserta") == "peserta"  # Snowball alone gives "serta" ("and")
    assert analyzer.stem("menteri") == "menteri"  # ... and "teri" ("anchovy")
    assert analyzer.stem("periksa") == analyzer.stem("pemeriksaan")


@pytest.mark.parametrize("family", [["apply", "applying", "applies"], ["register", "registering", "registered"],
                                    ["penalty", "penalties"]])
def test_english_word_forms_meet(data_en, family):
    analyzer = data_en.analyzer()
    assert len({analyzer.stem(word) for word in family}) == 1


def test_word_families_join_what_porter2_keeps_apart(data_en):
    analyzer = data_en.analyzer()
    assert analyzer.stem("registration") == analyzer.stem("register") == analyzer.stem("registrations")
    assert analyzer.stem("application") == analyzer.stem("apply")
    assert data_en.families == {"registr": "regist", "applic": "appli"}


def test_stop_words_are_not_indexed(data_id, data_en):
    assert data_id.analyzer().terms("umur berapa yang bisa daftar") == ["umur", "daftar"]
    assert data_en.analyzer().terms("how do I apply for the card") == ["appli", "card"]


# ---- the data files and their errors --------------------------------------------------------

def project_with(tmp_path: Path, lang: str, text: str) -> Path:
    (tmp_path / "data/search").mkdir(parents=True)
    (tmp_path / "includes").mkdir()
    shutil.copy(ROOT / f"includes/abbreviations.{lang}.md", tmp_path / "includes")
    (tmp_path / f"data/search/{lang}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def errors_of(tmp_path: Path, text: str, lang: str = "id") -> list[str]:
    with pytest.raises(EngineError) as caught:
        searchdata.load(project_with(tmp_path, lang, text), lang)
    return [d.format() for d in caught.value.diagnostics]


def test_the_real_data_files_load(data_id, data_en):
    assert any(s.typed == "umur" for s in data_id.synonyms)
    assert any(s.typed == "PHK" and not s.checked for s in data_id.synonyms), "abbreviations join both ways"
    assert "yang" in data_id.stop_words and "the" in data_en.stop_words


@pytest.mark.parametrize(("text", "expected"), [
    ("synonyms:\n  umur: usia\n", "data/search/id.yml:2:3: 'umur' needs a list of the site's words (write 'umur: [word on the site]')"),
    ("synonyms:\n  umur: [usia]\n  Umur: [tahun]\n", "data/search/id.yml:3:3: 'Umur' is listed twice (first at line 2) (join the two lists)"),
    ("synonyms:\n  umur: [umur]\n", "data/search/id.yml:2:10: 'umur' lists itself as a target (a synonym must lead to a different word)"),
    ("synonym:\n  umur: [usia]\n", "data/search/id.yml:1:1: unknown key 'synonym' (did you mean 'synonyms'?)"),
    ("stop_words: [yang, dua kata]\n", "data/search/id.yml:1:20: 'dua kata' in 'stop_words' is not a single word of letters or digits (one lower-case word per entry, at least two letters)"),
    ("protected_words: [peserta, peserta]\n", "data/search/id.yml:1:28: 'peserta' is listed twice in 'protected_words'"),
    ("synonyms:\n  umur: [usia\n", "data/search/id.yml:3:1: invalid YAML"),
    ("word_families:\n  pendaftaran: mendaftar\n", "data/search/id.yml:2:3: 'pendaftaran' and 'mendaftar' already "
     "share the stem 'daftar' (remove the line)"),
    ("word_families:\n  daftar ulang: daftar\n", "data/search/id.yml:2:3: 'daftar ulang: daftar' is not one word "
     "joined to one word (write 'registration: register')"),
    ("word_families: [daftar]\n", "data/search/id.yml:1:1: 'word_families' must be a mapping"),
])
def test_bad_data_is_reported_at_its_line(tmp_path, text, expected):
    found = errors_of(tmp_path, text)
    assert any(line.startswith(expected) for line in found), found


def test_a_target_missing_from_the_site_is_reported_at_its_line(tmp_path):
    root = project_with(tmp_path, "id", "synonyms:\n  umur: [usia]\n  duit:\n    - uang\n    - fulus\n")
    data = searchdata.load(root, "id")
    analyzer = data.analyzer()
    site = set(analyzer.terms("usia minimal 18 tahun, uang insentif"))
    found = [d.format() for d in searchdata.check_targets(data, site, analyzer)]
    assert found == ["data/search/id.yml:5:7: 'duit' -> 'fulus': the word 'fulus' does not occur on the Indonesian "
                     "site (check the spelling; a synonym must lead to words the pages use)"]


# ---- the index builder -----------------------------------------------------------------------

MATERIAL_DOCS = [
    {"location": "", "title": "Beranda", "text": "<p>Kartu Prakerja untuk pencari kerja.</p>"},
    {"location": "kelayakan/", "title": "Siapa yang bisa ikut", "text": "<p>Usia paling rendah 18 tahun (KTP).</p>"},
    {"location": "kelayakan/#syarat", "title": "Syarat", "text": "<p>Pendaftaran &amp; persyaratan.</p>"},
    {"location": "regulasi/", "title": "Daftar peraturan", "text": "<p>Perpres 36/2020.</p>"},
    {"location": "en/", "title": "Home", "text": "<p>Kartu Prakerja for job seekers.</p>"},
    {"location": "en/kelayakan/", "title": "Who can take part", "text": "<p>Age at least 18.</p>"},
]


def test_each_language_gets_its_own_index(data_id, data_en):
    index_id = sitesearch.build_index("id", MATERIAL_DOCS, data_id.__class__(lang="id", label="id.yml"),
                                    "regulasi")
    index_en = sitesearch.build_index("en", MATERIAL_DOCS, data_en.__class__(lang="en", label="en.yml"))
    assert [d["location"] for d in index_id.data["docs"]] == ["", "kelayakan/", "kelayakan/#syarat", "regulasi/"]
    assert [d["location"] for d in index_en.data["docs"]] == ["en/", "en/kelayakan/"]
    assert index_id.data["config"]["px"]["kinds"] == [0, 0, 0, 1]


def test_the_index_holds_plain_text_and_stems():
    data = searchdata.SearchData(lang="id", label="id.yml", stop_words=frozenset({"yang"}))
    index = sitesearch.build_index("id", MATERIAL_DOCS, data)
    px = index.data["config"]["px"]
    assert index.data["docs"][2]["text"] == "Pendaftaran & persyaratan."
    assert px["stems"][px["words"]["pendaftaran"]] == "daftar"
    assert px["stems"][px["words"]["persyaratan"]] == "syarat"
    assert "yang" not in px["words"]
    json.loads(index.json_text())


def test_snippet_text_has_no_space_before_punctuation():
    """Where a note mark was left out of the index, "pelatihan ." would show in a result."""
    assert sitesearch.plain("setelah pelatihan <span> </span>. Pada 2020 (<em>x</em> ), ya ; lalu") == \
        "setelah pelatihan. Pada 2020 (x), ya; lalu"


def test_synonyms_land_in_their_own_field():
    data = searchdata.SearchData(lang="id", label="id.yml",
                                 synonyms=[searchdata.Synonym("umur", ("usia",), ((2, 3),))])
    index = sitesearch.build_index("id", MATERIAL_DOCS, data)
    px = index.data["config"]["px"]
    umur = px["stems"].index("umur")
    assert [umur in ids for ids in px["synonyms"]] == [False, True, False, False]
    assert "umur" not in px["words"], "a synonym is not a word of the page text"


def test_a_one_word_synonym_widens_the_query():
    data = searchdata.SearchData(lang="id", label="id.yml", synonyms=[
        searchdata.Synonym("umur", ("usia",), ((2, 3),)),
        searchdata.Synonym("kk", ("kartu prakerja",), ((3, 3),)),
        searchdata.Synonym("KTP", ("kartu tanda penduduk",), ((4, 1),), checked=False)])
    px = sitesearch.build_index("id", MATERIAL_DOCS, data).data["config"]["px"]
    assert {stem: [px["stems"][i] for i in ids] for stem, ids in px["expand"].items()} == {"umur": ["usia"]}, \
        "phrases and glossary pairs only fill the synonym field"


def test_a_synonym_to_nowhere_stops_the_index():
    data = searchdata.SearchData(lang="id", label="data/search/id.yml",
                                 synonyms=[searchdata.Synonym("duit", ("fulus",), ((4, 9),))])
    with pytest.raises(EngineError, match=r"data/search/id.yml:4:9: 'duit' -> 'fulus'"):
        sitesearch.build_index("id", MATERIAL_DOCS, data)


# ---- guarded patches -------------------------------------------------------------------------

BUNDLE = ('function ks(){return location.protocol==="file:"?_t(`${new URL("search/search_index.js",Or.base)}`)'
          '.pipe(m(()=>__index),Z(1)):ze(new URL("search/search_index.json",Or.base))}')


def fake_site(tmp_path: Path, bundle: str = BUNDLE) -> Path:
    site = tmp_path / "site"
    (site / "assets/javascripts").mkdir(parents=True)
    (site / "assets/javascripts/bundle.12345678.min.js").write_text(bundle, encoding="utf-8")
    (site / "index.html").write_text(
        '<script id="__config" type="application/json">{"search": '
        '"assets/javascripts/workers/search.a7633da7.min.js"}</script>', encoding="utf-8")
    return site


def test_the_bundle_loads_the_page_languages_index(tmp_path):
    site = fake_site(tmp_path)
    sitesearch.patch_bundle(site)
    text = next(site.glob("assets/javascripts/bundle.*")).read_text(encoding="utf-8")
    assert '"search/index."+document.documentElement.lang+".json"' in text
    assert '"search/index."+document.documentElement.lang+".js"' in text
    sitesearch.patch_bundle(site)  # a second run leaves it alone


def test_a_changed_bundle_stops_the_build(tmp_path):
    site = fake_site(tmp_path, BUNDLE.replace("search/search_index.json", "search/other.json"))
    with pytest.raises(sitesearch.SearchError, match="Material upgrade"):
        sitesearch.patch_bundle(site)


def test_every_page_is_pointed_at_the_new_worker(tmp_path):
    site = fake_site(tmp_path)
    name = sitesearch.install_worker(ROOT, site)
    assert f'"assets/javascripts/workers/{name}"' in (site / "index.html").read_text(encoding="utf-8")
    assert "pxStemmers" in (site / "assets/javascripts/workers" / name).read_text(encoding="utf-8")
    (site / "en").mkdir()
    (site / "en/index.html").write_text('<script id="__config">{"search": "elsewhere.js"}</script>', encoding="utf-8")
    with pytest.raises(sitesearch.SearchError, match="en/index.html: expected Material's search worker once"):
        sitesearch.install_worker(ROOT, site)


def test_the_default_language_is_the_sites_not_indonesian():
    """A site whose default (root) language is English keeps Indonesian in id/."""
    languages = ("en", "id")
    assert sitesearch.page_language("kelayakan/", languages) == "en"
    assert sitesearch.page_language("id/kelayakan/", languages) == "id"
    assert sitesearch.page_language("identitas/", languages) == "en"  # a folder that only starts like "id"
    assert sitesearch.page_kind("id/regulasi/perpres-36-2020/", "regulasi", languages) == sitesearch.REGULATION
    assert sitesearch.page_kind("regulasi/perpres-36-2020/", "regulasi", languages) == sitesearch.REGULATION
    assert sitesearch.page_kind("id/kelayakan/", "regulasi", languages) == sitesearch.EXPLAINER
    # this site: Indonesian at the root
    assert sitesearch.page_language("en/kelayakan/") == "en" and sitesearch.page_language("kelayakan/") == "id"


def test_a_language_without_word_rules_is_a_located_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  i18n:\n    languages:\n      - locale: id\n"
                                         "        default: true\n      - locale: jv\n", encoding="utf-8")
    with pytest.raises(EngineError) as raised:
        searchdata.load(tmp_path, "jv")
    [problem] = raised.value.diagnostics
    assert (problem.path, problem.line) == ("mkdocs.yml", 6)
    assert "no word rules for the language 'jv' (it has en, id)" in problem.message
    assert "searchwords.py" in problem.suggestion

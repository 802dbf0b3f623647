"""Random input never ends in a traceback: only the engine's own located errors.

Hypothesis writes random YAML documents (random shapes, and random edits of the
real files) for every loader, and random Markdown for the page pass. A loader
may accept the input or raise ``EngineError``; anything else is a bug.
Kept small (a few seconds): the table in test_bad_input.py covers each class.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from peraturan.build import siteconfig, words
from peraturan.build.diagnostics import EngineError
from peraturan.checker.loader import load_rules
from peraturan.explainer import data as site_data
from peraturan.legal.corpus import check_corpus
from peraturan.legal.loader import load_registry

AS_OF = dt.date(2026, 11, 23)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**9), st.floats(allow_nan=False),
                    st.text(max_size=30), st.dates(), st.sampled_from(["unknown", "https://x.example/", "a"]))
keys = st.one_of(st.sampled_from(["id", "en", "type", "key", "label", "valid_from", "text", "from", "to", "cite",
                                  "versions", "items", "url", "title", "notes", "relations", "provisions"]),
                 st.text(max_size=8))
documents = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(keys, inner, max_size=5)), max_leaves=20)


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "regulations", "regulations")


def _only_our_errors(call) -> None:
    try:
        call()
    except EngineError as error:
        assert error.diagnostics and all(d.path for d in error.diagnostics)


def _mutate(text: str, position: int, insert: str, cut: int) -> str:
    position %= len(text) + 1
    return text[:position] + insert + text[position + cut:]


REAL_FILES = ["regulations/perpres-36-2020.yml", "rules/eligibility.yml", "data/amounts.yml", "data/limits.yml",
              "data/authority.yml", "data/bibliography.yml"]


def _loader(name: str, root: Path, registry):
    if name.startswith("regulations/"):
        return lambda: load_registry(root / "regulations", "regulations")
    if name.startswith("rules/"):
        return lambda: load_rules(root / name, registry, AS_OF, name)
    return lambda: site_data.load(root, registry, AS_OF)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for name in ("regulations", "data", "rules", "includes"):
        shutil.copytree(ROOT / name, root / name)
    return root


@FUZZ
@given(name=st.sampled_from(REAL_FILES), document=documents)
def test_random_yaml_documents(project, registry, name, document):
    path = project / name
    original = path.read_bytes()
    try:
        path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        _only_our_errors(_loader(name, project, registry))
    finally:
        path.write_bytes(original)


@FUZZ
@given(name=st.sampled_from(REAL_FILES), position=st.integers(0, 10**6), cut=st.integers(0, 40),
       insert=st.lists(st.sampled_from(list(":-[]{}'\"\n #&*!|>\t\x01\u200ba1") + ["- ", ": ", "\n  "]),
                       max_size=8).map("".join))
def test_random_edits_of_the_real_files(project, registry, name, position, cut, insert):
    path = project / name
    original = path.read_bytes()
    try:
        path.write_text(_mutate(original.decode("utf-8"), position, insert, cut), encoding="utf-8")
        _only_our_errors(_loader(name, project, registry))
    finally:
        path.write_bytes(original)


@FUZZ
@given(document=documents)
def test_random_config_files(tmp_path_factory, document):
    root = tmp_path_factory.mktemp("cfg")
    (root / "docs" / "id").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    siteconfig.check_files(root / "mkdocs.yml", root / "docs", ["id", "en"], "regulasi")  # returns, never raises


profile_keys = st.sampled_from(["regulations_folder", "checker_global", "instrument_types", "pp", "id", "en", "x"])
profiles = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                         st.dictionaries(profile_keys, inner, max_size=4)),
                        max_leaves=12)


@FUZZ
@given(document=profiles)
def test_random_site_profiles(tmp_path_factory, document):
    """``extra.peraturan`` (peraturan/build/profile.py): accepted, or our own located errors."""
    root = tmp_path_factory.mktemp("profile")
    (root / "docs" / "id").mkdir(parents=True)
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "X", "extra": {"peraturan": document}}, allow_unicode=True),
                      encoding="utf-8")
    siteconfig.check_files(config, root / "docs", ["id", "en"], "regulasi")  # returns, never raises
    _only_our_errors(lambda: siteconfig.site_profile(config))


word_keys = st.sampled_from(["legal_basis", "months", "summary_titles", "kiosk_links", "id", "en", "heading", "qr"])
site_words = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=12),
                                                           st.dictionaries(word_keys, inner, max_size=4)),
                          max_leaves=16)


@FUZZ
@given(document=site_words)
def test_random_site_words(tmp_path_factory, document):
    """``data/words.yml`` (peraturan/build/words.py): applied, or our own located errors."""
    path = tmp_path_factory.mktemp("words") / "words.yml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    try:
        _only_our_errors(lambda: words.use_site_words(path, "data/words.yml"))
    finally:
        words.use_site_words(path.with_name("none.yml"), "data/words.yml")  # the engine's words again


markdown = st.lists(st.one_of(st.text(max_size=40), st.sampled_from([
    "[[", "]]", "[[Perpres 1/2090 Pasal 3]]", "[[Perpres 1/2090", "---\n", "title: x\n", "```\n", "`", "<!-- px:",
    "-->", "<!-- px:value key=as_of -->", "[@x]", "\n", "# J\n", "!!! note\n    ", "\u200b", "\x01", "{ #a }"])),
    max_size=20).map("".join)


@pytest.fixture(scope="module")
def fixture_registry():
    return load_registry(Path(__file__).parent / "fixtures" / "regulations", "tests/fixtures/regulations")


@FUZZ
@given(text=markdown)
def test_random_markdown_pages(tmp_path_factory, fixture_registry, text):
    docs = tmp_path_factory.mktemp("docs")
    for lang in ("id", "en"):
        (docs / lang).mkdir()
        (docs / lang / "halaman.md").write_text(text, encoding="utf-8")
    corpus = check_corpus(docs, ["id", "en"], fixture_registry, dt.date(2092, 1, 1))
    assert all(d.path and d.message for d in corpus.diagnostics)

"""The interface words the engine writes into pages are data: the engine's
``hooks/peraturan/build/words.yml``, with a site's own ``data/words.yml`` laid over it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from diag import assert_errors, at, position
from peraturan.build import dates, words
from peraturan.build.diagnostics import EngineError
from peraturan.explainer import sitedata
from peraturan.legal import legalbasis, regpages, render
from sitekit import kiosk_links

LABEL = "data/words.yml"


@pytest.fixture(autouse=True)
def engine_words(tmp_path):
    """Every test starts and ends with the engine's own words."""
    words.use_site_words(tmp_path / "none.yml", LABEL)
    yield
    words.use_site_words(tmp_path / "none.yml", LABEL)


def site_words(tmp_path: Path, text: str) -> tuple[Path, str]:
    path = tmp_path / "words.yml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_every_module_reads_its_words_from_the_data_file():
    data = yaml.safe_load(words.DEFAULTS.read_text(encoding="utf-8"))
    assert render.LABELS is words.table("citation_labels") and render.LABELS == data["citation_labels"]
    assert legalbasis.WORDS == data["legal_basis"] and regpages.WORDS == data["regulation_pages"]
    # one month table for every date written in words
    assert dates.MONTHS is kiosk_links.MONTHS is words.table("months")
    assert sitedata.Day(2026, 11).format("en") == "November 2026"
    assert render.format_date(__import__("datetime").date(2026, 11, 23), "id") == "23 November 2026"


def test_a_site_rewords_the_engine_and_the_next_build_without_the_file_gets_the_engines_words(tmp_path):
    path, _ = site_words(tmp_path, "legal_basis:\n  en: {heading: Legal grounds}\nmonths:\n"
                                   "  en: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec]\n")
    assert words.use_site_words(path, LABEL) is True
    assert legalbasis.WORDS["en"] == {"heading": "Legal grounds", "mark": "Legal basis"}  # the rest stays
    assert render.format_date(__import__("datetime").date(2026, 11, 23), "en") == "23 Nov 2026"
    assert words.use_site_words(path, LABEL) is False  # same words: the caches may stay
    assert words.use_site_words(tmp_path / "gone.yml", LABEL) is True
    assert legalbasis.WORDS["en"]["heading"] == "Legal basis"


def test_bad_site_words_are_located_errors(tmp_path):
    path, text = site_words(tmp_path, "\n".join([
        "legal_basis:",
        "  en: {heading: Legal grounds, headline: x}",
        "  de: {heading: Rechtsgrundlage}",
        "months:",
        "  id: [Jan, Feb]",
        "summary_titles: {en: [In, short]}",
        "regulation_page: {}",
        ""]))
    with pytest.raises(EngineError) as caught:
        words.use_site_words(path, LABEL)
    assert_errors(caught.value,
                  at(LABEL, *position(text, "headline"), "legal_basis.en: unknown key 'headline'",
                     "did you mean 'heading'?"),
                  at(LABEL, *position(text, "de:"), "legal_basis: unknown key 'de'", "use one of id, en"),
                  at(LABEL, *position(text, "id: [Jan"), "months.id must be a list of 12 words",
                     "e.g. [Januari, Februari, Maret, ...]"),
                  at(LABEL, *position(text, "en: [In"), "summary_titles.en must be text, got a list",
                     "e.g. 'In short'"),
                  at(LABEL, *position(text, "regulation_page:"), "unknown word table 'regulation_page'",
                     "did you mean 'regulation_pages'?"))
    assert legalbasis.WORDS["en"]["heading"] == "Legal basis"  # nothing was applied


def test_site_words_are_plain_text_with_the_engines_placeholders(tmp_path):
    path, text = site_words(tmp_path, "\n".join([
        "legal_basis:",
        "  id: {heading: '<script>alert(1)</script>'}",
        "  en: {mark: '[basis](javascript:alert(1))'}",
        "kiosk_links:",
        "  en: {qr: 'QR code', note: 'QR {n}: source {n} {: onclick=x}'}",
        "regulation_pages:",
        "  en: {history: \"Earlier\u200bversions\"}",
        "months:",
        "  en: [Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, '*Dec*']",
        ""]))
    with pytest.raises(EngineError) as caught:
        words.use_site_words(path, LABEL)
    assert_errors(caught.value,
                  at(LABEL, *position(text, "heading:"), "legal_basis.id.heading: '<script>alert(1)</script>' "
                     "holds < >", "interface words are plain text"),
                  at(LABEL, *position(text, "mark:"), "legal_basis.en.mark: '[basis](javascript:alert(1))' "
                     "holds [ ]"),
                  at(LABEL, *position(text, "qr:"), "kiosk_links.en.qr: 'QR code' must keep the engine word's "
                     "placeholders ({url})", "the engine's word: 'QR code for {url}'"),
                  at(LABEL, *position(text, "note:"), "must keep the engine word's placeholders ({n})"),
                  at(LABEL, *position(text, "history:"), "'Earlier<U+200B>versions' holds an invisible character"),
                  at(LABEL, *position(text, "'*Dec*'"), "months.en[11]: '*Dec*' holds *"))
    assert legalbasis.WORDS["id"]["heading"] == "Dasar hukum"


def test_a_site_words_file_that_is_not_a_mapping_is_refused(tmp_path):
    path, _ = site_words(tmp_path, "- legal_basis\n")
    with pytest.raises(EngineError) as caught:
        words.use_site_words(path, LABEL)
    assert_errors(caught.value, at(LABEL, 1, 1, "must be a mapping of word tables"))


# The words of the site's templates and scripts (overrides/): one table per component.
TEMPLATE_TABLES = {
    "notice": ("overrides/partials/notice.html", "overrides/partials/print-notice.html"),
    "print_page": ("overrides/main.html", "overrides/partials/print-notice.html"),
    "not_found": ("overrides/404.html",),
    "preview": ("overrides/main.html",),  # into #px-words, for cite-preview.js
    "search_help": ("overrides/main.html",),  # into #px-words, for search-help.js
    "kiosk": ("overrides/partials/kiosk-bar.html",),
}
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", TEMPLATE_TABLES)
def test_each_template_table_has_both_languages_with_the_same_keys_and_placeholders(name):
    table = words.table(name)
    assert list(table) == ["id", "en"]
    assert table["id"].keys() == table["en"].keys() and table["id"]
    for key, word in table["id"].items():
        assert sorted(words.PLACEHOLDER.findall(word)) == sorted(words.PLACEHOLDER.findall(table["en"][key])), key
    assert words.for_page(name, "en") is table["en"] and words.for_page(name) is table
    assert words.for_page(name, "de") is table["id"]  # a language without words gets the first one's
    for template in TEMPLATE_TABLES[name]:
        assert f'px_words("{name}"' in (ROOT / template).read_text(encoding="utf-8"), template


@pytest.mark.parametrize(("name", "key", "word"), [
    ("notice", "checked", "Fakta diperiksa sampai {date}."),
    ("print_page", "button", "Cetak"),
    ("not_found", "home", "Ke beranda"),
    ("preview", "open", "Baca pasalnya"),
    ("search_help", "nothing_found", "Belum ketemu. Lihat {questions} atau {checker}."),
    ("kiosk", "idle_countdown", "Beranda dalam {seconds} detik."),
])
def test_a_site_rewords_a_template_table(tmp_path, name, key, word):
    path, _ = site_words(tmp_path, f"{name}:\n  id: {{{key}: '{word}'}}\n")
    english = dict(words.for_page(name, "en"))
    assert words.use_site_words(path, LABEL) is True
    assert words.for_page(name, "id")[key] == word
    assert words.for_page(name, "en") == english  # the other language keeps the engine's words


def test_template_words_keep_their_placeholders_and_stay_plain_text(tmp_path):
    path, text = site_words(tmp_path, "\n".join([
        "notice:",
        "  id: {checked: Fakta hukum diperiksa.}",
        "search_help:",
        "  en: {nothing_found: 'Try {checker}.'}",
        "preview:",
        "  en: {open: '<b>Open</b>'}",
        "kiosk:",
        "  id: {home: Rumah, homepage: Beranda}",
        ""]))
    with pytest.raises(EngineError) as caught:
        words.use_site_words(path, LABEL)
    assert_errors(caught.value,
                  at(LABEL, *position(text, "checked:"), "notice.id.checked: 'Fakta hukum diperiksa.' must keep "
                     "the engine word's placeholders ({date})"),
                  at(LABEL, *position(text, "nothing_found:"), "search_help.en.nothing_found: 'Try {checker}.' must "
                     "keep the engine word's placeholders ({checker} {questions})"),
                  at(LABEL, *position(text, "open:"), "preview.en.open: '<b>Open</b>' holds < >"),
                  at(LABEL, *position(text, "homepage"), "kiosk.id: unknown key 'homepage'"))
    assert words.for_page("kiosk", "id")["home"] == "Beranda"

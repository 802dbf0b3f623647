"""Plain language: the "Singkatnya" / "In short" summaries and the sentence measure behind them."""

from __future__ import annotations

from pathlib import Path

import pytest

from peraturan.explainer import sentences

ROOT = Path(__file__).resolve().parent.parent
EXPLAINERS = ("tentang-prakerja", "kelayakan", "cara-kerja", "kewenangan", "kewajiban-sanksi", "banyumas")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", EXPLAINERS)
def test_each_explainer_opens_with_a_short_cited_summary(lang, page):
    path = ROOT / "docs" / lang / f"{page}.md"
    text = path.read_text(encoding="utf-8")
    title, line, found = sentences.summary(text)
    assert title == sentences.SUMMARY_TITLES[lang], f"{path}: no summary box"
    lines = text.split("\n")
    heading = next(n for n, t in enumerate(lines, start=1) if t.startswith("# "))
    assert [t for t in lines[heading:line - 1] if t.strip()] == [], f"{path}:{line}: the summary must come first"
    assert 3 <= len(found) <= 5, f"{path}:{line}: {len(found)} sentences (3 to 5)"
    for sentence in found:
        assert sentence.words <= 25, f"{path}:{sentence.line}: {sentence.words} words: {sentence.text}"
        assert "[[" in sentence.text or "[@" in sentence.text, f"{path}:{sentence.line}: not cited: {sentence.text}"


def test_words_leave_out_citations_and_markup_and_count_a_value_once():
    assert sentences.words("Anda **wajib** mendaftar [[Permenko Perekonomian 11/2020 Pasal 7 ayat (1)]].") == 3
    assert sentences.words("Umur <!-- px:value key=age_min --> tahun [@bps-sakernas].") == 3
    assert sentences.words('Lihat [prakerja.go.id](https://www.prakerja.go.id/) <span lang="id">dulu</span>.') == 3
    assert sentences.words("Rp3.550.000 per orang") == 3


def test_split_keeps_abbreviations_and_splits_after_bold():
    text = "**Ini kalimat pertama.** Ini kedua, mis. dengan contoh. No. 5 tetap satu? Ya."
    assert sentences.split(text) == ["**Ini kalimat pertama.**", "Ini kedua, mis. dengan contoh.",
                                     "No. 5 tetap satu?", "Ya."]
    assert sentences.split("Kata kerja. Dinas bekerja.") == ["Kata kerja.", "Dinas bekerja."]


def test_page_sentences_skip_headings_tables_code_quotes_and_blocks():
    page = ("---\ndescription: x\n---\n\n# Judul panjang sekali\n\nSatu dua tiga.\n\n| a | b |\n\n"
            "```\nkode di sini.\n```\n\n<!-- px:provision cite=\"X\" -->\n\n"
            "<blockquote lang=\"id\">Bunyi pasal yang panjang.</blockquote>\n\n- Butir satu.\n- Butir dua dan tiga.\n")
    assert [(s.line, s.words) for s in sentences.sentences(page)] == [(7, 3), (19, 2), (20, 4)]


def test_figures_report_count_mean_max_and_long_sentences():
    found = [sentences.Sentence(1, 10, ""), sentences.Sentence(2, 30, "")]
    assert sentences.figures(found) == {"sentences": 2, "mean": 20, "max": 30, "over_25": 1}

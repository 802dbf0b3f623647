"""Sentence length per explainer page (plain-language report; never asserted here).

Usage: .venv/bin/python benchmarks/sentence_length.py [--ref GIT_REF] [--json OUT]

For each explainer page in both languages: the number of sentences, the mean and the
longest length in words, and how many run over 25 words, for the whole page and for its
opening "Singkatnya" / "In short" summary. With --ref, the pages are read from that git
revision instead of the working tree (e.g. --ref main~3 for "before").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peraturan.explainer import sentences  # noqa: E402

PAGES = ("tentang-prakerja", "kelayakan", "cara-kerja", "kewenangan", "kewajiban-sanksi", "banyumas")


def read(lang: str, page: str, ref: str | None) -> str:
    rel = f"docs/{lang}/{page}.md"
    if ref is None:
        return (ROOT / rel).read_text(encoding="utf-8")
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:{rel}"], capture_output=True, text=True,
                          check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ref", default=None)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    rows = []
    for lang in ("id", "en"):
        for page in PAGES:
            text = read(lang, page, args.ref)
            _, _, summary = sentences.summary(text)
            rows.append({"page": f"{lang}/{page}", "page_figures": sentences.figures(sentences.sentences(text)),
                         "summary": sentences.figures(summary)})
    print(f"{'page':28} {'sent':>5} {'mean':>5} {'max':>4} {'>25':>4} | {'summary: sent':>13} {'mean':>5} {'max':>4} "
          f"{'>25':>4}")
    for row in rows:
        p, s = row["page_figures"], row["summary"]
        print(f"{row['page']:28} {p['sentences']:>5} {p['mean']:>5} {p['max']:>4} {p['over_25']:>4} | "
              f"{s['sentences']:>13} {s['mean']:>5} {s['max']:>4} {s['over_25']:>4}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

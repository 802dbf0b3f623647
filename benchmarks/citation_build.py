"""Build time with and without the citation hooks, on synthetic corpora.

Reported, never asserted. For each size (pages per language) the same
synthetic pages are built twice per repeat, side by side: once with
hooks/citations.py, once without it (both without the content and checker
hooks, which the synthetic pages do not use) (the ``[[...]]`` markers then stay plain
text, and the regulation pages are the ones the first build generated). The
ratio of the medians shows what the citation engine costs.

    .venv/bin/python benchmarks/citation_build.py --sizes 250 500 1000 2000 --repeats 3
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scale_build import list_regulation_pages  # noqa: E402
from scale_build import make_project as make_corpus  # noqa: E402

from peraturan.legal.loader import load_registry  # noqa: E402

UNUSED_HOOKS = ("hooks/content.py", "hooks/checker.py")


def make_project(target: Path, pages: int, per_page: int, layout: str) -> None:
    """The synthetic project of ``scale_build.py``; ``mkdocs.yml`` without the
    content and checker hooks (the synthetic pages use no data blocks and no
    checker, and those hooks need the registry that hooks/citations.py loads),
    ``mkdocs.without.yml`` also without hooks/citations.py."""
    make_corpus(target, pages, per_page, layout)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    for hook in UNUSED_HOOKS:
        config = config.replace(f"  - {hook}\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    registry = load_registry(ROOT / "regulations", "regulations")
    without = list_regulation_pages(config.replace("  - hooks/citations.py\n", ""), registry)
    (target / "mkdocs.without.yml").write_text(without, encoding="utf-8")


def build(project: Path, config: str, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--citations", type=int, default=20)
    parser.add_argument("--layout", choices=("nested", "flat"), default="nested")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "citation_build.json")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            make_project(project, size, args.citations, args.layout)
            build(project, "mkdocs.yml", Path(tmp) / "warm")  # generates regulation pages, warms caches
            with_times, without_times = [], []
            for _ in range(args.repeats):  # interleaved, so machine noise hits both alike
                with_times.append(build(project, "mkdocs.yml", Path(tmp) / "with"))
                without_times.append(build(project, "mkdocs.without.yml", Path(tmp) / "without"))
        w, wo = statistics.median(with_times), statistics.median(without_times)
        row = {"pages_per_language": size, "citations_per_page": args.citations, "repeats": args.repeats,
               "median_with_s": round(w, 2), "median_without_s": round(wo, 2), "ratio": round(w / wo, 3),
               "ms_per_page_with": round(1000 * w / (2 * size), 2),
               "ms_per_page_without": round(1000 * wo / (2 * size), 2)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("\n| pages/lang | with (s) | without (s) | ratio | ms/page with | ms/page without |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['pages_per_language']} | {r['median_with_s']} | {r['median_without_s']} | {r['ratio']} "
              f"| {r['ms_per_page_with']} | {r['ms_per_page_without']} |")


if __name__ == "__main__":
    main()

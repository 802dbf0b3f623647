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
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peraturan.registry import load_registry  # noqa: E402

UNUSED_HOOKS = ("hooks/content.py", "hooks/checker.py")


def citable(as_of: dt.date) -> list[str]:
    """Citation bodies that resolve on the site's as-of date (from the real registry)."""
    registry = load_registry(ROOT / "regulations", "regulations")
    bodies = []
    for instrument in registry.instruments.values():
        for ref, provision in instrument.provisions.items():
            version = provision.version_at(as_of)
            if version is None:
                continue
            bodies.append(f"{instrument.cite_as} {ref.indonesian()}")
            bodies += [f"{instrument.cite_as} {ref.indonesian()} huruf {k}" for k in version.items if k.isalpha()]
    return sorted(bodies)


def make_project(target: Path, pages: int, per_page: int, seed: int = 7) -> None:
    for name in ("hooks", "overrides", "regulations", "rules", "includes", "data"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    as_of = dt.date.fromisoformat(config.split("as_of:")[1].split()[0])
    bodies = citable(as_of)
    rng = random.Random(seed)
    nav = ["nav:", "  - Beranda: index.md", "  - Peraturan: regulasi/index.md", "  - Halaman:"]
    for lang in ("id", "en"):
        folder = target / "docs" / lang
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("# Beranda\n\nHalaman uji.\n", encoding="utf-8")
    for number in range(pages):
        chosen = [rng.choice(bodies) for _ in range(per_page)]
        paragraphs = [f"Paragraf {i} menjelaskan aturan dengan rujukan [[{body}]] dalam kalimat biasa."
                      for i, body in enumerate(chosen)]
        for lang in ("id", "en"):
            title = f"Halaman {number}" if lang == "id" else f"Page {number}"
            text = f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
            (target / "docs" / lang / f"p{number:05d}.md").write_text(text, encoding="utf-8")
        nav.append(f"      - p{number:05d}.md")
    start, end = config.index("\nnav:"), config.index("\nplugins:")
    config = config[:start] + "\n" + "\n".join(nav) + config[end:]
    config = config.replace("omitted_files: warn", "omitted_files: info")
    # The synthetic pages use no data blocks and no checker, and those hooks need the
    # registry that hooks/citations.py loads: leave them out of both variants, so the
    # only difference between the two builds is the citation hook.
    for hook in UNUSED_HOOKS:
        config = config.replace(f"  - {hook}\n", "")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # Same nav in both variants: without the hook, list the generated pages explicitly.
    registry = load_registry(ROOT / "regulations", "regulations")
    section = "  - Peraturan:\n      - regulasi/index.md\n" + "".join(
        f"      - {json.dumps(i.cite_as)}: regulasi/{i.id}.md\n" for i in registry.ordered())
    without = config.replace("  - hooks/citations.py\n", "").replace("  - Peraturan: regulasi/index.md\n", section)
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
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "citation_build.json")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            make_project(project, size, args.citations)
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

"""How build time and memory grow with the number of pages: the full config
against a plain Material + static-i18n build of the same pages.

Reported, never asserted. For each size (pages per language) one synthetic
project is generated and built in two variants, interleaved (full, plain,
full, plain ...) so that machine noise hits both alike:

- **full**: the site's own ``mkdocs.yml`` (every hook, overrides, extra CSS and
  JS), its nav replaced by the synthetic pages;
- **plain**: Material + search + static-i18n with the same theme features,
  Markdown extensions and pages, and **no** hooks, overrides or extra assets
  (the ``[[...]]`` citations stay plain text; the regulation pages are the ones
  the full build generated, listed in the nav by hand).

Each build's wall time and peak memory (RSS of the build process, from
``wait4``) are taken; the medians are reported with their ratio, per page and
side by side. One more full build runs under ``benchmarks/build_profile.py``
for each part's exclusive time (hooks, Markdown, templates with the nav).

The corpus is grouped like a real large site (``--layout nested``, default):
one level-1 section "Program" holding programs of up to 20 regencies, each a
section of 25 pages, and Material's ``navigation.prune``, so a page carries
only its own branch of the nav (see dev/SCALE.md). ``--layout flat`` puts
every page into one level-1 section without prune (the old corpus), to show
what an unpruned nav costs.

    .venv/bin/python benchmarks/scale_build.py --sizes 250 500 1000 2000 --repeats 3
    .venv/bin/python benchmarks/scale_build.py --sizes 1000 --layout flat --source /path/to/other/checkout
    .venv/bin/python benchmarks/scale_build.py --sizes 250 --keep /tmp/proj   # keep the project to time it by hand
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peraturan.legal.loader import load_registry  # noqa: E402

PAGES_PER_SECTION = 25
SECTIONS_PER_PROGRAM = 20
PROJECT_FOLDERS = ("hooks", "overrides", "regulations", "rules", "includes", "data")


def citable(registry, as_of: dt.date) -> list[str]:
    """Citation bodies that resolve on the site's as-of date (from the real registry)."""
    bodies = []
    for instrument in registry.instruments.values():
        for ref, provision in instrument.provisions.items():
            version = provision.version_at(as_of)
            if version is None:
                continue
            bodies.append(f"{instrument.cite_as} {ref.indonesian()}")
            bodies += [f"{instrument.cite_as} {ref.indonesian()} huruf {k}" for k in version.items if k.isalpha()]
    return sorted(bodies)


def page_paths(pages: int, layout: str) -> list[tuple[str, str, str]]:
    """(program, regency, path without the language folder) for every synthetic page."""
    out = []
    for number in range(pages):
        section = number // PAGES_PER_SECTION
        program = section // SECTIONS_PER_PROGRAM
        if layout == "flat":
            out.append(("", "", f"p{number:05d}.md"))
        else:
            out.append((f"Program {program + 1:02d}", f"Kabupaten {section + 1:03d}",
                        f"program-{program + 1:02d}/kab-{section + 1:03d}/p{number:05d}.md"))
    return out


def nav_lines(paths: list[tuple[str, str, str]], layout: str) -> list[str]:
    lines = ["nav:", "  - Beranda: index.md", "  - Peraturan: regulasi/index.md"]
    if layout == "flat":
        return lines + ["  - Halaman:"] + [f"      - {path}" for _, _, path in paths]
    lines.append("  - Program:")
    program = regency = None
    for prog, reg, path in paths:
        if prog != program:
            lines.append(f"      - {prog}:")
            program, regency = prog, None
        if reg != regency:
            lines.append(f"          - {reg}:")
            regency = reg
        lines.append(f"              - {path}")
    return lines


def make_project(target: Path, pages: int, per_page: int, layout: str = "nested", source: Path = ROOT,
                 seed: int = 7) -> None:
    """A copy of the site's machinery (from ``source``) with synthetic pages, and two configs."""
    for name in PROJECT_FOLDERS:
        if (source / name).exists():
            shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    # The search synonyms lead to words of the real pages, which the synthetic
    # pages do not hold; the build refuses a synonym whose target is missing.
    for words in sorted((target / "data" / "search").glob("*.yml")):
        text = words.read_text(encoding="utf-8")
        start = text.index("\nsynonyms:") + 1
        end = re.search(r"^[a-z_]+:", text[start + len("synonyms:"):], re.M)
        rest = text[start + len("synonyms:") + end.start():] if end else ""
        words.write_text(text[:start] + "synonyms: {}\n\n" + rest, encoding="utf-8")
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    as_of = dt.date.fromisoformat(config.split("as_of:")[1].split()[0].strip("\"'"))
    registry = load_registry(source / "regulations", "regulations")
    bodies = citable(registry, as_of)
    rng = random.Random(seed)
    for lang in ("id", "en"):
        folder = target / "docs" / lang
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("# Beranda\n\nHalaman uji.\n", encoding="utf-8")
    paths = page_paths(pages, layout)
    for number, (_, regency, path) in enumerate(paths):
        chosen = [rng.choice(bodies) for _ in range(per_page)]
        paragraphs = [f"Paragraf {i} menjelaskan aturan dengan rujukan [[{body}]] dalam kalimat biasa."
                      for i, body in enumerate(chosen)]
        for lang in ("id", "en"):
            title = f"Halaman {number}" if lang == "id" else f"Page {number}"
            text = f"# {title} {regency}\n\n" + "\n\n".join(paragraphs) + "\n"
            file = target / "docs" / lang / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
    start, end = config.index("\nnav:"), config.index("\nplugins:")
    config = config[:start] + "\n" + "\n".join(nav_lines(paths, layout)) + "\n" + config[end:]
    config = config.replace("omitted_files: warn", "omitted_files: info")
    if layout == "nested":
        config = config.replace("    - navigation.sections\n", "    - navigation.sections\n    - navigation.prune\n", 1)
        config = config.replace("          Peraturan: Regulations\n",
                                "          Peraturan: Regulations\n          Program: Programs\n", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "mkdocs.plain.yml").write_text(plain_config(config, registry), encoding="utf-8")


def plain_config(config: str, registry) -> str:
    """The same site without hooks, overrides or extra assets; regulation pages listed by hand."""
    lines = []
    skip = False
    for line in config.splitlines():
        top = line[:1] not in (" ", "") and not line.startswith("#")
        if top:
            skip = line.split(":")[0] in ("hooks", "extra_css", "extra_javascript", "watch")
        if skip or line.strip().startswith(("custom_dir:", "favicon:", "logo:")):
            continue
        lines.append(line)
    text = "\n".join(lines) + "\n"
    text = text.replace("primary: custom", "primary: indigo").replace("accent: custom", "accent: indigo")
    return list_regulation_pages(text, registry)


def list_regulation_pages(config: str, registry) -> str:
    """Without hooks/citations.py nothing adds the generated regulation pages to the nav: list them."""
    section = "  - Peraturan:\n      - regulasi/index.md\n" + "".join(
        f"      - {json.dumps(i.cite_as)}: regulasi/{i.id}.md\n" for i in registry.ordered())
    return config.replace("  - Peraturan: regulasi/index.md\n", section)


def build(project: Path, config: str, site: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one ``mkdocs build``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{output.decode(errors='replace')[-4000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def profile(project: Path, site: Path) -> dict:
    out = project / "profile.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build_profile.py"), "-f", "mkdocs.yml",
                    "-d", str(site), "--out", str(out)], cwd=project, env=env, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def measure(project: Path, size: int, repeats: int, work: Path, with_profile: bool) -> dict:
    build(project, "mkdocs.yml", work / "warm")  # generates the regulation pages, warms caches
    full, plain = [], []
    for _ in range(repeats):
        full.append(build(project, "mkdocs.yml", work / "full"))
        plain.append(build(project, "mkdocs.plain.yml", work / "plain"))
    pages = 2 * size
    median = statistics.median
    row = {"pages_per_language": size, "repeats": repeats,
           "full_s": round(median(t for t, _, _ in full), 2), "plain_s": round(median(t for t, _, _ in plain), 2),
           "full_cpu_s": round(median(c for _, c, _ in full), 2),
           "plain_cpu_s": round(median(c for _, c, _ in plain), 2),
           "full_mb": round(median(m for _, _, m in full)), "plain_mb": round(median(m for _, _, m in plain))}
    # Ratio pair by pair (full and plain ran one after the other), then the median.
    row["ratio"] = round(median(f[0] / p[0] for f, p in zip(full, plain, strict=True)), 3)
    row["cpu_ratio"] = round(median(f[1] / p[1] for f, p in zip(full, plain, strict=True)), 3)
    row["ms_per_page_full"] = round(1000 * row["full_s"] / pages, 2)
    row["ms_per_page_plain"] = round(1000 * row["plain_s"] / pages, 2)
    row["kb_per_page_full"] = round(1024 * row["full_mb"] / pages, 1)
    page = next((work / "full").rglob("p00000/index.html"), None)
    row["page_kb"] = round(page.stat().st_size / 1024, 1) if page else None
    if with_profile:
        row["profile"] = profile(project, work / "profiled")
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--citations", type=int, default=20, help="citations per page")
    parser.add_argument("--layout", choices=("nested", "flat"), default="nested")
    parser.add_argument("--source", type=Path, default=ROOT, help="checkout whose hooks and config are measured")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate the project here and keep it (one size)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "scale_build.json")
    args = parser.parse_args()
    if args.keep:
        make_project(args.keep, args.sizes[0], args.citations, args.layout, args.source.resolve())
        print(f"project in {args.keep}: mkdocs.yml (full) and mkdocs.plain.yml")
        return
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            make_project(project, size, args.citations, args.layout, args.source.resolve())
            row = measure(project, size, args.repeats, Path(tmp), not args.no_profile)
        row["layout"] = args.layout
        rows.append(row)
        print(json.dumps(row), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("\n| pages/lang | full (s) | plain (s) | ratio | CPU ratio | ms/page full | ms/page plain | peak MB full "
          "| peak MB plain | KB RSS/page |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['pages_per_language']} | {r['full_s']} | {r['plain_s']} | {r['ratio']} | {r['cpu_ratio']} | "
              f"{r['ms_per_page_full']} | {r['ms_per_page_plain']} | {r['full_mb']} | {r['plain_mb']} | "
              f"{r['kb_per_page_full']} |")


if __name__ == "__main__":
    main()

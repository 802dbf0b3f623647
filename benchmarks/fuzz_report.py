"""How much of the citation grammar the property tests reach. Reported, never asserted.

Runs tests/test_citation_props.py and tests/test_citation_fuzz.py alone under
coverage.py (branch coverage of hooks/peraturan/legal/citation.py and resolver.py) with
the Hypothesis profile given (default ``bench``: many examples; ``make test``
uses the quick profile), and prints how many examples reached each grammar
branch (Pasal shapes, ayat (1a), huruf, angka, runs, lists per joiner, pins,
Unicode spaces, relative units, resolution, and how single-token changes ended).

    .venv/bin/python benchmarks/fuzz_report.py [--profile quick|bench]

Writes benchmarks/results/fuzz.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
MODULES = ["hooks/peraturan/legal/citation.py", "hooks/peraturan/legal/resolver.py"]
TESTS = ["tests/test_citation_props.py", "tests/test_citation_fuzz.py"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default="bench")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        branches_file, data_file = Path(tmp) / "branches.json", Path(tmp) / ".coverage"
        env = dict(os.environ, HYPOTHESIS_PROFILE=args.profile, FUZZ_BRANCHES_OUT=str(branches_file),
                   COVERAGE_FILE=str(data_file))
        run = subprocess.run([sys.executable, "-m", "coverage", "run", "--branch", f"--include={','.join(MODULES)}",
                              "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], cwd=ROOT, env=env)
        if run.returncode != 0:
            print("the property tests failed; no report")
            return 1
        subprocess.run([sys.executable, "-m", "coverage", "json", "-q", "-o", str(Path(tmp) / "cov.json")],
                       cwd=ROOT, env=env, check=True)
        coverage = json.loads((Path(tmp) / "cov.json").read_text(encoding="utf-8"))
        branches = json.loads(branches_file.read_text(encoding="utf-8"))
    files = {}
    for name, data in coverage["files"].items():
        s = data["summary"]
        files[name] = {"lines": f"{s['covered_lines']}/{s['num_statements']}",
                       "branches": f"{s['covered_branches']}/{s['num_branches']}",
                       "percent": round(s["percent_covered"], 1), "missing_lines": data["missing_lines"]}
    report = {"profile": args.profile, "coverage": files, "branches": branches}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fuzz.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    lines = [f"# Citation property tests: reach (profile {args.profile})", "",
             "Coverage by these tests alone (coverage.py, lines and branches):", "",
             "| module | lines | branches | covered | lines not reached |", "| --- | ---: | ---: | ---: | --- |"]
    for name, f in files.items():
        lines.append(f"| {name} | {f['lines']} | {f['branches']} | {f['percent']}% | "
                     f"{', '.join(map(str, f['missing_lines'])) or '—'} |")
    lines += ["", "Examples reaching each grammar branch:", "", "| branch | examples |", "| --- | ---: |"]
    lines += [f"| {name} | {count} |" for name, count in branches.items()]
    (RESULTS / "fuzz.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Mutation testing of the engine's core: the citation grammar, the resolver and
the eligibility evaluator. Reported, never asserted; never run by ``make test``.

mutmut (pinned in requirements-dev.txt) changes one thing at a time in the code
(``<`` into ``<=``, a string into another, a ``return`` value into ``None``...)
and runs the fast unit tests that reach the changed function. A mutant the
tests notice is *killed*; one they do not notice *survived* and shows a gap in
the tests (or an equivalent change that no test could notice).

The run happens in a scratch copy, so the working tree is never touched: the
package ``hooks/peraturan`` is copied to the top of the scratch folder (mutmut
names mutants after the import path, and the tests import ``peraturan``), with
the unit-test files below and the data they read.

    .venv/bin/python benchmarks/mutation.py                # ~20-40 min on a loaded 2-core machine
    .venv/bin/python benchmarks/mutation.py --module citation --max-children 2

Writes benchmarks/results/mutation.{json,md}: per module killed / total, the
score, and every surviving mutant with its diff.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
MUTMUT = Path(sys.executable).parent / "mutmut"

# The fast unit tests of the three modules (no MkDocs build, no browser).
TESTS = [
    "tests/test_citation_grammar.py",
    "tests/test_citation_errors.py",
    "tests/test_citation_fuzz.py",
    "tests/test_citation_props.py",
    "tests/test_resolver.py",
    "tests/test_resolver_units.py",
    "tests/test_checker_rules.py",
    "tests/test_checker_oracles.py",
]
DESELECT = "not test_build_"  # the two tests of test_citation_errors.py that run mkdocs

# Which functions count: the whole grammar and resolver, and the evaluating part of
# eligibility.py (loading and validating the rules file is not part of this score).
EVALUATE = ("xǁQuestionǁoption", "xǁTestǁstate", "xǁRuleVersionǁin_force", "xǁRuleǁversion_at",
            "xǁRulesetǁquestions_at", "xǁRulesetǁcheck_answers", "xǁRulesetǁevaluate", "xǁRulesetǁrule",
            "x__day", "x__check_answer")
MODULES = {
    "citation": ["peraturan.legal.citation.*"],
    "resolver": ["peraturan.legal.resolver.*"],
    "eligibility (evaluate)": [f"peraturan.checker.model.{name}__mutmut_*" for name in EVALUATE],
}
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def scratch_copy(work: Path, tests: list[str]) -> None:
    """The package at top level, the unit tests and the data they read."""
    shutil.copytree(ROOT / "hooks" / "peraturan", work / "peraturan", ignore=shutil.ignore_patterns("__pycache__"))
    (work / "tests").mkdir()
    for name in ("conftest.py", "diag.py", "a11y_tools.py", "sitecheck.py"):
        if (ROOT / "tests" / name).exists():
            shutil.copy2(ROOT / "tests" / name, work / "tests" / name)
    for folder in ("fixtures", "cases"):
        shutil.copytree(ROOT / "tests" / folder, work / "tests" / folder)
    for test in tests:
        shutil.copy2(ROOT / test, work / test)
    for folder in ("regulations", "rules", "data"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, work / folder)
    shutil.copy2(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides" / "assets" / "javascripts", work / "overrides" / "assets" / "javascripts")
    (work / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\n"
        'testpaths = ["tests"]\n'
        'pythonpath = [".", "tests"]\n'
        'addopts = "-p no:cacheprovider"\n'
        "[tool.mutmut]\n"
        'source_paths = ["peraturan"]\n'
        'only_mutate = ["peraturan/legal/citation.py", "peraturan/legal/resolver.py", "peraturan/checker/model.py"]\n'
        f"pytest_add_cli_args_test_selection = {json.dumps([*tests, '-k', DESELECT])}\n"
        'also_copy = ["regulations/", "rules/", "data/", "overrides/", "mkdocs.yml"]\n'
        "use_git_change_detection = false\n",
        encoding="utf-8",
    )


def read_results(work: Path) -> dict[str, str]:
    """mutant name -> status, from mutmut's own meta files."""
    sys.path.insert(0, str(Path(sys.executable).parent.parent))
    from mutmut.stats import status_by_exit_code

    statuses = {}
    for meta in (work / "mutants" / "peraturan").glob("*.py.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        for name, code in data["exit_code_by_key"].items():
            statuses[name] = status_by_exit_code[code]
    return statuses


DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import get_diff_for_mutant
names = json.loads(sys.stdin.read())
print(json.dumps({n: get_diff_for_mutant(n, path="peraturan/" + n.split(".")[1] + ".py") for n in names}))
"""


def diffs(work: Path, names: list[str]) -> dict[str, str]:
    """Each mutant's diff, from mutmut's own code, in one process (``mutmut show`` takes a second each)."""
    shown = subprocess.run([sys.executable, "-c", DIFFS], cwd=work, input=json.dumps(names), capture_output=True,
                           text=True, check=True)
    return json.loads(shown.stdout)


def module_of(name: str) -> str | None:
    import fnmatch

    for module, patterns in MODULES.items():
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            return module
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--module", choices=["citation", "resolver", "eligibility"], action="append",
                        help="only these modules (default: all three)")
    parser.add_argument("--max-children", type=int, default=1, help="parallel workers (the machine is shared)")
    parser.add_argument("--keep", type=Path, help="run in this folder and keep it (default: a temporary one)")
    parser.add_argument("--report-only", action="store_true", help="only rewrite the report from the --keep folder")
    parser.add_argument("--label", default="", help="a label for this run in the report (e.g. before, after)")
    args = parser.parse_args()

    tests = [t for t in TESTS if (ROOT / t).exists()]
    chosen = [m for m in MODULES if not args.module or m.split()[0] in args.module]
    patterns = [p for m in chosen for p in MODULES[m]]
    work = args.keep or Path(tempfile.mkdtemp(prefix="mutation-"))
    env_note = f"tests: {', '.join(tests)} (-k '{DESELECT}')"
    elapsed = 0.0
    if not args.report_only:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        scratch_copy(work, tests)
        print(env_note, flush=True)
        started = time.monotonic()
        run = subprocess.run([str(MUTMUT), "run", "--max-children", str(args.max_children), *patterns], cwd=work,
                             env={"HYPOTHESIS_PROFILE": "mutation", "PATH": "/usr/bin:/bin", "HOME": str(work)},
                             capture_output=True, text=True)
        elapsed = time.monotonic() - started
        (work / "mutmut.log").write_text(run.stdout + run.stderr, encoding="utf-8")
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-3000:])
            print(f"mutmut failed (exit {run.returncode}); log in {work / 'mutmut.log'}")
            return 1
    statuses = {n: s for n, s in read_results(work).items() if module_of(n) in chosen}
    report: dict = {"label": args.label, "tests": tests, "seconds": round(elapsed), "modules": {}, "survivors": {}}
    for module in chosen:
        names = [n for n in statuses if module_of(n) == module]
        killed = sum(statuses[n] in KILLED for n in names)
        counts: dict[str, int] = {}
        for n in names:
            counts[statuses[n]] = counts.get(statuses[n], 0) + 1
        report["modules"][module] = {"total": len(names), "killed": killed,
                                     "score": round(100 * killed / len(names), 1) if names else None,
                                     "by_status": counts}
    survivors = sorted(n for n, s in statuses.items() if s not in KILLED)
    for name, diff in diffs(work, survivors).items():
        report["survivors"][name] = {"status": statuses[name], "diff": diff}
    total = sum(m["total"] for m in report["modules"].values())
    killed = sum(m["killed"] for m in report["modules"].values())
    report["total"] = {"total": total, "killed": killed, "score": round(100 * killed / total, 1) if total else None}

    suffix = f"-{args.label}" if args.label else ""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"mutation{suffix}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    lines = [f"# Mutation testing {args.label}".rstrip(), "", env_note, f"mutmut run took {elapsed:.0f} s", "",
             "| module | killed | total | score |", "| --- | ---: | ---: | ---: |"]
    for module, m in report["modules"].items():
        lines.append(f"| {module} | {m['killed']} | {m['total']} | {m['score']}% |")
    t = report["total"]
    lines += [f"| **all** | {t['killed']} | {t['total']} | {t['score']}% |", "", "## Survivors", ""]
    for name, s in report["survivors"].items():
        lines += [f"### {name} ({s['status']})", "", "```diff", s["diff"], "```", ""]
    (RESULTS / f"mutation{suffix}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:12 + len(report["modules"])]))
    print(f"report: {RESULTS / f'mutation{suffix}.md'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

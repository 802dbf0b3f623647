"""Run every benchmark once and print their reports (make bench). Never asserts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, arguments): ordered cheapest first
BENCHMARKS = [
    ("build_time.py", ["--repeats", "5"]),
    ("citation_build.py", ["--sizes", "250", "500", "1000", "2000", "--repeats", "3"]),
    ("scale_build.py", ["--sizes", "250", "500", "1000", "2000", "--repeats", "3"]),
    ("page_weight.py", []),
    ("checker_flow.py", []),
    ("kiosk_report.py", []),
    ("fuzz_report.py", ["--profile", "bench"]),
    ("search_quality.py", ["--json", str(HERE / "results" / "search_quality.json")]),
]
# benchmarks/mutation.py (mutation testing, tens of minutes) is run by hand, not here.


def main() -> int:
    failed = []
    for script, args in BENCHMARKS:
        path = HERE / script
        if not path.exists():
            print(f"## {script}: not present, skipped", flush=True)
            continue
        print(f"## {script} {' '.join(args)}", flush=True)
        if subprocess.run([sys.executable, str(path), *args]).returncode != 0:
            failed.append(script)
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

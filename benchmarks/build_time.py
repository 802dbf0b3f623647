"""Median build time of the real site (both languages), reported, never asserted.

    .venv/bin/python benchmarks/build_time.py --repeats 5 [--config mkdocs.kiosk.yml]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--config", default="mkdocs.yml")
    args = parser.parse_args()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeats):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", args.config, "-d",
                            str(Path(tmp) / "site")], cwd=ROOT, env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        pages = len(list((Path(tmp) / "site").rglob("*.html")))
    print(json.dumps({"config": args.config, "repeats": args.repeats, "html_pages": pages,
                      "median_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times]}))


if __name__ == "__main__":
    main()

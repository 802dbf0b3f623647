"""Command line of the engine: ``python -m peraturan new DIR`` (with ``hooks/`` on
``PYTHONPATH``, as the Makefile and the tests run it). See ``newsite.py``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .newsite import NewSiteError, create


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peraturan",
                                     description="Tools of the peraturan citation engine.")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a bilingual explainer site for another program in DIR")
    new.add_argument("dir", type=Path, help="a new or empty folder")
    args = parser.parse_args(argv)
    try:
        files = create(args.dir)
    except NewSiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Created {len(files)} files in {args.dir}/. Next: cd {args.dir} && make check "
          "(then read README.md: the regulation in regulations/ is a fictional example to replace).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

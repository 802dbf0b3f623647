"""Run one ``mkdocs build`` and report where its time went, exclusively.

    .venv/bin/python benchmarks/build_profile.py -f mkdocs.yml -d /tmp/site --out profile.json

Every plugin and hook event method, Python-Markdown's ``convert`` and every
Jinja template render is timed; a timed call's time excludes the timed calls
inside it (static-i18n's ``on_post_build`` runs the other language's whole
build, which is timed as its own parts). What no timer covers (reading files,
writing pages, MkDocs' own bookkeeping) is reported as ``other``. The timers
cost a few percent, so use this for shares, and the plain build time for totals.
Times are the process's CPU seconds (``time.process_time``), so a busy machine
inflates them less than wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

totals: dict[str, float] = defaultdict(float)
calls: dict[str, int] = defaultdict(int)
_children: list[float] = []


def timed(key: str, function, *args, **kwargs):
    started = time.process_time()
    _children.append(0.0)
    try:
        return function(*args, **kwargs)
    finally:
        elapsed = time.process_time() - started
        inner = _children.pop()
        totals[key] += elapsed - inner
        calls[key] += 1
        if _children:
            _children[-1] += elapsed


def instrument() -> None:
    import jinja2
    import markdown
    from mkdocs import plugins

    def run_event(self, name, item=None, **kwargs):
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            result = timed(origin, method, item, **kwargs) if pass_item else timed(origin, method, **kwargs)
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    plugins.PluginCollection.run_event = run_event
    convert = markdown.Markdown.convert
    markdown.Markdown.convert = lambda self, source: timed("Markdown", convert, self, source)
    render = jinja2.Template.render
    jinja2.Template.render = lambda self, *a, **k: timed("templates (incl. nav)", render, self, *a, **k)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-f", "--config-file", required=True)
    parser.add_argument("-d", "--site-dir", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    instrument()
    from mkdocs.__main__ import cli

    started = time.process_time()
    sys.argv = ["mkdocs", "build", "-q", "-f", args.config_file, "-d", args.site_dir]
    try:
        cli(standalone_mode=False)
    finally:
        total = time.process_time() - started
        report = {"total_s": round(total, 3),
                  "exclusive_s": {k: round(v, 3) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])},
                  "calls": dict(calls)}
        report["exclusive_s"]["other"] = round(total - sum(totals.values()), 3)
        args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""MkDocs adapter for the eligibility checker (``rules/eligibility.yml``).

The logic is in plain modules: ``peraturan.checker`` (``model``: the rules and
the evaluator; ``loader``: load and validate; ``block``: the
``<!-- px:checker -->`` block). Event by event:

- ``on_pre_build``: when a page places the checker block, load and validate the
  rules against the registry that ``hooks/citations.py`` loaded; every problem
  stops the build with ``rules/eligibility.yml:line:col``. A site without the
  block does not need valid rules.
- ``on_page_content``: point the block's page-local CSS and scripts at the site
  root, relative to the page, so they work online, from a sub-path and from
  ``file://`` on the kiosk.
- ``on_post_build``: copy the QR-code generator (npm ``qrcode-generator``, MIT)
  from ``node_modules`` into the site. It is loaded only on the checker page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build.diagnostics import EngineError
from peraturan.checker import block as checker_block
from peraturan.checker.loader import load_rules
from peraturan.state import current

RULES = "rules/eligibility.yml"
MARKER = "<!-- px:checker"
QR_SOURCE = "node_modules/qrcode-generator/dist/qrcode.js"


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _uses_checker(docs_dir: Path) -> bool:
    return any(MARKER in path.read_text(encoding="utf-8") for path in docs_dir.rglob("*.md"))


@event_priority(-10)  # after hooks/citations.py has loaded the registry
def on_pre_build(config):
    state = current().checker
    state.ruleset = None
    extra = config.extra
    state.printing = not (extra.get("kiosk") and extra.get("kiosk_printer") is False)
    state.api_name = current().profile.checker_global if current().profile else None
    if not _uses_checker(Path(config.docs_dir)):
        return
    registry = current().registry
    context = current().citation_context
    if registry is None or context is None:
        raise PluginError("hooks/checker.py needs hooks/citations.py listed before it under hooks:")
    try:
        state.ruleset = load_rules(_root(config) / RULES, registry, context.as_of, RULES)
    except EngineError as error:
        raise PluginError(f"Invalid eligibility rules ({len(error.diagnostics)} problem(s)):\n"
                          + error.report()) from None


def on_page_content(html, page, config, files):
    if checker_block.ROOT not in html:
        return html
    return html.replace(checker_block.ROOT, checker_block.relative_root(page.url))


def on_post_build(config):
    if current().checker.ruleset is None:
        return
    source = _root(config) / QR_SOURCE
    if not source.is_file():
        raise PluginError(f"{QR_SOURCE} is missing: run 'npm ci' (make build does it for you)")
    target = Path(config.site_dir) / checker_block.ASSETS["qr"]
    target.parent.mkdir(parents=True, exist_ok=True)
    # Copied unchanged: its header carries the MIT licence notice.
    shutil.copyfile(source, target)

"""``python -m peraturan new DIR``: start a bilingual explainer for another program.

The engine knows no program (its profile comes from the site's config, see
``profile.py``), so a new site is this project's machinery plus a small
starting content that builds at once:

- the starting content in ``site_template/`` (data, not code): ``docs/id`` and
  ``docs/en`` (a home page and the checker page), ``regulations/`` with ONE
  instrument that is a clearly labelled fictional example, ``rules/`` with a
  one-question checker, ``data/search``, ``mkdocs.yml`` with the site's profile,
  a README, a Makefile and a test;
- a copy of the engine and its adapters (``hooks/``), the theme overrides
  (``overrides/``), the exact pins (``requirements.txt``, ``package.json``
  and its lock) and the engine's reference pages (``dev/``: registry format,
  citation grammar, checker API, sources), the kiosk kit (``kiosk/``) and the
  kiosk operator's guide, taken from the project this module sits in. The
  template also holds the kiosk and ZIM configs (``mkdocs.kiosk.yml``,
  ``mkdocs.zim.yml``).

It refuses a folder that exists and is not empty, so it never overwrites work.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

TEMPLATE = Path(__file__).resolve().with_name("site_template")
HOOKS = Path(__file__).resolve().parent.parent  # hooks/: the adapters, peraturan/ and sitekit/
PROJECT = HOOKS.parent
# what the new site takes from this project, as it is
COPIED = ("overrides", "requirements.txt", "package.json", "package-lock.json",
          # the engine's reference pages, which describe no one program
          "dev/REGISTRY-FORMAT.md", "dev/CITATIONS.md", "dev/CHECKER-API.md", "dev/SOURCES.md",
          # the kiosk operator's kit (launchers, checksum check) and guide; the guide's title
          # names this project's program, so the new site's copy gets a neutral one
          "kiosk", "dev/KIOSK.md")
KIOSK_GUIDE_TITLE = "# Kios penjelasan / Explainer kiosk"
SKIPPED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache")
AS_OF = "__AS_OF__"


class NewSiteError(Exception):
    """The new site cannot be made; the message says why and what to do."""


def create(target: Path, today: dt.date | None = None) -> list[Path]:
    """Write a new site into ``target`` (missing or empty); return its files, sorted."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "a file" if not target.is_dir() else "a folder that is not empty"
        raise NewSiteError(f"{target}: is {what}; nothing was written "
                           "(give a new folder name, or empty this folder first)")
    missing = [name for name in COPIED if not (PROJECT / name).exists()]
    if missing:
        raise NewSiteError(f"{PROJECT}: the engine's project lacks {', '.join(missing)} beside hooks/ "
                           "(run the command from a full checkout of the project)")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(TEMPLATE, target, ignore=SKIPPED, dirs_exist_ok=True)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(AS_OF, (today or dt.date.today()).isoformat()),
                      encoding="utf-8")
    shutil.copytree(HOOKS, target / "hooks", ignore=SKIPPED)
    for name in COPIED:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=SKIPPED)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target / name)
    _rename_npm_package(target)
    guide = target / "dev" / "KIOSK.md"
    lines = guide.read_text(encoding="utf-8").split("\n", 1)
    guide.write_text(KIOSK_GUIDE_TITLE + "\n" + (lines[1] if len(lines) > 1 else ""), encoding="utf-8")
    (target / ".gitignore").write_text(
        ".venv/\nnode_modules/\nsite/\nsite-kiosk/\nsite-kiosk.zip\nsite-zim/\nsite.zim\n__pycache__/\n.pytest_cache/\n"
        "# generated from regulations/ at build time\ndocs/id/regulasi/\ndocs/en/regulasi/\n", encoding="utf-8")
    return sorted(p for p in target.rglob("*") if p.is_file())


def _rename_npm_package(target: Path) -> None:
    """The npm files name this project; the new site's name is its own."""
    for name in ("package.json", "package-lock.json"):
        path = target / name
        data = json.loads(path.read_text(encoding="utf-8"))
        data["name"] = "explainer-assets"
        if "" in data.get("packages", {}):
            data["packages"][""]["name"] = "explainer-assets"
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

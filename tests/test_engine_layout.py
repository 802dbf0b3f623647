"""The engine's layout shows its architecture (dev/ARCHITECTURE.md, "The engine's layout"):
four packages and the build's state above them, no MkDocs import anywhere in them, no module much over 400 lines, and the
packages import each other only in the documented directions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "hooks" / "peraturan"
PACKAGES = ("build", "legal", "explainer", "checker")
# which engine packages each package may import (build may use legal.citation's pattern only)
ALLOWED = {"build": {"build"}, "legal": {"build", "legal"}, "explainer": {"build", "legal", "explainer"},
           "checker": {"build", "legal", "checker"}}


def modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if "site_template" not in p.parts)


def imported(path: Path) -> list[tuple[str, int]]:
    """(module, line) of every import, relative ones made absolute within ``peraturan``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["peraturan", *path.relative_to(ENGINE).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, *([node.module] if node.module else [])])
            found.append((name, node.lineno))
            if not node.module:
                found += [(f"{name}.{alias.name}", node.lineno) for alias in node.names]
    return found


def test_the_engine_is_four_packages_and_the_new_site_command():
    top = sorted(p.name for p in ENGINE.iterdir() if p.suffix == ".py" or (p.is_dir() and p.name != "__pycache__"))
    assert top == sorted(["__init__.py", "__main__.py", "newsite.py", "state.py", "site_template", *PACKAGES])


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_no_engine_module_imports_mkdocs(path):
    assert [m for m, line in imported(path) if m == "mkdocs" or m.startswith("mkdocs.")] == []


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_no_engine_module_is_over_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


@pytest.mark.parametrize("path", [p for p in modules() if p.parent.name in PACKAGES],
                         ids=lambda p: p.relative_to(ENGINE).as_posix())
def test_packages_import_each_other_only_downwards(path):
    own = path.parent.name
    wrong = []
    for name, line in imported(path):
        parts = name.split(".")
        if parts[0] == "peraturan" and len(parts) > 1 and parts[1] in PACKAGES and parts[1] not in ALLOWED[own]:
            if own == "build" and name in ("peraturan.legal.citation", "peraturan.legal"):
                continue  # scan.py finds citations with the grammar's own pattern
            wrong.append(f"{path.name}:{line}: {name}")
    assert wrong == []

"""One citation path (legal/cite.py): every caller turns a body into a resolved citation or a
located diagnostic through ``cite``/``lookup``, with one cache per registry, and nothing else in
the engine or its adapters parses or resolves a citation."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from peraturan.build.diagnostics import Diagnostic
from peraturan.checker.fields import RulesChecker, resolve_body
from peraturan.explainer.sitedata import DataChecker
from peraturan.legal.cite import cite, lookup
from peraturan.legal.corpus import check_corpus
from peraturan.legal.loader import load_registry
from peraturan.legal.mdext import CitationContext

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
AS_OF = dt.date(2026, 11, 23)
BODY = "Perpres 36/2020 Pasal 3 ayat (4)"


@pytest.fixture
def registry():
    return load_registry(ROOT / "regulations", "regulations")


def test_the_second_lookup_from_another_caller_hits_the_one_cache(registry, tmp_path):
    (tmp_path / "id").mkdir()
    (tmp_path / "id" / "page.md").write_text(f"# Page\n\nSyarat [[{BODY}]].\n", encoding="utf-8")
    checked = check_corpus(tmp_path, ["id"], registry, AS_OF, "regulasi", "docs")
    assert checked.diagnostics == [] and registry.citations.misses == 1 and registry.citations.hits == 0
    # the page's link, a data file's field, a rule's citation: all hits, no second resolution
    context = CitationContext(registry, AS_OF, "regulasi", "page.md", "id")
    assert context.link(BODY) is not None
    assert not isinstance(DataChecker("data/x.yml", registry, AS_OF).resolve(BODY), Diagnostic)
    rules = RulesChecker("rules/eligibility.yml", f'cites: ["[[{BODY}]]"]')
    assert resolve_body(rules, BODY, registry, AS_OF, (1, 9), "rule") is not None
    assert registry.citations.misses == 1 and registry.citations.hits == 3
    # the resolved citation is the same object everywhere
    assert lookup(BODY, registry, AS_OF) is checked.pages["id/page.md"].citations[0][1]


def test_a_reloaded_registry_starts_with_an_empty_cache(registry):
    cite(BODY, registry, AS_OF)
    fresh = load_registry(ROOT / "regulations", "regulations")
    assert registry.citations.entries and not fresh.citations.entries


def test_a_failure_is_a_located_diagnostic_at_the_offending_unit(registry):
    found = cite("Perpres 36/2020 Pasal 99", registry, AS_OF, ("docs/id/x.md", 7, 12))
    assert isinstance(found, Diagnostic)
    assert (found.path, found.line) == ("docs/id/x.md", 7) and found.col > 12
    assert found.message.startswith("unresolved citation [[Perpres 36/2020 Pasal 99]]: ")
    assert cite("Perpres 36/2020 Pasal", registry, AS_OF).message.startswith("malformed citation")


def test_a_link_that_does_not_resolve_is_kept_with_its_reason_not_swallowed(registry):
    context = CitationContext(registry, AS_OF, "regulasi", "page.md", "id")
    for _ in range(2):  # the second time from the link cache: the reason is kept again
        context.start_page("page.md", "id")
        assert context.link("Perpres 36/2020 Pasal 99") is None
        assert context.failed["Perpres 36/2020 Pasal 99"].message.startswith("unresolved citation")


def python_files() -> list[Path]:
    return sorted(p for p in HOOKS.rglob("*.py") if "site_template" not in p.parts)


def test_only_the_citation_path_parses_or_resolves_a_citation():
    """No module but legal/cite.py imports the grammar's parse() or the resolver's resolve()."""
    home = {"legal/cite.py", "legal/citation.py", "legal/resolver.py"}
    offenders = []
    for path in python_files():
        rel = path.relative_to(HOOKS / "peraturan").as_posix() if "peraturan" in path.parts else path.name
        if rel in home:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] in ("citation", "resolver"):
                names = {alias.name for alias in node.names}
                if names & {"parse", "resolve"}:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {sorted(names & {'parse', 'resolve'})}")
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("resolve", "parse"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: calls {node.func.id}()")
    assert offenders == []

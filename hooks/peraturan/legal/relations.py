"""Relations between instruments (amends, replaces, implements): read from each file,
then linked both ways across the registry; a target that is missing, the instrument
itself, or a cycle of amendments is an error at the relation's line."""

from __future__ import annotations

from ..build.diagnostics import Diagnostic, did_you_mean
from ..build.safe import url_problem
from ..build.schema import FieldChecker
from ..build.yamlsource import Located
from .model import (
    INVERSE,
    RELATION_TYPES,
    Instrument,
    Relation,
)


def read_relations(c: FieldChecker, root: Located) -> list[Relation]:
    items = root.get("relations")
    if not isinstance(items, list):
        c.error(root.where("relations"), "relations must be a list (may be empty: [])")
        return []
    relations = []
    for _, block, what in c.entries(items, "relations", ("type", "target", "evidence"), ("via", "source")):
        kind = block.get("type")
        if kind not in RELATION_TYPES:
            c.error(block.where("type"), f"{what}: type must be one of {', '.join(RELATION_TYPES)}",
                    did_you_mean(str(kind), RELATION_TYPES))
            continue
        target = c.string(block, "target", what)
        evidence = c.evidence(block, "evidence", what)
        if "via" in block and not isinstance(block["via"], str):
            c.error(block.where("via"), f"{what}: via must be text (the instrument or article it goes through)",
                    f"got {type(block['via']).__name__}")
            continue
        if "source" in block and url_problem(block["source"]):
            c.error(block.where("source"), f"{what}: source {url_problem(block['source'])}")
            continue
        if target:
            relation = Relation(kind, target, block.get("via"), evidence, block.get("source"),
                                (c.label, block.where("target")))
            relations.append(relation)
    return relations


def link_relations(instruments: dict[str, Instrument], file_ids: set[str], problems: list[Diagnostic]) -> None:
    """Check relation targets exist and add the derived inverse relations.

    A target whose file exists but failed to load is not reported again: its
    own errors are already listed."""
    declared = {i.id: [r for r in i.relations if r.type in RELATION_TYPES] for i in instruments.values()}
    problems.extend(_relation_cycles(instruments, declared))
    for instrument in list(instruments.values()):
        for relation in list(instrument.relations):
            if relation.type not in RELATION_TYPES:
                continue
            if relation.target == instrument.id:
                continue  # reported by _relation_cycles
            target = instruments.get(relation.target)
            if target is None and relation.target in file_ids:
                continue
            if target is None:
                label, (line, col) = relation.where if relation.where[0] else (instrument.path, (0, 0))
                problems.append(Diagnostic(label, line, col, f"relation to unknown instrument '{relation.target}'",
                                           did_you_mean(relation.target, file_ids) or "check regulations/*.yml"))
                continue
            target.relations.append(
                Relation(INVERSE[relation.type], instrument.id, relation.via, relation.evidence, relation.source)
            )


def _relation_cycles(instruments: dict[str, Instrument], declared: dict[str, list[Relation]]) -> list[Diagnostic]:
    """An instrument cannot amend, replace or implement itself, directly or round a cycle
    (A amends B, B amends A): the timeline and the version history would never end."""
    problems = []
    for kind in RELATION_TYPES:
        edges = {ident: [r for r in relations if r.type == kind] for ident, relations in declared.items()}
        reported: set[frozenset[str]] = set()
        for start in sorted(edges):
            stack = [(start, [start], [])]
            while stack:
                node, path, via = stack.pop()
                for relation in edges.get(node, []):
                    chain = [*via, relation]
                    if relation.target == start:
                        members = frozenset(path)
                        if members in reported:
                            continue
                        reported.add(members)
                        label, (line, col) = chain[0].where if chain[0].where[0] else (instruments[start].path, (0, 0))
                        names = " → ".join([*path, start])
                        problems.append(Diagnostic(
                            label, line, col,
                            f"'{start}' {kind} itself" if len(path) == 1 else f"{kind} cycle: {names}",
                            "a relation points from the newer instrument to the older one; remove the wrong one"))
                    elif relation.target not in path and relation.target in edges:
                        stack.append((relation.target, [*path, relation.target], chain))
    return problems

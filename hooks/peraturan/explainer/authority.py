"""The authority map: who holds which power over the program, as data.

``data/authority.yml`` lists nodes (bodies such as the President, the Komite,
the Manajemen Pelaksana, a regional office) on a small grid, and edges between
them. Every edge cites at least one provision; citations are validated against
the registry on load, and an edge that names a whole instrument is refused so
that every edge links to a provision anchor.

``render`` draws an inline SVG (no script, no CDN; ``role="img"`` with a
``<title>`` and ``<desc>``) and, below it, the text alternative: a numbered
list whose numbers match the numbered edges in the drawing, each with its
``[[...]]`` citations (rendered as links by the citation extension).
On a phone the drawing would be too small to read, so ``content.css`` hides it
and shows the list as a vertical flow, one card per numbered edge; the list is
then the figure (``role="figure"``, named by its heading).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from ..build import words
from ..build.diagnostics import EngineError, did_you_mean
from ..build.safe import text as escape
from ..build.schema import Text, mark
from ..build.yamlsource import load_yaml
from ..legal.model import Registry
from .bibliography import Bibliography
from .sitedata import DataChecker

COLS, ROWS = 5, 6
CELL_W, CELL_H = 150, 120
BOX_W, BOX_H = 138, 70
MAX_LINES = 4  # a node label may wrap to this many lines
PAD = 10


@dataclass(frozen=True)
class Node:
    key: str
    label: Text
    row: int
    col: int
    kind: str  # central | regional | partner | person


@dataclass(frozen=True)
class Edge:
    number: int
    start: str  # node key: the body holding the power
    end: str  # node key: the body it concerns
    label: Text
    cites: tuple[str, ...]
    source: str | None  # a bibliography key, for facts a study or the press reports
    line: int
    col: int = 1


@dataclass
class AuthorityMap:
    title: Text
    description: Text
    nodes: dict[str, Node]
    edges: list[Edge]
    path: str


NODE_KINDS = ("central", "regional", "partner", "person")


def load_authority(path: Path, label: str, registry: Registry, as_of: dt.date,
                   bibliography: Bibliography | None = None) -> AuthorityMap:
    data = load_yaml(path, label)
    c = DataChecker(label, registry, as_of)
    root = c.mapping(data, (1, 1), "authority file")
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    title = description = None
    if root is not None and c.keys(root, ("title", "description", "nodes", "edges"), (), "authority map"):
        title = c.text(root.get("title"), root.where("title"), "title")
        description = c.text(root.get("description"), root.where("description"), "description")
        items = c.sequence(root.get("nodes"), root.where("nodes"), "nodes")
        cells: dict[tuple[int, int], str] = {}
        for index, raw in enumerate(items):
            node = _read_node(c, raw, mark(items, index), f"nodes[{index}]")
            if node is None:
                continue
            if node.key in nodes:
                c.error(mark(items, index), f"duplicate node '{node.key}'")
                continue
            if (node.row, node.col) in cells:
                c.error(mark(items, index), f"node '{node.key}' sits on the same cell as '{cells[node.row, node.col]}'")
            cells[node.row, node.col] = node.key
            nodes[node.key] = node
        items = c.sequence(root.get("edges"), root.where("edges"), "edges")
        for index, raw in enumerate(items):
            edge = _read_edge(c, raw, mark(items, index), f"edges[{index}]", len(edges) + 1, nodes, bibliography)
            if edge:
                edges.append(edge)
        for edge in edges:
            for node in _boxes_crossed(edge, nodes):
                c.error((edge.line, edge.col),
                        f"edge {edge.number} ({edge.start} → {edge.end}) runs through the box of '{node.key}'",
                        "move a node to another row/col so the line is clear")
    if c.problems:
        raise EngineError(c.problems)
    return AuthorityMap(title, description, nodes, edges, label)


def _boxes_crossed(edge: Edge, nodes: dict[str, Node]) -> list[Node]:
    """Nodes whose box (plus a small margin) the edge's straight line passes through."""
    start, end = _center(nodes[edge.start]), _center(nodes[edge.end])
    crossed = []
    for node in nodes.values():
        if node.key in (edge.start, edge.end):
            continue
        cx, cy = _center(node)
        if _segment_hits_box(start, end, (cx - BOX_W / 2 - 4, cy - BOX_H / 2 - 4, cx + BOX_W / 2 + 4,
                                          cy + BOX_H / 2 + 4)):
            crossed.append(node)
    return crossed


def _segment_hits_box(p: tuple[float, float], q: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    """Liang-Barsky clipping: does the segment p-q enter the rectangle?"""
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, room in ((-dx, p[0] - box[0]), (dx, box[2] - p[0]), (-dy, p[1] - box[1]), (dy, box[3] - p[1])):
        if step == 0:
            if room < 0:
                return False
            continue
        t = room / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
    return low < high


def _read_node(c: DataChecker, raw, where, what) -> Node | None:
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ("key", "label", "row", "col", "kind"), (), what):
        return None
    key = c.string(block, "key", what)
    label = c.text(block.get("label"), block.where("label"), f"{what}: label")
    row, col = block.get("row"), block.get("col")
    for name, value, limit in (("row", row, ROWS), ("col", col, COLS)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < limit:
            c.error(block.where(name), f"{what}: {name} must be a whole number from 0 to {limit - 1}")
            return None
    kind = block.get("kind")
    if kind not in NODE_KINDS:
        c.error(block.where("kind"), f"{what}: kind must be one of {', '.join(NODE_KINDS)}",
                did_you_mean(str(kind), NODE_KINDS))
        return None
    for lang in ("id", "en"):
        if label and len(_wrap(label.get(lang))) > MAX_LINES:
            c.error(block.where("label"), f"{what}: the {lang} label needs more than {MAX_LINES} lines in its box",
                    "shorten it; the text version below the drawing can say more")
    if not (key and label):
        return None
    return Node(key, label, row, col, kind)


def _read_edge(c: DataChecker, raw, where, what, number, nodes, bibliography) -> Edge | None:
    block = c.mapping(raw, where, what)
    if block is None or not c.keys(block, ("from", "to", "label", "cite"), ("source",), what):
        return None
    ends = []
    for name in ("from", "to"):
        key = block.get(name)
        if key not in nodes:
            c.error(block.where(name), f"{what}: '{name}' names unknown node '{key}'",
                    did_you_mean(str(key), nodes) or "nodes must be listed before edges")
            return None
        ends.append(key)
    if ends[0] == ends[1]:
        c.error(block.where("to"), f"{what}: an edge must join two different nodes")
        return None
    label = c.text(block.get("label"), block.where("label"), f"{what}: label")
    study = block.get("source")
    # A whole instrument only when its text was not found and a source reports the fact.
    cites = c.citations(block, "cite", what, need_unit=True, allow_textless=study is not None)
    if study is not None and (bibliography is None or bibliography.get(str(study)) is None):
        c.error(block.where("source"), f"{what}: unknown source '{study}'",
                bibliography.suggest(str(study)) if bibliography else "")
        study = None
    if not (label and cites) or len(cites) != _count(block.get("cite")):
        return None
    return Edge(number, ends[0], ends[1], label, tuple(cites), study, block.line, block.col)


def _count(value) -> int:
    return len(value) if isinstance(value, list) else 1


# ----------------------------------------------------------------------------- rendering

WORDS = words.table("authority_map")  # hooks/peraturan/build/words.yml


def render(amap: AuthorityMap, lang: str, dom_id: str = "peta-kewenangan") -> str:
    """SVG figure + numbered text alternative, as Markdown with raw HTML."""
    w = WORDS[lang]
    svg = render_svg(amap, lang, dom_id)
    lines = [svg, "", f'<p class="px-authority__legend"><strong>{w["legend"]}:</strong> {w["legend_text"]}</p>', "",
             f'<p class="px-authority__texthead" id="{dom_id}-teks"><strong>{w["text"]}</strong></p>', "",
             f'<div class="px-authority-list" role="figure" aria-labelledby="{dom_id}-teks" markdown>', ""]
    for edge in amap.edges:
        source, target = amap.nodes[edge.start], amap.nodes[edge.end]
        cites = ", ".join(f"[[{body}]]" for body in edge.cites)
        study = f" ({w['per']} [@{edge.source}])" if edge.source else ""
        # Spans, so that on a phone (content.css) each edge reads top to bottom:
        # who holds the power, an arrow, whom it concerns, what it is, its basis.
        lines.append(f'{edge.number}. <span class="px-edge__who"><span class="px-edge__from">'
                     f'{_md(source.label.get(lang))}</span> <span class="px-edge__arrow">→</span> '
                     f'<span class="px-edge__to">{_md(target.label.get(lang))}</span></span>'
                     '<span class="px-edge__sep">:</span> '
                     f'<span class="px-edge__what">{_md(edge.label.get(lang))}{study}.</span> '
                     f'<span class="px-edge__basis">{w["basis"]}: {cites}.</span>')
    lines += ["", "</div>"]
    return "\n".join(lines)


def _md(text: str) -> str:
    return escape(text)


def _center(node: Node) -> tuple[float, float]:
    return (PAD + node.col * CELL_W + CELL_W / 2, PAD + node.row * CELL_H + CELL_H / 2)


def _border_point(node: Node, towards: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the node's centre towards a point leaves its box."""
    cx, cy = _center(node)
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min((BOX_W / 2 + 4) / abs(dx) if dx else math.inf, (BOX_H / 2 + 4) / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def _wrap(text: str, width: int = 18) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _label_point(start: tuple[float, float], end: tuple[float, float],
                 placed: list[tuple[float, float]]) -> tuple[float, float]:
    """A spot on the edge for its number, away from numbers already placed."""
    best, best_gap = None, -1.0
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75):
        x, y = start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t
        gap = min((math.hypot(x - px, y - py) for px, py in placed), default=math.inf)
        if gap >= 26:
            return x, y
        if gap > best_gap:
            best, best_gap = (x, y), gap
    return best


def render_svg(amap: AuthorityMap, lang: str, dom_id: str) -> str:
    rows_used = max(n.row for n in amap.nodes.values()) + 1
    cols_used = max(n.col for n in amap.nodes.values()) + 1
    width, height = PAD * 2 + cols_used * CELL_W, PAD * 2 + rows_used * CELL_H
    out = [f'<figure class="px-authority" id="{dom_id}">',
           f'<svg class="px-authority__svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="{dom_id}-title {dom_id}-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{dom_id}-title">{escape(amap.title.get(lang))}</title>',
           f'<desc id="{dom_id}-desc">{escape(amap.description.get(lang))}</desc>',
           '<defs><marker id="px-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="px-authority__head"/></marker></defs>']
    labels = []
    placed: list[tuple[float, float]] = []
    for edge in amap.edges:
        source, target = amap.nodes[edge.start], amap.nodes[edge.end]
        x1, y1 = _border_point(source, _center(target))
        x2, y2 = _border_point(target, _center(source))
        out.append(f'<line class="px-authority__edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                   f'marker-end="url(#px-arrow)"/>')
        mx, my = _label_point((x1, y1), (x2, y2), placed)
        placed.append((mx, my))
        labels.append(f'<g class="px-authority__num"><circle cx="{mx:.1f}" cy="{my:.1f}" r="10"/>'
                      f'<text x="{mx:.1f}" y="{my:.1f}" dy="0.35em" text-anchor="middle">{edge.number}</text></g>')
    for node in amap.nodes.values():
        cx, cy = _center(node)
        x, y = cx - BOX_W / 2, cy - BOX_H / 2
        text_lines = _wrap(node.label.get(lang))
        first = cy - (len(text_lines) - 1) * 7.5
        tspans = "".join(f'<tspan x="{cx:.1f}" y="{first + i * 15:.1f}" dy="0.35em">{escape(t)}</tspan>'
                         for i, t in enumerate(text_lines))
        out.append(f'<g class="px-authority__node px-authority__node--{node.kind}">'
                   f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" rx="6"/>'
                   f'<text text-anchor="middle">{tspans}</text></g>')
    out += labels
    out += ["</svg>", "</figure>"]
    return "".join(out)

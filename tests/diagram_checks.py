"""Geometry of Mermaid `swimlane-beta` diagrams as drawn in a browser, and checks over it.

`EXTRACT_JS` runs in the page (``page.evaluate(EXTRACT_JS)`` for every diagram on the
page, or ``page.evaluate(EXTRACT_JS, svg_or_div_handle)`` for one) and returns a list of
plain JSON diagrams. Every coordinate is in CSS pixels as drawn, relative to the top-left
corner of the diagram's ``svg`` element (transforms and scaling applied through
getScreenCTM / getClientRects). One diagram::

    {"svg": true, "error": null, "id": "d123", "role": "swimlane", "scale": 1.0,
     "lanes": [{"id": "L1", "name": "Lane", "body": RECT, "title": RECT}],
     "nodes": [{"id": "a", "kind": "rect"|"capsule"|"diamond"|"other", "bbox": RECT,
                "outline": [[x, y], ...], "text": "...", "lines": [RECT, ...]}],
     "edges": [{"id": "L_a_b_0", "from": "a", "to": "b", "label": "Yes" | None,
                "kind": "arrow"|"line"|"invisible", "arrow": bool, "arrow_start": bool,
                "pattern": "solid"|"dotted"|"dashed", "thickness": "normal"|"thick",
                "ends_from": "id"|"label"|"geometry", "points": [[x, y], ...],
                "path": [[x, y], ...], "tip": [x, y] | None}],
     "edge_labels": [{"edge": "L_a_b_0", "text": "Yes", "bbox": RECT}]}

where RECT is ``{"x", "y", "w", "h"}``. ``points`` are the routing points Mermaid keeps
in ``data-points`` (the last one is where the arrow should end); ``path`` samples the
drawn path; ``tip`` is the drawn arrowhead's point, computed from the marker. A node's
``lines`` are the boxes of its label's text lines (union of the glyph boxes of each
line, spaces left out), not the box of the foreignObject.

The checks are pure functions of one diagram and return human-readable violations
(empty = OK); tolerances are in drawn CSS pixels. They assume a top-to-bottom diagram
(``swimlane-beta TB``). (a)-(f) are the ones asked for; (g) labels_on_edges,
(h) paths_without_backtrack and (i) paths_clear_of_nodes catch faults seen in Mermaid
11.17.2's swimlane layout: a back edge's label drawn on another edge, a route that
doubles back on itself, an edge drawn across a node. ``check_all`` runs them all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any, TypedDict

EXTRACT_JS = r"""
(target) => {
  const isSvg = (el) => el && el.tagName && el.tagName.toLowerCase() === 'svg';
  const svgsOf = (el) => {
    if (isSvg(el)) return [{svg: el}];
    const root = (el.shadowRoot || el);
    const svg = root.querySelector('svg[aria-roledescription], svg');
    return [{svg: svg || null}];
  };
  const found = [];
  if (target) {
    found.push(...svgsOf(target));
  } else {
    // In document order: each div.mermaid (its drawing may be in its shadow root) and
    // each Mermaid svg outside one.
    for (const el of document.querySelectorAll('div.mermaid, svg[aria-roledescription]')) {
      if (isSvg(el) && el.closest('div.mermaid')) continue;
      found.push(...svgsOf(el));
    }
  }
  return found.map(({svg}) => svg ? diagram(svg) : {svg: false, error: 'no svg drawn'});

  function diagram(svg) {
    const box = svg.getBoundingClientRect();
    const ox = box.left, oy = box.top;
    const ctm = svg.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
    const r2 = (v) => Math.round(v * 100) / 100;
    const at = (el, x, y) => {
      const p = new DOMPoint(x, y).matrixTransform(el.getScreenCTM());
      return [r2(p.x - ox), r2(p.y - oy)];
    };
    const rect = (x0, y0, x1, y1) => ({x: r2(x0), y: r2(y0), w: r2(x1 - x0), h: r2(y1 - y0)});
    const hull = (pts) => rect(Math.min(...pts.map(p => p[0])), Math.min(...pts.map(p => p[1])),
                               Math.max(...pts.map(p => p[0])), Math.max(...pts.map(p => p[1])));
    const clientRect = (r) => rect(r.left - ox, r.top - oy, r.right - ox, r.bottom - oy);
    const bboxCorners = (el) => {
      const b = el.getBBox();
      return [at(el, b.x, b.y), at(el, b.x + b.width, b.y),
              at(el, b.x + b.width, b.y + b.height), at(el, b.x, b.y + b.height)];
    };
    const sample = (path, step) => {
      const total = path.getTotalLength();
      const n = Math.max(2, Math.min(400, Math.ceil(total / step) + 1));
      const out = [];
      for (let i = 0; i < n; i++) {
        const p = path.getPointAtLength(total * i / (n - 1));
        out.push(at(path, p.x, p.y));
      }
      return out;
    };
    const role = svg.getAttribute('aria-roledescription') || '';
    const errorEl = svg.querySelector('.error-icon, .error-text');
    const errorText = [...svg.querySelectorAll('text')].map(t => t.textContent.trim())
      .filter(Boolean).join(' ');
    const error = role === 'error' || errorEl ? (errorText || 'error').slice(0, 200) : null;

    const prefix = svg.id + '-flowchart-';
    const nodes = [...svg.querySelectorAll('g.node')].map(nodeOf);
    const ids = new Set(nodes.map(n => n.id));
    const paths = [...svg.querySelectorAll('path[data-edge="true"]')];
    const edgeIds = paths.map(p => p.getAttribute('data-id') || p.id);
    const labels = edgeLabels();
    const edges = paths.map(edgeOf);
    const lanes = [...svg.querySelectorAll('g.cluster')].map(laneOf);
    return {svg: true, error, id: svg.id, role, scale: r2(scale), lanes, nodes, edges,
            edge_labels: labels.map(({edge, text, bbox}) => ({edge, text, bbox}))};

    function nodeOf(g) {
      let id = g.id.startsWith(prefix) ? g.id.slice(prefix.length) : g.id;
      id = id.replace(/-\d+$/, '');
      const shape = [...g.children].find(c => !c.classList.contains('label'));
      const {kind, outline} = shapeOf(shape);
      const fo = g.querySelector('.label foreignObject') || g.querySelector('.label');
      return {id, kind, bbox: hull(outline), outline, text: fo ? fo.textContent.trim() : '',
              lines: fo ? textLines(fo) : []};
    }

    function shapeOf(el) {
      if (!el) return {kind: 'other', outline: []};
      const tag = el.tagName.toLowerCase();
      if (tag === 'rect') return {kind: 'rect', outline: bboxCorners(el)};
      if (tag === 'polygon') {
        const outline = [...el.points].map(p => at(el, p.x, p.y));
        return {kind: isRhombus(outline) ? 'diamond' : 'other', outline};
      }
      const path = tag === 'path' ? el : el.querySelector('path');
      if (!path) return {kind: 'other', outline: bboxCorners(el)};
      const outline = sample(path, 3 * (1 / scale));
      return {kind: isStadium(outline) ? 'capsule' : 'other', outline};
    }

    function isRhombus(pts) {
      if (pts.length !== 4) return false;
      const b = hull(pts), cx = b.x + b.w / 2, cy = b.y + b.h / 2;
      return pts.every(([x, y]) =>
        (Math.abs(x - cx) < 1 && (Math.abs(y - b.y) < 1 || Math.abs(y - b.y - b.h) < 1)) ||
        (Math.abs(y - cy) < 1 && (Math.abs(x - b.x) < 1 || Math.abs(x - b.x - b.w) < 1)));
    }

    function isStadium(pts) {
      const b = hull(pts);
      if (b.w < b.h) return false;
      const r = b.h / 2, cy = b.y + r, x0 = b.x + r, x1 = b.x + b.w - r;
      return pts.every(([x, y]) => {
        const dx = x < x0 ? x - x0 : (x > x1 ? x - x1 : 0);
        return Math.abs(Math.hypot(dx, y - cy) - r) <= 1.5;
      });
    }

    function textLines(container) {
      const lines = [];
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const s = t.data;
        for (let i = 0; i < s.length; i++) {
          if (/\s/.test(s[i])) continue;
          const end = (s.charCodeAt(i) & 0xfc00) === 0xd800 ? i + 2 : i + 1;
          range.setStart(t, i); range.setEnd(t, end);
          for (const r of range.getClientRects()) {
            if (r.width === 0 && r.height === 0) continue;
            const mid = (r.top + r.bottom) / 2;
            const line = lines.find(l => mid > l.top && mid < l.bottom);
            if (line) {
              line.left = Math.min(line.left, r.left); line.right = Math.max(line.right, r.right);
              line.top = Math.min(line.top, r.top); line.bottom = Math.max(line.bottom, r.bottom);
            } else {
              lines.push({left: r.left, right: r.right, top: r.top, bottom: r.bottom});
            }
          }
          i = end - 1;
        }
      }
      lines.sort((a, b) => a.top - b.top);
      return lines.map(clientRect);
    }

    function edgeLabels() {
      return [...svg.querySelectorAll('.edgeLabel')].flatMap((el) => {
        const inner = el.querySelector('[data-id]');
        const key = inner ? inner.getAttribute('data-id')
          : edgeIds.find(id => el.id.endsWith('-' + id));
        const text = el.textContent.trim();
        if (!key || !text) return [];
        const fo = el.querySelector('foreignObject') || el.querySelector('text') || el;
        return [{edge: key, text, bbox: clientRect(fo.getBoundingClientRect())}];
      });
    }

    function split(body, sep) {
      const parts = body.split(sep);
      for (let i = 1; i < parts.length; i++) {
        const from = parts.slice(0, i).join(sep), to = parts.slice(i).join(sep);
        if (ids.has(from) && ids.has(to)) return [from, to];
      }
      return null;
    }

    function nearest(p) {
      if (!p) return null;
      const far = (n) => Math.max(n.bbox.x - p[0], p[0] - n.bbox.x - n.bbox.w,
                                  n.bbox.y - p[1], p[1] - n.bbox.y - n.bbox.h);
      const best = nodes.reduce((a, n) => (a && far(a) <= far(n) ? a : n), null);
      return best ? best.id : null;
    }

    // Ends from the default id L_<from>_<to>_<n>, else from the label's id
    // edge-label-<from>-<to>-<id>, else (an edge id given with `id@-->`) from the
    // nodes nearest to the path's first and last points.
    function ends(dataId, points) {
      const m = dataId.match(/^L_(.*)_\d+$/);
      const byId = m && split(m[1], '_');
      if (byId) return [...byId, 'id'];
      const el = [...svg.querySelectorAll('.edgeLabel[id^="edge-label-"]')]
        .find(e => e.id.endsWith('-' + dataId));
      const byLabel = el && split(el.id.slice(11, -dataId.length - 1), '-');
      if (byLabel) return [...byLabel, 'label'];
      return [nearest(points[0]), nearest(points[points.length - 1]), 'geometry'];
    }

    function markerOf(path, attr) {
      const ref = path.getAttribute(attr);
      const m = ref && ref.match(/url\(#(.+)\)/);
      return m ? svg.querySelector('marker#' + CSS.escape(m[1])) : null;
    }

    function tipOf(path, marker) {
      const total = path.getTotalLength();
      if (total === 0) return null;
      const p1 = path.getPointAtLength(total);
      const p0 = path.getPointAtLength(Math.max(0, total - 1));
      const len = Math.hypot(p1.x - p0.x, p1.y - p0.y);
      if (len === 0) return null;
      const vb = marker.viewBox.baseVal;
      const shape = marker.querySelector('path, polygon, circle');
      let tipX = vb && vb.width ? vb.x + vb.width : 10;
      try {
        const b = shape.getBBox();
        if (b.width > 0) tipX = b.x + b.width;
      } catch (e) { /* keep the viewBox edge */ }
      let k = vb && vb.width ? marker.markerWidth.baseVal.value / vb.width : 1;
      if (marker.getAttribute('markerUnits') !== 'userSpaceOnUse') {
        k *= parseFloat(getComputedStyle(path).strokeWidth) || 1;
      }
      const off = (tipX - marker.refX.baseVal.value) * k;
      return at(path, p1.x + (p1.x - p0.x) / len * off, p1.y + (p1.y - p0.y) / len * off);
    }

    function edgeOf(path) {
      const id = path.getAttribute('data-id') || path.id;
      let points = [];
      try {
        points = JSON.parse(atob(path.getAttribute('data-points') || ''))
          .map(p => at(path, p.x, p.y));
      } catch (e) { points = []; }
      const drawn = sample(path, 4 / scale);
      const [from, to, ends_from] = ends(id, points.length ? points : drawn);
      const endMarker = markerOf(path, 'marker-end');
      const style = getComputedStyle(path);
      const hidden = path.classList.contains('edge-thickness-invisible') ||
        style.stroke === 'none' || parseFloat(style.strokeWidth) === 0 ||
        style.visibility === 'hidden' || style.display === 'none';
      const cls = path.getAttribute('class') || '';
      const pattern = cls.includes('edge-pattern-dotted') ? 'dotted'
        : (cls.includes('edge-pattern-dashed') ? 'dashed' : 'solid');
      const thickness = cls.includes('edge-thickness-thick') ? 'thick' : 'normal';
      const label = labels.find(l => l.edge === id);
      return {id, from, to, ends_from, label: label ? label.text : null,
              kind: hidden ? 'invisible' : (endMarker ? 'arrow' : 'line'),
              arrow: !!endMarker, arrow_start: !!markerOf(path, 'marker-start'), pattern, thickness,
              points, path: drawn, tip: endMarker ? tipOf(path, endMarker) : null};
    }

    function laneOf(g) {
      const body = g.querySelector('rect.swimlane-body') || g.querySelector('rect');
      const title = g.querySelector('rect.swimlane-title');
      const label = g.querySelector('.cluster-label');
      return {id: g.getAttribute('data-id') || g.id,
              name: label ? label.textContent.trim() : '',
              body: body ? hull(bboxCorners(body)) : null,
              title: title ? hull(bboxCorners(title)) : null};
    }
  }
}
"""


class Rect(TypedDict):
    x: float
    y: float
    w: float
    h: float


Point = Sequence[float]
Diagram = dict[str, Any]
Arrow = tuple[str, str, str | None, str]


# --- geometry --------------------------------------------------------------------------


def _dist_segment(p: Point, a: Point, b: Point) -> float:
    """Distance from point p to segment ab."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    along = (p[0] - a[0]) * dx + (p[1] - a[1]) * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, along / length2))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def _corners(r: Rect) -> list[tuple[float, float]]:
    return [(r["x"], r["y"]), (r["x"] + r["w"], r["y"]),
            (r["x"] + r["w"], r["y"] + r["h"]), (r["x"], r["y"] + r["h"])]


def _in_rect(p: Point, r: Rect, tol: float = 0.0) -> bool:
    return (r["x"] - tol <= p[0] <= r["x"] + r["w"] + tol
            and r["y"] - tol <= p[1] <= r["y"] + r["h"] + tol)


def _rect_overlap(a: Rect, b: Rect) -> float:
    """Area shared by two rectangles."""
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return max(0.0, w) * max(0.0, h)


def _diamond(node: Diagram) -> list[tuple[float, float]]:
    """The diamond's polygon: its outline, or the rhombus inscribed in its bbox."""
    if len(node.get("outline") or []) == 4:
        return [(p[0], p[1]) for p in node["outline"]]
    b = node["bbox"]
    cx, cy = b["x"] + b["w"] / 2, b["y"] + b["h"] / 2
    return [(cx, b["y"]), (b["x"] + b["w"], cy), (cx, b["y"] + b["h"]), (b["x"], cy)]


def _stadium(b: Rect) -> tuple[tuple[float, float], tuple[float, float], float]:
    """A stadium as its core segment and radius (the long axis is horizontal)."""
    if b["w"] >= b["h"]:
        r, cy = b["h"] / 2, b["y"] + b["h"] / 2
        return (b["x"] + r, cy), (b["x"] + b["w"] - r, cy), r
    r, cx = b["w"] / 2, b["x"] + b["w"] / 2
    return (cx, b["y"] + r), (cx, b["y"] + b["h"] - r), r


def _polygon_signed(p: Point, poly: Sequence[Point]) -> float:
    """Signed distance to a convex polygon's outline: negative inside, positive outside."""
    d = min(_dist_segment(p, poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly)))
    return -d if _in_convex(p, poly) else d


def _in_convex(p: Point, poly: Sequence[Point]) -> bool:
    signs = set()
    for i in range(len(poly)):
        a, b = poly[i], poly[(i + 1) % len(poly)]
        cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
        if cross != 0:
            signs.add(cross > 0)
    return len(signs) <= 1


def signed_distance(p: Point, node: Diagram) -> float:
    """Signed distance from p to a node's outline (negative inside)."""
    kind, b = node.get("kind"), node["bbox"]
    if kind == "diamond":
        return _polygon_signed(p, _diamond(node))
    if kind == "capsule":
        a, c, r = _stadium(b)
        return _dist_segment(p, a, c) - r
    inside = _in_rect(p, b)
    d = min(_dist_segment(p, u, v) for u, v in _pairs(_corners(b)))
    return -d if inside else d


def _pairs(poly: Sequence[Point]) -> Iterable[tuple[Point, Point]]:
    return ((poly[i], poly[(i + 1) % len(poly)]) for i in range(len(poly)))


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def rect_overlaps_node(r: Rect, node: Diagram, tol: float = 0.5) -> bool:
    """Whether a rectangle, shrunk by `tol` on each side, overlaps the node's shape."""
    inner: Rect = {"x": r["x"] + tol, "y": r["y"] + tol,
                   "w": max(0.0, r["w"] - 2 * tol), "h": max(0.0, r["h"] - 2 * tol)}
    corners = _corners(inner)
    if any(signed_distance(p, node) < 0 for p in corners):
        return True
    kind = node.get("kind")
    if kind == "capsule":
        a, c, radius = _stadium(node["bbox"])
        return _segment_rect_distance(a, c, inner) < radius
    shape = _diamond(node) if kind == "diamond" else _corners(node["bbox"])
    if any(_in_rect(p, inner) for p in shape):
        return True
    return any(_segments_cross(p, q, u, v)
               for p, q in _pairs(shape) for u, v in _pairs(corners))


def _segment_rect_distance(a: Point, b: Point, r: Rect) -> float:
    corners = _corners(r)
    if _in_rect(a, r) or _in_rect(b, r):
        return 0.0
    if any(_segments_cross(a, b, u, v) for u, v in _pairs(corners)):
        return 0.0
    return min([_dist_segment(c, a, b) for c in corners]
               + [_dist_segment(p, u, v) for p in (a, b) for u, v in _pairs(corners)])


def _densify(line: Sequence[Point], step: float = 2.0) -> list[tuple[float, float]]:
    """The polyline's points with extra ones every `step` px along each segment."""
    out = [(line[0][0], line[0][1])] if line else []
    for a, b in pairwise(line):
        n = max(1, math.ceil(math.dist(a, b) / step))
        out += [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n)
                for i in range(1, n + 1)]
    return out


def _fmt(p: Point) -> str:
    return f"({p[0]:.1f}, {p[1]:.1f})"


def _edge_name(edge: Diagram) -> str:
    label = f' "{edge["label"]}"' if edge.get("label") else ""
    return f"{edge.get('from')} -> {edge.get('to')}{label}"


def _visible_edges(geom: Diagram) -> list[Diagram]:
    return [e for e in geom.get("edges", []) if e.get("kind") != "invisible"]


# --- checks ----------------------------------------------------------------------------


def rendered(geom: Diagram) -> list[str]:
    """(a) The diagram was drawn: an svg, no Mermaid error, at least one node."""
    if not geom.get("svg"):
        return [f"no svg drawn ({geom.get('error') or 'missing'})"]
    if geom.get("error"):
        return [f"Mermaid drew an error: {geom['error']}"]
    if not geom.get("nodes"):
        return ["the svg has no nodes"]
    return []


def arrows(geom: Diagram) -> set[Arrow]:
    """(b) Every edge as (from, to, label, kind), kind 'arrow' | 'line' | 'invisible'."""
    return {(e["from"], e["to"], e.get("label"), e["kind"]) for e in geom.get("edges", [])}


def paths_inside_frame(geom: Diagram, tol: float = 2.0) -> list[str]:
    """(c) Every drawn edge point lies in a lane body and not below the lowest node."""
    bodies = [lane["body"] for lane in geom.get("lanes", []) if lane.get("body")]
    nodes = geom.get("nodes", [])
    bottom = max((n["bbox"]["y"] + n["bbox"]["h"] for n in nodes), default=math.inf)
    problems = []
    for edge in _visible_edges(geom):
        points = list(edge.get("points", [])) + list(edge.get("path", []))
        outside = [p for p in points if bodies and not any(_in_rect(p, b, tol) for b in bodies)]
        below = [p for p in points if p[1] > bottom + tol]
        if outside:
            problems.append(f"edge {_edge_name(edge)}: {len(outside)} point(s) outside the "
                            f"lanes, e.g. {_fmt(outside[0])}")
        if below:
            worst = max(below, key=lambda p: p[1])
            problems.append(f"edge {_edge_name(edge)}: goes {worst[1] - bottom:.1f} px below "
                            f"the lowest node (y={bottom:.1f}) at {_fmt(worst)}")
    return problems


def labels_clear(geom: Diagram, tol: float = 0.5) -> list[str]:
    """(d) No edge label overlaps another edge label or a node's outline."""
    labels = geom.get("edge_labels", [])
    problems = []
    for i, label in enumerate(labels):
        for other in labels[i + 1:]:
            if _rect_overlap(label["bbox"], other["bbox"]) > tol * tol:
                problems.append(f'label "{label["text"]}" overlaps label "{other["text"]}"')
        for node in geom.get("nodes", []):
            if rect_overlaps_node(label["bbox"], node, tol):
                problems.append(f'label "{label["text"]}" overlaps node {node["id"]}')
    return problems


def arrowheads_on_target(geom: Diagram, tol: float = 3.0) -> list[str]:
    """(e) Every arrowhead's tip touches its target node's outline (within `tol` px)."""
    nodes = {n["id"]: n for n in geom.get("nodes", [])}
    problems = []
    for edge in _visible_edges(geom):
        if not edge.get("arrow"):
            continue
        target = nodes.get(edge.get("to") or "")
        tip = edge.get("tip") or (edge["points"][-1] if edge.get("points") else None)
        if target is None or tip is None:
            problems.append(f"edge {_edge_name(edge)}: no target node or no tip")
            continue
        d = signed_distance(tip, target)
        if abs(d) > tol:
            where = "inside" if d < 0 else "away from"
            problems.append(f"edge {_edge_name(edge)}: tip {_fmt(tip)} is {abs(d):.1f} px "
                            f"{where} the outline of {target['kind']} {target['id']}")
    return problems


def text_inside_shapes(geom: Diagram, tol: float = 1.0,
                       kinds: tuple[str, ...] = ("capsule", "diamond", "rect")) -> list[str]:
    """(f) Every corner of every text line box lies inside its node's shape."""
    problems = []
    for node in geom.get("nodes", []):
        if node.get("kind") not in kinds:
            continue
        for n, line in enumerate(node.get("lines", []), 1):
            worst = max(_corners(line), key=lambda p: signed_distance(p, node))
            d = signed_distance(worst, node)
            if d > tol:
                problems.append(f"{node['kind']} {node['id']}: text line {n} corner "
                                f"{_fmt(worst)} is {d:.1f} px outside the shape")
    return problems


def labels_on_edges(geom: Diagram, tol: float = 2.0) -> list[str]:
    """(g) Every edge label sits on its own edge: the drawn path passes through its box."""
    edges = {e["id"]: e for e in geom.get("edges", [])}
    problems = []
    for label in geom.get("edge_labels", []):
        edge = edges.get(label["edge"])
        if edge is None:
            problems.append(f'label "{label["text"]}" belongs to no edge')
            continue
        line = list(edge.get("path") or edge.get("points") or [])
        gap = min((_segment_rect_distance(a, b, label["bbox"]) for a, b in pairwise(line)),
                  default=math.inf)
        if gap > tol:
            problems.append(f'label "{label["text"]}" is {gap:.1f} px away from its edge '
                            f"{_edge_name(edge)}")
    return problems


def paths_without_backtrack(geom: Diagram, tol: float = 1.0) -> list[str]:
    """(h) No edge's routing turns back on itself (a segment retracing the previous one)."""
    problems = []
    for edge in _visible_edges(geom):
        points = [p for i, p in enumerate(edge.get("points", []))
                  if i == 0 or math.dist(p, edge["points"][i - 1]) > tol]
        for (a, b), (_, c) in pairwise(pairwise(points)):
            u = (b[0] - a[0], b[1] - a[1])
            v = (c[0] - b[0], c[1] - b[1])
            cross = u[0] * v[1] - u[1] * v[0]
            dot = u[0] * v[0] + u[1] * v[1]
            if dot < 0 and abs(cross) <= tol * max(math.hypot(*u), math.hypot(*v)):
                problems.append(f"edge {_edge_name(edge)}: turns back at {_fmt(b)} "
                                f"(retraces {min(math.hypot(*u), math.hypot(*v)):.1f} px)")
    return problems


def paths_clear_of_nodes(geom: Diagram, tol: float = 2.0) -> list[str]:
    """(i) No edge is drawn across a node other than its own two ends."""
    problems = []
    for edge in _visible_edges(geom):
        for node in geom.get("nodes", []):
            if node["id"] in (edge.get("from"), edge.get("to")):
                continue
            line = _densify(edge.get("path") or edge.get("points") or [])
            inside = [p for p in line if signed_distance(p, node) < -tol]
            if inside:
                problems.append(f"edge {_edge_name(edge)}: crosses node {node['id']} "
                                f"at {_fmt(inside[0])}")
    return problems


CHECKS: dict[str, Callable[[Diagram], list[str]]] = {
    "rendered": rendered,
    "paths_inside_frame": paths_inside_frame,
    "labels_clear": labels_clear,
    "arrowheads_on_target": arrowheads_on_target,
    "text_inside_shapes": text_inside_shapes,
    "labels_on_edges": labels_on_edges,
    "paths_without_backtrack": paths_without_backtrack,
    "paths_clear_of_nodes": paths_clear_of_nodes,
}


def check_all(geom: Diagram) -> list[str]:
    """Every check's violations, each prefixed with the check's name."""
    problems = rendered(geom)
    if problems:
        return [f"rendered: {p}" for p in problems]
    return [f"{name}: {p}" for name, check in CHECKS.items() for p in check(geom)]
